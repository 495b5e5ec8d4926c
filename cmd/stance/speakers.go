package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/stance-news/stance/output"
)

func init() {
	register(&command{
		name:  "speakers",
		usage: "OUT [--from DATE] [--to DATE] [--side SIDE] [--toward SIDE,...]",
		summary: `Compare speakers: quotes, articles, mean tone and mean stance toward each side.

Reads the quotes table of the dataset OUT (written by stance run) and prints
one row per speaker: display name, affiliation, number of quotes and of
articles, mean tone, and for each side the mean stance with the number of
quotes that gave evidence about it, e.g. "-0.42 (5)"; "-" when none did.
Stance columns cover every side any frame scored, user frames included.`,
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) int {
			from := fs.String("from", "", "only quotes published on or after this `date` (YYYY-MM-DD); undated quotes are left out")
			to := fs.String("to", "", "only quotes published on or before this `date` (YYYY-MM-DD); undated quotes are left out")
			side := fs.String("side", "", "only speakers affiliated with this `side` id (\"none\" for unaffiliated)")
			toward := fs.String("toward", "", "stance columns for these `sides` only, comma-separated (default: every side scored)")
			kinds := fs.String("kind", "", "only speakers of these `kinds`, comma-separated: person, institution, country, group (actors of the lexicon), named (a name the lexicon lacks), source (an unnamed or described source)")
			minQuotes := fs.Int("min-quotes", 1, "only speakers with at least this many quotes (after filtering)")
			format := fs.String("format", "table", "output format: table or tsv")
			return func(_ context.Context, e *env, args []string) int {
				if len(args) != 1 {
					fmt.Fprintln(e.stderr, "stance speakers: want one dataset folder: stance speakers OUT")
					return exitUsage
				}
				var f speakerFilter
				var err error
				if f.from, err = parseDay(*from); err != nil {
					fmt.Fprintf(e.stderr, "stance speakers: --from: %v\n", err)
					return exitUsage
				}
				if f.to, err = parseDay(*to); err != nil {
					fmt.Fprintf(e.stderr, "stance speakers: --to: %v\n", err)
					return exitUsage
				}
				if !f.to.IsZero() {
					f.to = f.to.Add(24*time.Hour - time.Microsecond) // the whole day
				}
				if *format != "table" && *format != "tsv" {
					fmt.Fprintf(e.stderr, "stance speakers: --format %q: want table or tsv\n", *format)
					return exitUsage
				}
				f.side = *side
				if *kinds != "" {
					for k := range strings.SplitSeq(*kinds, ",") {
						k = strings.TrimSpace(k)
						if !slices.Contains(speakerKinds, k) {
							fmt.Fprintf(e.stderr, "stance speakers: --kind %q: want one of %s\n", k, strings.Join(speakerKinds, ", "))
							return exitUsage
						}
						f.kinds = append(f.kinds, k)
					}
				}
				if _, err := os.Stat(filepath.Join(args[0], output.QuotesTable)); err != nil {
					fmt.Fprintf(e.stderr, "stance speakers: %s has no quotes table (run stance run --out %s first)\n", args[0], args[0])
					return exitUsage
				}
				rows, sides, known, err := aggregateSpeakers(args[0], f)
				if err != nil {
					fmt.Fprintf(e.stderr, "stance speakers: %v\n", err)
					return exitFailed
				}
				// A misspelt side filters everything out or shows a column
				// of "-": say which sides the dataset has.
				if f.side != "" && f.side != "none" && !slices.Contains(known.affiliations, f.side) {
					fmt.Fprintf(e.stderr, "stance speakers: no speaker in %s has the side %q (sides there: %s)\n", args[0], f.side, orNone(known.affiliations))
				}
				if *toward != "" {
					sides = strings.Split(*toward, ",")
					for i := range sides {
						sides[i] = strings.TrimSpace(sides[i])
						if !slices.Contains(known.scored, sides[i]) {
							fmt.Fprintf(e.stderr, "stance speakers: no statement in %s gives stance toward %q (sides with stance there: %s)\n", args[0], sides[i], orNone(known.scored))
						}
					}
				}
				kept := rows[:0]
				for _, r := range rows {
					if r.NQuotes >= int64(*minQuotes) {
						kept = append(kept, r)
					}
				}
				printSpeakers(e.stdout, kept, sides, *format == "tsv")
				return exitOK
			}
		},
	})
}

func orNone(xs []string) string {
	if len(xs) == 0 {
		return "none"
	}
	return strings.Join(xs, ", ")
}

func parseDay(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q: want YYYY-MM-DD", s)
	}
	return t, nil
}

