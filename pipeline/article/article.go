// Package article holds the parsed form of one news article and the parser for
// the plain-text article shape (headline, dateline lines, paragraphs).
//
// Offsets inside the pipeline are byte offsets into Article.Text, because every
// stage slices strings; they become Unicode code point offsets only at the
// output boundary (see Offsets).
package article

import (
	"strings"
	"time"
)

// Span is a half-open byte range [Start, End) into Article.Text.
type Span struct{ Start, End int }

// Len is the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Article is one news article, ready for analysis.
type Article struct {
	ID        string
	Source    string // where it was read from: a path, with ":line" for JSONL
	URL       string
	Title     string
	Published time.Time // zero when unknown
	Updated   time.Time // zero when unknown
	Text      string
	// Paragraphs are the blocks of Text separated by blank lines, trimmed of
	// surrounding white space, in order.
	Paragraphs []Span
}

// Paragraph returns the text of paragraph i.
func (a *Article) Paragraph(i int) string {
	p := a.Paragraphs[i]
	return a.Text[p.Start:p.End]
}

// ParagraphAt returns the index of the paragraph containing byte offset off,
// or -1 when off falls between paragraphs.
func (a *Article) ParagraphAt(off int) int {
	lo, hi := 0, len(a.Paragraphs)
	for lo < hi {
		m := (lo + hi) / 2
		if a.Paragraphs[m].End <= off {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < len(a.Paragraphs) && a.Paragraphs[lo].Start <= off {
		return lo
	}
	return -1
}

// SplitParagraphs finds the paragraphs of text: runs of lines separated by one
// or more blank lines. A text without any blank line but with several lines is
// split at every line break, since some feeds use single newlines between
// paragraphs.
func SplitParagraphs(text string) []Span {
	blank := strings.Contains(text, "\n\n") || strings.Contains(text, "\n\r\n") || hasBlankLine(text)
	var spans []Span
	start := -1 // start of the current paragraph, -1 when between paragraphs
	end := 0    // end of the last non-blank line in the current paragraph
	pos := 0
	for pos <= len(text) {
		nl := strings.IndexByte(text[pos:], '\n')
		lineEnd := len(text)
		if nl >= 0 {
			lineEnd = pos + nl
		}
		line := text[pos:lineEnd]
		if strings.TrimSpace(line) == "" {
			if start >= 0 {
				spans = append(spans, trimSpan(text, Span{start, end}))
				start = -1
			}
		} else {
			if start < 0 {
				start = pos
			} else if !blank {
				spans = append(spans, trimSpan(text, Span{start, end}))
				start = pos
			}
			end = lineEnd
		}
		if nl < 0 {
			break
		}
		pos = lineEnd + 1
	}
	if start >= 0 {
		spans = append(spans, trimSpan(text, Span{start, end}))
	}
	return spans
}

func hasBlankLine(text string) bool {
	for _, line := range strings.Split(text, "\n") {
		if strings.TrimSpace(line) == "" {
			return true
		}
	}
	return false
}

func trimSpan(text string, s Span) Span {
	for s.Start < s.End && isSpace(text[s.Start]) {
		s.Start++
	}
	for s.End > s.Start && isSpace(text[s.End-1]) {
		s.End--
	}
	return s
}

func isSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\r' || b == '\n' }
