package output

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// The speakers table is summed from the quotes rows as a commit writes them;
// it must equal the table summed from the quotes files read back, which is
// what the next run does for partitions it leaves alone. Publication times
// finer than the table's microseconds decide roles and first/last seen, so
// they are part of the test, as are rows kept from an earlier run and a
// partition the second run does not touch.
func TestSpeakersFedWhileWritingEqualReadBack(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	base := time.Date(2017, 4, 12, 9, 0, 0, 0, time.UTC)
	commit := func(run string, days []int) {
		t.Helper()
		w, err := Create(out, Meta{RunID: run, Version: "v1"})
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		w.Workers = 2
		w.RowGroupRows = 64 // many batches per partition
		for _, day := range days {
			for a := range 150 {
				id := fmt.Sprintf("%s-d%d-a%03d", run, day, a)
				// 300 ns apart, later ids earlier: several articles share
				// a microsecond, where the table can no longer order them.
				pub := base.AddDate(0, 0, day).Add(-time.Duration(a*300) * time.Nanosecond)
				var qs []Quote
				for k := range 3 {
					us := float64((a+k)%5)/4 - 0.5
					q := Quote{QuoteID: fmt.Sprintf("%s-q%d", id, k), ArticleID: id, Published: &pub, Text: "words",
						SpeakerID: fmt.Sprintf("s%d", (a+k)%7), Speaker: fmt.Sprintf("Speaker %d", (a+k)%3),
						SpeakerMention: fmt.Sprintf("Mention %d", a%4), SpeakerRole: fmt.Sprintf("role %d", a%6),
						SpeakerAffiliation: []string{"", "us", "russia"}[a%3], Tone: float64(a%11)/10 - 0.5,
						StanceSides: []string{fmt.Sprintf("us=%g", us)}, RunID: run}
					if k != 1 {
						q.StanceUS = &us
					}
					if k == 2 {
						q.SpeakerID = "" // unresolved speakers are not counted
					}
					qs = append(qs, q)
				}
				if err := w.Add(Article{ArticleID: id, Published: &pub, Text: "text", Status: StatusOK, RunID: run}, qs); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := w.Commit(context.Background(), Run{RunID: run}); err != nil {
			t.Fatal(err)
		}
	}
	commit("r1", []int{0, 1, 2})
	commit("r2", []int{1, 3}) // day 1 merged with r1's rows; days 0 and 2 untouched
	got, err := ReadTable[Speaker](out, SpeakersTable)
	if err != nil {
		t.Fatal(err)
	}
	files, err := filepath.Glob(filepath.Join(out, QuotesTable, "date=*", "*.parquet"))
	if err != nil || len(files) != 4 {
		t.Fatalf("quotes files %v, %v", files, err)
	}
	var srcs []speakerSource
	for _, f := range files { // Glob sorts: date order
		srcs = append(srcs, speakerSource{path: f})
	}
	aggs, err := sumSpeakers(srcs, 1, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	w := &Writer{stage: t.TempDir(), meta: Meta{RunID: "check"}}
	if _, err := w.writeSpeakers(aggs, ""); err != nil {
		t.Fatal(err)
	}
	want, err := ReadTable[Speaker](w.stage, SpeakersTable)
	if err != nil {
		t.Fatal(err)
	}
	// JSON shows values, not pointers or time zones.
	g, _ := json.Marshal(got)
	h, _ := json.Marshal(want)
	if len(got) != 7 || string(g) != string(h) {
		t.Errorf("speakers summed while writing:\n%s\nread back:\n%s", g, h)
	}
}

// A damaged quotes file of a partition the run does not touch is read only
// for the speakers table, while other partitions are being written: the
// commit must stop with an error naming it, not hang or succeed.
func TestDamagedUntouchedQuotesFileFailsTheCommit(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	add := func(run string, day time.Time) error {
		w, err := Create(out, Meta{RunID: run})
		if err != nil {
			return err
		}
		defer w.Close()
		w.Workers = 2
		id := run + "-a"
		err = w.Add(Article{ArticleID: id, Published: &day, Text: "text", Status: StatusOK},
			[]Quote{{QuoteID: id + "-q", ArticleID: id, Published: &day, Text: "words", SpeakerID: "s", Speaker: "S"}})
		if err != nil {
			return err
		}
		return w.Commit(context.Background(), Run{RunID: run})
	}
	d1 := time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC)
	d2 := d1.AddDate(0, 0, 1)
	if err := add("r1", d1); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(out, partFile(QuotesTable, PartitionOf(&d1)))
	if err := os.WriteFile(path, []byte("PAR1 not really"), 0o644); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- add("r2", d2) }()
	select {
	case err := <-done:
		if err == nil || !strings.Contains(err.Error(), path) {
			t.Errorf("commit with a damaged untouched quotes file: %v, want an error naming %s", err, path)
		}
	case <-time.After(20 * time.Second):
		t.Fatal("commit hung")
	}
}

// The speakers table and the run's files are written while the partitions
// are: when a quotes partition cannot be written, the commit must still
// stop with that error (not hang waiting for sums of partitions never
// written, nor succeed) and leave the dataset as it was.
func TestFailedQuotesPartitionFailsTheCommit(t *testing.T) {
	for _, workers := range []int{1, 2} {
		t.Run(fmt.Sprint(workers, " workers"), func(t *testing.T) {
			out := filepath.Join(t.TempDir(), "out")
			w, err := Create(out, Meta{RunID: "r1"})
			if err != nil {
				t.Fatal(err)
			}
			defer w.Close()
			w.Workers = workers
			d1 := time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC)
			var days []time.Time
			for i := range 3 {
				day := d1.AddDate(0, 0, i)
				days = append(days, day)
				id := fmt.Sprintf("a%d", i)
				err := w.Add(Article{ArticleID: id, Published: &day, Text: "text", Status: StatusOK},
					[]Quote{{QuoteID: id + "-q", ArticleID: id, Published: &day, Text: "words", SpeakerID: "s", Speaker: "S"}})
				if err != nil {
					t.Fatal(err)
				}
			}
			// A folder where the first quotes partition's file goes makes
			// its creation fail; the later partitions are then never
			// written, so their rows never reach the speakers' sums.
			blocked := filepath.Join(w.stage, partFile(QuotesTable, PartitionOf(&days[0])))
			if err := os.MkdirAll(blocked, 0o755); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- w.Commit(context.Background(), Run{RunID: "r1"}) }()
			select {
			case err := <-done:
				if err == nil || !strings.Contains(err.Error(), blocked) {
					t.Errorf("commit with an unwritable quotes partition: %v, want an error naming %s", err, blocked)
				}
			case <-time.After(20 * time.Second):
				t.Fatal("commit hung")
			}
			if entries, err := os.ReadDir(out); err != nil || len(entries) != 0 {
				t.Errorf("dataset after the failed commit: %v, %v; want it empty", entries, err)
			}
		})
	}
}

