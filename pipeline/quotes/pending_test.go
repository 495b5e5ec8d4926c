package quotes

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stance-news/stance/internal/testdir"
	"github.com/stance-news/stance/lexicon"
	"github.com/stance-news/stance/pipeline/article"
	"github.com/stance-news/stance/pipeline/source"
)

// TestPutOffAntecedents: putting off the pronoun candidates of paragraphs
// without a pronoun speaker (pending.go) gives every statement the speaker
// and antecedent that collecting them in every paragraph gives, over the
// articles written for the tests and the shared corpora.
func TestPutOffAntecedents(t *testing.T) {
	lx, err := lexicon.Default()
	if err != nil {
		t.Fatal(err)
	}
	lazy := New(lx)
	eager := New(lx)
	eager.eagerAntecedents = true
	pronouns := sameStatements(t, lazy, eager, testArticles(t))
	// the comparison means something only if antecedents were resolved
	if pronouns == 0 {
		t.Fatal("no pronoun speaker with an antecedent in the articles compared")
	}
	t.Logf("%d pronoun speakers with an antecedent", pronouns)
}

// sameStatements fails the test unless got extracts from every article
// exactly the statements want does, naming the first that differs. It
// returns how many of them have a pronoun speaker with an antecedent: a
// comparison of pronoun resolution means something only if that is not 0.
func sameStatements(t *testing.T, got, want *Extractor, arts []article.Article) (pronouns int) {
	t.Helper()
	for i := range arts {
		w := want.Extract(&arts[i])
		g := got.Extract(&arts[i])
		if !reflect.DeepEqual(g, w) {
			for k := range min(len(g), len(w)) {
				if !reflect.DeepEqual(g[k], w[k]) {
					t.Fatalf("article %q: statement %d\n got %+v\nwant %+v", arts[i].ID, k, g[k], w[k])
				}
			}
			t.Fatalf("article %q: %d statements, want %d", arts[i].ID, len(g), len(w))
		}
		for _, q := range w {
			if q.Antecedent.Text != "" && isPronoun(q.Speaker.Text) {
				pronouns++
			}
		}
	}
	t.Logf("%d articles compared", len(arts))
	return pronouns
}

