package batch

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stance-news/stance/batch/batchtest"
	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/output"
	"github.com/stance-news/stance/pipeline"
	"github.com/stance-news/stance/pipeline/article"
)

// An article whose analysis never ends is quarantined after the timeout and
// the run completes with every other article.
func TestArticleTimeoutQuarantinesAHungAnalysis(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	defer func(f func(*pipeline.Analyzer, *article.Article) ([]pipeline.Statement, error)) { analyzeFn = f }(analyzeFn)
	analyzeFn = func(an *pipeline.Analyzer, a *article.Article) ([]pipeline.Statement, error) {
		if a.ID == "art-0007" {
			<-release // a pathological text: never returns while the run lasts
		}
		return analyze(an, a)
	}
	arts := runFeedWithOneBadArticle(t, 300*time.Millisecond)
	for _, a := range arts {
		if a.ArticleID == "art-0007" {
			if a.Status != output.StatusQuarantined || !strings.Contains(a.Error, "feed.jsonl:8: analysis took longer than 300ms") {
				t.Errorf("hung article row: %s %q", a.Status, a.Error)
			}
			return
		}
	}
	t.Error("no row for the hung article")
}

// An analysis that panics quarantines its article, with the panic and where
// it happened, and the run goes on with every other article.
func TestPanickingAnalysisQuarantinesTheArticle(t *testing.T) {
	defer func(f func(*pipeline.Analyzer, *article.Article) ([]pipeline.Statement, error)) { analyzeFn = f }(analyzeFn)
	analyzeFn = func(an *pipeline.Analyzer, a *article.Article) ([]pipeline.Statement, error) {
		if a.ID == "art-0003" {
			an = nil // a bug: the analysis dereferences a nil pointer
		}
		return analyze(an, a)
	}
	arts := runFeedWithOneBadArticle(t, 0)
	for _, a := range arts {
		if a.ArticleID == "art-0003" {
			want := "feed.jsonl:4: analysis failed: runtime error: invalid memory address or nil pointer dereference (in pipeline.(*Analyzer).Analyze, pipeline.go:"
			if a.Status != output.StatusQuarantined || !strings.Contains(a.Error, want) {
				t.Errorf("row of the article whose analysis panicked: %s %q, want an error containing %q", a.Status, a.Error, want)
			}
			return
		}
	}
	t.Error("no row for the article whose analysis panicked")
}

// runFeedWithOneBadArticle runs the batch on a feed of 20 generated articles
// (art-0000 … art-0019, line n+1 for art-000n) with the given article
// timeout, expects one of them quarantined, and returns the articles rows.
func runFeedWithOneBadArticle(t *testing.T, timeout time.Duration) []output.Article {
	t.Helper()
	dir := t.TempDir()
	in := filepath.Join(dir, "feed.jsonl")
	if err := batchtest.WriteJSONL(in, batchtest.Generate(3, 20, 2)); err != nil {
		t.Fatal(err)
	}
	lx, err := lexicon.Load("")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	sum, err := Run(context.Background(), Config{Inputs: []string{in}, Out: out, Workers: 2, Lexicon: lx, Version: "test", ArticleTimeout: timeout})
	if err != nil {
		t.Fatal(err)
	}
	if sum.OK != 19 || sum.Quarantined != 1 {
		t.Errorf("summary %+v, want 19 ok and 1 quarantined", sum)
	}
	arts, err := output.ReadTable[output.Article](out, output.ArticlesTable)
	if err != nil {
		t.Fatal(err)
	}
	return arts
}
