package views

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/catalog"
	"sellerdesk/app/format"
	"sellerdesk/app/orders"
	"sellerdesk/app/overseas"
	"sellerdesk/views/widgets"
)

// orderDetail is one order with every field, its lines with their actions, and each line's history.
// Phones and the address are shown whole here (lists mask them).
type orderDetail struct {
	s *ordersScreen
	d orders.Detail
	// ship is the overseas shipment drafted for the order, when it ships abroad and one could be drafted.
	ship *overseas.Shipment
	// requesting is set while the return request dialog's data loads, so a second tap opens no second one.
	requesting bool
	// overseas is the overseas form last opened, for tests
	overseas *overseasForm
}

func (v *orderDetail) build() fyne.CanvasObject {
	o := v.d.Order
	back := &widget.Button{Text: lang.L("주문 목록"), Icon: theme.NavigateBackIcon(), OnTapped: v.s.closeDetail}
	title := &widget.Label{Text: lang.L("주문번호") + " " + o.OrderNo, TextStyle: fyne.TextStyle{Bold: true}}
	header := container.NewBorder(nil, nil, back, nil, title)

	field := func(label, value string) *widget.FormItem {
		l := &widget.Label{Text: value, Wrapping: fyne.TextWrapWord, Selectable: true}
		return widget.NewFormItem(label, l)
	}
	buyer := widget.NewCard(lang.L("구매자"), "", widget.NewForm(
		field(lang.L("이름"), o.BuyerName), field(lang.L("아이디"), o.BuyerID), field(lang.L("연락처"), o.BuyerPhone)))
	address := strings.TrimSpace(o.Address + " " + o.AddressDetail)
	if o.Postcode != "" {
		address = "(" + o.Postcode + ") " + address
	}
	phones := o.RecipientPhone1
	if o.RecipientPhone2 != "" {
		phones += ", " + o.RecipientPhone2
	}
	recipient := widget.NewCard(lang.L("수취인"), "", widget.NewForm(
		field(lang.L("이름"), o.RecipientName), field(lang.L("연락처"), phones), field(lang.L("주소"), address),
		field(lang.L("배송메세지"), o.DeliveryMessage)))
	shipping := format.Won(o.ShippingFee)
	if o.ShippingFeeExtra > 0 {
		shipping += " + " + lang.L("제주/도서") + " " + format.Won(o.ShippingFeeExtra)
	}
	if o.ShippingDiscount > 0 {
		shipping += " − " + lang.L("할인") + " " + format.Won(o.ShippingDiscount)
	}
	paid := ""
	if !o.PaidAt.IsZero() {
		paid = format.DateTime(o.PaidAt)
	}
	payment := widget.NewCard(lang.L("결제"), "", widget.NewForm(
		field(lang.L("주문일시"), format.DateTime(o.OrderedAt)), field(lang.L("결제일"), paid),
		field(lang.L("결제수단"), o.PaymentMethod), field(lang.L("판매채널"), o.Channel), field(lang.L("배송비"), shipping)))

	lines := container.NewVBox()
	var total int64
	for _, l := range v.d.Lines {
		total += l.Amount
		lines.Add(v.lineCard(l))
	}
	totalLabel := &widget.Label{Text: lang.L("상품 금액 합계") + " " + format.Won(total), TextStyle: fyne.TextStyle{Bold: true}}

	info := container.NewGridWithColumns(3, buyer, recipient, payment)
	abroad := &widget.Button{Text: lang.L("해외배송…"), Icon: theme.MailForwardIcon(), OnTapped: v.onOverseas}
	returnBtn := &widget.Button{Text: lang.L("반품·교환 접수…"), Icon: theme.MailReplyIcon(), OnTapped: v.onReturnRequest}
	tools := container.NewHBox(returnBtn, abroad)
	parts := []fyne.CanvasObject{info}
	if v.d.Overseas {
		if sh := v.ship; sh != nil {
			svc := overseas.Service(sh.Service)
			summary := lang.L("{{.Country}} · {{.Service}} · {{.Kg}} kg · 배송비 {{.Fee}} · 보통 {{.Min}}~{{.Max}}일", map[string]any{
				"Country": sh.Country, "Service": svc.Label(), "Kg": strconv.FormatFloat(float64(sh.WeightGrams)/1000, 'f', -1, 64),
				"Fee": format.Won(sh.Fee), "Min": sh.DaysMin, "Max": sh.DaysMax})
			parts = append(parts, widget.NewCard(lang.L("해외배송"), summary, widget.NewLabel(sh.NameEn+", "+sh.AddressEn+", "+sh.City+" "+sh.State+" "+sh.Postcode)))
		}
		tools.Add(&widget.Button{Text: lang.L("세관신고서 PDF"), Icon: theme.DocumentPrintIcon(), OnTapped: v.onCustomsPDF})
	}
	parts = append(parts, container.NewBorder(nil, nil, totalLabel, tools), lines)
	body := container.NewVBox(parts...)
	return container.NewBorder(header, nil, nil, nil, container.NewVScroll(body))
}

