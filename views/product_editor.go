package views

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app"
	"sellerdesk/app/catalog"
	"sellerdesk/app/format"
	"sellerdesk/views/widgets"
)

// productEditor is the product form: basic facts, price and shipping data, options with their
// combination grid, and images. Every problem shows at its field; nothing is stored until 저장.
type productEditor struct {
	list    *productsScreen
	product catalog.Product // what is being edited; Options holds the grid's rows
	cats    []catalog.Category
	sups    []catalog.Supplier

	name, code, price, cost, weight, hsCode, origin *widgets.Field
	category, supplier, status                      *widget.Select
	tax                                             *widget.RadioGroup
	backorder                                       *widget.Check
	detail                                          *widget.Entry
	options                                         *optionEditor
	images                                          *fyne.Container
	formError                                       *widget.Label
	saveBtn                                         *widget.Button
	built                                           bool // the form exists: checks may read it
}

// loadProductEditor reads what the editor needs (the product, categories, suppliers); it runs off the UI
// goroutine, before the editor opens.
func loadProductEditor(ctx context.Context, list *productsScreen, id int64) (*productEditor, error) {
	svc := list.svc
	e := &productEditor{list: list}
	var err error
	if id != 0 {
		if e.product, err = svc.Product(ctx, id); err != nil {
			return nil, err
		}
	} else {
		e.product = catalog.Product{Status: catalog.StatusSale, TaxType: catalog.Taxable, OptionKind: catalog.OptionsNone,
			Options: []catalog.Option{{Usable: true}}}
	}
	if e.cats, err = svc.Categories(ctx); err != nil {
		return nil, err
	}
	if e.sups, err = svc.Suppliers(ctx); err != nil {
		return nil, err
	}
	return e, nil
}

// checkField validates the draft product and returns the message for one field, so the rules stay in
// package catalog and the form only shows them.
func (e *productEditor) checkField(field string) func(string) string {
	return func(string) string {
		if !e.built {
			return ""
		}
		p, parseProblems := e.draft()
		if msg, ok := parseProblems[field]; ok {
			return msg
		}
		return fieldText(catalog.ValidateProduct(p), field)
	}
}

