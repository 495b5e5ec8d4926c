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
	"sync/atomic"
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
	// The target features' table as laid out in memory, their ids in its
	// order, and their rows in the same order.
	var targets []string
	if m.target != nil {
		targets = slices.Sorted(maps.Keys(m.TargetCounts))
	}
	order := w.tableImage(targets, len(targets))
	for _, i := range order {
		id, ok := m.target.id([]byte(targets[i]))
		if !ok {
			return nil, fmt.Errorf("%s: target feature %q missing from its table", name, targets[i])
		}
		w.f32s(m.target.logp[int(id)*numClasses : int(id+1)*numClasses])
	}
	w.u32(uint32(len(m.logp)))
	w.f32s(m.logp)
	// The word vectors in sorted order (their ids), so the output does
	// not depend on map order.
	w.flag(m.vec != nil)
	type ids struct{ nb, vec int32 }
	words := map[string]*ids{}
	for id, word := range m.names {
		words[word] = &ids{nb: int32(id), vec: -1}
	}
	if m.vec != nil {
		byWord := make([]int, len(m.vec.words))
		for i := range byWord {
			byWord[i] = i
		}
		slices.SortFunc(byWord, func(a, b int) int { return strings.Compare(m.vec.words[a], m.vec.words[b]) })
		w.u32(uint32(len(byWord)))
		for id, old := range byWord {
			w.f32s(m.vec.scores[old*numClasses : (old+1)*numClasses])
			if words[m.vec.words[old]] == nil {
				words[m.vec.words[old]] = &ids{nb: -1}
			}
			words[m.vec.words[old]].vec = int32(id)
		}
	}
	// Every word of either model in one table, laid out with room for the
	// lexicon's words (attach adds them), then each row's ids.
	all := slices.Sorted(maps.Keys(words))
	order = w.tableImage(all, len(all)+len(all)/2)
	for _, i := range order {
		w.u32(uint32(words[all[i]].nb))
		w.u32(uint32(words[all[i]].vec))
	}
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
	// The target table is placed as it was laid out: no hashing.
	targets, ok := r.table()
	if !ok {
		return nil, errCompiled
	}
	if targets.rows > 0 {
		slots, mask, long := targets.place(targets.rows)
		t := &targetIndex{ids: &wordTable{slots: slots, mask: mask, long: long}}
		t.logp = r.f32s(targets.rows * numClasses)
		m.target = t
	}
	m.logp = r.f32s(int(r.u32()))
	if r.flag() {
		m.vec = &vecIndex{scores: r.f32s(int(r.u32()) * numClasses)}
	}
	if m.words, ok = r.table(); !ok {
		return nil, errCompiled
	}
	m.wordNB = make([]int32, m.words.rows)
	m.wordVec = make([]int32, m.words.rows)
	for i := range m.wordNB {
		m.wordNB[i], m.wordVec[i] = int32(r.u32()), int32(r.u32())
		if m.wordNB[i] < -1 || int(m.wordNB[i]) >= len(m.logp)/(2*numClasses) ||
			m.wordVec[i] < -1 || m.vec == nil && m.wordVec[i] >= 0 || m.vec != nil && int(m.wordVec[i]) >= len(m.vec.scores)/numClasses {
			return nil, errCompiled
		}
	}
	m.hot = r.words()
	if r.err != nil || len(r.s) != 0 {
		return nil, errCompiled
	}
	// Placed now, beside the rule engine's build, rather than in attach.
	m.placed = new(atomic.Pointer[placedWords])
	m.placed.Store(m.placeWords(m.words.rows))
	m.compiled = true
	return m, nil
}

// tableImage writes a word table holding words (rows 1, 2, … in the order
// it returns, as indexes into words) laid out as inserting them in order
// into a table sized for n words leaves it: loading it places each word in
// its slot with no hashing or probing (tableImage.place).
func (w *compiledWriter) tableImage(words []string, n int) (order []int) {
	slots, mask := makeSlots(n)
	pos := make([]uint32, len(words))
	for i, word := range words {
		pos[i] = longWord
		if len(word) > 16 {
			continue
		}
		k0, k1 := keyOf([]byte(word))
		j := hashKey(k0, k1, len(word)) & mask
		for slots[j].idx != 0 {
			j = (j + 1) & mask
		}
		slots[j].idx = 1
		pos[i] = uint32(j)
	}
	order = make([]int, len(words))
	for i := range order {
		order[i] = i
	}
	// Slot order, so loading writes the table front to back.
	slices.SortStableFunc(order, func(a, b int) int { return cmpU32(pos[a], pos[b]) })
	w.u32(uint32(len(slots)))
	w.u32(uint32(len(words)))
	for _, i := range order {
		w.b = binary.AppendUvarint(w.b, uint64(len(words[i])))
		w.b = append(w.b, words[i]...)
		w.u32(pos[i])
	}
	return order
}

func cmpU32(a, b uint32) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// longWord marks a word kept in the table's map, not in a slot.
const longWord = ^uint32(0)

// tableImage is a word table as tableImage wrote it, checked.
type tableImage struct {
	size, rows int
	entries    string
}

// table reads and checks a table image.
func (r *compiledReader) table() (tableImage, bool) {
	img := tableImage{size: int(r.u32()), rows: int(r.u32())}
	start := r.s
	if r.err != nil || img.size < 16 || img.size&(img.size-1) != 0 || img.rows > len(r.s) || 3*img.rows > 2*img.size {
		return img, false
	}
	last := -1
	for i := 0; i < img.rows; i++ {
		size, k := uvarintString(r.s)
		if k <= 0 || size > uint64(len(r.s)) {
			return img, false
		}
		r.s = r.s[k:]
		word := r.take(int(size))
		pos := r.u32()
		if r.err != nil || len(word) == 0 {
			return img, false
		}
		if pos == longWord {
			if len(word) <= 16 {
				return img, false
			}
			last = img.size
			continue
		}
		// Slots strictly increase, so no two words share one.
		if len(word) > 16 || int(pos) >= img.size || int(pos) <= last {
			return img, false
		}
		last = int(pos)
	}
	img.entries = start[:len(start)-len(r.s)]
	return img, true
}

// place builds the table for at least n words (more than the image holds
// when more will be added): in the image's layout when it has room for
// them, else hashed afresh into a larger one. Row i+1 is the image's i-th
// word either way.
func (img tableImage) place(n int) ([]wordSlot, uint64, map[string]*wordSlot) {
	long := map[string]*wordSlot{}
	var slots []wordSlot
	var mask uint64
	laidOut := 2*img.size >= 3*n
	if laidOut {
		slots, mask = make([]wordSlot, img.size), uint64(img.size-1)
	} else {
		slots, mask = makeSlots(n)
	}
	s := img.entries
	for row := int32(1); len(s) > 0; row++ {
		size, k := uvarintString(s)
		word := s[k : k+int(size)]
		s = s[k+int(size):]
		pos := uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
		s = s[4:]
		switch {
		case pos == longWord:
			long[word] = &wordSlot{idx: row}
		case laidOut:
			k0, k1 := keyOf([]byte(word))
			slots[pos] = wordSlot{k0: k0, k1: k1, n: uint8(len(word)), idx: row}
		default:
			putSlot(slots, mask, word, row)
		}
	}
	return slots, mask, long
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
