package views

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app"
	"sellerdesk/app/catalog"
	"sellerdesk/app/format"
	"sellerdesk/app/orders"
	"sellerdesk/views/widgets"
)

// manualOrderForm takes an order by phone or at the counter: buyer, recipient, payment, items from the
// catalog. Problems show at their field; the order is saved with the same rules as an import.
type manualOrderForm struct {
	s       *ordersScreen
	form    *screenForm
	entries map[string]*widgets.Entry
	payment *widget.SelectEntry
	channel *widget.SelectEntry
	paid    *widget.Check
	lines   []orders.ManualLine
	labels  []string
	list    *fyne.Container
	total   *widget.Label
	found   *widgets.ListSource[string, manualChoice] // the finder's matches
	pick    *widget.Select                            // the finder's choice among them
}

func (s *ordersScreen) createNew() { s.onManualOrder() }

// onManualOrder opens the manual order form (also Ctrl/Cmd+N on 주문).
func (s *ordersScreen) onManualOrder() {
	f := &manualOrderForm{s: s, entries: map[string]*widgets.Entry{}}
	s.manual = f
	f.show()
}

// field is one typed row of the form; key is the service's field name, whose problems show under it.
func (f *manualOrderForm) field(key, label, placeholder string) formRow {
	e := widgets.NewEntry()
	e.SetPlaceHolder(placeholder)
	f.entries[key] = e
	return formRow{label: label, input: e, field: key}
}

func (f *manualOrderForm) show() {
	f.payment = widget.NewSelectEntry(orders.ManualPayments)
	f.payment.SetText(orders.ManualPayments[0])
	f.channel = widget.NewSelectEntry(orders.ManualChannels)
	f.channel.SetText(orders.ManualChannels[0])
	f.paid = widget.NewCheck(lang.L("결제를 받았습니다 (재고를 차감합니다)"), nil)
	f.paid.SetChecked(true)
	f.list = container.NewVBox()
	f.total = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}}
	picker := f.picker()
	rows := []formRow{
		f.field("buyerName", lang.L("주문자"), lang.L("이름")),
		f.field("buyerPhone", lang.L("주문자 연락처"), lang.L("예: 010-1234-5678")),
		f.field("recipientName", lang.L("수취인"), lang.L("비우면 주문자와 같음")),
		f.field("recipientPhone", lang.L("수취인 연락처"), lang.L("비우면 주문자와 같음")),
		f.field("postcode", lang.L("우편번호"), lang.L("예: 04001")),
		f.field("address", lang.L("주소"), lang.L("매장에서 건네면 비워 두세요")),
		f.field("addressDetail", lang.L("상세주소"), ""),
		f.field("message", lang.L("배송메세지"), ""),
		f.field("shippingFee", lang.L("배송비"), lang.L("예: 3,000")),
		{label: lang.L("결제수단"), input: f.payment, field: "payment"},
		{label: lang.L("주문 경로"), input: f.channel, field: "channel"},
		{input: f.paid},
		{label: lang.L("주문 상품"), input: container.NewVBox(picker, f.list, f.total), field: "lines"},
	}
	// a problem shows at its field and the form stays open with everything typed until the order is saved
	f.form = newScreenForm(f.s.sh, lang.L("수동 주문 등록"), lang.L("주문 등록"), 700, rows, func(*screenForm) { f.save() })
	f.refreshLines()
	f.form.show()
}

// manualChoice is one sellable option the finder offers.
type manualChoice struct {
	label    string
	optionID int64
}