func (e *productEditor) build() fyne.CanvasObject {
	p := e.product
	e.name = widgets.NewField("name", lang.L("상품명 *"), lang.L("예: 오버핏 코튼 티셔츠"), e.checkField("name"))
	e.code = widgets.NewField("code", lang.L("판매자 상품코드 *"), lang.L("예: TS-0001"), e.checkField("code"))
	e.price = widgets.NewField("price", lang.L("판매가 (원) *"), lang.L("예: 19,800"), e.checkField("price"))
	e.cost = widgets.NewField("cost", lang.L("원가 (원)"), lang.L("예: 8,000"), e.checkField("cost"))
	e.weight = widgets.NewField("weight", lang.L("무게 (g)"), lang.L("예: 250"), e.checkField("weight"))
	e.hsCode = widgets.NewField("hs_code", lang.L("HS 코드"), lang.L("예: 6109.10"), nil)
	e.origin = widgets.NewField("origin", lang.L("원산지 코드"), lang.L("국산 00, 중국 0200037"), nil)
	e.name.Entry.SetText(p.Name)
	e.code.Entry.SetText(p.Code)
	if p.ID != 0 {
		e.price.Entry.SetText(format.Number(p.Price))
		e.cost.Entry.SetText(format.Number(p.Cost))
		e.weight.Entry.SetText(strconv.FormatInt(p.WeightGrams, 10))
	}
	e.hsCode.Entry.SetText(p.HSCode)
	e.origin.Entry.SetText(p.OriginCode)

	catNames := []string{lang.L("(없음)")}
	catSel := 0
	for i, c := range e.cats {
		catNames = append(catNames, c.Path)
		if c.ID == p.CategoryID {
			catSel = i + 1
		}
	}
	e.category = newSelect(catNames, nil)
	e.category.SetSelectedIndex(catSel)
	supNames := []string{lang.L("(없음)")}
	supSel := 0
	for i, s := range e.sups {
		supNames = append(supNames, s.Name)
		if s.ID == p.SupplierID {
			supSel = i + 1
		}
	}
	e.supplier = newSelect(supNames, nil)
	e.supplier.SetSelectedIndex(supSel)
	statuses := make([]string, len(catalog.Statuses))
	for i, st := range catalog.Statuses {
		statuses[i] = statusLabel(st)
	}
	e.status = newSelect(statuses, nil)
	e.status.SetSelected(statusLabel(p.Status))
	e.tax = widget.NewRadioGroup([]string{lang.L("과세"), lang.L("면세"), lang.L("영세")}, nil)
	e.tax.Horizontal = true
	e.tax.SetSelected(taxLabel(p.TaxType))
	e.backorder = widget.NewCheck(lang.L("재고가 없어도 주문 받기 (예약 판매)"), nil)
	e.backorder.SetChecked(p.AllowBackorder)
	e.detail = widget.NewMultiLineEntry()
	e.detail.SetText(p.Detail)
	e.detail.SetMinRowsVisible(4)
	e.detail.Wrapping = fyne.TextWrapWord

	row := func(label string, o fyne.CanvasObject) fyne.CanvasObject {
		return container.NewBorder(nil, nil, container.NewGridWrap(fyne.NewSize(150, 36), &widget.Label{Text: label, TextStyle: fyne.TextStyle{Bold: true}}), nil, o)
	}
	basic := widget.NewCard(lang.L("기본 정보"), "", container.NewVBox(
		e.name.Object(), e.code.Object(),
		row(lang.L("카테고리"), e.category), row(lang.L("공급업체"), e.supplier),
		row(lang.L("판매 상태"), e.status),
		row(lang.L("상세 설명"), e.detail),
	))
	money := widget.NewCard(lang.L("가격·배송·통관"), "", container.NewVBox(
		container.NewGridWithColumns(2, e.price.Object(), e.cost.Object()),
		row(lang.L("과세 구분"), e.tax),
		container.NewGridWithColumns(2, e.weight.Object(), e.hsCode.Object()),
		container.NewGridWithColumns(2, e.origin.Object(), e.backorder),
	))
	e.options = newOptionEditor(e)
	e.images = container.NewHBox()
	e.refreshImages()
	imageCard := widget.NewCard(lang.L("이미지"), lang.L("첫 번째 이미지가 목록의 썸네일이 됩니다."), container.NewVBox(
		container.NewHScroll(e.images),
		container.NewHBox(&widget.Button{Text: lang.L("이미지 추가…"), Icon: theme.ContentAddIcon(), OnTapped: e.onAddImage}),
	))

	title := lang.L("새 상품")
	if p.ID != 0 {
		title = lang.L("상품 수정: {{.Name}}", map[string]any{"Name": p.Name})
	}
	e.formError = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	e.formError.Hide()
	e.saveBtn = &widget.Button{Text: lang.L("저장"), Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: e.onSave}
	bar := container.NewBorder(nil, nil,
		&widget.Button{Text: lang.L("목록으로"), Icon: theme.NavigateBackIcon(), OnTapped: e.onBack},
		e.saveBtn,
		&widget.Label{Text: title, TextStyle: fyne.TextStyle{Bold: true}, Truncation: fyne.TextTruncateEllipsis})
	body := container.NewVScroll(container.NewVBox(basic, money, e.options.build(), imageCard))
	e.built = true
	return container.NewBorder(container.NewVBox(bar, e.formError, widget.NewSeparator()), nil, nil, nil, body)
}

func taxLabel(t catalog.TaxType) string {
	switch t {
	case catalog.TaxFree:
		return lang.L("면세")
	case catalog.ZeroRate:
		return lang.L("영세")
	}
	return lang.L("과세")
}

