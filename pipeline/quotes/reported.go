package quotes

import (
	"strings"

	"github.com/stance-news/stance/internal/fold"
	"github.com/stance-news/stance/pipeline/article"
)

// questionOpeners start the question of "asked by X whether/about …".
var questionOpeners = set("whether", "if", "about", "why", "how", "what", "when", "where", "who", "which")

// askedOpener: "asked" at v opens sentence ss's opening phrase, alone or
// after a subordinator ("Asked by …, X said", "When asked by …").
func (x *run) askedOpener(ss, v int) bool {
	if v == ss || x.leadIn(ss, v) {
		return true
	}
	return v-1 >= ss && x.inSet(v-1, cSubordinator) && (v-1 == ss || x.leadIn(ss, v-1))
}

// reported finds reported speech in sentence si: "…, X said.", "…, said X.",
// "X said (that) …", "according to X, …", "…, according to X.", and
// "…, saying (that) …" hanging on the sentence's subject.
func (x *run) reported(pi, si int, out []Quote) []Quote {
	ss, se := x.sens[si][0], x.sens[si][1]
	end := se // content ends before the sentence's final punctuation
	for end > ss && x.toks[end-1].kind != tWord && x.toks[end-1].kind != tClose {
		end--
	}
	var subject subjectMemo // the sentence's subject, for verbs with none of their own
	for v := ss; v < se; v++ {
		// (most words start no cue: tested here, not by a call of cueAt
		// for every word, which saved and restored the loop's registers)
		if t := &x.toks[v]; t.q >= 0 || t.kind != tWord || t.cue == 0 {
			continue
		}
		k, j := x.cueAt(v)
		if k == 0 {
			continue
		}
		var q Quote
		found := false
		cueFrom := v // where the cue words start
		next := -1   // where to look for the next cue, when not the end of the sentence
		switch k {
		case cueVerb:
			if x.is(j, "by") && x.is(v-1, "as") && (v-1 == ss || x.leadIn(ss, v-1)) {
				// "As reported by the Bergen Post, the company will …": the
				// source follows "by", what it reported follows the comma
				if ns, ne, ok := x.npForward(j+1, se); ok && x.punct(ne, ",") && x.words(ne+1, end) >= 3 {
					q = x.statement(pi, ne+1, end, "as-verb-by-content")
					q.Speaker = x.mention(ns, ne)
					found = true
				}
				break
			}
			if x.is(v, "asked") && x.is(j, "by") && x.askedOpener(ss, v) {
				// "When asked by a reporter whether …, Trump said": the
				// question is the asker's; the answer is the main clause's
				if ns, ne, ok := x.npForward(j+1, se); ok {
					cs := ne
					for cs < end && cs < ne+6 && !questionOpeners[x.lower(cs)] && !x.punct(cs, ",") {
						cs++ // "by Ingraham on Thursday about …"
					}
					ce := cs
					for ce < end && !x.punct(ce, ",") {
						ce++
					}
					if cs < end && questionOpeners[x.lower(cs)] && x.words(cs, ce) >= 3 {
						q = x.statement(pi, cs, ce, "asked-by-question")
						q.Speaker = x.mention(ns, ne)
						found = true
					}
				}
				break
			}
			if x.is(j, "by") && x.lowerIn(v-1, beForms) {
				continue // "X was asked by Y …": a passive reports nothing X said
			}
			if x.modalBase(v, j) || x.actionNotReport(v, j) {
				continue // "passengers could claim 300 euros", "will announce the location": no report yet
			}
			if x.anonymityRequest(v, j) {
				continue
			}
			if r, rest, ok := x.invertedInterposed(pi, ss, v, j, se, end); ok {
				// "Most importantly, say analysts, the talks have failed",
				// "Ultimately, there will be, says Mr Lund, no room …": an
				// inverted attribution set off inside the sentence; the
				// report is on both sides of it (a short opener alone is
				// no report)
				q, found = r, true
				if rest.Span.End > rest.Span.Start {
					if r.Span.End > r.Span.Start {
						out = append(out, rest)
					} else {
						q = rest
					}
				}
				break
			}
			s, e, ap, subj := x.subjectBefore(v, ss)
			if subj && s > ss {
				if n, ok := x.countOpens(ss, v); ok && (ss+n == s || s-ss <= 8 && x.countedGroup(ss+n, s)) {
					// "About 9 percent said …", "About 3 in 10 said", "At
					// least half of voters in each state say": the hedged
					// count is the subject, with what it counts
					s = ss
				} else if ls := x.longSubjectStart(ss, s, v); ls < s {
					s = ls // "The deputy head of China's delegation to the forum said …"
				}
			}
			if subj && j == v+1 && x.inRelative(s, e, j) {
				// "The changes, which officials said will start in May,
				// …", "a letter that he said was drafted by the firm": the
				// report is the relative clause's predicate, up to its end
				ce := j
				for ce < end && !(x.toks[ce].q < 0 && x.toks[ce].kind == tPunct && (x.punct(ce, ",") || x.punct(ce, ";") || x.isDash(ce))) {
					ce++
				}
				if x.words(j, ce) >= 3 {
					q = x.statement(pi, j, ce, "relative-speaker-verb")
					q.Speaker, q.Appositive = x.mention(s, e), ap
					found = true
					next = ce
					break
				}
			}
			leads := subj && (s == ss || x.leadIn(ss, s) || x.clauseStart(s) || x.relativeLead(ss, s, v))
			if !leads {
				// "The senator thanked the crowd and said …", "Rice endorsed
				// Clinton, but told reporters that …": the verb shares the
				// sentence's subject; "Murphy — after a pause — told me …":
				// the subject before an aside between dashes
				if ns, ne, ok := x.conjoinedSubject(si, v, &subject); ok {
					s, e, ap, subj, leads = ns, ne, "", true, true
				} else if ns, ne, ok := x.whoSubject(ss, v); ok {
					// "… among the 30 percent of voters who said Wall
					// Street …", "critics who say he should …": the noun
					// the relative clause hangs on says it
					s, e, ap, subj, leads = ns, ne, "", true, true
				}
			}
			// "A spokesman, Jonas Brekke, wouldn't say when …": a negated
			// verb closes no report before it
			// ("…, Ukraine's commissioner, Oksana Hnatiuk, said": the
			// description the name is set off after is no part of the report)
			d := s
			if subj {
				d = x.descriptionStart(s, ap, ss)
				// "…, teachers and union officials told POLITICO.": two
				// plural nouns joined by "and" are the one subject
				if d-3 > ss && x.is(d-1, "and") && x.punct(d-3, ",") && x.toks[d-2].kind == tWord && !x.toks[d-2].cap && x.toks[d-2].q < 0 && lowerPlural(x.text[x.toks[d-2].s:x.toks[d-2].e]) && lowerPlural(x.text[x.toks[e-1].s:x.toks[e-1].e]) {
					s, d = d-2, d-2
				}
			}
			// ("…, two officials told Reuters.": the hearer, then the tail)
			if subj && d > ss && x.punct(d-1, ",") && x.adverbialTail(x.skipObject(v, j, se), se) && !x.negated(v) && !x.occasionOpener(ss, d-1) {
				// …, X said. (not the wire dateline opening the sentence)
				q = x.statement(pi, x.pastDateline(ss, d-1), d-1, "content-comma-speaker-verb")
				q.Speaker, q.Appositive = x.mention(s, e), ap
				found = true
				// "In any case, Lund said, the port will reopen": the report
				// goes on after the interposed attribution
				if b := x.interposedRest(j, end); b > 0 {
					r := x.statement(pi, b, end, "content-comma-speaker-verb")
					r.Speaker, r.Appositive, r.Cue = q.Speaker, ap, x.cueText(v, j)
					if r.Span.End > r.Span.Start {
						out = append(out, r) // before q: Extract sorts by start
					}
				}
			}
			// (not "…, told CNN": "told" takes its hearer after it, never an
			// inverted speaker)
			if !found && !leads && v > ss && x.punct(v-1, ",") && !x.is(v, "told") && !x.is(v, "tells") && !x.is(v, "tell") {
				// …, said X.
				if ns, ne, ok := x.npForward(j, se); ok && (x.adverbialTail(ne, se) || x.appositiveTail(ne, se)) {
					q = x.statement(pi, ss, v-1, "content-comma-verb-speaker")
					q.Speaker = x.mention(ns, ne)
					found = true
				}
			}
			if !found && leads && ss > 0 && x.toks[ss-1].kind == tClose && x.is(j, "to") && x.adverbialTail(j, se) {
				// "“We will win!” Smith shouted to the crowd.": after a quote
				// ending in "!" or "?" the attribution is a sentence of its
				// own, and what follows the verb is where and to whom
				continue
			}
			if !found && leads {
				// X said (that) …
				o := x.skipObject(v, j, end)
				cs := x.contentStart(o, end)
				ce := x.clauseEnd(cs, end)
				var ok bool
				if s, e, ok = x.pastPreposition(s, e); !ok || e-s == 1 && x.functionWord(s) {
					continue // "In eight of nine states … claims": no subject
				}
				ce = x.beforeOtherSpeaker(cs, ce)
				if cs < ce && x.words(cs, ce) >= 3 && !x.phraseBeforeColon(cs, ce, se) {
					q = x.statement(pi, cs, ce, "speaker-verb-content")
					q.Speaker, q.Appositive = x.mention(s, e), ap
					found = true
					next = ce
					// "Harrison said (that) she …": the pronoun is the
					// speaker's own; not one that opens a clause further on
					// ("said the protesters told Clinton that she …")
					if cs <= o || cs == o+1 && x.is(o, "that") {
						if x.is(cs, "she") {
							x.learnGender(q.Speaker.Text, 1)
						} else if x.is(cs, "he") {
							x.learnGender(q.Speaker.Text, -1)
						}
					}
				}
			}
		case cuePhrase:
			ns, ne, ok := x.npForward(j, se)
			if !ok {
				continue
			}
			// ("Women gave $70 million, according to Crowdpac, the most of
			// any candidate": after a clause, the source's comma opens a
			// description of it, and the report is the clause before)
			opens := v == ss || x.leadIn(ss, v) && !x.hasVerb(ss, v-1)
			if !x.punct(ne, ",") && opens {
				// "According to two officials familiar with the talks, …"
				for m := ne; m < se && m < ne+12 && x.toks[m].kind != tOpen; m++ {
					if x.punct(m, ",") {
						ne = m
						break
					}
				}
			}
			switch {
			case opens && x.punct(ne, ","):
				// According to X, …
				if ne+1 < end && x.words(ne+1, end) >= 3 {
					q = x.statement(pi, ne+1, end, "according-to-content")
					q.Speaker = x.mention(ns, ne)
					found = true
				}
			case v > ss && x.punct(v-1, ",") && (x.adverbialTail(ne, se) || x.sourceTail(ne, se) || !opens && x.punct(ne, ",")):
				// …, according to X. (and "…, according to Andy Smith,
				// director of …": what follows the source describes it)
				q = x.statement(pi, ss, v-1, "content-according-to")
				q.Speaker = x.mention(ns, x.sourceEnd(ne, se))
				found = true
			}
		case cuePart:
			if s, e, qv, _, ok := x.quotedAs(v, ss); ok {
				// "TASS quoted Volkov as saying (that) …", "Ryabkin was
				// quoted by Interfax as saying …": the one quoted speaks
				cs := x.contentStart(j, end)
				ce := x.clauseEnd(cs, end)
				// (not "“…,” Zhou was quoted as saying in the statement")
				if cs < ce && x.words(cs, ce) >= 3 && !x.adverbialTail(j, se) {
					q = x.statement(pi, cs, ce, "speaker-verb-content")
					q.Speaker = x.mention(s, e)
					cueFrom = x.quotedAsFrom(qv, v)
					found = true
					next = ce
				}
				break
			}
			if ws, we, ok := x.withSubject(ss, v); ok {
				// "…, with 30 percent of voters saying they …": the noun of
				// the absolute phrase is who says it
				cs := x.contentStart(j, end)
				ce := x.clauseEnd(cs, end)
				if cs < ce && x.words(cs, ce) >= 3 {
					q = x.statement(pi, cs, ce, "with-speaker-participle")
					q.Speaker = x.mention(ws, we)
					found = true
					next = ce
				}
				break
			}
			if v > ss && x.punct(v-1, ",") {
				s, e, ok := x.attributionSpeaker(ss, v-1)
				if !ok {
					s, e, ok = x.sentenceSubject(ss, v)
				}
				if ok {
					cs := x.contentStart(j, end)
					if cs < end && x.words(cs, end) >= 3 {
						q = x.statement(pi, cs, end, "participle-content")
						q.Speaker = x.mention(s, e)
						found = true
					}
				}
			}
		}
		if !found || q.Span.End <= q.Span.Start {
			continue
		}
		q.Cue = x.cueText(cueFrom, j)
		if x.quotedShare(q.Span) >= 0.6 {
			// a direct quote with its attribution ("“…” and more, Clinton
			// said"): the quotes inside take this speaker if they lack one
			for i := range out {
				o := &out[i]
				if o.Paragraph == pi && (o.Speaker.Text == "" || o.Rule == "sentence-subject") && o.Kind != Indirect && o.Span.Start >= q.Span.Start && o.Span.End <= q.Span.End {
					o.Speaker, o.Appositive, o.Cue = q.Speaker, q.Appositive, q.Cue
					o.Rule = "reported-frame"
				}
			}
			continue
		}
		// 'Clinton “drew quite well …” in 2008, said professor Paul Beck':
		// words quoted inside a reported statement are its speaker's, not
		// the sentence subject's that the weaker rule guessed
		for i := range out {
			o := &out[i]
			if o.Paragraph == pi && o.Rule == "sentence-subject" && o.Span.Start >= q.Span.Start && o.Span.End <= q.Span.End && q.Speaker.Text != "" {
				o.Speaker, o.Appositive, o.Cue = q.Speaker, q.Appositive, q.Cue
				o.Rule = "reported-frame"
			}
			// "The ministry said in a statement posted on its website that
			// Paris “will not wait forever”": the subject found for the
			// quote lies in the report's attribution, between its speaker
			// and its words, so the words are the report's speaker's
			if o.Paragraph == pi && o.Rule == "speaker-verb-quote" && o.Span.Start >= q.Span.Start && o.Span.End <= q.Span.End && q.Speaker.Text != "" &&
				o.Speaker.Span.Start >= q.Speaker.Span.End && o.Speaker.Span.End <= q.Span.Start && q.Speaker.Span.End > 0 {
				o.Speaker, o.Appositive, o.Cue = q.Speaker, q.Appositive, q.Cue
			}
		}
		out = append(out, q)
		if next >= 0 {
			v = next - 1
			continue
		}
		// the rest of the sentence belongs to this statement
		if q.Span.End >= x.toks[v].e {
			break
		}
	}
	return out
}

