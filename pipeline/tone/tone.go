// Package tone scores how positive or negative a statement reads, from -1 to 1.
package tone

import (
	"math"
	"strings"
	"unicode"

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
	valence map[string]float64
}

// New builds a scorer from the lexicon's tone layers.
func New(lx *lexicon.Lexicon) (*Scorer, error) {
	return &Scorer{valence: lx.Tone.Valence}, nil
}

// Score scores text: the sum of word valences, normalised as VADER does.
func (s *Scorer) Score(text string) Score {
	sum := 0.0
	for _, w := range strings.FieldsFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '\'' }) {
		sum += s.valence[strings.ToLower(w)]
	}
	c := sum / math.Sqrt(sum*sum+15)
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
