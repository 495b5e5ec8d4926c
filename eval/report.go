package eval

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/stance-news/stance/pipeline/article"
)

// WriteSummary prints one table per threshold: each class's counts, P, R, F1
// and speaker accuracy.
func (r *Result) WriteSummary(w io.Writer) {
	nGold, nPred := 0, 0
	for i := range r.Docs {
		nGold += len(r.Docs[i].Gold)
		nPred += len(r.Preds[i])
	}
	fmt.Fprintf(w, "%d articles, %d gold statements, %d predictions\n", len(r.Docs), nGold, nPred)
	if n := r.swapped(); n > 0 {
		fmt.Fprintf(w, "%d gold statements name a verb of saying as the source and the speaker as the cue (\"…,\" said Hester):\n"+
			"read with the cue as the source\n", n)
	}
	for _, theta := range Thresholds {
		fmt.Fprintf(w, "\noverlap >= %.1f\n", theta)
		fmt.Fprintf(w, "%-22s %6s %6s %6s %6s %6s  %6s %6s %6s  %8s\n", "class", "gold", "found", "preds", "right", "frag", "P", "R", "F1", "speaker")
		for ci, cl := range Classes {
			c := r.Counts[theta][ci]
			fmt.Fprintf(w, "%-22s %6d %6d %6d %6d %6d  %6.3f %6.3f %6.3f  %6.3f (n=%d)\n", cl.Name, c.Gold, c.Found, c.Preds, c.Right, c.Fragments,
				c.Precision(), c.Recall(), c.F1(), c.SpeakerAcc(), c.SpeakerN)
		}
	}
	if len(r.BySource) > 0 {
		fmt.Fprintf(w, "\ndirect speaker accuracy at overlap %.1f by how the gold source is written\n", Thresholds[0])
		for _, k := range []string{"name", "description", "pronoun", "not given"} {
			if c := r.BySource[k]; c != nil {
				fmt.Fprintf(w, "%-22s %6.3f (n=%d)\n", k, c.SpeakerAcc(), c.SpeakerN)
			}
		}
		fmt.Fprintf(w, "(pronoun: a written \"he\"/\"she\" whose gold speaker comes from automatic coreference)\n")
	}
	fmt.Fprintf(w, "\nP counts predictions matched to gold of the class plus fragments (predictions lying\n"+
		"inside a gold statement); predictions matched to gold of another class are left out.\n"+
		"Gold direct is scored against predicted direct+partial; gold indirect/mixed against predicted indirect.\n"+
		"speech: gold whose cue is a verb of saying, \"according to\", or a colon/dash.\n")
}

// swapped counts the gold statements whose source and cue were put back.
func (r *Result) swapped() int {
	n := 0
	for i := range r.Docs {
		for _, g := range r.Docs[i].Gold {
			if g.Swapped {
				n++
			}
		}
	}
	return n
}

// WriteCalibration prints confidence bins against how often predictions in
// them were right.
func (r *Result) WriteCalibration(w io.Writer) {
	fmt.Fprintf(w, "\nconfidence calibration (all predictions)\n")
	fmt.Fprintf(w, "%-10s %6s  %8s %8s  %16s  %8s\n", "bin", "n", "P@0.3", "P@0.8", "speaker", "right")
	for _, b := range r.Calib {
		if b.N == 0 {
			continue
		}
		fmt.Fprintf(w, "%.1f-%.1f   %6d  %8.3f %8.3f  %6.3f (n=%5d)  %8.3f\n", b.Lo, b.Hi, b.N, ratio(b.Matched[0], b.N), ratio(b.Matched[1], b.N),
			ratio(b.SpeakerRight, b.SpeakerN), b.SpeakerN, ratio(b.Right, b.N-b.Fragments))
	}
	fmt.Fprintf(w, "P@θ: share matching gold (or a fragment of it) at overlap θ; speaker: accuracy on matched\n"+
		"statements with a non-pronoun gold speaker; right: share matched at 0.3 with the right speaker,\n"+
		"of the predictions that matched or missed (fragments of longer gold statements left out).\n")
}

