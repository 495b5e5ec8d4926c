package tone

import (
	"fmt"
	"math"
	"math/rand"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stance-news/stance/pipeline/article"
)

// tokenizePlain is the tokenizer before its fast path: one append per byte.
// The fast path must give the same tokens, lower-case bytes and mark counts.
func (sc *scratch) tokenizePlain(text string) {
	n := len(text)
	i := 0
	for i < n {
		c := text[i]
		if c < utf8.RuneSelf {
			if asciiSpace[c] {
				i++
				continue
			}
		} else if r, size := utf8.DecodeRuneInString(text[i:]); isPySpace(r) {
			i += size
			continue
		}
		start, lo := i, len(sc.lower)
		ascii := true
		var bits uint8
		for i < n {
			c := text[i]
			if c >= utf8.RuneSelf {
				r, size := utf8.DecodeRuneInString(text[i:])
				if isPySpace(r) {
					break
				}
				ascii = false
				i += size
				continue
			}
			if asciiSpace[c] {
				break
			}
			bits |= asciiCase[c]
			sc.lower = append(sc.lower, asciiLower[c])
			i++
		}
		if !ascii || bits&caseMark != 0 {
			sc.countMarks(text[start:i])
		}
		if !ascii {
			sc.lower = sc.lower[:lo]
			sc.addToken(text, start, i, false)
			continue
		}
		s, e := start, i
		for s < e && asciiPunct[text[s]] {
			s++
		}
		for e > s && asciiPunct[text[e-1]] {
			e--
		}
		if e-s <= 2 {
			s, e = start, i
		}
		sc.toks = append(sc.toks, token{start: int32(s), end: int32(e), lo: int32(lo + s - start), hi: int32(lo + e - start)})
		t := &sc.toks[len(sc.toks)-1]
		t.upper = bits&caseUpper != 0 && bits&caseLower == 0
		t.nt = bits&caseApos != 0 && containsNT(sc.lower[t.lo:t.hi])
	}
}

// checkTokenize compares tokenize with tokenizePlain on text, starting from
// a scratch whose buffers hold leftovers of an earlier call.
func checkTokenize(t *testing.T, fast, plain *scratch, text string) {
	t.Helper()
	for _, sc := range []*scratch{fast, plain} {
		sc.lower, sc.toks = sc.lower[:0], sc.toks[:0]
		sc.exclaims, sc.questions = 0, 0
	}
	fast.tokenize(text)
	plain.tokenizePlain(text)
	if string(fast.lower) != string(plain.lower) || !slices.Equal(fast.toks, plain.toks) ||
		fast.exclaims != plain.exclaims || fast.questions != plain.questions {
		t.Fatalf("%q: fast path differs\nfast  %q %+v %d %d\nplain %q %+v %d %d", text,
			fast.lower, fast.toks, fast.exclaims, fast.questions,
			plain.lower, plain.toks, plain.exclaims, plain.questions)
	}
	if cap(fast.lower)-len(fast.lower) < keyPad {
		t.Fatalf("%q: %d bytes spare after the lower-case text, want %d", text, cap(fast.lower)-len(fast.lower), keyPad)
	}
}

var tokenizeSeeds = []string{
	"", " ", "“Great,” he said:\u00a0no. (WOW) :) it's", "DON'T stop!!! Why?? ok?",
	"İSTANBUL İİİİİİİİ ǅemal ẞ x", "a\u2028b\u3000c\u0085d", "\xff\xfeAB \xc3", "n't can't CAN'T",
	strings.Repeat("Ω", 40) + " " + strings.Repeat("ab ", 30),
}

func TestTokenizeFastPath(t *testing.T) {
	fast, plain := new(scratch), new(scratch)
	for _, s := range tokenizeSeeds {
		checkTokenize(t, fast, plain, s)
	}
	// News text, and random mixes of the byte classes the loop branches on.
	sents, _ := benchSentences(t)
	for _, s := range sents {
		checkTokenize(t, fast, plain, s)
	}
	rng := rand.New(rand.NewSource(1))
	pieces := []string{"a", "Z", " ", "'", "!", "?", ".", ",", "\t", "é", "İ", "\u00a0", "n't", "ß", "\xe2\x80", "WORD", "word"}
	for i := 0; i < 20000; i++ {
		var b strings.Builder
		for k := rng.Intn(30); k > 0; k-- {
			b.WriteString(pieces[rng.Intn(len(pieces))])
		}
		checkTokenize(t, fast, plain, b.String())
	}
}

