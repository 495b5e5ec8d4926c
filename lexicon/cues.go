package lexicon

import "strings"

// Cues are the reporting words that attribute a statement (cues.tsv): verbs of
// saying in all their forms, and phrases such as "according to".
type Cues struct {
	Verbs []Cue
}

// Cue is one reporting verb or phrase.
type Cue struct {
	Phrase string // lower case, as it appears: "said", "told reporters"
	Kind   string // "verb" (X said), "phrase" (according to X)
}

func loadCues(lx *Lexicon) []error {
	f, ok := lx.file("cues.tsv")
	if !ok {
		return nil
	}
	rows, errs := readTable(f, "cue", "kind")
	for _, r := range rows {
		c := Cue{Phrase: strings.ToLower(r.Get("cue")), Kind: r.Get("kind")}
		switch c.Kind {
		case "verb", "phrase":
		default:
			errs = append(errs, r.Errorf("cue kind %q: want verb or phrase", c.Kind))
			continue
		}
		lx.Cues.Verbs = append(lx.Cues.Verbs, c)
	}
	return errs
}
