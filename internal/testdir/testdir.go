// Package testdir finds, for tests and benchmarks, the repository root and
// the annotated data laid beside the checkout (../shared, in CI too).
package testdir

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// Root is the folder holding the main module's go.mod, found by walking up
// from the test's working directory.
func Root(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if data, err := os.ReadFile(filepath.Join(dir, "go.mod")); err == nil &&
			bytes.HasPrefix(data, []byte("module github.com/stance-news/stance\n")) {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("go.mod of github.com/stance-news/stance not found above the test folder")
		}
		dir = parent
	}
}

// Shared is ../shared beside the repository root.
func Shared(tb testing.TB) string {
	tb.Helper()
	return filepath.Join(Root(tb), "..", "shared")
}

// SharedFile is a path under ../shared; the test is skipped when it is not
// there (a checkout without the annotated data).
func SharedFile(tb testing.TB, elem ...string) string {
	tb.Helper()
	p := filepath.Join(append([]string{Shared(tb)}, elem...)...)
	if _, err := os.Stat(p); err != nil {
		tb.Skipf("shared data not available: %v", err)
	}
	return p
}
