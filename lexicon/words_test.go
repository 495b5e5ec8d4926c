package lexicon

import (
	"context"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stance-news/stance/internal/swar"
	"github.com/stance-news/stance/internal/testdir"
	"github.com/stance-news/stance/pipeline/source"
)

// acronymBySplit is isAcronymDot as it was first written: every part of
// the word between dots is one character.
func acronymBySplit(text string, start, end int) bool {
	for _, part := range strings.Split(text[start:end], ".") {
		if utf8.RuneCountInString(part) != 1 {
			return false
		}
	}
	return true
}

// referenceTokens is AppendTokens as it was before its ASCII fast paths,
// decoding every character as a rune: the tokens must not change, since
// frame patterns and statements are matched on them.
func referenceTokens(out []Token, text string) []Token {
	var brk byte
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			switch {
			case r == '.' || r == '?' || r == '!' || r == '\n' && strings.HasPrefix(text[i+n:], "\n"):
				brk = '.'
			case r == ',' || r == ';' || r == ':' || r == '—' || r == '–' || r == '(' || r == ')':
				if brk == 0 {
					brk = ','
				}
			}
			i += n
			continue
		}
		start := i
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				i += n
				continue
			}
			if r == '\'' || r == '’' || r == '.' {
				if r2, _ := utf8.DecodeRuneInString(text[i+n:]); i+n < len(text) && isWordRune(r2) && (r != '.' || acronymBySplit(text, start, i)) {
					i += n
					continue
				}
				if r == '.' && i-start <= 3 && acronymBySplit(text, start, i) {
					i += n
				}
			}
			break
		}
		raw := text[start:i]
		out = append(out, Token{Norm: Normalize(raw), Raw: raw, Start: start, End: i, Break: brk})
		brk = 0
	}
	return out
}

func checkTokens(t *testing.T, text string) {
	t.Helper()
	got, want := AppendTokens(nil, text), referenceTokens(nil, text)
	if !reflect.DeepEqual(got, want) {
		for i := range min(len(got), len(want)) {
			if got[i] != want[i] {
				t.Fatalf("%.60q…: token %d = %+v, want %+v", text, i, got[i], want[i])
			}
		}
		t.Fatalf("%.60q…: %d tokens, want %d", text, len(got), len(want))
	}
	// AppendTokensIn gives the same tokens, into a buffer already holding
	// the words of a text before (which must not change either).
	const before = "The U.S.'s ROLE, Mr. Smith's"
	norms := []byte{}
	first := AppendTokensIn(nil, before, &norms)
	in := AppendTokensIn(nil, text, &norms)
	if !reflect.DeepEqual(in, want) && (len(in) > 0 || len(want) > 0) {
		t.Fatalf("%.60q…: AppendTokensIn gives %+v, want %+v", text, in, want)
	}
	if again := AppendTokens(nil, before); !reflect.DeepEqual(first, again) {
		t.Fatalf("%.60q…: the tokens of an earlier text became %+v, want %+v", text, first, again)
	}
}

// AppendTokens splits every text as the rune-by-rune reference does: odd
// punctuation, acronyms, apostrophes, broken UTF-8, and the shared corpora.
func TestAppendTokensAgreesWithReference(t *testing.T) {
	for _, text := range []string{"", ".", "a", "U.S.", "U.S. and U.N.", "the U.S.'s role.", "Mr. Smith's", "didn't", "Syria’s",
		"end.\n\nNew", "x\n y", "a—b–c (d) e; f: g, h? i! j", "“Quoted,” he said.", "1,000.5 and 3.14", "al-Assad's",
		"naïve café Ünïcode straße", "bad \xff\xfe bytes\x80", "tail'", "tail’", "tail.", "A.B.C.D. E.", "'s", "’’", "e.g. i.e."} {
		checkTokens(t, text)
	}
	n := 0
	for _, name := range []string{"bbc.jsonl.gz", "polnear_dev.jsonl.gz"} {
		path := filepath.Join(testdir.Shared(t), "data", name)
		if _, err := os.Stat(path); err != nil {
			continue
		}
		err := source.Read(context.Background(), []string{path}, source.Options{}, func(it source.Item) error {
			if it.Err == nil {
				checkTokens(t, it.Article.Text)
				n++
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Logf("%d corpus articles compared", n)
}

func FuzzAppendTokens(f *testing.F) {
	for _, s := range []string{"U.S. role", "he said: “no.”", "a\n\nb", "x’s", "\xff.", "U.S.A. and U..S", "é.ü. x.y.z", ".a. a.bc. ab.c"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) { checkTokens(t, text) })
}

// BenchmarkAppendTokens splits the BBC corpus's texts as stance splits its
// statements (AppendTokensIn, one buffer reused):
//
//	go test ./lexicon -run '^$' -bench AppendTokens
func BenchmarkAppendTokens(b *testing.B) {
	path := testdir.SharedFile(b, "data", "bbc.jsonl.gz")
	var texts []string
	n := 0
	err := source.Read(context.Background(), []string{path}, source.Options{}, func(it source.Item) error {
		if it.Err == nil {
			texts = append(texts, it.Article.Text)
			n += len(it.Article.Text)
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(n))
	var toks []Token
	var norms []byte
	for b.Loop() {
		for _, t := range texts {
			norms = norms[:0]
			toks = AppendTokensIn(toks[:0], t, &norms)
		}
	}
}

// The eight-byte word loops stop where swar.NotAlnum flags a byte; that
// must be exactly where asciiWord says a word ends.
func TestNotAlnumIsWordByte(t *testing.T) {
	for c := 0; c < 0x80; c++ {
		if wordByte := swar.NotAlnum(uint64(c))&0x80 == 0; wordByte != asciiWord[c] {
			t.Errorf("byte %#02x: swar.NotAlnum says word byte %v, asciiWord %v", c, wordByte, asciiWord[c])
		}
	}
}
