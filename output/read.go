package output

import (
	"bytes"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"sync"
	"unsafe"

	"github.com/parquet-go/parquet-go"
	"github.com/stance-news/stance/internal/sortedrun"
)

// rowReader streams the rows of an existing partition file, or of several
// one after another, skipping the articles being replaced.
type rowReader[T any] struct {
	f    *os.File
	r    *parquet.GenericReader[T]
	buf  []T
	pos  int
	done bool
	// rest are the files still to read after this one.
	rest []string
}

// openParquet opens a dataset file, reporting a damaged file as an error
// naming it (the library panics on some).
func openParquet(path string) (f *os.File, pf *parquet.File, err error) {
	f, err = os.Open(path)
	if err != nil {
		return nil, nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: damaged Parquet file: %v", path, r)
		}
		if err != nil {
			f.Close()
		}
	}()
	st, err := f.Stat()
	if err != nil {
		return nil, nil, err
	}
	pf, err = parquet.OpenFile(f, st.Size(), parquet.SkipBloomFilters(true))
	if err != nil {
		return nil, nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, pf, nil
}

// openRows opens a table file for streaming; a missing file reads as empty.
func openRows[T any](path string) (rr *rowReader[T], err error) {
	f, pf, err := openParquet(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &rowReader[T]{done: true}, nil
	}
	if err != nil {
		return nil, err
	}
	defer func() {
		if r := recover(); r != nil {
			f.Close()
			err = fmt.Errorf("%s: unreadable: %v", path, r)
		}
	}()
	return &rowReader[T]{f: f, r: parquet.NewGenericReader[T](pf), buf: make([]T, 0, 256)}, nil
}

// openPartRows opens the files of a partition, in order, as one stream of
// rows; no files read as empty.
func openPartRows[T any](paths []string) (*rowReader[T], error) {
	if len(paths) == 0 {
		return &rowReader[T]{done: true}, nil
	}
	rr, err := openRows[T](paths[0])
	if err != nil {
		return nil, err
	}
	rr.rest = paths[1:]
	return rr, nil
}

func (rr *rowReader[T]) next(skip func(row any) bool) (T, bool, error) {
	var zero T
	for {
		if rr.pos < len(rr.buf) {
			row := rr.buf[rr.pos]
			rr.pos++
			if skip != nil && skip(&row) {
				continue
			}
			return row, true, nil
		}
		if rr.done && len(rr.rest) > 0 {
			next, err := openRows[T](rr.rest[0])
			if err != nil {
				return zero, false, err
			}
			rr.close()
			next.buf = slices.Grow(rr.buf[:0], 256) // the reader fills as many rows as there is room for
			next.rest = rr.rest[1:]
			*rr = *next
			continue
		}
		if rr.done {
			return zero, false, nil
		}
		rr.buf = rr.buf[:cap(rr.buf)]
		clear(rr.buf) // the reader fills slices and pointers in place
		n, err := rr.r.Read(rr.buf)
		rr.buf, rr.pos = rr.buf[:n], 0
		if errors.Is(err, io.EOF) {
			rr.done = true
		} else if err != nil {
			return zero, false, fmt.Errorf("%s: %w", rr.f.Name(), err)
		}
	}
}

func (rr *rowReader[T]) close() {
	if rr.r != nil {
		rr.r.Close()
	}
	if rr.f != nil {
		rr.f.Close()
	}
}

// knownIndex is what the dataset records about each article, for the
// incremental check. An incremental run over a large dataset would hold one
// entry per article, so the entries wait in memory for at most knownChunk
// articles (ids in one byte arena, a slice sorted by id, the hash as bytes,
// the few distinct (partition, status, version, lexicon version) tuples
// shared); then they are sorted and written to a scratch file as a run of
// a sortedrun.Index, of which memory keeps a Bloom filter and one id in
// knownStride. The last chunk stays in memory, so a dataset of up to
// knownChunk articles never touches the disk. Filled with add, then finish
// sorts the chunk in memory before any get. For an id added more than once
// the last add wins, as with a map assignment.
type knownIndex struct {
	ids     []byte
	entries []knownEntry
	tuples  []Known
	tupleN  map[Known]uint32
	chunk   int
	n       int // entries added
	disk    *sortedrun.Index
	newFile func() (*os.File, error)

	errMu sync.Mutex
	err   error // the first failed look-up in disk runs
}

