package quotes

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stance-news/stance/lexicon"
)

// nextMarkByte finds the same byte as a plain loop, wherever the mark sits
// in its 8-byte block and whatever bytes surround it.
func TestNextMarkByte(t *testing.T) {
	for _, mark := range []string{`"`, "'", "“", "”", "«", "»", "—", "\xe2", "\xc2"} {
		for pos := 0; pos < 20; pos++ {
			for _, fill := range []string{"a", " ", "\x01", "\xff", "\xe3", "!"} {
				text := strings.Repeat(fill, pos) + mark + strings.Repeat(fill, 9)
				checkNextMarkByte(t, text)
			}
		}
	}
	checkNextMarkByte(t, "")
	checkNextMarkByte(t, "no marks in this paragraph at all, only words.")
}

func FuzzNextMarkByte(f *testing.F) {
	f.Add("He said “no” and left.", 3)
	f.Fuzz(func(t *testing.T, text string, from int) {
		if from < 0 || from > len(text) {
			from = 0
		}
		for p1 := from; p1 <= len(text); p1++ {
			if got, want := nextMarkByte(text, from, p1), plainNextMarkByte(text, from, p1); got != want {
				t.Fatalf("nextMarkByte(%q, %d, %d) = %d, want %d", text, from, p1, got, want)
			}
		}
	})
}

func checkNextMarkByte(t *testing.T, text string) {
	t.Helper()
	for from := 0; from <= len(text); from++ {
		for _, p1 := range []int{from, (from + len(text)) / 2, len(text)} {
			if got, want := nextMarkByte(text, from, p1), plainNextMarkByte(text, from, p1); got != want {
				t.Fatalf("nextMarkByte(%q, %d, %d) = %d, want %d", text, from, p1, got, want)
			}
		}
	}
}

func plainNextMarkByte(text string, i, p1 int) int {
	for ; i < p1; i++ {
		if c := text[i]; c == '"' || c == 0xE2 || c == 0xC2 || c == '\'' {
			return i
		}
	}
	return p1
}

// plainWordEnd is wordEnd one byte at a time, without the eight-byte skip
// over ASCII letters and digits: the reference for that skip. It follows
// wordEnd's rules, the Latin-1 tail of a name in mojibake included.
func plainWordEnd(text string, i, p1 int) int {
	for i < p1 {
		c := text[i]
		if c < utf8.RuneSelf {
			if isWordByte(c) {
				i++
				continue
			}
			if (c == '\'' || c == '-' || c == '.' || c == '&') && i+1 < p1 && isWordStart(text, i+1, p1) {
				i++
				continue
			}
			if c == ',' && i+1 < p1 && text[i+1] >= '0' && text[i+1] <= '9' && i > 0 && text[i-1] >= '0' && text[i-1] <= '9' {
				i++
				continue
			}
			return i
		}
		r, n := utf8.DecodeRuneInString(text[i:p1])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			i += n
			continue
		}
		if r == '’' && i+n < p1 && isWordStart(text, i+n, p1) {
			i += n
			continue
		}
		if mojibakeTail(text, i, r) {
			i += n
			continue
		}
		return i
	}
	return i
}

// wordEnd ends every word where the byte-by-byte scan does.
func TestWordEnd(t *testing.T) {
	words := []string{"a", "abcdefgh", "abcdefghijklmnopq", "Z09az", "don't", "al-Assad", "U.S.", "1,000", "AT&T",
		"naïve", "Syria’s", "e.g.", "x--y", "a'", "9,", "Ünïcode", "\xff\xfe", "@[`{/:", "PeÃ±a", "BjÃ¸rnstad", "A\u0303\u00b1"}
	for _, w := range words {
		for _, tail := range []string{"", " ", ".", ",1", "abcdefgh ", "\x80", "’s more"} {
			for _, head := range []string{"", " ", "xxxxxxx"} {
				text := head + w + tail
				for p1 := len(head); p1 <= len(text); p1++ {
					if got, want := wordEnd(text, len(head), p1), plainWordEnd(text, len(head), p1); got != want {
						t.Fatalf("wordEnd(%q, %d, %d) = %d, want %d", text, len(head), p1, got, want)
					}
				}
			}
		}
	}
	for c := 0; c < 256; c++ {
		text := "abcd" + string(rune(0)) + "efghijkl"
		b := []byte(text)
		for pos := range b {
			b2 := append([]byte(nil), b...)
			b2[pos] = byte(c)
			s := string(b2)
			if got, want := wordEnd(s, 0, len(s)), plainWordEnd(s, 0, len(s)); got != want {
				t.Fatalf("wordEnd(%q) = %d, want %d", s, got, want)
			}
		}
	}
}

