package source

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/stance-news/stance/pipeline/article"
)

// decodeArticle must decode every record it accepts exactly as
// json.Unmarshal does, and accept no record json.Unmarshal rejects.
func FuzzDecodeArticleAgreesWithEncodingJSON(f *testing.F) {
	for _, s := range []string{
		`{"id": "bbc/1", "title": "T", "published": "2017-04-12", "text": "A \"quoted\" line.\n\nNext\u00e9 \/ \t end", "extra": [1, -2.5e3, {"a": null}, true, false]}`,
		`{"id": null, "text": "x", "title": null, "url": "u", "updated": {"k": [1]}, "id": "again"}`,
		`{"id": 12345, "text": "x"}`,
		`{"id": 4.2e1, "text": "x", "id": true}`,
		`{"ID": "case", "text": "t"}`,
		`{"text": "t", "Title": "x"}`,
		`{"text": 5}`,
		`{"text": "t",}`,
		`{"text": "t"} x`,
		`  {"text": "\ud83d\ude00 pair", "published": null}` + "\r\n",
		`{"text": "lone \udc00"}`,
		`{"k": 01, "text": "t"}`,
		`{"k": -0.0e+1, "text": "t"}`,
		`{"k": "\u0000", "text": "\u0074"}`,
		`{"\u0069d": "escaped key", "text": "t"}`,
		`{"tèxt": "t"}`,
		`[1, 2]`,
		`{}`,
		`{"id": "long", "text": "Quarterly profits at the firm rose 76% to $1.13bn (\u00a3600m).\n\nThe chief executive said: \"We are pleased,\" and \/ added\tmore.", "title": "A title long enough to span steps"}`,
		`{"text": "eight by8\"", "url": "1234567\\"}`,
		`{"text": "control` + "\x01" + ` inside a long string of text"}`,
		`{"text": "t", "k": [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]}`,
	} {
		f.Add([]byte(s))
	}
	// One buffer for every input, as a file's records share it: what an
	// earlier record left in it must not show in the next.
	var scratch []byte
	f.Fuzz(func(t *testing.T, data []byte) {
		if !utf8.Valid(data) {
			return // parseRecord rejects it before decoding
		}
		var fast jsonArticle
		if !decodeArticle(data, &fast, &scratch) {
			return
		}
		var want jsonArticle
		if err := json.Unmarshal(data, &want); err != nil {
			t.Fatalf("decodeArticle accepted %q, encoding/json: %v", data, err)
		}
		if !reflect.DeepEqual(fast, want) {
			t.Fatalf("%q:\n fast %s\n want %s", data, show(fast), show(want))
		}
	})
}

func show(a jsonArticle) string {
	b, _ := json.Marshal(struct {
		Text                            *string
		ID, Title, URL                  string
		Published, Updated              string
		NilID, NilPublished, NilUpdated bool
	}{a.Text, string(a.ID), a.Title, a.URL, string(a.Published), string(a.Updated), a.ID == nil, a.Published == nil, a.Updated == nil})
	return string(b)
}

// The common record takes the fast path; odd ones are left to encoding/json.
func TestDecodeArticleTakesCommonRecords(t *testing.T) {
	var rec jsonArticle
	if !decodeArticle([]byte(`{"id": "a", "source": "bbc", "title": "T", "published": "", "text": "Line one.\n\n\"Two\", he said \u2014 \u00a3600m."}`+"\n"), &rec, new([]byte)) {
		t.Fatal("common record not decoded")
	}
	if string(rec.ID) != `"a"` || *rec.Text != "Line one.\n\n\"Two\", he said — £600m." || string(rec.Published) != `""` {
		t.Errorf("decoded %s", show(rec))
	}
	for _, s := range []string{`{"ID": "a", "text": "t"}`, `{"text": "\ud800"}`, `{"text": 1}`, `{"text": "t"`} {
		if decodeArticle([]byte(s), &jsonArticle{}, new([]byte)) {
			t.Errorf("%s: decoded by the fast path, want encoding/json", s)
		}
	}
}

