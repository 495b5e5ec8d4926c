package tone

import (
	"bytes"
	"crypto/sha256"
	_ "embed"
	"encoding/binary"
	"errors"
	"fmt"
	"maps"
	"math"
	"slices"
	"strings"
)

// Reading the shipped model's TSV (87,000 rows of numbers parsed into maps,
// then compiled into tables) was most of a run's serial start-up. The same
// model is therefore also shipped compiled: its tables as raw numbers and
// sorted word lists, loaded with no text parsing. It stands for exactly the
// TSV it was compiled from (the TSV's SHA-256 is in it); any other model
// file, such as a user's retrained one, is read from its TSV as before.
//
// After retraining the shipped model, regenerate it:
//
//	go generate ./pipeline/tone

//go:generate go run gen_compiled.go

//go:embed nb_model.bin
var shippedCompiled string

// compiledMagic starts a compiled model; its last byte is the format's version.
const compiledMagic = "stance tone model\x01"

var errCompiled = errors.New("damaged compiled tone model")

// CompileModel compiles the model file src (a TSV; name is for errors) into
// the form loadCompiled reads. The output depends only on src.
func CompileModel(src []byte, name string) ([]byte, error) {
	m, err := parseModel(string(src), name)
	if err != nil {
		return nil, err
	}
	sum := sha256.Sum256(src)
	var w compiledWriter
	w.b = append(w.b, compiledMagic...)
	w.b = append(w.b, sum[:]...)
	w.f64(m.Alpha)
	w.row(m.Docs)
	w.row(m.prior)
	w.row(m.VecBias)
	w.flag(m.hasVecBias)
	for _, c := range []*Combiner{m.ToneCombiner, m.LabelCombiner, m.TargetCombiner} {
		w.flag(c != nil)
		if c == nil {
			continue
		}
		w.u32(uint32(len(c.W)))
		for _, r := range c.W {
			w.row(r)
		}
		w.row(c.Bias)
	}
	// The naive Bayes words: ids are their sorted order already.
	w.words(m.names)
	w.f32s(m.logp)
	// The target features and word vectors in sorted order, so the output
	// does not depend on map order; their ids become that order.
	var targets []string
	var targetLogp []float32
	if m.target != nil {
		targets = slices.Sorted(maps.Keys(m.TargetCounts))
		for _, f := range targets {
			id, ok := m.target.id([]byte(f))
			if !ok {
				return nil, fmt.Errorf("%s: target feature %q missing from its table", name, f)
			}
			targetLogp = append(targetLogp, m.target.logp[int(id)*numClasses:int(id+1)*numClasses]...)
		}
	}
	w.words(targets)
	w.f32s(targetLogp)
	var vecWords []string
	var vecScores []float32
	if m.vec != nil {
		ids := make([]int, len(m.vec.words))
		for i := range ids {
			ids[i] = i
		}
		slices.SortFunc(ids, func(a, b int) int { return strings.Compare(m.vec.words[a], m.vec.words[b]) })
		for _, id := range ids {
			vecWords = append(vecWords, m.vec.words[id])
			vecScores = append(vecScores, m.vec.scores[id*numClasses:(id+1)*numClasses]...)
		}
	}
	w.flag(m.vec != nil)
	w.words(vecWords)
	w.f32s(vecScores)
	w.words(m.hot)
	return w.b, nil
}

// compiledFor returns the model compiled in c when c was compiled from
// exactly src; ok is false otherwise (or when c is damaged).
func compiledFor(c string, src []byte) (m *Model, ok bool) {
	if len(c) < len(compiledMagic)+sha256.Size || c[:len(compiledMagic)] != compiledMagic {
		return nil, false
	}
	// The hash of src is checked while the tables load.
	same := make(chan bool, 1)
	go func() {
		sum := sha256.Sum256(src)
		same <- bytes.Equal(sum[:], []byte(c[len(compiledMagic):len(compiledMagic)+sha256.Size]))
	}()
	m, err := loadCompiled(c[len(compiledMagic)+sha256.Size:])
	if !<-same || err != nil {
		return nil, false
	}
	return m, true
}

