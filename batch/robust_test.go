package batch_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stance-news/stance/batch"
	"github.com/stance-news/stance/batch/batchtest"
	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/output"
)

func loadLexicon(t *testing.T) *lexicon.Lexicon {
	t.Helper()
	lx, err := lexicon.Load("")
	if err != nil {
		t.Fatal(err)
	}
	return lx
}

func run(t *testing.T, out string, mod func(*batch.Config), inputs ...string) batch.Summary {
	t.Helper()
	cfg := batch.Config{Inputs: inputs, Out: out, Workers: 2, Lexicon: loadLexicon(t), Version: "test"}
	if mod != nil {
		mod(&cfg)
	}
	sum, err := batch.Run(context.Background(), cfg)
	if err != nil {
		t.Fatalf("run %v: %v", inputs, err)
	}
	return sum
}

func readTables(t *testing.T, out string) batchtest.Tables {
	t.Helper()
	tb, err := batchtest.ReadTables(out)
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

func sameTables(t *testing.T, what string, got, want batchtest.Tables) {
	t.Helper()
	if d := batchtest.Diff(got, want); d != "" {
		t.Errorf("%s: %s", what, d)
	}
}

func TestRerunLeavesTablesIdentical(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in", "feed.jsonl")
	if err := batchtest.WriteJSONL(in, batchtest.Generate(1, 120, 6)); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	first := run(t, out, nil, in)
	if first.OK != 120 || first.Quotes == 0 {
		t.Fatalf("first run: %+v", first)
	}
	before := readTables(t, out)
	second := run(t, out, nil, in)
	if second.Unchanged != 120 || second.OK != 0 {
		t.Errorf("second run should skip every article: %+v", second)
	}
	sameTables(t, "rerun", readTables(t, out), before)
	third := run(t, out, func(c *batch.Config) { c.Full = true }, in)
	if third.OK != 120 {
		t.Errorf("--full should reprocess every article: %+v", third)
	}
	sameTables(t, "rerun with --full", readTables(t, out), before)

	runs, err := output.ReadTable[output.Run](out, output.RunsTable)
	if err != nil {
		t.Fatal(err)
	}
	if len(runs) != 3 {
		t.Fatalf("runs table has %d rows, want 3", len(runs))
	}
	ids := []string{runs[0].RunID, runs[1].RunID, runs[2].RunID}
	want := []string{first.RunID, second.RunID, third.RunID}
	slices.Sort(want)
	if !slices.Equal(ids, want) {
		t.Errorf("runs table ids %v, want %v", ids, want)
	}
	success, err := os.ReadFile(filepath.Join(out, "_SUCCESS"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(success), "run_id="+third.RunID+"\n") || !strings.Contains(string(success), "articles_ok=120\n") {
		t.Errorf("_SUCCESS does not name the last run and its counts:\n%s", success)
	}
}

// An incremental run over changed input must give the dataset a run from
// scratch on that input gives.
func TestChangedArticlesReplaceTheirRows(t *testing.T) {
	dir := t.TempDir()
	arts := batchtest.Generate(2, 80, 5)
	v1 := filepath.Join(dir, "v1", "feed.jsonl")
	if err := batchtest.WriteJSONL(v1, arts); err != nil {
		t.Fatal(err)
	}
	changed := slices.Clone(arts)
	changed[3].Text += "\n\n“One more thing,” Maria Ortega said."          // new quote, same date
	changed[10].Published = changed[10].Published.Add(40 * 24 * time.Hour) // moves partition
	changed[11].Published = time.Time{}                                    // becomes undated
	changed[12].Text = "“Only this remains,” Henrik Lund said."            // fewer quotes
	changed[13].Text = ""                                                  // becomes quarantined
	changed = append(changed, batchtest.Generate(3, 1, 1)[0])              // a new article…
	changed[len(changed)-1].ID = "new-article"                             // …with its own id
	v2 := filepath.Join(dir, "v2", "feed.jsonl")
	if err := batchtest.WriteJSONL(v2, changed); err != nil {
		t.Fatal(err)
	}

	inc := filepath.Join(dir, "incremental")
	run(t, inc, nil, v1)
	sum := run(t, inc, nil, v2)
	if sum.OK != 5 || sum.Quarantined != 1 || sum.Unchanged != 75 {
		t.Errorf("incremental run: %+v, want 5 analysed, 1 quarantined, 75 unchanged", sum)
	}
	scratch := filepath.Join(dir, "scratch")
	run(t, scratch, nil, v2)
	got, want := readTables(t, inc), readTables(t, scratch)
	// Source paths name the file each version came from; the rows of
	// unchanged articles keep the path they were read from.
	for i := range got.Articles {
		got.Articles[i].Source = strings.Replace(got.Articles[i].Source, "v1", "v2", 1)
	}
	sameTables(t, "incremental vs from scratch", got, want)

	// The moved article is in its new partition only.
	for _, a := range got.Articles {
		if a.ArticleID == changed[10].ID && !a.Published.Equal(changed[10].Published) {
			t.Errorf("moved article kept its old date %v", a.Published)
		}
	}
	if _, err := os.Stat(filepath.Join(inc, "articles", output.DefaultPartition)); err != nil {
		t.Errorf("undated article's partition missing: %v", err)
	}
}

func TestSameRowsWithOneOrTwoWorkers(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := batchtest.WriteJSONL(filepath.Join(in, "a.jsonl"), batchtest.Generate(4, 150, 8)); err != nil {
		t.Fatal(err)
	}
	for i, a := range batchtest.Generate(5, 30, 4) {
		if err := os.WriteFile(filepath.Join(in, fmt.Sprintf("t%02d.txt", i)), a.TextFile(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	one, two := filepath.Join(dir, "one"), filepath.Join(dir, "two")
	s1 := run(t, one, func(c *batch.Config) { c.Workers = 1 }, in)
	s2 := run(t, two, func(c *batch.Config) { c.Workers = 2 }, in)
	if s1.OK != 180 || s1.Quotes != s2.Quotes {
		t.Errorf("summaries: %+v vs %+v", s1, s2)
	}
	sameTables(t, "1 vs 2 workers", readTables(t, two), readTables(t, one))
}

func TestHostileInputsAreQuarantinedAndTheBatchGoesOn(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	cases, err := batchtest.WriteHostile(in)
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	start := time.Now()
	sum := run(t, out, func(c *batch.Config) { c.MaxArticleBytes = batchtest.HostileMaxArticleBytes }, in)
	t.Logf("hostile run: %+v in %v", sum, time.Since(start))
	arts, err := output.ReadTable[output.Article](out, output.ArticlesTable)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]output.Article{}
	var quarantined int64
	for _, a := range arts {
		byID[a.ArticleID] = a
		for _, v := range []string{a.ArticleID, a.Source, a.Title, a.Error, a.Text} {
			if !utf8.ValidString(v) {
				t.Errorf("article %q: invalid UTF-8 in %q", a.ArticleID, v)
			}
		}
		if a.Status == output.StatusQuarantined {
			quarantined++
			if a.Error == "" {
				t.Errorf("quarantined article %q has no error", a.ArticleID)
			}
		}
	}
	if quarantined != sum.Quarantined || int64(len(sum.Problems)) != sum.Quarantined {
		t.Errorf("summary counts %d quarantined (%d problems), articles table has %d", sum.Quarantined, len(sum.Problems), quarantined)
	}
	// The summary lists them in file order, lines by number.
	feed := filepath.Join(in, "feed.jsonl")
	if i, j := slices.IndexFunc(sum.Problems, func(p string) bool { return strings.HasPrefix(p, feed+":2:") }),
		slices.IndexFunc(sum.Problems, func(p string) bool { return strings.HasPrefix(p, feed+":10:") }); i < 0 || j < i {
		t.Errorf("summary problems out of line order (feed.jsonl:2 at %d, :10 at %d):\n%s", i, j, strings.Join(sum.Problems, "\n"))
	}
	if sum.Read != int64(len(arts)) {
		t.Errorf("%d inputs read but %d articles rows", sum.Read, len(arts))
	}
	for _, c := range cases {
		var rows []output.Article
		if prefix, ok := strings.CutSuffix(c.ArticleID, "*"); ok {
			for _, a := range arts {
				if strings.HasPrefix(a.ArticleID, prefix) && a.Status == c.Status {
					rows = append(rows, a)
				}
			}
		} else if a, ok := byID[c.ArticleID]; ok {
			rows = append(rows, a)
		}
		if len(rows) == 0 {
			t.Errorf("%s: no articles row %q", c.Name, c.ArticleID)
			continue
		}
		for _, a := range rows {
			if a.Status != c.Status || !strings.HasPrefix(a.Error, c.ErrPrefix) || !strings.Contains(a.Error, c.ErrContains) {
				t.Errorf("%s: row %q has status %q, error %q; want %q, error starting %q containing %q",
					c.Name, a.ArticleID, a.Status, a.Error, c.Status, c.ErrPrefix, c.ErrContains)
			} else {
				t.Logf("%-48s → %s %s", c.Name, a.Status, a.Error)
			}
		}
	}
	// Quotes found in hostile text still point at their words: offsets in
	// code points into articles.text, valid UTF-8 everywhere.
	quotes, err := output.ReadTable[output.Quote](out, output.QuotesTable)
	if err != nil {
		t.Fatal(err)
	}
	runes := map[string][]rune{}
	for _, q := range quotes {
		a, ok := byID[q.ArticleID]
		if !ok || a.Status != output.StatusOK {
			t.Errorf("quote %s of article %q that has no ok row", q.QuoteID, q.ArticleID)
			continue
		}
		r, ok := runes[a.ArticleID]
		if !ok {
			r = []rune(a.Text)
			runes[a.ArticleID] = r
		}
		if q.CharStart < 0 || q.CharEnd < q.CharStart || int(q.CharEnd) > len(r) || string(r[q.CharStart:q.CharEnd]) != q.Text {
			t.Errorf("quote %s of %q: [%d,%d) does not locate its text %.60q", q.QuoteID, q.ArticleID, q.CharStart, q.CharEnd, q.Text)
		}
		for _, v := range []string{q.Text, q.Speaker, q.SpeakerMention, q.Cue} {
			if !utf8.ValidString(v) {
				t.Errorf("quote %s: invalid UTF-8 in %q", q.QuoteID, v)
			}
		}
	}
	t.Logf("%d quotes in the hostile articles, all located", len(quotes))

	runs, err := output.ReadTable[output.Run](out, output.RunsTable)
	if err != nil || len(runs) != 1 {
		t.Fatalf("runs table: %v, %d rows", err, len(runs))
	}
	if runs[0].ArticlesQuarantined != sum.Quarantined || runs[0].ArticlesOK != sum.OK {
		t.Errorf("runs row %+v disagrees with summary %+v", runs[0], sum)
	}
}

// Ids are data, never paths: hostile ids must not create anything outside
// the output folder, and the dataset must hold only the table layout.
func TestIDsCannotEscapeTheOutputFolder(t *testing.T) {
	dir := t.TempDir()
	ids := []string{"../../etc/x", "/etc/passwd", "a/../../../b", "..", "date=2017-01-01/../../x", "quotes/../_SUCCESS", "\x00nul", "C:\\Windows\\x"}
	var lines []byte
	for i, id := range ids {
		a := batchtest.Generate(uint64(i), 1, 2)[0]
		a.ID = id
		lines = append(lines, a.JSONLine()...)
	}
	in := filepath.Join(dir, "in", "ids.jsonl")
	if err := os.MkdirAll(filepath.Dir(in), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(in, lines, 0o644); err != nil {
		t.Fatal(err)
	}
	work := filepath.Join(dir, "work", "deeper")
	out := filepath.Join(work, "out")
	sum := run(t, out, nil, in)
	if sum.OK != int64(len(ids)) {
		t.Errorf("summary %+v, want %d analysed", sum, len(ids))
	}
	arts, err := output.ReadTable[output.Article](out, output.ArticlesTable)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, a := range arts {
		got = append(got, a.ArticleID)
	}
	slices.Sort(got)
	want := slices.Clone(ids)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("article ids %q, want %q", got, want)
	}
	// Everything on disk: the input, and the dataset's fixed layout.
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		if rel == filepath.Join("in", "ids.jsonl") {
			return nil
		}
		r, _ := filepath.Rel(out, p)
		if strings.HasPrefix(r, "..") || !layoutFile(r) {
			t.Errorf("unexpected file %s", rel)
		}
		return nil
	})
}

// layoutFile reports whether a path relative to the dataset root is one the
// writer makes.
func layoutFile(rel string) bool {
	parts := strings.Split(filepath.ToSlash(rel), "/")
	switch {
	case len(parts) == 1:
		return rel == "_SUCCESS" || rel == ".stance.lock"
	case len(parts) == 2:
		return parts[0] == "speakers" && parts[1] == "speakers.parquet" ||
			parts[0] == "runs" && strings.HasPrefix(parts[1], "run-") && strings.HasSuffix(parts[1], ".parquet")
	case len(parts) == 3:
		return (parts[0] == "quotes" || parts[0] == "articles") && output.ValidPartition(parts[1]) && partFileName(parts[2])
	}
	return false
}

// partFileName reports whether name is one of a partition's files:
// part-0.parquet, then part-000001.parquet … when it has many row groups.
func partFileName(name string) bool {
	n, ok := strings.CutPrefix(name, "part-")
	n, ok2 := strings.CutSuffix(n, ".parquet")
	return ok && ok2 && (n == "0" || len(n) == 6 && strings.Trim(n, "0123456789") == "" && n != "000000")
}

func TestCancelledRunLeavesDatasetUnchanged(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "feed.jsonl")
	if err := batchtest.WriteJSONL(in, batchtest.Generate(6, 200, 4)); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	ctx, cancel := context.WithCancel(context.Background())
	n := 0
	_, err := batch.Run(ctx, batch.Config{Inputs: []string{in}, Out: out, Workers: 2, Lexicon: loadLexicon(t), Version: "test",
		Progress: func(s batch.Summary) {
			if n++; n == 20 {
				cancel()
			}
		}})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("cancelled run returned %v", err)
	}
	entries, _ := os.ReadDir(out)
	for _, e := range entries {
		if e.Name() != ".stance.lock" {
			t.Errorf("cancelled first run left %s in the output folder", e.Name())
		}
	}
	stage, _ := output.StagingDir(out)
	if _, err := os.Stat(stage); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("staging folder left behind: %v", err)
	}
}

