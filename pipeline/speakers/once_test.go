package speakers

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/stance-news/stance/internal/testdir"
	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline/quotes"
	"github.com/stance-news/stance/pipeline/source"
)

// TestMentionsOnce: splitting and looking up each mention once per article
// gives every statement the speaker that doing it for every mention gives,
// over the shared corpora (a lookup that came to depend on more than the
// mention, the date and the article's full names would fail it).
func TestMentionsOnce(t *testing.T) {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	qx, once, every := quotes.New(lx), New(lx), New(lx)
	every.everyMention = true
	articles, repeats := 0, 0
	for _, name := range []string{"bbc.jsonl.gz", "polnear_dev.jsonl.gz", "polnear_train.jsonl.gz"} {
		path := filepath.Join(testdir.Shared(t), "data", name)
		if _, err := os.Stat(path); err != nil {
			t.Skipf("shared corpus %s not available", name)
		}
		err := source.Read(context.Background(), []string{path}, source.Options{}, func(it source.Item) error {
			if it.Err != nil {
				return nil
			}
			qs := qx.Extract(&it.Article)
			got, want := once.Resolve(&it.Article, qs), every.Resolve(&it.Article, qs)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("article %q: got %+v\nwant %+v", it.Article.ID, got, want)
			}
			articles++
			seen := map[string]bool{}
			for _, q := range qs {
				if q.Speaker.Text != "" && seen[q.Speaker.Text] {
					repeats++
				}
				seen[q.Speaker.Text] = true
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if repeats == 0 {
		t.Fatal("no article names a speaker twice: the comparison shows nothing")
	}
	t.Logf("%d articles, %d repeated mentions", articles, repeats)
}
