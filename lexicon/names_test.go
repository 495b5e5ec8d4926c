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
	// names both sexes bear are left out rather than guessed
	for _, name := range []string{"jordan", "kelly", "lindsey", "robin"} {
		if g, ok := lx.GivenNames[name]; ok {
			t.Errorf("given name %q listed as %d; it is borne by both sexes", name, g)
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
	if err := os.WriteFile(filepath.Join(dir, "names", "extra.tsv"), []byte("name\tgender\nSergei\tmale\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	lx, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if lx.GivenNames["sergei"] != Male || lx.GivenNames["maria"] != Female {
		t.Errorf("user names file should add to the default list: sergei %d, maria %d", lx.GivenNames["sergei"], lx.GivenNames["maria"])
	}
}
