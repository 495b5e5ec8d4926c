package batchtest

import (
	"fmt"
	"reflect"

	"github.com/stance-news/stance/output"
)

// Tables is a dataset's content with run ids blanked: what two datasets built
// from the same input must agree on, row for row.
type Tables struct {
	Quotes   []output.Quote
	Articles []output.Article
	Speakers []output.Speaker
}

// ReadTables reads the quotes, articles and speakers tables of dataset out.
func ReadTables(out string) (Tables, error) {
	var tb Tables
	var err error
	if tb.Quotes, err = output.ReadTable[output.Quote](out, output.QuotesTable); err != nil {
		return tb, err
	}
	if tb.Articles, err = output.ReadTable[output.Article](out, output.ArticlesTable); err != nil {
		return tb, err
	}
	if tb.Speakers, err = output.ReadTable[output.Speaker](out, output.SpeakersTable); err != nil {
		return tb, err
	}
	for i := range tb.Quotes {
		tb.Quotes[i].RunID = ""
	}
	for i := range tb.Articles {
		tb.Articles[i].RunID = ""
	}
	return tb, nil
}

// Diff describes how got differs from want, or returns "" when they are
// equal. It refuses an empty reference, which would make any comparison
// pass.
func Diff(got, want Tables) string {
	if len(want.Quotes) == 0 || len(want.Articles) == 0 || len(want.Speakers) == 0 {
		return fmt.Sprintf("reference dataset has an empty table (%d quotes, %d articles, %d speakers)",
			len(want.Quotes), len(want.Articles), len(want.Speakers))
	}
	if d := diffRows("quotes", got.Quotes, want.Quotes); d != "" {
		return d
	}
	if d := diffRows("articles", got.Articles, want.Articles); d != "" {
		return d
	}
	return diffRows("speakers", got.Speakers, want.Speakers)
}

func diffRows[T any](name string, got, want []T) string {
	for i := range min(len(got), len(want)) {
		if !reflect.DeepEqual(got[i], want[i]) {
			return fmt.Sprintf("%s table: row %d differs:\n got %s\nwant %s", name, i, short(got[i]), short(want[i]))
		}
	}
	if len(got) != len(want) {
		return fmt.Sprintf("%s table: %d rows, want %d", name, len(got), len(want))
	}
	return ""
}

func short(v any) string {
	s := fmt.Sprintf("%+v", v)
	if len(s) > 400 {
		s = s[:400] + "…"
	}
	return s
}
