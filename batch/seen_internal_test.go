package batch

import (
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stance-news/stance/batch/batchtest"
	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/output"
)

// TestSeenIDsAgreeWithAMap: whatever part of the ids sits in runs on disk,
// the set answers as a map of every id would, with the first place.
func TestSeenIDsAgreeWithAMap(t *testing.T) {
	for _, chunk := range []int{1, 2, 7, 1000} {
		dir := t.TempDir()
		n := 0
		s := newSeenIDs(func() (*os.File, error) {
			n++
			return os.Create(filepath.Join(dir, fmt.Sprintf("ids%d", n)))
		})
		s.chunk = chunk
		want := map[string]place{}
		rng := rand.New(rand.NewSource(int64(chunk)))
		for i := 0; i < 3000; i++ {
			// Ids of many lengths, often repeated, sometimes prefixes of
			// one another.
			id := fmt.Sprintf("id-%d", rng.Intn(2000))
			if i%5 == 0 {
				id = id[:rng.Intn(len(id))+1]
			}
			p := place{int32(i % 3), int32(i)}
			got, ok, err := s.get(id)
			if err != nil {
				t.Fatal(err)
			}
			if w, seen := want[id]; ok != seen || got != w {
				t.Fatalf("chunk %d, id %q at %d: got %v %v, want %v %v", chunk, id, i, got, ok, w, seen)
			}
			if !ok {
				want[id] = p
				if err := s.add(id, p); err != nil {
					t.Fatal(err)
				}
			}
		}
		if chunk < 1000 && s.runs.Runs() == 0 {
			t.Errorf("chunk %d: no run written", chunk)
		}
		s.close()
	}
}

// TestDuplicateIDsFoundInRuns: the hostile inputs' duplicate ids are found
// and named the same when the ids read before them are on disk.
func TestDuplicateIDsFoundInRuns(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if _, err := batchtest.WriteHostile(in); err != nil {
		t.Fatal(err)
	}
	lx, err := lexicon.Load("")
	if err != nil {
		t.Fatal(err)
	}
	articles := func(chunk int) map[string]string {
		defer func(old int) { seenChunk = old }(seenChunk)
		seenChunk = chunk
		out := filepath.Join(dir, fmt.Sprintf("out%d", chunk))
		if _, err := Run(context.Background(), Config{Inputs: []string{in}, Out: out, Workers: 2, Lexicon: lx, Version: "test",
			MaxArticleBytes: batchtest.HostileMaxArticleBytes}); err != nil {
			t.Fatal(err)
		}
		arts, err := output.ReadTable[output.Article](out, output.ArticlesTable)
		if err != nil {
			t.Fatal(err)
		}
		m := map[string]string{}
		for _, a := range arts {
			m[a.ArticleID] = a.Status + " " + a.Error
		}
		return m
	}
	want := articles(1 << 16)
	dups := 0
	for _, v := range want {
		if strings.Contains(v, "duplicate article id") {
			dups++
		}
	}
	if dups < 2 {
		t.Fatalf("hostile inputs gave %d duplicates, want at least 2: %v", dups, want)
	}
	for _, chunk := range []int{1} {
		got := articles(chunk)
		if len(got) != len(want) {
			t.Errorf("ids in runs of %d: %d articles, want %d", chunk, len(got), len(want))
		}
		for id, v := range want {
			if got[id] != v {
				t.Errorf("ids in runs of %d: article %q is %q, want %q", chunk, id, got[id], v)
			}
		}
	}
}
