package output

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/parquet-go/parquet-go"
)

// The articles of a large partition are written in pages of about 1 MiB
// (zstd compresses each page apart: larger ones compress better and
// faster), those of a small partition in the default 256 KiB, and both
// read back whole.
func TestLargeArticlePartitionsHaveLargeTextPages(t *testing.T) {
	defer func(n int64) { largePagePartition = n }(largePagePartition)
	largePagePartition = 3 << 20

	rng := rand.New(rand.NewPCG(3, 4))
	words := strings.Fields("the minister said on Tuesday that talks with Moscow and Washington would resume after the summit")
	text := func(n int) string {
		var b strings.Builder
		for b.Len() < n {
			b.WriteString(words[rng.IntN(len(words))])
			b.WriteByte(' ')
		}
		return b.String()
	}
	large := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	small := time.Date(2020, 1, 2, 0, 0, 0, 0, time.UTC)
	textBytes := map[string]int{}
	var arts []Article
	for i := range 1500 {
		day := &large // 1,000 articles, 4.2 MB
		if i%3 == 2 {
			day = &small // 500, 2.1 MB: under the threshold
		}
		a := Article{ArticleID: fmt.Sprintf("a%05d", i), Published: day, Text: text(4200), Status: StatusOK, RunID: "r1"}
		textBytes[PartitionOf(day)] += len(a.Text)
		arts = append(arts, a)
	}

	out := t.TempDir()
	w, err := Create(out, Meta{RunID: "r1", Version: "v"})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	for _, a := range arts {
		if err := w.Add(a, nil); err != nil {
			t.Fatal(err)
		}
	}
	now := time.Date(2026, 11, 29, 0, 0, 0, 0, time.UTC)
	if err := w.Commit(context.Background(), Run{RunID: "r1", StartedAt: now, FinishedAt: now, Status: "ok"}); err != nil {
		t.Fatal(err)
	}

	for part, wantRows := range map[string]int64{PartitionOf(&large): 256, PartitionOf(&small): 64} {
		path := filepath.Join(out, partFile(ArticlesTable, part))
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := parquet.OpenFile(strings.NewReader(string(data)), int64(len(data)))
		if err != nil {
			t.Fatal(err)
		}
		col, ok := f.Schema().Lookup("text")
		if !ok {
			t.Fatal("no text column")
		}
		pages, groups, firstPageRows := 0, 0, int64(0)
		for _, rg := range f.RowGroups() {
			idx, err := rg.ColumnChunks()[col.ColumnIndex].OffsetIndex()
			if err != nil {
				t.Fatal(err)
			}
			pages += idx.NumPages()
			if idx.NumPages() > 1 {
				firstPageRows = idx.FirstRowIndex(1)
			}
			groups++
		}
		// parquet-go ends a page once a write of 64 rows has filled 98%
		// of it: 64 texts of 4,200 bytes fill 256 KiB, four times that
		// 1 MiB.
		if firstPageRows != wantRows {
			t.Errorf("%s: %d bytes of text in %d pages (%d row groups), the first of %d rows, want %d", part, textBytes[part], pages, groups, firstPageRows, wantRows)
		}
	}
	got, err := ReadTable[Article](out, ArticlesTable)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(arts) {
		t.Fatalf("read back %d articles, want %d", len(got), len(arts))
	}
	for _, a := range got {
		if len(a.Text) < 4200 {
			t.Fatalf("%s: text of %d bytes read back", a.ArticleID, len(a.Text))
		}
	}
}