// knownChunk is how many articles' entries wait in memory (about 5 MB with
// BBC-sized ids). Tests lower it.
var knownChunk = 1 << 16

// knownStride: one id in this many of a run on disk stays in memory. A hit
// reads this many records (about 60 bytes each) back.
const knownStride = 32

// knownEntry is 48 bytes; the 32-bit arena offset caps one chunk's ids at
// 4 GiB, which add reports.
type knownEntry struct {
	sha [32]byte
	// idOff and idLen locate the id in the arena.
	idOff uint32
	idLen uint32
	tuple uint32
	// hasSHA is false when the stored hash was not a SHA-256: the article
	// then never counts as unchanged.
	hasSHA bool
}

// knownRecord is the payload of a run's record: the hash, the tuple (little
// endian) and hasSHA.
const knownRecord = 32 + 4 + 1

// newKnownIndex returns an empty index whose runs go to the file newFile
// creates when the first is written.
func newKnownIndex(newFile func() (*os.File, error)) *knownIndex {
	return &knownIndex{tupleN: map[Known]uint32{}, chunk: knownChunk, newFile: newFile}
}

func (k *knownIndex) add(id string, rec Known) error {
	if len(k.ids)+len(id) > math.MaxUint32 {
		return errors.New("too many article ids to index (over 4 GiB)")
	}
	e := knownEntry{idOff: uint32(len(k.ids)), idLen: uint32(len(id))}
	if len(rec.ContentSHA256) == 2*len(e.sha) {
		_, err := hex.Decode(e.sha[:], []byte(rec.ContentSHA256))
		e.hasSHA = err == nil
	}
	rec.ContentSHA256 = ""
	t, ok := k.tupleN[rec]
	if !ok {
		t = uint32(len(k.tuples))
		k.tuples = append(k.tuples, rec)
		k.tupleN[rec] = t
	}
	e.tuple = t
	k.ids = append(k.ids, id...)
	k.entries = append(k.entries, e)
	k.n++
	if len(k.entries) >= k.chunk {
		return k.writeRun()
	}
	return nil
}

func (k *knownIndex) id(e *knownEntry) []byte {
	return k.ids[e.idOff : e.idOff+e.idLen]
}

// sortChunk sorts the entries in memory by id and keeps, for an id added
// more than once, the last one added.
func (k *knownIndex) sortChunk() {
	slices.SortStableFunc(k.entries, func(a, b knownEntry) int {
		return bytes.Compare(k.id(&a), k.id(&b))
	})
	out := k.entries[:0]
	for i := range k.entries {
		if len(out) > 0 && bytes.Equal(k.id(&out[len(out)-1]), k.id(&k.entries[i])) {
			out[len(out)-1] = k.entries[i]
			continue
		}
		out = append(out, k.entries[i])
	}
	// The arena keeps the ids of dropped duplicates, which are rare.
	k.entries = out
}

// writeRun moves the entries in memory to a run on disk, and reuses their
// memory for the next chunk.
func (k *knownIndex) writeRun() error {
	k.sortChunk()
	if k.disk == nil {
		k.disk = sortedrun.NewIndex(k.newFile, knownRecord, knownStride)
	}
	k.disk.StartRun(len(k.entries))
	var rec [knownRecord]byte
	for i := range k.entries {
		e := &k.entries[i]
		copy(rec[:32], e.sha[:])
		binary.LittleEndian.PutUint32(rec[32:], e.tuple)
		rec[36] = 0
		if e.hasSHA {
			rec[36] = 1
		}
		id := k.id(e)
		if err := k.disk.Add(unsafe.String(unsafe.SliceData(id), len(id)), rec[:]); err != nil {
			return fmt.Errorf("index of known articles: %w", err)
		}
	}
	if err := k.disk.EndRun(); err != nil {
		return fmt.Errorf("index of known articles: %w", err)
	}
	k.ids, k.entries = k.ids[:0], k.entries[:0]
	return nil
}

