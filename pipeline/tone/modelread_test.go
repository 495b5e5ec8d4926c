package tone

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/stance-news/stance/lexicon"
)

// dumpModel is everything a model file says, as the model holds it.
func dumpModel(t *testing.T, m *Model) string {
	t.Helper()
	var b bytes.Buffer
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	// The compiled word-vector table must hold the rows read.
	if m.vec != nil {
		if len(m.vec.words) != len(m.Vec) {
			t.Errorf("word-vector table: %d words, model %d", len(m.vec.words), len(m.Vec))
		}
		for id, w := range m.vec.words {
			for k := 0; k < numClasses; k++ {
				if got, want := m.vec.scores[id*numClasses+k], float32(m.Vec[w][k]); got != want {
					t.Errorf("word-vector table: %q class %d = %v, want %v", w, k, got, want)
				}
			}
		}
	} else if len(m.Vec) > 0 {
		t.Error("word-vector rows read but no table compiled")
	}
	return b.String()
}

// readBothWays reads text with the vector rows on their own goroutine (as
// ReadModel does) and in one pass, and fails unless both agree.
func readBothWays(t *testing.T, text, name string) (*Model, error) {
	t.Helper()
	m, err := parseModel(text, name)
	one, oneErr := parseModelSerial(text, name)
	if fmt.Sprint(err) != fmt.Sprint(oneErr) {
		t.Fatalf("%s: error %v, in one pass %v", name, err, oneErr)
	}
	if err == nil {
		if a, b := dumpModel(t, m), dumpModel(t, one); a != b {
			t.Fatalf("%s: the model read in parts differs from the one read in one pass", name)
		}
	}
	return m, err
}

// parseModelSerial reads text in a single pass, the reference the
// split reading must agree with.
func parseModelSerial(text, name string) (*Model, error) {
	return readModelText(text, name, false)
}

// TestReadShippedModel: the shipped model reads back to the rows of its
// file, value for value.
func TestReadShippedModel(t *testing.T) {
	lx, err := lexicon.Load("")
	if err != nil {
		t.Fatal(err)
	}
	data := string(lx.Tone.Model.Data)
	m, err := readBothWays(t, data, "nb_model.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Vec) == 0 || len(m.Counts) == 0 || len(m.TargetCounts) == 0 {
		t.Fatalf("shipped model read with %d word, %d target and %d vector rows", len(m.Counts), len(m.TargetCounts), len(m.Vec))
	}
	if got, want := rowsOf(dumpModel(t, m)), rowsOf(data); got != want {
		t.Error("the shipped model, read and written again, has other rows than its file")
	}
}

// rowsOf keeps the lines of a model file that are not comments.
func rowsOf(text string) string {
	var b strings.Builder
	for _, l := range strings.Split(text, "\n") {
		if l != "" && !strings.HasPrefix(l, "#") {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}

// TestReadModelAnyOrder: rows may come in any order and repeat (the last
// one counts), wherever the word-vector rows start; errors name the first
// bad line of the file.
func TestReadModelAnyOrder(t *testing.T) {
	var combiner strings.Builder
	for _, f := range targetFeatures {
		fmt.Fprintf(&combiner, "=target:%s\t-0.5\t0\t0.5\n", f)
	}
	combiner.WriteString("=target:bias\t0\t0.1\t0\n")
	head := "# a model\nfeature\tneg\tneu\tpos\n"
	counts := "__alpha__\t1\t1\t1\n__docs__\t10\t20\t30\ngood\t1\t2\t5\n!good\t3\t1\t1\n@n:bad\t4\t1\t0\n"
	vec := "=vec:bias\t0.1\t0.2\t-0.3\n~good\t-0.5\t0\t0.5\n~bad\t0.5\t0\t-0.5\n"
	// wantErr names the error; at, the row it is on.
	cases := []struct{ name, text, wantErr, at string }{
		{"usual.tsv", head + counts + combiner.String() + vec, "", ""},
		{"vectors-first.tsv", head + vec + counts + combiner.String(), "", ""},
		{"vectors-between.tsv", head + counts + "~calm\t0\t1\t0\n" + combiner.String() + vec, "", ""},
		{"repeated.tsv", head + counts + combiner.String() + vec + "good\t9\t9\t9\n__alpha__\t2\t2\t2\n~good\t1\t1\t1\n", "", ""},
		{"crlf.tsv", strings.ReplaceAll(head+counts+combiner.String()+vec, "\n", "\r\n"), "", ""},
		{"no-final-newline.tsv", head + counts + combiner.String() + strings.TrimSuffix(vec, "\n"), "", ""},
		{"only-vectors.tsv", head + vec, "", ""},
		{"bad-after-vectors.tsv", head + counts + combiner.String() + vec + "bad\t1\tx\t1\n", "want a number", "bad\t1\tx"},
		{"bad-vector.tsv", head + counts + vec + "~ugly\t1\t1\n" + combiner.String(), "want 4 tab-separated cells", "~ugly"},
		{"bad-before-vectors.tsv", head + "bad\t-1\t1\t1\n" + counts + vec + "~ugly\t1\t1\n", "want a number", "bad\t-1"},
		{"bad-combiner-after-vectors.tsv", head + counts + vec + "=target:colour\t1\t1\t1\n", "unknown target combiner feature", "=target:colour"},
		{"header-after-vector.tsv", "# a model\n~good\t1\t1\t1\nfeature\tneg\tneu\tpos\n", "want header", "~good"},
		{"comments-only.tsv", "# a model\n\n", "empty model", ""},
		{"vectors-without-bias.tsv", head + counts + "~good\t-0.5\t0\t0.5\n", "without their intercept", ""},
	}
	for _, c := range cases {
		m, err := readBothWays(t, c.text, c.name)
		if c.wantErr != "" {
			where := c.name + ":"
			if c.at != "" {
				where = fmt.Sprintf("%s:%d: ", c.name, 1+strings.Count(c.text[:strings.Index(c.text, c.at)], "\n"))
			}
			if err == nil || !strings.Contains(err.Error(), c.wantErr) || !strings.HasPrefix(err.Error(), where) {
				t.Errorf("%s: error %v, want %q at %q", c.name, err, c.wantErr, where)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if c.name == "repeated.tsv" && (m.Counts["good"][0] != 9 || m.Alpha != 2 || m.Vec["good"][0] != 1) {
			t.Errorf("%s: a later row did not override an earlier one", c.name)
		}
	}
}
