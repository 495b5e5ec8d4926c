package output

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"sort"
)

// spill keeps a run's new rows on disk until commit, so memory stays flat
// however large the input: only a small index entry per row stays in memory.
type spill[T any] struct {
	f     *os.File
	w     *bufio.Writer
	off   int64
	index []spillEntry
}

type spillEntry struct {
	part    string // partition folder, e.g. "date=2017-04-12"
	article string
	seq     int // order within the article
	off     int64
	n       int32
}

func newSpill[T any](path string) (*spill[T], error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	return &spill[T]{f: f, w: bufio.NewWriterSize(f, 1<<20)}, nil
}

func (s *spill[T]) add(part, article string, seq int, row *T) error {
	b, err := json.Marshal(row)
	if err != nil {
		return err
	}
	if _, err := s.w.Write(b); err != nil {
		return err
	}
	s.index = append(s.index, spillEntry{part: part, article: article, seq: seq, off: s.off, n: int32(len(b))})
	s.off += int64(len(b))
	return nil
}

// partitions returns the partitions holding rows, sorted.
func (s *spill[T]) partitions() []string {
	seen := map[string]bool{}
	var out []string
	for _, e := range s.index {
		if !seen[e.part] {
			seen[e.part] = true
			out = append(out, e.part)
		}
	}
	sort.Strings(out)
	return out
}

// sortIndex orders rows by partition, article id and position, the order the
// tables are written in, so that output does not depend on worker timing.
func (s *spill[T]) sortIndex() error {
	sort.SliceStable(s.index, func(i, j int) bool {
		a, b := s.index[i], s.index[j]
		if a.part != b.part {
			return a.part < b.part
		}
		if a.article != b.article {
			return a.article < b.article
		}
		return a.seq < b.seq
	})
	return s.w.Flush()
}

// rows returns the index entries of one partition (after sortIndex).
func (s *spill[T]) rows(part string) []spillEntry {
	lo := sort.Search(len(s.index), func(i int) bool { return s.index[i].part >= part })
	hi := lo
	for hi < len(s.index) && s.index[hi].part == part {
		hi++
	}
	return s.index[lo:hi]
}

func (s *spill[T]) read(e spillEntry, buf []byte, row *T) ([]byte, error) {
	if cap(buf) < int(e.n) {
		buf = make([]byte, e.n)
	}
	buf = buf[:e.n]
	if _, err := s.f.ReadAt(buf, e.off); err != nil {
		return buf, fmt.Errorf("spill: %w", err)
	}
	var zero T
	*row = zero
	return buf, json.Unmarshal(buf, row)
}

func (s *spill[T]) close() error { return s.f.Close() }
