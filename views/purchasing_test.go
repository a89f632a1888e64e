package views

import (
	"context"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app"
	"sellerdesk/app/catalog"
)

func TestPurchaseOrderFlow(t *testing.T) {
	sh, s := openArea[*poScreen](t, "발주")
	c := sh.win.Canvas()
	ctx := context.Background()
	sup, err := sh.desk.Catalog.SaveSupplier(ctx, catalog.Supplier{Name: "동대문 의류", LeadTimeDays: 2})
	if err != nil {
		t.Fatal(err)
	}
	p := catalog.Product{Code: "TEE", Name: "오버핏 티셔츠", Price: 19800, Cost: 7000, Status: catalog.StatusSale,
		TaxType: catalog.Taxable, SupplierID: sup.ID, OptionKind: catalog.OptionsNone,
		Options: []catalog.Option{{Usable: true, Stock: 1, SafetyStock: 5}}}
	if _, err := sh.desk.Catalog.SaveProduct(ctx, p, "test"); err != nil {
		t.Fatal(err)
	}
	if _, err := sh.desk.SaveProfile(ctx, app.StoreProfile{Name: "하루공방", Owner: "김하루", BusinessNo: "220-81-62517",
		Address: "서울 마포구 월드컵북로 396", Phone: "02-332-1234", Email: "a@b.kr"}); err != nil {
		t.Fatal(err)
	}
	s.refresh()
	sh.waitJobs()
	if !hasLabel(c, "발주서 0장") {
		t.Fatalf("labels: %v", visibleTexts(c))
	}
	test.Tap(button(t, c, "재고부족 상품 발주서 만들기"))
	sh.waitJobs()
	var qty *widget.Entry
	for _, o := range everything(c) {
		if e, ok := entryOf(o); ok && e.Text == "9" {
			qty = e
		}
	}
	if !hasLabel(c, "오버핏 티셔츠") || qty == nil {
		t.Fatalf("proposal lacks the item and its quantity (2×5 − 1) in an input: %v", visibleTexts(c))
	}
	if !hasLabel(c, "발주서 1장 · 품목 1개 · 공급가액 63,000원") {
		t.Errorf("no total before 만들기: %v", visibleTexts(c))
	}
	test.Tap(button(t, c, "만들기"))
	sh.waitJobs()
	// one purchase order opens at once
	if s.detail == nil || !hasLabel(c, "작성") || !containsLabel(c, "PO-") || !hasLabel(c, "63,000원") {
		t.Fatalf("after 만들기: %v", visibleTexts(c))
	}
	test.Tap(button(t, c, "발주서 목록"))
	sh.waitJobs()
	if !hasLabel(c, "발주서 1장") {
		t.Fatalf("list: %v", visibleTexts(c))
	}
	s.table.Select(widget.TableCellID{Row: 0, Col: 0})
	sh.waitJobs()
	if s.detail == nil {
		t.Fatal("tapping a PO did not open it")
	}
	test.Tap(button(t, c, "발주완료"))
	sh.waitJobs()
	if !hasLabel(c, "발주완료") {
		t.Fatalf("after 발주완료: %v", visibleTexts(c))
	}
	test.Tap(button(t, c, "입고 처리…"))
	sh.waitJobs() // the option's stock
	if !hasLabel(c, "남은 9개 · 재고 1개 → 입고 후 10개") {
		t.Fatalf("receive dialog: %v", visibleTexts(c))
	}
	test.Tap(button(t, c, "입고"))
	if before, _ := sh.desk.Catalog.ProductByCode(ctx, "TEE"); before.Options[0].Stock == 10 || hasLabel(c, "입고완료") {
		t.Fatal("the receipt reached the store on the UI goroutine, before the queued write ran")
	}
	sh.waitJobs()
	if !hasLabel(c, "입고완료") {
		t.Errorf("after 입고: %v", visibleTexts(c))
	}
	got, _ := sh.desk.Catalog.ProductByCode(ctx, "TEE")
	if got.Options[0].Stock != 10 {
		t.Errorf("stock after receiving = %d, want 10", got.Options[0].Stock)
	}
}

// The proposed quantity is the seller's to change: the total follows it before 만들기, and the purchase
// order is made with it.
func TestDraftQuantityEditable(t *testing.T) {
	sh, s := openArea[*poScreen](t, "발주")
	c := sh.win.Canvas()
	ctx := context.Background()
	sup, err := sh.desk.Catalog.SaveSupplier(ctx, catalog.Supplier{Name: "이천 도자기"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range []catalog.Product{
		{Code: "MUG", Name: "머그컵", Cost: 3000, Options: []catalog.Option{{Usable: true, Stock: 0, SafetyStock: 0}}},
		{Code: "PLATE", Name: "접시", Cost: 5000, Options: []catalog.Option{{Usable: true, Stock: 1, SafetyStock: 2}}},
	} {
		p.Price, p.Status, p.TaxType, p.SupplierID, p.OptionKind = 9000, catalog.StatusSale, catalog.Taxable, sup.ID, catalog.OptionsNone
		if _, err := sh.desk.Catalog.SaveProduct(ctx, p, "test"); err != nil {
			t.Fatal(err)
		}
	}
	s.refresh()
	sh.waitJobs()
	test.Tap(button(t, c, "재고부족 상품 발주서 만들기"))
	sh.waitJobs()
	entries := map[string]*widget.Entry{}
	for _, o := range everything(c) {
		if e, ok := entryOf(o); ok && !e.MultiLine {
			entries[e.Text] = e
		}
	}
	// 머그컵 sold out with no safety stock: 5, not 1; 접시 (safety 2, 1 in stock): 7 − 1 = 6
	mug, plate := entries["5"], entries["6"]
	if mug == nil || plate == nil {
		t.Fatalf("proposed quantities %v, want 5 and 6", entries)
	}
	mug.SetText("12")
	plate.SetText("0")
	if !hasLabel(c, "발주서 1장 · 품목 1개 · 공급가액 36,000원") {
		t.Fatalf("the total does not follow the quantities: %v", visibleTexts(c))
	}
	test.Tap(button(t, c, "만들기"))
	sh.waitJobs()
	if s.detail == nil || !hasLabel(c, "36,000원") {
		t.Fatalf("after 만들기: %v", visibleTexts(c))
	}
}
