// Package pipeline analyses one article: it finds attributed statements,
// names their speakers and scores their tone and stance. Analyze is a pure
// function of the article and the lexicon-built stages (no globals, no I/O),
// so a worker pool runs it today and a distributed worker can run it tomorrow.
package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"time"

	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline/article"
	"github.com/stance-news/stance/pipeline/quotes"
	"github.com/stance-news/stance/pipeline/speakers"
	"github.com/stance-news/stance/pipeline/stance"
	"github.com/stance-news/stance/pipeline/tone"
)

// Statement is one attributed statement with everything the quotes table
// records about it. Offsets are Unicode code points into the article text.
type Statement struct {
	QuoteID            string
	ArticleID          string
	Published          time.Time // zero when unknown
	Paragraph          int
	CharStart, CharEnd int
	Text               string
	Kind               string
	Cue                string
	Speaker            string
	SpeakerID          string
	SpeakerMention     string
	SpeakerRole        string
	SpeakerAffiliation string
	// SpeakerKind: person, institution, country or group (a lexicon
	// actor), source (an unnamed or described source: "a senior
	// official", "the report"), named (a name the lexicon does not know),
	// or "" when no one is named
	SpeakerKind    string
	Attribution    string
	Confidence     float64
	Tone           float64
	ToneLexicon    float64
	ToneNB         float64
	ToneLabel      string
	Stance         map[string]float64 // side id → -1..1; absent: no evidence
	StanceEvidence []string
}

// Analyzer holds the stages built from one lexicon. It is immutable and safe
// for concurrent use.
type Analyzer struct {
	LexiconVersion string
	quotes         *quotes.Extractor
	speakers       *speakers.Resolver
	tone           *tone.Scorer
	stance         *stance.Scorer
}

// New builds every stage from the lexicon.
func New(lx *lexicon.Lexicon) (*Analyzer, error) {
	// Building is serial work before the first article: the quote and
	// speaker stages, which only read the lexicon, are built while the
	// tone scorer is.
	an := &Analyzer{LexiconVersion: lx.Version}
	built := make(chan struct{})
	go func() {
		defer close(built)
		an.quotes, an.speakers = quotes.New(lx), speakers.New(lx)
	}()
	ts, err := tone.New(lx)
	<-built
	if err != nil {
		return nil, fmt.Errorf("tone: %w", err)
	}
	an.tone, an.stance = ts, stance.New(lx, ts)
	return an, nil
}

// Analyze returns the article's statements in text order, one per span, so
// that QuoteID is a key of the quotes table.
func (an *Analyzer) Analyze(a *article.Article) []Statement {
	qs := an.quotes.Extract(a)
	sps := an.speakers.Resolve(a, qs)
	offsets := article.NewOffsets(a.Text)
	out := make([]Statement, 0, len(qs))
	for i, q := range qs {
		if spanTakenBefore(qs, i) {
			continue
		}
		text := a.Text[q.Span.Start:q.Span.End]
		sp := sps[i]
		ts := an.tone.Score(text)
		s := Statement{
			ArticleID:          a.ID,
			Published:          a.Published,
			Paragraph:          q.Paragraph,
			CharStart:          offsets.Rune(q.Span.Start),
			CharEnd:            offsets.Rune(q.Span.End),
			Text:               text,
			Kind:               string(q.Kind),
			Cue:                q.Cue,
			Speaker:            sp.Name,
			SpeakerID:          sp.ID,
			SpeakerMention:     sp.Mention,
			SpeakerRole:        sp.Role,
			SpeakerAffiliation: sp.Affiliation,
			SpeakerKind:        speakerKind(sp),
			Attribution:        q.Rule,
			Confidence:         q.Confidence,
			Tone:               ts.Tone,
			ToneLexicon:        ts.Lexicon,
			ToneNB:             ts.NB,
			ToneLabel:          ts.Label,
		}
		out = append(out, s)
	}
	// (the ids after the tone, for the same reason as stance: SHA-256's
	// code is large)
	for k := range out {
		out[k].QuoteID = QuoteID(a.ID, out[k].CharStart, out[k].CharEnd)
	}
	// Stance once the tone of every statement is known, not in turn with
	// it: over an article's statements each scorer's code and tables then
	// stay in the cache (taking turns, each pushed the other's out).
	k := 0
	for i, q := range qs {
		if spanTakenBefore(qs, i) {
			continue
		}
		s := &out[k]
		k++
		st := an.stance.Score(stance.Statement{Text: s.Text, Affiliation: s.SpeakerAffiliation, Published: a.Published,
			Lead: stance.Lead(a.Text, paragraphStart(a, q.Paragraph), q.Span.Start), SpeakerID: s.SpeakerID, Speaker: s.Speaker})
		s.Stance, s.StanceEvidence = st.Values, st.Evidence
	}
	return out
}

// spanTakenBefore reports whether a statement before qs[i] has exactly its
// span. Two rules can read the same words ("…, according to press reports":
// "according to" names the press, and "reports" taken as a verb names
// "according to press"); counting them twice would double the statement in
// every count, and give two rows one quote_id. The first reading is kept.
// qs is in text order, so only the statements starting at the same place
// are looked at.
func spanTakenBefore(qs []quotes.Quote, i int) bool {
	for j := i - 1; j >= 0 && qs[j].Span.Start == qs[i].Span.Start; j-- {
		if qs[j].Span.End == qs[i].Span.End {
			return true
		}
	}
	return false
}

// paragraphStart is where paragraph i starts, 0 when out of range.
func paragraphStart(a *article.Article, i int) int {
	if i >= 0 && i < len(a.Paragraphs) {
		return a.Paragraphs[i].Start
	}
	return 0
}

// QuoteID is stable: the same article and span give the same id in every run.
// The hashed bytes are "id\x00start\x00end" with decimal offsets.
func QuoteID(articleID string, start, end int) string {
	// Built on the stack (one allocation, the id, instead of three): every
	// statement of every article gets one.
	var buf [128]byte
	b := append(buf[:0], articleID...)
	b = append(b, 0)
	b = strconv.AppendInt(b, int64(start), 10)
	b = append(b, 0)
	b = strconv.AppendInt(b, int64(end), 10)
	h := sha256.Sum256(b)
	var id [16]byte
	hex.Encode(id[:], h[:8])
	return string(id[:])
}

// speakerKind is the speaker_kind column: the lexicon's kind, "source",
// "named" for a name the lexicon lacks, "" for no speaker.
func speakerKind(sp speakers.Speaker) string {
	switch {
	case sp.Kind != "":
		return sp.Kind
	case sp.Name != "":
		return "named"
	}
	return ""
}
