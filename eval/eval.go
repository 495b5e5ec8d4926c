package eval

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline/article"
	"github.com/stance-news/stance/pipeline/quotes"
	"github.com/stance-news/stance/pipeline/speakers"
)

// Thresholds are the character-overlap shares reported: a prediction matches
// a gold statement when it covers at least that share of the gold span.
var Thresholds = []float64{0.3, 0.8}

// Pred is one extracted statement, offsets in code points.
type Pred struct {
	Start, End int
	Kind       string
	Cue        string
	Speaker    string // canonical name
	Mention    string // the words naming the speaker
	SpeakerID  string
	Rule       string
	Confidence float64
}

// Predict runs the extractor and resolver on every document.
func Predict(lx *lexicon.Lexicon, docs []Doc) [][]Pred {
	ex := quotes.New(lx)
	rs := speakers.New(lx)
	out := make([][]Pred, len(docs))
	for i := range docs {
		a := &docs[i].Article
		qs := ex.Extract(a)
		sps := rs.Resolve(a, qs)
		off := article.NewOffsets(a.Text)
		ps := make([]Pred, len(qs))
		for j, q := range qs {
			ps[j] = Pred{Start: off.Rune(q.Span.Start), End: off.Rune(q.Span.End), Kind: string(q.Kind), Cue: q.Cue,
				Speaker: sps[j].Name, Mention: sps[j].Mention, SpeakerID: sps[j].ID, Rule: q.Rule, Confidence: q.Confidence}
		}
		out[i] = ps
	}
	return out
}

// Pair is the outcome for one document at one threshold.
type match struct {
	goldOf   []int  // pred index → matched gold index, -1 if none
	predOf   []int  // gold index → matched pred index, -1 if none
	fragment []bool // unmatched pred lying within a gold span
}

// matchDoc pairs predictions with gold one to one, best coverage first. A
// prediction that matches nothing but lies (by the same share) inside a gold
// statement is a fragment of it, e.g. a quoted phrase inside a statement
// the annotators marked as mixed: not a false alarm, not a find either.
func matchDoc(gold []Gold, preds []Pred, theta float64) match {
	type cand struct {
		g, p int
		cov  float64
		over int
	}
	var cands []cand
	for gi, g := range gold {
		gl := g.End - g.Start
		for pi, p := range preds {
			o := min(g.End, p.End) - max(g.Start, p.Start)
			if o <= 0 && !(gl == 0 && p.Start <= g.Start && g.End <= p.End) {
				continue
			}
			cov := 1.0
			if gl > 0 {
				cov = float64(o) / float64(gl)
			}
			if cov >= theta {
				extra := (p.End - p.Start) - o
				cands = append(cands, cand{gi, pi, cov, extra})
			}
		}
	}
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].cov != cands[j].cov {
			return cands[i].cov > cands[j].cov
		}
		return cands[i].over < cands[j].over
	})
	m := match{goldOf: fill(len(preds)), predOf: fill(len(gold)), fragment: make([]bool, len(preds))}
	for _, c := range cands {
		if m.goldOf[c.p] < 0 && m.predOf[c.g] < 0 {
			m.goldOf[c.p], m.predOf[c.g] = c.g, c.p
		}
	}
	for pi, p := range preds {
		if m.goldOf[pi] >= 0 || p.End <= p.Start {
			continue
		}
		for _, g := range gold {
			o := min(g.End, p.End) - max(g.Start, p.Start)
			if float64(o) >= theta*float64(p.End-p.Start) {
				m.fragment[pi] = true
				break
			}
		}
	}
	return m
}

func fill(n int) []int {
	s := make([]int, n)
	for i := range s {
		s[i] = -1
	}
	return s
}

// Class is a slice of the gold and the predictions scored together.
type Class struct {
	Name string
	Gold func(Gold) bool
	Pred func(Pred) bool
}

