package interop

import (
	"bufio"
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	_ "github.com/duckdb/duckdb-go/v2"

	"github.com/stance-news/stance/batch"
	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/output"
)

const testVersion = "interop-test"

// repoRoot is the main module, one folder up from this module.
func repoRoot(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs("..")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(root, "go.mod")); err != nil {
		t.Fatalf("main module not found: %v", err)
	}
	return root
}

func sharedPath(t *testing.T, rel string) string {
	t.Helper()
	p := filepath.Join(repoRoot(t), "..", "shared", rel)
	if _, err := os.Stat(p); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("shared data missing in CI: %v", err)
		}
		t.Skipf("shared data not available: %v", err)
	}
	return p
}

// dataset is one output folder written by two runs over the same inputs:
// the first analyses everything, the second finds it all unchanged.
type dataset struct {
	out          string
	first, again batch.Summary
	lexicon      string
	db           *sql.DB
}

func buildDataset(t *testing.T) *dataset {
	t.Helper()
	inputs := []string{
		sharedPath(t, "corpus/seed"),
		filepath.Join(repoRoot(t), "examples", "articles"),
		sharedPath(t, "data/polnear_dev.jsonl.gz"),
	}
	lx, err := lexicon.Load("")
	if err != nil {
		t.Fatal(err)
	}
	d := &dataset{out: filepath.Join(t.TempDir(), "stance-out"), lexicon: lx.Version}
	cfg := batch.Config{Inputs: inputs, Out: d.out, Workers: 2, Lexicon: lx, Version: testVersion}
	if d.first, err = batch.Run(context.Background(), cfg); err != nil {
		t.Fatalf("first run: %v", err)
	}
	if d.first.Quarantined != 0 || d.first.OK == 0 || d.first.Quotes == 0 {
		t.Fatalf("first run summary %+v: want articles and quotes, nothing quarantined", d.first)
	}
	if d.again, err = batch.Run(context.Background(), cfg); err != nil {
		t.Fatalf("second run: %v", err)
	}
	if d.db, err = sql.Open("duckdb", ""); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { d.db.Close() })
	return d
}

// scan reads the table the way the README tells analysts to.
func (d *dataset) scan(table string) string {
	return scanTable(d.out, table)
}

func scanTable(out, table string) string {
	dateType := ""
	if table == output.QuotesTable || table == output.ArticlesTable {
		dateType = ", hive_types={'date': 'DATE'}"
	}
	return fmt.Sprintf("read_parquet('%s/%s/**/*.parquet', hive_partitioning=true%s)", filepath.ToSlash(out), table, dateType)
}

func (d *dataset) queryInt(t *testing.T, query string, args ...any) int64 {
	t.Helper()
	var n sql.NullInt64
	if err := d.db.QueryRow(query, args...).Scan(&n); err != nil {
		t.Fatalf("%s: %v", query, err)
	}
	return n.Int64
}

// duckType is the DuckDB type a Go field of the output tables must come out
// as: the types analysts compute with, not strings or raw integers.
func duckType(f reflect.StructField) (string, error) {
	typ := f.Type
	if typ.Kind() == reflect.Pointer {
		typ = typ.Elem()
	}
	switch {
	case typ == reflect.TypeOf(time.Time{}):
		return "TIMESTAMP WITH TIME ZONE", nil
	case typ.Kind() == reflect.String:
		return "VARCHAR", nil
	case typ.Kind() == reflect.Int32:
		return "INTEGER", nil
	case typ.Kind() == reflect.Int64:
		return "BIGINT", nil
	case typ.Kind() == reflect.Float64:
		return "DOUBLE", nil
	case typ.Kind() == reflect.Bool:
		return "BOOLEAN", nil
	case typ.Kind() == reflect.Slice && typ.Elem().Kind() != reflect.Uint8:
		elem, err := duckType(reflect.StructField{Name: f.Name, Type: typ.Elem()})
		if err != nil {
			return "", err
		}
		return elem + "[]", nil
	}
	return "", fmt.Errorf("field %s: no expected DuckDB type for %s", f.Name, f.Type)
}

type column struct {
	name, duckType string
	nullable       bool
}