// testArticles reads the articles written for the tests and, when they are
// beside the checkout, the shared corpora.
func testArticles(t *testing.T) []article.Article {
	var arts []article.Article
	files, _ := filepath.Glob("testdata/*.txt")
	for _, p := range files {
		data, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		a, err := article.ParseText(strings.TrimSuffix(filepath.Base(p), ".txt"), p, string(data))
		if err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	corpora := 0
	for _, name := range []string{"bbc.jsonl.gz", "polnear_dev.jsonl.gz", "polnear_train.jsonl.gz"} {
		path := filepath.Join(testdir.Shared(t), "data", name)
		if _, err := os.Stat(path); err != nil {
			continue
		}
		corpora++
		err := source.Read(context.Background(), []string{path}, source.Options{}, func(it source.Item) error {
			if it.Err == nil {
				arts = append(arts, it.Article)
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	if corpora == 0 {
		t.Log("shared corpora not available: the test articles only")
	}
	return arts
}

// TestCandidatePassReads: the candidate pass, which settle replays for a
// paragraph long after it was read, reads of the run only what is that
// paragraph's own or what settle puts back as it was (a static check of the
// package source, so a new rule cannot break the replay unseen). Lookups
// that resolve a pronoun run only once every paragraph before is settled,
// so they may read anything.
func TestCandidatePassReads(t *testing.T) {
	replayed := map[string]bool{ // fields settle sets for the replay
		"toks": true, "sens": true, "longWords": true, "capWords": true, "subjects": true,
		"lastSubj": true, "lastSubjSent": true, "cands": true, "surnames": true,
		"text": true, "e": true, "buf": true, // the article, the extractor, scratch
		"people": true, // answers of Extractor.personLike, which reads the string alone
	}
	lookups := map[string]bool{"latestPerson": true, "latest": true, "latestAny": true, "namedOfGender": true, "settle": true}

	fset := token.NewFileSet()
	methods := map[string]*ast.FuncDecl{} // "run.name", "Extractor.name", ".name"
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, err := parser.ParseFile(fset, f, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range af.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				methods[recvType(fd)+"."+fd.Name.Name] = fd
			}
		}
	}
	seen := map[string]bool{}
	var bad []string
	var visit func(key string)
	visit = func(key string) {
		fd := methods[key]
		if fd == nil || seen[key] || lookups[fd.Name.Name] && recvType(fd) == "run" {
			return
		}
		seen[key] = true
		self := ""
		if recvType(fd) == "run" && len(fd.Recv.List[0].Names) > 0 {
			self = fd.Recv.List[0].Names[0].Name
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch v := n.(type) {
			case *ast.SelectorExpr:
				id, ok := v.X.(*ast.Ident)
				switch {
				case ok && id.Name == self && methods["run."+v.Sel.Name] != nil:
					visit("run." + v.Sel.Name)
				case ok && id.Name == self:
					if !replayed[v.Sel.Name] {
						bad = append(bad, fd.Name.Name+" reads run."+v.Sel.Name)
					}
				case methods["Extractor."+v.Sel.Name] != nil:
					visit("Extractor." + v.Sel.Name)
				}
			case *ast.Ident:
				visit("." + v.Name)
			}
			return true
		})
	}
	visit("run.antecedentPass")
	if !seen["run.pushSubject"] || !seen["run.push"] || !seen["Extractor.personLike"] {
		t.Fatalf("the walk missed the candidate pass's calls: %v", seen)
	}
	if len(bad) > 0 {
		t.Errorf("the candidate pass reads state of later paragraphs when replayed (pending.go): keep a copy of it for settle, or read it in a lookup only:\n%s", strings.Join(bad, "\n"))
	}
}

func recvType(fd *ast.FuncDecl) string {
	if fd.Recv == nil || len(fd.Recv.List) == 0 {
		return ""
	}
	typ := fd.Recv.List[0].Type
	if st, ok := typ.(*ast.StarExpr); ok {
		typ = st.X
	}
	if id, ok := typ.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// TestMayOpenWithQuote: a paragraph whose first token is an opening
// quotation mark is never one mayOpenWithQuote turns away (the subject the
// paragraph before leaves is worked out only for those it lets through).
func TestMayOpenWithQuote(t *testing.T) {
	for _, c := range []struct {
		text string
		want bool
	}{
		{"“We will win,” she said.", true},
		{" \n\t\"Yes\"", true},
		{"''Yes,'' he said.", true},
		{"\u00a0“Yes”", true}, // a Unicode space, which tokenize skips
		{"Sanders said “yes”.", false},
		{"(“Yes”)", false},
		{"", false},
	} {
		if got := mayOpenWithQuote(c.text, article.Span{End: len(c.text)}); got != c.want {
			t.Errorf("mayOpenWithQuote(%q) = %v, want %v", c.text, got, c.want)
		}
	}
	opening, kept := 0, 0
	for _, a := range testArticles(t) {
		for _, p := range a.Paragraphs {
			qs := pairQuotes(a.Text, p.Start, p.End, nil)
			toks := tokenize(a.Text, p.Start, p.End, qs, nil)
			may := mayOpenWithQuote(a.Text, p)
			if len(toks) > 0 && toks[0].kind == tOpen {
				opening++
				if !may {
					t.Fatalf("article %q: paragraph %q opens with a quote", a.ID, a.Text[p.Start:p.End])
				}
			}
			if may {
				kept++
			}
		}
	}
	if opening == 0 {
		t.Fatal("no paragraph opening with a quote among the articles")
	}
	t.Logf("%d paragraphs open with a quote, %d may", opening, kept)
}
