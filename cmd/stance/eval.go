package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/stance-news/stance/eval"
	"github.com/stance-news/stance/lexicon"
)

func init() {
	register(&command{
		name:  "eval",
		usage: "--gold FILE... [flags]",
		summary: `Score quote extraction and speaker attribution against annotated articles.

FILE is gold JSONL (optionally .gz) in the PolNeAR shape (id, text, quotes with
start/end in code points, kind, speaker, speaker_mentions, cue), or a .json file
holding one such article (the seed's gold). Files after the flags are gold files
too. Prints precision, recall and F1 at 0.3 and 0.8 character overlap (a
prediction matches a gold statement when it covers that share of it), speaker
accuracy on matched statements (by canonical name, any gold mention or surname;
pronoun-only gold speakers left out), by kind and for the speech subset (cues
that are verbs of saying, "according to", or a colon or dash).`,
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) int {
			var gold repeated
			fs.Var(&gold, "gold", "gold `file` (repeatable; extra arguments are gold files too)")
			lexDir := fs.String("lexicon", "", "`folder` of lexicon files that add to or override the embedded defaults")
			showErrors := fs.Int("show-errors", 0, "list up to `N` misses, false alarms and wrong speakers each")
			errKind := fs.String("error-kind", "", "list errors of this gold/predicted kind only (direct, indirect, mixed, partial)")
			calibration := fs.Bool("calibration", false, "print the confidence calibration table and the figures per attribution rule")
			return func(ctx context.Context, e *env, args []string) int {
				files := append(gold, args...)
				if len(files) == 0 {
					fmt.Fprintln(e.stderr, "stance eval: no gold file given (--gold FILE)")
					return exitUsage
				}
				lx, err := lexicon.Load(*lexDir)
				if err != nil {
					fmt.Fprintf(e.stderr, "stance eval: lexicon:\n%v\n", err)
					return exitUsage
				}
				var docs []eval.Doc
				for _, f := range files {
					d, err := eval.Load(f)
					if err != nil {
						fmt.Fprintf(e.stderr, "stance eval: %v\n", err)
						return exitUsage
					}
					docs = append(docs, d...)
				}
				res := eval.Score(docs, eval.Predict(lx, docs))
				fmt.Fprintf(e.stdout, "gold: %s\n", strings.Join(files, " "))
				res.WriteSummary(e.stdout)
				if *calibration {
					res.WriteCalibration(e.stdout)
					res.WriteRules(e.stdout)
				}
				if *showErrors > 0 {
					res.WriteErrors(e.stdout, *showErrors, *errKind)
				}
				return exitOK
			}
		},
	})
}
