package sheet

import (
	"context"
	"encoding/json"
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

	"sellerdesk/app/apperr"
	"sellerdesk/app/limits"
	"sellerdesk/assets"
)

// keyedFiles are the files of this package whose problems and errors are sentence keys with values, so
// that the seller reads them in English too (app/translate_test.go checks the files listed there; these
// are the product file reader's, whose keys live in assets/translations/sheet.*.json).
var keyedFiles = []string{"read.go", "read_rows.go", "read_columns.go", "read_cells.go", "read_template.go",
	"read_checks.go", "read_say.go", "product_rows.go", "csv_rows.go"}

// sheetKeys finds the sentence keys in keyedFiles: the string arguments of problemf, apperr.M and
// apperr.New, Key and Message fields, the labels handed to number (words the sentences put in) and the
// sentence for a file that is no workbook, handed to openWorkbook.
func sheetKeys(t *testing.T) map[string]string {
	t.Helper()
	keys := map[string]string{}
	add := func(fset *token.FileSet, e ast.Expr) {
		lit, ok := e.(*ast.BasicLit)
		if !ok || lit.Kind != token.STRING {
			return
		}
		s, err := strconv.Unquote(lit.Value)
		if err == nil && strings.IndexFunc(s, func(r rune) bool { return unicode.Is(unicode.Hangul, r) }) >= 0 {
			keys[s] = fset.Position(lit.Pos()).String()
		}
	}
	for _, name := range keyedFiles {
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, filepath.Join(".", name), nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.CallExpr:
				fn := ""
				switch f := x.Fun.(type) {
				case *ast.Ident:
					fn = f.Name
				case *ast.SelectorExpr:
					fn = f.Sel.Name
				}
				switch fn {
				case "problemf", "M", "New":
					for _, a := range x.Args {
						add(fset, a)
					}
				case "number", "openWorkbook":
					if len(x.Args) > 2 {
						add(fset, x.Args[2])
					}
				}
			case *ast.KeyValueExpr:
				if id, ok := x.Key.(*ast.Ident); ok && (id.Name == "Key" || id.Name == "Message") {
					add(fset, x.Value)
				}
			}
			return true
		})
	}
	return keys
}

