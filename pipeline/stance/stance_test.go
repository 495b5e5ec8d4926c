package stance

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stance-news/stance/internal/testdir"
	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline/tone"
)

func newScorer(t testing.TB) *Scorer {
	t.Helper()
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	ts, err := tone.New(lx)
	if err != nil {
		t.Fatal(err)
	}
	return New(lx, ts)
}

var april2017 = time.Date(2017, 4, 12, 0, 0, 0, 0, time.UTC)

func value(r Result, side string) (float64, bool) {
	v, ok := r.Values[side]
	return v, ok
}

func TestSpeakerAffiliationAloneIsNoEvidence(t *testing.T) {
	sc := newScorer(t)
	for _, text := range []string{
		"I hoped for better weather on the trip.",
		"We had a productive conversation this morning.",
		"The talks were long and the coffee was cold.",
	} {
		for _, aff := range []string{"", "us", "russia"} {
			r := sc.Score(Statement{Text: text, Affiliation: aff, Published: april2017, Speaker: "Rex Tillerson"})
			if len(r.Values) != 0 {
				t.Errorf("%q said by a %q speaker: values %v from %v, want none", text, aff, r.Values, r.Evidence)
			}
		}
	}
}

func TestClaimsFlipWithNegationAndDenial(t *testing.T) {
	sc := newScorer(t)
	cases := []struct {
		lead, text string
		us, russia float64
		evidence   string
	}{
		{"", "the regime carried out the attack", 1, -1, `claim "regime carried out the attack"`},
		{"", "the regime did not carry out the attack", -1, 1, `negated by "not"`},
		{"", "the regime never carried out the attack", -1, 1, `negated by "never"`},
		{"", "the Syrian army didn't carry out any attack", -1, 1, `negated by "didn't"`},
		{"The deaths were widely blamed on the government, but Russia has denied ", "the regime carried out the attack", -1, 1, `denied by "denied"`},
		{"Moscow denied that ", "the regime carried out the attack", -1, 1, `denied by "denied"`},
		// Denial and negation cancel out.
		{"Damascus denied reports that ", "the regime did not carry out the attack", 1, -1, `negated by "not", denied by "denied reports"`},
		// Not negations.
		{"", "there is no doubt the regime carried out the attack", 1, -1, `claim "regime carried out the attack" [`},
		{"Peskov dismissed the gas attack claims as ", "a provocation", -1, 1, `claim "provocation"`},
		// Bare words are a claim only in a sentence about the dispute.
		{"Peskov called the tax bill ", "a provocation", 0, 0, ""},
	}
	for _, c := range cases {
		r := sc.Score(Statement{Text: c.text, Lead: c.lead, Published: april2017, Speaker: "Dmitry Peskov"})
		if c.us == 0 && c.russia == 0 {
			if len(r.Values) != 0 {
				t.Errorf("%q + %q: values %v from %q, want none", c.lead, c.text, r.Values, r.Evidence)
			}
			continue
		}
		us, okU := value(r, "us")
		ru, okR := value(r, "russia")
		if !okU || !okR || us != c.us || ru != c.russia {
			t.Errorf("%q + %q: us %v (%v) russia %v (%v), want %v %v; evidence %v", c.lead, c.text, us, okU, ru, okR, c.us, c.russia, r.Evidence)
			continue
		}
		if !strings.Contains(strings.Join(r.Evidence, "\n"), c.evidence) {
			t.Errorf("%q: evidence %q lacks %q", c.text, r.Evidence, c.evidence)
		}
	}
}

func TestContrastEndsNegation(t *testing.T) {
	sc := newScorer(t)
	r := sc.Score(Statement{Text: "Relations with Washington have not improved, but rather worsened.", Published: april2017})
	if v, ok := value(r, "us"); !ok || v >= 0 {
		t.Fatalf("us = %v (%v), want negative; evidence %v", v, ok, r.Evidence)
	}
}

