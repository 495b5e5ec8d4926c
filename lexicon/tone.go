package lexicon

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Tone holds the layers the tone scorer reads:
//   - tone/vader_lexicon.txt: VADER's word valences (base layer, MIT);
//   - tone/rules.tsv: the rule words (boosters, dampeners, negations, idioms);
//   - tone/news.tsv: the news and diplomacy layer, words and phrases VADER
//     lacks or misrates in political news; it overrides the base layer;
//   - tone/nb_model.tsv: the naive Bayes model (read by pipeline/tone).
type Tone struct {
	Valence   map[string]float64 // base layer: lower-case token → valence −4..4
	News      map[string]float64 // news layer: word or phrase (single spaces) → valence
	Boosters  map[string]float64 // booster/dampener → signed scalar
	Negations []string
	Special   map[string]float64 // idioms whose valence replaces a word's
	Model     File               // naive Bayes model; empty Data when absent
}

func loadTone(lx *Lexicon) []error {
	lx.Tone = Tone{Valence: map[string]float64{}, News: map[string]float64{},
		Boosters: map[string]float64{}, Special: map[string]float64{}}
	var errs []error
	if f, ok := lx.file("tone/vader_lexicon.txt"); ok {
		errs = append(errs, loadVader(f, lx.Tone.Valence)...)
	}
	if f, ok := lx.file("tone/rules.tsv"); ok {
		rows, es := readTable(f, "kind", "phrase")
		errs = append(errs, es...)
		for _, r := range rows {
			p := normPhrase(r.Get("phrase"))
			if p == "" {
				errs = append(errs, r.Errorf("empty phrase"))
				continue
			}
			kind := r.Get("kind")
			if kind == "negation" {
				lx.Tone.Negations = append(lx.Tone.Negations, p)
				continue
			}
			v, err := strconv.ParseFloat(r.Get("value"), 64)
			if err != nil {
				errs = append(errs, r.Errorf("value %q: want a number", r.Get("value")))
				continue
			}
			switch kind {
			case "booster", "dampener":
				lx.Tone.Boosters[p] = v
			case "idiom":
				lx.Tone.Special[p] = v
			default:
				errs = append(errs, r.Errorf("kind %q: want booster, dampener, negation or idiom", kind))
			}
		}
	}
	if f, ok := lx.file("tone/news.tsv"); ok {
		rows, es := readTable(f, "phrase", "valence")
		errs = append(errs, es...)
		for _, r := range rows {
			p := normPhrase(r.Get("phrase"))
			v, err := strconv.ParseFloat(r.Get("valence"), 64)
			switch {
			case p == "":
				errs = append(errs, r.Errorf("empty phrase"))
			case err != nil || v < -4 || v > 4:
				errs = append(errs, r.Errorf("valence %q: want a number from -4 to 4", r.Get("valence")))
			default:
				lx.Tone.News[p] = v
			}
		}
	}
	if f, ok := lx.file("tone/nb_model.tsv"); ok {
		lx.Tone.Model = f
	}
	return errs
}

// loadVader reads VADER's format: token, mean valence, then columns it ignores.
func loadVader(f File, into map[string]float64) []error {
	var errs []error
	for i, line := range strings.Split(string(f.Data), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		cells := strings.Split(line, "\t")
		if len(cells) < 2 {
			errs = append(errs, &Error{File: origin(f), Line: i + 1, Err: errors.New("want token<TAB>valence")})
			continue
		}
		v, err := strconv.ParseFloat(cells[1], 64)
		if err != nil {
			errs = append(errs, &Error{File: origin(f), Line: i + 1, Err: fmt.Errorf("valence: %w", err)})
			continue
		}
		into[cells[0]] = v
	}
	return errs
}

func normPhrase(s string) string { return strings.ToLower(strings.Join(strings.Fields(s), " ")) }