func translations(t *testing.T, lang string) map[string]string {
	t.Helper()
	m, err := assets.TranslationTable(lang)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

var fieldName = regexp.MustCompile(`{{\s*\.(\w+)\s*}}`)

func fieldsIn(s string) string {
	var names []string
	for _, m := range fieldName.FindAllStringSubmatch(s, -1) {
		names = append(names, m[1])
	}
	sort.Strings(names)
	return strings.Join(names, ",")
}

// TestProductProblemsTranslated: every sentence the product file reader files is in both translation
// files, its English with the same values; SELLERDESK_SHEET_KEYS=file writes the missing ones there.
func TestProductProblemsTranslated(t *testing.T) {
	keys := sheetKeys(t)
	if len(keys) < 30 {
		t.Fatalf("found only %d keys; is the scan broken?", len(keys))
	}
	ko, en := translations(t, "ko"), translations(t, "en")
	var missing []string
	for k, where := range keys {
		if _, ok := ko[k]; !ok {
			t.Errorf("%s: no Korean entry for %q", where, k)
		}
		v, ok := en[k]
		if !ok || v == "" {
			t.Errorf("%s: no English for %q", where, k)
			missing = append(missing, k)
			continue
		}
		if fieldsIn(v) != fieldsIn(k) {
			t.Errorf("English %q uses {%s}, the key {%s}", v, fieldsIn(v), fieldsIn(k))
		}
	}
	if out := os.Getenv("SELLERDESK_SHEET_KEYS"); out != "" && len(missing) > 0 {
		sort.Strings(missing)
		b, _ := json.MarshalIndent(missing, "", "  ")
		_ = os.WriteFile(out, b, 0o644)
	}
}

// TestProblemInEnglish: a product file's problems read in English through Problem.Text, with the file's
// values in them, while Reason stays the Korean sentence.
func TestProblemInEnglish(t *testing.T) {
	file := read(t, sheetFile(t, "Sheet1", []string{"판매자 상품코드", "상품명", "판매가", "재고수량", "상태", "과세구분"}, [][]string{
		{"P1", "양말", "2000000000", "3", "판매중", "과세"},
		{"P2", "모자", "1000", "3", "숨김", "과세"},
		{"", "셔츠", "1000", "3", "", ""},
	}), ReadOptions{})
	if len(file.Problems) != 3 {
		t.Fatalf("problems %+v", file.Problems)
	}
	en := translations(t, "en")
	english := func(key string, args map[string]any) string {
		if v, ok := en[key]; ok && v != "" {
			return apperr.Render(v, args)
		}
		return apperr.Render(key, args)
	}
	for i, want := range []struct{ ko, en string }{
		{"판매가는 1,000,000,000원 이하여야 합니다('2000000000').", "Price must be at most 1,000,000,000 won ('2000000000')."},
		// the words the seller writes in the file stay as written, beside their meaning
		{"알 수 없는 상태 '숨김'입니다. 판매중, 판매중지, 품절 중에서 고르세요.", "Unknown status '숨김'. Choose 판매중 (on sale), 판매중지 (stopped) or 품절 (sold out)."},
		{"판매자 상품코드가 비어 있습니다.", "The product code (판매자 상품코드) is empty."},
	} {
		p := file.Problems[i]
		if p.Reason != want.ko || p.Text(apperr.Korean) != want.ko {
			t.Errorf("problem %d: Reason %q, Korean text %q, want %q", i, p.Reason, p.Text(apperr.Korean), want.ko)
		}
		if got := p.Text(english); got != want.en {
			t.Errorf("problem %d in English: %q, want %q", i, got, want.en)
		}
	}
	// a column the file lacks: the reason and the missing column, both in English
	file = read(t, sheetFile(t, "Sheet1", []string{"판매자 상품코드", "상품명", "판매가"}, [][]string{{"P1", "양말", "1000", "", "", ""}}), ReadOptions{})
	file.problemf(2, colTax, "판매자 상품코드가 비어 있습니다.")
	last := file.Problems[len(file.Problems)-1]
	if got, want := last.Text(english), "The product code (판매자 상품코드) is empty. The file has no '과세구분' column. Add this column to the header row."; got != want {
		t.Errorf("missing column in English: %q, want %q", got, want)
	}
	if want := "판매자 상품코드가 비어 있습니다. 파일에 '과세구분' 열이 없습니다. 제목 행에 이 열을 더하세요."; last.Reason != want {
		t.Errorf("missing column in Korean: %q, want %q", last.Reason, want)
	}
}

// TestSayMsgIsSay: the keyed sentence of a value beyond its limit reads in Korean exactly as limits' own.
func TestSayMsgIsSay(t *testing.T) {
	for _, label := range []string{"판매가", "원가", "무게", "옵션가", "재고수량", "안전재고", "SKU"} {
		for _, rng := range []limits.Range{limits.Price, limits.Stock, limits.Weight, limits.ExtraPrice, signed(limits.Cost)} {
			for _, c := range []struct {
				why  limits.Reason
				text string
			}{{limits.Empty, ""}, {limits.NotNumber, " 만원 "}, {limits.TooSmall, "-5"}, {limits.TooLarge, strings.Repeat("9", 40)}, {limits.TooLarge, ""}} {
				want := rng.Say(label, c.why, c.text)
				if got := sayMsg(rng, label, c.why, c.text).Text(apperr.Korean); got != want {
					t.Errorf("%s %v %q: %q, want %q", label, c.why, c.text, got, want)
				}
			}
		}
	}
}

// TestCourierProblemsInEnglish: the courier reader's fixed sentences (filed as Korean Reason) are found as
// keys, so its problems read in English too.
func TestCourierProblemsInEnglish(t *testing.T) {
	_, probs, err := ReadCourierFile(context.Background(), strings.NewReader("받는분성명,받는분전화번호,운송장번호\n김민지,010-1234-5678,\n,010-2222-3333,612345678901\n"), "")
	if err != nil || len(probs) != 2 {
		t.Fatalf("%+v %v", probs, err)
	}
	en := translations(t, "en")
	english := func(key string, args map[string]any) string {
		if v, ok := en[key]; ok && v != "" {
			return apperr.Render(v, args)
		}
		return apperr.Render(key, args)
	}
	for i, want := range []string{"The tracking number (송장번호) is empty.", "The recipient's name is empty."} {
		if got := probs[i].Text(english); got != want {
			t.Errorf("problem %d in English: %q, want %q", i, got, want)
		}
	}
}
