package views

import (
	"context"
	"io"
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
	"sellerdesk/app/returns"
	"sellerdesk/views/widgets"
)

// savePDF asks where to save a PDF, then makes it with write behind the progress dialog with 취소 (title and
// message name what is made), writes it there and confirms with 열기 (to print) and 폴더 열기. A 취소
// leaves no file.
func (sh *shell) savePDF(title, message, name string, write func(context.Context, io.Writer) error) {
	sh.saveFile(savedPDF, title, message, name, write)
}

// categoryNames turns category ids into their paths.
func categoryNames(cats []catalog.Category, ids []int64) []string {
	var out []string
	for _, id := range ids {
		for _, c := range cats {
			if c.ID == id {
				out = append(out, c.Path)
			}
		}
	}
	return out
}

// policyData is what the policy editor shows, read before it opens.
type policyData struct {
	policy returns.Policy
	cats   []catalog.Category
}

// showReturnPolicy reads the return policy and the categories off the UI goroutine, then opens the editor.
func (sh *shell) showReturnPolicy() {
	background(sh, func(ctx context.Context) (policyData, error) {
		p, err := sh.desk.Returns.Policy(ctx)
		if err != nil {
			return policyData{}, err
		}
		cats, err := sh.desk.Catalog.Categories(ctx)
		return policyData{p, cats}, err
	}, func(d policyData, err error) {
		if err != nil {
			sh.showError(err)
			return
		}
		sh.editReturnPolicy(d.policy, d.cats)
	})
}

// editReturnPolicy edits the return policy and exports it as a PDF or as text for the store page.
func (sh *shell) editReturnPolicy(p returns.Policy, cats []catalog.Category) {
	svc := sh.desk.Returns
	num := func(v int64) *widgets.Entry { e := widgets.NewEntry(); e.SetText(strconv.FormatInt(v, 10)); return e }
	window, months, known := num(int64(p.WindowDays)), num(int64(p.DefectMonths)), num(int64(p.DefectKnownDays))
	fee, exch := num(p.ReturnFee), num(p.ExchangeFee)
	both := widget.NewCheck(lang.L("단순 변심 반품배송비를 왕복으로 받기"), nil)
	both.SetChecked(p.BothWays)
	free := widget.NewCheck(lang.L("무료배송 주문은 처음 배송비도 받기"), nil)
	free.SetChecked(p.ChargeFreeShipping)
	var catNames []string
	for _, c := range cats {
		catNames = append(catNames, c.Path)
	}
	nonReturn := widget.NewCheckGroup(catNames, nil)
	for _, id := range p.NonReturnable {
		for _, c := range cats {
			if c.ID == id {
				nonReturn.Selected = append(nonReturn.Selected, c.Path)
			}
		}
	}
	notes := widget.NewMultiLineEntry()
	notes.SetText(p.Notes)
	fields := []string{"windowDays", "defectMonths", "defectKnownDays", "returnFee", "exchangeFee"}
	// read takes the policy from the form, or each field that is not a number with why
	read := func() (returns.Policy, map[string]string) {
		var q returns.Policy
		vals := []*int64{new(int64), new(int64), new(int64), &q.ReturnFee, &q.ExchangeFee}
		bad := map[string]string{}
		for i, e := range []*widgets.Entry{window, months, known, fee, exch} {
			v, ok := format.ParseWon(e.Text)
			if !ok {
				bad[fields[i]] = lang.L("숫자로 입력하세요: {{.V}}", map[string]any{"V": e.Text})
				continue
			}
			*vals[i] = v
		}
		q.WindowDays, q.DefectMonths, q.DefectKnownDays = int(*vals[0]), int(*vals[1]), int(*vals[2])
		q.BothWays, q.ChargeFreeShipping, q.Notes = both.Checked, free.Checked, notes.Text
		for _, name := range nonReturn.Selected {
			for _, c := range cats {
				if c.Path == name {
					q.NonReturnable = append(q.NonReturnable, c.ID)
				}
			}
		}
		return q, bad
	}
	var f *screenForm
	// save writes the policy off the UI goroutine and then runs done; a refused policy keeps the editor open
	// as the seller left it, with each reason at its field
	save := func(done func(returns.Policy)) {
		q, bad := read()
		if f.setErrors(bad) {
			return
		}
		f.busy(true)
		background(sh, func(ctx context.Context) (struct{}, error) { return struct{}{}, svc.SetPolicy(ctx, q) },
			func(_ struct{}, err error) {
				if err != nil {
					f.refused(err)
					return
				}
				f.busy(false)
				f.close()
				sh.toast(lang.L("반품 정책을 저장했습니다."))
				if done != nil {
					done(q)
				}
			})
	}
	pdfBtn := &widget.Button{Text: lang.L("저장하고 PDF"), Icon: theme.DocumentPrintIcon(), OnTapped: func() {
		save(func(q returns.Policy) {
			names := categoryNames(cats, q.NonReturnable)
			sh.savePDF(lang.L("반품 정책"), lang.L("반품교환안내 PDF를 만드는 중입니다…"), lang.L("반품교환안내.pdf"),
				func(ctx context.Context, w io.Writer) error { return svc.WritePolicyPDF(ctx, names, w) })
		})
	}}
	textBtn := &widget.Button{Text: lang.L("스토어 안내문 복사"), Icon: theme.ContentCopyIcon(), OnTapped: func() {
		q, bad := read()
		if f.setErrors(bad) {
			return
		}
		sh.fyneApp.Clipboard().SetContent(returns.PolicyText(q, categoryNames(cats, q.NonReturnable)))
		sh.toast(lang.L("안내문을 복사했습니다. 스마트스토어 상품 상세나 공지에 붙여 넣으세요."))
	}}
	cats150 := container.NewVScroll(nonReturn)
	cats150.SetMinSize(fyne.NewSize(420, 130))
	f = newFormWith(sh, lang.L("반품 정책"), lang.L("저장"), lang.L("닫기"), 680, container.NewHBox(pdfBtn, textBtn), []formRow{
		{label: lang.L("단순 변심 (받은 날부터, 일)"), input: window, field: "windowDays"},
		{label: lang.L("불량·오배송 (받은 날부터, 개월)"), input: months, field: "defectMonths"},
		{label: lang.L("불량을 안 날부터 (일)"), input: known, field: "defectKnownDays"},
		{label: lang.L("반품배송비 편도 (원)"), input: fee, field: "returnFee"},
		{input: both}, {input: free},
		{label: lang.L("교환배송비 왕복 (원)"), input: exch, field: "exchangeFee"},
		{label: lang.L("단순 변심 반품 불가 카테고리"), input: cats150},
		{label: lang.L("추가 안내"), input: notes},
	}, func(*screenForm) { save(nil) })
	f.show()
}

