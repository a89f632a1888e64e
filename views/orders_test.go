package views

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	"github.com/xuri/excelize/v2"

	"sellerdesk/app/catalog"
	"sellerdesk/app/orders"
	"sellerdesk/app/overseas"
)

// writeOrders writes a Smart Store order export (notice row, header, lines) to dir and returns its path.
func writeOrders(t *testing.T, dir, password string) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"※ 상품주문번호, 택배사 정보는 개인정보이므로 주의하세요."},
		{"상품주문번호", "주문번호", "구매자명", "수취인명", "주문상태", "주문세부상태", "상품명", "옵션정보", "수량",
			"최종 상품별 총 주문금액", "결제수단", "수취인연락처1", "통합배송지", "주문일시"},
		{"2026112210000001", "2026112299990001", "김민지", "김민지", "결제완료", "신규주문", "오버핏 반팔 티셔츠", "블랙 / M", "2",
			"39,600", "신용카드", "010-1234-5678", "서울 마포구 월드컵로 1", "2026-11-22 14:05:31"},
		{"2026112210000002", "2026112299990002", "박서준", "이하늘", "결제완료", "신규주문", "린넨 셔츠", "", "1",
			"29,000", "네이버페이 포인트", "010-2222-3333", "부산 해운대구 1", "2026-11-21 10:00:00"},
		{"2026112210000003", "2026112299990003", "최유나", "최유나", "배송완료", "", "머그컵", "", "1",
			"9,000", "신용카드", "010-4444-5555", "대전 서구 1", "2026-11-20 10:00:00"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "스마트스토어_주문.xlsx")
	if err := f.SaveAs(path, excelize.Options{Password: password}); err != nil {
		t.Fatal(err)
	}
	return path
}

// openOrders opens 주문 and waits for its first rows.
func openOrders(t *testing.T) (*shell, *ordersScreen) {
	sh, s := openArea[*ordersScreen](t, "주문")
	sh.waitJobs()
	return sh, s
}

func containsLabel(c fyne.Canvas, part string) bool {
	for _, s := range visibleTexts(c) {
		if strings.Contains(s, part) {
			return true
		}
	}
	return false
}

func TestOrdersImportSearchAndAction(t *testing.T) {
	sh, s := openOrders(t)
	c := sh.win.Canvas()
	if !hasLabel(c, "주문 0건") {
		t.Fatalf("empty book: %v", visibleTexts(c))
	}

	// an encrypted export asks for the password; the right one imports and the result is shown
	path := writeOrders(t, t.TempDir(), "2580")
	s.importFile(path, "")
	sh.waitJobs()
	if !containsLabel(c, "암호가 걸린 엑셀 파일입니다") {
		t.Fatalf("no password prompt: %v", visibleTexts(c))
	}
	var pw *widget.Entry
	for _, o := range everything(c) {
		if e, ok := entryOf(o); ok && e.Password {
			pw = e
		}
	}
	if pw == nil {
		t.Fatal("no password entry")
	}
	test.Type(pw, "2580")
	test.Tap(button(t, c, "열기"))
	sh.waitJobs()
	if !hasLabel(c, "새 주문 3건, 변경 0건, 그대로 0건, 실패 0건") {
		t.Fatalf("no result: %v", visibleTexts(c))
	}
	test.Tap(button(t, c, "닫기"))
	sh.waitJobs()
	if !hasLabel(c, "주문 3건") {
		t.Fatalf("list after import: %v", visibleTexts(c))
	}
	// lists mask phones
	if !hasLabel(c, "010-****-5678") || containsLabel(c, "010-1234-5678") {
		t.Errorf("phones not masked: %v", visibleTexts(c))
	}

	// the one box finds by Hangul name part, by the last four digits of a phone, by order number
	for search, want := range map[string]string{"하늘": "린넨 셔츠", "5555": "머그컵", "2026112299990001": "오버핏 반팔 티셔츠 / 블랙 / M"} {
		test.Type(s.search, search)
		sh.waitJobs()
		if !hasLabel(c, "주문 1건") || !hasLabel(c, want) {
			t.Errorf("search %q: %v", search, visibleTexts(c))
		}
		s.search.SetText("")
		sh.waitJobs()
	}
	sh.win.Canvas().Unfocus()
	typeShortcut(t, c, &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault})
	if c.Focused() != s.search {
		t.Error("Ctrl+F did not focus the order search")
	}

	// the status filter shows the new orders; select both and confirm them (발주확인)
	s.status.SetSelected("신규주문")
	sh.waitJobs()
	if !hasLabel(c, "주문 2건") {
		t.Fatalf("신규주문 filter: %v", visibleTexts(c))
	}
	for row := 0; row < 2; row++ {
		s.table.Select(widget.TableCellID{Row: row, Col: ocSelect})
	}
	if !hasLabel(c, "2건 선택") {
		t.Fatalf("selection: %v", visibleTexts(c))
	}
	test.Tap(button(t, c, "발주확인"))
	// the move waits behind its progress dialog, off the UI goroutine: nothing is written until it runs
	if !hasLabel(c, "주문 2건을 처리하는 중입니다…") {
		t.Errorf("no progress while the move runs: %v", visibleTexts(c))
	}
	if n, _ := s.svc.Count(context.Background(), orders.Query{Status: orders.FilterConfirmed}); n != 0 {
		t.Errorf("발주확인 was written on the UI goroutine: %d confirmed", n)
	}
	sh.waitJobs()
	if hasLabel(c, "주문 2건을 처리하는 중입니다…") {
		t.Errorf("the progress dialog stayed open: %v", visibleTexts(c))
	}
	if !hasLabel(c, "주문 0건") {
		t.Errorf("after 발주확인 the 신규주문 filter still lists: %v", visibleTexts(c))
	}
	s.status.SetSelected("발주확인")
	sh.waitJobs()
	if !hasLabel(c, "주문 2건") {
		t.Errorf("발주확인 filter: %v", visibleTexts(c))
	}

	// a move that is not allowed is refused with the reason: 배송완료 of a line not yet shipped
	s.table.Select(widget.TableCellID{Row: 0, Col: ocSelect})
	test.Tap(button(t, c, "배송완료"))
	sh.waitJobs()
	if !containsLabel(c, "배송중인 주문만 배송완료할 수 있습니다") {
		t.Errorf("no refusal reason: %v", visibleTexts(c))
	}
	got, _ := s.svc.Find(context.Background(), orders.Query{Status: orders.FilterConfirmed})
	if len(got) != 2 {
		t.Errorf("refused move changed lines: %+v", got)
	}
}

