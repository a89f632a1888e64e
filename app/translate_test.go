package app_test

import (
	"encoding/json"
	"errors"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"sellerdesk/app"
	"sellerdesk/app/apperr"
	"sellerdesk/assets"
)

// keyedSources are the files whose errors speak in sentence keys; every key they write must be in both
// translation files. Other packages join this list as their errors move to keys.
var keyedSources = []string{"catalog", "purchasing", "overseas", "validate", "apperr", "profile.go", "prefs.go", "translate.go", "returns", "backups.go", "txn", "orders", "productimport", "orderimport.go", "sheet/archive.go", "sheet/xls.go", "sheet/html.go", "sheet/sniff.go", "sheet/courier.go", "customers", "mail", "sales"}

// keyFuncs are the calls whose string arguments are sentence keys (apperr's constructors and the
// services' small helpers around them).
var keyFuncs = map[string]bool{"New": true, "M": true, "About": true, "Invalid": true, "InvalidMsg": true,
	"notFound": true, "conflict": true, "invalid": true, "invalidField": true, "internal": true}

// The shared write helper (app/txn) says a cancelled, timed-out or failed write in sentences with values:
// the service's area ({{.Area}}) and what it was writing ({{.What}}), each word a key of its own that the
// seller's language translates inside the sentence. No literal the key scan reads holds these, so they are
// listed here, and TestTxnWordsListed keeps the lists equal to what the services pass.
var (
	txnSentences = []string{
		"{{.Area}} 작업을 취소했습니다. 아무것도 바뀌지 않았습니다.",
		"{{.Area}} 작업이 너무 오래 걸려 멈췄습니다. 아무것도 바뀌지 않았습니다. 다시 시도하세요.",
		"{{.What}}에 실패했습니다. 아무것도 저장하지 않았습니다. 자세한 내용은 로그에 기록했습니다.", // txn.FaultMsg
		"{{.What}} 저장하지 못했습니다. 자세한 내용은 로그에 기록했습니다.",               // catalog
		"{{.What}}에 실패했습니다. 아무것도 바꾸지 않았습니다. 자세한 내용은 로그에 기록했습니다.",  // returns
		"{{.What}} 저장하지 못했습니다. 아무것도 바꾸지 않았습니다.",                   // overseas
	}
	txnAreas = []string{"상품", "주문", "반품", "발주", "해외배송", "매장 정보"}
	txnWhats = []string{
		// catalog
		"일괄 등록한 상품을", "대량 수정을", "이미지를", "상품을", "판매 상태를", "카테고리를", "공급업체를", "재고를",
		// orders, and the desk's order import
		"주문 가져오기", "송장 입력", "상품 연결", "주문 등록",
		// returns
		"반품 처리", "검수 기록", "스마트스토어 반품 반영", "반품 정책 저장", "반품 요청",
		// purchasing
		"발주서 만들기", "발주서 상태 변경", "입고 처리",
		// overseas
		"요금표를", "해외배송 정보를",
		// the desk's store profile
		"매장 정보 저장",
	}
)

// composedKeys are every txn sentence and word, for the translation check.
var composedKeys = func() []string {
	var out []string
	out = append(out, txnSentences...)
	out = append(out, txnAreas...)
	return append(out, txnWhats...)
}()

// txnSources are where the services build their txn.Writer and call write(ctx, "…", fn), relative to app/
// (a directory is read whole, the top-level files of app/ one by one).
var txnSources = []string{"catalog", "orders", "returns", "purchasing", "overseas", "txn", "."}

// txnWords scans txnSources for the words the services pass to the write helper: each txn.Writer's Area, the
// sentences in its Fault and in app/txn, and the what of every write(ctx, "…", fn).
func txnWords(t *testing.T) (sentences, areas, whats map[string]string) {
	t.Helper()
	sentences, areas, whats = map[string]string{}, map[string]string{}, map[string]string{}
	lit := func(e ast.Expr) (string, bool) {
		b, ok := e.(*ast.BasicLit)
		if !ok || b.Kind != token.STRING {
			return "", false
		}
		s, err := strconv.Unquote(b.Value)
		return s, err == nil && hasHangul(s)
	}
	scan := func(path string) {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		inTxn := filepath.Base(filepath.Dir(path)) == "txn"
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.CompositeLit:
				sel, ok := x.Type.(*ast.SelectorExpr)
				if !ok || sel.Sel.Name != "Writer" {
					return true
				}
				for _, el := range x.Elts {
					kv, ok := el.(*ast.KeyValueExpr)
					if !ok {
						continue
					}
					switch key, _ := kv.Key.(*ast.Ident); {
					case key == nil:
					case key.Name == "Area":
						if s, ok := lit(kv.Value); ok {
							areas[s] = fset.Position(kv.Pos()).String()
						}
					case key.Name == "Fault":
						ast.Inspect(kv.Value, func(n ast.Node) bool {
							if s, ok := lit(exprOf(n)); ok && strings.Contains(s, "{{.What}}") {
								sentences[s] = fset.Position(n.Pos()).String()
							}
							return true
						})
					}
				}
			case *ast.CallExpr:
				name := ""
				if sel, ok := x.Fun.(*ast.SelectorExpr); ok {
					name = sel.Sel.Name
				} else if id, ok := x.Fun.(*ast.Ident); ok {
					name = id.Name
				}
				if (name == "write" || name == "Write") && len(x.Args) == 3 {
					if _, ok := x.Args[2].(*ast.FuncLit); ok {
						if s, ok := lit(x.Args[1]); ok {
							whats[s] = fset.Position(x.Pos()).String()
						}
					}
				}
			case *ast.BasicLit:
				if s, ok := lit(x); ok && inTxn && (strings.Contains(s, "{{.Area}}") || strings.Contains(s, "{{.What}}")) {
					sentences[s] = fset.Position(x.Pos()).String()
				}
			}
			return true
		})
	}
	for _, dir := range txnSources {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			name := e.Name()
			if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
				continue
			}
			scan(filepath.Join(dir, name))
		}
	}
	return sentences, areas, whats
}