// columnsOf lists a row type's Parquet columns with their expected types.
func columnsOf(t *testing.T, row any) []column {
	t.Helper()
	rt := reflect.TypeOf(row)
	var cols []column
	for i := 0; i < rt.NumField(); i++ {
		f := rt.Field(i)
		tag := f.Tag.Get("parquet")
		name, _, _ := strings.Cut(tag, ",")
		if name == "" || name == "-" {
			continue
		}
		dt, err := duckType(f)
		if err != nil {
			t.Fatal(err)
		}
		cols = append(cols, column{name: name, duckType: dt, nullable: f.Type.Kind() == reflect.Pointer})
	}
	return cols
}

var tables = []struct {
	name        string
	row         any
	partitioned bool // Hive-partitioned by publication date
}{
	{output.QuotesTable, output.Quote{}, true},
	{output.ArticlesTable, output.Article{}, true},
	{output.SpeakersTable, output.Speaker{}, false},
	{output.RunsTable, output.Run{}, false},
}

func TestDuckDB(t *testing.T) {
	d := buildDataset(t)

	t.Run("ColumnTypes", func(t *testing.T) {
		for _, tb := range tables {
			want := map[string]string{}
			for _, c := range columnsOf(t, tb.row) {
				want[c.name] = c.duckType
			}
			if tb.partitioned {
				want["date"] = "DATE"
			}
			rows, err := d.db.Query("DESCRIBE SELECT * FROM " + d.scan(tb.name))
			if err != nil {
				t.Fatalf("%s: %v", tb.name, err)
			}
			got := map[string]string{}
			for rows.Next() {
				var name, typ string
				var null, key, def, extra sql.NullString
				if err := rows.Scan(&name, &typ, &null, &key, &def, &extra); err != nil {
					t.Fatal(err)
				}
				got[name] = typ
			}
			rows.Close()
			for name, w := range want {
				if g, ok := got[name]; !ok {
					t.Errorf("%s.%s: column missing", tb.name, name)
				} else if g != w {
					t.Errorf("%s.%s: DuckDB reads %s, want %s", tb.name, name, g, w)
				}
			}
			for name, g := range got {
				if _, ok := want[name]; !ok {
					t.Errorf("%s.%s (%s): column not in the output row type", tb.name, name, g)
				}
			}
		}
	})

	// Beyond what DuckDB shows: the Parquet schema itself uses the standard
	// encodings that every reader agrees on (three-level LISTs, UTC
	// microsecond timestamps, UTF8 strings, REQUIRED unless nullable), which
	// is what keeps Polars and pyarrow from reading lists as structs or
	// timestamps as integers.
	t.Run("ParquetSchema", func(t *testing.T) {
		for _, tb := range tables {
			t.Run(tb.name, func(t *testing.T) { checkParquetSchema(t, d, tb.name, columnsOf(t, tb.row)) })
		}
	})

	t.Run("NullOnlyWhereMeant", func(t *testing.T) {
		for _, tb := range tables {
			for _, c := range columnsOf(t, tb.row) {
				if c.nullable {
					continue
				}
				n := d.queryInt(t, fmt.Sprintf("SELECT count(*) FROM %s WHERE %q IS NULL", d.scan(tb.name), c.name))
				if n != 0 {
					t.Errorf("%s.%s: %d NULLs in a column that is never meant to be NULL", tb.name, c.name, n)
				}
			}
		}
		// A stance value without evidence would be a number made up.
		n := d.queryInt(t, "SELECT count(*) FROM "+d.scan(output.QuotesTable)+
			" WHERE len(stance_evidence) = 0 AND (stance_us IS NOT NULL OR stance_russia IS NOT NULL)")
		if n != 0 {
			t.Errorf("%d quotes carry a stance value with no stance evidence", n)
		}
		nq := d.queryInt(t, "SELECT count(*) FROM "+d.scan(output.QuotesTable)+" WHERE len(stance_evidence) = 0")
		nnull := d.queryInt(t, "SELECT count(*) FROM "+d.scan(output.QuotesTable)+" WHERE stance_us IS NULL AND stance_russia IS NULL")
		t.Logf("quotes without stance evidence: %d; with both stance columns NULL: %d", nq, nnull)
		// Dated articles carry their timestamp; only undated ones are NULL.
		n = d.queryInt(t, "SELECT count(*) FROM "+d.scan(output.ArticlesTable)+" WHERE published IS NULL AND article_id <> 'wire-analysis-verification'")
		if n != 0 {
			t.Errorf("%d dated articles read with a NULL published", n)
		}
	})

	t.Run("RowCountsMatchRunSummary", func(t *testing.T) {
		s := d.first
		if got := d.queryInt(t, "SELECT count(*) FROM "+d.scan(output.QuotesTable)); got != s.Quotes {
			t.Errorf("quotes: %d rows, the run wrote %d", got, s.Quotes)
		}
		if got := d.queryInt(t, "SELECT count(*) FROM "+d.scan(output.ArticlesTable)); got != s.Read {
			t.Errorf("articles: %d rows, the run read %d", got, s.Read)
		}
		if got := d.queryInt(t, "SELECT count(*) FROM "+d.scan(output.ArticlesTable)+" WHERE status = 'ok'"); got != s.OK {
			t.Errorf("articles with status ok: %d, the run analysed %d", got, s.OK)
		}
		if got := d.queryInt(t, "SELECT sum(n_quotes) FROM "+d.scan(output.ArticlesTable)); got != s.Quotes {
			t.Errorf("sum(articles.n_quotes) = %d, the run wrote %d quotes", got, s.Quotes)
		}
		if d.again.Unchanged != s.Read || d.again.OK != 0 {
			t.Errorf("second run over the same inputs: %+v, want all %d unchanged", d.again, s.Read)
		}
		rows, err := d.db.Query("SELECT run_id, version, lexicon_version, articles_ok, articles_unchanged, articles_quarantined, quotes, status, len(inputs), finished_at >= started_at FROM " +
			d.scan(output.RunsTable) + " ORDER BY started_at")
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var got []batch.Summary
		for rows.Next() {
			var s batch.Summary
			var version, lexv, status string
			var ninputs int
			var ordered bool
			if err := rows.Scan(&s.RunID, &version, &lexv, &s.OK, &s.Unchanged, &s.Quarantined, &s.Quotes, &status, &ninputs, &ordered); err != nil {
				t.Fatal(err)
			}
			if version != testVersion || lexv != d.lexicon || status != "ok" || ninputs != 3 || !ordered {
				t.Errorf("runs row %s: version %q lexicon %q status %q inputs %d, finished after start %v", s.RunID, version, lexv, status, ninputs, ordered)
			}
			got = append(got, s)
		}
		want := []batch.Summary{d.first, d.again}
		if len(got) != 2 {
			t.Fatalf("runs table: %d rows, want 2", len(got))
		}
		for i := range want {
			w, g := want[i], got[i]
			if g.RunID != w.RunID || g.OK != w.OK || g.Unchanged != w.Unchanged || g.Quarantined != w.Quarantined || g.Quotes != w.Quotes {
				t.Errorf("runs row %d = %+v, run summary %+v", i, g, w)
			}
		}
		// The speakers table aggregates exactly the attributed quotes.
		var nSpeakers, nAttributed, sumQuotes int64
		if err := d.db.QueryRow("SELECT count(DISTINCT speaker_id), count(*) FILTER (WHERE speaker_id <> '') FROM "+d.scan(output.QuotesTable)+" WHERE speaker_id <> ''").Scan(&nSpeakers, &nAttributed); err != nil {
			t.Fatal(err)
		}
		if err := d.db.QueryRow("SELECT sum(n_quotes) FROM " + d.scan(output.SpeakersTable)).Scan(&sumQuotes); err != nil {
			t.Fatal(err)
		}
		if got := d.queryInt(t, "SELECT count(*) FROM "+d.scan(output.SpeakersTable)); got != nSpeakers || sumQuotes != nAttributed {
			t.Errorf("speakers: %d rows summing %d quotes; quotes table has %d speaker ids over %d attributed quotes", got, sumQuotes, nSpeakers, nAttributed)
		}
	})

	// The documented keys, which analysts join and deduplicate on.
	t.Run("Keys", func(t *testing.T) {
		for _, k := range []struct{ table, key string }{
			{output.QuotesTable, "quote_id"},
			{output.ArticlesTable, "article_id"},
			{output.SpeakersTable, "speaker_id"},
			{output.RunsTable, "run_id"},
		} {
			rows := d.queryInt(t, "SELECT count(*) FROM "+d.scan(k.table))
			keys := d.queryInt(t, fmt.Sprintf("SELECT count(DISTINCT %s) FROM %s", k.key, d.scan(k.table)))
			if rows == 0 || keys != rows {
				t.Errorf("%s.%s: %d distinct in %d rows; it is the table's key", k.table, k.key, keys, rows)
			}
		}
	})

	t.Run("QuotesJoinArticles", func(t *testing.T) {
		q := d.scan(output.QuotesTable)
		a := d.scan(output.ArticlesTable)
		total := d.queryInt(t, "SELECT count(*) FROM "+q)
		joined := d.queryInt(t, "SELECT count(*) FROM "+q+" q JOIN "+a+" a ON q.article_id = a.article_id")
		if joined != total {
			t.Errorf("join on article_id: %d rows, quotes has %d", joined, total)
		}
		// Offsets count code points, as DuckDB's substring does (1-based).
		bad := d.queryInt(t, "SELECT count(*) FROM "+q+" q JOIN "+a+" a USING (article_id)"+
			" WHERE substring(a.text, q.char_start + 1, q.char_end - q.char_start) <> q.text")
		if bad != 0 {
			t.Errorf("%d quotes whose char_start/char_end do not cut their text out of articles.text", bad)
		}
		mismatch := d.queryInt(t, "SELECT count(*) FROM "+q+" q JOIN "+a+" a USING (article_id)"+
			" WHERE q.date IS DISTINCT FROM a.date OR q.published IS DISTINCT FROM a.published")
		if mismatch != 0 {
			t.Errorf("%d quotes whose date or published differ from their article's", mismatch)
		}
	})

	t.Run("DatePartitions", func(t *testing.T) {
		for _, table := range []string{output.QuotesTable, output.ArticlesTable} {
			s := d.scan(table)
			// The partition is the UTC publication date.
			n := d.queryInt(t, "SELECT count(*) FROM "+s+" WHERE published IS NOT NULL AND date <> CAST(timezone('UTC', published) AS DATE)")
			if n != 0 {
				t.Errorf("%s: %d rows whose date partition is not their UTC publication date", table, n)
			}
			// Undated articles sit in the Hive default partition and read as NULL.
			n = d.queryInt(t, "SELECT count(*) FROM "+s+" WHERE date IS NULL AND published IS NULL AND article_id = 'wire-analysis-verification'")
			if n == 0 {
				t.Errorf("%s: the undated sample article does not read with a NULL date", table)
			}
			if n := d.queryInt(t, "SELECT count(*) FROM "+s+" WHERE (date IS NULL) <> (published IS NULL)"); n != 0 {
				t.Errorf("%s: %d rows with a NULL date but a publication time, or the reverse", table, n)
			}
			if _, err := os.Stat(filepath.Join(d.out, table, output.DefaultPartition)); err != nil {
				t.Errorf("%s: %v", table, err)
			}
		}
		var day time.Time
		if err := d.db.QueryRow("SELECT date FROM " + d.scan(output.ArticlesTable) + " WHERE article_id = 'putin-tillerson-2017-04-12'").Scan(&day); err != nil {
			t.Fatal(err)
		}
		if day.Format("2006-01-02") != "2017-04-12" {
			t.Errorf("seed article date partition = %s, want 2017-04-12", day.Format("2006-01-02"))
		}
		var pub time.Time
		if err := d.db.QueryRow("SELECT published FROM " + d.scan(output.ArticlesTable) + " WHERE article_id = 'putin-tillerson-2017-04-12'").Scan(&pub); err != nil {
			t.Fatal(err)
		}
		if want := time.Date(2017, 4, 12, 16, 16, 0, 0, time.UTC); !pub.Equal(want) {
			t.Errorf("seed article published = %v, want %v", pub, want)
		}
	})

	t.Run("FileMetadata", func(t *testing.T) {
		for _, tb := range tables {
			glob := fmt.Sprintf("%s/%s/**/*.parquet", filepath.ToSlash(d.out), tb.name)
			rows, err := d.db.Query("SELECT file_name, decode(key), decode(value) FROM parquet_kv_metadata('" + glob + "')")
			if err != nil {
				t.Fatalf("%s: %v", tb.name, err)
			}
			meta := map[string]map[string]string{}
			for rows.Next() {
				var file, k, v string
				if err := rows.Scan(&file, &k, &v); err != nil {
					t.Fatal(err)
				}
				if meta[file] == nil {
					meta[file] = map[string]string{}
				}
				meta[file][k] = v
			}
			rows.Close()
			files, _ := filepath.Glob(filepath.Join(d.out, tb.name, "*.parquet"))
			parts, _ := filepath.Glob(filepath.Join(d.out, tb.name, "*", "*.parquet"))
			if len(meta) != len(files)+len(parts) || len(meta) == 0 {
				t.Errorf("%s: key-value metadata in %d files, the table has %d", tb.name, len(meta), len(files)+len(parts))
			}
			runIDs := map[string]bool{d.first.RunID: true, d.again.RunID: true}
			for file, m := range meta {
				if m["stance.version"] != testVersion || m["stance.lexicon_version"] != d.lexicon || !runIDs[m["stance.run_id"]] {
					t.Errorf("%s: metadata %v", file, m)
				}
			}
			var codecs []string
			crow, err := d.db.Query("SELECT DISTINCT compression FROM parquet_metadata('" + glob + "')")
			if err != nil {
				t.Fatal(err)
			}
			for crow.Next() {
				var c string
				if err := crow.Scan(&c); err != nil {
					t.Fatal(err)
				}
				codecs = append(codecs, c)
			}
			crow.Close()
			if len(codecs) != 1 || codecs[0] != "ZSTD" {
				t.Errorf("%s: compression %v, want ZSTD", tb.name, codecs)
			}
		}
	})

	t.Run("ReadmeSnippets", func(t *testing.T) { runReadmeSQL(t, d.db, d.out, true) })
}

