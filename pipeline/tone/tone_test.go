package tone

import (
	"bufio"
	"math"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline/article"
)

func defaultScorer(t testing.TB) *Scorer {
	t.Helper()
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	s, err := New(lx)
	if err != nil {
		t.Fatal(err)
	}
	if s.model == nil {
		t.Fatal("the default lexicon ships no naive Bayes model")
	}
	return s
}

// TestGoldenSentences scores sentences written for the project in the style
// of diplomatic news (testdata/sentences.tsv: label, then text; a target
// mention in [brackets] is scored with Target as well).
func TestGoldenSentences(t *testing.T) {
	s := defaultScorer(t)
	f, err := os.Open("testdata/sentences.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for line := 1; sc.Scan(); line++ {
		row := sc.Text()
		if row == "" || strings.HasPrefix(row, "#") {
			continue
		}
		label, text, ok := strings.Cut(row, "\t")
		if !ok {
			t.Fatalf("testdata/sentences.tsv:%d: want label<TAB>text", line)
		}
		n++
		open, close := strings.Index(text, "["), strings.Index(text, "]")
		if open >= 0 && close > open {
			plain := text[:open] + text[open+1:close] + text[close+1:]
			span := article.Span{Start: open, End: close - 1}
			got := s.TargetScore(plain, span)
			if got.Label != label {
				t.Errorf("line %d: target %q in %q: %s (%.3f; lexicon %.3f, nb %.3f), want %s",
					line, plain[span.Start:span.End], plain, got.Label, got.Tone, got.Lexicon, got.NB, label)
			}
			if s.Target(plain, span) != got.Tone {
				t.Errorf("line %d: Target and TargetScore disagree", line)
			}
			continue
		}
		got := s.Score(text)
		if got.Label != label {
			t.Errorf("line %d: %q: %s (%.3f; lexicon %.3f, nb %.3f), want %s", line, text, got.Label, got.Tone, got.Lexicon, got.NB, label)
		}
	}
	if n < 20 {
		t.Fatalf("only %d golden sentences", n)
	}
}

// TestNewsLayer checks the layer changes what VADER alone gets wrong in news.
func TestNewsLayer(t *testing.T) {
	s := defaultScorer(t)
	vader := vaderOnly(t)
	for _, c := range []struct {
		text      string
		vaderSign float64 // the sign VADER alone gives
		newsSign  float64 // the sign with the news layer
	}{
		{"Moscow said Washington was responsible for the strike.", 1, -1},
		{"The ministry called the report a fabrication.", 0, -1},
		{"The two leaders stressed cooperation and common interests.", -1, 1}, // "stressed" as in emphasised
		{"The ambassador said the evidence was not credible.", 0, -1},
		{"The new courthouses hardly inspire confidence.", 1, -1}, // "hardly" negates in news
		{"The offer was scarcely generous.", 1, -1},
	} {
		if got := sign(vader.compound(c.text)); got != c.vaderSign {
			t.Errorf("%q: VADER alone gives sign %v, test expects %v", c.text, got, c.vaderSign)
		}
		if got := sign(s.rules.compound(c.text)); got != c.newsSign {
			t.Errorf("%q: with the news layer sign %v, want %v", c.text, got, c.newsSign)
		}
	}
}

// TestNameWords: a rated word inside a capitalised name carries no valence
// with the news layer; the same word elsewhere keeps it.
func TestNameWords(t *testing.T) {
	s := defaultScorer(t)
	vader := vaderOnly(t)
	// Each name reads as the same sentence with an unrated name in its place.
	for _, c := range [][2]string{
		{"Senator Luther Strange praised the deal on the floor.", "Senator Luther Smith praised the deal on the floor."},
		{"Rob Portman said the bill would pass.", "Jim Portman said the bill would pass."},
		{"This year the Nobel Peace Prize went to the negotiators.", "This year the Nobel Jansen Fund went to the negotiators."},
		{"She told ABC's Good Morning America on Friday that she would stay in the race.", "She told ABC's Daily Morning America on Friday that she would stay in the race."},
	} {
		if vader.compound(c[0]) == vader.compound(c[1]) {
			t.Errorf("%q: VADER alone rates the name's words the same as %q; the case tests nothing", c[0], c[1])
		}
		if got, want := s.rules.compound(c[0]), s.rules.compound(c[1]); got != want {
			t.Errorf("%q: compound %.4f, want %.4f as for %q", c[0], got, want, c[1])
		}
	}
	// Not names: the first word of a sentence before a lower-case word, a
	// capitalised word set off by a comma, a headline in title case (half
	// its words or more capitalised), and ALL-CAPS emphasis keep the
	// word's valence.
	for _, text := range []string{
		"Strange things happened at the count.",
		"In the end, Hope remained with the voters.",
		"Strange Days Ahead For The Markets",
		"The president said the report was FAKE news.",
	} {
		if got, want := s.rules.compound(text), vader.compound(text); sign(got) != sign(want) || got == 0 {
			t.Errorf("%q: compound %.4f with the news layer, want the sign of VADER's %.4f", text, got, want)
		}
	}
}

func sign(x float64) float64 {
	switch {
	case x > 1e-9:
		return 1
	case x < -1e-9:
		return -1
	}
	return 0
}

// TestNegationScopeInModel: words after a negation become negated features
// until the clause ends.
func TestNegationScopeInModel(t *testing.T) {
	s := defaultScorer(t)
	got := strings.Join(s.Features("They did not “welcome” the plan, officials said."), " ")
	want := "they did not !welcome !the !plan officials said"
	if got != want {
		t.Errorf("features %q, want %q", got, want)
	}
}

