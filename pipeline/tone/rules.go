package tone

import (
	"math"
	"strings"
	"sync"
	"unicode/utf8"
)

// The rule engine follows the description of VADER (Hutto & Gilbert 2014,
// "VADER: A Parsimonious Rule-based Model for Sentiment Analysis of Social
// Media Text") and the behaviour of its reference implementation, whose
// scores are the test (reference_scores.jsonl): the constants below are the
// published ones.
const (
	boostIncr    = 0.293 // a booster ("very") adds this much intensity
	capsIncr     = 0.733 // an ALL-CAPS word among mixed-case ones
	negScalar    = -0.74 // negation flips and shrinks
	butBefore    = 0.5   // words before a contrastive "but" count half
	butAfter     = 1.5   // and words after it half again as much
	exclaimIncr  = 0.292 // per "!", up to four
	questionIncr = 0.18  // per "?", from two to three
	questionMax  = 0.96  // four or more "?"
	normAlpha    = 15    // compound = s / sqrt(s² + alpha)
)

// Function words the rules look for by identity.
const (
	fnNone uint8 = iota
	fnNo
	fnOrNor
	fnNever
	fnSoThis
	fnWithout
	fnDoubt
	fnLeast
	fnAt
	fnVery
	fnBut
	fnKind
	fnOf
)

var fnWords = map[string]uint8{
	"no": fnNo, "or": fnOrNor, "nor": fnOrNor, "never": fnNever, "so": fnSoThis,
	"this": fnSoThis, "without": fnWithout, "doubt": fnDoubt, "least": fnLeast,
	"at": fnAt, "very": fnVery, "but": fnBut, "kind": fnKind, "of": fnOf,
}

// wordInfo is everything known about one lower-case token.
type wordInfo struct {
	valence   float64 // lexicon valence, when inLex
	booster   float64 // signed scalar, when isBooster
	inLex     bool
	isBooster bool
	negation  bool
	fn        uint8
	phrase    bool  // first word of a multi-word lexicon phrase
	special   bool  // first word of an idiom or multi-word booster
	compare   bool  // a comparative that "never" does not flip (worse, better)
	flags     uint8 // the booleans above as token flags, set by finish
	nb        int32 // row in the naive Bayes table, -1 when none
	vec       int32 // row in the word-vector table, -1 when none
	// (flags sits with the other bytes so the struct stays 32 bytes.)
}

// finish packs each word's booleans into flags for the tokens to copy and
// builds the lookup table.
func (e *engine) finish() { e.finishWith(newWordTable(e.index, e.hot), nil) }

// finishWith is finish with the lookup table built, for the model m the
// rows' ids refer to (nil for none).
func (e *engine) finishWith(t *wordTable, m *Model) {
	e.table = t
	for i := range e.words {
		w := &e.words[i]
		w.flags = 0
		for _, f := range []struct {
			on   bool
			flag uint8
		}{{w.isBooster, flagBooster}, {w.negation, flagNegation}, {w.phrase, flagPhrase}, {w.special, flagSpecial}, {w.compare, flagCompare}} {
			if f.on {
				w.flags |= f.flag
			}
		}
	}
	e.codeRatings(t, e.layModelRows(m))
}

// rowValence is the rated code of a word whose valence has no code of its
// own: its row is read.
const rowValence = 255

// codeRatings numbers the distinct valences of the rated words (1 up to
// rowValence-1, in the order the rows come; the lexicon rates words on a
// coarse scale, so a few dozen of them cover every word) and fills the
// slots of t with the rows' copies.
func (e *engine) codeRatings(t *wordTable, recOf []int32) {
	e.ratings = [256]float64{}
	codes := map[uint64]uint8{} // by the valence's bits: -0 and 0 stay apart
	next := uint8(1)
	t.fillRows(e.words, recOf, func(w *wordInfo) uint8 {
		if !w.inLex {
			return 0
		}
		bits := math.Float64bits(w.valence)
		c, ok := codes[bits]
		if !ok {
			c = rowValence
			if next < rowValence {
				c = next
				e.ratings[c] = w.valence
				next++
			}
			codes[bits] = c
		}
		return c
	})
}

// phrase is a multi-word lexicon entry ("common interests") or a special
// case ("kiss of death").
type phrase struct {
	words   []string
	valence float64
}