// draft reads the form into a product. Numbers that do not parse are returned as field problems.
func (e *productEditor) draft() (catalog.Product, map[string]string) {
	p := e.product
	problems := map[string]string{}
	p.Name = strings.TrimSpace(e.name.Entry.Text)
	p.Code = strings.TrimSpace(e.code.Entry.Text)
	money := func(field, text string, dst *int64, label string) {
		if strings.TrimSpace(text) == "" {
			*dst = 0
			return
		}
		if v, ok := format.ParseWon(text); ok {
			*dst = v
		} else {
			problems[field] = tr("{{.Label}}은(는) 숫자로 입력하세요.", map[string]any{"Label": label})
		}
	}
	money("price", e.price.Entry.Text, &p.Price, lang.L("판매가"))
	money("cost", e.cost.Entry.Text, &p.Cost, lang.L("원가"))
	money("weight", e.weight.Entry.Text, &p.WeightGrams, lang.L("무게"))
	p.HSCode = strings.TrimSpace(e.hsCode.Entry.Text)
	p.OriginCode = strings.TrimSpace(e.origin.Entry.Text)
	p.CategoryID, p.SupplierID = 0, 0
	if i := e.category.SelectedIndex(); i > 0 {
		p.CategoryID = e.cats[i-1].ID
	}
	if i := e.supplier.SelectedIndex(); i > 0 {
		p.SupplierID = e.sups[i-1].ID
	}
	if i := e.status.SelectedIndex(); i >= 0 {
		p.Status = catalog.Statuses[i]
	}
	switch e.tax.Selected {
	case lang.L("면세"):
		p.TaxType = catalog.TaxFree
	case lang.L("영세"):
		p.TaxType = catalog.ZeroRate
	default:
		p.TaxType = catalog.Taxable
	}
	p.AllowBackorder = e.backorder.Checked
	p.Detail = e.detail.Text
	if e.options != nil {
		p.OptionKind, p.OptionGroups, p.Options = e.options.kind, e.options.groups(), e.options.rows
		for k, v := range e.options.parseProblems {
			problems[k] = v
		}
	}
	return p, problems
}

func (e *productEditor) onSave() {
	p, fields := e.draft()
	for k, v := range fieldTexts(catalog.ValidateProduct(p)) {
		if _, own := fields[k]; !own {
			fields[k] = v // a number that did not parse keeps its own message
		}
	}
	if len(fields) > 0 {
		e.showProblems(fields)
		return
	}
	// stored off the UI goroutine; the form stays as the seller left it until the answer comes, and a
	// refusal puts its messages at their fields
	e.saveBtn.Disable()
	list := e.list
	background(list.sh, func(ctx context.Context) (catalog.Product, error) {
		return list.svc.SaveProduct(ctx, p, lang.L("상품 편집"))
	},
		func(saved catalog.Product, err error) {
			e.saveBtn.Enable()
			if list.editor != e { // the seller went back to the list meanwhile
				if err != nil {
					list.sh.showError(err)
				} else {
					list.refresh()
				}
				return
			}
			switch {
			case app.ErrorCode(err) == app.ErrInvalid && len(fieldTexts(err)) > 0:
				e.showProblems(fieldTexts(err))
			case err != nil:
				list.sh.showError(err)
			default:
				isNew := e.product.ID == 0
				e.product = saved
				list.showSaved(saved, isNew)
			}
		})
}

// showProblems puts each message at its field and a summary at the top.
func (e *productEditor) showProblems(fields map[string]string) {
	for _, f := range []*widgets.Field{e.name, e.code, e.price, e.cost, e.weight} {
		f.ShowMessage(fields[f.Name])
	}
	e.options.showProblems(fields)
	e.formError.SetText(lang.L("저장하지 못했습니다. 빨간 글씨로 표시한 {{.N}}곳을 고쳐 주세요.", map[string]any{"N": len(fields)}))
	e.formError.Show()
}

func (e *productEditor) onBack() {
	p, _ := e.draft()
	if e.unchanged(p) {
		e.list.closeEditor(false)
		return
	}
	c := dialog.NewConfirm(lang.L("저장하지 않은 변경"), lang.L("저장하지 않은 변경 내용이 있습니다. 버리고 목록으로 갈까요?"), func(ok bool) {
		if ok {
			e.list.closeEditor(false)
		}
	}, e.list.sh.win)
	c.SetConfirmText(lang.L("버리기"))
	c.SetDismissText(lang.L("계속 편집"))
	c.SetConfirmImportance(widget.WarningImportance)
	c.Show()
}

// unchanged compares the form with the product as opened, on what the seller can edit.
func (e *productEditor) unchanged(p catalog.Product) bool {
	o := e.product
	same := p.Name == o.Name && p.Code == o.Code && p.Price == o.Price && p.Cost == o.Cost &&
		p.CategoryID == o.CategoryID && p.SupplierID == o.SupplierID && p.Status == o.Status &&
		p.TaxType == o.TaxType && p.Detail == o.Detail && p.WeightGrams == o.WeightGrams &&
		p.HSCode == o.HSCode && p.OriginCode == o.OriginCode && p.AllowBackorder == o.AllowBackorder &&
		!e.options.dirty
	if o.ID == 0 {
		return p.Name == "" && p.Code == "" && p.Price == 0 && !e.options.dirty
	}
	return same
}
