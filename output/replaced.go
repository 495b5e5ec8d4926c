package output

import (
	"fmt"
	"os"
	"slices"
	"sync"

	"github.com/stance-news/stance/internal/sortedrun"
)

// replacedIDs are the ids of the articles a run writes that the dataset
// already holds: their old rows give way at the commit. Ids of new
// articles are not kept (no old row has them), so an incremental run
// keeps only its changed articles. The ids wait in memory for at most
// replacedChunk of them; then they are sorted and written to a scratch file
// as a run of a sortedrun.Index (a Bloom filter and one id in
// replacedStride stay in memory), so that a run rewriting a large dataset
// (a new version, --full) does not hold every id.
type replacedIDs struct {
	recent []string
	chunk  int
	disk   *sortedrun.Index

	errMu sync.Mutex
	err   error // the first look-up that failed to read the disk
}

// replacedChunk: 65,536 ids are about 3 MB. (Tests lower it.)
var replacedChunk = 1 << 16

const replacedStride = 64

func newReplacedIDs(newFile func() (*os.File, error)) *replacedIDs {
	return &replacedIDs{chunk: replacedChunk, disk: sortedrun.NewIndex(newFile, 0, replacedStride)}
}

// add records id; an id added twice is an error, found when its chunk is
// sorted or, for an id of an earlier chunk, at once.
func (r *replacedIDs) add(id string) error {
	if ok, err := r.disk.Get(id, nil); err != nil || ok {
		return r.twice(id, err)
	}
	r.recent = append(r.recent, id)
	if len(r.recent) >= r.chunk {
		return r.writeRun()
	}
	return nil
}

func (r *replacedIDs) twice(id string, err error) error {
	if err != nil {
		return fmt.Errorf("ids of replaced articles: %w", err)
	}
	return fmt.Errorf("article id %q written twice in one run", id)
}

// sortRecent sorts the ids in memory and refuses one written twice.
func (r *replacedIDs) sortRecent() error {
	slices.Sort(r.recent)
	for i := 1; i < len(r.recent); i++ {
		if r.recent[i] == r.recent[i-1] {
			return r.twice(r.recent[i], nil)
		}
	}
	return nil
}

func (r *replacedIDs) writeRun() error {
	if err := r.sortRecent(); err != nil {
		return err
	}
	r.disk.StartRun(len(r.recent))
	for _, id := range r.recent {
		if err := r.disk.Add(id, nil); err != nil {
			return fmt.Errorf("ids of replaced articles: %w", err)
		}
	}
	if err := r.disk.EndRun(); err != nil {
		return fmt.Errorf("ids of replaced articles: %w", err)
	}
	clear(r.recent) // the strings go; the slice is reused
	r.recent = r.recent[:0]
	return nil
}

// finish sorts the ids still in memory; has may be called after it.
func (r *replacedIDs) finish() error {
	return r.sortRecent()
}

// has reports whether id is being written again. It may be called from many
// goroutines at once; a failed read of the disk counts as not replaced and
// is kept for Err, which fails the commit.
func (r *replacedIDs) has(id string) bool {
	if _, ok := slices.BinarySearch(r.recent, id); ok {
		return true
	}
	ok, err := r.disk.Get(id, nil)
	if err != nil {
		r.errMu.Lock()
		if r.err == nil {
			r.err = fmt.Errorf("ids of replaced articles: %w", err)
		}
		r.errMu.Unlock()
	}
	return ok
}

// Err is the first look-up that failed to read the disk, if any.
func (r *replacedIDs) Err() error {
	r.errMu.Lock()
	defer r.errMu.Unlock()
	return r.err
}

func (r *replacedIDs) close() { r.disk.Close() }
