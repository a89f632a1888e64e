package purchasing

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/apperr"
	"sellerdesk/app/catalog"
	"sellerdesk/app/clock"
	"sellerdesk/app/doc"
	"sellerdesk/app/orders"
	"sellerdesk/app/sheet"
	"sellerdesk/data"
)

type desk struct {
	po      *Service
	catalog *catalog.Service
	orders  *orders.Service
	store   *data.Store
	clock   *clock.Pinned
}

// openDesk: two suppliers, a T-shirt (supplier A, 색상 × 사이즈, low on 블랙/M), a mug (supplier B, low) and
// a sticker with no supplier (low); a store profile.
func openDesk(t *testing.T) *desk {
	t.Helper()
	dir := t.TempDir()
	ctx := context.Background()
	c := clock.At(time.Date(2026, 11, 24, 10, 0, 0, 0, time.Local))
	store, err := data.Open(ctx, filepath.Join(dir, "s.db"), data.WithClock(c.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	cat := catalog.New(store, dir, log)
	supA, err := cat.SaveSupplier(ctx, catalog.Supplier{Name: "동대문 의류", ContactPerson: "박도매", Phone: "02-2231-0000", LeadTimeDays: 3})
	if err != nil {
		t.Fatal(err)
	}
	supB, err := cat.SaveSupplier(ctx, catalog.Supplier{Name: "이천 도자기", Phone: "031-631-0000"})
	if err != nil {
		t.Fatal(err)
	}
	groups := []catalog.OptionGroup{{Name: "색상", Values: []string{"블랙", "화이트"}}, {Name: "사이즈", Values: []string{"M", "L"}}}
	tee := catalog.Product{Code: "TEE-01", Name: "오버핏 티셔츠", Price: 19800, Cost: 7000, Status: catalog.StatusSale,
		TaxType: catalog.Taxable, SupplierID: supA.ID, OptionKind: catalog.OptionsCombination, OptionGroups: groups}
	tee.Options = catalog.CombineOptions(catalog.OptionsCombination, groups, nil)
	for i := range tee.Options {
		tee.Options[i].Code = "TEE-01-" + strings.Join(tee.Options[i].Values, "-")
		tee.Options[i].Stock, tee.Options[i].SafetyStock = 20, 5
	}
	tee.Options[0].Stock = 2 // 블랙/M: low
	mug := catalog.Product{Code: "MUG-01", Name: "머그컵", Price: 9000, Cost: 3000, Status: catalog.StatusSale, TaxType: catalog.Taxable,
		SupplierID: supB.ID, OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 1, SafetyStock: 4}}}
	sticker := catalog.Product{Code: "STK-01", Name: "스티커", Price: 1000, Status: catalog.StatusSale, TaxType: catalog.Taxable,
		OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 0, SafetyStock: 10}}}
	for _, p := range []catalog.Product{tee, mug, sticker} {
		if _, err := cat.SaveProduct(ctx, p, "test"); err != nil {
			t.Fatal(err)
		}
	}
	err = store.Write(ctx, func(tx *data.Tx) error {
		return data.SaveProfileTx(ctx, tx, data.StoreProfile{Name: "하루공방", Owner: "김하루", BusinessNo: "220-81-62517",
			Address: "서울특별시 마포구 월드컵북로 396", Phone: "02-332-1234", Email: "hello@haru.kr"})
	})
	if err != nil {
		t.Fatal(err)
	}
	return &desk{po: New(store, log), catalog: cat, orders: orders.New(store, log), store: store, clock: c}
}

func (d *desk) stock(t *testing.T, code string) int64 {
	t.Helper()
	var n int64
	if err := d.store.Read().QueryRow(`SELECT o.stock FROM product_options o JOIN products p ON p.id = o.product_id
		WHERE coalesce(o.code, p.code) = ?`, code).Scan(&n); err != nil {
		t.Fatal(err)
	}
	return n
}