type speakerFilter struct {
	from, to time.Time // zero: open
	side     string
	kinds    []string // speaker kinds kept; none: all
}

// speakerKinds are the values of speaker_kind (the speakers table's kind).
var speakerKinds = []string{"person", "institution", "country", "group", "named", "source"}

// published reports whether a quote published at p is in the date range;
// undated quotes are in only when the range is open.
func (f speakerFilter) published(p *time.Time) bool {
	if f.from.IsZero() && f.to.IsZero() {
		return true
	}
	return p != nil && !(!f.from.IsZero() && p.Before(f.from) || !f.to.IsZero() && p.After(f.to))
}

// aggregateSpeakers sums the quotes in the date range per speaker, as the
// speakers table does (output.ReadSpeakerSums), keeps the speakers of the
// side asked for, most quoted first, and lists the sides the kept quotes
// gave stance toward. It also returns, over the whole dataset whatever the
// filters, the sides known there.
func aggregateSpeakers(out string, f speakerFilter) (rows []output.SpeakerSums, sides []string, known datasetSides, err error) {
	all, err := output.ReadSpeakerSums(out, f.published)
	if err != nil {
		return nil, nil, known, err
	}
	if known, err = readDatasetSides(out); err != nil {
		return nil, nil, known, err
	}
	sideSet := map[string]bool{}
	for _, r := range all {
		for side := range r.SideN {
			sideSet[side] = true
		}
		if f.side != "" && r.Affiliation != f.side && !(f.side == "none" && r.Affiliation == "") {
			continue
		}
		if len(f.kinds) > 0 && !slices.Contains(f.kinds, r.Kind) {
			continue
		}
		rows = append(rows, r)
	}
	sort.Slice(rows, func(i, j int) bool {
		if rows[i].NQuotes != rows[j].NQuotes {
			return rows[i].NQuotes > rows[j].NQuotes
		}
		if rows[i].Speaker.Speaker != rows[j].Speaker.Speaker {
			return rows[i].Speaker.Speaker < rows[j].Speaker.Speaker
		}
		return rows[i].SpeakerID < rows[j].SpeakerID // two speakers of one name
	})
	return rows, slices.Sorted(maps.Keys(sideSet)), known, nil
}

// datasetSides are the sides a dataset knows: speakers' affiliations, and
// the sides statements gave stance toward.
type datasetSides struct{ affiliations, scored []string }

// readDatasetSides reads the sides every quote names, with a speaker or not.
func readDatasetSides(out string) (datasetSides, error) {
	affSet, scoredSet := map[string]bool{}, map[string]bool{}
	err := output.ReadQuotes(out, func(q *output.Quote) error {
		if q.SpeakerAffiliation != "" {
			affSet[q.SpeakerAffiliation] = true
		}
		for _, entry := range q.StanceSides {
			side, _, _ := strings.Cut(entry, "=")
			scoredSet[side] = true
		}
		if q.StanceUS != nil {
			scoredSet["us"] = true
		}
		if q.StanceRussia != nil {
			scoredSet["russia"] = true
		}
		return nil
	})
	return datasetSides{affiliations: slices.Sorted(maps.Keys(affSet)), scored: slices.Sorted(maps.Keys(scoredSet))}, err
}

func printSpeakers(w io.Writer, rows []output.SpeakerSums, sides []string, tsv bool) {
	header := []string{"SPEAKER", "AFFILIATION", "QUOTES", "ARTICLES", "MEAN TONE"}
	for _, s := range sides {
		header = append(header, "STANCE "+strings.ToUpper(s)+" (N)")
	}
	var tw *tabwriter.Writer
	out := w
	if !tsv {
		tw = tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
		out = tw
	}
	fmt.Fprintln(out, strings.Join(header, "\t"))
	for _, r := range rows {
		aff := r.Affiliation
		if aff == "" {
			aff = "-"
		}
		cells := []string{r.Speaker.Speaker, aff, fmt.Sprint(r.NQuotes), fmt.Sprint(r.NArticles), fmt.Sprintf("%+.2f", r.MeanTone)}
		for _, s := range sides {
			if n := r.SideN[s]; n > 0 {
				cells = append(cells, fmt.Sprintf("%+.2f (%d)", r.SideMeans[s], n))
			} else {
				cells = append(cells, "- (0)")
			}
		}
		fmt.Fprintln(out, strings.Join(cells, "\t"))
	}
	if tw != nil {
		tw.Flush()
	}
	if len(rows) == 0 {
		fmt.Fprintln(w, "(no speakers match)")
	}
}