// loadCompiled reads what CompileModel wrote after the magic and hash.
func loadCompiled(c string) (*Model, error) {
	r := compiledReader{s: c}
	m := NewModel()
	m.Alpha = r.f64()
	m.Docs = r.row()
	m.prior = r.row()
	m.VecBias = r.row()
	m.hasVecBias = r.flag()
	for _, slot := range []struct {
		c        **Combiner
		name     string
		features []string
	}{{&m.ToneCombiner, "tone", toneFeatures}, {&m.LabelCombiner, "label", labelFeatures}, {&m.TargetCombiner, "target", targetFeatures}} {
		if !r.flag() {
			continue
		}
		if int(r.u32()) != len(slot.features) {
			return nil, errCompiled
		}
		c := newCombiner(slot.name, slot.features)
		for j := range c.W {
			c.W[j] = r.row()
		}
		c.Bias = r.row()
		*slot.c = c
	}
	m.names = r.words()
	m.logp = r.f32s(2 * len(m.names) * numClasses)
	targets := r.words()
	targetLogp := r.f32s(len(targets) * numClasses)
	hasVec := r.flag()
	vecWords := r.words()
	vecScores := r.f32s(len(vecWords) * numClasses)
	m.hot = r.words()
	if r.err != nil || len(r.s) != 0 {
		return nil, errCompiled
	}
	// The target table is filled beside the engine's tables (see attach).
	if len(targets) > 0 {
		t := &targetIndex{ids: newWordTableFor(len(targets)), logp: targetLogp}
		for id, f := range targets {
			t.ids.put(f, int32(id)+1)
		}
		m.target = t
	}
	if hasVec {
		m.vec = &vecIndex{words: vecWords, scores: vecScores}
	}
	m.compiled = true
	return m, nil
}

type compiledWriter struct{ b []byte }

func (w *compiledWriter) u32(v uint32) { w.b = binary.LittleEndian.AppendUint32(w.b, v) }
func (w *compiledWriter) f64(v float64) {
	w.b = binary.LittleEndian.AppendUint64(w.b, math.Float64bits(v))
}
func (w *compiledWriter) row(r [numClasses]float64) {
	for _, v := range r {
		w.f64(v)
	}
}

func (w *compiledWriter) flag(on bool) {
	if on {
		w.b = append(w.b, 1)
	} else {
		w.b = append(w.b, 0)
	}
}

// words writes a count, then each word's length (uvarint) and bytes.
func (w *compiledWriter) words(list []string) {
	w.u32(uint32(len(list)))
	for _, s := range list {
		w.b = binary.AppendUvarint(w.b, uint64(len(s)))
		w.b = append(w.b, s...)
	}
}

// f32s writes the numbers without a count: the reader knows it.
func (w *compiledWriter) f32s(list []float32) {
	for _, v := range list {
		w.b = binary.LittleEndian.AppendUint32(w.b, math.Float32bits(v))
	}
}

// compiledReader reads from a string, so the words it returns share the
// compiled model's (embedded, read-only) bytes instead of copies.
type compiledReader struct {
	s   string
	err error
}

func (r *compiledReader) take(n int) string {
	if r.err != nil || n < 0 || n > len(r.s) {
		r.err = errCompiled
		return ""
	}
	v := r.s[:n]
	r.s = r.s[n:]
	return v
}

func (r *compiledReader) u32() uint32 {
	b := r.take(4)
	if len(b) < 4 {
		return 0
	}
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

func (r *compiledReader) u64() uint64 {
	b := r.take(8)
	if len(b) < 8 {
		return 0
	}
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

func (r *compiledReader) f64() float64 { return math.Float64frombits(r.u64()) }

func (r *compiledReader) row() (v [numClasses]float64) {
	for k := range v {
		v[k] = r.f64()
	}
	return v
}

func (r *compiledReader) flag() bool {
	b := r.take(1)
	if len(b) == 1 && b[0] > 1 {
		r.err = errCompiled
	}
	return b == "\x01"
}

func (r *compiledReader) words() []string {
	n := int(r.u32())
	if r.err != nil || n > len(r.s) { // each word takes at least a byte
		r.err = errCompiled
		return nil
	}
	list := make([]string, n)
	for i := range list {
		size, k := uvarintString(r.s)
		if k <= 0 || size > uint64(len(r.s)) {
			r.err = errCompiled
			return nil
		}
		r.s = r.s[k:]
		list[i] = r.take(int(size))
	}
	return list
}

func (r *compiledReader) f32s(n int) []float32 {
	b := r.take(4 * n)
	if r.err != nil {
		return nil
	}
	out := make([]float32, n)
	for i := range out {
		j := 4 * i
		out[i] = math.Float32frombits(uint32(b[j]) | uint32(b[j+1])<<8 | uint32(b[j+2])<<16 | uint32(b[j+3])<<24)
	}
	return out
}

// uvarintString is binary.Uvarint over a string.
func uvarintString(s string) (uint64, int) {
	var v uint64
	for i := 0; i < len(s) && i < binary.MaxVarintLen64; i++ {
		c := s[i]
		if c < 0x80 {
			return v | uint64(c)<<(7*uint(i)), i + 1
		}
		v |= uint64(c&0x7f) << (7 * uint(i))
	}
	return 0, 0
}