// Classes are the rows of the report. Gold "direct" holds whole quotes and
// quoted fragments alike, so it is scored against predictions of kind direct
// and partial; gold "mixed" (narration with quoted words) and "indirect"
// against predicted indirect (reported speech).
var Classes = []Class{
	{"all", func(Gold) bool { return true }, func(Pred) bool { return true }},
	{"direct", func(g Gold) bool { return g.Kind == "direct" }, func(p Pred) bool { return p.Kind == "direct" || p.Kind == "partial" }},
	{"indirect+mixed", func(g Gold) bool { return g.Kind != "direct" }, func(p Pred) bool { return p.Kind == "indirect" }},
	{"indirect", func(g Gold) bool { return g.Kind == "indirect" }, func(p Pred) bool { return p.Kind == "indirect" }},
	{"mixed", func(g Gold) bool { return g.Kind == "mixed" }, func(p Pred) bool { return p.Kind == "indirect" }},
	{"speech", func(g Gold) bool { return speech(g) }, func(Pred) bool { return true }},
	{"speech/direct", func(g Gold) bool { return speech(g) && g.Kind == "direct" }, func(p Pred) bool { return p.Kind == "direct" || p.Kind == "partial" }},
	{"speech/indirect+mixed", func(g Gold) bool { return speech(g) && g.Kind != "direct" }, func(p Pred) bool { return p.Kind == "indirect" }},
}

// Counts are one class's numbers at one threshold.
type Counts struct {
	Gold, Found  int // gold statements, and how many were matched
	Preds        int // predictions in the class not matched to gold outside it
	Right        int // predictions matched to gold of the class
	Fragments    int // predictions lying within a gold statement
	SpeakerN     int // matched gold with a speaker that is not a bare pronoun
	SpeakerRight int
}

