package main

import (
	"flag"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stance-news/stance/internal/testdir"
	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/output"
)

// TestHelp: help asked for goes to stdout and exits 0; a mistake goes to
// stderr and exits 2.
func TestHelp(t *testing.T) {
	code, stdout, _ := runCLI(t, "--help")
	if code != exitOK {
		t.Errorf("stance --help exited %d", code)
	}
	for name := range commands {
		if !strings.Contains(stdout, "\n  "+name+" ") {
			t.Errorf("stance --help does not list %q:\n%s", name, stdout)
		}
		code, stdout, _ := runCLI(t, name, "--help")
		if code != exitOK || !strings.HasPrefix(stdout, "Usage: stance "+name) {
			t.Errorf("stance %s --help: exit %d, stdout %q", name, code, stdout)
		}
	}
	if code, _, stderr := runCLI(t); code != exitUsage || !strings.Contains(stderr, "Usage: stance COMMAND") {
		t.Errorf("stance without arguments: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := runCLI(t, "frobnicate"); code != exitUsage || !strings.Contains(stderr, `unknown command "frobnicate"`) {
		t.Errorf("unknown command: exit %d, stderr %q", code, stderr)
	}
	if code, _, stderr := runCLI(t, "run", "--no-such-flag", "x"); code != exitUsage || !strings.Contains(stderr, "no-such-flag") {
		t.Errorf("unknown flag: exit %d, stderr %q", code, stderr)
	}
	lx, err := lexicon.Load("")
	if err != nil {
		t.Fatal(err)
	}
	code, stdout, _ = runCLI(t, "version")
	if first, _, _ := strings.Cut(stdout, "\n"); code != exitOK || first != "stance "+version ||
		!strings.Contains(stdout, "\nlexicon "+lx.Version+" (embedded defaults)\n") {
		t.Errorf("stance version: exit %d, %q", code, stdout)
	}
	if code, _, stderr := runCLI(t, "version", "--lexicon", filepath.Join(t.TempDir(), "missing")); code != exitUsage {
		t.Errorf("stance version --lexicon MISSING: exit %d, stderr %q", code, stderr)
	}
}

func readme(t *testing.T) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join(testdir.Root(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// TestReadmeRunFlags: the README's flag table lists exactly the flags of
// stance run.
func TestReadmeRunFlags(t *testing.T) {
	documented := map[string]bool{}
	for _, m := range regexp.MustCompile("(?m)^\\| `--([a-z][a-z-]*)").FindAllStringSubmatch(readme(t), -1) {
		documented[m[1]] = true
	}
	fs := flag.NewFlagSet("run", flag.ContinueOnError)
	commands["run"].flags(fs)
	fs.VisitAll(func(f *flag.Flag) {
		if !documented[f.Name] {
			t.Errorf("README does not document stance run --%s", f.Name)
		}
		delete(documented, f.Name)
	})
	for name := range documented {
		t.Errorf("README documents --%s, which stance run does not have", name)
	}
}

// TestReadmeExitCodes: the README's exit-code table matches main.go.
func TestReadmeExitCodes(t *testing.T) {
	text := readme(t)
	_, section, ok := strings.Cut(text, "### Exit codes")
	if !ok {
		t.Fatal("README has no Exit codes section")
	}
	section, _, _ = strings.Cut(section, "\n## ")
	var got []int
	for _, m := range regexp.MustCompile(`(?m)^\| (\d+) \|`).FindAllStringSubmatch(section, -1) {
		n, _ := strconv.Atoi(m[1])
		got = append(got, n)
	}
	sort.Ints(got)
	want := []int{exitOK, exitFailed, exitUsage, exitLocked, exitQuarantined, exitInterrupted}
	sort.Ints(want)
	if len(got) != len(want) {
		t.Fatalf("README lists exit codes %v, main.go has %v", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("README lists exit codes %v, main.go has %v", got, want)
		}
	}
}

// TestReadmeLinks: every relative link in the README points at a file in
// the repository.
func TestReadmeLinks(t *testing.T) {
	root := testdir.Root(t)
	n := 0
	for _, m := range regexp.MustCompile(`\]\(([^)#\s]+)(#[^)]*)?\)`).FindAllStringSubmatch(readme(t), -1) {
		target := m[1]
		if strings.Contains(target, "://") || strings.HasPrefix(target, "mailto:") {
			continue
		}
		n++
		if _, err := os.Stat(filepath.Join(root, filepath.FromSlash(target))); err != nil {
			t.Errorf("README links to %s: %v", target, err)
		}
	}
	if n == 0 {
		t.Error("README has no relative links; the docs/ pages should be linked")
	}
}

// TestReadmeSchema: the README's table of columns for each output table
// names exactly the columns output/tables.go writes (plus the Hive date).
func TestReadmeSchema(t *testing.T) {
	text := readme(t)
	for _, tb := range []struct {
		name        string
		row         any
		partitioned bool
	}{
		{output.QuotesTable, output.Quote{}, true},
		{output.ArticlesTable, output.Article{}, true},
		{output.SpeakersTable, output.Speaker{}, false},
		{output.RunsTable, output.Run{}, false},
	} {
		_, section, ok := strings.Cut(text, "### `"+tb.name+"`")
		if !ok {
			t.Errorf("README has no section for the %s table", tb.name)
			continue
		}
		section, _, _ = strings.Cut(section, "\n#")
		documented := map[string]bool{}
		for _, m := range regexp.MustCompile(`(?m)^\| ([a-z_0-9]+(?:, [a-z_0-9]+)*) \|`).FindAllStringSubmatch(section, -1) {
			for _, name := range strings.Split(m[1], ", ") {
				if name == "column" { // the header row
					continue
				}
				documented[name] = true
			}
		}
		want := parquetColumns(tb.row)
		if tb.partitioned {
			want = append(want, "date")
		}
		for _, c := range want {
			if !documented[c] {
				t.Errorf("README's %s table does not document column %s (add a row: | %s | TYPE | meaning |)", tb.name, c, c)
			}
			delete(documented, c)
		}
		for c := range documented {
			t.Errorf("README's %s table documents %s, which the table does not have", tb.name, c)
		}
	}
}

func parquetColumns(row any) []string {
	var cols []string
	rt := reflect.TypeOf(row)
	for i := 0; i < rt.NumField(); i++ {
		name, _, _ := strings.Cut(rt.Field(i).Tag.Get("parquet"), ",")
		if name != "" && name != "-" {
			cols = append(cols, name)
		}
	}
	return cols
}
