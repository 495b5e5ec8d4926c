package output

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/parquet-go/parquet-go"
	"github.com/parquet-go/parquet-go/compress/zstd"
)

// DefaultPartition is the Hive partition of undated articles.
const DefaultPartition = "date=__HIVE_DEFAULT_PARTITION__"

// PartitionOf returns the Hive partition folder for a publication time.
func PartitionOf(published *time.Time) string {
	if published == nil || published.IsZero() {
		return DefaultPartition
	}
	return "date=" + published.UTC().Format("2006-01-02")
}

// validPartition guards the only path component built from input content.
func validPartition(p string) bool {
	if p == DefaultPartition {
		return true
	}
	d, ok := strings.CutPrefix(p, "date=")
	if !ok {
		return false
	}
	_, err := time.Parse("2006-01-02", d)
	return err == nil
}

// Meta is written into every file's key-value metadata.
type Meta struct {
	Version        string
	LexiconVersion string
	RunID          string
}

// Known is what the dataset already records about an article, which is what
// an incremental run needs to decide whether to analyse it again.
type Known struct {
	Partition      string
	ContentSHA256  string
	Status         string
	Version        string
	LexiconVersion string
}

// Writer writes one run into a dataset folder. Rows are spilled to a staging
// folder beside the dataset (same filesystem, outside every table), and
// Commit replaces each touched partition whole with a rename, so readers
// never see a partial file.
type Writer struct {
	out, stage string
	meta       Meta
	quotes     *spill[Quote]
	articles   *spill[Article]
	replaced   map[string]bool // article ids this run writes
	known      map[string]Known
	// RowGroupRows bounds memory while writing: rows per row group for the
	// quotes table; the articles table, which carries full texts, uses a
	// tenth of it.
	RowGroupRows int64
}

// StagingDir is where a run stages its files for dataset out.
func StagingDir(out string) (string, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", err
	}
	return filepath.Join(filepath.Dir(abs), "."+filepath.Base(abs)+".staging"), nil
}

// Create opens dataset out for a run, creating it when needed, and reads what
// it already records about articles.
func Create(out string, meta Meta) (*Writer, error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	root, err := StagingDir(out)
	if err != nil {
		return nil, err
	}
	stage := filepath.Join(root, meta.RunID)
	if err := os.MkdirAll(stage, 0o755); err != nil {
		return nil, fmt.Errorf("staging: %w", err)
	}
	w := &Writer{out: out, stage: stage, meta: meta, replaced: map[string]bool{}, RowGroupRows: 8192}
	if w.known, err = readKnown(out); err != nil {
		os.RemoveAll(stage)
		return nil, err
	}
	if w.quotes, err = newSpill[Quote](filepath.Join(stage, "quotes.spill")); err != nil {
		os.RemoveAll(stage)
		return nil, err
	}
	if w.articles, err = newSpill[Article](filepath.Join(stage, "articles.spill")); err != nil {
		w.quotes.close()
		os.RemoveAll(stage)
		return nil, err
	}
	return w, nil
}

// Known returns what the dataset recorded about an article before this run.
func (w *Writer) Known(articleID string) (Known, bool) {
	k, ok := w.known[articleID]
	return k, ok
}

// Add records an article and its quotes; they replace any earlier rows of the
// same article id at Commit.
func (w *Writer) Add(a Article, qs []Quote) error {
	if w.replaced[a.ArticleID] {
		return fmt.Errorf("article id %q written twice in one run", a.ArticleID)
	}
	w.replaced[a.ArticleID] = true
	part := PartitionOf(a.Published)
	if err := w.articles.add(part, a.ArticleID, 0, &a); err != nil {
		return err
	}
	for i := range qs {
		if err := w.quotes.add(part, a.ArticleID, i, &qs[i]); err != nil {
			return err
		}
	}
	return nil
}

