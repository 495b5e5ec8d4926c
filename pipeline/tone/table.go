package tone

import "encoding/binary"

// wordTable maps a lower-case token to its row in the word table. It stands
// in for a Go map in the hot path: keys of up to 16 bytes (nearly every
// word) sit inside the slot, so a lookup usually touches one cache line
// instead of the map's control bytes, slot and separately stored key.
type wordTable struct {
	slots []wordSlot // open addressing, linear probing; len is a power of two
	mask  uint64
	long  map[string]int32 // keys longer than 16 bytes
	// hot holds the most frequent words again in a table small enough to
	// stay in the CPU cache; most tokens are found there.
	hot     []wordSlot
	hotMask uint64
}

type wordSlot struct {
	key [16]byte
	n   uint8
	idx int32 // 0 marks an empty slot (row 0 is the unknown word)
}

// newWordTable builds the table; hot lists frequent words to keep close.
func newWordTable(index map[string]int32, hot []string) *wordTable {
	t := &wordTable{long: map[string]int32{}}
	t.slots, t.mask = fillSlots(index, nil, t.long)
	if len(hot) > 0 {
		t.hot, t.hotMask = fillSlots(index, hot, nil)
	}
	return t
}

func fillSlots(index map[string]int32, only []string, long map[string]int32) ([]wordSlot, uint64) {
	n := len(index)
	if only != nil {
		n = len(only)
	}
	// Up to two thirds full: the 70,000 words of the shipped lexicon and
	// model fit in 3 MB instead of 6 (fewer cache misses while filling and
	// looking up) for a probe or so more on words the table lacks.
	size := 16
	for size*2 < 3*n {
		size *= 2
	}
	slots, mask := make([]wordSlot, size), uint64(size-1)
	put := func(w string, idx int32) {
		if idx == 0 {
			return
		}
		if len(w) > 16 {
			if long != nil {
				long[w] = idx
			}
			return
		}
		var k [16]byte
		copy(k[:], w)
		i := hashKey(&k, len(w)) & mask
		for slots[i].idx != 0 {
			i = (i + 1) & mask
		}
		slots[i] = wordSlot{key: k, n: uint8(len(w)), idx: idx}
	}
	if only != nil {
		for _, w := range only {
			put(w, index[w])
		}
	} else {
		for w, idx := range index {
			put(w, idx)
		}
	}
	return slots, mask
}

func hashKey(k *[16]byte, n int) uint64 {
	lo := binary.LittleEndian.Uint64(k[:8])
	hi := binary.LittleEndian.Uint64(k[8:])
	h := (lo^uint64(n)<<59)*0x9E3779B97F4A7C15 ^ hi*0xC2B2AE3D27D4EB4F
	return h ^ h>>29
}

// get returns the row of word b, or 0 when the table lacks it.
func (t *wordTable) get(b []byte) int32 {
	if len(b) > 16 {
		return t.long[unsafeString(b)]
	}
	var k [16]byte
	copy(k[:], b)
	n := uint8(len(b))
	h := hashKey(&k, len(b))
	if t.hot != nil {
		for i := h & t.hotMask; ; i = (i + 1) & t.hotMask {
			s := &t.hot[i]
			if s.idx == 0 {
				break
			}
			if s.n == n && s.key == k {
				return s.idx
			}
		}
	}
	i := h & t.mask
	for {
		s := &t.slots[i]
		if s.idx == 0 {
			return 0
		}
		if s.n == n && s.key == k {
			return s.idx
		}
		i = (i + 1) & t.mask
	}
}
