// Package quotes finds the statements an article attributes to someone:
// direct quotes, quoted fragments inside narration, and reported speech, each
// with its reporting cue and the words that name its speaker.
//
// The extractor works on byte offsets, one paragraph at a time: it pairs the
// quotation marks, splits words and sentences, and applies the conventions of
// news attribution ("…,” X said; X said (that) …; …, X said; according to X;
// X said: “…”; a paragraph that is only a quote continues the last speaker).
// The reporting verbs and phrases come from the lexicon (cues.tsv).
package quotes

import (
	"cmp"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/stance-news/stance/internal/fold"
	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline/article"
)

// Kind of statement.
type Kind string

const (
	Direct   Kind = "direct"   // the speaker's words in quotation marks
	Partial  Kind = "partial"  // a quoted fragment inside narration
	Indirect Kind = "indirect" // reported speech, no quotation marks
)

// Mention is the words naming a speaker in the text.
type Mention struct {
	Text string
	Span article.Span // zero when the speaker was carried over, not named here
}

// Quote is one attributed statement.
type Quote struct {
	Span       article.Span // the statement's words, without quotation marks
	Paragraph  int
	Kind       Kind
	Cue        string  // the reporting words as written: "said", "told reporters"
	Speaker    Mention // who the text says spoke; empty when unknown
	Rule       string  // the attribution rule that named the speaker
	Confidence float64 // 0..1
	// Appositive is a description the text gives the speaker next to the
	// name ("Haley, the UN envoy, said"): a role for the resolver.
	Appositive string
	// Antecedent is, for a pronoun speaker, the nearest earlier person the
	// pronoun most likely stands for (the last speaker or sentence subject).
	Antecedent Mention
}

type cueKind uint8

const (
	cueVerb cueKind = iota + 1
	cuePart
	cueNaming
	cuePhrase
	cueNamingPart // "calling it …", "describing the comments as …"
)

type vocabEntry struct {
	cls wordClass
	cue int32 // 1 + index into cueLists
}

type cueEntry struct {
	rest []string // further words of a multi-word cue, lower case
	kind cueKind
}

// Extractor finds quotes. It is immutable and safe for concurrent use.
type Extractor struct {
	cues      map[string][]cueEntry // first word, lower case → cues starting with it
	vocab     map[string]vocabEntry // every word a rule looks at, lower case
	words     *wordTable            // vocab, for classify
	cueLists  [][]cueEntry
	nonPerson map[string]bool // lower-case names of lexicon actors that are not people
	places    map[string]bool // lower-case places of more than one word ("new york")
	noPerson  map[string]bool // nonPerson, places and one-word places in one look-up
	// eagerAntecedents collects pronoun candidates in every paragraph as
	// it is read instead of putting them off (tests compare the two).
	eagerAntecedents bool
	// everyToken makes learnGivenNames start from every token rather than
	// from those classify picked (tests compare the two).
	everyToken bool
}

