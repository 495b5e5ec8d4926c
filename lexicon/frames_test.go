package lexicon

import (
	"fmt"
	"os"
	"path/filepath"
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

func TestFrameErrorsNameFileAndLine(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "frames"), 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name, data string) {
		if err := os.WriteFile(filepath.Join(dir, "frames", name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write("a.tsv", "area\tside\tpattern\tcontex\nx\tus\tfoo\tbar\n")
	write("b.tsv", "# note\narea\tside\tpattern\tstance\nx\tus\tfoo\tus+\nx\tus\tfoo\tus-\nBad Area\tus\tfoo\t\n")
	errs := Check(dir)
	got := fmt.Sprint(errs)
	for _, want := range []string{
		filepath.Join(dir, "frames/a.tsv") + `:1: unknown column "contex"`,
		filepath.Join(dir, "frames/b.tsv") + `:4: pattern "foo" already in area "x" at line 3`,
		filepath.Join(dir, "frames/b.tsv") + `:5: area "Bad Area"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors lack %q:\n%s", want, got)
		}
	}
	// An empty frame file of a default's name switches that frame off.
	write("us-russia-ukraine.tsv", "area\tside\tpattern\n")
	os.Remove(filepath.Join(dir, "frames", "a.tsv"))
	os.Remove(filepath.Join(dir, "frames", "b.tsv"))
	lx, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range lx.Frames {
		if f.Name == "us-russia-ukraine" {
			t.Errorf("frame still active: %s", f.Origin)
		}
	}
}

// FuzzParsePattern: any pattern text parses or fails with an error, never a
// panic, and what parses has something to match.
func FuzzParsePattern(f *testing.F) {
	for _, s := range []string{"a|b (c d|e)? .. {us} f*", "(((", "a .. ... b", "{", "x|", "(a|b)|c", "stage-managed|x", "?"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		p, err := ParsePattern(src)
		if err == nil && !anyLiteral(p.Elems) {
			t.Fatalf("%q parsed without words", src)
		}
	})
}