// runReadmeSQL runs every SQL snippet of the README on the dataset out;
// wantRows: each must return rows.
func runReadmeSQL(t *testing.T, db *sql.DB, out string, wantRows bool) {
	t.Helper()
	snippets := readmeSQL(t)
	if len(snippets) == 0 {
		t.Fatal("README.md has no ```sql snippet")
	}
	for i, s := range snippets {
		q := strings.ReplaceAll(s, "'stance-out/", "'"+filepath.ToSlash(out)+"/")
		rows, err := db.Query(q)
		if err != nil {
			t.Errorf("README snippet %d: %v\n%s", i+1, err, s)
			continue
		}
		cols, _ := rows.Columns()
		n := 0
		for rows.Next() {
			n++
		}
		rows.Close()
		if n == 0 && wantRows {
			t.Errorf("README snippet %d returned no rows\n%s", i+1, s)
		}
		t.Logf("README snippet %d: %d rows, columns %v", i+1, n, cols)
	}
}

// A dataset of undated articles only has no folder name a reader can take
// the date partition's type from (all are date=__HIVE_DEFAULT_PARTITION__):
// read as the README says, date is still a DATE and its snippets still run
// (date_trunc on a VARCHAR date was a binder error).
func TestUndatedDataset(t *testing.T) {
	dir := t.TempDir()
	feed := filepath.Join(dir, "wire.jsonl")
	lines := `{"id": "quay-1", "title": "Quay to close", "text": "\"We will not let the quay close,\" said Anne Lund, the union leader.\n\nThe harbour board said the decision was final."}
{"id": "quay-2", "title": "Talks go on", "text": "\"The talks will go on next week,\" the mayor, Per Holm, told reporters."}
`
	if err := os.WriteFile(feed, []byte(lines), 0o644); err != nil {
		t.Fatal(err)
	}
	lx, err := lexicon.Load("")
	if err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "stance-out")
	sum, err := batch.Run(context.Background(), batch.Config{Inputs: []string{feed}, Out: out, Workers: 1, Lexicon: lx, Version: testVersion})
	if err != nil {
		t.Fatal(err)
	}
	if sum.OK != 2 || sum.Quotes == 0 {
		t.Fatalf("run summary %+v: want 2 articles with quotes", sum)
	}
	db, err := sql.Open("duckdb", "")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, table := range []string{output.QuotesTable, output.ArticlesTable} {
		var name, typ string
		var null, key, def, extra sql.NullString
		if err := db.QueryRow("DESCRIBE SELECT date FROM "+scanTable(out, table)).Scan(&name, &typ, &null, &key, &def, &extra); err != nil {
			t.Fatal(err)
		}
		if typ != "DATE" {
			t.Errorf("%s.date reads as %s, want DATE", table, typ)
		}
	}
	runReadmeSQL(t, db, out, false)
}

