package stance

import (
	"testing"

	"github.com/stance-news/stance/lexicon"
)

// The filters in front of the actor and claim-word maps never turn away a
// key of their map, and turn away most common words, or they cost a check
// for nothing.
func TestWordFilters(t *testing.T) {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	s := New(lx, nil)
	for w := range s.actors.byFirst {
		if !s.actors.firsts.mayHave(w) {
			t.Errorf("actor first word %q filtered out", w)
		}
	}
	for w := range s.terms.words {
		if !s.terms.known.mayHave(w) {
			t.Errorf("claim word %q filtered out", w)
		}
	}
	common := []string{"the", "and", "said", "to", "of", "in", "a", "is", "that", "for", "it", "was", "on", "with", "he", "as", "at", "by", "have", "from"}
	passed := 0
	for _, w := range common {
		if _, key := s.actors.byFirst[w]; !key && s.actors.firsts.mayHave(w) {
			passed++
		}
		if _, key := s.terms.words[w]; !key && s.terms.known.mayHave(w) {
			passed++
		}
	}
	if passed > len(common)/2 {
		t.Errorf("%d of %d look-ups of common words that are no key pass the filters", passed, 2*len(common))
	}
	var f wordFilter
	if !f.mayHave("") {
		t.Error("the empty word must go to the map")
	}
}
