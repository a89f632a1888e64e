package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"sellerdesk/app"
	"sellerdesk/app/sheet"
)

var info = app.AppInfo{Name: "셀러데스크", ID: "kr.sellerdesk.app", Version: "0.1.0", Build: 1}

func noEnv(string) string { return "" }

// run parses and runs a command line the way main does.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	inv, err := Parse(args)
	if err != nil {
		code = usage(&errb, err)
	} else {
		code = Run(context.Background(), inv, info, noEnv, &out, &errb)
	}
	return code, out.String(), errb.String()
}

func TestUsage(t *testing.T) {
	for _, args := range [][]string{
		{"frobnicate"},
		{"--nope"},
		{"--db"},
		{"restore"},
		{"restore", "a.db", "b.db"},
		{"check", "extra"},
		{"demo", "--orders", "lots"},
		{"demo", "--orders", "-5"},
		{"version", "x"},
		{"backup", "a.db", "b.db"},
	} {
		t.Run(strings.Join(args, "_"), func(t *testing.T) {
			code, out, errs := run(t, append([]string{"--db", filepath.Join(t.TempDir(), "x.db")}, args...)...)
			if code != 2 {
				t.Errorf("exit = %d, want 2", code)
			}
			if out != "" || !strings.Contains(errs, "사용법") {
				t.Errorf("usage not on stderr: out=%q err=%q", out, errs)
			}
		})
	}
	code, out, _ := run(t, "-h")
	if code != 0 || !strings.Contains(out, "sellerdesk [--db PATH] demo") {
		t.Errorf("help: %d %q", code, out)
	}
}

func TestVersion(t *testing.T) {
	code, out, _ := run(t, "version")
	if code != 0 || out != "셀러데스크 0.1.0 (build 1)\n" {
		t.Errorf("version: %d %q", code, out)
	}
}

func TestCommands(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "store", "sellerdesk.db")

	code, out, errs := run(t, "--db", db, "demo", "--orders", "10")
	if code != 0 || !strings.Contains(out, "하루공방") {
		t.Fatalf("demo: %d %q %q", code, out, errs)
	}
	code, _, errs = run(t, "--db", db, "demo")
	if code != 1 || !strings.HasPrefix(errs, "오류: 이미 데이터가 있는") || strings.Count(errs, "\n") != 1 {
		t.Errorf("demo twice: %d %q", code, errs)
	}
	code, out, _ = run(t, "--db", db, "check")
	if code != 0 || !strings.Contains(out, "정상입니다") {
		t.Errorf("check: %d %q", code, out)
	}
	backup := filepath.Join(dir, "손님 백업.db")
	code, out, errs = run(t, "--db", db, "backup", backup)
	if code != 0 || !strings.Contains(out, backup) {
		t.Fatalf("backup: %d %q %q", code, out, errs)
	}
	code, out, _ = run(t, "--db", db, "backup")
	if code != 0 || !strings.Contains(out, filepath.Join("store", "backups", "sellerdesk-manual-")) {
		t.Errorf("backup to the data folder: %d %q", code, out)
	}
	code, out, errs = run(t, "--db", db, "restore", backup)
	if code != 0 || !strings.Contains(out, "before-restore") {
		t.Errorf("restore: %d %q %q", code, out, errs)
	}
	code, _, errs = run(t, "--db", db, "restore", filepath.Join(dir, "없는파일.db"))
	if code != 1 || !strings.HasPrefix(errs, "오류: ") {
		t.Errorf("restore of a missing file: %d %q", code, errs)
	}
}

func TestRefusedFiles(t *testing.T) {
	dir := t.TempDir()
	text := filepath.Join(dir, "memo.txt")
	os.WriteFile(text, []byte("이건 데이터베이스가 아닙니다"), 0o600)
	code, _, errs := run(t, "--db", text, "check")
	if code != 1 || !strings.Contains(errs, "셀러데스크 데이터 파일이 아닙니다") {
		t.Errorf("foreign file: %d %q", code, errs)
	}
	if b, _ := os.ReadFile(text); string(b) != "이건 데이터베이스가 아닙니다" {
		t.Error("foreign file was changed")
	}
}

func TestEnvDB(t *testing.T) {
	db := filepath.Join(t.TempDir(), "env.db")
	var out, errb bytes.Buffer
	env := func(k string) string {
		if k == app.EnvDB {
			return db
		}
		return ""
	}
	inv, _ := Parse([]string{"check"})
	if code := Run(context.Background(), inv, info, env, &out, &errb); code != 0 || !strings.Contains(out.String(), db) {
		t.Errorf("SELLERDESK_DB ignored: %q %q", out.String(), errb.String())
	}
}

func TestImportExportProducts(t *testing.T) {
	dir := t.TempDir()
	shop := filepath.Join(dir, "shop.db")
	if code, _, errs := run(t, "--db", shop, "demo"); code != 0 {
		t.Fatalf("demo: %s", errs)
	}
	export := filepath.Join(dir, "상품_대량수정.xlsx")
	code, out, errs := run(t, "--db", shop, "export", "products", export)
	if code != 0 || !strings.Contains(out, "내보냈습니다") {
		t.Fatalf("export: %d %q %q", code, out, errs)
	}
	// importing the export into the same shop: every code exists already, nothing is written
	code, out, errs = run(t, "--db", shop, "import", "products", export)
	if code != 1 || !strings.Contains(out, "이미 등록된 판매자 상품코드") || !strings.Contains(out, "A (판매자 상품코드)") ||
		strings.Count(errs, "\n") != 1 || !strings.Contains(errs, "아무것도 등록하지 않았습니다") {
		t.Errorf("re-import: %d\nout %q\nerr %q", code, out, errs)
	}

	// a fresh shop takes the template's example product
	var buf bytes.Buffer
	if err := sheet.WriteTemplate(&buf, nil, nil); err != nil {
		t.Fatal(err)
	}
	tpl := filepath.Join(dir, "템플릿.xlsx")
	os.WriteFile(tpl, buf.Bytes(), 0o600)
	fresh := filepath.Join(dir, "fresh.db")
	code, out, errs = run(t, "--db", fresh, "import", "products", tpl)
	if code != 0 || !strings.Contains(out, "상품 1개(옵션 4개)를 등록했습니다") {
		t.Errorf("import template: %d %q %q", code, out, errs)
	}
	if code, _, errs := run(t, "--db", fresh, "import", "orders", tpl); code != 1 || !strings.Contains(errs, "제목 행") {
		t.Errorf("a product template imported as orders: %d %q", code, errs)
	}
	for _, bad := range [][]string{{"import", "customers", tpl}, {"import", "products"}, {"export", "products"}, {"export", "orders", tpl}} {
		if code, _, _ := run(t, append([]string{"--db", fresh}, bad...)...); code != 2 {
			t.Errorf("%v: exit %d, want 2", bad, code)
		}
	}
	if code, _, errs := run(t, "--db", fresh, "import", "products", filepath.Join(dir, "없음.xlsx")); code != 1 || !strings.HasPrefix(errs, "오류: 파일을 열 수 없습니다") {
		t.Errorf("missing file: %d %q", code, errs)
	}
}
