package interop

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/apache/arrow-go/v18/arrow"
	"github.com/apache/arrow-go/v18/arrow/memory"
	"github.com/apache/arrow-go/v18/parquet/file"
	"github.com/apache/arrow-go/v18/parquet/pqarrow"
)

// arrowType is the Arrow type a column must map to. pyarrow, and through it
// pandas, read Parquet with Arrow's rules, and Polars follows the same
// mapping: this is what those readers see, checked with Arrow's Go reader.
func arrowType(duckType string) arrow.DataType {
	switch duckType {
	case "TIMESTAMP WITH TIME ZONE":
		return &arrow.TimestampType{Unit: arrow.Microsecond, TimeZone: "UTC"}
	case "VARCHAR":
		return arrow.BinaryTypes.String
	case "INTEGER":
		return arrow.PrimitiveTypes.Int32
	case "BIGINT":
		return arrow.PrimitiveTypes.Int64
	case "DOUBLE":
		return arrow.PrimitiveTypes.Float64
	case "BOOLEAN":
		return arrow.FixedWidthTypes.Boolean
	}
	if elem, ok := strings.CutSuffix(duckType, "[]"); ok {
		if et := arrowType(elem); et != nil {
			return arrow.ListOfNonNullable(et)
		}
	}
	return nil
}

// TestArrow reads every file of every table with Arrow's Parquet reader and
// checks the Arrow schema (types and nullability) and that the data reads.
func TestArrow(t *testing.T) {
	d := buildDataset(t)
	for _, tb := range tables {
		t.Run(tb.name, func(t *testing.T) {
			cols := columnsOf(t, tb.row)
			var files []string
			filepath.WalkDir(filepath.Join(d.out, tb.name), func(p string, e os.DirEntry, err error) error {
				if err == nil && !e.IsDir() && strings.HasSuffix(p, ".parquet") {
					files = append(files, p)
				}
				return err
			})
			if len(files) == 0 {
				t.Fatal("no files")
			}
			var rows int64
			for _, path := range files {
				rel, _ := filepath.Rel(d.out, path)
				pf, err := file.OpenParquetFile(path, false)
				if err != nil {
					t.Fatalf("%s: %v", rel, err)
				}
				fr, err := pqarrow.NewFileReader(pf, pqarrow.ArrowReadProperties{}, memory.DefaultAllocator)
				if err != nil {
					t.Fatalf("%s: %v", rel, err)
				}
				sc, err := fr.Schema()
				if err != nil {
					t.Fatalf("%s: %v", rel, err)
				}
				if sc.NumFields() != len(cols) {
					t.Errorf("%s: %d Arrow fields, want %d: %s", rel, sc.NumFields(), len(cols), sc)
				}
				for i, c := range cols {
					if i >= sc.NumFields() {
						break
					}
					f := sc.Field(i)
					want := arrowType(c.duckType)
					if f.Name != c.name || !arrow.TypeEqual(f.Type, want) || f.Nullable != c.nullable {
						t.Errorf("%s: field %d is %s %s nullable=%v, want %s %s nullable=%v",
							rel, i, f.Name, f.Type, f.Nullable, c.name, want, c.nullable)
					}
				}
				tbl, err := fr.ReadTable(context.Background())
				if err != nil {
					t.Fatalf("%s: reading the data: %v", rel, err)
				}
				rows += tbl.NumRows()
				tbl.Release()
				pf.Close()
				if t.Failed() {
					return // the other files would say the same
				}
			}
			var want int64
			switch tb.name {
			case "quotes":
				want = d.first.Quotes
			case "articles":
				want = d.first.Read
			case "runs":
				want = 2
			default:
				want = d.queryInt(t, "SELECT count(DISTINCT speaker_id) FROM "+d.scan("quotes")+" WHERE speaker_id <> ''")
			}
			if rows != want {
				t.Errorf("Arrow read %d rows, want %d", rows, want)
			}
		})
	}
}
