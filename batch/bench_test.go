package batch_test

import (
	"context"
	"fmt"
	"github.com/stance-news/stance/internal/testdir"
	"path/filepath"
	"syscall"
	"testing"
	"time"

	"github.com/stance-news/stance/batch"
	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline/source"
)

// BenchmarkRun is the whole job, end to end (read → extract → attribute →
// score → Parquet), on the BBC corpus of ../shared (2,225 articles, 5 MB of
// text), reprocessed into a fresh dataset each time; it reports MB/s of
// article text and articles/s, per worker count:
//
//	go test ./batch -run '^$' -bench Run -benchtime 3x
//
// scripts/bench.sh measures the same on larger corpora with peak RSS.
func BenchmarkRun(b *testing.B) {
	path := testdir.SharedFile(b, "data", "bbc.jsonl.gz")
	var textBytes, articles int64
	err := source.Read(context.Background(), []string{path}, source.Options{}, func(it source.Item) error {
		textBytes += int64(len(it.Article.Text))
		articles++
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	lx, err := lexicon.Load("")
	if err != nil {
		b.Fatal(err)
	}
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("workers=%d", workers), func(b *testing.B) {
			b.SetBytes(textBytes)
			n := 0
			cpu0 := cpuSeconds(b)
			for b.Loop() {
				n++
				out := filepath.Join(b.TempDir(), fmt.Sprint(n))
				_, err := batch.Run(context.Background(), batch.Config{Inputs: []string{path}, Out: out, Workers: workers, Lexicon: lx, Version: "bench", Full: true})
				if err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(articles)*float64(b.N)/b.Elapsed().Seconds(), "articles/s")
			// Per CPU-second (user + system, the whole process): what "per
			// core" means, and steadier than wall time on a shared machine.
			b.ReportMetric(float64(textBytes)*float64(b.N)/1e6/(cpuSeconds(b)-cpu0), "MB/cpu-s")
		})
	}
}

func cpuSeconds(b *testing.B) float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		b.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}
