package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stance-news/stance/pipeline/article"
)

// paragraph extracts the statements of paragraph pi and appends them to out.
func (x *run) paragraph(pi int, p article.Span, out []Quote) []Quote {
	x.curPara = pi
	x.lastSubj, x.lastSubjSent = Mention{}, -1
	x.qs = pairQuotesIn(x.text, p.Start, p.End, x.qs[:0], x.nextOpensQuote, x.singleQuotes)
	x.toks = tokenize(x.text, p.Start, p.End, x.qs, x.toks[:0])
	x.classify()
	x.learnGivenNames()
	x.sens = sentences(x.text, x.toks, x.stops, x.closes, x.sens[:0], len(x.qs) > 0)
	first := len(out)
	x.dashSignature(pi, out)

	for qi := range x.qs {
		x.qs[qi].title = x.showTitle(x.qs[qi])
	}
	for qi := range x.qs {
		q := x.qs[qi]
		if x.nickname(q) || q.title {
			continue // Edmund G. “Jerry” Brown, NBC’s “Meet the Press”: a name, not words spoken
		}
		quote := Quote{Span: article.Span{Start: q.cs, End: q.ce}, Paragraph: pi, Kind: Direct}
		x.attributeQuote(qi, &quote)
		if j := x.resumedAfterAside(qi); j >= 0 && first+j < len(out) && out[first+j].Speaker.Text != "" {
			// "She said, “We will get the rate” – at which point the crowd
			// chanted “Pay!” – “and the owners know it.”": the words after
			// the aside between dashes go on with the quote before it
			prev := out[first+j]
			quote.Speaker, quote.Antecedent, quote.Appositive, quote.Cue, quote.Rule = prev.Speaker, prev.Antecedent, prev.Appositive, prev.Cue, prev.Rule
		}
		if x.isPartial(qi) {
			quote.Kind = Partial
			if x.inQuestionOpener(q) {
				// "Asked about the “new deal,” Holm said …": the quoted
				// words are the question's, not the one who answers
				quote.Speaker, quote.Antecedent, quote.Appositive, quote.Cue, quote.Rule = Mention{}, Mention{}, "", "", "unattributed"
			}
		}
		out = append(out, quote)
	}
	out = x.label(pi, p, out, first)
	for si := range x.sens {
		out = x.reported(pi, si, out)
		out = x.claimNouns(pi, si, out, first)
		x.learnOwnPronoun(si)
	}
	stmts := out[first:]
	sortByStart(stmts)
	x.inheritSpeakers(stmts, pi)
	out = x.dropLabels(out, first)
	out = x.antecedents(out, first)

	// remember the speaker this paragraph leaves for the next one, which
	// reads it only for a quote opening that paragraph (previousSubject)
	x.prevSubject = Mention{}
	if n := x.lastSentenceBeforeAside(); n > 0 && x.nextMayOpenQuote {
		ls, le := x.sens[n-1][0], x.sens[n-1][1]
		if m, ok := x.personSubject(ls, le); ok {
			x.prevSubject, x.prevSubjectPara = m, pi
		} else if x.statementNoun(ls, le) && !x.punct(le-1, ":") {
			// "the DNC issued a statement apologizing …" then the
			// statement's words in a paragraph of their own
			if s, e, ok := x.sentenceSubject(ls, le); ok && x.toks[s].q < 0 && !x.inSet(s, cSubjectPronoun) {
				for k := s + 1; k < e; k++ {
					if x.pastTense(k) || x.inSet(k, cIrregularPast) {
						e = k // "the port authority issued …": the noun phrase only
						break
					}
				}
				x.prevSubject, x.prevSubjectPara = x.mention(s, e), pi
			}
		}
	}
	if x.quoteOnly() {
		x.quoteOnlyPara = pi
	}
	x.prevColon = Mention{}
	if len(out) > first {
		last := out[len(out)-1]
		for i := first; i < len(out); i++ {
			if out[i].Span.Start >= last.Span.Start {
				last = out[i]
			}
		}
		if last.Speaker.Text != "" {
			x.prevSpeaker, x.prevAntecedent, x.prevCue = last.Speaker, last.Antecedent, last.Cue
			x.prevPara = pi
		}
	}
	if m, cue, ok := x.colonIntro(); ok {
		x.prevColon, x.prevCue = m, cue
		x.prevAntecedent = x.personBefore(m)
		x.prevPara = pi
	}
	if len(out) == first && x.prevPara == pi-1 && x.interlude() {
		// "“…,” Miller said into the phone. ¶ Pause. ¶ “…”": a short
		// paragraph of narration naming no one leaves the speaker before
		// it to the next quote
		x.prevPara, x.interludePara = pi, pi
	}
	return out
}

// interlude: the paragraph is one or two short sentences that name no one
// and have no person as subject ("Pause.", "The line went quiet.").
func (x *run) interlude() bool {
	if len(x.sens) == 0 || len(x.sens) > 2 || len(x.toks) > 12 || len(x.qs) > 0 {
		return false
	}
	for _, sn := range x.sens {
		for k := sn[0] + 1; k < sn[1]; k++ {
			if x.toks[k].cap {
				return false
			}
		}
		if _, ok := x.personSubject(sn[0], sn[1]); ok {
			return false
		}
		if x.inSet(sn[0], cSubjectPronoun) {
			return false
		}
	}
	return true
}

// dashSignature: a paragraph that is only a dash and a name after a
// paragraph that is only a quote signs that quote, as fact checks and
// round-ups print what was said: "“…”" then "- Sen. Bernie Sanders." or
// "-Michelle Marks, Philadelphia." The name replaces whatever speaker the
// quote took from the paragraphs before it.
func (x *run) dashSignature(pi int, out []Quote) {
	if x.quoteOnlyPara != pi-1 || len(x.toks) < 2 || !x.isDash(0) || len(x.qs) > 0 {
		return
	}
	s, e, ok := x.npForward(1, len(x.toks))
	if !ok || !x.toks[s].cap || e < len(x.toks) && x.toks[e].kind != tPunct || x.inSet(s, cSubjectPronoun) {
		return
	}
	m := x.mention(s, e)
	if !x.personLike(m.Text) {
		return
	}
	for i := len(out) - 1; i >= 0 && out[i].Paragraph == pi-1; i-- {
		if q := &out[i]; q.Kind == Direct {
			q.Speaker, q.Antecedent, q.Appositive = m, Mention{}, ""
			q.Cue, q.Rule = x.text[x.toks[0].s:x.toks[0].e], "quote-dash-speaker"
		}
	}
	x.prevSpeaker, x.prevAntecedent, x.prevCue, x.prevPara = m, Mention{}, x.text[x.toks[0].s:x.toks[0].e], pi
}

// learnOwnPronoun: "Sanders sent a text message to his supporters": the
// first he/his or she after a name opening sentence si and its verb, with no
// other name between them, is that person's own, and gives the surname a
// gender. ("him" and "her" are left alone: in "Obama backed her up" they
// mean someone else.) It runs on every paragraph, not in the put-off
// candidate pass, like the other gender learning.
func (x *run) learnOwnPronoun(si int) {
	ss, se := x.sens[si][0], x.sens[si][1]
	k := ss
	for k < se && x.toks[k].kind == tWord && x.toks[k].cap && x.toks[k].q < 0 || k > ss && x.punct(k, ".") && k+1 < se && x.toks[k+1].cap {
		k++ // "Sanders", "Sen. Bernie Sanders"
	}
	if k == ss || k >= se || x.toks[k].kind != tWord || x.inSet(ss, cSubjectPronoun|cDeterminer|cClauseOpener|cNpStop) {
		return
	}
	nameEnd := k
	// the pronoun first (token tests only), the name's gender after
	g := int8(0)
	for ; k < se && g == 0; k++ {
		t := x.toks[k]
		if t.q >= 0 || t.kind == tOpen || t.kind == tWord && t.cap {
			return
		}
		if t.kind != tWord || t.e-t.s < 2 || t.e-t.s > 7 {
			continue
		}
		switch w := x.text[t.s:t.e]; w {
		case "he", "his", "himself":
			g = -1
		case "she", "herself":
			g = 1
		}
	}
	if g == 0 {
		return
	}
	name := x.text[x.toks[ss].s:x.toks[nameEnd-1].e]
	if x.genders[lastWordOf(name)] != 0 || x.gender(Mention{Text: name}) != 0 {
		return
	}
	x.learnGender(name, g)
}

// quoteOnly: the paragraph is one quotation and nothing after its closing
// mark but punctuation.
func (x *run) quoteOnly() bool {
	if len(x.qs) != 1 || len(x.toks) == 0 || x.toks[0].kind != tOpen {
		return false
	}
	q := x.qs[0]
	if q.ct < 0 {
		return false
	}
	for k := q.ct + 1; k < len(x.toks); k++ {
		if x.toks[k].kind != tPunct {
			return false
		}
	}
	return true
}

// inheritSpeakers gives direct quotes that name nobody the speaker the
// paragraph or the previous one implies: a quote after a statement in the
// same paragraph continues it ("Kerry said that … “That adds up …”"); a
// paragraph opening with a quote continues the previous paragraph's last
// speaker or the one a colon introduced; a quote before the attribution of
// a later quote in the paragraph takes that one ("“…” “…,” he said.").
func (x *run) inheritSpeakers(stmts []Quote, pi int) {
	for i := range stmts {
		q := &stmts[i]
		if q.Speaker.Text != "" || q.Kind != Direct {
			continue
		}
		// "“…,” I said. … The judge interrupted me. “…”": a sentence of
		// narration about a person between the paragraph's last statement
		// and a quote standing on its own hands the quote to that person
		if m, ok := x.narratedBefore(q, stmts); ok {
			q.Speaker, q.Rule = m, "previous-subject"
			continue
		}
		for k := i - 1; k >= 0; k-- {
			if stmts[k].Speaker.Text != "" && stmts[k].Span.End <= q.Span.Start {
				// "“…,” Trump said, two hours after news outlets declared
				// him the winner. “…”": a statement reported inside the
				// attribution of an earlier quote does not take over
				if stmts[k].Kind == Indirect && k > 0 && stmts[k-1].Kind != Indirect && stmts[k-1].Speaker.Text != "" &&
					x.sentenceAt(stmts[k].Span.Start) == x.sentenceAt(stmts[k-1].Speaker.Span.Start) && stmts[k-1].Speaker.Span.End > 0 {
					inherit(q, &stmts[k-1], "same-paragraph")
					break
				}
				inherit(q, &stmts[k], "same-paragraph")
				break
			}
		}
		if q.Speaker.Text != "" {
			continue
		}
		// (past an interlude, only a paragraph that is just a quote: not
		// "“Broad City” star Arturo Castro turned …" after a credit line)
		if x.prevPara == pi-1 && x.startsParagraph(q) && (x.interludePara != pi-1 || x.quoteOnly()) {
			src := x.prevColon
			if src.Text == "" {
				src = x.prevSpeaker
			}
			if src.Text != "" {
				q.Speaker = Mention{Text: src.Text}
				q.Antecedent = x.prevAntecedent
				q.Cue = x.prevCue
				q.Rule = "continues-previous"
				continue
			}
		}
		for k := i + 1; k < len(stmts); k++ {
			if stmts[k].Speaker.Text != "" && stmts[k].Kind == Direct {
				inherit(q, &stmts[k], "same-paragraph-later")
				break
			}
		}
		if q.Speaker.Text == "" && !titleCase(x.text[q.Span.Start:q.Span.End]) {
			if m, ok := x.previousSubject(q); ok {
				q.Speaker, q.Rule = m, "previous-subject"
			}
		}
	}
}

// previousSubject: a quote standing as a sentence of its own after a
// sentence about a person is that person's words ("Valastro praised the
// governor's record. “We need someone who …”"). It returns the subject of
// the sentence before, when that is a person or he/she.
func (x *run) previousSubject(q *Quote) (Mention, bool) {
	for si := 1; si < len(x.sens); si++ {
		ss := x.sens[si][0]
		t := x.toks[ss]
		if t.kind != tOpen || t.e > q.Span.Start || q.Span.Start > t.e+1 {
			continue
		}
		return x.personSubject(x.sens[si-1][0], x.sens[si-1][1])
	}
	if x.startsParagraph(q) && x.prevSubjectPara == x.curPara-1 {
		// the sentence before is the previous paragraph's last
		return x.prevSubject, x.prevSubject.Text != ""
	}
	return Mention{}, false
}

// personSubject is the sentence's subject when it is a person or he/she
// and the sentence does not end in a colon (that introduces, not reports).
func (x *run) personSubject(ps, pe int) (Mention, bool) {
	if pe <= ps || x.punct(pe-1, ":") {
		return Mention{}, false
	}
	s, e, ok := x.sentenceSubject(ps, pe)
	if !ok || x.toks[s].q >= 0 {
		return Mention{}, false
	}
	m := x.mention(s, e)
	switch strings.ToLower(m.Text) {
	case "he", "she":
		return m, true
	}
	if isPronoun(m.Text) || !x.personLike(m.Text) {
		return Mention{}, false
	}
	return m, true
}

// startsParagraph: the quote's opening mark is the paragraph's first token.
func (x *run) startsParagraph(q *Quote) bool {
	return len(x.toks) > 0 && x.toks[0].kind == tOpen && x.toks[0].e == q.Span.Start
}

// nickname: a quote of one or two capitalised words between a given name
// (or an initial) and a surname, with nothing else inside: Marcia “Cia”
// Price, Edmund G. “Jerry” Brown.
func (x *run) nickname(q qspan) bool {
	if q.ct < 0 || q.ct-q.ot < 2 || q.ct-q.ot > 3 || q.ot < 1 || q.ct+1 >= len(x.toks) {
		return false
	}
	for k := q.ot + 1; k < q.ct; k++ {
		if t := x.toks[k]; t.kind != tWord || !t.cap {
			return false
		}
	}
	after := x.toks[q.ct+1]
	if after.kind != tWord || !after.cap || after.q >= 0 || after.s != x.toks[q.ct].e+1 {
		return false
	}
	before := q.ot - 1
	if x.punct(before, ".") && before > 0 {
		w := x.toks[before-1]
		return w.kind == tWord && w.e-w.s == 1 && w.cap // Edmund G. “Jerry” Brown
	}
	t := x.toks[before]
	return t.kind == tWord && t.cap && t.q < 0 && t.e+1 == x.toks[q.ot].s && t.cls&(cFemaleName|cMaleName) != 0
}

// inQuestionOpener: the quote sits in a phrase that opens its sentence with
// the question put to the speaker ("Asked about the “new deal,” …", "When
// asked whether he backs the “two-state solution,” …"), before its comma.
func (x *run) inQuestionOpener(q qspan) bool {
	if q.ot < 1 || q.ct < 0 {
		return false
	}
	si := x.sentenceAt(x.toks[q.ot].s)
	if si < 0 {
		return false
	}
	ss := x.sens[si][0]
	a := ss
	if x.inSet(a, cSubordinator) && x.toks[a].cap {
		a++ // "When asked …"
	}
	if a >= q.ot || !(x.is(a, "asked") || x.is(a, "pressed") || x.is(a, "questioned")) || !x.toks[ss].cap {
		return false
	}
	for k := a + 1; k < q.ot; k++ {
		if x.punct(k, ",") || x.toks[k].q >= 0 {
			return false // the opener ended before the quote
		}
	}
	return true
}

// showTitle: the quote is the title of a programme, paper or book named
// where it was said or written: "on NBC’s “Meet the Press,”", "in an
// interview with “Fox News Sunday,”", "told CBS’s “Face the Nation”". Its
// words are title case, at most six, after a possessive name or a
// preposition of where.
func (x *run) showTitle(q qspan) bool {
	if q.ct < 0 || q.ot < 1 || q.ct-q.ot < 2 || q.ct-q.ot > 8 || !x.toks[q.ot+1].cap || !titleCase(x.text[q.cs:q.ce]) {
		return false
	}
	b := q.ot - 1
	if x.punct(b, ",") && b > 0 {
		b-- // "in his 2012 book, “An American Son,”"
		return x.toks[b].kind == tWord && !x.toks[b].cap && x.lowerIn(b, workNouns)
	}
	if x.toks[b].kind != tWord || x.toks[b].q >= 0 {
		return false
	}
	return x.toks[b].cap && x.possessive(b) || !x.toks[b].cap && (x.lowerIn(b, titlePlaces) || x.lowerIn(b, workNouns))
}

