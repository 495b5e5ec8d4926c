package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/stance-news/stance/batch/batchtest"
	"github.com/stance-news/stance/output"
)

// A full disk is the fault a nightly job meets most in practice. The run
// writes its output onto a small tmpfs, with a filler file leaving less and
// less room: every failed run must leave the previous complete dataset in
// place (never a partial table), say why, and the rerun once space is back
// must produce the tables of an uninterrupted run. Needs permission to
// mount (root in a container); skipped otherwise.
func TestDiskFullLeavesTheDatasetWholeThenRerunRecovers(t *testing.T) {
	stanceBinary(t) // skips under -short
	dir := t.TempDir()
	mnt := filepath.Join(dir, "mnt")
	if err := os.Mkdir(mnt, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mount("tmpfs", mnt, "tmpfs", 0, "size=32m"); err != nil {
		t.Skipf("cannot mount a tmpfs to fill (%v): disk-full test skipped", err)
	}
	t.Cleanup(func() {
		if err := syscall.Unmount(mnt, syscall.MNT_DETACH); err != nil {
			t.Errorf("unmount %s: %v", mnt, err)
		}
	})

	v1, v2 := twoVersions(t, dir, 120, 6)
	ref := filepath.Join(dir, "ref")
	mustRun(t, "run", "--quiet", "--out", ref, v1)
	before := readTables(t, ref)
	mustRun(t, "run", "--quiet", "--out", ref, v2)
	want := readTables(t, ref)
	need := treeSize(t, ref)

	out := filepath.Join(mnt, "out")
	filler := filepath.Join(mnt, "filler")
	failed := 0
	// Free space from none at all to about what the second run writes.
	for _, share := range []float64{0, 0.02, 0.1, 0.3, 0.6, 1.0, 2.0, 4.0} {
		os.RemoveAll(out)
		mustRun(t, "run", "--quiet", "--out", out, v1)
		leave := int64(share * float64(need))
		fill(t, filler, mnt, leave)

		code, stderr := runStance(t, nil, "run", "--quiet", "--out", out, v2)
		got := readTables(t, out)
		switch {
		case code == 0:
			if d := batchtest.Diff(got, want); d != "" {
				t.Fatalf("%d bytes free: the run succeeded but %s", leave, d)
			}
		case code == 1:
			failed++
			if !strings.Contains(stderr, "no space left on device") {
				t.Errorf("%d bytes free: exit 1 without naming the cause:\n%s", leave, stderr)
			}
			if d := batchtest.Diff(got, before); d != "" {
				t.Fatalf("%d bytes free: the failed run changed the dataset: %s", leave, d)
			}
			if _, err := os.Stat(filepath.Join(out, "_SUCCESS")); err != nil {
				t.Errorf("%d bytes free: the previous run's _SUCCESS is gone", leave)
			}
			// A failed run gives its space back: left behind, staging
			// would keep the disk full for the next run.
			stage, _ := output.StagingDir(out)
			if entries, err := os.ReadDir(stage); err == nil && len(entries) > 0 {
				t.Errorf("%d bytes free: the failed run left %d entries in %s", leave, len(entries), stage)
			}
		default:
			t.Fatalf("%d bytes free: exit %d:\n%s", leave, code, stderr)
		}
		t.Logf("%d bytes free: exit %d %s", leave, code, lastLine(stderr))

		// Space comes back; the next scheduled run must finish the job.
		if err := os.Remove(filler); err != nil {
			t.Fatal(err)
		}
		mustRun(t, "run", "--quiet", "--out", out, v2)
		if d := batchtest.Diff(readTables(t, out), want); d != "" {
			t.Fatalf("rerun after a full disk (%d bytes free): %s", leave, d)
		}
		checkClean(t, out)
	}
	if failed < 3 {
		t.Errorf("only %d runs met a full disk: the filler left too much room to test anything", failed)
	}
}

// treeSize is the bytes of the files under root.
func treeSize(t *testing.T, root string) int64 {
	t.Helper()
	var n int64
	filepath.Walk(root, func(_ string, info os.FileInfo, err error) error {
		if err == nil && !info.IsDir() {
			n += info.Size()
		}
		return nil
	})
	return n
}

// fill writes a file of real bytes (tmpfs has no holes to cheat with) that
// leaves about leave bytes free on the file system of dir.
func fill(t *testing.T, path, dir string, leave int64) {
	t.Helper()
	var st syscall.Statfs_t
	if err := syscall.Statfs(dir, &st); err != nil {
		t.Fatal(err)
	}
	free := int64(st.Bavail) * int64(st.Bsize)
	size := free - leave
	if size <= 0 {
		t.Fatalf("only %d bytes free on %s, wanted to leave %d", free, dir, leave)
	}
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	chunk := make([]byte, 1<<20)
	for i := range chunk {
		chunk[i] = byte(i)
	}
	for size > 0 {
		n := min(size, int64(len(chunk)))
		if _, err := f.Write(chunk[:n]); err != nil {
			t.Fatal(fmt.Errorf("filling %s: %w", path, err))
		}
		size -= n
	}
}
