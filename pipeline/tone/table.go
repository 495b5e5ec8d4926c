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
}

type wordSlot struct {
	key [16]byte
	n   uint8
	idx int32 // 0 marks an empty slot (row 0 is the unknown word)
}

func newWordTable(index map[string]int32) *wordTable {
	size := 16
	for size < 2*len(index) {
		size *= 2
	}
	t := &wordTable{slots: make([]wordSlot, size), mask: uint64(size - 1), long: map[string]int32{}}
	for w, idx := range index {
		if idx == 0 {
			continue
		}
		if len(w) > 16 {
			t.long[w] = idx
			continue
		}
		var k [16]byte
		copy(k[:], w)
		i := hashKey(&k, len(w)) & t.mask
		for t.slots[i].idx != 0 {
			i = (i + 1) & t.mask
		}
		t.slots[i] = wordSlot{key: k, n: uint8(len(w)), idx: idx}
	}
	return t
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
	i := hashKey(&k, len(b)) & t.mask
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