// WriteRules prints, per attribution rule, how many predictions it made and
// how often they were right: the numbers behind each rule's confidence.
func (r *Result) WriteRules(w io.Writer) {
	names := make([]string, 0, len(r.Rules))
	for n := range r.Rules {
		names = append(names, n)
	}
	// by count, then by name, so that two runs print the same table
	sort.Slice(names, func(i, j int) bool {
		if a, b := r.Rules[names[i]].N, r.Rules[names[j]].N; a != b {
			return a > b
		}
		return names[i] < names[j]
	})
	fmt.Fprintf(w, "\nby attribution rule\n%-28s %6s  %8s %8s  %16s  %8s\n", "rule", "n", "P@0.3", "P@0.8", "speaker", "right")
	for _, n := range names {
		b := r.Rules[n]
		fmt.Fprintf(w, "%-28s %6d  %8.3f %8.3f  %6.3f (n=%5d)  %8.3f\n", n, b.N, ratio(b.Matched[0], b.N), ratio(b.Matched[1], b.N),
			ratio(b.SpeakerRight, b.SpeakerN), b.SpeakerN, ratio(b.Right, b.N-b.Fragments))
	}
}

// WriteErrors prints up to n errors of each sort with their context.
func (r *Result) WriteErrors(w io.Writer, n int, kind string) {
	for _, what := range []string{"miss", "false alarm", "speaker"} {
		k := 0
		fmt.Fprintf(w, "\n== %ss (overlap %.1f) ==\n", what, Thresholds[0])
		for _, e := range r.Errors {
			if e.What != what || k >= n {
				continue
			}
			if kind != "" && !(e.Gold != nil && e.Gold.Kind == kind || e.Gold == nil && e.Pred != nil && e.Pred.Kind == kind) {
				continue
			}
			k++
			d := &r.Docs[e.Doc]
			text := d.Article.Text
			switch what {
			case "miss":
				g := e.Gold
				fmt.Fprintf(w, "- %s [%s, cue %q, speaker %q]\n  %s\n", d.Article.ID, g.Kind, g.Cue, g.Speaker, context(text, g.Start, g.End))
			case "false alarm":
				p := e.Pred
				fmt.Fprintf(w, "- %s [%s, cue %q, speaker %q, rule %s, conf %.2f]\n  %s\n", d.Article.ID, p.Kind, p.Cue, p.Speaker, p.Rule, p.Confidence, context(text, p.Start, p.End))
			case "speaker":
				g, p := e.Gold, e.Pred
				fmt.Fprintf(w, "- %s [%s, source %s %q] gold %q %q, got %q (mention %q, rule %s)\n  %s\n", d.Article.ID, g.Kind, SourceKind(*g), g.Source, g.Speaker, g.Mentions, p.Speaker, p.Mention, p.Rule, context(text, g.Start, g.End))
			}
		}
	}
}

// context shows the span in brackets with some text around it, on one line.
func context(text string, start, end int) string {
	b := article.ByteOffsets(text, start, end)
	s, e := b[0], b[1]
	lo, hi := s, e
	for k := 0; k < 80 && lo > 0; k++ {
		_, n := utf8.DecodeLastRuneInString(text[:lo])
		lo -= n
	}
	for k := 0; k < 60 && hi < len(text); k++ {
		_, n := utf8.DecodeRuneInString(text[hi:])
		hi += n
	}
	inner := text[s:e]
	if utf8.RuneCountInString(inner) > 300 {
		inner = string([]rune(inner)[:150]) + " … " + string([]rune(inner)[len([]rune(inner))-100:])
	}
	out := text[lo:s] + "[[" + inner + "]]" + text[e:hi]
	return strings.Join(strings.Fields(out), " ")
}
