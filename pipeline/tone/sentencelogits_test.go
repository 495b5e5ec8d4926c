package tone

import (
	"bufio"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stance-news/stance/internal/testdir"
)

// TestSentenceLogitsMatchesParts: Score's one-pass sentenceLogits gives, to
// the bit, what logits and vecLogits give apart. Training computes the label
// combiner's features with the two apart (labelFeatureVector), so if they
// drifted the combiner would be fitted on features Score never sees.
func TestSentenceLogitsMatchesParts(t *testing.T) {
	s := defaultScorer(t)
	if s.model.vec == nil {
		t.Fatal("the shipped model has no word-vector rows")
	}
	f, err := os.Open(filepath.Join(testdir.Shared(t), "data", "nyt_editorials_dev.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	texts := []string{"", "The talks were not productive, but they did not fail.", "NO DEAL!!!"}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		var rec struct{ Text string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		texts = append(texts, rec.Text)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	e := s.rules
	for _, text := range texts {
		x := e.get()
		e.prepare(x, text)
		e.nbFeatures(x, text)
		l, n, vl := s.model.sentenceLogits(x)
		wantL, wantN := s.model.logits(x, 0, len(x.toks))
		wantVL, _ := s.model.vecLogits(x, vecReach{})
		e.put(x)
		if l != wantL || n != wantN || vl != wantVL {
			t.Fatalf("%q: sentenceLogits = %v %d %v, logits and vecLogits = %v %d %v", text, l, n, vl, wantL, wantN, wantVL)
		}
	}
	if len(texts) < 1000 {
		t.Fatalf("read %d sentences, want the NYT dev file's 1,127 and more", len(texts))
	}
}
