package quotes

import (
	"strings"
	"testing"

	"github.com/stance-news/stance/lexicon"
)

// TestNoFunctionWordAntecedents: over the test articles and the shared
// corpora, no pronoun is resolved to a lone article, conjunction or
// preposition ("A statement from … said …. However they said"; a
// headline's "In graphics" before "he denied"), and no statement is given
// to a lone article: words like these name no one.
func TestNoFunctionWordAntecedents(t *testing.T) {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	ex := New(lx)
	bad := set("a", "an", "the", "as", "if", "when", "so", "in", "that", "after", "while", "because")
	articles := set("a", "an", "the")
	arts := testArticles(t)
	for i := range arts {
		for _, q := range ex.Extract(&arts[i]) {
			if bad[strings.ToLower(q.Antecedent.Text)] {
				t.Errorf("%s: %q by %q resolved to %q", arts[i].ID, arts[i].Text[q.Span.Start:q.Span.End], q.Speaker.Text, q.Antecedent.Text)
			}
			// nor is a statement given to an article whose noun went
			// missing ("… added to the belief that …")
			if articles[q.Speaker.Text] {
				t.Errorf("%s: %q by %q", arts[i].ID, arts[i].Text[q.Span.Start:q.Span.End], q.Speaker.Text)
			}
		}
	}
}