// loadOrderDetail reads an order and, when it ships abroad, its shipment draft.
func loadOrderDetail(ctx context.Context, s *ordersScreen, orderID int64) (*orderDetail, error) {
	d, err := s.svc.Detail(ctx, orderID)
	if err != nil {
		return nil, err
	}
	v := &orderDetail{s: s, d: d}
	if d.Overseas {
		if ship, err := s.sh.desk.Abroad.Draft(ctx, orderID); err == nil {
			v.ship = &ship
		}
	}
	return v, nil
}

// lineCard shows a line: product, amounts, status, tracking, history, and the actions allowed now.
func (v *orderDetail) lineCard(l orders.DetailLine) fyne.CanvasObject {
	product := l.ProductName
	if l.OptionInfo != "" {
		product += " / " + l.OptionInfo
	}
	facts := lang.L("상품주문번호") + " " + l.ProductOrderNo + " · " + format.Number(l.Qty) + lang.L("개") + " · " + format.Won(l.Amount)
	if l.Discount > 0 {
		facts += " (" + lang.L("할인") + " " + format.Won(l.Discount) + ")"
	}
	status := &widget.Label{Text: lang.L(l.StatusLabel), TextStyle: fyne.TextStyle{Bold: true}, Importance: widget.HighImportance}
	rows := []fyne.CanvasObject{
		container.NewBorder(nil, nil, nil, status, &widget.Label{Text: product, TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}),
		widget.NewLabel(facts),
	}
	if l.TrackingNo != "" {
		rows = append(rows, widget.NewLabel(lang.L("송장")+" "+l.Courier+" "+l.TrackingNo))
	}
	if l.CancelReason != "" {
		rows = append(rows, &widget.Label{Text: lang.L("취소 사유") + ": " + l.CancelReason, Importance: widget.DangerImportance})
	}
	if l.ClaimLabel != "" {
		rows = append(rows, claimLine(l))
	}
	var buttons []fyne.CanvasObject
	if l.OptionID == 0 {
		rows = append(rows, &widget.Label{Text: lang.L("상품과 연결되지 않아 재고에 반영되지 않았습니다."), Importance: widget.WarningImportance})
		line := l
		buttons = append(buttons, &widget.Button{Text: lang.L("상품 연결…"), Icon: theme.StorageIcon(), Importance: widget.WarningImportance,
			OnTapped: func() { v.mapLine(line) }})
	}
	for _, a := range []orders.Action{orders.ActionPay, orders.ActionConfirm, orders.ActionInvoice, orders.ActionShip,
		orders.ActionDeliver, orders.ActionDecide, orders.ActionCancel} {
		if orders.Allowed(a, orders.Status(l.Status), orders.Placing(l.Placing), l.TrackingNo) != nil {
			continue
		}
		act, id := a, l.ID
		b := &widget.Button{Text: lang.L(a.Label()), OnTapped: func() { v.s.onAction(act, []int64{id}) }}
		if a == orders.ActionCancel {
			b.Importance = widget.DangerImportance
		}
		buttons = append(buttons, b)
	}
	if len(buttons) > 0 {
		rows = append(rows, container.NewHBox(buttons...))
	}
	hist := container.NewVBox()
	for _, h := range l.History {
		from := ""
		if h.From != "" {
			from = lang.L(orders.Status(h.From).Label()) + " → "
		}
		text := format.DateTime(h.At) + "  " + from + lang.L(orders.Status(h.To).Label())
		if h.Note != "" {
			text += " · " + h.Note
		}
		if h.Source != "" && h.Source != "manual" {
			text += " (" + h.Source + ")"
		}
		hist.Add(&widget.Label{Text: text, Importance: widget.LowImportance})
	}
	rows = append(rows, widget.NewAccordion(widget.NewAccordionItem(lang.L("상태 이력"), hist)))
	return widget.NewCard("", "", container.NewVBox(rows...))
}

