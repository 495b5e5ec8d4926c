package tone

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline/article"
)

func shippedTSV(t testing.TB) (lexicon.File, *lexicon.Lexicon) {
	t.Helper()
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	if len(lx.Tone.Model.Data) == 0 {
		t.Fatal("the default lexicon ships no tone model")
	}
	return lx.Tone.Model, lx
}

// TestShippedCompiledIsCurrent: nb_model.bin is what the shipped TSV
// compiles to. When it fails, the TSV changed: go generate ./pipeline/tone.
func TestShippedCompiledIsCurrent(t *testing.T) {
	f, _ := shippedTSV(t)
	c, err := CompileModel(f.Data, f.Name)
	if err != nil {
		t.Fatal(err)
	}
	if string(c) != shippedCompiled {
		t.Fatalf("pipeline/tone/nb_model.bin (%d bytes) is not the compiled %s (%d bytes): run go generate ./pipeline/tone", len(shippedCompiled), f.Name, len(c))
	}
	s := defaultScorer(t)
	if !s.model.compiled || len(s.model.Counts) != 0 {
		t.Fatal("New read the shipped model from its TSV, not its compiled form")
	}
}

// sameRows fails unless a and b hold the same numbers, bit for bit.
func sameRows(t *testing.T, what string, a, b []float32) {
	t.Helper()
	if len(a) != len(b) {
		t.Fatalf("%s: %d numbers, compiled %d", what, len(a), len(b))
	}
	for i := range a {
		if math.Float32bits(a[i]) != math.Float32bits(b[i]) {
			t.Fatalf("%s: number %d is %v, compiled %v", what, i, a[i], b[i])
		}
	}
}

// checkCompiledEqual compares the tables of model text read from its TSV
// with those of its compiled form.
func checkCompiledEqual(t *testing.T, text string) (tsv, comp *Model) {
	t.Helper()
	tsv, err := parseModel(text, "model.tsv")
	if err != nil {
		t.Fatal(err)
	}
	c, err := CompileModel([]byte(text), "model.tsv")
	if err != nil {
		t.Fatal(err)
	}
	comp, ok := compiledFor(string(c), []byte(text))
	if !ok {
		t.Fatal("the compiled model does not load")
	}
	if tsv.Alpha != comp.Alpha || tsv.Docs != comp.Docs || tsv.prior != comp.prior || tsv.VecBias != comp.VecBias || tsv.hasVecBias != comp.hasVecBias {
		t.Fatalf("alpha, docs, prior or vector intercept differ: %v %v %v %v vs %v %v %v %v",
			tsv.Alpha, tsv.Docs, tsv.prior, tsv.VecBias, comp.Alpha, comp.Docs, comp.prior, comp.VecBias)
	}
	for i, pair := range [][2]*Combiner{{tsv.ToneCombiner, comp.ToneCombiner}, {tsv.LabelCombiner, comp.LabelCombiner}, {tsv.TargetCombiner, comp.TargetCombiner}} {
		if !reflect.DeepEqual(pair[0], pair[1]) {
			t.Fatalf("combiner %d differs: %+v vs %+v", i, pair[0], pair[1])
		}
	}
	if !reflect.DeepEqual(tsv.hot, comp.hot) {
		t.Fatal("the hot words differ")
	}
	sameRows(t, "naive Bayes table", tsv.logp, comp.logp)
	if (tsv.target == nil) != (comp.target == nil) {
		t.Fatal("one form has a target model, the other not")
	}
	if tsv.target != nil {
		var a, b []float32
		for f := range tsv.TargetCounts {
			i, ok1 := tsv.target.id([]byte(f))
			j, ok2 := comp.target.id([]byte(f))
			if !ok1 || !ok2 {
				t.Fatalf("target feature %q: found %v, compiled %v", f, ok1, ok2)
			}
			a = append(a, tsv.target.logp[i*numClasses:(i+1)*numClasses]...)
			b = append(b, comp.target.logp[j*numClasses:(j+1)*numClasses]...)
		}
		sameRows(t, "target table", a, b)
		if len(comp.target.logp) != len(tsv.target.logp) || len(tableWords(comp.target.ids)) != len(tsv.TargetCounts) {
			t.Fatalf("target table: %d rows, compiled %d", len(tsv.target.logp), len(comp.target.logp))
		}
	}
	if (tsv.vec == nil) != (comp.vec == nil) {
		t.Fatal("one form has word vectors, the other not")
	}
	// Each word's naive Bayes rows (both forms) and word-vector scores.
	want := map[string][]float32{}
	for id, w := range tsv.names {
		want[w] = append(want[w], tsv.logp[2*id*numClasses:2*(id+1)*numClasses]...)
	}
	if tsv.vec != nil {
		for id, w := range tsv.vec.words {
			want[w] = append(append(want[w], -9), tsv.vec.scores[id*numClasses:(id+1)*numClasses]...)
		}
	}
	got := map[string][]float32{}
	slots, mask, long := comp.words.place(comp.words.rows)
	for w, row := range tableWords(&wordTable{slots: slots, mask: mask, long: long}) {
		if id := comp.wordNB[row-1]; id >= 0 {
			got[w] = append(got[w], comp.logp[2*int(id)*numClasses:2*int(id+1)*numClasses]...)
		}
		if id := comp.wordVec[row-1]; id >= 0 {
			got[w] = append(append(got[w], -9), comp.vec.scores[int(id)*numClasses:int(id+1)*numClasses]...)
		}
	}
	if len(got) != len(want) || len(got) != comp.words.rows {
		t.Fatalf("%d model words, compiled %d (%d rows)", len(want), len(got), comp.words.rows)
	}
	for w, rows := range want {
		sameRows(t, "word "+w, rows, got[w])
	}
	return tsv, comp
}

