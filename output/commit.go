package output

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
)

// A commit is a redo journal: every file of a run is first written, synced
// and closed in the run's staging folder, then the list of operations that
// put them in place is written to the staging folder as journalName and
// synced. Only then are the operations applied. A run killed before the
// journal exists left the dataset untouched; a run killed after it is
// finished by the next run (rollForward), so the dataset always ends up in
// the state of a whole run, never half of one.
const (
	journalName    = "COMMIT"
	journalTmpName = "COMMIT.tmp"
	successName    = "_SUCCESS"
)

// op is one journal step. Paths are relative: Staged to the run's staging
// folder, Target to the dataset root, so that nothing in a journal can point
// outside them.
type op struct {
	Staged string `json:"staged,omitempty"` // empty: remove Target
	Target string `json:"target"`
}

type journal struct {
	RunID string `json:"run_id"`
	Ops   []op   `json:"ops"`
}

// safeRel reports whether p is a clean relative path that stays below its
// root.
func safeRel(p string) bool {
	if p == "" || filepath.IsAbs(p) || filepath.Clean(p) != p {
		return false
	}
	return p != ".." && !strings.HasPrefix(p, ".."+string(filepath.Separator))
}

func writeJournal(stage string, j journal) error {
	data, err := json.Marshal(j)
	if err != nil {
		return err
	}
	tmp := filepath.Join(stage, journalTmpName)
	if err := writeSynced(tmp, data); err != nil {
		return err
	}
	failpoint()
	if err := os.Rename(tmp, filepath.Join(stage, journalName)); err != nil {
		return err
	}
	return syncDir(stage)
}

func readJournal(stage string) (journal, bool, error) {
	var j journal
	data, err := os.ReadFile(filepath.Join(stage, journalName))
	if errors.Is(err, fs.ErrNotExist) {
		return j, false, nil
	}
	if err != nil {
		return j, false, err
	}
	if err := json.Unmarshal(data, &j); err != nil {
		return j, false, fmt.Errorf("%s: %w", filepath.Join(stage, journalName), err)
	}
	for _, o := range j.Ops {
		if !safeRel(o.Target) || o.Staged != "" && !safeRel(o.Staged) {
			return j, false, fmt.Errorf("%s: unsafe path in journal", filepath.Join(stage, journalName))
		}
	}
	return j, true, nil
}

// apply performs the journal's operations in order. Every operation can be
// repeated: a staged file already gone was moved by an earlier attempt.
func (j journal) apply(out, stage string) error {
	// The last step moves _SUCCESS into place, which an earlier step
	// removed: once it is done the whole commit is, and replaying the
	// removal would undo it.
	if n := len(j.Ops); n > 0 && j.Ops[n-1].Staged != "" {
		if _, err := os.Lstat(filepath.Join(stage, j.Ops[n-1].Staged)); errors.Is(err, fs.ErrNotExist) {
			return nil
		}
	}
	for _, o := range j.Ops {
		target := filepath.Join(out, o.Target)
		if o.Staged == "" {
			if err := removeTarget(out, target); err != nil {
				return err
			}
			failpoint()
			continue
		}
		staged := filepath.Join(stage, o.Staged)
		if _, err := os.Lstat(staged); errors.Is(err, fs.ErrNotExist) {
			if _, err := os.Lstat(target); err != nil {
				return fmt.Errorf("commit of run %s: %s is neither staged nor in place", j.RunID, o.Target)
			}
			continue
		}
		if err := mkdirSynced(out, filepath.Dir(target)); err != nil {
			return err
		}
		if err := os.Rename(staged, target); err != nil {
			return err
		}
		if err := syncDir(filepath.Dir(target)); err != nil {
			return err
		}
		failpoint()
	}
	return nil
}

// removeTarget deletes a dataset file, and its folder when that is left
// empty (an emptied partition), syncing the folders it changed.
func removeTarget(out, target string) error {
	if err := os.Remove(target); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return nil
		}
		return err
	}
	dir := filepath.Dir(target)
	if err := syncDir(dir); err != nil {
		return err
	}
	if dir != out && os.Remove(dir) == nil { // fails unless empty
		return syncDir(filepath.Dir(dir))
	}
	return nil
}

