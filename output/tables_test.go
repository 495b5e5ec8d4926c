package output

import (
	"fmt"
	"testing"
)

// tablesText is the quotes, articles and speakers tables of the dataset out
// as text, for tests that compare two ways of writing the same dataset.
func tablesText(t *testing.T, out string) string {
	t.Helper()
	qs, err := ReadTable[Quote](out, QuotesTable)
	if err != nil {
		t.Fatal(err)
	}
	as, err := ReadTable[Article](out, ArticlesTable)
	if err != nil {
		t.Fatal(err)
	}
	ss, err := ReadTable[Speaker](out, SpeakersTable)
	if err != nil {
		t.Fatal(err)
	}
	return fmt.Sprintf("%+v\n%+v\n%+v", qs, as, ss)
}
