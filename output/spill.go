package output

import (
	"bufio"
	"fmt"
	"os"
	"slices"
	"strings"
)

// spill keeps a run's new rows on disk until commit, so memory stays flat
// however large the input. Each article's rows are one block of the file
// (rows in the binary form of rowcodec.go, one after another); only a small
// index entry per article stays in memory.
type spill[T any] struct {
	f      *os.File
	w      *bufio.Writer
	off    int64
	parts  []string // partition names; blocks refer to them by index
	partN  map[string]uint32
	index  []spillBlock
	enc    []byte
	encode func([]byte, *T) []byte
	decode func(*rowDecoder, *T)
}

type spillBlock struct {
	article string
	off     int64
	n       int32  // bytes
	part    uint32 // index into parts
}

func newSpill[T any](path string, encode func([]byte, *T) []byte, decode func(*rowDecoder, *T)) (*spill[T], error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return &spill[T]{f: f, w: bufio.NewWriterSize(f, 256<<10), partN: map[string]uint32{}, encode: encode, decode: decode}, nil
}

// add writes one article's rows, in order, as one block.
func (s *spill[T]) add(part, article string, rows []T) error {
	s.enc = s.enc[:0]
	for i := range rows {
		s.enc = s.encode(s.enc, &rows[i])
	}
	n := len(s.enc)
	if n > 1<<31-1 {
		return fmt.Errorf("spill %s: %d bytes of rows for one article", article, n)
	}
	if _, err := s.w.Write(s.enc); err != nil {
		return err
	}
	if cap(s.enc) > 4<<20 {
		s.enc = nil // one huge article does not pin its buffer for the rest of the run
	}
	pi, ok := s.partN[part]
	if !ok {
		pi = uint32(len(s.parts))
		s.parts = append(s.parts, part)
		s.partN[part] = pi
	}
	s.index = append(s.index, spillBlock{article: article, off: s.off, n: int32(n), part: pi})
	s.off += int64(n)
	return nil
}

// partitions returns the partitions holding rows, sorted.
func (s *spill[T]) partitions() []string {
	seen := make([]bool, len(s.parts))
	var out []string
	for _, e := range s.index {
		if !seen[e.part] {
			seen[e.part] = true
			out = append(out, s.parts[e.part])
		}
	}
	slices.Sort(out)
	return out
}

// sortIndex orders blocks by partition and article id, the order the tables
// are written in, so that output does not depend on worker timing.
func (s *spill[T]) sortIndex() error {
	slices.SortFunc(s.index, func(a, b spillBlock) int {
		if c := strings.Compare(s.parts[a.part], s.parts[b.part]); c != 0 {
			return c
		}
		return strings.Compare(a.article, b.article)
	})
	return s.w.Flush()
}

// blocks returns the blocks of one partition (after sortIndex).
func (s *spill[T]) blocks(part string) []spillBlock {
	lo, _ := slices.BinarySearchFunc(s.index, part, func(e spillBlock, p string) int {
		return strings.Compare(s.parts[e.part], p)
	})
	hi := lo
	for hi < len(s.index) && s.parts[s.index[hi].part] == part {
		hi++
	}
	return s.index[lo:hi]
}

// readBlock appends one article's rows to rows.
func (s *spill[T]) readBlock(e spillBlock, buf []byte, rows []T) ([]byte, []T, error) {
	if cap(buf) < int(e.n) {
		buf = make([]byte, e.n)
	}
	buf = buf[:e.n]
	if _, err := s.f.ReadAt(buf, e.off); err != nil {
		return buf, rows, fmt.Errorf("spill: %w", err)
	}
	d := rowDecoder{s: string(buf)}
	for d.s != "" {
		var row T
		s.decode(&d, &row)
		rows = append(rows, row)
	}
	if d.err != nil {
		return buf, rows, fmt.Errorf("spill of article %q: %w", e.article, d.err)
	}
	return buf, rows, nil
}

// ids returns the article ids of every block, sorted, and refuses an id
// written twice (the batch quarantines duplicates before they get here).
func (s *spill[T]) ids() (idSet, error) {
	ids := make(idSet, len(s.index))
	for i, e := range s.index {
		ids[i] = e.article
	}
	slices.Sort(ids)
	for i := 1; i < len(ids); i++ {
		if ids[i] == ids[i-1] {
			return nil, fmt.Errorf("article id %q written twice in one run", ids[i])
		}
	}
	return ids, nil
}

// idSet is a sorted list of ids: half the memory of a map, and lookups are
// only made while merging.
type idSet []string

func (s idSet) has(id string) bool {
	_, ok := slices.BinarySearch(s, id)
	return ok
}

func (s *spill[T]) close() error { return s.f.Close() }
