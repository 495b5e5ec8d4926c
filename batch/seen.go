package batch

import (
	"bufio"
	"encoding/binary"
	"fmt"
	"hash/maphash"
	"os"
	"slices"
	"sort"
	"strings"
)

// place is where an article was read: the index of its file in the run's
// list of paths, and its line.
type place struct{ file, line int32 }

// seenIDs remembers the id of every article a run reads and where it was
// first read, for the duplicate check. The latest ids are in a map; every
// seenChunk of them the map is sorted and written to a scratch file as a
// run, of which memory keeps a Bloom filter and every seenStride-th id.
// So a run over millions of articles holds a few bytes per article, not
// the id and a map entry; an id the filter does not rule out (the
// duplicates, and about one in a thousand others) costs one read of a
// few kilobytes per run.
type seenIDs struct {
	recent   map[string]place
	chunk    int
	newFile  func() (*os.File, error) // where runs go, created at the first
	f        *os.File
	w        *bufio.Writer
	off      int64
	runs     []seenRun
	seed     maphash.Seed
	readBuf  []byte
	runBytes []byte
}

// seenChunk is how many ids wait in memory before they are written as a
// run: 65,536 articles are about 150 MB of news text. (Tests lower it.)
var seenChunk = 1 << 16

// seenStride: one id in this many stays in memory to find a run's records.
const seenStride = 64

type seenRun struct {
	off, n int64    // the run's bytes in the file
	keys   []string // every seenStride-th id, from the first
	offs   []int64  // where each key's record starts, from off
	bloom  []uint64 // Bloom filter of the run's ids
}

func newSeenIDs(newFile func() (*os.File, error)) *seenIDs {
	return &seenIDs{recent: map[string]place{}, chunk: seenChunk, newFile: newFile, seed: maphash.MakeSeed()}
}

// get returns where id was first read, if it was.
func (s *seenIDs) get(id string) (place, bool, error) {
	if p, ok := s.recent[id]; ok {
		return p, true, nil
	}
	if len(s.runs) == 0 {
		return place{}, false, nil
	}
	h := maphash.String(s.seed, id)
	for i := range s.runs {
		r := &s.runs[i]
		if !bloomHas(r.bloom, h) {
			continue
		}
		p, ok, err := s.search(r, id)
		if err != nil || ok {
			return p, ok, err
		}
	}
	return place{}, false, nil
}

// search reads the stretch of run r that would hold id.
func (s *seenIDs) search(r *seenRun, id string) (place, bool, error) {
	i := sort.SearchStrings(r.keys, id)
	if i == len(r.keys) || r.keys[i] != id {
		i--
	}
	if i < 0 {
		return place{}, false, nil
	}
	end := r.n
	if i+1 < len(r.offs) {
		end = r.offs[i+1]
	}
	n := int(end - r.offs[i])
	if cap(s.readBuf) < n {
		s.readBuf = make([]byte, n)
	}
	buf := s.readBuf[:n]
	if _, err := s.f.ReadAt(buf, r.off+r.offs[i]); err != nil {
		return place{}, false, fmt.Errorf("article ids read so far: %w", err)
	}
	for len(buf) > 0 {
		l, k := binary.Uvarint(buf)
		if k <= 0 || len(buf) < k+int(l)+8 {
			return place{}, false, fmt.Errorf("article ids read so far: damaged run")
		}
		key := buf[k : k+int(l)]
		if string(key) == id {
			rest := buf[k+int(l):]
			return place{int32(binary.LittleEndian.Uint32(rest)), int32(binary.LittleEndian.Uint32(rest[4:]))}, true, nil
		}
		buf = buf[k+int(l)+8:]
	}
	return place{}, false, nil
}

// add records id, which get did not find, as read at p.
func (s *seenIDs) add(id string, p place) error {
	s.recent[id] = p
	if len(s.recent) >= s.chunk {
		return s.writeRun()
	}
	return nil
}

// writeRun moves the ids in memory to a sorted run on disk.
func (s *seenIDs) writeRun() error {
	if s.f == nil {
		f, err := s.newFile()
		if err != nil {
			return fmt.Errorf("article ids read so far: %w", err)
		}
		s.f, s.w = f, bufio.NewWriterSize(f, 64<<10)
	}
	ids := make([]string, 0, len(s.recent))
	for id := range s.recent {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, strings.Compare)
	r := seenRun{off: s.off, bloom: make([]uint64, bloomWords(len(ids)))}
	for i, id := range ids {
		if i%seenStride == 0 {
			r.keys = append(r.keys, strings.Clone(id))
			r.offs = append(r.offs, r.n)
		}
		bloomAdd(r.bloom, maphash.String(s.seed, id))
		p := s.recent[id]
		rec := binary.AppendUvarint(s.runBytes[:0], uint64(len(id)))
		rec = append(rec, id...)
		rec = binary.LittleEndian.AppendUint32(rec, uint32(p.file))
		rec = binary.LittleEndian.AppendUint32(rec, uint32(p.line))
		s.runBytes = rec
		if _, err := s.w.Write(rec); err != nil {
			return fmt.Errorf("article ids read so far: %w", err)
		}
		r.n += int64(len(rec))
	}
	if err := s.w.Flush(); err != nil {
		return fmt.Errorf("article ids read so far: %w", err)
	}
	s.off += r.n
	s.runs = append(s.runs, r)
	s.recent = map[string]place{} // not cleared: a cleared map keeps its size
	return nil
}

// close releases the scratch file (it lives in the run's staging folder,
// removed with it).
func (s *seenIDs) close() {
	if s.f != nil {
		s.f.Close()
	}
}

// A Bloom filter of 16 bits per id with 8 probes rules out all but about
// one in two thousand ids a run lacks.
const bloomProbes = 8

func bloomWords(n int) int {
	words := 1
	for words*64 < 16*n {
		words *= 2
	}
	return words
}

func bloomAdd(bits []uint64, h uint64) {
	mask := uint64(len(bits)*64 - 1)
	h1, h2 := h, h>>32|h<<32|1
	for i := uint64(0); i < bloomProbes; i++ {
		b := (h1 + i*h2) & mask
		bits[b/64] |= 1 << (b % 64)
	}
}

func bloomHas(bits []uint64, h uint64) bool {
	mask := uint64(len(bits)*64 - 1)
	h1, h2 := h, h>>32|h<<32|1
	for i := uint64(0); i < bloomProbes; i++ {
		b := (h1 + i*h2) & mask
		if bits[b/64]&(1<<(b%64)) == 0 {
			return false
		}
	}
	return true
}
