package speakers

import "testing"

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