// The speakers table's aliases are other names a speaker went by. A pronoun
// that opens a sentence ("He said …") is capitalised but no name, and
// "Analysts" opening a sentence is the speaker "analysts" again; a name
// broken across lines, after "And" or with a possessive ending is the same
// name.
func TestAliasesAreNames(t *testing.T) {
	aggs := map[string]*speakerAgg{}
	for i, m := range []struct{ id, name, mention string }{
		{"anne-lund", "Anne Lund", "Anne Lund"},
		{"anne-lund", "Anne Lund", "Lund"},
		{"anne-lund", "Anne Lund", "She"},
		{"anne-lund", "Anne Lund", "she"},
		{"anne-lund", "Anne Lund", "Union leader Anne Lund"},
		{"anne-lund", "Anne Lund", "Anne\nLund"},                 // a hard-wrapped text
		{"anne-lund", "Anne Lund", "Union leader\r\nAnne  Lund"}, // the same alias again
		{"anne-lund", "Anne Lund", "And Union leader Anne Lund"}, // a connective opening the sentence
		{"anne-lund", "Anne Lund", "Lund's"},                     // a possessive
		{"analysts", "analysts", "Analysts"},
		{"analysts", "analysts", "They"},
		{"us", "US", "US"},
		{"us", "US", "It"},
		{"us", "US", "the United States"},
		{"us", "US", "The United States"},
	} {
		addQuote(aggs, &speakerQuote{ArticleID: fmt.Sprint("a", i), SpeakerID: m.id, Speaker: m.name, SpeakerMention: m.mention})
	}
	for _, w := range []struct {
		id      string
		aliases []string
	}{
		{"anne-lund", []string{"Lund", "Union leader Anne Lund"}},
		{"analysts", []string{}},
		{"us", []string{"The United States"}},
	} {
		if got := aggs[w.id].row(w.id).Aliases; !slices.Equal(got, w.aliases) {
			t.Errorf("%s: aliases %q, want %q", w.id, got, w.aliases)
		}
	}
}