func TestWeResolvesToTheSpeakersSide(t *testing.T) {
	sc := newScorer(t)
	text := "If they use chemical weapons again, we will respond."
	r := sc.Score(Statement{Text: text, Affiliation: "us", Published: april2017})
	if v, ok := value(r, "us"); !ok || v != 1 {
		t.Errorf("US speaker: us = %v (%v), want +1; evidence %v", v, ok, r.Evidence)
	}
	// The same words from a Russian speaker are about Russia's response,
	// which the frame has no claim for; from an unknown speaker, nobody's.
	for _, aff := range []string{"russia", ""} {
		r := sc.Score(Statement{Text: text, Affiliation: aff, Published: april2017})
		if len(r.Values) != 0 {
			t.Errorf("%q speaker: values %v from %v, want none", aff, r.Values, r.Evidence)
		}
	}
	// "US" in capitals is the country, not the pronoun.
	r = sc.Score(Statement{Text: "Relations with us have deteriorated.", Affiliation: "russia", Published: april2017})
	if _, ok := value(r, "us"); ok {
		t.Errorf("lower-case us read as the country: %v", r.Evidence)
	}
	r = sc.Score(Statement{Text: "Relations with the US have deteriorated.", Affiliation: "russia", Published: april2017})
	if v, ok := value(r, "us"); !ok || v > -0.5 {
		t.Errorf("US: %v (%v) %v", v, ok, r.Evidence)
	}
}

func TestTargetToneNeedsAnotherSide(t *testing.T) {
	sc := newScorer(t)
	text := "America's prison system is a disgrace and a failure."
	if r := sc.Score(Statement{Text: text, Published: april2017}); len(r.Values) != 0 {
		t.Errorf("a country named as a place, no other side: %q", r.Evidence)
	}
	r := sc.Score(Statement{Text: text, Affiliation: "russia", Published: april2017})
	if v, ok := value(r, "us"); !ok || v >= 0 {
		t.Errorf("from a Russian official: us = %v (%v) %q", v, ok, r.Evidence)
	}
	r = sc.Score(Statement{Text: "The Kremlin says America's policy is a disgrace and a failure.", Published: april2017})
	if v, ok := value(r, "us"); !ok || v >= 0 {
		t.Errorf("with the Kremlin named: us = %v (%v) %q", v, ok, r.Evidence)
	}
	// Two countries named as places in business news.
	r = sc.Score(Statement{Text: "the firm filed for bankruptcy in the US because it feared a terrible outcome in Russia", Published: april2017})
	if len(r.Values) != 0 {
		t.Errorf("two countries as places: %q", r.Evidence)
	}
}

func TestOppositionCueNeedsTheSpeakerAsSubject(t *testing.T) {
	sc := newScorer(t)
	r := sc.Score(Statement{Lead: "The White House on Tuesday accused ", Text: "Moscow of stalling the talks", Speaker: "White House", Published: april2017})
	if v, ok := value(r, "russia"); !ok || v != -1 {
		t.Errorf("russia = %v (%v), want -1; %v", v, ok, r.Evidence)
	}
	r = sc.Score(Statement{Lead: "Zakharova rejected Washington's claims that ", Text: "Moscow was shielding the Assad regime over the chemical attack", Speaker: "Maria Zakharova", Affiliation: "russia", Published: april2017})
	if v, ok := value(r, "us"); !ok || v != -1 {
		t.Errorf("rejected Washington's claims: us = %v (%v), want -1; %v", v, ok, r.Evidence)
	}
	if v, ok := value(r, "russia"); !ok || v != 1 {
		t.Errorf("denied claim against Russia: russia = %v (%v), want +1; %v", v, ok, r.Evidence)
	}
	// Passive: the actor after "by" is the accuser.
	r = sc.Score(Statement{Lead: "The company was accused ", Text: "by the United States of hiding the data", Speaker: "Balco", Published: april2017})
	if len(r.Values) != 0 {
		t.Errorf("passive cue read as opposition: %v", r.Evidence)
	}
	// Someone else accused; the speaker only spoke after.
	r = sc.Score(Statement{Lead: "After Haley accused Moscow of stalling, Lavrov said ", Text: "the talks went on", Speaker: "Sergey Lavrov", Published: april2017})
	if len(r.Values) != 0 {
		t.Errorf("another actor's accusation counted: %v", r.Evidence)
	}
	// The object of the cue is the speaker: the cue is someone else's.
	r = sc.Score(Statement{Lead: "He hit back at remarks Tillerson made that ", Text: "talks would go on", Speaker: "Rex Tillerson", Published: april2017})
	if len(r.Values) != 0 {
		t.Errorf("cue aimed at the speaker counted: %v", r.Evidence)
	}
}

