package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/orders"
	"sellerdesk/app/returns"
)

// writeOrderExport writes a small Smart Store order export: the notice row, the header, two lines.
func writeOrderExport(t *testing.T, path, password string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"※ 상품주문번호와 택배사, 송장번호를 확인하세요."},
		{"상품주문번호", "주문번호", "구매자명", "수취인명", "주문상태", "주문세부상태", "상품명", "옵션정보", "수량",
			"최종 상품별 총 주문금액", "결제수단", "판매채널", "택배사", "송장번호", "수취인연락처1", "주문일시"},
		{"2026112210000001", "2026112299990001", "김민지", "김민지", "결제완료", "신규주문", "오버핏 반팔 티셔츠",
			"색상: 블랙", "2", "39,600", "신용카드", "스마트스토어", "", "", "010-1234-5678", "2026-11-22 14:05:31"},
		{"2026112210000002", "2026112299990002", "박서준", "박서준", "배송중", "", "머그컵 화이트", "", "1", "9000",
			"네이버페이 포인트", "네이버쇼핑", "CJ대한통운", "012345678901", "010-2222-3333", "2026.11.21"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path, excelize.Options{Password: password}); err != nil {
		t.Fatal(err)
	}
}

func TestImportAndFindOrders(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	plain := filepath.Join(dir, "주문.xlsx")
	writeOrderExport(t, plain, "")
	code, out, errs := run(t, "--db", db, "import", "orders", plain, "--json")
	if code != 0 {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	var counts struct{ New, Updated, Unchanged, Failed int }
	if err := json.Unmarshal([]byte(out), &counts); err != nil || counts.New != 2 {
		t.Fatalf("import --json = %q (%v)", out, err)
	}
	code, out, _ = run(t, "--db", db, "import", "orders", plain)
	if code != 0 || !strings.Contains(out, "새 주문 0건, 변경 0건, 그대로 2건, 실패 0건") {
		t.Errorf("import again: %d %q", code, out)
	}

	code, out, errs = run(t, "--db", db, "orders", "find", "민지", "--json")
	if code != 0 {
		t.Fatalf("find: %d %q", code, errs)
	}
	var found []map[string]any
	if err := json.Unmarshal([]byte(out), &found); err != nil || len(found) != 1 {
		t.Fatalf("find --json = %q (%v)", out, err)
	}
	for key, want := range map[string]any{"product_order_no": "2026112210000001", "order_no": "2026112299990001",
		"status": "PAYED", "status_label": "신규주문", "buyer_name": "김민지", "recipient_name": "김민지",
		"product_name": "오버핏 반팔 티셔츠", "option_info": "색상: 블랙", "qty": 2.0, "amount": 39600.0,
		"payment_method": "신용카드", "courier": "", "tracking_no": ""} {
		if found[0][key] != want {
			t.Errorf("%s = %v, want %v", key, found[0][key], want)
		}
	}
	if _, ok := found[0]["ordered_at"]; !ok {
		t.Error("no ordered_at")
	}
	code, out, _ = run(t, "--db", db, "orders", "find", "012345678901")
	if code != 0 || !strings.Contains(out, "박서준") || !strings.Contains(out, "1건") {
		t.Errorf("find by tracking: %d %q", code, out)
	}
	code, out, _ = run(t, "--db", db, "orders", "find", "3333", "--json")
	if code != 0 || !strings.Contains(out, "2026112210000002") || strings.Contains(out, "010-2222-3333") {
		t.Errorf("find by phone tail, masked: %d %q", code, out)
	}

	// 일괄발송: the shipped line is not in it, the new one has no 송장 yet
	ship := filepath.Join(dir, "발송.xlsx")
	if code, _, errs := run(t, "--db", db, "export", "shipping", ship); code != 1 || !strings.Contains(errs, "송장번호가 입력된 발송 전 주문이 없습니다") {
		t.Errorf("export shipping with nothing to ship: %d %q", code, errs)
	}

	desk := openDesk(t, db)
	l, _ := desk.Orders.Find(context.Background(), orders.Query{Search: "2026112210000001"})
	if _, err := desk.Orders.Apply(context.Background(), orders.ActionInvoice, []int64{l[0].ID},
		orders.ActionInput{Courier: "한진택배", TrackingNo: "0012345"}); err != nil {
		t.Fatal(err)
	}
	desk.Close()
	code, out, errs = run(t, "--db", db, "export", "shipping", ship)
	if code != 0 || !strings.Contains(out, "1건") {
		t.Fatalf("export shipping: %d %q %q", code, out, errs)
	}
	xf, err := excelize.OpenFile(ship)
	if err != nil {
		t.Fatal(err)
	}
	rows, _ := xf.GetRows("발송처리")
	xf.Close()
	if len(rows) != 2 || strings.Join(rows[1], "|") != "2026112210000001|택배,등기,소포|한진택배|0012345" {
		t.Errorf("dispatch rows = %q", rows)
	}

	locked := filepath.Join(dir, "암호.xlsx")
	writeOrderExport(t, locked, "7777")
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"import", "orders", locked}, 1, "--password 로 암호를 주세요"},
		{[]string{"import", "orders", locked, "--password", "1111"}, 1, "암호가 맞지 않습니다"},
		{[]string{"import", "orders", locked, "--password", "7777"}, 0, ""},
		{[]string{"orders", "find"}, 2, "검색어"},
		{[]string{"orders", "list", "x"}, 2, "orders find"},
		{[]string{"orders", "find", "x", "--limit", "0"}, 2, "--limit"},
	} {
		code, _, errs := run(t, append([]string{"--db", db}, c.args...)...)
		if code != c.code || !strings.Contains(errs, c.msg) {
			t.Errorf("%v: exit %d %q, want %d with %q", c.args, code, errs, c.code, c.msg)
		}
	}
	os.Remove(plain)
}

