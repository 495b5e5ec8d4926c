// Package stance scores whether a statement backs or opposes each side's
// position, from the frames in the lexicon.
//
// These kinds of evidence count, and nothing else:
//  1. claims of a side's position found in the statement (frame patterns),
//     flipped by a negator inside or just before them ("did not carry out")
//     and by a denial introducing the statement ("Russia denied [that] …");
//  2. opposition cues in the words introducing the statement, when the
//     speaker is their subject ("accused Russia of …");
//  3. tone directed at a mention of another side's actor in the statement
//     ("contradictory ideas coming from Washington"), and the tone of a short
//     quoted fragment that labels an actor the narration names ("calling it
//     a “tedious” story");
//  4. "we", "our" and "us" in the statement stand for the speaker's side in
//     claim patterns.
//
// The speaker's affiliation alone is never evidence: a statement that makes no
// claim and names no side gets no value, whoever said it. docs/stance.md has
// the details for people who write frames.
package stance

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"sync"
	"time"
	"unsafe"

	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline/article"
	"github.com/stance-news/stance/pipeline/tone"
)

// Statement is what the stance scorer reads.
type Statement struct {
	Text        string
	Affiliation string // the speaker's side, for resolving "we" and "our"
	Published   time.Time
	// Lead is the article's words from the start of the statement's sentence
	// to the statement ("Russia has denied "), where denials and opposition
	// cues sit. Empty when the statement opens its sentence.
	Lead string
	// SpeakerID and Speaker identify who spoke, so the speaker's own name is
	// never read as the target of the speaker's words.
	SpeakerID, Speaker string
}

// Result maps side id to a value in -1..1; a side without evidence is absent.
type Result struct {
	Values   map[string]float64
	Evidence []string
}

// Weights of the kinds of evidence when they are averaged per side. A claim
// is the side's own words for its position; target tone is indirect.
const (
	claimWeight      = 1.0
	oppositionWeight = 1.0
	targetWeight     = 0.5
	// minTargetTone: weaker tone toward a mention is not evidence.
	minTargetTone = 0.25
	// negationReach: how many words before a claim a negator still reaches.
	negationReach = 3
	// oppositionReach: how many words after an opposition cue its target may be.
	oppositionReach = 8
)

// Scorer is immutable and safe for concurrent use.
type Scorer struct {
	claims []claimRef
	// terms numbers the words and prefixes the claims require; a statement
	// is matched only against the claims whose requirements its words meet.
	// byAnchor lists, per term, the claims whose first requirement it meets.
	terms    *terms
	byAnchor [][]int
	// oppositionTerms number the opposition cues' words apart: a lead is
	// looked up among those few words only, not all the claims' ones.
	oppositionTerms *terms
	// unanchored are the claims with no required words, tried on every
	// statement.
	unanchored []int

	negators, affirmations, denials, oppositions, characterizations []*compiled

	actors *actorIndex
	names  map[string]string // lower-cased actor name or alias → actor id
	tone   *tone.Scorer
}

type claimRef struct {
	frame   string
	claim   lexicon.Claim
	pattern *compiled
	context *compiled
}

// New builds a scorer from the lexicon's frames.
func New(lx *lexicon.Lexicon, t *tone.Scorer) *Scorer {
	cues := lx.StanceCues
	s := &Scorer{actors: newActorIndex(lx), names: map[string]string{}, tone: t, terms: newTerms(), oppositionTerms: newTerms(),
		negators: compileAll(cues.Negators), affirmations: compileAll(cues.Affirmations), denials: compileAll(cues.Denials),
		oppositions: compileAll(cues.Oppositions), characterizations: compileAll(cues.Characterizations)}
	for _, f := range lx.Frames {
		for _, c := range f.Claims {
			cr := claimRef{frame: f.Name, claim: c, pattern: compile(c.Pattern)}
			if c.Context != nil {
				cr.context = compile(*c.Context)
			}
			s.terms.number(cr.pattern)
			s.claims = append(s.claims, cr)
		}
	}
	for _, p := range s.oppositions {
		s.oppositionTerms.number(p)
	}
	patterns := make([]*compiled, len(s.claims))
	for i, cr := range s.claims {
		patterns[i] = cr.pattern
	}
	s.byAnchor = anchored(s.terms.n, patterns)
	for i, cr := range s.claims {
		if len(cr.pattern.reqTerms) == 0 {
			s.unanchored = append(s.unanchored, i)
		}
	}
	for _, a := range lx.Actors {
		s.names[strings.ToLower(a.Name)] = a.ID
		for _, al := range a.Aliases {
			if _, taken := s.names[strings.ToLower(al)]; !taken {
				s.names[strings.ToLower(al)] = a.ID
			}
		}
	}
	return s
}