// engine is the VADER-style rule engine over one set of lexicon layers.
type engine struct {
	index    map[string]int32 // lower-case token → row in words
	table    *wordTable       // the same, for the hot path
	hot      []string         // frequent words, looked up first
	words    []wordInfo       // row 0 is the unknown word
	phrases  map[string][]phrase
	special  []phrase     // idioms that replace a word's valence
	boosters []phrase     // multi-word boosters and dampeners ("kind of")
	names    bool         // rated words inside capitalised names carry no valence (nameWords)
	ratings  [256]float64 // the valence of each rated code (codeRatings)
	// modelRows holds the attached model's rows of each word it knows
	// (layModelRows); row 0 is for words it lacks.
	modelRows []modelRow
	pool      sync.Pool
}

// rulesConfig is the data the engine is built from.
type rulesConfig struct {
	valence   map[string]float64 // single tokens, lower case
	phrases   map[string]float64 // multi-word entries, words separated by one space
	boosters  map[string]float64
	negations []string
	special   map[string]float64
	// newsRules adds rules beyond the reference VADER: "never been worse"
	// is negative, not a negated "worse".
	newsRules bool
}

func newEngine(cfg rulesConfig) *engine {
	e := buildEngine(cfg)
	e.finish()
	return e
}

// buildEngine is newEngine without the lookup table, which attach builds.
func buildEngine(cfg rulesConfig) *engine {
	e := &engine{index: map[string]int32{}, words: []wordInfo{{nb: -1, vec: -1}}, phrases: map[string][]phrase{}}
	row := func(w string) *wordInfo {
		i, ok := e.index[w]
		if !ok {
			i = int32(len(e.words))
			e.index[w] = i
			e.words = append(e.words, wordInfo{nb: -1, vec: -1})
		}
		return &e.words[i]
	}
	for w, v := range cfg.valence {
		wi := row(w)
		wi.valence, wi.inLex = v, true
	}
	if cfg.newsRules {
		e.addInflections(cfg.valence)
		e.names = true
	}
	for w, v := range cfg.boosters {
		if strings.Contains(w, " ") {
			ws := strings.Fields(w)
			e.boosters = append(e.boosters, phrase{ws, v})
			row(ws[0]).special = true
			continue
		}
		wi := row(w)
		wi.booster, wi.isBooster = v, true
	}
	for _, w := range cfg.negations {
		row(w).negation = true
	}
	for w, f := range fnWords {
		row(w).fn = f
	}
	for p, v := range cfg.special {
		ws := strings.Fields(p)
		e.special = append(e.special, phrase{ws, v})
		row(ws[0]).special = true
	}
	for p, v := range cfg.phrases {
		ws := strings.Fields(p)
		if len(ws) < 2 {
			continue
		}
		row(ws[0]).phrase = true
		e.phrases[ws[0]] = append(e.phrases[ws[0]], phrase{ws, v})
	}
	for _, list := range e.phrases {
		sortPhrases(list)
	}
	sortPhrases(e.special)
	sortPhrases(e.boosters)
	if cfg.newsRules {
		for _, w := range []string{"worse", "worst", "better", "best"} {
			row(w).compare = true
		}
	}
	e.pool.New = func() any { return new(scratch) }
	return e
}

// sortPhrases orders longest first, then alphabetically, so matching is
// deterministic whatever the map order was.
func sortPhrases(list []phrase) {
	for i := 1; i < len(list); i++ {
		for j := i; j > 0 && phraseLess(list[j], list[j-1]); j-- {
			list[j], list[j-1] = list[j-1], list[j]
		}
	}
}

func phraseLess(a, b phrase) bool {
	if len(a.words) != len(b.words) {
		return len(a.words) > len(b.words)
	}
	return strings.Join(a.words, " ") < strings.Join(b.words, " ")
}

// scratch is per-call working memory, pooled so scoring does not allocate.
type scratch struct {
	lower []byte
	toks  []token
	val   []float64 // each token's lexicon valence after phrase matching
	inLex []bool
	sent  []float64
	nb    []nbTok
	rows  []modelRow // what nbTok.rec indexes: the engine's modelRows
	// seenIn[id] == seenGen marks target model features already counted
	// in this call: a stamp per feature, so no set is cleared per call (a
	// Go map here cost an eighth of TargetScore).
	seenIn  []uint32
	seenGen uint32

	exclaims, questions int // "!" and "?" in the text

}

func (e *engine) get() *scratch {
	sc := e.pool.Get().(*scratch)
	sc.lower = sc.lower[:0]
	sc.toks = sc.toks[:0]
	sc.exclaims, sc.questions = 0, 0
	return sc
}

