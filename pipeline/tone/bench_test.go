package tone

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stance-news/stance/internal/testdir"
	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline/article"
)

// benchSentences is news text cut into sentence-sized statements, the unit
// the pipeline scores: the first BBC articles split at full stops.
func benchSentences(b testing.TB) ([]string, int) {
	f, err := os.Open(filepath.Join(testdir.Shared(b), "data", "bbc.jsonl.gz"))
	if err != nil {
		b.Skipf("bbc corpus: %v", err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		b.Fatal(err)
	}
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 1<<20), 1<<22)
	var out []string
	size := 0
	for sc.Scan() && size < 2<<20 {
		var a struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &a); err != nil {
			b.Fatal(err)
		}
		start := 0
		for i := 0; i < len(a.Text); i++ {
			if a.Text[i] == '.' || a.Text[i] == '\n' {
				if s := a.Text[start : i+1]; len(s) > 20 {
					out = append(out, s)
					size += len(s)
				}
				start = i + 1
			}
		}
	}
	return out, size
}

// BenchmarkScore measures the rule engine and the naive Bayes model together
// (Scorer.Score) in MB/s of text on one goroutine.
func BenchmarkScore(b *testing.B) {
	lx, err := lexicon.Default()
	if err != nil {
		b.Fatal(err)
	}
	s, err := New(lx)
	if err != nil {
		b.Fatal(err)
	}
	if s.model == nil {
		b.Fatal("no model in the default lexicon")
	}
	sents, size := benchSentences(b)
	b.SetBytes(int64(size))
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, t := range sents {
			s.Score(t)
		}
	}
	reportCPU(b, cpu0, size)
}

// reportCPU adds MB per CPU-second: on a shared machine the wall-clock MB/s
// also counts time spent waiting for a core.
func reportCPU(b *testing.B, cpu0 time.Duration, size int) {
	if d := cpuTime() - cpu0; d > 0 {
		b.ReportMetric(float64(size)*float64(b.N)/1e6/d.Seconds(), "MB/cpu-s")
	}
}

// BenchmarkRules is the rule engine alone, for comparison.
func BenchmarkRules(b *testing.B) {
	e := vaderOnly(b)
	sents, size := benchSentences(b)
	b.SetBytes(int64(size))
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for _, t := range sents {
			e.compound(t)
		}
	}
	reportCPU(b, cpu0, size)
}

// BenchmarkTarget measures TargetScore (rules, both models and the target
// combiner) with the mention at each sentence's first capitalised word
// after its start, in MB/s of sentence text.
func BenchmarkTarget(b *testing.B) {
	s := defaultScorer(b)
	sents, size := benchSentences(b)
	spans := make([]article.Span, len(sents))
	for i, t := range sents {
		spans[i] = article.Span{Start: 0, End: 0}
		for j := 2; j < len(t); j++ {
			if t[j-1] == ' ' && t[j] >= 'A' && t[j] <= 'Z' {
				k := j
				for k < len(t) && t[k] != ' ' {
					k++
				}
				spans[i] = article.Span{Start: j, End: k}
				break
			}
		}
	}
	b.SetBytes(int64(size))
	b.ResetTimer()
	cpu0 := cpuTime()
	for i := 0; i < b.N; i++ {
		for j, t := range sents {
			s.TargetScore(t, spans[j])
		}
	}
	reportCPU(b, cpu0, size)
}
