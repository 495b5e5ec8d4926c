package output

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/parquet-go/parquet-go"
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

// ValidPartition guards the only path component built from input content:
// a date outside years 0001-9999 does not print as a Hive date and is refused.
func ValidPartition(p string) bool {
	if p == DefaultPartition {
		return true
	}
	d, ok := strings.CutPrefix(p, "date=")
	if !ok || len(d) != len("2006-01-02") {
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
	// QuotesSources, on the speakers table only, says which quotes rows it
	// was summed from (sourcesDigest).
	QuotesSources string
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
// folder on the dataset's file system but outside every table; Commit writes
// each touched partition whole to staging, journals the renames that put the
// files in place, then applies them (see commit.go).
type Writer struct {
	out, stage string
	meta       Meta
	quotes     *spill[Quote]
	articles   *spill[Article]
	// replaced holds the ids of the articles this run writes that the
	// dataset already holds, and touchedKnown their old partitions.
	replaced     *replacedIDs
	touchedKnown map[string]bool
	known        *knownIndex
	// Recovered reports what earlier, killed runs left behind and what
	// Create did with it.
	Recovered Recovery
	// Superseded lists, after Commit, the analysed articles of earlier runs
	// that this run replaced with an article of the same id read from a
	// file other than theirs: ids that collide across feeds lose data
	// this way, so batch logs them.
	Superseded   []Superseded
	supersededMu sync.Mutex
	// RowGroupRows bounds the rows of one row group; RowGroupBytes bounds
	// the text bytes of the row groups being written at once (all Workers
	// together, each at least 4 MB), so that long articles and many cores
	// do not make the row groups the Parquet writers hold in memory
	// unboundedly large.
	RowGroupRows  int64
	RowGroupBytes int64
	// FileRowGroups bounds the row groups of one file: a partition with
	// more goes on in further files. A Parquet writer keeps every row
	// group's metadata (statistics, page locations) until its file is
	// closed, so without a bound the commit's memory would grow with the
	// partition.
	FileRowGroups int
	// Workers bounds the partition files written at once at Commit; 0
	// means all cores.
	Workers int

	journaled, applied bool
	// scratchMu orders ScratchFile against Close: a file created while
	// Close is removing the staging folder would keep the folder on disk
	// (a cancelled run does not wait for a reader stalled on its input).
	scratchMu sync.Mutex
	closing   bool
	// inputs are the files this run reads in full: their quarantined rows
	// from earlier runs are dropped, since this run records their problems
	// afresh (a line fixed since, or a file that has grown, leaves no
	// stale row behind under its old location-based id).
	inputs map[string]struct{}
}

// ReadsInput declares a file this run reads in full.
func (w *Writer) ReadsInput(path string) {
	if w.inputs == nil {
		w.inputs = map[string]struct{}{}
	}
	w.inputs[path] = struct{}{}
}

// dropped reports whether an existing row gives way to this run: its
// article is written again, or it is a quarantined row of a file read again.
func (w *Writer) dropped(row any) bool {
	if w.replaced.has(rowID(row)) {
		if a, ok := row.(*Article); ok {
			w.noteSuperseded(a)
		}
		return true
	}
	a, ok := row.(*Article)
	if !ok || a.Status != StatusQuarantined || len(w.inputs) == 0 {
		return false
	}
	_, again := w.inputs[sourceFile(a.Source)]
	return again
}

// Superseded is an article row replaced by an article with its id from
// another file.
type Superseded struct {
	ArticleID, Source string // Source: where the replaced row was read
}

// noteSuperseded records a replaced article row when the run did not read
// the file it came from: its new version came from elsewhere. (A row read
// from standard input has no file to compare.)
func (w *Writer) noteSuperseded(a *Article) {
	file := sourceFile(a.Source)
	if a.Status != StatusOK || file == "-" {
		return
	}
	if _, again := w.inputs[file]; again {
		return
	}
	w.supersededMu.Lock()
	w.Superseded = append(w.Superseded, Superseded{ArticleID: a.ArticleID, Source: a.Source})
	w.supersededMu.Unlock()
}

// sourceFile strips the ":line" a JSONL source carries.
func sourceFile(src string) string {
	if i := strings.LastIndexByte(src, ':'); i > 0 && i < len(src)-1 && strings.Trim(src[i+1:], "0123456789") == "" {
		return src[:i]
	}
	return src
}

// StagingDir is where runs stage their files for dataset out: a hidden
// folder beside it, or, when out is a mount point (a Kubernetes volume),
// a hidden folder inside it, since a rename cannot cross file systems.
// Neither is inside a table folder, so readers never see staged files.
func StagingDir(out string) (string, error) {
	abs, err := filepath.Abs(out)
	if err != nil {
		return "", err
	}
	// The same folder reached by another path (a link) must find the same
	// staging area, or a killed run's journal would go unseen.
	if real, err := filepath.EvalSymlinks(abs); err == nil {
		abs = real
	}
	parent := filepath.Dir(abs)
	if parent == abs || !sameDeviceFn(abs, parent) {
		return filepath.Join(abs, ".stance-staging"), nil
	}
	return filepath.Join(parent, "."+filepath.Base(abs)+".staging"), nil
}

// sameDeviceFn is sameDevice, replaced in tests to act out a mount point.
var sameDeviceFn = sameDevice

func sameDevice(a, b string) bool {
	var sa, sb syscall.Stat_t
	if syscall.Stat(a, &sa) != nil || syscall.Stat(b, &sb) != nil {
		return false
	}
	return sa.Dev == sb.Dev
}

// Create opens dataset out for a run, creating it when needed. The caller
// must hold the dataset's Lock. Create first finishes or discards what
// killed runs left in the staging area, then reads what the dataset records
// about articles.
func Create(out string, meta Meta) (*Writer, error) {
	if err := os.MkdirAll(out, 0o755); err != nil {
		return nil, err
	}
	root, err := StagingDir(out)
	if err != nil {
		return nil, err
	}
	w := &Writer{out: out, meta: meta, RowGroupRows: 8192, RowGroupBytes: 128 << 20, FileRowGroups: 128}
	if w.Recovered, err = recoverStaging(out, root); err != nil {
		return nil, err
	}
	w.stage = filepath.Join(root, meta.RunID)
	if err := os.MkdirAll(w.stage, 0o755); err != nil {
		return nil, fmt.Errorf("staging: %w", err)
	}
	if w.known, err = readKnown(out, func() (*os.File, error) { return w.ScratchFile("known-articles") }); err != nil {
		w.Close()
		return nil, err
	}
	w.replaced = newReplacedIDs(func() (*os.File, error) { return w.ScratchFile("replaced-ids") })
	w.touchedKnown = map[string]bool{}
	if w.quotes, err = newSpill(filepath.Join(w.stage, "quotes.spill"), appendQuote, (*rowDecoder).quote); err != nil {
		w.Close()
		return nil, err
	}
	if w.articles, err = newSpill(filepath.Join(w.stage, "articles.spill"), appendArticle, (*rowDecoder).article); err != nil {
		w.Close()
		return nil, err
	}
	return w, nil
}

// ScratchFile creates a file for the run's own use in its staging folder,
// which Close removes. Once Close has begun it creates nothing.
func (w *Writer) ScratchFile(name string) (*os.File, error) {
	w.scratchMu.Lock()
	defer w.scratchMu.Unlock()
	if w.closing {
		return nil, fmt.Errorf("scratch file %s: %w", name, ErrClosed)
	}
	return os.Create(filepath.Join(w.stage, name))
}

// ErrClosed is the error of a Writer used after Close.
var ErrClosed = errors.New("run closed")

// Known returns what the dataset recorded about an article before this run.
func (w *Writer) Known(articleID string) (Known, bool) {
	return w.known.get(articleID)
}

// Add records an article and its quotes; they replace any earlier rows of the
// same article id at Commit.
func (w *Writer) Add(a Article, qs []Quote) error {
	part := PartitionOf(a.Published)
	if !ValidPartition(part) {
		return fmt.Errorf("article %q: publication date gives no valid partition (%q)", a.ArticleID, part)
	}
	// The old rows of an article the dataset holds give way to these, also
	// in another partition.
	if !w.known.empty() {
		if k, ok := w.known.get(a.ArticleID); ok {
			if err := w.replaced.add(a.ArticleID); err != nil {
				return err
			}
			w.touchedKnown[k.Partition] = true
		}
	}
	if err := w.articles.add(part, a.ArticleID, []Article{a}); err != nil {
		return err
	}
	if len(qs) == 0 {
		return nil
	}
	return w.quotes.add(part, a.ArticleID, qs)
}

// Commit makes the run's rows part of the dataset, with the run's row in the
// runs table and _SUCCESS last. Until the journal is written, ctx can stop
// it and the dataset stays as it was; after, the commit always completes
// (here, or in the next run if this process dies).
func (w *Writer) Commit(ctx context.Context, run Run) error {
	if err := w.quotes.sortIndex(); err != nil {
		return err
	}
	if err := w.articles.sortIndex(); err != nil {
		return err
	}
	if !w.articles.spilledRuns() {
		if err := w.articles.checkIDs(); err != nil {
			return err
		}
	}
	if err := w.replaced.finish(); err != nil {
		return err
	}
	touched := map[string]bool{}
	for _, p := range w.articles.partitions() {
		touched[p] = true
	}
	for p := range w.touchedKnown {
		touched[p] = true
	}
	// A look-up that could not read the index let its article be analysed
	// again; the run is not committed.
	if err := w.known.Err(); err != nil {
		return err
	}
	if len(w.inputs) > 0 {
		for _, p := range w.known.quarantinedPartitions() {
			touched[p] = true
		}
	}
	parts := make([]string, 0, len(touched))
	for p := range touched {
		if !ValidPartition(p) {
			return fmt.Errorf("refusing partition name %q", p)
		}
		parts = append(parts, p)
	}
	sort.Strings(parts)

	// _SUCCESS goes first and comes back last: while files are being moved
	// the dataset does not claim to be complete.
	ops := []op{{Target: successName}}
	// Partitions are written in parallel, each to its own staged file; the
	// journal lists them in the same order whatever finished first.
	quoteOps, articleOps := make([][]op, len(parts)), make([][]op, len(parts))
	// The speakers table is summed while the quotes partitions are written,
	// from the rows as they are written: nothing is read back.
	feeds := make([]chan []speakerQuote, len(parts))
	written := map[string]chan []speakerQuote{}
	for i, p := range parts {
		feeds[i] = make(chan []speakerQuote, 4)
		written[p] = feeds[i]
	}
	srcs, err := w.speakerSources(written)
	if err != nil {
		return err
	}
	var (
		speakersOp, runOp   op
		speakersErr, runErr error
		stop, summed        = make(chan struct{}), make(chan struct{})
		speakersDone        = make(chan struct{})
		runDone             = make(chan struct{})
		speakersWorkers     = w.Workers
	)
	if speakersWorkers < 1 {
		speakersWorkers = runtime.GOMAXPROCS(0)
	}
	// The speakers table is written as soon as the last quotes row is
	// summed, while the partitions are still being encoded, and the
	// run's own files at once: the commit's last seconds then keep both
	// cores busy instead of leaving these small files to the end.
	// Rows written per partition, counted as they go to the speakers feed.
	rowsWritten := make([]int64, len(parts))
	keepSpeakers := false
	go func() {
		defer close(speakersDone)
		var aggs map[string]*speakerAgg
		var sources []quotesSource
		func() {
			defer close(summed)
			if sources, speakersErr = w.untouchedQuotes(written); speakersErr != nil {
				return
			}
			// A run that writes no quotes partition keeps a speakers table
			// summed from exactly the quotes there are, rather than decoding
			// them all again to write the same table.
			if len(parts) == 0 && w.speakersSummedFrom(sourcesDigest(sources)) {
				keepSpeakers = true
				return
			}
			aggs, speakersErr = sumSpeakers(srcs, speakersWorkers, stop, nil)
		}()
		if speakersErr == nil && !keepSpeakers {
			for i, p := range parts {
				sources = append(sources, quotesSource{part: p, runIDs: w.meta.RunID, rows: rowsWritten[i]})
			}
			speakersOp, speakersErr = w.writeSpeakers(aggs, sourcesDigest(sources))
		}
	}()
	go func() {
		defer close(runDone)
		runOp, runErr = w.writeRunAndSuccess(run)
	}()
	err = parallel(ctx, w.Workers, 2*len(parts), func(i int) error {
		var err error
		if p := parts[i/2]; i%2 == 0 {
			// The feed ends once the rows are gathered, before the
			// partition's last row group is encoded.
			fed := sync.OnceFunc(func() { close(feeds[i/2]) })
			defer fed()
			quoteOps[i/2], err = mergePartition(w, QuotesTable, p, w.quotes, w.RowGroupRows, speakerFeed(feeds[i/2], summed, &rowsWritten[i/2]), fed)
		} else {
			articleOps[i/2], err = mergePartition(w, ArticlesTable, p, w.articles, max(w.RowGroupRows/8, 64), nil, nil)
		}
		return err
	})
	if err != nil {
		close(stop)
	}
	<-speakersDone
	<-runDone
	// A look-up that could not read the replaced ids kept an old row.
	for _, e := range []error{err, speakersErr, runErr, w.replaced.Err()} {
		if e != nil {
			return e
		}
	}
	for _, tableOps := range [][][]op{quoteOps, articleOps} {
		for _, partOps := range tableOps {
			ops = append(ops, partOps...)
		}
	}
	// (noted by the partition merges, in whatever order they ran)
	slices.SortFunc(w.Superseded, func(a, b Superseded) int { return strings.Compare(a.ArticleID, b.ArticleID) })
	if ops, err = keepTableFile[Quote](w, QuotesTable, ops); err != nil {
		return err
	}
	if ops, err = keepTableFile[Article](w, ArticlesTable, ops); err != nil {
		return err
	}
	if !keepSpeakers {
		ops = append(ops, speakersOp)
	}
	ops = append(ops, runOp, op{Staged: successName, Target: successName})
	// The staged files are synced; so must be the folders naming them, or
	// after a power cut the journal could list files that are gone.
	if err := syncStagedDirs(w.stage, ops); err != nil {
		return err
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	failpoint()
	j := journal{RunID: w.meta.RunID, Ops: ops}
	if err := writeJournal(w.stage, j); err != nil {
		return err
	}
	w.journaled = true
	failpoint()
	if err := j.apply(w.out, w.stage); err != nil {
		return fmt.Errorf("%w (the next run finishes this commit)", err)
	}
	w.applied = true
	return nil
}

// keepTableFile keeps a file in a table the commit would leave without one
// (a first run that read no article, or found no statement): an empty
// folder is no table to DuckDB, Polars or stance speakers ("no files
// found"), only an error. The file has no rows and sits in the undated
// partition, where the next undated rows replace it.
func keepTableFile[T Quote | Article](w *Writer, table string, ops []op) ([]op, error) {
	live, err := filepath.Glob(filepath.Join(w.out, table, "date=*", "part-*.parquet"))
	if err != nil {
		return nil, err
	}
	removed := 0
	for _, o := range ops {
		if !strings.HasPrefix(o.Target, table+string(filepath.Separator)) {
			continue
		}
		if o.Staged != "" {
			return ops, nil // a file is written
		}
		removed++ // (removals name files in place: live holds them)
	}
	if removed < len(live) {
		return ops, nil
	}
	rel := partFile(table, DefaultPartition)
	if err := writeParquet(filepath.Join(w.stage, rel), w.meta, []T{}, w.Workers); err != nil {
		return nil, err
	}
	if i := slices.IndexFunc(ops, func(o op) bool { return o.Target == rel }); i >= 0 {
		ops[i].Staged = rel // written over instead of removed
		return ops, nil
	}
	return append(ops, op{Staged: rel, Target: rel}), nil
}

// parallel calls job(0) … job(n-1) on up to workers goroutines (all cores
// when workers < 1) and returns the first error; after an error or once ctx
// is done, jobs not yet started are not.
func parallel(ctx context.Context, workers, n int, job func(i int) error) error {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	var (
		mu    sync.Mutex
		next  int
		first error
		wg    sync.WaitGroup
	)
	take := func() (int, bool) {
		mu.Lock()
		defer mu.Unlock()
		if first == nil {
			first = ctx.Err()
		}
		if first != nil || next == n {
			return 0, false
		}
		next++
		return next - 1, true
	}
	for range min(workers, n) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, ok := take(); ok; i, ok = take() {
				if err := job(i); err != nil {
					mu.Lock()
					if first == nil {
						first = err
					}
					mu.Unlock()
				}
			}
		}()
	}
	wg.Wait()
	return first
}

// groupBytes is one writer's share of RowGroupBytes.
func (w *Writer) groupBytes() int64 {
	n := w.Workers
	if n < 1 {
		n = runtime.GOMAXPROCS(0)
	}
	return max(w.RowGroupBytes/int64(n), 4<<20)
}

// partFile is the first file of a partition, the only one unless the
// partition has more than FileRowGroups row groups.
func partFile(table, part string) string { return partFileN(table, part, 0) }

// partFileN is the kth file of a partition. The names sort in file order
// (part-0.parquet, then part-000001.parquet, …), which is the partition's
// row order.
func partFileN(table, part string, k int) string {
	if k == 0 {
		return filepath.Join(table, part, "part-0.parquet")
	}
	return filepath.Join(table, part, fmt.Sprintf("part-%06d.parquet", k))
}

// partFiles lists the files of a partition of the dataset (relative to
// it) in row order.
func (w *Writer) partFiles(table, part string) ([]string, error) {
	paths, err := filepath.Glob(filepath.Join(w.out, table, part, "part-*.parquet"))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	for i, p := range paths {
		paths[i] = filepath.Join(table, part, filepath.Base(p))
	}
	return paths, nil
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

func rowBytes(row any) int64 {
	switch r := row.(type) {
	case *Quote:
		return int64(len(r.Text) + 256)
	case *Article:
		return int64(len(r.Text) + len(r.Title) + len(r.Error) + 256)
	}
	return 256
}

// mergePartition writes one partition of a table to staging: the rows kept
// from the existing files (articles not written this run) merged by article
// id with this run's rows. Both inputs are sorted by article id, so the
// result is too, and it is streamed: memory is bounded by one row group and
// the metadata of FileRowGroups of them. It returns the journal steps that
// put the partition's new files in place and remove its old ones.
//
// Each batch of rows is passed to tap, if any, before it is written;
// tapped, if any, is called once the last has been (or gathering stopped).
func mergePartition[T Quote | Article](w *Writer, table, part string, sp *spill[T], rowGroup int64, tap func([]T), tapped func()) ([]op, error) {
	oldFiles, err := w.partFiles(table, part)
	if err != nil {
		return nil, err
	}
	oldPaths := make([]string, len(oldFiles))
	for i, rel := range oldFiles {
		oldPaths[i] = filepath.Join(w.out, rel)
	}
	old, err := openPartRows[T](oldPaths)
	if err != nil {
		return nil, err
	}
	// Rows are gathered (kept rows read, this run's decoded from the spill,
	// passed to tap) on one goroutine and written (encoded, compressed) on
	// this one, so a large partition, often the last job of a commit, uses
	// two cores. Writing is the longer half, so tap runs on the other.
	batches := make(chan rowBatch[T], 1)
	// Written batches go back to the gathering goroutine: a new batch per
	// 256 rows, grown again past 256 by the article that fills it, was
	// most of what a commit allocated. free has room for every batch in
	// flight (gathered, queued, written), so none is dropped.
	free := make(chan []T, 4)
	done := make(chan struct{})
	gathered := make(chan struct{})
	go func() {
		defer close(gathered)
		defer close(batches)
		defer old.close()
		if tapped != nil {
			defer tapped()
		}
		gatherRows(w, old, sp, part, tap, batches, free, done)
	}()
	defer func() { close(done); <-gathered }()

	var (
		ops []op
		f   *os.File
		pw  *parquet.GenericWriter[T]
		// Row groups of the open file: those ended at rowGroup rows,
		// those ended by a full batch (endGroup), and the rows of the
		// one being filled.
		groups, groupRows int64
	)
	defer func() {
		if f != nil {
			f.Close()
		}
	}()
	open := func() error {
		rel := partFileN(table, part, len(ops))
		staged := filepath.Join(w.stage, rel)
		if err := os.MkdirAll(filepath.Dir(staged), 0o755); err != nil {
			return err
		}
		var err error
		if f, err = os.Create(staged); err != nil {
			return err
		}
		pw = newWriter[T](f, w.meta, rowGroup)
		groups, groupRows = 0, 0
		ops = append(ops, op{Staged: rel, Target: rel})
		return nil
	}
	closeFile := func() error {
		if err := closeWriter(pw, w.Workers); err != nil {
			return err
		}
		if err := finishFile(f); err != nil {
			return err
		}
		err := f.Close()
		f, pw = nil, nil
		return err
	}
	maxGroups := int64(w.FileRowGroups)
	for b := range batches {
		if b.err != nil {
			return nil, b.err
		}
		// A file ends with its last row group full: a batch may go on in
		// the next file.
		for rows := b.rows; len(rows) > 0; {
			if pw == nil {
				if err := open(); err != nil {
					return nil, err
				}
			}
			// A write stops where the row group is full, which is then
			// ended here rather than by the next write, so that its
			// columns are flushed at once (parquet-go cuts its writes in
			// the same places, so the pages are the same).
			n := min(int64(len(rows)), rowGroup-groupRows)
			if _, err := pw.Write(rows[:n]); err != nil {
				return nil, err
			}
			rows = rows[n:]
			if groupRows += n; groupRows == rowGroup {
				if err := endRowGroup(pw, w.Workers); err != nil {
					return nil, err
				}
				groups, groupRows = groups+1, 0
			}
			if maxGroups > 0 && groups >= maxGroups {
				if err := closeFile(); err != nil {
					return nil, err
				}
			}
		}
		clear(b.rows) // drop the rows' blocks for the collector
		select {
		case free <- b.rows[:0]:
		default:
		}
		if b.endGroup && pw != nil {
			if err := endRowGroup(pw, w.Workers); err != nil {
				return nil, err
			}
			if groupRows > 0 {
				groups, groupRows = groups+1, 0
			}
			if maxGroups > 0 && groups >= maxGroups {
				if err := closeFile(); err != nil {
					return nil, err
				}
			}
		}
	}
	if pw != nil {
		if err := closeFile(); err != nil {
			return nil, err
		}
	}
	// Old files the new ones do not replace are removed (all of them when
	// every row of the partition gave way).
	for _, rel := range oldFiles {
		if !slices.ContainsFunc(ops, func(o op) bool { return o.Target == rel }) {
			ops = append(ops, op{Target: rel})
		}
	}
	return ops, nil
}

// flushColumns encodes and compresses the last page of each column of the
// row group being written, on up to workers goroutines (all cores when
// workers < 1), for a writer about to end the row group: parquet-go would
// flush them one after the other, and compressing them is most of a row
// group's end. The last row group of a partition and the speakers table
// are what a commit ends with, on one core. Call it only once the row
// group has all its rows, so that the pages are the ones the writer would
// write itself.
func flushColumns[T any](pw *parquet.GenericWriter[T], workers int) error {
	if workers < 1 {
		workers = runtime.GOMAXPROCS(0)
	}
	if workers < 2 {
		return nil // the writer flushes them as it ends the row group
	}
	cols := pw.ColumnWriters()
	return parallel(context.Background(), workers, len(cols), func(i int) error { return cols[i].Flush() })
}

// endRowGroup ends the row group being written, its columns flushed on up
// to workers goroutines.
func endRowGroup[T any](pw *parquet.GenericWriter[T], workers int) error {
	if err := flushColumns(pw, workers); err != nil {
		return err
	}
	return pw.Flush()
}

// closeWriter ends the last row group as endRowGroup does and writes the
// file's footer.
func closeWriter[T any](pw *parquet.GenericWriter[T], workers int) error {
	if err := flushColumns(pw, workers); err != nil {
		return err
	}
	return pw.Close()
}

// rowBatch is a batch of rows in table order; endGroup: the row group is
// full after it.
type rowBatch[T any] struct {
	rows     []T
	endGroup bool
	err      error
}

// gatherRows sends the rows of one partition in article id order, in
// batches: the rows kept from the existing file (articles not written this
// run) merged with this run's rows. Both inputs are sorted by article id,
// so the result is too, and memory is bounded by a few batches. Each batch
// is passed to tap, if any, before it is sent. Batches are taken from free
// when it has one. It stops early once done is closed.
func gatherRows[T Quote | Article](w *Writer, old *rowReader[T], sp *spill[T], part string, tap func([]T), out chan<- rowBatch[T], free <-chan []T, done <-chan struct{}) {
	send := func(b rowBatch[T]) bool {
		if tap != nil && b.err == nil {
			tap(b.rows)
		}
		select {
		case out <- b:
			return true
		case <-done:
			return false
		}
	}
	fresh := sp.blocks(part) // its errors show in peek
	blocks := sp.blockReader()
	var groupBytes int64
	batch := make([]T, 0, 256)
	oldRow, oldOK, err := old.next(w.dropped)
	if err != nil {
		send(rowBatch[T]{err: err})
		return
	}
	for {
		block, freshOK := fresh.peek()
		if fresh.err != nil {
			send(rowBatch[T]{err: fresh.err})
			return
		}
		if !oldOK && !freshOK {
			break
		}
		start := len(batch)
		if oldOK && (!freshOK || rowID(&oldRow) < block.article) {
			batch = append(batch, oldRow)
			if oldRow, oldOK, err = old.next(w.dropped); err != nil {
				send(rowBatch[T]{err: err})
				return
			}
		} else {
			if batch, err = blocks.read(block, batch); err != nil {
				send(rowBatch[T]{err: err})
				return
			}
			fresh.next(block)
		}
		for i := start; i < len(batch); i++ {
			groupBytes += rowBytes(&batch[i])
		}
		if len(batch) >= 256 || groupBytes >= w.groupBytes() {
			full := groupBytes >= w.groupBytes()
			if full {
				groupBytes = 0
			}
			if !send(rowBatch[T]{rows: batch, endGroup: full}) {
				return
			}
			select {
			case batch = <-free:
			default:
				batch = make([]T, 0, 256)
			}
		}
	}
	if len(batch) > 0 {
		send(rowBatch[T]{rows: batch, endGroup: groupBytes >= w.groupBytes()})
	}
}

func newWriter[T any](w io.Writer, meta Meta, rowGroup int64) *parquet.GenericWriter[T] {
	return parquet.NewGenericWriter[T](w, append(writerOptions(meta, rowGroup), compactSchema[T]())...)
}

func writerOptions(meta Meta, rowGroup int64) []parquet.WriterOption {
	opts := []parquet.WriterOption{
		parquet.Compression(zstdCodec),
		parquet.MaxRowsPerRowGroup(rowGroup),
		// No statistics in the data page headers: the page index holds the
		// same min and max per page, and the readers (DuckDB, Polars,
		// Arrow) filter on it and on the row groups' statistics, which
		// stay. parquet-go works out a dictionary column's bounds by
		// comparing every value's string, once for each of the two, which
		// was a fifth of writing the quotes partition.
		parquet.DataPageStatistics(false),
		// The min and max of a column of article or quote texts filter
		// nothing, and parquet-go writes them whole, uncompressed: each
		// row group's footer entry held two articles (kept in memory until
		// the file is closed). The other columns keep them.
		parquet.SkipPageBounds("text"),
		parquet.KeyValueMetadata("stance.version", meta.Version),
		parquet.KeyValueMetadata("stance.lexicon_version", meta.LexiconVersion),
		parquet.KeyValueMetadata("stance.run_id", meta.RunID),
	}
	if meta.QuotesSources != "" {
		opts = append(opts, parquet.KeyValueMetadata(quotesSourcesKey, meta.QuotesSources))
	}
	return opts
}

// writeRunAndSuccess stages the run's row and the _SUCCESS file.
func (w *Writer) writeRunAndSuccess(run Run) (op, error) {
	o, err := w.writeRun(run)
	if err != nil {
		return o, err
	}
	success := fmt.Sprintf("run_id=%s\nstatus=%s\nversion=%s\nlexicon_version=%s\nfinished_at=%s\narticles_ok=%d\narticles_unchanged=%d\narticles_quarantined=%d\nquotes=%d\n",
		run.RunID, run.Status, run.Version, run.LexiconVersion, run.FinishedAt.UTC().Format(time.RFC3339),
		run.ArticlesOK, run.ArticlesUnchanged, run.ArticlesQuarantined, run.Quotes)
	return o, writeSynced(filepath.Join(w.stage, successName), []byte(success))
}

// writeRun stages the run's row: one file per run in the runs table.
func (w *Writer) writeRun(r Run) (op, error) {
	if r.Inputs == nil {
		r.Inputs = []string{}
	}
	rel := filepath.Join(RunsTable, "run-"+r.RunID+".parquet")
	if !safeRel(rel) || strings.ContainsAny(r.RunID, `/\`) {
		return op{}, fmt.Errorf("bad run id %q", r.RunID)
	}
	if err := writeParquet(filepath.Join(w.stage, rel), w.meta, []Run{r}, w.Workers); err != nil {
		return op{}, err
	}
	return op{Staged: rel, Target: rel}, nil
}

// writeParquet writes a small table file whole, synced and world-readable,
// ending each row group on up to workers goroutines (see flushColumns).
func writeParquet[T any](path string, meta Meta, rows []T, workers int) error {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return err
	}
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	const rowGroup = 8192
	pw := newWriter[T](f, meta, rowGroup)
	for len(rows) > 0 {
		n := min(len(rows), rowGroup)
		if _, err := pw.Write(rows[:n]); err != nil {
			return err
		}
		if rows = rows[n:]; len(rows) > 0 {
			if err := endRowGroup(pw, workers); err != nil {
				return err
			}
		}
	}
	if err := closeWriter(pw, workers); err != nil {
		return err
	}
	if err := finishFile(f); err != nil {
		return err
	}
	return f.Close()
}

// Close removes the run's staging folder. Call it after Commit, or instead
// of it to abandon the run: the dataset is then as it was.
func (w *Writer) Close() error {
	w.scratchMu.Lock()
	w.closing = true
	w.scratchMu.Unlock()
	if w.quotes != nil {
		w.quotes.close()
	}
	if w.articles != nil {
		w.articles.close()
	}
	if w.known != nil {
		w.known.close()
	}
	if w.replaced != nil {
		w.replaced.close()
	}
	if w.stage == "" {
		return nil
	}
	if w.journaled && !w.applied {
		// A commit that failed half-way (say, the disk filled) must stay
		// in staging with its journal, for the next run to finish.
		return nil
	}
	err := os.RemoveAll(w.stage)
	os.Remove(filepath.Dir(w.stage)) // the staging root, unless another run left something
	return err
}
