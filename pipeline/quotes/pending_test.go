package quotes

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stance-news/stance/internal/testdir"
	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline/article"
	"github.com/stance-news/stance/pipeline/source"
)

// TestPutOffAntecedents: putting off the pronoun candidates of paragraphs
// without a pronoun speaker (pending.go) gives every statement the speaker
// and antecedent that collecting them in every paragraph gives, over the
// articles written for the tests and the shared corpora.
func TestPutOffAntecedents(t *testing.T) {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	lazy := New(lx)
	eager := New(lx)
	eager.eagerAntecedents = true

	var arts []article.Article
	files, _ := filepath.Glob("testdata/*.txt")
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, err := article.ParseText(strings.TrimSuffix(filepath.Base(p), ".txt"), p, string(data))
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	corpora := 0
	for _, name := range []string{"bbc.jsonl.gz", "polnear_dev.jsonl.gz", "polnear_train.jsonl.gz"} {
		path := filepath.Join(testdir.Shared(t), "data", name)
		if _, err := os.Stat(path); err != nil {
			continue
		}
		corpora++
		err := source.Read(context.Background(), []string{path}, source.Options{}, func(it source.Item) error {
			if it.Err == nil {
				arts = append(arts, it.Article)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if corpora == 0 {
		t.Log("shared corpora not available: the test articles only")
	}
	pronouns := 0
	for i := range arts {
		want := eager.Extract(&arts[i])
		got := lazy.Extract(&arts[i])
		if !reflect.DeepEqual(got, want) {
			for k := range min(len(got), len(want)) {
				if !reflect.DeepEqual(got[k], want[k]) {
					t.Fatalf("article %q: statement %d\n got %+v\nwant %+v", arts[i].ID, k, got[k], want[k])
				}
			}
			t.Fatalf("article %q: %d statements, want %d", arts[i].ID, len(got), len(want))
		}
		for _, q := range want {
			if q.Antecedent.Text != "" && isPronoun(q.Speaker.Text) {
				pronouns++
			}
		}
	}
	// the comparison means something only if antecedents were resolved
	if pronouns == 0 {
		t.Fatal("no pronoun speaker with an antecedent in the articles compared")
	}
	t.Logf("%d articles, %d pronoun speakers with an antecedent", len(arts), pronouns)
}
