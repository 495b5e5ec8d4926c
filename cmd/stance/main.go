// Command stance finds the statements news articles attribute to people,
// scores their tone and stance, and writes them as Parquet tables.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/stance-news/stance/lexicon"
)

// Exit codes, documented in docs/operations.md and in "stance run --help".
const (
	exitOK          = 0
	exitFailed      = 1 // the run failed
	exitUsage       = 2 // usage or configuration error
	exitLocked      = 3 // another run holds the output folder
	exitQuarantined = 4 // --strict and some inputs were quarantined
	exitInterrupted = 5 // stopped by SIGINT or SIGTERM, dataset unchanged
)

// version is set at build time with -ldflags "-X main.version=…". A
// development build adds its commit, so that an incremental run reprocesses
// articles after the code changed (the skip rule compares versions).
var version = devVersion("0.1.0-dev")

func devVersion(v string) string {
	if !strings.HasSuffix(v, "-dev") {
		return v
	}
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return v
	}
	var rev, dirty string
	for _, s := range info.Settings {
		switch {
		case s.Key == "vcs.revision" && len(s.Value) >= 12:
			rev = s.Value[:12]
		case s.Key == "vcs.modified" && s.Value == "true":
			dirty = ".dirty"
		}
	}
	if rev == "" {
		return v
	}
	return v + "+" + rev + dirty
}

// command is one subcommand. Each lives in its own file and registers itself.
type command struct {
	name    string
	summary string
	usage   string // arguments after the command name
	flags   func(fs *flag.FlagSet) func(ctx context.Context, env *env, args []string) int
}

// env is what a command may touch: its streams and arguments. Commands never
// reach for os.Stdout directly, so tests run them in-process.
type env struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	stderrIsTTY    bool
}

// repeated is a flag that may be given more than once (--gold a --gold b);
// it keeps every value, in order.
type repeated []string

func (r *repeated) String() string     { return strings.Join(*r, ",") }
func (r *repeated) Set(v string) error { *r = append(*r, v); return nil }

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// signalGrace is how long a signalled run may take to stop between
// articles before the process exits anyway. Exiting at any point is safe:
// the next run discards or finishes what this one left (docs/operations.md).
const signalGrace = 4 * time.Second

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop() // a second signal ends the process at once
		time.Sleep(signalGrace)
		fmt.Fprintf(os.Stderr, "stance: still busy %v after the signal; exiting now, the next run cleans up\n", signalGrace)
		os.Exit(exitInterrupted)
	}()
	e := &env{stdin: os.Stdin, stdout: os.Stdout, stderr: os.Stderr, stderrIsTTY: isTerminal(os.Stderr)}
	os.Exit(runMain(ctx, e, os.Args[1:]))
}

func runMain(ctx context.Context, e *env, args []string) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) > 1 {
			if c, ok := commands[args[1]]; ok {
				return runCommand(ctx, e, c, []string{"--help"})
			}
		}
		if len(args) == 0 {
			topUsage(e.stderr)
			return exitUsage
		}
		topUsage(e.stdout) // asked for: to stdout, so it pipes into a pager
		return exitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "stance: unknown command %q\n\n", args[0])
		topUsage(e.stderr)
		return exitUsage
	}
	return runCommand(ctx, e, c, args[1:])
}

func runCommand(ctx context.Context, e *env, c *command, args []string) int {
	fs := flag.NewFlagSet("stance "+c.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	if asksHelp(args) {
		fs.SetOutput(e.stdout)
	}
	exec := c.flags(fs)
	fs.Usage = func() {
		fmt.Fprintf(fs.Output(), "Usage: stance %s %s\n\n%s\n", c.name, c.usage, c.summary)
		var has bool
		fs.VisitAll(func(*flag.Flag) { has = true })
		if has {
			fmt.Fprintf(fs.Output(), "\nFlags:\n")
			fs.PrintDefaults()
		}
	}
	positional, err := parseInterleaved(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	if err != nil {
		return exitUsage
	}
	return exec(ctx, e, positional)
}

// asksHelp reports whether the flags ask for help, so that help asked for
// goes to stdout while usage errors go to stderr.
func asksHelp(args []string) bool {
	for _, a := range args {
		switch a {
		case "--":
			return false
		case "-h", "-help", "--help":
			return true
		}
	}
	return false
}

// parseInterleaved lets flags come after positional arguments too
// (stance run articles/ --out x), as users type them; "--" ends flags.
func parseInterleaved(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return positional, nil
		}
		if rest[0] == "--" {
			return append(positional, rest[1:]...), nil
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
}

func topUsage(w io.Writer) {
	fmt.Fprintf(w, "stance %s: who said what in the news, with what tone and stance.\n\nUsage: stance COMMAND [flags] [args]\n\nCommands:\n", version)
	names := slices.Sorted(maps.Keys(commands))
	width := 0
	for _, n := range names {
		width = max(width, len(n))
	}
	for _, n := range names {
		fmt.Fprintf(w, "  %-*s  %s\n", width, n, firstLine(commands[n].summary))
	}
	fmt.Fprintf(w, "\nRun 'stance COMMAND --help' for a command's flags.\n")
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

func init() {
	register(&command{
		name:  "version",
		usage: "[--lexicon DIR]",
		summary: `Print the tool version, the lexicon version and the Go toolchain.

The lexicon version is the hash the tables record in lexicon_version: with
--lexicon it is that of the embedded defaults overlaid by DIR, as stance run
--lexicon DIR would use.`,
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) int {
			lexDir := fs.String("lexicon", "", "`folder` of lexicon overrides, as for stance run")
			return func(_ context.Context, e *env, _ []string) int {
				lx, err := lexicon.Load(*lexDir)
				if err != nil {
					fmt.Fprintf(e.stderr, "stance version: lexicon:\n%v\n", err)
					return exitUsage
				}
				fmt.Fprintf(e.stdout, "stance %s\n", version)
				source := "embedded defaults"
				if *lexDir != "" {
					source = "embedded defaults + " + *lexDir
				}
				fmt.Fprintf(e.stdout, "lexicon %s (%s)\n%s %s/%s\n", lx.Version, source, runtime.Version(), runtime.GOOS, runtime.GOARCH)
				return exitOK
			}
		},
	})
}
