package main

// In-process tests of the stance commands: a second, invented frame end to
// end, lexicon check and show, the speakers comparison, and the stance
// targets on the seed gold.

import (
	"cmp"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stance-news/stance/internal/testdir"
	"github.com/stance-news/stance/output"
)

// TestFictionalFrameEndToEnd runs a whole batch with a user lexicon that
// adds two invented sides, their actors and a frame about an invented
// dispute, then reads the Parquet back: the stance columns must carry the
// new sides, with evidence, and nothing in the code knows their names.
func TestFictionalFrameEndToEnd(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	lex := filepath.Join("testdata", "lexicon-fictional")
	code, _, stderr := runCLI(t, "lexicon", "check", lex)
	if code != exitOK {
		t.Fatalf("lexicon check: exit %d\n%s", code, stderr)
	}
	code, _, stderr = runCLI(t, "run", "--quiet", "--workers", "1", "--out", out, "--lexicon", lex, filepath.Join("testdata", "articles-fictional"))
	if code != exitOK {
		t.Fatalf("run: exit %d\n%s", code, stderr)
	}
	byText := map[string]output.Quote{}
	err := output.ReadQuotes(out, func(q *output.Quote) error {
		byText[strings.TrimRight(q.Text, ",.")] = *q
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		text     string
		sides    []string
		evidence string
	}{
		{"The Vessa dam is illegal and our farmers will not accept it", []string{"aldoria=1", "brenthia=-1"}, `claim "dam is illegal"`},
		{"The dam is lawful and there is ample water downstream", []string{"aldoria=-1", "brenthia=1"}, `claim "ample water downstream"`},
		{"The dam is not illegal", []string{"aldoria=-1", "brenthia=1"}, `negated by "not"`},
		// A speaker's affiliation alone is no evidence.
		{"We expect rain next week", []string{}, ""},
	}
	for _, w := range want {
		q, ok := byText[w.text]
		if !ok {
			t.Errorf("quote %q not found; have %d quotes", w.text, len(byText))
			continue
		}
		if strings.Join(q.StanceSides, " ") != strings.Join(w.sides, " ") {
			t.Errorf("%q: stance_sides %q, want %q (evidence %q)", w.text, q.StanceSides, w.sides, q.StanceEvidence)
		}
		if q.StanceUS != nil || q.StanceRussia != nil {
			t.Errorf("%q: stance toward the default sides without evidence: %v %v", w.text, q.StanceUS, q.StanceRussia)
		}
		if ev := strings.Join(q.StanceEvidence, "\n"); !strings.Contains(ev, w.evidence) || w.evidence == "" && ev != "" {
			t.Errorf("%q: evidence %q, want %q", w.text, q.StanceEvidence, w.evidence)
		}
	}

	// The speakers table carries the new sides' means and counts.
	speakers, err := output.ReadTable[output.Speaker](out, output.SpeakersTable)
	if err != nil {
		t.Fatal(err)
	}
	found := false
	for _, sp := range speakers {
		if sp.Speaker == "Tobin Ralle" {
			found = true
			if strings.Join(sp.MeanStanceSides, " ") != "aldoria=-1 brenthia=1" || strings.Join(sp.NStanceSides, " ") != "aldoria=2 brenthia=2" {
				t.Errorf("speakers row: mean %q n %q", sp.MeanStanceSides, sp.NStanceSides)
			}
			if sp.MeanStanceUS != nil || sp.NStanceUS != 0 {
				t.Errorf("speakers row: a US stance without evidence")
			}
		}
	}
	if !found {
		t.Errorf("no speakers row for Tobin Ralle in %d rows", len(speakers))
	}

	// The speakers comparison shows the new sides as columns.
	code, stdout, stderr := runCLI(t, "speakers", out)
	if code != exitOK {
		t.Fatalf("speakers: exit %d\n%s", code, stderr)
	}
	if !strings.Contains(stdout, "STANCE ALDORIA (N)") || !strings.Contains(stdout, "STANCE BRENTHIA (N)") {
		t.Errorf("speakers lacks the new sides:\n%s", stdout)
	}
	if !regexp.MustCompile(`Tobin Ralle\s+brenthia\s+2\s+1\s+\S+\s+-1\.00 \(2\)\s+\+1\.00 \(2\)`).MatchString(stdout) {
		t.Errorf("speakers row for Tobin Ralle wrong:\n%s", stdout)
	}
	// Filters: by side, and by a date range that holds nothing.
	_, stdout, _ = runCLI(t, "speakers", "--side", "aldoria", out)
	if strings.Contains(stdout, "Tobin Ralle") || !strings.Contains(stdout, "Mira Kest") {
		t.Errorf("--side aldoria:\n%s", stdout)
	}
	_, stdout, _ = runCLI(t, "speakers", "--from", "2031-03-04", out)
	if !strings.Contains(stdout, "no speakers match") {
		t.Errorf("--from after the article:\n%s", stdout)
	}
	_, stdout, _ = runCLI(t, "speakers", "--from", "2031-03-03", "--to", "2031-03-03", "--toward", "brenthia", "--format", "tsv", out)
	if strings.Contains(stdout, "ALDORIA") || !strings.Contains(stdout, "Mira Kest\taldoria\t2\t1\t") {
		t.Errorf("--toward brenthia on the article's day:\n%s", stdout)
	}
}

func TestLexiconCheckReportsFileAndLine(t *testing.T) {
	dir := t.TempDir()
	writeFile := func(name, data string) {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	writeFile("frames/ukraine.tsv", "# comment\narea\tside\tpattern\tstance\tfrom\ncrimea\tus\tannex*\tus+\t\ncrimea\tnato\tannex*\tnato+\t\ncrimea\tus\t(referendum|\tus+\t\ncrimea\trussia\treferendum\trussia*\t\ncrimea\tus\tannex*\tus+\t14/03/2014\n")
	writeFile("actors/extra.tsv", "id\tname\tkind\tside\naksyonov\tSergey Aksyonov\tperson\tcrimea\n")
	writeFile("frame/typo.tsv", "area\tside\tpattern\n")
	code, _, stderr := runCLI(t, "lexicon", "check", dir)
	if code != exitFailed {
		t.Errorf("exit %d, want %d", code, exitFailed)
	}
	for _, want := range []string{
		filepath.Join(dir, "frames/ukraine.tsv") + `:4: unknown side "nato"`,
		filepath.Join(dir, "frames/ukraine.tsv") + ":5: pattern:",
		filepath.Join(dir, "frames/ukraine.tsv") + ":6: stance:",
		filepath.Join(dir, "frames/ukraine.tsv") + `:7: from: "14/03/2014": want a date such as 2017-04-12`,
		filepath.Join(dir, "actors/extra.tsv") + `:2: actor "aksyonov": unknown side "crimea"`,
		filepath.Join(dir, "frame/typo.tsv") + ": not read by any part of the lexicon",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr)
		}
	}
	if strings.Contains(stderr, "ukraine.tsv:3:") {
		t.Errorf("valid line 3 reported:\n%s", stderr)
	}
	// A run with the broken lexicon is a configuration error.
	code, _, _ = runCLI(t, "run", "--quiet", "--out", filepath.Join(dir, "out"), "--lexicon", dir, filepath.Join("testdata", "articles-fictional"))
	if code != exitUsage {
		t.Errorf("run with a broken lexicon: exit %d, want %d", code, exitUsage)
	}
}

