package quotes

import (
	"strings"
	"testing"

	"github.com/stance-news/stance/internal/swar"
	"github.com/stance-news/stance/lexicon"
)

// The packed word table must answer exactly like the vocabulary map it is
// built from, whatever the case, length or bytes of the word.
func TestWordTableAgreesWithVocab(t *testing.T) {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	e := New(lx)
	words := []string{"", "a", "A", "said", "SAID", "Said", "according", "spokeswoman", "Spokeswoman",
		"x\x00", "the\x00", "abcdefgh", "abcdefghi", "Ünïcode", "straße", strings.Repeat("a", 64), strings.Repeat("a", 65)}
	for w := range e.vocab {
		words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w+"s", w[:len(w)-1])
	}
	var buf [64]byte
	for _, w := range words {
		want, wantOK := e.vocab[asciiLower(w)]
		if len(w) > len(buf) {
			want, wantOK = vocabEntry{}, false
		}
		got, ok := e.words.get(w, buf[:])
		if got != want || ok != wantOK {
			t.Errorf("%q: got %v %v, want %v %v", w, got, ok, want, wantOK)
		}
		// classify's look-up reads the bytes after the word too
		for _, tail := range []string{"", " Said MORE", "\x00\x00\x00\x00\x00\x00\x00\x00", "ÄÖ\xff\xff\xff\xff\xff"} {
			text := "X " + w + tail
			got, ok := e.words.getAt(text, 2, 2+len(w), buf[:])
			if got != want || ok != wantOK {
				t.Errorf("%q in %q: got %v %v, want %v %v", w, text, got, ok, want, wantOK)
			}
		}
	}
}

func asciiLower(w string) string {
	b := []byte(w)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// The eight-byte word loops stop where swar.NotAlnum flags a byte; that
// must be exactly where isWordByte says a word ends.
func TestNotAlnumIsWordByte(t *testing.T) {
	for c := 0; c < 0x80; c++ {
		if wordByte := swar.NotAlnum(uint64(c))&0x80 == 0; wordByte != isWordByte(byte(c)) {
			t.Errorf("byte %#02x: swar.NotAlnum says word byte %v, isWordByte %v", c, wordByte, isWordByte(byte(c)))
		}
	}
}

// Words in no vocabulary mostly start at the empty last slot, so that
// classify does not read the table for them.
func TestAbsentWordsSkipTheTable(t *testing.T) {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	e := New(lx)
	absent, skipped := 0, 0
	for a := 'a'; a <= 'z'; a++ {
		for b := 'a'; b <= 'z'; b++ {
			for _, w := range []string{"zq" + string(a) + string(b), string(a) + "x" + string(b) + "ko", "mc" + string(a) + string(b) + "ter"} {
				if _, ok := e.vocab[w]; ok {
					continue
				}
				absent++
				k, _ := pack(w, false)
				if e.words.start(k) == len(e.words.slots)-1 {
					skipped++
				}
			}
		}
	}
	if skipped < absent*8/10 {
		t.Errorf("%d of %d absent words skip the table, want 80%% or more", skipped, absent)
	}
}

// A word class read from the table answers like the word list it stands
// for, looked up lower-cased (lowerIn), for every word of the list in any
// case and for words beside them.
func TestClassesAnswerLikeWordLists(t *testing.T) {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		list map[string]bool
		cls  wordClass
	}{{quantityWords, cQuantity}, {nounPrepositions, cNounPrep}, {subordinators, cSubordinator},
		{irregularPast, cIrregularPast}, {presenters, cPresenter}, {connectives, cConnective}} {
		var words []string
		for w := range c.list {
			words = append(words, w, strings.ToUpper(w), strings.ToUpper(w[:1])+w[1:], w+"s", w[1:])
		}
		words = append(words, "said", "Obama", "the", "—")
		x := &run{e: New(lx), text: strings.Join(words, " ")}
		x.toks = tokenize(x.text, 0, len(x.text), nil, nil)
		x.classify()
		if len(x.toks) < len(words) {
			t.Fatalf("%d tokens for %d words", len(x.toks), len(words))
		}
		for i, tk := range x.toks {
			if got, want := x.inSet(i, c.cls), x.lowerIn(i, c.list); got != want {
				t.Errorf("%q: class %v, list %v", x.text[tk.s:tk.e], got, want)
			}
		}
	}
}
