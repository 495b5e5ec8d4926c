// Package quotes finds the statements an article attributes to someone:
// direct quotes, quoted fragments inside narration, and reported speech, each
// with its reporting cue and the words that name its speaker.
package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline/article"
)

// Kind of statement.
type Kind string

const (
	Direct   Kind = "direct"   // the speaker's words in quotation marks
	Partial  Kind = "partial"  // a quoted fragment inside narration
	Indirect Kind = "indirect" // reported speech, no quotation marks
)

// Mention is the words naming a speaker in the text.
type Mention struct {
	Text string
	Span article.Span // zero when the speaker was carried over, not named here
}

// Quote is one attributed statement.
type Quote struct {
	Span       article.Span // the statement's words, without quotation marks
	Paragraph  int
	Kind       Kind
	Cue        string  // the reporting words as written: "said", "told reporters"
	Speaker    Mention // who the text says spoke; empty when unknown
	Rule       string  // the attribution rule that named the speaker
	Confidence float64 // 0..1
}

// Extractor finds quotes. It is immutable and safe for concurrent use.
type Extractor struct {
	verbs map[string]bool
}

// New builds an extractor from the lexicon's reporting cues.
func New(lx *lexicon.Lexicon) *Extractor {
	e := &Extractor{verbs: map[string]bool{}}
	for _, c := range lx.Cues.Verbs {
		if c.Kind == "verb" {
			e.verbs[c.Phrase] = true
		}
	}
	return e
}

// Extract returns the article's quotes in text order.
func (e *Extractor) Extract(a *article.Article) []Quote {
	var out []Quote
	for pi, p := range a.Paragraphs {
		para := a.Text[p.Start:p.End]
		for _, q := range findQuoted(para) {
			quote := Quote{Span: article.Span{Start: p.Start + q.Start, End: p.Start + q.End}, Paragraph: pi, Kind: Direct}
			e.attribute(a.Text, p, q, &quote)
			if quote.Speaker.Text == "" && len(out) > 0 && isWholeParagraph(para, q) {
				// A paragraph that is only a quote continues the speaker of
				// the quote before it.
				prev := out[len(out)-1]
				if prev.Paragraph >= pi-1 && prev.Speaker.Text != "" {
					quote.Speaker = Mention{Text: prev.Speaker.Text}
					quote.Cue = prev.Cue
					quote.Rule = "continues-previous"
					quote.Confidence = 0.7
				}
			}
			if quote.Confidence == 0 {
				quote.Confidence = 0.3
				quote.Rule = "unattributed"
			}
			out = append(out, quote)
		}
	}
	return out
}

// findQuoted returns the spans inside quotation marks in one paragraph.
func findQuoted(para string) []article.Span {
	var spans []article.Span
	open := -1
	straight := false
	for i, r := range para {
		switch r {
		case '“':
			if open < 0 {
				open, straight = i+len("“"), false
			}
		case '”':
			if open >= 0 && !straight {
				spans = append(spans, article.Span{Start: open, End: i})
				open = -1
			}
		case '"':
			if open < 0 {
				open, straight = i+1, true
			} else if straight {
				spans = append(spans, article.Span{Start: open, End: i})
				open = -1
			}
		}
	}
	return spans
}

func isWholeParagraph(para string, q article.Span) bool {
	return strings.TrimSpace(para[:q.Start-1]) == "" && q.End+3 >= len(para)
}

// attribute looks right after the closing mark for ", X said" / ", said X",
// then before the opening mark for "X said:".
func (e *Extractor) attribute(text string, p, q article.Span, quote *Quote) {
	after := text[p.Start+q.End : p.End]
	_, size := utf8.DecodeRuneInString(after)
	after = after[size:]
	words := leadingWords(after, 6)
	for i, w := range words {
		if e.verbs[strings.ToLower(w.text)] {
			if i > 0 {
				subj := after[words[0].start:words[i-1].end]
				quote.Speaker = Mention{Text: subj, Span: article.Span{Start: p.Start + q.End + size + words[0].start, End: p.Start + q.End + size + words[i-1].end}}
				quote.Rule = "quote-comma-speaker-verb"
			} else if len(words) > 1 {
				j := len(words)
				subj := after[words[1].start:words[j-1].end]
				quote.Speaker = Mention{Text: subj, Span: article.Span{Start: p.Start + q.End + size + words[1].start, End: p.Start + q.End + size + words[j-1].end}}
				quote.Rule = "quote-comma-verb-speaker"
			}
			quote.Cue = w.text
			quote.Confidence = 0.8
			return
		}
	}
}

type word struct {
	text       string
	start, end int
}

// leadingWords returns up to n words at the start of s, stopping at the first
// punctuation that ends a clause.
func leadingWords(s string, n int) []word {
	var out []word
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || r == '\'' || r == '’' || r == '-' || r == '.' && start >= 0 {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			out = append(out, word{text: strings.TrimRight(s[start:i], "."), start: start, end: start + len(strings.TrimRight(s[start:i], "."))})
			start = -1
			if len(out) == n {
				return out
			}
		}
		if r == ',' && len(out) > 0 || r == ';' || r == ':' || r == '“' || r == '"' {
			return out
		}
	}
	if start >= 0 {
		out = append(out, word{text: s[start:], start: start, end: len(s)})
	}
	return out
}