func FuzzTokenize(f *testing.F) {
	for _, s := range tokenizeSeeds {
		f.Add(s)
	}
	fast, plain := new(scratch), new(scratch)
	f.Fuzz(func(t *testing.T, text string) { checkTokenize(t, fast, plain, text) })
}

// TestWordTableFindIn checks the look-up that reads keys in place against
// the one that copies them, with garbage after each word in the buffer.
func TestWordTableFindIn(t *testing.T) {
	rng := rand.New(rand.NewSource(2))
	words := map[string]int32{}
	for len(words) < 3000 {
		n := 1 + rng.Intn(20)
		b := make([]byte, n)
		for i := range b {
			b[i] = "abcxyz'\x00\xff"[rng.Intn(9)]
		}
		words[string(b)] = int32(len(words) + 1)
	}
	var hot []string
	for w := range words {
		if len(hot) < 100 {
			hot = append(hot, w)
		}
	}
	tab := newWordTable(words, hot)
	probe := func(w string) {
		buf := make([]byte, 0, len(w)+keyPad+8)
		buf = append(buf, "xy"...)
		buf = append(buf, w...)
		buf = append(buf, "\xff\x00garbage-garbage-garbage"[:cap(buf)-len(buf)]...)
		lo, hi := int32(2), int32(2+len(w))
		want := words[w]
		if got := tab.get([]byte(w)); got != want {
			t.Fatalf("get(%q) = %d, want %d", w, got, want)
		}
		if got := tab.findIn(buf, lo, hi).idx; got != want {
			t.Fatalf("findIn(%q).idx = %d, want %d", w, got, want)
		}
	}
	for w := range words {
		probe(w)
		probe(w[:len(w)-1]) // mostly absent, sometimes another word
		probe(w + "\x00")   // a NUL must not match the padding
	}
	for n := 0; n <= 17; n++ {
		probe(strings.Repeat("a", n))
	}
}

// TestTargetSeenWrap checks that the target model counts each feature once
// per call whatever stamps earlier calls left, also when the stamp counter
// wraps around.
func TestTargetSeenWrap(t *testing.T) {
	s := defaultScorer(t)
	if s.model == nil || s.model.target == nil {
		t.Skip("no target model")
	}
	e, m := s.rules, s.model
	text := "The minister praised the deal, but critics said the minister failed the country and the deal failed."
	logits := func(sc *scratch) ([numClasses]float64, int) {
		sc.lower, sc.toks, sc.exclaims, sc.questions = sc.lower[:0], sc.toks[:0], 0, 0 // as e.get does
		e.prepare(sc, text)
		e.nbFeatures(sc, text)
		ms, me := mentionTokens(sc, article.Span{Start: 4, End: 12})
		cs, ce := clause(e, sc, text, ms, me)
		return m.target.logits(sc, ms, me, cs, ce)
	}
	fresh := e.get()
	wantL, wantN := logits(fresh)
	if wantN == 0 {
		t.Fatal("no target features in the test sentence")
	}
	if again, n := logits(fresh); again != wantL || n != wantN {
		t.Fatalf("second call: %v %d, want %v %d", again, n, wantL, wantN)
	}
	// Stale stamps equal to the generation after the wrap must not count.
	for i := range fresh.seenIn {
		fresh.seenIn[i] = 1
	}
	fresh.seenGen = ^uint32(0)
	if got, n := logits(fresh); got != wantL || n != wantN {
		t.Fatalf("after the wrap: %v %d, want %v %d", got, n, wantL, wantN)
	}
}