func TestClaimDatesBound(t *testing.T) {
	sc := newScorer(t)
	// "staging" is a claim only while the chemical-weapons dispute is live.
	lead := "Putin said the chemical attack was "
	if r := sc.Score(Statement{Lead: lead, Text: "simply staging", Published: time.Date(2005, 1, 1, 0, 0, 0, 0, time.UTC)}); len(r.Values) != 0 {
		t.Errorf("2005: %v", r.Evidence)
	}
	if r := sc.Score(Statement{Lead: lead, Text: "simply staging", Published: april2017}); len(r.Values) != 2 {
		t.Errorf("2017: %v", r.Evidence)
	}
}

func TestFragmentTakesItsTargetFromTheNarration(t *testing.T) {
	sc := newScorer(t)
	r := sc.Score(Statement{Lead: "Lavrov hit out at the latest remarks from Washington, calling them ", Text: "wrong and dangerous",
		Speaker: "Sergey Lavrov", Affiliation: "russia", Published: april2017})
	if v, ok := value(r, "us"); !ok || v >= 0 || !strings.Contains(strings.Join(r.Evidence, " "), `fragment "wrong and dangerous"`) {
		t.Errorf("us = %v (%v), evidence %q", v, ok, r.Evidence)
	}
	// The names opening the sentence are who speaks, resolved or not.
	r = sc.Score(Statement{Lead: "Kremlin spokesman Oleg Danilin called the meeting ", Text: "a useful first step",
		SpeakerID: "oleg-danilin", Speaker: "Oleg Danilin", Published: april2017})
	if len(r.Values) != 0 {
		t.Errorf("the speaker's title as fragment target: %q", r.Evidence)
	}
	// A fragment that is the speaker's own words, not a label, has no
	// target in the narration.
	r = sc.Score(Statement{Lead: "Volkov said Washington would ", Text: "regret it bitterly",
		SpeakerID: "sergei-volkov", Speaker: "Sergei Volkov", Published: april2017})
	if len(r.Values) != 0 {
		t.Errorf("fragment without a characterization cue: %q", r.Evidence)
	}
	// The speaker's own name and own side are not targets.
	r = sc.Score(Statement{Lead: "Russian officials, Lavrov said, were ", Text: "wrong and dangerous",
		Speaker: "Sergey Lavrov", Affiliation: "russia", Published: april2017})
	if len(r.Values) != 0 {
		t.Errorf("own side as fragment target: %q", r.Evidence)
	}
}

func TestLead(t *testing.T) {
	text := "First sentence here. The U.S. said the talks failed. But Russia has denied “the regime did it”"
	start := strings.Index(text, "the regime")
	if got := Lead(text, 0, start); got != "But Russia has denied " {
		t.Errorf("Lead = %q", got)
	}
	start = strings.Index(text, "the talks")
	if got := Lead(text, 0, start); got != "The U.S. said " {
		t.Errorf("Lead = %q", got)
	}
	if got := Lead(text, 5, 5); got != "" {
		t.Errorf("Lead at paragraph start = %q", got)
	}
}

// TestNoStanceWithoutEvidence is the property the quotes table promises: a
// side gets a value only with evidence naming that side, and values stay in
// -1..1. It runs over every attributed statement of the PolNeAR dev set (a
// different topic: the frame should rarely fire) and the seed article's
// statements, each with the words that introduce it.
func TestNoStanceWithoutEvidence(t *testing.T) {
	sc := newScorer(t)
	stmts := sharedStatements(t)
	scored := 0
	for _, st := range stmts {
		for _, aff := range []string{"", "us", "russia"} {
			st.Affiliation = aff
			r := sc.Score(st)
			if len(r.Values) > 0 {
				scored++
			}
			for side, v := range r.Values {
				if math.IsNaN(v) || v < -1 || v > 1 {
					t.Fatalf("%q: %s = %v", st.Text, side, v)
				}
				found := false
				for _, ev := range r.Evidence {
					_, after, ok := strings.Cut(ev, "→ ")
					if ok && (strings.Contains(after, side+" +") || strings.Contains(after, side+" -")) {
						found = true
					}
				}
				if !found {
					t.Fatalf("%q: %s = %v without evidence naming it: %q", st.Text, side, v, r.Evidence)
				}
			}
			if len(r.Values) == 0 && len(r.Evidence) > 0 {
				t.Fatalf("%q: evidence without values: %q", st.Text, r.Evidence)
			}
		}
	}
	t.Logf("%d statements × 3 affiliations, %d scored", len(stmts), scored)
	if scored == 0 {
		t.Fatal("no statement got a value: the property was not exercised")
	}
}

