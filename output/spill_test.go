package output

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestSpillIndexRuns: a run whose spill index goes to disk in sorted runs
// (a large input) writes the same tables as one that keeps it in memory,
// into a new dataset and over an existing one (rows replaced, an article
// moved to another partition, rows kept).
func TestSpillIndexRuns(t *testing.T) {
	days := []*time.Time{nil}
	for d := 1; d <= 3; d++ {
		day := time.Date(2017, 4, d, 0, 0, 0, 0, time.UTC)
		days = append(days, &day)
	}
	// run adds n articles in an order unlike their ids' (i*7 mod n), the
	// article with number i on day i%4 (moved by shift), with i%3 quotes.
	run := func(t *testing.T, w *Writer, runID string, n, shift int, text string) {
		for k := 0; k < n; k++ {
			i := k * 7 % n
			day := days[(i+shift)%len(days)]
			id := fmt.Sprintf("a%03d", i)
			var qs []Quote
			for j := 0; j < i%3; j++ {
				qs = append(qs, Quote{QuoteID: fmt.Sprintf("%s-q%d", id, j), ArticleID: id, Published: day, Text: text,
					SpeakerID: fmt.Sprintf("s%d", j), Speaker: "S", StanceEvidence: []string{}, RunID: runID})
			}
			a := Article{ArticleID: id, Published: day, Text: text + id, Status: StatusOK, NQuotes: int32(len(qs)), RunID: runID}
			if err := w.Add(a, qs); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Commit(context.Background(), Run{RunID: runID}); err != nil {
			t.Fatal(err)
		}
	}
	tables := func(t *testing.T, out string) string {
		qs, err := ReadTable[Quote](out, QuotesTable)
		if err != nil {
			t.Fatal(err)
		}
		as, err := ReadTable[Article](out, ArticlesTable)
		if err != nil {
			t.Fatal(err)
		}
		ss, err := ReadTable[Speaker](out, SpeakersTable)
		if err != nil {
			t.Fatal(err)
		}
		return fmt.Sprintf("%+v\n%+v\n%+v", qs, as, ss)
	}
	write := func(t *testing.T, runEntries int) string {
		out := filepath.Join(t.TempDir(), "out")
		for r, step := range []struct{ n, shift int }{{40, 0}, {25, 1}} {
			runID := fmt.Sprintf("r%d", r)
			w, err := Create(out, Meta{RunID: runID})
			if err != nil {
				t.Fatal(err)
			}
			w.articles.runEntries, w.quotes.runEntries = runEntries, runEntries
			run(t, w, runID, step.n, step.shift, fmt.Sprintf("text of run %d ", r))
			if got := w.articles.spilledRuns(); got != (runEntries < step.n) {
				t.Errorf("%d entries in memory, %d articles: index on disk %v", runEntries, step.n, got)
			}
			w.Close()
		}
		return tables(t, out)
	}
	want := write(t, defaultRunEntries)
	if !strings.Contains(want, "a039") || !strings.Contains(want, "text of run 1 a024") {
		t.Fatalf("tables lack rows of the two runs:\n%s", want)
	}
	for _, n := range []int{1, 3, 16} {
		if got := write(t, n); got != want {
			t.Errorf("index runs of %d entries: tables differ from an index in memory\n got %s\nwant %s", n, got, want)
		}
	}
}

// TestSpillIndexRunsRefuseDuplicates: an id written twice in one run fails
// the commit when the index is on disk, as when it is in memory.
func TestSpillIndexRunsRefuseDuplicates(t *testing.T) {
	for _, runEntries := range []int{1, 2, defaultRunEntries} {
		out := filepath.Join(t.TempDir(), "out")
		w, err := Create(out, Meta{RunID: "r1"})
		if err != nil {
			t.Fatal(err)
		}
		w.articles.runEntries, w.quotes.runEntries = runEntries, runEntries
		for _, id := range []string{"b", "a", "c", "a"} {
			if err := w.Add(Article{ArticleID: id, Status: StatusOK}, nil); err != nil {
				t.Fatal(err)
			}
		}
		err = w.Commit(context.Background(), Run{RunID: "r1"})
		if err == nil || !strings.Contains(err.Error(), `"a" written twice`) {
			t.Errorf("%d entries in memory: commit error %v, want a written twice", runEntries, err)
		}
		w.Close()
		if _, statErr := ReadTable[Article](out, ArticlesTable); statErr == nil {
			if as, _ := ReadTable[Article](out, ArticlesTable); len(as) > 0 && !reflect.DeepEqual(as, []Article{}) {
				t.Errorf("%d entries in memory: a failed commit left rows %+v", runEntries, as)
			}
		}
	}
}
