package cli

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sellerdesk/app"
	"sellerdesk/app/clock"
)

var info = app.AppInfo{Name: "셀러데스크", ID: "kr.sellerdesk.app", Version: "0.1.0", Build: 1}

func noEnv(string) string { return "" }

// day is the pinned "now" of every command the tests run: the suite passes on any date.
var day = time.Date(2026, 11, 24, 10, 0, 0, 0, time.FixedZone("KST", 9*3600))

// run parses and runs a command line the way main does, on the pinned day.
func run(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = Run(context.Background(), Parse(args), Env{Info: info, Clock: clock.At(day).Now, Getenv: noEnv, Stdout: &out, Stderr: &errb})
	return code, out.String(), errb.String()
}

// openDesk opens the store at db on the pinned day, as run does, for a test that reads or changes it
// between commands; the caller closes it.
func openDesk(t *testing.T, db string) *app.Desk {
	t.Helper()
	d, err := app.Open(context.Background(), db, info, app.WithClock(clock.At(day).Now))
	if err != nil {
		t.Fatal(err)
	}
	return d
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
		{"check", "--json"},
		{"import", "products", "a.xlsx", "--out", "b.pdf"},
		{"import", "products", "a.xlsx", "--password"},
		{"orders", "find", "x", "--limit", "many"},
		{"returns", "label", "RT-20261124-001", "--out", ""},
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

// TestUsageFromTable checks that the usage shows every command of the table, and that each usage line,
// filled in, parses as that command: the help cannot drift from what the program accepts.
func TestUsageFromTable(t *testing.T) {
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
		if !strings.Contains(Usage(), "  "+c.line()) {
			t.Errorf("the usage has no line %q", c.line())
		}
		args := []string{"--db", "x.db"}
		if c.offline {
			args = nil
		}
		for _, w := range strings.Fields(c.form()) {
			w = strings.Trim(w, "[]")
			switch {
			case w == "YYYY-MM-DD":
				w = "2026-11-01" // a date placeholder
			case strings.Contains(w, "|"):
				w, _, _ = strings.Cut(w, "|") // one of the choices: day|week|…
			case !strings.HasPrefix(w, "--") && strings.ToUpper(w) == w:
				w = "1" // a placeholder: FILE, PW, N, PO-NUMBER
			}
			args = append(args, w)
		}
		inv := Parse(args)
		if inv.Err != nil || inv.Command() != c.name {
			t.Errorf("%q parses as %q: %v", strings.Join(args, " "), inv.Command(), inv.Err)
		}
	}
	// the commands README.md documents; a command dropped from the table fails here (areas add theirs
	// with addCommands, before version)
	base := []string{"demo", "backup", "restore", "check", "import products", "export products", "import orders", "export shipping", "po pdf", "returns label", "orders find"}
	if got := strings.Join(names[:len(base)], "|"); got != strings.Join(base, "|") || names[len(names)-1] != "version" {
		t.Errorf("commands = %s\nwant %s first and version last", strings.Join(names, "|"), strings.Join(base, "|"))
	}
	for _, help := range [][]string{{"-h"}, {"help"}, {"--db", "x.db", "import", "-h"}} {
		code, out, errs := run(t, help...)
		if code != 0 || out != Usage()+"\n" || errs != "" {
			t.Errorf("%v: %d %q %q", help, code, out, errs)
		}
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
	if code := Run(context.Background(), Parse([]string{"check"}), Env{Info: info, Getenv: env, Stdout: &out, Stderr: &errb}); code != 0 || !strings.Contains(out.String(), db) {
		t.Errorf("SELLERDESK_DB ignored: %q %q", out.String(), errb.String())
	}
}

// TestErrorsInTheStoresLanguage: a command's error reads in the language the seller chose for the store,
// as the window shows it, and in Korean when the store cannot even be opened.
func TestErrorsInTheStoresLanguage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "s.db")
	out := filepath.Join(t.TempDir(), "발주서.pdf")
	code, _, errs := run(t, "--db", db, "po", "pdf", "PO-20000101-001", "--out", out)
	if want := "오류: 발주서 PO-20000101-001을 찾을 수 없습니다.\n"; code != 1 || errs != want {
		t.Errorf("in Korean: %d %q, want %q", code, errs, want)
	}
	d := openDesk(t, db)
	if err := d.SetLanguage(context.Background(), app.English); err != nil {
		t.Fatal(err)
	}
	d.Close()
	code, _, errs = run(t, "--db", db, "po", "pdf", "PO-20000101-001", "--out", out)
	if want := "Error: Purchase order PO-20000101-001 was not found.\n"; code != 1 || errs != want {
		t.Errorf("in English: %d %q, want %q", code, errs, want)
	}
	// a store that cannot be opened is reported before its language is known
	bad := filepath.Join(t.TempDir(), "bad.db")
	if err := os.WriteFile(bad, []byte("not a database, but long enough to be read as one's header........"), 0o600); err != nil {
		t.Fatal(err)
	}
	if code, _, errs := run(t, "--db", bad, "check"); code != 1 || !strings.HasPrefix(errs, "오류: ") {
		t.Errorf("an unreadable store: %d %q", code, errs)
	}
}