func TestOrderDetailShowsEverythingAndActs(t *testing.T) {
	sh, s := openOrders(t)
	c := sh.win.Canvas()
	path := writeOrders(t, t.TempDir(), "")
	f, _ := os.Open(path)
	defer f.Close()
	if _, err := s.svc.ImportFile(context.Background(), f, path, "", nil); err != nil {
		t.Fatal(err)
	}
	s.refresh()
	test.Type(s.search, "김민지")
	sh.waitJobs()
	s.table.Select(widget.TableCellID{Row: 0, Col: ocProduct})
	sh.waitJobs() // the order opens once it is read
	if s.detail == nil {
		t.Fatal("tapping a line did not open the order")
	}
	for _, want := range []string{"주문번호 2026112299990001", "010-1234-5678", "서울 마포구 월드컵로 1", "신규주문", "신용카드"} {
		if !containsLabel(c, want) {
			t.Errorf("detail lacks %q: %v", want, visibleTexts(c))
		}
	}
	if !containsLabel(c, "상품과 연결되지 않아") {
		t.Errorf("unlinked line not flagged: %v", visibleTexts(c))
	}
	test.Tap(button(t, c, "발주확인"))
	sh.waitJobs()
	if !containsLabel(c, "발주확인") || button(t, c, "송장 입력") == nil {
		t.Errorf("after 발주확인: %v", visibleTexts(c))
	}
	test.Tap(button(t, c, "주문 목록"))
	sh.waitJobs()
	if s.detail != nil {
		t.Error("back did not return to the list")
	}
}

