package quotes

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var EXPROOTS = os.Getenv("ROOTS")

func TestExpWrites(t *testing.T) {
	fset := token.NewFileSet()
	methods := map[string]*ast.FuncDecl{}
	files, _ := filepath.Glob("*.go")
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		af, _ := parser.ParseFile(fset, f, nil, 0)
		for _, d := range af.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				methods[recvType(fd)+"."+fd.Name.Name] = fd
			}
		}
	}
	seen := map[string]bool{}
	var visit func(key string)
	visit = func(key string) {
		fd := methods[key]
		if fd == nil || seen[key] {
			return
		}
		seen[key] = true
		self := ""
		if fd.Recv != nil && len(fd.Recv.List) > 0 && len(fd.Recv.List[0].Names) > 0 {
			self = fd.Recv.List[0].Names[0].Name
		}
		ast.Inspect(fd.Body, func(n ast.Node) bool {
			switch v := n.(type) {
			case *ast.AssignStmt:
				for _, l := range v.Lhs {
					s := fset.Position(l.Pos())
					var root ast.Expr = l
					for {
						switch r := root.(type) {
						case *ast.IndexExpr:
							root = r.X
							continue
						case *ast.SelectorExpr:
							if id, ok := r.X.(*ast.Ident); ok && id.Name == self {
								t.Logf("%s writes %s.%s at %s", key, self, r.Sel.Name, s)
							}
							root = r.X
							continue
						}
						break
					}
				}
			case *ast.IncDecStmt:
				t.Logf("%s incdec at %s", key, fset.Position(v.Pos()))
			case *ast.SelectorExpr:
				id, ok := v.X.(*ast.Ident)
				if ok && id.Name == self && methods["run."+v.Sel.Name] != nil {
					visit("run." + v.Sel.Name)
				}
				if methods["Extractor."+v.Sel.Name] != nil {
					visit("Extractor." + v.Sel.Name)
				}
			case *ast.Ident:
				visit("." + v.Name)
			}
			return true
		})
	}
	for _, k := range strings.Fields(EXPROOTS) {
		visit(k)
	}
	t.Logf("seen %d", len(seen))
}