// TestWordSlotsCopyRows checks that every word's slot in the shipped
// scorer's table carries what tokens take from the word's row (the hot
// path reads the slot only), and points to the word's model rows, for the
// words of both tables, long words and the unknown word.
func TestWordSlotsCopyRows(t *testing.T) {
	scorer := defaultScorer(t)
	e, m := scorer.rules, scorer.model
	rowRead := 0
	check := func(where string, s *wordSlot) {
		w := &e.words[s.idx]
		r := &e.modelRows[s.rec]
		if r.nbID != w.nb || r.vecID != w.vec || s.fn != w.fn || s.flags != w.flags || (s.rated != 0) != w.inLex {
			t.Fatalf("%s slot of row %d: nb %d vec %d fn %d flags %d rated %d, row has %d %d %d %d %v",
				where, s.idx, r.nbID, r.vecID, s.fn, s.flags, s.rated, w.nb, w.vec, w.fn, w.flags, w.inLex)
		}
		if (w.nb >= 0 || w.vec >= 0) != (s.rec != 0) {
			t.Fatalf("%s slot of row %d: model rows %d for nb %d vec %d", where, s.idx, s.rec, w.nb, w.vec)
		}
		for k := 0; k < numClasses; k++ {
			if w.nb >= 0 && r.nb[k] != m.logp[2*int(w.nb)*numClasses+k] {
				t.Fatalf("%s slot of row %d: naive Bayes row %v, the model's starts %v", where, s.idx, r.nb, m.logp[2*int(w.nb)*numClasses:][:numClasses])
			}
			if w.vec >= 0 && r.vec[k] != m.vec.scores[int(w.vec)*numClasses+k] {
				t.Fatalf("%s slot of row %d: word-vector row %v, the model's starts %v", where, s.idx, r.vec, m.vec.scores[int(w.vec)*numClasses:][:numClasses])
			}
		}
		if s.rated != 0 && s.rated != rowValence && math.Float64bits(e.ratings[s.rated]) != math.Float64bits(w.valence) {
			t.Fatalf("%s slot of row %d: rated code %d stands for %v, the row's valence is %v", where, s.idx, s.rated, e.ratings[s.rated], w.valence)
		}
		if s.rated == rowValence {
			rowRead++
		}
		if !w.inLex && w.valence != 0 {
			t.Fatalf("row %d has a valence but is not rated: prepareWords would miss it", s.idx)
		}
	}
	n := 0
	for _, slots := range [][]wordSlot{e.table.slots, e.table.hot} {
		for i := range slots {
			if slots[i].idx != 0 {
				check("table", &slots[i])
				n++
			}
		}
	}
	for _, s := range e.table.long {
		check("long", s)
	}
	check("unknown", &e.table.unknown)
	if n < len(e.words)-len(e.table.long)-1 {
		t.Fatalf("%d slots for %d rows", n, len(e.words))
	}
	for i := range e.words {
		if !e.words[i].inLex && e.words[i].valence != 0 {
			t.Fatalf("row %d has a valence but is not rated", i)
		}
	}
	// The frequent words' model rows come first, together (they stay in
	// the cache).
	for _, w := range e.hot {
		if rec := e.table.findIn(append([]byte(w), make([]byte, keyPad)...), 0, int32(len(w))).rec; rec > int32(len(e.hot)) {
			t.Fatalf("hot word %q has model rows %d, after the first %d", w, rec, len(e.hot))
		}
	}
	// The shipped lexicon's valences all have a code: no rated word's row
	// is read while scoring.
	if rowRead != 0 {
		t.Errorf("%d rated slots read their row's valence", rowRead)
	}
}

// TestRatingsWithoutCodes checks the words whose valence has no code of its
// own (more distinct valences than codes) keep their valence: it is read
// from the row.
func TestRatingsWithoutCodes(t *testing.T) {
	valence := map[string]float64{}
	for i := 0; i < 400; i++ {
		valence[fmt.Sprintf("w%d", i)] = float64(i)/100 - 2
	}
	e := newEngine(rulesConfig{valence: valence})
	seen := 0
	for w, v := range valence {
		sc := e.get()
		e.prepareWords(sc, w)
		if sc.val[0] != v || !sc.inLex[0] {
			t.Fatalf("%s: valence %v rated %v, want %v", w, sc.val[0], sc.inLex[0], v)
		}
		if s := e.table.findIn(sc.lower, sc.toks[0].lo, sc.toks[0].hi); s.rated == rowValence {
			seen++
		}
		e.put(sc)
	}
	if seen != 400-(rowValence-1) {
		t.Fatalf("%d words without a code, want %d", seen, 400-(rowValence-1))
	}
}
