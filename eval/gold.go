// Package eval scores the quote extractor and speaker resolver against
// hand-annotated articles: precision, recall and F1 at two character-overlap
// thresholds, speaker accuracy on the matched quotes, a breakdown by kind and
// by cue, the misses and false alarms to read, and a confidence calibration
// table.
package eval

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/stance-news/stance/pipeline/article"
	"github.com/stance-news/stance/pipeline/source"
)

// Doc is one annotated article.
type Doc struct {
	Article article.Article
	Gold    []Gold
	File    string // where it was read from, with :line for JSONL
}

// Gold is one annotated statement. Offsets are Unicode code points into the
// article text, as in the gold files.
type Gold struct {
	Start, End int
	Text       string
	Kind       string // direct, indirect, mixed
	Speaker    string
	Mentions   []string // every way the article names the source
	Cue        string
	// Source is the source as the article writes it at this attribution
	// (the gold's speaker spans), empty when the gold does not give it.
	// Speaker may differ: PolNeAR resolves a written "he" to a name by
	// automatic coreference, not by hand.
	Source string
	// Swapped is set when the gold's source and cue spans were swapped
	// and the reader put them back (see unswapSource).
	Swapped bool
}

type goldQuote struct {
	Start    *int     `json:"start"`
	End      *int     `json:"end"`
	Text     string   `json:"text"`
	Kind     string   `json:"kind"`
	Speaker  string   `json:"speaker"`
	Mentions []string `json:"speaker_mentions"`
	Cue      string   `json:"cue"`
	Spans    [][]int  `json:"speaker_spans"`
}

type goldRecord struct {
	ID        string          `json:"id"`
	Title     string          `json:"title"`
	Published json.RawMessage `json:"published"`
	Text      *string         `json:"text"`
	Quotes    []goldQuote     `json:"quotes"`
}

// Load reads gold files: JSONL (optionally .gz), one article per line in the
// PolNeAR shape of ../shared/data/README.md, or a .json file holding one
// article object (the seed's gold). Errors name the file and line.
func Load(path string) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	name := strings.ToLower(path)
	if strings.HasSuffix(name, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: gzip: %w", path, err)
		}
		defer gz.Close()
		r = gz
		name = strings.TrimSuffix(name, ".gz")
	}
	if strings.HasSuffix(name, ".json") {
		data, err := io.ReadAll(r)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		d, err := parseRecord(data, path, true)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		return []Doc{d}, nil
	}
	var docs []Doc
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for line := 1; sc.Scan(); line++ {
		if len(strings.TrimSpace(sc.Text())) == 0 {
			continue
		}
		loc := fmt.Sprintf("%s:%d", path, line)
		d, err := parseRecord(sc.Bytes(), loc, false)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", loc, err)
		}
		docs = append(docs, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

func parseRecord(data []byte, loc string, plainText bool) (Doc, error) {
	var rec goldRecord
	if err := json.Unmarshal(data, &rec); err != nil {
		return Doc{}, fmt.Errorf("malformed JSON: %w", source.JSONError(err))
	}
	if rec.Text == nil {
		return Doc{}, fmt.Errorf(`missing "text"`)
	}
	text := strings.ReplaceAll(*rec.Text, "\r\n", "\n")
	id := rec.ID
	if id == "" {
		id = strings.TrimSuffix(filepath.Base(loc), ".gold.json")
	}
	var a article.Article
	if plainText {
		// The seed's text is the .txt article as written: headline and
		// dateline lines first, which the plain-text parser understands.
		var err error
		if a, err = article.ParseText(id, loc, text); err != nil {
			return Doc{}, err
		}
	} else {
		a = article.Article{ID: id, Source: loc, Title: rec.Title, Text: text, Paragraphs: article.SplitParagraphs(text)}
	}
	if a.Published.IsZero() && len(rec.Published) > 0 {
		var s string
		if json.Unmarshal(rec.Published, &s) == nil && s != "" {
			if t, _, err := article.ParseTime(s); err == nil {
				a.Published = t.UTC()
			}
		}
	}
	n := len([]rune(text))
	d := Doc{Article: a, File: loc}
	for i, q := range rec.Quotes {
		if q.Start == nil || q.End == nil || *q.Start < 0 || *q.End > n || *q.Start > *q.End {
			return Doc{}, fmt.Errorf("quote %d: offsets outside the text (%d runes)", i, n)
		}
		g := Gold{Start: *q.Start, End: *q.End, Text: q.Text, Kind: strings.ToLower(q.Kind),
			Speaker: q.Speaker, Mentions: q.Mentions, Cue: q.Cue, Source: spanText(text, q.Spans)}
		unswapSource(&g)
		d.Gold = append(d.Gold, g)
	}
	return d, nil
}

// spanText joins the text of code-point spans; malformed spans give "".
func spanText(text string, spans [][]int) string {
	var parts []string
	for _, sp := range spans {
		if len(sp) != 2 || sp[0] < 0 || sp[0] > sp[1] {
			return ""
		}
		b := article.ByteOffsets(text, sp[0], sp[1])
		parts = append(parts, text[b[0]:b[1]])
	}
	return strings.Join(parts, " ")
}

// swappedSourceWords open a gold source that is really the cue. In
// inverted attributions ("…,” said Hester.) PolNeAR's annotators now and
// then marked the verb as the source and the name as the cue: the gold
// then names the verb "said" as the speaker, which no extractor can match.
var swappedSourceWords = map[string]bool{"said": true, "says": true, "asked": true, "told": true, "added": true, "wrote": true}

// unswapSource puts back a source and cue that the gold has swapped: the
// source is a verb of saying as written (lower case) or "According to",
// and the cue holds no verb of saying. The name in the cue becomes the
// speaker. Other gold is left as it is.
func unswapSource(g *Gold) {
	words := strings.Fields(g.Source)
	if len(words) == 0 || g.Cue == "" {
		return
	}
	first := words[0]
	verb := swappedSourceWords[first] || len(words) == 2 && strings.EqualFold(first, "according") && strings.EqualFold(words[1], "to")
	if !verb || SpeechCue(g.Cue) {
		return
	}
	cue := g.Source
	g.Speaker, g.Mentions, g.Source, g.Cue = g.Cue, []string{g.Cue}, g.Cue, cue
	g.Swapped = true
}