// New builds an extractor from the lexicon's reporting cues.
func New(lx *lexicon.Lexicon) *Extractor {
	e := &Extractor{cues: map[string][]cueEntry{}, nonPerson: map[string]bool{}}
	for _, a := range lx.Actors {
		if a.Kind == "person" {
			continue
		}
		e.nonPerson[strings.TrimPrefix(strings.ToLower(a.Name), "the ")] = true
		for _, al := range a.Aliases {
			e.nonPerson[strings.TrimPrefix(strings.ToLower(al), "the ")] = true
		}
	}
	for _, c := range lx.Cues.Verbs {
		words := strings.Fields(c.Phrase)
		if len(words) == 0 {
			continue
		}
		var k cueKind
		switch c.Kind {
		case "verb":
			k = cueVerb
		case "participle":
			k = cuePart
		case "naming":
			k = cueNaming
			if strings.HasSuffix(words[len(words)-1], "ing") {
				k = cueNamingPart
			}
		case "phrase":
			k = cuePhrase
		default:
			continue
		}
		e.cues[words[0]] = append(e.cues[words[0]], cueEntry{rest: words[1:], kind: k})
	}
	// longer phrases first, so "according to" wins over a one-word entry
	for w := range e.cues {
		sort.SliceStable(e.cues[w], func(i, j int) bool { return len(e.cues[w][i].rest) > len(e.cues[w][j].rest) })
	}
	e.vocab = map[string]vocabEntry{}
	for w, c := range classes() {
		e.vocab[w] = vocabEntry{cls: c}
	}
	for name, g := range lx.GivenNames {
		if g == lexicon.Unknown {
			continue // a given name that tells no sex is no evidence for a pronoun
		}
		v := e.vocab[name]
		if g == lexicon.Female {
			v.cls |= cFemaleName
		} else {
			v.cls |= cMaleName
		}
		e.vocab[name] = v
	}
	e.places = map[string]bool{}
	for p := range lx.Places {
		if strings.ContainsRune(p, ' ') {
			e.places[p] = true
			continue
		}
		v := e.vocab[p]
		v.cls |= cPlace
		e.vocab[p] = v
	}
	for w, list := range e.cues {
		v := e.vocab[w]
		e.cueLists = append(e.cueLists, list)
		v.cue = int32(len(e.cueLists))
		e.vocab[w] = v
	}
	e.words = newWordTable(e.vocab)
	e.noPerson = map[string]bool{}
	for _, m := range []map[string]bool{e.nonPerson, e.places} {
		for w := range m {
			e.noPerson[w] = true
		}
	}
	for w, v := range e.vocab {
		if v.cls&cPlace != 0 {
			e.noPerson[w] = true
		}
	}
	return e
}

// Extract returns the article's quotes in text order.
func (e *Extractor) Extract(a *article.Article) []Quote {
	x := runPool.Get().(*run)
	// the gender maps are kept (emptied) for the next article, like the buffers
	sn, gn, gs, stmts := x.surnames, x.genders, x.givenSurnames, x.stmts
	clear(sn)
	clear(gn)
	clear(gs)
	pend := x.pending.reset()
	*x = run{e: e, text: a.Text, prevPara: -2, prevSubjectPara: -2, quoteOnlyPara: -2, interludePara: -2, prevNamedPara: -2, gnames: x.gnames[:0], toks: x.toks[:0], qs: x.qs[:0], sens: x.sens[:0], subjects: x.subjects[:0], longWords: x.longWords[:0], capWords: x.capWords[:0], gstarts: x.gstarts[:0], stops: x.stops[:0], closes: x.closes[:0], surnames: sn, genders: gn, givenSurnames: gs}
	x.pending = pend
	// the statements are gathered in the run's buffer and copied out once
	// at their final number, instead of growing a new slice by doubling
	out := stmts[:0]
	x.singleQuotes = singleQuoteStyle(a.Text)
	for pi, p := range a.Paragraphs {
		x.nextMayOpenQuote = pi+1 < len(a.Paragraphs) && mayOpenWithQuote(a.Text, a.Paragraphs[pi+1])
		x.nextOpensQuote = x.nextMayOpenQuote && opensWithQuoteMark(a.Text, a.Paragraphs[pi+1], x.singleQuotes)
		out = x.paragraph(pi, p, out)
	}
	continuedQuotes(a, out, x.singleQuotes)
	var res []Quote
	if len(out) > 0 {
		res = make([]Quote, 0, len(out))
	}
	for i := range out {
		if out[i].Span.End <= out[i].Span.Start {
			continue // nothing left of the words: not a statement
		}
		if out[i].Kind == Indirect && postedResult(out[i].Cue, a.Text[out[i].Span.Start:out[i].Span.End]) {
			continue // "Qantas posted a record first-half profit": a company's results, not a post
		}
		if impossibleSpeaker(out[i].Speaker.Text) {
			// a verb form, an adverb or a possessive read as the speaker
			// ("…, said dryly", "celebrating being dubbed “…”"): a report
			// by no one is a misreading; a quote keeps its words
			if out[i].Kind == Indirect {
				continue
			}
			out[i].Speaker, out[i].Antecedent, out[i].Appositive, out[i].Cue, out[i].Rule = Mention{}, Mention{}, "", "", "unattributed"
		}
		out[i].Confidence = confidence(&out[i])
		res = append(res, out[i])
	}
	sortByStart(res)
	clear(out) // (they hold the article's text)
	x.stmts = out[:0]
	x.text = ""
	runPool.Put(x)
	return res
}