func TestManualOrderForm(t *testing.T) {
	sh, s := openOrders(t)
	c := sh.win.Canvas()
	ctx := context.Background()
	p := catalog.Product{Code: "MUG", Name: "머그컵 화이트", Price: 9000, Status: catalog.StatusSale, TaxType: catalog.Taxable,
		OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 5}}}
	if _, err := sh.desk.Catalog.SaveProduct(ctx, p, "test"); err != nil {
		t.Fatal(err)
	}
	typeShortcut(t, c, &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault})
	if !hasLabel(c, "주문 상품") {
		t.Fatalf("Ctrl+N did not open the manual order form: %v", visibleTexts(c))
	}
	entry := func(placeholder string) *widget.Entry {
		for _, o := range everything(c) {
			if e, ok := entryOf(o); ok && e.PlaceHolder == placeholder {
				return e
			}
		}
		t.Fatalf("no entry %q", placeholder)
		return nil
	}
	// saving with nothing typed shows the problems at their fields and keeps the form open
	test.Tap(button(t, c, "주문 등록"))
	sh.waitJobs()
	if !hasLabel(c, "주문자 이름을 입력하세요.") || !hasLabel(c, "주문할 상품을 하나 이상 추가하세요.") {
		t.Fatalf("no field errors: %v", visibleTexts(c))
	}
	test.Type(entry("이름"), "한지민")
	test.Type(entry("예: 010-1234-5678"), "010-7777-8888")
	// the finder asks the store off the UI goroutine: typing shows a quiet loading state, not a wait
	form := s.manual
	asked := 0
	page := form.found.Page
	form.found.Page = func(ctx context.Context, q string, offset, limit, total int) ([]manualChoice, error) {
		asked++
		return page(ctx, q, offset, limit, total)
	}
	test.Type(entry("상품명 또는 상품코드로 찾기"), "머그")
	if asked != 0 || !hasLabel(c, "불러오는 중…") {
		t.Fatalf("typing waited for the store (%d queries) or shows no loading state: %v", asked, visibleTexts(c))
	}
	test.Tap(button(t, c, "추가"))
	if !hasLabel(c, "추가할 상품을 고르세요.") || len(form.lines) != 0 {
		t.Errorf("추가 before the answer: %d lines; %v", len(form.lines), visibleTexts(c))
	}
	sh.waitJobs()
	if want := "머그컵 화이트 · 9,000원 · 재고 5"; hasLabel(c, "불러오는 중…") || form.pick.Selected != want {
		t.Fatalf("the finder shows %q, want %q; %v", form.pick.Selected, want, visibleTexts(c))
	}
	test.Tap(button(t, c, "추가"))
	if !containsLabel(c, "머그컵 화이트") {
		t.Fatalf("line not added: %v", visibleTexts(c))
	}
	test.Tap(button(t, c, "주문 등록"))
	sh.waitJobs()
	if !hasLabel(c, "주문 1건") || !hasLabel(c, "한지민") {
		t.Fatalf("order not listed: %v", visibleTexts(c))
	}
	got, _ := sh.desk.Catalog.ProductByCode(ctx, "MUG")
	if got.Options[0].Stock != 4 {
		t.Errorf("stock = %d, want 4", got.Options[0].Stock)
	}
}

func TestTrackingFilePreview(t *testing.T) {
	sh, s := openOrders(t)
	c := sh.win.Canvas()
	dir := t.TempDir()
	path := writeOrders(t, dir, "")
	f, _ := os.Open(path)
	if _, err := s.svc.ImportFile(context.Background(), f, path, "", nil); err != nil {
		t.Fatal(err)
	}
	f.Close()
	s.refresh()
	sh.waitJobs()
	courier := filepath.Join(dir, "택배.csv")
	os.WriteFile(courier, []byte("받는분,받는분전화번호,운송장번호\n김민지,010-1234-5678,612345678901\n없는사람,010-0000-0000,612345678902\n"), 0o600)
	s.readTrackingFile(courier, "")
	sh.waitJobs()
	if !containsLabel(c, "2건 중 1건을 주문과 맞췄습니다") || !hasLabel(c, "2026112299990001") {
		t.Fatalf("preview: %v", visibleTexts(c))
	}
	test.Tap(button(t, c, "1건 입력"))
	if got, _ := s.svc.Find(context.Background(), orders.Query{Search: "612345678901"}); len(got) != 0 {
		t.Fatal("the tracking numbers were written on the UI goroutine, before the queued job ran")
	}
	if !hasLabel(c, "송장 1건을 입력하는 중입니다…") {
		t.Errorf("no progress dialog while entering: %v", visibleTexts(c))
	}
	sh.waitJobs()
	got, _ := s.svc.Find(context.Background(), orders.Query{Search: "612345678901"})
	if len(got) != 1 || got[0].Courier != "CJ대한통운" {
		t.Errorf("after applying: %+v", got)
	}
}

