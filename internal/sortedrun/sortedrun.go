// Package sortedrun keeps sorted runs of keyed records in a scratch file, so
// that what a run of stance holds per article stays small however large the
// input or the dataset: the spill's block index (merged at commit), the
// reader's duplicate-id check and the index of articles a dataset already
// holds (point look-ups) are all such runs.
//
// A record is uvarint(len(key)) | key | payload, the payload of a fixed
// size per file. A Writer appends records; a Reader reads back a Section
// (a stretch of records) in order; an Index answers point look-ups over
// whole runs with a Bloom filter and every Stride-th key in memory.
package sortedrun

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
)

// MaxKey bounds a key's length: a larger length in a file means damage.
const MaxKey = 1 << 20

// ErrDamaged reports a record that cannot be what a Writer wrote.
var ErrDamaged = errors.New("damaged sorted run")

// Section is a stretch of records in a file: N bytes from Off.
type Section struct{ Off, N int64 }

// Writer appends records to a file it creates at the first record, through
// newFile (a scratch file in the run's staging folder).
type Writer struct {
	newFile func() (*os.File, error)
	f       *os.File
	w       *bufio.Writer
	off     int64
	rec     []byte
}

// NewWriter returns a Writer whose file newFile creates when first needed.
func NewWriter(newFile func() (*os.File, error)) *Writer {
	return &Writer{newFile: newFile}
}

// Add appends one record.
func (w *Writer) Add(key string, payload []byte) error {
	if len(key) > MaxKey {
		return fmt.Errorf("key of %d bytes", len(key))
	}
	if w.f == nil {
		f, err := w.newFile()
		if err != nil {
			return err
		}
		w.f, w.w = f, bufio.NewWriterSize(f, 64<<10)
	}
	rec := binary.AppendUvarint(w.rec[:0], uint64(len(key)))
	rec = append(rec, key...)
	rec = append(rec, payload...)
	w.rec = rec
	if _, err := w.w.Write(rec); err != nil {
		return err
	}
	w.off += int64(len(rec))
	return nil
}

// Offset is where the next record will start.
func (w *Writer) Offset() int64 { return w.off }

// Since is the section from start (an earlier Offset) to the next record.
func (w *Writer) Since(start int64) Section { return Section{Off: start, N: w.off - start} }

// Flush writes out what is buffered, so that readers of the file see every
// record added so far.
func (w *Writer) Flush() error {
	if w.w == nil {
		return nil
	}
	return w.w.Flush()
}

// File is the file written, nil before the first record.
func (w *Writer) File() *os.File { return w.f }

// Close closes the file (its folder's owner removes it).
func (w *Writer) Close() error {
	if w.f == nil {
		return nil
	}
	err := w.f.Close()
	w.f, w.w = nil, nil
	return err
}

// cut splits the first record off buf.
func cut(buf []byte, payload int) (key, val, rest []byte, err error) {
	l, k := binary.Uvarint(buf)
	if k <= 0 || l > MaxKey || uint64(len(buf)-k) < l+uint64(payload) {
		return nil, nil, nil, ErrDamaged
	}
	end := k + int(l)
	return buf[k:end], buf[end : end+payload], buf[end+payload:], nil
}

// Reader reads a section's records in order.
type Reader struct {
	r       *bufio.Reader
	left    int64
	payload int
	buf     []byte
	key     []byte
	val     []byte
	err     error
}

// NewReader reads the records of section s of f, whose payloads are
// payload bytes, through a buffer of bufSize bytes.
func NewReader(f io.ReaderAt, s Section, payload, bufSize int) *Reader {
	return &Reader{r: bufio.NewReaderSize(io.NewSectionReader(f, s.Off, s.N), bufSize), left: s.N, payload: payload}
}

// Next reads the next record: false at the end of the section or on an
// error (see Err). Key and Payload stay valid until the next call.
func (r *Reader) Next() bool {
	if r.left == 0 || r.err != nil {
		return false
	}
	n, err := readLength(r.r)
	if err == nil && (n > MaxKey || int64(n)+int64(r.payload) > r.left) {
		err = ErrDamaged
	}
	if err == nil {
		need := int(n) + r.payload
		if cap(r.buf) < need {
			r.buf = make([]byte, need)
		}
		r.buf = r.buf[:need]
		_, err = io.ReadFull(r.r, r.buf)
	}
	if err != nil {
		if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
			err = ErrDamaged
		}
		r.err = err
		return false
	}
	r.left -= int64(uvarintLen(n)) + int64(n) + int64(r.payload)
	if r.left < 0 {
		r.err = ErrDamaged
		return false
	}
	r.key, r.val = r.buf[:n], r.buf[n:]
	return true
}

// Key is the current record's key.
func (r *Reader) Key() []byte { return r.key }

// Payload is the current record's payload.
func (r *Reader) Payload() []byte { return r.val }

// Err is the error that ended Next early, if any.
func (r *Reader) Err() error { return r.err }

// readLength reads a key's length; a varint of more than 64 bits is damage.
func readLength(r io.ByteReader) (uint64, error) {
	var n uint64
	for shift := 0; shift < 64; shift += 7 {
		b, err := r.ReadByte()
		if err != nil {
			return 0, err
		}
		n |= uint64(b&0x7f) << shift
		if b < 0x80 {
			return n, nil
		}
	}
	return 0, ErrDamaged
}

func uvarintLen(n uint64) int {
	var b [binary.MaxVarintLen64]byte
	return binary.PutUvarint(b[:], n)
}