func TestLexiconShow(t *testing.T) {
	code, stdout, stderr := runCLI(t, "lexicon", "show", "--frames")
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	for _, want := range []string{`lexicon version [0-9a-f]{12}\n`, `frames/us-russia-syria\.tsv\s+embedded\s+\d+`, `us-russia-syria \(embedded:frames/us-russia-syria\.tsv\): \d+ claims`, "chemical-attack", `russia\+ us-`} {
		if !regexp.MustCompile(want).MatchString(stdout) {
			t.Errorf("show lacks %q:\n%s", want, stdout)
		}
	}
	code, stdout, _ = runCLI(t, "lexicon", "show", "--lexicon", filepath.Join("testdata", "lexicon-fictional"))
	if code != exitOK || !strings.Contains(stdout, "testdata/lexicon-fictional/frames/vessa-dam.tsv") || !strings.Contains(stdout, "aldoria (Republic of Aldoria)") {
		t.Errorf("show with a user folder (exit %d):\n%s", code, stdout)
	}
}

// TestSeedStanceTargets holds the scorer to the targets on the seed
// gold: sign agreement on non-zero gold values and NULL-or-near-zero on zero
// gold values, each at least 85%.
func TestSeedStanceTargets(t *testing.T) {
	gold, _ := filepath.Glob(filepath.Join("..", "..", "..", "shared", "corpus", "seed", "*.gold.json"))
	if len(gold) == 0 {
		t.Skip("seed gold not available")
	}
	code, stdout, stderr := runCLI(t, append([]string{"stance-eval", "--min", "0.85"}, gold...)...)
	t.Logf("\n%s", stdout)
	if code != exitOK {
		t.Fatalf("exit %d (below target?)\n%s%s", code, stdout, stderr)
	}
	m := regexp.MustCompile(`(?m)^all\s+(\d+)/(\d+)\s+\S+\s+(\d+)/(\d+)`).FindStringSubmatch(stdout)
	if m == nil {
		t.Fatalf("no totals line:\n%s", stdout)
	}
	n := func(s string) int { v, _ := strconv.Atoi(s); return v }
	if n(m[2]) < 20 || n(m[4]) < 20 {
		t.Errorf("too few gold values read: %s", m[0])
	}
}

