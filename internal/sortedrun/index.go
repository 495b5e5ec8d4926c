package sortedrun

import (
	"fmt"
	"hash/maphash"
	"os"
	"sort"
	"strings"
	"sync"
)

// Index answers point look-ups over runs of records, each run sorted by
// key with every key once. Memory keeps, per run, a Bloom filter (16 bits
// per key) and every Stride-th key with its offset: a few bytes per record
// instead of the record. A key the filters do not rule out (a key present,
// or about one in a thousand absent ones per run) costs one read of
// Stride records.
//
// Runs are written one at a time (StartRun, Add, EndRun) and searched
// newest first; Get may be called from many goroutines at once, but not
// while a run is being written.
type Index struct {
	w       *Writer
	payload int
	stride  int
	seed    maphash.Seed
	runs    []indexRun
	cur     *indexRun
	last    []byte // the last key added to the current run
	bufs    sync.Pool
}

type indexRun struct {
	sec   Section
	n     int      // records
	keys  []string // every stride-th key, from the first
	offs  []int64  // where each of keys' records starts in the file
	bloom []uint64
}

// NewIndex returns an Index of records with payloads of payload bytes,
// written to the file newFile creates when the first run is, keeping one
// key in stride in memory.
func NewIndex(newFile func() (*os.File, error), payload, stride int) *Index {
	return &Index{w: NewWriter(newFile), payload: payload, stride: max(stride, 1), seed: maphash.MakeSeed()}
}

// StartRun begins a run of about n records (the Bloom filter's size).
func (x *Index) StartRun(n int) {
	x.cur = &indexRun{sec: Section{Off: x.w.Offset()}, bloom: make([]uint64, bloomWords(n))}
}

// Add appends a record to the run; keys must come in increasing order.
func (x *Index) Add(key string, payload []byte) error {
	r := x.cur
	if r == nil {
		return fmt.Errorf("sorted run: Add outside a run")
	}
	if len(payload) != x.payload {
		return fmt.Errorf("sorted run: payload of %d bytes, want %d", len(payload), x.payload)
	}
	if r.n > 0 && key <= string(x.last) {
		return fmt.Errorf("sorted run: key %q after %q", key, x.last)
	}
	if r.n%x.stride == 0 {
		r.keys = append(r.keys, strings.Clone(key))
		r.offs = append(r.offs, x.w.Offset())
	}
	bloomAdd(r.bloom, maphash.String(x.seed, key))
	if err := x.w.Add(key, payload); err != nil {
		return err
	}
	r.n++
	x.last = append(x.last[:0], key...)
	return nil
}

// EndRun finishes the run: from now on Get searches it.
func (x *Index) EndRun() error {
	r := x.cur
	x.cur, x.last = nil, x.last[:0]
	if r == nil {
		return nil
	}
	if err := x.w.Flush(); err != nil {
		return err
	}
	r.sec = x.w.Since(r.sec.Off)
	if r.n > 0 {
		x.runs = append(x.runs, *r)
	}
	return nil
}

// Runs is the number of runs written.
func (x *Index) Runs() int { return len(x.runs) }

// Get copies into dst the payload of key from the newest run holding it.
func (x *Index) Get(key string, dst []byte) (bool, error) {
	if len(x.runs) == 0 {
		return false, nil
	}
	h := maphash.String(x.seed, key)
	for i := len(x.runs) - 1; i >= 0; i-- {
		r := &x.runs[i]
		if !bloomHas(r.bloom, h) {
			continue
		}
		if ok, err := x.search(r, key, dst); err != nil || ok {
			return ok, err
		}
	}
	return false, nil
}

// search reads the stretch of run r that would hold key.
func (x *Index) search(r *indexRun, key string, dst []byte) (bool, error) {
	i := sort.SearchStrings(r.keys, key)
	if i == len(r.keys) || r.keys[i] != key {
		i--
	}
	if i < 0 {
		return false, nil
	}
	end := r.sec.Off + r.sec.N
	if i+1 < len(r.offs) {
		end = r.offs[i+1]
	}
	n := int(end - r.offs[i])
	bp, _ := x.bufs.Get().(*[]byte)
	if bp == nil {
		bp = new([]byte)
	}
	defer x.bufs.Put(bp)
	if cap(*bp) < n {
		*bp = make([]byte, n)
	}
	buf := (*bp)[:n]
	if _, err := x.w.File().ReadAt(buf, r.offs[i]); err != nil {
		return false, err
	}
	for len(buf) > 0 {
		k, v, rest, err := cut(buf, x.payload)
		if err != nil {
			return false, err
		}
		switch c := strings.Compare(string(k), key); {
		case c == 0:
			copy(dst, v)
			return true, nil
		case c > 0:
			return false, nil
		}
		buf = rest
	}
	return false, nil
}

// Close closes the file (its folder's owner removes it).
func (x *Index) Close() error { return x.w.Close() }

// The Bloom filters are blocked: a key's 8 bits all lie in one 512-bit
// block (a cache line), chosen by the hash's high half, so that a look-up
// costs one cache miss per run instead of up to eight. With 16 bits per
// key this rules out all but about one in a thousand keys a run lacks.
const (
	bloomProbes     = 8
	bloomBlockWords = 8 // 512 bits
)

func bloomWords(n int) int {
	blocks := max((16*n+511)/512, 1)
	return blocks * bloomBlockWords
}

// bloomBlock is the block of key hash h, and the step between its probes.
func bloomBlock(bits []uint64, h uint64) (block []uint64, h1, h2 uint64) {
	blocks := uint64(len(bits) / bloomBlockWords)
	i := (h >> 32) * blocks >> 32 // the high half, scaled to the blocks
	return bits[i*bloomBlockWords : (i+1)*bloomBlockWords], h, h>>17 | 1
}

func bloomAdd(bits []uint64, h uint64) {
	block, h1, h2 := bloomBlock(bits, h)
	for i := uint64(0); i < bloomProbes; i++ {
		b := (h1 + i*h2) & 511
		block[b/64] |= 1 << (b % 64)
	}
}

func bloomHas(bits []uint64, h uint64) bool {
	block, h1, h2 := bloomBlock(bits, h)
	for i := uint64(0); i < bloomProbes; i++ {
		b := (h1 + i*h2) & 511
		if block[b/64]&(1<<(b%64)) == 0 {
			return false
		}
	}
	return true
}
