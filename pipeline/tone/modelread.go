package tone

import (
	"bufio"
	"fmt"
	"io"
	"maps"
	"math"
	"strconv"
	"strings"
)

// Reading the model file is most of a run's start-up, which is serial work
// before the first article. The file's word-vector rows (three in five of
// its lines) are independent of the others, so the part of the file from
// the first of them on is read on a second goroutine, and its table
// compiled there, while the first part is read. Any valid file reads the
// same however its rows are ordered: the parts are merged in file order,
// later rows overriding earlier ones as in a single pass, and the first
// error in file order is the one reported.

// maxModelLine is the longest line a model file may have (the limit of
// the bufio.Scanner this reader replaced, kept so the same files fail).
const maxModelLine = 1 << 20

// ReadModel parses a model file; name is used in error messages.
func ReadModel(r io.Reader, name string) (*Model, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	return parseModel(string(data), name)
}

// modelPart is what one stretch of a model file's lines holds.
type modelPart struct {
	counts, target, vec map[string]*[numClasses]float64
	weights             []weightRow // combiner rows, in file order
	alpha, docs         *[numClasses]float64
	vecBias             *[numClasses]float64
	header              bool // the stretch began after the header or held it
	err                 error
	compiled            *vecIndex // vec compiled, when the stretch held only vector rows
}

type weightRow struct {
	row string // "NAME:FEATURE"
	w   [numClasses]float64
}

// parseModel reads a whole model file held in text.
func parseModel(text, name string) (*Model, error) { return readModelText(text, name, true) }

// readModelText reads a model file, its vector rows on their own goroutine
// when inParts (tests compare with a single pass).
func readModelText(text, name string, inParts bool) (*Model, error) {
	split := -1
	if inParts {
		split = strings.Index(text, "\n"+vecPrefix)
	}
	var parts []*modelPart
	if split < 0 {
		parts = []*modelPart{parseModelLines(text, name, 1, false)}
	} else {
		split++ // the vector rows start after the newline
		second := make(chan *modelPart, 1)
		firstLine := 1 + strings.Count(text[:split], "\n")
		go func() {
			p := parseModelLines(text[split:], name, firstLine, true)
			if p.err == nil && len(p.counts)+len(p.target)+len(p.weights) == 0 && p.alpha == nil && p.docs == nil {
				p.compiled = compileVec(p.vec)
			}
			second <- p
		}()
		first := parseModelLines(text[:split], name, 1, false)
		p2 := <-second
		if first.err == nil && !first.header {
			// The header is not before the first vector row: a single
			// pass gives the error that file deserves.
			parts = []*modelPart{parseModelLines(text, name, 1, false)}
		} else {
			parts = []*modelPart{first, p2}
		}
	}
	m := NewModel()
	var vec *vecIndex
	for i, p := range parts {
		if p.err != nil {
			return nil, p.err
		}
		if i == 0 && !p.header {
			return nil, fmt.Errorf("%s: empty model", name)
		}
		if p.alpha != nil {
			m.Alpha = p.alpha[0]
		}
		if p.docs != nil {
			m.Docs = *p.docs
		}
		if p.vecBias != nil {
			m.VecBias, m.hasVecBias = *p.vecBias, true
		}
		for _, w := range p.weights {
			if err := m.setWeight(w.row, w.w); err != nil {
				return nil, fmt.Errorf("%s: %w", name, err) // checked while reading: not reached
			}
		}
		m.Counts = mergeRows(m.Counts, p.counts)
		m.TargetCounts = mergeRows(m.TargetCounts, p.target)
		if len(m.Vec) == 0 && p.compiled != nil {
			vec = p.compiled
		} else if len(p.vec) > 0 {
			vec = nil
		}
		m.Vec = mergeRows(m.Vec, p.vec)
	}
	for _, c := range []*Combiner{m.ToneCombiner, m.LabelCombiner, m.TargetCombiner} {
		if c == m.TargetCombiner && c != nil && m.weightRows[c.Name] == len(c.Features)+1-len(optionalTargetFeatures) && !m.optionalRead {
			continue // a model trained without word vectors
		}
		if c != nil && m.weightRows[c.Name] != len(c.Features)+1 {
			return nil, fmt.Errorf("%s: the %s combiner has %d weight rows, want %d (one per feature and the bias)", name, c.Name, m.weightRows[c.Name], len(c.Features)+1)
		}
	}
	if len(m.Vec) > 0 && !m.hasVecBias {
		return nil, fmt.Errorf("%s: word-vector rows (%q…) without their intercept row =%s", name, vecPrefix, vecBiasRow)
	}
	if m.LabelCombiner != nil && len(m.Vec) == 0 {
		return nil, fmt.Errorf("%s: the label combiner needs the word-vector model (rows starting with %q)", name, vecPrefix)
	}
	if m.TargetCombiner != nil && len(m.TargetCounts) == 0 {
		return nil, fmt.Errorf("%s: the target combiner needs the target model's counts (rows starting with %q)", name, targetPrefix)
	}
	m.compileWith(vec)
	return m, nil
}

