package article

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// checkSpans asserts what every stage relies on: paragraphs inside the text,
// in order, not overlapping, trimmed, and cut on rune boundaries.
func checkSpans(t *testing.T, text string, spans []Span) {
	t.Helper()
	prev := 0
	for i, s := range spans {
		if s.Start < prev || s.End < s.Start || s.End > len(text) {
			t.Fatalf("paragraph %d %v out of order or outside text of %d bytes (previous end %d)", i, s, len(text), prev)
		}
		if s.Start == s.End {
			t.Fatalf("paragraph %d is empty", i)
		}
		// Sources hand the parser valid UTF-8 only; on that, cuts fall
		// between runes.
		if utf8.ValidString(text) && (!utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End])) {
			t.Fatalf("paragraph %d %v not on rune boundaries", i, s)
		}
		p := text[s.Start:s.End]
		if strings.TrimSpace(p) == "" || isSpace(p[0]) || isSpace(p[len(p)-1]) {
			t.Fatalf("paragraph %d %q is blank or untrimmed", i, p)
		}
		prev = s.End
	}
}

func FuzzParseText(f *testing.F) {
	for _, seed := range []string{
		"Headline\n\nPosted at 12:16 PM, Apr 12, 2017\nand last updated 2017-04-12 12:16:34-04\n\n“Yes,” he said.\n\nMore text.\n",
		"Only a headline",
		"",
		"\n\n\n",
		"Title\r\n\r\nCRLF “quote” body\r\n",
		"Title\nline one\nline two\nline three",
		"Über\n\n“Größe,” sagte sie. 日本語の文章。\n\n\t \n‘nested “marks” here’\n",
		"Headline\n\nPosted at 99:99 PM, Foo 45, 2017\n\nBody",
		"Headline\n\nupdated 2017-04-12 12:16:34-04\n\nposted April 12, 2017\n",
		"\xef\xbb\xbfBOM headline\n\n“Unclosed quote\n\n” stray closer",
		"a\n \n b \n\n\n c",
	} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		a, err := ParseText("id", "src", text)
		checkSpans(t, text, a.Paragraphs)
		if err != nil {
			return
		}
		if a.Text != text {
			t.Fatal("ParseText changed the text")
		}
		if len(a.Paragraphs) == 0 {
			t.Fatal("no error but no paragraphs")
		}
		if !strings.Contains(text, a.Title) || strings.Contains(a.Title, "\n") {
			t.Fatalf("title %q is not one line of the text", a.Title)
		}
		if !utf8.ValidString(text) {
			return
		}
		// Byte → rune offsets agree with counting runes, in any call order.
		o := NewOffsets(text)
		for _, s := range a.Paragraphs {
			for _, b := range []int{s.Start, s.End, s.Start} {
				if got, want := o.Rune(b), utf8.RuneCountInString(text[:b]); got != want {
					t.Fatalf("Rune(%d) = %d, want %d", b, got, want)
				}
			}
		}
		for i, s := range a.Paragraphs {
			if a.ParagraphAt(s.Start) != i || a.ParagraphAt(s.End-1) != i {
				t.Fatalf("ParagraphAt disagrees with paragraph %d %v", i, s)
			}
		}
	})
}

func FuzzSplitParagraphs(f *testing.F) {
	for _, seed := range []string{"", "a", "a\n\nb", "a\nb\nc", " \n\t\n", "x\r\n\r\ny", "“q”\n\n\n‘r’"} {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, text string) {
		checkSpans(t, text, SplitParagraphs(text))
	})
}
