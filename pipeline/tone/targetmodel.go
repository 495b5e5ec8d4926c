package tone

import (
	"math"
	"strings"

	"github.com/stance-news/stance/pipeline/article"
)

// The target model reads a sentence from the point of view of one mention.
// NewsMTSC labels the sentiment a sentence expresses towards a target, and
// one sentence often praises one actor and blames another, so the model
// counts each word tagged by where it stands relative to the mention:
//
//	@m:  inside the mention itself ("corrupt officials")
//	@n:  in the mention's clause, at most targetNear words away
//	@l:  the same, before the mention (it acts: "Putin criticised"),
//	@r:  and after it (it is acted on: "criticised Putin")
//	@p:  at most targetAdjacent words before the mention,
//	@s:  and after it
//	@c:  in the mention's clause (near words count here too)
//	@f:  in another clause of the sentence
//
// A near word thus counts as n, l or r, and p or s when adjacent, and c:
// naive Bayes adds the evidence of each.
//
// Tagged features are naive Bayes counts like the sentence model's and live
// in the same model file, each row starting with "@".
const (
	targetPrefix   = "@"
	targetNear     = 4 // words either side of the mention that count as near
	targetAdjacent = 2 // words either side that count as adjacent
)

// Combiner features: what the learned combiners weigh. Every one is cheap
// and readable on its own.
var targetFeatures = []string{
	"lexicon",        // the sentence's compound score (rules)
	"nb",             // sentence model log-odds pos vs neg, per √(words+1)
	"nb_neutral",     // sentence model log-odds neutral vs the mean of the others, likewise
	"positive",       // the sentence's positive valences summed, normalised 0..1
	"negative",       // the sentence's negative valences summed, normalised 0..1
	"target_lexicon", // valences weighted by nearness to the mention, normalised −1..1
	"target_nb",      // target model log-odds pos vs neg, per √(features+1)
	"target_nb_neutral",
	"target_positive", // the weighted positive valences near the mention, 0..1
	"target_negative", // the weighted negative valences near the mention, 0..1
	// The word-vector model's (vecmodel.go) logits, pos vs neg and neutral
	// vs the mean of the others: over the sentence, and with each word
	// weighted by its nearness to the mention. A model file without them
	// (one trained without vectors) leaves their weights 0.
	"vec", "vec_neutral", "target_vec", "target_vec_neutral",
	"mention_vec", "mention_vec_neutral",
}

const numTargetFeatures = 16 // len(targetFeatures), checked by a test

// optionalTargetFeatures may be missing from a model file's combiner.
var optionalTargetFeatures = map[string]bool{"vec": true, "vec_neutral": true, "target_vec": true, "target_vec_neutral": true, "mention_vec": true, "mention_vec_neutral": true}

// toneFeatures are the sentence combiner's: the rules' view, split into its
// positive and negative sides, and the sentence model's evidence for
// neutral. The model's positive-vs-negative evidence is left out on purpose:
// it is learned from one data set's words and leans positive on other news
// text (NYT editorials), where the lexicon generalises (docs/tone.md).
var toneFeatures = []string{"lexicon", "nb_neutral", "positive", "negative"}

// Combiner is a multinomial logistic regression over named features. In the
// model file each feature is a row "=NAME:FEATURE<TAB>w_neg<TAB>w_neu<TAB>w_pos"
// and "=NAME:bias" is the intercept.
type Combiner struct {
	Name     string // "tone" (sentence) or "target"
	Features []string
	W        [][numClasses]float64 // per feature
	Bias     [numClasses]float64
}

func newCombiner(name string, features []string) *Combiner {
	return &Combiner{Name: name, Features: features, W: make([][numClasses]float64, len(features))}
}

// probs returns the class probabilities for features x.
func (c *Combiner) probs(x []float64) [numClasses]float64 { return probs(c.logits(x)) }

// logits is the combiner's class scores before the softmax; they rank the
// classes as the probabilities do.
func (c *Combiner) logits(x []float64) [numClasses]float64 {
	l := c.Bias
	for j, v := range x {
		for k := 0; k < numClasses; k++ {
			l[k] += c.W[j][k] * v
		}
	}
	return l
}

// targetIndex is the compiled target part of a model.
type targetIndex struct {
	// ids holds each feature's id + 1 (the table's 0 means absent): its
	// in-slot keys beat a Go map, whose hashing and probing were a quarter
	// of TargetScore.
	ids  *wordTable
	logp []float32 // id*numClasses + class
}

// id returns feature key's id, or false when the model lacks it.
func (t *targetIndex) id(key []byte) (int32, bool) {
	id := t.ids.get(key) - 1
	return id, id >= 0
}

func compileTarget(counts map[string]*[numClasses]float64, alpha float64) *targetIndex {
	if len(counts) == 0 {
		return nil
	}
	var total [numClasses]float64
	for _, c := range counts {
		for k := range total {
			total[k] += c[k]
		}
	}
	vocab := float64(len(counts))
	t := &targetIndex{ids: newWordTableFor(len(counts)), logp: make([]float32, 0, len(counts)*numClasses)}
	for f, c := range counts {
		t.ids.put(f, int32(len(t.logp)/numClasses)+1)
		for k := 0; k < numClasses; k++ {
			t.logp = append(t.logp, float32(math.Log((c[k]+alpha)/(total[k]+alpha*vocab))))
		}
	}
	return t
}

