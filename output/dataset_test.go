package output

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// quoteV0 is the quotes row of an older release, before the stance columns.
type quoteV0 struct {
	QuoteID   string     `parquet:"quote_id"`
	ArticleID string     `parquet:"article_id,dict"`
	Published *time.Time `parquet:"published,optional,timestamp(microsecond)"`
	Text      string     `parquet:"text"`
	RunID     string     `parquet:"run_id,dict"`
}

// A dataset written by an older release, whose files lack newer columns,
// must merge with this release's rows: old rows keep their values and get
// empty new columns.
func TestMergeWithFilesOfAnOlderSchema(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	day := time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC)
	part := PartitionOf(&day)
	old := []quoteV0{{QuoteID: "q-old", ArticleID: "a-old", Published: &day, Text: "old words", RunID: "r0"}}
	if err := writeParquet(filepath.Join(out, partFile(QuotesTable, part)), Meta{}, old, 1); err != nil {
		t.Fatal(err)
	}
	arts := []Article{{ArticleID: "a-old", Published: &day, Text: "old", Status: StatusOK, RunID: "r0"}}
	if err := writeParquet(filepath.Join(out, partFile(ArticlesTable, part)), Meta{}, arts, 1); err != nil {
		t.Fatal(err)
	}
	w, err := Create(out, Meta{RunID: "r1", Version: "v1"})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	us := 0.5
	err = w.Add(Article{ArticleID: "a-new", Published: &day, Text: "new", Status: StatusOK, RunID: "r1"},
		[]Quote{{QuoteID: "q-new", ArticleID: "a-new", Published: &day, Text: "new words", SpeakerID: "s", StanceUS: &us, StanceEvidence: []string{"cue"}, RunID: "r1"}})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(context.Background(), Run{RunID: "r1"}); err != nil {
		t.Fatal(err)
	}
	qs, err := ReadTable[Quote](out, QuotesTable)
	if err != nil {
		t.Fatal(err)
	}
	if len(qs) != 2 || qs[0].QuoteID != "q-new" || qs[1].QuoteID != "q-old" {
		t.Fatalf("merged quotes: %+v", qs)
	}
	if qs[1].Text != "old words" || qs[1].StanceUS != nil || len(qs[1].StanceEvidence) != 0 || qs[1].RunID != "r0" {
		t.Errorf("old row after merge: %+v", qs[1])
	}
	if qs[0].StanceUS == nil || *qs[0].StanceUS != 0.5 || len(qs[0].StanceEvidence) != 1 {
		t.Errorf("new row after merge: %+v", qs[0])
	}
}

// A damaged dataset file stops the run with an error naming it, instead of
// a panic or a silent loss of its rows; the other files are untouched.
func TestDamagedPartitionFileIsReportedByName(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	day := time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC)
	w, err := Create(out, Meta{RunID: "r1"})
	if err != nil {
		t.Fatal(err)
	}
	if err := w.Add(Article{ArticleID: "a", Published: &day, Text: "t", Status: StatusOK}, []Quote{{QuoteID: "q", ArticleID: "a", SpeakerID: "s", StanceEvidence: []string{}}}); err != nil {
		t.Fatal(err)
	}
	if err := w.Commit(context.Background(), Run{RunID: "r1"}); err != nil {
		t.Fatal(err)
	}
	w.Close()
	for _, table := range []string{ArticlesTable, QuotesTable} {
		t.Run(table, func(t *testing.T) {
			path := filepath.Join(out, partFile(table, PartitionOf(&day)))
			good, err := os.ReadFile(path)
			if err != nil {
				t.Fatal(err)
			}
			defer os.WriteFile(path, good, 0o644)
			for _, damaged := range [][]byte{good[:len(good)/2], good[len(good)/2:], []byte("PAR1"), nil} {
				if err := os.WriteFile(path, damaged, 0o644); err != nil {
					t.Fatal(err)
				}
				w, err := Create(out, Meta{RunID: "r2"})
				if err == nil {
					err = w.Add(Article{ArticleID: "a", Published: &day, Text: "changed", Status: StatusOK}, nil)
					if err == nil {
						err = w.Commit(context.Background(), Run{RunID: "r2"})
					}
					w.Close()
				}
				if err == nil || !strings.Contains(err.Error(), path) {
					t.Errorf("%d-byte damaged file: error %v, want one naming %s", len(damaged), err, path)
				}
			}
		})
	}
}

