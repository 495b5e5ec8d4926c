package main

// Tests that run the real binary as a child process: the lock, signals,
// kill -9 at random moments and at every commit step, exit codes. They
// build the command once, without cgo.

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/stance-news/stance/batch/batchtest"
	"github.com/stance-news/stance/output"
)

var (
	buildOnce sync.Once
	binPath   string
	buildErr  error
)

// stanceBinary builds the command into a temporary folder, once per test
// binary.
func stanceBinary(t *testing.T) string {
	t.Helper()
	if testing.Short() {
		t.Skip("builds and runs the binary")
	}
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "stance-bin-")
		if err != nil {
			buildErr = err
			return
		}
		binPath = filepath.Join(dir, "stance")
		cmd := exec.Command("go", "build", "-o", binPath, ".")
		cmd.Env = append(os.Environ(), "CGO_ENABLED=0")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("go build: %v\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binPath
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binPath != "" {
		os.RemoveAll(filepath.Dir(binPath))
	}
	os.Exit(code)
}

type child struct {
	cmd    *exec.Cmd
	stderr *syncBuffer
	stdin  io.WriteCloser
}

// syncBuffer collects a child's stderr while the test polls it.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func startStance(t *testing.T, env []string, withStdin bool, args ...string) *child {
	t.Helper()
	c := &child{cmd: exec.Command(stanceBinary(t), args...), stderr: &syncBuffer{}}
	c.cmd.Env = append(os.Environ(), env...)
	c.cmd.Stderr = c.stderr
	if withStdin {
		var err error
		if c.stdin, err = c.cmd.StdinPipe(); err != nil {
			t.Fatal(err)
		}
	}
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return c
}

// wait returns the exit code, or -1 with the signal when killed by one.
func (c *child) wait() (int, syscall.Signal) {
	err := c.cmd.Wait()
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		if ws, ok := ee.Sys().(syscall.WaitStatus); ok && ws.Signaled() {
			return -1, ws.Signal()
		}
		return ee.ExitCode(), 0
	}
	if err != nil {
		return -2, 0
	}
	return 0, 0
}

