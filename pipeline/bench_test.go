package pipeline_test

import (
	"context"
	"syscall"
	"testing"
	"time"

	"github.com/stance-news/stance/internal/testdir"
	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline"
	"github.com/stance-news/stance/pipeline/article"
	"github.com/stance-news/stance/pipeline/quotes"
	"github.com/stance-news/stance/pipeline/source"
	"github.com/stance-news/stance/pipeline/speakers"
	"github.com/stance-news/stance/pipeline/stance"
	"github.com/stance-news/stance/pipeline/tone"
)

// The stage benchmarks run each stage over the BBC corpus (2,225 articles,
// 5 MB of text) and report MB/s of article text, so that the stages compare
// with each other and with the end-to-end figure of scripts/bench.sh:
//
//	go test ./pipeline -run '^$' -bench . -benchtime 3x

// bbcArticles reads ../shared/data/bbc.jsonl.gz, skipping the benchmark when
// the shared data is not beside the checkout.
func bbcArticles(b *testing.B) ([]article.Article, int64) {
	b.Helper()
	path := testdir.SharedFile(b, "data", "bbc.jsonl.gz")
	var arts []article.Article
	var n int64
	err := source.Read(context.Background(), []string{path}, source.Options{}, func(it source.Item) error {
		if it.Err == nil {
			arts = append(arts, it.Article)
			n += int64(len(it.Article.Text))
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return arts, n
}

// reportCPU sets the bytes per op and, when the returned function runs at
// the end of the benchmark, reports MB of article text per CPU-second of the
// process (user + system): what "per core" means, and steadier than wall
// time on a machine other jobs share.
func reportCPU(b *testing.B, textBytes int64) func() {
	b.SetBytes(textBytes)
	b.ReportAllocs()
	start := cpuSeconds(b)
	return func() {
		b.ReportMetric(float64(textBytes)*float64(b.N)/1e6/(cpuSeconds(b)-start), "MB/cpu-s")
	}
}

func cpuSeconds(b *testing.B) float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

func loadLexicon(b *testing.B) *lexicon.Lexicon {
	b.Helper()
	lx, err := lexicon.Load("")
	if err != nil {
		b.Fatal(err)
	}
	return lx
}

// corpus is the BBC articles with the output of every stage, so that each
// stage's benchmark times that stage alone.
type corpus struct {
	arts     []article.Article
	bytes    int64
	quotes   [][]quotes.Quote
	speakers [][]speakers.Speaker
}

func prepare(b *testing.B, lx *lexicon.Lexicon) corpus {
	arts, n := bbcArticles(b)
	c := corpus{arts: arts, bytes: n}
	qx, sr := quotes.New(lx), speakers.New(lx)
	for i := range arts {
		qs := qx.Extract(&arts[i])
		c.quotes = append(c.quotes, qs)
		c.speakers = append(c.speakers, sr.Resolve(&arts[i], qs))
	}
	return c
}

func BenchmarkQuotes(b *testing.B) {
	lx := loadLexicon(b)
	arts, n := bbcArticles(b)
	qx := quotes.New(lx)
	defer reportCPU(b, n)()
	for b.Loop() {
		for i := range arts {
			qx.Extract(&arts[i])
		}
	}
}

func BenchmarkSpeakers(b *testing.B) {
	lx := loadLexicon(b)
	c := prepare(b, lx)
	sr := speakers.New(lx)
	defer reportCPU(b, c.bytes)()
	for b.Loop() {
		for i := range c.arts {
			sr.Resolve(&c.arts[i], c.quotes[i])
		}
	}
}

func BenchmarkTone(b *testing.B) {
	lx := loadLexicon(b)
	c := prepare(b, lx)
	ts, err := tone.New(lx)
	if err != nil {
		b.Fatal(err)
	}
	defer reportCPU(b, c.bytes)()
	for b.Loop() {
		for i, a := range c.arts {
			for _, q := range c.quotes[i] {
				ts.Score(a.Text[q.Span.Start:q.Span.End])
			}
		}
	}
}

func BenchmarkStance(b *testing.B) {
	lx := loadLexicon(b)
	c := prepare(b, lx)
	ts, err := tone.New(lx)
	if err != nil {
		b.Fatal(err)
	}
	sc := stance.New(lx, ts)
	var sts []stance.Statement
	for i, a := range c.arts {
		for j, q := range c.quotes[i] {
			ps := 0
			if q.Paragraph >= 0 && q.Paragraph < len(a.Paragraphs) {
				ps = a.Paragraphs[q.Paragraph].Start
			}
			sp := c.speakers[i][j]
			sts = append(sts, stance.Statement{Text: a.Text[q.Span.Start:q.Span.End], Affiliation: sp.Affiliation,
				Published: a.Published, Lead: stance.Lead(a.Text, ps, q.Span.Start), SpeakerID: sp.ID, Speaker: sp.Name})
		}
	}
	defer reportCPU(b, c.bytes)()
	for b.Loop() {
		for _, st := range sts {
			sc.Score(st)
		}
	}
}

// BenchmarkAnalyze is the whole analysis of an article, as a worker runs it.
func BenchmarkAnalyze(b *testing.B) {
	lx := loadLexicon(b)
	an, err := pipeline.New(lx)
	if err != nil {
		b.Fatal(err)
	}
	arts, n := bbcArticles(b)
	defer reportCPU(b, n)()
	for b.Loop() {
		for i := range arts {
			an.Analyze(&arts[i])
		}
	}
}

// BenchmarkRead is the input side: gzip, JSON and article parsing.
func BenchmarkRead(b *testing.B) {
	_, n := bbcArticles(b)
	defer reportCPU(b, n)()
	for b.Loop() {
		bbcArticles(b)
	}
}

// BenchmarkStartup is what every run pays before its first article: loading
// the embedded lexicon and building the analyzer (word tables, tone models).
// It is serial, so on small inputs it bounds what a second worker can gain.
func BenchmarkStartup(b *testing.B) {
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		lx, err := lexicon.Load("")
		if err != nil {
			b.Fatal(err)
		}
		if _, err := pipeline.New(lx); err != nil {
			b.Fatal(err)
		}
	}
}