func (e *engine) put(sc *scratch) {
	if cap(sc.lower) > 1<<20 { // do not keep a huge buffer alive
		return
	}
	e.pool.Put(sc)
}

// low is token i's lower-case form.
func (sc *scratch) low(i int) string {
	t := &sc.toks[i]
	return unsafeString(sc.lower[t.lo:t.hi])
}

// prepare tokenises text and looks every token up once, for the tone of
// the text itself.
func (e *engine) prepare(sc *scratch, text string) {
	e.prepareWords(sc, text)
	if e.names {
		nameWords(sc, text)
	}
}

// prepareWords is prepare without the name rule, for the tone towards a
// mention: the target model learns from the words around the mention as
// the lexicon rates them, and there the name rule did not help (5-fold CV
// of target tone on NewsMTSC 0.681 without it, 0.679 with it).
func (e *engine) prepareWords(sc *scratch, text string) {
	sc.tokenize(text)
	n := len(sc.toks)
	sc.val = grow(sc.val, n)
	sc.inLex = growBool(sc.inLex, n)
	// Locals, so that the stores into the tokens do not make the loop
	// reload sc's fields, and the slices' lengths are known to match.
	toks, lower, tab := sc.toks, sc.lower, e.table
	val, inLex := sc.val[:len(toks)], sc.inLex[:len(toks)]
	for i := range toks {
		t := &toks[i]
		var s *wordSlot
		if n := int(t.hi - t.lo); n <= 16 { // findIn without its call
			k0, k1 := keyAt(lower, int(t.lo), n)
			if s = tab.findKey(k0, k1, n); s == nil {
				s = &tab.unknown
			}
		} else {
			s = tab.findIn(lower, t.lo, t.hi)
		}
		t.word, t.fn, t.flags, t.rec = s.idx, s.fn, s.flags, s.rec
		// (only rated words have a valence; ratings[0] is 0)
		val[i], inLex[i] = e.ratings[s.rated], s.rated != 0
		if s.rated == rowValence {
			val[i] = e.words[s.idx].valence
		}
	}
	// Multi-word entries: the phrase's valence sits on its first word, the
	// rest of it counts as lexicon words of no valence, so modifiers before
	// the phrase apply to it and its own words are not read again.
	for i := 0; i < n; i++ {
		if toks[i].flags&flagPhrase == 0 {
			continue
		}
		for _, p := range e.phrases[sc.low(i)] {
			if sc.matchAt(i, p.words) {
				sc.val[i], sc.inLex[i] = p.valence, true
				for k := 1; k < len(p.words); k++ {
					sc.val[i+k], sc.inLex[i+k] = 0, true
				}
				i += len(p.words) - 1
				break
			}
		}
	}
}

// nameWords sets to zero the valence of rated words inside capitalised
// names: a capitalised word next to another capitalised word, only space
// between them ("Luther Strange", "Rob Portman", "Peace Prize", "Super
// Bowl"). News names people, places, laws and institutions with ordinary
// words whose lexicon sense is not meant; in NewsMTSC's training sentences
// such words agree with the label's sign no more often than chance (127
// times, against 102 opposite and 111 neutral). A sentence with half its
// words or more capitalised (a headline in title case) is left alone: there
// capitals do not mark names. ALL-CAPS words keep their valence (VADER's
// emphasis rule), and so do negations and boosters.
func nameWords(sc *scratch, text string) {
	n := len(sc.toks)
	first := -1
	val := sc.val[:n]
	for i := range val {
		if val[i] != 0 && nameCandidate(sc, text, i) {
			first = i
			break
		}
	}
	if first < 0 {
		return
	}
	caps := 0
	for i := range sc.toks {
		if capitalised(text, &sc.toks[i]) {
			caps++
		}
	}
	if 2*caps >= n {
		return
	}
	// The test reads only capitals and spacing, never a valence, so a name
	// of two rated words ("Good Hope") loses both.
	for i := first; i < n; i++ {
		if sc.val[i] == 0 || !nameCandidate(sc, text, i) {
			continue
		}
		if (i > 0 && capitalised(text, &sc.toks[i-1]) && onlySpace(text, &sc.toks[i-1], &sc.toks[i])) ||
			(i+1 < n && capitalised(text, &sc.toks[i+1]) && onlySpace(text, &sc.toks[i], &sc.toks[i+1])) {
			sc.val[i] = 0
		}
	}
}