func TestReorderDraftsAndNumbering(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	drafts, skipped, err := d.po.ReorderDrafts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(drafts) != 2 || drafts[0].SupplierName != "동대문 의류" || drafts[1].SupplierName != "이천 도자기" {
		t.Fatalf("drafts = %+v", drafts)
	}
	if l := drafts[0].Lines; len(l) != 1 || l[0].Code != "TEE-01-블랙-M" || l[0].Qty != 8 || l[0].UnitCost != 7000 || l[0].OptionLabel != "블랙 / M" {
		t.Errorf("tee line = %+v, want 8 to reach twice the safety stock of 5", l)
	}
	if l := drafts[1].Lines; len(l) != 1 || l[0].Qty != 8 {
		t.Errorf("mug line = %+v, want 8: at least MinReorder above its safety stock of 4, less the 1 in stock", l)
	}
	if len(skipped) != 1 || !strings.Contains(skipped[0].Item, "스티커") || !strings.Contains(skipped[0].Reason, "공급업체") {
		t.Errorf("skipped = %+v", skipped)
	}
	numbers, err := d.po.Create(ctx, drafts, "")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(numbers, ",") != "PO-20261124-001,PO-20261124-002" {
		t.Errorf("numbers = %v", numbers)
	}
	// what is on order is not proposed again
	again, _, _ := d.po.ReorderDrafts(ctx)
	if len(again) != 0 {
		t.Errorf("drafts again = %+v, want none while the POs are open", again)
	}
	if err := d.po.Cancel(ctx, "PO-20261124-002", "단가 재협의"); err != nil {
		t.Fatal(err)
	}
	again, _, _ = d.po.ReorderDrafts(ctx)
	n2, _ := d.po.Create(ctx, again, "")
	d.clock.Set(d.clock.Now().AddDate(0, 0, 1))
	n3, _ := d.po.Create(ctx, again, "")
	if strings.Join(n2, ",") != "PO-20261124-003" || strings.Join(n3, ",") != "PO-20261125-001" {
		t.Errorf("after a cancel: %v, next day: %v (numbers are never reused)", n2, n3)
	}
	po, err := d.po.Get(ctx, "PO-20261124-001")
	if err != nil {
		t.Fatal(err)
	}
	if po.DueOn != "2026-11-27" || po.DeliverName != "하루공방" || po.Status != StatusDraft {
		t.Errorf("po = %+v, want due after the 3-day lead time and delivery to our store", po)
	}
}

func TestStatusAndReceiving(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	drafts, _, _ := d.po.ReorderDrafts(ctx)
	numbers, _ := d.po.Create(ctx, drafts[:1], "")
	no := numbers[0]
	po, _ := d.po.Get(ctx, no)
	line := po.Items[0].ID
	if err := d.po.Receive(ctx, no, map[int64]int64{line: 1}); apperr.ErrorCode(err) != apperr.ErrInvalid {
		t.Errorf("receiving a draft: %v", err)
	}
	if err := d.po.MarkOrdered(ctx, no); err != nil {
		t.Fatal(err)
	}
	if err := d.po.MarkOrdered(ctx, no); err == nil {
		t.Error("발주완료 twice was allowed")
	}
	if err := d.po.Receive(ctx, no, map[int64]int64{line: 9}); err == nil || !strings.Contains(apperr.Message(err), "남은 수량은 8개") {
		t.Errorf("over-receiving: %v", err)
	}
	if err := d.po.Receive(ctx, no, map[int64]int64{line: 0}); err == nil {
		t.Error("receiving nothing was allowed")
	}
	if err := d.po.Receive(ctx, no, map[int64]int64{line: 3}); err != nil {
		t.Fatal(err)
	}
	if po, _ = d.po.Get(ctx, no); po.Status != StatusPartial || po.Items[0].Received != 3 {
		t.Errorf("after 3 of 8: %s %+v", po.Status, po.Items[0])
	}
	if got := d.stock(t, "TEE-01-블랙-M"); got != 5 {
		t.Errorf("stock = %d, want 2 + 3", got)
	}
	if err := d.po.Receive(ctx, no, map[int64]int64{line: 5}); err != nil {
		t.Fatal(err)
	}
	po, _ = d.po.Get(ctx, no)
	if po.Status != StatusReceived || d.stock(t, "TEE-01-블랙-M") != 10 {
		t.Errorf("after all: %s, stock %d", po.Status, d.stock(t, "TEE-01-블랙-M"))
	}
	var moves int
	d.store.Read().QueryRow(`SELECT count(*) FROM stock_movements WHERE reason = 'RECEIVE' AND source_ref = ?`, "po:"+no).Scan(&moves)
	if moves != 2 {
		t.Errorf("입고 movements = %d, want 2", moves)
	}
	if err := d.po.Cancel(ctx, no, "x"); err == nil {
		t.Error("cancelling a received PO was allowed")
	}
	var hist []string
	for _, h := range po.History {
		hist = append(hist, string(h.To))
	}
	if strings.Join(hist, ",") != "DRAFT,ORDERED,PARTIAL,RECEIVED" {
		t.Errorf("history = %v", hist)
	}
	if err := d.po.Cancel(ctx, "PO-20991231-001", "x"); apperr.ErrorCode(err) != apperr.ErrNotFound {
		t.Errorf("unknown PO: %v", err)
	}
	if err := d.po.Cancel(ctx, no, " "); apperr.ErrorCode(err) != apperr.ErrInvalid {
		t.Errorf("cancel without a reason: %v", err)
	}
	if mism, _ := d.catalog.LedgerMismatches(ctx); len(mism) != 0 {
		t.Errorf("ledger %v", mism)
	}
}