// evidence is one piece of evidence about one or more sides.
type evidence struct {
	text   string
	values []sideValue
}

type sideValue struct {
	side          string
	value, weight float64
}

// Score scores one statement. With no evidence it returns no values.
func (s *Scorer) Score(st Statement) Result {
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	// The lead and the statement are read as one text, built in the
	// scratch: nothing of it outlives the call (evidence copies what it
	// quotes), and a new string per statement was most of what scoring
	// allocated.
	ctx := st.Text
	if st.Lead != "" {
		sc.ctx = append(append(sc.ctx[:0], st.Lead...), st.Text...)
		ctx = unsafe.String(unsafe.SliceData(sc.ctx), len(sc.ctx))
	}
	sc.norms = sc.norms[:0] // no token outlives this call
	sc.toks = lexicon.AppendTokensIn(sc.toks[:0], ctx, &sc.norms)
	toks := sc.toks
	nLead := 0
	for nLead < len(toks) && toks[nLead].Start < len(st.Lead) {
		nLead++
	}
	sc.mentions = s.actors.find(sc.mentions[:0], toks, st.Affiliation, nLead, st.Published)
	mentions := sc.mentions

	var evs []evidence
	evs = append(evs, s.claimEvidence(st, toks, nLead, mentions, sc)...)
	// The other kinds of evidence are each about an actor the sentence
	// names, and most sentences name none: without one, neither the
	// speaker's id nor the lead's opposition cues are looked up.
	if len(mentions) > 0 {
		speaker := s.speakerID(st)
		evs = append(evs, s.oppositionEvidence(ctx, toks, nLead, mentions, speaker, sc)...)
		evs = append(evs, s.targetEvidence(st, toks, nLead, mentions, speaker)...)
		evs = append(evs, s.fragmentEvidence(st, ctx, toks, nLead, mentions, speaker)...)
	}
	return combine(evs)
}