// Commit writes every touched partition to staging, then moves each into
// place, the quotes before the articles: an article counts as processed only
// once its row is in place, so a crash in between is repaired by rerunning.
// Then it rebuilds the speakers table from all quotes.
func (w *Writer) Commit() error {
	if err := w.quotes.sortIndex(); err != nil {
		return err
	}
	if err := w.articles.sortIndex(); err != nil {
		return err
	}
	touched := map[string]bool{}
	for _, p := range w.articles.partitions() {
		touched[p] = true
	}
	for id := range w.replaced {
		if k, ok := w.known[id]; ok {
			touched[k.Partition] = true
		}
	}
	parts := make([]string, 0, len(touched))
	for p := range touched {
		if !validPartition(p) {
			return fmt.Errorf("refusing partition name %q", p)
		}
		parts = append(parts, p)
	}
	sort.Strings(parts)

	var moves []move
	for _, p := range parts {
		m, err := mergePartition(w, QuotesTable, p, w.quotes, w.RowGroupRows)
		if err != nil {
			return err
		}
		moves = append(moves, m)
	}
	for _, p := range parts {
		m, err := mergePartition(w, ArticlesTable, p, w.articles, max(w.RowGroupRows/10, 64))
		if err != nil {
			return err
		}
		moves = append(moves, m)
	}
	for _, m := range moves {
		if err := m.apply(); err != nil {
			return err
		}
	}
	return w.writeSpeakers()
}

// move puts a staged file in place, or removes the target when the merged
// partition came out empty.
type move struct{ staged, target string }

func (m move) apply() error {
	if m.staged == "" {
		if err := os.Remove(m.target); err != nil && !errors.Is(err, fs.ErrNotExist) {
			return err
		}
		os.Remove(filepath.Dir(m.target)) // only succeeds when empty
		return nil
	}
	if err := os.MkdirAll(filepath.Dir(m.target), 0o755); err != nil {
		return err
	}
	return os.Rename(m.staged, m.target)
}

// partFile is the single file of a partition: one file per partition keeps
// replacement a single atomic rename.
func partFile(root, table, part string) string {
	return filepath.Join(root, table, part, "part-0.parquet")
}

func rowID(row any) string {
	switch r := row.(type) {
	case *Quote:
		return r.ArticleID
	case *Article:
		return r.ArticleID
	}
	return ""
}

// mergePartition writes one partition of a table to staging: the rows kept
// from the existing file (articles not written this run) merged by article id
// with this run's rows.
func mergePartition[T Quote | Article](w *Writer, table, part string, sp *spill[T], rowGroup int64) (move, error) {
	target := partFile(w.out, table, part)
	staged := partFile(w.stage, table, part)
	if err := os.MkdirAll(filepath.Dir(staged), 0o755); err != nil {
		return move{}, err
	}
	f, err := os.Create(staged)
	if err != nil {
		return move{}, err
	}
	defer f.Close()
	pw := newWriter[T](f, w.meta, rowGroup)

	old, err := openRows[T](target)
	if err != nil {
		return move{}, err
	}
	defer old.close()
	fresh := sp.rows(part)
	var buf []byte
	var next T
	n := 0
	batch := make([]T, 0, 256)
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		_, err := pw.Write(batch)
		n += len(batch)
		batch = batch[:0]
		return err
	}
	oldRow, oldOK, err := old.next(w.replaced)
	if err != nil {
		return move{}, err
	}
	for oldOK || len(fresh) > 0 {
		takeOld := oldOK && (len(fresh) == 0 || rowID(&oldRow) < fresh[0].article)
		if takeOld {
			batch = append(batch, oldRow)
			if oldRow, oldOK, err = old.next(w.replaced); err != nil {
				return move{}, err
			}
		} else {
			if buf, err = sp.read(fresh[0], buf, &next); err != nil {
				return move{}, err
			}
			batch = append(batch, next)
			fresh = fresh[1:]
		}
		if len(batch) == cap(batch) {
			if err := flush(); err != nil {
				return move{}, err
			}
		}
	}
	if err := flush(); err != nil {
		return move{}, err
	}
	if err := pw.Close(); err != nil {
		return move{}, err
	}
	if n == 0 {
		os.Remove(staged)
		return move{target: target}, nil
	}
	if err := finishFile(f); err != nil {
		return move{}, err
	}
	return move{staged: staged, target: target}, nil
}