func TestDemoAndPOPDF(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "demo.db")
	if code, _, errs := run(t, "--db", db, "demo", "--orders", "300"); code != 0 {
		t.Fatalf("demo: %d %q", code, errs)
	}
	desk := openDesk(t, db)
	pos, err := desk.POs.List(context.Background(), "")
	abroad, _ := desk.Orders.Find(context.Background(), orders.Query{Scope: orders.ScopeOverseas})
	rows, rerr := desk.Returns.List(context.Background(), returns.Filter{})
	desk.Close()
	if rerr != nil || len(rows) == 0 {
		t.Fatalf("demo returns: %d %v", len(rows), rerr)
	}
	rt, returnStates := rows[0].Number, map[returns.State]bool{}
	for _, r := range rows {
		returnStates[r.State] = true
		rt = min(rt, r.Number)
	}
	if len(returnStates) < 8 {
		t.Errorf("demo returns are in %d states, want all eight", len(returnStates))
	}
	label := filepath.Join(dir, "라벨.pdf")
	if code, out, errs := run(t, "--db", db, "returns", "label", rt, "--out", label); code != 0 || !strings.Contains(out, rt) {
		t.Errorf("returns label: %d %q %q", code, out, errs)
	}
	if b, _ := os.ReadFile(label); !strings.HasPrefix(string(b), "%PDF-") {
		t.Error("label is not a PDF")
	}
	if code, _, errs := run(t, "--db", db, "returns", "label", "RT-20000101-001", "--out", label); code != 1 || !strings.Contains(errs, "찾을 수 없습니다") {
		t.Errorf("unknown RT: %d %q", code, errs)
	}
	if len(abroad) == 0 {
		t.Error("the demo store has no overseas orders")
	}
	if err != nil || len(pos) < 4 {
		t.Fatalf("demo POs = %d %v", len(pos), err)
	}
	states := map[string]bool{}
	for _, p := range pos {
		states[string(p.Status)] = true
	}
	if len(states) < 5 {
		t.Errorf("demo PO states = %v, want all five", states)
	}
	pdf := filepath.Join(dir, "발주서.pdf")
	code, out, errs := run(t, "--db", db, "po", "pdf", pos[0].Number, "--out", pdf)
	if code != 0 || !strings.Contains(out, pos[0].Number) {
		t.Fatalf("po pdf: %d %q %q", code, out, errs)
	}
	b, _ := os.ReadFile(pdf)
	if !strings.HasPrefix(string(b), "%PDF-") {
		t.Error("not a PDF")
	}
	// a failed export leaves the file that was there and no temporary file beside it
	entries, _ := os.ReadDir(dir)
	if code, _, errs := run(t, "--db", db, "po", "pdf", "PO-20000101-001", "--out", pdf); code != 1 || !strings.Contains(errs, "찾을 수 없습니다") {
		t.Errorf("unknown PO: %d %q", code, errs)
	}
	if after, _ := os.ReadFile(pdf); !bytes.Equal(after, b) {
		t.Error("a failed po pdf changed the file already there")
	}
	if after, _ := os.ReadDir(dir); len(after) != len(entries) {
		t.Errorf("a failed po pdf left files: %d entries, was %d", len(after), len(entries))
	}
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"po", "pdf", pos[0].Number}, 2, "--out"},
		{[]string{"po", "list"}, 2, "po pdf"},
	} {
		code, _, errs := run(t, append([]string{"--db", db}, c.args...)...)
		if code != c.code || !strings.Contains(errs, c.msg) {
			t.Errorf("%v: %d %q", c.args, code, errs)
		}
	}
}

func TestImportOpensReturnsForReturnedLines(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "s.db")
	path := filepath.Join(dir, "반품.xlsx")
	f := excelize.NewFile()
	rows := [][]any{
		{"상품주문번호", "주문번호", "구매자명", "수취인명", "주문상태", "상품명", "수량", "주문일시"},
		{"2026112010000001", "2026112099990001", "김민지", "김민지", "반품완료", "머그컵", "1", "2026-11-20 10:00:00"},
		{"2026112010000002", "2026112099990002", "박서준", "박서준", "구매확정", "머그컵", "1", "2026-11-20 11:00:00"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	f.SaveAs(path)
	f.Close()
	code, out, errs := run(t, "--db", db, "import", "orders", path, "--json")
	if code != 0 || !strings.Contains(out, `"returns_opened": 1`) {
		t.Fatalf("import: %d %q %q", code, out, errs)
	}
	code, out, _ = run(t, "--db", db, "import", "orders", path)
	if code != 0 || strings.Contains(out, "반품 요청을 열었습니다") {
		t.Errorf("the same file again opened more requests: %q", out)
	}
}
