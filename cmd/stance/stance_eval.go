package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline"
	"github.com/stance-news/stance/pipeline/article"
	"github.com/stance-news/stance/pipeline/source"
	"github.com/stance-news/stance/pipeline/stance"
	"github.com/stance-news/stance/pipeline/tone"
)

func init() {
	register(&command{
		name:  "stance-eval",
		usage: "--gold FILE... [flags]",
		summary: `Measure the stance scorer against hand-annotated statements.

Each gold file holds articles as JSON (one object, or one per line): "text",
"published", and "quotes" with "start"/"end" (code points into text),
"speaker", "affiliation" and one "stance_SIDE" value in {-1, 0, 1} per side.
Every gold statement is scored on its gold span, speaker and affiliation, so
the figures measure the stance scorer alone, not quote extraction. Reported
per side and overall: the share of non-zero gold values whose sign the scorer
matches, and the share of zero gold values the scorer leaves NULL or within
±0.2.`,
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) int {
			var golds repeated
			fs.Var(&golds, "gold", "gold `file` (repeatable; positional arguments are gold files too)")
			lexDir := fs.String("lexicon", "", "`folder` of lexicon files that add to or override the embedded defaults")
			affMap := fs.String("affiliation", "US=us,RU=russia", "gold affiliation codes to side ids, `CODE=side,...` (a code equal to a side id needs no entry)")
			verbose := fs.Bool("v", false, "list every statement with its gold and scored values and evidence")
			minShare := fs.Float64("min", 0, "exit 1 when either overall share is below this `fraction` (0..1)")
			endToEnd := fs.Bool("end-to-end", false, "score the statements the whole pipeline extracts from each gold article instead, matched to gold statements by span overlap (at least half the gold span); a gold statement nothing matches counts as NULL")
			return func(_ context.Context, e *env, args []string) int {
				files := append([]string(golds), args...)
				if len(files) == 0 {
					fmt.Fprintln(e.stderr, "stance stance-eval: no --gold FILE given")
					return exitUsage
				}
				lx, err := lexicon.Load(*lexDir)
				if err != nil {
					fmt.Fprintf(e.stderr, "stance stance-eval: lexicon:\n%v\n", err)
					return exitUsage
				}
				codes, err := parseAffiliationMap(*affMap)
				if err != nil {
					fmt.Fprintf(e.stderr, "stance stance-eval: --affiliation: %v\n", err)
					return exitUsage
				}
				ts, err := tone.New(lx)
				if err != nil {
					fmt.Fprintf(e.stderr, "stance stance-eval: %v\n", err)
					return exitFailed
				}
				sc := stance.New(lx, ts)
				var stmts []goldStatement
				for _, f := range files {
					got, err := readStanceGold(f, lx, codes)
					if err != nil {
						fmt.Fprintf(e.stderr, "stance stance-eval: %v\n", err)
						return exitUsage
					}
					stmts = append(stmts, got...)
				}
				score := func(g goldStatement) (stance.Result, string) { return sc.Score(g.st), "" }
				if *endToEnd {
					an, err := pipeline.New(lx)
					if err != nil {
						fmt.Fprintf(e.stderr, "stance stance-eval: %v\n", err)
						return exitFailed
					}
					score = extractedScorer(an)
				}
				rep := evaluateStance(score, stmts)
				rep.print(e.stdout, *verbose)
				if *minShare > 0 && (rep.total.signShare() < *minShare || rep.total.zeroShare() < *minShare) {
					return exitFailed
				}
				return exitOK
			}
		},
	})
}

func parseAffiliationMap(s string) (map[string]string, error) {
	out := map[string]string{}
	for _, kv := range strings.Split(s, ",") {
		if kv = strings.TrimSpace(kv); kv == "" {
			continue
		}
		k, v, ok := strings.Cut(kv, "=")
		if !ok || k == "" || v == "" {
			return nil, fmt.Errorf("%q: want CODE=side", kv)
		}
		out[k] = v
	}
	return out, nil
}

// goldStatement is one annotated statement, ready to score.
type goldStatement struct {
	where      string // file:article:quote for messages
	st         stance.Statement
	gold       map[string]float64 // side → -1, 0, 1
	art        *goldArticle
	start, end int // code points
}

// extractedScorer scores gold statements end to end: the pipeline runs once
// per gold article, and each gold statement takes the values of the
// extracted statement that covers most of it.
func extractedScorer(an *pipeline.Analyzer) func(goldStatement) (stance.Result, string) {
	cache := map[*goldArticle][]pipeline.Statement{}
	return func(g goldStatement) (stance.Result, string) {
		sts, ok := cache[g.art]
		if !ok {
			published, _ := time.Parse(time.RFC3339, g.art.Published)
			a := &article.Article{ID: g.art.ID, Text: g.art.Text, Published: published, Paragraphs: article.SplitParagraphs(g.art.Text)}
			sts = an.Analyze(a)
			cache[g.art] = sts
		}
		best, bestOverlap := -1, 0
		for i, st := range sts {
			if o := min(st.CharEnd, g.end) - max(st.CharStart, g.start); o > bestOverlap {
				best, bestOverlap = i, o
			}
		}
		if best < 0 || 2*bestOverlap < g.end-g.start {
			return stance.Result{}, "not extracted"
		}
		st := sts[best]
		return stance.Result{Values: st.Stance, Evidence: st.StanceEvidence},
			fmt.Sprintf("extracted [%d,%d) speaker %q (%s)", st.CharStart, st.CharEnd, st.Speaker, st.SpeakerAffiliation)
	}
}

