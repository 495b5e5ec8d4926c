package tone

import "sort"

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
	byTok := map[int]*Contribution{}
	var out []*Contribution
	at := func(i int) *Contribution {
		if c, ok := byTok[i]; ok {
			return c
		}
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
		c := &Contribution{Word: text[t.start:end]}
		byTok[i] = c
		out = append(out, c)
		return c
	}
	for i, v := range sc.sent {
		if v != 0 {
			at(i).Lexicon = v
		}
	}
	if s.model != nil {
		e.nbFeatures(sc, text)
		for _, f := range sc.nb {
			if f.id < 0 {
				continue
			}
			row := 2 * int(f.id)
			if f.negated {
				row++
			}
			p := s.model.logp[row*numClasses : row*numClasses+numClasses]
			// Only evidence that tips the balance is worth showing.
			if d := float64(p[classPos] - p[classNeg]); d > 0.5 || d < -0.5 {
				c := at(int(f.tok))
				c.NB, c.Negated = d, f.negated
			}
		}
	}
	if s.model != nil && s.model.vec != nil {
		// The model reads the mean of the words' rows, so a word's part is
		// the change in that mean when it is left out.
		l, n := s.model.vecLogits(sc)
		if n > 1 {
			mean := l[classPos] - l[classNeg] - (s.model.VecBias[classPos] - s.model.VecBias[classNeg])
			for _, f := range sc.nb {
				if f.vec < 0 || f.negated {
					continue
				}
				p := s.model.vec.scores[int(f.vec)*numClasses : int(f.vec)*numClasses+numClasses]
				if d := (float64(p[classPos]-p[classNeg]) - mean) / float64(n-1); d > 0.5 || d < -0.5 {
					at(int(f.tok)).Vec = d
				}
			}
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return weight(out[i]) > weight(out[j]) })
	if max > 0 && len(out) > max {
		out = out[:max]
	}
	res := make([]Contribution, len(out))
	for i, c := range out {
		res[i] = *c
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
