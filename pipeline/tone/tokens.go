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
	nb         int32 // the word's id in the attached model, -1 if none
	vec        int32 // the word's row in the model's word-vector table, -1 if none
	fn         uint8 // copied from the word table so the rules
	flags      uint8 // read one compact array
	upper      bool  // ALL CAPS in Python's sense (str.isupper)
	nt         bool  // contains "n't"
}

// Token flags copied from wordInfo.
const (
	flagBooster = 1 << iota
	flagNegation
	flagPhrase
	flagSpecial
	flagCompare
)

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
	caseApos  = 4 // an apostrophe, for "n't"
	caseMark  = 8 // "!" or "?", counted for emphasis
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
		case c == '\'':
			cs[c] = caseApos
		case c == '!' || c == '?':
			cs[c] = caseMark
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

// tokenize splits text into tokens, appending to sc.toks and sc.lower. ASCII
// tokens, the common case, are lowered and classified in the same pass that
// finds their end.
func (sc *scratch) tokenize(text string) {
	n := len(text)
	i := 0
	for i < n {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); isPySpace(r) {
			i += size
			continue
		}
		start, lo := i, len(sc.lower)
		ascii := true
		var bits uint8
		for i < n {
			c := text[i]
			if c >= utf8.RuneSelf {
				r, size := utf8.DecodeRuneInString(text[i:])
				if isPySpace(r) {
					break
				}
				ascii = false
				i += size
				continue
			}
			if asciiSpace[c] {
				break
			}
			bits |= asciiCase[c]
			sc.lower = append(sc.lower, asciiLower[c])
			i++
		}
		if !ascii || bits&caseMark != 0 {
			sc.countMarks(text[start:i])
		}
		if !ascii {
			sc.lower = sc.lower[:lo]
			sc.addToken(text, start, i, false)
			continue
		}
		s, e := start, i
		for s < e && asciiPunct[text[s]] {
			s++
		}
		for e > s && asciiPunct[text[e-1]] {
			e--
		}
		if e-s <= 2 { // keep the marks: ":)", "no."
			s, e = start, i
		}
		sc.toks = append(sc.toks, token{start: int32(s), end: int32(e), lo: int32(lo + s - start), hi: int32(lo + e - start)})
		t := &sc.toks[len(sc.toks)-1]
		// Stripped marks carry no case, so the bits hold for the kept part.
		t.upper = bits&caseUpper != 0 && bits&caseLower == 0
		t.nt = bits&caseApos != 0 && containsNT(sc.lower[t.lo:t.hi])
	}
}

// countMarks counts the "!" and "?" of one token: they only occur inside
// tokens, so the counts cover the whole text.
func (sc *scratch) countMarks(tok string) {
	for j := 0; j < len(tok); j++ {
		switch tok[j] {
		case '!':
			sc.exclaims++
		case '?':
			sc.questions++
		}
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
	sc.toks = append(sc.toks, token{start: int32(s), end: int32(e), lo: int32(len(sc.lower))})
	t := &sc.toks[len(sc.toks)-1]
	word := text[s:e]
	apos := false
	hasCased, lower := false, false
	if ascii {
		sc.lower = append(sc.lower, word...)
		buf := sc.lower[t.lo:]
		var bits uint8
		for j, c := range buf {
			bits |= asciiCase[c]
			buf[j] = asciiLower[c]
		}
		hasCased, lower = bits&(caseUpper|caseLower) != 0, bits&caseLower != 0
		apos = bits&caseApos != 0
	} else {
		for _, r := range word {
			switch {
			case unicode.IsUpper(r):
				hasCased = true
			case unicode.IsLower(r) || unicode.IsTitle(r):
				hasCased, lower = true, true
			}
			sc.lower = utf8.AppendRune(sc.lower, unicode.ToLower(r))
			apos = apos || r == '\''
		}
	}
	t.upper = hasCased && !lower
	t.hi = int32(len(sc.lower))
	t.nt = apos && containsNT(sc.lower[t.lo:t.hi])
}

func containsNT(b []byte) bool {
	for j := 0; j+2 < len(b); j++ {
		if b[j] == 'n' && b[j+1] == '\'' && b[j+2] == 't' {
			return true
		}
	}
	return false
}
