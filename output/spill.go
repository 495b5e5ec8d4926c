package output

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"os"
	"slices"
	"strings"
	"unsafe"

	"github.com/stance-news/stance/internal/sortedrun"
)

// spill keeps a run's new rows on disk until commit, so memory stays flat
// however large the input. Each article's rows are one block of the file
// (rows in the binary form of rowcodec.go, one after another). The blocks'
// index (article id, partition, place in the file) waits in memory for up
// to runEntries articles; then it is sorted and written to a second file
// as a run, so that what a run holds per article does not grow with the
// input. At commit the runs are merged, partition by partition.
type spill[T any] struct {
	f      *os.File
	w      *bufio.Writer
	off    int64
	parts  []string // partition names; blocks refer to them by index
	partN  map[string]uint32
	blockN []int // blocks per partition
	index  []spillBlock
	enc    []byte
	encode func([]byte, *T) []byte
	decode func(*rowDecoder, *T)

	// runEntries is how many index entries wait in memory before they are
	// written as a sorted run (tests make it small).
	runEntries int
	// runs holds the sorted runs: per entry the article id, the block's
	// offset and size (spillEntry bytes).
	runs *sortedrun.Writer
	// runParts[r][p] is where partition p's entries lie in run r.
	runParts [][]sortedrun.Section
}

// spillEntry is the payload of a run's record: the block's offset (8 bytes)
// and size (4), little endian.
const spillEntry = 12

type spillBlock struct {
	article string
	off     int64
	n       int32  // bytes
	part    uint32 // index into parts
}

// defaultRunEntries keeps the index of up to 65,536 articles in memory
// (about 3 MB with their ids): a BBC-sized corpus of 100 MB never writes
// a run.
const defaultRunEntries = 1 << 16

func newSpill[T any](path string, encode func([]byte, *T) []byte, decode func(*rowDecoder, *T)) (*spill[T], error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	runs := sortedrun.NewWriter(func() (*os.File, error) { return os.Create(path + ".index") })
	return &spill[T]{f: f, w: bufio.NewWriterSize(f, 256<<10), partN: map[string]uint32{}, encode: encode, decode: decode,
		runEntries: defaultRunEntries, runs: runs}, nil
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
		s.blockN = append(s.blockN, 0)
	}
	s.blockN[pi]++
	s.index = append(s.index, spillBlock{article: article, off: s.off, n: int32(n), part: pi})
	s.off += int64(n)
	if len(s.index) >= s.runEntries {
		return s.writeRun()
	}
	return nil
}

// partitions returns the partitions holding rows, sorted.
func (s *spill[T]) partitions() []string {
	var out []string
	for i, n := range s.blockN {
		if n > 0 {
			out = append(out, s.parts[i])
		}
	}
	slices.Sort(out)
	return out
}

// sortIndex orders blocks by partition and article id, the order the tables
// are written in, so that output does not depend on worker timing.
func (s *spill[T]) sortIndex() error {
	if s.runParts == nil {
		s.sortMem()
		return s.w.Flush()
	}
	if len(s.index) > 0 {
		if err := s.writeRun(); err != nil {
			return err
		}
	}
	// The index is all on disk now: its buffer (runEntries entries) is
	// not kept through the commit.
	s.index = nil
	if err := s.runs.Flush(); err != nil {
		return fmt.Errorf("spill index: %w", err)
	}
	return s.w.Flush()
}

func (s *spill[T]) sortMem() {
	slices.SortFunc(s.index, func(a, b spillBlock) int {
		if c := strings.Compare(s.parts[a.part], s.parts[b.part]); c != 0 {
			return c
		}
		return strings.Compare(a.article, b.article)
	})
}

// writeRun writes the index entries in memory, sorted, as one run, with a
// section per partition.
func (s *spill[T]) writeRun() error {
	s.sortMem()
	sections := make([]sortedrun.Section, len(s.parts))
	var rec [spillEntry]byte
	for i, e := range s.index {
		if i == 0 || e.part != s.index[i-1].part {
			sections[e.part].Off = s.runs.Offset()
		}
		binary.LittleEndian.PutUint64(rec[:], uint64(e.off))
		binary.LittleEndian.PutUint32(rec[8:], uint32(e.n))
		if err := s.runs.Add(e.article, rec[:]); err != nil {
			return fmt.Errorf("spill index: %w", err)
		}
		sections[e.part] = s.runs.Since(sections[e.part].Off)
	}
	s.runParts = append(s.runParts, sections)
	s.index = s.index[:0]
	return nil
}