// workNouns name works that titles are given to: "his book “…”".
var workNouns = set("book", "memoir", "novel", "film", "movie", "documentary", "show", "program", "programme",
	"series", "column", "article", "essay", "op-ed", "song", "album", "podcast", "newsletter", "play", "musical")

// titlePlaces: words before a title that say where words were said or
// written.
var titlePlaces = set("on", "with", "to", "told", "in", "at", "from")

// titleTok: token k is inside (or a mark of) a quote that sets off a title.
func (x *run) titleTok(k int) bool {
	t := x.toks[k]
	return t.q >= 0 && int(t.q) < len(x.qs) && x.qs[t.q].title
}

// dropLabels removes quoted words nobody is said to have spoken that read as
// a name or title rather than a statement: the show “Meet the Press”, the
// “establishment” candidate. Scare quotes and titles are not statements.
func (x *run) dropLabels(out []Quote, first int) []Quote {
	k := first
	for i := first; i < len(out); i++ {
		q := out[i]
		if q.Rule == "unattributed" && (q.Kind == Partial && x.fewWords(q.Span, dropPartialWords) || titleCase(x.text[q.Span.Start:q.Span.End])) {
			continue
		}
		out[k] = q
		k++
	}
	return out[:k]
}

// dropPartialWords: an unattributed partial quote of at most this many words
// is taken for a label (the “establishment” candidate).
const dropPartialWords = 3

// fewWords: the span holds at most n words.
func (x *run) fewWords(sp article.Span, n int) bool {
	words := 0
	in := false
	for i := sp.Start; i < sp.End; i++ {
		c := x.text[i]
		w := c != ' ' && c != '\n'
		if w && !in {
			words++
		}
		in = w
	}
	return words <= n
}

