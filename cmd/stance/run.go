package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"math"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"time"

	"github.com/stance-news/stance/batch"
	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline/source"
)

func init() {
	register(&command{
		name:  "run",
		usage: "[flags] INPUT...",
		summary: `Analyse news articles and write the quotes, articles, speakers and runs tables.

INPUT is a file or folder (walked recursively in sorted order), or - for JSONL
on standard input. Formats by extension: .txt (one article: headline,
optional "Posted at" and "and last updated" lines, paragraphs separated by
blank lines), .jsonl/.ndjson (one article per line: id, title, published,
url, text), and .gz of either. Articles already in the output with the same
content, tool version and lexicon version are skipped unless --full.

Examples:
  stance run --out stance-out examples/articles
  stance run --out news-out --workers 4 archive/2017/ wire.jsonl.gz
  zcat feed.jsonl.gz | stance run --out news-out -

Safe to schedule: one run at a time per --out (a lock), nothing changes in
the dataset until the run commits, and a run killed at any moment is
finished or discarded by the next one. See docs/operations.md.

Exit codes:
  0  done
  1  the run failed; the dataset is as before, or, if files were being
     moved, the next run finishes the move
  2  usage or configuration error
  3  another run holds the output folder
  4  --strict and some inputs were quarantined (the dataset was updated)
  5  stopped by SIGINT/SIGTERM; the dataset is unchanged`,
		flags: func(fs *flag.FlagSet) func(context.Context, *env, []string) int {
			out := fs.String("out", "stance-out", "output `folder` (the dataset)")
			workers := fs.Int("workers", runtime.NumCPU(), "articles analysed in parallel; the run uses at most this many cores")
			lexDir := fs.String("lexicon", "", "`folder` of lexicon files that add to or override the embedded defaults")
			quiet := fs.Bool("quiet", false, "no progress bar, no summary, warnings and errors only")
			logFormat := fs.String("log-format", "text", "log format on stderr: text or json (json: failures are log records too, no human summary)")
			full := fs.Bool("full", false, "reprocess every article, even those already in the output")
			strict := fs.Bool("strict", false, "exit non-zero (4) when any input was quarantined")
			maxBytes := fs.Int("max-article-bytes", source.DefaultMaxArticleBytes, "quarantine articles larger than this")
			timeout := fs.Duration("article-timeout", time.Minute, "quarantine an article whose analysis takes longer than this (0: no limit)")
			memLimit := fs.String("memory-limit", defaultMemoryLimit(), "soft limit on the process's memory, a `size` such as 200MiB or 1GiB (0: none); $GOMEMLIMIT, when set, is the default")
			cpuProfile := fs.String("cpuprofile", "", "write a CPU profile (pprof) of the run to `file`")
			memProfile := fs.String("memprofile", "", "write a heap profile (pprof) at the end of the run to `file`")
			return func(ctx context.Context, e *env, args []string) int {
				if len(args) == 0 {
					fmt.Fprintln(e.stderr, "stance run: no INPUT given (a file, a folder, or - for JSONL on stdin)")
					return exitUsage
				}
				log, err := newLogger(e.stderr, *logFormat, *quiet)
				if err != nil {
					fmt.Fprintf(e.stderr, "stance run: %v\n", err)
					return exitUsage
				}
				jsonLogs := *logFormat == "json"
				runID := "" // set once batch.Run has made one
				// fail says why the run ends with code. With JSON logs it is
				// an ERROR record like every other line on stderr, so that
				// a log collector reading stderr meets nothing but JSON.
				fail := func(code int, format string, args ...any) int {
					msg := fmt.Sprintf(format, args...)
					if !jsonLogs {
						fmt.Fprintf(e.stderr, "stance run: %s\n", msg)
						return code
					}
					attrs := []any{"exit_code", code, "error", msg}
					if runID != "" {
						attrs = append([]any{"run_id", runID}, attrs...)
					}
					log.Error("run failed", attrs...)
					return code
				}
				if *workers < 1 {
					return fail(exitUsage, "--workers must be at least 1")
				}
				if *maxBytes < 1 {
					return fail(exitUsage, "--max-article-bytes must be at least 1")
				}
				if *timeout < 0 {
					return fail(exitUsage, "--article-timeout must not be negative (0: no limit)")
				}
				// --workers is the run's share of the machine: reading the
				// input, the garbage collector and the commit run on those
				// cores too, not on idle ones beside them.
				if *workers < runtime.GOMAXPROCS(0) {
					defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(*workers))
				}
				limit, err := parseSize(*memLimit)
				if err != nil {
					return fail(exitUsage, "--memory-limit: %v", err)
				}
				if limit > 0 {
					defer debug.SetMemoryLimit(debug.SetMemoryLimit(limit))
					// With the limit guarding the peak, the collector may let
					// the heap grow to three times what is live rather than
					// twice: 7-11% less CPU, and 2 workers scale better
					// (docs/performance.md). GOGC, when set, still rules.
					if os.Getenv("GOGC") == "" {
						defer debug.SetGCPercent(debug.SetGCPercent(200))
					}
				}
				lx, err := lexicon.Load(*lexDir)
				if err != nil {
					return fail(exitUsage, "lexicon:\n%v", err)
				}
				cfg := batch.Config{
					Inputs: args, Out: *out, Workers: *workers, Lexicon: lx, Version: version,
					Full: *full, MaxArticleBytes: *maxBytes, ArticleTimeout: *timeout, Stdin: e.stdin, Logger: log,
				}
				var bar *progressBar
				if e.stderrIsTTY && !*quiet && *logFormat == "text" {
					bar = &progressBar{w: e.stderr}
					cfg.Progress = bar.update
				}
				stopProfiles, err := startProfiles(*cpuProfile, *memProfile)
				if err != nil {
					return fail(exitUsage, "%v", err)
				}
				sum, err := batch.Run(ctx, cfg)
				runID = sum.RunID
				bar.done()
				if perr := stopProfiles(); perr != nil {
					if jsonLogs {
						log.Warn("profile not written", "run_id", runID, "error", perr.Error())
					} else {
						fmt.Fprintf(e.stderr, "stance run: %v\n", perr)
					}
				}
				switch {
				case err == nil:
				case errors.As(err, new(*batch.InputError)):
					return fail(exitUsage, "%v", err)
				case batch.IsLocked(err):
					return fail(exitLocked, "%v; wait for it to finish (the lock is released when that process ends)", err)
				case errors.Is(err, context.Canceled):
					return fail(exitInterrupted, "interrupted; the output folder is unchanged")
				default:
					return fail(exitFailed, "%v", err)
				}
				// The summary is for people; JSON logs carry the same in
				// "run finished" and the "article quarantined" records.
				if !*quiet && !jsonLogs {
					fmt.Fprintf(e.stderr, "stance: %d articles read, %d analysed, %d unchanged, %d quarantined; %d quotes written to %s (run %s)\n",
						sum.Read, sum.OK, sum.Unchanged, sum.Quarantined, sum.Quotes, *out, sum.RunID)
					const shown = 20
					for i, p := range sum.Problems {
						if i == shown {
							fmt.Fprintf(e.stderr, "  … and %d more: SELECT error FROM articles WHERE status = 'quarantined'\n", sum.Quarantined-shown)
							break
						}
						fmt.Fprintf(e.stderr, "  quarantined: %s\n", p)
					}
				}
				if *strict && sum.Quarantined > 0 {
					return exitQuarantined
				}
				return exitOK
			}
		},
	})
}

