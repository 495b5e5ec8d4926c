package article

import (
	"fmt"
	"regexp"
	"strings"
	"time"
)

// The plain-text article shape, as news sites print it:
//
//	Headline
//
//	Posted at 12:16 PM, Apr 12, 2017
//	and last updated 2017-04-12 12:16:34-04
//
//	First paragraph ...
//
// Both dateline lines are optional. The article text keeps every line as
// written, so offsets computed on it match offsets computed on the file.
var (
	postedLine  = regexp.MustCompile(`(?i)^\s*(?:posted|published)(?: at| on)?\s+(.+?)\s*$`)
	updatedLine = regexp.MustCompile(`(?i)^\s*(?:and\s+)?(?:last\s+)?updated(?: at| on)?\s+(.+?)\s*$`)
)

// Layouts accepted for the dateline values, tried in order.
var postedLayouts = []string{
	"3:04 PM, Jan 2, 2006",
	"3:04 PM, January 2, 2006",
	"Jan 2, 2006 3:04 PM",
	"January 2, 2006 3:04 PM",
	"Jan 2, 2006",
	"January 2, 2006",
	"2006-01-02 15:04:05-07",
	"2006-01-02 15:04:05-07:00",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04",
	time.RFC3339,
	"2006-01-02",
	// What feeds also write (after the layouts above, so that what those
	// read is read as before):
	"2006-01-02T15:04:05",      // ISO 8601 without a zone (Python's isoformat): UTC, as "2006-01-02 15:04:05"
	"2006-01-02T15:04:05Z0700", // ISO 8601 with a basic offset, "+0200"
	// RSS's RFC 1123 dates. A zone abbreviation other than GMT or UTC is
	// refused: Go would read "EST" as UTC, hours off.
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 GMT",
	"Mon, 2 Jan 2006 15:04:05 UTC",
	"2 Jan 2006",
	"2 January 2006",
}

// zonedLayout: the layout names its time's zone.
func zonedLayout(layout string) bool {
	return strings.Contains(layout, "07") || strings.HasSuffix(layout, " GMT") || strings.HasSuffix(layout, " UTC")
}

// ParseText parses one plain-text article. The headline is the first non-blank
// line; "Posted at …" and "and last updated …" lines directly after it set
// Published and Updated. A posted time without a zone takes the zone of the
// updated time when that has one (sites print the zone once), else UTC.
func ParseText(id, source, text string) (Article, error) {
	a := Article{ID: id, Source: source, Text: text}
	a.Paragraphs = SplitParagraphs(text)
	if len(a.Paragraphs) == 0 {
		return a, fmt.Errorf("no text")
	}
	first := a.Paragraph(0)
	headline, _, _ := strings.Cut(first, "\n")
	a.Title = strings.TrimSpace(headline)

	// Dateline lines: inside the first or second block, before any prose.
	var posted, updated string
	for i := 0; i < len(a.Paragraphs) && i < 2; i++ {
		for _, line := range strings.Split(a.Paragraph(i), "\n") {
			if m := updatedLine.FindStringSubmatch(line); m != nil {
				updated = m[1]
			} else if m := postedLine.FindStringSubmatch(line); m != nil {
				posted = m[1]
			}
		}
	}
	var upd time.Time
	var updZone bool
	if updated != "" {
		t, zoned, err := ParseTime(updated)
		if err != nil {
			return a, fmt.Errorf("line %d: last updated: %w", lineOf(text, updated), err)
		}
		upd, updZone = t, zoned
		a.Updated = t.UTC()
	}
	if posted != "" {
		t, zoned, err := ParseTime(posted)
		if err != nil {
			return a, fmt.Errorf("line %d: posted: %w", lineOf(text, posted), err)
		}
		if !zoned && updZone {
			t = time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), 0, upd.Location())
		}
		a.Published = t.UTC()
	} else if !upd.IsZero() {
		a.Published = a.Updated
	}
	return a, nil
}

// ParseTime reads a date or time in the layouts news feeds use. zoned reports
// whether the value named its time zone.
func ParseTime(s string) (t time.Time, zoned bool, err error) {
	s = strings.TrimSpace(s)
	for _, layout := range postedLayouts {
		if t, err := time.Parse(layout, s); err == nil {
			return t, zonedLayout(layout), nil
		}
	}
	return time.Time{}, false, fmt.Errorf("unrecognised date %q", s)
}

// lineOf returns the 1-based line number where sub first occurs in text.
func lineOf(text, sub string) int {
	i := strings.Index(text, sub)
	if i < 0 {
		return 0
	}
	return strings.Count(text[:i], "\n") + 1
}