// blocks returns the blocks of one partition in article id order (after
// sortIndex). Each caller gets its own iterator.
func (s *spill[T]) blocks(part string) *blockIter {
	lo, _ := slices.BinarySearchFunc(s.index, part, func(e spillBlock, p string) int {
		return strings.Compare(s.parts[e.part], p)
	})
	hi := lo
	for hi < len(s.index) && s.parts[s.index[hi].part] == part {
		hi++
	}
	it := &blockIter{mem: s.index[lo:hi]}
	if pi, ok := s.partN[part]; ok {
		for _, sections := range s.runParts {
			// (a run knows only the partitions seen before it was written)
			if int(pi) < len(sections) && sections[pi].N > 0 {
				it.runs = append(it.runs, s.runReader(sections[pi]))
			}
		}
	}
	for _, r := range it.runs {
		r.advance()
	}
	return it
}

// blockIter merges a partition's blocks from the runs and from memory.
type blockIter struct {
	mem   []spillBlock
	runs  []*runReader
	last  string // the id taken last, when taken
	taken bool
	err   error
}

func (s *spill[T]) runReader(sec sortedrun.Section) *runReader {
	return &runReader{r: sortedrun.NewReader(s.runs.File(), sec, spillEntry, 16<<10)}
}

// runReader reads one run's section of a partition, head being the entry
// in hand.
type runReader struct {
	r    *sortedrun.Reader
	head spillBlock
	ok   bool
	err  error
}

func (r *runReader) advance() {
	if r.ok = r.r.Next(); r.ok {
		p := r.r.Payload()
		r.head = spillBlock{article: string(r.r.Key()), off: int64(binary.LittleEndian.Uint64(p)), n: int32(binary.LittleEndian.Uint32(p[8:]))}
	} else if err := r.r.Err(); err != nil {
		r.err = fmt.Errorf("spill index: %w", err)
	}
}

// peek returns the next block without taking it; false at the end or on
// an error (see err).
func (it *blockIter) peek() (spillBlock, bool) {
	best := -1
	for i, r := range it.runs {
		if r.err != nil {
			it.err = r.err
			return spillBlock{}, false
		}
		if r.ok && (best < 0 || r.head.article < it.runs[best].head.article) {
			best = i
		}
	}
	if len(it.mem) > 0 && (best < 0 || it.mem[0].article < it.runs[best].head.article) {
		return it.mem[0], true
	}
	if best < 0 {
		return spillBlock{}, false
	}
	return it.runs[best].head, true
}

// next takes b, the block peek just returned (not looked for again); an
// id seen twice is an error.
func (it *blockIter) next(b spillBlock) {
	if len(it.mem) > 0 && it.mem[0] == b {
		it.mem = it.mem[1:]
	} else {
		for _, r := range it.runs {
			if r.ok && r.head == b {
				r.advance()
				break
			}
		}
	}
	if it.taken && b.article == it.last {
		it.err = fmt.Errorf("article id %q written twice in one run", b.article)
	}
	it.last, it.taken = b.article, true
}

// readBlock appends one article's rows to rows. The rows' strings point
// into a buffer read for this block alone and never written again, so the
// block is not copied a second time into a string.
func (s *spill[T]) readBlock(e spillBlock, rows []T) ([]T, error) {
	if e.n == 0 {
		return rows, nil
	}
	buf := make([]byte, e.n)
	if _, err := s.f.ReadAt(buf, e.off); err != nil {
		return rows, fmt.Errorf("spill: %w", err)
	}
	return s.decodeBlock(e, buf, rows)
}