// mapLine links an unmatched line to one of the catalog's options, found by product name or code. The
// search and the chosen product's options load off the UI goroutine while the seller types and picks. It
// is a widgets.FormDialog: 연결 without an option says so under 옵션 and keeps the form, the line above the
// buttons names the option the line will be linked to, Enter links, Esc cancels.
func (v *orderDetail) mapLine(l orders.DetailLine) *widgets.FormDialog {
	sh, cat := v.s.sh, v.s.sh.desk.Catalog
	var options []catalog.Option
	var product catalog.ProductRow
	productSel := widgets.NewSelect(nil, lang.L("상품을 검색하세요"), nil)
	optionSel := widgets.NewSelect(nil, lang.L("옵션 선택"), nil)
	search := widgets.NewEntryWithPlaceholder(lang.L("상품명 또는 상품코드"))
	search.SetText(l.ProductCode)
	status := &widget.Label{Importance: widget.LowImportance}
	d := sh.formDialog(lang.L("상품 연결"), lang.L("연결"))
	d.MinWidth = 560
	found := trackList(sh, &widgets.ListSource[string, catalog.ProductRow]{
		// the first 30 matches: the seller narrows the search rather than scrolls
		Page: func(ctx context.Context, q string, _, _, _ int) ([]catalog.ProductRow, error) {
			return cat.ListProducts(ctx, catalog.ListFilter{Query: q, Limit: 30})
		},
	})
	found.OnChange = func(ev widgets.ListEvent) {
		if sh.showListState(status, ev, found.Err()) {
			d.Refresh()
			return
		}
		status.SetText("")
		if found.Len() == 0 {
			status.SetText(lang.L("찾는 상품이 없습니다. 상품명이나 상품코드를 바꿔 보세요."))
		}
		names := make([]string, found.Len())
		for i := range names {
			r, _ := found.Row(i)
			names[i] = r.Code + " · " + r.Name
		}
		productSel.SetOptions(names)
		productSel.ClearSelected()
		if len(names) == 1 {
			productSel.SetSelectedIndex(0)
		}
		d.Refresh()
	}
	productSel.OnChanged = func(string) {
		r, ok := found.Row(productSel.SelectedIndex())
		options = nil
		optionSel.ClearSelected()
		optionSel.SetOptions(nil)
		if !ok {
			return
		}
		product = r
		background(sh, func(ctx context.Context) (catalog.Product, error) { return cat.Product(ctx, r.ID) }, func(p catalog.Product, err error) {
			if err != nil {
				sh.showError(err)
				return
			}
			if cur, ok := found.Row(productSel.SelectedIndex()); !ok || cur.ID != p.ID {
				return // the seller picked another product meanwhile
			}
			options = nil
			var labels []string
			for _, o := range p.Options {
				if !o.Usable {
					continue
				}
				options = append(options, o)
				labels = append(labels, optionText(o)+" · "+lang.L("재고")+" "+format.Number(o.Stock))
			}
			optionSel.SetOptions(labels)
			if len(labels) == 1 {
				optionSel.SetSelectedIndex(0)
			}
			d.Changed()
		})
	}
	search.OnChanged = found.LoadTyping
	remember := widget.NewCheck(lang.L("다음 가져오기에서도 이렇게 연결"), nil)
	remember.SetChecked(true)
	found.Load(l.ProductCode)
	d.SetIntro(lang.L("주문 상품") + ": " + strings.TrimSpace(l.ProductName+" "+l.OptionInfo))
	d.AddField(lang.L("검색"), search, nil)
	d.AddRow(status)
	d.AddField(lang.L("상품"), productSel, nil)
	optionField := d.AddField(lang.L("옵션"), optionSel, func() string {
		if i := optionSel.SelectedIndex(); i < 0 || i >= len(options) {
			if productSel.SelectedIndex() < 0 {
				return lang.L("연결할 상품을 검색해 고르고 옵션을 고르세요.")
			}
			return lang.L("연결할 옵션을 고르세요.")
		}
		return ""
	})
	d.AddRow(remember)
	d.Consequence = func() string {
		i := optionSel.SelectedIndex()
		if i < 0 || i >= len(options) {
			return ""
		}
		text := lang.L("이 주문 상품을 {{.Product}} · {{.Option}}에 연결합니다.", map[string]any{
			"Product": product.Name, "Option": optionText(options[i])})
		if remember.Checked {
			text += " " + lang.L("다음 가져오기에서도 같은 상품은 여기에 연결됩니다.")
		}
		return text
	}
	remember.OnChanged = func(bool) { d.Changed() }
	d.OnSubmit = func() bool {
		optionID, keep := options[optionSel.SelectedIndex()].ID, remember.Checked
		submitForm(sh, d, map[string]*widgets.FormField{"option": optionField},
			func(ctx context.Context) (struct{}, error) {
				return struct{}{}, v.s.svc.MapLine(ctx, l.ID, optionID, keep)
			},
			func(struct{}) { v.s.afterChange() })
		return false
	}
	d.Show()
	return d
}

// optionText is an option's label, "(옵션 없음)" for a product without options.
func optionText(o catalog.Option) string {
	if label := o.Label(); label != "" {
		return label
	}
	return lang.L("(옵션 없음)")
}

// claimLine says what the buyer asked (취소요청, 반품수거중 …) and why, and — for a cancel request not yet
// answered — that the line is kept out of the courier file and the 일괄발송 file until the seller answers it.
func claimLine(l orders.DetailLine) fyne.CanvasObject {
	c := orders.Claim(l.Claim)
	text := lang.L("클레임") + ": " + lang.L(l.ClaimLabel)
	if l.ClaimReasonLabel != "" {
		text += " (" + lang.L(l.ClaimReasonLabel) + ")"
	}
	imp := widget.MediumImportance
	if c.Open() {
		imp = widget.WarningImportance
	}
	if c.CancelAsked() {
		text += "\n" + lang.L("취소요청에 답하기 전에는 송장 파일과 일괄발송 파일에서 빠집니다. 스마트스토어에서 취소를 승인하거나 거부하세요.")
	}
	return &widget.Label{Text: text, Importance: imp, Wrapping: fyne.TextWrapWord}
}
