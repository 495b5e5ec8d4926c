package quotes

// Pronoun candidates put off. Every sentence of an article adds candidates
// for a later "he", "she", "it" or "they" (its subject, the names in it, the
// speakers of its statements), but they are read only where a pronoun
// speaker is resolved, and only the newest nCands of them. Nearly half the
// text of a news article comes after its last pronoun speaker, and a
// pronoun seldom needs more than the paragraph or two before it. So a
// paragraph without a pronoun speaker keeps a copy of what the candidate
// pass reads (its tokens, sentences, word counts and statement speakers,
// and how many surnames the article had given by then), and settle
// replays the kept paragraphs only when candidates are read: newest first,
// stopping once those replayed have pushed nCands candidates.
//
// The candidates are the same as if every paragraph had been passed at
// once: TestPutOffAntecedents compares the two over whole corpora, and
// TestCandidatePassReads fails when the pass starts reading state that a
// later paragraph changes (keep a copy of it here, as for the surnames).

// pending holds the paragraphs put off, in article order, in flat buffers
// kept from one article to the next.
type pending struct {
	paras      []pendingPara
	toks       []tok
	sens       [][2]int
	counts     []int32 // longWords then capWords of each paragraph
	stmts      []Quote // statements with a named speaker: Speaker and Antecedent only
	subjects   []subjectMemo
	newestLast [][nCands]cand // candidates each replayed paragraph pushes, newest paragraph first
	// surnameLog lists every write to run.surnames in the article, so that
	// a replayed paragraph sees the surnames as they were when it was read
	// (capitalisedElsewhere asks for them); surnamesThen is that map.
	surnameLog   []surnameNote
	surnamesThen map[string]int8
}

type surnameNote struct {
	surname string
	g       int8
}

// pendingPara is where one paragraph's copies start in the buffers.
type pendingPara struct {
	toks, sens, counts, stmts int
	surnames                  int // length of the surname log
}

func (p *pending) reset() pending {
	return pending{paras: p.paras[:0], toks: p.toks[:0], sens: p.sens[:0], counts: p.counts[:0],
		stmts: p.stmts[:0], subjects: p.subjects[:0], newestLast: p.newestLast[:0],
		surnameLog: p.surnameLog[:0], surnamesThen: p.surnamesThen}
}

// pronounSpeaker reports whether a statement's speaker is a pronoun the
// candidate pass would resolve (any pronoun, to be safe: the pass decides).
func pronounSpeaker(stmts []Quote) bool {
	for i := range stmts {
		q := &stmts[i]
		if q.Speaker.Span.End != 0 && q.Antecedent.Text == "" && isPronoun(q.Speaker.Text) {
			return true
		}
	}
	return false
}

// add keeps what the candidate pass reads of x's current paragraph.
func (p *pending) add(x *run, stmts []Quote) {
	p.paras = append(p.paras, pendingPara{toks: len(p.toks), sens: len(p.sens), counts: len(p.counts), stmts: len(p.stmts), surnames: len(p.surnameLog)})
	p.toks = append(p.toks, x.toks...)
	p.sens = append(p.sens, x.sens...)
	p.counts = append(p.counts, x.longWords...)
	p.counts = append(p.counts, x.capWords...)
	for i := range stmts {
		if q := &stmts[i]; q.Speaker.Span.End != 0 {
			p.stmts = append(p.stmts, Quote{Speaker: q.Speaker, Antecedent: q.Antecedent})
		}
	}
}

// para returns the copies of kept paragraph i.
func (p *pending) para(i int) (toks []tok, sens [][2]int, longWords, capWords []int32, stmts []Quote) {
	a := p.paras[i]
	end := pendingPara{toks: len(p.toks), sens: len(p.sens), counts: len(p.counts), stmts: len(p.stmts)}
	if i+1 < len(p.paras) {
		end = p.paras[i+1]
	}
	n := (end.counts - a.counts) / 2
	return p.toks[a.toks:end.toks], p.sens[a.sens:end.sens], p.counts[a.counts : a.counts+n], p.counts[a.counts+n : end.counts], p.stmts[a.stmts:end.stmts]
}

// settle brings x.cands up to date with the paragraphs put off.
func (x *run) settle() {
	p := &x.pending
	if len(p.paras) == 0 {
		return
	}
	// the current paragraph's state, back in place after the replays
	toks, sens, longWords, capWords, subjects := x.toks, x.sens, x.longWords, x.capWords, x.subjects
	lastSubj, lastSubjSent, before, surnames := x.lastSubj, x.lastSubjSent, x.cands, x.surnames
	x.subjects = p.subjects
	p.newestLast = p.newestLast[:0]
	pushed := 0
	for i := len(p.paras) - 1; i >= 0; i-- {
		var stmts []Quote
		x.toks, x.sens, x.longWords, x.capWords, stmts = p.para(i)
		x.lastSubj, x.lastSubjSent = Mention{}, -1 // as at a paragraph's start
		x.cands = [nCands]cand{}
		x.surnames = surnames
		if n := p.paras[i].surnames; n < len(p.surnameLog) {
			x.surnames = p.surnamesAt(n)
		}
		x.antecedentPass(stmts, 0)
		p.newestLast = append(p.newestLast, x.cands)
		if pushed += filled(&x.cands); pushed >= nCands {
			break // the paragraphs replayed fill the list: older ones are out of reach
		}
	}
	// Push order is newest first, so each paragraph's candidates go in front
	// of those before it, oldest paragraph first.
	cands := before
	for i := len(p.newestLast) - 1; i >= 0; i-- {
		next := p.newestLast[i]
		n := filled(&next)
		copy(next[n:], cands[:nCands-n])
		cands = next
	}
	p.subjects = x.subjects
	x.toks, x.sens, x.longWords, x.capWords, x.subjects = toks, sens, longWords, capWords, subjects
	x.lastSubj, x.lastSubjSent, x.cands, x.surnames = lastSubj, lastSubjSent, cands, surnames
	log := p.surnameLog
	*p = p.reset()
	p.surnameLog = log // the article goes on
}

// surnamesAt is run.surnames after the first n writes of the log.
func (p *pending) surnamesAt(n int) map[string]int8 {
	if p.surnamesThen == nil {
		p.surnamesThen = map[string]int8{}
	}
	clear(p.surnamesThen)
	for _, w := range p.surnameLog[:n] {
		p.surnamesThen[w.surname] = w.g
	}
	return p.surnamesThen
}

// filled is how many candidates a list replayed from empty holds: push
// never adds one without text.
func filled(c *[nCands]cand) int {
	n := 0
	for n < nCands && c[n].m.Text != "" {
		n++
	}
	return n
}
