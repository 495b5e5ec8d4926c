package source

import (
	"bytes"
	"encoding/json"
	"math/bits"
	"unicode/utf8"
)

// decodeArticle decodes one JSONL record into rec as json.Unmarshal does,
// by hand: encoding/json's validation pass and reflection were most of the
// cost of reading the input, on the one goroutine that reads it. It gives up
// (false) on anything it does not decode exactly as encoding/json would:
// invalid JSON, a field of the wrong type, a key that matches a field only
// when case-folded, a surrogate escape, deep nesting. The caller then runs
// encoding/json, which gives the same result or the error message.
//
// data must be valid UTF-8 (parseRecord checks it first). scratch is the
// buffer escaped strings are decoded in, kept for the next record.
func decodeArticle(data []byte, rec *jsonArticle, scratch *[]byte) bool {
	p := jsonParser{data: data, scratch: scratch}
	p.space()
	if !p.byte('{') {
		return false
	}
	p.space()
	if p.byte('}') {
		return p.end()
	}
	for {
		p.space()
		key, ok := p.string()
		if !ok {
			return false
		}
		p.space()
		if !p.byte(':') {
			return false
		}
		p.space()
		if !p.field(key, rec) {
			return false
		}
		p.space()
		if p.byte(',') {
			continue
		}
		if p.byte('}') {
			return p.end()
		}
		return false
	}
}

type jsonParser struct {
	data    []byte
	i       int
	scratch *[]byte
}

// field decodes the value of key into rec, or skips it for other keys.
func (p *jsonParser) field(key string, rec *jsonArticle) bool {
	switch key {
	case "id":
		return p.raw(&rec.ID)
	case "text":
		return p.stringPtr(&rec.Text)
	case "title":
		return p.stringOrNull(&rec.Title)
	case "url":
		return p.stringOrNull(&rec.URL)
	case "published":
		return p.raw(&rec.Published)
	case "updated":
		return p.raw(&rec.Updated)
	}
	// encoding/json also matches keys that case-fold to a field name
	// ("ID", "Text", or with non-ASCII letters that fold to ASCII ones).
	for i := 0; i < len(key); i++ {
		if key[i] >= utf8.RuneSelf {
			return false
		}
	}
	switch string(bytes.ToLower([]byte(key))) {
	case "id", "text", "title", "url", "published", "updated":
		return false
	}
	return p.skip(0)
}

// stringPtr: a string, or null for nil.
func (p *jsonParser) stringPtr(dst **string) bool {
	if p.literal("null") {
		*dst = nil
		return true
	}
	s, ok := p.string()
	if ok {
		*dst = &s
	}
	return ok
}

// stringOrNull: a string; null leaves dst as it is.
func (p *jsonParser) stringOrNull(dst *string) bool {
	if p.literal("null") {
		return true
	}
	s, ok := p.string()
	if ok {
		*dst = s
	}
	return ok
}

// raw keeps the value's text, as json.RawMessage does (null included).
func (p *jsonParser) raw(dst *json.RawMessage) bool {
	start := p.i
	if !p.skip(0) {
		return false
	}
	*dst = append((*dst)[:0], p.data[start:p.i]...)
	return true
}

