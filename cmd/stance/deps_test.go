package main

import (
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/stance-news/stance/internal/testdir"
)

const modulePath = "github.com/stance-news/stance"

// listPackages runs go list over the main module with cgo enabled, so that
// any package that would use cgo shows its cgo files.
func listPackages(t *testing.T, format string) []string {
	t.Helper()
	cmd := exec.Command("go", "list", "-deps", "-f", format, "./...")
	cmd.Dir = testdir.Root(t)
	cmd.Env = append(os.Environ(), "CGO_ENABLED=1")
	out, err := cmd.Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("go list: %v\n%s", err, msg)
	}
	var lines []string
	for _, l := range strings.Split(string(out), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

// TestNoCgo: the main module builds and runs without a C toolchain. Only
// the standard library may hold cgo files (net, os/user, which fall back to
// pure Go when CGO_ENABLED=0); no module dependency may.
func TestNoCgo(t *testing.T) {
	for _, l := range listPackages(t, "{{if and (not .Standard) (or .CgoFiles .CXXFiles .CFiles)}}{{.ImportPath}}{{end}}") {
		t.Errorf("package %s needs cgo", l)
	}
	for _, l := range listPackages(t, "{{if not .Standard}}{{.ImportPath}}{{end}}") {
		if strings.Contains(l, "duckdb") {
			t.Errorf("main module depends on %s; DuckDB belongs in the interop module", l)
		}
		if strings.HasPrefix(l, modulePath+"/interop") {
			t.Errorf("%s is part of the main module's ./...; interop must stay its own module", l)
		}
	}
}

// TestLayering: the analysis knows nothing about Parquet or the batch, the
// writer knows nothing about the analysis, and the lexicon depends on
// neither, so that each stage can be reused and tested alone. Within the
// analysis, the article type and the input reader stand below every stage,
// and each stage depends only on the stages it uses (speakers on quotes,
// stance on tone): every package under pipeline/ has its rule.
func TestLayering(t *testing.T) {
	m := func(rel ...string) []string {
		for i := range rel {
			rel[i] = modulePath + "/" + rel[i]
		}
		return rel
	}
	stages := []string{"pipeline/quotes", "pipeline/speakers", "pipeline/tone", "pipeline/stance"}
	rules := []struct {
		pkg       string // package path prefix under the module
		forbidden []string
	}{
		{"pipeline", []string{modulePath + "/output", modulePath + "/batch", modulePath + "/cmd", "github.com/parquet-go/"}},
		{"output", []string{modulePath + "/pipeline", modulePath + "/lexicon", modulePath + "/batch", modulePath + "/cmd"}},
		{"lexicon", []string{modulePath + "/pipeline", modulePath + "/output", modulePath + "/batch", modulePath + "/cmd", "github.com/parquet-go/"}},
		{"batch", []string{modulePath + "/cmd"}},
		{"pipeline/article", m(append([]string{"lexicon", "pipeline/source"}, stages...)...)},
		{"pipeline/source", m(append([]string{"lexicon"}, stages...)...)},
		{"pipeline/quotes", m("pipeline/source", "pipeline/speakers", "pipeline/tone", "pipeline/stance")},
		{"pipeline/speakers", m("pipeline/source", "pipeline/tone", "pipeline/stance")},
		{"pipeline/tone", m("pipeline/source", "pipeline/quotes", "pipeline/speakers", "pipeline/stance")},
		{"pipeline/stance", m("pipeline/source", "pipeline/quotes", "pipeline/speakers")},
		{"internal/sortedrun", m("lexicon", "pipeline", "output", "batch", "eval", "cmd")},
		{"internal/swar", m("lexicon", "pipeline", "output", "batch", "eval", "cmd")},
		{"internal/fold", m("lexicon", "pipeline", "output", "batch", "eval", "cmd")},
	}
	lines := listPackages(t, `{{.ImportPath}}{{range .Deps}} {{.}}{{end}}`)
	checked := map[string]bool{}
	for _, l := range lines {
		fields := strings.Fields(l)
		pkg, deps := fields[0], fields[1:]
		rel, ok := strings.CutPrefix(pkg, modulePath+"/")
		if !ok {
			continue
		}
		ownRule := false
		for _, r := range rules {
			if rel != r.pkg && !strings.HasPrefix(rel, r.pkg+"/") {
				continue
			}
			checked[r.pkg] = true
			ownRule = ownRule || r.pkg != "pipeline"
			for _, d := range deps {
				for _, f := range r.forbidden {
					if d == f || strings.HasPrefix(d, f+"/") || (strings.HasSuffix(f, "/") && strings.HasPrefix(d, f)) {
						t.Errorf("%s depends on %s", pkg, d)
					}
				}
			}
		}
		if strings.HasPrefix(rel, "pipeline/") && !ownRule {
			t.Errorf("%s has no layering rule of its own: add one naming the stages it must not use", pkg)
		}
	}
	for _, r := range rules {
		if !checked[r.pkg] {
			t.Errorf("no package %s found: the layering rule checks nothing", r.pkg)
		}
	}
}