// exprOf is n as an expression, or nil.
func exprOf(n ast.Node) ast.Expr {
	e, _ := n.(ast.Expr)
	return e
}

// TestTxnWordsListed: the lists of txn sentences, areas and whats are exactly what the services pass, so a
// new write is checked for its translation and a word no service passes any more is dropped from the lists
// (and from the translation files).
func TestTxnWordsListed(t *testing.T) {
	sentences, areas, whats := txnWords(t)
	for _, c := range []struct {
		name   string
		listed []string
		found  map[string]string
	}{{"txnSentences", txnSentences, sentences}, {"txnAreas", txnAreas, areas}, {"txnWhats", txnWhats, whats}} {
		listed := map[string]bool{}
		for _, w := range c.listed {
			listed[w] = true
			if _, ok := c.found[w]; !ok {
				t.Errorf("%s lists %q, which no service passes", c.name, w)
			}
		}
		for w, where := range c.found {
			if !listed[w] {
				t.Errorf("%s: %s lacks %q", where, c.name, w)
			}
		}
	}
	if len(whats) < 20 || len(areas) < 6 {
		t.Fatalf("found only %d whats and %d areas; is the scan broken?", len(whats), len(areas))
	}
}

func hasHangul(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

// sentenceKeys finds the sentence keys written in the Go files under paths (relative to app/).
func sentenceKeys(t *testing.T, paths []string) map[string]string {
	t.Helper()
	keys := map[string]string{} // key → where it was found
	add := func(fset *token.FileSet, lit *ast.BasicLit) {
		if lit == nil || lit.Kind != token.STRING {
			return
		}
		s, err := strconv.Unquote(lit.Value)
		if err == nil && hasHangul(s) {
			keys[s] = fset.Position(lit.Pos()).String()
		}
	}
	litsIn := func(fset *token.FileSet, e ast.Expr) {
		switch x := e.(type) {
		case *ast.BasicLit:
			add(fset, x)
		case *ast.CompositeLit: // a map of field messages
			for _, el := range x.Elts {
				if kv, ok := el.(*ast.KeyValueExpr); ok {
					if lit, ok := kv.Value.(*ast.BasicLit); ok {
						add(fset, lit)
					}
				}
			}
		}
	}
	scan := func(path string) {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		var fn string
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncDecl:
				fn = x.Name.Name
			case *ast.CallExpr:
				name := ""
				switch f := x.Fun.(type) {
				case *ast.Ident:
					name = f.Name
				case *ast.SelectorExpr:
					name = f.Sel.Name
				}
				if keyFuncs[name] {
					for _, a := range x.Args {
						litsIn(fset, a)
					}
				}
			case *ast.AssignStmt: // problems["name"] = "…"
				if len(x.Lhs) == 1 && len(x.Rhs) == 1 {
					if _, ok := x.Lhs[0].(*ast.IndexExpr); ok {
						litsIn(fset, x.Rhs[0])
					}
				}
			case *ast.ReturnStmt: // a field check returning its problem
				if strings.HasPrefix(fn, "Validate") {
					for _, r := range x.Results {
						litsIn(fset, r)
					}
				}
			case *ast.KeyValueExpr: // &apperr.Error{Key: "…"}
				if id, ok := x.Key.(*ast.Ident); ok && (id.Name == "Key" || id.Name == "Message") {
					litsIn(fset, x.Value)
				}
			}
			return true
		})
	}
	for _, p := range paths {
		err := filepath.WalkDir(p, func(path string, d os.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") || strings.HasSuffix(path, "_test.go") || strings.HasSuffix(path, "demo.go") {
				return err
			}
			scan(path)
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	return keys
}

func translationFile(t *testing.T, name string) map[string]string {
	t.Helper()
	m, err := assets.TranslationTable(strings.TrimSuffix(name, ".json"))
	if err != nil {
		t.Fatal(err)
	}
	return m
}

var fieldRef = regexp.MustCompile(`{{\s*\.(\w+)\s*}}`)

func fieldsOf(s string) string {
	var names []string
	for _, m := range fieldRef.FindAllStringSubmatch(s, -1) {
		names = append(names, m[1])
	}
	sort.Strings(names)
	return strings.Join(names, ",")
}

func TestEveryErrorKeyTranslated(t *testing.T) {
	keys := sentenceKeys(t, keyedSources)
	if len(keys) < 60 {
		t.Fatalf("found only %d sentence keys; is the scan broken?", len(keys))
	}
	for _, k := range composedKeys {
		keys[k] = "app/txn (composed)"
	}
	keys[apperr.Message(errors.New("a fault"))] = "apperr.internalMessage"
	ko, en := translationFile(t, "ko.json"), translationFile(t, "en.json")
	var missing []string
	for k, where := range keys {
		if _, ok := ko[k]; !ok {
			t.Errorf("%s: ko.json lacks %q", where, k)
		}
		v, ok := en[k]
		if !ok || v == "" {
			missing = append(missing, k)
			t.Errorf("%s: en.json lacks %q", where, k)
			continue
		}
		if fieldsOf(v) != fieldsOf(k) {
			t.Errorf("en.json %q uses fields {%s}, the key {%s}", k, fieldsOf(v), fieldsOf(k))
		}
	}
	if len(missing) > 0 && os.Getenv("SELLERDESK_MISSING_KEYS") != "" {
		sort.Strings(missing)
		b, _ := json.MarshalIndent(missing, "", "  ")
		_ = os.WriteFile(os.Getenv("SELLERDESK_MISSING_KEYS"), b, 0o644)
	}
}

// The scan must see a key written in each of the ways the services write them.
func TestSentenceKeysScanFindsEachForm(t *testing.T) {
	dir := t.TempDir()
	src := `package x
func f() {
	_ = apperr.New(apperr.ErrInvalid, "가 {{.N}}", "N", 1)
	_ = invalidField("f", "나")
	problems["x"] = "다"
	_ = apperr.Invalid(map[string]string{"y": "라"}, nil)
	_ = &apperr.Error{Key: "마"}
	_ = fmt.Sprintf("바 %d", 1)
}
func ValidateThing() string { return "사" }
`
	if err := os.WriteFile(filepath.Join(dir, "x.go"), []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	keys := sentenceKeys(t, []string{dir})
	for _, k := range []string{"가 {{.N}}", "나", "다", "라", "마", "사"} {
		if _, ok := keys[k]; !ok {
			t.Errorf("scan missed %q", k)
		}
	}
	if _, ok := keys["바 %d"]; ok {
		t.Error("scan took a Sprintf format for a key")
	}
}

func TestTranslatorFor(t *testing.T) {
	err := apperr.About(apperr.New(apperr.ErrConflict, "이 공급업체를 쓰는 상품이나 발주서가 {{.N}}건 있어 삭제할 수 없습니다. 상품의 공급업체를 먼저 바꾸세요(발주서 기록은 보관됩니다).", "N", 3),
		"상품 {{.Code}}", "Code", "P0123")
	en := app.Text(err, app.TranslatorFor(app.English))
	if !strings.HasPrefix(en, "Product P0123: ") || !strings.Contains(en, "3") || hasHangul(en) {
		t.Errorf("English = %q, want an English sentence about P0123 with its count", en)
	}
	if got, want := app.Text(err, app.TranslatorFor(app.Korean)), err.Error(); got != want {
		t.Errorf("Korean = %q, want %q", got, want)
	}
	if app.ErrorCode(err) != app.ErrConflict {
		t.Errorf("About lost the code: %s", app.ErrorCode(err))
	}
	// a key no file has comes back in Korean with its values, never empty
	odd := apperr.New(apperr.ErrInvalid, "어디에도 없는 문장 {{.N}}", "N", 7)
	if got, want := app.Text(odd, app.TranslatorFor(app.English)), "어디에도 없는 문장 7"; got != want {
		t.Errorf("untranslated key = %q, want %q", got, want)
	}
	// a seller's own text that looks like a template is shown as typed
	quoted := &apperr.Error{Code: apperr.ErrInvalid, Message: "상품명 '{{.Code}}'"}
	if got, want := app.Text(quoted, app.TranslatorFor(app.English)), "상품명 '{{.Code}}'"; got != want {
		t.Errorf("quoted = %q, want %q", got, want)
	}
}
