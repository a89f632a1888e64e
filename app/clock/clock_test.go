package clock

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestPinned(t *testing.T) {
	at := time.Date(2028, 2, 28, 23, 30, 0, 0, time.FixedZone("KST", 9*3600))
	c := At(at)
	if !c.Now().Equal(at) {
		t.Fatalf("Now = %v, want %v", c.Now(), at)
	}
	c.Advance(time.Hour)
	if got, want := c.Now().Format("2006-01-02 15:04"), "2028-02-29 00:30"; got != want {
		t.Errorf("after an hour = %s, want %s (the leap day)", got, want)
	}
	c.Set(at.AddDate(3, 0, 0))
	if got, want := c.Now().Format("2006-01-02"), "2031-02-28"; got != want {
		t.Errorf("after Set = %s, want %s", got, want)
	}
}

// TestOnlyTheClockReadsTheSystemTime fails when a Go file of SellerDesk other than this package's clock.go
// reads time.Now (called or passed as a value), so "now" has one source the tests can pin. It parses the
// files rather than searching their text, so a comment or a string mentioning time.Now does not count, and
// an import of "time" under another name does. Test files may read the wall clock only to measure, and
// none needs to: they are checked too.
func TestOnlyTheClockReadsTheSystemTime(t *testing.T) {
	root := moduleRoot(t)
	found, files, err := timeNowReads(root, filepath.Join(root, "app", "clock", "clock.go"))
	if err != nil {
		t.Fatal(err)
	}
	if files < 50 {
		t.Fatalf("walked only %d Go files from %s: the walk is not looking at the repository", files, root)
	}
	for _, f := range found {
		t.Errorf("%s reads time.Now; take the desk's clock (app.Desk.Now, a service's Now, data.Tx.Now) instead", f)
	}
}

// TestTimeNowReadsFinds: the guard sees a renamed import and a method value, and not a comment, a string or
// another package's Now.
func TestTimeNowReadsFinds(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"go.mod":           "module x\n",
		"a/clock.go":       "package a\n\nimport \"time\"\n\nvar C = time.Now\n",
		"b/renamed.go":     "package b\n\nimport tm \"time\"\n\nfunc F() { _ = tm.Now().Year() }\n",
		"c/comment.go":     "package c\n\nimport \"time\"\n\n// time.Now is not read here\nvar S, D = \"time.Now()\", time.Second\n",
		"d/other.go":       "package d\n\ntype clk struct{}\n\nfunc (clk) Now() int { return 0 }\n\nvar time clk\nvar N = time.Now()\n",
		"e/e_test.go":      "package e\n\nimport \"time\"\n\nvar T = time.Now()\n",
		".git/x/hidden.go": "package x\n\nimport \"time\"\n\nvar T = time.Now()\n",
	}
	for name, text := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	found, n, err := timeNowReads(root, filepath.Join(root, "a", "clock.go"))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(found, " "), "b/renamed.go:5 e/e_test.go:5"; got != want {
		t.Errorf("found %q, want %q", got, want)
	}
	if n != 4 {
		t.Errorf("parsed %d files, want 4 (the allowed clock and .git are not read)", n)
	}
}

// timeNowReads walks the module at root (skipping .git and testdata) and lists, as path:line, every read of
// the standard library's time.Now outside allowed. It parses each file, so comments and strings do not
// count and an import of "time" under another name does. It also returns how many files it parsed.
func timeNowReads(root, allowed string) ([]string, int, error) {
	fset := token.NewFileSet()
	var found []string
	files := 0
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if path != root && (d.Name() == ".git" || d.Name() == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || path == allowed {
			return nil
		}
		f, err := parser.ParseFile(fset, path, nil, parser.SkipObjectResolution)
		if err != nil {
			return err
		}
		files++
		timeNames := map[string]bool{}
		for _, imp := range f.Imports {
			if p, _ := strconv.Unquote(imp.Path.Value); p == "time" {
				name := "time"
				if imp.Name != nil {
					name = imp.Name.Name
				}
				timeNames[name] = true
			}
		}
		ast.Inspect(f, func(n ast.Node) bool {
			sel, ok := n.(*ast.SelectorExpr)
			if !ok || sel.Sel.Name != "Now" {
				return true
			}
			if id, ok := sel.X.(*ast.Ident); ok && timeNames[id.Name] {
				rel, _ := filepath.Rel(root, path)
				found = append(found, fmt.Sprintf("%s:%d", filepath.ToSlash(rel), fset.Position(sel.Pos()).Line))
			}
			return true
		})
		return nil
	})
	sort.Strings(found)
	return found, files, err
}

// moduleRoot is the folder holding go.mod, found upward from the test's working directory.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the test's folder")
		}
		dir = parent
	}
}
