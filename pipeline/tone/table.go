package tone

import "encoding/binary"

// wordTable maps a lower-case token to its row in the word table. It stands
// in for a Go map in the hot path: keys of up to 16 bytes (nearly every
// word) sit inside the slot, so a lookup usually touches one cache line
// instead of the map's control bytes, slot and separately stored key.
type wordTable struct {
	slots []wordSlot // open addressing, linear probing; len is a power of two
	mask  uint64
	long  map[string]*wordSlot // keys longer than 16 bytes
	// hot holds the most frequent words again in a table small enough to
	// stay in the CPU cache; most tokens are found there.
	hot     []wordSlot
	hotMask uint64
	unknown wordSlot // what find returns for a word the table lacks
}

// wordSlot is a word's key and row number, and a copy of what a token
// takes from the engine's row (fillRows): the engine's rows (2 MB) are
// then read only for rated words, not once per token. 32 bytes, so two
// slots fill a cache line and none straddles two.
type wordSlot struct {
	k0, k1    uint64 // the word's bytes, little-endian, zero beyond its end
	idx       int32  // 0 marks an empty slot (row 0 is the unknown word)
	rec       int32  // the word's model rows (engine.modelRows), 0 when none
	n         uint8
	fn, flags uint8 // copied from the row
	// rated is 0 for a word the lexicon does not rate; else the code of
	// its valence (engine.ratings), or rowValence when it has no code.
	// Rated words are common, and their rows, scattered over 2 MB, would
	// cost a cache miss for each.
	rated uint8
}

// keyPad is the spare capacity findIn needs after a word's start: it reads
// the key as two 8-byte loads and masks off what lies past the word.
const keyPad = 16

// keyOf packs a word of up to 16 bytes into two words (not an array: Go
// passes those in memory, two plain words in registers).
func keyOf(w []byte) (k0, k1 uint64) {
	var b [16]byte
	copy(b[:], w)
	return binary.LittleEndian.Uint64(b[:8]), binary.LittleEndian.Uint64(b[8:])
}

// keyAt is keyOf(buf[lo:lo+n]) for n ≤ 16 without the copy; buf must have
// keyPad bytes of capacity from lo on (whatever they hold).
func keyAt(buf []byte, lo, n int) (k0, k1 uint64) {
	b := buf[lo : lo+keyPad : lo+keyPad]
	k0, k1 = binary.LittleEndian.Uint64(b), binary.LittleEndian.Uint64(b[8:])
	switch {
	case n < 8:
		k0 &= 1<<(8*uint(n)) - 1
		k1 = 0
	case n < 16:
		k1 &= 1<<(8*uint(n-8)) - 1
	}
	return k0, k1
}

// newWordTable builds the table; hot lists frequent words to keep close.
func newWordTable(index map[string]int32, hot []string) *wordTable {
	t := newWordTableFor(len(index))
	for w, idx := range index {
		t.put(w, idx)
	}
	t.keepHot(hot)
	return t
}

// newWordTableFor returns an empty table for up to n words.
func newWordTableFor(n int) *wordTable {
	t := &wordTable{long: map[string]*wordSlot{}}
	t.slots, t.mask = makeSlots(n)
	return t
}

func makeSlots(n int) ([]wordSlot, uint64) {
	// Up to two thirds full: the 70,000 words of the shipped lexicon and
	// model fit in 3 MB instead of 6 (fewer cache misses while filling and
	// looking up) for a probe or so more on words the table lacks.
	size := 16
	for size*2 < 3*n {
		size *= 2
	}
	return make([]wordSlot, size), uint64(size - 1)
}

// put adds word w, which the table lacks, as row idx (row 0 is never put).
func (t *wordTable) put(w string, idx int32) {
	if idx == 0 {
		return
	}
	if len(w) > 16 {
		t.long[w] = &wordSlot{idx: idx}
		return
	}
	putSlot(t.slots, t.mask, w, idx)
}