// TestCurlyNegationScope: "n’t" with a curly apostrophe opens a negation's
// scope as "n't" does, and a curly apostrophe elsewhere in the text opens
// none.
func TestCurlyNegationScope(t *testing.T) {
	s := defaultScorer(t)
	for text, want := range map[string]string{
		"They don’t welcome the plan, officials said.":     "they don’t !welcome !the !plan officials said",
		"The minister’s plan, officials said, is welcome.": "the minister’s plan officials said is welcome",
		"It won’t work, and we’ll see.":                    "it won’t !work and we’ll see",
	} {
		if got := strings.Join(s.Features(text), " "); got != want {
			t.Errorf("%q: features %q, want %q", text, got, want)
		}
	}
}

func TestModelRoundTrip(t *testing.T) {
	m := NewModel()
	s := defaultScorer(t)
	m.Add(s.Features("a zorbly triumph"), classPos)
	m.Add(s.Features("a grimble disaster"), classNeg)
	m.Add(s.Features("a plain meeting"), classNeu)
	var b strings.Builder
	if _, err := m.WriteTo(&b); err != nil {
		t.Fatal(err)
	}
	m2, err := ReadModel(strings.NewReader(b.String()), "test")
	if err != nil {
		t.Fatal(err)
	}
	s2 := s.WithModel(m2)
	if nb := s2.Score("zorbly").NB; nb <= 0 {
		t.Errorf("zorbly: NB %.3f, want > 0 after training it as positive", nb)
	}
	if nb := s2.Score("grimble").NB; nb >= 0 {
		t.Errorf("grimble: NB %.3f, want < 0", nb)
	}
	if nb := s2.Score("unseenword").NB; nb != 0 {
		t.Errorf("an unknown word moves the model: NB %.3f", nb)
	}
	if _, err := ReadModel(strings.NewReader("feature\tneg\tneu\tpos\nx\t1\tz\t2\n"), "bad.tsv"); err == nil || !strings.Contains(err.Error(), "bad.tsv:2") {
		t.Errorf("bad count: error %v, want one naming bad.tsv:2", err)
	}
}

func FuzzScore(f *testing.F) {
	s := defaultScorer(f)
	for _, seed := range []string{"", "Not good!!!", "“No.” — but VERY bad??", "kind of the shit", "\xff\xfe", "least", "no no no"} {
		f.Add(seed, 0, 3)
	}
	f.Fuzz(func(t *testing.T, text string, start, end int) {
		sc := s.Score(text)
		ts := s.TargetScore(text, article.Span{Start: start, End: end})
		for _, v := range []float64{sc.Tone, sc.Lexicon, sc.NB, ts.Tone, ts.Lexicon, ts.NB} {
			if math.IsNaN(v) || v < -1 || v > 1 {
				t.Fatalf("%q [%d,%d]: value %v outside -1..1", text, start, end, v)
			}
		}
		// The label is the most likely class and the tone P(pos) − P(neg):
		// a positive label never comes with a negative tone, nor the reverse.
		for _, x := range []struct {
			label string
			tone  float64
		}{{sc.Label, sc.Tone}, {ts.Label, ts.Tone}} {
			if utf8.ValidString(text) && (x.label == "positive" && x.tone <= 0 || x.label == "negative" && x.tone > 0) {
				t.Fatalf("%q: label %s for tone %v", text, x.label, x.tone)
			}
		}
	})
}

func TestExplain(t *testing.T) {
	s := defaultScorer(t)
	why := s.Explain("The ambassador said the evidence was not credible, but praised the constructive talks.", 0)
	got := map[string]Contribution{}
	for _, c := range why {
		got[c.Word] = c
	}
	if c, ok := got["not credible"]; !ok || c.Lexicon >= 0 {
		t.Errorf(`"not credible" missing or not negative: %+v`, why)
	}
	if c, ok := got["praised"]; !ok || c.Lexicon <= 0 {
		t.Errorf(`"praised" missing or not positive: %+v`, why)
	}
	if len(why) == 0 || why[0].Word != "praised" {
		t.Errorf("strongest contribution first: %+v", why)
	}
	if n := len(s.Explain("The ambassador said the evidence was not credible, but praised the constructive talks.", 2)); n != 2 {
		t.Errorf("max 2 gave %d", n)
	}
}

// TestNoTokensNoEarlierValences: a text with no tokens has no valences for
// the label combiner, whatever text the pooled scratch scored before.
func TestNoTokensNoEarlierValences(t *testing.T) {
	e := defaultScorer(t).rules
	sc := new(scratch)
	text := "This is a wonderful, great and happy day."
	e.prepare(sc, text)
	e.compoundPrepared(sc, text)
	if pos, _, _ := valenceSums(sc); pos == 0 {
		t.Fatalf("%q: no positive valence", text)
	}
	sc.lower, sc.toks, sc.exclaims, sc.questions = sc.lower[:0], sc.toks[:0], 0, 0 // as e.get does
	for _, empty := range []string{"", " \t "} {
		e.prepare(sc, empty)
		e.compoundPrepared(sc, empty)
		if pos, neg, rated := valenceSums(sc); pos != 0 || neg != 0 || rated != 0 {
			t.Errorf("%q after %q: valence sums %v %v %d, want none", empty, text, pos, neg, rated)
		}
	}
}