func (p *jsonParser) space() {
	for p.i < len(p.data) {
		switch p.data[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

func (p *jsonParser) byte(c byte) bool {
	if p.i < len(p.data) && p.data[p.i] == c {
		p.i++
		return true
	}
	return false
}

// end: nothing but white space after the record.
func (p *jsonParser) end() bool {
	p.space()
	return p.i == len(p.data)
}

func (p *jsonParser) literal(lit string) bool {
	if bytes.HasPrefix(p.data[p.i:], []byte(lit)) {
		p.i += len(lit)
		return true
	}
	return false
}

// string decodes a JSON string at p.i.
func (p *jsonParser) string() (string, bool) {
	if !p.byte('"') {
		return "", false
	}
	start := p.i
	p.i = special(p.data, p.i)
	if p.i == len(p.data) {
		return "", false
	}
	switch c := p.data[p.i]; {
	case c == '"':
		s := string(p.data[start:p.i])
		p.i++
		return s, true
	case c == '\\':
		return p.escaped(start)
	}
	return "", false // a control byte
}

// special returns the index of the first byte from i on that a JSON string
// cannot hold as it is ('"', '\\' or a control byte), or len(data). It
// tests eight bytes at a time: article texts are long runs of plain bytes,
// which a byte loop went through twice per string.
func special(data []byte, i int) int {
	const ones, highs = 0x0101010101010101, 0x8080808080808080
	for ; i+8 <= len(data); i += 8 {
		b := data[i : i+8]
		w := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
			uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
		// A byte's high bit is set where it is zero after the XOR (a quote,
		// a backslash) or below 0x20. Borrows only run upwards, so the
		// lowest bit set is always a true match, and so the first one.
		q, bs := w^(ones*'"'), w^(ones*'\\')
		if m := ((q-ones)&^q | (bs-ones)&^bs | (w-ones*0x20)&^w) & highs; m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(data); i++ {
		if c := data[i]; c == '"' || c == '\\' || c < 0x20 {
			return i
		}
	}
	return i
}

// escaped decodes the rest of a string holding escapes; start is where its
// characters begin. It decodes into the parser's scratch buffer, then copies
// the result out once: sizing the string first took a second scan of it
// for escapes, which costs more than the copy (article texts are full of
// escaped quotation marks).
func (p *jsonParser) escaped(start int) (string, bool) {
	b := append((*p.scratch)[:0], p.data[start:p.i]...)
	defer func() {
		if cap(b) <= maxScratch {
			*p.scratch = b
		}
	}()
	for p.i < len(p.data) {
		c := p.data[p.i]
		switch {
		case c == '"':
			p.i++
			return string(b), true
		case c < 0x20:
			return "", false
		case c != '\\':
			// copy the run up to the next escape or the end at once
			j := special(p.data, p.i+1)
			b = append(b, p.data[p.i:j]...)
			p.i = j
			continue
		}
		if p.i+1 >= len(p.data) {
			return "", false
		}
		e := p.data[p.i+1]
		p.i += 2
		switch e {
		case '"', '\\', '/':
			b = append(b, e)
		case 'b':
			b = append(b, '\b')
		case 'f':
			b = append(b, '\f')
		case 'n':
			b = append(b, '\n')
		case 'r':
			b = append(b, '\r')
		case 't':
			b = append(b, '\t')
		case 'u':
			r, ok := p.hex4()
			// Surrogates (pairs, or lone ones that become U+FFFD) are
			// left to encoding/json.
			if !ok || r >= 0xD800 && r < 0xE000 {
				return "", false
			}
			b = utf8.AppendRune(b, r)
		default:
			return "", false
		}
	}
	return "", false
}

// maxScratch: a buffer that grew past this for one huge string is not kept.
const maxScratch = 1 << 20

func (p *jsonParser) hex4() (rune, bool) {
	if p.i+4 > len(p.data) {
		return 0, false
	}
	var r rune
	for _, c := range p.data[p.i : p.i+4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		r = r<<4 | rune(c)
	}
	p.i += 4
	return r, true
}

// maxDepth bounds nesting in skipped values; deeper records go to
// encoding/json.
const maxDepth = 64

// skip checks and passes over one JSON value.
func (p *jsonParser) skip(depth int) bool {
	if p.i >= len(p.data) || depth > maxDepth {
		return false
	}
	switch c := p.data[p.i]; {
	case c == '"':
		_, ok := p.string()
		return ok
	case c == '{':
		p.i++
		p.space()
		if p.byte('}') {
			return true
		}
		for {
			p.space()
			if _, ok := p.string(); !ok {
				return false
			}
			p.space()
			if !p.byte(':') {
				return false
			}
			p.space()
			if !p.skip(depth + 1) {
				return false
			}
			p.space()
			if p.byte(',') {
				continue
			}
			return p.byte('}')
		}
	case c == '[':
		p.i++
		p.space()
		if p.byte(']') {
			return true
		}
		for {
			p.space()
			if !p.skip(depth + 1) {
				return false
			}
			p.space()
			if p.byte(',') {
				continue
			}
			return p.byte(']')
		}
	case c == '-' || '0' <= c && c <= '9':
		return p.number()
	}
	return p.literal("true") || p.literal("false") || p.literal("null")
}

// number passes over -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *jsonParser) number() bool {
	p.byte('-')
	digits := func() int {
		n := 0
		for p.i < len(p.data) && '0' <= p.data[p.i] && p.data[p.i] <= '9' {
			p.i++
			n++
		}
		return n
	}
	if p.byte('0') {
		// no more digits may follow a leading zero
	} else if digits() == 0 {
		return false
	}
	if p.byte('.') && digits() == 0 {
		return false
	}
	if p.byte('e') || p.byte('E') {
		if !p.byte('+') {
			p.byte('-')
		}
		if digits() == 0 {
			return false
		}
	}
	return true
}
