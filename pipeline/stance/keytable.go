package stance

import (
	"math/bits"

	"github.com/stance-news/stance/internal/swar"
)

// keyTable maps words to ids by their first eight bytes and their length
// (wordKey), which tell apart every word of up to eight bytes with two
// integer comparisons: the claim words a statement meets are mostly short
// ("to", "of", "a", "in" are some), a quarter of its words, and a Go map
// hashed and compared each as a string.
type keyTable struct {
	slots []keySlot // open addressing, len a power of two, at most a third full
	words []string  // the word of each slot, compared only past eight bytes
	shift uint      // 64 - log2(len(slots))
	n     int
}

type keySlot struct {
	key  uint64 // wordKey of the word
	size uint32 // the word's length plus one; 0 marks a free slot
	id   int32
}

func newKeyTable(size int) *keyTable {
	return &keyTable{slots: make([]keySlot, size), words: make([]string, size), shift: uint(64 - bits.TrailingZeros(uint(size)))}
}

// add sets w's id; w must not be in the table yet.
func (kt *keyTable) add(w string, id int) {
	if 3*(kt.n+1) > len(kt.slots) {
		grown := newKeyTable(2 * len(kt.slots))
		for i, s := range kt.slots {
			if s.size != 0 {
				grown.add(kt.words[i], int(s.id))
			}
		}
		*kt = *grown
	}
	key, size := wordKey(w), uint32(len(w)+1)
	i := kt.home(key, size)
	for kt.slots[i].size != 0 {
		i = (i + 1) & (len(kt.slots) - 1)
	}
	kt.slots[i] = keySlot{key: key, size: size, id: int32(id)}
	kt.words[i] = w
	kt.n++
}

// home is the slot where a word's probe starts.
func (kt *keyTable) home(key uint64, size uint32) int {
	return int(((key ^ uint64(size)<<56) * 0x9E3779B97F4A7C15) >> kt.shift)
}

// get returns w's id, false when w is not in the table.
func (kt *keyTable) get(w string) (int, bool) {
	key, size := wordKey(w), uint32(len(w)+1)
	mask := len(kt.slots) - 1
	for i := kt.home(key, size); ; i = (i + 1) & mask {
		s := &kt.slots[i]
		if s.size == 0 {
			return 0, false
		}
		// (the first eight bytes and the length decide for a shorter word)
		if s.key == key && s.size == size && (size <= 9 || kt.words[i] == w) {
			return int(s.id), true
		}
	}
}

// wordKey is the first eight bytes of w, the first lowest, zero after its
// end. A shorter word is read in two loads that overlap (the bytes they
// share are the same, so OR keeps them) rather than a byte at a time, whose
// loop exit the branch predictor would miss for most words.
func wordKey(w string) uint64 {
	n := len(w)
	switch {
	case n >= 8:
		return swar.Load8(w, 0)
	case n >= 4:
		return uint64(load4(w, 0)) | uint64(load4(w, n-4))<<(8*(n-4))
	case n >= 2:
		return uint64(load2(w, 0)) | uint64(load2(w, n-2))<<(8*(n-2))
	case n == 1:
		return uint64(w[0])
	}
	return 0
}

func load4(s string, i int) uint32 {
	b := s[i : i+4]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

func load2(s string, i int) uint16 {
	b := s[i : i+2]
	return uint16(b[0]) | uint16(b[1])<<8
}