// beforeOtherSpeaker: where the content cs..ce of "X said …" ends when a
// clause set off in it brings in someone else saying something ("46 percent
// said yes, compared with 23 percent who said …"), at the comma opening that
// clause, or gives the report's source (", according to …"); else ce.
func (x *run) beforeOtherSpeaker(cs, ce int) int {
	comma := -1
	for k := cs; k+1 < ce; k++ {
		switch {
		case x.toks[k].q >= 0:
		case x.punct(k, ","):
			comma = k
		case comma > cs && x.is(k, "who") && x.cueAtKind(k+1) == cueVerb:
			return comma
		case k > cs+2 && x.is(k, "according") && x.is(k+1, "to") && (comma == k-1 || x.toks[k-1].kind == tClose):
			// "Beijing urged Washington to “…,” according to a statement
			// …": the source of the report is no part of it
			return k
		}
	}
	return ce
}

// anonymityRequest: the cue at v..j is "asked" in the sourcing formula of
// wire copy, "who asked not to be identified", "asked to remain anonymous",
// "asked for anonymity": the condition of speaking, not what was said.
func (x *run) anonymityRequest(v, j int) bool {
	if !x.is(v, "asked") {
		return false
	}
	return x.is(j, "not") && x.is(j+1, "to") || x.is(j, "to") && (x.is(j+1, "remain") || x.is(j+1, "be") && x.lowerIn(j+2, anonymityWords)) ||
		x.is(j, "for") && x.is(j+1, "anonymity") || x.is(j, "that") && x.lowerIn(j+1, possessiveDeterminers) && x.is(j+2, "name")
}

// anonymityWords complete "asked to be …" as a condition of sourcing.
var anonymityWords = set("anonymous", "unnamed", "identified", "quoted", "named")

func (x *run) statement(pi, i, j int, rule string) Quote {
	for i < j && x.toks[i].kind == tPunct && x.toks[i].kind != tOpen {
		i++
	}
	for j > i && x.toks[j-1].kind == tPunct {
		j--
	}
	if j <= i {
		return Quote{}
	}
	return Quote{Span: x.span(i, j), Paragraph: pi, Kind: Indirect, Rule: rule}
}

// adverbialTail: after the speaker only a short phrase to the sentence end
// ("in a statement", "on Monday", "told reporters"), no new clause.
// countedGroup: tokens i..j continue a count into the group it counts, with
// no verb among them: numbers, count words, "of" or "in" and determiners,
// capitalised words and plural nouns ("3 in", "half of voters in", "of her
// backers in"); "About 50,000 children live with …" is no such phrase.
func (x *run) countedGroup(i, j int) bool {
	for k := i; k < j; k++ {
		t := x.toks[k]
		if t.kind != tWord || t.q >= 0 || t.cue != 0 {
			return false
		}
		if t.cap || x.number(k) || x.inSet(k, cCount) || x.lowerIn(k, groupJoiners) || x.inSet(k, cDeterminer) || x.lowerIn(k, possessiveDeterminers) {
			continue
		}
		if !lowerPlural(x.text[t.s:t.e]) {
			return false
		}
	}
	return true
}

var groupJoiners = set("of", "in", "out", "among", "across")

// whoSubject: the verb at v follows a "who" that opens a restrictive
// relative clause (no comma before it); the noun phrase before "who".
func (x *run) whoSubject(ss, v int) (s, e int, ok bool) {
	w := v - 1
	for w > ss && x.inSet(w, cBetween) && !x.toks[w].cap {
		w-- // "who also said", "who have long said"
	}
	if w-1 < ss || !x.is(w, "who") || x.toks[w].cap || x.toks[w-1].kind != tWord || x.toks[w-1].q >= 0 {
		return 0, 0, false
	}
	s, e, _, ok = x.subjectBefore(w, ss)
	if !ok || e != w || x.inSet(s, cSubjectPronoun) {
		return 0, 0, false
	}
	// the noun phrase only, after the verb that takes it ("rebuked
	// critics who say"), with its count ("four in 10 who said")
	for k := e - 1; k > s; k-- {
		if x.pastTense(k) || x.inSet(k, cIrregularPast) || x.adverb(k) || x.toks[k].cue != 0 {
			s = k + 1
			break
		}
	}
	if s-2 >= ss && x.is(s-1, "in") && x.countWord(s-2, e) {
		s -= 2
		if s-1 >= ss && x.inSet(s-1, cApproximator) {
			s--
		}
	}
	// (not "The woman who said she saw it has left": a relative clause in
	// the sentence's subject ends where the main verb comes, which cannot
	// be told here)
	if s == ss || x.leadIn(ss, s) {
		return 0, 0, false
	}
	return s, e, true
}

// attributionSpeaker: the attribution of a quote ends at the comma c
// ("“…,” Clark said, noting …", "“…,” said Clark, adding …"); its speaker,
// who goes on speaking in the participle's clause after the comma.
func (x *run) attributionSpeaker(ss, c int) (s, e int, ok bool) {
	if c-1 <= ss || x.toks[c-1].kind != tWord || x.toks[c-1].q >= 0 {
		return 0, 0, false
	}
	// the attribution follows a quote in this sentence
	quoted := false
	for k := ss; k < c; k++ {
		if x.toks[k].kind == tClose {
			quoted = true
			break
		}
	}
	if !quoted {
		return 0, 0, false
	}
	if k, j := x.cueAt(c - 1); k == cueVerb && j == c {
		if s, e, _, ok := x.subjectBefore(c-1, ss); ok && x.toks[s-1].kind == tClose || ok && x.punct(s-1, ",") && x.toks[s-2].kind == tClose {
			return s, e, true // “…,” Clark said,
		}
		return 0, 0, false
	}
	for v := c - 2; v > ss && v >= c-8; v-- {
		if x.toks[v].kind != tWord || x.toks[v].q >= 0 {
			break
		}
		if k, j := x.cueAt(v); k == cueVerb {
			if ns, ne, ok := x.npForward(j, c); ok && ne == c && (x.toks[v-1].kind == tClose || x.punct(v-1, ",") && x.toks[v-2].kind == tClose) {
				return ns, ne, true // “…,” said Clark,
			}
			break
		}
	}
	return 0, 0, false
}

// modalBase: the cue v..j is a bare verb other than "say" and "tell" after
// a modal or "to", with a noun phrase for its object ("could claim between
// 150 and 300 euros", "will announce the location", "plans to reveal its
// line-up"): what may be done, not a report. ("will insist that …", "could
// not explain why …" stay: they give what is or was said.) The cue may
// start at its auxiliary ("will announce").
func (x *run) modalBase(v, j int) bool {
	b := j - 1 // the verb
	if b < v || b >= len(x.toks) || x.toks[b].kind != tWord {
		return false
	}
	t := x.toks[b]
	w := x.text[t.s:t.e]
	if w == "" || w[len(w)-1] == 's' || w[len(w)-1] == 'd' || x.inSet(b, cIrregularPast) || x.is(b, "say") || x.is(b, "tell") {
		return false
	}
	if o := j; o >= len(x.toks) || !(x.inSet(o, cDeterminer) && !x.is(o, "that") && !x.is(o, "this") || x.is(o, "between") || x.number(o)) {
		return false
	}
	for m := b - 1; m >= v-1 && m >= 0; m-- {
		if x.lowerIn(m, modalsAndTo) && !x.toks[m].cap {
			return true
		}
		if !x.is(m, "not") && !x.adverb(m) && m < v {
			break
		}
	}
	return false
}

// hasVerb: tokens i..j hold a finite verb (an auxiliary, a form of "be"
// or "have", a past tense): a clause, not an opening phrase.
func (x *run) hasVerb(i, j int) bool {
	for k := i; k < j; k++ {
		if t := &x.toks[k]; t.kind == tWord && t.q < 0 && !t.cap && x.verbForm(k) {
			return true
		}
	}
	return false
}

// actionNotReport: the verb of saying at v..j names no report here:
// "continues to grow" (a state that goes on; "continued to portray …",
// "continues to insist that …" stay), "reported from Los Angeles" (a
// byline), "Some states remained …" (the noun). Measured on PolNeAR train,
// "responded by/with …" and "posted a photo" stay: annotators count them.
func (x *run) actionNotReport(v, j int) bool {
	b := j - 1
	if b < v || j >= len(x.toks) {
		return false
	}
	switch x.lower(b) {
	case "continue", "continues":
		return x.is(j, "to") && j+1 < len(x.toks) && x.cueAtKind(j+1) != cueVerb
	case "reported", "reports":
		return x.is(j, "from")
	case "states":
		return b > 0 && !x.toks[b-1].cap && (x.inSet(b-1, cDeterminer|cQuantity) || x.number(b-1))
	}
	return false
}

var modalsAndTo = set("will", "would", "can", "could", "may", "might", "should", "must", "to", "shall")

// claimNouns finds what a noun naming something said gives in its
// that-clause, with its sayer: "Trump's claim that the vote was rigged",
// "remarks Tillerson made a day earlier that Russia would have to decide
// …". Statements already found in the paragraph (from first) keep their
// words.
func (x *run) claimNouns(pi, si int, out []Quote, first int) []Quote {
	if !x.hasClaimNoun {
		return out
	}
	ss, se := x.sens[si][0], x.sens[si][1]
	end := se
	for end > ss && x.toks[end-1].kind != tWord && x.toks[end-1].kind != tClose {
		end--
	}
	for k := ss + 1; k+3 < end; k++ {
		if t := &x.toks[k]; t.cls&cClaimNoun == 0 || t.kind != tWord || t.q >= 0 || t.cap {
			continue
		}
		var s, e, c int // the sayer s..e and the "that" opening the content
		if x.is(k+1, "that") && x.toks[k-1].cap && x.possessive(k-1) {
			// "Trump's claim that …"
			s, e, c = x.capRunStart(ss, k-1), k, k+1
			if s == k && x.toks[k-1].q < 0 {
				s = k - 1
			}
		} else {
			// "remarks Tillerson made a day earlier that …", "the claims
			// that Trump made on Sunday that …"
			n := k + 1
			if x.is(n, "that") || x.is(n, "which") {
				n++
			}
			ns, ne, ok := x.npForward(n, end)
			if !ok || ns != n || ne >= end || !x.lowerIn(ne, claimMadeVerbs) {
				continue
			}
			c = -1
			for m := ne + 1; m < end && m <= ne+7; m++ {
				if x.toks[m].kind != tWord || x.toks[m].q >= 0 {
					break
				}
				if x.is(m, "that") {
					c = m
					break
				}
			}
			if c < 0 {
				continue
			}
			s, e = ns, ne
		}
		cs := c + 1
		// ("claims that were debunked": the "that" is the noun's relative
		// pronoun, not the opening of what was said)
		if cs >= end || x.verbForm(cs) {
			continue
		}
		ce := x.clauseEnd(cs, end)
		for m := cs + 1; m+1 < ce; m++ {
			if x.punct(m, ",") && x.toks[m].q < 0 && x.ingWord(m+1) {
				ce = m // "…, or against them, describing the comments as …": the sentence's own verb again
				break
			}
		}
		if x.words(cs, ce) < 4 || x.covered(out[first:], cs, ce) {
			continue
		}
		q := x.statement(pi, cs, ce, "noun-that-content")
		q.Speaker = x.mention(s, e)
		q.Cue = x.cueText(k, k+1)
		out = append(out, q)
		k = ce
	}
	return out
}

// covered: a reported statement among out overlaps the tokens i..j (quoted
// words may lie inside a report).
func (x *run) covered(out []Quote, i, j int) bool {
	b0, b1 := x.toks[i].s, x.toks[j-1].e
	for _, q := range out {
		if q.Kind == Indirect && q.Span.Start < b1 && b0 < q.Span.End {
			return true
		}
	}
	return false
}

// claimNouns name something said that a that-clause gives.
var claimNouns = set("claim", "claims", "assertion", "assertions", "remark", "remarks", "comment", "comments",
	"allegation", "allegations", "accusation", "accusations", "warning", "warnings", "suggestion", "insistence",
	"assurance", "assurances", "promise", "pledge", "denial", "admission", "prediction", "contention", "boast")

// claimMadeVerbs: "the remarks X made …".
var claimMadeVerbs = set("made", "gave", "issued", "offered", "voiced", "repeated", "delivered", "posted", "tweeted")