// finishFile makes a staged file durable and readable by everyone before it
// is renamed into place.
func finishFile(f *os.File) error {
	if err := f.Sync(); err != nil {
		return err
	}
	return f.Chmod(0o644)
}

func newWriter[T any](w io.Writer, meta Meta, rowGroup int64) *parquet.GenericWriter[T] {
	return parquet.NewGenericWriter[T](w,
		parquet.Compression(&zstd.Codec{}),
		parquet.MaxRowsPerRowGroup(rowGroup),
		parquet.KeyValueMetadata("stance.version", meta.Version),
		parquet.KeyValueMetadata("stance.lexicon_version", meta.LexiconVersion),
		parquet.KeyValueMetadata("stance.run_id", meta.RunID),
	)
}

// rowReader streams the rows of an existing partition file, skipping the
// articles being replaced.
type rowReader[T any] struct {
	f    *os.File
	r    *parquet.GenericReader[T]
	buf  []T
	pos  int
	done bool
}

func openRows[T any](path string) (*rowReader[T], error) {
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return &rowReader[T]{done: true}, nil
	}
	if err != nil {
		return nil, err
	}
	return &rowReader[T]{f: f, r: parquet.NewGenericReader[T](f), buf: make([]T, 0, 256)}, nil
}

func (rr *rowReader[T]) next(skip map[string]bool) (T, bool, error) {
	var zero T
	for {
		if rr.pos < len(rr.buf) {
			row := rr.buf[rr.pos]
			rr.pos++
			if skip[rowID(&row)] {
				continue
			}
			return row, true, nil
		}
		if rr.done {
			return zero, false, nil
		}
		rr.buf = rr.buf[:cap(rr.buf)]
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

// readKnown indexes the articles the dataset already holds.
func readKnown(out string) (map[string]Known, error) {
	known := map[string]Known{}
	files, err := filepath.Glob(filepath.Join(out, ArticlesTable, "date=*", "*.parquet"))
	if err != nil {
		return nil, err
	}
	for _, path := range files {
		part := filepath.Base(filepath.Dir(path))
		rr, err := openRows[Article](path)
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
			known[row.ArticleID] = Known{Partition: part, ContentSHA256: row.ContentSHA256, Status: row.Status, Version: row.Version, LexiconVersion: row.LexiconVersion}
		}
		rr.close()
	}
	return known, nil
}

// WriteRun adds the run's row to the runs table and marks the dataset
// complete with _SUCCESS, last.
func (w *Writer) WriteRun(r Run) error {
	staged := filepath.Join(w.stage, "run.parquet")
	f, err := os.Create(staged)
	if err != nil {
		return err
	}
	pw := newWriter[Run](f, w.meta, 1024)
	if _, err := pw.Write([]Run{r}); err != nil {
		f.Close()
		return err
	}
	if err := pw.Close(); err != nil {
		f.Close()
		return err
	}
	if err := finishFile(f); err != nil {
		f.Close()
		return err
	}
	f.Close()
	target := filepath.Join(w.out, RunsTable, "run-"+r.RunID+".parquet")
	if err := (move{staged: staged, target: target}).apply(); err != nil {
		return err
	}
	success := fmt.Sprintf("run_id=%s\nstatus=%s\narticles_ok=%d\narticles_unchanged=%d\narticles_quarantined=%d\nquotes=%d\n",
		r.RunID, r.Status, r.ArticlesOK, r.ArticlesUnchanged, r.ArticlesQuarantined, r.Quotes)
	return writeFileAtomic(filepath.Join(w.stage, "_SUCCESS"), filepath.Join(w.out, "_SUCCESS"), []byte(success))
}

func writeFileAtomic(staged, target string, data []byte) error {
	f, err := os.Create(staged)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := finishFile(f); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	return os.Rename(staged, target)
}

// Close removes the staging folder. Call it after Commit, or instead of it to
// abandon the run: the dataset is then as it was.
func (w *Writer) Close() error {
	w.quotes.close()
	w.articles.close()
	err := os.RemoveAll(w.stage)
	os.Remove(filepath.Dir(w.stage)) // the staging root, when no other run uses it
	return err
}
