package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/stance-news/stance/output"
)

var updateGolden = flag.Bool("update", false, "rewrite testdata/examples.golden.jsonl from this run")

// goldenVolatile are the columns that differ from run to run (or with every
// lexicon edit) and so stay out of the golden dump.
var goldenVolatile = map[string]bool{
	"run_id": true, "started_at": true, "finished_at": true, "lexicon_version": true,
}

// TestGoldenExamples runs the CLI on the sample articles the README points
// to and compares all four tables with testdata/examples.golden.jsonl.
// When an analysis change is intended, refresh the file with
//
//	go test ./cmd/stance -run TestGoldenExamples -update
//
// and review the diff like any other change.
func TestGoldenExamples(t *testing.T) {
	out := t.TempDir()
	// A relative input keeps the source column free of this machine's paths.
	in := filepath.Join("..", "..", "examples", "articles")
	code, _, stderr := runCLI(t, "run", "--quiet", "--strict", "--workers", "2", "--out", out, in)
	if code != exitOK {
		t.Fatalf("stance run exited %d:\n%s", code, stderr)
	}
	var lines []string
	lines = append(lines, dumpRows(t, output.ArticlesTable, readTable[output.Article](t, filepath.Join(out, output.ArticlesTable)))...)
	lines = append(lines, dumpRows(t, output.QuotesTable, readTable[output.Quote](t, filepath.Join(out, output.QuotesTable)))...)
	lines = append(lines, dumpRows(t, output.SpeakersTable, readTable[output.Speaker](t, filepath.Join(out, output.SpeakersTable)))...)
	lines = append(lines, dumpRows(t, output.RunsTable, readTable[output.Run](t, filepath.Join(out, output.RunsTable)))...)
	got := []byte(strings.Join(lines, "\n") + "\n")

	golden := filepath.Join("testdata", "examples.golden.jsonl")
	if *updateGolden {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote %s (%d rows)", golden, len(lines))
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (create it with: go test ./cmd/stance -run TestGoldenExamples -update)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("tables differ from %s; if the change is intended, run\n\tgo test ./cmd/stance -run TestGoldenExamples -update\n%s",
			golden, lineDiff(string(want), string(got)))
	}
}

// dumpRows turns table rows into sorted JSON lines keyed by Parquet column
// name, each tagged with its table.
func dumpRows[T any](t testing.TB, table string, rows []T) []string {
	t.Helper()
	lines := make([]string, 0, len(rows))
	for i := range rows {
		m := map[string]any{"table": table}
		v := reflect.ValueOf(rows[i])
		for f := 0; f < v.NumField(); f++ {
			name, _, _ := strings.Cut(v.Type().Field(f).Tag.Get("parquet"), ",")
			if name == "" || name == "-" || goldenVolatile[name] {
				continue
			}
			m[name] = dumpValue(v.Field(f).Interface())
		}
		if table == output.ArticlesTable {
			// The text is the input itself; its hash and length say enough.
			if s, ok := m["text"].(string); ok {
				m["text_chars"] = len([]rune(s))
				delete(m, "text")
			}
		}
		b, err := json.Marshal(m) // maps marshal with sorted keys
		if err != nil {
			t.Fatal(err)
		}
		lines = append(lines, string(b))
	}
	sort.Strings(lines)
	return lines
}

func dumpValue(v any) any {
	switch x := v.(type) {
	case *time.Time:
		if x == nil {
			return nil
		}
		return x.UTC().Format(time.RFC3339Nano)
	case time.Time:
		return x.UTC().Format(time.RFC3339Nano)
	case *float64:
		if x == nil {
			return nil
		}
		return *x
	}
	return v
}

// lineDiff lists the lines only in want (-) and only in got (+), enough to
// see what changed without a diff tool.
func lineDiff(want, got string) string {
	count := map[string]int{}
	for _, l := range strings.Split(want, "\n") {
		count[l]++
	}
	for _, l := range strings.Split(got, "\n") {
		count[l]--
	}
	var b strings.Builder
	n := 0
	for _, l := range sortedKeys(count) {
		c := count[l]
		for ; c > 0 && n < 40; c-- {
			fmt.Fprintf(&b, "- %s\n", l)
			n++
		}
		for ; c < 0 && n < 40; c++ {
			fmt.Fprintf(&b, "+ %s\n", l)
			n++
		}
	}
	if n == 40 {
		b.WriteString("… (more)\n")
	}
	return b.String()
}
