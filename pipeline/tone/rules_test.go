package tone

import (
	"math"
	"testing"
)

// norm is the paper's normalisation, written out here so the rules are
// checked against arithmetic, not against the engine itself.
func norm(s float64) float64 { return s / math.Sqrt(s*s+15) }

func TestRules(t *testing.T) {
	e := vaderOnly(t)
	const good, bad, great = 1.9, -2.5, 3.1
	cases := []struct {
		text string
		want float64
	}{
		{"The food was good", norm(good)},
		{"The food was not good", norm(good * -0.74)},
		{"The food wasn't good", norm(good * -0.74)},
		{"Not that the food was good", norm(good)},                               // negation more than three words back
		{"It isn't really very good", norm((good + 0.293 + 0.293*0.95) * -0.74)}, // boosters, then negation two back
		{"The food was very good", norm(good + 0.293)},
		{"The food was slightly bad", norm(bad + 0.293)}, // a dampener shrinks a negative word
		{"The food was GOOD", norm(good + 0.733)},        // caps among mixed case
		{"GOOD FOOD", norm(good)},                        // all caps: no emphasis
		{"The food was good!", norm(good + 0.292)},
		{"The food was good!!!!!!", norm(good + 4*0.292)}, // at most four
		{"Was the food good??", norm(good + 2*0.18)},
		{"The food was good but the service was bad", norm(good*0.5 + bad*1.5)},
		{"The food was great but the staff were great", norm(great*0.5 + great*1.5)},
		{"It was the least good meal", norm(good * -0.74)},
		{"It was at least good", norm(good)},
		{"There is no good food", norm(good * -0.74)},     // "no" negates the word after it
		{"The answer is no", norm(-1.2)},                  // "no" on its own is negative
		{"The food was kind of good", norm(good - 0.293)}, // "kind of" is a dampener, not "kind"
		{"", 0},
		{"   \t ", 0},
		{"the unknown words here", 0},
	}
	for _, c := range cases {
		if got := e.compound(c.text); math.Abs(got-c.want) > 1e-9 {
			t.Errorf("%q: compound %.4f, want %.4f", c.text, got, c.want)
		}
	}
}

func TestTokenize(t *testing.T) {
	e := vaderOnly(t)
	sc := e.get()
	defer e.put(sc)
	e.prepare(sc, "“Great,” he said:\u00a0no. (WOW) :) it's")
	var got []string
	for i := range sc.toks {
		got = append(got, sc.low(i))
	}
	// Curly quotes are not ASCII punctuation and stay; "no." keeps its dot
	// because stripping would leave two letters; ":)" stays an emoticon.
	want := []string{"“great,”", "he", "said", "no.", "wow", ":)", "it's"}
	if len(got) != len(want) {
		t.Fatalf("tokens %q, want %q", got, want)
	}
	for i := range want {
		if got[i] != want[i] {
			t.Fatalf("tokens %q, want %q", got, want)
		}
	}
	if !sc.toks[4].upper || sc.toks[1].upper {
		t.Errorf("caps flags wrong: %+v", sc.toks)
	}
}