// finish sorts the entries still in memory; get may be called after it.
func (k *knownIndex) finish() {
	k.sortChunk()
}

// compareID orders an id in the arena against a string without copying
// either: the conversions in a comparison do not allocate.
func compareID(b []byte, s string) int {
	switch {
	case string(b) < s:
		return -1
	case string(b) > s:
		return 1
	}
	return 0
}

// quarantinedPartitions lists the partitions holding quarantined rows.
func (k *knownIndex) quarantinedPartitions() []string {
	var parts []string
	for _, t := range k.tuples {
		if t.Status == StatusQuarantined && !slices.Contains(parts, t.Partition) {
			parts = append(parts, t.Partition)
		}
	}
	return parts
}

// empty reports whether the dataset records no article.
func (k *knownIndex) empty() bool { return k.n == 0 }

// get returns what the dataset records about id. It may be called from many
// goroutines at once. A failed read of a run on disk counts as not found
// and is kept for Err: the article is then analysed again, and the run
// fails at its commit.
func (k *knownIndex) get(id string) (Known, bool) {
	if i, ok := slices.BinarySearchFunc(k.entries, id, func(e knownEntry, id string) int {
		return compareID(k.id(&e), id)
	}); ok {
		e := &k.entries[i]
		return k.record(e.tuple, e.hasSHA, e.sha[:]), true
	}
	if k.disk == nil {
		return Known{}, false
	}
	var rec [knownRecord]byte
	ok, err := k.disk.Get(id, rec[:])
	if err != nil {
		k.errMu.Lock()
		if k.err == nil {
			k.err = fmt.Errorf("index of known articles: %w", err)
		}
		k.errMu.Unlock()
		return Known{}, false
	}
	if !ok {
		return Known{}, false
	}
	t := binary.LittleEndian.Uint32(rec[32:])
	if int(t) >= len(k.tuples) {
		k.errMu.Lock()
		if k.err == nil {
			k.err = fmt.Errorf("index of known articles: %w", sortedrun.ErrDamaged)
		}
		k.errMu.Unlock()
		return Known{}, false
	}
	return k.record(t, rec[36] == 1, rec[:32]), true
}

func (k *knownIndex) record(tuple uint32, hasSHA bool, sha []byte) Known {
	rec := k.tuples[tuple]
	if hasSHA {
		rec.ContentSHA256 = hex.EncodeToString(sha)
	}
	return rec
}

// Err is the first look-up that failed to read the disk, if any.
func (k *knownIndex) Err() error {
	k.errMu.Lock()
	defer k.errMu.Unlock()
	return k.err
}

func (k *knownIndex) close() {
	if k.disk != nil {
		k.disk.Close()
	}
}

// readKnown indexes the articles the dataset already holds. It reads only the
// few columns it needs, never the article texts. Runs of the index go to the
// file newFile creates.
func readKnown(out string, newFile func() (*os.File, error)) (*knownIndex, error) {
	known := newKnownIndex(newFile)
	files, err := filepath.Glob(filepath.Join(out, ArticlesTable, "date=*", "*.parquet"))
	if err != nil {
		return nil, err
	}
	// Size the entries from the files' footers first: growing the slice by
	// appends would hold the old and the new array at once, and leave up to
	// a quarter of it unused.
	rows := 0
	for _, path := range files {
		f, pf, err := openParquet(path)
		if err != nil {
			return nil, err
		}
		rows += int(pf.NumRows())
		f.Close()
	}
	known.entries = make([]knownEntry, 0, min(rows, known.chunk))
	names := []string{"article_id", "content_sha256", "status", "version", "lexicon_version"}
	for _, path := range files {
		part := filepath.Base(filepath.Dir(path))
		var addErr error
		err := readColumns(path, names, func(v []string) {
			if addErr == nil {
				addErr = known.add(v[0], Known{Partition: part, ContentSHA256: v[1], Status: v[2], Version: v[3], LexiconVersion: v[4]})
			}
		})
		if err == nil {
			err = addErr
		}
		if err != nil {
			known.close()
			return nil, err
		}
	}
	known.finish()
	return known, nil
}

