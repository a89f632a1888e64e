package app_test

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// knownLayerViolations are imports that break the layers today and are being moved by other work on
// issue #11; each is "file: import". Remove an entry when its file is fixed: the test fails on an entry
// that no longer occurs, so the list only shrinks.
var knownLayerViolations = map[string]bool{
	// views reads return statistics and the return policy as data records until app/returns returns its
	// own types (ReturnStat, PolicyRecord …).
	"views/returns.go: sellerdesk/data":      true,
	"views/returns_more.go: sellerdesk/data": true,
}

// layerViolations lists, for the Go files (tests excluded) under root, every import that breaks the layers
// DESIGN.md draws: nothing in data, app or assets imports Fyne; views imports the standard library, Fyne,
// package app and the packages under it, assets and its own packages, and never data.
func layerViolations(t *testing.T, root string) []string {
	t.Helper()
	var out []string
	err := filepath.WalkDir(root, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if name := d.Name(); path != root && (strings.HasPrefix(name, ".") || name == "testdata") {
				return filepath.SkipDir
			}
			return nil
		}
		if !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return nil
		}
		rel, err := filepath.Rel(root, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		layer, _, _ := strings.Cut(rel, "/")
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		for _, spec := range f.Imports {
			imp, _ := strconv.Unquote(spec.Path.Value)
			if why := layerRule(layer, imp); why != "" {
				out = append(out, rel+": "+imp+" ("+why+")")
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(out)
	return out
}

// layerRule says why a file of layer (the top folder: app, data, assets, views) may not import imp, or "".
func layerRule(layer, imp string) string {
	fyne := imp == "fyne.io" || strings.HasPrefix(imp, "fyne.io/")
	switch layer {
	case "app", "data", "assets":
		if fyne {
			return "no Fyne below views"
		}
	case "views":
		first, _, _ := strings.Cut(imp, "/")
		switch {
		case imp == "sellerdesk/data" || strings.HasPrefix(imp, "sellerdesk/data/"):
			return "views does not import data"
		case fyne, !strings.Contains(first, ".") && first != "sellerdesk": // Fyne and the standard library
		case imp == "sellerdesk/app" || strings.HasPrefix(imp, "sellerdesk/app/"),
			imp == "sellerdesk/assets", strings.HasPrefix(imp, "sellerdesk/views/"):
		default:
			return "views imports only app, assets, Fyne and the standard library"
		}
	}
	return ""
}

func TestLayers(t *testing.T) {
	seen := map[string]bool{}
	for _, v := range layerViolations(t, "..") {
		key, _, _ := strings.Cut(v, " (")
		seen[key] = true
		if !knownLayerViolations[key] {
			t.Errorf("layer broken: %s", v)
		}
	}
	for k := range knownLayerViolations {
		if !seen[k] {
			t.Errorf("%s no longer occurs: take it off knownLayerViolations", k)
		}
	}
}

// The rules must catch each kind of break, in a tree made for the purpose.
func TestLayersCatchEachBreak(t *testing.T) {
	root := t.TempDir()
	files := map[string]string{
		"data/ok.go":        `package data; import "database/sql"; var _ sql.DB`,
		"data/bad.go":       `package data; import _ "fyne.io/fyne/v2"`,
		"app/doc/bad.go":    `package doc; import "fyne.io/fyne/v2/lang"; var _ = lang.L`,
		"assets/bad.go":     `package assets; import _ "fyne.io/fyne/v2"`,
		"views/ok.go":       `package views; import ( _ "fmt"; _ "fyne.io/fyne/v2/widget"; _ "sellerdesk/app"; _ "sellerdesk/app/orders"; _ "sellerdesk/assets"; _ "sellerdesk/views/widgets" )`,
		"views/data.go":     `package views; import _ "sellerdesk/data"`,
		"views/excel.go":    `package views; import _ "github.com/xuri/excelize/v2"`,
		"views/ok_test.go":  `package views; import _ "sellerdesk/data"`,
		"views/w/nested.go": `package w; import _ "sellerdesk/data"`,
	}
	for name, src := range files {
		p := filepath.Join(root, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(src), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got := strings.Join(layerViolations(t, root), "\n")
	want := strings.Join([]string{
		"app/doc/bad.go: fyne.io/fyne/v2/lang (no Fyne below views)",
		"assets/bad.go: fyne.io/fyne/v2 (no Fyne below views)",
		"data/bad.go: fyne.io/fyne/v2 (no Fyne below views)",
		"views/data.go: sellerdesk/data (views does not import data)",
		"views/excel.go: github.com/xuri/excelize/v2 (views imports only app, assets, Fyne and the standard library)",
		"views/w/nested.go: sellerdesk/data (views does not import data)",
	}, "\n")
	if got != want {
		t.Errorf("violations:\n%s\nwant:\n%s", got, want)
	}
}