// pastPreposition: a subject read back from a verb that opens with a
// preposition ("In a short video Lund said …", "In eight of nine states
// … claims") is the name at its end, if there is one; else no subject.
func (x *run) pastPreposition(s, e int) (int, int, bool) {
	// ("About 300 dockers said", "At least half of voters say": a hedged
	// count is the subject, not a preposition's phrase)
	if _, ok := x.countOpens(s, e); ok {
		return s, e, true
	}
	if !x.toks[s].cap || !x.inSet(s, cPlacePrep|cTailStart) || !x.inSet(s, cNpStop) || x.inSet(s, cSubjectPronoun|cDeterminer) || e-s < 2 {
		return s, e, true
	}
	c := e
	for c > s+1 && x.toks[c-1].kind == tWord && x.toks[c-1].cap {
		c--
	}
	if c < e && c > s+1 && !x.placeOrDay(c, e) && !x.inSet(c-1, cPlacePrep) {
		return c, e, true
	}
	// "In eight of the nine ports the union claims": the last noun
	// phrase, from its determiner
	for d := e - 1; d > s+1; d-- {
		if x.inSet(d, cDeterminer) && !x.toks[d].cap && !x.inSet(d-1, cPlacePrep|cNpInner) {
			return d, e, true
		}
	}
	return s, e, false
}

// appositiveTail: from token i the sentence only describes the speaker
// just named: "…, said Grant Green, a national security official under
// Presidents Reagan and George W. Bush."
func (x *run) appositiveTail(i, se int) bool {
	if !x.punct(i, ",") || i+1 >= se || !x.inSet(i+1, cDeterminer) || se-i > 30 {
		return false
	}
	for k := i + 1; k < se; k++ {
		t := x.toks[k]
		if t.kind == tOpen || t.kind == tClose || x.is(k, "that") || x.cueAtKind(k) != 0 {
			return false
		}
	}
	return true
}

func (x *run) adverbialTail(i, se int) bool {
	if se-i > 12 {
		return false
	}
	if i < se && x.toks[i].kind == tWord && !x.inSet(i, cTailStart) && !isDay(x.text[x.toks[i].s:x.toks[i].e]) {
		if k, _ := x.cueAt(i); k == 0 {
			return false
		}
	}
	for k := i; k < se; k++ {
		t := x.toks[k]
		if x.titleTok(k) {
			continue // "… on MSNBC’s “Morning Joe.”": a programme's title
		}
		if t.kind == tOpen || t.kind == tClose || x.is(k, "that") {
			return false
		}
		if t.kind == tPunct && k < se-1 && x.text[t.s] != ',' && x.text[t.s] != '.' && x.text[t.s] != '(' && x.text[t.s] != ')' && x.text[t.s] != '-' {
			return false
		}
	}
	return true
}

// sourceEnd: the source named after "according to" goes on over the
// nouns after a capitalised word ("Belgian newspaper Le Soir", "the UK's
// biggest film magazine"), up to a participle or relative that describes
// it ("a lawsuit filed in …", "sources who spoke to …") or a preposition.
func (x *run) sourceEnd(e, se int) int {
	k := e
	for k < se && k < e+6 {
		t := x.toks[k]
		if t.kind == tPunct && k > e && (x.text[t.s] == '\'' || x.text[t.s:t.e] == "’") && k+1 < se && x.is(k+1, "s") {
			k += 2 // a possessive
			continue
		}
		if t.kind != tWord || t.q >= 0 || !t.cap && (x.inSet(k, cNpStop) || x.pastTense(k) || x.ingWord(k) || x.cueAtKind(k) != 0) {
			break
		}
		k++
	}
	return k
}

// sourceTail: the words from i to the sentence's end describe the source
// named before them ("…, according to a lawsuit filed in Manhattan.", "…,
// according to three sources who spoke to Fox News."): no comma, colon,
// dash or quotation, so no clause of the report goes on after it.
func (x *run) sourceTail(i, se int) bool {
	if se-i > 25 {
		return false
	}
	for k := i; k < se; k++ {
		t := x.toks[k]
		if t.kind == tOpen || t.kind == tClose || t.q >= 0 {
			return false
		}
		if t.kind == tPunct && k < se-1 && x.text[t.s] != '-' && x.text[t.s] != '.' && x.text[t.s] != '\'' && x.text[t.s:t.e] != "’" && x.text[t.s] != '/' && x.text[t.s] != '(' && x.text[t.s] != ')' {
			return false
		}
	}
	return true
}

// clauseStart: the subject opens a clause after a comma: "…, but Russia has
// denied …", "…, whereas Tillerson said …".
func (x *run) clauseStart(s int) bool {
	return s >= 2 && x.inSet(s-1, cClauseOpener) && (x.punct(s-2, ",") || !x.is(s-1, "if") && !x.is(s-1, "so"))
}

// clauseEnd cuts reported content before a second attributed clause:
// "X said A, whereas Y said B" gives A to X.
func (x *run) clauseEnd(cs, end int) int {
	for k := cs; k+2 < end; k++ {
		if !x.punct(k, ",") || !x.inSet(k+1, cClauseOpener) || x.toks[k].q >= 0 {
			continue
		}
		for v := k + 3; v < end && v <= k+10; v++ {
			if kind, _ := x.cueAt(v); kind == cueVerb {
				if s, _, _, ok := x.subjectBefore(v, k+2); ok && s == k+2 {
					return k
				}
				break
			}
		}
	}
	return end
}

// leadInMax is the most tokens an opening phrase before the subject may have.
const leadInMax = 25

// leadIn: the subject is preceded only by a conjunction or an opening phrase
// closed by a comma ("But", "On Monday,").
func (x *run) leadIn(ss, s int) bool {
	// "WASHINGTON (AP) — Defense Secretary Ash Carter said …": a wire
	// dateline opens the sentence before its subject
	if d := x.pastDateline(ss, s+1); d > ss && d <= s {
		return d == s || x.leadIn(d, s)
	}
	if s-ss == 1 && (x.inSet(ss, cClauseOpener) || x.toks[ss].cap && x.inSet(ss, cConnective) && !x.lowerIn(ss, ordinals)) {
		return true // "But Syria said", "Meanwhile Ms Hutt said"
	}
	// (the comma may sit inside a title's closing mark: "On Sunday on
	// NBC’s “Meet the Press,” Trump said")
	// ("Citing “obligations in Tennessee,” the spokeswoman told …": a
	// participle opening the sentence may quote what it cites)
	p := ss
	if x.inSet(p, cSubordinator) && p+1 < s {
		p++ // "When asked whether he backs a “two-state solution,” …"
	}
	citing := x.lowerIn(p, openingParticiples) || x.is(p, "citing") || x.is(p, "quoting")
	comma := x.punct(s-1, ",") || s-2 > ss && x.toks[s-1].kind == tClose && (x.titleTok(s-1) || citing) && x.punct(s-2, ",")
	if comma && s-ss <= leadInMax {
		for k := ss; k < s-1; k++ {
			if (x.toks[k].kind == tOpen || x.toks[k].q >= 0) && !x.titleTok(k) && !citing {
				return false
			}
			// (but "Asked about the vote, Lund said …": the participle
			// opening the sentence gives the occasion, not a report)
			// ("Noting he majored in philosophy, Allen said …": a participle
			// of saying opens the sentence and hangs on the same subject;
			// so after a subordinator, "When asked about the vote, …")
			opening := k == ss || k == ss+1 && x.inSet(ss, cSubordinator)
			if _, j := x.cueAt(k); j > k && !(opening && (x.lowerIn(k, openingParticiples) || x.cueAtKind(k) == cuePart)) {
				return false
			}
		}
		return true
	}
	return false
}

// skipObject steps over the listener after verbs such as "told": "told
// reporters", "told CNN", "told him".
func (x *run) skipObject(v, j, end int) int {
	if !x.inSet(v, cObjectVerb) || j >= end || x.toks[j].kind != tWord || x.is(j, "that") {
		return j
	}
	if x.toks[j].cap {
		for j < end && x.toks[j].kind == tWord && x.toks[j].cap {
			j++
		}
		return j
	}
	if x.inSet(j, cDeterminer) && j+1 < end {
		return j + 2 // "told the newspaper"
	}
	return j + 1 // "told reporters", "told him"
}

// contentStart skips from just after a verb to where the reported content
// begins: past "that" when it comes within a short phrase ("told reporters
// on Monday that"), past a colon or comma.
func (x *run) contentStart(j, end int) int {
	for k := j; k < end && k < j+14; k++ {
		t := x.toks[k]
		if x.titleTok(k) {
			continue // "said on NBC’s “Meet the Press” that …"
		}
		if t.kind == tOpen || t.q >= 0 {
			break
		}
		if t.kind == tPunct && x.text[t.s] != '-' {
			if x.text[t.s] == ',' && k == j || x.text[t.s] == ':' && k <= j+3 {
				return k + 1
			}
			break
		}
		if x.is(k, "that") {
			if k == j && x.lowerIn(k+1, finiteVerbs) {
				return j // "He said that was the best option": the pronoun is the subject
			}
			return k + 1
		}
		// (not "said Turkey would not accept any deal that …": once the
		// content's own verb has come, a "that" is a relative pronoun)
		if k > j && !x.toks[k].cap && (x.lowerIn(k, clauseVerbs) || x.pastTense(k) && x.toks[k-1].kind == tWord && (x.toks[k-1].cap || x.inSet(k-1, cSubjectPronoun))) {
			break
		}
	}
	return j
}

// clauseVerbs are auxiliaries and modals: after a verb of saying, one of
// them shows the reported clause has begun ("said Russia would …").
var clauseVerbs = set("would", "will", "could", "can", "should", "may", "might", "must", "was", "were", "is", "are",
	"had", "has", "have", "did", "does", "do", "wants", "wanted")

// occasionOpener: the words ss..c before ", X said" are a participle
// phrase opening the sentence ("Asked about the vote, Lund replied …",
// "Speaking to reporters in Bergen, she said …"): the occasion of the
// report, not what was said.
func (x *run) occasionOpener(ss, c int) bool {
	if !x.lowerIn(ss, openingParticiples) {
		return false
	}
	for k := ss; k < c; k++ {
		if x.toks[k].kind == tPunct && x.text[x.toks[k].s] == ',' {
			return false
		}
	}
	return true
}

// conjoinedSubject: the subject of a verb of saying at v that has none of
// its own right before it: after "and" or "but" it is the sentence's
// subject (not when a relative clause or a second subject comes between);
// after an aside set off by dashes, the phrase before the aside.
func (x *run) conjoinedSubject(si, v int, memo *subjectMemo) (s, e int, ok bool) {
	ss, se := x.sens[si][0], x.sens[si][1]
	sentence := func() (int, int, bool) {
		if !memo.done { // the sentence's subject, worked out once per sentence
			memo.s, memo.e, memo.ok = x.sentenceSubject(ss, se)
			memo.done = true
		}
		return memo.s, memo.e, memo.ok
	}
	switch {
	case v-1 > ss && (x.is(v-1, "and") || x.is(v-1, "but")):
		// (not when a verb of saying follows in the sentence: "Cruz
		// electrified the crowds with speeches and promises to …, Stovall
		// said" is Stovall's report, and "promises" a noun)
		for k := v + 1; k < se; k++ {
			if x.toks[k].q < 0 && x.cueAtKind(k) == cueVerb {
				return 0, 0, false
			}
		}
		for k := ss; k < v-1; k++ {
			if x.toks[k].q >= 0 || x.toks[k].kind == tOpen || x.lowerIn(k, relativeWords) || x.punct(k, ";") {
				return 0, 0, false
			}
		}
		s, e, ok = sentence()
		if !ok || e >= v-1 || !(x.toks[s].cap || x.inSet(s, cSubjectPronoun|cDeterminer)) {
			return 0, 0, false
		}
		// the subject's own verb comes right after it ("The senator
		// thanked"): not "Obama and Clinton said", nor a subject inside
		// an opening phrase
		if t := x.toks[e]; t.kind != tWord || t.cap || x.inSet(e, cNpStop) && !x.inSet(e, cBetween) {
			return 0, 0, false
		}
		return s, e, true
	case v-2 > ss && x.whoBefore(ss, v) > ss:
		// "Supporters who have heard directly from the campaign say …":
		// the phrase a relative clause with no commas hangs on
		w := x.whoBefore(ss, v)
		s, e, _, ok = x.subjectBefore(w, ss)
		if !ok || e != w || !(s == ss || x.leadIn(ss, s)) || !(x.toks[s].cap || x.inSet(s, cDeterminer)) {
			return 0, 0, false
		}
		return s, e, true
	case v-2 > ss && x.punct(v-1, ","):
		// "Humphrey, who calls Trump a “sociopath,” said …", "Bill Millis,
		// a businessman who had been a member of the campaign's board
		// before …, said …": a name set off by a long description or
		// relative clause (one with quoted words, or too long for the
		// appositive reading) before its verb
		s, e, ok = sentence()
		if !ok || !x.punct(e, ",") || e >= v-1 || !x.toks[s].cap || x.inSet(s, cSubjectPronoun) {
			return 0, 0, false
		}
		if m := x.mention(s, e); !x.personLike(m.Text) || !fullName(m.Text) && e-s > 1 {
			return 0, 0, false
		}
		for k := e + 1; k < v-1; k++ {
			if x.cueAtKind(k) == cueVerb || x.punct(k, ";") {
				return 0, 0, false // another report inside: "X, who said …, added"
			}
		}
		return s, e, true
	case v-1 > ss && (x.punct(v-1, "—") || x.punct(v-1, "–")):
		for k := v - 2; k > ss && k > v-12; k-- {
			if x.toks[k].kind == tOpen || x.toks[k].q >= 0 {
				return 0, 0, false
			}
			if x.punct(k, "—") || x.punct(k, "–") {
				s, e, _, ok = x.subjectBefore(k, ss)
				if ok && (s == ss || x.leadIn(ss, s)) && (x.toks[s].cap || x.inSet(s, cSubjectPronoun)) {
					return s, e, true
				}
				return 0, 0, false
			}
		}
	}
	return 0, 0, false
}

