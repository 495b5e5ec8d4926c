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

// A --lexicon folder that is not there is a usage error whose message names
// the folder once, as the list of FILE: problems a broken lexicon prints
// ("lexicon:\nlexicon: stat X: …" said it twice).
func TestRunNamesAMissingLexiconFolder(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "no-such-lexicon")
	notDir := filepath.Join(dir, "file.tsv")
	if err := os.WriteFile(notDir, []byte("x\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	for lex, reason := range map[string]string{missing: "no such file or directory", notDir: "not a folder"} {
		code, _, stderr := runCLI(t, "run", "--lexicon", lex, "--out", filepath.Join(dir, "out"), filepath.Join(testdir.Root(t), "examples", "articles"))
		if want := "stance run: lexicon:\n" + lex + ": " + reason + "\n"; code != exitUsage || stderr != want {
			t.Errorf("--lexicon %s: exit %d, stderr %q; want %d, %q", lex, code, stderr, exitUsage, want)
		}
	}
}