// postedResult: after "posted" or "posts", the words are a financial result
// ("a profit of $3.36bn", "record losses", "an 18% jump in quarterly
// sales"), which business news says a company posted; only posts on social
// media report words ("posted on Twitter that …", "posted a photo").
func postedResult(cue, content string) bool {
	if cue != "posted" && cue != "posts" {
		return false
	}
	n := 0
	for w := range strings.FieldsSeq(content) {
		if n == 6 {
			break
		}
		if resultNouns[strings.ToLower(strings.TrimRight(w, ",.;:"))] {
			return true
		}
		n++
	}
	return false
}

var resultNouns = set("profit", "profits", "loss", "losses", "rise", "fall", "jump", "drop", "increase",
	"decrease", "gain", "gains", "deficit", "surplus", "revenue", "revenues", "sales", "results", "earnings",
	"growth", "decline", "turnover", "income")

// impossibleSpeaker: a speaker's words that are one lower-case word no one
// can be called: an -ing or -ed form, an adverb in -ly, a possessive or
// reflexive pronoun, a relative pronoun.
func impossibleSpeaker(m string) bool {
	if sp := strings.LastIndexByte(m, ' '); sp >= 0 {
		// several words: a noun phrase cut short ends in an article, a
		// preposition or an adverb ("In a", "The notice of a", "The
		// internationally"), which no name or description does
		last := m[sp+1:]
		return fragmentEnds[last] || len(last) > 6 && strings.HasSuffix(last, "ally")
	}
	if len(m) < 2 || m[0] < 'a' || m[0] > 'z' {
		return false
	}
	switch m {
	case "his", "her", "their", "its", "my", "our", "your", "himself", "herself", "themselves", "itself", "who", "whom", "whose", "which":
		return true
	}
	if len(m) < 5 {
		return false
	}
	return strings.HasSuffix(m, "ing") || strings.HasSuffix(m, "ed") || strings.HasSuffix(m, "ly") && !lyNouns[m]
}

// fragmentEnds cannot end a speaker of several words.
var fragmentEnds = set("a", "an", "the", "of", "in", "on", "at", "for", "to", "with", "by", "from", "and", "or", "but",
	"that", "which", "who")

// continuedQuotes: a quote that goes on in the next paragraph ("…,” Eng
// says. “Now there are 12. ¶ “Nobody wants it,” he added.") is one quote,
// so its first part takes the speaker its continuation is attributed to
// when its own paragraph gave it only a weak one (the paragraph's last
// speaker, none).
func continuedQuotes(a *article.Article, out []Quote, single bool) {
	for i := range out {
		q := &out[i]
		if q.Kind != Direct || q.Paragraph+1 >= len(a.Paragraphs) || !weakAttribution[q.Rule] {
			continue
		}
		if pe := a.Paragraphs[q.Paragraph].End; q.Span.End > pe || !onlySpace(a.Text[q.Span.End:pe]) {
			continue // closed in its paragraph
		}
		np := a.Paragraphs[q.Paragraph+1]
		if !opensWithQuoteMark(a.Text, np, single) {
			continue
		}
		for j := range out {
			r := &out[j]
			if r.Paragraph != q.Paragraph+1 || r.Kind != Direct || r.Span.Start < np.Start || !onlySpaceAndMark(a.Text[np.Start:r.Span.Start]) {
				continue
			}
			if explicitAttribution[r.Rule] && r.Speaker.Text != "" {
				q.Speaker, q.Antecedent, q.Appositive, q.Cue = r.Speaker, r.Antecedent, r.Appositive, r.Cue
				q.Rule = "continued-quote"
			}
			break
		}
	}
}

var (
	weakAttribution     = map[string]bool{"same-paragraph": true, "same-paragraph-later": true, "unattributed": true, "previous-subject": true}
	explicitAttribution = map[string]bool{"quote-speaker-verb": true, "quote-verb-speaker": true, "quote-according-to": true, "quote-dash-speaker": true}
)

func onlySpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c != ' ' && c != '\n' && c != '\t' && c != '\r' {
			return false
		}
	}
	return true
}

