package tone

import (
	"encoding/binary"
	"math/bits"
	"unicode"
	"unicode/utf8"

	"github.com/stance-news/stance/internal/swar"
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
	rec        int32 // the word's model rows (engine.modelRows), 0 if none
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

// tokenize splits text into tokens, appending to sc.toks and sc.lower.
// Words of ASCII letters alone, most tokens, are found, lowered and
// classified eight bytes at a time, written by index into room reserved
// once; slowToken takes the others the byte at a time. sc.lower keeps
// keyPad bytes of spare capacity, which the word look-up reads.
func (sc *scratch) tokenize(text string) {
	n := len(text)
	sc.reserve(n)
	buf, w := sc.lower[:cap(sc.lower)], len(sc.lower)
	toks := sc.toks // a local: stores through sc would make the loop reload it
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
		start, lo := i, w
		// Eight bytes at a time: most words end inside their first eight
		// bytes, found without a branch per byte. The masks gather, over
		// the token's bytes, its capitals, its small letters and anything
		// else (the bytes past the token, lowered too, are overwritten by
		// the next one).
		var capitals, smalls, others uint64
		for i+8 <= n {
			x := swar.Load8(text, i)
			x7 := x &^ swar.Highs
			stop := (x | ^atLeast(x7, 0x21)) & swar.Highs // a space, control or non-ASCII byte
			in := (stop&-stop - 1) & swar.Highs           // the bytes before the first stop
			upper := atLeast(x7, 'A') &^ atLeast(x7, 'Z'+1)
			lower := atLeast(x7, 'a') &^ atLeast(x7, 'z'+1)
			binary.LittleEndian.PutUint64(buf[w:], x|upper>>2) // 0x80 >> 2 = 'a' - 'A'
			capitals |= upper & in
			smalls |= lower & in
			others |= in &^ (upper | lower)
			k := bits.TrailingZeros64(stop) >> 3 // 8 when there is no stop
			w += k
			i += k
			if k < 8 {
				break
			}
		}
		if others == 0 && i < n && asciiSpace[text[i]] {
			// Letters alone, ended by an ASCII space: nothing to strip,
			// no mark or apostrophe. (The fields are stored one by one:
			// a composite literal is built on the stack and copied with
			// wide loads that cannot take their data from the narrow
			// stores that built it.)
			toks = append(toks, token{})
			t := &toks[len(toks)-1]
			t.start, t.end, t.lo, t.hi = int32(start), int32(i), int32(lo), int32(w)
			t.upper = capitals != 0 && smalls == 0
			i++
			continue
		}
		sc.lower, sc.toks = buf[:lo], toks
		i = sc.slowToken(text, start)
		// Lower-casing may lengthen non-ASCII text: room for the rest again.
		sc.reserve(n - i)
		buf, w, toks = sc.lower[:cap(sc.lower)], len(sc.lower), sc.toks
	}
	sc.lower, sc.toks = buf[:w], toks
}

// slowToken adds the token that starts at text[start] (not a space) the
// byte at a time, and returns where it ends: tokens with non-ASCII
// characters, punctuation, digits or control bytes, and those the
// eight-byte step cannot reach at the text's end.
func (sc *scratch) slowToken(text string, start int) int {
	i, lo := start, len(sc.lower)
	ascii := true
	var bits uint8
	lower := sc.lower // a local: appending through sc stores its header each time
	for i < len(text) {
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
		lower = append(lower, asciiLower[c])
		i++
	}
	sc.lower = lower
	if !ascii || bits&caseMark != 0 {
		sc.countMarks(text[start:i])
	}
	if !ascii {
		sc.lower = sc.lower[:lo]
		sc.addToken(text, start, i, false)
		return i
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
	sc.toks = append(sc.toks, token{})
	t := &sc.toks[len(sc.toks)-1]
	t.start, t.end, t.lo, t.hi = int32(s), int32(e), int32(lo+s-start), int32(lo+e-start)
	// Stripped marks carry no case, so the bits hold for the kept part.
	t.upper = bits&caseUpper != 0 && bits&caseLower == 0
	t.nt = bits&caseApos != 0 && containsNT(sc.lower[t.lo:t.hi])
	return i
}

// atLeast sets the high bit of each byte of x7 (bytes below 0x80) that is
// at least c (1 ≤ c ≤ 0x80); no carry crosses bytes.
func atLeast(x7 uint64, c byte) uint64 { return (x7 + (0x80-uint64(c))*swar.Ones) & swar.Highs }

// reserve makes room for n more bytes of sc.lower and keyPad after them.
func (sc *scratch) reserve(n int) {
	if need := len(sc.lower) + n + keyPad; cap(sc.lower) < need {
		grown := make([]byte, len(sc.lower), need+need/2)
		copy(grown, sc.lower)
		sc.lower = grown
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