// special must find what a byte loop finds, wherever the byte sits in or
// across the eight-byte steps, after any bytes (high, control, quotes).
func FuzzSpecial(f *testing.F) {
	for _, s := range []string{"", "plain text of some length", `he said \"no\" twice`, "tab\there", "\x7f\x80\xff\"",
		"12345678\\", "1234567\x1f", "\xe2\x80\x9cquoted\xe2\x80\x9d and more text", "!!!!!!!!\"", "\x00"} {
		f.Add([]byte(s), 0)
		f.Add([]byte(s), 3)
	}
	f.Fuzz(func(t *testing.T, data []byte, from int) {
		if from < 0 || from > len(data) {
			return
		}
		want := from
		for want < len(data) && data[want] != '"' && data[want] != '\\' && data[want] >= 0x20 {
			want++
		}
		if got := special(data, from); got != want {
			t.Fatalf("special(%q, %d) = %d, want %d", data, from, got, want)
		}
	})
}

// Lines shorter than the reader's buffer are parsed in place, longer ones
// gathered from several reads: both must give the article as written,
// short lines after a long one included, and a last line without '\n'.
func TestReadJSONLLinesAroundTheBuffer(t *testing.T) {
	long := strings.Repeat("A long paragraph of text.\n\n", 20000) // 540 KB, over two buffers
	texts := []string{"short one", long, "after the long one", long[:256<<10-40], "last, no newline"}
	var in bytes.Buffer
	for i, text := range texts {
		rec, _ := json.Marshal(map[string]string{"id": fmt.Sprint("a", i), "text": text})
		in.Write(rec)
		if i < len(texts)-1 {
			in.WriteByte('\n')
		}
	}
	var got []Item
	err := readJSONL(context.Background(), File{Path: "in/feed.jsonl", Root: "in"}, &in, Options{MaxArticleBytes: 1 << 20}, func(it Item) error {
		got = append(got, it)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != len(texts) {
		t.Fatalf("%d items, want %d", len(got), len(texts))
	}
	for i, it := range got {
		if it.Err != nil || it.ID != fmt.Sprint("a", i) || it.Article.Text != texts[i] || it.Line != i+1 {
			t.Errorf("line %d: id %q, line %d, %d bytes of text, err %v; want a%d, %d bytes", i+1, it.ID, it.Line, len(it.Article.Text), it.Err, i, len(texts[i]))
		}
	}
}

// jsonTime reads a date without escapes as it stands; it must give what
// decoding the value with encoding/json gives, for any valid JSON value.
func FuzzJSONTime(f *testing.F) {
	for _, s := range []string{`"2017-04-12"`, `"2017-04-12T10:00:00-04:00"`, `""`, `"  "`, `null`, `42`, `"2017-04-12\u0054"`,
		`"someday"`, `"a\"b"`, `"\\"`, `"2017-13-40"`, `{"a":1}`, `"Apr 12, 2017"`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, raw []byte) {
		if !json.Valid(raw) || !utf8.Valid(raw) {
			return // parseRecord checks the line before
		}
		raw = bytes.TrimSpace(raw) // a value as the decoders keep it
		want, wantErr := func() (time.Time, error) {
			if string(raw) == "null" {
				return time.Time{}, nil
			}
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				return time.Time{}, fmt.Errorf("want a string, got %s", raw)
			}
			if strings.TrimSpace(s) == "" {
				return time.Time{}, nil
			}
			t, _, err := article.ParseTime(s)
			if err != nil {
				return time.Time{}, err
			}
			return t.UTC(), nil
		}()
		got, err := jsonTime(raw)
		if !got.Equal(want) || (err == nil) != (wantErr == nil) || err != nil && err.Error() != wantErr.Error() {
			t.Fatalf("jsonTime(%s) = %v, %v; want %v, %v", raw, got, err, want, wantErr)
		}
	})
}