// onlySpaceAndMark: s is spaces and one opening quotation mark.
func onlySpaceAndMark(s string) bool {
	s = strings.TrimSpace(s)
	switch s {
	case "“", "\"", "''", "«", "„", "‘", "'":
		return true
	}
	return false
}

// mayOpenWithQuote reports whether paragraph p's first token can be an
// opening quotation mark: its first byte after ASCII spaces is a mark's
// first byte or not ASCII (tokenize skips Unicode spaces too). Most
// paragraphs open with a letter, and the subject a paragraph leaves is read
// only by a quote opening the next (previousSubject).
func mayOpenWithQuote(text string, p article.Span) bool {
	for i := p.Start; i < p.End; i++ {
		switch c := text[i]; {
		case c == ' ' || c == '\n' || c == '\t' || c == '\r':
		case c >= utf8.RuneSelf || c == '"' || c == '\'':
			return true
		default:
			return false
		}
	}
	return false
}

// sortByStart orders statements by where they start, keeping the order of
// those that start together. They nearly always come in order already, and
// a sort's set-up is then all its cost. (slices, not sort.SliceStable,
// whose reflection allocated three times per call.)
func sortByStart(qs []Quote) {
	for i := 1; i < len(qs); i++ {
		if qs[i].Span.Start < qs[i-1].Span.Start {
			slices.SortStableFunc(qs, func(a, b Quote) int { return cmp.Compare(a.Span.Start, b.Span.Start) })
			return
		}
	}
}

// runPool keeps the token buffers of finished calls for the next ones.
var runPool = sync.Pool{New: func() any { return new(run) }}

// run is the state of one Extract call.
type run struct {
	e        *Extractor
	text     string
	toks     []tok
	stops    []int32 // the tokens . ! ? outside quotes (classify)
	closes   []int32 // the closing marks' tokens (classify)
	qs       []qspan
	sens     [][2]int
	subjects []subjectMemo // by sentence, during antecedents
	// longWords[i] and capWords[i]: words of 4 letters or more among the
	// first i tokens, and how many of them are capitalised
	longWords, capWords []int32
	// gendered: the paragraph has a capitalised given name of one sex or a
	// courtesy title, without which learnGivenNames learns nothing;
	// gstarts: the tokens that are one, the only ones it starts from
	gendered bool
	// hasClaimNoun: a word of claimNouns is in the paragraph (classify),
	// so claimNouns has something to look at
	hasClaimNoun bool
	gstarts      []int32
	buf          [64]byte
	stmts        []Quote    // the statements found so far, kept for the next article
	people       personMemo // answers of personLike for this article

	prevSpeaker     Mention // the last speaker of the previous paragraph
	prevAntecedent  Mention
	prevCue         string
	prevColon       Mention // speaker of a "X said:" ending the previous paragraph
	prevPara        int
	prevSubject     Mention // the person the previous paragraph's last sentence is about
	prevSubjectPara int
	quoteOnlyPara   int // the last paragraph that was nothing but a quote
	interludePara   int // the last paragraph that passed the speaker before it on (interlude)
	// nextMayOpenQuote: the next paragraph may open with a quote, so it may
	// read prevSubject
	nextMayOpenQuote bool
	// nextOpensQuote: the next paragraph opens with a quotation mark, so a
	// quote opened late in this one may go on there (pairQuotesIn)
	nextOpensQuote bool
	// singleQuotes: the article quotes with single marks (singleQuoteStyle)
	singleQuotes  bool
	curPara       int
	cands         [nCands]cand // latest subjects and speakers, newest first
	pending       pending      // paragraphs whose candidates are not yet in cands
	gnames        []gname      // people named with a gendered given name or title, this paragraph
	prevNamed     [2]Mention   // the last man [0] and woman [1] so named in an earlier paragraph
	prevNamedPara int
	lastSubj      Mention             // the latest person pushed as a sentence's subject
	lastSubjSent  int                 // its sentence in the current paragraph
	genders       map[string]int8     // surname → gender the text gave ("X said she …")
	surnames      map[string]int8     // surname → gender of the given names it came with; 2 both
	givenSurnames map[string]struct{} // surnames the article wrote after a given name of one sex
}