// nameCandidate reports whether rated token i may be part of a name: it is
// capitalised, not ALL CAPS, and neither a negation, a booster nor a word
// the rules look for by identity.
func nameCandidate(sc *scratch, text string, i int) bool {
	t := &sc.toks[i]
	return !t.upper && t.fn == fnNone && t.flags&(flagNegation|flagBooster) == 0 && capitalised(text, t)
}

// capitalised reports whether a token of two or more bytes starts with an
// ASCII capital, after an opening curly quote if any ("I" and "A" are not
// names).
func capitalised(text string, t *token) bool {
	s := int(t.start)
	if s+3 < int(t.end) && text[s] == 0xE2 && text[s+1] == 0x80 && (text[s+2] == 0x9C || text[s+2] == 0x98) {
		s += 3
	}
	return int(t.end)-s > 1 && text[s] >= 'A' && text[s] <= 'Z'
}

// onlySpace reports whether nothing but whitespace separates tokens a and b.
func onlySpace(text string, a, b *token) bool {
	for i := a.end; i < b.start; i++ {
		if c := text[i]; c >= utf8.RuneSelf || !asciiSpace[c] {
			return false
		}
	}
	return true
}

// matchAt reports whether the tokens from i on spell words.
func (sc *scratch) matchAt(i int, words []string) bool {
	if i < 0 || i+len(words) > len(sc.toks) {
		return false
	}
	for k, w := range words {
		if sc.low(i+k) != w {
			return false
		}
	}
	return true
}

func grow(s []float64, n int) []float64 {
	if cap(s) < n {
		return make([]float64, n, n+n/2)
	}
	return s[:n]
}

func growBool(s []bool, n int) []bool {
	if cap(s) < n {
		return make([]bool, n, n+n/2)
	}
	return s[:n]
}

// valences fills sc.sent with each token's sentiment after the rules, before
// the "but" rule and punctuation.
func (e *engine) valences(sc *scratch) {
	n := len(sc.toks)
	sc.sent = grow(sc.sent, n)
	toks, inLex, sent := sc.toks, sc.inLex[:n], sc.sent[:n]
	upperCount := 0
	for i := range toks {
		if toks[i].upper {
			upperCount++
		}
	}
	capDiff := upperCount > 0 && upperCount < n
	for i := range toks {
		sent[i] = 0
		// Most words are not rated: that test first.
		if !inLex[i] || toks[i].flags&flagBooster != 0 {
			continue
		}
		if toks[i].fn == fnKind && i+1 < n && toks[i+1].fn == fnOf {
			continue
		}
		sent[i] = e.tokenValence(sc, i, capDiff)
	}
}

func (e *engine) fn(sc *scratch, i int) uint8 { return sc.toks[i].fn }

func (e *engine) negated(sc *scratch, i int) bool {
	return sc.toks[i].flags&flagNegation != 0 || sc.toks[i].nt
}

// negates reports whether the word at j negates the word at i.
func (e *engine) negates(sc *scratch, j, i int) bool {
	if !e.negated(sc, j) {
		return false
	}
	// "never been worse", "never looked better": a comparison, not a negation.
	return !(sc.toks[i].flags&flagCompare != 0 && e.fn(sc, j) == fnNever)
}

func (e *engine) tokenValence(sc *scratch, i int, capDiff bool) float64 {
	n := len(sc.toks)
	base := sc.val[i]
	v := base
	// "no" before another lexicon word negates that word instead of
	// counting as negative itself.
	if e.fn(sc, i) == fnNo && i != n-1 && sc.inLex[i+1] {
		v = 0
	}
	if (i > 0 && e.fn(sc, i-1) == fnNo) || (i > 1 && e.fn(sc, i-2) == fnNo) ||
		(i > 2 && e.fn(sc, i-3) == fnNo && e.fn(sc, i-1) == fnOrNor) {
		v = base * negScalar
	}
	if sc.toks[i].upper && capDiff {
		if v > 0 {
			v += capsIncr
		} else {
			v -= capsIncr
		}
	}
	for d := 0; d < 3; d++ {
		j := i - (d + 1)
		if j < 0 || sc.inLex[j] {
			continue
		}
		s := e.scalar(sc, j, v, capDiff)
		if d == 1 && s != 0 {
			s *= 0.95
		}
		if d == 2 && s != 0 {
			s *= 0.9
		}
		v += s
		v = e.negationCheck(sc, v, d, i)
		if d == 2 {
			v = e.specialCheck(sc, v, i)
		}
	}
	return e.leastCheck(sc, v, i)
}

