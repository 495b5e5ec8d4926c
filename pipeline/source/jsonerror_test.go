package source

import (
	"encoding/json"
	"testing"
)

// TestJSONErrorSpeaksOfTheRecord: a record of the wrong shape is described
// by its field names and JSON types, never by the Go types it decodes into.
func TestJSONErrorSpeaksOfTheRecord(t *testing.T) {
	type quote struct {
		Start int `json:"start"`
	}
	type record struct {
		ID     string            `json:"id"`
		Score  float64           `json:"score"`
		OK     bool              `json:"ok"`
		Quotes []quote           `json:"quotes"`
		Meta   map[string]string `json:"meta"`
	}
	for line, want := range map[string]string{
		`[1, 2]`:                      "a record must be an object, got array",
		`{"id": 7}`:                   `"id" must be a string, got number`,
		`{"score": "high"}`:           `"score" must be a number, got string`,
		`{"ok": "yes"}`:               `"ok" must be true or false, got string`,
		`{"quotes": {"start": 1}}`:    `"quotes" must be a list, got object`,
		`{"quotes": [{"start": ""}]}`: `"quotes.start" must be a number, got string`,
		`{"meta": "none"}`:            `"meta" must be an object, got string`,
		`{"id": "x",}`:                "invalid character '}' looking for beginning of object key string",
	} {
		var r record
		err := json.Unmarshal([]byte(line), &r)
		if err == nil {
			t.Fatalf("%s: decoded without an error", line)
		}
		if got := JSONError(err).Error(); got != want {
			t.Errorf("%s: %q, want %q", line, got, want)
		}
	}
}