// A feed file that is still being written when a run reads it ends in a
// partial line, which is quarantined under a location-based id. Once the
// line is complete, the next run must record the article and leave no stale
// quarantined row behind.
func TestGrowingFeedLeavesNoStaleQuarantinedRows(t *testing.T) {
	dir := t.TempDir()
	arts := batchtest.Generate(9, 30, 3)
	var full []byte
	for _, a := range arts {
		full = append(full, a.JSONLine()...)
	}
	in := filepath.Join(dir, "in", "feed.jsonl")
	if err := os.MkdirAll(filepath.Dir(in), 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	// Cut in the middle of the last record, then again further, then whole.
	last := len(full) - len(arts[len(arts)-1].JSONLine())
	for i, n := range []int{last + 40, len(full) - 3, len(full)} {
		if err := os.WriteFile(in, full[:n], 0o644); err != nil {
			t.Fatal(err)
		}
		sum := run(t, out, nil, in)
		wantQ := int64(1)
		if n == len(full) {
			wantQ = 0
		}
		if sum.Quarantined != wantQ {
			t.Errorf("step %d: %d quarantined, want %d (%v)", i, sum.Quarantined, wantQ, sum.Problems)
		}
	}
	scratch := filepath.Join(dir, "scratch")
	run(t, scratch, nil, in)
	sameTables(t, "grown feed vs from scratch", readTables(t, out), readTables(t, scratch))
	arts2, err := output.ReadTable[output.Article](out, output.ArticlesTable)
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range arts2 {
		if a.Status != output.StatusOK {
			t.Errorf("stale row %q: %s", a.ArticleID, a.Error)
		}
	}
	if len(arts2) != len(arts) {
		t.Errorf("%d articles rows, want %d", len(arts2), len(arts))
	}
}

// Every table of a committed dataset is a folder with a file, even with no
// rows: readers (DuckDB, Polars, stance speakers) open an empty table, but
// fail on an empty glob ("no files found"). A first nightly run over a
// folder still empty, or over articles without a statement, must leave
// tables the morning's queries can read; rows that come later replace the
// empty file or sit beside it, and the dataset is then as if built at once.
func TestEmptyTablesAreFiles(t *testing.T) {
	dir := t.TempDir()
	files := func(out, table string) int {
		t.Helper()
		paths, err := filepath.Glob(filepath.Join(out, table, "*", "*.parquet"))
		if err != nil {
			t.Fatal(err)
		}
		flat, _ := filepath.Glob(filepath.Join(out, table, "*.parquet"))
		return len(paths) + len(flat)
	}
	write := func(name, content string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	empty := write("empty.jsonl", "")
	silent := write("silent.jsonl", `{"id": "a", "text": "Nobody is quoted here."}`+"\n")
	for _, c := range []struct {
		name             string
		input            string
		articles, quotes int
	}{
		{"no article", empty, 0, 0},
		{"no statement", silent, 1, 0},
	} {
		out := filepath.Join(dir, "out-"+strings.ReplaceAll(c.name, " ", "-"))
		run(t, out, nil, c.input)
		for _, table := range []string{output.QuotesTable, output.ArticlesTable, output.SpeakersTable} {
			if n := files(out, table); n != 1 {
				t.Errorf("%s: %s table has %d files, want 1", c.name, table, n)
			}
		}
		tb := readTables(t, out)
		if len(tb.Articles) != c.articles || len(tb.Quotes) != c.quotes || len(tb.Speakers) != 0 {
			t.Errorf("%s: %d articles, %d quotes, %d speakers", c.name, len(tb.Articles), len(tb.Quotes), len(tb.Speakers))
		}
		// Dated articles arrive the next night.
		arts := batchtest.Generate(7, 40, 4)
		feed := filepath.Join(dir, "feed.jsonl")
		if err := batchtest.WriteJSONL(feed, arts); err != nil {
			t.Fatal(err)
		}
		run(t, out, nil, c.input, feed)
		ref := filepath.Join(dir, "ref-"+strings.ReplaceAll(c.name, " ", "-"))
		run(t, ref, nil, c.input, feed)
		sameTables(t, c.name+", then dated articles", readTables(t, out), readTables(t, ref))
	}
}

// Readers that open the tables while runs commit never find a partial file,
// nor anything but Parquet files inside the table folders.
func TestReadersNeverSeePartialFiles(t *testing.T) {
	dir := t.TempDir()
	arts := batchtest.Generate(13, 150, 5)
	v1 := filepath.Join(dir, "v1", "feed.jsonl")
	if err := batchtest.WriteJSONL(v1, arts); err != nil {
		t.Fatal(err)
	}
	for i := range arts {
		arts[i].Text += "\n\n“Changed,” Julia Brandt said."
		if i%3 == 0 {
			arts[i].Published = arts[i].Published.AddDate(0, 0, 2)
		}
	}
	v2 := filepath.Join(dir, "v2", "feed.jsonl")
	if err := batchtest.WriteJSONL(v2, arts); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	run(t, out, nil, v1)

	stop := make(chan struct{})
	done := make(chan struct{})
	var reads, vanished int
	var problems []string
	go func() {
		defer close(done)
		for {
			select {
			case <-stop:
				return
			default:
			}
			for _, table := range []string{output.QuotesTable, output.ArticlesTable, output.SpeakersTable, output.RunsTable} {
				filepath.WalkDir(filepath.Join(out, table), func(p string, d fs.DirEntry, err error) error {
					if err != nil || d.IsDir() {
						return nil // a partition folder removed under the walk
					}
					if filepath.Ext(p) != ".parquet" {
						problems = append(problems, "stray file "+p)
						return nil
					}
					err = output.CheckFile(p)
					switch {
					case errors.Is(err, fs.ErrNotExist):
						vanished++
					case err != nil:
						problems = append(problems, err.Error())
					default:
						reads++
					}
					return nil
				})
			}
		}
	}()
	for i := range 6 {
		in, full := v2, false
		if i%2 == 1 {
			in, full = v1, i == 3
		}
		run(t, out, func(c *batch.Config) { c.Full = full }, in)
	}
	close(stop)
	<-done
	t.Logf("%d files read whole during 6 commits (%d vanished between listing and opening)", reads, vanished)
	for _, p := range problems[:min(len(problems), 10)] {
		t.Error(p)
	}
	if reads == 0 {
		t.Error("the reader read nothing")
	}
}

// "run started" is a run's first log record, before what the run finds in
// its inputs and output folder: a scheduler's log (Airflow, a cron file) is
// read run by run from that line.
func TestRunStartedIsTheFirstRecord(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	for name, content := range map[string]string{
		"story.txt": "Quay to close\n\n\"We will fight this,\" said Anne Lund.\n",
		"notes.md":  "# not an article\n",
	} {
		if err := os.WriteFile(filepath.Join(in, name), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var logs bytes.Buffer
	run(t, filepath.Join(dir, "out"), func(c *batch.Config) {
		c.Logger = slog.New(slog.NewJSONHandler(&logs, nil))
	}, in)
	var msgs []string
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var rec struct{ Msg string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
		msgs = append(msgs, rec.Msg)
	}
	if len(msgs) < 3 || msgs[0] != "run started" || !slices.Contains(msgs, "files of other formats not read") {
		t.Errorf("log records %q: want run started first, and the file of another format noted", msgs)
	}
}

// Ids are keys across runs: an article read with an id the dataset holds
// replaces it. When the new version comes from another file than the old
// one (two feeds numbering their articles 1, 2, …), that may be data lost,
// not an update, so the run says so; an article updated in its own file
// is not worth a word.
func TestReplacingAnArticleFromAnotherFileIsLogged(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	feed := func(name, text string) string {
		t.Helper()
		p := filepath.Join(dir, name)
		line := fmt.Sprintf(`{"id": "1", "published": "2017-04-12", "text": %q}`+"\n", text)
		if err := os.WriteFile(p, []byte(line), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	replaced := func(inputs ...string) []map[string]any {
		t.Helper()
		var logs bytes.Buffer
		run(t, out, func(c *batch.Config) { c.Logger = slog.New(slog.NewJSONHandler(&logs, nil)) }, inputs...)
		var found []map[string]any
		for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
			var rec map[string]any
			if err := json.Unmarshal([]byte(line), &rec); err != nil {
				t.Fatalf("%q: %v", line, err)
			}
			if rec["msg"] == "article replaced by one with the same id from another file" {
				found = append(found, rec)
			}
		}
		return found
	}
	day1 := feed("day1.jsonl", `"The quay stays open," said Anne Lund.`)
	if got := replaced(day1); len(got) != 0 {
		t.Errorf("first run: %v", got)
	}
	day2 := feed("day2.jsonl", `"The ferry will run again," said Per Holm.`)
	got := replaced(day2)
	if len(got) != 1 || got[0]["article_id"] != "1" || got[0]["previous_source"] != day1+":1" || got[0]["level"] != "WARN" {
		t.Errorf("day2.jsonl replacing day1.jsonl's article 1: logged %v", got)
	}
	feed("day2.jsonl", `"The ferry will run again on Monday," said Per Holm.`)
	if got := replaced(day2); len(got) != 0 {
		t.Errorf("an update read from the article's own file: logged %v", got)
	}
}

// A run that reads no article succeeds, but says so at WARN, which --quiet
// keeps: an unmounted input volume must not pass as a quiet night.
func TestNoArticleIsAWarning(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "landing")
	if err := os.MkdirAll(in, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "notes.md"), []byte("not an article\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	warned := func(inputs ...string) bool {
		t.Helper()
		var logs bytes.Buffer
		run(t, filepath.Join(dir, "out"), func(c *batch.Config) {
			c.Logger = slog.New(slog.NewJSONHandler(&logs, &slog.HandlerOptions{Level: slog.LevelWarn}))
		}, inputs...)
		return strings.Contains(logs.String(), `"level":"WARN","msg":"no article in the inputs"`)
	}
	if !warned(in) {
		t.Error("a run over a folder without articles logged no warning")
	}
	feed := filepath.Join(dir, "feed.jsonl")
	if err := os.WriteFile(feed, []byte(`{"id": "a", "text": "Nobody is quoted here."}`+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if warned(in, feed) {
		t.Error("a run that read an article warned of none")
	}
}