type schemaNode struct {
	name, typ, repetition, converted, logical string
}

func checkParquetSchema(t *testing.T, d *dataset, table string, cols []column) {
	t.Helper()
	glob := fmt.Sprintf("%s/%s/**/*.parquet", filepath.ToSlash(d.out), table)
	rows, err := d.db.Query("SELECT file_name, name, coalesce(type, ''), coalesce(repetition_type, ''), coalesce(converted_type, ''), coalesce(logical_type, '') FROM parquet_schema('" + glob + "')")
	if err != nil {
		t.Fatalf("%s: %v", table, err)
	}
	files := map[string][]schemaNode{}
	var order []string
	for rows.Next() {
		var file string
		var n schemaNode
		if err := rows.Scan(&file, &n.name, &n.typ, &n.repetition, &n.converted, &n.logical); err != nil {
			t.Fatal(err)
		}
		if files[file] == nil {
			order = append(order, file)
		}
		files[file] = append(files[file], n)
	}
	rows.Close()
	if len(order) == 0 {
		t.Fatalf("%s: no files", table)
	}
	for _, file := range order {
		if t.Failed() {
			break // one broken file says it; the others would repeat it
		}
		nodes := files[file][1:] // the first node is the schema root
		rel, _ := filepath.Rel(d.out, file)
		for _, c := range cols {
			if len(nodes) == 0 {
				t.Errorf("%s: column %s missing", rel, c.name)
				break
			}
			n := nodes[0]
			nodes = nodes[1:]
			if n.name != c.name {
				t.Errorf("%s: column %s where %s was expected", rel, n.name, c.name)
				break
			}
			wantRep := "REQUIRED"
			if c.nullable {
				wantRep = "OPTIONAL"
			}
			if n.repetition != wantRep {
				t.Errorf("%s: %s is %s, want %s", rel, c.name, n.repetition, wantRep)
			}
			if elem, ok := strings.CutSuffix(c.duckType, "[]"); ok {
				if n.converted != "LIST" || len(nodes) < 2 || nodes[0].repetition != "REPEATED" {
					t.Errorf("%s: %s is not a three-level LIST: %+v", rel, c.name, n)
					break
				}
				if msg := leafProblem(nodes[1], elem); msg != "" {
					t.Errorf("%s: %s elements: %s", rel, c.name, msg)
				}
				nodes = nodes[2:]
			} else if msg := leafProblem(n, c.duckType); msg != "" {
				t.Errorf("%s: %s: %s", rel, c.name, msg)
			}
		}
		for _, n := range nodes {
			t.Errorf("%s: unexpected column %s", rel, n.name)
		}
	}
}

