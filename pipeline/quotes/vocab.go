package quotes

import "math/bits"

// wordTable answers classify's question, "which classes and cues does this
// word have", once per word of the text. Words of up to 8 bytes (nine in ten
// of the vocabulary and of running text) are packed into a uint64 and found
// in an open-addressing table; a string-keyed map look-up per word cost a
// tenth of the extraction. Longer words use the map.
type wordTable struct {
	keys  []uint64 // packed word; 0 is an empty slot
	vals  []vocabEntry
	shift uint8
	long  map[string]vocabEntry
}

// newWordTable indexes vocab, whose keys are lower case.
func newWordTable(vocab map[string]vocabEntry) *wordTable {
	size := 1 << bits.Len(uint(2*len(vocab))) // load at most one half
	t := &wordTable{keys: make([]uint64, size), vals: make([]vocabEntry, size),
		shift: uint8(64 - bits.TrailingZeros(uint(size))), long: map[string]vocabEntry{}}
	for w, v := range vocab {
		k, ok := pack(w, false)
		if !ok {
			t.long[w] = v
			continue
		}
		i := t.slot(k)
		for t.keys[i] != 0 {
			i = (i + 1) & (len(t.keys) - 1)
		}
		t.keys[i], t.vals[i] = k, v
	}
	return t
}

// pack puts the bytes of w (ASCII letters lower-cased when lower is set)
// into a uint64, first byte lowest. ok is false for words longer than 8
// bytes or holding a zero byte, which would pack like a shorter word.
func pack(w string, lower bool) (k uint64, ok bool) {
	if len(w) == 0 || len(w) > 8 {
		return 0, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c == 0 {
			return 0, false
		}
		if lower && 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		k |= uint64(c) << (8 * i)
	}
	return k, true
}

func (t *wordTable) slot(k uint64) int {
	return int((k * 0x9E3779B97F4A7C15) >> t.shift) // Fibonacci hashing
}

// get looks up w lower-cased; buf holds the lower-cased copy of a long word.
func (t *wordTable) get(w string, buf []byte) (vocabEntry, bool) {
	if k, ok := pack(w, true); ok {
		for i := t.slot(k); ; i = (i + 1) & (len(t.keys) - 1) {
			switch t.keys[i] {
			case k:
				return t.vals[i], true
			case 0:
				return vocabEntry{}, false
			}
		}
	}
	if len(w) > len(buf) {
		return vocabEntry{}, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	v, ok := t.long[string(buf[:len(w)])]
	return v, ok
}