// scalar is the intensity a booster or dampener at j adds to valence v.
func (e *engine) scalar(sc *scratch, j int, v float64, capDiff bool) float64 {
	if sc.toks[j].flags&flagBooster == 0 {
		return 0
	}
	s := e.words[sc.toks[j].word].booster
	if v < 0 {
		s = -s
	}
	if sc.toks[j].upper && capDiff {
		if v > 0 {
			s += capsIncr
		} else {
			s -= capsIncr
		}
	}
	return s
}

func (e *engine) negationCheck(sc *scratch, v float64, d, i int) float64 {
	switch d {
	case 0:
		if e.negates(sc, i-1, i) {
			v *= negScalar
		}
	case 1:
		switch {
		case e.fn(sc, i-2) == fnNever && e.fn(sc, i-1) == fnSoThis:
			v *= 1.25
		case e.fn(sc, i-2) == fnWithout && e.fn(sc, i-1) == fnDoubt:
		case e.negates(sc, i-2, i):
			v *= negScalar
		}
	case 2:
		// As in the reference: "never so/this X" intensifies, and so does a
		// "so" or "this" right before the word whatever comes earlier.
		switch {
		case (e.fn(sc, i-3) == fnNever && e.fn(sc, i-2) == fnSoThis) || e.fn(sc, i-1) == fnSoThis:
			v *= 1.25
		case e.fn(sc, i-3) == fnWithout && (e.fn(sc, i-2) == fnDoubt || e.fn(sc, i-1) == fnDoubt):
		case e.negates(sc, i-3, i):
			v *= negScalar
		}
	}
	return v
}

// specialCheck applies idioms whose valence replaces the word's ("kiss of
// death") and multi-word dampeners before it ("kind of").
func (e *engine) specialCheck(sc *scratch, v float64, i int) float64 {
	// Every window starts at one of i-3..i; most text has no idiom there.
	any := false
	for j := i - 3; j <= i; j++ {
		if sc.toks[j].flags&flagSpecial != 0 {
			any = true
			break
		}
	}
	if !any {
		return v
	}
	// Windows ending at or just before i, in the reference's order. A
	// window can hold an idiom only if its first word starts one.
	starts := func(j int) bool { return sc.toks[j].flags&flagSpecial != 0 }
	windows := [5][2]int{{i - 1, 2}, {i - 2, 3}, {i - 2, 2}, {i - 3, 3}, {i - 3, 2}}
	found := false
	for _, wd := range windows {
		if !starts(wd[0]) {
			continue
		}
		for _, p := range e.special {
			if len(p.words) == wd[1] && sc.matchAt(wd[0], p.words) {
				v, found = p.valence, true
				break
			}
		}
		if found {
			break
		}
	}
	if starts(i) {
		for _, p := range e.special {
			if len(p.words) == 2 && sc.matchAt(i, p.words) {
				v = p.valence
				break
			}
		}
		for _, p := range e.special {
			if len(p.words) == 3 && sc.matchAt(i, p.words) {
				v = p.valence
				break
			}
		}
	}
	for _, wd := range [3][2]int{{i - 3, 3}, {i - 3, 2}, {i - 2, 2}} {
		if !starts(wd[0]) {
			continue
		}
		for _, p := range e.boosters {
			if len(p.words) == wd[1] && sc.matchAt(wd[0], p.words) {
				v += p.valence
				break
			}
		}
	}
	return v
}

func (e *engine) leastCheck(sc *scratch, v float64, i int) float64 {
	if i > 0 && !sc.inLex[i-1] && e.fn(sc, i-1) == fnLeast {
		if i == 1 {
			return v * negScalar
		}
		if f := e.fn(sc, i-2); f != fnAt && f != fnVery {
			return v * negScalar
		}
	}
	return v
}

// butRule weighs sentiment around the first contrastive "but". It mirrors the
// reference, which finds each value's position by its first occurrence in the
// list, so a repeated valence after "but" can land on an earlier word.
func (e *engine) butRule(sc *scratch) {
	bi := -1
	for i := range sc.toks {
		if sc.toks[i].fn == fnBut {
			bi = i
			break
		}
	}
	if bi < 0 {
		return
	}
	s := sc.sent
	for k := range s {
		v := s[k]
		if v == 0 { // scaling zero changes nothing
			continue
		}
		si := 0
		for s[si] != v {
			si++
		}
		switch {
		case si < bi:
			s[si] = v * butBefore
		case si > bi:
			s[si] = v * butAfter
		}
	}
}

