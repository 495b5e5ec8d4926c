package output

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// TestKnownIndexMatchesMap checks the compact index against the plain map it
// replaced: the same records for every id, the last add winning for an id
// added twice (also when the two are in different runs on disk, or one on
// disk and one in memory), and no record for ids never added.
func TestKnownIndexMatchesMap(t *testing.T) {
	for _, chunk := range []int{1, 3, 64, 1 << 16} {
		knownIndexAgainstMap(t, chunk)
	}
}

func knownIndexAgainstMap(t *testing.T, chunk int) {
	rng := rand.New(rand.NewPCG(1, uint64(chunk)))
	statuses := []string{StatusOK, StatusQuarantined, "failed"}
	dir := t.TempDir()
	files := 0
	for _, n := range []int{0, 1, 2, 17, 5000} {
		k := newKnownIndex(func() (*os.File, error) {
			files++
			return os.Create(filepath.Join(dir, fmt.Sprint(files)))
		})
		k.chunk = chunk
		want := map[string]Known{}
		var ids []string
		for i := range n {
			var id string
			if len(ids) > 0 && rng.IntN(4) == 0 {
				id = ids[rng.IntN(len(ids))] // a duplicate id, e.g. in two partitions
			} else {
				// Ids of varied length and shared prefixes, to exercise the ordering.
				id = fmt.Sprintf("%x", rng.Uint64()>>(rng.IntN(8)*8))
				if rng.IntN(10) == 0 {
					id = ""
				}
			}
			ids = append(ids, id)
			sum := sha256.Sum256([]byte(fmt.Sprint(i)))
			rec := Known{
				Partition:      fmt.Sprintf("date=2026-01-%02d", 1+rng.IntN(3)),
				ContentSHA256:  hex.EncodeToString(sum[:]),
				Status:         statuses[rng.IntN(len(statuses))],
				Version:        "v1",
				LexiconVersion: fmt.Sprint(rng.IntN(2)),
			}
			switch rng.IntN(10) {
			case 0:
				rec.ContentSHA256 = "" // a file from a release without the column
			case 1:
				rec.ContentSHA256 = "zz" + rec.ContentSHA256[2:] // not hex: never unchanged
			}
			if err := k.add(id, rec); err != nil {
				t.Fatal(err)
			}
			if rec.ContentSHA256 != "" && rec.ContentSHA256[0] == 'z' {
				rec.ContentSHA256 = ""
			}
			want[id] = rec
		}
		k.finish()
		if k.empty() != (n == 0) {
			t.Fatalf("n=%d: empty %v", n, k.empty())
		}
		if onDisk := k.disk != nil && k.disk.Runs() > 0; onDisk != (n >= chunk) {
			t.Fatalf("n=%d, chunk %d: runs on disk %v", n, chunk, onDisk)
		}
		for id, w := range want {
			got, ok := k.get(id)
			if !ok || got != w {
				t.Fatalf("chunk %d, n=%d: get(%q) = %+v, %v; want %+v", chunk, n, id, got, ok, w)
			}
		}
		for range 1000 {
			id := fmt.Sprintf("%x", rng.Uint64())
			if _, in := want[id]; in {
				continue
			}
			if got, ok := k.get(id); ok {
				t.Fatalf("chunk %d, n=%d: get(%q) = %+v for an id never added", chunk, n, id, got)
			}
		}
		if err := k.Err(); err != nil {
			t.Fatal(err)
		}
		k.close()
	}
}

