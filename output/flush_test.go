package output

import (
	"bytes"
	"context"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
)

// Ending a row group with its columns flushed on several goroutines must
// write the file parquet-go writes alone: the same rows, written in
// batches of 256 as mergePartition does, once through the library's own
// row group ends and once cut at each row group's end and flushed at once.
func TestColumnsFlushedAtOnceWriteTheSameFile(t *testing.T) {
	arts, qs := sampleRows(2500)
	meta := Meta{Version: "v", LexiconVersion: "l", RunID: "r1"}
	sameFile(t, "articles", arts, meta, 700)
	sameFile(t, "quotes", qs, meta, 2000)
	sameFile(t, "quotes in one row group", qs[:300], meta, 2000)
}

func sameFile[T any](t *testing.T, name string, rows []T, meta Meta, rowGroup int64) {
	t.Helper()
	var alone, flushed bytes.Buffer
	pw := newWriter[T](&alone, meta, rowGroup)
	for i := 0; i < len(rows); i += 256 {
		if _, err := pw.Write(rows[i:min(i+256, len(rows))]); err != nil {
			t.Fatal(err)
		}
	}
	if err := pw.Close(); err != nil {
		t.Fatal(err)
	}
	pw = newWriter[T](&flushed, meta, rowGroup)
	var groupRows int64
	for i := 0; i < len(rows); i += 256 {
		for batch := rows[i:min(i+256, len(rows))]; len(batch) > 0; {
			n := min(int64(len(batch)), rowGroup-groupRows)
			if _, err := pw.Write(batch[:n]); err != nil {
				t.Fatal(err)
			}
			batch = batch[n:]
			if groupRows += n; groupRows == rowGroup {
				if err := endRowGroup(pw, 4); err != nil {
					t.Fatal(err)
				}
				groupRows = 0
			}
		}
	}
	if err := closeWriter(pw, 4); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(alone.Bytes(), flushed.Bytes()) {
		t.Fatalf("%s: columns flushed at once changed the file (%d vs %d bytes)", name, flushed.Len(), alone.Len())
	}
	f, err := parquet.OpenFile(bytes.NewReader(flushed.Bytes()), int64(flushed.Len()))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) > int(rowGroup) && len(f.Metadata().RowGroups) < 2 {
		t.Fatalf("%s: %d row groups, want several", name, len(f.Metadata().RowGroups))
	}
}

// sampleRows makes n articles with texts long enough for several pages per
// row group, and their quotes, over 40 days and no date.
func sampleRows(n int) ([]Article, []Quote) {
	rng := rand.New(rand.NewPCG(1, 2))
	words := strings.Fields("the minister said on Tuesday that talks with Moscow and Washington would resume « » “quoted” é ü")
	text := func(n int) string {
		var b strings.Builder
		for b.Len() < n {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteByte(' ')
		}
		return b.String()
	}
	var arts []Article
	var qs []Quote
	for i := range n {
		day := time.Date(2020, 1, 1+i%40, 0, 0, 0, 0, time.UTC)
		a := Article{ArticleID: fmt.Sprintf("a%05d", i), Title: text(rng.IntN(120)), Text: text(rng.IntN(6000)),
			Status: StatusOK, RunID: "r1", NQuotes: int32(i % 7)}
		if i%5 != 0 {
			a.Published = &day
		}
		arts = append(arts, a)
		for k := range i % 4 {
			q := Quote{QuoteID: fmt.Sprintf("%s-%d", a.ArticleID, k), ArticleID: a.ArticleID, Published: a.Published,
				Text: text(rng.IntN(900)), Speaker: text(rng.IntN(30)), SpeakerID: fmt.Sprintf("s%d", rng.IntN(50)),
				SpeakerMention: "Minister", Tone: rng.Float64() - 0.5, StanceEvidence: []string{text(rng.IntN(300))}, RunID: "r1"}
			if k%2 == 1 {
				v := rng.Float64()
				q.StanceUS = &v
				q.StanceSides = []string{"us=0.5", "ru=-0.25"}
			}
			qs = append(qs, q)
		}
	}
	return arts, qs
}

// A commit writes the same bytes whatever its number of workers: every
// file of every table, with partitions of several row groups and files,
// row groups ended by bytes, and a second run merging with the first.
func TestCommitWritesTheSameFilesWhateverTheWorkers(t *testing.T) {
	arts, qs := sampleRows(1200)
	big := strings.Repeat("A long paragraph of words. ", (3<<20)/27)
	day := time.Date(2020, 1, 3, 0, 0, 0, 0, time.UTC)
	commit := func(out, run string, workers int, arts []Article) {
		t.Helper()
		w, err := Create(out, Meta{RunID: run, Version: "v"})
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		w.Workers, w.RowGroupRows, w.RowGroupBytes, w.FileRowGroups = workers, 128, 4<<20, 3
		byArticle := map[string][]Quote{}
		for _, q := range qs {
			q.RunID = run
			byArticle[q.ArticleID] = append(byArticle[q.ArticleID], q)
		}
		for _, a := range arts {
			a.RunID = run
			if err := w.Add(a, byArticle[a.ArticleID]); err != nil {
				t.Fatal(err)
			}
		}
		started := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
		if err := w.Commit(context.Background(), Run{RunID: run, StartedAt: started, FinishedAt: started, Status: "ok"}); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	for _, workers := range []int{1, 4} {
		out := filepath.Join(dir, fmt.Sprint(workers))
		first := append(arts[:800:800], Article{ArticleID: "big1", Published: &day, Text: big, Status: StatusOK},
			Article{ArticleID: "big2", Published: &day, Text: big, Status: StatusOK})
		commit(out, "r1", workers, first)
		commit(out, "r2", workers, arts[400:])
	}
	files := func(out string) map[string][]byte {
		got := map[string][]byte{}
		err := filepath.WalkDir(out, func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || d.Name() == ".stance.lock" {
				return err
			}
			data, err := os.ReadFile(path)
			rel, _ := filepath.Rel(out, path)
			got[rel] = data
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		return got
	}
	one, four := files(filepath.Join(dir, "1")), files(filepath.Join(dir, "4"))
	if len(one) != len(four) {
		t.Fatalf("%d files with 1 worker, %d with 4", len(one), len(four))
	}
	split := 0
	for name, data := range one {
		if !bytes.Equal(data, four[name]) {
			t.Errorf("%s: %d bytes with 1 worker, %d different ones with 4", name, len(data), len(four[name]))
		}
		if strings.HasSuffix(name, "part-000001.parquet") {
			split++
		}
	}
	if split == 0 {
		t.Errorf("no partition went on in a second file: the test misses that path (files: %d)", len(one))
	}
}