// mentionTokens returns the token range [ms, me) that overlaps span, or -1s.
func mentionTokens(sc *scratch, span article.Span) (int, int) {
	ms, me := -1, -1
	for i := range sc.toks {
		t := &sc.toks[i]
		if int(t.end) > span.Start && int(t.start) < span.End {
			if ms < 0 {
				ms = i
			}
			me = i + 1
		}
	}
	return ms, me
}

// targetTags calls each with every tagged feature of the prepared text for
// the mention at tokens [ms, me) whose clause is [cs, ce). nbFeatures must
// have run.
func targetTags(sc *scratch, ms, me, cs, ce int, each func(i int, tag byte, word []byte, negated bool)) {
	for _, f := range sc.nb {
		i := int(f.tok)
		w := sc.lower[f.lo:f.hi]
		switch {
		case i >= ms && i < me:
			each(i, 'm', w, f.negated)
		case i < cs || i >= ce:
			each(i, 'f', w, f.negated)
		default:
			d := ms - i
			if i >= me {
				d = i - me + 1
			}
			if d <= targetNear {
				each(i, 'n', w, f.negated)
				side, adjacent := byte('r'), byte('s')
				if i < ms {
					side, adjacent = 'l', 'p'
				}
				each(i, side, w, f.negated)
				if d <= targetAdjacent {
					each(i, adjacent, w, f.negated)
				}
			}
			each(i, 'c', w, f.negated)
		}
	}
}

func targetKey(buf []byte, tag byte, word []byte, negated bool) []byte {
	buf = append(buf[:0], targetPrefix...)
	buf = append(buf, tag, ':')
	if negated {
		buf = append(buf, negatedPrefix...)
	}
	return append(buf, word...)
}

// TargetFeatures returns the target model's features for the mention at
// span (byte offsets) in text, as training counts them.
func (s *Scorer) TargetFeatures(text string, span article.Span) []string {
	e := s.rules
	sc := e.get()
	defer e.put(sc)
	e.prepareWords(sc, text)
	e.nbFeatures(sc, text)
	ms, me := mentionTokens(sc, span)
	if ms < 0 {
		return nil
	}
	cs, ce := clause(e, sc, text, ms, me)
	var out []string
	var buf []byte
	seen := map[string]bool{}
	targetTags(sc, ms, me, cs, ce, func(_ int, tag byte, word []byte, negated bool) {
		buf = targetKey(buf, tag, word, negated)
		if k := string(buf); !seen[k] {
			seen[k] = true
			out = append(out, k)
		}
	})
	return out
}

// targetLogits adds up the target model's evidence, each feature once.
func (t *targetIndex) logits(sc *scratch, ms, me, cs, ce int) (l [numClasses]float64, n int) {
	for k := range l {
		l[k] = math.Log(1.0 / numClasses)
	}
	var buf [64]byte
	if n := len(t.logp) / numClasses; len(sc.seenIn) < n {
		sc.seenIn, sc.seenGen = make([]uint32, n), 0
	}
	sc.seenGen++
	if sc.seenGen == 0 { // wrapped: old stamps could match again
		clear(sc.seenIn)
		sc.seenGen = 1
	}
	seen, gen := sc.seenIn, sc.seenGen
	targetTags(sc, ms, me, cs, ce, func(_ int, tag byte, word []byte, negated bool) {
		key := targetKey(buf[:0], tag, word, negated)
		id, ok := t.id(key)
		if !ok || seen[id] == gen {
			return
		}
		seen[id] = gen
		p := t.logp[int(id)*numClasses : int(id)*numClasses+numClasses]
		for k := 0; k < numClasses; k++ {
			l[k] += float64(p[k])
		}
		n++
	})
	return l, n
}

// perWord scales class log-odds by √(n+1) so long sentences do not pile up
// evidence: pos vs neg, and neutral vs the mean of the others.
func perWord(l [numClasses]float64, n int) (float64, float64) {
	q := math.Sqrt(float64(n) + 1)
	return (l[classPos] - l[classNeg]) / q, (l[classNeu] - (l[classPos]+l[classNeg])/2) / q
}