// Precision counts fragments as correct: they are words the article does
// attribute, only cut shorter than the annotation (recall catches that).
func (c Counts) Precision() float64 { return ratio(c.Right+c.Fragments, c.Preds) }
func (c Counts) Recall() float64    { return ratio(c.Found, c.Gold) }
func (c Counts) F1() float64 {
	p, r := c.Precision(), c.Recall()
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}
func (c Counts) SpeakerAcc() float64 { return ratio(c.SpeakerRight, c.SpeakerN) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// Error is a miss (gold not found) or a false alarm (prediction matching
// nothing) or a wrong speaker, for reading.
type Error struct {
	Doc   int
	What  string // "miss", "false alarm", "speaker"
	Gold  *Gold
	Pred  *Pred
	Theta float64
}

// Result is the whole evaluation.
type Result struct {
	Docs   []Doc
	Preds  [][]Pred
	Counts map[float64][]Counts // threshold → one Counts per Classes entry
	Errors []Error              // at the lowest threshold; speaker errors on matched quotes
	Calib  []Bin
	Rules  map[string]*Bin // by attribution rule, at the lowest threshold
	// BySource splits the direct quotes' speaker accuracy (lowest
	// threshold) by how the gold source is written: see SourceKind.
	BySource map[string]*Counts
}

// Bin is one row of the calibration table.
type Bin struct {
	Lo, Hi       float64
	N            int
	Matched      [2]int // matched at each threshold (fragments count)
	SpeakerN     int
	SpeakerRight int
	Right        int // matched at the lowest threshold with the right speaker (or a pronoun-only gold speaker)
	Fragments    int // fragments at the lowest threshold: right words, speaker not judged
}

// Score evaluates the predictions against the documents' gold.
func Score(docs []Doc, preds [][]Pred) *Result {
	res := &Result{Docs: docs, Preds: preds, Counts: map[float64][]Counts{}, Rules: map[string]*Bin{}, BySource: map[string]*Counts{}}
	for b := 0; b < 10; b++ {
		res.Calib = append(res.Calib, Bin{Lo: float64(b) / 10, Hi: float64(b+1) / 10})
	}
	for ti, theta := range Thresholds {
		counts := make([]Counts, len(Classes))
		for di, d := range docs {
			m := matchDoc(d.Gold, preds[di], theta)
			for ci, cl := range Classes {
				c := &counts[ci]
				for gi, g := range d.Gold {
					if !cl.Gold(g) {
						continue
					}
					c.Gold++
					pi := m.predOf[gi]
					if pi < 0 {
						continue
					}
					c.Found++
					if PronounOnly(g) {
						continue
					}
					right := SpeakerMatches(g, preds[di][pi])
					c.SpeakerN++
					if right {
						c.SpeakerRight++
					}
					if ti == 0 && cl.Name == "direct" {
						kind := SourceKind(g)
						bs := res.BySource[kind]
						if bs == nil {
							bs = &Counts{}
							res.BySource[kind] = bs
						}
						bs.SpeakerN++
						if right {
							bs.SpeakerRight++
						}
					}
				}
				for pi, p := range preds[di] {
					if !cl.Pred(p) {
						continue
					}
					if gi := m.goldOf[pi]; gi >= 0 {
						if !cl.Gold(d.Gold[gi]) {
							continue // found something of another kind: not this class's business
						}
						c.Right++
					} else if m.fragment[pi] {
						c.Fragments++
					}
					c.Preds++
				}
			}
			for pi, p := range preds[di] {
				rb := res.Rules[p.Rule]
				if rb == nil {
					rb = &Bin{}
					res.Rules[p.Rule] = rb
				}
				for _, bin := range []*Bin{&res.Calib[min(9, max(0, int(p.Confidence*10)))], rb} {
					if ti == 0 {
						bin.N++
					}
					gi := m.goldOf[pi]
					if gi >= 0 || m.fragment[pi] {
						bin.Matched[ti]++
					}
					if ti == 0 && gi < 0 && m.fragment[pi] {
						bin.Fragments++
					}
					if ti == 0 && gi >= 0 && PronounOnly(d.Gold[gi]) {
						bin.Right++
					}
					if ti == 0 && gi >= 0 && !PronounOnly(d.Gold[gi]) {
						bin.SpeakerN++
						if SpeakerMatches(d.Gold[gi], p) {
							bin.SpeakerRight++
							bin.Right++
						}
					}
				}
			}
			if ti == 0 {
				for gi := range d.Gold {
					g := &d.Gold[gi]
					if pi := m.predOf[gi]; pi < 0 {
						res.Errors = append(res.Errors, Error{Doc: di, What: "miss", Gold: g, Theta: theta})
					} else if !PronounOnly(*g) && !SpeakerMatches(*g, preds[di][pi]) {
						res.Errors = append(res.Errors, Error{Doc: di, What: "speaker", Gold: g, Pred: &preds[di][pi], Theta: theta})
					}
				}
				for pi := range preds[di] {
					if m.goldOf[pi] < 0 && !m.fragment[pi] {
						res.Errors = append(res.Errors, Error{Doc: di, What: "false alarm", Pred: &preds[di][pi], Theta: theta})
					}
				}
			}
		}
		res.Counts[theta] = counts
	}
	return res
}

// speechVerbs are the verbs of saying whose attributions form the "speech"
// subset the targets are set on, matched on any word of the gold cue. The
// list defines the measurement, so it is fixed here rather than read from
// the lexicon a user may be tuning.
var speechVerbs = map[string]bool{}

func init() {
	for _, stem := range strings.Fields(`say says said saying tell tells told telling add adds added adding
		note notes noted noting write writes wrote writing written warn warns warned warning
		claim claims claimed claiming deny denies denied denying accuse accuses accused accusing
		insist insists insisted insisting state states stated stating declare declares declared declaring
		explain explains explained explaining argue argues argued arguing ask asks asked asking
		reply replies replied replying respond responds responded responding answer answered
		announce announces announced announcing acknowledge acknowledges acknowledged acknowledging
		admit admits admitted admitting suggest suggests suggested suggesting tweet tweets tweeted tweeting
		recall recalls recalled recalling emphasize emphasizes emphasized emphasizing stress stresses stressed
		complain complains complained complaining predict predicts predicted predicting
		promise promises promised promising pledge pledges pledged pledging remark remarked remarks
		comment commented comments observe observed observes quote quoted quotes report reports reported
		testify testified testifies confirm confirms confirmed confirming call calls called calling
		describe describes described describing according continue continues continued continuing
		boast boasted boasts joke joked jokes vow vowed vows urge urged urges charge charged charges
		contend contended contends maintain maintained maintains assert asserted asserts
		point pointed mention mentioned mentions reiterate reiterated repeat repeated
		concede conceded concedes agree agreed agrees question questioned criticize criticized
		blast blasted slam slammed praise praised dismiss dismissed retort retorted`) {
		speechVerbs[stem] = true
	}
}

// speech: gold without a cue (the seed annotates statements only) counts as
// speech, since the seed holds statements alone.
func speech(g Gold) bool { return g.Cue == "" || SpeechCue(g.Cue) }

// SpeechCue reports whether a gold cue is a verb of saying, "according to",
// or punctuation (colon, dash) introducing a quote.
func SpeechCue(cue string) bool {
	cue = strings.ToLower(strings.TrimSpace(cue))
	if cue == "" {
		return false
	}
	punct := true
	for _, r := range cue {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			punct = false
			break
		}
	}
	if punct {
		return true
	}
	for _, w := range strings.FieldsFunc(cue, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if speechVerbs[w] {
			return true
		}
	}
	return false
}