// scratch is the memory one Score call works in, kept between calls: the
// statement's tokens and the flags of the terms they meet would otherwise
// be most of what scoring allocates.
type scratch struct {
	toks     []lexicon.Token
	mentions []mention
	ctx      []byte // the lead and the statement
	norms    []byte // the tokens' lower-cased words
	present  []bool
	ids      []int
	anchored []bool
	cands    []int
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// falses returns n false flags, reusing *buf.
func falses(buf *[]bool, n int) []bool {
	if cap(*buf) < n {
		*buf = make([]bool, n)
	}
	*buf = (*buf)[:n]
	clear(*buf)
	return *buf
}

// speakerID returns the speaker's actor id, "" when unknown.
func (s *Scorer) speakerID(st Statement) string {
	if st.SpeakerID != "" {
		return st.SpeakerID
	}
	return s.names[strings.ToLower(st.Speaker)]
}

type claimHit struct {
	ref        claimRef
	order      int // the claim's place in the frames, for ties
	start, end int
	negator    string // the negator that flipped it, if any
}

func (s *Scorer) claimEvidence(st Statement, toks []lexicon.Token, nLead int, mentions []mention, sc *scratch) []evidence {
	if len(s.claims) == 0 || nLead == len(toks) {
		return nil
	}
	present := falses(&sc.present, s.terms.n)
	sc.ids = s.terms.mark(toks[nLead:], present, sc.ids[:0])
	// the claims worth trying, in list order: those an anchor word of the
	// statement starts, and those that need no word
	anchored := falses(&sc.anchored, len(s.claims))
	cands := append(sc.cands[:0], s.unanchored...)
	for _, id := range sc.ids {
		for _, i := range s.byAnchor[id] {
			if !anchored[i] {
				anchored[i] = true
				cands = append(cands, i)
			}
		}
	}
	slices.Sort(cands)
	sc.cands = cands
	if len(cands) == 0 {
		return nil // no claim is anchored here, as for most statements
	}
	m := &matcher{toks: toks, lo: nLead, hi: len(toks), slots: byStart(mentions)}
	var hits []claimHit
	for _, i := range cands {
		cr := s.claims[i]
		if !metAll(cr.pattern.reqTerms, present) || !cr.claim.Applies(st.Published) {
			continue
		}
		if cr.context != nil {
			// The topic words may be anywhere in the sentence, lead included.
			cm := &matcher{toks: toks, lo: 0, hi: len(toks), slots: m.slots}
			if _, _, _, ok := cm.match(cr.context, 0); !ok {
				continue
			}
		}
		for from := nLead; from < len(toks); {
			start, end, lit, ok := m.match(cr.pattern, from)
			if !ok {
				break
			}
			hits = append(hits, claimHit{ref: cr, order: i, start: start, end: end, negator: s.negatorOf(toks, nLead, start, end, lit)})
			from = end
		}
	}
	if len(hits) == 0 {
		return nil
	}
	// Where claims overlap, the longer (more specific) one wins; on a tie
	// the one listed first.
	sort.SliceStable(hits, func(i, j int) bool {
		li, lj := hits[i].end-hits[i].start, hits[j].end-hits[j].start
		if li != lj {
			return li > lj
		}
		return hits[i].order < hits[j].order
	})
	taken := make([]bool, len(toks))
	var kept []claimHit
	for _, h := range hits {
		free := true
		for i := h.start; i < h.end; i++ {
			free = free && !taken[i]
		}
		if !free {
			continue
		}
		for i := h.start; i < h.end; i++ {
			taken[i] = true
		}
		kept = append(kept, h)
	}
	sort.Slice(kept, func(i, j int) bool { return kept[i].start < kept[j].start })

	denial := s.denialOf(toks, nLead)
	var out []evidence
	for _, h := range kept {
		flip := 1.0
		var why []string
		if h.negator != "" {
			flip = -flip
			why = append(why, fmt.Sprintf("negated by %q", h.negator))
		}
		if denial != "" {
			flip = -flip
			why = append(why, fmt.Sprintf("denied by %q", denial))
		}
		ev := evidence{}
		for _, ss := range h.ref.claim.Stance {
			ev.values = append(ev.values, sideValue{side: ss.Side, value: flip * ss.Sign, weight: claimWeight})
		}
		quoted := st.Text[toks[h.start].Start-len(st.Lead) : toks[h.end-1].End-len(st.Lead)]
		ev.text = fmt.Sprintf("claim %q [%s/%s]", quoted, h.ref.frame, h.ref.claim.Area)
		if len(why) > 0 {
			ev.text += " " + strings.Join(why, ", ")
		}
		ev.text += " → " + signs(ev.values)
		out = append(out, ev)
	}
	return out
}

// negatorOf returns the negator that flips a claim matched at [start, end),
// or "": an odd number of negators in the words the pattern skipped or just
// before it, within the clause, not cancelled by an affirmation ("no doubt",
// "not only") or by a contrast after it ("not improved, but rather worsened").
func (s *Scorer) negatorOf(toks []lexicon.Token, lo, start, end int, literal []int) string {
	lit := map[int]bool{}
	for _, i := range literal {
		lit[i] = true
	}
	from := start
	for k := 0; k < negationReach && from > lo && toks[from].Break == 0; k++ {
		from--
	}
	var found []string
	for i := from; i < end; i++ {
		if lit[i] || !s.isNegator(toks, i, end) {
			continue
		}
		contrast := false
		for j := i + 1; j < end; j++ {
			if !lit[j] && contrastWords[toks[j].Norm] {
				contrast = true
				break
			}
			if lit[j] {
				break
			}
		}
		if !contrast {
			found = append(found, toks[i].Raw)
		}
	}
	if len(found)%2 == 1 {
		return found[len(found)-1]
	}
	return ""
}

// contrastWords end a negator's reach: "not improved, but rather worsened".
var contrastWords = map[string]bool{"but": true, "rather": true, "instead": true, "however": true}

func (s *Scorer) isNegator(toks []lexicon.Token, i, end int) bool {
	w := toks[i].Norm
	negated := strings.HasSuffix(w, "n't")
	m := &matcher{toks: toks, lo: i, hi: end}
	for _, p := range s.negators {
		if negated {
			break
		}
		if _, ok := m.matchAt(p, i); ok {
			negated = true
		}
	}
	if !negated {
		return false
	}
	m.hi = len(toks)
	for _, p := range s.affirmations {
		if _, ok := m.matchAt(p, i); ok {
			return false
		}
	}
	return true
}

// denialOf returns the denial cue that introduces the statement ("has denied
// [that]"), or "". A denial followed by "as" introduces the speaker's own
// description ("dismissed it as"), which is not flipped.
func (s *Scorer) denialOf(toks []lexicon.Token, nLead int) string {
	if nLead == 0 {
		return ""
	}
	m := &matcher{toks: toks, lo: max(0, nLead-6), hi: nLead}
	for _, p := range s.denials {
		for from := m.lo; from < nLead; {
			start, end, _, ok := m.match(p, from)
			if !ok {
				break
			}
			tail := true
			for i := end; i < nLead; i++ {
				tail = tail && toks[i].Norm == "that"
			}
			if tail {
				return joinRaw(toks[start:end])
			}
			from = start + 1
		}
	}
	return ""
}

// oppositionEvidence reads cues such as "accused Russia" or "hit back at
// remarks Tillerson made" in the statement's lead: the speaker opposes the
// side of the actor named after the cue. The cue counts only when its
// subject is the speaker (or a pronoun standing for the speaker), and the
// speaker is never their own target.
func (s *Scorer) oppositionEvidence(ctx string, toks []lexicon.Token, nLead int, mentions []mention, speaker string, sc *scratch) []evidence {
	if nLead == 0 || len(s.oppositions) == 0 {
		return nil
	}
	// Most leads hold no opposition cue: skip the patterns whose words the
	// lead lacks before trying them at every word.
	present := falses(&sc.present, s.oppositionTerms.n)
	sc.ids = s.oppositionTerms.mark(toks[:nLead], present, sc.ids[:0])
	m := &matcher{toks: toks, lo: 0, hi: nLead}
	var out []evidence
	seen := map[string]bool{}
	for _, p := range s.oppositions {
		if !metAll(p.reqTerms, present) {
			continue
		}
		for from := 0; from < nLead; {
			start, end, _, ok := m.match(p, from)
			if !ok {
				break
			}
			from = end
			// "accused by the United States": passive, the actor after
			// "by" is the accuser.
			if end < len(toks) && toks[end].Norm == "by" {
				continue
			}
			if !s.subjectIsSpeaker(toks, mentions, start, speaker) {
				continue
			}
			for _, mn := range mentions {
				if mn.start < end || mn.we || mn.side == "" {
					continue
				}
				// The cue's object is the first side actor after it; when
				// that is the speaker, the cue is someone else's.
				if mn.start >= end+oppositionReach || breakBetween(toks, end, mn.start) || speaker != "" && mn.actor == speaker {
					break
				}
				key := mn.side
				if seen[key] {
					break
				}
				seen[key] = true
				ev := evidence{values: []sideValue{{side: mn.side, value: -1, weight: oppositionWeight}}}
				ev.text = fmt.Sprintf("opposition %q at %q → %s", joinRaw(toks[start:end]), ctx[toks[mn.start].Start:toks[mn.end-1].End], signs(ev.values))
				out = append(out, ev)
				break
			}
		}
	}
	return out
}

// subjectIsSpeaker looks at the words before an opposition cue, back to the
// clause start: another actor named there is the one who opposes.
func (s *Scorer) subjectIsSpeaker(toks []lexicon.Token, mentions []mention, cue int, speaker string) bool {
	from := cue
	for from > 0 && toks[from].Break == 0 {
		from--
	}
	for _, mn := range mentions {
		if mn.start >= from && mn.end <= cue && !mn.we && (speaker == "" || mn.actor != speaker) {
			return false
		}
	}
	return true
}

// breakBetween reports a clause or sentence break after token from, up to
// token to: an opposition cue reaches its object, not the next clause.
func breakBetween(toks []lexicon.Token, from, to int) bool {
	for i := from + 1; i <= to && i < len(toks); i++ {
		if toks[i].Break != 0 {
			return true
		}
	}
	return false
}

// targetEvidence scores the tone directed at each mention of a side's actor
// in the statement, when the statement involves another side as well (see
// otherSidePresent). Self-reference is left out: the speaker's own name,
// "we"/"our", and the speaker's own side named ("the US" from a US
// official), whose tone describes the speaker's own conduct ("we can better
// understand", "the US will not be drawn into war") rather than backing or
// opposing a position. Claims about the speaker's side still count.
func (s *Scorer) targetEvidence(st Statement, toks []lexicon.Token, nLead int, mentions []mention, speaker string) []evidence {
	if s.tone == nil {
		return nil
	}
	var out []evidence
	for _, mn := range mentions {
		if mn.start < nLead || mn.side == "" || mn.we || mn.side == st.Affiliation || speaker != "" && mn.actor == speaker {
			continue
		}
		if !otherSidePresent(mn.side, st.Affiliation, mentions) {
			continue
		}
		span := article.Span{Start: toks[mn.start].Start - len(st.Lead), End: toks[mn.end-1].End - len(st.Lead)}
		// The tone stage reads the mention's sentence, not the whole
		// statement: tone toward an actor is local, and a long statement
		// would otherwise cost time in proportion to its length squared.
		ws, we := sentenceAround(toks, nLead, mn.start, mn.end)
		off := toks[ws].Start - len(st.Lead)
		window := st.Text[off : toks[we-1].End-len(st.Lead)]
		t := s.tone.Target(window, article.Span{Start: span.Start - off, End: span.End - off})
		if math.IsNaN(t) || math.Abs(t) < minTargetTone {
			continue
		}
		t = math.Max(-1, math.Min(1, t))
		ev := evidence{values: []sideValue{{side: mn.side, value: t, weight: targetWeight}}}
		ev.text = fmt.Sprintf("target %q tone %+.2f → %s", st.Text[span.Start:span.End], t, signs(ev.values))
		out = append(out, ev)
	}
	return out
}

// fragmentWords: a statement this short is a quoted fragment whose target
// the narration names ("calling it a “tedious” story").
const fragmentWords = 4

// fragmentEvidence reads a short quoted fragment as the speaker's
// characterisation of the nearest actor the narration names before it, in
// the same sentence: "comparisons between the US response and the Iraq war,
// calling it a “tedious” story". The speaker and the speaker's own side are
// not targets, as in targetEvidence; a fragment that names a side itself is
// left to targetEvidence.
func (s *Scorer) fragmentEvidence(st Statement, ctx string, toks []lexicon.Token, nLead int, mentions []mention, speaker string) []evidence {
	// Without a known speaker, the nearest actor is too often the speaker.
	if s.tone == nil || speaker == "" || nLead == 0 || len(toks)-nLead == 0 || len(toks)-nLead > fragmentWords {
		return nil
	}
	// The target first: most leads name none, and finding the cue tries
	// every characterization pattern at the lead's end.
	subject := subjectEnd(toks, mentions, nLead)
	var target *mention
	for i := range mentions {
		mn := &mentions[i]
		if mn.start >= nLead {
			return nil // names its own target
		}
		if mn.side == "" || mn.we || mn.side == st.Affiliation || speaker != "" && mn.actor == speaker || mn.end <= subject || sentenceBreakAfter(toks, mn.start, nLead) {
			continue
		}
		target = mn // the last one before the fragment wins
	}
	if target == nil || !s.characterizes(toks, nLead) {
		return nil
	}
	t := s.tone.Score(st.Text).Tone
	if math.IsNaN(t) || math.Abs(t) < minTargetTone {
		return nil
	}
	ev := evidence{values: []sideValue{{side: target.side, value: t, weight: targetWeight}}}
	ev.text = fmt.Sprintf("fragment %q tone %+.2f at %q → %s", strings.TrimSpace(st.Text), t, ctx[toks[target.start].Start:toks[target.end-1].End], signs(ev.values))
	return []evidence{ev}
}

// characterizes reports whether the lead ends in a characterization cue
// ("calling it a", "describing the comments as"): only then does a fragment
// label something the narration named. "Moscow would “respond in kind”" is
// Moscow's own words, not a label for Moscow.
func (s *Scorer) characterizes(toks []lexicon.Token, nLead int) bool {
	m := &matcher{toks: toks, lo: max(0, nLead-characterReach), hi: nLead}
	for _, p := range s.characterizations {
		for from := m.lo; from < nLead; {
			start, end, _, ok := m.match(p, from)
			if !ok {
				break
			}
			// What is labelled may sit between cue and fragment:
			// "called the meeting", "calling it a".
			if nLead-end <= 3 {
				return true
			}
			from = start + 1
		}
	}
	return false
}

// characterReach: how far back from the fragment a characterization cue
// may start ("describing the remarks made on Tuesday as").
const characterReach = 10

// subjectEnd returns where the names opening the lead's sentence end:
// "Kremlin spokesman Oleg Danilin [called the meeting …]". Those names are
// who speaks, not what the fragment is about, even when the speaker was not
// resolved.
func subjectEnd(toks []lexicon.Token, mentions []mention, nLead int) int {
	i, m := 0, 0
	for i < nLead {
		for m < len(mentions) && mentions[m].end <= i {
			m++
		}
		switch {
		case m < len(mentions) && mentions[m].start == i:
			i = mentions[m].end
		case toks[i].Norm == "the" || isCapitalised(toks[i].Raw):
			i++
		default:
			return i
		}
	}
	return i
}

// sentenceBreakAfter reports a sentence break after token from, up to token to.
func sentenceBreakAfter(toks []lexicon.Token, from, to int) bool {
	for i := from + 1; i < to && i < len(toks); i++ {
		if toks[i].Break == '.' {
			return true
		}
	}
	return false
}

// otherSidePresent reports whether a statement about side involves another
// side too: as the speaker's, or as a person or institution of another side
// named anywhere in the sentence. Tone toward a country named as a place
// ("America's prison system", "a US court … in Russia") in news about
// something else is not a stance on its position, so another country's
// name alone does not count.
func otherSidePresent(side, affiliation string, mentions []mention) bool {
	if affiliation != "" && affiliation != side {
		return true
	}
	for _, mn := range mentions {
		if mn.side != "" && mn.side != side && !mn.country && !mn.we {
			return true
		}
	}
	return false
}

// targetWindow bounds the words either side of a mention the tone stage reads.
const targetWindow = 40

// sentenceAround returns the token range of the sentence holding tokens
// [start, end), within the statement (from lo), at most targetWindow words
// either side.
func sentenceAround(toks []lexicon.Token, lo, start, end int) (int, int) {
	ws := start
	for ws > lo && start-ws < targetWindow && toks[ws].Break != '.' {
		ws--
	}
	we := end
	for we < len(toks) && we-end < targetWindow && toks[we].Break != '.' {
		we++
	}
	return ws, we
}

// maxEvidence bounds the evidence strings kept for one statement; a
// statement with more (a whole speech quoted) still counts them all.
const maxEvidence = 32

// combine averages each side's evidence by weight.
func combine(evs []evidence) Result {
	if len(evs) == 0 {
		return Result{}
	}
	sum, wsum := map[string]float64{}, map[string]float64{}
	res := Result{Values: map[string]float64{}}
	for i, ev := range evs {
		for _, v := range ev.values {
			sum[v.side] += v.weight * v.value
			wsum[v.side] += v.weight
		}
		if i < maxEvidence {
			res.Evidence = append(res.Evidence, ev.text)
		}
	}
	if len(evs) > maxEvidence {
		res.Evidence = append(res.Evidence, fmt.Sprintf("… and %d more", len(evs)-maxEvidence))
	}
	for side, w := range wsum {
		if w > 0 {
			res.Values[side] = math.Max(-1, math.Min(1, sum[side]/w))
		}
	}
	return res
}

// signs writes sides and signs for evidence: "russia +, us -".
func signs(vs []sideValue) string {
	parts := make([]string, len(vs))
	for i, v := range vs {
		switch {
		case v.value == 1:
			parts[i] = v.side + " +"
		case v.value == -1:
			parts[i] = v.side + " -"
		default:
			parts[i] = fmt.Sprintf("%s %+.2f", v.side, v.value)
		}
	}
	return strings.Join(parts, ", ")
}

func joinRaw(toks []lexicon.Token) string {
	parts := make([]string, len(toks))
	for i, t := range toks {
		parts[i] = t.Raw
	}
	return strings.Join(parts, " ")
}

// Lead returns the words of text from the start of the sentence holding
// byte offset start, back to paraStart at most, up to start: the frame a
// reported statement sits in ("Russia has denied "). An opening quotation
// mark right before start is left out.
func Lead(text string, paraStart, start int) string {
	if start <= paraStart || start > len(text) {
		return ""
	}
	seg := text[paraStart:start]
	cut := 0
	// The last sentence end wins, so look for it from the end: a paragraph
	// with many statements is then not read again for each of them.
	for i := len(seg) - 1; i >= 0 && cut == 0; i-- {
		c := seg[i]
		if c != '.' && c != '?' && c != '!' {
			continue
		}
		// A sentence ends at . ? ! followed (after closing quotes) by a space
		// and a capital or an opening quote, and not inside "U.S.".
		j := i + 1
		for j < len(seg) && (seg[j] == '"' || strings.HasPrefix(seg[j:], "”") || strings.HasPrefix(seg[j:], "’")) {
			if seg[j] == '"' {
				j++
			} else {
				j += len("”")
			}
		}
		if j < len(seg) && seg[j] == ' ' && !(i >= 2 && seg[i-2] == '.') && !(i+2 < len(seg) && seg[i+2] == '.') {
			cut = j + 1
		}
	}
	lead := strings.TrimRight(seg[cut:], "“\"‘'")
	return lead
}