func TestOverseasShipmentForm(t *testing.T) {
	sh, s := openOrders(t)
	c := sh.win.Canvas()
	ctx := context.Background()
	p := catalog.Product{Code: "SCARF", Name: "울 머플러", Price: 28000, WeightGrams: 180, HSCode: "6117.10", Status: catalog.StatusSale,
		TaxType: catalog.Taxable, OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 5}}}
	saved, err := sh.desk.Catalog.SaveProduct(ctx, p, "test")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.svc.CreateManual(ctx, orders.ManualOrder{BuyerName: "Jane Smith", BuyerPhone: "010-1234-5678", PaymentMethod: "PayPal",
		Paid: true, Lines: []orders.ManualLine{{OptionID: saved.Options[0].ID, Qty: 2}}}); err != nil {
		t.Fatal(err)
	}
	s.refresh()
	sh.waitJobs()
	s.table.Select(widget.TableCellID{Row: 0, Col: ocProduct})
	sh.waitJobs() // the order opens once it is read
	test.Tap(button(t, c, "해외배송…"))
	sh.waitJobs() // the form opens once the draft and the countries are read
	if !hasLabel(c, "세관 신고 품목") {
		t.Fatalf("no overseas form: %v", visibleTexts(c))
	}
	form := s.detail.overseas
	// the quote is asked off the UI goroutine: choosing shows a quiet loading state, then the fee
	asked := 0
	page := form.quotes.Page
	form.quotes.Page = func(ctx context.Context, q quoteQuery, offset, limit, total int) ([]overseas.Quote, error) {
		asked++
		return page(ctx, q, offset, limit, total)
	}
	for _, o := range everything(c) {
		if sel, ok := o.(*widget.Select); ok && len(sel.Options) > 10 {
			sel.SetSelected("미국 (United States)")
		}
	}
	if asked != 0 || form.quote.Text != "불러오는 중…" {
		t.Fatalf("choosing the country waited for the store (%d quotes) or shows %q", asked, form.quote.Text)
	}
	sh.waitJobs()
	if !containsLabel(c, "요금표 34,000원 (4지역, 0.5 kg 이하)") {
		t.Errorf("quote for 460 g to the US: %v", visibleTexts(c))
	}
	// the seller types a weight and changes it again before the first quote is read: the last one shows
	weight := form.entries["weight"]
	weight.SetText("1800")
	weight.SetText("460")
	sh.waitJobs()
	if asked != 3 || !containsLabel(c, "요금표 34,000원 (4지역, 0.5 kg 이하)") || containsLabel(c, "2 kg 이하") {
		t.Errorf("after typing 1800 then 460 (%d quotes): %v", asked, visibleTexts(c))
	}
	set := func(placeholder, text string) {
		for _, o := range everything(c) {
			if e, ok := entryOf(o); ok && e.PlaceHolder == placeholder {
				e.SetText(text)
				return
			}
		}
		t.Fatalf("no entry %q", placeholder)
	}
	// the customs items lie on one row each: description, HS 코드, 수량, 순중량, 가격, 원산지 side by side
	var row []fyne.CanvasObject
	for _, ph := range []string{"예: Wool knit scarf", "예: 6117.10", "예: 1", "예: 180", "예: 20.00", "예: KR"} {
		for _, o := range everything(c) {
			if e, ok := entryOf(o); ok && e.PlaceHolder == ph {
				row = append(row, o)
				break
			}
		}
	}
	if len(row) != 6 {
		t.Fatalf("found %d of the 6 item fields", len(row))
	}
	drv := fyne.CurrentApp().Driver()
	for i, e := range row[1:] {
		prev, at := drv.AbsolutePositionForObject(row[i]), drv.AbsolutePositionForObject(e)
		if at.Y != prev.Y || at.X <= prev.X || e.Size().Width < 60 {
			t.Errorf("item field %d at %v, %.0f px wide, after the one at %v: not one row", i+2, at, e.Size().Width, prev)
		}
	}
	set("예: 55 Main St Apt 4", "12 Oak Ave")
	set("예: Springfield", "Austin")
	set("예: +1 217-555-0100", "+1 512-555-0100")
	for _, o := range everything(c) {
		if l, ok := o.(*widget.Label); ok && l.Text == "개인통관고유부호" {
			t.Error("the outbound form asks for 개인통관고유부호, Korea's import code")
		}
	}
	test.Tap(button(t, c, "저장"))
	sh.waitJobs()
	// the store has no English sender yet: the form asks for it, and keeps what was typed meanwhile
	if !containsLabel(c, "품목 설명을 영문으로") || !containsLabel(c, "보내는 주소를 영문으로") {
		t.Fatalf("no item and sender errors: %v", visibleTexts(c))
	}
	if form.entries["city"].Text != "Austin" {
		t.Errorf("the refused form lost the city typed: %q", form.entries["city"].Text)
	}
	set("예: Wool knit scarf", "Wool scarf")
	set("예: Hong Gildong", "Haru Studio")
	set("예: 12 Sejong-daero, Jung-gu", "396 World Cup-buk-ro, Mapo-gu")
	set("예: Seoul", "Seoul")
	set("예: 04524", "03925")
	set("예: +82 10-1234-5678", "+82 2-332-1234")
	test.Tap(button(t, c, "저장"))
	sh.waitJobs()
	if !containsLabel(c, "Jane Smith, 12 Oak Ave, Austin") || !button(t, c, "세관신고서 PDF").Visible() {
		t.Fatalf("detail after saving: %v", visibleTexts(c))
	}
	if snd, _ := sh.desk.Abroad.Sender(ctx); snd.Postcode != "03925" || snd.City != "Seoul" {
		t.Errorf("the sender asked for was not stored: %+v", snd)
	}
	got, _ := s.svc.Find(ctx, orders.Query{Scope: orders.ScopeOverseas})
	if len(got) != 1 {
		t.Errorf("overseas filter finds %d", len(got))
	}
}
