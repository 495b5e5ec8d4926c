package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func doc(gold ...Gold) Doc { return Doc{Gold: gold} }

// A prediction matches a gold statement when it covers the threshold's share
// of the gold span; one prediction matches one gold statement.
func TestMatchThresholds(t *testing.T) {
	g := Gold{Start: 100, End: 200, Kind: "direct", Speaker: "Ana Kovač", Cue: "said"}
	cases := []struct {
		name      string
		p         Pred
		at3, at8  bool // matched at 0.3 / 0.8
		fragment8 bool
	}{
		{"exact", Pred{Start: 100, End: 200}, true, true, false},
		{"superset", Pred{Start: 90, End: 210}, true, true, false},
		{"half", Pred{Start: 100, End: 150}, true, false, true},
		{"a fifth", Pred{Start: 100, End: 120}, false, false, true},
		{"outside", Pred{Start: 300, End: 320}, false, false, false},
	}
	for _, c := range cases {
		m3 := matchDoc([]Gold{g}, []Pred{c.p}, 0.3)
		m8 := matchDoc([]Gold{g}, []Pred{c.p}, 0.8)
		if (m3.goldOf[0] == 0) != c.at3 || (m8.goldOf[0] == 0) != c.at8 {
			t.Errorf("%s: matched at 0.3 %v, at 0.8 %v; want %v, %v", c.name, m3.goldOf[0] == 0, m8.goldOf[0] == 0, c.at3, c.at8)
		}
		if m8.fragment[0] != c.fragment8 {
			t.Errorf("%s: fragment at 0.8 = %v, want %v", c.name, m8.fragment[0], c.fragment8)
		}
	}
	// two predictions over one gold: one match, the other a fragment
	m := matchDoc([]Gold{g}, []Pred{{Start: 100, End: 200}, {Start: 120, End: 180}}, 0.3)
	if m.goldOf[0] != 0 || m.goldOf[1] != -1 || !m.fragment[1] {
		t.Errorf("one-to-one: %+v", m)
	}
}

func TestScoreCountsByClass(t *testing.T) {
	docs := []Doc{doc(
		Gold{Start: 0, End: 10, Kind: "direct", Speaker: "Sergey Lavrov", Cue: "said"},
		Gold{Start: 20, End: 40, Kind: "indirect", Speaker: "he", Cue: "believes"},
		Gold{Start: 50, End: 70, Kind: "mixed", Speaker: "the White House", Cue: ":"},
	)}
	preds := [][]Pred{{
		{Start: 0, End: 10, Kind: "direct", Speaker: "Sergey Lavrov", Confidence: 0.9},
		{Start: 20, End: 40, Kind: "indirect", Speaker: "Putin", Confidence: 0.7},
		{Start: 50, End: 70, Kind: "indirect", Speaker: "White House", Confidence: 0.75},
		{Start: 80, End: 90, Kind: "partial", Confidence: 0.1},
	}}
	r := Score(docs, preds)
	get := func(name string) Counts {
		for i, c := range Classes {
			if c.Name == name {
				return r.Counts[0.3][i]
			}
		}
		t.Fatalf("no class %s", name)
		return Counts{}
	}
	all := get("all")
	if all.Gold != 3 || all.Found != 3 || all.Preds != 4 || all.Right != 3 {
		t.Errorf("all: %+v", all)
	}
	// the pronoun-only gold speaker is left out of speaker accuracy
	if all.SpeakerN != 2 || all.SpeakerRight != 2 {
		t.Errorf("all speaker: %d of %d, want 2 of 2", all.SpeakerRight, all.SpeakerN)
	}
	direct := get("direct")
	if direct.Gold != 1 || direct.Preds != 2 || direct.Right != 1 || direct.Precision() != 0.5 {
		t.Errorf("direct: %+v P=%.2f", direct, direct.Precision())
	}
	// "believes" is not a verb of saying; ":" introduces a quote
	speech := get("speech")
	if speech.Gold != 2 {
		t.Errorf("speech gold = %d, want 2", speech.Gold)
	}
	if n := len(r.Errors); n != 1 || r.Errors[0].What != "false alarm" {
		t.Errorf("errors: %+v", r.Errors)
	}
}