type goldArticle struct {
	ID        string           `json:"id"`
	Text      string           `json:"text"`
	Published string           `json:"published"`
	Quotes    []map[string]any `json:"quotes"`
}

// readStanceGold reads a gold file: one JSON article, or one per line.
func readStanceGold(path string, lx *lexicon.Lexicon, codes map[string]string) ([]goldStatement, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var arts []goldArticle
	var one goldArticle
	if err := json.Unmarshal(data, &one); err == nil {
		arts = append(arts, one)
	} else {
		for i, line := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			var a goldArticle
			if err := json.Unmarshal([]byte(line), &a); err != nil {
				return nil, fmt.Errorf("%s:%d: malformed JSON: %w", path, i+1, source.JSONError(err))
			}
			arts = append(arts, a)
		}
	}
	var out []goldStatement
	for ai := range arts {
		a := &arts[ai]
		published, _ := time.Parse(time.RFC3339, a.Published)
		runes := utf8.RuneCountInString(a.Text)
		for qi, q := range a.Quotes {
			where := fmt.Sprintf("%s:%s:quote %d", path, a.ID, qi)
			start, okS := q["start"].(float64)
			end, okE := q["end"].(float64)
			if !okS || !okE || int(start) < 0 || int(end) > runes || start > end {
				return nil, fmt.Errorf("%s: start/end missing or outside the text", where)
			}
			b := article.ByteOffsets(a.Text, int(start), int(end))
			bs, be := b[0], b[1]
			paraStart := strings.LastIndex(a.Text[:bs], "\n\n")
			if paraStart < 0 {
				paraStart = 0
			} else {
				paraStart += 2
			}
			aff, _ := q["affiliation"].(string)
			if side, ok := codes[aff]; ok {
				aff = side
			} else if _, ok := lx.Side(strings.ToLower(aff)); ok {
				aff = strings.ToLower(aff)
			} else {
				aff = ""
			}
			speaker, _ := q["speaker"].(string)
			gs := goldStatement{where: where, gold: map[string]float64{}, art: a, start: int(start), end: int(end), st: stance.Statement{
				Text: a.Text[bs:be], Affiliation: aff, Published: published,
				Lead: stance.Lead(a.Text, paraStart, bs), Speaker: speaker,
			}}
			for k, v := range q {
				side, ok := strings.CutPrefix(k, "stance_")
				f, isNum := v.(float64)
				if ok && isNum {
					gs.gold[side] = f
				}
			}
			out = append(out, gs)
		}
	}
	return out, nil
}

type stanceTally struct {
	nonzero, signOK, zero, zeroOK int
}

func (t stanceTally) signShare() float64 { return share(t.signOK, t.nonzero) }
func (t stanceTally) zeroShare() float64 { return share(t.zeroOK, t.zero) }

func share(k, n int) float64 {
	if n == 0 {
		return 1
	}
	return float64(k) / float64(n)
}

type stanceReport struct {
	sides []string
	per   map[string]*stanceTally
	total stanceTally
	lines []string
}

// zeroTolerance: a scored value this close to 0 agrees with a gold 0.
const zeroTolerance = 0.2

func evaluateStance(score func(goldStatement) (stance.Result, string), stmts []goldStatement) *stanceReport {
	rep := &stanceReport{per: map[string]*stanceTally{}}
	for _, g := range stmts {
		res, note := score(g)
		var cells []string
		for _, side := range slices.Sorted(maps.Keys(g.gold)) {
			t := rep.per[side]
			if t == nil {
				t = &stanceTally{}
				rep.per[side] = t
				rep.sides = append(rep.sides, side)
			}
			gold := g.gold[side]
			v, has := res.Values[side]
			ok := false
			if gold != 0 {
				t.nonzero++
				rep.total.nonzero++
				ok = has && v != 0 && math.Signbit(v) == math.Signbit(gold)
				if ok {
					t.signOK++
					rep.total.signOK++
				}
			} else {
				t.zero++
				rep.total.zero++
				ok = !has || math.Abs(v) <= zeroTolerance
				if ok {
					t.zeroOK++
					rep.total.zeroOK++
				}
			}
			got := "NULL"
			if has {
				got = fmt.Sprintf("%+.2f", v)
			}
			mark := " "
			if !ok {
				mark = "✗"
			}
			cells = append(cells, fmt.Sprintf("%s%s gold %+.0f got %s", mark, side, gold, got))
		}
		line := fmt.Sprintf("%s  [%s]  %q", g.where, strings.Join(cells, "; "), clip(g.st.Text, 90))
		if note != "" {
			line += "\n      (" + note + ")"
		}
		for _, ev := range res.Evidence {
			line += "\n      " + ev
		}
		rep.lines = append(rep.lines, line)
	}
	sort.Strings(rep.sides)
	return rep
}

func (r *stanceReport) print(w io.Writer, verbose bool) {
	if verbose {
		for _, l := range r.lines {
			fmt.Fprintln(w, l)
		}
		fmt.Fprintln(w)
	}
	fmt.Fprintf(w, "%-10s %22s %26s\n", "side", "sign agrees (gold ≠ 0)", "NULL or |v|≤0.2 (gold 0)")
	row := func(name string, t stanceTally) {
		fmt.Fprintf(w, "%-10s %12d/%-3d %5.1f%% %16d/%-3d %5.1f%%\n", name, t.signOK, t.nonzero, 100*t.signShare(), t.zeroOK, t.zero, 100*t.zeroShare())
	}
	for _, s := range r.sides {
		row(s, *r.per[s])
	}
	row("all", r.total)
}

func clip(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
