package tone

import (
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/stance-news/stance/pipeline/article"
)

// syntheticTargets writes sentences that praise one invented actor and
// criticise another in the same sentence, so only the words near each
// mention tell its label.
func syntheticTargets(names []string, n int) []Example {
	praise := []string{"was praised by the delegates", "won warm support from the envoys", "was commended for the agreement"}
	blame := []string{"was condemned by the delegates", "faced harsh criticism from the envoys", "was blamed for the failure"}
	var out []Example
	for i := 0; i < n; i++ {
		a, b := names[i%len(names)], names[(i*7+3)%len(names)]
		if a == b {
			b = names[(i+1)%len(names)]
		}
		p, q := praise[i%len(praise)], blame[(i/3)%len(blame)]
		var text string
		var good, bad article.Span
		if i%2 == 0 {
			text = fmt.Sprintf("%s %s, while %s %s.", a, p, b, q)
			good = article.Span{Start: 0, End: len(a)}
			j := strings.Index(text, ", while ") + len(", while ")
			bad = article.Span{Start: j, End: j + len(b)}
		} else {
			text = fmt.Sprintf("%s %s, while %s %s.", b, q, a, p)
			bad = article.Span{Start: 0, End: len(b)}
			j := strings.Index(text, ", while ") + len(", while ")
			good = article.Span{Start: j, End: j + len(a)}
		}
		out = append(out,
			Example{Text: text, Class: classPos, Target: good, HasTarget: true},
			Example{Text: text, Class: classNeg, Target: bad, HasTarget: true})
		// Some plain reports keep the neutral class in the data.
		c := names[(i*3+1)%len(names)]
		plain := fmt.Sprintf("%s met the delegates on Tuesday to discuss the schedule.", c)
		out = append(out, Example{Text: plain, Class: classNeu, Target: article.Span{Start: 0, End: len(c)}, HasTarget: true})
	}
	return out
}

// TestTrainTargetModel trains on invented sentences and checks that two
// mentions in one sentence get opposite labels, which a sentence score
// cannot give, on names and pairings the training never saw.
func TestTrainTargetModel(t *testing.T) {
	s := defaultScorer(t)
	train := syntheticTargets([]string{"Arvania", "Belmont", "Corvel", "Dastria", "Elvon", "Fennick", "Gorsk"}, 120)
	m := Train(s, train, TrainOptions{MinDocs: 1})
	if m.TargetCombiner == nil || len(m.TargetCounts) == 0 {
		t.Fatalf("Train on %d mentions built no target model", len(train))
	}
	ts := s.WithModel(m)
	test := syntheticTargets([]string{"Halvard", "Istra", "Jorvik", "Kelmar"}, 12)
	wrong := 0
	for _, x := range test {
		got := ts.TargetScore(x.Text, x.Target)
		want := [...]string{"negative", "neutral", "positive"}[x.Class]
		if got.Label != want {
			wrong++
			t.Logf("%q → %q: %s (%.2f), want %s", x.Text, x.Text[x.Target.Start:x.Target.End], got.Label, got.Tone, want)
		}
	}
	if wrong > len(test)/10 {
		t.Errorf("%d of %d target labels wrong, want at most %d", wrong, len(test), len(test)/10)
	}

	// The model file keeps the target part: written and read back, it scores the same.
	var b strings.Builder
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(strings.NewReader(b.String()), "target.tsv")
	if err != nil {
		t.Fatal(err)
	}
	rs := s.WithModel(m2)
	for _, x := range test[:6] {
		a, c := ts.TargetScore(x.Text, x.Target), rs.TargetScore(x.Text, x.Target)
		if d := a.Tone - c.Tone; d > 1e-4 || d < -1e-4 || a.Label != c.Label {
			t.Errorf("%q: %.5f %s before writing the model, %.5f %s after", x.Text, a.Tone, a.Label, c.Tone, c.Label)
		}
	}
}

// TestTrainDeterministic: the same data gives the same model file, so the
// shipped model can be rebuilt with stance tone train.
func TestTrainDeterministic(t *testing.T) {
	s := defaultScorer(t)
	data := syntheticTargets([]string{"Arvania", "Belmont", "Corvel", "Dastria"}, 40)
	var a, b strings.Builder
	Train(s, data, TrainOptions{MinDocs: 1}).WriteTo(&a)
	Train(s, data, TrainOptions{MinDocs: 1}).WriteTo(&b)
	if a.String() != b.String() {
		t.Error("two trainings on the same data wrote different model files")
	}
}

