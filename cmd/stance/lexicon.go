package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/stance-news/stance/lexicon"
)

func init() {
	register(&command{
		name:  "lexicon",
		usage: "check DIR | show [--lexicon DIR] [--frames]",
		summary: `Validate a lexicon folder, or print the active lexicon.

  stance lexicon check DIR   validate the files in DIR as they would overlay the
                             embedded defaults; every problem is printed as
                             FILE:LINE: message, and the exit code is 1 if any.
  stance lexicon show        print the active lexicon: each file with its origin
                             (embedded or the user folder), what was loaded,
                             and the version hash written into every output row.

A lexicon folder holds any of: sides.tsv, actors.tsv and actors/*.tsv,
roles.tsv, titles.tsv, cues.tsv, stance-cues.tsv, frames/*.tsv (one file per
dispute) and tone/ files. A file replaces the embedded file of the same
path; a new path adds to the lexicon.`,
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) int {
			lexDir := fs.String("lexicon", "", "`folder` of lexicon files that add to or override the embedded defaults (show)")
			frames := fs.Bool("frames", false, "also list every frame claim (show)")
			return func(_ context.Context, e *env, args []string) int {
				if len(args) == 0 {
					fmt.Fprintln(e.stderr, "stance lexicon: want check DIR or show")
					return exitUsage
				}
				switch args[0] {
				case "check":
					if len(args) != 2 {
						fmt.Fprintln(e.stderr, "stance lexicon check: want one folder: stance lexicon check DIR")
						return exitUsage
					}
					return lexiconCheck(e, args[1])
				case "show":
					if len(args) > 2 {
						fmt.Fprintln(e.stderr, "stance lexicon show: too many arguments")
						return exitUsage
					}
					dir := *lexDir
					if len(args) == 2 {
						dir = args[1]
					}
					lx, err := lexicon.Load(dir)
					if err != nil {
						fmt.Fprintf(e.stderr, "stance lexicon show: lexicon:\n%v\n", err)
						return exitUsage
					}
					showLexicon(e.stdout, lx, *frames)
					return exitOK
				}
				fmt.Fprintf(e.stderr, "stance lexicon: unknown action %q: want check or show\n", args[0])
				return exitUsage
			}
		},
	})
}

func lexiconCheck(e *env, dir string) int {
	st, err := os.Stat(dir)
	if err != nil || !st.IsDir() {
		fmt.Fprintf(e.stderr, "stance lexicon check: %s is not a folder\n", dir)
		return exitUsage
	}
	for _, w := range unreadFiles(dir) {
		fmt.Fprintf(e.stderr, "warning: %s\n", w)
	}
	errs := lexicon.Check(dir)
	for _, err := range errs {
		fmt.Fprintln(e.stderr, err)
	}
	if len(errs) > 0 {
		fmt.Fprintf(e.stderr, "%d problem(s) in %s\n", len(errs), dir)
		return exitFailed
	}
	lx, err := lexicon.Load(dir)
	if err != nil {
		fmt.Fprintln(e.stderr, err)
		return exitFailed
	}
	user := 0
	for _, f := range lx.Files {
		if f.Origin != "embedded" {
			user++
		}
	}
	fmt.Fprintf(e.stdout, "%s: ok, %d file(s) over the embedded defaults; lexicon version %s\n", dir, user, lx.Version)
	return exitOK
}

// unreadFiles names the files in a user folder that no part of the lexicon
// reads, a likely typo ("frame/ukraine.tsv"): the lexicon skips them without
// a word, so check says so.
func unreadFiles(dir string) []string {
	def, err := lexicon.Default()
	if err != nil {
		return nil
	}
	known := map[string]bool{}
	folders := map[string]bool{"frames": true, "actors": true, "tone": true}
	for _, f := range def.Files {
		known[f.Name] = true
		if d := path.Dir(f.Name); d != "." {
			folders[d] = true
		}
	}
	var out []string
	_ = filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return nil
		}
		rel, _ := filepath.Rel(dir, p)
		rel = filepath.ToSlash(rel)
		if d.IsDir() {
			if strings.HasPrefix(d.Name(), ".") && rel != "." {
				return filepath.SkipDir
			}
			return nil
		}
		switch path.Ext(rel) {
		case ".tsv", ".txt", ".json":
		default:
			return nil // notes and READMEs are expected
		}
		if !known[rel] && !folders[path.Dir(rel)] {
			out = append(out, fmt.Sprintf("%s: not read by any part of the lexicon (frames go in frames/, extra actors in actors/)", p))
		}
		return nil
	})
	return out
}

func showLexicon(w io.Writer, lx *lexicon.Lexicon, frames bool) {
	fmt.Fprintf(w, "lexicon version %s\n\n", lx.Version)
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "FILE\tORIGIN\tLINES")
	for _, f := range lx.Files {
		fmt.Fprintf(tw, "%s\t%s\t%d\n", f.Name, f.Origin, strings.Count(string(f.Data), "\n"))
	}
	tw.Flush()

	aliases := 0
	for _, a := range lx.Actors {
		aliases += len(a.Aliases)
	}
	sides := make([]string, len(lx.Sides))
	for i, s := range lx.Sides {
		sides[i] = fmt.Sprintf("%s (%s)", s.ID, s.Name)
	}
	fmt.Fprintf(w, "\nsides: %d: %s\n", len(lx.Sides), strings.Join(sides, ", "))
	fmt.Fprintf(w, "actors: %d, with %d aliases\n", len(lx.Actors), aliases)
	fmt.Fprintf(w, "titles: %d\n", len(lx.Titles))
	fmt.Fprintf(w, "reporting cues: %d\n", len(lx.Cues.Verbs))
	sc := lx.StanceCues
	fmt.Fprintf(w, "stance cues: %d negators, %d affirmations, %d denials, %d oppositions, %d characterizations\n",
		len(sc.Negators), len(sc.Affirmations), len(sc.Denials), len(sc.Oppositions), len(sc.Characterizations))
	fmt.Fprintf(w, "tone valences: %d\n", len(lx.Tone.Valence))
	fmt.Fprintf(w, "frames: %d\n", len(lx.Frames))
	for _, f := range lx.Frames {
		areas := map[string]int{}
		for _, c := range f.Claims {
			areas[c.Area]++
		}
		names := slices.Sorted(maps.Keys(areas))
		parts := make([]string, len(names))
		for i, a := range names {
			parts[i] = fmt.Sprintf("%s %d", a, areas[a])
		}
		fmt.Fprintf(w, "  %s (%s): %d claims on sides %s; areas: %s\n", f.Name, f.Origin, len(f.Claims),
			strings.Join(f.FrameSides(), ", "), strings.Join(parts, ", "))
		if frames {
			tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
			for _, c := range f.Claims {
				st := make([]string, len(c.Stance))
				for i, s := range c.Stance {
					st[i] = s.String()
				}
				fmt.Fprintf(tw, "    %d\t%s\t%s\t%s\t%s\n", c.Line, c.Area, c.Side, strings.Join(st, " "), c.Pattern.Source)
			}
			tw.Flush()
		}
	}
}