// defaultMemoryLimit keeps a run's memory well under 256 MB whatever the
// input size (rows wait on disk, not in memory), unless GOMEMLIMIT says
// otherwise.
func defaultMemoryLimit() string {
	if v := os.Getenv("GOMEMLIMIT"); v != "" {
		return v
	}
	return "200MiB"
}

// parseSize reads a byte count with an optional unit, as GOMEMLIMIT writes
// it: 200MiB, 1GiB, 500MB, 1048576. "0" and "off" mean no limit.
func parseSize(s string) (int64, error) {
	if s == "off" {
		return 0, nil
	}
	units := []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}, {"TiB", 1 << 40}, {"KB", 1e3}, {"MB", 1e6}, {"GB", 1e9}, {"TB", 1e12}, {"B", 1}}
	mult := int64(1)
	num := s
	for _, u := range units {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			num, mult = n, u.mult
			break
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(num), 10, 64)
	if err != nil || n < 0 || n > math.MaxInt64/mult {
		return 0, fmt.Errorf("%q is not a size (want a number of bytes with an optional unit: 200MiB, 1GiB)", s)
	}
	return n * mult, nil
}

// startProfiles starts the CPU profile, if asked for; the function it
// returns stops it and writes the heap profile, if asked for.
func startProfiles(cpuPath, memPath string) (func() error, error) {
	var cpu *os.File
	if cpuPath != "" {
		f, err := os.Create(cpuPath)
		if err != nil {
			return nil, fmt.Errorf("--cpuprofile: %w", err)
		}
		if err := pprof.StartCPUProfile(f); err != nil {
			f.Close()
			return nil, fmt.Errorf("--cpuprofile: %w", err)
		}
		cpu = f
	}
	return func() error {
		if cpu != nil {
			pprof.StopCPUProfile()
			if err := cpu.Close(); err != nil {
				return fmt.Errorf("--cpuprofile: %w", err)
			}
		}
		if memPath == "" {
			return nil
		}
		f, err := os.Create(memPath)
		if err != nil {
			return fmt.Errorf("--memprofile: %w", err)
		}
		defer f.Close()
		// allocs holds every allocation since the start, with in-use space
		// as its default view, which answers both where memory went and
		// what allocated most.
		if err := pprof.Lookup("allocs").WriteTo(f, 0); err != nil {
			return fmt.Errorf("--memprofile: %w", err)
		}
		return f.Close()
	}, nil
}

func newLogger(w io.Writer, format string, quiet bool) (*slog.Logger, error) {
	level := slog.LevelInfo
	if quiet {
		level = slog.LevelWarn
	}
	opts := &slog.HandlerOptions{Level: level}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("--log-format %q: want text or json", format)
}

// progressBar redraws one status line on a terminal, at most ten times a
// second.
type progressBar struct {
	w    io.Writer
	last time.Time
}

func (p *progressBar) update(s batch.Summary) {
	if time.Since(p.last) < 100*time.Millisecond {
		return
	}
	p.last = time.Now()
	fmt.Fprintf(p.w, "\r%d articles, %d quotes, %d quarantined", s.Read, s.Quotes, s.Quarantined)
}

func (p *progressBar) done() {
	if p != nil {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
