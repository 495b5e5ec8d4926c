package lexicon

import (
	"strconv"
	"strings"
)

// Tone holds the word valences the tone scorer reads: VADER's lexicon as the
// base layer (tone/vader_lexicon.txt) and project layers on top.
type Tone struct {
	Valence map[string]float64
}

func loadTone(lx *Lexicon) []error {
	lx.Tone.Valence = map[string]float64{}
	f, ok := lx.file("tone/vader_lexicon.txt")
	if !ok {
		return nil
	}
	var errs []error
	for i, line := range strings.Split(string(f.Data), "\n") {
		if line == "" {
			continue
		}
		cells := strings.Split(line, "\t")
		if len(cells) < 2 {
			errs = append(errs, &Error{File: origin(f), Line: i + 1, Msg: "want token<TAB>valence"})
			continue
		}
		v, err := strconv.ParseFloat(cells[1], 64)
		if err != nil {
			errs = append(errs, &Error{File: origin(f), Line: i + 1, Msg: "valence: " + err.Error()})
			continue
		}
		lx.Tone.Valence[cells[0]] = v
	}
	return errs
}
