package views

import (
	"context"
	"testing"
	"time"

	"fyne.io/fyne/v2"

	"sellerdesk/app/catalog"
	"sellerdesk/app/clock"
	"sellerdesk/app/orders"
)

// salesShell is a shell whose store sold a mug (10,000원 a piece, cost 4,000원) on 2 October, 3 November and
// today, 24 November 2026.
func salesShell(t *testing.T) (*shell, fyne.Window) {
	t.Helper()
	kst := time.FixedZone("KST", 9*60*60)
	c := clock.At(time.Date(2026, 10, 2, 11, 0, 0, 0, kst))
	sh, w := openShellAt(t, c)
	ctx := context.Background()
	d := sh.desk
	mug, err := d.Catalog.SaveProduct(ctx, catalog.Product{Code: "MUG", Name: "머그컵", Price: 10000, Cost: 4000, Status: catalog.StatusSale,
		TaxType: catalog.Taxable, OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 100}}}, "test")
	if err != nil {
		t.Fatal(err)
	}
	order := func(buyer string, qty int64) {
		t.Helper()
		if _, err := d.Orders.CreateManual(ctx, orders.ManualOrder{BuyerName: buyer, BuyerPhone: "010-1234-5678",
			PaymentMethod: "현금", Channel: "매장 판매", Paid: true,
			Lines: []orders.ManualLine{{OptionID: mug.Options[0].ID, Qty: qty}}}); err != nil {
			t.Fatal(err)
		}
	}
	order("김민지", 1)
	c.Set(time.Date(2026, 11, 3, 15, 0, 0, 0, kst))
	order("이준", 2)
	c.Set(time.Date(2026, 11, 24, 10, 0, 0, 0, kst))
	order("김민지", 3)
	return sh, w
}

func openSales(t *testing.T, sh *shell, w fyne.Window) *salesScreen {
	t.Helper()
	tapText(t, w.Canvas(), "매출")
	sh.waitJobs()
	s, ok := sh.screens[sh.current].(*salesScreen)
	if !ok {
		t.Fatalf("매출 opened %T", sh.screens[sh.current])
	}
	return s
}

func TestSalesScreenPeriods(t *testing.T) {
	sh, w := salesShell(t)
	s := openSales(t, sh, w)
	c := w.Canvas()
	// 이번 달 (1–24 November): 5 mugs, 50,000원, against October up to the 24th: 10,000원
	for _, want := range []string{"50,000원", "이전 기간 대비 +400.0%", "2건", "25,000원", "2명", "신규 1명 · 재구매 1명", "30,000원",
		"이익률 60.0% · 원가 없는 결제금액 0%", "2026.11.01 – 2026.11.24"} {
		if !hasLabel(c, want) {
			t.Errorf("이번 달 lacks %q: %v", want, visibleTexts(c))
		}
	}
	if got := s.trend.Labels(); len(got) != 24 || got[0] != "11월 1일" || got[23] != "11월 24일" {
		t.Errorf("trend labels %v", got)
	}
	// 오늘: 3 mugs; yesterday had nothing
	s.preset.SetSelectedIndex(0)
	sh.waitJobs()
	for _, want := range []string{"30,000원", "이전 기간 매출 없음", "1건", "2026.11.24"} {
		if !hasLabel(c, want) {
			t.Errorf("오늘 lacks %q: %v", want, visibleTexts(c))
		}
	}
	// 어제: nothing; the trend says so instead of drawing an empty box
	s.preset.SetSelectedIndex(1)
	sh.waitJobs()
	if !hasLabel(c, "0원") || !s.trend.IsEmpty() {
		t.Errorf("어제: %v", visibleTexts(c))
	}
	// 직접: 1 October – 24 November, against the same days a year before
	s.preset.SetSelectedIndex(7)
	s.from.SetText("2026-10-01")
	s.to.SetText("2026-11-24")
	button(t, c, "조회").OnTapped()
	sh.waitJobs()
	if !hasLabel(c, "60,000원") || !hasLabel(c, "3건") {
		t.Errorf("직접: %v", visibleTexts(c))
	}
	s.compare.SetSelectedIndex(1)
	sh.waitJobs()
	if !hasLabel(c, "이전 기간 매출 없음") {
		t.Errorf("vs last year: %v", visibleTexts(c))
	}
	// an end before the start is said, not loaded
	s.from.SetText("2026-11-30")
	button(t, c, "조회").OnTapped()
	if !hasLabel(c, "끝 날짜가 시작 날짜보다 앞입니다.") {
		t.Errorf("bad range: %v", visibleTexts(c))
	}
}

func TestSalesTabsAndOpenOrders(t *testing.T) {
	sh, w := salesShell(t)
	s := openSales(t, sh, w)
	// the 상품 tab: one product, 50,000원, its profit; sorting by a column keeps the total last
	for i, by := range []string{"일별", "주별", "월별", "결제수단", "구매자", "상품"} {
		if s.tabs.Items[i].Text != by {
			t.Fatalf("tab %d is %q, want %q", i, s.tabs.Items[i].Text, by)
		}
	}
	s.tabs.SelectIndex(5)
	sh.waitJobs()
	tab := s.tabViews["product"]
	if len(tab.rows) != 1 || tab.rows[0].Label != "머그컵" || tab.rows[0].Gross != 50000 {
		t.Fatalf("상품 rows %+v", tab.rows)
	}
	if tab.chart.IsEmpty() {
		t.Error("상품 chart is empty")
	}
	tab.onSort(3)
	if tab.sortCol != 3 || !tab.sortDesc {
		t.Errorf("sort state %d %v", tab.sortCol, tab.sortDesc)
	}
	// 구매자: names masked, 김민지 first (4 mugs)
	s.tabs.SelectIndex(4)
	sh.waitJobs()
	if b := s.tabViews["buyer"]; len(b.rows) != 2 || b.rows[0].Label != "김*지 (****-5678)" {
		t.Errorf("buyers %+v", b.rows)
	}
	// a product row opens 주문 searched by its name over the period
	tab.open(tab.rows[0])
	sh.waitJobs()
	o, ok := sh.screens[sh.current].(*ordersScreen)
	if !ok {
		t.Fatalf("opened %T", sh.screens[sh.current])
	}
	if o.search.Text != "머그컵" || o.from.Text != "2026-11-01" || o.to.Text != "2026-11-24" {
		t.Errorf("orders filtered by %q %s–%s", o.search.Text, o.from.Text, o.to.Text)
	}
}

func init() {
	// the 매출 screen itself is in the gallery as an area; its other states are added here
	for i, name := range []string{"매출-구매자", "매출-상품", "매출-카테고리", "매출-판매채널", "매출-요일시간"} {
		tab := []int{4, 5, 7, 8, 10}[i]
		registerGallery(name, func(t *testing.T, sh *shell) {
			s := galleryScreen[*salesScreen](t, sh, "매출")
			s.preset.SetSelectedIndex(6) // 최근 12개월
			sh.waitJobs()
			s.tabs.SelectIndex(tab)
			sh.waitJobs()
			s.trend.HoverAt(fyne.NewPos(s.trend.Size().Width*0.8, s.trend.Size().Height/2))
		})
	}
}