func TestModelFileTargetErrors(t *testing.T) {
	if len(targetFeatures) != numTargetFeatures {
		t.Fatalf("%d target features named, numTargetFeatures is %d", len(targetFeatures), numTargetFeatures)
	}
	head := "feature\tneg\tneu\tpos\n__alpha__\t1\t1\t1\nword\t1\t2\t3\n@n:word\t1\t0\t0\n"
	var rows strings.Builder
	for _, f := range targetFeatures {
		fmt.Fprintf(&rows, "=target:%s\t-0.5\t0\t0.5\n", f)
	}
	full := head + rows.String() + "=target:bias\t0\t0.1\t0\n"
	m, err := ReadModel(strings.NewReader(full), "ok.tsv")
	if err != nil {
		t.Fatalf("a complete model: %v", err)
	}
	if m.TargetCombiner == nil || m.TargetCombiner.W[0][classNeg] != -0.5 || m.TargetCombiner.Bias[classNeu] != 0.1 {
		t.Errorf("combiner weights not read: %+v", m.TargetCombiner)
	}
	// A model trained without word vectors has no rows for their features.
	var base strings.Builder
	for _, f := range targetFeatures {
		if !optionalTargetFeatures[f] {
			fmt.Fprintf(&base, "=target:%s\t-0.5\t0\t0.5\n", f)
		}
	}
	if _, err := ReadModel(strings.NewReader(head+base.String()+"=target:bias\t0\t0.1\t0\n"), "novec.tsv"); err != nil {
		t.Errorf("a model without the word-vector features: %v", err)
	}
	partial := head + base.String() + "=target:vec\t1\t0\t0\n=target:bias\t0\t0.1\t0\n"
	for _, tc := range []struct{ name, text, want string }{
		{"missing.tsv", head + rows.String(), "weight rows"},
		{"partial.tsv", partial, "weight rows"},
		{"unknown.tsv", head + "=target:colour\t1\t1\t1\n", "missing.tsv"},
		{"nocounts.tsv", "feature\tneg\tneu\tpos\nword\t1\t2\t3\n" + rows.String() + "=target:bias\t0\t0\t0\n", "target model's counts"},
	} {
		if tc.name == "unknown.tsv" {
			tc.want = `unknown.tsv:5: unknown target combiner feature "colour"`
		}
		_, err := ReadModel(strings.NewReader(tc.text), tc.name)
		if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), tc.name) {
			t.Errorf("%s: error %v, want one naming the file and %q", tc.name, err, tc.want)
		}
	}
}

// TestExplainTarget: the explanation of a target's tone puts the words
// near the mention first and says where they stood.
func TestExplainTarget(t *testing.T) {
	s := defaultScorer(t)
	text := "Officials praised the mediators but condemned the militants for the attack."
	i := strings.Index(text, "militants")
	why := s.ExplainTarget(text, article.Span{Start: i, End: i + len("militants")}, 3)
	if len(why) != 3 {
		t.Fatalf("want 3 contributions, got %+v", why)
	}
	byWord := map[string]Contribution{}
	for _, c := range why {
		byWord[c.Word] = c
	}
	c, ok := byWord["condemned"]
	if !ok || c.Lexicon >= 0 || !strings.Contains(c.Place, "before") {
		t.Errorf("condemned: %+v in %+v, want a negative contribution placed before the mention", c, why)
	}
	for _, c := range why {
		if c.Word == "praised" && c.Lexicon > 0.5 {
			t.Errorf("praised, in the other clause, weighs %.2f: nearness not applied", c.Lexicon)
		}
	}
	if got := s.TargetScore(text, article.Span{Start: i, End: i + len("militants")}); got.Label != "negative" {
		t.Errorf("target militants: %s (%.2f), want negative", got.Label, got.Tone)
	}
}

// TestSentenceCombiner: asked for, Train learns the sentence combiner,
// Score uses it, and the model file keeps it.
func TestSentenceCombiner(t *testing.T) {
	s := defaultScorer(t)
	var data []Example
	for i := 0; i < 40; i++ {
		data = append(data,
			Example{Text: fmt.Sprintf("The envoys praised the constructive talks in round %d.", i), Class: classPos},
			Example{Text: fmt.Sprintf("The envoys condemned the attack on convoy %d.", i), Class: classNeg},
			Example{Text: fmt.Sprintf("The envoys met on Tuesday for round %d.", i), Class: classNeu})
	}
	if m := Train(s, data, TrainOptions{MinDocs: 1}); m.ToneCombiner != nil {
		t.Fatal("a sentence combiner was trained without being asked for")
	}
	m := Train(s, data, TrainOptions{MinDocs: 1, SentenceCombiner: true})
	if m.ToneCombiner == nil || m.TargetCombiner != nil {
		t.Fatalf("sentence combiner %v, target combiner %v: want only the first (no targets)", m.ToneCombiner, m.TargetCombiner)
	}
	var b strings.Builder
	m.WriteTo(&b)
	m2, err := ReadModel(strings.NewReader(b.String()), "sentence.tsv")
	if err != nil {
		t.Fatal(err)
	}
	ts := s.WithModel(m2)
	for text, want := range map[string]string{
		"The envoys praised the constructive talks.": "positive",
		"The envoys condemned the attack.":           "negative",
		"The envoys met on Wednesday.":               "neutral",
	} {
		got := ts.Score(text)
		x, _ := ts.combinerInputs(text)
		if p := m2.ToneCombiner.probs(x[:]); math.Abs(got.Tone-(p[classPos]-p[classNeg])) > 1e-9 {
			t.Errorf("%q: tone %.4f, want the combiner's P(pos) − P(neg) %.4f", text, got.Tone, p[classPos]-p[classNeg])
		}
		if got.Label != want {
			t.Errorf("%q: %s (%.2f), want %s", text, got.Label, got.Tone, want)
		}
	}
	if !strings.Contains(b.String(), "\n=tone:nb_neutral\t") {
		t.Error("model file lacks the sentence combiner's rows")
	}
}