// A commit that writes no quotes partition keeps the speakers table when it
// was summed from the quotes there are, by the same version and lexicon:
// summing again would write the same table. Anything else sums again: a
// partition removed by hand, another version, a partition written.
func TestSpeakersKeptWhenQuotesUnchanged(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	base := time.Date(2017, 4, 12, 9, 0, 0, 0, time.UTC)
	commit := func(run, version string, days []int) {
		t.Helper()
		w, err := Create(out, Meta{RunID: run, Version: version, LexiconVersion: "lx"})
		if err != nil {
			t.Fatal(err)
		}
		defer w.Close()
		w.Workers = 2
		w.RowGroupRows, w.FileRowGroups = 16, 2 // partitions of several files
		for _, day := range days {
			for a := range 40 {
				id := fmt.Sprintf("%s-d%d-a%03d", run, day, a)
				pub := base.AddDate(0, 0, day)
				us := float64(a%5)/4 - 0.5
				q := Quote{QuoteID: id + "-q", ArticleID: id, Published: &pub, Text: "words", SpeakerID: fmt.Sprintf("s%d", a%7),
					Speaker: fmt.Sprintf("Speaker %d", a%7), Tone: float64(a%11)/10 - 0.5, StanceUS: &us, RunID: run}
				if err := w.Add(Article{ArticleID: id, Published: &pub, Text: "text", Status: StatusOK, RunID: run}, []Quote{q}); err != nil {
					t.Fatal(err)
				}
			}
		}
		if err := w.Commit(context.Background(), Run{RunID: run}); err != nil {
			t.Fatal(err)
		}
	}
	// check fails unless the speakers file was written by run and holds
	// the sums over the quotes files in place.
	check := func(run string, wantQuotes int64) {
		t.Helper()
		f, pf, err := openParquet(filepath.Join(out, SpeakersTable, "speakers.parquet"))
		if err != nil {
			t.Fatal(err)
		}
		got, _ := pf.Lookup("stance.run_id")
		f.Close()
		if got != run {
			t.Errorf("speakers file written by run %q, want %q", got, run)
		}
		files, err := filepath.Glob(filepath.Join(out, QuotesTable, "date=*", "*.parquet"))
		if err != nil {
			t.Fatal(err)
		}
		var srcs []speakerSource
		for _, f := range files {
			srcs = append(srcs, speakerSource{path: f})
		}
		aggs, err := sumSpeakers(srcs, 1, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		var want []Speaker
		n := int64(0)
		for id, a := range aggs {
			want = append(want, a.row(id))
			n += a.quotes
		}
		slices.SortFunc(want, func(a, b Speaker) int { return strings.Compare(a.SpeakerID, b.SpeakerID) })
		table, err := ReadTable[Speaker](out, SpeakersTable)
		if err != nil {
			t.Fatal(err)
		}
		g, _ := json.Marshal(table)
		h, _ := json.Marshal(want)
		if string(g) != string(h) || n != wantQuotes {
			t.Errorf("after run %s (%d quotes, want %d): speakers table\n%s\nsummed from the quotes files:\n%s", run, n, wantQuotes, g, h)
		}
	}
	commit("r1", "v1", []int{0, 1, 2})
	check("r1", 120)
	commit("r2", "v1", nil)
	check("r1", 120) // kept
	if err := os.RemoveAll(filepath.Join(out, QuotesTable, "date=2017-04-13")); err != nil {
		t.Fatal(err)
	}
	commit("r3", "v1", nil)
	check("r3", 80) // a partition gone: summed again
	commit("r4", "v1", nil)
	check("r3", 80)
	commit("r5", "v2", nil)
	check("r5", 80) // another version
	commit("r6", "v2", []int{1, 3})
	check("r6", 160)
	commit("r7", "v2", nil)
	check("r6", 160) // the partitions r6 wrote are recognised
}

// A quote written before stance_sides existed carries stance_us and
// stance_russia only; its values count toward those sides in the per-side
// means (which the stance speakers command prints), once, as a quote
// written since counts them through stance_sides.
func TestSpeakerSidesFromQuotesWithoutStanceSides(t *testing.T) {
	us, ru, us2 := 0.5, -0.25, -0.1
	aggs := map[string]*speakerAgg{}
	addQuote(aggs, &speakerQuote{ArticleID: "a1", SpeakerID: "x", Speaker: "X", StanceUS: &us, StanceRussia: &ru})
	addQuote(aggs, &speakerQuote{ArticleID: "a2", SpeakerID: "x", Speaker: "X", StanceUS: &us2,
		StanceSides: FormatStanceSides(map[string]float64{"us": us2, "nato": 0.3})})
	row := aggs["x"].row("x")
	if want := []string{"nato=0.3", "russia=-0.25", "us=0.2"}; !slices.Equal(row.MeanStanceSides, want) {
		t.Errorf("mean_stance_sides %v, want %v", row.MeanStanceSides, want)
	}
	if want := []string{"nato=1", "russia=1", "us=2"}; !slices.Equal(row.NStanceSides, want) {
		t.Errorf("n_stance_sides %v, want %v", row.NStanceSides, want)
	}
	if row.NStanceUS != 2 || *row.MeanStanceUS != 0.2 {
		t.Errorf("stance_us: n %d, mean %v; want 2, 0.2", row.NStanceUS, *row.MeanStanceUS)
	}
}
