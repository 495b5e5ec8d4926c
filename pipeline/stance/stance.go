// Package stance scores whether a statement backs or opposes each side's
// position, from the frames in the lexicon.
package stance

import (
	"time"

	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline/tone"
)

// Statement is what the stance scorer reads.
type Statement struct {
	Text        string
	Affiliation string // the speaker's side, for resolving "we" and "our"
	Published   time.Time
}

// Result maps side id to a value in -1..1; a side without evidence is absent.
type Result struct {
	Values   map[string]float64
	Evidence []string
}

// Scorer is immutable and safe for concurrent use.
type Scorer struct {
	frames []lexicon.Frame
	tone   *tone.Scorer
}

// New builds a scorer from the lexicon's frames.
func New(lx *lexicon.Lexicon, t *tone.Scorer) *Scorer {
	return &Scorer{frames: lx.Frames, tone: t}
}

// Score scores one statement. With no frame evidence it returns no values.
func (s *Scorer) Score(st Statement) Result { return Result{} }