// is reports whether token i is the word w (lower case).
func (x *run) is(i int, w string) bool {
	if i < 0 || i >= len(x.toks) || x.toks[i].kind != tWord {
		return false
	}
	t := x.toks[i]
	return t.e-t.s == len(w) && strings.EqualFold(x.text[t.s:t.e], w)
}

func (x *run) punct(i int, p string) bool {
	return i >= 0 && i < len(x.toks) && x.toks[i].kind == tPunct && x.text[x.toks[i].s:x.toks[i].e] == p
}

func (x *run) inSet(i int, c wordClass) bool {
	return i >= 0 && i < len(x.toks) && x.toks[i].cls&c != 0
}

// classify looks every word of the paragraph up once: its closed classes
// and the cues that start with it. It also lists the stops, the tokens
// . ! ? outside quotes, and the closing marks, for sentences.
func (x *run) classify() {
	// running counts of the words of 4 letters or more, and of the
	// capitalised ones among them, for headline
	// (sized once and written by index: two appends per word cost a tenth
	// of classify)
	n := len(x.toks) + 1
	x.longWords = slices.Grow(x.longWords[:0], n)[:n]
	x.capWords = slices.Grow(x.capWords[:0], n)[:n]
	longWords, capWords := x.longWords[1:n], x.capWords[1:n]
	x.longWords[0], x.capWords[0] = 0, 0
	long, caps := int32(0), int32(0)
	x.gendered = false
	x.gstarts = x.gstarts[:0]
	x.stops, x.closes = x.stops[:0], x.closes[:0]
	var claims wordClass
	for i := range x.toks {
		t := &x.toks[i]
		if t.kind != tWord {
			// where sentences may end, which sentences then reads
			// instead of every token again
			if c := x.text[t.s]; t.kind == tPunct && t.q < 0 && (c == '.' || c == '!' || c == '?') {
				x.stops = append(x.stops, int32(i))
			} else if t.kind == tClose {
				x.closes = append(x.closes, int32(i))
			}
		} else {
			// (a word the table lacks gets the zero entry: no branch on
			// whether it was found, which half the words are)
			v, _ := x.e.words.getAt(x.text, t.s, t.e, x.buf[:])
			t.cls, t.cue = v.cls, v.cue
			// counted without branches: a word's length and case go
			// either way from one word to the next
			isLong := b2i(t.e-t.s > 3)
			long += int32(isLong)
			caps += int32(isLong & b2i(t.cap))
			if t.cap && (genderOfClass(t.cls) != 0 || courtesyTitle(x.text[t.s:t.e])) || t.cls&cGenderedNoun != 0 {
				x.gendered = true
				x.gstarts = append(x.gstarts, int32(i))
			}
			claims |= t.cls & cClaimNoun
		}
		longWords[i] = long
		capWords[i] = caps
	}
	x.hasClaimNoun = claims != 0
}

// cueAt returns the cue starting at token i and the index after it.
func (x *run) cueAt(i int) (cueKind, int) {
	// most words start no cue: say so before the other tests
	if i < 0 || i >= len(x.toks) || x.toks[i].cue == 0 || x.toks[i].kind != tWord || x.toks[i].q >= 0 {
		return 0, i
	}
	t := x.toks[i]
	if t.e-t.s > 20 {
		return 0, i
	}
	// after a determiner a cue word is a noun: "the comments", "his claims"
	if i > 0 && x.inSet(i-1, cNounMarker) {
		return 0, i
	}
	if t.cue == 0 {
		return 0, i
	}
	// after a possessive too: "Trump's remarks", "the ministry's statement"
	// (not "he's said", where the 's is "has"), and after a number or a
	// quantity word: "the Sept. 11 attacks", "two statements", "captured
	// two states", "several reports"
	if i > 0 && (x.possessive(i-1) || (x.number(i-1) || x.inSet(i-1, cQuantity) || x.inSet(i-1, cNounPrep)) && x.text[t.e-1] == 's' && x.text[t.s:t.e] != "says") {
		return 0, i
	}

	if i > 0 && (x.modifiesNoun(i-1) || x.afterAccordingTo(i) || x.is(i+1, "say") || x.is(i+1, "said")) && x.text[t.e-1] == 's' && x.text[t.s:t.e] != "says" {
		// after a verb form or an adjective, a cue word that is also a
		// plural noun is that noun: "has dismissed claims that …",
		// "raising questions about …", "cited reports that …", "despite
		// recent comments …", "in her opening remarks"; and so is one
		// followed by the plural "say" or "said": "Danish media reports say"
		return 0, i
	}
	if i > 0 && x.text[t.s:t.e] == "call" && !x.callsBy(i-1) {
		// "a conference call", "in a phone call last week": the noun; the
		// verb has its subject right before it ("Critics call it “…”")
		return 0, i
	}
	if t.cap && i > 0 && x.toks[i-1].kind == tWord {
		// A capitalised cue word inside a sentence is a name ("United
		// States"); only a sentence-initial one ("According to") is a cue.
		return 0, i
	}
	entries := x.e.cueLists[t.cue-1]
	for _, c := range entries {
		j := i + 1
		ok := true
		for _, r := range c.rest {
			if !x.is(j, r) {
				ok = false
				break
			}
			j++
		}
		if ok {
			if j < len(x.toks) && x.addsAmount(i, j) {
				return 0, i
			}
			return c.kind, j
		}
	}
	return 0, i
}