// compiledTestTexts is news text to score: the golden sentences, and BBC
// statements when the shared data is there.
func compiledTestTexts(t *testing.T) []string {
	f, err := os.Open(filepath.Join("testdata", "sentences.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var texts []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if _, text, ok := strings.Cut(sc.Text(), "\t"); ok {
			texts = append(texts, strings.NewReplacer("[", "", "]", "").Replace(text))
		}
	}
	if _, err := os.Stat(filepath.Join("..", "..", "..", "shared", "data", "bbc.jsonl.gz")); err == nil {
		bbc, _ := benchSentences(t)
		texts = append(texts, bbc...)
	}
	return texts
}

// TestCompiledEqualsTSV: the shipped model's compiled form holds the tables
// its TSV gives, and scorers built from either score news text the same,
// to the last bit.
func TestCompiledEqualsTSV(t *testing.T) {
	f, lx := shippedTSV(t)
	tsv, comp := checkCompiledEqual(t, string(f.Data))
	cfg := configFrom(lx.Tone, true)
	a, b := newScorer(cfg, tsv), newScorer(cfg, comp)
	if x, y := engineWords(a), engineWords(b); !reflect.DeepEqual(x, y) {
		for w, info := range x {
			if y[w] != info {
				t.Errorf("%q: %s, compiled %s", w, info, y[w])
			}
		}
		t.Fatalf("the engines' word tables differ: %d words, compiled %d", len(x), len(y))
	}
	// A second scorer on the same model places its words again (the first
	// took the table placed at load).
	if x, y := engineWords(b), engineWords(b.WithModel(comp)); !reflect.DeepEqual(x, y) {
		t.Fatal("a second scorer on the compiled model holds other words")
	}
	texts := compiledTestTexts(t)
	for _, text := range texts {
		if x, y := a.Score(text), b.Score(text); x != y {
			t.Fatalf("%q: %+v, compiled %+v", text, x, y)
		}
		// The mention: the first capitalised word after the first.
		span := article.Span{}
		if i := strings.Index(text[1:], " "); i >= 0 {
			for j := i + 2; j < len(text); j++ {
				if text[j-1] == ' ' && text[j] >= 'A' && text[j] <= 'Z' {
					k := j
					for k < len(text) && text[k] != ' ' {
						k++
					}
					span = article.Span{Start: j, End: k}
					break
				}
			}
		}
		if x, y := a.TargetScore(text, span), b.TargetScore(text, span); x != y {
			t.Fatalf("%q at %v: %+v, compiled %+v", text, span, x, y)
		}
		if x, y := a.Explain(text, 5), b.Explain(text, 5); !reflect.DeepEqual(x, y) {
			t.Fatalf("%q: explained %+v, compiled %+v", text, x, y)
		}
	}
	t.Logf("%d texts scored the same", len(texts))
}

// TestCompiledSmallModels: models trained without word vectors, or without
// target counts, compile to what their TSV gives too.
func TestCompiledSmallModels(t *testing.T) {
	f, _ := shippedTSV(t)
	text := string(f.Data)
	noVec := dropRows(dropRows(text, vecPrefix), "="+vecBiasRow)
	noVec = dropRows(noVec, "=label:")
	checkCompiledEqual(t, noVec)
	checkCompiledEqual(t, dropRows(dropRows(noVec, targetPrefix), "=target:"))
}

