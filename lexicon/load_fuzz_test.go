package lexicon

import (
	"bytes"
	"errors"
	"slices"
	"strings"
	"testing"
)

// userFileNames are paths a user folder may hold, one for each loader.
var userFileNames = []string{
	"sides.tsv", "actors.tsv", "actors/extra.tsv", "roles.tsv", "titles.tsv", "cues.tsv",
	"stance-cues.tsv", "places.tsv", "names/given-names.tsv", "frames/x.tsv",
	"tone/news.tsv", "tone/rules.tsv", "tone/vader_lexicon.txt",
}

// withUserFile is the embedded files with f added or put in place of the
// file of its name, as collect does for a user folder.
func withUserFile(base []File, f File) []File {
	files := slices.Clone(base)
	i, found := slices.BinarySearchFunc(files, f.Name, func(x File, name string) int { return strings.Compare(x.Name, name) })
	if found {
		files[i] = f
	} else {
		files = slices.Insert(files, i, f)
	}
	return files
}

// FuzzUserFile: whatever a user's lexicon file holds, loading ends in a
// lexicon or in errors that each name a file (and a line where there is
// one), never in a panic or an error of another kind.
func FuzzUserFile(f *testing.F) {
	base, err := collect("")
	if err != nil {
		f.Fatal(err)
	}
	for i, name := range userFileNames {
		// The head of the embedded file where there is one: a valid
		// header and rows to mutate from.
		var head []byte
		if j, ok := slices.BinarySearchFunc(base, name, func(x File, name string) int { return strings.Compare(x.Name, name) }); ok {
			head = base[j].Data
			for k, n := 0, 0; k < len(head); k++ {
				if head[k] == '\n' {
					if n++; n == 4 {
						head = head[:k+1]
						break
					}
				}
			}
		}
		f.Add(uint8(i), slices.Clone(head))
		f.Add(uint8(i), append(slices.Clone(head), "x\ty\tz\t\t\t\t\t\t\t\t\t\t\n\t\n(((\t{\t*\none-cell\n"...))
	}
	f.Add(uint8(9), []byte("area\tside\tpattern\tstance\nx\tus\t{nobody} .. (a|\tus+\n"))
	f.Fuzz(func(t *testing.T, which uint8, data []byte) {
		name := userFileNames[int(which)%len(userFileNames)]
		_, err := build(withUserFile(base, File{Name: name, Origin: "user/" + name, Data: data}))
		if err == nil {
			return
		}
		var list ErrorList
		if !errors.As(err, &list) || len(list) == 0 {
			t.Fatalf("%s: error %T is not a list of file errors: %v", name, err, err)
		}
		for _, e := range list {
			var le *Error
			if !errors.As(e, &le) || le.File == "" || le.Line < 0 || le.Err == nil {
				t.Fatalf("%s: error without a file: %#v", name, e)
			}
		}
		if !bytes.Contains([]byte(err.Error()), []byte("user/"+name)) && !strings.HasPrefix(name, "actors") && name != "sides.tsv" {
			// Only files others refer to (actors, sides) may break files
			// other than themselves.
			t.Fatalf("%s: errors name other files only:\n%v", name, err)
		}
	})
}
