package article

import (
	"math/bits"
	"unicode/utf8"
)

// Offsets converts byte offsets into Text to Unicode code point offsets, the
// unit the output tables use (Python's str indexing). Calls with increasing
// offsets cost only the distance walked since the previous call.
type Offsets struct {
	text           string
	lastByte, last int
}

// NewOffsets returns a converter for text.
func NewOffsets(text string) *Offsets { return &Offsets{text: text} }

// Rune returns the code point offset of byte offset b.
func (o *Offsets) Rune(b int) int {
	if b < o.lastByte {
		// Going back (a statement nested in the previous one): count back
		// from the last offset when both are at the start of a character,
		// where counts add up; otherwise count again from the start.
		if b >= 0 && utf8.RuneStart(o.text[b]) && (o.lastByte == len(o.text) || utf8.RuneStart(o.text[o.lastByte])) {
			o.last -= RuneCount(o.text[b:o.lastByte])
			o.lastByte = b
			return o.last
		}
		o.lastByte, o.last = 0, 0
	}
	o.last += RuneCount(o.text[o.lastByte:b])
	o.lastByte = b
	return o.last
}

// RuneCount is utf8.RuneCountInString, with ASCII counted eight bytes at
// a time: the standard loop decodes byte by byte, and news text is mostly
// ASCII. Other bytes are decoded as RuneCountInString does, an invalid byte
// counting as one rune.
func RuneCount(s string) int {
	const highs = 0x8080808080808080
	n := 0
	i := 0
	for i < len(s) {
		if i+8 <= len(s) {
			b := s[i : i+8]
			w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
				uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
			if w&highs == 0 {
				n += 8
				i += 8
				continue
			}
			// The ASCII bytes before the first other one.
			k := bits.TrailingZeros64(w&highs) / 8
			n += k
			i += k
		} else if s[i] < utf8.RuneSelf {
			n++
			i++
			continue
		}
		_, size := utf8.DecodeRuneInString(s[i:])
		n++
		i += size
	}
	return n
}

// ByteOffsets converts code point offsets into text (the tables' and the
// gold files' unit) back to byte offsets: the reverse of Offsets.Rune. An
// offset at or past the end gives len(text), a negative one 0. Offsets in
// increasing order are found in one pass over the text.
func ByteOffsets(text string, runes ...int) []int {
	out := make([]int, len(runes))
	r, b := 0, 0
	for k, want := range runes {
		if want < r {
			r, b = 0, 0
		}
		for r < want && b < len(text) {
			_, n := utf8.DecodeRuneInString(text[b:])
			b += n
			r++
		}
		out[k] = b
	}
	return out
}