func FuzzWordEnd(f *testing.F) {
	f.Add("al-Assad's U.S. 1,000 naïve")
	f.Add("PeÃ±a Nieto")
	f.Fuzz(func(t *testing.T, text string) {
		for i := 0; i < len(text); i++ {
			if got, want := wordEnd(text, i, len(text)), plainWordEnd(text, i, len(text)); got != want {
				t.Fatalf("wordEnd(%q, %d) = %d, want %d", text, i, got, want)
			}
		}
	})
}

func TestIndexApostrophe(t *testing.T) {
	for _, s := range []string{"", "'", "’", "it's", "it’s", "Clinton’s 'x'", "a'’", "\xe2’", "\xe2\x80’x", "\x80\x99’",
		"x\xe2\x80\x99", "no marks", "‘quoted’", "ʼ"} {
		checkIndexApostrophe(t, s)
	}
}

func FuzzIndexApostrophe(f *testing.F) {
	f.Add("it’s Trump's")
	f.Add("\xe2\x80’'")
	f.Fuzz(checkIndexApostrophe)
}

func checkIndexApostrophe(t *testing.T, s string) {
	if got, want := indexApostrophe(s), strings.IndexAny(s, "'’"); got != want {
		t.Fatalf("indexApostrophe(%q) = %d, IndexAny %d", s, got, want)
	}
}

// plainSentences is sentences as it was before classify listed the stops
// and closing marks: every token read again, for both.
func plainSentences(text string, toks []tok, quoted bool) [][2]int {
	var out [][2]int
	start := 0
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.kind != tPunct || t.q >= 0 {
			continue
		}
		c := text[t.s]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		if c == '.' && abbrevPeriod(text, toks, i) {
			continue
		}
		j := i + 1
		for j < len(toks) && (toks[j].kind == tClose || toks[j].kind == tPunct && isCloser(text[toks[j].s:toks[j].e])) {
			j++
		}
		if j < len(toks) && !startsSentence(text, toks[j]) {
			continue
		}
		out = append(out, [2]int{start, j})
		start = j
		i = j - 1
	}
	if start < len(toks) {
		out = append(out, [2]int{start, len(toks)})
	}
	if !quoted {
		return out
	}
	var split [][2]int
	for _, s := range out {
		start := s[0]
		for i := s[0]; i < s[1]-1; i++ {
			if toks[i].kind != tClose || i == 0 {
				continue
			}
			p := toks[i-1]
			if p.kind != tPunct {
				continue
			}
			c := text[p.s]
			if c != '.' && c != '!' && c != '?' {
				continue
			}
			n := toks[i+1]
			if n.kind == tOpen || n.kind == tWord && n.cap && !isPronounCap(text[n.s:n.e]) {
				split = append(split, [2]int{start, i + 1})
				start = i + 1
			}
		}
		split = append(split, [2]int{start, s[1]})
	}
	return split
}

// TestSentencesFromStops checks that the stops and closing marks classify
// lists split every paragraph of the test articles as looking at every
// token does, and that paragraphs with several sentences, quotes and
// sentences split after a closing mark are among them.
func TestSentencesFromStops(t *testing.T) {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	e := New(lx)
	several, quoted, afterClose := 0, 0, 0
	for _, a := range testArticles(t) {
		for _, p := range a.Paragraphs {
			x := &run{e: e, text: a.Text}
			x.qs = pairQuotes(a.Text, p.Start, p.End, nil)
			x.toks = tokenize(a.Text, p.Start, p.End, x.qs, nil)
			x.classify()
			got := sentences(a.Text, x.toks, x.stops, x.closes, nil, len(x.qs) > 0)
			want := plainSentences(a.Text, x.toks, len(x.qs) > 0)
			if !slices.Equal(got, want) {
				t.Fatalf("article %q, paragraph %q: sentences %v, want %v", a.ID, a.Text[p.Start:p.End], got, want)
			}
			if len(got) > 1 {
				several++
				if len(x.qs) > 0 {
					quoted++
				}
			}
			for _, s := range got[:max(0, len(got)-1)] {
				if x.toks[s[1]-1].kind == tClose {
					afterClose++
				}
			}
		}
	}
	if several == 0 || quoted == 0 || afterClose == 0 {
		t.Fatalf("%d paragraphs of several sentences, %d of them quoted, %d sentences end at a closing mark", several, quoted, afterClose)
	}
	t.Logf("%d paragraphs of several sentences, %d of them quoted, %d sentences end at a closing mark", several, quoted, afterClose)
}