func TestOrderDraftsDropshipAndSheet(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	f := excelize.NewFile()
	rows := [][]any{
		{"상품주문번호", "주문번호", "구매자명", "수취인명", "주문상태", "상품명", "옵션정보", "옵션관리코드", "판매자 상품코드", "수량", "수취인연락처1", "통합배송지", "우편번호", "배송메세지"},
		{"1001", "9001", "김민지", "김민지", "결제완료", "오버핏 티셔츠", "화이트 / L", "TEE-01-화이트-L", "TEE-01", "2", "010-1111-2222", "서울 마포구 1", "04001", "문 앞"},
		{"1002", "9001", "김민지", "김민지", "결제완료", "머그컵", "", "", "MUG-01", "1", "010-1111-2222", "서울 마포구 1", "04001", "문 앞"},
		{"1003", "9002", "박서준", "박서준", "결제완료", "오버핏 티셔츠", "블랙 / L", "TEE-01-블랙-L", "TEE-01", "1", "010-3333-4444", "부산 해운대구 2", "48058", ""},
		{"1004", "9003", "이하늘", "이하늘", "결제완료", "단종 상품", "", "", "OLD", "1", "010-5555-6666", "대전 1", "35204", ""},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	var buf bytes.Buffer
	f.WriteTo(&buf)
	if _, err := d.orders.ImportFile(ctx, &buf, "o.xlsx", "", nil); err != nil {
		t.Fatal(err)
	}
	var ids []int64
	r, _ := d.store.Read().Query(`SELECT id FROM order_lines ORDER BY product_order_no`)
	for r.Next() {
		var id int64
		r.Scan(&id)
		ids = append(ids, id)
	}
	r.Close()

	drafts, skipped, err := d.po.OrderDrafts(ctx, ids, true)
	if err != nil {
		t.Fatal(err)
	}
	// dropship: one PO per supplier and recipient — 김민지's tee (A), 박서준's tee (A), 김민지's mug (B)
	if len(drafts) != 3 || len(skipped) != 1 || !strings.Contains(skipped[0].Reason, "연결되지 않은") {
		t.Fatalf("drafts %+v skipped %+v", drafts, skipped)
	}
	if drafts[0].Deliver.Name != "김민지" || drafts[0].Deliver.Postcode != "04001" || drafts[0].Lines[0].Qty != 2 {
		t.Errorf("first draft = %+v", drafts[0])
	}
	numbers, err := d.po.Create(ctx, drafts, "")
	if err != nil {
		t.Fatal(err)
	}
	again, skipped, _ := d.po.OrderDrafts(ctx, ids, false)
	if len(again) != 0 || len(skipped) != 4 {
		t.Errorf("lines already on a PO were proposed again: %+v %+v", again, skipped)
	}
	rowsOut, err := d.po.DropshipRows(ctx, numbers[0])
	if err != nil || len(rowsOut) != 1 || rowsOut[0].Recipient != "김민지" || rowsOut[0].ProductOrderNo != "1001" || rowsOut[0].Message != "문 앞" {
		t.Fatalf("dropship rows = %+v %v", rowsOut, err)
	}
	var xb bytes.Buffer
	if err := sheet.WriteDropship(&xb, rowsOut); err != nil {
		t.Fatal(err)
	}
	xf, err := excelize.OpenReader(&xb)
	if err != nil {
		t.Fatal(err)
	}
	got, _ := xf.GetRows("직배송")
	if len(got) != 2 || got[0][0] != "발주번호" || got[1][1] != "1001" || got[1][4] != "04001" || got[1][9] != "2" {
		t.Errorf("sheet = %q", got)
	}
}

func TestPDF(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	drafts, _, _ := d.po.ReorderDrafts(ctx)
	numbers, _ := d.po.Create(ctx, drafts, "결제: 월말 정산")
	var buf bytes.Buffer
	if err := d.po.WritePDF(ctx, numbers[0], &buf); err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) || buf.Len() < 2000 {
		t.Errorf("not a PDF: %d bytes", buf.Len())
	}
	doc, err := d.po.Document(ctx, numbers[0])
	if err != nil || doc.Supplier.Contact != "박도매" || doc.Buyer.BusinessNumber != "220-81-62517" || doc.Notes != "결제: 월말 정산" {
		t.Errorf("document = %+v %v", doc, err)
	}
}

