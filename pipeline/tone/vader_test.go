package tone

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/stance-news/stance/internal/testdir"
	"github.com/stance-news/stance/lexicon"
)

func vaderOnly(t testing.TB) *engine {
	t.Helper()
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	return newEngine(configFrom(lx.Tone, false))
}

// TestReferenceParity: with VADER's lexicon alone, the engine reproduces the
// reference implementation's compound score on every reference sentence.
func TestReferenceParity(t *testing.T) {
	path := filepath.Join(testdir.Shared(t), "lexicons", "vader", "reference_scores.jsonl")
	f, err := os.Open(path)
	if err != nil {
		t.Fatalf("reference scores: %v", err)
	}
	defer f.Close()
	e := vaderOnly(t)
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	n, bad := 0, 0
	for sc.Scan() {
		var ref struct {
			Text     string  `json:"text"`
			Compound float64 `json:"compound"`
		}
		if err := json.Unmarshal(sc.Bytes(), &ref); err != nil {
			t.Fatalf("%s:%d: %v", path, n+1, err)
		}
		n++
		got := e.compound(ref.Text)
		if math.Abs(got-ref.Compound) > 1e-3 {
			bad++
			if bad <= 20 {
				t.Errorf("line %d: compound %.4f, reference %.4f: %q", n, got, ref.Compound, ref.Text)
			}
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if n != 1571 {
		t.Errorf("read %d reference sentences, want 1571", n)
	}
	if bad > 0 {
		t.Errorf("%d of %d sentences off by more than 1e-3", bad, n)
	}
}