// titleCase: every word of four letters or more starts with a capital and
// the words do not end a sentence: a title or a name.
func titleCase(s string) bool {
	s = strings.TrimRight(s, ",")
	if s == "" || strings.HasSuffix(s, ".") && strings.Count(s, " ") > 3 || strings.ContainsAny(s, "!?") {
		return false
	}
	for _, w := range strings.Fields(s) {
		if len(w) < 4 {
			continue
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	return true
}

func inherit(q, from *Quote, rule string) {
	q.Speaker = from.Speaker
	q.Antecedent = from.Antecedent
	q.Appositive = from.Appositive
	q.Cue = from.Cue
	q.Rule = rule
}

// sentenceAt is the index of the sentence holding byte offset b, -1 if none.
func (x *run) sentenceAt(b int) int {
	for si, sn := range x.sens {
		if x.toks[sn[0]].s <= b && b < x.toks[sn[1]-1].e {
			return si
		}
	}
	return -1
}

func (x *run) sentOf(ti int) (int, int) {
	for _, s := range x.sens {
		if ti >= s[0] && ti < s[1] {
			return s[0], s[1]
		}
	}
	return 0, len(x.toks)
}

// attributeQuote names the speaker of quote qi from the words around it.
func (x *run) attributeQuote(qi int, quote *Quote) {
	q := x.qs[qi]
	ss, se := x.sentOf(q.ot)
	// "O'Malley interjected: “It's just not true.” He said …": a quote a
	// colon introduces and that ends its sentence is attributed before it;
	// what follows is a new sentence
	introduced := q.ot > ss && x.punct(q.ot-1, ":") && q.ce > q.cs && strings.IndexByte(".?!", x.text[q.ce-1]) >= 0
	// "When someone in the audience shouted, “Cruz,” Beck joked, …": a
	// quote a verb of saying introduces inside an opening "when" clause
	// is that clause's; the name after it begins the main clause
	inOpener := q.ot-2 > ss && x.punct(q.ot-1, ",") && x.cueAtKind(q.ot-2) != 0 && x.inSet(ss, cSubordinator) && x.toks[ss].cap
	introduced = introduced || inOpener
	if q.ct >= 0 && !introduced {
		// after the quote: “…,” X said / “…,” said X / “…,” according to X
		i := q.ct + 1
		if x.punct(i, ",") || x.punct(i, "—") || x.punct(i, "–") {
			i++
		}
		if i < se {
			// "“…,” came shouts from the crowd", "“…” came the reply from
			// X": the one the words came from
			if x.is(i, "came") {
				for f := i + 2; f < se && f <= i+5 && x.toks[f].kind == tWord && x.toks[f].q < 0; f++ {
					if x.is(f, "from") {
						if s, e, ok := x.npForward(f+1, se); ok {
							x.setSpeaker(quote, s, e, i, f+1, "quote-verb-speaker")
							return
						}
						break
					}
				}
			}
			if k, j := x.cueAt(i); k == cueVerb || k == cueNaming {
				if s, e, ok := x.npForward(j, se); ok {
					x.setSpeaker(quote, s, e, i, j, "quote-verb-speaker")
					quote.Appositive = x.trailingAppositive(e, se)
					return
				}
			} else if k == cuePhrase {
				if s, e, ok := x.npForward(j, se); ok {
					if fs, fe, ok := x.statementFrom(s, e, se); ok {
						s, e = fs, fe // "according to a statement from the ministry"
					}
					x.setSpeaker(quote, s, e, i, j, "quote-according-to")
					return
				}
			}
			// (not “… a calculator.” She says, “…”: a quote ending its
			// sentence, then a verb introducing the next quote)
			// (nor "…, telling her, “…!” She replied …": a quote a cue
			// introduces that ends in ! or ? ends its sentence)
			if s, e, v, j, ap, ok := x.subjectThenVerb(i, se); ok && !(x.opensQuote(j) && q.ce > q.cs && x.text[q.ce-1] == '.') && !(x.endsAsking(q) && x.introducedByCue(q) && x.toks[i].cap) {
				x.setSpeaker(quote, s, e, v, j, "quote-speaker-verb")
				quote.Appositive = ap
				return
			}
			// "“…?” a reporter can be heard asking Trump", "“…,” X is
			// heard saying": a recording's speaker
			if s, e, ok := x.npForward(i, se); ok && x.onlyFiller(q.ct+1, s) {
				if v, j, ok := x.heardSaying(e, se); ok {
					x.setSpeaker(quote, s, e, v, j, "quote-speaker-verb")
					return
				}
			}
			// “…,” Harry Bond, 30, of Raleigh, who was among those
			// polled, said …: a name, a longer description, then the verb
			if s, e, ok := x.npForward(i, se); ok && fullName(x.text[x.toks[s].s:x.toks[e-1].e]) && x.punct(e, ",") {
				for v := e + 1; v < se && v < e+30 && x.toks[v].kind != tOpen; v++ {
					if k, j := x.cueAt(v); k == cueVerb {
						x.setSpeaker(quote, s, e, v, j, "quote-speaker-verb")
						a := v - 1
						for a > e+1 && x.toks[a].kind == tPunct {
							a--
						}
						if a > e+1 {
							quote.Appositive = x.text[x.toks[e+1].s:x.toks[a].e]
						}
						return
					}
				}
			}
		}
	}
	// the attribution as a short sentence of its own after a quote that
	// ends in a period: “… missing.” Trump said.
	if q.ct >= 0 && q.ct+1 == se && se < len(x.toks) && x.toks[se].kind == tWord && !introduced {
		_, se2 := x.sentOf(se)
		// "“….” That quote from Alabama Securities Commissioner Thomas
		// Krebs appeared …": the sentence after names the source
		if (x.is(se, "that") || x.is(se, "this") || x.is(se, "the")) && se+3 < se2 && (x.is(se+1, "quote") || x.is(se+1, "words") || x.inSet(se+1, cSaidNoun)) && (x.is(se+2, "from") || x.is(se+2, "by")) {
			if s, e, ok := x.npForward(se+3, se2); ok && x.toks[e-1].cap {
				x.setSpeaker(quote, s, e, se+1, se+3, "quote-verb-speaker")
				return
			}
		}
		if k, j := x.cueAt(se); k == cueVerb {
			if s, e, ok := x.npForward(j, se2); ok && x.adverbialTail(e, se2) {
				x.setSpeaker(quote, s, e, se, j, "quote-verb-speaker")
				return
			}
		} else if s, e, v, j, ap, ok := x.subjectThenVerb(se, se2); ok && (x.adverbialTail(j, se2) || x.toks[j].kind == tPunct && !x.punct(j, ":") || x.shortTail(j, se2) || x.endsAsking(q) && s == se && !x.punct(j, ":") && x.toks[s].cap && !x.inSet(s, cNounMarker|cDeterminer) && !x.quoteIn(j, min(j+3, se2))) && !x.opensQuote(j) {
			x.setSpeaker(quote, s, e, v, j, "quote-speaker-verb")
			quote.Appositive = ap
			return
		}
	}
	// a dash and a name after the quote, closing the paragraph or sentence:
	// “…” ― Pamela Padilla; "…" - Hillary Clinton.
	if q.ct >= 0 && q.ct+2 < len(x.toks) && x.isDash(q.ct+1) {
		if s, e, ok := x.npForward(q.ct+2, len(x.toks)); ok && x.toks[s].cap && (e >= len(x.toks) || x.toks[e].kind == tPunct) {
			quote.Speaker = x.mention(s, e)
			quote.Cue, quote.Rule = x.text[x.toks[q.ct+1].s:x.toks[q.ct+1].e], "quote-dash-speaker"
			return
		}
	}
	// a verb the lexicon lacks, next to the quote: “…!” beamed Donald
	// Hartley; “…,” Cleveland's Plain Dealer opined.
	if q.ct >= 0 && x.quoteEndsClause(q) && !(x.endsAsking(q) && x.introducedByCue(q)) && !inOpener {
		i := q.ct + 1
		if x.punct(i, ",") {
			i++
		}
		if i < len(x.toks) && x.pastTense(i) {
			if s, e, ok := x.npForward(i+1, len(x.toks)); ok && x.toks[s].cap {
				x.setSpeaker(quote, s, e, i, i+1, "quote-verb-speaker")
				return
			}
		}
		// ("the Republican vice-presidential nominee riffed on …": a
		// description whose head is a person noun will do too, and so
		// does a name after an adjective: "an angry Hollande retaliated")
		if s, e, ok := x.npForward(i, len(x.toks)); ok {
			v := e
			if x.inSet(s, cDeterminer) && !x.toks[s].cap {
				// "“…?” a union staffer wondered", "… a staffer in the
				// room wondered": lower-case words run on into the verb,
				// so the description ends at its noun for a person, and a
				// short place phrase may stand before the verb
				for m := s + 1; m < e; m++ {
					if x.inSet(m-1, cPersonNoun) && x.pastTense(m) {
						e, v = m, m
						break
					}
				}
				if x.inSet(e-1, cPersonNoun) && x.inSet(e, cPlacePrep) {
					for m := e + 1; m < len(x.toks) && m <= e+4 && x.toks[m].kind == tWord && x.toks[m].q < 0; m++ {
						if x.pastTense(m) {
							v = m
							break
						}
					}
				}
			}
			if (x.toks[s].cap || x.inSet(s, cSubjectPronoun) || x.inSet(s, cDeterminer) && (x.inSet(e-1, cPersonNoun) || x.toks[e-1].cap && e-s <= 3)) && x.pastTense(v) && (v+1 >= len(x.toks) || x.toks[v+1].kind == tPunct || x.inSet(v+1, cTailStart)) {
				x.setSpeaker(quote, s, e, v, v+1, "quote-speaker-verb")
				return
			}
		}
	}
	// before the quote, in its sentence: X said: “…” / X called it “…”
	// (not a cue inside a clause opening the sentence when the main
	// clause introduces the quote with a colon: "When Trump suggested …,
	// Rubio fired back forcefully: “…”"; but "As Trump said, “…”")
	opener := ss
	if q.ot > ss && x.punct(q.ot-1, ":") && x.toks[ss].cap && x.inSet(ss, cSubordinator) {
		for k := ss + 1; k < q.ot; k++ {
			if x.punct(k, ",") {
				opener = k
				break
			}
		}
	}
	for v := q.ot - 1; v >= opener; v-- {
		if x.toks[v].q >= 0 {
			continue
		}
		k, j := x.cueAt(v)
		if k == 0 || j > q.ot {
			continue
		}
		switch k {
		case cueVerb, cueNaming:
			// "Sanders was asked by host Bill Maher, …, “…”": in the
			// passive the one who speaks is the agent after "by"
			if x.is(j, "by") && x.lowerIn(v-1, beForms) {
				if s, e, ok := x.npForward(j+1, q.ot); ok && x.toks[s].q < 0 {
					x.setSpeaker(quote, s, e, v, j, "speaker-verb-quote")
					return
				}
			}
			// "It has been called “…” by X": the agent after the quote
			if j == q.ot && x.lowerIn(v-1, beForms) && q.ct >= 0 && x.is(q.ct+1, "by") {
				if s, e, ok := x.npForward(q.ct+2, se); ok && (x.toks[s].cap || x.inSet(s, cDeterminer)) {
					x.setSpeaker(quote, s, e, v, j, "speaker-verb-quote")
					return
				}
			}
			if s, e, ap, ok := x.subjectBefore(v, ss); ok {
				x.setSpeaker(quote, s, e, v, j, "speaker-verb-quote")
				quote.Appositive = ap
				return
			}
			if k == cueVerb && (x.is(v-1, "and") || x.is(v-1, "but")) {
				// "the deal, which Trump called a “disaster” and promised
				// to “rip up”": the verb shares the subject of the verb of
				// saying before it in its clause
				if s, e, ok := x.sharedSubject(v-1, ss); ok {
					x.setSpeaker(quote, s, e, v, j, "speaker-verb-quote")
					return
				}
				// "He adopted a fake accent and joked, “…”"
				if s, e, ok := x.sentenceSubject(ss, v); ok {
					x.setSpeaker(quote, s, e, v, j, "speaker-verb-quote")
					return
				}
			}
			// "…, said Caddell, “…”": the name after the verb is set off
			// before the quote (not "…, said the program is a “…”", "…,
			// called his rival “…”": content and object, not a speaker)
			if s, e, ok := x.npForward(j, q.ot); ok && (x.punct(v-1, ",") || v == ss) && x.punct(e, ",") && (x.punct(q.ot-1, ",") || x.punct(q.ot-1, ":")) {
				x.setSpeaker(quote, s, e, v, j, "verb-speaker-quote")
				return
			}
			// "Hillary Clinton, who was secretary of state when …,
			// conceded the situation is “deeply regrettable.”": the
			// sentence's subject, however long its description
			if v > ss && x.punct(v-1, ",") {
				if s, e, ok := x.sentenceSubject(ss, v); ok && x.toks[s].cap && !x.inSet(s, cSubjectPronoun) {
					if m := x.mention(s, e); x.personLike(m.Text) {
						x.setSpeaker(quote, s, e, v, j, "speaker-verb-quote")
						return
					}
				}
			}
		case cuePart, cueNamingPart:
			// "TASS quoted Volkov as saying President Belov “fully
			// supports …”": the one quoted, not the agency
			if s, e, qv, _, ok := x.quotedAs(v, ss); ok {
				x.setSpeaker(quote, s, e, x.quotedAsFrom(qv, v), j, "speaker-verb-quote")
				return
			}
			// "…, Spicer said, adding, “…”": the participle goes with the
			// reporting verb before it and so with its subject
			if v >= ss+3 && x.punct(v-1, ",") && x.cueAtKind(v-2) == cueVerb {
				// (a name or pronoun: "in his opening remarks, saying" is
				// a noun, not the verb)
				if s, e, ap, ok := x.subjectBefore(v-2, ss); ok && (x.toks[s].cap || x.inSet(s, cSubjectPronoun)) {
					x.setSpeaker(quote, s, e, v, j, "participle-quote")
					quote.Appositive = ap
					return
				}
			}
			// "with Trump reportedly yelling: “…”": a name right before the
			// participle is its subject
			if v > ss && x.toks[v-1].kind == tWord && (x.toks[v-1].cap || x.adverb(v-1)) {
				// (not "responded … on Facebook writing": a place or medium
				// after a preposition)
				if s, e, _, ok := x.subjectBefore(v, ss); ok && x.toks[e-1].cap && !x.inSet(s, cSubjectPronoun) && !(s > ss && x.inSet(s-1, cPlacePrep) && !x.toks[s-1].cap) {
					x.setSpeaker(quote, s, e, v, j, "participle-quote")
					return
				}
			}
			// "The rally ended with the crowd chanting “…”", "… ends with a
			// voice over saying:": after "with", the noun phrase right
			// before the participle is its subject
			if s, e, ok := x.withSubject(ss, v); ok {
				x.setSpeaker(quote, s, e, v, j, "participle-quote")
				return
			}
			// "The first incident came …, when Sanders protesters
			// interrupted her speech, shouting “…”": the participle hangs
			// on the nearest clause, here the "when" clause's subject
			if s, e, ok := x.clauseSubjectBefore(ss, v); ok {
				x.setSpeaker(quote, s, e, v, j, "participle-quote")
				return
			}
			// "… for an academic named Eric Kingson, who is running for
			// Congress and who worked the crowd, praising “…”": the
			// participle ends a relative clause and hangs on its person
			if s, e, ok := x.relativeSubjectBefore(ss, v); ok {
				x.setSpeaker(quote, s, e, v, j, "participle-quote")
				return
			}
			if s, e, ok := x.sentenceSubject(ss, v); ok {
				x.setSpeaker(quote, s, e, v, j, "participle-quote")
				return
			}
		case cuePhrase:
			if s, e, ok := x.npForward(j, q.ot); ok {
				x.setSpeaker(quote, s, e, v, j, "according-to-quote")
				return
			}
		}
	}
	// a quote after a colon with no reporting verb: "Clinton released the
	// following statement: “…”", "Republican pollster Daron Shaw: “…”"
	if q.ot > ss && (x.punct(q.ot-1, ":") || x.punct(q.ot-1, "—") || x.punct(q.ot-1, "–")) {
		// "Then, later that month on CNN: “…”": a lead-in of time and
		// place alone, with no one saying anything, goes on with the
		// speaker of the paragraph before
		if x.punct(q.ot-1, ":") && x.adverbialLeadIn(ss, q.ot-1) && x.prevPara == x.curPara-1 {
			src, ante := x.prevColon, x.prevAntecedent
			if src.Text == "" {
				src = x.prevSpeaker
			}
			if src.Text != "" {
				quote.Speaker, quote.Antecedent = Mention{Text: src.Text}, ante
				quote.Cue, quote.Rule = x.prevCue, "continues-previous"
				return
			}
		}
		// a name right before the colon is a label: "… - Michael P.
		// McDonald: “…”", "Republican pollster Daron Shaw: “…”"
		// (not "McConnell delivered a blunt message to Trump: “…”": the
		// label is the whole of what comes before the colon)
		if c := q.ot - 1; c-1 >= ss && x.toks[c-1].kind == tWord && x.toks[c-1].cap {
			if s, e, _, ok := x.subjectBefore(c, ss); ok && x.toks[e-1].cap && (s == ss || x.isDash(s-1) || x.toks[s].cap || x.titledName(s, e)) && x.headlineSpeakerEnd(s, e) > s {
				quote.Speaker = x.mention(s, x.headlineSpeakerEnd(s, e))
				quote.Cue, quote.Rule = x.text[x.toks[c].s:x.toks[c].e], "colon-subject"
				return
			}
		}
		// "From Bush's Facebook post: “…”", "In Lund's statement to the
		// council: “…”": a phrase opening with a preposition gives the
		// text the words come from, and its author
		if s, e, ok := x.fromBeforeColon(ss, q.ot-1); ok {
			quote.Speaker = x.mention(s, e)
			quote.Cue, quote.Rule = x.text[x.toks[q.ot-1].s:x.toks[q.ot-1].e], "colon-subject"
			return
		}
		if x.punct(q.ot-1, ":") {
			// "Hoff’s letter makes a libertarian case: “…”": the sentence's
			// subject is a person's text, whose words follow
			at := ss
			if x.lowerIn(ss, placePreps) {
				at = ss + 1
			}
			if s, e, ok := x.possessorOfText(at, q.ot-1); ok {
				quote.Speaker = x.mention(s, e)
				quote.Cue, quote.Rule = x.text[x.toks[q.ot-1].s:x.toks[q.ot-1].e], "colon-subject"
				return
			}
		}
		if s, e, ok := x.resultClauseSubject(ss, q.ot-1); ok {
			quote.Speaker = x.mention(s, e)
			quote.Cue, quote.Rule = x.text[x.toks[q.ot-1].s:x.toks[q.ot-1].e], "colon-subject"
			return
		}
		if s, e, ok := x.sentenceSubject(ss, q.ot-1); ok {
			quote.Speaker = x.mention(s, e)
			quote.Cue, quote.Rule = x.text[x.toks[q.ot-1].s:x.toks[q.ot-1].e], "colon-subject"
			return
		}
	}
	// a transcript line inside the quote: "PENCE: Well, …" (not "Clinton:
	// ‘…’ Marco: ‘…’": a speaker quoting others' words)
	// (nor a quoted title with its subtitle: "''TrumpNation: The Art of
	// Being the Donald''", title case after the colon)
	if s, e, ok := x.labelAt(q.ot+1, se); ok && x.punct(e, ":") && x.toks[e].e < quote.Span.End && !x.quotedAfter(x.toks[e].e) && !(q.ct > e && x.titleCase(e+1, q.ct)) {
		quote.Speaker = x.mention(s, e)
		quote.Span.Start = x.toks[e].e
		for quote.Span.Start < quote.Span.End && x.text[quote.Span.Start] == ' ' {
			quote.Span.Start++
		}
		quote.Cue = ":"
		quote.Rule = "label"
		return
	}
	// "Obama's “if you like your plan, you can keep it” promise", "Romney's
	// “47 percent” comment": a name's possessive, the quoted words, then a
	// noun for something said: that person said them
	if q.ot > ss && q.ct >= 0 && q.ct+1 < se && x.possessive(q.ot-1) && x.toks[q.ot-1].cap && x.inSet(q.ct+1, cSaidNoun) {
		s := x.capRunStart(ss, q.ot-1)
		if m := x.mention(s, q.ot); x.personLike(dropPossessive(m.Text)) {
			quote.Speaker = m
			quote.Cue, quote.Rule = x.text[x.toks[q.ct+1].s:x.toks[q.ct+1].e], "possessive-quote"
			return
		}
	}
	// "in Forbes’ words, “…”", "in the words of Jon Lie, “…”": whose words
	// they are
	if s, e, ok := x.inWordsOf(ss, q.ot); ok {
		quote.Speaker = x.mention(s, e)
		quote.Cue, quote.Rule = "words", "according-to-quote"
		return
	}
	// words quoted inside a sentence with no verb of saying: the sentence's
	// subject chose or used them ("Nordhaus welcomed “the recognition that
	// …”", "He offered “my thoughts and prayers …”"). Short phrases are
	// left alone: they are as often scare quotes or titles.
	if q.ot > ss && !x.fewWords(quote.Span, 3) && !titleCase(x.text[quote.Span.Start:quote.Span.End]) {
		if s, e, ok := x.sentenceSubject(ss, q.ot); ok && e <= q.ot && x.toks[s].q < 0 {
			m := x.text[x.toks[s].s:x.toks[e-1].e]
			switch {
			case strings.EqualFold(m, "he") || strings.EqualFold(m, "she"):
			case isPronoun(m) || !x.personLike(m) && !x.toks[e-1].cap:
				quote.Rule = "unattributed"
				return
			}
			quote.Speaker = x.mention(s, e)
			quote.Rule = "sentence-subject"
			return
		}
	}
	quote.Rule = "unattributed"
}

func (x *run) setSpeaker(quote *Quote, s, e, cs, ce int, rule string) {
	quote.Speaker = x.mention(s, e)
	quote.Cue = x.cueText(cs, ce)
	quote.Rule = rule
	if e-s == 1 && x.inSet(s, cSubjectPronoun) {
	}
}

// trailingAppositive: "“…,” said Jane Roe, a lawyer for the crews.": the
// description set off after the speaker's name at e, to the end of the
// sentence, or "".
func (x *run) trailingAppositive(e, se int) string {
	if !x.punct(e, ",") || e+1 >= se || x.toks[e+1].kind != tWord || x.toks[e+1].cap && !x.inSet(e+1, cDeterminer) {
		return ""
	}
	end := se
	for end > e+1 && x.toks[end-1].kind == tPunct {
		end--
	}
	if end-e-1 > 12 {
		return ""
	}
	for k := e + 1; k < end; k++ {
		if x.toks[k].kind != tWord || x.toks[k].q >= 0 {
			return "" // a clause or quoted words, not a description
		}
	}
	return x.text[x.toks[e+1].s:x.toks[end-1].e]
}

// statementFrom: "a statement from the ministry", "a letter by the
// board": the phrase s..e is a statement noun followed by from/by and the
// body or person it comes from; that body or person.
func (x *run) statementFrom(s, e, se int) (int, int, bool) {
	if e-2 >= s && x.lowerIn(e-1, releasedBy) && x.inSet(e-2, cStatementNoun) {
		e-- // the phrase read on into the participle: "a statement issued"
	}
	if !x.inSet(e-1, cStatementNoun) {
		return 0, 0, false
	}
	if x.lowerIn(e, releasedBy) && x.is(e+1, "by") {
		e++ // "a statement issued by the ministry"
	} else if x.is(e, "posted") && x.is(e+1, "on") {
		// "a statement posted on the Chinese Foreign Ministry's website":
		// the owner of the site
		for k := e + 2; k+1 < se && k < e+10 && x.toks[k].kind == tWord && x.toks[k].q < 0; k++ {
			if x.possessive(k) {
				if !x.lowerIn(k+1, siteNouns) {
					break
				}
				fs := e + 2
				if x.inSet(fs, cDeterminer) && !x.toks[fs].cap && fs < k {
					fs++
				}
				return fs, k + 1, true
			}
		}
		return 0, 0, false
	}
	if !(x.is(e, "from") || x.is(e, "by")) {
		return 0, 0, false
	}
	fs, fe, ok := x.npForward(e+1, se)
	if !ok || x.inSet(fs, cSubjectPronoun) {
		return 0, 0, false
	}
	return fs, fe, true
}

// nameEndPeriod: token k is the period of a short form that can end a
// name: a suffix of a person's or a company's name ("Jr.", "Inc.", "Co.")
// or a dotted initialism ("U.S.", "U.N.").
func (x *run) nameEndPeriod(k int) bool {
	if k < 1 || !x.punct(k, ".") {
		return false
	}
	w := x.toks[k-1]
	if w.kind != tWord || !w.cap || w.e != x.toks[k].s || w.q >= 0 {
		return false
	}
	return endsName(x.text[w.s:w.e])
}

var nameSuffixes = set("Jr", "Sr", "Inc", "Co", "Corp", "Ltd", "Bros", "Cos")

// subjectThenVerb reads "X said", "X, the UN envoy, said", "Sen. X (R-Ohio)
// told reporters", "X later added" from token i: the speaker, the cue and any
// appositive between commas.
func (x *run) subjectThenVerb(i, se int) (s, e, v, j int, appositive string, ok bool) {
	// the first cue after the quote, with the subject filling the gap
	for v = i + 1; v < se && v <= i+25; v++ {
		if x.toks[v].kind == tOpen || x.toks[v].q >= 0 {
			break
		}
		k, jj := x.cueAt(v)
		if k == 0 && v <= i+4 && x.pluralState(v) {
			// "“…,” the Saudis state in the white paper": right after a
			// quote and a plural subject, "state" is the verb of saying
			// (the lexicon leaves it out: "state officials", "the state")
			k, jj = cueVerb, v+1
		}
		if k == 0 || k == cueVerb && x.modalBase(v, jj) {
			continue
		}
		if k == cuePart {
			// "“…,” Lasarev was quoted as saying", "“…,” the agency quoted
			// Volkov as saying": the one quoted
			if s, e, qv, open, ok := x.quotedAs(v, i); ok && x.onlyFiller(i, open) {
				return s, e, x.quotedAsFrom(qv, v), jj, "", true
			}
		}
		if k == cueVerb || k == cueNaming {
			// (not "“…,” raising fresh questions", "“…,” came shouts from
			// the floor": a verb after the quote opens no subject, and the
			// cue word is a noun)
			s, e, ap, ok := x.subjectBefore(v, i)
			if ok && s-1 >= i && x.demonstrativeBefore(s-1, e) && x.onlyFiller(i, s-1) {
				// "“…,” this source told the Post", "“…,” that aide
				// said": a demonstrative opens a described source's
				// phrase, pointing back to one already introduced
				s--
			}
			// ("“…,” Ukraine's commissioner, Oksana Hnatiuk, said": the
			// name set off after its description speaks)
			if ok && x.onlyFiller(i, x.descriptionStart(s, ap, i)) && !x.verbOpens(x.descriptionStart(s, ap, i)) && !x.verbOpens(s) {
				return s, e, v, jj, ap, true
			}
			// "“…,” experts A and B of Washington's Institute for Science
			// wrote": the people, then the body they belong to
			if s, _, ok := x.npForward(i, v); ok && s == i {
				for k := s + 1; k+1 < v && k < s+10; k++ {
					if x.toks[k-1].cap && x.affiliation(k, v) {
						return s, k, v, jj, "", true
					}
				}
			}
		}
		break
	}
	s, e, ok = x.npForward(i, se)
	if !ok || x.verbOpens(s) || e-s == 1 && x.functionWord(s) && !x.capitalisedElsewhere(s) {
		// ("“….” That said, she is working on …": a lone demonstrative
		// or preposition names no one, unless it is a surname, Al From)
		ok = false
		return
	}
	k := e
	skip := func() {
		for k < se {
			if x.punct(k, "(") {
				m := k
				for m < se && !x.punct(m, ")") {
					m++
				}
				if m < se {
					k = m + 1
					continue
				}
			}
			if x.toks[k].kind == tWord && !x.toks[k].cap && x.inSet(k, cBetween) || x.toks[k].kind == tWord && isDay(x.text[x.toks[k].s:x.toks[k].e]) {
				k++
				continue
			}
			break
		}
	}
	skip()
	if x.punct(k, ",") && !x.inSet(s, cSubjectPronoun) {
		// an appositive: up to the next comma, then the verb ("Bill
		// Eastland, wearing a cowboy hat and “Ted Cruz” pins, said": a
		// few quoted words inside it are a label)
		m := k + 1
		for m < se && m < k+30 && !x.punct(m, ",") {
			if x.toks[m].kind == tOpen {
				ct := x.qs[x.toks[m].q].ct
				if ct < 0 || ct-m > 5 || x.punct(ct-1, ",") {
					break
				}
				m = ct
			}
			m++
		}
		if m >= se || !x.punct(m, ",") || m == k+1 {
			// "another friend, Mariam Emara told CNN": a description,
			// then the name right before the verb, its closing comma left
			// out
			if ns, ne, nok := x.npForward(k+1, se); nok && !x.toks[s].cap && fullName(x.text[x.toks[ns].s:x.toks[ne-1].e]) {
				if kind, jj := x.cueAt(ne); kind == cueVerb || kind == cueNaming {
					sp := x.span(s, e)
					return ns, ne, ne, jj, x.text[sp.Start:sp.End], true
				}
			}
			ok = false
			return
		}
		sp := x.span(k+1, m)
		appositive = x.text[sp.Start:sp.End]
		// "Florida's former governor, Jeb Bush, said": a description set
		// off by a full name; the name is the speaker, the description
		// its role
		if !x.toks[e-1].cap && x.toks[k+1].cap && x.toks[m-1].cap && fullName(appositive) {
			if kind, jj := x.cueAt(m + 1); kind == cueVerb || kind == cueNaming {
				ds := x.span(s, e)
				return k + 1, m, m + 1, jj, x.text[ds.Start:ds.End], true
			}
		}
		k = m + 1
		skip()
	}
	kind, jj := x.cueAt(k)
	if kind != cueVerb && kind != cueNaming || kind == cueVerb && x.modalBase(k, jj) {
		ok = false
		return
	}
	return s, e, k, jj, appositive, true
}

// resultClauseSubject: "The scheduling was so odd that a spokesman for
// Sanders could only quip:": the person subject of a "so … that" clause
// running up to the colon at lim is who speaks, not the sentence's subject.
func (x *run) resultClauseSubject(ss, lim int) (s, e int, ok bool) {
	for k := ss + 2; k < lim; k++ {
		if x.toks[k].q >= 0 || !x.is(k, "that") || !(x.is(k-2, "so") || x.is(k-2, "such") || x.is(k-3, "such")) {
			continue
		}
		if s, e, ok = x.npForward(k+1, lim); ok && !x.inSet(s, cSubjectPronoun) && x.personLike(x.text[x.toks[s].s:x.toks[e-1].e]) {
			return s, e, true
		}
		return 0, 0, false
	}
	return 0, 0, false
}

// relativeSubjectBefore: the participle at v follows a comma closing a
// "who" clause (or "who … and who …"); the name before "who" is its
// subject.
func (x *run) relativeSubjectBefore(ss, v int) (s, e int, ok bool) {
	if v < ss+4 || !x.punct(v-1, ",") {
		return 0, 0, false
	}
	for k := v - 2; k > ss+1; k-- {
		if x.toks[k].q >= 0 || x.punct(k, ",") && !x.is(k+1, "who") {
			return 0, 0, false
		}
		if !x.is(k, "who") || x.toks[k].cap || x.is(k-1, "and") {
			continue
		}
		e = k
		if x.punct(e-1, ",") {
			e--
		}
		s = x.capRunStart(ss+1, e)
		if s == e || !fullName(x.text[x.toks[s].s:x.toks[e-1].e]) && !x.nameLike(x.mention(s, e)) {
			return 0, 0, false
		}
		return s, e, true
	}
	return 0, 0, false
}

// adverbialLeadIn: tokens ss..c (a colon) are only an opener of time and
// place ("Then, later that month on CNN", "Later, in Iowa", "And again on
// Sunday"): no subject, no verb, names only after on/in/at.
func (x *run) adverbialLeadIn(ss, c int) bool {
	if c-ss < 2 || !x.lowerIn(ss, leadInWords) {
		return false
	}
	for k := ss; k < c; k++ {
		t := x.toks[k]
		switch {
		case t.q >= 0:
			return false
		case t.kind == tPunct:
			if !x.punct(k, ",") {
				return false
			}
		case t.kind != tWord:
			return false
		case x.number(k) || x.lowerIn(k, leadInWords):
		case t.cap && k > ss && (x.toks[k-1].cap || x.lowerIn(k-1, placePreps)):
		default:
			return false
		}
	}
	return true
}

// leadInWords make up an opener of time and place before a colon.
var leadInWords = set("then", "later", "earlier", "and", "again", "also", "meanwhile", "afterward", "afterwards", "next",
	"that", "this", "last", "the", "same", "following", "month", "week", "year", "day", "night", "morning", "evening",
	"afternoon", "weekend", "on", "in", "at", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

// quotedAfter: the text at b, past spaces, opens a quotation.
func (x *run) quotedAfter(b int) bool {
	for b < len(x.text) && x.text[b] == ' ' {
		b++
	}
	r, _ := utf8.DecodeRuneInString(x.text[b:])
	return r == '‘' || r == '\'' || r == '"' || isOpenQuote(r)
}

// possessorOfText: tokens i..lim open with a capitalised name's possessive
// and, within three words after it, a noun for a text a person issues
// ("Bush's Facebook post"): the name without its "'s".
func (x *run) possessorOfText(i, lim int) (s, e int, ok bool) {
	p := i
	for p < lim && p < i+4 && x.toks[p].kind == tWord && x.toks[p].cap && !x.possessive(p) {
		p++
	}
	if p >= lim || !x.possessive(p) || !x.toks[p].cap {
		return 0, 0, false
	}
	for k := p + 1; k < lim && k <= p+3 && x.toks[k].kind == tWord; k++ {
		if x.inSet(k, cStatementNoun) {
			return i, p + 1, true
		}
	}
	return 0, 0, false
}

// fromBeforeColon: "Lund’s letter drew a sharp reply from the harbour
// board: “…”", "Then came a statement from the White House:": a person or
// body named after "from" right before the colon c is where the words come
// from, whoever the sentence is about.
func (x *run) fromBeforeColon(ss, c int) (s, e int, ok bool) {
	if !x.punct(c, ":") {
		return 0, 0, false
	}
	_, s, e, ok = x.nameAfterLast("from", max(ss, c-8), c)
	if !ok && x.is(ss, "from") && ss+2 < c && x.inSet(ss+1, cDeterminer) && (x.inSet(c-1, cStatementNoun) || x.lowerIn(c-1, documentNouns)) {
		// "From the report: “…”", "From the ruling:": the text itself
		// when no author is named
		return ss + 1, c, true
	}
	return s, e, ok
}

// documentNouns name texts quoted from, besides statementNouns: "From the
// report: “…”".
var documentNouns = set("report", "study", "survey", "transcript", "speech", "ruling", "filing", "complaint", "lawsuit", "indictment", "decision", "opinion", "order")

// nameAfterLast reads back from c to lo, over words outside quotations
// only, to the last w, and takes the phrase from after it up to c when
// that is a name or a person's description, not a pronoun: the k of w, and
// the phrase's s, e.
func (x *run) nameAfterLast(w string, lo, c int) (k, s, e int, ok bool) {
	for k = c - 2; k >= lo; k-- {
		if x.toks[k].kind != tWord || x.toks[k].q >= 0 {
			return 0, 0, 0, false
		}
		if !x.is(k, w) {
			continue
		}
		s, e, ok = x.npForward(k+1, c)
		if !ok || e != c || x.inSet(s, cSubjectPronoun) {
			return 0, 0, 0, false
		}
		if m := x.text[x.toks[s].s:x.toks[e-1].e]; !x.toks[e-1].cap && !x.e.personLike(m) {
			return 0, 0, 0, false
		}
		return k, s, e, true
	}
	return 0, 0, 0, false
}

// floorHandedTo: "Halvorsen then handed the microphone to Lund:", "… turned
// the floor over to Lund:": whoever is handed the floor speaks next. Other
// verbs keep the quote with the subject ("Trump replied to Clinton:",
// "wrote to Roffman:" name whom the words are for).
func (x *run) floorHandedTo(ss, c int) (s, e int, ok bool) {
	k, s, e, ok := x.nameAfterLast("to", max(ss+1, c-6), c)
	if !ok {
		return 0, 0, false
	}
	// the floor, then a verb of handing, within a few words before "to"
	floor := false
	for u := k - 1; u >= ss && u >= k-5; u-- {
		switch {
		case x.lowerIn(u, floorNouns):
			floor = true
		case floor && x.lowerIn(u, handingVerbs):
			return s, e, true
		}
	}
	return 0, 0, false
}

var (
	floorNouns   = set("microphone", "microphones", "mic", "floor", "podium", "lectern", "stage")
	handingVerbs = set("hand", "hands", "handed", "handing", "pass", "passes", "passed", "passing", "give", "gives",
		"gave", "giving", "turn", "turns", "turned", "turning", "yield", "yields", "yielded", "yielding", "cede",
		"cedes", "ceded", "ceding")
)

// sharedSubject: reading back from the "and" at a, the first verb of saying
// or naming (within twelve tokens, in the same clause) and its subject.
func (x *run) sharedSubject(a, lo int) (s, e int, ok bool) {
	for u := a - 1; u >= lo && u >= a-12; u-- {
		if x.punct(u, ",") || x.punct(u, ";") || x.toks[u].kind == tWord && x.inSet(u, cClauseOpener) && !x.is(u, "and") {
			return 0, 0, false
		}
		if x.toks[u].kind != tWord || x.toks[u].q >= 0 {
			continue
		}
		if k := x.cueAtKind(u); k == cueVerb || k == cueNaming {
			s, e, _, ok = x.subjectBefore(u, lo)
			return s, e, ok && (x.toks[s].cap || x.inSet(s, cSubjectPronoun))
		}
	}
	return 0, 0, false
}

// heardSaying reads "can be heard saying", "could be heard asking", "is
// heard saying" from token k: the participle's cue.
func (x *run) heardSaying(k, se int) (v, j int, ok bool) {
	switch {
	case x.is(k, "can") || x.is(k, "could") || x.is(k, "may") || x.is(k, "might"):
		if !x.is(k+1, "be") {
			return 0, 0, false
		}
		k += 2
	case x.is(k, "is") || x.is(k, "was") || x.is(k, "are") || x.is(k, "were"):
		k++
	default:
		return 0, 0, false
	}
	if k+1 >= se || !x.is(k, "heard") {
		return 0, 0, false
	}
	if kind, j := x.cueAt(k + 1); kind == cuePart || kind == cueNamingPart {
		return k + 1, j, true
	}
	return 0, 0, false
}

// affiliation: tokens e..v are "of", "at" or "from" and a capitalised
// name of a body ("of Washington's Institute for Science and International
// Security"), describing the speaker before them.
func (x *run) affiliation(e, v int) bool {
	if e+1 >= v || !(x.is(e, "of") || x.is(e, "at") || x.is(e, "from")) || !x.toks[e+1].cap {
		return false
	}
	for k := e + 1; k < v; k++ {
		if t := x.toks[k]; t.kind != tWord || t.q >= 0 || !t.cap && !x.inSet(k, cNpInner) {
			return false
		}
	}
	return x.toks[v-1].cap
}

// verbOpens: token i is a lower-case participle or irregular past tense
// ("raising", "came"), which starts a clause, not a noun phrase.
func (x *run) verbOpens(i int) bool {
	t := x.toks[i]
	if t.kind != tWord || t.cap {
		return false
	}
	w := x.text[t.s:t.e]
	return len(w) > 5 && strings.HasSuffix(w, "ing") || x.inSet(i, cIrregularPast)
}

func (x *run) isDash(i int) bool {
	return x.punct(i, "―") || x.punct(i, "—") || x.punct(i, "–") || x.punct(i, "-")
}

// shortTail: after an attribution that stands as its own sentence, a short
// rest with no new clause or quote: "Trump told Britain's ITV in an
// interview."
func (x *run) shortTail(j, se int) bool {
	if se-j > 15 {
		return false
	}
	for k := j; k < se; k++ {
		if x.toks[k].kind == tOpen || x.is(k, "that") || x.cueAtKind(k) == cueVerb {
			return false
		}
	}
	return true
}

// quoteEndsClause: the quoted words end with , ! ? or a dash, so what follows
// the closing mark is the attribution.
func (x *run) quoteEndsClause(q qspan) bool {
	if q.ct < 1 {
		return false
	}
	p := x.toks[q.ct-1]
	if p.kind != tPunct {
		return x.punct(q.ct+1, ",")
	}
	c := x.text[p.s]
	return c == ',' || c == '!' || c == '?' || c == 0xE2 // — or –
}

// pastTense: a lower-case word ending in -ed, the shape of a reporting verb
// the lexicon does not list (beamed, opined, quipped).
func (x *run) pastTense(i int) bool {
	if i < 0 || i >= len(x.toks) {
		return false
	}
	t := x.toks[i]
	if t.kind != tWord || t.cap || t.q >= 0 || x.inSet(i, cNpStop) {
		return false
	}
	w := x.text[t.s:t.e]
	return len(w) > 4 && strings.HasSuffix(w, "ed")
}

// onlyFiller reports whether tokens i..s are nothing but commas and dashes,
// so the subject starts right after the quote.
func (x *run) onlyFiller(i, s int) bool {
	for k := i; k < s; k++ {
		if x.toks[k].kind != tPunct {
			return false
		}
	}
	return true
}

// isPartial: a quote inside narration, not introduced by a cue or colon and
// not standing as its own sentence.
func (x *run) isPartial(qi int) bool {
	q := x.qs[qi]
	ss, _ := x.sentOf(q.ot)
	if q.ot == ss {
		return false
	}
	prev := x.toks[q.ot-1]
	if prev.kind != tWord {
		return false
	}
	if k, _ := x.cueAt(q.ot - 1); k == cueVerb {
		return false
	}
	return !x.is(q.ot-1, "that")
}

// subjectBefore finds the noun phrase that is the subject of the verb at v,
// reading back from it over auxiliaries and adverbs ("has said", "later
// told"), not before token lo. For "Haley, the UN envoy, said" it returns
// Haley and the appositive.
func (x *run) subjectBefore(v, lo int) (s, e int, appositive string, ok bool) {
	j := v - 1
	for j >= lo && x.toks[j].kind == tWord && !x.toks[j].cap && (x.inSet(j, cBetween) || x.adverb(j)) {
		j--
	}
	// "Tony Blair had in 1997 complained": a year between the subject and
	// its verb dates the report
	for j-1 > lo && isYear(x.text[x.toks[j].s:x.toks[j].e]) && (x.is(j-1, "in") || x.is(j-1, "since")) {
		j -= 2
		for j >= lo && x.toks[j].kind == tWord && !x.toks[j].cap && (x.inSet(j, cBetween) || x.adverb(j)) {
			j--
		}
	}
	for j >= lo && x.toks[j].kind == tWord && x.toks[j].cap && isDay(x.text[x.toks[j].s:x.toks[j].e]) {
		j-- // Trump on Monday said
		for j >= lo && x.inSet(j, cBetween) && !x.toks[j].cap {
			j--
		}
	}
	// "Joseph R. Biden Jr. said", "Apple Inc. said", "the U.S. said": the
	// period closes the name's short form, not the sentence
	if j > lo && x.nameEndPeriod(j) {
		j--
	}
	// "42% say": a share is a subject
	if j > lo && x.punct(j, "%") && x.number(j-1) && x.toks[j-1].e == x.toks[j].s {
		return j - 1, j + 1, "", true
	}
	if j < lo {
		return 0, 0, "", false
	}
	if x.punct(j, ")") {
		k := j
		for k >= lo && !x.punct(k, "(") {
			k--
		}
		j = k - 1
	}
	if j > lo && x.punct(j, ",") {
		return x.appositiveSubject(j, lo)
	}
	if j < lo || x.toks[j].kind != tWord || x.toks[j].q >= 0 {
		return 0, 0, "", false
	}
	e = j + 1
	if x.inSet(j, cSubjectPronoun) {
		return j, e, "", true
	}
	if (x.is(j, "who") || x.is(j, "which")) && j-1 > lo && x.punct(j-1, ",") {
		// "Feinstein, the ranking Democrat, who said …": the speaker is the
		// phrase the relative clause hangs on
		if s, e, ap, ok := x.subjectBefore(j-1, lo); ok && e <= j-1 {
			// "linked to the Associated Press report, which notes",
			// "would involve Attorney General Loretta E. Lynch, who told":
			// the noun phrase from its determiner, or the name with its
			// title, without the verb before it
			d := -1
			for k := s; k < e; k++ {
				if x.inSet(k, cDeterminer) && !x.toks[k].cap {
					d = k
				}
			}
			if d >= 0 {
				s = d
			} else if x.toks[e-1].cap {
				c := e - 1
				for c-1 >= s && (x.toks[c-1].cap || x.punct(c-1, ".") || x.toks[c-1].kind == tWord && x.inSet(c-1, cNpInner) && c-2 >= s && x.toks[c-2].cap) {
					c--
				}
				s = c
			}
			if !x.inSet(s, cDeterminer) && !x.toks[s].cap {
				return 0, 0, "", false
			}
			return s, e, ap, true
		}
		return 0, 0, "", false
	}
	if x.is(j, "who") && j-1 > lo && x.toks[j-1].kind == tWord && x.toks[j-1].cap {
		// "this tweet from Rikkie Wells who tweeted": the name the
		// relative clause hangs on ("a woman who asked" is left alone: a
		// description before "who" is as often the object of a verb)
		if ns, ne, ap, ok := x.subjectBefore(j, lo); ok && ne == j {
			return ns, ne, ap, true
		}
	}
	if (x.is(j, "that") || x.is(j, "which")) && !x.toks[j].cap && j+1 == v && x.cueAtKind(v) == cueVerb {
		// "water bottles that said, “…”", "a message that read": the
		// thing whose words the relative clause gives, unless a person
		// the sentence is about made it ("Trump released a video that
		// said", "Pelletier hoisted a sign that read": that person's)
		if s, ok := x.thingBefore(j, lo); ok && !x.madeBy(s, lo) {
			return s, j, "", true
		}
	}
	if !x.toks[j].cap && x.inSet(j, cNpStop) {
		return 0, 0, "", false
	}
	k := j
	for k >= lo && e-k <= 12 {
		t := x.toks[k]
		if t.kind == tWord {
			if t.q >= 0 {
				break
			}
			if !t.cap && x.inSet(k, cNpStop) {
				if x.inSet(k, cNpInner) && k-1 >= lo && (x.toks[k-1].kind == tWord || x.punct(k-1, "%")) && k < j {
					k--
					continue
				}
				// "Half of her backers say", "most of their voters": a
				// possessive after "of" is inside the counted group
				if k < j && k-1 > lo && x.is(k-1, "of") && x.lowerIn(k, possessiveDeterminers) {
					k--
					continue
				}
				// "a readout of the call released by the White House said":
				// a text and whose it is, read on to the text
				if x.is(k, "by") && k < j && k-2 >= lo && x.lowerIn(k-1, releasedBy) && x.toks[k-2].kind == tWord {
					k -= 2
					continue
				}
				// "a source familiar with the matter said": the wire's
				// description of a source by what it knows goes on
				if x.is(k, "with") && k < j && k-2 >= lo && x.is(k-1, "familiar") && x.toks[k-2].kind == tWord {
					k -= 2
					continue
				}
				// "a voice-over in the ad states", "a source in the
				// administration said": a described source's place
				if x.is(k, "in") && k < j && x.inSet(k+1, cDeterminer) && k-2 >= lo && x.toks[k-1].kind == tWord && !x.toks[k-1].cap && !x.inSet(k-1, cNpStop) && x.inSet(k-2, cDeterminer) {
					k--
					continue
				}
				break
			}
			if t.cap && x.inSet(k, cSubjectPronoun) && k < j {
				break
			}
			if !t.cap && k < j && x.cueAtKind(k) == cueVerb {
				break // another verb of saying: "Clinton noted the …"
			}
			k--
			continue
		}
		if t.kind == tPunct && k > lo && x.toks[k-1].kind == tWord && x.toks[k-1].e == t.s {
			p := x.text[t.s:t.e]
			if p == "." && isAbbrev(x.text[x.toks[k-1].s:x.toks[k-1].e]) || p == "’" || p == "'" || p == "-" || p == "&" || p == "%" && x.number(k-1) {
				k--
				continue
			}
		}
		// Edmund G. “Jerry” Brown: a nickname inside the name
		if t.kind == tClose && t.q >= 0 && k < j && x.nickname(x.qs[t.q]) && x.qs[t.q].ot-1 >= lo {
			if k = x.qs[t.q].ot - 1; x.punct(k, ".") {
				k-- // the initial before its period
			}
			continue
		}
		// "Fight for $15 organizing director Kendall Fells": a sum is part
		// of a name or title
		if t.kind == tPunct && x.text[t.s:t.e] == "$" && k+1 < e && x.toks[k+1].s == t.e && k > lo && x.toks[k-1].kind == tWord {
			k--
			continue
		}
		break
	}
	if x.is(k, "who") && k-1 > lo && x.toks[k-1].kind == tWord {
		// "a White House official who spoke anonymously … said": the
		// speaker is the phrase the relative clause hangs on
		if ns, ne, ap, ok := x.subjectBefore(k, lo); ok && ne <= k {
			return ns, ne, ap, true
		}
	}
	s = k + 1
	if x.is(k, "which") && k > lo && x.lowerIn(k-1, whichPreps) && s+1 < e && !x.toks[s].cap && x.toks[s].kind == tWord && !x.inSet(s, cDeterminer) && !x.number(s) {
		// "at which point the crowd chanted": the noun after "which" is the
		// relative's, and the subject starts after it
		s++
	}
	for s+1 < e && x.toks[s].cap && x.inSet(s, cConnective) && !x.lowerIn(s, ordinals) {
		s++ // "Now reports say", "Meanwhile Ms Hutt said": the connective only links the sentence
	}
	for s < e && !x.toks[s].cap && x.toks[s].kind == tWord && x.inSet(s, cNpInner) && !x.inSet(s, cDeterminer) {
		s++
	}
	for s < e && x.toks[s].kind == tPunct {
		s++
	}
	for s < e-1 && x.toks[s].kind == tWord && (isDay(x.text[x.toks[s].s:x.toks[s].e]) || x.inSet(s, cClauseOpener) || !x.toks[s].cap && x.inSet(s, cNpStop) && !x.inSet(s, cSubjectPronoun)) {
		s++ // "on Wednesday Putin said", "When Trump said"
	}
	if s+1 < e && x.is(s, "according") && x.is(s+1, "to") {
		// "…, according to figures revealed by X": the source of "according
		// to" with its participle, not a subject and its verb
		return 0, 0, "", false
	}
	if s >= e || s == e-1 && x.functionWord(s) {
		// "As reported by …", "If confirmed, …", "In declaring …": a lone
		// conjunction or preposition, capitalised only because it opens
		// the sentence, names no one
		return 0, 0, "", false
	}
	// "Another intelligence source speaking to Fox News said": a participle
	// and its phrase after the head describe the source; the head names it
	for p := s + 1; p+1 < e; p++ {
		if t := x.toks[p]; t.kind == tWord && !t.cap && strings.HasSuffix(x.text[t.s:t.e], "ing") && x.inSet(p+1, cPlacePrep) && !x.toks[p-1].cap {
			e = p
			break
		}
	}
	// "Protesters marching through the streets chanted": the noun phrase
	// before the verb is a preposition's object inside a participle's
	// phrase; the subject is what the participle describes
	// (not "being shared on …": a passive participle says what is done
	// to the noun before it, which then is no speaker)
	if p := s - 2; p > lo && x.lowerIn(s-1, participlePreps) && x.ingWord(p) && !x.is(p, "being") && !x.is(p, "having") &&
		x.toks[p-1].kind == tWord && x.toks[p-1].q < 0 && !x.inSet(p-1, cNpStop) {
		if ns, ne, ap, ok := x.subjectBefore(p, lo); ok && ne == p {
			return ns, ne, ap, true
		}
	}
	if e-s > 8 && !x.releasedByIn(s, e) {
		// too long for a name: keep its last words (not "A readout of the
		// call released by the White House": the text and whose it is)
		s = e - 6
		for s < e && x.toks[s].kind == tWord && !x.toks[s].cap && x.inSet(s, cNpInner) {
			s++
		}
	}
	// appositive: NAME, the UN envoy, said
	if s-2 >= lo && x.punct(s-1, ",") && (x.inSet(s, cDeterminer) || !x.toks[s].cap) {
		ne := s - 1
		ns := ne - 1
		for ns >= lo && x.toks[ns].kind == tWord && x.toks[ns].cap {
			ns--
		}
		ns++
		// not "On Tuesday, campaign chairman John Podesta told": a phrase
		// opening with a preposition is no name, and a description ending
		// in a full name is the speaker itself
		if ns < ne && ne-ns <= 4 && (ns == lo || x.punct(ns-1, ",") || x.inSet(ns-1, cClauseOpener) || x.toks[ns-1].kind == tClose) &&
			!(ne-ns == 1 && (x.inSet(ns, cNpStop|cClauseOpener|cDeterminer) || x.openerWord(ns))) &&
			!(ne-ns > 1 && x.inSet(ns, cNpStop) && !x.inSet(ns, cSubjectPronoun)) &&
			!x.titledName(s, e) && !x.placeOrDay(ns, ne) {
			sp := x.span(s, e)
			return ns, ne, x.text[sp.Start:sp.End], true
		}
	}
	return s, e, "", true
}

// participlePreps open the phrase of a participle that describes a subject:
// "marching through the streets", "standing outside the court".
var participlePreps = set("through", "in", "on", "at", "outside", "inside", "near", "along", "across", "around", "down", "up", "into", "past", "toward", "towards", "behind")

// ingWord: a lower-case word in -ing, the form of a participle.
func (x *run) ingWord(i int) bool {
	t := x.toks[i]
	return t.kind == tWord && !t.cap && t.e-t.s > 4 && strings.HasSuffix(x.text[t.s:t.e], "ing")
}

// whichPreps open "at which point", "by which time", "after which moment":
// the noun after "which" is the relative's own ("of which 21 percent" is a
// share, so not "of").
var whichPreps = set("at", "by", "in", "on", "after", "from", "upon", "during")

// resumedAfterAside: quote qi opens in lower case right after a dash that
// closes an aside which another dash opened right after quote j of the same
// sentence ("“…” – at which point … – “and …”"): qi resumes j. It returns j,
// or -1.
func (x *run) resumedAfterAside(qi int) int {
	q := x.qs[qi]
	if q.ot < 3 || !x.isDash(q.ot-1) || q.cs >= q.ce {
		return -1
	}
	if r, _ := utf8.DecodeRuneInString(x.text[q.cs:q.ce]); !unicode.IsLower(r) {
		return -1
	}
	ss, _ := x.sentOf(q.ot)
	for j := qi - 1; j >= 0; j-- {
		p := x.qs[j]
		if p.ct < ss || p.ct < 0 {
			return -1
		}
		if x.isDash(p.ct+1) && p.ct+1 < q.ot-1 {
			// the aside between the two dashes holds no full stop
			for k := p.ct + 2; k < q.ot-1; k++ {
				if x.punct(k, ".") && x.toks[k].q < 0 {
					return -1
				}
			}
			return j
		}
	}
	return -1
}

// introducedByCue: a cue word just before the quote, maybe with an object and a
// comma or colon ("telling her, “…!”", "he asked: “…?”"): the quote is
// attributed in its own sentence, not by the next one.
func (x *run) introducedByCue(q qspan) bool {
	if q.ot < 2 || !x.punct(q.ot-1, ",") && !x.punct(q.ot-1, ":") {
		return false
	}
	for k := q.ot - 2; k >= 0 && k >= q.ot-3; k-- {
		if x.cueAtKind(k) != 0 {
			return true
		}
	}
	return false
}

// endsAsking: the quote ends in a question or exclamation mark, so the
// sentence after it that opens with a name and a verb of saying
// attributes it, however it goes on ("“… Three?” Clinton asks as …").
func (x *run) endsAsking(q qspan) bool {
	return q.ce > q.cs && (x.text[q.ce-1] == '?' || x.text[q.ce-1] == '!')
}

// quoteIn: a quotation mark opens among tokens i..j.
func (x *run) quoteIn(i, j int) bool {
	for ; i < j && i < len(x.toks); i++ {
		if x.toks[i].kind == tOpen {
			return true
		}
	}
	return false
}

// opensQuote: a quotation mark opens at token j or right after a comma
// there ("She says, “…”"): the verb before introduces that quote.
func (x *run) opensQuote(j int) bool {
	if x.punct(j, ",") {
		j++
	}
	return j < len(x.toks) && x.toks[j].kind == tOpen
}

// adverbLike: token i is an adverb of the between-words ("also", "later",
// "repeatedly"), not an auxiliary that verbFollows reads itself.
func (x *run) adverbLike(i int) bool {
	w := x.text[x.toks[i].s:x.toks[i].e]
	switch w {
	case "also", "later", "then", "again", "once", "still", "already", "never", "just", "only", "often", "even", "first":
		return true
	}
	return strings.HasSuffix(w, "ly")
}

// statementNoun: the sentence's tokens ss..se name a text someone issues
// ("released a statement", "posted a message", "in a letter").
func (x *run) statementNoun(ss, se int) bool {
	for k := ss + 1; k < se; k++ {
		if x.toks[k].kind == tWord && x.toks[k].q < 0 && !x.toks[k].cap && x.inSet(k, cStatementNoun) && (x.inSet(k-1, cNounMarker|cDeterminer) || k-2 >= ss && x.inSet(k-2, cNounMarker|cDeterminer)) {
			return true
		}
	}
	return false
}

// clauseSubjectBefore: the subject of a "when/as/while/after/because …"
// clause that opens after the sentence's start and runs up to the comma
// before token v.
func (x *run) clauseSubjectBefore(ss, v int) (s, e int, ok bool) {
	if v < ss+4 || !x.punct(v-1, ",") {
		return 0, 0, false
	}
	for k := v - 2; k > ss; k-- {
		if x.toks[k].q >= 0 || x.punct(k, ",") {
			return 0, 0, false // a clause nearer the participle
		}
		if !x.toks[k].cap && x.inSet(k, cSubordinator) {
			ns, ne, ok := x.npForward(k+1, v-1)
			if !ok || x.inSet(ns, cSubjectPronoun) || !(x.toks[ns].cap || x.inSet(ns, cDeterminer)) {
				return 0, 0, false
			}
			for m := ns + 2; m < ne; m++ {
				if x.pastTense(m) || x.inSet(m, cIrregularPast) {
					ne = m // "when the dockers interrupted her": the verb ends it
					break
				}
			}
			// "when Sanders protesters interrupted her": a name before a
			// lower-case noun and a past verb qualifies that noun; an
			// adverb there ("when Lund abruptly interrupted her") is no
			// part of the subject
			verb := ne
			if ne+1 < v-1 && x.toks[ns].cap && x.toks[ne].kind == tWord && !x.toks[ne].cap && x.toks[ne].q < 0 && !x.pastTense(ne) &&
				(x.pastTense(ne+1) || x.inSet(ne+1, cIrregularPast)) {
				verb = ne + 1
				if !x.adverbLike(ne) {
					ne++
				}
			}
			// a clause has a verb after its subject ("after the meeting
			// that …" is a phrase, not a clause)
			if verb >= v-1 || !(x.pastTense(verb) || x.inSet(verb, cIrregularPast) || x.cueAtKind(verb) == cueVerb) {
				return 0, 0, false
			}
			if x.e.isPlace(x.text[x.toks[ns].s:x.toks[ne-1].e]) {
				return 0, 0, false
			}
			return ns, ne, true
		}
	}
	return 0, 0, false
}

// placeOrDay: tokens s..e are a place or end in a day ("in Hudson, New
// Hampshire Monday, the Christie supporter retorted"): no name.
func (x *run) placeOrDay(s, e int) bool {
	if isDay(x.text[x.toks[e-1].s:x.toks[e-1].e]) {
		return true
	}
	return x.e.isPlace(x.text[x.toks[s].s:x.toks[e-1].e])
}

// titledName: tokens s..e are a title ending in a person's name, the name
// right after a lower-case title word ("campaign chairman John Podesta"),
// not an organisation after a preposition ("director of Private Jet
// Services").
func (x *run) titledName(s, e int) bool {
	c := e
	for c > s && x.toks[c-1].kind == tWord && x.toks[c-1].cap {
		c--
	}
	if e-c < 2 || c == s || x.toks[c-1].kind != tWord || x.inSet(c-1, cNpInner|cDeterminer) {
		return false
	}
	return x.personLike(x.text[x.toks[c].s:x.toks[e-1].e])
}

// possessiveTitle: tokens s..e hold a possessive ("The Podesta Group's
// CEO"): whose role, not a name.
func (x *run) possessiveTitle(s, e int) bool {
	for k := s; k < e; k++ {
		if x.possessive(k) {
			return true
		}
	}
	return false
}

// appositiveSubject reads "A, B, said" back from the comma at j: one of A
// and B names the speaker, the other describes them ("Haley, the UN envoy,";
// "her senior policy adviser, Jake Sullivan,"). The name is the part whose
// words are all capitalised.
func (x *run) appositiveSubject(j, lo int) (s, e int, appositive string, ok bool) {
	if ns, ne, ok := x.nameWithDetails(j, lo); ok {
		sp := x.span(ne+1, j)
		return ns, ne, x.text[sp.Start:sp.End], true
	}
	k := j - 1
	for k > lo && k > j-16 && !x.punct(k, ",") {
		if x.toks[k].kind == tOpen || x.toks[k].kind == tClose {
			return 0, 0, "", false
		}
		k--
	}
	if !x.punct(k, ",") || k == j-1 {
		return 0, 0, "", false
	}
	// B is (k, j); A ends at k
	as, ae, _, aok := x.subjectBefore(k+0, lo) // subjectBefore reads back from k as if k were the verb
	// ("Sen. Johnny Isakson (R-Ga.), one of the co-authors, said": the
	// name ends before its party and state in brackets)
	if !aok || ae != k && !(x.punct(ae, "(") && x.punct(k-1, ")")) {
		return 0, 0, "", false
	}
	bs, be := k+1, j
	// "The Podesta Group's CEO, Kimberley Fritts, said": both parts are
	// capitalised; the one that is a person's name (not a possessive
	// title) is the speaker
	// ("One superdelegate, Alabama party chairwoman Nancy Worley, pledged":
	// a description, then a full name with its title: the name)
	bName := fullName(x.text[x.toks[bs].s:x.toks[be-1].e])
	if (x.allCaps(bs, be) || bName && x.toks[bs].cap && !x.inSet(bs, cDeterminer)) && (!x.allCaps(as, ae) || x.possessiveTitle(as, ae) && !x.possessiveTitle(bs, be) && bName) {
		sp := x.span(as, ae)
		return bs, be, x.text[sp.Start:sp.End], true
	}
	sp := x.span(bs, be)
	return as, ae, x.text[sp.Start:sp.End], true
}

// nameWithDetails: "Cory James, 22, of Flint, Mich., said": a person's full
// name set off with an age and a home town (and its state) before the verb
// at j+1 (j is the comma before it). The name is the speaker, not the town.
func (x *run) nameWithDetails(j, lo int) (s, e int, ok bool) {
	end := j // the segment before end, back to the comma before it
	details := 0
	for seg := 0; seg < 4; seg++ {
		c := end - 1
		for c > lo && !x.punct(c, ",") {
			if x.toks[c].kind == tOpen || x.toks[c].kind == tClose || end-c > 6 {
				return 0, 0, false
			}
			c--
		}
		start := c + 1
		if !x.punct(c, ",") {
			start = lo
		}
		if start >= end {
			return 0, 0, false
		}
		if x.lifeDetail(start, end) {
			details++
			if !x.punct(c, ",") {
				return 0, 0, false
			}
			end = c
			continue
		}
		// the name: capitalised words opening the clause ("And Edu, 26,
		// added": not the connective)
		for start < end && x.toks[start].kind == tWord && x.inSet(start, cClauseOpener|cConnective) {
			start++
		}
		if details == 0 || end-start < 2 || start != lo && !x.punct(start-1, ",") && !x.inSet(start-1, cClauseOpener) {
			return 0, 0, false
		}
		for k := start; k < end; k++ {
			if t := x.toks[k]; t.kind != tWord || !t.cap {
				return 0, 0, false
			}
		}
		if !fullName(x.text[x.toks[start].s:x.toks[end-1].e]) || !x.personLike(x.text[x.toks[start].s:x.toks[end-1].e]) {
			return 0, 0, false
		}
		return start, end, true
	}
	return 0, 0, false
}

// lifeDetail: the segment [s, e) is an age ("22") or a home town ("of Flint",
// "from Des Moines") or a state after it ("Mich.", "Iowa").
func (x *run) lifeDetail(s, e int) bool {
	switch {
	case e-s == 1 && x.number(s):
		return true
	case (x.is(s, "of") || x.is(s, "from")) && e-s >= 2 && x.toks[s+1].cap:
		for k := s + 1; k < e; k++ {
			if t := x.toks[k]; t.kind == tWord && !t.cap {
				return false
			}
		}
		return true
	case e-s <= 2 && x.toks[s].kind == tWord && x.toks[s].cap && (e-s == 1 || x.punct(s+1, ".")):
		return x.placeOrDay(s, s+1) || e-s == 2 && isAbbrev(x.text[x.toks[s].s:x.toks[s].e])
	}
	return false
}

// siteNouns are where a body posts its statements.
var siteNouns = set("website", "site", "page", "account", "channel", "feed")

// releasedByIn: the phrase [s, e) gives a text and whose it is, "… released
// by the White House".
func (x *run) releasedByIn(s, e int) bool {
	for k := s + 1; k+1 < e; k++ {
		if x.is(k, "by") && x.lowerIn(k-1, releasedBy) {
			return true
		}
	}
	return false
}

// releasedBy: participles that give whose text a readout, statement or
// transcript is ("released by the White House").
var releasedBy = set("released", "issued", "published", "posted", "distributed", "circulated", "provided", "filed", "signed", "written", "sent", "submitted")

// quotedAs: the participle at v ("saying", "telling") follows "as" in a
// wire report's "N quoted (cited) S as saying …" or "S was quoted (by N) as saying
// …": S spoke, N passes the words on, as "according to" does. It returns
// S's words [s, e), where "quoted" is, and where the attribution opens (N,
// or S in the passive), reading back no further than lo. An object pronoun
// ("quoted him as saying") is left alone: only a subject pronoun resolves.
func (x *run) quotedAs(v, lo int) (s, e, qv, open int, ok bool) {
	if v-2 < lo || !x.is(v-1, "as") {
		return 0, 0, 0, 0, false
	}
	for k := v - 2; k >= lo && k >= v-16; k-- {
		t := x.toks[k]
		if t.kind == tOpen || t.kind == tClose || t.q >= 0 {
			break
		}
		if t.cap || !x.is(k, "quoted") && !x.is(k, "cited") {
			continue
		}
		if k+1 == v-1 || x.is(k+1, "by") {
			// "Ryabkin was quoted by Interfax as saying": the subject of
			// the passive
			if k-1 < lo || !x.lowerIn(k-1, beForms) {
				break
			}
			if s, e, _, ok := x.subjectBefore(k, lo); ok && s < k {
				return s, e, k, s, true
			}
			break
		}
		// "TASS quoted Kremlin spokesman Dmitry Volkov as saying", "… quoted
		// Wassim Bouhlel, a Nice native, as saying": the object
		s, e, ok := x.npForward(k+1, v-1)
		if ok && e < v-1 && !x.punct(e, ",") {
			// "quoted a source in the ministry as saying": a described
			// source with its place, read back from "as"
			var ap string
			s, e, ap, ok = x.subjectBefore(v-1, k+1)
			ok = ok && s == k+1 && ap == ""
		}
		if !ok || !(e == v-1 || x.punct(e, ",") && x.punct(v-2, ",")) || x.inSet(s, cSubjectPronoun) {
			break
		}
		open := k
		if ns, _, _, ok := x.subjectBefore(k, lo); ok {
			open = ns
		}
		return s, e, k, open, true
	}
	return 0, 0, 0, 0, false
}

// quotedAsFrom: where the cue words of quotedAs start, "quoted" at qv
// unless the object stands between it and "as" (then "as saying").
func (x *run) quotedAsFrom(qv, v int) int {
	if x.is(qv+1, "as") || x.is(qv+1, "by") {
		return qv
	}
	return v - 1
}

// descriptionStart: for a subject at s that is a name set off after its
// description ("the commissioner, Oksana Hnatiuk, said", as
// appositiveSubject reads it), the token opening that description, not
// before lo; else s.
func (x *run) descriptionStart(s int, appositive string, lo int) int {
	if appositive == "" || s-2 < lo || !x.punct(s-1, ",") {
		return s
	}
	end := x.toks[s-2].e
	start := end - len(appositive)
	if start < 0 || x.text[start:end] != appositive {
		return s
	}
	for k := s - 2; k >= lo && x.toks[k].s >= start; k-- {
		if x.toks[k].s == start {
			return k
		}
	}
	return s
}

// allCaps: every word in [i, j) is capitalised or a name particle.
func (x *run) allCaps(i, j int) bool {
	for k := i; k < j; k++ {
		t := x.toks[k]
		if t.kind == tWord && !t.cap && !x.inSet(k, cNpInner) {
			return false
		}
	}
	return j > i
}

// adverb: a lower-case -ly word between a subject and its verb ("has also
// broadly called for").
func (x *run) adverb(i int) bool {
	t := x.toks[i]
	if t.e-t.s <= 4 || !strings.HasSuffix(x.text[t.s:t.e], "ly") {
		return false
	}
	// not a noun in -ly: "his family has said", "the assembly voted", "the
	// elderly say"
	return !(i > 0 && x.inSet(i-1, cNounMarker|cDeterminer)) && !x.lowerIn(i, lyNouns)
}

// lyNouns end in -ly but name things or people, not manner.
var lyNouns = set("family", "assembly", "rally", "supply", "monopoly", "anomaly", "homily", "ally")

// functionWord: a conjunction, preposition or demonstrative, which cannot
// name a speaker however it is capitalised.
func (x *run) functionWord(i int) bool {
	return x.inSet(i, cClauseOpener|cPlacePrep) || loneNonSubjects[x.lower(i)]
}

// loneNonSubjects are articles, prepositions and demonstratives that, alone
// before a verb, name no speaker: "By contrast …", "That said, …", "That
// suggests …", a "the" whose noun a quotation mark cut off.
// Quantifiers are not among them: "Both said …" are two people.
var loneNonSubjects = set("a", "an", "the", "by", "with", "for", "about", "after", "before", "during", "despite", "following", "against",
	"under", "over", "without", "like", "unlike", "through", "that", "this",
	// nor do question words, "there", "no" and "having": "Why not just
	// say: “…”", "Whenever asked about …", "There are also questions
	// over …", "No charges were brought", "Having said that, …"
	"why", "what", "how", "whenever", "wherever", "whatever", "there", "here", "no", "having")

// isYear: four digits from 1800 to 2099.
func isYear(w string) bool {
	if len(w) != 4 || !(w[:2] == "18" || w[:2] == "19" || w[:2] == "20") {
		return false
	}
	return isDigit(w[2]) && isDigit(w[3])
}

func isDigit(b byte) bool { return b >= '0' && b <= '9' }

func isDay(w string) bool {
	switch w {
	case "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday":
		return true
	}
	return false
}

// npForward reads a noun phrase naming a speaker from token i: a pronoun,
// a name with its title ("Sen. Ted Cruz"), or a described source ("a senior
// administration official", "the White House").
func (x *run) npForward(i, hi int) (s, e int, ok bool) {
	if i >= hi || x.toks[i].kind != tWord || x.toks[i].q >= 0 {
		return 0, 0, false
	}
	if x.inSet(i, cSubjectPronoun) {
		return i, i + 1, true
	}
	if !x.toks[i].cap && x.inSet(i, cNpStop) {
		return 0, 0, false
	}
	k := i
	sawCap := false
	if n, ok := x.countOpens(i, hi); ok {
		// "Nearly 200 students marched": the capital opens the sentence;
		// the count and its lower-case noun are the phrase, up to the verb
		k += n + 1
		for k < hi && k-i < 8 && x.toks[k].kind == tWord && x.toks[k].q < 0 && !x.inSet(k, cNpStop) &&
			!x.pastTense(k) && !x.inSet(k, cIrregularPast) && x.cueAtKind(k) == 0 {
			k++
		}
		return i, k, k > i+n+1
	}
	for k < hi && k-i < 10 {
		t := x.toks[k]
		if t.kind == tWord {
			if t.q >= 0 {
				break
			}
			if t.cap {
				sawCap = true
				k++
				continue
			}
			if x.inSet(k, cNpStop) {
				// ("said a source familiar with the matter")
				if (x.inSet(k, cNpInner) || x.is(k, "with") && x.is(k-1, "familiar")) && k > i && k+1 < hi && x.toks[k+1].kind == tWord {
					k++
					continue
				}
				break
			}
			if sawCap && x.toks[k-1].cap && x.number(k) {
				// "Article 33 affirms:", "Isaiah 45:1 reads:": a number
				// after a capitalised word is part of what it names (and
				// a verse after a colon right after it)
				k++
				if k+1 < hi && x.punct(k, ":") && x.toks[k].s == x.toks[k-1].e && x.number(k+1) && x.toks[k+1].s == x.toks[k].e {
					k += 2
				}
				continue
			}
			if sawCap && x.inSet(k, cNpInner) && k+1 < hi && x.toks[k+1].kind == tWord && x.toks[k+1].cap && !(x.is(k, "the") && !x.inSet(k-1, cNpInner)) {
				// ("San Jose, California the GOP candidate": "the" right
				// after a name opens another phrase)
				k++ // "Federico de Jesús", "Bashar al-Assad"
				continue
			}
			if sawCap && !x.inSet(k-1, cNpInner) && !x.titleContinues(k, hi) {
				break // a lower-case word after a name: the verb
			}
			if _, j := x.cueAt(k); j > k {
				break
			}
			if !sawCap && k >= i+2 && x.pastVerbWithObject(k, hi) {
				break // "his campaign sent out a text message": the verb ends the subject
			}
			k++
			continue
		}
		if t.kind == tOpen && k > i && x.toks[k-1].kind == tWord && !x.toks[k-1].cap && x.inSet(k-1, cNpInner) {
			// "the authors of the “Growth and Opportunity Project”", "the
			// host of “Meet the Press”": a quoted title ends the phrase
			// (its closing mark found among the tokens, which the
			// pronoun pass keeps when it puts a paragraph off)
			ct := k + 1
			for ct < hi && ct <= k+8 && !(x.toks[ct].kind == tClose && x.toks[ct].q == t.q) {
				ct++
			}
			if ct < hi && ct <= k+8 && ct > k+1 && x.titleCase(k+1, ct) {
				k = ct + 1
				break
			}
		}
		if t.kind == tOpen && sawCap && k+3 < hi && x.toks[k+1].cap && x.toks[k+2].kind == tClose && x.toks[k+3].kind == tWord && x.toks[k+3].cap && x.toks[k+3].q < 0 {
			k += 3 // a nickname inside the name: Juan "Chico" Manriquez
			continue
		}
		if t.kind == tPunct && k > i && x.toks[k-1].kind == tWord && x.toks[k-1].e == t.s {
			p := x.text[t.s:t.e]
			if p == "." && isAbbrev(x.text[x.toks[k-1].s:x.toks[k-1].e]) && k+1 < hi && x.toks[k+1].cap || p == "’" || p == "'" || p == "-" || p == "%" && x.number(k-1) {
				k++
				continue
			}
			// "said 9/11 widow Terry Strada": a slash inside a number
			// (not "Getty/Instagram", a photo credit)
			if p == "/" && k+1 < hi && x.toks[k+1].kind == tWord && x.toks[k+1].s == t.e && isDigit(x.text[t.s-1]) && isDigit(x.text[t.e]) {
				k++
				continue
			}
		}
		break
	}
	e = k
	for e > i && x.toks[e-1].kind == tWord && !x.toks[e-1].cap && x.inSet(e-1, cNpInner) {
		e--
	}
	for e > i && x.toks[e-1].kind == tPunct {
		e--
	}
	if e <= i {
		return 0, 0, false
	}
	return i, e, true
}

// titleContinues: lower-case words after a capitalised one still belong to
// the speaker's phrase when a name follows them ("Virginia delegate Beau
// Correll", "GOP strategist Keith Nahigian") or they end it with a noun for
// a person ("a senior Cruz adviser").
func (x *run) titleContinues(k, hi int) bool {
	if x.is(k, "magazine") || x.is(k, "newspaper") {
		return true // "wrote Time magazine": the kind of title after its name
	}
	for m := k; m < hi && m < k+4; m++ {
		t := x.toks[m]
		if t.kind != tWord || t.q >= 0 {
			break
		}
		if t.cap {
			// "ranking Democrat Elijah Cummings": a capitalised title word
			// and a full name after it
			// ("Conservative icon Phyllis Schlafly": a known given name
			// and a surname after the lower-case words)
			return m > k && (x.inSet(m-1, cPersonNoun) || m+2 < hi && x.toks[m+1].cap && x.toks[m+2].cap && x.toks[m+1].kind == tWord && x.toks[m+2].kind == tWord && x.toks[m+1].q < 0 && x.toks[m+2].q < 0 ||
				x.inSet(m, cFemaleName|cMaleName) && m+1 < hi && x.toks[m+1].kind == tWord && x.toks[m+1].cap && x.toks[m+1].q < 0)
		}
		if w := x.text[t.s:t.e]; indexApostrophe(w) >= 0 || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") && w != "ranking" || x.inSet(m, cIrregularPast) ||
			m == k && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && x.toks[k-1].cap && !(k >= 2 && x.toks[k-2].kind == tWord && x.toks[k-2].cap) {
			// a verb, not a title word ("Andrew Hale took his daughter";
			// "Roloson supports Democrat Hillary Clinton": a lone name,
			// then a present tense)
			break
		}
		if x.inSet(m, cNpStop) {
			break
		}
		if kind, _ := x.cueAt(m); kind != 0 {
			break
		}
		// "the Republican vice-presidential nominee riffed": lower-case
		// words ending in a noun for a person, before the verb
		// ("the Sanders campaign": a body named for its person, but not
		// "Sanders's campaign", where Sanders stays the one named)
		if (x.inSet(m, cPersonNoun) || m == k && x.inSet(m, cBodyNoun) && !x.possessive(m-1)) && (m+1 >= hi || x.toks[m+1].kind != tWord || !x.toks[m+1].cap && (x.inSet(m+1, cNpStop) || x.cueAtKind(m+1) != 0 || x.pastTense(m+1) || x.inSet(m+1, cIrregularPast))) {
			return true
		}
	}
	return false
}

func (x *run) cueAtKind(i int) cueKind {
	k, _ := x.cueAt(i)
	return k
}

// sentenceSubject is the subject of the sentence's main clause, read from its
// start (after an opening phrase ending in a comma), before token lim.
func (x *run) sentenceSubject(ss, lim int) (s, e int, ok bool) {
	i := x.pastDateline(ss, lim)
	if x.invertedQuestion(i, lim) {
		i++ // "Was Szlachta satisfied with Rubio's answer?": the subject follows the auxiliary
	}
	if n := x.timeClause(i); n > i && x.commaBefore(n, lim) {
		// "The last time Sanders came to this city, in April, he was …":
		// a clause of time, like one opening with "when"
		for i < lim && !x.punct(i, ",") {
			i++
		}
		i = x.pastOpenerTail(i+1, lim)
	}
	if _, count := x.countOpens(i, lim); count {
		// "About 50 protesters gathered …": a hedged count is the subject
	} else if i < lim && x.toks[i].kind == tWord && (x.inSet(i, cNpStop) || x.inSet(i, cClauseOpener)) && !x.inSet(i, cSubjectPronoun) {
		if x.inSet(i, cClauseOpener) && i+1 < lim && !x.inSet(i+1, cNpStop) && !(x.inSet(i, cSubordinator) && x.commaBefore(i+1, lim)) {
			i++ // But Syria gave …
			i = x.pastPlaceOpener(i, lim)
		} else if x.inSet(i, cClauseOpener) && !x.inSet(i, cSubordinator) && i+2 < lim && x.inSet(i+1, cBetween) && !x.toks[i+1].cap &&
			(x.toks[i+2].cap || x.inSet(i+2, cDeterminer)) {
			i += 2 // And then Trump went …
		} else if x.inSet(i, cSubordinator) && i+3 < lim && x.inSet(i+1, cSubjectPronoun) && x.toks[i+2].kind == tWord && !x.toks[i+2].cap &&
			!x.inSet(i+2, cNpStop) && x.inSet(i+3, cSubjectPronoun) && !x.commaBefore(i+1, i+4) {
			// "When he returned he began by saying, “…”": a short clause
			// with no comma, then the main clause's own subject
			i += 3
		} else {
			// "When the interview turned to Allen, he …": the main
			// clause follows the subordinate one
			for i < lim && !x.punct(i, ",") {
				i++
			}
			i++
			i = x.pastOpenerTail(i, lim)
		}
	}
	if i+1 < lim && x.punct(i+1, ",") && x.toks[i].kind == tWord && x.openerWord(i) && !x.whoFollows(i+1) {
		i += 2 // "Chastened, Trump …", "However, the senator …"
	} else if i == ss && x.participleOpener(i, lim) {
		// "Asked Tuesday about Sullivan, Feinstein said …", "Filling in
		// for Sanders at the event, West landed …": the subject follows
		// the participle's phrase
		for i < lim && !x.punct(i, ",") {
			i++
		}
		i++
		i = x.pastOpenerTail(i, lim)
	}
	i = x.pastSubordinate(ss, i, lim)
	if i >= lim {
		return 0, 0, false
	}
	s, e, ok = x.npForward(i, lim)
	if ok && e-s == 1 && x.inSet(s, cQuantity) && e < lim && x.toks[e].kind == tWord && !x.toks[e].cap {
		// "Both parents stiffened …", "Several senators criticised …": the
		// quantity word opens the noun phrase
		if _, e2, ok2 := x.npForward(e, lim); ok2 {
			return s, e2, true
		}
	}
	if ok && e-s == 1 && s == ss && x.toks[s].cap && (x.pastTense(e) || x.inSet(e, cIrregularPast)) && x.punct(e+1, ",") && x.inSet(e+2, cSubjectPronoun) && !x.capitalisedElsewhere(s) {
		// "Eyebrows raised, he asked …", "Arms folded, she said": an
		// absolute phrase; the subject comes after it
		return x.npForward(e+2, lim)
	}
	if ok && e-s == 1 && s == ss && x.toks[s].cap && !x.inSet(s, cSubjectPronoun) && !x.loneOpenerIsName(s, e) {
		// a lone capitalised word opening the sentence that is no name
		// ("Hours later, Trump …"): the subject follows the opening
		// phrase, if there is one
		for k := s + 1; k < lim && k < s+8; k++ {
			if x.punct(k, ",") {
				return x.npForward(x.pastSubordinate(ss, k+1, lim), lim)
			}
		}
		return 0, 0, false
	}
	return s, e, ok
}

// invertedQuestion: the sentence at i is a question of the writer's that
// opens with an auxiliary ("Was Szlachta satisfied …?", "Did the mayor
// agree?"), so its subject comes after that word.
func (x *run) invertedQuestion(i, lim int) bool {
	return i+1 < lim && x.punct(lim-1, "?") && x.toks[i].kind == tWord && x.toks[i].cap && x.toks[i].q < 0 && x.lowerIn(i, questionAux)
}

// pastPlaceOpener: "But back on American soil, he returned …": an adverb
// and a place phrase at token i open the clause, and the subject, a pronoun
// or a name, follows their comma; it returns where the subject starts, or i.
func (x *run) pastPlaceOpener(i, lim int) int {
	if i+1 >= lim || x.toks[i].kind != tWord || x.toks[i].cap || x.inSet(i, cDeterminer|cSubjectPronoun|cNpStop) || !x.inSet(i+1, cPlacePrep) || x.inSet(i, cPlacePrep) {
		return i
	}
	for k := i + 2; k < lim && k < i+9 && x.toks[k].q < 0 && x.toks[k].kind != tOpen; k++ {
		if x.punct(k, ",") {
			if k+1 < lim && (x.inSet(k+1, cSubjectPronoun) || x.toks[k+1].cap) {
				return k + 1
			}
			return i
		}
	}
	return i
}

// timeClause: "The last time", "the first time", "Every time", "Each
// time" at token i open a clause of time; it returns the token after
// "time", or i.
func (x *run) timeClause(i int) int {
	switch {
	case x.is(i, "the") && (x.is(i+1, "last") || x.is(i+1, "first") || x.is(i+1, "next")) && x.is(i+2, "time"):
		return i + 3
	case (x.is(i, "every") || x.is(i, "each")) && x.is(i+1, "time"):
		return i + 2
	}
	return i
}

// pastDateline: "WASHINGTON, Dec. 8 (UPI) — In response to …", "OSLO
// (Reuters) - The talks …", "VIENNA, Nov. 20 (Reuters) - …": a dateline, a place in capitals and what
// follows it up to a dash, opens the sentence; the sentence proper starts
// after the dash.
func (x *run) pastDateline(ss, lim int) int {
	t := x.toks[ss]
	// "OSLO (Reuters) - …": the agency in brackets right after the place
	if t.kind != tWord || t.e-t.s < 3 || !x.punct(ss+1, ",") && !x.punct(ss+1, "(") {
		return ss
	}
	for b := t.s; b < t.e; b++ {
		if c := x.text[b]; 'a' <= c && c <= 'z' {
			return ss
		}
	}
	for k := ss + 2; k < lim && k < ss+14; k++ {
		if x.toks[k].kind == tOpen || x.toks[k].q >= 0 {
			break
		}
		// ("VIENNA, Nov. 20 (Reuters) - …": the agency after the date)
		if x.punct(k, "—") || x.punct(k, "–") || x.punct(k, "―") || x.punct(k, "--") || x.punct(k, "-") && x.punct(k-1, ")") {
			if k+1 < lim && x.toks[k+1].kind == tWord {
				return k + 1
			}
			break
		}
	}
	return ss
}

// pastSubordinate: "Later, when reporters asked Vold …, he smiled": a
// subordinate clause after an opening phrase (i past the phrase's comma)
// comes before the main clause and its subject too.
func (x *run) pastSubordinate(ss, i, lim int) int {
	if i <= ss || i >= lim || x.toks[i].cap || !x.inSet(i, cSubordinator) {
		return i
	}
	k := i + 1
	for k < lim && !(x.punct(k, ",") && x.toks[k].q < 0) {
		k++
	}
	if k+1 >= lim {
		return i
	}
	return x.pastOpenerTail(k+1, lim)
}

// pastOpenerTail moves i, the token after an opening phrase's comma, past
// what still belongs to the phrase: more of it after a comma inside ("In a
// wide-ranging, in-prison interview with …, Lazar said": lower-case words
// that are no subject), or a description of its last noun ("Like Makaeff,
// the former customer, Roffman doesn't …") when a name follows.
func (x *run) pastOpenerTail(i, lim int) int {
	if i >= lim || x.toks[i].kind != tWord || x.toks[i].q >= 0 {
		return i
	}
	next := -1
	for k := i + 1; k < lim && k < i+16; k++ {
		if x.toks[k].q >= 0 || x.toks[k].kind == tOpen {
			break
		}
		if x.punct(k, ",") {
			next = k
			break
		}
	}
	if next < 0 || next+1 >= lim || x.toks[next+1].kind != tWord {
		return i
	}
	// "in Salem, New Hampshire, Trump went", "in Tromsø, Norway Monday,
	// the veteran retorted": a place or a day after a place
	if ns, ne, ok := x.npForward(i, next); ok && ne == next && x.placeOrDay(ns, ne) {
		if next+1 < lim && x.toks[next+1].kind == tWord && !x.toks[next+1].cap && !x.inSet(next+1, cDeterminer|cSubjectPronoun) {
			return x.pastOpenerTail(next+1, lim) // "…, Maine, on Thursday afternoon, Trump …"
		}
		return next + 1
	}
	if !x.toks[next+1].cap {
		return i
	}
	if !x.toks[i].cap && !x.inSet(i, cDeterminer|cSubjectPronoun) {
		return next + 1
	}
	if x.inSet(i, cDeterminer) {
		// the name after the description must not be set off itself
		if _, ne, ok := x.npForward(next+1, lim); ok && !x.punct(ne, ",") && ne < lim && x.toks[ne].kind == tWord && !x.toks[ne].cap {
			return next + 1
		}
	}
	return i
}

// commaBefore: a comma (outside quotes) between tokens i and lim.
func (x *run) commaBefore(i, lim int) bool {
	for ; i < lim; i++ {
		if x.punct(i, ",") && x.toks[i].q < 0 {
			return true
		}
	}
	return false
}

// lowerIn: the word at token i, lower-cased, is in m (without allocating).
func (x *run) lowerIn(i int, m map[string]bool) bool {
	if i < 0 || i >= len(x.toks) {
		return false
	}
	t := x.toks[i]
	if t.kind != tWord || t.e-t.s > len(x.buf) {
		return false
	}
	n := 0
	for k := t.s; k < t.e; k++ {
		c := x.text[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		x.buf[n] = c
		n++
	}
	return m[string(x.buf[:n])]
}

// lower is token i lower-cased. It repeats lowerIn's loop on purpose: kept
// small enough to inline, its string stays on the caller's stack (sharing a
// helper cost 15% more allocations per BBC pass).
func (x *run) lower(i int) string {
	t := x.toks[i]
	if t.e-t.s > len(x.buf) {
		return ""
	}
	n := 0
	for k := t.s; k < t.e; k++ {
		c := x.text[k]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		x.buf[n] = c
		n++
	}
	return string(x.buf[:n])
}

// subordinators open a clause that comes before the main one.
var subordinators = set("when", "while", "as", "because", "although", "though", "after", "before", "since", "if", "whereas", "where")

// loneOpenerIsName: the one capitalised word s..e opening a sentence is a
// name, not an opening word ("Moreover", "Hours later"): a verb or ", who"
// follows it, or the article capitalises it elsewhere.
func (x *run) loneOpenerIsName(s, e int) bool {
	return x.verbFollows(e) || x.whoFollows(e) || x.capitalisedElsewhere(s)
}

// whoFollows: ", who" or ", whose" at token i: the word before names a
// person ("Jolly, who was elected in 2014, doesn't …"), however plain a word
// it is elsewhere.
func (x *run) whoFollows(i int) bool {
	return x.punct(i, ",") && (x.is(i+1, "who") || x.is(i+1, "whose"))
}

// verbFollows: token i is a verb for the word before it as subject ("Carson
// defied the question", "Paxton said"): then that word is a name even if the
// article capitalises it nowhere else nearby.
func (x *run) verbFollows(i int) bool {
	if i >= len(x.toks) || i < 1 || x.toks[i].kind != tWord || x.toks[i].cap || indexApostrophe(x.text[x.toks[i-1].s:x.toks[i-1].e]) >= 0 {
		return false // ("It’s implied": a contraction, not a name)
	}
	// "Obama also addressed …": adverbs between the name and its verb
	for n := 0; n < 2 && !x.inSet(i-1-n, cDeterminer|cNpStop) && i+1 < len(x.toks) && x.toks[i+1].kind == tWord && !x.toks[i+1].cap && x.inSet(i, cBetween) && x.adverbLike(i); n++ {
		i++
	}
	if x.pastTense(i) || x.cueAtKind(i) == cueVerb {
		return true
	}
	switch w := x.lower(i); w {
	case "has", "had", "is", "was", "will", "would", "did", "does", "says", "told":
		return true
	default:
		if irregularPast[w] || negations[w] && w != "not" && w != "never" {
			return true
		}
	}
	return false
}

// participleOpener: the sentence opens with a participle phrase ending in a
// comma ("Speaking on Fox News, …", "Asked Tuesday about …, …"), not with a
// name that happens to end in -ing or -ed ("Manning said").
func (x *run) participleOpener(i, lim int) bool {
	t := x.toks[i]
	if t.kind != tWord || !t.cap || t.e-t.s < 5 || i+1 >= lim || !x.commaBefore(i+1, lim) {
		return false
	}
	w := x.text[t.s:t.e]
	if !strings.HasSuffix(w, "ing") && !strings.HasSuffix(w, "ed") || x.inSet(i, cFemaleName|cMaleName) {
		return false
	}
	n := x.toks[i+1]
	if n.kind != tWord {
		return false
	}
	if x.cueAtKind(i+1) != 0 {
		return false // "Manning said"
	}
	return !n.cap || isDay(x.text[n.s:n.e]) || x.inSet(i+1, cNpStop|cDeterminer)
}

// openerWord: a single word opening a sentence before a comma that is an
// adverb or participle, not a name ("Chastened,", "Still,", "Speaking,").
func (x *run) openerWord(i int) bool {
	w := x.text[x.toks[i].s:x.toks[i].e]
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ly") || strings.HasSuffix(w, "ing") ||
		!x.toks[i].cap || x.inSet(i, cConnective) || !x.capitalisedElsewhere(i)
}

// ordinals are connectives that also open titles ("First Minister").
var ordinals = set("first", "second", "third")

// connectives open a sentence before a comma and are never its subject,
// however often an article capitalises them ("However, analysts said",
// "Meanwhile, Ford said" after a sentence whose full stop is missing).
var connectives = set("however", "meanwhile", "moreover", "furthermore", "nevertheless", "nonetheless", "instead",
	"indeed", "still", "besides", "otherwise", "likewise", "overall", "meantime", "now", "then", "later", "earlier",
	"again", "also", "too", "yet", "so", "thus", "therefore", "hence", "today", "yesterday", "afterwards", "afterward",
	"elsewhere", "here", "there", "first", "second", "third", "finally", "lastly", "anyway", "regardless")

// labelAt reads a speaker label: up to four capitalised words ("PENCE",
// "Pat Caddell") starting at token i.
func (x *run) labelAt(i, hi int) (s, e int, ok bool) {
	k := i
	for k < hi && k-i < 4 && x.toks[k].kind == tWord && (x.toks[k].cap || x.inSet(k, cNpInner) && k > i) {
		k++
	}
	if k == i || k >= len(x.toks) || !x.punct(k, ":") || x.inSet(i, cNotSpeaker) || x.inSet(k-1, cNotSpeaker) {
		return 0, 0, false
	}
	// "Contributing: …", "Reporting: …" (a credit line): a lone participle
	// names no one
	if w := x.text[x.toks[i].s:x.toks[i].e]; k == i+1 && len(w) > 5 && strings.HasSuffix(w, "ing") {
		return 0, 0, false
	}
	// "Revealed: …", "Wow: …", "So: …": one word before the colon is a
	// speaker only if it is a name
	if k == i+1 && !x.labelWordIsName(i) {
		return 0, 0, false
	}
	return i, k, true
}

// labelWordIsName: the one word of a label at token i names someone: a given
// name, a word the article capitalises inside a sentence ("Trump: …" beside
// "Donald Trump said"; "Khans: …" beside "Khizr Khan"), in capitals the same
// in title case ("PENCE:" beside "Mike Pence"), a transcript's label that
// recurs ("TAPPER: …" again), people ("Historians: …") or a report.
func (x *run) labelWordIsName(i int) bool {
	t := x.toks[i]
	w := x.text[t.s:t.e]
	if x.inSet(i, cFemaleName|cMaleName) || x.capitalisedElsewhere(i) || len(w) > 4 && w[len(w)-1] == 's' && qualified(strings.ToLower(w)) || strings.EqualFold(w, "report") {
		return true
	}
	if len(w) > 3 && w[len(w)-1] == 's' && midSentence(x.text, w[:len(w)-1], t.s, t.e) {
		return true
	}
	if len(w) < 2 || strings.ToUpper(w) != w {
		return false
	}
	if midSentence(x.text, w[:1]+strings.ToLower(w[1:]), t.s, t.e) {
		return true
	}
	return strings.Count(x.text, w+":") > 1
}

// titleCase: the words of tokens i..j are a title's ("The Art of Being the
// Donald"): every word of four letters or more is capitalised, and there
// are two or more.
func (x *run) titleCase(i, j int) bool {
	long := 0
	for k := i; k < j; k++ {
		t := x.toks[k]
		if t.kind != tWord || t.e-t.s < 4 {
			continue
		}
		if !t.cap {
			return false
		}
		long++
	}
	return long >= 2
}

// label finds a paragraph that opens with "Name: text" (a transcript line, a
// headline naming its speaker) outside quotation marks.
func (x *run) label(pi int, p article.Span, out []Quote, first int) []Quote {
	if len(x.toks) == 0 || x.toks[0].kind != tWord {
		return out
	}
	_, se := x.sentOf(0)
	s, e, ok := x.labelAt(0, se)
	if !ok || e+1 >= len(x.toks) {
		return out
	}
	start := x.toks[e+1].s
	c := e
	e = x.headlineSpeakerEnd(s, e)
	if e == s {
		return out // "Big Win For Bernie: …": a headline's title, no speaker
	}
	if x.toks[c+1].kind == tOpen {
		for i := first; i < len(out); i++ {
			if out[i].Span.Start == x.toks[c+1].e && out[i].Speaker.Text == "" {
				out[i].Speaker = x.mention(s, e)
				out[i].Cue, out[i].Rule = ":", "label"
			}
		}
		return out
	}
	end := x.toks[len(x.toks)-1].e
	if len(x.toks)-(c+1) < 4 {
		return out
	}
	return append(out, Quote{Span: article.Span{Start: start, End: end}, Paragraph: pi, Kind: Indirect, Cue: ":",
		Speaker: x.mention(s, e), Rule: "label"})
}

// headlineSpeakerEnd: in a headline label "CNN President On Trump: ‘…’",
// "Clinton To Sanders: “…”" the speaker ends before a capitalised "On" or
// "To"; what follows is what or whom the words are about or for.
func (x *run) headlineSpeakerEnd(s, e int) int {
	for m := s + 1; m < e; m++ {
		if x.toks[m].cap && (x.is(m, "on") || x.is(m, "to")) {
			e = m
			break
		}
	}
	if e-s < 3 || !x.titleCaseWords(s, e) {
		return e
	}
	// "Trump Addresses Munich Attack: ‘…’", "Clinton Wades In: …": in
	// title case a verb looks like a name, so the speaker is the run of
	// words the article capitalises inside its sentences too (none in "Big
	// Win For Bernie:", "Subs Not Used:"), unless the label ends in a full
	// name ("McCain Challenger Kelli Ward:")
	if g := e - 2; g > s && (x.inSet(g, cFemaleName|cMaleName) || x.lowerIn(g, shortTitles) || x.possessive(g-1)) {
		// a given name, a title or a possessive before the last two
		// words: "… Kelli Ward", "Said Mr Fogg", "OK Gov Fallin",
		// "DNAinfo's Eddie Small"
		return e
	}
	m := s
	for m < e && (x.namedOutside(m, s, e) || x.inSet(m, cFemaleName|cMaleName) || m > s && x.inSet(m, cNpInner) || x.acronym(m)) {
		m++
	}
	for m > s && x.inSet(m-1, cNpInner) {
		m--
	}
	return m
}

// namedOutside: the word at token i is a known surname or is capitalised
// inside a sentence somewhere outside tokens s..e (its own headline).
func (x *run) namedOutside(i, s, e int) bool {
	t := x.toks[i]
	w := x.text[t.s:t.e]
	if _, ok := x.surnames[w]; ok {
		return true
	}
	return midSentenceOutside(x.text, w, t.s, t.e, x.toks[s].s, x.toks[e-1].e)
}

// shortTitles come before a surname in a headline: "Said Mr Fogg:", "OK Gov
// Fallin:".
var shortTitles = set("mr", "mrs", "ms", "dr", "gov", "sen", "rep", "gen", "prof", "rev", "president", "senator",
	"governor", "minister", "secretary", "mayor", "judge", "pope")

// acronym: token i is a short word in capitals ("NY", "GOP"), a name.
func (x *run) acronym(i int) bool {
	t := x.toks[i]
	w := x.text[t.s:t.e]
	return len(w) >= 2 && len(w) <= 5 && strings.ToUpper(w) == w && strings.ToLower(w) != w
}

// titleCaseWords: tokens s..e are all words, capitalised, not all in
// capitals (a transcript's "PAT CADDELL:" is left alone).
func (x *run) titleCaseWords(s, e int) bool {
	lower := false
	for k := s; k < e; k++ {
		t := x.toks[k]
		if t.kind != tWord || !t.cap {
			return false
		}
		if w := x.text[t.s:t.e]; strings.ToUpper(w) != w {
			lower = true
		}
	}
	return lower
}

// colonIntro reports a paragraph ending in "X said:" or "X:" that introduces
// the quote in the next paragraph.
func (x *run) colonIntro() (Mention, string, bool) {
	n := len(x.toks)
	if n < 2 || !x.punct(n-1, ":") {
		return Mention{}, "", false
	}
	ss, _ := x.sentOf(n - 1)
	for v := n - 2; v >= ss; v-- {
		k, j := x.cueAt(v)
		if k == 0 {
			continue
		}
		switch k {
		case cueVerb, cueNaming:
			if s, e, _, ok := x.subjectBefore(v, ss); ok {
				return x.mention(s, e), x.cueText(v, j), true
			}
		case cuePart, cueNamingPart:
			if s, e, ok := x.sentenceSubject(ss, v); ok {
				return x.mention(s, e), x.cueText(v, j), true
			}
		case cuePhrase:
			if s, e, ok := x.npForward(j, n-1); ok {
				return x.mention(s, e), x.cueText(v, j), true
			}
		}
	}
	if s, e, ok := x.fromBeforeColon(ss, n-1); ok {
		return x.mention(s, e), ":", true
	}
	if s, e, ok := x.floorHandedTo(ss, n-1); ok {
		return x.mention(s, e), ":", true
	}
	// "Trump's full statement:": the text's author
	if s, e, ok := x.possessorOfText(ss, n-1); ok {
		return x.mention(s, e), ":", true
	}
	// "President Clinton released the following statement:": whoever
	// issues a statement, letter or message speaks in it
	if x.statementNoun(ss, n-1) {
		if s, e, ok := x.sentenceSubject(ss, n-1); ok && !x.inSet(s, cSubjectPronoun) {
			return x.mention(s, e), ":", true
		}
	}
	// "Caddell continued:" with a verb not in the lexicon, or "Name:"
	// (also "Then Sanders:", "And Trump:": an opening word is no name)
	ls := ss
	if ls+2 < n && (x.inSet(ls, cClauseOpener) || x.lowerIn(ls, leadInWords)) && x.toks[ls].kind == tWord {
		ls++
		if x.punct(ls, ",") {
			ls++
		}
	}
	if s, e, ok := x.labelAt(ls, n); ok && e == n-1 {
		return x.mention(s, e), ":", true
	}
	// (the verb is a lower-case word: in "Then Sanders:" the name is no verb)
	if n-1-ss <= 4 && n-2 > ss && x.toks[ss].cap && !x.toks[n-2].cap {
		if s, e, _, ok := x.subjectBefore(n-2, ss); ok && s == ss && !x.inSet(s, cClauseOpener|cNotSpeaker) {
			return x.mention(s, e), x.cueText(n-2, n), true
		}
	}
	// "Trump went further in the interview:", "Cruz, for his part, had
	// this to say:": a sentence about a person that ends in a colon
	// introduces that person's words, as it does inside a paragraph
	if s, e, ok := x.sentenceSubject(ss, n-1); ok && x.toks[s].q < 0 {
		m := x.mention(s, e)
		if lw := strings.ToLower(m.Text); lw == "he" || lw == "she" || !isPronoun(m.Text) && x.personLike(m.Text) {
			return m, ":", true
		}
	}
	return Mention{}, "", false
}

// demonstrativeBefore: token d is a lower-case "this", "that", "these" or
// "those" standing before a phrase ending at e in a lower-case noun ("this
// source", "that Trump look-alike"), so it is the phrase's determiner.
func (x *run) demonstrativeBefore(d, e int) bool {
	if x.toks[d].cap || !(x.is(d, "this") || x.is(d, "that") || x.is(d, "these") || x.is(d, "those")) {
		return false
	}
	h := x.toks[e-1]
	return h.kind == tWord && !h.cap && h.q < 0 && !x.inSet(e-1, cNpStop)
}

// pastVerbWithObject: the lower-case word at k, after a lower-case noun, is
// a past verb with its object or particle after it ("campaign sent out a
// text", "group released a statement"), not a participle describing the
// noun before a name ("a man named Eric").
func (x *run) pastVerbWithObject(k, hi int) bool {
	p := x.toks[k-1]
	if p.kind != tWord || p.cap || x.inSet(k-1, cDeterminer|cNpInner|cNounMarker) || k+1 >= hi {
		return false
	}
	if !(x.pastTense(k) || x.inSet(k, cIrregularPast)) {
		return false
	}
	n := x.toks[k+1]
	return n.kind == tWord && !n.cap && (x.inSet(k+1, cDeterminer) || x.is(k+1, "out") || x.is(k+1, "up") || x.is(k+1, "off"))
}

// thingBefore reads back from token j (a "that" or "which" opening a
// relative clause) the noun phrase it hangs on, with its determiner: "a
// message", "water bottles" (not "passed out": a verb or its particle ends
// it), "NLD headquarters". It returns where the phrase starts.
func (x *run) thingBefore(j, lo int) (int, bool) {
	s := j
	for k := j - 1; k >= lo && k > j-6; k-- {
		t := x.toks[k]
		if t.kind != tWord || t.q >= 0 {
			break
		}
		if x.inSet(k, cDeterminer) && !t.cap {
			s = k
			break
		}
		if !t.cap && (x.inSet(k, cNpStop|cSubjectPronoun) || x.pastTense(k) || x.inSet(k, cIrregularPast) || x.lowerIn(k, particles) || x.cueAtKind(k) != 0 ||
			strings.HasSuffix(x.text[t.s:t.e], "ing")) {
			break
		}
		if t.cap && x.inSet(k, cSubjectPronoun) {
			break
		}
		s = k
	}
	if s == j {
		return 0, false
	}
	// a head in lower case: a thing or a described source, not a name
	// ("Trump that said" is no phrase)
	h := x.toks[j-1]
	return s, !h.cap
}

// particles complete a phrasal verb ("passed out", "held up").
var particles = set("out", "up", "off", "down", "away", "back")

// madeBy: the thing starting at token s is the object of a verb right
// before it (past a particle) whose subject can author it: a name, he or
// she, or a described person ("Trump released a video that said", "The
// Washington Post recently ran a piece that noted"). Not after a
// preposition ("under a headline that said") or "they" ("They passed out
// water bottles that said").
func (x *run) madeBy(s, lo int) bool {
	v := s - 1
	if x.lowerIn(v, particles) {
		v--
	}
	if v <= lo || x.toks[v].kind != tWord || x.toks[v].cap || x.inSet(v, cNpStop|cDeterminer) {
		return false
	}
	ss, se, _, ok := x.subjectBefore(v, lo)
	if !ok || x.toks[ss].q >= 0 {
		return false
	}
	if x.inSet(ss, cSubjectPronoun) {
		return x.is(ss, "he") || x.is(ss, "she")
	}
	return x.toks[se-1].cap || x.personLike(x.mention(ss, se).Text)
}

// lastSentenceBeforeAside is the number of the paragraph's sentences up to
// its last one that is not inside an aside in brackets closing the
// paragraph ("Richards also spoke about the case. (The law requires …
// The law also bans …)"): the aside explains, and the person the
// paragraph is about stays the one a following quote continues.
func (x *run) lastSentenceBeforeAside() int {
	n := len(x.sens)
	if n < 2 {
		return n
	}
	le := x.sens[n-1][1]
	if !x.punct(le-1, ")") && !(x.punct(le-2, ")") && x.toks[le-1].kind == tPunct) {
		return n
	}
	for k := n - 1; k >= 1 && k >= n-4; k-- {
		if x.punct(x.sens[k][0], "(") {
			return k
		}
	}
	return n
}

// narratedBefore: quote q opens a sentence of the paragraph, and the
// sentence before it holds no statement and is about a person: that
// person (see previousSubject).
func (x *run) narratedBefore(q *Quote, stmts []Quote) (Mention, bool) {
	for si := 1; si < len(x.sens); si++ {
		t := x.toks[x.sens[si][0]]
		if t.kind != tOpen || t.e > q.Span.Start || q.Span.Start > t.e+1 {
			continue
		}
		ps, pe := x.sens[si-1][0], x.sens[si-1][1]
		b, e := x.toks[ps].s, x.toks[pe-1].e
		for k := range stmts {
			if st := &stmts[k]; st.Span.Start < e && st.Span.End > b || st.Speaker.Span.End > b && st.Speaker.Span.Start < e {
				return Mention{}, false
			}
		}
		if x.quoteIn(ps, pe) {
			return Mention{}, false
		}
		return x.personSubject(ps, pe)
	}
	return Mention{}, false
}

// inWordsOf: the quote opening at token ot follows "in X's words" or "in
// the words of X" (and a comma): X, a name.
func (x *run) inWordsOf(ss, ot int) (s, e int, ok bool) {
	k := ot - 1
	if x.punct(k, ",") {
		k--
	}
	if k-2 < ss {
		return 0, 0, false
	}
	if x.toks[k].cap && x.toks[k].kind == tWord {
		// "in the words of Jon Lie"
		e = k + 1
		s = x.capRunStart(ss+1, k)
		if s-4 >= ss && x.is(s-4, "in") && x.is(s-3, "the") && x.is(s-2, "words") && x.is(s-1, "of") {
			return s, e, true
		}
		return 0, 0, false
	}
	if !x.is(k, "words") {
		return 0, 0, false
	}
	// "in Forbes’ words", "in Lund's words"
	p := k - 1
	e = k
	if x.punct(p, "’") || x.punct(p, "'") {
		p--
		e = p + 1 // the name without its apostrophe
		if p < ss || !x.toks[p].cap || x.text[x.toks[p].e-1] != 's' {
			return 0, 0, false
		}
	} else if !x.possessive(p) || !x.toks[p].cap {
		return 0, 0, false
	}
	s = x.capRunStart(ss+1, p)
	if !x.is(s-1, "in") {
		return 0, 0, false
	}
	return s, e, true
}

// pluralState: token v is a lower-case "state" after a plural noun, "they"
// or "we" ("the Saudis state", "the authors state").
func (x *run) pluralState(v int) bool {
	if !x.is(v, "state") || x.toks[v].cap || v < 1 || x.toks[v-1].kind != tWord || x.toks[v-1].q >= 0 {
		return false
	}
	if x.is(v-1, "they") || x.is(v-1, "we") {
		return true
	}
	w := x.text[x.toks[v-1].s:x.toks[v-1].e]
	return len(w) > 3 && w[len(w)-1] == 's' && w[len(w)-2] != 's' && !x.possessive(v-1) && !x.inSet(v-1, cNpStop)
}

// withSubject: "with" and a described source, a name or a count run up to
// the participle at v ("with the crowd chanting", "with a voice over
// saying", "with 30 percent of voters saying"): that phrase.
func (x *run) withSubject(ss, v int) (s, e int, ok bool) {
	for k := v - 1; k > ss && k >= v-6; k-- {
		if x.toks[k].kind != tWord || x.toks[k].q >= 0 {
			return 0, 0, false
		}
		if !x.is(k, "with") || x.toks[k].cap {
			continue
		}
		s = k + 1
		// ("with 30 percent of voters saying": a count too)
		if !(x.inSet(s, cDeterminer) || x.toks[s].cap || x.countWord(s, v)) || x.inSet(s, cSubjectPronoun) {
			return 0, 0, false
		}
		// the words between are the phrase's own: no verb among them
		for m := s + 1; m < v; m++ {
			if x.pastTense(m) || x.inSet(m, cIrregularPast) || x.cueAtKind(m) != 0 {
				return 0, 0, false
			}
		}
		return s, v, true
	}
	return 0, 0, false
}