var pronouns = map[string]bool{"he": true, "she": true, "they": true, "it": true, "i": true, "we": true, "you": true,
	"him": true, "her": true, "his": true, "hers": true, "them": true, "their": true, "its": true, "our": true, "my": true,
	"me": true, "us": false, "who": true, "which": true, "that": true, "this": true}

// PronounOnly reports whether the gold speaker is only a pronoun, which the
// speaker accuracy leaves out.
func PronounOnly(g Gold) bool {
	s := norm(g.Speaker)
	return s == "" || pronouns[s]
}

// SourceKind says how the article writes a gold statement's source where
// it is attributed: "name" (a capitalised word after any leading
// determiner: "Trump", "The Post"), "pronoun" ("he", which PolNeAR's
// speaker field resolves by automatic coreference), "description"
// ("a senior official", "sources"), or "not given". It tells readers of
// `stance eval` which speaker errors are about names and which rest on
// machine-resolved gold.
func SourceKind(g Gold) string {
	words := strings.Fields(g.Source)
	if len(words) == 0 {
		return "not given"
	}
	if pronouns[norm(g.Source)] {
		return "pronoun"
	}
	for i, w := range words {
		if i == 0 && determiners[strings.ToLower(w)] {
			continue
		}
		if r, _ := utf8.DecodeRuneInString(w); unicode.IsUpper(r) {
			return "name"
		}
	}
	return "description"
}

var determiners = map[string]bool{"the": true, "a": true, "an": true, "one": true, "another": true, "some": true, "two": true, "three": true, "several": true, "many": true}

// SpeakerMatches compares a predicted speaker with gold: by canonical name,
// by any gold mention, or by surname (last word, or the word before a
// generational suffix: "Joseph R. Murray II" is Murray).
func SpeakerMatches(g Gold, p Pred) bool {
	var cands []string
	for _, s := range []string{p.Speaker, p.Mention} {
		if s = norm(s); s != "" {
			cands = append(cands, s)
		}
	}
	if len(cands) == 0 {
		return false
	}
	// gold speakers often carry their description ("Patrick McGinley, a
	// law professor at …", "Vann R. Newkirk II, a writer for …"): the name
	// is the part before the comma, "who" or a parenthesis
	golds := []string{norm(nameOf(g.Speaker))}
	for _, m := range append([]string{g.Speaker}, g.Mentions...) {
		for _, v := range []string{m, nameOf(m)} {
			if v = norm(v); v != "" && !pronouns[v] {
				golds = append(golds, v)
			}
		}
	}
	for _, c := range cands {
		for _, gs := range golds {
			if gs == "" {
				continue
			}
			if c == gs || surname(c) == surname(gs) && !pronouns[surname(c)] {
				return true
			}
			// a described source named by the head of its description:
			// "one Republican" for "one Republican involved in the planning"
			if strings.Contains(c, " ") && strings.HasPrefix(gs, c+" ") {
				return true
			}
		}
	}
	return false
}

// nameOf cuts a description off a speaker: "X, a lawyer" → "X".
func nameOf(s string) string {
	for _, sep := range []string{",", " who ", " (", "("} {
		if i := strings.Index(s, sep); i > 0 {
			s = s[:i]
		}
	}
	return s
}

// norm lower-cases, drops a possessive, leading "the" and punctuation.
func norm(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimSuffix(strings.TrimSuffix(s, "’s"), "'s")
	var b strings.Builder
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
		} else if r != '.' && r != '\'' && r != '’' {
			space = true
		}
	}
	s = b.String()
	s = strings.TrimPrefix(s, "the ")
	return s
}

// surname is the last word of a name, passing over a generational suffix
// ("Jr", "III") when a word comes before it.
func surname(s string) string {
	w := lastWord(s)
	if generational[w] && len(w) < len(s) {
		return lastWord(strings.TrimRight(s[:len(s)-len(w)], " "))
	}
	return w
}

var generational = map[string]bool{"jr": true, "sr": true, "ii": true, "iii": true, "iv": true}

func lastWord(s string) string {
	if i := strings.LastIndexByte(s, ' '); i >= 0 {
		return s[i+1:]
	}
	return s
}