// addsAmount: the cue at i is "add" in its sense of increase, an amount
// right after it: "the economy added 337,000 jobs", "shares added 1.7%",
// "sales added $2bn". Said of speech, "added" is followed by a clause, a
// comma, a colon or a quotation, not by a figure.
func (x *run) addsAmount(i, j int) bool {
	switch x.text[x.toks[i].s:x.toks[i].e] {
	case "added", "adds", "add", "adding":
	default:
		return false
	}
	t := x.toks[j]
	if t.q >= 0 || t.e == t.s {
		return false
	}
	c := x.text[t.s]
	return c >= '0' && c <= '9' || c == '$' || strings.HasPrefix(x.text[t.s:], "£") || strings.HasPrefix(x.text[t.s:], "€")
}

// modifiesNoun: token i, a lower-case -ing or -ed form, an irregular past or
// an adjective of kind or time, makes a plural noun of the word after it.
func (x *run) modifiesNoun(i int) bool {
	t := x.toks[i]
	if t.kind != tWord || t.cap || t.q >= 0 {
		return false
	}
	w := x.text[t.s:t.e]
	if len(w) > 4 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) {
		return !x.inSet(i, cNpStop)
	}
	if len(w) > 4 && strings.HasSuffix(w, "ly") && i > 0 && x.inSet(i-1, cNounMarker|cDeterminer) && !lyNouns[w] {
		return true // "the deadly attacks", "the early reports"
	}
	return irregularPast[w] || nounAdjectives[w]
}

// afterAccordingTo: the words before token i are "according to" and a few
// more ("according to press reports", "according to figures released"): the
// source named there, a noun, not a verb of saying.
func (x *run) afterAccordingTo(i int) bool {
	if x.toks[i-1].cap {
		return false // "according to its FEC reports": the name ends the source
	}
	for k := i - 1; k >= 1 && k >= i-4; k-- {
		if x.toks[k].kind != tWord || x.toks[k].q >= 0 {
			return false
		}
		if x.is(k, "to") && x.is(k-1, "according") {
			return k < i-1
		}
	}
	return false
}

// quantityWords count the plural noun after them.
var quantityWords = set("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen", "dozens",
	"hundreds", "thousands", "several", "many", "few", "both", "numerous")

// nounPrepositions take a noun: "blamed management for questions".
var nounPrepositions = set("for", "of", "about", "to", "with", "by", "from", "amid", "over", "despite", "after",
	"before", "in", "on", "at", "against", "into", "under", "without", "among")

// nounAdjectives qualify a noun ("recent comments", "such questions"); a
// verb of saying never follows them.
var nounAdjectives = set("recent", "such", "new", "similar", "previous", "public", "private", "latest", "initial",
	"early", "numerous", "fresh", "separate", "other", "formal", "written", "verbal", "angry", "sharp")

func (x *run) span(i, j int) article.Span {
	return article.Span{Start: x.toks[i].s, End: x.toks[j-1].e}
}

