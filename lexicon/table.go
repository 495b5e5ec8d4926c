package lexicon

import (
	"fmt"
	"strings"
)

// Tables are tab-separated files with a header row naming the columns. Lines
// starting with # and blank lines are skipped, so files can carry notes for
// the people who edit them.

// Row is one data line of a table.
type Row struct {
	table *table
	Line  int
	cells []string // trimmed
}

// table is what the rows of one file share.
type table struct {
	file   File
	header []string
}

// Get returns the value of a column, trimmed; "" when absent. When two
// columns have the same name, the later one counts.
func (r Row) Get(col string) string {
	for j := len(r.cells) - 1; j >= 0; j-- {
		if r.table.header[j] == col {
			return r.cells[j]
		}
	}
	return ""
}

// Errorf makes an error pointing at this row.
func (r Row) Errorf(format string, args ...any) error {
	var f File
	if r.table != nil {
		f = r.table.file
	}
	return &Error{File: origin(f), Line: r.Line, Err: fmt.Errorf(format, args...)}
}

// List splits a column on ";" (aliases, patterns).
func (r Row) List(col string) []string {
	v := r.Get(col)
	if v == "" {
		return nil
	}
	var out []string
	for _, s := range strings.Split(v, ";") {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// readTable parses f, checking that the required columns are present.
func readTable(f File, required ...string) ([]Row, []error) {
	var rows []Row
	var header []string
	var t *table
	var errs []error
	for i, line := range strings.Split(string(f.Data), "\n") {
		line = strings.TrimRight(line, "\r")
		if strings.TrimSpace(line) == "" || strings.HasPrefix(strings.TrimSpace(line), "#") {
			continue
		}
		cells := strings.Split(line, "\t")
		if header == nil {
			for _, c := range cells {
				header = append(header, strings.ToLower(strings.TrimSpace(c)))
			}
			for _, req := range required {
				if !contains(header, req) {
					errs = append(errs, &Error{File: origin(f), Line: i + 1, Err: fmt.Errorf("header lacks column %q (columns are tab-separated)", req)})
				}
			}
			if len(errs) > 0 {
				return nil, errs
			}
			t = &table{file: f, header: header}
			continue
		}
		if len(cells) > len(header) {
			errs = append(errs, &Error{File: origin(f), Line: i + 1, Err: fmt.Errorf("%d cells, header has %d columns", len(cells), len(header))})
			continue
		}
		for j, c := range cells {
			cells[j] = strings.TrimSpace(c)
		}
		rows = append(rows, Row{table: t, Line: i + 1, cells: cells})
	}
	return rows, errs
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
