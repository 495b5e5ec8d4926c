package tone

import (
	"github.com/stance-news/stance/pipeline/article"
)

// TargetScore is the tone directed at one mention and its parts.
type TargetScore struct {
	Tone    float64 // combined, -1..1: the combiner's P(pos) - P(neg)
	Lexicon float64 // the rule engine's view of the mention's clause and nearby words
	NB      float64 // the target model's P(pos) - P(neg) (without one: the sentence model's, on the clause)
	Label   string  // the combiner's most likely class
}

// How far sentiment reaches a mention: words in the mention's clause count
// fully near it and fade with distance; words in other clauses of the
// sentence count a fraction. The sentence's overall tone is mixed in because
// news sentences tend to carry one tone.
const (
	targetFade     = 8.0 // tokens at which a word's weight has halved
	otherClause    = 0.3 // weight of words outside the mention's clause
	sentenceShare  = 0.4 // share of the whole sentence's tone
	targetNBWeight = 0.3 // the model's share next to the lexicon's
	targetNBScale  = 1.0 // as nbScale
)

// clauseWords end the clause before them: contrast and concession turn to
// another thought, often about another actor.
var clauseWords = map[string]bool{
	"but": true, "while": true, "whereas": true, "although": true, "though": true,
	"however": true, "yet": true,
}

// TargetScore scores the tone directed at the mention at span (byte offsets
// into text). A span outside the text scores the whole text.
func (s *Scorer) TargetScore(text string, span article.Span) TargetScore {
	e := s.rules
	sc := e.get()
	defer e.put(sc)
	e.prepareWords(sc, text)
	sentence := e.compoundPrepared(sc, text)
	n := len(sc.toks)
	ms, me := mentionTokens(sc, span)
	if ms < 0 || n == 0 {
		sc := s.Score(text)
		return TargetScore{Tone: sc.Tone, Lexicon: sc.Lexicon, NB: sc.NB, Label: sc.Label}
	}
	cs, ce := clause(e, sc, text, ms, me)
	if m := s.model; m != nil && m.TargetCombiner != nil && m.target != nil {
		e.nbFeatures(sc, text)
		x := s.targetVector(sc, ms, me, cs, ce, sentence)
		p := m.TargetCombiner.probs(x[:])
		tl, _ := m.target.logits(sc, ms, me, cs, ce)
		tp := probs(tl)
		return TargetScore{
			Tone:    p[classPos] - p[classNeg],
			Lexicon: x[5],
			NB:      tp[classPos] - tp[classNeg],
			Label:   labelOf(p),
		}
	}
	sum := 0.0
	for i := 0; i < n; i++ {
		v := sc.sent[i]
		if v == 0 || (i >= ms && i < me) {
			continue // the mention's own words describe it, they do not judge it
		}
		d := 0
		if i < ms {
			d = ms - i
		} else {
			d = i - me + 1
		}
		w := targetFade / (targetFade + float64(d))
		if i < cs || i >= ce {
			w *= otherClause
		}
		sum += v * w
	}
	local := normalize(sum)
	out := TargetScore{Lexicon: local}
	lexTone := (1-sentenceShare)*local + sentenceShare*sentence
	out.Tone = lexTone
	if s.model != nil {
		e.nbFeatures(sc, text)
		l, k := s.model.logits(sc, cs, ce)
		p := probs(l)
		out.NB = p[classPos] - p[classNeg]
		if k > 0 {
			nb := tanh(logOdds(l) / sqrt(float64(k)+1) / targetNBScale)
			out.Tone = (lexTone + targetNBWeight*nb) / (1 + targetNBWeight)
		}
	}
	out.Label = Label(out.Tone)
	return out
}

// clause returns the token range of the clause holding tokens [ms, me):
// bounded by sentence and clause punctuation (; : ! ? . and dashes) and by
// contrast words.
func clause(e *engine, sc *scratch, text string, ms, me int) (int, int) {
	cs := ms
	for cs > 0 {
		prev := &sc.toks[cs-1]
		if endsStrongClause(text, int(prev.start), int(prev.end)) || isDash(sc.low(cs-1)) {
			break
		}
		if clauseWords[sc.low(cs-1)] {
			break
		}
		cs--
	}
	ce := me
	for ce < len(sc.toks) {
		if isDash(sc.low(ce)) || clauseWords[sc.low(ce)] {
			break
		}
		t := &sc.toks[ce]
		ce++
		if endsStrongClause(text, int(t.start), int(t.end)) {
			break
		}
	}
	if ce < me {
		ce = me
	}
	return cs, ce
}

// endsStrongClause reports whether the token at text[start:end] (with any
// punctuation the tokenizer stripped after it) ends with ; : . ! or ?.
func endsStrongClause(text string, start, end int) bool {
	j := end
	for j < len(text) && j-end < 4 {
		switch text[j] {
		case ';', ':', '.', '!', '?':
			return true
		case '"', '\'', ')', ',':
			j++
			continue
		}
		break
	}
	for k := end - 1; k >= start && end-k <= 4; k-- {
		switch text[k] {
		case ';', ':', '.', '!', '?':
			return k == end-1 || onlyClosers(text[k+1:end])
		}
	}
	return false
}

func onlyClosers(s string) bool {
	for _, r := range s {
		switch r {
		case '"', '\'', ')', '”', '’':
		default:
			return false
		}
	}
	return true
}

func isDash(w string) bool { return w == "—" || w == "–" || w == "--" || w == "-" }

// labelOf names the most likely class.
func labelOf(p [numClasses]float64) string {
	switch {
	case p[classPos] > p[classNeg] && p[classPos] > p[classNeu]:
		return "positive"
	case p[classNeg] > p[classNeu] && p[classNeg] >= p[classPos]:
		return "negative"
	}
	return "neutral"
}