func TestSpeakerMatches(t *testing.T) {
	g := Gold{Speaker: "Sergey Lavrov", Mentions: []string{"Russian Foreign Minister Sergey Lavrov", "he"}}
	for _, c := range []struct {
		p    Pred
		want bool
	}{
		{Pred{Speaker: "Sergey Lavrov"}, true},
		{Pred{Speaker: "Lavrov"}, true},                         // surname
		{Pred{Mention: "the Russian foreign minister's"}, true}, // head of a gold mention
		{Pred{Mention: "the US envoy"}, false},                  // different words
		{Pred{Speaker: "Sergei Lavrov"}, true},                  // surname again
		{Pred{Speaker: "Rex Tillerson", Mention: "he"}, false},  // pronoun mention never counts
		{Pred{}, false},
	} {
		if got := SpeakerMatches(g, c.p); got != c.want {
			t.Errorf("%+v: %v, want %v", c.p, got, c.want)
		}
	}
	if !SpeakerMatches(Gold{Speaker: "one Republican involved in the planning"}, Pred{Mention: "one Republican"}) ||
		SpeakerMatches(Gold{Speaker: "a German user from Hanover"}, Pred{Mention: "German"}) {
		t.Error("a described source matches by the head of its description, a lone word does not")
	}
	// the surname is the word before a generational suffix, both ways
	if !SpeakerMatches(Gold{Speaker: "Joseph R. Murray"}, Pred{Speaker: "Joseph R. Murray II"}) ||
		!SpeakerMatches(Gold{Speaker: "Martin Luther King Jr."}, Pred{Mention: "King"}) ||
		SpeakerMatches(Gold{Speaker: "Joseph R. Murray II"}, Pred{Speaker: "Pat Smith II"}) {
		t.Error("generational suffixes: the surname is the word before them")
	}
	if !SpeakerMatches(Gold{Speaker: "The White House"}, Pred{Speaker: "White House"}) {
		t.Error("leading 'the' should not matter")
	}
	if !PronounOnly(Gold{Speaker: "He"}) || PronounOnly(Gold{Speaker: "US"}) {
		t.Error("PronounOnly")
	}
}

func TestSpeechCue(t *testing.T) {
	for cue, want := range map[string]bool{"said": true, "has said": true, "according to": true, ":": true, "―": true,
		"told reporters": true, "believes": false, "seemed": false, "is expected": false, "said:": true} {
		if got := SpeechCue(cue); got != want {
			t.Errorf("SpeechCue(%q) = %v, want %v", cue, got, want)
		}
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.jsonl")
	os.WriteFile(bad, []byte(`{"id":"a","text":"abc","quotes":[]}`+"\n"+`{"id":"b","text":"abc","quotes":[{"start":0,"end":9}]}`+"\n"), 0o644)
	_, err := Load(bad)
	if err == nil || !strings.Contains(err.Error(), "bad.jsonl:2") {
		t.Errorf("want an error naming bad.jsonl:2, got %v", err)
	}
}

// The direct speaker accuracy is split by how the gold source is written,
// and the gold's speaker spans are read from the file's text.
func TestSpeakerBySourceKind(t *testing.T) {
	for src, want := range map[string]string{"Lavrov": "name", "The Post": "name", "He": "pronoun",
		"a senior official": "description", "sources": "description", "": "not given", "Another State Department official": "name"} {
		if got := SourceKind(Gold{Source: src}); got != want {
			t.Errorf("SourceKind(%q) = %q, want %q", src, got, want)
		}
	}
	line := `{"id":"x","text":"“Ça va,” he said. Later Lavrov spoke.","quotes":[` +
		`{"start":1,"end":6,"kind":"direct","speaker":"Sergey Lavrov","speaker_spans":[[9,11]]}]}`
	path := filepath.Join(t.TempDir(), "g.jsonl")
	if err := os.WriteFile(path, []byte(line+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	docs, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := docs[0].Gold[0].Source; got != "he" {
		t.Fatalf("source = %q, want the written %q", got, "he")
	}
	r := Score(docs, [][]Pred{{{Start: 1, End: 6, Kind: "direct", Speaker: "Vladimir Putin"}}})
	if c := r.BySource["pronoun"]; c == nil || c.SpeakerN != 1 || c.SpeakerRight != 0 {
		t.Errorf("BySource = %+v, want one wrong speaker under pronoun", r.BySource)
	}
}

// TestUnswapSource: an inverted attribution whose gold marks the verb as the
// source and the name as the cue is read the right way round; a source that
// merely starts with a verb-like word, or whose cue is itself a verb of
// saying, is left alone.
func TestUnswapSource(t *testing.T) {
	for _, c := range []struct {
		source, cue, wantSpeaker string
		swapped                  bool
	}{
		{"said", "Hester", "Hester", true},
		{"said in a statement", "Matt Sinovic", "Matt Sinovic", true},
		{"According to", "Woodward", "Woodward", true},
		{"said", "said", "x", false},
		{"state regulators", "did not consider", "x", false},
		{"Said Hamid", "told reporters", "x", false},
	} {
		g := Gold{Speaker: "x", Source: c.source, Cue: c.cue}
		unswapSource(&g)
		if g.Swapped != c.swapped || g.Speaker != c.wantSpeaker {
			t.Errorf("source %q cue %q: speaker %q swapped %v, want %q %v", c.source, c.cue, g.Speaker, g.Swapped, c.wantSpeaker, c.swapped)
		}
		if c.swapped && !SpeakerMatches(g, Pred{Speaker: "Hester"}) && !SpeakerMatches(g, Pred{Speaker: c.wantSpeaker}) {
			t.Errorf("source %q: the cue's name should match as the speaker", c.source)
		}
	}
}
