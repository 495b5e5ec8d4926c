package quotes

import (
	"math/bits"

	"github.com/stance-news/stance/internal/swar"
)

// wordTable answers classify's question, "which classes and cues does this
// word have", once per word of the text. Words of up to 8 bytes (nine in ten
// of the vocabulary and of running text) are packed into a uint64 and found
// in an open-addressing table; a string-keyed map look-up per word cost a
// tenth of the extraction. Longer words use the map.
type wordTable struct {
	// A slot holds the packed word (0 when empty) beside its entry: one
	// cache line read per word. The table is 256 KB, which the other
	// stages push out of the cache between articles, and with keys and
	// entries in two arrays most rare words cost two misses.
	slots []wordSlot
	shift uint8
	long  map[string]vocabEntry
	// longLens has, for each pair of first and last bytes of the long map's
	// keys, a bit per key length (63 and more share one): most long words of
	// a text (names, "government", "administration") are in no vocabulary,
	// and the filter turns them away without hashing them.
	longLens [1024]uint64
	// absent has a bit per value of absentHash, set for the packed words
	// of the table. 43% of a text's words are in no vocabulary, and most
	// of them (rare words, names) would miss the cache on the table; their
	// bit, in 8 KB, is clear nine times in ten, and then getAt reads the
	// last slot, which is always empty and stays cached, instead.
	absent [1 << (absentBits - 6)]uint64
}

const absentBits = 16

// absentHash is a hash of k independent of slot's.
func absentHash(k uint64) uint64 { return (k * 0xC2B2AE3D27D4EB4F) >> (64 - absentBits) }

type wordSlot struct {
	key uint64
	val vocabEntry
}

// newWordTable indexes vocab, whose keys are lower case.
func newWordTable(vocab map[string]vocabEntry) *wordTable {
	size := 1 << bits.Len(uint(2*len(vocab))) // load at most one half
	// (one slot more, the last, which stays empty: see absent)
	t := &wordTable{slots: make([]wordSlot, size+1),
		shift: uint8(64 - bits.TrailingZeros(uint(size))), long: map[string]vocabEntry{}}
	for w, v := range vocab {
		k, ok := pack(w, false)
		if !ok {
			t.long[w] = v
			if w != "" {
				i, b := lenSlot(w[0], w[len(w)-1], len(w))
				t.longLens[i] |= 1 << b
			}
			continue
		}
		i := t.slot(k)
		for t.slots[i].key != 0 {
			i = (i + 1) & (size - 1)
		}
		t.slots[i] = wordSlot{k, v}
		h := absentHash(k)
		t.absent[h>>6] |= 1 << (h & 63)
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
		return t.find(k)
	}
	return t.getLong(w, buf)
}

// getAt is get for the word text[s:e]. A short word is packed from the
// eight bytes at s in one load, lower-cased eight bytes at a time, instead
// of byte by byte: classify packs every word of every article.
func (t *wordTable) getAt(text string, s, e int, buf []byte) (vocabEntry, bool) {
	n := e - s
	if n > 8 || n == 0 || s+8 > len(text) {
		return t.get(text[s:e], buf)
	}
	k := swar.Load8(text, s)
	keep := ^uint64(0) >> (64 - 8*n) // the word's bytes, first lowest
	if swar.ZeroByte(k|^keep) != 0 {
		return t.get(text[s:e], buf) // a zero byte would pack like a shorter word
	}
	k = swar.LowerASCII(k & keep)
	return t.findFrom(k, t.start(k))
}

func (t *wordTable) find(k uint64) (vocabEntry, bool) { return t.findFrom(k, t.slot(k)) }

// start is where getAt looks for k: its slot, or the empty last slot when
// k's bit in absent is clear (selected arithmetically: the bit is clear
// for four words in ten, and a branch on it would be mispredicted as
// often).
func (t *wordTable) start(k uint64) int {
	h := absentHash(k)
	maybe := int(t.absent[h>>6] >> (h & 63) & 1)
	last := len(t.slots) - 1
	return last + (t.slot(k)-last)&-maybe
}

// findFrom is find starting at slot i (the probe wraps within the table's
// size, len(t.slots)-1: the extra last slot is only a start).
func (t *wordTable) findFrom(k uint64, i int) (vocabEntry, bool) {
	for ; ; i = (i + 1) & (len(t.slots) - 2) {
		// One branch for "found" and "not there" alike (an empty slot's
		// entry is the zero one): which of the two it is goes either way
		// for half the words of a text, and a branch on it was
		// mispredicted about once a word.
		s := &t.slots[i]
		if b2i(s.key == k)|b2i(s.key == 0) != 0 {
			return s.val, s.key == k
		}
	}
}

// b2i is 1 for true: the comparisons it takes are combined without a
// branch between them.
func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (t *wordTable) getLong(w string, buf []byte) (vocabEntry, bool) {
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
	if n := len(w); n > 0 {
		if i, b := lenSlot(buf[0], buf[n-1], n); t.longLens[i]>>b&1 == 0 {
			return vocabEntry{}, false
		}
	}
	v, ok := t.long[string(buf[:len(w)])]
	return v, ok
}

// lenSlot is where the bit of a word of n bytes from first to last sits in
// longLens.
func lenSlot(first, last byte, n int) (int, uint) {
	return int((uint(first)*31 + uint(last)) & 1023), uint(min(n, 63))
}
