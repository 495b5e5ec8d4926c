package lexicon

import (
	"strings"
	"testing"
)

func TestDefaultFramesLoad(t *testing.T) {
	lx, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	claims := map[string]int{}
	for _, f := range lx.Frames {
		claims[f.Name] = len(f.Claims)
	}
	if claims["us-russia-syria"] < 20 || claims["us-russia-relations"] == 0 {
		t.Fatalf("claims per frame: %v", claims)
	}
	if len(lx.StanceCues.Denials) == 0 || len(lx.StanceCues.Negators) == 0 || len(lx.StanceCues.Oppositions) == 0 {
		t.Fatalf("stance cues: %+v", lx.StanceCues)
	}
}

func TestParsePatternErrors(t *testing.T) {
	for _, bad := range []string{"", "..", "staging ..", ".. staging", "(a|", "a|(b c)", "{us}", "st*", "a*b", "a .... b", "?", "a .. .. b", "(a|)"} {
		if _, err := ParsePattern(bad); err == nil {
			t.Errorf("ParsePattern(%q): no error", bad)
		}
	}
	for _, good := range []string{"staging", "stag*", "a|b|c", "(carried out|was behind) .. attack", "(very)? stiff price", "{russia} .. must decide", "U.S. strike", "a ... b"} {
		if _, err := ParsePattern(good); err != nil {
			t.Errorf("ParsePattern(%q): %v", good, err)
		}
	}
}

func TestTokenize(t *testing.T) {
	toks := Tokenize("The U.S. said Syria’s al-Assad didn't. We,")
	var norms []string
	for _, tk := range toks {
		norms = append(norms, tk.Norm)
	}
	want := "the us said syria al assad didn't we"
	if got := strings.Join(norms, " "); got != want {
		t.Errorf("norms %q, want %q", got, want)
	}
	if toks[1].Raw != "U.S." || toks[len(toks)-1].Break != '.' {
		t.Errorf("raw %q, break %q", toks[1].Raw, toks[len(toks)-1].Break)
	}
}