func (x *run) mention(i, j int) Mention {
	if i >= j {
		return Mention{}
	}
	i = x.pastOpenerBeforeTitle(i, j)
	sp := x.span(i, j)
	if j == i+1 && x.inSet(i, cSubjectPronoun) {
		// "he's", "she'd": the pronoun without the verb run in
		if k := indexApostrophe(x.text[sp.Start:sp.End]); k > 0 {
			sp.End = sp.Start + k
		}
	}
	if x.nameEndPeriod(j) {
		sp.End = x.toks[j].e // "Jr.", "U.S.": the period is the name's
	}
	return Mention{Text: x.text[sp.Start:sp.End], Span: sp}
}

// pastOpenerBeforeTitle is where a mention starts when a phrase opens the
// sentence without a comma before a courtesy title: "During the interview
// Mr Blair said", "Launching the initiative Mr Clarke said" are Mr Blair's
// and Mr Clarke's words. The phrase must end in a lower-case word that is
// no preposition, person noun or participle: "a spokesman for Mr Blair",
// "Labour spokesman Mr Kemp", "A lawyer representing Mr Wass" and "Lord
// Justice Rix and Mr Justice Forbes" keep their words.
func (x *run) pastOpenerBeforeTitle(i, j int) int {
	if j-i < 3 || !x.toks[i].cap || x.inSet(i, cDeterminer) {
		return i
	}
	for k := i + 2; k+1 < j; k++ {
		t := x.toks[k]
		if t.kind != tWord || !courtesyTitle(x.text[t.s:t.e]) {
			continue
		}
		n := k + 1
		if x.punct(n, ".") {
			n++
		}
		p := x.toks[k-1]
		if n < j && x.toks[n].kind == tWord && x.toks[n].cap && p.kind == tWord && !p.cap &&
			!x.inSet(k-1, cPlacePrep|cNounPrep|cDeterminer|cJoiner|cPersonNoun) && !qualified(x.text[p.s:p.e]) &&
			!strings.HasSuffix(x.text[p.s:p.e], "ing") && !x.is(k-1, "for") && !x.is(k-1, "of") && !x.is(k-1, "and") && !x.is(k-1, "or") &&
			x.phrase(i, k) {
			return k
		}
		return i
	}
	return i
}

// phrase: tokens i..k read as a phrase, not a title ("Chief constable",
// "Qantas boss"): an article or preposition in it, or a participle
// opening it ("Speaking to …", "Leaving …").
func (x *run) phrase(i, k int) bool {
	if t := x.toks[i]; strings.HasSuffix(x.text[t.s:t.e], "ing") {
		return true
	}
	for m := i; m < k; m++ {
		if x.inSet(m, cDeterminer|cPlacePrep|cNounPrep) || x.is(m, "during") || x.is(m, "after") {
			return true
		}
	}
	return false
}

func (x *run) cueText(i, j int) string {
	sp := x.span(i, j)
	return x.text[sp.Start:sp.End]
}

// ruleConfidence is how often a statement found by each rule had both its
// words and its speaker right on polnear_train (share matched at 0.3 overlap
// times speaker accuracy, from `stance eval --calibration`), so that a
// higher confidence means right more often. Unattributed quotes carry only
// the chance that they are right as a whole: no speaker, seldom right.
var ruleConfidence = map[string]float64{
	"quote-verb-speaker":         0.93,
	"quote-speaker-verb":         0.89,
	"quote-dash-speaker":         0.80,
	"same-paragraph":             0.90,
	"reported-frame":             0.86,
	"speaker-verb-quote":         0.83,
	"according-to-content":       0.82,
	"as-verb-by-content":         0.82,
	"asked-by-question":          0.78,
	"speaker-verb-content":       0.78,
	"content-comma-speaker-verb": 0.75,
	"continues-previous":         0.70,
	"content-according-to":       0.70,
	"content-comma-verb-speaker": 0.70,
	"participle-quote":           0.68,
	"participle-content":         0.67,
	"according-to-quote":         0.63,
	"label":                      0.62,
	"quote-according-to":         0.53,
	"colon-subject":              0.44,
	"possessive-quote":           0.50,
	"previous-subject":           0.40,
	"sentence-subject":           0.67,
	"unattributed":               0.10,
	"verb-speaker-quote":         0.28,
	"same-paragraph-later":       0.22,
	"continued-quote":            0.86, // 6 of 7 on train
	"relative-speaker-verb":      0.74, // 41 on train
	"with-speaker-participle":    0.67, // 12 on train
	"noun-that-content":          0.45, // 15 on train; PolNeAR gives most to the outer verb's speaker ("rebutted Exxon's accusation that …")
}