// mergeRows adds later's rows to dst, later's winning, and returns dst;
// an empty dst is replaced by later as it is.
func mergeRows(dst, later map[string]*[numClasses]float64) map[string]*[numClasses]float64 {
	if len(later) == 0 {
		return dst
	}
	if len(dst) == 0 {
		return later
	}
	maps.Copy(dst, later)
	return dst
}

// parseModelLines reads the lines of text, the first of them line
// firstLine of the file; afterHeader says the header came before them.
func parseModelLines(text, name string, firstLine int, afterHeader bool) *modelPart {
	// Sized from the line counts (target rows start with "@"), rather
	// than grown through tens of thousands of inserts.
	lines, targets := strings.Count(text, "\n")+1, strings.Count(text, "\n"+targetPrefix)
	vectors := 0
	if afterHeader {
		vectors = lines // the stretch from the first vector row on
	}
	p := &modelPart{header: afterHeader,
		counts: make(map[string]*[numClasses]float64, max(lines-targets-vectors, 0)),
		target: make(map[string]*[numClasses]float64, targets)}
	// Each row's numbers live in one slab rather than one allocation per
	// row (tens of thousands of them).
	slab := make([][numClasses]float64, 0, lines)
	var weights *Model // checks combiner rows as a single pass would
	line := firstLine - 1
	var cellBuf [4]string // a model line has four cells; splitting into it allocates nothing
	fail := func(format string, args ...any) *modelPart {
		p.err = fmt.Errorf("%s:%d: "+format, append([]any{name, line}, args...)...)
		return p
	}
	for len(text) > 0 {
		line++
		row := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			row, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if len(row) >= maxModelLine {
			p.err = fmt.Errorf("%s: %w", name, bufio.ErrTooLong)
			return p
		}
		row = strings.TrimRight(row, "\r")
		if strings.HasPrefix(row, "#") || strings.TrimSpace(row) == "" {
			continue
		}
		cells := appendCells(cellBuf[:0], row)
		if !p.header {
			if len(cells) != 4 || cells[0] != "feature" {
				return fail("want header feature<TAB>neg<TAB>neu<TAB>pos")
			}
			p.header = true
			continue
		}
		if len(cells) != 4 {
			return fail("want 4 tab-separated cells, got %d", len(cells))
		}
		var c [numClasses]float64
		weight := strings.HasPrefix(cells[0], "=") || strings.HasPrefix(cells[0], vecPrefix)
		for k := 0; k < numClasses; k++ {
			v, err := strconv.ParseFloat(cells[k+1], 64)
			if weight && err == nil && !math.IsNaN(v) && !math.IsInf(v, 0) {
				c[k] = v
				continue
			}
			if err != nil || v < 0 {
				return fail("count %q: want a number ≥ 0", cells[k+1])
			}
			c[k] = v
		}
		switch cells[0] {
		// (copies: taking c's address would put every row's c on the heap)
		case "__alpha__":
			if c[0] <= 0 {
				return fail("alpha must be > 0")
			}
			alpha := c
			p.alpha = &alpha
		case "__docs__":
			docs := c
			p.docs = &docs
		case "=" + vecBiasRow:
			bias := c
			p.vecBias = &bias
		default:
			if strings.HasPrefix(cells[0], vecPrefix) {
				if p.vec == nil { // sized for the shipped model: growing a map 50,000 rows long rehashes it many times
					p.vec = make(map[string]*[numClasses]float64, DefaultVecWords)
				}
				slab = append(slab, c)
				p.vec[cells[0][len(vecPrefix):]] = &slab[len(slab)-1]
				continue
			}
			if weight {
				if weights == nil {
					weights = NewModel()
				}
				if err := weights.setWeight(cells[0][1:], c); err != nil {
					return fail("%w", err)
				}
				p.weights = append(p.weights, weightRow{cells[0][1:], c})
				continue
			}
			slab = append(slab, c)
			if isTargetFeature(cells[0]) {
				p.target[cells[0]] = &slab[len(slab)-1]
				continue
			}
			p.counts[cells[0]] = &slab[len(slab)-1]
		}
	}
	return p
}
