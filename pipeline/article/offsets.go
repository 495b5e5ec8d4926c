package article

import "unicode/utf8"

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
			o.last -= utf8.RuneCountInString(o.text[b:o.lastByte])
			o.lastByte = b
			return o.last
		}
		o.lastByte, o.last = 0, 0
	}
	o.last += utf8.RuneCountInString(o.text[o.lastByte:b])
	o.lastByte = b
	return o.last
}