// picker finds a sellable option by product name or code and adds it with a quantity. The search runs off
// the UI goroutine once the seller pauses typing; a quiet 불러오는 중 shows meanwhile.
func (f *manualOrderForm) picker() fyne.CanvasObject {
	sh := f.s.sh
	cat := sh.desk.Catalog
	pick := newSelect(nil, nil)
	pick.PlaceHolder = lang.L("상품 선택")
	f.pick = pick
	status := &widget.Label{Importance: widget.LowImportance}
	found := trackList(sh, &widgets.ListSource[string, manualChoice]{
		// the first 15 matching products' options: the seller narrows the search rather than scrolls
		Page: func(ctx context.Context, q string, _, _, _ int) ([]manualChoice, error) {
			if strings.TrimSpace(q) == "" {
				return nil, nil
			}
			rows, err := cat.ListProducts(ctx, catalog.ListFilter{Query: q, Limit: 15})
			if err != nil {
				return nil, err
			}
			var out []manualChoice
			for _, r := range rows {
				p, err := cat.Product(ctx, r.ID)
				if err != nil {
					if ctx.Err() != nil {
						return nil, err
					}
					continue // removed meanwhile
				}
				for _, o := range p.Options {
					if !o.Usable {
						continue
					}
					label := p.Name
					if o.Label() != "" {
						label += " / " + o.Label()
					}
					label += " · " + format.Won(p.Price+o.ExtraPrice) + " · " + lang.L("재고") + " " + format.Number(o.Stock)
					out = append(out, manualChoice{label, o.ID})
				}
			}
			return out, nil
		},
	})
	f.found = found
	found.OnChange = func(ev widgets.ListEvent) {
		if sh.showListState(status, ev, found.Err()) {
			return
		}
		status.SetText("")
		labels := make([]string, found.Len())
		for i := range labels {
			c, _ := found.Row(i)
			labels[i] = c.label
		}
		pick.SetOptions(labels)
		pick.ClearSelected()
		if len(labels) == 1 {
			pick.SetSelectedIndex(0)
		}
	}
	search := widgets.NewEntry()
	search.SetPlaceHolder(lang.L("상품명 또는 상품코드로 찾기"))
	search.OnChanged = found.LoadTyping
	qty := widgets.NewEntry()
	qty.SetText("1")
	add := &widget.Button{Text: lang.L("추가"), Icon: theme.ContentAddIcon(), OnTapped: func() {
		c, ok := found.Row(pick.SelectedIndex())
		if !ok || found.Loading() {
			f.showErr("lines", lang.L("추가할 상품을 고르세요."))
			return
		}
		n, err := strconv.ParseInt(strings.TrimSpace(qty.Text), 10, 64)
		if err != nil || n < 1 {
			f.showErr("lines", lang.L("수량은 1 이상의 숫자여야 합니다."))
			return
		}
		f.lines = append(f.lines, orders.ManualLine{OptionID: c.optionID, Qty: n})
		f.labels = append(f.labels, c.label)
		qty.SetText("1")
		f.refreshLines()
	}}
	return container.NewVBox(container.NewBorder(nil, nil, nil, status, search),
		container.NewBorder(nil, nil, nil, container.NewHBox(sized(qty, 60), widget.NewLabel(lang.L("개")), add,
			// the form scrolls: keep the button clear of the scroll bar drawn over the right edge
			sized(layout.NewSpacer(), theme.ScrollBarSize())), pick))
}

func (f *manualOrderForm) refreshLines() {
	f.list.RemoveAll()
	for i := range f.lines {
		idx := i
		f.list.Add(container.NewBorder(nil, nil, nil,
			&widget.Button{Icon: theme.DeleteIcon(), Importance: widget.LowImportance, OnTapped: func() {
				f.lines = append(f.lines[:idx], f.lines[idx+1:]...)
				f.labels = append(f.labels[:idx], f.labels[idx+1:]...)
				f.refreshLines()
			}},
			widget.NewLabel(f.labels[i]+" × "+format.Number(f.lines[i].Qty))))
	}
	f.total.SetText(lang.L("상품 {{.N}}개", map[string]any{"N": len(f.lines)}))
}

// showErr shows msg under the field key (the picker's problems under 주문 상품).
func (f *manualOrderForm) showErr(key, msg string) {
	if ff, ok := f.form.fields[key]; ok {
		f.form.d.SetFieldError(ff, msg)
	}
}

func (f *manualOrderForm) save() {
	text := func(k string) string { return strings.TrimSpace(f.entries[k].Text) }
	fee, ok := int64(0), true
	if t := text("shippingFee"); t != "" {
		fee, ok = format.ParseWon(t)
	}
	if f.form.setErrors(map[string]string{}); !ok {
		f.form.setErrors(map[string]string{"shippingFee": lang.L("배송비는 숫자로 입력하세요 (예: 3,000).")})
		return
	}
	m := orders.ManualOrder{BuyerName: text("buyerName"), BuyerPhone: text("buyerPhone"), RecipientName: text("recipientName"),
		RecipientPhone: text("recipientPhone"), Postcode: text("postcode"), Address: text("address"),
		AddressDetail: text("addressDetail"), DeliveryMessage: text("message"), PaymentMethod: f.payment.Text,
		Channel: f.channel.Text, Paid: f.paid.Checked, ShippingFee: fee, Lines: f.lines}
	// the order is written off the UI goroutine while the form waits; a refusal shows at its fields
	f.form.busy(true)
	background(f.s.sh, func(ctx context.Context) (string, error) { return f.s.svc.CreateManual(ctx, m) }, func(number string, err error) {
		if err != nil {
			if app.ErrorCode(err) == app.ErrInvalid && len(fieldTexts(err)) > 0 {
				f.form.refused(err) // keeps what the seller typed
				return
			}
			f.form.busy(false)
			f.s.sh.showError(err)
			return
		}
		f.form.close()
		// the new order shows whatever filters were set before: they are cleared and it is searched
		f.s.clearFilters(number)
		f.s.refresh()
		f.s.sh.toast(lang.L("주문 {{.No}}{{.Eul}} 등록했습니다.", map[string]any{"No": number, "Eul": format.Particle(number, "을")}))
	})
}
