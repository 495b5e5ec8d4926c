// Package source reads news articles from files, folders and standard input,
// one at a time, and turns every input that cannot be read into an Item with
// an error naming the file and line, so that the batch can record it and go on.
package source

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/klauspost/compress/gzip"
	"github.com/stance-news/stance/pipeline/article"
)

// DefaultMaxArticleBytes bounds one article's text; larger inputs are
// quarantined rather than read whole into memory.
const DefaultMaxArticleBytes = 8 << 20

// Item is one input article, or the reason one could not be read.
type Item struct {
	Article article.Article // valid when Err is nil
	ID      string          // article id, also set for failed items when known
	Path    string          // the input file, "-" for standard input
	Line    int             // 1-based line for JSONL input, 0 for a whole file
	Err     error           // why the input was quarantined
}

// Location is "path" or "path:line", for messages and the articles table.
func (it Item) Location() string {
	if it.Line > 0 {
		return fmt.Sprintf("%s:%d", it.Path, it.Line)
	}
	return it.Path
}

// Error is an input problem tied to a file and line.
type Error struct {
	Path string
	Line int
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.Path, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.Path, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// Options tune reading.
type Options struct {
	MaxArticleBytes int       // 0 means DefaultMaxArticleBytes
	Stdin           io.Reader // read for the input "-"
}

// supported reports whether a file name has an extension the reader knows.
func supported(name string) bool {
	name = strings.TrimSuffix(strings.ToLower(name), ".gz")
	switch filepath.Ext(name) {
	case ".txt", ".jsonl", ".ndjson":
		return true
	}
	return false
}

// Files expands inputs into the list of files to read, in the order they will
// be read: each folder walked recursively in sorted order, skipping hidden
// entries and files of other formats. A missing input is an error: it is a
// usage mistake, not a bad article.
func Files(inputs []string) ([]File, error) {
	files, _, err := Walk(inputs)
	return files, err
}

// Walk is Files that also returns the files it passed over inside folders
// (other formats, links to folders, special files), so that a run can say
// what it did not read. Links to files are followed; links to folders are
// not, which keeps a walk finite; a broken link is listed as a file, so that
// reading it fails and is recorded.
func Walk(inputs []string) (files []File, skipped []string, err error) {
	for _, in := range inputs {
		if in == "-" {
			files = append(files, File{Path: "-", Root: "-"})
			continue
		}
		st, err := os.Stat(in)
		if err != nil {
			return nil, nil, fmt.Errorf("input %s: %w", in, err)
		}
		if !st.IsDir() {
			files = append(files, File{Path: in, Root: filepath.Dir(in)})
			continue
		}
		var found []File
		err = filepath.WalkDir(in, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if p != in && strings.HasPrefix(d.Name(), ".") {
				if d.IsDir() {
					return filepath.SkipDir
				}
				return nil
			}
			if d.IsDir() {
				return nil
			}
			regular := d.Type().IsRegular()
			if d.Type()&fs.ModeSymlink != 0 {
				// A link that leads nowhere is an article that cannot be
				// read, not a file of another kind: reading it records the
				// error under its name, as for any unreadable file.
				st, err := os.Stat(p)
				regular = err != nil || st.Mode().IsRegular()
			}
			if regular && supported(d.Name()) {
				found = append(found, File{Path: p, Root: in})
			} else {
				skipped = append(skipped, p)
			}
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("input %s: %w", in, err)
		}
		sort.Slice(found, func(i, j int) bool { return found[i].Path < found[j].Path })
		files = append(files, found...)
	}
	return files, skipped, nil
}

// File is one input file and the root it was found under, which article ids
// of plain-text files are relative to.
type File struct {
	Path string
	Root string
}

// Name is the path as the tables and messages show it: file names are bytes
// on Linux, and the tables hold UTF-8, so invalid bytes become U+FFFD.
func (f File) Name() string { return strings.ToValidUTF8(f.Path, "\uFFFD") }

// Read calls emit for every article in the inputs, in input order. It returns
// early only when ctx is cancelled or emit fails; unreadable inputs are
// emitted as Items with Err set.
func Read(ctx context.Context, inputs []string, opt Options, emit func(Item) error) error {
	files, err := Files(inputs)
	if err != nil {
		return err
	}
	return ReadFiles(ctx, files, opt, emit)
}

// ReadFiles is Read on files already listed by Files or Walk.
func ReadFiles(ctx context.Context, files []File, opt Options, emit func(Item) error) error {
	for _, f := range files {
		if err := ReadFile(ctx, f, opt, emit); err != nil {
			return err
		}
	}
	return nil
}

// ReadFile reads one input file.
func ReadFile(ctx context.Context, f File, opt Options, emit func(Item) error) error {
	if opt.MaxArticleBytes <= 0 {
		opt.MaxArticleBytes = DefaultMaxArticleBytes
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	var r io.Reader
	if f.Path == "-" {
		if opt.Stdin == nil {
			return emit(failed(f, 0, "", errors.New("no standard input")))
		}
		return readJSONL(ctx, f, opt.Stdin, opt, emit)
	}
	fh, err := os.Open(f.Path)
	if err != nil {
		// The record names the file already: keep the reason only.
		var pe *fs.PathError
		if errors.As(err, &pe) {
			err = fmt.Errorf("cannot open: %w", pe.Err)
		}
		return emit(failed(f, 0, textID(f), err))
	}
	defer fh.Close()
	r = fh
	name := strings.ToLower(f.Path)
	if strings.HasSuffix(name, ".gz") {
		// klauspost's gzip reader inflates the same bytes as the standard
		// library's with a fifth less CPU (bbc.jsonl.gz: 23 → 19 ms).
		gz, err := gzip.NewReader(bufio.NewReaderSize(fh, 64<<10))
		if err != nil {
			return emit(failed(f, 0, textID(f), fmt.Errorf("not a gzip file: %w", err)))
		}
		defer gz.Close()
		r = gz
		name = strings.TrimSuffix(name, ".gz")
	}
	switch filepath.Ext(name) {
	case ".jsonl", ".ndjson":
		return readJSONL(ctx, f, r, opt, emit)
	case ".txt":
		return emit(readText(f, r, opt))
	default:
		return emit(failed(f, 0, textID(f), fmt.Errorf("unsupported format %q (want .txt, .jsonl, .ndjson, optionally .gz)", filepath.Ext(name))))
	}
}

func failed(f File, line int, id string, err error) Item {
	return Item{ID: id, Path: f.Name(), Line: line, Err: &Error{Path: f.Name(), Line: line, Err: err}}
}

// textID is a plain-text article's id: its path relative to the input root,
// without extensions, with forward slashes.
func textID(f File) string {
	if f.Path == "-" {
		return "stdin"
	}
	rel, err := filepath.Rel(f.Root, f.Path)
	if err != nil {
		rel = filepath.Base(f.Path)
	}
	rel = strings.ToValidUTF8(filepath.ToSlash(rel), "\uFFFD")
	for _, ext := range []string{".gz", ".txt", ".jsonl", ".ndjson"} {
		if strings.HasSuffix(strings.ToLower(rel), ext) {
			rel = rel[:len(rel)-len(ext)]
		}
	}
	return rel
}

func readText(f File, r io.Reader, opt Options) Item {
	id := textID(f)
	data, err := io.ReadAll(io.LimitReader(r, int64(opt.MaxArticleBytes)+1))
	if err != nil {
		// A gzip stream cut short or a failing disk, as for JSONL.
		return failed(f, 0, id, fmt.Errorf("reading stopped before the end of the file, the article is lost: %w", err))
	}
	if len(data) > opt.MaxArticleBytes {
		return failed(f, 0, id, fmt.Errorf("article larger than --max-article-bytes (%d)", opt.MaxArticleBytes))
	}
	text, line, err := cleanText(data)
	if err != nil {
		return failed(f, line, id, err)
	}
	a, err := article.ParseText(id, f.Name(), text)
	if err != nil {
		return failed(f, 0, id, err)
	}
	return Item{Article: a, ID: id, Path: f.Name()}
}

// cleanText checks that data is text and normalises line ends. On failure it
// returns the 1-based line of the first bad byte.
func cleanText(data []byte) (string, int, error) { return cleanString(string(data)) }

// cleanString is cleanText for a string, which it returns without a copy
// when there is nothing to change.
func cleanString(s string) (string, int, error) {
	s = strings.TrimPrefix(s, "\xef\xbb\xbf")
	if len(strings.TrimSpace(s)) == 0 {
		return "", 0, errors.New("empty article")
	}
	if i := strings.IndexByte(s, 0); i >= 0 {
		return "", strings.Count(s[:i], "\n") + 1, errors.New("binary data (NUL byte)")
	}
	if !utf8.ValidString(s) {
		i := firstInvalid(s)
		return "", strings.Count(s[:i], "\n") + 1, fmt.Errorf("invalid UTF-8 at byte %d", i)
	}
	if strings.IndexByte(s, '\r') >= 0 {
		s = strings.ReplaceAll(s, "\r\n", "\n")
		s = strings.ReplaceAll(s, "\r", "\n")
	}
	return decodeCharRefs(s), 0, nil
}

// decodeCharRefs turns HTML character references into the characters they
// stand for: feeds scraped from web pages carry "Bryn F&#244;n",
// "communiqu&#233;" and "&ldquo;…&rdquo;", which would break a name in two
// and hide a quotation from the extractor. Tags are left as they are.
func decodeCharRefs(s string) string {
	if strings.IndexByte(s, '&') < 0 {
		return s
	}
	return html.UnescapeString(s)
}

func firstInvalid(b string) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRuneInString(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return len(b)
}

// jsonArticle is one JSONL record; unknown fields are ignored.
type jsonArticle struct {
	ID        json.RawMessage `json:"id"` // a string or a whole number (jsonID)
	Title     string          `json:"title"`
	Published json.RawMessage `json:"published"`
	Updated   json.RawMessage `json:"updated"`
	URL       string          `json:"url"`
	Text      *string         `json:"text"`
}

func readJSONL(ctx context.Context, f File, r io.Reader, opt Options, emit func(Item) error) error {
	br := bufio.NewReaderSize(r, 256<<10)
	// A record may hold the article plus annotations; allow some room over
	// the article limit before calling the line too long.
	maxLine := opt.MaxArticleBytes*4 + 1<<20
	base := textID(f)
	var buf, scratch []byte
	for line := 1; ; line++ {
		if err := ctx.Err(); err != nil {
			return err
		}
		buf = buf[:0]
		tooLong := false
		var readErr error
		// A line that fits in the reader's buffer is parsed where it lies
		// (parseRecord keeps no part of it); a longer one is gathered.
		data := buf
		for {
			chunk, err := br.ReadSlice('\n')
			if !tooLong {
				if len(buf)+len(chunk) > maxLine {
					tooLong = true
					buf = buf[:0]
				} else if len(buf) == 0 && err != bufio.ErrBufferFull {
					data = chunk
				} else {
					buf = append(buf, chunk...)
					data = buf
				}
			}
			if err == bufio.ErrBufferFull {
				continue
			}
			readErr = err
			break
		}
		fallbackID := base + ":" + strconv.Itoa(line)
		if readErr != nil && readErr != io.EOF {
			// A truncated gzip stream or a failing disk: the records read
			// so far are kept; the rest of the file, from this line on, is
			// recorded as lost (a partial line is not parsed).
			return emit(failed(f, line, fallbackID, fmt.Errorf("reading stopped at this line, the rest of the file is lost: %w", readErr)))
		}
		if tooLong {
			if err := emit(failed(f, line, fallbackID, fmt.Errorf("line longer than %d bytes", maxLine))); err != nil {
				return err
			}
		} else if len(bytes.TrimSpace(data)) > 0 {
			if line == 1 {
				// Editors and exports on Windows start a UTF-8 file with a
				// byte order mark; JSON readers may ignore it (RFC 8259).
				data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
			}
			if err := emit(parseRecord(f, line, fallbackID, data, opt, &scratch)); err != nil {
				return err
			}
		}
		if readErr == io.EOF {
			return nil
		}
	}
}

// scratch is decodeArticle's buffer, which the caller keeps from one record
// to the next.
func parseRecord(f File, line int, fallbackID string, data []byte, opt Options, scratch *[]byte) Item {
	var rec jsonArticle
	if !utf8.Valid(data) {
		return failed(f, line, fallbackID, fmt.Errorf("invalid UTF-8 at byte %d of the line", firstInvalid(string(data))))
	}
	if !decodeArticle(data, &rec, scratch) {
		rec = jsonArticle{}
		if err := json.Unmarshal(data, &rec); err != nil {
			return failed(f, line, fallbackID, fmt.Errorf("malformed JSON: %w", JSONError(err)))
		}
	}
	id, err := jsonID(rec.ID)
	if err != nil {
		return failed(f, line, fallbackID, err)
	}
	if id == "" {
		id = fallbackID
	}
	loc := f.Name() + ":" + strconv.Itoa(line)
	if rec.Text == nil {
		return failed(f, line, id, errors.New(`missing "text"`))
	}
	if len(*rec.Text) > opt.MaxArticleBytes {
		return failed(f, line, id, fmt.Errorf("article larger than --max-article-bytes (%d)", opt.MaxArticleBytes))
	}
	text, _, err := cleanString(*rec.Text)
	if err != nil {
		return failed(f, line, id, err)
	}
	a := article.Article{ID: id, Source: loc, URL: rec.URL, Title: strings.TrimSpace(decodeCharRefs(rec.Title)), Text: text}
	a.Paragraphs = article.SplitParagraphs(text)
	if a.Published, err = jsonTime(rec.Published); err != nil {
		return failed(f, line, id, fmt.Errorf("published: %w", err))
	}
	if a.Updated, err = jsonTime(rec.Updated); err != nil {
		return failed(f, line, id, fmt.Errorf("updated: %w", err))
	}
	return Item{Article: a, ID: id, Path: f.Name(), Line: line}
}

// JSONError words an encoding/json error about a record in the record's
// terms rather than those of the Go struct it is decoded into: "\"id\" must
// be a string, got number", not "json: cannot unmarshal number into Go
// struct field jsonArticle.id of type string". Syntax errors already read
// well and pass through.
func JSONError(err error) error {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) {
		return err
	}
	want := "a value of another type"
	switch te.Type.Kind() {
	case reflect.String:
		want = "a string"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64,
		reflect.Float32, reflect.Float64:
		want = "a number"
	case reflect.Bool:
		want = "true or false"
	case reflect.Slice, reflect.Array:
		want = "a list"
	case reflect.Struct, reflect.Map:
		want = "an object"
	}
	if te.Field == "" {
		return fmt.Errorf("a record must be %s, got %s", want, te.Value)
	}
	return fmt.Errorf("%q must be %s, got %s", te.Field, want, te.Value)
}

// jsonTime accepts null, "", RFC 3339 or a plain date.
// jsonID reads a record's id: a string, or a whole number as its digits
// (database exports and news archives number their articles: {"id": 12345}
// is the article "12345"). Missing, null or blank is "". A fraction or any
// other value is an error: 1.0 and 1 would be one number but two ids.
func jsonID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	if n := len(raw); raw[0] == '"' {
		if n >= 2 && raw[n-1] == '"' && bytes.IndexByte(raw[1:n-1], '\\') < 0 {
			// no escapes, as nearly all ids: the characters as they stand
			return strings.TrimSpace(string(raw[1 : n-1])), nil
		}
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			return "", fmt.Errorf("malformed JSON: %w", JSONError(err))
		}
		return strings.TrimSpace(s), nil
	}
	digits := raw
	if digits[0] == '-' {
		digits = digits[1:]
	}
	if len(digits) > 0 && len(bytes.Trim(digits, "0123456789")) == 0 {
		return string(raw), nil
	}
	return "", fmt.Errorf(`"id" must be a string or a whole number, got %s`, raw)
}

func jsonTime(raw json.RawMessage) (time.Time, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return time.Time{}, nil
	}
	var s string
	if n := len(raw); n >= 2 && raw[0] == '"' && raw[n-1] == '"' && bytes.IndexByte(raw[1:n-1], '\\') < 0 && bytes.IndexByte(raw[1:n-1], '"') < 0 {
		// A date without escapes, as nearly all are: its characters as
		// they stand (raw comes from a line already checked as JSON and
		// UTF-8), without encoding/json's reflection for each article.
		s = string(raw[1 : n-1])
	} else if err := json.Unmarshal(raw, &s); err != nil {
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
}