// whoBefore: the "who" of a relative clause between ss and the verb at v,
// with no comma, quotation or other verb of saying in the sentence before
// v; else -1.
func (x *run) whoBefore(ss, v int) int {
	w := -1
	for k := ss + 1; k < v-1; k++ {
		t := x.toks[k]
		if t.kind != tWord && !(t.kind == tPunct && (x.text[t.s] == '\'' || x.text[t.s:t.e] == "’")) || t.q >= 0 || x.cueAtKind(k) != 0 {
			return -1
		}
		if w < 0 && x.is(k, "who") {
			w = k
		}
	}
	return w
}

// pluralNoun: a word that reads as a plural ("officials", "teachers"; not
// "press", "bus", "analysis").
func pluralNoun(w string) bool {
	return len(w) > 3 && w[len(w)-1] == 's' && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") && !strings.HasSuffix(w, "is")
}

// lowerPlural: pluralNoun, written in lower case.
func lowerPlural(w string) bool { return w != "" && w[0] >= 'a' && w[0] <= 'z' && pluralNoun(w) }

var relativeWords = set("who", "whom", "which", "that", "whose", "where", "when", "while", "whereas", "because", "if")

// relativeLead: the subject opens a clause inside the sentence that a
// report can follow: after a colon ("…: He also said that …"), after "in
// which" ("an interview, in which he says he will …"), or it is what ", who"
// hangs on ("a young child, who said he …").
func (x *run) relativeLead(ss, s, v int) bool {
	switch {
	case s-1 > ss && (x.punct(s-1, ":") || x.punct(s-1, "—") || x.punct(s-1, "–") || x.punct(s-1, "―") || x.punct(s-1, "--") || x.punct(s-1, "-") && x.toks[s-1].s > x.toks[s-2].e):
		// "…: He also said that …", "… on national security — he told
		// the AP that …": a clause after a colon or a dash
		return true
	case s-2 > ss && x.lowerIn(s-1, relativeWhich) && x.lowerIn(s-2, whichPreps):
		return true
	case v-2 > s && x.is(v-1, "who") && x.punct(v-2, ","):
		return true
	case s-2 > ss && x.is(s-1, "that") && x.toks[s-2].kind == tWord && !x.toks[s-2].cap && !x.inSet(s-2, cNpStop|cDeterminer) && x.cueAtKind(s-2) == 0 && (x.toks[s].cap || x.inSet(s, cDeterminer) || !x.inSet(s, cNpStop)):
		// "should remember that social scientists say …": the clause
		// after a verb's "that" has its own subject (not after a verb of
		// saying, whose "that" opens its own report)
		return true
	}
	return false
}

var relativeWhich = set("which", "whom")

// inRelative: the subject s..e and its verb of saying sit inside a relative
// clause whose own predicate follows the verb at j: "which officials said
// will start", "that he said was drafted", "what analysts said was a sign",
// "hackers who officials say are tied to", "a decision they say allowed". The relative word (or, for a pronoun
// subject, the noun it hangs on) comes right before the subject, and a
// finite verb right after the verb of saying.
func (x *run) inRelative(s, e, j int) bool {
	if s < 1 || j >= len(x.toks) || e-s > 6 || x.toks[s-1].kind != tWord || x.toks[j].kind != tWord || x.toks[j].cap {
		return false
	}
	relative := !x.toks[s-1].cap && (x.is(s-1, "which") || x.is(s-1, "that") || x.is(s-1, "what") || x.is(s-1, "whom") || x.is(s-1, "who"))
	if !relative && !(e == s+1 && x.inSet(s, cSubjectPronoun)) {
		return false
	}
	if !x.verbForm(j) {
		return false
	}
	if relative {
		return true
	}
	// "a decision they say allowed …": no relative word, a pronoun subject
	// right after the noun
	p := x.toks[s-1]
	return e == s+1 && x.inSet(s, cSubjectPronoun) && !x.toks[s].cap && p.kind == tWord && !p.cap && p.q < 0 &&
		!x.inSet(s-1, cNpStop) && p.cue == 0 && !x.pastTense(s-1) && pluralOrNoun(x.text[p.s:p.e])
}

// verbForm: token k opens a clause's predicate: an auxiliary, a form of
// "be" or "have", a past tense.
func (x *run) verbForm(k int) bool {
	return x.pastTense(k) || x.inSet(k, cIrregularPast) || x.lowerIn(k, finiteVerbs)
}

// finiteVerbs open a clause's predicate: auxiliaries and forms of "be" and
// "have".
var finiteVerbs = set("is", "are", "was", "were", "will", "would", "could", "can", "may", "might", "should", "must",
	"has", "had", "have", "did", "does", "do")

// pluralOrNoun: a lower-case word that is not an adverb or a verb form the
// word lists leave out (-ly, -ing), so it can be a noun.
func pluralOrNoun(w string) bool {
	return !strings.HasSuffix(w, "ly") && !strings.HasSuffix(w, "ing")
}

// longSubjectStart: where the subject begins when the noun phrase before
// the verb is the last part of a longer one that opens the sentence, joined
// by prepositions: "The deputy head of China's delegation to the forum
// said". Only a phrase opening with an article or a capitalised word and
// holding no verb, comma or quotation; else s.
func (x *run) longSubjectStart(ss, s, v int) int {
	if s-2 > ss && x.inSet(s-1, cQuantity) && x.lowerIn(s-2, subjectPreps) {
		s-- // "The heads of both lobbying firms told": the quantity word is the last phrase's
	}
	if ss+1 < s && x.toks[ss].cap && (x.inSet(ss, cSubordinator) || x.inSet(ss, cClauseOpener|cConnective) && !x.inSet(ss, cDeterminer|cSubjectPronoun)) {
		ss++ // "While the top candidates of both parties say …", "But protest organizers in Cleveland say …": the clause's own subject
		if x.punct(ss, ",") && ss+1 < s {
			ss++ // "Rather, sources close to her campaign say …"
		}
	}
	if !x.lowerIn(s-1, subjectPreps) || s-ss > 12 || !(x.inSet(ss, cDeterminer) || x.toks[ss].cap) || x.inSet(ss, cClauseOpener|cSubjectPronoun) {
		return s
	}
	if x.lowerIn(ss, subjectPreps) || x.functionWord(ss) && !x.inSet(ss, cDeterminer) {
		return s // "In the morning the minister said": an opening phrase
	}
	head := -1 // the last word before the first preposition
	for k := ss; k < s; k++ {
		t := x.toks[k]
		if t.kind != tWord || t.q >= 0 {
			if t.kind == tPunct && (x.text[t.s] == '\'' || x.text[t.s:t.e] == "’") {
				continue // a possessive
			}
			return s
		}
		// ("People briefed on the move said": a participle right after
		// the head, before its preposition, describes it)
		participle := k > ss && k+1 < s && (x.pastTense(k) || x.ingWord(k)) && x.lowerIn(k+1, subjectPreps) && head < 0
		if participle {
			head = k - 1
			continue
		}
		if !t.cap && (x.inSet(k, cNpStop) && !x.lowerIn(k, subjectPreps) && !x.inSet(k, cDeterminer) || x.pastTense(k) || x.cueAtKind(k) != 0) {
			return s
		}
		if head < 0 && k > ss && x.lowerIn(k, subjectPreps) {
			head = k - 1
		}
	}
	// the head names who speaks: a person or a body ("The deputy head",
	// "Some commentators", "A party of councillors", "BBC correspondent
	// Simon Hall"), or a text ("Reports in the Journal"); not "A levy on
	// jet fuel", "The number of gadgets"
	if head < 0 {
		return s
	}
	if h := x.toks[head]; !h.cap && !x.inSet(head, cPersonNoun|cBodyNoun|cStatementNoun|cSaidNoun) {
		w := x.lower(head)
		if !groupHeads[w] && !personNouns[strings.TrimSuffix(w, "s")] && !agentPlural(w) {
			return s
		}
	}
	return ss
}

// groupHeads head a phrase naming people or an office: "the deputy head of
// the delegation", "a group of parents", "members of the board".
var groupHeads = set("head", "heads", "group", "party", "delegation", "team", "panel", "committee", "board", "council",
	"people", "members", "officials", "leaders", "representatives", "residents", "families", "relatives", "friends")

