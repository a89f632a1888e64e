package cli

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

func TestReportUsageErrors(t *testing.T) {
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"report", "sales", "--from", "2026-11-30", "--to", "2026-11-01"}, "--to(2026-11-01)가 --from(2026-11-30)보다 앞입니다."},
		{[]string{"report", "sales", "--from", "2026-11-01", "--to", "2026-11-30", "--by", "color"}, "알 수 없는 --by 입니다: color"},
		{[]string{"report", "sales", "--from", "어제", "--to", "2026-11-30"}, "--from 날짜를 읽을 수 없습니다"},
		{[]string{"report", "sales", "--from", "2026-11-01", "--to", "2026-11-30", "--format", "pdf"}, "--format pdf 에는 --out FILE 이 필요합니다."},
		{[]string{"report", "sales", "--from", "2026-11-01", "--to", "2026-11-30", "--compare", "last"}, "알 수 없는 --compare 입니다: last"},
	} {
		code, _, errs := run(t, append([]string{"--db", filepath.Join(t.TempDir(), "x.db")}, c.args...)...)
		first, _, _ := strings.Cut(errs, "\n")
		if code != 2 || !strings.HasPrefix(first, c.want) {
			t.Errorf("%v: exit %d, first line %q, want 2 and %q", c.args, code, first, c.want)
		}
	}
}

// TestReportSales runs the report on a demo store in every format, and on an empty period.
func TestReportSales(t *testing.T) {
	db := filepath.Join(t.TempDir(), "data", "sellerdesk.db")
	if code, _, errs := run(t, "--db", db, "demo", "--orders", "300"); code != 0 {
		t.Fatalf("demo: %d %s", code, errs)
	}
	code, out, errs := run(t, "--db", db, "report", "sales", "--from", "2026-11-01", "--to", "2026-11-24", "--compare", "prev")
	if code != 0 || !strings.Contains(out, "매출 보고서 2026.11.01 – 2026.11.24") || !strings.Contains(out, "순매출") ||
		!strings.Contains(out, "이전 기간 (2026.10.01 – 2026.10.24)") {
		t.Fatalf("table: %d %s %s", code, out, errs)
	}
	code, out, errs = run(t, "--db", db, "report", "sales", "--from", "2026-11-01", "--to", "2026-11-24", "--by", "payment", "--format", "json", "--compare", "year")
	if code != 0 {
		t.Fatalf("json: %d %s", code, errs)
	}
	var j struct {
		Figures    struct{ Gross, Net, Orders int64 }
		Compare    string
		Breakdowns []struct {
			By   string
			Rows []struct {
				Label string
				Gross int64
			}
			Total struct{ Gross int64 }
		}
	}
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatalf("json: %v\n%s", err, out)
	}
	if j.Figures.Gross <= 0 || j.Compare != "year" || len(j.Breakdowns) != 1 || j.Breakdowns[0].By != "payment" ||
		len(j.Breakdowns[0].Rows) < 2 || j.Breakdowns[0].Total.Gross != j.Figures.Gross {
		t.Errorf("json report: %+v", j)
	}
	code, out, _ = run(t, "--db", db, "report", "sales", "--from", "2026-11-01", "--to", "2026-11-24", "--by", "product", "--format", "csv")
	if code != 0 || !strings.HasPrefix(out, "상품,판매 수량,상품주문 수,결제금액,비중,매출총이익\n") {
		t.Errorf("csv: %d %.200s", code, out)
	}
	xlsx := filepath.Join(t.TempDir(), "매출.xlsx")
	if code, _, errs := run(t, "--db", db, "report", "sales", "--from", "2026-11-01", "--to", "2026-11-24", "--format", "xlsx", "--out", xlsx); code != 0 {
		t.Fatalf("xlsx: %s", errs)
	}
	pdf := filepath.Join(t.TempDir(), "매출.pdf")
	if code, _, errs := run(t, "--db", db, "report", "sales", "--from", "2025-12-01", "--to", "2026-11-24", "--format", "pdf", "--out", pdf, "--compare", "year"); code != 0 {
		t.Fatalf("pdf: %s", errs)
	}
	if b, err := os.ReadFile(pdf); err != nil || !strings.HasPrefix(string(b), "%PDF") {
		t.Fatalf("pdf file: %v", err)
	}
	if bin, err := exec.LookPath("pdftotext"); err == nil {
		text, err := exec.Command(bin, "-layout", pdf, "-").Output()
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{"매출 보고서", "순매출", "상품 순위", "결제수단 비중", "작년 같은 기간: 2024.12.01 – 2025.11.24"} {
			if !strings.Contains(string(text), want) {
				t.Errorf("pdf text lacks %q", want)
			}
		}
		if !regexp.MustCompile(`매출 보고서 2025.12.01 – 2026.11.24 +1 ?/ ?\d`).Match(text) {
			t.Errorf("pdf lacks the page foot with the store and page number:\n%s", text)
		}
	}
	// a period without sales: a zero report, exit 0
	code, out, _ = run(t, "--db", db, "report", "sales", "--from", "2020-01-01", "--to", "2020-01-31", "--by", "day")
	if code != 0 || !strings.Contains(out, "결제금액") || !strings.Contains(out, "1월 31일") {
		t.Errorf("empty period: %d %s", code, out)
	}
	// the aggregates agree with the lines after the demo and the check says so
	if code, out, errs := run(t, "--db", db, "check"); code != 0 {
		t.Errorf("check: %d %s %s", code, out, errs)
	}
}