// mkdirSynced creates dir and any missing parents below root, syncing each
// parent so that the new entries survive a power cut.
func mkdirSynced(root, dir string) error {
	if _, err := os.Stat(dir); err == nil {
		return nil
	}
	parent := filepath.Dir(dir)
	if dir != root && parent != dir {
		if err := mkdirSynced(root, parent); err != nil {
			return err
		}
	}
	if err := os.Mkdir(dir, 0o755); err != nil && !errors.Is(err, fs.ErrExist) {
		return err
	}
	return syncDir(parent)
}

// syncStagedDirs syncs every folder between the staged files and the
// staging folder itself, deepest first.
func syncStagedDirs(stage string, ops []op) error {
	seen := map[string]bool{}
	var dirs []string
	for _, o := range ops {
		if o.Staged == "" {
			continue
		}
		for d := filepath.Dir(o.Staged); d != "." && !seen[d]; d = filepath.Dir(d) {
			seen[d] = true
			dirs = append(dirs, d)
		}
	}
	slices.SortFunc(dirs, func(a, b string) int {
		return strings.Count(b, string(filepath.Separator)) - strings.Count(a, string(filepath.Separator))
	})
	for _, d := range dirs {
		if err := syncDir(filepath.Join(stage, d)); err != nil {
			return err
		}
	}
	return syncDir(stage)
}

// syncDir makes a folder's entries (renames, new and removed files) durable.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	if err := d.Sync(); err != nil && !errors.Is(err, syscall.EINVAL) {
		// EINVAL: the file system cannot sync folders; nothing more to do.
		return fmt.Errorf("sync %s: %w", dir, err)
	}
	return nil
}

// writeSynced writes a small file, world-readable and synced.
func writeSynced(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
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
	return f.Close()
}

// finishFile makes a staged file durable and readable by everyone before it
// is renamed into place (the umask may have removed read bits).
func finishFile(f *os.File) error {
	if err := f.Chmod(0o644); err != nil {
		return err
	}
	return f.Sync()
}

// Recovery reports what a run found in the staging area left by earlier runs.
type Recovery struct {
	Finished []string // runs killed while committing, finished now
	Removed  []string // runs killed or stopped before committing, discarded
}

// recoverStaging finishes or discards what earlier runs left in the staging
// root. It must run under the dataset lock: then no live run owns any of it.
func recoverStaging(out, root string) (Recovery, error) {
	var rec Recovery
	entries, err := os.ReadDir(root)
	if errors.Is(err, fs.ErrNotExist) {
		return rec, nil
	}
	if err != nil {
		return rec, err
	}
	for _, e := range entries {
		stage := filepath.Join(root, e.Name())
		j, ok, err := readJournal(stage)
		if err != nil {
			return rec, fmt.Errorf("staging left by run %s: %w", e.Name(), err)
		}
		if ok {
			if err := j.apply(out, stage); err != nil {
				return rec, fmt.Errorf("finishing the commit of run %s: %w", e.Name(), err)
			}
			rec.Finished = append(rec.Finished, e.Name())
		} else {
			rec.Removed = append(rec.Removed, e.Name())
		}
		if err := os.RemoveAll(stage); err != nil {
			return rec, err
		}
	}
	return rec, nil
}

// Failpoints let tests kill the process at every step of a commit in turn:
// with STANCE_FAILPOINT_KILL=N in the environment, the Nth failpoint reached
// sends SIGKILL to the process itself. Unset, a failpoint costs one atomic
// add. Testing only.
var (
	failpointKill = func() int64 {
		n, _ := strconv.ParseInt(os.Getenv("STANCE_FAILPOINT_KILL"), 10, 64)
		return n
	}()
	failpointCount atomic.Int64
)

func failpoint() {
	if failpointKill > 0 && failpointCount.Add(1) == failpointKill {
		syscall.Kill(os.Getpid(), syscall.SIGKILL)
		select {} // the signal is on its way
	}
}