// When the output folder is a mount point, staging happens inside it, in a
// hidden folder outside every table, and leaves nothing behind.
func TestStagingInsideAMountedOutputFolder(t *testing.T) {
	defer func(f func(a, b string) bool) { sameDeviceFn = f }(sameDeviceFn)
	sameDeviceFn = func(a, b string) bool { return false }
	out := filepath.Join(t.TempDir(), "out")
	if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	stage, err := StagingDir(out)
	if err != nil {
		t.Fatal(err)
	}
	real, _ := filepath.EvalSymlinks(out)
	if stage != filepath.Join(real, ".stance-staging") {
		t.Fatalf("staging at %s, want inside %s", stage, out)
	}
	day := time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC)
	for i, run := range []string{"r1", "r2"} {
		w, err := Create(out, Meta{RunID: run})
		if err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(stage, run)); err != nil {
			t.Errorf("run %s not staged inside the output folder: %v", run, err)
		}
		id := fmt.Sprintf("a%d", i)
		if err := w.Add(Article{ArticleID: id, Published: &day, Text: "t", Status: StatusOK}, []Quote{{QuoteID: "q" + id, ArticleID: id, SpeakerID: "s", StanceEvidence: []string{}}}); err != nil {
			t.Fatal(err)
		}
		if err := w.Commit(context.Background(), Run{RunID: run}); err != nil {
			t.Fatal(err)
		}
		w.Close()
	}
	if _, err := os.Stat(stage); !os.IsNotExist(err) {
		t.Errorf("staging folder left in the output folder: %v", err)
	}
	arts, err := ReadTable[Article](out, ArticlesTable)
	if err != nil || len(arts) != 2 {
		t.Errorf("articles: %d rows, %v", len(arts), err)
	}
}

// Long articles end a row group early: the writer holds a row group in
// memory, so its size must follow bytes, not only rows.
func TestRowGroupsAreBoundedByBytes(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	w, err := Create(out, Meta{RunID: "r1"})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	w.Workers, w.RowGroupBytes = 1, 4<<20
	day := time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC)
	text := strings.Repeat("A long paragraph of words. ", (3<<20)/27)
	for i := range 4 {
		if err := w.Add(Article{ArticleID: fmt.Sprintf("a%d", i), Published: &day, Text: text, Status: StatusOK}, nil); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(context.Background(), Run{RunID: "r1"}); err != nil {
		t.Fatal(err)
	}
	f, pf, err := openParquet(filepath.Join(out, partFile(ArticlesTable, PartitionOf(&day))))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if n := len(pf.RowGroups()); n < 2 {
		t.Errorf("4 articles of 3 MB in %d row group(s), want one per 4 MB or so", n)
	}
}

// TestNoScratchFileOnceClosing: a cancelled run's reader may still be going
// when Close removes the staging folder. A scratch file it created during
// the removal would keep the folder on disk, so once Close has begun
// ScratchFile must create nothing, even while the folder is still there
// (the test puts it back after Close to stand for that moment).
func TestNoScratchFileOnceClosing(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	w, err := Create(out, Meta{Version: "test", RunID: "run-1"})
	if err != nil {
		t.Fatal(err)
	}
	f, err := w.ScratchFile("before")
	if err != nil {
		t.Fatalf("scratch file of an open run: %v", err)
	}
	f.Close()
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(w.stage, 0o755); err != nil {
		t.Fatal(err)
	}
	if f, err := w.ScratchFile("after"); !errors.Is(err, ErrClosed) {
		if f != nil {
			f.Close()
		}
		t.Errorf("ScratchFile after Close: got %v, want ErrClosed", err)
	}
	if _, err := os.Stat(filepath.Join(w.stage, "after")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("scratch file created after Close (stat: %v)", err)
	}
}