// confidence of a statement: its rule's, a little lower when the speaker is
// a pronoun (resolving it can go wrong), and low without any speaker.
func confidence(q *Quote) float64 {
	c, ok := ruleConfidence[q.Rule]
	if !ok {
		c = 0.5
	}
	if q.Speaker.Text == "" {
		return min(c, 0.1)
	}
	if t := q.Speaker.Text; fold.LowerIs(t, "he") || fold.LowerIs(t, "she") || fold.LowerIs(t, "they") || fold.LowerIs(t, "it") {
		c *= 0.93
	}
	return c
}

// possessive: token i is a word with a possessive ending ("Trump's",
// "Clinton’s"), not a pronoun with "is" or "has" run in ("he's", "that’s").
func (x *run) possessive(i int) bool {
	t := x.toks[i]
	if t.kind != tWord || t.q >= 0 || t.e-t.s < 3 {
		return false
	}
	w := x.text[t.s:t.e]
	var base string
	switch {
	case strings.HasSuffix(w, "'s"):
		base = w[:len(w)-2]
	case strings.HasSuffix(w, "’s"):
		base = w[:len(w)-len("’s")]
	default:
		return false
	}
	switch strings.ToLower(base) {
	case "he", "she", "it", "that", "what", "who", "there", "here", "where", "let", "this":
		return false
	}
	return true
}

// approximators hedge a count: "about 50 protesters", "nearly 200
// students", "more than 1,000 people", "at least 30 lawmakers".
var approximators = set("about", "nearly", "almost", "some", "around", "roughly", "approximately", "over", "under", "only", "just")

// countOpens reports whether a hedged or plain count starts at token i and
// how many tokens the hedge takes ("About 50", "More than 1,000", "At
// least 30"): such a phrase opens a subject, not a preposition's phrase.
func (x *run) countOpens(i, hi int) (n int, ok bool) {
	// (the number first: it is seldom there, and its test reads one byte
	// where the word tests look the word up in a map; the subject rules
	// ask at every noun phrase)
	switch {
	case i+1 < hi && x.inSet(i, cApproximator) && x.countWord(i+1, hi):
		return 1, true
	case i+2 < hi && x.countWord(i+2, hi) && (x.lowerIn(i, comparatives) && x.is(i+1, "than") || x.is(i, "at") && x.is(i+1, "least") || x.is(i, "up") && x.is(i+1, "to")):
		return 2, true
	}
	return 0, false
}

// countWord: token i opens a count or a share: a number, a number word, or
// a fraction with or without its article ("half", "a third", "two-thirds").
func (x *run) countWord(i, hi int) bool {
	if x.number(i) || x.inSet(i, cCount) {
		return true
	}
	return i+1 < hi && x.inSet(i+1, cCount) && (x.is(i, "a") || x.is(i, "one"))
}

var countWords = set("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
	"thirty", "forty", "fifty", "dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "half", "third", "thirds",
	"quarter", "quarters", "two-thirds", "three-quarters", "majority", "fifth", "fifths")

var comparatives = set("more", "fewer", "less")

// callsBy: token i can be the subject of a plural verb right after it: a
// name, a subject pronoun, or a plural noun ("Obama and Clinton call",
// "they call", "critics call").
func (x *run) callsBy(i int) bool {
	t := x.toks[i]
	if t.kind != tWord || t.q >= 0 {
		return false
	}
	if t.cap || x.inSet(i, cSubjectPronoun) {
		return true
	}
	return pluralNoun(x.text[t.s:t.e]) && !x.inSet(i, cNpStop|cNounMarker)
}

// number: token i is a number ("11", "2016", "1,000"), not "43-year-old".
func (x *run) number(i int) bool {
	t := x.toks[i]
	if t.kind != tWord || t.e == t.s {
		return false
	}
	for k := t.s; k < t.e; k++ {
		if c := x.text[k]; (c < '0' || c > '9') && c != ',' && c != '.' {
			return false
		}
	}
	return true
}
