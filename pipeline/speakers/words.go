package speakers

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stance-news/stance/internal/swar"
)

// This file holds allocation-free forms of the string helpers name lookup
// runs several times per statement (strings.Fields, strings.Join, key): the
// speakers stage made about 18 allocations per statement.

// fieldSpans is strings.Fields(s) as byte spans of s, appended to buf (a
// stack array for the usual short mention). Spans rather than strings keep
// the array on the stack: a string result would carry it to the heap.
func fieldSpans(s string, buf [][2]int) [][2]int {
	start := -1
	for i := 0; i < len(s); {
		c := s[i]
		if start >= 0 && c > ' ' && c < utf8.RuneSelf {
			// inside a word: its printable ASCII bytes eight at a time,
			// up to the first byte that may be a space (a space, a
			// control byte, the start of a non-ASCII character)
			for i+8 <= len(s) {
				if stop := spaceOrNonASCII(swar.Load8(s, i)); stop != 0 {
					i += bits.TrailingZeros64(stop) >> 3
					break
				}
				i += 8
			}
			if i >= len(s) {
				break
			}
			c = s[i]
		}
		n, space := 1, asciiSpace(c)
		if c >= utf8.RuneSelf {
			var r rune
			r, n = utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
		}
		if space {
			if start >= 0 {
				buf = append(buf, [2]int{start, i})
				start = -1
			}
		} else if start < 0 {
			start = i
		}
		i += n
	}
	if start >= 0 {
		buf = append(buf, [2]int{start, len(s)})
	}
	return buf
}

// spaceOrNonASCII sets the high bit of each byte of x that is at most ' '
// or not ASCII (no sum carries across bytes: see swar).
func spaceOrNonASCII(x uint64) uint64 {
	return (x | ^(x&^swar.Highs + (0x80-'!')*swar.Ones)) & swar.Highs
}

// joinSpans is strings.Join of the words sp[lo:hi] of s with single spaces:
// a substring of s when they are single-spaced there, as they nearly always
// are.
func joinSpans(s string, sp [][2]int, lo, hi int) string {
	if lo >= hi {
		return ""
	}
	for k := lo; k+1 < hi; k++ {
		if e := sp[k][1]; sp[k+1][0] != e+1 || s[e] != ' ' {
			var b strings.Builder
			for j := lo; j < hi; j++ {
				if j > lo {
					b.WriteByte(' ')
				}
				b.WriteString(s[sp[j][0]:sp[j][1]])
			}
			return b.String()
		}
	}
	return s[sp[lo][0]:sp[hi-1][1]]
}

// appendASCIIKey appends key(s) to dst for ASCII s; false for other text.
func appendASCIIKey(dst []byte, s string) ([]byte, bool) {
	if !isASCII(s) {
		return dst, false
	}
	s = strings.TrimSpace(s)
	if len(s) >= 4 && s[0]|0x20 == 't' && s[1]|0x20 == 'h' && s[2]|0x20 == 'e' && s[3] == ' ' {
		s = s[4:] // "the " after lower-casing; a "the" before other space stays
	}
	space := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if asciiSpace(c) {
			space = true
			continue
		}
		if space && len(dst) > 0 {
			dst = append(dst, ' ')
		}
		space = false
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}

// index looks the key of s up in m (byName, bySurname) without building the
// key as a string.
func index[V any](m map[string]V, s string) (V, bool) {
	var buf [96]byte
	if b, ok := appendASCIIKey(buf[:0], s); ok {
		v, ok := m[string(b)]
		return v, ok
	}
	v, ok := m[slowKey(s)]
	return v, ok
}

// isTitleWord is titleWords[strings.ToLower(w)] without allocating for
// ASCII words.
func isTitleWord(w string) bool { return inLower(titleWords, w) }

// inLower is m[strings.ToLower(w)] without allocating for ASCII w of up to
// 64 bytes (one mention in fourteen is longer than 32).
func inLower(m map[string]bool, w string) bool {
	var buf [64]byte
	if len(w) > len(buf) {
		return m[strings.ToLower(w)]
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return m[strings.ToLower(w)]
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return m[string(buf[:len(w)])]
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// appendLowerASCII appends strings.ToLower(s) to dst for ASCII s; false for
// other text.
func appendLowerASCII(dst []byte, s string) ([]byte, bool) {
	if !isASCII(s) {
		return dst, false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		dst = append(dst, c)
	}
	return dst, true
}

// lastWordsASCII is lastWords for ASCII s, byte by byte: for ASCII the
// spaces of unicode.IsSpace are asciiSpace's.
func lastWordsASCII(s string, w []string) bool {
	for i := len(w) - 1; i >= 0; i-- {
		end := len(s)
		for end > 0 && asciiSpace(s[end-1]) {
			end--
		}
		if end == 0 {
			return false
		}
		start := end
		for start > 0 && !asciiSpace(s[start-1]) {
			start--
		}
		w[i], s = s[start:end], s[:start]
	}
	for i := 0; i < len(s); i++ {
		if !asciiSpace(s[i]) {
			return true
		}
	}
	return false
}

// breaksName is strings.ContainsAny(w, ",;:()“”\""): punctuation or a
// quotation mark that no word of a name holds. IndexAny looks each rune of
// a short word up in a set holding non-ASCII marks; a byte loop and two
// searches find the same (a curly mark's UTF-8 bytes cannot start inside
// another character).
func breaksName(w string) bool {
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case ',', ';', ':', '(', ')', '"':
			return true
		}
	}
	return strings.Contains(w, "“") || strings.Contains(w, "”")
}

// lowerGet is m[strings.ToLower(w)] without allocating for ASCII w of up to
// 64 bytes: most words looked up are capitalised, which ToLower copies.
func lowerGet[V any](m map[string]V, w string) (V, bool) {
	var buf [64]byte
	b, ok := appendLowerASCII(buf[:0], w)
	if !ok || len(w) > len(buf) {
		v, ok := m[strings.ToLower(w)]
		return v, ok
	}
	v, ok := m[string(b)]
	return v, ok
}