// punctuationEmphasis is the intensity added by ep "!" and qm "?".
func punctuationEmphasis(ep, qm int) float64 {
	if ep > 4 {
		ep = 4
	}
	amp := float64(ep) * exclaimIncr
	if qm > 1 {
		if qm <= 3 {
			amp += float64(qm) * questionIncr
		} else {
			amp += questionMax
		}
	}
	return amp
}

func normalize(s float64) float64 {
	c := s / math.Sqrt(s*s+normAlpha)
	// The built-ins compile inline; math.Max and Min are calls, and treat
	// NaN and signed zeros the same way.
	return max(-1, min(1, c))
}

// compound scores text with the rules alone: VADER's compound, −1..1.
func (e *engine) compound(text string) float64 {
	sc := e.get()
	defer e.put(sc)
	e.prepare(sc, text)
	return e.compoundPrepared(sc, text)
}

func (e *engine) compoundPrepared(sc *scratch, text string) float64 {
	if len(sc.toks) == 0 {
		// No valences, rather than those the pooled scratch kept from
		// the last text (valenceSums reads them).
		sc.sent = sc.sent[:0]
		return 0
	}
	e.valences(sc)
	e.butRule(sc)
	sum := 0.0
	for _, v := range sc.sent {
		sum += v
	}
	amp := punctuationEmphasis(sc.exclaims, sc.questions)
	if sum > 0 {
		sum += amp
	} else if sum < 0 {
		sum -= amp
	}
	return normalize(sum)
}

// inflectionExceptions are forms whose meaning drifts from the base word's.
var inflectionExceptions = map[string]bool{
	"goods": true, "kinds": true, "fines": true, "wells": true, "likes": true,
	"liking": true, "interested": true, "interesting": true, "cares": true,
	"caring": true, "parties": true, "securities": true, "freed": true,
	"united": true, "missing": true, "lying": true, "lies": true, "fairs": true,
	"blinds": true, "charged": true, "charges": true, "fired": true, "firing": true,
	"stalls": true, "stalled": true, "stalling": true, "matched": true,
}

// addInflections lets regular inflections of rated words (-s, -ed, -ing,
// -ly) carry their base word's valence when the lexicon lacks them: VADER
// rates "sacrifice" but not "sacrificed". Only words rated at least 1 in
// magnitude, so weak or ambiguous entries do not spread.
func (e *engine) addInflections(valence map[string]float64) {
	for w, v := range valence {
		if math.Abs(v) < 1 || len(w) < 4 || !isLowerAlpha(w) {
			continue
		}
		for _, f := range inflections(w) {
			if _, rated := valence[f]; rated || inflectionExceptions[f] {
				continue
			}
			i, ok := e.index[f]
			if !ok {
				i = int32(len(e.words))
				e.index[f] = i
				e.words = append(e.words, wordInfo{nb: -1, vec: -1})
			}
			if wi := &e.words[i]; !wi.inLex || math.Abs(v) > math.Abs(wi.valence) {
				wi.valence, wi.inLex = v, true
			}
		}
	}
}

func isLowerAlpha(w string) bool {
	for i := 0; i < len(w); i++ {
		if w[i] < 'a' || w[i] > 'z' {
			return false
		}
	}
	return true
}

func inflections(w string) []string {
	last := w[len(w)-1]
	var out []string
	switch {
	case last == 'e':
		stem := w[:len(w)-1]
		out = append(out, w+"s", w+"d", stem+"ing")
	case last == 'y' && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		stem := w[:len(w)-1]
		out = append(out, stem+"ies", stem+"ied", w+"ing", stem+"ily")
	case last == 's' || last == 'x' || last == 'h' && (w[len(w)-2] == 's' || w[len(w)-2] == 'c'):
		out = append(out, w+"es", w+"ed", w+"ing")
	default:
		out = append(out, w+"s", w+"ed", w+"ing")
	}
	if strings.HasSuffix(w, "ful") || strings.HasSuffix(w, "ous") || strings.HasSuffix(w, "ive") || strings.HasSuffix(w, "ent") || strings.HasSuffix(w, "ant") || strings.HasSuffix(w, "al") {
		out = append(out, w+"ly")
	}
	return out
}
