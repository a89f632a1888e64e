package views

import (
	"context"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/format"
	"sellerdesk/app/returns"
	"sellerdesk/views/widgets"
)

// refundDialog is "환불하고 완료": what the service will refund, worked out from the returned lines, the
// coupons' share and (buyer at fault) the return shipping, shown before the seller confirms; another amount
// typed in shows at once as what will be refunded instead, with the reason asked in the memo.
type refundDialog struct {
	s      *returnsScreen
	d      returnDetail
	policy returns.Policy

	computed int64 // what the service reckons
	items    int64 // the items' price less their coupons
	fee      int64 // the return shipping the buyer pays (0 at the seller's fault)

	amount *widgets.Entry
	note   *widgets.Entry
	form   *screenForm
}

// refundItems are the returned quantities of d's lines with what each line cost.
func refundItems(d returnDetail) []returns.RefundItem {
	var items []returns.RefundItem
	for _, rl := range d.r.Lines {
		for _, ol := range d.order.Lines {
			if ol.ID == rl.OrderLineID {
				items = append(items, returns.RefundItem{Qty: rl.Qty, LineQty: ol.Qty, UnitPrice: ol.UnitPrice + ol.OptionPrice, LineDiscount: ol.Discount})
			}
		}
	}
	return items
}

// showRefund reads the policy off the UI goroutine, then opens the dialog with the refund worked out.
func (s *returnsScreen) showRefund(d returnDetail) {
	background(s.sh, func(ctx context.Context) (returns.Policy, error) { return s.svc.Policy(ctx) },
		func(p returns.Policy, err error) {
			if err != nil {
				s.sh.showError(err)
				return
			}
			newRefundDialog(s, d, p).form.show()
		})
}

func newRefundDialog(s *returnsScreen, d returnDetail, p returns.Policy) *refundDialog {
	v := &refundDialog{s: s, d: d, policy: p}
	items := refundItems(d)
	v.computed = returns.Refund(p, d.r.Fault, d.order.Order.ShippingFee, items)
	v.items = returns.Refund(p, returns.FaultSeller, d.order.Order.ShippingFee, items)
	if d.r.Fault == returns.FaultBuyer {
		v.fee = returns.BuyerFee(p, d.order.Order.ShippingFee)
	}
	v.amount = widgets.NewEntryWithPlaceholder(lang.L("예: {{.Won}} (비우면 계산한 금액)", map[string]any{"Won": format.Number(v.computed)}))
	v.note = widgets.NewEntryWithPlaceholder(lang.L("다른 금액이면 이유를 적으세요"))
	explain := &widget.Label{Text: lang.L("상품 금액에서 쿠폰 몫과(구매자 사유면) 반품배송비를 빼고 환불합니다. 다른 금액이면 적고 이유를 남기세요."),
		Wrapping: fyne.TextWrapWord}
	v.form = newScreenForm(s.sh, lang.L("환불하고 완료"), lang.L("완료"), 520, []formRow{
		{input: explain},
		{label: lang.L("계산"), input: &widget.Label{Text: v.breakdown(), Wrapping: fyne.TextWrapWord}},
		{label: lang.L("환불 금액"), input: v.amount, field: "refund"},
		{label: lang.L("메모"), input: v.note, field: "note"},
	}, v.onConfirm)
	v.form.d.Consequence = v.consequence
	return v
}

// breakdown says how the computed refund came about.
func (v *refundDialog) breakdown() string {
	if v.fee == 0 {
		return lang.L("상품 {{.Items}} (판매자 사유: 반품배송비 없음)", map[string]any{"Items": format.Won(v.items)})
	}
	return lang.L("상품 {{.Items}} − 반품배송비 {{.Fee}} = {{.Refund}}", map[string]any{
		"Items": format.Won(v.items), "Fee": format.Won(v.fee), "Refund": format.Won(v.computed)})
}

// typed reads the amount typed in: ok false when it is not a number, set false when it is empty.
func (v *refundDialog) typed() (won int64, set, ok bool) {
	t := strings.TrimSpace(v.amount.Text)
	if t == "" {
		return 0, false, true
	}
	won, ok = format.ParseWon(t)
	return won, true, ok
}

// consequence is the refund that confirming will pay, recomputed as the seller types.
func (v *refundDialog) consequence() string {
	won, set, ok := v.typed()
	switch {
	case !ok:
		return lang.L("환불 금액을 숫자로 입력하세요.")
	case set && won != v.computed:
		return lang.L("환불 금액: {{.Won}} (계산한 금액 {{.Computed}}과 다름: 메모에 이유를 남기세요)", map[string]any{
			"Won": format.Won(won), "Computed": format.Won(v.computed)})
	}
	return lang.L("환불 금액: {{.Won}}", map[string]any{"Won": format.Won(v.computed)})
}

func (v *refundDialog) onConfirm(f *screenForm) {
	in := returns.MoveInput{Note: v.note.Text}
	won, set, ok := v.typed()
	if !ok {
		f.setErrors(map[string]string{"refund": lang.L("환불 금액은 숫자로 입력하세요.")})
		return
	}
	if set {
		in.RefundOverride = &won
	}
	if set && won != v.computed && strings.TrimSpace(v.note.Text) == "" {
		f.setErrors(map[string]string{"note": lang.L("환불 금액을 바꾼 이유를 메모로 남기세요.")})
		return
	}
	f.setErrors(nil)
	v.s.applyInForm(v.d.r.Number, returns.MoveComplete, in, f)
}

// applyInForm writes a move whose input a form asked for off the UI goroutine: the form stays open with its
// input until the move is accepted, and a refusal shows at its fields.
func (s *returnsScreen) applyInForm(number string, m returns.Move, in returns.MoveInput, f *screenForm) {
	f.busy(true)
	background(s.sh, func(ctx context.Context) (returns.Return, error) { return s.svc.Apply(ctx, number, m, in) },
		func(_ returns.Return, err error) {
			if err != nil {
				f.refused(err)
				return
			}
			f.close()
			s.openDetail(number)
		})
}

// askMove asks for what a move needs in one field (a reason, the pickup's tracking number) and applies it.
func (s *returnsScreen) askMove(number string, m returns.Move, title, label, field string, set func(*returns.MoveInput, string)) {
	e := widgets.NewEntry() // Esc in it cancels the form
	if m == returns.MoveCollect {
		e.SetPlaceHolder(lang.L("예: 6012-3456-7890"))
	}
	var f *screenForm
	f = newScreenForm(s.sh, title, lang.L("저장"), 420, []formRow{{label: label, input: e, field: field}}, func(f *screenForm) {
		var in returns.MoveInput
		set(&in, strings.TrimSpace(e.Text))
		f.setErrors(nil)
		s.applyInForm(number, m, in, f)
	})
	f.show()
	s.sh.win.Canvas().Focus(e)
}
