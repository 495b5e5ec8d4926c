package lexicon

import "testing"

// TestReadTableCells: values are trimmed, a missing cell or column reads
// "", and of two columns with one name the later counts.
func TestReadTableCells(t *testing.T) {
	f := File{Name: "t.tsv", Origin: "embedded", Data: []byte("# note\nA\tb\ta\n1\t2\t3\n 4 \t5\n\n6\n")}
	rows, errs := readTable(f, "a", "b")
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	want := []struct {
		line    int
		a, b, c string
	}{{3, "3", "2", ""}, {4, "4", "5", ""}, {6, "6", "", ""}}
	if len(rows) != len(want) {
		t.Fatalf("%d rows, want %d", len(rows), len(want))
	}
	for i, w := range want {
		r := rows[i]
		if r.Line != w.line || r.Get("a") != w.a || r.Get("b") != w.b || r.Get("c") != w.c {
			t.Errorf("row %d: line %d a=%q b=%q c=%q, want %+v", i, r.Line, r.Get("a"), r.Get("b"), r.Get("c"), w)
		}
	}
	if err := rows[1].Errorf("bad"); err.Error() != "embedded:t.tsv:4: bad" {
		t.Errorf("error %q", err)
	}
}
