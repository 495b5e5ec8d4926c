package stance

import (
	"strings"

	"github.com/stance-news/stance/lexicon"
)

// terms numbers every word and prefix the claims require, so that a
// statement's words are looked up once and every claim's requirements are
// then a few reads of a slice of flags, not string comparisons per claim.
type terms struct {
	words map[string]int // required word → term id
	table *keyTable      // words, as looked up for a statement's words
	known wordFilter     // words' keys
	mid   midFilter      // the same, by other bytes
	// prefixes by their first byte: a word is compared only with the
	// prefixes that start like it.
	prefixes [256][]prefixTerm
	// heads has a bit set (hashed) for the first headLen bytes of every
	// prefix, headLen being the shortest prefix's length up to 4: nearly no
	// word starts like a prefix, and one read spares it the comparisons.
	// (Of the BBC statements' words, a filter on the first two bytes let
	// through 25%, "pr", "re", "de", "co" starting many words and some
	// prefix; this one lets through 3.6%, for 0.3% that start a prefix.)
	heads   [16]uint64
	headLen int
	empty   int // the id of the empty prefix, which any word meets; -1 if none
	n       int
}

type prefixTerm struct {
	prefix string
	id     int
}

func newTerms() *terms { return &terms{words: map[string]int{}, table: newKeyTable(16), empty: -1} }

func (t *terms) word(w string) int {
	if id, ok := t.words[w]; ok {
		return id
	}
	t.words[w] = t.n
	t.table.add(w, t.n)
	t.known.add(w)
	t.mid.add(w)
	t.n++
	return t.n - 1
}

func (t *terms) prefix(p string) int {
	if p == "" {
		if t.empty < 0 {
			t.empty = t.n
			t.n++
		}
		return t.empty
	}
	for _, pt := range t.prefixes[p[0]] {
		if pt.prefix == p {
			return pt.id
		}
	}
	t.prefixes[p[0]] = append(t.prefixes[p[0]], prefixTerm{p, t.n})
	// a shorter prefix than any before shortens every head
	if t.headLen == 0 || len(p) < t.headLen {
		t.headLen = min(len(p), 4)
		t.heads = [16]uint64{}
		for _, ps := range t.prefixes {
			for _, pt := range ps {
				t.setHead(pt.prefix)
			}
		}
	}
	t.setHead(p)
	t.n++
	return t.n - 1
}

func (t *terms) setHead(p string) {
	i := headBit(p, t.headLen)
	t.heads[i/64] |= 1 << (i % 64)
}

// headBit hashes the first n bytes of w (n from 1 to 4) to one of 1,024 bits.
func headBit(w string, n int) uint {
	var h uint32
	if n == 4 {
		b := w[:4]
		h = uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
	} else {
		for i := range n {
			h |= uint32(w[i]) << (8 * i)
		}
	}
	return uint(h * 0x9E3779B1 >> 22)
}

// number sets the pattern's requirements as term ids.
func (t *terms) number(c *compiled) {
	c.reqTerms = nil
	for _, r := range c.reqs {
		var ids []int
		for _, w := range r.words {
			ids = append(ids, t.word(w))
		}
		for _, p := range r.prefixes {
			ids = append(ids, t.prefix(p))
		}
		c.reqTerms = append(c.reqTerms, ids)
	}
}

// mark sets present[id] for every term the tokens' words meet, and appends
// the ids it sets to ids.
func (t *terms) mark(toks []lexicon.Token, present []bool, ids []int) []int {
	set := func(id int) {
		if !present[id] {
			present[id] = true
			ids = append(ids, id)
		}
	}
	if t.empty >= 0 && len(toks) > 0 {
		set(t.empty)
	}
	for i := range toks {
		w := toks[i].Norm // not a copy of the whole token
		// (both filters read before one branch on what they say together,
		// which goes either way from one word to the next)
		if w == "" || t.known.bit(w)&t.mid.bit(w) != 0 {
			if id, ok := t.table.get(w); ok {
				set(id)
			}
		}
		// (with no prefix, headLen is 0 and no bit is set)
		if len(w) < t.headLen {
			continue
		}
		if i := headBit(w, t.headLen); t.heads[i/64]>>(i%64)&1 == 0 {
			continue // no prefix starts like w
		}
		for _, pt := range t.prefixes[w[0]] {
			if strings.HasPrefix(w, pt.prefix) {
				set(pt.id)
			}
		}
	}
	return ids
}

// anchored returns, for each term, the patterns (by index) whose first
// requirement the term meets: a pattern none of whose anchors is present
// cannot match, and most statements present only a few anchors.
func anchored(n int, patterns []*compiled) [][]int {
	by := make([][]int, n)
	for i, c := range patterns {
		if len(c.reqTerms) == 0 {
			continue
		}
		for _, id := range c.reqTerms[0] {
			by[id] = append(by[id], i)
		}
	}
	return by
}

// metAll reports whether every requirement (a list of term ids, any of
// which meets it) is among the present terms.
func metAll(reqs [][]int, present []bool) bool {
	for _, ids := range reqs {
		ok := false
		for _, id := range ids {
			if present[id] {
				ok = true
				break
			}
		}
		if !ok {
			return false
		}
	}
	return true
}
