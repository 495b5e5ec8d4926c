package output

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// A partition with more row groups than FileRowGroups goes on in further
// files, so that the writer's per-row-group metadata stays bounded. The
// tables must read the same as from one file per partition, through runs
// that merge with the split files, replace their articles (fewer files
// than before: the extra ones go) and drop a whole partition's rows.
func TestPartitionSplitIntoFiles(t *testing.T) {
	dir := t.TempDir()
	split, whole := filepath.Join(dir, "split"), filepath.Join(dir, "whole")
	day := time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC)
	type article struct {
		id     string
		day    int
		quotes int
	}
	commit := func(out, run string, fileGroups int, arts []article) {
		t.Helper()
		w, err := Create(out, Meta{RunID: run})
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		w.Workers, w.RowGroupRows, w.FileRowGroups = 2, 64, fileGroups
		for _, a := range arts {
			pub := day.AddDate(0, 0, a.day)
			var qs []Quote
			for k := range a.quotes {
				qs = append(qs, Quote{QuoteID: fmt.Sprintf("%s-q%d", a.id, k), ArticleID: a.id, Published: &pub,
					Text: run + " words", SpeakerID: fmt.Sprintf("s%d", k%5), Speaker: fmt.Sprintf("S %d", k%5), Tone: float64(k%3) / 4})
			}
			if err := w.Add(Article{ArticleID: a.id, Published: &pub, Text: run + " text " + a.id, Status: StatusOK, RunID: run}, qs); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Commit(context.Background(), Run{RunID: run}); err != nil {
			t.Fatal(err)
		}
	}
	both := func(run string, arts []article) {
		t.Helper()
		commit(split, run, 2, arts)
		commit(whole, run, 0, arts)
	}
	files := func(table string, day int) []string {
		d := day
		pub := time.Date(2017, 4, 12+d, 0, 0, 0, 0, time.UTC)
		names, _ := filepath.Glob(filepath.Join(split, table, PartitionOf(&pub), "*"))
		for i := range names {
			names[i] = filepath.Base(names[i])
		}
		return names
	}
	same := func(step string) {
		t.Helper()
		for _, table := range []string{QuotesTable, ArticlesTable, SpeakersTable} {
			var a, b any
			var err1, err2 error
			switch table {
			case QuotesTable:
				a, err1 = ReadTable[Quote](split, table)
				b, err2 = ReadTable[Quote](whole, table)
			case ArticlesTable:
				a, err1 = ReadTable[Article](split, table)
				b, err2 = ReadTable[Article](whole, table)
			default:
				a, err1 = ReadTable[Speaker](split, table)
				b, err2 = ReadTable[Speaker](whole, table)
			}
			if err1 != nil || err2 != nil {
				t.Fatalf("%s: %s: %v, %v", step, table, err1, err2)
			}
			ja, _ := json.Marshal(a)
			jb, _ := json.Marshal(b)
			if string(ja) != string(jb) {
				t.Errorf("%s: %s table differs between split and whole partitions", step, table)
			}
		}
		// Every file of the split dataset holds at most FileRowGroups row
		// groups.
		err := filepath.WalkDir(split, func(p string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || filepath.Ext(p) != ".parquet" {
				return err
			}
			f, pf, err := openParquet(p)
			if err != nil {
				return err
			}
			defer f.Close()
			if n := len(pf.RowGroups()); n > 2 {
				t.Errorf("%s: %s has %d row groups, want at most 2", step, p, n)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}

	// Day 0: 300 articles of 3 quotes (900 quotes: 15 row groups of 64,
	// so 8 files; articles 5 row groups, 3 files); day 1: a few.
	var first []article
	for i := range 300 {
		first = append(first, article{fmt.Sprintf("a%03d", i), 0, 3})
	}
	for i := range 5 {
		first = append(first, article{fmt.Sprintf("b%03d", i), 1, 2})
	}
	both("r1", first)
	same("first run")
	want := []string{"part-0.parquet", "part-000001.parquet", "part-000002.parquet", "part-000003.parquet",
		"part-000004.parquet", "part-000005.parquet", "part-000006.parquet", "part-000007.parquet"}
	if got := files(QuotesTable, 0); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("quotes files of day 0: %v, want %v", got, want)
	}
	if got := files(ArticlesTable, 0); fmt.Sprint(got) != fmt.Sprint(want[:3]) {
		t.Errorf("articles files of day 0: %v, want %v", got, want[:3])
	}

	// Run 2: the first 250 articles of day 0 come back with no quotes and
	// move to day 1, a few new ones join day 0 between the old ones: day
	// 0 keeps 50 articles and shrinks to 2 quotes files, its other files
	// must go.
	var second []article
	for i := range 250 {
		second = append(second, article{fmt.Sprintf("a%03d", i), 1, 0})
	}
	for i := range 10 {
		second = append(second, article{fmt.Sprintf("a%03d-new", 260+i), 0, 4})
	}
	both("r2", second)
	same("second run")
	if got := files(QuotesTable, 0); len(got) != 2 {
		t.Errorf("quotes files of day 0 after the second run: %v, want 2", got)
	}

	// Run 3: every article of day 0 moves to day 2: day 0's folder goes.
	var third []article
	for i := 250; i < 300; i++ {
		third = append(third, article{fmt.Sprintf("a%03d", i), 2, 3})
	}
	for i := range 10 {
		third = append(third, article{fmt.Sprintf("a%03d-new", 260+i), 2, 3})
	}
	both("r3", third)
	same("third run")
	if got := files(QuotesTable, 0); len(got) != 0 {
		t.Errorf("quotes files of day 0 after every article left it: %v", got)
	}

	// Run 4 leaves day 2 (180 quotes, 2 files) alone: the speakers table
	// reads both of its files back.
	both("r4", []article{{"c000", 5, 2}})
	same("fourth run")
	if got := files(QuotesTable, 2); len(got) != 2 {
		t.Errorf("quotes files of day 2: %v, want 2", got)
	}

	// What the dataset records about an article in a later file is found
	// (incremental runs skip it).
	w, err := Create(split, Meta{RunID: "r5"})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if k, ok := w.Known("a299"); !ok || k.Partition != PartitionOf(&[]time.Time{day.AddDate(0, 0, 2)}[0]) {
		t.Errorf("known a299: %+v, %v", k, ok)
	}
}
