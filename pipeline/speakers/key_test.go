package speakers

import (
	"strings"
	"testing"

	"github.com/stance-news/stance/lexicon"
)

// key has a fast path for ASCII; it must agree with the general one.
func FuzzKeyFastPathAgrees(f *testing.F) {
	for _, s := range []string{"Ben Carson", " the  Kremlin ", "THE White House", "the\tKremlin", "the", "The ", "a  b\t\nc", "Putin’s aide", "x\vy", "", "  "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if k, ok := asciiKey(s); ok && k != slowKey(s) {
			t.Fatalf("key(%q): fast %q, general %q", s, k, slowKey(s))
		}
	})
}

// mayBeName turns away only mentions whose key byName cannot hold: every
// key, however it is written (case, curly apostrophe, spaces, a leading
// "the"), passes it, and a mention ending in another word does not.
func FuzzMayBeNameKeepsEveryKey(f *testing.F) {
	lx, err := lexicon.Default()
	if err != nil {
		f.Fatal(err)
	}
	r := New(lx)
	for _, a := range lx.Actors {
		for _, n := range append([]string{a.Name}, a.Aliases...) {
			f.Add(n)
			f.Add("The  " + strings.ToUpper(n) + " ")
		}
	}
	f.Add("Putin’s")
	f.Add("")
	f.Fuzz(func(t *testing.T, s string) {
		if _, ok := r.byName[key(s)]; ok && !r.mayBeName(s) {
			t.Fatalf("mayBeName(%q) is false, but byName has %q", s, key(s))
		}
	})
}

func TestMayBeNameTurnsAwayOtherWords(t *testing.T) {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	r := New(lx)
	for _, s := range []string{"a senior official", "aides", "the spokeswoman"} {
		if r.mayBeName(s) {
			t.Errorf("mayBeName(%q): no name ends in its last word", s)
		}
	}
	for _, s := range []string{"Russian Foreign Minister Sergey Lavrov", "the Kremlin", "a spokesman for the KREMLIN", ""} {
		if !r.mayBeName(s) {
			t.Errorf("mayBeName(%q) is false", s)
		}
	}
}
