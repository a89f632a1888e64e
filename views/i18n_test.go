package views

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app"
	"sellerdesk/app/format"
	"sellerdesk/assets"
)

// uiStrings finds every literal passed to lang.L in the views' source.
func uiStrings(t *testing.T) []string {
	t.Helper()
	var keys []string
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, 0)
		if err != nil {
			return err
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) == 0 {
				return true
			}
			// lang.L("…") and tr("…") (errors.go) take translation keys
			if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "tr" {
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "L" {
					return true
				}
				if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "lang" {
					return true
				}
			}
			if lit, ok := call.Args[0].(*ast.BasicLit); ok && lit.Kind == token.STRING {
				s, _ := strconv.Unquote(lit.Value)
				keys = append(keys, s)
			}
			return true
		})
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return keys
}

func translations(t *testing.T, name string) map[string]string {
	t.Helper()
	m, err := assets.TranslationTable(strings.TrimSuffix(name, ".json"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestEveryUIStringTranslated(t *testing.T) {
	keys := uiStrings(t)
	if len(keys) < 50 {
		t.Fatalf("found only %d UI strings; is the scan broken?", len(keys))
	}
	ko, en := translations(t, "ko.json"), translations(t, "en.json")
	for _, k := range keys {
		if _, ok := ko[k]; !ok {
			t.Errorf("ko.json lacks %q", k)
		}
		if v, ok := en[k]; !ok || v == "" {
			t.Errorf("en.json lacks %q", k)
		}
	}
	// Fyne's own dialog words speak Korean too.
	for fyneWord, want := range map[string]string{"Cancel": "취소", "OK": "확인", "Open": "열기", "Save": "저장", "Yes": "예", "No": "아니요", "Error": "오류"} {
		if ko[fyneWord] != want {
			t.Errorf("ko.json %q = %v, want %q", fyneWord, ko[fyneWord], want)
		}
	}
}

func TestLoadTranslations(t *testing.T) {
	test.NewTempApp(t)
	if err := LoadTranslations(app.English); err != nil {
		t.Fatal(err)
	}
	if got := lang.L("대시보드"); got != "Dashboard" {
		t.Errorf("English: 대시보드 -> %q", got)
	}
	if err := LoadTranslations(app.Korean); err != nil {
		t.Fatal(err)
	}
	for in, want := range map[string]string{"대시보드": "대시보드", "Cancel": "취소", "Confirm": "확인"} {
		if got := lang.L(in); got != want {
			t.Errorf("Korean: %q -> %q, want %q", in, got, want)
		}
	}
}

func TestThemeFonts(t *testing.T) {
	th := newSellerTheme(app.ThemeLight)
	if th.Font(fyne.TextStyle{}) != fontRegular || th.Font(fyne.TextStyle{Bold: true}) != fontBold ||
		th.Font(fyne.TextStyle{Monospace: true}) != fontRegular {
		t.Error("text styles do not all use NanumGothic")
	}
	if th.Color("background", 1) != newSellerTheme(app.ThemeLight).Color("background", 0) {
		t.Error("a forced light theme follows the system variant")
	}
}

// TestHangulGolden renders Korean text with the embedded font and compares it with a golden image, so a
// change that drew Hangul as boxes or in another font fails here.
func TestHangulGolden(t *testing.T) {
	a := test.NewTempApp(t)
	a.Settings().SetTheme(newSellerTheme(app.ThemeLight))
	content := container.NewVBox(
		&widget.Label{Text: "셀러데스크 상품 관리", TextStyle: fyne.TextStyle{Bold: true}},
		widget.NewLabel("색상/사이즈 옵션 · 재고 12개"),
		widget.NewLabel("판매가 "+format.Won(45000)),
	)
	w := test.NewTempWindow(t, content)
	w.Resize(fyne.NewSize(320, 130))
	test.AssertImageMatches(t, "hangul.png", w.Canvas().Capture())
}
