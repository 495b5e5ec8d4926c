package stance

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestKeyTableAgreesWithAMap adds random words to a keyTable and a map and
// looks up random words in both. The words are short strings over "a", "b"
// and a zero byte: many share their first eight bytes, or differ only in
// length ("a" and "a\x00" have the same key), and the tables grow from 16
// slots several times.
func TestKeyTableAgreesWithAMap(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	word := func() string {
		var b strings.Builder
		for range rng.IntN(12) {
			b.WriteByte("ab\x00"[rng.IntN(3)])
		}
		return b.String()
	}
	for range 200 {
		kt, want := newKeyTable(16), map[string]int{}
		for range rng.IntN(60) {
			if w := word(); want[w] == 0 {
				want[w] = len(want) + 1
				kt.add(w, want[w])
			}
		}
		for range 300 {
			w := word()
			id, ok := kt.get(w)
			if wid, wok := want[w]; ok != wok || id != wid {
				t.Fatalf("%q: got %d %v, want %d %v", w, id, ok, wid, wok)
			}
		}
		for w, wid := range want {
			if id, ok := kt.get(w); !ok || id != wid {
				t.Fatalf("%q added as %d: got %d %v", w, wid, id, ok)
			}
		}
	}
}

// TestWordKey checks the overlapping loads against the bytes one by one.
func TestWordKey(t *testing.T) {
	for _, w := range []string{"", "a", "ab", "abc", "abcd", "abcde", "abcdef", "abcdefg", "abcdefgh", "abcdefghi", "é", "\x00a", "a\x00"} {
		var want uint64
		for i := 0; i < len(w) && i < 8; i++ {
			want |= uint64(w[i]) << (8 * i)
		}
		if got := wordKey(w); got != want {
			t.Errorf("wordKey(%q) = %#x, want %#x", w, got, want)
		}
	}
}