// waitFor polls the child's stderr until it contains s.
func (c *child) waitFor(t *testing.T, s string) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(c.stderr.String(), s) {
		if time.Now().After(deadline) {
			t.Fatalf("child never logged %q; stderr:\n%s", s, c.stderr.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
}

func runStance(t *testing.T, env []string, args ...string) (int, string) {
	t.Helper()
	c := startStance(t, env, false, args...)
	code, sig := c.wait()
	if sig != 0 {
		return -1, c.stderr.String()
	}
	return code, c.stderr.String()
}

func mustRun(t *testing.T, args ...string) string {
	t.Helper()
	code, stderr := runStance(t, nil, args...)
	if code != 0 {
		t.Fatalf("stance %v: exit %d\n%s", args, code, stderr)
	}
	return stderr
}

func readTables(t *testing.T, out string) batchtest.Tables {
	t.Helper()
	tb, err := batchtest.ReadTables(out)
	if err != nil {
		t.Fatal(err)
	}
	return tb
}

// checkClean asserts what a finished run must leave: no staging folder, and
// only table files inside the table folders.
func checkClean(t *testing.T, out string) {
	t.Helper()
	stage, _ := output.StagingDir(out)
	if entries, err := os.ReadDir(stage); err == nil {
		t.Errorf("staging folder %s still holds %d entries", stage, len(entries))
	}
	for _, table := range []string{output.QuotesTable, output.ArticlesTable, output.SpeakersTable, output.RunsTable} {
		filepath.WalkDir(filepath.Join(out, table), func(p string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && filepath.Ext(p) != ".parquet" {
				t.Errorf("stray file in a table folder: %s", p)
			}
			if err == nil && !d.IsDir() {
				if st, _ := os.Stat(p); st.Mode().Perm() != 0o644 {
					t.Errorf("%s has mode %v, want 0644", p, st.Mode().Perm())
				}
			}
			return nil
		})
	}
}

// twoVersions writes an input and a later version of it: some articles
// changed (text, date, partition), some broken, some added.
func twoVersions(t *testing.T, dir string, n, days int) (v1, v2 string) {
	t.Helper()
	arts := batchtest.Generate(11, n, days)
	v1 = filepath.Join(dir, "v1", "feed.jsonl")
	if err := batchtest.WriteJSONL(v1, arts); err != nil {
		t.Fatal(err)
	}
	changed := slices.Clone(arts)
	for i := 0; i < n; i += 9 {
		changed[i].Text += "\n\n“We will see,” Amina Diallo said."
	}
	for i := 4; i < n; i += 23 {
		changed[i].Published = changed[i].Published.AddDate(0, 0, 31)
	}
	changed[5].Text = "" // becomes quarantined
	for i, a := range batchtest.Generate(12, n/5, days) {
		a.ID = fmt.Sprintf("late-%03d", i)
		changed = append(changed, a)
	}
	v2 = filepath.Join(dir, "v2", "feed.jsonl")
	if err := batchtest.WriteJSONL(v2, changed); err != nil {
		t.Fatal(err)
	}
	return v1, v2
}

func TestSecondRunOnSameOutputFailsFastAndLockDiesWithProcess(t *testing.T) {
	dir := t.TempDir()
	out := filepath.Join(dir, "out")
	in := filepath.Join(dir, "feed.jsonl")
	if err := batchtest.WriteJSONL(in, batchtest.Generate(1, 5, 1)); err != nil {
		t.Fatal(err)
	}
	// The first run reads standard input, which stays open: it holds the
	// lock until the test lets it go.
	first := startStance(t, nil, true, "run", "--out", out, "-")
	first.waitFor(t, "run started")

	start := time.Now()
	code, stderr := runStance(t, nil, "run", "--out", out, in)
	t.Logf("second run: exit %d after %v: %s", code, time.Since(start).Round(time.Millisecond), strings.TrimSpace(stderr))
	if code != exitLocked || !strings.Contains(stderr, "another stance run is writing this output folder") {
		t.Errorf("second run: exit %d, want %d with a clear message; stderr:\n%s", code, exitLocked, stderr)
	}

	// kill -9 the holder: the next run must get the lock at once.
	first.cmd.Process.Signal(syscall.SIGKILL)
	if _, sig := first.wait(); sig != syscall.SIGKILL {
		t.Fatalf("first run not killed: %v", sig)
	}
	mustRun(t, "run", "--quiet", "--out", out, in)
	checkClean(t, out)
}

func TestSignalsStopTheRunAndCleanStaging(t *testing.T) {
	for _, tc := range []struct {
		sig  syscall.Signal
		busy bool
	}{{syscall.SIGTERM, false}, {syscall.SIGINT, false}, {syscall.SIGTERM, true}, {syscall.SIGINT, true}} {
		name := tc.sig.String() + "/stalled input"
		if tc.busy {
			name = tc.sig.String() + "/while analysing"
		}
		sig := tc.sig
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			out := filepath.Join(dir, "out")
			c := startStance(t, nil, true, "run", "--out", out, "-")
			c.waitFor(t, "run started")
			arts := batchtest.Generate(2, 200, 2)
			if tc.busy {
				// Keep the run busy: articles keep coming until the pipe
				// breaks when the child exits.
				go func() {
					for i := 0; ; i++ {
						a := arts[i%len(arts)]
						a.ID = fmt.Sprintf("busy-%d", i)
						if _, err := c.stdin.Write(a.JSONLine()); err != nil {
							return
						}
					}
				}()
				time.Sleep(300 * time.Millisecond)
			} else {
				// Feed some articles, and leave the pipe open as a
				// stalled upstream would.
				for _, a := range arts[:30] {
					c.stdin.Write(a.JSONLine())
				}
			}
			// "run started" is logged once the lock is held, before the
			// staging folder exists: wait for the folder itself.
			stage, _ := output.StagingDir(out)
			for deadline := time.Now().Add(20 * time.Second); ; time.Sleep(10 * time.Millisecond) {
				_, err := os.Stat(stage)
				if err == nil {
					break
				}
				if time.Now().After(deadline) {
					t.Fatalf("no staging folder while running: %v", err)
				}
			}
			start := time.Now()
			c.cmd.Process.Signal(sig)
			done := make(chan struct{})
			var code int
			var got syscall.Signal
			go func() { code, got = c.wait(); close(done) }()
			select {
			case <-done:
			case <-time.After(5 * time.Second):
				c.cmd.Process.Kill()
				<-done
				t.Fatalf("still running 5 s after %v", sig)
			}
			t.Logf("%v: exit %d after %v: %s", sig, code, time.Since(start).Round(time.Millisecond), lastLine(c.stderr.String()))
			if got != 0 || code != exitInterrupted {
				t.Errorf("after %v: exit %d (signal %v), want %d", sig, code, got, exitInterrupted)
			}
			if _, err := os.Stat(stage); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("staging folder left: %v", err)
			}
			if _, err := os.Stat(filepath.Join(out, "_SUCCESS")); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("an interrupted first run wrote _SUCCESS")
			}
		})
	}
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimSpace(s), "\n")
	return lines[len(lines)-1]
}

