package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"strings"
	"testing"
	"unicode/utf8"
)

// checkItem asserts what the batch relies on for every item a reader
// emits: an error naming the file (and the line, for JSONL), or an article
// with an id, valid UTF-8 text without NUL, and paragraphs inside the text on
// rune boundaries.
func checkItem(t *testing.T, it Item, path string, maxLine int) {
	t.Helper()
	if it.Path != path || it.Line < 0 || it.Line > maxLine {
		t.Fatalf("item at %s:%d, want %s with a line in 0..%d", it.Path, it.Line, path, maxLine)
	}
	if it.ID == "" {
		t.Fatalf("item without id at %s", it.Location())
	}
	if it.Err != nil {
		var se *Error
		if !errors.As(it.Err, &se) || se.Path != path || se.Line != it.Line {
			t.Fatalf("error %q does not carry the item's file and line", it.Err)
		}
		if !strings.HasPrefix(it.Err.Error(), it.Location()+": ") {
			t.Fatalf("error %q does not start with %s", it.Err, it.Location())
		}
		return
	}
	a := it.Article
	if a.ID != it.ID || !utf8.ValidString(a.Text) || strings.IndexByte(a.Text, 0) >= 0 || strings.TrimSpace(a.Text) == "" {
		t.Fatalf("bad article %q: valid UTF-8 %v, text %q", a.ID, utf8.ValidString(a.Text), a.Text)
	}
	prev := 0
	for _, s := range a.Paragraphs {
		if s.Start < prev || s.End <= s.Start || s.End > len(a.Text) ||
			!utf8.RuneStart(a.Text[s.Start]) || s.End < len(a.Text) && !utf8.RuneStart(a.Text[s.End]) {
			t.Fatalf("paragraph %v of a %d-byte text out of order, outside it or off rune boundaries", s, len(a.Text))
		}
		prev = s.End
	}
}

func FuzzReadJSONL(f *testing.F) {
	for _, seed := range []string{
		`{"id":"a","title":"T","published":"2017-04-12","text":"“Yes,” he said."}` + "\n",
		`{"id":"b","published":"2017-04-12T10:00:00-04:00","updated":null,"text":"x\n\ny"}`,
		`{"text":"no id"}` + "\n\n" + `{"id":"  ","text":"blank id"}`,
		"{\"id\":\"c\",\"text\":\"bad \xff\"}\n",
		`{"id":"d","text":"nul \u0000"}`,
		`{"id":"e"}`,
		`{"id":"f","text":"` + strings.Repeat("long ", 100) + `"}`,
		"not json\n[1]\nnull\n\"s\"\n{}\n",
		`{"id":"g","published":42,"text":"t"}`,
		`{"id":"h","published":"someday","text":"t"}`,
		"\r\n\r\n" + `{"id":"i","text":"crlf"}` + "\r\n",
		strings.Repeat("[", 300),
		"{\"id\":\"j\",\"text\":\"\xef\xbb\xbfbom\"}",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		lines := bytes.Count(data, []byte("\n")) + 1
		f := File{Path: "in/feed.jsonl", Root: "in"}
		opt := Options{MaxArticleBytes: 300}
		last := 0
		err := readJSONL(context.Background(), f, bytes.NewReader(data), opt, func(it Item) error {
			checkItem(t, it, f.Path, lines)
			if it.Line <= last {
				t.Fatalf("line %d after line %d", it.Line, last)
			}
			last = it.Line
			return nil
		})
		if err != nil {
			t.Fatalf("reader stopped: %v", err)
		}
		// The same bytes gzipped and cut short must not stop the reader
		// either: what is lost is reported.
		var gz bytes.Buffer
		zw := gzip.NewWriter(&gz)
		zw.Write(data)
		zw.Close()
		cut := gz.Bytes()[:gz.Len()*3/4]
		zr, err := gzip.NewReader(bytes.NewReader(cut))
		if err != nil {
			return
		}
		last = 0
		err = readJSONL(context.Background(), f, zr, opt, func(it Item) error {
			checkItem(t, it, f.Path, lines)
			if it.Line <= last {
				t.Fatalf("gzip: line %d after line %d", it.Line, last)
			}
			last = it.Line
			return nil
		})
		if err != nil {
			t.Fatalf("reader stopped on truncated gzip: %v", err)
		}
	})
}

func FuzzReadText(f *testing.F) {
	for _, seed := range []string{
		"Headline\n\nPosted at 12:16 PM, Apr 12, 2017\n\n“Yes,” he said.\n",
		"", " \n", "\x00binary", "bad \xc3\x28", "\xef\xbb\xbfBOM\r\n\r\nbody",
		"Headline\n\nPosted at 25:99 PM, Apr 40, 2017\n\nbody",
	} {
		f.Add([]byte(seed))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		f := File{Path: "in/a/b.txt", Root: "in"}
		it := readText(f, bytes.NewReader(data), Options{MaxArticleBytes: 300})
		checkItem(t, it, f.Path, bytes.Count(data, []byte("\n"))+1)
		if it.ID != "a/b" {
			t.Fatalf("id %q, want a/b", it.ID)
		}
	})
}