// decodeBlock appends the rows of block e, whose bytes are buf, to rows.
func (s *spill[T]) decodeBlock(e spillBlock, buf []byte, rows []T) ([]T, error) {
	d := rowDecoder{s: unsafe.String(&buf[0], len(buf))}
	for d.s != "" {
		// Decoded in place: a local row passed to s.decode escapes to
		// the heap, one allocation per row.
		var zero T
		rows = append(rows, zero)
		s.decode(&d, &rows[len(rows)-1])
	}
	if d.err != nil {
		return rows, fmt.Errorf("spill of article %q: %w", e.article, d.err)
	}
	return rows, nil
}

// blockReader reads one partition's blocks for the commit, in the order
// the partition wants them (article id order). One read per block was a
// system call per article and table (43,000 of them on 50 MB of news, 2%
// of a run). Where the blocks asked for follow one another in the file —
// ids sorted as they were written, or a few such streams side by side, as
// when a corpus is repeated — the file is read ahead in chunks, and the
// next blocks come from memory. A block that follows none of the last
// ones read (ids in another order than the file's) is read alone, as
// before, so no order reads more than it needs but for one chunk per
// stream.
type blockReader[T any] struct {
	s      *spill[T]
	chunks [readStreams]readChunk // data read ahead; the oldest is replaced
	ends   [readStreams]int64     // where the last blocks read end
	next   int                    // the slot of ends to write next
	oldest int                    // the slot of chunks to replace next
	reads  int                    // reads of the file (for the tests)
}

type readChunk struct {
	off int64
	buf []byte // the file's bytes from off on; nothing writes them again
}

// readStreams is how many runs of consecutive blocks are followed at once
// (a corpus repeated ten times is read in ten); readAhead is the size of
// one chunk.
const (
	readStreams = 16
	readAhead   = 32 << 10
)

func (s *spill[T]) blockReader() *blockReader[T] {
	return &blockReader[T]{s: s}
}

// read appends block e's rows to rows.
func (r *blockReader[T]) read(e spillBlock, rows []T) ([]T, error) {
	if e.n == 0 {
		return rows, nil
	}
	end := e.off + int64(e.n)
	buf := r.cached(e.off, end)
	// (the chunk stops where the file does)
	if n := min(max(int64(readAhead), int64(e.n)), r.s.off-e.off); buf == nil && n >= int64(e.n) && r.follows(e.off) {
		c := readChunk{off: e.off, buf: make([]byte, n)}
		if _, err := r.s.f.ReadAt(c.buf, c.off); err != nil {
			return rows, fmt.Errorf("spill: %w", err)
		}
		r.chunks[r.oldest] = c
		r.oldest = (r.oldest + 1) % readStreams
		r.reads++
		buf = c.buf[:e.n:e.n]
	}
	r.ends[r.next] = end
	r.next = (r.next + 1) % readStreams
	if buf == nil {
		r.reads++
		return r.s.readBlock(e, rows)
	}
	return r.s.decodeBlock(e, buf, rows)
}

// cached returns the bytes from off to end when a chunk holds them.
func (r *blockReader[T]) cached(off, end int64) []byte {
	for _, c := range r.chunks {
		if off >= c.off && end <= c.off+int64(len(c.buf)) {
			return c.buf[off-c.off : end-c.off : end-c.off]
		}
	}
	return nil
}

// follows reports whether a block starting at off comes right after one of
// the last blocks read.
func (r *blockReader[T]) follows(off int64) bool {
	for _, end := range r.ends {
		if end == off && end != 0 {
			return true
		}
	}
	return false
}

// checkIDs refuses an id written twice in the index in memory (the batch
// quarantines duplicates before they get here; each partition's merge
// refuses one written twice in the partition, and replacedIDs one the
// dataset already held).
func (s *spill[T]) checkIDs() error {
	ids := make([]string, 0, len(s.index))
	for _, e := range s.index {
		ids = append(ids, e.article)
	}
	slices.Sort(ids)
	for i := 1; i < len(ids); i++ {
		if ids[i] == ids[i-1] {
			return fmt.Errorf("article id %q written twice in one run", ids[i])
		}
	}
	return nil
}

// spilledRuns reports whether part of the index is on disk.
func (s *spill[T]) spilledRuns() bool { return s.runParts != nil }

func (s *spill[T]) close() error {
	s.runs.Close()
	return s.f.Close()
}