// kill -9 at random moments of a run, over and over, then let a run finish:
// the tables must equal those of runs never interrupted.
func TestKillNineAtRandomMomentsThenRerun(t *testing.T) {
	dir := t.TempDir()
	v1, v2 := twoVersions(t, dir, 800, 6)

	// Clean runs, timed twice each (the shorter counts: the first may pay
	// for a cold cache).
	ref, scratch := filepath.Join(dir, "ref"), filepath.Join(dir, "scratch")
	timed := func(out, in string) time.Duration {
		start := time.Now()
		mustRun(t, "run", "--quiet", "--out", out, in)
		return time.Since(start)
	}
	d1 := min(timed(ref, v1), timed(scratch, v1))
	want1 := readTables(t, ref)
	d2 := min(timed(ref, v2), timed(scratch, v2))
	want2 := readTables(t, ref)

	r := rand.New(rand.NewPCG(2026, 11))
	out := filepath.Join(dir, "out")
	kills, finished := 0, 0
	for phase, p := range []struct {
		in   string
		d    time.Duration
		want batchtest.Tables
	}{{v1, d1, want1}, {v2, d2, want2}} {
		// Kill within a clean run's time (process start included). On a
		// busy machine runs vary; a run that finished before its kill (which
		// must be harmless too) narrows the window for the next ones.
		window := p.d
		for range 15 {
			delay := time.Duration(r.Int64N(int64(window)))
			c := startStance(t, nil, false, "run", "--quiet", "--out", out, p.in)
			time.Sleep(delay)
			c.cmd.Process.Signal(syscall.SIGKILL)
			if code, sig := c.wait(); sig == syscall.SIGKILL {
				kills++
				window = min(p.d, window*11/10)
			} else if code == 0 {
				finished++
				window = window * 2 / 3
			} else {
				t.Fatalf("phase %d: run exited %d before the kill:\n%s", phase+1, code, c.stderr.String())
			}
		}
		mustRun(t, "run", "--quiet", "--out", out, p.in)
		if d := batchtest.Diff(readTables(t, out), p.want); d != "" {
			t.Fatalf("phase %d: after kills and a rerun: %s", phase+1, d)
		}
		checkClean(t, out)
	}
	t.Logf("%d runs killed, %d finished before their kill; clean runs took %v and %v", kills, finished, d1.Round(time.Millisecond), d2.Round(time.Millisecond))
	if kills < 15 {
		t.Errorf("only %d of 30 runs were killed mid-run", kills)
	}
	runs, err := output.ReadTable[output.Run](out, output.RunsTable)
	if err != nil {
		t.Fatal(err)
	}
	for _, run := range runs {
		if run.Status != "ok" {
			t.Errorf("runs table holds %+v", run)
		}
	}
}

// Kill the process at every step of the commit in turn (the Nth failpoint),
// then rerun: the dataset must always equal that of a run never killed.
// Every other time the first rerun is killed too, at its first step, which
// may be the middle of finishing the killed run's commit.
func TestKillAtEveryCommitStepThenRerun(t *testing.T) {
	dir := t.TempDir()
	v1, v2 := twoVersions(t, dir, 60, 4)
	base := filepath.Join(dir, "base")
	mustRun(t, "run", "--quiet", "--out", base, v1)
	ref := filepath.Join(dir, "ref")
	copyDir(t, base, ref)
	mustRun(t, "run", "--quiet", "--out", ref, v2)
	want := readTables(t, ref)

	steps := 0
	for n := 1; ; n++ {
		out := filepath.Join(dir, fmt.Sprintf("out%d", n))
		copyDir(t, base, out)
		code, stderr := runStance(t, []string{fmt.Sprintf("STANCE_FAILPOINT_KILL=%d", n)}, "run", "--quiet", "--out", out, v2)
		if code == 0 {
			break // fewer than n steps: every one has been tried
		}
		if code != -1 {
			t.Fatalf("step %d: exit %d:\n%s", n, code, stderr)
		}
		steps++
		if n%2 == 0 {
			runStance(t, []string{"STANCE_FAILPOINT_KILL=1"}, "run", "--quiet", "--out", out, v2)
		}
		_, sawSuccess := os.Stat(filepath.Join(out, "_SUCCESS"))
		stderr = mustRun(t, "run", "--out", out, v2)
		if d := batchtest.Diff(readTables(t, out), want); d != "" {
			t.Fatalf("killed at commit step %d, then rerun: %s", n, d)
		}
		checkClean(t, out)
		t.Logf("step %d: _SUCCESS present after kill: %v; rerun: %s", n, sawSuccess == nil, recoveryNote(stderr))
		os.RemoveAll(out)
	}
	if steps < 8 {
		t.Errorf("only %d commit steps were tried", steps)
	}
}