// plainTokenize is tokenize as it was before it found short words inline:
// every word goes through plainWordEnd, and the space after it through
// another turn of the loop. The reference for that shortcut.
func plainTokenize(text string, p0, p1 int, qs []qspan, out []tok) []tok {
	qi := 0
	cur := int32(-1)
	curEnd := -1
	i := p0
	for i < p1 {
		c := text[i]
		if c == ' ' || c == '\n' || c == '\t' || c == '\r' {
			i++
			continue
		}
		if cur >= 0 && i >= curEnd && qs[cur].close < 0 {
			cur = -1
		}
		if qi < len(qs) && i == qs[qi].open {
			n := qs[qi].cs - qs[qi].open
			qs[qi].ot = len(out)
			out = append(out, tok{s: i, e: i + n, kind: tOpen, q: int32(qi)})
			cur, curEnd = int32(qi), qs[qi].ce
			qi++
			i += n
			continue
		}
		if cur >= 0 && i == qs[cur].close {
			_, n := utf8.DecodeRuneInString(text[i:p1])
			if text[i] == '\'' && i+1 < p1 && text[i+1] == '\'' {
				n = 2
			}
			qs[cur].ct = len(out)
			out = append(out, tok{s: i, e: i + n, kind: tClose, q: cur})
			cur = -1
			i += n
			continue
		}
		if c < utf8.RuneSelf {
			if isWordByte(c) {
				j := plainWordEnd(text, i, p1)
				out = append(out, tok{s: i, e: j, kind: tWord, cap: c >= 'A' && c <= 'Z', q: cur})
				i = j
				continue
			}
			out = append(out, tok{s: i, e: i + 1, kind: tPunct, q: cur})
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(text[i:p1])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			j := plainWordEnd(text, i, p1)
			out = append(out, tok{s: i, e: j, kind: tWord, cap: unicode.IsUpper(r), q: cur})
			i = j
			continue
		}
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		out = append(out, tok{s: i, e: i + n, kind: tPunct, q: cur})
		i += n
	}
	return out
}

// checkTokenize compares tokenize with plainTokenize over text[p0:p1] for
// each way pairQuotesIn may pair its marks, the marks' token indexes
// included; it returns how many quotes were paired.
func checkTokenize(t *testing.T, text string, p0, p1 int) int {
	t.Helper()
	paired := 0
	for _, opts := range [][2]bool{{false, false}, {true, false}, {false, true}, {true, true}} {
		qs := pairQuotesIn(text, p0, p1, nil, opts[0], opts[1])
		ref := slices.Clone(qs)
		got := tokenize(text, p0, p1, qs, nil)
		want := plainTokenize(text, p0, p1, ref, nil)
		if !slices.Equal(got, want) || !slices.Equal(qs, ref) {
			t.Fatalf("tokenize(%q) with continued, single = %v:\n got %v %v\nwant %v %v", text[p0:p1], opts, got, qs, want, ref)
		}
		paired += len(qs)
	}
	return paired
}

// tokenize agrees with the reference over every paragraph of the test
// articles, quotes closed, unclosed and nested among them.
func TestTokenizeAgreesWithReference(t *testing.T) {
	paired := 0
	for _, a := range testArticles(t) {
		for _, p := range a.Paragraphs {
			paired += checkTokenize(t, a.Text, p.Start, p.End)
		}
	}
	for _, s := range []string{"", " ", "a", "abcdefg ", "abcdefgh ", "said, \"It is", "\u201cWe will\u201d, she said.",
		"“Open and never closed", "He said ‘no’ to ‘it’.", "''double'' marks", "rock'n'roll 'n' more", "x\u00a0y\u2003z",
		"naïve café owners", "U.S. and al-Assad's 1,000", "A\t\nB\rC", "“a” “b” “c” “d”"} {
		checkTokenize(t, s, 0, len(s))
	}
	if paired == 0 {
		t.Fatal("no quotation paired in the test articles")
	}
}

func FuzzTokenize(f *testing.F) {
	f.Add("“We will,” she said. “And then ‘more’ of it")
	f.Add("said 'it is' and ''so''")
	f.Fuzz(func(t *testing.T, text string) {
		checkTokenize(t, text, 0, len(text))
	})
}