// leafProblem says what is wrong with a leaf column's Parquet encoding for
// the DuckDB type it must read as, or "" when nothing is.
func leafProblem(n schemaNode, duckType string) string {
	switch duckType {
	case "TIMESTAMP WITH TIME ZONE":
		if n.converted != "TIMESTAMP_MICROS" || !strings.Contains(n.logical, "isAdjustedToUTC=1") {
			return fmt.Sprintf("%s %s, want UTC microsecond timestamps", n.converted, n.logical)
		}
	case "VARCHAR":
		if n.typ != "BYTE_ARRAY" || n.converted != "UTF8" {
			return fmt.Sprintf("%s %s, want UTF8 strings", n.typ, n.converted)
		}
	case "INTEGER", "BIGINT", "DOUBLE", "BOOLEAN":
		want := map[string]string{"INTEGER": "INT32", "BIGINT": "INT64", "DOUBLE": "DOUBLE", "BOOLEAN": "BOOLEAN"}[duckType]
		if n.typ != want {
			return fmt.Sprintf("%s, want %s", n.typ, want)
		}
	}
	return ""
}

// readmeSQL returns the ```sql blocks of the README, one statement each.
func readmeSQL(t *testing.T) []string {
	t.Helper()
	f, err := os.Open(filepath.Join(repoRoot(t), "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []string
	var cur []string
	in := false
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case !in && strings.TrimSpace(line) == "```sql":
			in, cur = true, nil
		case in && strings.TrimSpace(line) == "```":
			in = false
			out = append(out, splitStatements(strings.Join(cur, "\n"))...)
		case in:
			cur = append(cur, line)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

var statementEnd = regexp.MustCompile(`;\s*(\n|$)`)

func splitStatements(block string) []string {
	var out []string
	for _, s := range statementEnd.Split(block, -1) {
		if strings.TrimSpace(stripComments(s)) != "" {
			out = append(out, s)
		}
	}
	return out
}

func stripComments(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		if !strings.HasPrefix(strings.TrimSpace(l), "--") {
			b.WriteString(l + "\n")
		}
	}
	return b.String()
}
