package article

import (
	"math/rand"
	"strings"
	"testing"
	"unicode/utf8"
)

// Statements come in text order but may nest, so offsets go back as well as
// forward; every answer must be the count from the start of the text.
func TestOffsetsInAnyOrder(t *testing.T) {
	text := "Lavrov said: «Мы не будем» — and “the US” replied, ‘no’. Ünïcödé 日本語 text."
	var starts []int
	for i := range text {
		starts = append(starts, i)
	}
	starts = append(starts, len(text))
	rng := rand.New(rand.NewSource(1))
	o := NewOffsets(text)
	for range 2000 {
		b := starts[rng.Intn(len(starts))]
		if got, want := o.Rune(b), utf8.RuneCountInString(text[:b]); got != want {
			t.Fatalf("Rune(%d) = %d, want %d", b, got, want)
		}
	}
}

// RuneCount must agree with utf8.RuneCountInString on any bytes: ASCII
// runs of every length around the 8-byte steps, multi-byte characters
// across a step's edge, and invalid or cut sequences (one rune per bad byte).
func TestRuneCount(t *testing.T) {
	cases := []string{"", "a", "abcdefg", "abcdefgh", "abcdefghi", "£", "abcdefg£", "abcdefgh£x",
		"1234567日本語", "Лавров said “no”, again and again", "\xff", "abcdefg\xe2\x82", "\xe2\x82abcdefghijk",
		"\xed\xa0\x80 surrogate", "\xf4\x90\x80\x80 too large", "\xc0\xaf overlong", "tail \xf0\x9f\x98"}
	for _, s := range cases {
		if got, want := RuneCount(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("RuneCount(%q) = %d, want %d", s, got, want)
		}
	}
}

func FuzzRuneCount(f *testing.F) {
	for _, s := range []string{"plain ASCII text, long enough", "mixed £ and “quotes” and 日本", "bad \xff\xfe bytes \xe2\x82"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := RuneCount(s), utf8.RuneCountInString(s); got != want {
			t.Errorf("RuneCount(%q) = %d, want %d", s, got, want)
		}
	})
}

func BenchmarkRuneCount(b *testing.B) {
	text := strings.Repeat("The minister said on Tuesday that the talks had failed, “again” (£5m). ", 200)
	b.Run("RuneCount", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for range b.N {
			RuneCount(text)
		}
	})
	b.Run("utf8", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for range b.N {
			utf8.RuneCountInString(text)
		}
	})
}

// FuzzByteOffsets: ByteOffsets is the reverse of Offsets.Rune at every
// character start, in any order of the offsets asked for, and clamps
// offsets outside the text.
func FuzzByteOffsets(f *testing.F) {
	f.Add("Lavrov said: «Мы не будем» — “the US” 日本語", 3, 14, 2)
	f.Add("bad \xff\xfe bytes \xe2\x82", 5, 0, 40)
	f.Fuzz(func(t *testing.T, text string, a, b, c int) {
		starts := []int{}
		for i := range text {
			starts = append(starts, i)
		}
		starts = append(starts, len(text))
		n := len(starts) - 1 // code points in text
		runes := []int{a, b, c, -1, n, n + 7}
		got := ByteOffsets(text, runes...)
		for k, r := range runes {
			want := starts[min(max(r, 0), n)]
			if got[k] != want {
				t.Fatalf("ByteOffsets(%q, %v)[%d] = %d, want %d", text, runes, k, got[k], want)
			}
			if r >= 0 && r <= n && NewOffsets(text).Rune(got[k]) != r {
				t.Fatalf("Rune(ByteOffsets(%q, %d)) = %d", text, r, NewOffsets(text).Rune(got[k]))
			}
		}
	})
}
