package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"sellerdesk/app/returns"
)

// The commands' sentences carry the particle the value takes, never "을(를)" or "이(가)" (#14).
func TestOutputParticlesFitTheirWord(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "sellerdesk.db")
	noBoth := func(what, s string) {
		t.Helper()
		for _, both := range []string{"을(를)", "이(가)", "은(는)", "(으)로"} {
			if strings.Contains(s, both) {
				t.Errorf("%s: %q", what, s)
			}
		}
	}
	code, out, errs := run(t, "--db", db, "demo", "--orders", "10")
	if code != 0 {
		t.Fatalf("demo: %d %q", code, errs)
	}
	noBoth("demo", out)
	if !strings.Contains(out, "'를 만들었습니다") && !strings.Contains(out, "'을 만들었습니다") {
		t.Errorf("demo: %q", out)
	}

	d := openDesk(t, db)
	pos, err := d.POs.List(context.Background(), "")
	if err != nil || len(pos) == 0 {
		t.Fatalf("the demo has no purchase orders: %v", err)
	}
	rows, err := d.Returns.List(context.Background(), returns.Filter{})
	if err != nil || len(rows) == 0 {
		t.Fatalf("the demo has no returns: %v", err)
	}
	d.Close()

	po := pos[0].Number // PO-20261124-001: ends in 일, which takes 을
	code, out, errs = run(t, "--db", db, "po", "pdf", po, "--out", filepath.Join(dir, "po.pdf"))
	if code != 0 {
		t.Fatalf("po pdf: %d %q", code, errs)
	}
	noBoth("po pdf", out)
	if want := "발주서 " + po + "을 저장했습니다"; strings.HasSuffix(po, "1") && !strings.HasPrefix(out, want) {
		t.Errorf("po pdf: %q, want %q…", out, want)
	}
	code, out, errs = run(t, "--db", db, "returns", "label", rows[0].Number, "--out", filepath.Join(dir, "rt.pdf"))
	if code != 0 {
		t.Fatalf("returns label: %d %q", code, errs)
	}
	noBoth("returns label", out)
	if !strings.HasPrefix(out, "반품 라벨 "+rows[0].Number+"을 저장했습니다") && !strings.HasPrefix(out, "반품 라벨 "+rows[0].Number+"를 저장했습니다") {
		t.Errorf("returns label: %q", out)
	}

	_, _, errs = run(t, "--db", db, "po", "pdf", po)
	noBoth("po pdf without --out", errs)
	if !strings.Contains(errs, "--out FILE 옵션이 필요합니다") {
		t.Errorf("po pdf without --out: %q", errs)
	}
}