// returnRequestData is what the return request dialog shows, read before it opens.
type returnRequestData struct {
	policy returns.Policy
	// products holds the product of each returnable line's option, for the exchange choices; a line whose
	// product could not be read offers none.
	products map[int64]catalog.Product
}

// returnableLine reports whether a line can be returned or exchanged now.
func returnableLine(l orders.DetailLine) bool {
	if l.OptionID == 0 {
		return false
	}
	switch orders.Status(l.Status) {
	case orders.StatusDelivering, orders.StatusDelivered, orders.StatusDecided, orders.StatusExchanged:
		return true
	}
	return false
}

// onReturnRequest reads the policy and the lines' products off the UI goroutine, then opens the request
// dialog.
func (v *orderDetail) onReturnRequest() {
	if v.requesting {
		return // the dialog is on its way
	}
	v.requesting = true
	sh, lines := v.s.sh, v.d.Lines
	background(sh, func(ctx context.Context) (returnRequestData, error) {
		d := returnRequestData{products: map[int64]catalog.Product{}}
		var err error
		if d.policy, err = sh.desk.Returns.Policy(ctx); err != nil {
			return d, err
		}
		for _, l := range lines {
			if _, seen := d.products[l.OptionID]; seen || !returnableLine(l) {
				continue
			}
			if prod, err := sh.desk.Catalog.ProductOfOption(ctx, l.OptionID); err == nil {
				d.products[l.OptionID] = prod
			}
		}
		return d, nil
	}, func(d returnRequestData, err error) {
		v.requesting = false
		if err != nil {
			sh.showError(err)
			return
		}
		v.showReturnRequest(d)
	})
}

