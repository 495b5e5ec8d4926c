package pipeline

import (
	"testing"

	"github.com/stance-news/stance/pipeline/article"
	"github.com/stance-news/stance/pipeline/quotes"
)

// Analyze keeps one statement per span whatever the extraction gives it
// (TestOneStatementPerSpan shows the cases extraction has produced; they get
// fixed there, and this guard must hold regardless). Statements come in text
// order; one with the span of an earlier one starting at the same place is
// the repeat, even with another in between.
func TestSpanTakenBefore(t *testing.T) {
	q := func(start, end int) quotes.Quote { return quotes.Quote{Span: article.Span{Start: start, End: end}} }
	qs := []quotes.Quote{q(0, 10), q(0, 20), q(0, 10), q(5, 10), q(12, 20), q(12, 20), q(30, 40)}
	want := []bool{false, false, true, false, false, true, false}
	for i := range qs {
		if got := spanTakenBefore(qs, i); got != want[i] {
			t.Errorf("statement %d [%d,%d): taken before %v, want %v", i, qs[i].Span.Start, qs[i].Span.End, got, want[i])
		}
	}
}
