package article

import (
	"testing"
	"time"
)

// Dates as news feeds write them. A feed whose every article carries a date
// in one of these forms would otherwise have every article quarantined.
func TestParseTimeReadsFeedDates(t *testing.T) {
	utc := func(s string) time.Time {
		t.Helper()
		v, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, c := range []struct {
		in    string
		want  time.Time
		zoned bool
	}{
		// read before, and read the same
		{"2017-04-12T16:16:00Z", utc("2017-04-12T16:16:00Z"), true},
		{"2017-04-12 12:16:34-04", utc("2017-04-12T16:16:34Z"), true},
		{"2017-04-12 12:16:34", utc("2017-04-12T12:16:34Z"), false},
		{"April 12, 2017", utc("2017-04-12T00:00:00Z"), false},
		{"2017-04-12", utc("2017-04-12T00:00:00Z"), false},
		// ISO 8601 without a zone, as the form with a space is read
		{"2017-04-12T12:16:34", utc("2017-04-12T12:16:34Z"), false},
		{"2017-04-12T12:16:34.123456", utc("2017-04-12T12:16:34.123456Z"), false},
		{"2017-04-12T12:16:34+0200", utc("2017-04-12T10:16:34Z"), true},
		// RSS (RFC 1123)
		{"Wed, 12 Apr 2017 16:16:00 GMT", utc("2017-04-12T16:16:00Z"), true},
		{"Wed, 12 Apr 2017 16:16:00 UTC", utc("2017-04-12T16:16:00Z"), true},
		{"Wed, 12 Apr 2017 12:16:00 -0400", utc("2017-04-12T16:16:00Z"), true},
		{"Sun, 2 Apr 2017 12:16:00 +0000", utc("2017-04-02T12:16:00Z"), true},
		// day before month
		{"12 April 2017", utc("2017-04-12T00:00:00Z"), false},
		{"12 Apr 2017", utc("2017-04-12T00:00:00Z"), false},
	} {
		got, zoned, err := ParseTime(c.in)
		if err != nil {
			t.Errorf("ParseTime(%q): %v", c.in, err)
			continue
		}
		if !got.Equal(c.want) || zoned != c.zoned {
			t.Errorf("ParseTime(%q) = %v, zoned %v; want %v, zoned %v", c.in, got.UTC(), zoned, c.want, c.zoned)
		}
	}
	// A zone abbreviation Go cannot place would be read as UTC: refused,
	// so that the article is quarantined rather than dated hours off.
	for _, in := range []string{"Wed, 12 Apr 2017 12:16:00 EST", "yesterday", "2017/04/12"} {
		if got, _, err := ParseTime(in); err == nil {
			t.Errorf("ParseTime(%q) = %v, want an error", in, got)
		}
	}
}
