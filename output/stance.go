package output

import (
	"fmt"
	"math"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

// FormatStanceSides writes a statement's stance values for the quotes
// table's stance_sides column: "side=value", sorted by side, one entry per
// side with evidence. The fixed stance_us/stance_russia columns cover the
// default frame; this column carries every side, including those a user's
// frames add. DuckDB: split_part(s, '=', 1) and split_part(s, '=', 2)::DOUBLE
// over unnest(stance_sides).
func FormatStanceSides(values map[string]float64) []string {
	out := make([]string, 0, len(values))
	for side, v := range values {
		out = append(out, side+"="+strconv.FormatFloat(math.Round(v*1e4)/1e4, 'f', -1, 64))
	}
	sort.Strings(out)
	return out
}

// ParseStanceSides reads the stance_sides column back.
func ParseStanceSides(entries []string) (map[string]float64, error) {
	out := make(map[string]float64, len(entries))
	for _, e := range entries {
		side, val, ok := strings.Cut(e, "=")
		if !ok || side == "" {
			return nil, fmt.Errorf("stance_sides entry %q: want side=value", e)
		}
		v, err := strconv.ParseFloat(val, 64)
		if err != nil {
			return nil, fmt.Errorf("stance_sides entry %q: %w", e, err)
		}
		out[side] = v
	}
	return out, nil
}

// ReadQuotes calls fn with every row of the dataset's quotes table, one
// partition file after another. fn must not keep the pointer.
func ReadQuotes(out string, fn func(*Quote) error) error {
	files, err := filepath.Glob(filepath.Join(out, QuotesTable, "date=*", "*.parquet"))
	if err != nil {
		return err
	}
	sort.Strings(files)
	for _, path := range files {
		rr, err := openRows[Quote](path)
		if err != nil {
			return err
		}
		for {
			q, ok, err := rr.next(nil)
			if err != nil {
				rr.close()
				return err
			}
			if !ok {
				break
			}
			if err := fn(&q); err != nil {
				rr.close()
				return err
			}
		}
		rr.close()
	}
	return nil
}
