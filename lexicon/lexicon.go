// Package lexicon loads the data that drives the analysis: reporting cues,
// sides and actors, stance frames and tone layers. Defaults are embedded in
// the binary; a user folder adds files or overrides embedded files of the same
// relative path. A Lexicon is loaded once, never changed, and shared by all
// workers; its Version is a hash of the effective file contents.
package lexicon

import (
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path"
	"sort"
	"strings"
	"sync"
)

//go:embed all:default
var embedded embed.FS

// File is one effective lexicon file.
type File struct {
	Name   string // slash path relative to the lexicon root, e.g. "actors.tsv"
	Origin string // "embedded" or the user file's path
	Data   []byte
}

// Lexicon is the loaded, immutable lexicon.
type Lexicon struct {
	Version string // first 12 hex digits of the SHA-256 over all files
	Files   []File // sorted by Name

	Sides  []Side
	Actors []Actor
	Titles []Title
	Cues   Cues
	Frames []Frame
	Tone   Tone

	StanceCues StanceCues // words that flip or direct a claim (stance-cues.tsv)

	GivenNames GivenNames // given names and the sex they tell, if any (names/*.tsv)
	Places     Places     // places and their adjectives (places.tsv)
}

// Default loads the embedded lexicon alone.
func Default() (*Lexicon, error) { return Load("") }

// Load reads the embedded defaults overlaid with the files under dir (none
// when dir is empty). Every problem found is reported, each as file:line.
func Load(dir string) (*Lexicon, error) {
	files, err := collect(dir)
	if err != nil {
		return nil, err
	}
	return build(files)
}

// Check validates the lexicon a user folder would produce, returning all
// problems found rather than the first.
func Check(dir string) []error {
	files, err := collect(dir)
	if err != nil {
		return []error{err}
	}
	_, err = build(files)
	if err == nil {
		return nil
	}
	if el, ok := err.(ErrorList); ok {
		return el
	}
	return []error{err}
}

func collect(dir string) ([]File, error) {
	byName := map[string]File{}
	root, _ := fs.Sub(embedded, "default")
	err := fs.WalkDir(root, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(root, p)
		byName[p] = File{Name: p, Origin: "embedded", Data: data}
		return err
	})
	if err != nil {
		return nil, err
	}
	if dir != "" {
		// Callers print these under "lexicon:", as a list of FILE: problem
		// lines, so they name the folder and the reason only.
		st, err := os.Stat(dir)
		if err != nil {
			var pe *fs.PathError
			if errors.As(err, &pe) {
				err = pe.Err
			}
			return nil, fmt.Errorf("%s: %w", dir, err)
		}
		if !st.IsDir() {
			return nil, fmt.Errorf("%s: not a folder", dir)
		}
		user := os.DirFS(dir)
		err = fs.WalkDir(user, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if strings.HasPrefix(d.Name(), ".") && p != "." {
				if d.IsDir() {
					return fs.SkipDir
				}
				return nil
			}
			if d.IsDir() || !known(p) {
				return nil
			}
			data, err := fs.ReadFile(user, p)
			if err != nil {
				return err
			}
			byName[p] = File{Name: p, Origin: path.Join(dir, p), Data: data}
			return nil
		})
		if err != nil {
			return nil, fmt.Errorf("%s: %w", dir, err)
		}
	}
	files := make([]File, 0, len(byName))
	for _, f := range byName {
		files = append(files, f)
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	return files, nil
}

// known reports whether a user file is one the lexicon reads; other files in
// the folder (notes, a README) are left alone.
func known(name string) bool {
	switch path.Ext(name) {
	case ".tsv", ".txt", ".json":
		return true
	}
	return false
}

func build(files []File) (*Lexicon, error) {
	lx := &Lexicon{Files: files}
	// Loading is serial work before a run's first article: the version
	// hash and the standalone loaders run on other cores meanwhile.
	version := make(chan string, 1)
	go func() {
		h := sha256.New()
		for _, f := range files {
			fmt.Fprintf(h, "%s\x00%d\x00", f.Name, len(f.Data))
			h.Write(f.Data)
		}
		version <- hex.EncodeToString(h.Sum(nil))[:12]
	}()
	errs := make([][]error, len(loaders))
	var wg sync.WaitGroup
	for i, l := range loaders {
		if l.standalone {
			wg.Add(1)
			go func() {
				defer wg.Done()
				errs[i] = l.load(lx)
			}()
		}
	}
	for i, l := range loaders {
		if !l.standalone {
			errs[i] = l.load(lx)
		}
	}
	wg.Wait()
	lx.Version = <-version
	var all ErrorList
	for _, e := range errs {
		all = append(all, e...)
	}
	if len(all) > 0 {
		return nil, all
	}
	return lx, nil
}

// loaders fill one part of the lexicon each, in order; later loaders may use
// what earlier ones filled (frames refer to sides and actors). Standalone
// ones read files only and fill parts no loader reads: they run beside the
// others. Errors are reported in this order either way.
var loaders = []struct {
	load       func(*Lexicon) []error
	standalone bool
}{
	{loadSides, false},
	{loadActors, false},
	{loadTitles, false},
	{loadCues, false},
	{loadNames, true},
	{loadFrames, false},
	{loadTone, true},
}

// file returns the effective file of that name.
func (lx *Lexicon) file(name string) (File, bool) {
	i := sort.Search(len(lx.Files), func(i int) bool { return lx.Files[i].Name >= name })
	if i < len(lx.Files) && lx.Files[i].Name == name {
		return lx.Files[i], true
	}
	return File{}, false
}

// filesUnder returns the effective files in folder dir, sorted by name.
func (lx *Lexicon) filesUnder(dir string) []File {
	var out []File
	for _, f := range lx.Files {
		if path.Dir(f.Name) == dir {
			out = append(out, f)
		}
	}
	return out
}

// Error is a problem in a lexicon file.
type Error struct {
	File string // origin: "embedded:actors.tsv" or a user path
	Line int
	Err  error
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("%s:%d: %v", e.File, e.Line, e.Err)
	}
	return fmt.Sprintf("%s: %v", e.File, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// ErrorList is every problem found while loading.
type ErrorList []error

func (l ErrorList) Error() string {
	var b strings.Builder
	for i, e := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(e.Error())
	}
	return b.String()
}

func origin(f File) string {
	if f.Origin == "embedded" {
		return "embedded:" + f.Name
	}
	return f.Origin
}
