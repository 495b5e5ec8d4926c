package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stance-news/stance/internal/testdir"
)

func TestParseSize(t *testing.T) {
	good := map[string]int64{"0": 0, "off": 0, "1048576": 1 << 20, "200MiB": 200 << 20, "1GiB": 1 << 30, "500MB": 500e6, "64KiB": 64 << 10, "12B": 12}
	for in, want := range good {
		if got, err := parseSize(in); err != nil || got != want {
			t.Errorf("parseSize(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "lots", "-1MiB", "1.5GiB", "MiB", "99999999999TiB"} {
		if got, err := parseSize(in); err == nil {
			t.Errorf("parseSize(%q) = %d, want an error", in, got)
		}
	}
}

// TestRunRejectsLimitsItCannotKeep: a size or a timeout that means nothing is
// a usage error, not silently the default.
func TestRunRejectsLimitsItCannotKeep(t *testing.T) {
	for _, args := range [][]string{
		{"--max-article-bytes", "0"},
		{"--max-article-bytes", "-5"},
		{"--article-timeout", "-1s"},
		{"--workers", "0"},
	} {
		out := filepath.Join(t.TempDir(), "out")
		code, _, stderr := runCLI(t, append(append([]string{"run", "--out", out}, args...), filepath.Join(testdir.Root(t), "examples", "articles"))...)
		if code != exitUsage || !strings.Contains(stderr, args[0]) {
			t.Errorf("run %v: exit %d, stderr %q; want %d naming the flag", args, code, stderr, exitUsage)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("run %v wrote %s", args, out)
		}
	}
}