// TestKnownIndexRuns: incremental runs whose index of known articles and
// ids of replaced articles are on disk in runs (a large dataset) skip the
// same articles and write the same tables as runs that keep them in
// memory: unchanged articles skipped, changed ones replaced, moved ones
// dropped from their old partition, over four runs into the same dataset.
func TestKnownIndexRuns(t *testing.T) {
	days := []*time.Time{nil}
	for d := 1; d <= 3; d++ {
		day := time.Date(2017, 4, d, 0, 0, 0, 0, time.UTC)
		days = append(days, &day)
	}
	type step struct{ n, shift, edit int }
	steps := []step{{40, 0, 0}, {45, 1, 3}, {45, 1, 3}, {30, 1, 5}}
	// write runs the steps; step s adds articles 0..n-1 in an order unlike
	// their ids', article i on day (i+shift)%4, its text changed when
	// i%edit == 0, skipping every article the index says is unchanged.
	write := func(t *testing.T, chunk int) (string, []string) {
		defer func(old, oldReplaced int) { knownChunk, replacedChunk = old, oldReplaced }(knownChunk, replacedChunk)
		knownChunk, replacedChunk = chunk, chunk
		out := filepath.Join(t.TempDir(), "out")
		var log []string
		for r, st := range steps {
			runID := fmt.Sprintf("r%d", r)
			w, err := Create(out, Meta{RunID: runID, Version: "v"})
			if err != nil {
				t.Fatal(err)
			}
			if onDisk := w.known.disk != nil; r > 0 && onDisk != (chunk < 40) {
				t.Errorf("chunk %d, run %d: index on disk %v", chunk, r, onDisk)
			}
			defer func() {
				if r > 0 && r != 2 && (w.replaced.disk.Runs() > 0) != (chunk < 14) {
					t.Errorf("chunk %d, run %d: %d runs of replaced ids on disk", chunk, r, w.replaced.disk.Runs())
				}
			}()
			skipped := 0
			for k := 0; k < st.n; k++ {
				i := k * 7 % st.n
				id := fmt.Sprintf("a%03d", i)
				text := fmt.Sprintf("text of %s", id)
				if st.edit > 0 && i%st.edit == 0 {
					text += fmt.Sprintf(" edited (every %dth)", st.edit)
				}
				sum := sha256.Sum256([]byte(text))
				sha := hex.EncodeToString(sum[:])
				if kn, ok := w.Known(id); ok && kn.ContentSHA256 == sha && kn.Status == StatusOK {
					skipped++
					continue
				}
				day := days[(i+st.shift)%len(days)]
				var qs []Quote
				for j := 0; j < i%3; j++ {
					qs = append(qs, Quote{QuoteID: fmt.Sprintf("%s-q%d", id, j), ArticleID: id, Published: day, Text: text,
						SpeakerID: fmt.Sprintf("s%d", j), Speaker: "S", StanceEvidence: []string{}, RunID: runID})
				}
				a := Article{ArticleID: id, Published: day, Text: text, ContentSHA256: sha, Status: StatusOK,
					Version: "v", NQuotes: int32(len(qs)), RunID: runID}
				if err := w.Add(a, qs); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Commit(context.Background(), Run{RunID: runID}); err != nil {
				t.Fatal(err)
			}
			w.Close()
			log = append(log, fmt.Sprintf("run %d skipped %d", r, skipped))
		}
		return tablesText(t, out), log
	}
	want, wantLog := write(t, 1<<16)
	// The steps must exercise skipping and replacing: 40 new; 45 of which
	// 26 unchanged (every third edited, 5 new; an unchanged article keeps
	// its old partition); then the same 45 again, all unchanged; then 30
	// of which the 16 neither edited now nor before.
	if fmt.Sprint(wantLog) != "[run 0 skipped 0 run 1 skipped 26 run 2 skipped 45 run 3 skipped 16]" {
		t.Fatalf("steps skipped %v", wantLog)
	}
	for _, chunk := range []int{1, 4, 13} {
		got, log := write(t, chunk)
		if fmt.Sprint(log) != fmt.Sprint(wantLog) {
			t.Errorf("index runs of %d: %v, want %v", chunk, log, wantLog)
		}
		if got != want {
			t.Errorf("index runs of %d: tables differ from an index in memory\n got %s\nwant %s", chunk, got, want)
		}
	}
}

// TestReplacedIDsAgreeWithAMap: whatever part of the ids is on disk, has
// answers as a set would, and an id added twice is refused, also when the
// first is in an earlier run.
func TestReplacedIDsAgreeWithAMap(t *testing.T) {
	for _, chunk := range []int{1, 2, 7, 1 << 16} {
		dir := t.TempDir()
		files := 0
		newFile := func() (*os.File, error) {
			files++
			return os.Create(filepath.Join(dir, fmt.Sprint(files)))
		}
		rng := rand.New(rand.NewPCG(3, uint64(chunk)))
		r := newReplacedIDs(newFile)
		r.chunk = chunk
		want := map[string]bool{}
		for len(want) < 500 {
			id := fmt.Sprintf("%x", rng.Uint64()>>(rng.IntN(8)*8))
			if want[id] {
				continue
			}
			want[id] = true
			if err := r.add(id); err != nil {
				t.Fatal(err)
			}
		}
		if err := r.finish(); err != nil {
			t.Fatal(err)
		}
		for id := range want {
			if !r.has(id) {
				t.Fatalf("chunk %d: %q added, not found", chunk, id)
			}
		}
		for range 2000 {
			id := fmt.Sprintf("%x", rng.Uint64())
			if !want[id] && r.has(id) {
				t.Fatalf("chunk %d: %q found, never added", chunk, id)
			}
		}
		if err := r.Err(); err != nil {
			t.Fatal(err)
		}
		r.close()

		// An id added twice: in one chunk (found when it is sorted) or
		// in two.
		for _, at := range []int{1, chunk, chunk + 1} {
			r := newReplacedIDs(newFile)
			r.chunk = chunk
			var err error
			for i := 0; i < at && err == nil; i++ {
				err = r.add(fmt.Sprint("id", i))
			}
			if err == nil {
				err = r.add("id0")
			}
			if err == nil {
				err = r.finish()
			}
			if err == nil || !strings.Contains(err.Error(), `"id0" written twice`) {
				t.Errorf("chunk %d, id0 again after %d ids: %v", chunk, at, err)
			}
			r.close()
		}
	}
}
