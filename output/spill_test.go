package output

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"reflect"
	"slices"
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
		return tablesText(t, out)
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

// TestBlockReader: the commit's reader, which reads the spill ahead in
// chunks where the blocks asked for follow one another in the file, gives
// every block's rows as a read of that block alone does, in any order:
// the file's, several streams side by side (fewer and more than it
// follows), backwards and shuffled; with blocks larger than a chunk, empty
// ones, and a chunk cut short by the end of the file. Read in the file's
// order, it reads the file once per chunk, not once per block.
func TestBlockReader(t *testing.T) {
	sp, err := newSpill(filepath.Join(t.TempDir(), "articles.spill"), appendArticle, (*rowDecoder).article)
	if err != nil {
		t.Fatal(err)
	}
	defer sp.close()
	const n = 600
	for i := 0; i < n; i++ {
		var rows []Article
		if i%50 != 7 { // some articles have no rows: an empty block
			size := 100 + i*37%2000
			if i%97 == 3 {
				size = readAhead + 5000 // larger than a chunk
			}
			rows = []Article{{ArticleID: fmt.Sprintf("a%04d", i), Text: strings.Repeat(string(rune('a'+i%26)), size), NQuotes: int32(i)}}
		}
		if err := sp.add("", fmt.Sprintf("a%04d", i), rows); err != nil {
			t.Fatal(err)
		}
	}
	if err := sp.sortIndex(); err != nil {
		t.Fatal(err)
	}
	blocks := slices.Clone(sp.index) // in file order: ids were added sorted
	streams := func(k int) []spillBlock {
		var out []spillBlock
		for j := 0; j < n/k; j++ {
			for s := 0; s < k; s++ {
				out = append(out, blocks[s*(n/k)+j])
			}
		}
		return out
	}
	backwards := slices.Clone(blocks)
	slices.Reverse(backwards)
	shuffled := slices.Clone(blocks)
	rand.New(rand.NewPCG(1, 2)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	orders := map[string][]spillBlock{
		"file": blocks, "3 streams": streams(3), "10 streams": streams(10), "40 streams": streams(40),
		"backwards": backwards, "shuffled": shuffled,
	}
	for name, order := range orders {
		r := sp.blockReader()
		for _, b := range order {
			want, err := sp.readBlock(b, nil)
			if err != nil {
				t.Fatal(err)
			}
			got, err := r.read(b, nil)
			if err != nil {
				t.Fatalf("%s: block %s: %v", name, b.article, err)
			}
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%s: block %s: rows differ from the block read alone", name, b.article)
			}
		}
		if name == "file" && r.reads > n/10 {
			t.Errorf("%d blocks read in file order with %d reads of the file", n, r.reads)
		}
		t.Logf("%s: %d reads for %d blocks", name, r.reads, len(order))
	}
}
