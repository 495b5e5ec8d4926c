package fold

import (
	"strings"
	"testing"
)

var words = []string{"he", "she", "they", "it", "the", "of", "a", "an", "i", "k"}

// LowerIs answers what comparing strings.ToLower would, including the
// non-ASCII capitals that lower-case to ASCII letters.
func TestLowerIs(t *testing.T) {
	for _, s := range []string{"he", "He", "HE", "hE", "she", "She", "SHE", "they", "They", "it", "It", "IT", "", "h", "hex",
		"Trump", "İt", "\u212Aey", "ſhe", "the", "THE", "ıt", "He\x00", "\xffe", "Of", "AN"} {
		for _, w := range words {
			if got, want := LowerIs(s, w), strings.ToLower(s) == w; got != want {
				t.Errorf("LowerIs(%q, %q) = %v, want %v", s, w, got, want)
			}
		}
	}
}

func FuzzLowerIs(f *testing.F) {
	f.Add("He")
	f.Add("İt")
	f.Fuzz(func(t *testing.T, s string) {
		for _, w := range words {
			if LowerIs(s, w) != (strings.ToLower(s) == w) {
				t.Fatalf("LowerIs(%q, %q)", s, w)
			}
		}
	})
}
