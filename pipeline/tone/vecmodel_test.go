package tone

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"strings"
	"testing"

	"github.com/stance-news/stance/pipeline/article"
)

func readTestVectors(t *testing.T, name string, limit int) *Embeddings {
	t.Helper()
	f, err := os.Open("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	e, err := ReadEmbeddings(f, name, limit)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

// TestReadEmbeddings reads the same invented vectors in GloVe's text format
// and in the wink package's JSON (whose object order is not the words'
// frequency order: the rank stored with each vector decides).
func TestReadEmbeddings(t *testing.T) {
	text := readTestVectors(t, "vectors.txt", 0)
	wink := readTestVectors(t, "vectors.wink.json", 0)
	if text.Dim != 3 || wink.Dim != 3 || len(text.Words) != 15 || len(wink.Words) != 15 {
		t.Fatalf("read %d×%d and %d×%d vectors, want 15×3", len(text.Words), text.Dim, len(wink.Words), wink.Dim)
	}
	for i, w := range text.Words {
		if wink.Words[i] != w || fmt.Sprint(wink.Vecs[i]) != fmt.Sprint(text.Vecs[i]) {
			t.Errorf("word %d: text %q %v, wink %q %v", i, w, text.Vecs[i], wink.Words[i], wink.Vecs[i])
		}
	}
	if v := wink.Vector("praised"); fmt.Sprint(v) != "[1 0.1 0.1]" {
		t.Errorf("praised = %v", v)
	}
	if top := readTestVectors(t, "vectors.wink.json", 4); strings.Join(top.Words, " ") != "the minister talks on" {
		t.Errorf("4 most frequent words: %q", top.Words)
	}
	for _, c := range []struct{ in, want string }{
		{"alpha 1 2\nbeta 1\n", "bad.txt:2: 1 numbers, want 2"},
		{"alpha 1 x\n", `bad.txt:1: "x": not a number`},
		{`{"dimensions":2,"words":[]}`, `no "vectors" object`},
		{`{"dimensions":2,"vectors":{"a":[1,2,3]}}`, `vector of "a" has 3 numbers, want 4`},
	} {
		_, err := ReadEmbeddings(strings.NewReader(c.in), "bad.txt", 0)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("ReadEmbeddings(%q) = %v, want an error with %q", c.in, err, c.want)
		}
	}
}

// vecProbs is the word-vector model's class probabilities for text.
func vecProbs(s *Scorer, text string) [numClasses]float64 {
	e := s.rules
	sc := e.get()
	defer e.put(sc)
	e.prepare(sc, text)
	e.nbFeatures(sc, text)
	l, _ := s.model.vecLogits(sc, vecReach{})
	return probs(l)
}

// TestVecModelUnseenWords trains on sentences that use one approving, one
// disapproving and one routine verb, and checks that verbs the training
// never saw get the class of their neighbours in the vector space: what
// the word-vector model adds over naive Bayes, which ignores unseen words.
func TestVecModelUnseenWords(t *testing.T) {
	s := defaultScorer(t)
	emb := readTestVectors(t, "vectors.txt", 0)
	train := verbExamples()
	m := Train(s, train, TrainOptions{MinDocs: 1, Embeddings: emb})
	if len(m.Vec) != 14 { // the 15 words but ","
		t.Fatalf("word-vector model has %d words, want 14 (punctuation is never a word)", len(m.Vec))
	}
	vs := s.WithModel(m)
	for _, c := range []struct {
		text string
		want int
	}{
		{"The minister extolled the talks.", classPos},
		{"The envoy excoriated the talks.", classNeg},
		{"The rapporteur convened the talks.", classNeu},
	} {
		p := vecProbs(vs, c.text)
		if argmaxClass(p) != c.want {
			t.Errorf("%q: P(neg, neu, pos) = %.2f, want %s most likely", c.text, p, classNames[c.want])
		}
	}
	// The explanation names the unseen word that moved the model.
	found := false
	for _, c := range vs.Explain("The envoy excoriated the talks.", 0) {
		if c.Word == "excoriated" {
			found = c.Vec < 0
		}
	}
	if !found {
		t.Errorf("Explain: excoriated not listed with negative word-vector evidence: %+v", vs.Explain("The envoy excoriated the talks.", 0))
	}
	text := "The envoy excoriated the rapporteur on Tuesday."
	span := article.Span{Start: strings.Index(text, "rapporteur"), End: strings.Index(text, "rapporteur") + len("rapporteur")}
	found = false
	for _, c := range vs.ExplainTarget(text, span, 0) {
		if c.Word == "excoriated" {
			found = c.Vec < 0
		}
	}
	if !found {
		t.Errorf("ExplainTarget: excoriated not listed with negative word-vector evidence: %+v", vs.ExplainTarget(text, span, 0))
	}
	if sc := vs.Score("The envoy excoriated the talks."); sc.Vec >= 0 || !vs.HasVectors() {
		t.Errorf("Score.Vec = %.3f for excoriated, want < 0", sc.Vec)
	}
	// In a negation's scope a word is left to the rules.
	if p, q := vecProbs(vs, "The minister did not praise."), vecProbs(vs, "The minister did not extolled."); fmt.Sprintf("%.6f", p) != fmt.Sprintf("%.6f", q) {
		t.Errorf("negated words moved the word-vector model: %.3f vs %.3f", p, q)
	}
	// The tone mixes the model in; the file round trip keeps it.
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	back, err := ReadModel(bytes.NewReader(buf.Bytes()), "vec.tsv")
	if err != nil {
		t.Fatal(err)
	}
	rs := s.WithModel(back)
	for _, text := range []string{"The envoy excoriated the talks.", "The minister extolled the talks."} {
		a, b := vs.Score(text), rs.Score(text)
		if d := a.Tone - b.Tone; d > 1e-3 || d < -1e-3 {
			t.Errorf("%q: tone %.4f, after the file round trip %.4f", text, a.Tone, b.Tone)
		}
	}
	if a, b := vs.Score("The envoy excoriated the talks."), vs.WithModel(countOnly(m)).Score("The envoy excoriated the talks."); a.Tone >= b.Tone {
		t.Errorf("excoriated: tone %.3f with the word-vector model, %.3f without: want lower", a.Tone, b.Tone)
	}
	// Rows without their intercept are an error naming the file.
	noBias := strings.Replace(buf.String(), "\n=vec:bias\t", "\n#", 1)
	if _, err := ReadModel(strings.NewReader(noBias), "nobias.tsv"); err == nil || !strings.Contains(err.Error(), "nobias.tsv") {
		t.Errorf("model without =vec:bias: err %v", err)
	}
}

func argmaxClass(p [numClasses]float64) int {
	b := 0
	for k := 1; k < numClasses; k++ {
		if p[k] > p[b] {
			b = k
		}
	}
	return b
}

// countOnly is m without its word-vector model.
func countOnly(m *Model) *Model {
	c := *m
	c.Vec, c.VecBias, c.vec = nil, [numClasses]float64{}, nil
	c.compiled = false
	return &c
}

// TestLabelCombiner: trained with word vectors, a model also holds the
// label combiner; its label stands unless it says neutral, where the
// |tone| ≥ 0.2 band decides, and the tone is kept within the label's band.
func TestLabelCombiner(t *testing.T) {
	s := defaultScorer(t)
	emb := readTestVectors(t, "vectors.txt", 0)
	train := verbExamples()
	if m := Train(s, train, TrainOptions{MinDocs: 1}); m.LabelCombiner != nil {
		t.Fatal("trained without word vectors: want no label combiner")
	}
	m := Train(s, train, TrainOptions{MinDocs: 1, Embeddings: emb})
	if m.LabelCombiner == nil || len(m.LabelCombiner.W) != len(labelFeatures) {
		t.Fatalf("label combiner %+v, want one weight row per feature of %v", m.LabelCombiner, labelFeatures)
	}
	texts := []string{"The envoy excoriated the talks.", "The minister extolled the talks.", "The rapporteur convened the talks.",
		"The talks were a disaster.", "The talks went well.", "The talks were held in Geneva."}
	vs := s.WithModel(m)
	for _, text := range texts {
		got := vs.Score(text)
		if Label(got.Tone) != got.Label {
			t.Errorf("%q: tone %.3f but label %s", text, got.Tone, got.Label)
		}
	}
	// The file round trip keeps the combiner.
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), "\n=label:vec_neutral\t") {
		t.Fatalf("model file lacks the label combiner's rows")
	}
	back, err := ReadModel(bytes.NewReader(buf.Bytes()), "label.tsv")
	if err != nil {
		t.Fatal(err)
	}
	for _, text := range texts {
		if a, b := vs.Score(text), s.WithModel(back).Score(text); a.Label != b.Label || math.Abs(a.Tone-b.Tone) > 1e-3 {
			t.Errorf("%q: %s %.4f, after the file round trip %s %.4f", text, a.Label, a.Tone, b.Label, b.Tone)
		}
	}
	// A combiner sure of one class (weights cleared, that class's
	// intercept high): its label wins over the band, unless it is neutral;
	// then the band's label stays.
	sure := func(class int) *Scorer {
		c := *m
		lc := *m.LabelCombiner
		lc.W = make([][numClasses]float64, len(lc.W))
		lc.Bias = [numClasses]float64{}
		lc.Bias[class] = 100
		c.LabelCombiner = &lc
		return s.WithModel(&c)
	}
	noCombiner := func() *Scorer { c := *m; c.LabelCombiner = nil; return s.WithModel(&c) }()
	for _, text := range texts {
		band := noCombiner.Score(text)
		if got := sure(classNeu).Score(text); got.Label != band.Label || got.Tone != band.Tone || got.LabelBy != "" {
			t.Errorf("%q: a combiner sure of neutral gave %s %.3f (by %q), want the band's %s %.3f", text, got.Label, got.Tone, got.LabelBy, band.Label, band.Tone)
		}
		neg := sure(classNeg).Score(text)
		if neg.Label != "negative" || neg.Tone > -labelThresh || neg.Tone != math.Min(band.Tone, -labelThresh) {
			t.Errorf("%q: a combiner sure of negative gave %s %.3f (band %.3f)", text, neg.Label, neg.Tone, band.Tone)
		}
		if by := neg.LabelBy == "combiner"; by != (band.Label != "negative") {
			t.Errorf("%q: band %s, combiner negative: LabelBy %q", text, band.Label, neg.LabelBy)
		}
		if pos := sure(classPos).Score(text); pos.Label != "positive" || pos.Tone != math.Max(band.Tone, labelThresh) {
			t.Errorf("%q: a combiner sure of positive gave %s %.3f (band %.3f)", text, pos.Label, pos.Tone, band.Tone)
		}
	}
	// Its rows need the word-vector model, and all of them.
	noVec := dropRows(buf.String(), "~")
	if _, err := ReadModel(strings.NewReader(noVec), "novec.tsv"); err == nil || !strings.Contains(err.Error(), "novec.tsv: the label combiner needs the word-vector model") {
		t.Errorf("label rows without vector rows: err %v", err)
	}
	short := strings.Replace(buf.String(), "\n=label:vec\t", "\n#", 1)
	if _, err := ReadModel(strings.NewReader(short), "short.tsv"); err == nil || !strings.Contains(err.Error(), "short.tsv: the label combiner has 7 weight rows, want 8") {
		t.Errorf("label combiner missing a row: err %v", err)
	}
}

// dropRows drops the lines of text that start with prefix, and the
// word-vector model's intercept row with them.
func dropRows(text, prefix string) string {
	var out []string
	for _, l := range strings.Split(text, "\n") {
		if strings.HasPrefix(l, prefix) || strings.HasPrefix(l, "="+vecBiasRow) {
			continue
		}
		out = append(out, l)
	}
	return strings.Join(out, "\n")
}

// verbExamples are training sentences that differ only in one approving,
// disapproving or routine verb.
func verbExamples() []Example {
	var train []Example
	for i := 0; i < 20; i++ {
		subject := []string{"The minister", "The envoy", "The rapporteur"}[i%3]
		train = append(train,
			Example{Text: subject + " praised the plan on Tuesday.", Class: classPos},
			Example{Text: subject + " condemned the plan on Tuesday.", Class: classNeg},
			Example{Text: subject + " met the envoy on Tuesday.", Class: classNeu})
	}
	return train
}