// sharedStatements reads the gold statements of ../shared (PolNeAR dev and
// the seed), with their leads.
func sharedStatements(t testing.TB) []Statement {
	t.Helper()
	root := testdir.Root(t)
	var out []Statement
	var lastText string
	var b []int
	add := func(text, published string, start, end int) {
		if text != lastText || b == nil {
			lastText, b = text, runeOffsets(text)
		}
		if start < 0 || end >= len(b) || start > end {
			return
		}
		bs, be := b[start], b[end]
		para := strings.LastIndex(text[:bs], "\n\n") + 2
		if para < 2 {
			para = 0
		}
		p, err := time.Parse(time.RFC3339, published)
		if err != nil {
			p, _ = time.Parse("2006-01-02", published)
		}
		out = append(out, Statement{Text: text[bs:be], Lead: Lead(text, para, bs), Published: p})
	}
	type goldDoc struct {
		Text, Published string
		Quotes          []struct{ Start, End int }
	}
	f, err := os.Open(filepath.Join(root, "..", "shared", "data", "polnear_dev.jsonl.gz"))
	if err != nil {
		t.Skipf("shared data not available: %v", err)
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	for sc.Scan() {
		var d goldDoc
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			t.Fatal(err)
		}
		for _, q := range d.Quotes {
			add(d.Text, d.Published, q.Start, q.End)
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	seeds, _ := filepath.Glob(filepath.Join(root, "..", "shared", "corpus", "seed", "*.gold.json"))
	for _, s := range seeds {
		data, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		var d goldDoc
		if err := json.Unmarshal(data, &d); err != nil {
			t.Fatal(err)
		}
		for _, q := range d.Quotes {
			add(d.Text, d.Published, q.Start, q.End)
		}
	}
	if len(out) < 1000 {
		t.Fatalf("only %d statements read", len(out))
	}
	return out
}

func runeOffsets(s string) []int {
	var out []int
	for i := range s {
		out = append(out, i)
	}
	return append(out, len(s))
}

func BenchmarkScore(b *testing.B) {
	sc := newScorer(b)
	st := Statement{Lead: "Russia has denied that ", Text: "the Syrian regime carried out the attack, and said the US strike on Syria was an act of aggression that relations with Washington could not survive", Published: april2017}
	b.ReportAllocs()
	for b.Loop() {
		sc.Score(st)
	}
}

// TestOtherDisputes checks the default frames beyond Syria on sentences
// written for the test, each the kind of thing one side says.
func TestOtherDisputes(t *testing.T) {
	sc := newScorer(t)
	cases := []struct {
		lead, text string
		want       map[string]float64
	}{
		{"", "Russia illegally annexed Crimea in 2014", map[string]float64{"us": 1, "russia": -1}},
		{"", "Crimea rejoined Russia after its people voted", map[string]float64{"us": -1, "russia": 1}},
		{"The Kremlin said ", "there are no Russian troops in eastern Ukraine", map[string]float64{"russia": 1}},
		{"", "the sanctions on Russia will remain in place until Moscow changes course", map[string]float64{"us": 1}},
		{"", "the sanctions on North Korea will remain in place", nil},
		{"", "Russia interfered in the 2016 election", map[string]float64{"russia": -1}},
		{"Moscow has denied that ", "Russia interfered in the 2016 election", map[string]float64{"russia": 1}},
		{"", "the accusations of Russian meddling in the election are absurd", map[string]float64{"russia": 1, "us": -1}},
		{"", "this is a campaign of Russophobia", map[string]float64{"us": -1}},
		{"", "the chemical incident was only a pretext for the missile strike", map[string]float64{"us": -1}},
		{"", "Russia failed to guarantee that Syria's chemical weapons were destroyed", map[string]float64{"russia": -1}},
		{"", "we call for an objective investigation of the chemical incident", map[string]float64{"russia": 0.5}},
	}
	for _, c := range cases {
		r := sc.Score(Statement{Lead: c.lead, Text: c.text, Published: time.Date(2017, 6, 1, 0, 0, 0, 0, time.UTC)})
		if len(r.Values) != len(c.want) {
			t.Errorf("%q: values %v, want %v; evidence %q", c.text, r.Values, c.want, r.Evidence)
			continue
		}
		for side, w := range c.want {
			if v, ok := r.Values[side]; !ok || math.Signbit(v) != math.Signbit(w) || math.Abs(v) < 0.5 {
				t.Errorf("%q: %s = %v (%v), want sign of %v; evidence %q", c.text, side, v, ok, w, r.Evidence)
			}
		}
	}
}

// longStatement is a whole speech's worth of words dense with actors and
// claim words, the worst case for the matcher and the tone stage.
func longStatement() Statement {
	unit := "Relations with the US and Russia under Washington were not worse, the regime of Assad and the chemical attack, the strike on Syria, sanctions on Crimea and Moscow's meddling in the election. "
	return Statement{Text: strings.Repeat(unit, 400), Lead: "Russia has denied that ", Affiliation: "us", Published: april2017, Speaker: "Rex Tillerson"}
}

func TestEvidenceIsBounded(t *testing.T) {
	r := newScorer(t).Score(longStatement())
	if len(r.Evidence) != maxEvidence+1 || !strings.HasPrefix(r.Evidence[maxEvidence], "… and ") {
		t.Errorf("%d evidence strings, last %q", len(r.Evidence), r.Evidence[len(r.Evidence)-1])
	}
	if len(r.Values) == 0 {
		t.Error("no values")
	}
}

func BenchmarkScoreLongStatement(b *testing.B) {
	sc := newScorer(b)
	st := longStatement()
	b.SetBytes(int64(len(st.Text)))
	for b.Loop() {
		sc.Score(st)
	}
}

// BenchmarkScoreCorpus scores every PolNeAR dev and seed statement once per
// iteration: the mix a batch run sees, mostly statements no frame is about.
func BenchmarkScoreCorpus(b *testing.B) {
	sc := newScorer(b)
	stmts := sharedStatements(b)
	b.ResetTimer()
	for b.Loop() {
		for _, st := range stmts {
			sc.Score(st)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(stmts)), "ns/statement")
}

// TestConcurrentScoring: the scorer is shared by all workers; scoring in
// parallel gives what scoring one by one gives.
func TestConcurrentScoring(t *testing.T) {
	sc := newScorer(t)
	stmts := sharedStatements(t)
	want := make([]Result, len(stmts))
	for i, st := range stmts {
		want[i] = sc.Score(st)
	}
	got := make([]Result, len(stmts))
	var wg sync.WaitGroup
	for w := 0; w < 4; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for i := w; i < len(stmts); i += 4 {
				got[i] = sc.Score(stmts[i])
			}
		}(w)
	}
	wg.Wait()
	for i := range stmts {
		if fmt.Sprint(got[i]) != fmt.Sprint(want[i]) {
			t.Fatalf("%q: parallel %v, sequential %v", stmts[i].Text, got[i], want[i])
		}
	}
}

// FuzzScore: any lead and text, however broken, scores without panicking,
// with values in range and evidence for every value.
func FuzzScore(f *testing.F) {
	f.Add("Russia has denied“", "the regime carried out the attack", "russia")
	f.Add("He hit back at remarks Tillerson", "made", "us")
	f.Add("calling it a", "“tedious”", "russia")
	f.Add("", "We will respond. Relations with the U.S. worsened…", "us")
	sc := newScorer(f)
	f.Fuzz(func(t *testing.T, lead, text, aff string) {
		r := sc.Score(Statement{Lead: lead, Text: text, Affiliation: aff, Published: april2017, Speaker: "Sergey Lavrov"})
		for side, v := range r.Values {
			if math.IsNaN(v) || v < -1 || v > 1 {
				t.Fatalf("%s = %v", side, v)
			}
		}
		if len(r.Values) > 0 && len(r.Evidence) == 0 {
			t.Fatal("values without evidence")
		}
	})
}
