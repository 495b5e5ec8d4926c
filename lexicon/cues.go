package lexicon

import "strings"

// Cues are the reporting words that attribute a statement (cues.tsv): verbs of
// saying in all their forms, and phrases such as "according to".
type Cues struct {
	Verbs []Cue
}

// Cue is one reporting verb or phrase.
type Cue struct {
	Phrase string // lower case, as it appears: "said", "according to"
	// Kind says how the cue attributes:
	//   verb        a finite verb of saying: "X said (that) …", "…, X said", "“…,” said X"
	//   participle  an -ing form that hangs on the sentence's subject: "…, saying (that) …"
	//   naming      words that quote a label, not a statement: "called it a “tedious” story";
	//               they attribute quoted words but never report unquoted content
	//   phrase      a phrase naming the source after it: "according to X"
	Kind string
}

// CueKinds are the kinds cues.tsv accepts.
var CueKinds = []string{"verb", "participle", "naming", "phrase"}

func loadCues(lx *Lexicon) []error {
	f, ok := lx.file("cues.tsv")
	if !ok {
		return nil
	}
	rows, errs := readTable(f, "cue", "kind")
	for _, r := range rows {
		c := Cue{Phrase: strings.Join(strings.Fields(strings.ToLower(r.Get("cue"))), " "), Kind: r.Get("kind")}
		if c.Phrase == "" {
			errs = append(errs, r.Errorf("empty cue"))
			continue
		}
		if !contains(CueKinds, c.Kind) {
			errs = append(errs, r.Errorf("cue kind %q: want one of %s", c.Kind, strings.Join(CueKinds, ", ")))
			continue
		}
		lx.Cues.Verbs = append(lx.Cues.Verbs, c)
	}
	return errs
}