// readColumns calls fn with the values of the named required string columns,
// row by row.
func readColumns(path string, names []string, fn func([]string)) (err error) {
	f, pf, err := openParquet(path)
	if err != nil {
		return err
	}
	defer f.Close()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%s: unreadable: %v", path, r)
		}
	}()
	idx := make([]int, len(names))
	for i, n := range names {
		leaf, ok := pf.Schema().Lookup(n)
		switch {
		case ok:
			idx[i] = leaf.ColumnIndex
		case i == 0:
			return fmt.Errorf("%s: no column %q", path, n)
		default:
			// A file from a release without this column: its rows read as
			// empty, which makes their articles count as changed.
			idx[i] = -1
		}
	}
	row := make([]string, len(names))
	for _, rg := range pf.RowGroups() {
		cols := make([][]string, len(names))
		for i, c := range idx {
			if c < 0 {
				cols[i] = make([]string, len(cols[0]))
				continue
			}
			if cols[i], err = readStrings(rg.ColumnChunks()[c]); err != nil {
				return fmt.Errorf("%s: column %s: %w", path, names[i], err)
			}
			if len(cols[i]) != len(cols[0]) {
				return fmt.Errorf("%s: column %s has %d values, want %d", path, names[i], len(cols[i]), len(cols[0]))
			}
		}
		for r := range cols[0] {
			for i := range cols {
				row[i] = cols[i][r]
			}
			fn(row)
		}
	}
	return nil
}

func readStrings(chunk parquet.ColumnChunk) ([]string, error) {
	pages := chunk.Pages()
	defer pages.Close()
	var out []string
	var vals []parquet.Value
	for {
		p, err := pages.ReadPage()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, err
		}
		n := int(p.NumValues())
		if cap(vals) < n {
			vals = make([]parquet.Value, n)
		}
		vals = vals[:n]
		m, err := p.Values().ReadValues(vals)
		if err != nil && !errors.Is(err, io.EOF) {
			return nil, err
		}
		for _, v := range vals[:m] {
			// Status and version columns repeat one value row after row:
			// share its string rather than allocate one per row.
			if b := v.ByteArray(); len(out) > 0 && out[len(out)-1] == string(b) {
				out = append(out, out[len(out)-1])
			} else {
				out = append(out, string(b))
			}
		}
		parquet.Release(p)
	}
}

// ReadTable reads every row of a table, partition by partition in sorted
// order: for tests and small tables, since it holds them in memory.
func ReadTable[T any](out, table string) ([]T, error) {
	var files []string
	err := filepath.WalkDir(filepath.Join(out, table), func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && filepath.Ext(p) == ".parquet" {
			files = append(files, p)
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	sort.Strings(files)
	var rows []T
	for _, p := range files {
		rr, err := openRows[T](p)
		if err != nil {
			return nil, err
		}
		for {
			row, ok, err := rr.next(nil)
			if err != nil {
				rr.close()
				return nil, err
			}
			if !ok {
				break
			}
			rows = append(rows, row)
		}
		rr.close()
	}
	return rows, nil
}

// CheckFile opens a dataset file and reads all its rows, reporting any
// damage: what a reader of the table would meet.
func CheckFile(path string) error {
	f, pf, err := openParquet(path)
	if err != nil {
		return err
	}
	defer f.Close()
	return func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("%s: unreadable: %v", path, r)
			}
		}()
		rows := parquet.NewReader(pf)
		defer rows.Close()
		buf := make([]parquet.Row, 64)
		for {
			n, err := rows.ReadRows(buf)
			if errors.Is(err, io.EOF) || err == nil && n == 0 {
				return nil
			}
			if err != nil {
				return fmt.Errorf("%s: %w", path, err)
			}
		}
	}()
}
