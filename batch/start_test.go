package batch_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stance-news/stance/batch"
	"github.com/stance-news/stance/batch/batchtest"
	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/output"
)

// A broken tone model (the one lexicon file read while the analyzer is
// built, not by lexicon.Load) ends the run with its file and line, and
// nothing is committed.
func TestBrokenToneModelStopsTheRun(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "feed.jsonl")
	if err := batchtest.WriteJSONL(in, batchtest.Generate(5, 200, 2)); err != nil {
		t.Fatal(err)
	}
	lexDir := filepath.Join(dir, "lexicon")
	if err := os.MkdirAll(filepath.Join(lexDir, "tone"), 0o755); err != nil {
		t.Fatal(err)
	}
	model := "# a model file whose second line is no header\nnot a row\n"
	if err := os.WriteFile(filepath.Join(lexDir, "tone", "nb_model.tsv"), []byte(model), 0o644); err != nil {
		t.Fatal(err)
	}
	lx, err := lexicon.Load(lexDir)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	for _, workers := range []int{1, 2} {
		_, err = batch.Run(context.Background(), batch.Config{Inputs: []string{in}, Out: out, Workers: workers, Lexicon: lx, Version: "test"})
		if err == nil || !strings.Contains(err.Error(), filepath.Join("tone", "nb_model.tsv")+":2:") {
			t.Fatalf("%d workers: error %v, want one naming nb_model.tsv:2", workers, err)
		}
		if arts, err := output.ReadTable[output.Article](out, output.ArticlesTable); err == nil && len(arts) > 0 {
			t.Fatalf("%d workers: %d article rows committed by a run that failed", workers, len(arts))
		}
	}
}
