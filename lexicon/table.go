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
	file   File
	Line   int
	fields map[string]string
}

// Get returns the value of a column, trimmed; "" when absent.
func (r Row) Get(col string) string { return r.fields[col] }

// Errorf makes an error pointing at this row.
func (r Row) Errorf(format string, args ...any) error {
	return &Error{File: origin(r.file), Line: r.Line, Err: fmt.Errorf(format, args...)}
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
			continue
		}
		if len(cells) > len(header) {
			errs = append(errs, &Error{File: origin(f), Line: i + 1, Err: fmt.Errorf("%d cells, header has %d columns", len(cells), len(header))})
			continue
		}
		row := Row{file: f, Line: i + 1, fields: make(map[string]string, len(header))}
		for j, c := range cells {
			row.fields[header[j]] = strings.TrimSpace(c)
		}
		rows = append(rows, row)
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