// TestCompiledOnlyForItsSource: a model file other than the one compiled,
// such as a user's retrained model, is read from its TSV; the same bytes
// from a user folder use the compiled form.
func TestCompiledOnlyForItsSource(t *testing.T) {
	f, _ := shippedTSV(t)
	for _, tc := range []struct {
		name     string
		data     string
		compiled bool
	}{
		{"same bytes", string(f.Data), true},
		{"a comment added", string(f.Data) + "# retrained\n", false},
		{"one count changed", strings.Replace(string(f.Data), "\n!a\t120\t", "\n!a\t121\t", 1), false},
	} {
		if tc.name == "one count changed" && tc.data == string(f.Data) {
			t.Fatal("the shipped model has no row !a 120: pick another row to change")
		}
		dir := t.TempDir()
		if err := os.MkdirAll(filepath.Join(dir, "tone"), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "tone", "nb_model.tsv"), []byte(tc.data), 0o644); err != nil {
			t.Fatal(err)
		}
		lx, err := lexicon.Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		s, err := New(lx)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(s.model.Counts) == 0; got != tc.compiled {
			t.Errorf("%s: compiled form used %v, want %v", tc.name, got, tc.compiled)
		}
		if !tc.compiled {
			want, err := parseModel(tc.data, "x")
			if err != nil {
				t.Fatal(err)
			}
			sameRows(t, tc.name, want.logp, s.model.logp)
		}
	}
}

// TestCompiledDamaged: a cut or garbled compiled model is refused (the TSV
// is read instead), never loaded half or panicking.
func TestCompiledDamaged(t *testing.T) {
	f, _ := shippedTSV(t)
	c := shippedCompiled
	if _, ok := compiledFor(c, f.Data); !ok {
		t.Fatal("the shipped compiled model does not load")
	}
	cuts := []int{0, 1, len(compiledMagic), len(compiledMagic) + 31, len(compiledMagic) + 32, len(compiledMagic) + 40, len(c) - 1}
	for i := 1; i < 50; i++ {
		cuts = append(cuts, len(c)*i/50)
	}
	for _, n := range cuts {
		if _, ok := compiledFor(c[:n], f.Data); ok {
			t.Errorf("cut to %d of %d bytes: loaded", n, len(c))
		}
	}
	if _, ok := compiledFor(c+"x", f.Data); ok {
		t.Error("a byte added: loaded")
	}
	body := c[len(compiledMagic)+32:]
	for i := 0; i < 64; i++ {
		b := []byte(body)
		b[i] ^= 0x80            // a count or a flag near the start
		loadCompiled(string(b)) // must not panic
	}
}

// tableWords lists the words a table holds with their rows.
func tableWords(t *wordTable) map[string]int32 {
	out := map[string]int32{}
	for _, s := range t.slots {
		if s.idx != 0 {
			var b [16]byte
			binary.LittleEndian.PutUint64(b[:8], s.k0)
			binary.LittleEndian.PutUint64(b[8:], s.k1)
			out[string(b[:s.n])] = s.idx
		}
	}
	for w, s := range t.long {
		out[w] = s.idx
	}
	return out
}

// engineWords is what an engine knows of each word it holds, with the
// models' rows in place of their ids (which differ between the forms).
func engineWords(s *Scorer) map[string]string {
	e, m := s.rules, s.model
	out := map[string]string{}
	for w, row := range tableWords(e.table) {
		info := e.words[row]
		var nb, vec []float32
		if info.nb >= 0 {
			nb = m.logp[2*int(info.nb)*numClasses : 2*int(info.nb+1)*numClasses]
		}
		if info.vec >= 0 {
			vec = m.vec.scores[int(info.vec)*numClasses : int(info.vec+1)*numClasses]
		}
		info.nb, info.vec = 0, 0
		out[w] = fmt.Sprintf("%+v nb %v vec %v", info, nb, vec)
	}
	main := &wordTable{slots: e.table.slots, mask: e.table.mask, long: e.table.long}
	for w, row := range tableWords(&wordTable{slots: e.table.hot}) {
		if main.getString(w) != row {
			out[w] += " (hot row differs)"
		}
		out[w] += " hot"
	}
	return out
}

// TestTableImageGrows: a laid-out table with too little room for the words
// to be added is hashed afresh into a larger one, each word keeping its row.
func TestTableImageGrows(t *testing.T) {
	words := []string{"peace", "talks", "sanctions", "a-very-long-compound-word", "x"}
	for i := 0; i < 200; i++ {
		words = append(words, fmt.Sprintf("w%03d", i))
	}
	var w compiledWriter
	order := w.tableImage(words, len(words))
	r := compiledReader{s: string(w.b)}
	img, ok := r.table()
	if !ok {
		t.Fatal("image refused")
	}
	for _, n := range []int{len(words), 10 * len(words)} {
		slots, mask, long := img.place(n)
		if got := 2 * len(slots); got < 3*n {
			t.Errorf("room for %d words: %d slots", n, len(slots))
		}
		tab := &wordTable{slots: slots, mask: mask, long: long}
		for row, i := range order {
			if got := tab.getString(words[i]); got != int32(row+1) {
				t.Errorf("room for %d: %q at row %d, want %d", n, words[i], got, row+1)
			}
		}
		if got := len(tableWords(tab)); got != len(words) {
			t.Errorf("room for %d: %d words, want %d", n, got, len(words))
		}
	}
}
