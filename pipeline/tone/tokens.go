package tone

import (
	"unicode"
	"unicode/utf8"
)

// The rule engine sees text the way the reference VADER does: split on
// whitespace (Python's definition), then ASCII punctuation stripped from both
// ends of a token unless that leaves two characters or fewer (so ":)" and
// "no." keep their marks). Curly quotes and apostrophes are not ASCII
// punctuation and stay attached, exactly as in the reference.

// token is one whitespace-separated piece of the text.
type token struct {
	start, end int32 // byte span of the (stripped) token in the text
	lo, hi     int32 // its lower-case form in scratch.lower
	word       int32 // index into the word table; 0 when unknown
	upper      bool  // ALL CAPS in Python's sense (str.isupper)
	nt         bool  // contains "n't"
}

// isPySpace reports whether r is whitespace for Python's str.split().
func isPySpace(r rune) bool {
	switch {
	case r == ' ' || (r >= '\t' && r <= '\r') || (r >= 0x1c && r <= 0x1f):
		return true
	case r < 0x80:
		return false
	case r == 0x85 || r == 0xa0 || r == 0x1680 || (r >= 0x2000 && r <= 0x200a) ||
		r == 0x2028 || r == 0x2029 || r == 0x202f || r == 0x205f || r == 0x3000:
		return true
	}
	return false
}

// asciiPunct marks Python's string.punctuation.
var asciiPunct = func() (t [256]bool) {
	for _, c := range "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~" {
		t[c] = true
	}
	return
}()

const (
	caseUpper = 1
	caseLower = 2
)

// asciiCase and asciiLower classify and fold ASCII letters in one lookup.
var asciiCase, asciiLower = func() (cs, lw [256]uint8) {
	for c := 0; c < 256; c++ {
		lw[c] = uint8(c)
		switch {
		case c >= 'A' && c <= 'Z':
			cs[c] = caseUpper
			lw[c] = uint8(c) + 'a' - 'A'
		case c >= 'a' && c <= 'z':
			cs[c] = caseLower
		}
	}
	return
}()

// asciiSpace marks the ASCII bytes Python splits on.
var asciiSpace = func() (t [256]bool) {
	for c := 0; c < 0x80; c++ {
		t[c] = isPySpace(rune(c))
	}
	return
}()

// tokenize splits text into tokens, appending to sc.toks and sc.lower.
func (sc *scratch) tokenize(text string) {
	n := len(text)
	i := 0
	for i < n {
		// skip whitespace
		for i < n {
			c := text[i]
			if c < utf8.RuneSelf {
				if !asciiSpace[c] {
					break
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if !isPySpace(r) {
				break
			}
			i += size
		}
		if i >= n {
			break
		}
		start := i
		ascii := true
		for i < n {
			c := text[i]
			if c < utf8.RuneSelf {
				if asciiSpace[c] {
					break
				}
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if isPySpace(r) {
				break
			}
			ascii = false
			i += size
		}
		sc.addToken(text, start, i, ascii)
	}
}

func (sc *scratch) addToken(text string, start, end int, ascii bool) {
	s, e := start, end
	for s < e && asciiPunct[text[s]] {
		s++
	}
	for e > s && asciiPunct[text[e-1]] {
		e--
	}
	// Keep the marks when stripping leaves two characters or fewer.
	if e-s <= 2 || (!ascii && utf8.RuneCountInString(text[s:e]) <= 2) {
		s, e = start, end
	}
	t := token{start: int32(s), end: int32(e), lo: int32(len(sc.lower))}
	word := text[s:e]
	hasCased, lower := false, false
	if ascii {
		sc.lower = append(sc.lower, word...)
		buf := sc.lower[t.lo:]
		var bits uint8
		for j, c := range buf {
			bits |= asciiCase[c]
			buf[j] = asciiLower[c]
		}
		hasCased, lower = bits != 0, bits&caseLower != 0
	} else {
		for _, r := range word {
			switch {
			case unicode.IsUpper(r):
				hasCased = true
			case unicode.IsLower(r) || unicode.IsTitle(r):
				hasCased, lower = true, true
			}
			sc.lower = utf8.AppendRune(sc.lower, unicode.ToLower(r))
		}
	}
	t.upper = hasCased && !lower
	t.hi = int32(len(sc.lower))
	t.nt = containsNT(sc.lower[t.lo:t.hi])
	sc.toks = append(sc.toks, t)
}

func containsNT(b []byte) bool {
	for j := 0; j+2 < len(b); j++ {
		if b[j] == 'n' && b[j+1] == '\'' && b[j+2] == 't' {
			return true
		}
	}
	return false
}
