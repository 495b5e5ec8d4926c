// Package fold compares words case-insensitively without allocating: the
// quote and speaker stages test short words ("he", "the") many times per
// article, and strings.ToLower would copy every capitalised name it meets.
package fold

import (
	"strings"
	"unicode/utf8"
)

// LowerIs reports whether strings.ToLower(s) is w, a lower-case ASCII word,
// without building the lower-cased string when s is ASCII. (Two non-ASCII
// capitals lower-case to ASCII letters, "İ" and the Kelvin sign, so other
// strings take the long way.)
func LowerIs(s, w string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return strings.ToLower(s) == w
		}
	}
	if len(s) != len(w) {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		if c != w[i] {
			return false
		}
	}
	return true
}
