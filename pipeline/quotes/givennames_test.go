package quotes

import (
	"testing"

	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline/article"
)

// TestGivenNamesFromClassifiedStarts: learnGivenNames starts only from the
// tokens classify marked (a capitalised gendered given name or a courtesy
// title); started from every token, as it was, it must find the same
// people, so every statement, speaker and antecedent is the same over the
// test articles and the shared corpora. The first article has a given name
// inside a name ("Mary Ann Leclerc") and titles before surnames.
func TestGivenNamesFromClassifiedStarts(t *testing.T) {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	picked := New(lx)
	every := New(lx)
	every.everyToken = true
	text := "Mary Ann Leclerc, the port's director, met Mr. Okafor and Ms. Brandt on Tuesday.\n\n" +
		"\"We will not close the harbour,\" she said.\n\n" +
		"\"Nobody asked us,\" he said, and Ms. Brandt agreed.\n"
	arts := append([]article.Article{{ID: "names", Text: text, Paragraphs: article.SplitParagraphs(text)}}, testArticles(t)...)
	named := sameStatements(t, picked, every, arts)
	if named == 0 {
		t.Fatal("no pronoun speaker resolved in the articles compared")
	}
	t.Logf("%d pronoun speakers resolved", named)
}
