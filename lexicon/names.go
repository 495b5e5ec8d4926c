package lexicon

import (
	"bytes"
	"path"
	"strings"
)

// Gender is what a given name, a title or a pronoun tells about a person.
type Gender int8

const (
	Male   Gender = -1
	Female Gender = 1
	// Unknown marks a given name that tells no sex (borne by both, or too
	// rare to tell): still a given name, so "Ivanka Trump" is not the
	// lexicon's Donald Trump.
	Unknown Gender = 0
)

// GenderNames are the words names/*.tsv and places.tsv accept.
var (
	GenderNames = []string{"female", "male", "unknown"}
	PlaceKinds  = []string{"country", "state", "city", "region", "demonym"}
)

// GivenNames maps lower-case given names (names/*.tsv) to the sex that
// almost all who bear them share, so a pronoun is not read as meaning
// someone of the other, or to Unknown.
type GivenNames map[string]Gender

// Places maps lower-case place names and the adjectives made from them
// (places.tsv) to their kind: a place is never the person a "he" means.
type Places map[string]string

func loadNames(lx *Lexicon) []error {
	var errs []error
	lines := 0
	for _, f := range lx.Files {
		if path.Dir(f.Name) == "names" && path.Ext(f.Name) == ".tsv" {
			lines += bytes.Count(f.Data, []byte("\n"))
		}
	}
	for _, f := range lx.Files {
		if path.Dir(f.Name) != "names" || path.Ext(f.Name) != ".tsv" {
			continue
		}
		rows, es := readTable(f, "name", "gender")
		errs = append(errs, es...)
		for _, r := range rows {
			name := strings.ToLower(r.Get("name"))
			if name == "" || strings.ContainsRune(name, ' ') {
				errs = append(errs, r.Errorf("given name %q: want one word", r.Get("name")))
				continue
			}
			var g Gender
			switch r.Get("gender") {
			case "female":
				g = Female
			case "male":
				g = Male
			case "unknown":
				g = Unknown
				if _, ok := lx.GivenNames[name]; ok {
					continue // a name of one sex keeps it, whatever the file order
				}
			default:
				errs = append(errs, r.Errorf("gender %q: want one of %s", r.Get("gender"), strings.Join(GenderNames, ", ")))
				continue
			}
			if lx.GivenNames == nil {
				lx.GivenNames = make(GivenNames, lines) // tens of thousands: sized once, not grown
			}
			lx.GivenNames[name] = g
		}
	}
	f, ok := lx.file("places.tsv")
	if !ok {
		return errs
	}
	rows, es := readTable(f, "name", "kind")
	errs = append(errs, es...)
	for _, r := range rows {
		name := strings.Join(strings.Fields(strings.ToLower(r.Get("name"))), " ")
		if name == "" {
			errs = append(errs, r.Errorf("empty place name"))
			continue
		}
		if !contains(PlaceKinds, r.Get("kind")) {
			errs = append(errs, r.Errorf("place kind %q: want one of %s", r.Get("kind"), strings.Join(PlaceKinds, ", ")))
			continue
		}
		if lx.Places == nil {
			lx.Places = Places{}
		}
		lx.Places[name] = r.Get("kind")
	}
	return errs
}