// agentPlural: a plural agent noun, people named by what they do
// ("organizers", "protesters", "economists", "residents", "historians").
func agentPlural(w string) bool {
	for _, suf := range []string{"ers", "ors", "ists", "ants", "ents", "ians"} {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

var subjectPreps = set("of", "to", "for", "at", "from", "in", "on", "with")

var openingParticiples = set("asked", "pressed", "questioned", "quizzed", "challenged", "interviewed", "speaking",
	"responding", "writing", "addressing", "referring", "answering", "reacting", "talking", "appearing", "testifying",
	"campaigning", "standing", "sitting", "returning", "arriving", "visiting")

// interposedRest: after an attribution set off inside the sentence ("…,
// Lund said, the port …"), where the rest of the report starts, or 0: the
// verb's comma, then three words or more that open no tail ("…, he said,
// in a statement").
func (x *run) interposedRest(j, end int) int {
	if !x.punct(j, ",") || j+1 >= end || x.toks[j+1].kind != tWord || x.inSet(j+1, cTailStart) || x.words(j+1, end) < 3 {
		return 0
	}
	if k, _ := x.cueAt(j + 1); k != 0 {
		return 0 // "…, he said, adding …"
	}
	for k := j + 1; k < end; k++ {
		if x.toks[k].kind == tOpen || x.toks[k].q >= 0 {
			return 0 // quoted words: the quote rules attribute them
		}
	}
	return j + 1
}

// invertedInterposed reads "A, says X, B" from the verb at v (its words end
// at j): X a name, a description or a plural noun set off by commas, and B a
// clause with a verb of its own (not "…, said Jane Roe, a lawyer for the
// crews", where B is X's role). It returns the statement A (empty when A is
// an opening phrase with no verb, "Most importantly", "But in some cases")
// and B, both X's.
func (x *run) invertedInterposed(pi, ss, v, j, se, end int) (a, b Quote, ok bool) {
	if v <= ss+1 || !x.punct(v-1, ",") || x.is(v, "told") || x.is(v, "tells") || x.is(v, "tell") || x.lowerIn(j, tailStarts) {
		return a, b, false
	}
	ns, ne, ok := x.npForward(j, se)
	if !ok || ne-ns > 6 || !(x.toks[ns].cap || x.inSet(ns, cDeterminer) || strings.HasSuffix(x.text[x.toks[ne-1].s:x.toks[ne-1].e], "s")) {
		return a, b, false
	}
	r := x.interposedRest(ne, end)
	// (B may also finish a clause the verb before the comma left open:
	// "there will be, says Mr Lund, no room …")
	if r == 0 || x.inSet(r, cNpStop) || !x.finiteVerbIn(r, end) && !(x.toks[v-2].kind == tWord && x.lowerIn(v-2, openVerbs) && !x.is(r, "a") && !x.is(r, "an")) {
		return a, b, false
	}
	sp := x.mention(ns, ne)
	b = x.statement(pi, r, end, "content-comma-verb-speaker")
	b.Speaker, b.Cue = sp, x.cueText(v, j)
	if st := x.pastDateline(ss, v-1); x.words(st, v-1) >= 3 && x.verbIn(st, v-1) {
		a = x.statement(pi, st, v-1, "content-comma-verb-speaker")
		a.Speaker, a.Cue = sp, x.cueText(v, j)
	}
	return a, b, true
}

// openVerbs leave a clause open for what follows: "there will be", "the
// answer is".
var openVerbs = set("be", "is", "are", "was", "were", "been", "become", "becomes", "remain", "remains")

// finiteVerbIn: tokens i..j hold a verb of their own (a form of be, have or
// a modal, a past tense): a clause, not a description.
func (x *run) finiteVerbIn(i, j int) bool {
	if x.is(i, "a") || x.is(i, "an") || x.is(i, "another") {
		return false // "a professor of economics …": a description
	}
	for k := i; k < j; k++ {
		if x.punct(k, ",") || x.is(k, "who") || x.is(k, "which") || x.is(k, "whose") {
			return false // the verb of a relative clause or after a comma is a description's
		}
		if x.toks[k].kind != tWord || x.toks[k].cap {
			continue
		}
		switch x.lower(k) {
		case "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must":
			return true
		}
		if (x.pastTense(k) || x.inSet(k, cIrregularPast)) && !x.is(k+1, "by") {
			return true // (not "the governor challenged by Sanders")
		}
	}
	return false
}

// verbIn: tokens i..j hold a form of be, have or a modal, or a past tense.
func (x *run) verbIn(i, j int) bool {
	for k := i; k < j; k++ {
		if x.toks[k].kind != tWord || x.toks[k].cap {
			continue
		}
		switch x.lower(k) {
		case "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "be":
			return true
		}
		if x.pastTense(k) || x.inSet(k, cIrregularPast) {
			return true
		}
	}
	return false
}

// phraseBeforeColon: the words cs..ce after a verb of saying are a phrase
// of place, time or hearer that runs to a colon closing the sentence ("Lund
// replied to the minister:", "Trump said in a statement:"): the colon
// introduces the words, and the phrase reports nothing.
func (x *run) phraseBeforeColon(cs, ce, se int) bool {
	return ce+1 == se && x.punct(ce, ":") && x.lowerIn(cs, colonPhraseStarts)
}

var colonPhraseStarts = set("to", "in", "on", "at", "from", "with", "during", "after", "before", "for", "about", "via",
	"through", "over", "outside", "inside", "later", "earlier", "again", "afterward", "afterwards", "then", "once")

func (x *run) words(i, j int) int {
	n := 0
	for k := i; k < j; k++ {
		if x.toks[k].kind == tWord {
			n++
		}
	}
	return n
}

// quotedShare is the share of a span's bytes inside the paragraph's quotes.
func (x *run) quotedShare(sp article.Span) float64 {
	in := 0
	for _, q := range x.qs {
		in += max(0, min(q.ce, sp.End)-max(q.cs, sp.Start))
	}
	return float64(in) / float64(max(1, sp.End-sp.Start))
}

// antecedents sets, for pronoun speakers of this paragraph's statements, the
// person the pronoun most likely stands for: the latest speaker or sentence
// subject before it, a person for he/she, an institution for it.
//
// A paragraph with no pronoun speaker to resolve only adds candidates; that
// is put off until a later paragraph needs them (see pending.go), so the
// paragraphs after an article's last pronoun speaker cost nothing here.
func (x *run) antecedents(out []Quote, first int) []Quote {
	if !x.e.eagerAntecedents && !pronounSpeaker(out[first:]) {
		x.pending.add(x, out[first:])
		return out
	}
	x.settle()
	return x.antecedentPass(out, first)
}

// antecedentPass is antecedents for the paragraph whose tokens and
// sentences x holds: it pushes the candidates of each sentence and
// statement in text order and resolves the pronoun speakers among them.
// Everything it and push read of x but the candidates is the paragraph's
// own (tokens, sentences, word counts) or the article text, so that a
// paragraph put off can be replayed later from a copy of those.
func (x *run) antecedentPass(out []Quote, first int) []Quote {
	x.subjects = append(x.subjects[:0], make([]subjectMemo, len(x.sens))...)
	si := 0
	subjectDone := -1
	namesDone := 0
	for i := first; i < len(out); i++ {
		q := &out[i]
		if q.Speaker.Span.End == 0 {
			continue
		}
		at := q.Speaker.Span.Start
		// sentence subjects before this speaker join the candidates first
		for si < len(x.sens) && x.toks[x.sens[si][0]].s <= at {
			if subjectDone < si {
				x.pushSubject(si)
				subjectDone = si
			}
			if x.toks[x.sens[si][1]-1].e > at {
				break
			}
			// the names of a sentence before the speaker's are older than
			// the next sentence's subject
			for namesDone <= si {
				x.pushNames(namesDone)
				namesDone++
			}
			si++
		}
		for namesDone < si {
			x.pushNames(namesDone)
			namesDone++
		}
		if q.Antecedent.Text == "" {
			// (fold.LowerIs, not strings.ToLower: a name would be copied)
			switch t := q.Speaker.Text; {
			case fold.LowerIs(t, "he"):
				q.Antecedent = x.latestPerson(-1, out[first:], q.Speaker.Span)
				if q.Antecedent.Text == "" {
					q.Antecedent = x.namedOfGender(-1, at)
				}
			case fold.LowerIs(t, "she"):
				q.Antecedent = x.latestPerson(1, out[first:], q.Speaker.Span)
				if q.Antecedent.Text == "" {
					q.Antecedent = x.namedOfGender(1, at)
				}
			case fold.LowerIs(t, "it"):
				q.Antecedent = x.latest(false)
			case fold.LowerIs(t, "they"):
				q.Antecedent = x.latestAny()
			}
		}
		if !isPronoun(q.Speaker.Text) {
			x.push(q.Speaker)
			if x.inSubordinate(q.Speaker.Span.Start) {
				// "Clinton caused a stir when an Iowa voter asked if she
				// …": the main clause's subject stays the newest
				x.push(x.lastSubj)
			}
		}
	}
	for ; si < len(x.sens); si++ {
		if subjectDone < si {
			x.pushSubject(si)
		}
		for namesDone <= si {
			x.pushNames(namesDone)
			namesDone++
		}
	}
	return out
}

// subjectMemo is a sentence's main subject, once found: the pronoun pass
// reads each sentence's subject twice (pushSubject, pushNames).
type subjectMemo struct {
	s, e     int
	ok, done bool
}

// mainSubject is sentenceSubject over the whole sentence si, found once per
// paragraph.
func (x *run) mainSubject(si int) (s, e int, ok bool) {
	m := &x.subjects[si]
	if !m.done {
		m.s, m.e, m.ok = x.sentenceSubject(x.sens[si][0], x.sens[si][1])
		m.done = true
	}
	return m.s, m.e, m.ok
}

func (x *run) pushSubject(si int) {
	ss, se := x.sens[si][0], x.sens[si][1]
	if x.headline(ss, se) {
		return
	}
	if sub := x.subordinateSubject(ss, se); sub.Text != "" {
		x.push(sub) // older than the main clause's subject
	}
	if m := x.presented(ss, se); m.Text != "" {
		x.push(m) // "Then there's Axelrod."
		return
	}
	s, e, ok := x.mainSubject(si)
	if ok && x.inSet(s, cSubjectPronoun) {
		if view := x.viewpoint(ss, s); view.Text != "" {
			x.push(view) // "As for Trump, he said …"
		}
	}
	if !ok {
		// "And for Perez …, that means it is best to …": no person is the
		// subject, but the sentence gives that person's view
		for k := ss + 1; k+1 < se; k++ {
			if x.punct(k, ",") {
				if view := x.viewpoint(ss, k+1); view.Text != "" {
					x.push(view)
				}
				break
			}
		}
	}
	if !ok || x.inSet(s, cSubjectPronoun) {
		return
	}
	// "Meyer and others", "Sanders and his aides": the name alone
	for k := s + 1; k+1 < e; k++ {
		if x.is(k, "and") && !x.toks[k+1].cap {
			e = k
			break
		}
	}
	e = x.withoutAffiliation(s, e)
	// a lone capitalised word opening a sentence is often not a name
	// ("Moreover", "Asked")
	if e-s == 1 && s == ss && !x.loneOpenerIsName(s, e) {
		return
	}
	hasCap := false
	for k := s; k < e; k++ {
		if x.toks[k].cap && k > ss {
			hasCap = true
		}
	}
	if !hasCap && !(x.inSet(s, cDeterminer) && e-s <= 4) && !(e-s == 1 && x.toks[s].cap) {
		if view := x.viewpoint(ss, s); view.Text != "" {
			x.push(view)
		}
		if x.possessive(s) {
			// "Kazakhstan's foreign minister, Erlan Idrissov, plays …"
			if m, ok := x.setOffName(e, se); ok {
				x.push(m)
			}
		}
		return
	}
	view := x.viewpoint(ss, s)
	m := x.mention(s, e)
	if !fullName(m.Text) {
		if n, ok := x.setOffName(e, se); ok {
			m = n
		}
	}
	if x.personLike(m.Text) {
		x.lastSubj, x.lastSubjSent = m, si
	}
	if a := x.passiveAgent(ss, se); a.Text != "" && a.Span.Start > m.Span.Start {
		x.push(a) // the subject stays the newest candidate
	}
	x.push(m)
	if view.Text != "" {
		x.push(view)
	}
	// "Sanders held a rally while Clinton hosted an event, during which
	// she …": the subject of a clause joined later in the sentence is
	// named later, so it is newer
	if c := x.joinedSubject(e, se); c.Text != "" && x.personLike(c.Text) {
		x.push(c)
	}
	// "And Trump, said Sunshine, who remains …, doesn't forgive": the
	// source set off inside the sentence is who speaks in it
	if c := x.parentheticalSource(e, se); c.Text != "" {
		x.push(c)
	}
}

// parentheticalSource is the X of ", said X," inside a sentence, after
// token i.
func (x *run) parentheticalSource(i, se int) Mention {
	for k := i; k+3 < se; k++ {
		if !x.punct(k, ",") || x.toks[k+1].q >= 0 || x.cueAtKind(k+1) != cueVerb {
			continue
		}
		_, j := x.cueAt(k + 1)
		ns, ne, ok := x.npForward(j, se)
		if ok && x.punct(ne, ",") && x.toks[ns].cap && !x.inSet(ns, cSubjectPronoun) {
			if m := x.mention(ns, ne); x.personLike(m.Text) {
				return m
			}
		}
		return Mention{}
	}
	return Mention{}
}

// joinedSubject is the name that opens a clause joined after token i by
// "while", "whereas" or "but" and is followed by its verb.
func (x *run) joinedSubject(i, se int) Mention {
	for k := i; k+2 < se; k++ {
		if x.toks[k].q >= 0 || !x.inSet(k, cJoiner) {
			continue
		}
		ns, ne, ok := x.npForward(k+1, se)
		if ok && !x.toks[ns].cap && x.inSet(ns, cDeterminer) && ne < se && x.toks[ne-1].cap {
			// "…, but a hoarse-voiced Sanders got in digs": the name after a
			// determiner and adjectives
			c := ne - 1
			for c-1 > ns && x.toks[c-1].cap {
				c--
			}
			ns = c
		}
		if !ok || !x.toks[ns].cap || x.inSet(ns, cSubjectPronoun) || ne >= se {
			continue
		}
		if x.pastTense(ne) || x.inSet(ne, cIrregularPast) || x.cueAtKind(ne) == cueVerb || x.inSet(ne, cBetween) && !x.toks[ne].cap {
			return x.mention(ns, ne)
		}
	}
	return Mention{}
}

// presented: "Then there's Axelrod.", "And there is Clinton herself": a
// sentence that brings a person on stage; the quotes after are theirs.
func (x *run) presented(ss, se int) Mention {
	i := ss
	if x.is(i, "then") || x.is(i, "and") || x.is(i, "but") {
		i++
	}
	switch {
	case x.inSet(i, cPresenter):
		i++
	case (x.is(i, "there") || x.is(i, "here")) && (x.is(i+1, "is") || x.is(i+1, "was")):
		i += 2
	default:
		return Mention{}
	}
	ns, ne, ok := x.npForward(i, se)
	if !ok || !x.toks[ns].cap || x.inSet(ns, cSubjectPronoun) || !x.personLike(x.text[x.toks[ns].s:x.toks[ne-1].e]) {
		return Mention{}
	}
	return x.mention(ns, ne)
}

// setOffName: "The other candidate, former Secretary of State Hillary
// Clinton, drew …", "A third, Daniel Traynor, said …": the name set off
// with commas after a description ending at e is who it is ("the other
// candidate on the stage, …": a short phrase may come first).
func (x *run) setOffName(e, se int) (Mention, bool) {
	c := e
	for c < se && c < e+4 && x.toks[c].kind == tWord && x.toks[c].q < 0 {
		c++
	}
	if !x.punct(c, ",") {
		return Mention{}, false
	}
	if ns, ne, ok := x.npForward(c+1, se); ok && x.punct(ne, ",") && fullName(x.text[x.toks[ns].s:x.toks[ne-1].e]) {
		return x.mention(ns, ne), true
	}
	return Mention{}, false
}

// subordinateSubject: "Ever since Halvorsen took the job, she's said …",
// "When Meyer sat down, Oster …": the person a clause opening the sentence
// is about, when the main clause's subject (at s) comes after it. A later
// pronoun may mean either.
func (x *run) subordinateSubject(ss, se int) Mention {
	i := x.pastDateline(ss, se)
	if x.is(i, "ever") && x.is(i+1, "since") {
		i++
	}
	if n := x.timeClause(i); n > i {
		i = n - 1 // "The last time Sanders came …, he": like "when"
	} else if i+2 >= se || !x.inSet(i, cSubordinator) {
		return Mention{}
	}
	comma := i + 2
	for comma < se && comma < i+25 && !x.punct(comma, ",") && x.toks[comma].q < 0 {
		comma++
	}
	if !x.punct(comma, ",") {
		return Mention{}
	}
	ns, ne, ok := x.npForward(i+1, comma)
	if !ok || ne >= comma || !x.toks[ns].cap || x.inSet(ns, cSubjectPronoun) {
		return Mention{}
	}
	if m := x.mention(ns, ne); x.personLike(m.Text) {
		return m
	}
	return Mention{}
}

// passiveAgent: "Halvorsen was praised by the mayor's predecessor, Erik
// Vold, …" names a second person who acts in the sentence, a candidate for
// a later pronoun that cannot mean the subject. It returns the person
// after "by" when a form of "be" comes shortly before it.
func (x *run) passiveAgent(ss, se int) Mention {
	for k := ss + 2; k+1 < se; k++ {
		// (two letters first: every sentence of the pronoun pass comes
		// here, and is costs a call per word)
		if t := &x.toks[k]; t.e-t.s != 2 || !x.is(k, "by") || t.q >= 0 {
			continue
		}
		be := false
		for b := k - 1; b >= ss && b >= k-4; b-- {
			be = be || x.lowerIn(b, beForms)
		}
		if !be {
			continue
		}
		ns, ne, ok := x.npForward(k+1, se)
		if !ok || x.inSet(ns, cSubjectPronoun) {
			return Mention{}
		}
		m := x.mention(ns, ne)
		// "by the mayor's predecessor, Erik Vold,": the name set off
		c := ne
		for c < se && c < ne+4 && x.toks[c].kind == tWord && x.toks[c].q < 0 {
			c++
		}
		poss := x.possessive(ne - 1) // "Mr. Lund's predecessor" is not Lund
		if (poss || !fullName(m.Text)) && x.punct(c, ",") {
			if ns2, ne2, ok := x.npForward(c+1, se); ok && x.punct(ne2, ",") && fullName(x.text[x.toks[ns2].s:x.toks[ne2-1].e]) {
				m, poss = x.mention(ns2, ne2), false
			}
		}
		if poss {
			return Mention{}
		}
		if x.personLike(m.Text) {
			return m
		}
		return Mention{}
	}
	return Mention{}
}

// negated: the verb at v follows "not", "never" or a negated auxiliary
// ("wouldn't say", "did not say").
func (x *run) negated(v int) bool {
	for k := v - 1; k >= 0 && k >= v-2; k-- {
		if x.toks[k].kind != tWord {
			return false
		}
		if x.lowerIn(k, negations) {
			return true
		}
	}
	return false
}

// inSubordinate: byte b lies in a clause that "when", "as", "while",
// "because" … opens after the subject of its sentence, and that sentence's
// subject is the person last pushed as a subject.
func (x *run) inSubordinate(b int) bool {
	si := x.sentenceAt(b)
	if si < 0 || si != x.lastSubjSent || x.lastSubj.Text == "" || x.lastSubj.Span.End > b {
		return false
	}
	// the clause word right before the speaker's words
	for k := x.sens[si][0] + 1; k < x.sens[si][1]; k++ {
		if x.toks[k].s == b {
			return x.toks[k-1].s > x.lastSubj.Span.End && !x.toks[k-1].cap && x.inSet(k-1, cSubordinator)
		}
	}
	return false
}

// viewpoint: "To political scientist Brigid Harrison, Christie's stare
// seemed …", "For Jonathan Chait, Williamson is …": the person whose view
// the sentence gives is who a following "she said" most likely means, so it
// is pushed after the subject, as the newest candidate. ss is the sentence
// start, s the subject's first token.
func (x *run) viewpoint(ss, s int) Mention {
	if (x.is(ss, "and") || x.is(ss, "but")) && x.toks[ss].cap && ss+1 < s && !x.toks[ss+1].cap && (x.is(ss+1, "for") || x.is(ss+1, "to")) {
		// "And for Perez …, that means …": the conjunction only links the
		// sentence to the one before
		return x.viewpointAfter(ss+2, s)
	}
	if s <= ss+2 || !(x.is(ss, "to") || x.is(ss, "for") || x.is(ss, "as") && x.is(ss+1, "for")) || !x.toks[ss].cap {
		return Mention{}
	}
	from := ss + 1
	if x.is(ss, "as") {
		from++ // "As for Trump, he said …": the person the sentence turns to
	}
	ns, ne, ok := x.npForward(from, s)
	if !ok || ne-ns < 1 || !x.punct(ne, ",") || !x.toks[ne-1].cap || ne-ns < 2 && from == ss+1 {
		return Mention{}
	}
	if m := x.mention(ns, ne); x.personLike(m.Text) {
		return m
	}
	return Mention{}
}

// viewpointAfter: the person after "And for" or "But to", from token i, up to
// the comma before the subject at s: a name ("And for Perez, …") or the first
// of "Perez and the others whose names …," (a lone word only if the article
// capitalises it inside a sentence too).
func (x *run) viewpointAfter(i, s int) Mention {
	if s < 1 || !x.punct(s-1, ",") {
		return Mention{}
	}
	ns, ne, ok := x.npForward(i, s)
	if !ok || ns != i {
		return Mention{}
	}
	for k := ns + 1; k+1 < ne; k++ {
		if x.is(k, "and") && (x.is(k+1, "others") || x.is(k+1, "other") || x.is(k+1, "the") && k+2 < s && (x.is(k+2, "others") || x.is(k+2, "other"))) {
			ne = k
			break
		}
	}
	if ne-ns < 1 || !x.toks[ne-1].cap {
		return Mention{}
	}
	if ne-ns < 2 && !x.capitalisedElsewhere(ne-1) {
		return Mention{}
	}
	if m := x.mention(ns, ne); x.personLike(m.Text) {
		return m
	}
	return Mention{}
}

// fullName: the words end in two capitalised ones, a given name and a
// surname ("former Secretary of State Hillary Clinton").
func fullName(m string) bool {
	k := strings.LastIndexByte(m, ' ')
	if k < 1 || k+1 >= len(m) || !isUpper(m[k+1]) {
		return false
	}
	j := strings.LastIndexByte(m[:k], ' ')
	w := m[j+1 : k]
	return w != "" && isUpper(w[0]) && w != "The" && w != "A" && w != "An"
}

// pushNames: when a sentence's subject is not a person, a later "he" more
// likely means the last person the sentence names: "the White House …, as
// Trump has …". Called once the sentence lies wholly before the pronoun.
func (x *run) pushNames(si int) {
	ss, se := x.sens[si][0], x.sens[si][1]
	s, e, ok := x.mainSubject(si)
	if !ok || x.inSet(s, cSubjectPronoun) || x.personLike(x.text[x.toks[s].s:x.toks[e-1].e]) {
		return
	}
	if n := x.withoutAffiliation(s, e); n < e {
		return // "Dan McLaughlin at the National Review agreed with Matthews": a person's sentence
	}
	if _, named := x.setOffName(e, se); named {
		return // "And a third, Daniel Traynor, said …": a person after all
	}
	// "Footage of Al-Awlaki again appears": the person the subject is of
	for k := s + 1; k+1 < e; k++ {
		if x.is(k, "of") && x.toks[k+1].cap && x.toks[e-1].cap {
			if m := x.mention(k+1, e); fullName(m.Text) || e-k-1 == 1 {
				if x.personLike(m.Text) && !x.placeOrDay(k+1, e) {
					x.push(m)
				}
			}
			break
		}
	}
	x.pushLastName(e, se)
	if view := x.viewpoint(ss, s); view.Text != "" {
		x.push(view) // still the newest: the sentence gives that person's view
	}
}

// headline: a title-case line ("History Makes Latinos Feel Proud") names no
// subject a later pronoun could mean.
func (x *run) headline(ss, se int) bool {
	words, caps := x.longWords[se]-x.longWords[ss], x.capWords[se]-x.capWords[ss]
	return words >= 4 && caps*10 >= words*7
}

// pushLastName pushes the person names of the sentence outside quotes (not
// its first word), in text order, so the last named is the newest candidate
// and an earlier one is still there for a pronoun of the other gender.
func (x *run) pushLastName(ss, se int) {
	if x.headline(ss, se) {
		return
	}
	var found [3][2]int
	n := 0
	for k := se - 1; k > ss && n < len(found); k-- {
		t := x.toks[k]
		if t.kind != tWord || !t.cap || t.q >= 0 {
			continue
		}
		s := x.capRunStart(ss+1, k)
		// "Mr. Cruz", "Sen. Ted Cruz": the title's period is inside the name
		for s-2 > ss && x.punct(s-1, ".") && x.toks[s-2].cap && x.toks[s-2].q < 0 && isAbbrev(x.text[x.toks[s-2].s:x.toks[s-2].e]) {
			s -= 2
		}
		// "in South Carolina", "from the Pentagon": places and bodies
		// (but "in Barack Obama’s speech", "of Lund's remarks": a name
		// owning something said is a person, whatever the preposition)
		if (!x.inSet(s-1, cPlacePrep) || x.possessive(k) && x.ownsWords(k+1)) && !x.placeOrDay(s, k+1) && !x.modifier(s, k+1) && x.personLike(x.text[x.toks[s].s:x.toks[k].e]) {
			found[n] = [2]int{s, k + 1}
			n++
		}
		k = s
	}
	for n > 0 {
		n--
		x.push(x.mention(found[n][0], found[n][1]))
	}
}

// modifier: the capitalised words s..e stand between "the" and a
// lower-case noun, so they qualify it and name no one a pronoun could mean:
// "the Premiership table", "the Clinton campaign" (not "the Kremlin said",
// "the Rev. Smith has").
func (x *run) modifier(s, e int) bool {
	if !x.is(s-1, "the") || e >= len(x.toks) {
		return false
	}
	t := x.toks[e]
	if t.kind != tWord || t.cap || t.q >= 0 || x.inSet(e, cBetween|cIrregularPast|cNpStop) || x.cueAtKind(e) != 0 {
		return false
	}
	w := x.text[t.s:t.e]
	return !strings.HasSuffix(w, "ed")
}

// ownsWords: token i is a noun for something a person said or wrote
// ("remarks", "statement", "speech").
func (x *run) ownsWords(i int) bool {
	return x.inSet(i, cSaidNoun|cStatementNoun) || x.is(i, "speech") || x.is(i, "speeches") || x.is(i, "address")
}

// capitalisedElsewhere: the word at token i occurs in the article after a
// lower-case word or a comma, so it is a name, not a capitalised opener.
func (x *run) capitalisedElsewhere(i int) bool {
	w := x.text[x.toks[i].s:x.toks[i].e]
	if _, ok := x.surnames[w]; ok {
		return true // the surname of someone named in full earlier ("Rep. Patrick Murphy")
	}
	return midSentence(x.text, w, x.toks[i].s, x.toks[i].e)
}

// midSentence: the word w occurs capitalised inside a sentence of text within
// 3,000 bytes of s..e (after a lower-case word or a comma).
func midSentence(text, w string, s, e int) bool {
	return midSentenceOutside(text, w, s, e, 0, 0)
}

// midSentenceOutside is midSentence with the bytes xlo..xhi left out (a
// title-case headline, where every word follows a lower-case letter).
func midSentenceOutside(text, w string, s, e, xlo, xhi int) bool {
	// look nearby only, so long articles stay linear
	lo, hi := max(0, s-3000), min(len(text), e+3000)
	for off := lo; ; {
		k := strings.Index(text[off:hi], w)
		if k < 0 {
			return false
		}
		k += off
		if k >= xlo && k < xhi {
			off = k + len(w)
			continue
		}
		if k >= 2 && text[k-1] == ' ' && (text[k-2] >= 'a' && text[k-2] <= 'z' || text[k-2] == ',') {
			end := k + len(w)
			if end >= len(text) || !isWordByte(text[end]) {
				return true
			}
		}
		off = k + len(w)
	}
}

func isPronoun(s string) bool {
	if len(s) > 4 {
		return false
	}
	for _, p := range [...]string{"he", "she", "it", "they", "i", "we", "you"} {
		if strings.EqualFold(s, p) {
			return true
		}
	}
	return false
}

// inLower: s lower-cased (at most len(buf) bytes) is in m; the look-up
// does not allocate.
func inLower(m map[string]bool, buf *[64]byte, s string) bool {
	n := copy(buf[:], s)
	for i := 0; i < n; i++ {
		if c := buf[i]; c >= 'A' && c <= 'Z' {
			buf[i] = c + 'a' - 'A'
		}
	}
	return m[string(buf[:n])]
}

const nCands = 6

// learnGender records the gender the text gives a named person, by surname.
func (x *run) learnGender(name string, g int8) {
	if isPronoun(name) || !x.personLike(name) {
		return
	}
	if x.genders == nil {
		x.genders = map[string]int8{}
	}
	x.genders[lastWordOf(name)] = g
}

func isUpper(c byte) bool { return c >= 'A' && c <= 'Z' }

// dropPossessive returns s without a possessive ending ("Trump's",
// "Clinton’s").
func dropPossessive(s string) string {
	if t, ok := strings.CutSuffix(s, "'s"); ok {
		return t
	}
	return strings.TrimSuffix(s, "’s")
}

func lastWordOf(s string) string {
	s = dropPossessive(s)
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}

func (x *run) push(m Mention) {
	if m.Text == "" || len(m.Text) <= 12 && inLower(notCandidates, &x.buf, m.Text) {
		return
	}
	// "Edwards and others", "Sanders and his top aides": the name is the
	// one a later "he" or "she" can mean
	if k := strings.Index(m.Text, " and "); k > 0 && k+6 < len(m.Text) && isUpper(m.Text[0]) && !isUpper(m.Text[k+5]) {
		m.Text, m.Span.End = m.Text[:k], m.Span.Start+k
	}
	// "Karen Holt and Dan Meyer": each name on its own, the first named
	// newest, so a later "she" or "he" can mean either
	if k := strings.Index(m.Text, " and "); k > 0 && k+6 < len(m.Text) && isUpper(m.Text[0]) && isUpper(m.Text[k+5]) {
		a, b := m, m
		a.Text, a.Span.End = m.Text[:k], m.Span.Start+k
		b.Text, b.Span.Start = m.Text[k+5:], m.Span.Start+k+5
		if x.personLike(a.Text) && x.personLike(b.Text) {
			x.push(b)
			x.push(a)
			return
		}
		if x.personLike(a.Text) && acronym(b.Text) {
			m = a // "Fiorina and HP executives": the company is no one a pronoun means
		}
	}
	c := cand{m: m, person: x.personLike(m.Text)}
	copy(x.cands[1:], x.cands[:nCands-1])
	x.cands[0] = c
}

// definite: a description with "the" and a lower-case head ("the Texas
// senator", "The Republican incumbent"), not a name ("The Rev. Al Sharpton").
func definite(m string) bool {
	if m != "" && m[0] >= 'a' && m[0] <= 'z' && !strings.ContainsAny(m, " ") {
		return true // a bare noun left of a description ("the “Avatar” star")
	}
	if !strings.HasPrefix(m, "the ") && !strings.HasPrefix(m, "The ") {
		return false
	}
	last := lastWordOf(m)
	return last != "" && !isUpper(last[0])
}

// pluralPeople: m is a lone plural noun for people ("Critics say …",
// "Analysts"), which "he" or "she" cannot mean.
func pluralPeople(m string) bool {
	if len(m) < 4 || !strings.HasSuffix(m, "s") || strings.HasSuffix(m, "ss") {
		return false
	}
	if i := strings.LastIndexByte(m, ' '); i >= 0 {
		// "Senate filings", "Democratic officials": a phrase ending in a
		// lower-case plural is no "he" or "she"
		return lowerPlural(m[i+1:])
	}
	return personNouns[strings.ToLower(m[:len(m)-1])]
}

// latestPerson is the latest person candidate not known to be of the other
// gender (female 1, male -1). Gender is looked up now rather than when the
// candidate was pushed, so what the text said in between counts.
//
// A person the speaker's own words name ("“Cruz is our best debater,” he
// says") is someone the speaker talks about, not the speaker: people speak
// of themselves as "I". stmts are the paragraph's statements; those whose
// speaker is the mention at sp are the speaker's words.
func (x *run) latestPerson(g int8, stmts []Quote, sp article.Span) Mention {
	x.settle()
	opens := x.opensSentence(sp)
	for i, c := range x.cands {
		// (a pronoun opening its sentence points back: "He hit back at
		// remarks Tillerson made …" is not Tillerson's; one in a clause
		// before the main one may point ahead, "When he insisted …,
		// Francis has understood")
		if opens && c.m.Span.Start >= sp.End {
			continue
		}
		if c.m.Text != "" && c.person && x.gender(c.m) != -g && !pluralPeople(c.m.Text) && !x.namedBy(c.m, stmts, sp) {
			if definite(c.m.Text) {
				// "the Texas senator", "the candidate": news writing refers
				// back to someone already named with a definite
				// description; the pronoun means that person
				for _, d := range x.cands[i+1:] {
					if d.m.Text != "" && d.person && !definite(d.m.Text) && x.gender(d.m) == g {
						return d.m
					}
				}
				// no one named of that gender: the latest named person
				// who may be ("the “Avatar” star" after Zoe Saldana)
				for _, d := range x.cands[i+1:] {
					if d.m.Text != "" && d.person && !definite(d.m.Text) && x.gender(d.m) != -g && x.nameLike(d.m) {
						return d.m
					}
				}
			}
			return c.m
		}
	}
	return Mention{}
}

// opensSentence: the mention at sp is the first word of its sentence, or
// the first after a connective ("But he said").
func (x *run) opensSentence(sp article.Span) bool {
	if sp.End == 0 {
		return false
	}
	si := x.sentenceAt(sp.Start)
	if si < 0 {
		return false
	}
	ss := x.sens[si][0]
	return x.toks[ss].s == sp.Start || ss+1 < x.sens[si][1] && x.toks[ss+1].s == sp.Start && x.inSet(ss, cClauseOpener|cConnective)
}

// namedBy: the surname of m is a word of a statement whose speaker is the
// mention at sp.
func (x *run) namedBy(m Mention, stmts []Quote, sp article.Span) bool {
	last := lastWordOf(m.Text)
	if len(last) < 3 || !isUpper(last[0]) {
		return false
	}
	for i := range stmts {
		q := &stmts[i]
		// reported speech names its speaker in the third person ("Benford
		// says he …, but now Benford plans …"); quoted words do not
		if q.Speaker.Span != sp || sp.End == 0 || q.Kind == Indirect {
			continue
		}
		if namesAlone(x.text[q.Span.Start:q.Span.End], last) {
			return true
		}
	}
	return false
}

// namesAlone: the surname w occurs in s standing for its person, not as the
// first word of another name ("Trump Tower Grill") or qualifying a noun for
// people ("the peaceful Trump supporters"): those name a place or a group.
// ("the Sanders campaign" still names Sanders: people call their own
// campaign "my campaign".)
func namesAlone(s, w string) bool {
	for end := wholeWordEnd(s, w, 0); end >= 0; end = wholeWordEnd(s, w, end) {
		next := s[end:]
		if strings.HasPrefix(next, " ") {
			next = next[1:]
			n := 0
			for n < len(next) && isWordByte(next[n]) {
				n++
			}
			if n > 0 && (isUpper(next[0]) || qualified(next[:n])) {
				continue
			}
		}
		return true
	}
	return false
}

// qualified: a lower-case noun for people a surname can qualify
// ("supporters", "voters").
func qualified(w string) bool {
	return personNouns[w] || personNouns[strings.TrimSuffix(w, "s")]
}

// wholeWordEnd returns where the first whole-word w in s from off ends, or -1.
func wholeWordEnd(s, w string, off int) int {
	for {
		k := strings.Index(s[off:], w)
		if k < 0 {
			return -1
		}
		k += off
		end := k + len(w)
		if (k == 0 || !isWordByte(s[k-1])) && (end == len(s) || !isWordByte(s[end])) {
			return end
		}
		off = end
	}
}

// nameLike: m reads as a person's name: a given name and surname, or a
// surname the article gives with a given name.
func (x *run) nameLike(m Mention) bool {
	if fullName(m.Text) {
		return true
	}
	_, ok := x.surnames[lastWordOf(m.Text)]
	return ok
}

func (x *run) latest(person bool) Mention {
	x.settle()
	for _, c := range x.cands {
		if c.m.Text != "" && c.person == person {
			return c.m
		}
	}
	return Mention{}
}

func (x *run) latestAny() Mention {
	x.settle()
	return x.cands[0].m
}

// personBefore is the antecedent for a pronoun introducing a colon: the
// latest person when the mention is a pronoun.
func (x *run) personBefore(m Mention) Mention {
	if isPronoun(m.Text) {
		return x.latest(strings.ToLower(m.Text) != "it")
	}
	return Mention{}
}

type cand struct {
	m      Mention
	person bool
}

// gender is what the text tells of a person's gender (1 female, -1 male, 0
// unknown), strongest evidence first: a courtesy title or gendered noun in
// the mention ("Mrs.", "the spokeswoman"); a given name of one sex in the
// mention ("Brigid Harrison"); for a bare surname, the pronoun the article
// gave it ("Harrison said she …"), else the given name it came with earlier.
// (Guessing from the first pronoun after the mention was tried and lost
// accuracy on polnear_train: the next pronoun is as often someone else.)
func (x *run) gender(m Mention) int8 {
	t := m.Text
	switch {
	case strings.HasPrefix(t, "Mrs.") || strings.HasPrefix(t, "Ms."):
		return 1
	case strings.HasPrefix(t, "Mr."):
		return -1
	}
	var buf [16]byte
	given := int8(0)
	// otherGiven: a capitalised word right before the surname that is not
	// a title ("Ivanka Trump"): someone else of that surname, so what the
	// article said of the surname does not carry over
	otherGiven := false
	for i := 0; i < len(t); {
		j := i
		for j < len(t) && t[j] != ' ' {
			j++
		}
		n := j - i
		if n >= 2 && n <= len(buf) {
			for k := 0; k < n; k++ {
				c := t[i+k]
				if c >= 'A' && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf[k] = c
			}
			if g, ok := genderedNouns[string(buf[:n])]; ok {
				return g
			}
		}
		// a given name is capitalised and followed by more of the name
		if j+1 < len(t) && isUpper(t[i]) && isUpper(t[j+1]) && t[j-1] != '.' {
			cls := wordClass(0)
			if n <= len(buf) {
				cls = x.e.vocab[string(buf[:n])].cls
			}
			// (not a title word that is also a given name in the list:
			// "Attorney General Loretta Lynch", "Judge Sonia Sotomayor")
			if given == 0 && cls&cPersonNoun == 0 {
				given = genderOfClass(cls)
			}
			if cls&cPersonNoun == 0 && strings.IndexByte(t[j+1:], ' ') < 0 {
				otherGiven = genderOfClass(cls) == 0
			}
		}
		i = j + 1
	}
	if given != 0 {
		return given
	}
	last := lastWordOf(t)
	if otherGiven {
		// a given name the lists do not know or leave unknown ("Bernie
		// Sanders", "Reince Priebus"): what the article said of the
		// surname is this person's, unless it also names someone of that
		// surname with a given name of one sex (Ivanka after Donald Trump)
		if _, ok := x.givenSurnames[last]; ok {
			return 0
		}
	}
	if g := x.genders[last]; g != 0 {
		return g
	}
	if g := x.surnames[last]; g == 1 || g == -1 {
		return g
	}
	// a lone given name of one sex, which the article has not given anyone
	// as a surname: "Melanie said" is a woman
	if last == t && len(t) >= 2 && len(t) <= 16 && isUpper(t[0]) {
		var low [16]byte
		for k := 0; k < len(t); k++ {
			c := t[k]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			low[k] = c
		}
		if cls := x.e.vocab[string(low[:len(t)])].cls; cls&cPersonNoun == 0 {
			if g := genderOfClass(cls); g != 0 && !x.afterCapital(t) {
				return g
			}
		}
	}
	return 0
}

// afterCapital: somewhere in the article w comes right after a capitalised
// word, as a surname does ("Chris Christie", "Gov. Christie"): a lone w may
// then be that surname, whatever given name it also is.
func (x *run) afterCapital(w string) bool {
	text := x.text
	for i := strings.Index(text, w); i >= 0; {
		if e := i + len(w); i >= 2 && text[i-1] == ' ' && (e == len(text) || !isLetterByte(text[e])) {
			j := i - 1
			for j > 0 && text[j-1] != ' ' && text[j-1] != '\n' {
				j--
			}
			// (not a word opening the sentence: "When Melanie said")
			if j < i-1 && isUpper(text[j]) && !sentenceOpensAt(text, j) {
				return true
			}
		}
		k := strings.Index(text[i+1:], w)
		if k < 0 {
			break
		}
		i += 1 + k
	}
	return false
}

// sentenceOpensAt: the word at j opens a paragraph, a sentence or a quote.
func sentenceOpensAt(text string, j int) bool {
	k := j
	for k > 0 && text[k-1] == ' ' {
		k--
	}
	if k == 0 {
		return true
	}
	switch c := text[k-1]; c {
	case '.':
		// (not after a title's period: "Gov. Chris Christie")
		w := k - 1
		for w > 0 && text[w-1] != ' ' && text[w-1] != '\n' {
			w--
		}
		return !abbrevs[text[w:k-1]]
	case '!', '?', '\n', '"', ':':
		return true
	}
	return strings.HasSuffix(text[:k], "“")
}

func isLetterByte(c byte) bool { return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80 }

// courtesyTitle: "Mr", "Mrs", "Ms" (before their period).
func courtesyTitle(w string) bool { return w == "Mr" || w == "Mrs" || w == "Ms" }

func genderOfClass(c wordClass) int8 {
	switch {
	case c&cFemaleName != 0 && c&cMaleName == 0:
		return 1
	case c&cMaleName != 0 && c&cFemaleName == 0:
		return -1
	}
	return 0
}

// learnGivenNames records, for each "Given Surname" in the paragraph whose
// given name is of one sex, the surname's gender; a surname the article
// gives people of both sexes (Bill and Hillary Clinton) stays unknown.
func (x *run) learnGivenNames() {
	// the last gendered names of the paragraph before stay in reach
	for _, n := range x.gnames {
		x.prevNamed[(n.g+1)/2] = n.m
	}
	if len(x.gnames) > 0 {
		x.prevNamedPara = x.curPara - 1
	}
	x.gnames = x.gnames[:0]
	if !x.gendered {
		return // classify saw no word this loop would start from
	}
	// Only the tokens classify found to be a capitalised gendered given
	// name or a courtesy title start a name; any other would go on at once.
	starts := x.gstarts
	if x.e.everyToken {
		starts = make([]int32, len(x.toks))
		for i := range starts {
			starts[i] = int32(i)
		}
	}
	next := 0 // the token after the last name taken
	for _, si := range starts {
		i := int(si)
		if i+1 >= len(x.toks) {
			break
		}
		if i < next {
			continue // a given name inside the name before ("Mary Ann Smith")
		}
		t := x.toks[i]
		if t.kind == tWord && t.cls&cGenderedNoun != 0 {
			if k := x.learnGenderedNoun(i); k > next {
				next = k
			}
			continue
		}
		if t.kind != tWord || !t.cap {
			continue
		}
		g := genderOfClass(t.cls)
		if g == 0 {
			// "Mr. Sanders", "Ms. Olivieri": the courtesy title tells
			if w := x.text[t.s:t.e]; courtesyTitle(w) && x.punct(i+1, ".") && i+2 < len(x.toks) && x.toks[i+2].kind == tWord && x.toks[i+2].cap {
				g = -1
				if w != "Mr" {
					g = 1
				}
				x.noteSurname(lastWordOf(x.text[x.toks[i+2].s:x.toks[i+2].e]), g)
				x.gnames = append(x.gnames, gname{x.mention(i, i+3), g})
			}
			continue
		}
		// the surname: the last of the capitalised words that follow,
		// skipping middle initials ("Joseph R. Murray")
		k := i + 1
		last := -1
		for k < len(x.toks) {
			u := x.toks[k]
			if u.kind == tWord && u.cap {
				last = k
				k++
				continue
			}
			if u.kind == tPunct && last >= 0 && x.text[u.s:u.e] == "." && x.toks[last].e-x.toks[last].s == 1 {
				k++
				continue
			}
			break
		}
		if last < 0 || x.toks[last].e-x.toks[last].s == 1 {
			continue
		}
		sur := lastWordOf(x.text[x.toks[last].s:x.toks[last].e])
		x.noteSurname(sur, g)
		if x.givenSurnames == nil {
			x.givenSurnames = map[string]struct{}{}
		}
		x.givenSurnames[sur] = struct{}{}
		x.gnames = append(x.gnames, gname{x.mention(i, last+1), g})
		next = k
	}
}

// learnGenderedNoun: news writing settles the sex of a person whose given
// name does not with a noun set beside the name: "spokeswoman Hope Hicks",
// "his wife, Jane Sanders", "Sanders, a spokeswoman for the campaign,". The
// name's surname gets the noun's gender, as from a given name (a surname
// the article also gives the other sex stays unknown). i is the noun's
// token; it returns the token after the name taken, or 0.
func (x *run) learnGenderedNoun(i int) int {
	g := genderedNouns[x.lower(i)]
	if g == 0 {
		return 0
	}
	// the name after the noun, set off by a comma or not; not after "man"
	// or "woman" without one ("the woman Trump insulted")
	k := i + 1
	if x.punct(k, ",") {
		k++
	} else if !x.titleNoun(i) {
		k = -1
	}
	if k > 0 && k < len(x.toks) {
		if s, e := k, x.capRun(k); e-s >= 1 && !x.inSet(s, cDeterminer|cSubjectPronoun|cClauseOpener) && !x.possessive(e-1) {
			if e-s >= 2 || x.punct(e, ",") || x.punct(e, ".") {
				x.nameGender(s, e, g)
				return e
			}
		}
	}
	// the name before: "Name, a|the|his … noun", the noun heading the
	// phrase set off by the comma (at most three words before it)
	for j := i - 1; j >= 0 && j >= i-4; j-- {
		if x.punct(j, ",") {
			if j+1 == i || !x.inSet(j+1, cDeterminer) && !x.possessive(j+1) {
				return 0
			}
			if e := j; e > 0 && x.toks[e-1].kind == tWord && x.toks[e-1].cap && !x.possessive(e-1) {
				s := e - 1
				for s > 0 && x.toks[s-1].kind == tWord && x.toks[s-1].cap && !x.possessive(s-1) {
					s--
				}
				// the noun heads its phrase: nothing but "of", "for", "at",
				// "to" or the phrase's end after it ("Sanders, his wife's
				// lawyer," is not)
				if n := i + 1; n >= len(x.toks) || x.toks[n].kind == tPunct || x.is(n, "of") || x.is(n, "for") || x.is(n, "at") || x.is(n, "to") {
					if !x.inSet(s, cDeterminer|cSubjectPronoun|cClauseOpener) {
						x.nameGender(s, e, g)
					}
				}
			}
			return 0
		}
		if x.toks[j].kind != tWord || x.inSet(j, cSubjectPronoun) {
			return 0
		}
	}
	return 0
}

// capRun is the end of the run of capitalised words from token k.
func (x *run) capRun(k int) int {
	for k < len(x.toks) && x.toks[k].kind == tWord && x.toks[k].cap && x.toks[k].q < 0 {
		k++
	}
	return k
}

// capRunStart is the start of the run of capitalised words ending before
// token e, read back no further than token lo (capRun the other way).
func (x *run) capRunStart(lo, e int) int {
	for e-1 >= lo && x.toks[e-1].kind == tWord && x.toks[e-1].cap && x.toks[e-1].q < 0 {
		e--
	}
	return e
}

// titleNoun: a gendered noun that stands before a name as a title
// ("spokeswoman Hope Hicks", "wife Jane"), unlike "man", "woman", "girl".
func (x *run) titleNoun(i int) bool {
	return !x.is(i, "man") && !x.is(i, "woman") && !x.is(i, "boy") && !x.is(i, "girl") && !x.is(i, "lady")
}

// nameGender records that the name in tokens [s,e) is of gender g.
func (x *run) nameGender(s, e int, g int8) {
	x.noteSurname(lastWordOf(x.text[x.toks[e-1].s:x.toks[e-1].e]), g)
	x.gnames = append(x.gnames, gname{x.mention(s, e), g})
}

// genderedNounWords are the genderedNouns but the courtesy titles, which
// learnGivenNames reads before a name.
func genderedNounWords() map[string]bool {
	m := map[string]bool{}
	for w := range genderedNouns {
		if !courtesyTitle(strings.ToUpper(w[:1])+w[1:]) && w != "mrs" {
			m[w] = true
		}
	}
	return m
}

// gname is a person named with a given name or courtesy title of one sex.
type gname struct {
	m Mention
	g int8
}

// namedOfGender is the last person named before byte b, in this paragraph
// or the one before, whose given name or title is of gender g: when no
// subject or speaker fits "she", the woman the text last named ("a message
// from Undersecretary Wendy Sherman … she wrote") is the best guess.
func (x *run) namedOfGender(g int8, b int) Mention {
	for i := len(x.gnames) - 1; i >= 0; i-- {
		if n := x.gnames[i]; n.g == g && n.m.Span.End <= b {
			return n.m
		}
	}
	if x.prevNamedPara >= x.curPara-1 {
		return x.prevNamed[(g+1)/2]
	}
	return Mention{}
}

// noteSurname records that the article gives the surname to a person of
// gender g; a surname given to both sexes becomes unknown (2).
func (x *run) noteSurname(sur string, g int8) {
	if x.surnames == nil {
		x.surnames = map[string]int8{}
	}
	if old, ok := x.surnames[sur]; ok && old != g {
		g = 2
	}
	x.surnames[sur] = g
	x.pending.surnameLog = append(x.pending.surnameLog, surnameNote{sur, g})
}

// genderedNouns in a mention tell a person's gender: "the spokeswoman",
// "his wife", "Democratic congresswoman X".
var genderedNouns = map[string]int8{
	"woman": 1, "wife": 1, "mother": 1, "daughter": 1, "sister": 1, "actress": 1, "spokeswoman": 1,
	"congresswoman": 1, "chairwoman": 1, "businesswoman": 1, "councilwoman": 1, "grandmother": 1, "widow": 1,
	"girl": 1, "lady": 1, "queen": 1, "princess": 1, "aunt": 1, "niece": 1, "mrs": 1, "ms": 1,
	"man": -1, "husband": -1, "father": -1, "son": -1, "brother": -1, "actor": -1, "spokesman": -1,
	"congressman": -1, "chairman": -1, "businessman": -1, "councilman": -1, "grandfather": -1, "widower": -1,
	"boy": -1, "king": -1, "prince": -1, "uncle": -1, "nephew": -1, "mr": -1,
}

// notCandidates are capitalised words that open sentences or stand for
// someone, never a person a later pronoun could mean.
var notCandidates = set("a", "an", "the", "in", "on", "at", "for", "by", "with", "after", "before", "it", "when", "that", "this", "those", "these", "there", "here", "but", "and", "as", "while",
	"if", "then", "now", "so", "what", "who", "why", "how", "where", "he", "she", "they", "we", "i", "you", "his", "her",
	"their", "its", "our", "however", "meanwhile", "still", "yet", "also", "instead", "indeed", "asked", "according",
	"one", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
	// party and leaning adjectives opening a sentence ("Libertarian
	// candidates …", "Democratic leaders …")
	"republican", "democrat", "democratic", "libertarian", "conservative", "liberal", "progressive", "independent",
	"january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december")

// institutionHeads end the names of organisations, not people.
var institutionHeads = set("house", "department", "ministry", "office", "committee", "party", "administration",
	"government", "times", "post", "journal", "news", "network", "agency", "council", "court", "campaign",
	"commission", "senate", "congress", "kremlin", "pentagon", "council", "bureau", "service", "foundation",
	"institute", "center", "centre", "university", "group", "association", "union", "corporation", "company",
	"inc", "co", "corp", "ltd", "llc", "plc", "bros", "reuters", "ap", "cnn", "fbi", "cia", "nato", "un", "eu", "gop", "dnc", "rnc", "press", "magazine",
	"tribune", "herald", "globe", "review", "daily", "today", "report", "poll", "survey", "study", "team",
	"staff", "regime", "army", "navy", "military", "police", "state", "states", "nations", "federation", "republic",
	"democrats", "republicans", "americans", "conservatives", "liberals", "voters", "people", "county", "city",
	"watch", "media", "online", "channel", "network", "fund", "pac", "coalition", "alliance", "movement", "hook",
	// events, not people: "the Democratic National Convention"
	"convention", "conference", "summit", "debate", "rally", "caucus", "caucuses", "primary", "election", "hearing")

// isPlace: m is a place or a place's adjective in the lexicon.
func (e *Extractor) isPlace(m string) bool {
	m = strings.TrimPrefix(m, "the ")
	var buf [64]byte
	if len(m) > len(buf) {
		return false
	}
	n := copy(buf[:], m)
	for i := 0; i < n; i++ {
		if c := buf[i]; c >= 'A' && c <= 'Z' {
			buf[i] = c + 'a' - 'A'
		}
	}
	// look-ups keyed by the converted bytes do not allocate
	return e.places[string(buf[:n])] || e.vocab[string(buf[:n])].cls&cPlace != 0
}

var possessiveDeterminers = set("our", "his", "her", "their", "my", "your", "its")

// acronym: m is one word of two to five capital letters.
func acronym(m string) bool {
	if len(m) < 2 || len(m) > 5 {
		return false
	}
	for i := 0; i < len(m); i++ {
		if m[i] < 'A' || m[i] > 'Z' {
			return false
		}
	}
	return true
}

// personMemo holds the article's latest answers of Extractor.personLike,
// by the mention's length and first and last bytes: the pronoun pass asks
// about the same names sentence after sentence ("Trump", "the senator"),
// and each answer costs several map look-ups of lower-cased words. The
// answer depends on the string alone, so a remembered one is the one
// personLike would give.
type personMemo struct {
	mention [64]string
	person  [64]bool
}

// personLike is e.personLike(m), remembered for the article.
func (x *run) personLike(m string) bool {
	if m == "" {
		return x.e.personLike(m)
	}
	i := (len(m)*31 + int(m[0])*7 + int(m[len(m)-1])) & 63
	if x.people.mention[i] == m {
		return x.people.person[i]
	}
	p := x.e.personLike(m)
	x.people.mention[i], x.people.person[i] = m, p
	return p
}

// personLike: a name or described source that "he" or "she" could stand for.
func (e *Extractor) personLike(m string) bool {
	var buf [64]byte
	lm := m
	if len(m) <= len(buf) {
		for i := 0; i < len(m); i++ {
			c := m[i]
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf[i] = c
		}
		lm = string(buf[:len(m)]) // escapes only as far as the lookups below
	} else {
		lm = strings.ToLower(m)
	}
	if acronym(m) {
		return false // "GRS", "NATO": an organisation's initials
	}
	lm = strings.TrimPrefix(strings.TrimPrefix(lm, "the "), "a ")
	// "Our Revolution", "His campaign": a possessive determiner opens a
	// description, capitalised or not
	if k := strings.IndexByte(lm, ' '); k > 0 && possessiveDeterminers[lm[:k]] {
		last := lm[strings.LastIndexByte(lm, ' ')+1:]
		return personNouns[last]
	}
	// "One of the central claims of …", "Two of his aides": a part of
	// a group is a person when the group's head noun names people
	if k := strings.Index(lm, " of "); k > 0 && strings.IndexByte(lm[:k], ' ') < 0 && determiners[lm[:k]] {
		last := lm[strings.LastIndexByte(lm, ' ')+1:]
		return personNouns[last] || personNouns[strings.TrimSuffix(last, "s")]
	}
	if e.noPerson[lm] {
		return false // a lexicon institution, a place or its adjective
	}
	last := lm
	if i := strings.LastIndexByte(lm, ' '); i >= 0 {
		last = lm[i+1:]
	}
	last = strings.TrimSuffix(dropPossessive(last), ".") // "Nordlys Shipping Inc."
	if institutionHeads[last] || e.nonPerson[last] {
		return false
	}
	// "Clinton's position", "the company's board": a possessive names
	// whose thing it is; the head after it decides
	lastCap := false
	if w := lastWordOf(m); w != "" {
		lastCap = isUpper(w[0])
	}
	possessed := (strings.Contains(lm, "'s ") || strings.Contains(lm, "’s ")) && !lastCap
	// "former Florida governor Jeb Bush": a title before a name is a person;
	// so is a name after a determiner and adjectives ("a confident-seeming
	// Manafort", "an angry Hollande")
	named := lastCap && (fullName(m) || (strings.HasPrefix(m, "a ") || strings.HasPrefix(m, "an ") || strings.HasPrefix(m, "A ") || strings.HasPrefix(m, "An ")) && !possessed)
	if !named && (m != "" && !(m[0] >= 'A' && m[0] <= 'Z') || possessed || strings.HasPrefix(m, "The ") || strings.HasPrefix(m, "A ") || strings.HasPrefix(m, "An ")) {
		// a described source: a person only when its head noun names one
		// ("the official", "a spokeswoman"); "the district" is not
		return personNouns[last]
	}
	// "Footage of Al-Awlaki", "Supporters of Trump": a head noun with "of"
	// is a person only when the head names one
	if k := strings.Index(lm, " of "); !named && k > 0 && strings.IndexByte(lm[:k], ' ') < 0 && e.vocab[lm[:k]].cls&(cFemaleName|cMaleName) == 0 {
		head := lm[:k]
		return personNouns[head] || personNouns[strings.TrimSuffix(head, "s")]
	}
	return true
}

// withoutAffiliation: where a subject that is a person's full name followed
// by the body they work for ("Dan McLaughlin at the National Review", "Ana
// Ruiz of the Harbour Board") ends its name; e when it is not one.
func (x *run) withoutAffiliation(s, e int) int {
	k := s
	for k < e && x.toks[k].kind == tWord && x.toks[k].cap {
		k++
	}
	// (not "The Boys Choir of Harlem", "The Shadow Secretary of State":
	// a person's name has no article)
	if k-s < 2 || k+1 >= e || x.inSet(s, cDeterminer) || !x.lowerIn(k, affiliationPreps) || !(x.toks[k+1].cap || x.is(k+1, "the") && k+2 < e && x.toks[k+2].cap) {
		return e
	}
	if !x.personLike(x.text[x.toks[s].s:x.toks[k-1].e]) {
		return e
	}
	return k
}

var affiliationPreps = set("at", "of", "from", "with")
