package batchtest

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// HostileMaxArticleBytes is the --max-article-bytes the hostile inputs are
// made for: the 1 MB paragraph fits, the oversize article does not.
const HostileMaxArticleBytes = 1<<20 + 256<<10

// Case is one hostile input and what the run must record for it.
type Case struct {
	Name      string // what the input is, for reports
	ArticleID string // the id its articles row gets
	Status    string // "ok" or "quarantined"
	// ErrPrefix and ErrContains must both be in the row's error, the
	// prefix at its start (the file and line).
	ErrPrefix, ErrContains string
}

// WriteHostile writes hostile inputs into dir and returns what each must
// produce. ids of .txt inputs are relative to dir, so run the batch on dir.
func WriteHostile(dir string) ([]Case, error) {
	var cases []Case
	var errs []error
	file := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := writeFile(p, data); err != nil {
			errs = append(errs, err)
		}
		return p
	}
	quarantined := func(name, id, prefix, contains string) {
		cases = append(cases, Case{Name: name, ArticleID: id, Status: "quarantined", ErrPrefix: prefix, ErrContains: contains})
	}
	ok := func(name, id string) { cases = append(cases, Case{Name: name, ArticleID: id, Status: "ok"}) }

	p := file("invalid-utf8.txt", []byte("A headline\n\nA first paragraph.\n\nBroken \xff\xfe bytes here.\n"))
	quarantined("invalid UTF-8 in a .txt file", "invalid-utf8", p+":5:", "invalid UTF-8 at byte 39")

	p = file("binary.txt", append([]byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), bytes.Repeat([]byte{0, 1, 2, 0xff}, 64)...))
	quarantined("binary file named .txt", "binary", p+":3:", "binary data (NUL byte)")

	p = file("empty.txt", nil)
	quarantined("empty file", "empty", p+":", "empty article")

	p = file("blank.txt", []byte(" \n\t\r\n \n"))
	quarantined("file of white space", "blank", p+":", "empty article")

	p = file("oversize.txt", bigArticle(HostileMaxArticleBytes+100<<10))
	quarantined("article over --max-article-bytes", "oversize", p+":", "article larger than --max-article-bytes")

	file("one-paragraph-1mb.txt", bigArticle(1<<20))
	ok("1 MB one-paragraph article", "one-paragraph-1mb")

	file("nested-quotes.txt", nestedQuotes(5000))
	ok("quotation marks nested 5000 deep", "nested-quotes")

	file("unbalanced-quotes.txt", []byte("Unbalanced marks\n\n“This quote never closes, said nobody.\n\n"+
		"He said ”backwards“ and then \"one more.\n\n"+strings.Repeat("“", 2000)+" said the wall\n\n"+strings.Repeat("”", 2000)+"\n"))
	ok("unbalanced quotation marks", "unbalanced-quotes")

	file("crlf-bom.txt", []byte("\xef\xbb\xbfWindows headline\r\n\r\n“It works,” she said.\r\n"))
	ok("CRLF line ends and a byte order mark", "crlf-bom")
	file("crlf-bom.jsonl", []byte("\xef\xbb\xbf{\"id\": \"bom-first\", \"text\": \"“First,” she said.\"}\r\n{\"id\": \"bom-second\", \"text\": \"“Second,” he said.\"}\r\n"))
	ok("JSONL with a byte order mark and CRLF line ends", "bom-first")
	ok("JSONL with a byte order mark and CRLF line ends, line 2", "bom-second")

	// A link to an article file is read like the file, and a link to no file
	// is an unreadable article; a link to a folder and a file of another
	// format are passed over (and logged).
	if err := os.Symlink("crlf-bom.txt", filepath.Join(dir, "linked.txt")); err != nil {
		errs = append(errs, err)
	}
	ok("link to an article file", "linked")
	if err := os.Symlink("deleted.txt", filepath.Join(dir, "dangling.txt")); err != nil {
		errs = append(errs, err)
	}
	quarantined("link to a file that is gone", "dangling", filepath.Join(dir, "dangling.txt")+": cannot open:", "no such file or directory")
	if err := os.Symlink(".", filepath.Join(dir, "loop")); err != nil {
		errs = append(errs, err)
	}
	file("notes.md", []byte("# not an article\n"))

	// File names are bytes; the tables hold UTF-8.
	file("latin1-caf\xe9.txt", Generate(9, 1, 1)[0].TextFile())
	ok("file name in Latin-1", "latin1-caf\uFFFD")

	// A JSONL feed with one broken record per line between good ones.
	good := Article{ID: "feed-good", Title: "Good record", Text: "“Fine,” he said."}
	lines := []string{
		string(bytes.TrimSpace(good.JSONLine())),
		`{"id": "broken", "text": "unterminated`,
		``,
		`{"id": "no-text", "title": "Only a title"}`,
		"{\"id\": \"raw-bytes\", \"text\": \"bad \xc3\x28 byte\"}",
		`{"id": "bad-date", "published": "yesterday", "text": "“Soon,” she said."}`,
		`{"id": "../../etc/x", "text": "“Paths are not ids,” the engineer said."}`,
		string(bytes.TrimSpace(good.JSONLine())),
		`[1, 2, 3]`,
		`{"id": "nul-text", "text": "a\u0000b"}`,
		`{"id": "too-big", "text": "` + strings.Repeat("word ", (HostileMaxArticleBytes+10)/5) + `"}`,
		strings.Repeat("[", 20000) + strings.Repeat("]", 20000),
		`{"id": "empty-text", "text": ""}`,
		`{"id": 4.2, "text": "fractions are not ids"}`,
		`{"id": "far-future", "published": "9999-12-31T23:59:59-05:00", "text": "“Later,” he said."}`,
		`{"id": "bad-date", "published": "tomorrow", "text": "“Again,” she said."}`,
		`{"id": "bad-date@` + filepath.Join(dir, "feed.jsonl") + `:18", "text": "“An id built to collide,” he said."}`,
		`{"id": "bad-date", "text": "“Now with a good record,” she said."}`,
	}
	p = file("feed.jsonl", []byte(strings.Join(lines, "\n")+"\n"))
	ok("good JSONL record", "feed-good")
	quarantined("malformed JSONL line", "feed:2", p+":2:", "malformed JSON")
	quarantined("JSONL record without text", "no-text", p+":4:", `missing "text"`)
	quarantined("invalid UTF-8 in a JSONL line", "feed:5", p+":5:", "invalid UTF-8 at byte 33 of the line")
	quarantined("unparseable date", "bad-date", p+":6:", `published: unrecognised date "yesterday"`)
	ok("id that looks like a path", "../../etc/x")
	quarantined("duplicate id", "feed-good@"+p+":8", p+":8:", `duplicate article id "feed-good", first read at `+p+":1")
	quarantined("JSON array instead of object", "feed:9", p+":9:", "malformed JSON: a record must be an object, got array")
	quarantined("NUL inside the text", "nul-text", p+":10:", "binary data (NUL byte)")
	quarantined("JSONL text over --max-article-bytes", "too-big", p+":11:", "article larger than --max-article-bytes")
	quarantined("JSON nested 20000 deep", "feed:12", p+":12:", "malformed JSON")
	quarantined("empty text", "empty-text", p+":13:", "empty article")
	quarantined("fraction as id", "feed:14", p+":14:", `"id" must be a string or a whole number, got 4.2`)
	quarantined("date in year 9999 that is year 10000 in UTC", "far-future", p+":15:", "publication date 10000-01-01T04:59:59Z is out of range")
	quarantined("quarantined record repeating a quarantined id", "bad-date@"+p+":16", p+":16:", `published: unrecognised date "tomorrow"`)
	ok("good record whose id imitates a renamed duplicate", "bad-date@"+p+":18")
	quarantined("good record repeating a quarantined id", "bad-date@"+p+":18#2", p+":18:", `duplicate article id "bad-date", first read at `+p+":6")

	// A line longer than the reader allows (4 × max + 1 MB) is not read
	// into memory at all.
	p = file("long-line.jsonl", append(bytes.Repeat([]byte("x"), 4*HostileMaxArticleBytes+1<<20+10), '\n'))
	quarantined("JSONL line over the line limit", "long-line:1", p+":1:", "line longer than")

	// Gzip cut short: the records before the cut are kept, the rest is
	// reported from the line where reading stopped.
	arts := Generate(7, 40, 3)
	var plain []byte
	for _, a := range arts {
		plain = append(plain, a.JSONLine()...)
	}
	gz := gzipBytes(plain)
	p = file("truncated.jsonl.gz", gz[:len(gz)*2/3])
	cases = append(cases, Case{Name: "truncated gzip (JSONL)", ArticleID: "truncated:*", Status: "quarantined", ErrPrefix: p + ":", ErrContains: "unexpected EOF"})
	ok("records before a gzip truncation", arts[0].ID)

	gz = gzipBytes(Generate(8, 1, 1)[0].TextFile())
	p = file("truncated-text.txt.gz", gz[:len(gz)-12])
	quarantined("truncated gzip (.txt)", "truncated-text", p+": reading stopped before the end of the file", "unexpected EOF")

	p = file("not-gzip.jsonl.gz", []byte(`{"id": "plain", "text": "not compressed"}`+"\n"))
	quarantined("plain text named .gz", "not-gzip", p+":", "not a gzip file: gzip: invalid header")

	// Random bytes with line breaks, named .jsonl: every line is a record
	// that fails on its own.
	r := rand.New(rand.NewPCG(1, 2))
	noise := make([]byte, 4096)
	for i := range noise {
		noise[i] = byte(r.UintN(256))
		if i%500 == 499 {
			noise[i] = '\n'
		}
	}
	p = file("noise.jsonl", noise)
	cases = append(cases, Case{Name: "random bytes named .jsonl", ArticleID: "noise:*", Status: "quarantined", ErrPrefix: p + ":"})

	if len(errs) > 0 {
		return nil, fmt.Errorf("writing hostile inputs: %v", errs)
	}
	return cases, nil
}

// bigArticle is a headline and one paragraph of about n bytes with quotes
// scattered through it.
func bigArticle(n int) []byte {
	var b bytes.Buffer
	b.WriteString("A very long article\n\n")
	for i := 0; b.Len() < n; i++ {
		if i%7 == 0 {
			fmt.Fprintf(&b, "“Statement number %d is on the record,” the minister said. ", i)
		} else {
			b.WriteString("The committee continued its work late into the night without a break. ")
		}
	}
	b.WriteString("\n")
	return b.Bytes()
}

// nestedQuotes opens depth quotations inside each other, alternating double
// and single marks as style guides do, then closes them all.
func nestedQuotes(depth int) []byte {
	var b strings.Builder
	b.WriteString("Nested quotations\n\nThe spokesman said ")
	for i := range depth {
		if i%2 == 0 {
			b.WriteString("“he said ")
		} else {
			b.WriteString("‘she said ")
		}
	}
	for i := depth - 1; i >= 0; i-- {
		if i%2 == 0 {
			b.WriteString("”")
		} else {
			b.WriteString("’")
		}
	}
	b.WriteString(", the report said.\n")
	return []byte(b.String())
}

func gzipBytes(data []byte) []byte {
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	zw.Close()
	return b.Bytes()
}
