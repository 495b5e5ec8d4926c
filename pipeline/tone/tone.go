// Package tone scores how positive or negative a statement reads, from -1 to 1.
package tone

import (
	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline/article"
)

// Score is a statement's tone and its parts.
type Score struct {
	Tone    float64 // combined, -1..1
	Lexicon float64 // the rule engine's compound score
	NB      float64 // the naive Bayes model's P(pos) - P(neg)
	Label   string  // positive, neutral, negative
}

// Scorer scores text. Immutable and safe for concurrent use.
type Scorer struct {
	rules *engine
}

// New builds a scorer from the lexicon's tone layers.
func New(lx *lexicon.Lexicon) (*Scorer, error) {
	return &Scorer{rules: newEngine(configFrom(lx.Tone, true))}, nil
}

// configFrom turns the lexicon's layers into the engine's input; without the
// news layer the engine is VADER as published.
func configFrom(t lexicon.Tone, news bool) rulesConfig {
	cfg := rulesConfig{valence: t.Valence, boosters: t.Boosters, negations: t.Negations, special: t.Special}
	if news && len(t.News) > 0 {
		cfg.valence = make(map[string]float64, len(t.Valence)+len(t.News))
		for w, v := range t.Valence {
			cfg.valence[w] = v
		}
		cfg.phrases = map[string]float64{}
		for p, v := range t.News {
			if containsSpace(p) {
				cfg.phrases[p] = v
			} else {
				cfg.valence[p] = v
			}
		}
	}
	return cfg
}

func containsSpace(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == ' ' {
			return true
		}
	}
	return false
}

// Score scores text.
func (s *Scorer) Score(text string) Score {
	c := s.rules.compound(text)
	return Score{Tone: c, Lexicon: c, Label: Label(c)}
}

// Target scores the tone directed at the mention at span inside text.
func (s *Scorer) Target(text string, span article.Span) float64 {
	return s.Score(text).Tone
}

// Label maps a tone to its class with VADER's ±0.05 thresholds.
func Label(t float64) string {
	switch {
	case t >= 0.05:
		return "positive"
	case t <= -0.05:
		return "negative"
	}
	return "neutral"
}