func recoveryNote(stderr string) string {
	switch {
	case strings.Contains(stderr, "finished the commit"):
		return "finished the killed run's commit"
	case strings.Contains(stderr, "removed the staging files"):
		return "discarded the killed run's staging"
	}
	return "nothing to recover"
}

func copyDir(t *testing.T, from, to string) {
	t.Helper()
	err := filepath.WalkDir(from, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		target := filepath.Join(to, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
}

func TestStrictExitCodeAndJSONLogs(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "in")
	if err := batchtest.WriteJSONL(filepath.Join(in, "good.jsonl"), batchtest.Generate(3, 10, 2)); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(in, "bad.jsonl"), []byte("{\"id\": \"x\", \"text\": \"“ok,” he said.\"}\nnot json\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if code, stderr := runStance(t, nil, "run", "--out", filepath.Join(dir, "a"), filepath.Join(dir, "missing")); code != exitUsage {
		t.Errorf("missing input: exit %d, want %d; stderr:\n%s", code, exitUsage, stderr)
	}
	code, stderr := runStance(t, nil, "run", "--out", filepath.Join(dir, "a"), in)
	if code != exitOK || !strings.Contains(stderr, "bad.jsonl:2: malformed JSON") {
		t.Errorf("without --strict: exit %d, want 0 and the problem listed; stderr:\n%s", code, stderr)
	}
	code, stderr = runStance(t, nil, "run", "--strict", "--log-format", "json", "--out", filepath.Join(dir, "b"), in)
	if code != exitQuarantined {
		t.Errorf("--strict with a quarantined input: exit %d, want %d", code, exitQuarantined)
	}
	finished := jsonRecords(t, stderr)["run finished"]
	if finished == nil {
		t.Fatalf("no 'run finished' record in:\n%s", stderr)
	}
	if finished["articles_ok"] != 11.0 || finished["articles_quarantined"] != 1.0 || finished["articles_read"] != 12.0 {
		t.Errorf("run finished record: %v", finished)
	}

	// A run that fails says so in the log too, not in a plain line that a
	// collector of JSON lines cannot read.
	notADir := filepath.Join(dir, "file")
	if err := os.WriteFile(notADir, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name string
		code int
		args []string
		why  string // the start of the error
	}{
		{"output under a file", exitFailed, []string{"--out", filepath.Join(notADir, "out"), in}, "output folder " + filepath.Join(notADir, "out") + ": "},
		{"missing input", exitUsage, []string{"--out", filepath.Join(dir, "c"), filepath.Join(dir, "missing")}, "input " + filepath.Join(dir, "missing") + ": "},
	} {
		code, stderr := runStance(t, nil, append([]string{"run", "--log-format", "json"}, c.args...)...)
		failed := jsonRecords(t, stderr)["run failed"]
		if code != c.code || failed == nil || failed["level"] != "ERROR" || failed["exit_code"] != float64(c.code) {
			t.Errorf("%s: exit %d, want %d and a 'run failed' ERROR record with that exit_code; stderr:\n%s", c.name, code, c.code, stderr)
		} else if why, _ := failed["error"].(string); !strings.HasPrefix(why, c.why) {
			t.Errorf("%s: error %q, want it to start %q", c.name, why, c.why)
		}
	}
}

// jsonRecords reads log lines that must all be JSON records with a run_id,
// and returns them by msg.
func jsonRecords(t *testing.T, stderr string) map[string]map[string]any {
	t.Helper()
	byMsg := map[string]map[string]any{}
	sc := bufio.NewScanner(strings.NewReader(stderr))
	for sc.Scan() {
		line := sc.Text()
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Errorf("log line is not JSON: %q", line)
			continue
		}
		if rec["run_id"] == nil || rec["run_id"] == "" {
			t.Errorf("log record without run_id: %q", line)
		}
		byMsg[rec["msg"].(string)] = rec
	}
	return byMsg
}