func putSlot(slots []wordSlot, mask uint64, w string, idx int32) {
	k0, k1 := keyOf([]byte(w))
	i := hashKey(k0, k1, len(w)) & mask
	for slots[i].idx != 0 {
		i = (i + 1) & mask
	}
	slots[i] = wordSlot{k0: k0, k1: k1, n: uint8(len(w)), idx: idx}
}

// keepHot copies the rows of the hot words, which the table holds, into
// the small table looked at first.
func (t *wordTable) keepHot(hot []string) {
	if len(hot) == 0 {
		return
	}
	t.hot, t.hotMask = makeSlots(len(hot))
	for _, w := range hot {
		if idx := t.getString(w); idx != 0 && len(w) <= 16 {
			putSlot(t.hot, t.hotMask, w, idx)
		}
	}
}

// getString is get for a string.
func (t *wordTable) getString(w string) int32 {
	if len(w) > 16 {
		return t.longIdx(w)
	}
	k0, k1 := keyOf([]byte(w))
	return t.getKey(k0, k1, len(w))
}

func hashKey(k0, k1 uint64, n int) uint64 {
	h := (k0^uint64(n)<<59)*0x9E3779B97F4A7C15 ^ k1*0xC2B2AE3D27D4EB4F
	return h ^ h>>29
}

// get returns the row of word b, or 0 when the table lacks it.
func (t *wordTable) get(b []byte) int32 {
	if len(b) > 16 {
		return t.longIdx(unsafeString(b))
	}
	k0, k1 := keyOf(b)
	return t.getKey(k0, k1, len(b))
}

func (t *wordTable) longIdx(w string) int32 {
	if s := t.long[w]; s != nil {
		return s.idx
	}
	return 0
}

// findIn is the slot of word buf[lo:hi], with the copy of its row, for a
// buffer with keyPad bytes of capacity from lo on: the scorer's lower-cased
// tokens, where it saves copying each word. It is t.unknown (row 0) when
// the table lacks the word. The slot must not be changed.
func (t *wordTable) findIn(buf []byte, lo, hi int32) *wordSlot {
	n := int(hi - lo)
	if n > 16 {
		if s := t.long[unsafeString(buf[lo:hi])]; s != nil {
			return s
		}
		return &t.unknown
	}
	k0, k1 := keyAt(buf, int(lo), n)
	if s := t.findKey(k0, k1, n); s != nil {
		return s
	}
	return &t.unknown
}

func (t *wordTable) getKey(k0, k1 uint64, len int) int32 {
	if s := t.findKey(k0, k1, len); s != nil {
		return s.idx
	}
	return 0
}

// findKey is the slot of the word whose key is k0, k1 and length len, or
// nil.
func (t *wordTable) findKey(k0, k1 uint64, len int) *wordSlot {
	n := uint8(len)
	h := hashKey(k0, k1, len)
	if t.hot != nil {
		for i := h & t.hotMask; ; i = (i + 1) & t.hotMask {
			s := &t.hot[i]
			if s.idx == 0 {
				break
			}
			if s.k0 == k0 && s.n == n && s.k1 == k1 {
				return s
			}
		}
	}
	i := h & t.mask
	for {
		s := &t.slots[i]
		if s.idx == 0 {
			return nil
		}
		if s.k0 == k0 && s.n == n && s.k1 == k1 {
			return s
		}
		i = (i + 1) & t.mask
	}
}

// fillRows copies into every slot what a token takes from the slot's row;
// rated gives a row's rated code, recOf each row's model rows.
func (t *wordTable) fillRows(words []wordInfo, recOf []int32, rated func(*wordInfo) uint8) {
	fill := func(s *wordSlot) {
		w := &words[s.idx]
		s.rec, s.fn, s.flags, s.rated = recOf[s.idx], w.fn, w.flags, rated(w)
	}
	for _, slots := range [][]wordSlot{t.slots, t.hot} {
		for i := range slots {
			if slots[i].idx != 0 {
				fill(&slots[i])
			}
		}
	}
	for _, s := range t.long {
		fill(s)
	}
	fill(&t.unknown) // row 0, idx 0
}
