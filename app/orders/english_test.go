// The external test package, so the desk's translator (package app, which imports orders) can render what
// the orders area returns, as the window and the headless commands do.
package orders_test

import (
	"context"
	"errors"
	"io"
	"log/slog"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode"

	"sellerdesk/app"
	"sellerdesk/app/apperr"
	"sellerdesk/app/catalog"
	"sellerdesk/app/clock"
	"sellerdesk/app/orders"
	"sellerdesk/app/sheet"
	"sellerdesk/data"
)

func hasHangul(s string) bool {
	for _, r := range s {
		if unicode.Is(unicode.Hangul, r) {
			return true
		}
	}
	return false
}

// TestRuleErrorsInEnglish: a move the moves table refuses, and a parcel no order matches, read in English
// in English mode with their values (the order number, the statuses translated inside the sentence), and
// in Korean as before.
func TestRuleErrorsInEnglish(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	c := clock.At(time.Date(2026, 11, 24, 10, 0, 0, 0, time.FixedZone("KST", 9*3600)))
	store, err := data.Open(ctx, filepath.Join(dir, "sellerdesk.db"), data.WithClock(c.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	cat := catalog.New(store, dir, log)
	mug := catalog.Product{Code: "MUG-01", Name: "머그컵 화이트", Price: 9000, Status: catalog.StatusSale,
		TaxType: catalog.Taxable, OptionKind: catalog.OptionsNone, Options: []catalog.Option{{Usable: true, Stock: 3}}}
	if _, err := cat.SaveProduct(ctx, mug, "test"); err != nil {
		t.Fatal(err)
	}
	var optionID int64
	if err := store.Read().QueryRow(`SELECT o.id FROM product_options o JOIN products p ON p.id = o.product_id WHERE p.code = 'MUG-01'`).Scan(&optionID); err != nil {
		t.Fatal(err)
	}
	svc := orders.New(store, log)
	// not paid: the line waits for payment, and nothing may move it straight to 구매확정
	if _, err := svc.CreateManual(ctx, orders.ManualOrder{BuyerName: "최유나", BuyerPhone: "01055556666",
		PaymentMethod: "계좌이체", Lines: []orders.ManualLine{{OptionID: optionID, Qty: 1}}}); err != nil {
		t.Fatal(err)
	}
	lines, err := data.ListOrderLines(ctx, store.Read(), data.OrderLineQuery{Limit: 10})
	if err != nil || len(lines) != 1 {
		t.Fatalf("lines = %d, %v", len(lines), err)
	}
	no := lines[0].ProductOrderNo
	en, ko := app.TranslatorFor(app.English), app.TranslatorFor(app.Korean)

	err = store.Write(ctx, func(tx *data.Tx) error {
		return orders.MoveLineTx(ctx, tx, lines[0].LineID, orders.StatusDecided, "", "test")
	})
	if app.ErrorCode(err) != app.ErrConflict {
		t.Fatalf("illegal move: %v (code %s), want a conflict", err, app.ErrorCode(err))
	}
	got := app.Text(err, en)
	want := "Order " + no + " is Awaiting payment, so it cannot be changed to Purchase confirmed"
	if got != want {
		t.Errorf("English = %q, want %q", got, want)
	}
	if got, want := app.Text(err, ko), "주문 "+no+"은(는) 결제대기 상태라 구매확정(으)로 바꿀 수 없습니다"; got != want {
		t.Errorf("Korean = %q, want %q", got, want)
	}

	// a parcel whose recipient has no order waiting to ship is reported, in the seller's language
	matches, err := svc.MatchTracking(ctx, []sheet.CourierRow{{Name: "없는사람", Phone: "01000000000", TrackingNo: "123"}})
	if err != nil || len(matches) != 1 {
		t.Fatalf("matches = %v, %v", matches, err)
	}
	m := matches[0]
	if got := m.Why.Text(en); got == "" || hasHangul(got) {
		t.Errorf("tracking problem in English = %q", got)
	}
	if m.Problem != m.Why.Text(apperr.Korean) || !strings.Contains(m.Problem, "발송 대기 주문 없음") {
		t.Errorf("Problem = %q, Why in Korean = %q", m.Problem, m.Why.Text(apperr.Korean))
	}
}

// TestManualLineMessagesInEnglish: a manual order with bad lines reports each at the lines field in English
// in English mode, with the line number, and in Korean as before; nothing is read or written for it.
func TestManualLineMessagesInEnglish(t *testing.T) {
	en, ko := app.TranslatorFor(app.English), app.TranslatorFor(app.Korean)
	svc := &orders.Service{}
	_, err := svc.CreateManual(context.Background(), orders.ManualOrder{BuyerName: "최유나", BuyerPhone: "01055556666",
		PaymentMethod: "계좌이체", Address: "서울 종로구 1",
		Lines: []orders.ManualLine{{OptionID: 1, Qty: 1}, {OptionID: 1, Qty: 0}, {OptionID: 1, Qty: 1, UnitPrice: 2e9}}})
	if app.ErrorCode(err) != app.ErrInvalid {
		t.Fatalf("bad lines: %v, want an invalid input", err)
	}
	got := apperr.FieldText(err, "lines", en)
	want := "The quantity of product 2 must be 1 or more. The unit price of product 3 must be 1,000,000,000 won or less."
	if got != want || hasHangul(got) {
		t.Errorf("lines in English: %q, want %q", got, want)
	}
	if text := apperr.Text(err, en); !strings.Contains(text, "product 2") || hasHangul(text) {
		t.Errorf("whole error in English: %q", text)
	}
	wantKo := "2번 상품의 수량은 1 이상이어야 합니다. 3번 상품의 단가는 1,000,000,000원 이하여야 합니다."
	if got := apperr.FieldText(err, "lines", ko); got != wantKo {
		t.Errorf("lines in Korean: %q, want %q", got, wantKo)
	}
	var ae *apperr.Error
	if errors.As(err, &ae); ae == nil || ae.Fields["lines"] != wantKo {
		t.Errorf("Korean field for the log: %+v", ae)
	}
}

// TestActionSummaryAndStatusInEnglish: an action's summary and an unknown order status read in English in
// English mode, with their values, and in Korean as before.
func TestActionSummaryAndStatusInEnglish(t *testing.T) {
	en := app.TranslatorFor(app.English)
	res := orders.ActionResult{Done: 3, Refused: []orders.Refusal{{ProductOrderNo: "P1"}}}
	if got, want := res.SummaryMsg(orders.ActionInvoice).Text(en), "Enter tracking: 3 done, 1 could not be processed."; got != want {
		t.Errorf("summary in English: %q, want %q", got, want)
	}
	if got, want := res.Summary(orders.ActionInvoice), "송장 입력: 3건 처리, 1건은 처리하지 못했습니다."; got != want {
		t.Errorf("summary in Korean: %q, want %q", got, want)
	}
	if got, want := (orders.ActionResult{Done: 2}).Summary(orders.ActionShip), "발송처리: 2건 처리."; got != want {
		t.Errorf("summary in Korean: %q, want %q", got, want)
	}
	_, _, err := orders.ParseSmartStoreStatus("이상한상태", "")
	if got, want := apperr.Text(err, en), "Unknown order status '이상한상태'"; got != want {
		t.Errorf("status in English: %q, want %q", got, want)
	}
	if got, want := err.Error(), "주문상태 '이상한상태'을(를) 알 수 없습니다"; got != want {
		t.Errorf("status in Korean: %q, want %q", got, want)
	}
}