// TestSpeakersCommandAgreesWithSpeakersTable: without filters, stance
// speakers prints what the speakers table holds: the same display name,
// affiliation, counts and mean tone for every speaker. A speaker whose side
// the lexicon knows in only some quotes keeps that side in both.
func TestSpeakersCommandAgreesWithSpeakersTable(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	w, err := output.Create(out, output.Meta{RunID: "r1"})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	day := time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC)
	for a := range 4 {
		id := fmt.Sprintf("a%d", a)
		var qs []output.Quote
		for k := range 3 {
			q := output.Quote{QuoteID: fmt.Sprintf("%s-q%d", id, k), ArticleID: id, Published: &day, Text: "words",
				SpeakerID: "rex-tillerson", Speaker: "Rex Tillerson", Tone: float64(a*3+k) / 20}
			if a == 0 && k == 0 { // the one quote that names his side
				q.SpeakerAffiliation = "us"
			}
			qs = append(qs, q)
		}
		qs = append(qs, output.Quote{QuoteID: id + "-q9", ArticleID: id, Published: &day, Text: "words",
			SpeakerID: "sergey-lavrov", Speaker: "Sergey Lavrov", SpeakerAffiliation: "russia", Tone: -0.5})
		if err := w.Add(output.Article{ArticleID: id, Published: &day, Text: "text", Status: output.StatusOK}, qs); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Commit(context.Background(), output.Run{RunID: "r1"}); err != nil {
		t.Fatal(err)
	}
	table, err := output.ReadTable[output.Speaker](out, output.SpeakersTable)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, s := range table {
		aff := cmp.Or(s.Affiliation, "-")
		want = append(want, fmt.Sprintf("%s\t%s\t%d\t%d\t%+.2f", s.Speaker, aff, s.NQuotes, s.NArticles, s.MeanTone))
	}
	code, stdout, stderr := runCLI(t, "speakers", "--format", "tsv", out)
	if code != exitOK {
		t.Fatalf("speakers: exit %d\n%s", code, stderr)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(stdout), "\n")[1:] {
		cells := strings.Split(line, "\t")
		got = append(got, strings.Join(cells[:5], "\t"))
	}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) || len(want) != 2 {
		t.Errorf("stance speakers:\n%s\nspeakers table:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if _, stdout, _ = runCLI(t, "speakers", "--side", "us", out); !strings.Contains(stdout, "Rex Tillerson") {
		t.Errorf("--side us leaves out the speaker the table calls us:\n%s", stdout)
	}
}

// A side misspelt in --side or --toward filtered every speaker out, or
// showed a column of "-", with nothing said: the command now names the
// sides the dataset has, on stderr, and still exits 0.
// --kind keeps the speakers of the kinds asked for: unnamed sources left out
// of a comparison of people, or alone; an unknown kind is a usage error.
func TestSpeakersKindFilter(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := runCLI(t, "run", "--quiet", "--out", out, filepath.Join(testdir.Root(t), "examples", "articles")); code != exitOK {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	lines := func(args ...string) []string {
		t.Helper()
		code, stdout, stderr := runCLI(t, append(append([]string{"speakers", "--format", "tsv"}, args...), out)...)
		if code != exitOK {
			t.Fatalf("speakers %v: exit %d: %s", args, code, stderr)
		}
		return strings.Split(strings.TrimSpace(stdout), "\n")[1:]
	}
	all, sources, others := lines(), lines("--kind", "source"), lines("--kind", "person,institution,country,group,named")
	if len(sources) == 0 || len(others) == 0 || len(sources)+len(others) != len(all) {
		t.Errorf("%d speakers: %d sources and %d others, want both and the sum", len(all), len(sources), len(others))
	}
	if code, _, stderr := runCLI(t, "speakers", "--kind", "people", out); code != exitUsage || !strings.Contains(stderr, `--kind "people"`) {
		t.Errorf("--kind people: exit %d, %q; want a usage error naming it", code, stderr)
	}
}

func TestSpeakersNamesTheSidesForAnUnknownOne(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	if code, _, stderr := runCLI(t, "run", "--quiet", "--out", out, filepath.Join(testdir.Root(t), "examples", "articles")); code != exitOK {
		t.Fatalf("run: exit %d: %s", code, stderr)
	}
	for _, c := range []struct {
		args []string
		note string // "" for none
	}{
		{[]string{"--side", "rusia"}, `no speaker in ` + out + ` has the side "rusia" (sides there: russia, us)`},
		{[]string{"--toward", "us,rusia"}, `no statement in ` + out + ` gives stance toward "rusia" (sides with stance there: russia, us)`},
		{[]string{"--side", "russia"}, ""},
		{[]string{"--side", "none"}, ""},
		{[]string{"--toward", "russia"}, ""},
		// a side the dataset has, outside the dates kept: no note
		{[]string{"--side", "us", "--from", "2099-01-01"}, ""},
		{[]string{"--toward", "us", "--to", "1999-01-01"}, ""},
	} {
		code, stdout, stderr := runCLI(t, append(append([]string{"speakers"}, c.args...), out)...)
		want := ""
		if c.note != "" {
			want = "stance speakers: " + c.note + "\n"
		}
		if code != exitOK || stderr != want || !strings.HasPrefix(stdout, "SPEAKER") && !strings.HasPrefix(stdout, "(no speakers") {
			t.Errorf("speakers %v: exit %d, stderr %q; want %d, %q", c.args, code, stderr, exitOK, want)
		}
	}
}
