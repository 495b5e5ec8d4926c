package lexicon

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDefaultNamesAndPlaces(t *testing.T) {
	lx, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]Gender{"maria": Female, "hillary": Female, "donald": Male, "vladimir": Male} {
		if got := lx.GivenNames[name]; got != want {
			t.Errorf("given name %q: %d, want %d", name, got, want)
		}
	}
	// names both sexes bear, and names too rare in the counts to tell, are
	// given names of no sex rather than guessed
	for _, name := range []string{"jordan", "kelly", "lindsey", "bernie", "ivanka", "melania"} {
		if g, ok := lx.GivenNames[name]; !ok || g != Unknown {
			t.Errorf("given name %q: listed %v as %d, want listed as unknown", name, ok, g)
		}
	}
	// words, months and particles that some babies were named are no
	// given names here: "Young voters", "Jr."
	for _, name := range []string{"robin", "legend", "deacon", "young", "december", "jr", "de", "van"} {
		if g, ok := lx.GivenNames[name]; ok {
			t.Errorf("%q listed as a given name (%d)", name, g)
		}
	}
	for place, want := range map[string]string{"ohio": "state", "new york": "state", "moscow": "city", "syria": "country", "russian": "demonym"} {
		if got := lx.Places[place]; got != want {
			t.Errorf("place %q: %q, want %q", place, got, want)
		}
	}
}

func TestNameErrorsNameFileAndLine(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "names"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "names", "extra.tsv"), []byte("name\tgender\nSergei\tmale\nNgozi\tfem\nAnne Marie\tfemale\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "places.tsv"), []byte("name\tkind\nLagos\tcity\nAtlantis\tmyth\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(Check(dir))
	for _, want := range []string{
		filepath.Join(dir, "names/extra.tsv") + `:3: gender "fem"`,
		filepath.Join(dir, "names/extra.tsv") + `:4: given name "Anne Marie": want one word`,
		filepath.Join(dir, "places.tsv") + `:3: place kind "myth"`,
	} {
		if !strings.Contains(got, want) {
			t.Errorf("errors lack %q:\n%s", want, got)
		}
	}
}

func TestUserNamesAddToDefaults(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "names"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "names", "extra.tsv"), []byte("name\tgender\nSergei\tmale\nNgozi\tunknown\nAnna\tunknown\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	lx, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if lx.GivenNames["sergei"] != Male || lx.GivenNames["maria"] != Female || lx.GivenNames["ngozi"] != Unknown || lx.GivenNames["anna"] != Female {
		t.Errorf("user names file should add to the default list, and an unknown sex not undo a known one: sergei %d, maria %d, ngozi %d, anna %d", lx.GivenNames["sergei"], lx.GivenNames["maria"], lx.GivenNames["ngozi"], lx.GivenNames["anna"])
	}
}