// showReturnRequest opens a return or exchange for lines of this order: kind, reason (fault follows and can
// be changed), method, quantities, and for an exchange the option to send; the policy's key terms show.
func (v *orderDetail) showReturnRequest(d returnRequestData) {
	sh := v.s.sh
	svc := sh.desk.Returns
	p := d.policy
	kind := widget.NewRadioGroup([]string{lang.L("반품"), lang.L("교환")}, nil)
	kind.Horizontal = true
	kind.SetSelected(lang.L("반품"))
	var reasonLabels []string
	for _, r := range returns.Reasons {
		reasonLabels = append(reasonLabels, lang.L(r.Label))
	}
	fault := widget.NewRadioGroup([]string{lang.L("구매자"), lang.L("판매자")}, nil)
	fault.Horizontal = true
	reason := newSelect(reasonLabels, func(string) {})
	reason.PlaceHolder = lang.L("사유를 고르세요")
	reason.OnChanged = func(string) {
		if i := reason.SelectedIndex(); i >= 0 {
			if returns.Reasons[i].Buyer {
				fault.SetSelected(lang.L("구매자"))
			} else {
				fault.SetSelected(lang.L("판매자"))
			}
		}
	}
	var methodLabels []string
	for _, m := range returns.Methods {
		methodLabels = append(methodLabels, lang.L(m.Label))
	}
	method := newSelect(methodLabels, nil)
	method.SetSelectedIndex(0)
	outside := widget.NewCheck(lang.L("반품 기간이 지났어도 접수"), nil)
	terms := &widget.Label{Text: lang.L("반품 기간: 단순 변심 {{.W}}일, 불량·오배송 {{.M}}개월 · 단순 변심 반품배송비 {{.Fee}}", map[string]any{
		"W": p.WindowDays, "M": p.DefectMonths, "Fee": format.Won(returns.BuyerFee(p, v.d.Order.ShippingFee))}),
		Wrapping: fyne.TextWrapWord, Importance: widget.HighImportance}
	type lineInput struct {
		id   int64
		qty  *widgets.Entry
		repl *widget.Select
		opts []int64
	}
	var inputs []lineInput
	linesBox := container.NewVBox()
	for _, l := range v.d.Lines {
		if !returnableLine(l) {
			continue
		}
		qty := widgets.NewEntry()
		qty.SetText("0")
		in := lineInput{id: l.ID, qty: qty, repl: newSelect(nil, nil)}
		in.repl.PlaceHolder = lang.L("교환할 옵션")
		if prod, ok := d.products[l.OptionID]; ok {
			var labels []string
			for _, o := range prod.Options {
				if o.Usable {
					in.opts = append(in.opts, o.ID)
					labels = append(labels, o.Label()+" · "+lang.L("재고")+" "+format.Number(o.Stock))
				}
			}
			in.repl.SetOptions(labels)
		}
		inputs = append(inputs, in)
		linesBox.Add(container.NewBorder(nil, nil, nil, container.NewHBox(sized(qty, 60), widget.NewLabel(lang.L("개 / {{.N}}개", map[string]any{"N": l.Qty})), sized(in.repl, 220)),
			widget.NewLabel(strings.TrimSpace(l.ProductName+" "+l.OptionInfo))))
	}
	if len(inputs) == 0 {
		sh.showInfo(lang.L("반품·교환 접수"), lang.L("이 주문에는 반품할 수 있는 상품이 없습니다. 배송중이거나 배송완료된 상품만 반품할 수 있습니다."))
		return
	}
	note := widgets.NewEntry()
	f := newScreenForm(sh, lang.L("반품·교환 접수"), lang.L("접수"), 640, []formRow{
		{input: terms},
		{label: lang.L("종류"), input: kind, field: "kind"},
		{label: lang.L("사유"), input: reason, field: "reason"},
		{label: lang.L("귀책"), input: fault, field: "fault"},
		{label: lang.L("회수 방법"), input: method, field: "method"},
		{label: lang.L("메모"), input: note},
		{label: "", input: outside},
		{label: lang.L("반품할 수량"), input: linesBox, field: "lines"},
	}, func(f *screenForm) {
		r := returns.Request{OrderID: v.d.Order.ID, Kind: returns.KindReturn, AcceptOutside: outside.Checked, Note: note.Text}
		if kind.Selected == lang.L("교환") {
			r.Kind = returns.KindExchange
		}
		if i := reason.SelectedIndex(); i >= 0 {
			r.Reason = returns.Reasons[i].Code
		}
		if fault.Selected == lang.L("구매자") {
			r.Fault = returns.FaultBuyer
		} else if fault.Selected != "" {
			r.Fault = returns.FaultSeller
		}
		if i := method.SelectedIndex(); i >= 0 {
			r.Method = returns.Methods[i].Code
		}
		bad := map[string]string{}
		if r.Reason == "" {
			bad["reason"] = lang.L("반품·교환 사유를 고르세요.")
		}
		for _, in := range inputs {
			t := strings.TrimSpace(in.qty.Text)
			n, err := strconv.ParseInt(t, 10, 64)
			if err != nil || n < 0 {
				bad["lines"] = lang.L("수량은 0 이상의 숫자로 입력하세요: {{.V}}", map[string]any{"V": t})
				continue
			}
			if n == 0 {
				continue
			}
			rl := returns.RequestLine{OrderLineID: in.id, Qty: n}
			if i := in.repl.SelectedIndex(); i >= 0 {
				rl.ReplacementOptionID = in.opts[i]
			}
			r.Lines = append(r.Lines, rl)
		}
		if len(r.Lines) == 0 && bad["lines"] == "" {
			bad["lines"] = lang.L("반품·교환할 상품의 수량을 적으세요.")
		}
		if f.setErrors(bad) {
			return
		}
		// written off the UI goroutine; a refused request keeps the dialog as the seller left it, with the
		// reason at its field
		f.busy(true)
		background(sh, func(ctx context.Context) (string, error) { return svc.Create(ctx, r) }, func(number string, err error) {
			if err != nil {
				f.refused(err)
				return
			}
			f.close()
			sh.showInfo(lang.L("반품·교환 접수"), lang.L("{{.No}}로 접수했습니다. '반품·교환' 화면에서 라벨을 인쇄하고 진행하세요.", map[string]any{"No": number}))
		})
	})
	f.show()
}
