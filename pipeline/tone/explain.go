package tone

import (
	"sort"
	"strings"
)

// Contribution is one word's part in a tone: its valence after the rules
// (negation, boosters, "but", capitals), the naive Bayes model's evidence
// for it, log P(word|pos) − log P(word|neg), and its part in the
// word-vector model's log-odds.
type Contribution struct {
	Word    string  `json:"word"`
	Lexicon float64 `json:"lexicon,omitempty"`
	NB      float64 `json:"nb,omitempty"`
	// Vec is how far the word moved the word-vector model's log-odds (pos
	// vs neg): the model's log-odds minus what they would be without it.
	Vec     float64 `json:"vec,omitempty"`
	Negated bool    `json:"negated,omitempty"` // inside a negation's scope for the model
	Place   string  `json:"place,omitempty"`   // for a target: where the word stood for the target model
}

// Explain lists the words that moved text's tone, strongest first, at most
// max of them (all when max ≤ 0). Words the lexicon rates and the model
// knows may appear with both parts.
func (s *Scorer) Explain(text string, max int) []Contribution {
	e := s.rules
	sc := e.get()
	defer e.put(sc)
	e.prepare(sc, text)
	e.compoundPrepared(sc, text)
	var parts contributions
	at := func(i int) *Contribution {
		t := &sc.toks[i]
		end := t.end
		if t.flags&flagPhrase != 0 { // show the whole phrase the valence belongs to
			for _, p := range e.phrases[sc.low(i)] {
				if sc.matchAt(i, p.words) {
					end = sc.toks[i+len(p.words)-1].end
					break
				}
			}
		}
		return parts.at(i, text[t.start:end])
	}
	for i, v := range sc.sent {
		if v != 0 {
			at(i).Lexicon = v
		}
	}
	if s.model != nil {
		e.nbFeatures(sc, text)
		for _, f := range sc.nb {
			r := &sc.rows[f.rec]
			if r.nbID < 0 {
				continue
			}
			p := s.model.nbRow(r, f.negated)
			// Only evidence that tips the balance is worth showing.
			if d := float64(p[classPos] - p[classNeg]); d > 0.5 || d < -0.5 {
				c := at(int(f.tok))
				c.NB, c.Negated = d, f.negated
			}
		}
	}
	if s.model != nil && s.model.vec != nil {
		s.model.vecParts(sc, vecReach{}, func(i int, d float64) { at(i).Vec = d })
	}
	return parts.strongest(max)
}

// contributions gathers the words of an explanation, one per token, in the
// order they were first given a part.
type contributions struct {
	byTok map[int]*Contribution
	out   []*Contribution
}

// at is token i's contribution, made with word when it has none yet.
func (c *contributions) at(i int, word string) *Contribution {
	if x, ok := c.byTok[i]; ok {
		return x
	}
	if c.byTok == nil {
		c.byTok = map[int]*Contribution{}
	}
	x := &Contribution{Word: word}
	c.byTok[i] = x
	c.out = append(c.out, x)
	return x
}

// strongest lists the contributions strongest first, at most max of them
// (all when max ≤ 0).
func (c *contributions) strongest(max int) []Contribution {
	sort.SliceStable(c.out, func(i, j int) bool { return weight(c.out[i]) > weight(c.out[j]) })
	if max > 0 && len(c.out) > max {
		c.out = c.out[:max]
	}
	res := make([]Contribution, len(c.out))
	for i, x := range c.out {
		res[i] = *x
		res[i].Place = strings.TrimSpace(x.Place)
	}
	return res
}

// weight ranks contributions: a lexicon valence counts fully, model evidence
// at its share in the combination.
func weight(c *Contribution) float64 {
	return abs(c.Lexicon) + nbWeight*abs(c.NB) + vecWeight*abs(c.Vec)
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