// A purchase order the store failed to read is a fault, not "발주서를 찾을 수 없습니다"; one that does not
// exist is.
func TestGetStoreFailureIsNotNotFound(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	if _, err := d.po.Get(ctx, "PO-20261124-999"); apperr.ErrorCode(err) != apperr.ErrNotFound {
		t.Fatalf("missing PO: %v (code %s), want not found", err, apperr.ErrorCode(err))
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := d.po.Get(cancelled, "PO-20261124-999"); err == nil || apperr.ErrorCode(err) == apperr.ErrNotFound {
		t.Errorf("cancelled read: %v (code %s)", err, apperr.ErrorCode(err))
	}
	if err := d.po.MarkOrdered(cancelled, "PO-20261124-999"); err == nil || apperr.ErrorCode(err) == apperr.ErrNotFound {
		t.Errorf("cancelled move: %v (code %s)", err, apperr.ErrorCode(err))
	}
	d.store.Close()
	if _, err := d.po.Get(ctx, "PO-20261124-999"); err == nil || apperr.ErrorCode(err) == apperr.ErrNotFound {
		t.Errorf("closed store: %v (code %s)", err, apperr.ErrorCode(err))
	}
}

func TestReorderQty(t *testing.T) {
	for _, c := range []struct{ safety, stock, onOrder, want int64 }{
		{0, 0, 0, 5},    // no safety stock set and sold out: a sensible batch, not one piece
		{1, 1, 0, 5},    // one piece of safety: brought to 6
		{5, 2, 0, 8},    // twice the safety stock
		{10, 3, 4, 13},  // what open POs bring counts
		{10, -2, 0, 22}, // oversold: the shortfall too
		{3, 1, 20, 0},   // covered already
	} {
		if got := ReorderQty(c.safety, c.stock, c.onOrder); got != c.want {
			t.Errorf("ReorderQty(safety %d, stock %d, on order %d) = %d, want %d", c.safety, c.stock, c.onOrder, got, c.want)
		}
	}
}

// A dropship purchase order needs somewhere to deliver: an order line without the recipient's address is
// skipped with why, a draft without one is refused, and a stored one without one is not printed.
func TestDropshipNeedsAnAddress(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	f := excelize.NewFile()
	rows := [][]any{
		{"상품주문번호", "주문번호", "구매자명", "수취인명", "주문상태", "상품명", "옵션정보", "옵션관리코드", "판매자 상품코드", "수량", "수취인연락처1", "통합배송지", "우편번호"},
		{"2001", "9101", "김민지", "김민지", "결제완료", "머그컵", "", "", "MUG-01", "1", "010-1111-2222", "", ""},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	var buf bytes.Buffer
	f.WriteTo(&buf)
	if _, err := d.orders.ImportFile(ctx, &buf, "o.xlsx", "", nil); err != nil {
		t.Fatal(err)
	}
	var id int64
	if err := d.store.Read().QueryRow(`SELECT id FROM order_lines WHERE product_order_no = '2001'`).Scan(&id); err != nil {
		t.Fatal(err)
	}
	drafts, skipped, err := d.po.OrderDrafts(ctx, []int64{id}, true)
	if err != nil {
		t.Fatal(err)
	}
	if len(drafts) != 0 || len(skipped) != 1 || !strings.Contains(skipped[0].Reason, "주소가 없는") {
		t.Fatalf("drafts %+v skipped %+v", drafts, skipped)
	}
	bare := []Draft{{SupplierID: 1, SupplierName: "이천 도자기", Dropship: true, Deliver: doc.Contact{Name: "김민지"},
		Lines: []Line{{Name: "머그컵", Qty: 1, UnitCost: 3000}}}}
	if _, err := d.po.Create(ctx, bare, ""); apperr.ErrorCode(err) != apperr.ErrInvalid || !strings.Contains(apperr.Message(err), "주소가 없습니다") {
		t.Errorf("a dropship draft without an address: %v", err)
	}
	// without dropship the same line goes on a PO to our store
	drafts, skipped, _ = d.po.OrderDrafts(ctx, []int64{id}, false)
	if len(drafts) != 1 || len(skipped) != 0 {
		t.Errorf("without dropship: drafts %+v skipped %+v", drafts, skipped)
	}
}
