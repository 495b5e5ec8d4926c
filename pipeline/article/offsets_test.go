package article

import (
	"math/rand"
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
