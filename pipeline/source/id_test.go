package source

import (
	"context"
	"strings"
	"testing"
)

// Feeds exported from databases and news archives number their articles:
// {"id": 12345} is the article "12345", the same as {"id": "12345"}. A
// fraction is no id (1.0 and 1 would be one number, two ids), nor is any
// other value; those records are quarantined with a message that says what
// an id may be.
func TestRecordIDs(t *testing.T) {
	lines := []string{
		`{"id": 12345, "text": "one"}`,
		`{"id": -7, "text": "two"}`,
		`{"id": 9007199254740993, "text": "three"}`,
		`{"id": " padded ", "text": "four"}`,
		`{"id": "esc\u00e9", "text": "five"}`,
		`{"id": null, "text": "six"}`,
		`{"id": 4.2, "text": "seven"}`,
		`{"id": 1e3, "text": "eight"}`,
		`{"id": true, "text": "nine"}`,
		`{"id": ["a"], "text": "ten"}`,
	}
	want := []string{"12345", "-7", "9007199254740993", "padded", "escé", "feed:6", "", "", "", ""}
	wantErr := map[int]string{
		7:  `in/feed.jsonl:7: "id" must be a string or a whole number, got 4.2`,
		8:  `in/feed.jsonl:8: "id" must be a string or a whole number, got 1e3`,
		9:  `in/feed.jsonl:9: "id" must be a string or a whole number, got true`,
		10: `in/feed.jsonl:10: "id" must be a string or a whole number, got ["a"]`,
	}
	var items []Item
	err := readJSONL(context.Background(), File{Path: "in/feed.jsonl", Root: "in"}, strings.NewReader(strings.Join(lines, "\n")+"\n"),
		Options{MaxArticleBytes: 1 << 20}, func(it Item) error { items = append(items, it); return nil })
	if err != nil || len(items) != len(lines) {
		t.Fatalf("%d items, %v", len(items), err)
	}
	for i, it := range items {
		if w, bad := wantErr[it.Line]; bad {
			if it.Err == nil || it.Err.Error() != w {
				t.Errorf("line %d: error %v, want %q", it.Line, it.Err, w)
			}
			continue
		}
		if it.Err != nil || it.ID != want[i] || it.Article.ID != want[i] {
			t.Errorf("line %d: id %q (article %q), error %v; want %q", it.Line, it.ID, it.Article.ID, it.Err, want[i])
		}
	}
}