// targetVector computes the combiner's features for the mention at tokens
// [ms, me) with clause [cs, ce). The rules (compoundPrepared) and
// nbFeatures must have run on sc; sentence is the compound score.
func (s *Scorer) targetVector(sc *scratch, ms, me, cs, ce int, sentence float64) [numTargetFeatures]float64 {
	pos, neg := 0.0, 0.0
	var lp, ln float64
	for i, v := range sc.sent {
		if v > 0 {
			pos += v
		} else {
			neg -= v
		}
		if v == 0 || (i >= ms && i < me) {
			continue
		}
		w := nearness(i, ms, me, cs, ce)
		if v > 0 {
			lp += v * w
		} else {
			ln -= v * w
		}
	}
	l, n := s.model.logits(sc, 0, len(sc.toks))
	nb, nbNeu := perWord(l, n)
	tl, tn := s.model.target.logits(sc, ms, me, cs, ce)
	tnb, tnbNeu := perWord(tl, tn)
	var vec, vecNeu, tvec, tvecNeu, mvec, mvecNeu float64
	if s.model.vec != nil {
		vl, _ := s.model.vecLogits(sc, vecReach{})
		vec, vecNeu = vl[classPos]-vl[classNeg], vl[classNeu]-(vl[classPos]+vl[classNeg])/2
		tl, _ := s.model.vecLogits(sc, vecReach{reachNear, ms, me, cs, ce})
		tvec, tvecNeu = tl[classPos]-tl[classNeg], tl[classNeu]-(tl[classPos]+tl[classNeg])/2
		ml, _ := s.model.vecLogits(sc, vecReach{reachMention, ms, me, cs, ce})
		mvec, mvecNeu = ml[classPos]-ml[classNeg], ml[classNeu]-(ml[classPos]+ml[classNeg])/2
	}
	return [numTargetFeatures]float64{
		sentence, nb, nbNeu, normalize(pos), normalize(neg),
		normalize(lp - ln), tnb, tnbNeu, normalize(lp), normalize(ln),
		vec, vecNeu, tvec, tvecNeu, mvec, mvecNeu,
	}
}

// nearness is how much a word at token i bears on the mention at [ms, me)
// whose clause is [cs, ce): full next to it, fading with distance, and a
// fraction from another clause.
func nearness(i, ms, me, cs, ce int) float64 {
	d := ms - i
	if i >= me {
		d = i - me + 1
	}
	w := targetFade / (targetFade + float64(d))
	if i < cs || i >= ce {
		w *= otherClause
	}
	return w
}

func isTargetFeature(f string) bool { return strings.HasPrefix(f, targetPrefix) }

// ExplainTarget lists the words that moved the tone directed at the mention
// at span, strongest first, at most max of them (all when max ≤ 0): each
// word's valence after the rules times its nearness to the mention
// (lexicon), the target model's evidence for it summed over its places
// (nb, log P(pos) − log P(neg)), with the places that carried evidence, and
// its part in the word-vector model's log-odds read around the mention (vec).
func (s *Scorer) ExplainTarget(text string, span article.Span, max int) []Contribution {
	e := s.rules
	sc := e.get()
	defer e.put(sc)
	e.prepareWords(sc, text)
	e.compoundPrepared(sc, text)
	ms, me := mentionTokens(sc, span)
	if ms < 0 {
		return s.Explain(text, max)
	}
	cs, ce := clause(e, sc, text, ms, me)
	var parts contributions
	at := func(i int) *Contribution {
		t := &sc.toks[i]
		return parts.at(i, text[t.start:t.end])
	}
	for i, v := range sc.sent {
		if v != 0 && (i < ms || i >= me) {
			at(i).Lexicon = v * nearness(i, ms, me, cs, ce)
		}
	}
	if m := s.model; m != nil && m.target != nil {
		e.nbFeatures(sc, text)
		var buf []byte
		targetTags(sc, ms, me, cs, ce, func(i int, tag byte, word []byte, negated bool) {
			buf = targetKey(buf, tag, word, negated)
			id, ok := m.target.id(buf)
			if !ok {
				return
			}
			p := m.target.logp[int(id)*numClasses : int(id)*numClasses+numClasses]
			d := float64(p[classPos] - p[classNeg])
			if d < 0.5 && d > -0.5 {
				return // only evidence that tips the balance is worth showing
			}
			c := at(i)
			c.NB += d
			c.Negated = negated
			c.Place += placeNames[tag]
		})
	}
	if m := s.model; m != nil && m.vec != nil {
		// Each word's part in the nearness-weighted word-vector log-odds.
		e.nbFeatures(sc, text)
		m.vecParts(sc, vecReach{reachNear, ms, me, cs, ce}, func(i int, d float64) { at(i).Vec = d })
	}
	return parts.strongest(max)
}

// placeNames spell out the target model's places for explanations.
var placeNames = map[byte]string{
	'm': "mention ", 'n': "near ", 'l': "before ", 'r': "after ", 'p': "adjacent-before ",
	's': "adjacent-after ", 'c': "clause ", 'f': "other-clause ",
}

// toneVector computes the sentence combiner's features. The rules and
// nbFeatures must have run on sc; lex is the compound score, l and n the
// sentence model's logits over n words.
func toneVector(sc *scratch, lex float64, l [numClasses]float64, n int) [4]float64 {
	pos, neg, _ := valenceSums(sc)
	_, nbNeu := perWord(l, n)
	return [4]float64{lex, nbNeu, normalize(pos), normalize(neg)}
}

// valenceSums adds up the rules' positive valences and the size of the
// negative ones in sc, the sentence's two sides before the compound mixes
// them, and counts the words that carry a valence.
func valenceSums(sc *scratch) (pos, neg float64, rated int) {
	for _, v := range sc.sent {
		if v > 0 {
			pos += v
			rated++
		} else if v < 0 {
			neg -= v
			rated++
		}
	}
	return pos, neg, rated
}
