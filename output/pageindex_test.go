package output

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"
)

// The compact page index must not change a byte of the file: the writer
// with compactSchema and the library's own writer are given the same rows,
// with texts long enough for several pages per row group.
func TestCompactSchemaWritesTheSameFile(t *testing.T) {
	arts, qs := sampleRows(2500)
	for i := range arts {
		if i%97 == 0 {
			arts[i].Text = "" // empty values among the bounds
		}
	}
	meta := Meta{Version: "v", LexiconVersion: "l", RunID: "r1"}
	compareFiles(t, "articles", arts, meta, 700)
	compareFiles(t, "quotes", qs, meta, 2000)
}

func compareFiles[T any](t *testing.T, name string, rows []T, meta Meta, rowGroup int64) {
	t.Helper()
	write := func(pw *parquet.GenericWriter[T], buf *bytes.Buffer) []byte {
		// Written in batches, as mergePartition does.
		for i := 0; i < len(rows); i += 256 {
			if _, err := pw.Write(rows[i:min(i+256, len(rows))]); err != nil {
				t.Fatal(err)
			}
		}
		if err := pw.Close(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	var a, b bytes.Buffer
	compact := write(newWriter[T](&a, meta, rowGroup), &a)
	plain := write(parquet.NewGenericWriter[T](&b, writerOptions(meta, rowGroup)...), &b)
	if !bytes.Equal(compact, plain) {
		t.Fatalf("%s: compact page index changed the file (%d vs %d bytes)", name, len(compact), len(plain))
	}
	f, err := parquet.OpenFile(bytes.NewReader(compact), int64(len(compact)))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(f.Metadata().RowGroups); n < 2 {
		t.Fatalf("%s: %d row groups, want several", name, n)
	}
}

// The page index the writer keeps for a byte-array column holds only the
// prefixes it writes, not the pages' whole min and max values.
func TestCompactIndexKeepsOnlyPrefixes(t *testing.T) {
	plain := parquet.ByteArrayType.NewColumnIndexer(16)
	compact := compactIndexType{parquet.ByteArrayType}.NewColumnIndexer(16)
	for i := range 10 {
		lo := strings.Repeat(string(rune('a'+i)), 50_000)
		hi := strings.Repeat(string(rune('b'+i)), 70_000)
		for _, ix := range []parquet.ColumnIndexer{plain, compact} {
			ix.IndexPage(100, 0, parquet.ByteArrayValue([]byte(lo)), parquet.ByteArrayValue([]byte(hi)))
		}
	}
	ix, want := compact.ColumnIndex(), plain.ColumnIndex()
	if fmt.Sprint(ix.MinValues, ix.MaxValues, ix.NullPages, ix.BoundaryOrder) != fmt.Sprint(want.MinValues, want.MaxValues, want.NullPages, want.BoundaryOrder) {
		t.Fatalf("compact index differs:\n%q\n%q", ix.MinValues, want.MinValues)
	}
	for _, vs := range [][][]byte{ix.MinValues, ix.MaxValues} {
		for _, v := range vs {
			if len(v) > 16 || cap(v) != len(v) {
				t.Fatalf("value of %d bytes keeps %d bytes alive", len(v), cap(v))
			}
		}
	}
}
