package views

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/catalog"
	"sellerdesk/app/format"
)

// optionEditor edits a product's option kind, option names and values, and the grid of sellable
// combinations with their code, extra price, stock, safety stock and usable flag, inline.
type optionEditor struct {
	ed            *productEditor
	kind          catalog.OptionKind
	kindRadio     *widget.RadioGroup
	groupNames    [catalog.MaxOptionGroups]*widget.Entry
	groupValues   [catalog.MaxOptionGroups]*widget.Entry
	groupRows     [catalog.MaxOptionGroups]fyne.CanvasObject
	groupsBox     *fyne.Container
	rows          []catalog.Option
	table         *widget.Table
	summary       *widget.Label
	problems      *widget.Label
	parseProblems map[string]string
	dirty         bool
}

const (
	optColLabel = iota
	optColCode
	optColExtra
	optColStock
	optColSafety
	optColUsable
	optColHistory
	optColumns
)

func newOptionEditor(ed *productEditor) *optionEditor {
	p := ed.product
	o := &optionEditor{ed: ed, kind: p.OptionKind, parseProblems: map[string]string{}}
	o.rows = append([]catalog.Option(nil), p.Options...)
	if o.kind == "" {
		o.kind = catalog.OptionsNone
	}
	return o
}

func kindLabels() []string {
	return []string{lang.L("옵션 없음"), lang.L("단독형"), lang.L("조합형")}
}

var kinds = []catalog.OptionKind{catalog.OptionsNone, catalog.OptionsSingle, catalog.OptionsCombination}

func (o *optionEditor) build() fyne.CanvasObject {
	o.kindRadio = widget.NewRadioGroup(kindLabels(), nil)
	o.kindRadio.Horizontal = true
	for i, k := range kinds {
		if k == o.kind {
			o.kindRadio.SetSelected(kindLabels()[i])
		}
	}
	o.kindRadio.OnChanged = o.onKind
	o.groupsBox = container.NewVBox()
	for i := range o.groupNames {
		o.groupNames[i] = &widget.Entry{PlaceHolder: lang.L("옵션명 (예: 색상)")}
		o.groupValues[i] = &widget.Entry{PlaceHolder: lang.L("옵션값을 쉼표로 구분 (예: 빨강, 파랑, 검정)")}
		o.groupNames[i].ExtendBaseWidget(o.groupNames[i])
		o.groupValues[i].ExtendBaseWidget(o.groupValues[i])
		if i < len(o.ed.product.OptionGroups) {
			g := o.ed.product.OptionGroups[i]
			o.groupNames[i].SetText(g.Name)
			o.groupValues[i].SetText(strings.Join(g.Values, ", "))
		}
		o.groupNames[i].OnChanged = func(string) { o.dirty = true }
		o.groupValues[i].OnChanged = func(string) { o.dirty = true }
		o.groupRows[i] = container.NewBorder(nil, nil,
			container.NewGridWrap(fyne.NewSize(180, 36), o.groupNames[i]), nil, o.groupValues[i])
		o.groupsBox.Add(o.groupRows[i])
	}
	regen := &widget.Button{Text: lang.L("옵션 목록 만들기"), Icon: theme.ViewRefreshIcon(), OnTapped: o.onRegenerate}
	o.groupsBox.Add(container.NewHBox(regen, widget.NewLabel(lang.L("옵션명·값을 바꾸면 눌러 주세요. 남아 있는 조합의 재고는 그대로 유지됩니다."))))

	o.table = &widget.Table{
		Length:        func() (int, int) { return len(o.rows), optColumns },
		CreateCell:    newOptionCell,
		UpdateCell:    o.updateCell,
		ShowHeaderRow: true,
		CreateHeader:  func() fyne.CanvasObject { return &widget.Label{TextStyle: fyne.TextStyle{Bold: true}} },
		UpdateHeader: func(id widget.TableCellID, c fyne.CanvasObject) {
			titles := []string{lang.L("옵션"), lang.L("옵션관리코드"), lang.L("옵션가"), lang.L("재고"), lang.L("안전재고"), lang.L("사용"), ""}
			c.(*widget.Label).SetText(titles[id.Col])
		},
	}
	o.table.ExtendBaseWidget(o.table)
	for col, w := range []float32{220, 160, 110, 90, 90, 56, 90} {
		o.table.SetColumnWidth(col, w)
	}
	o.summary = &widget.Label{}
	o.problems = &widget.Label{Importance: widget.DangerImportance, Wrapping: fyne.TextWrapWord}
	o.problems.Hide()
	grid := container.NewGridWrap(fyne.NewSize(840, 300), o.table)
	o.applyKind()
	return widget.NewCard(lang.L("옵션·재고"), "", container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("옵션 형태")), nil, o.kindRadio),
		o.groupsBox, o.summary, grid, o.problems))
}

// applyKind shows as many option-name rows as the kind takes.
func (o *optionEditor) applyKind() {
	show := 0
	switch o.kind {
	case catalog.OptionsSingle:
		show = 1
	case catalog.OptionsCombination:
		show = catalog.MaxOptionGroups
	}
	for i, r := range o.groupRows {
		if i < show {
			r.Show()
		} else {
			r.Hide()
		}
	}
	if show == 0 {
		o.groupsBox.Hide()
	} else {
		o.groupsBox.Show()
	}
	o.updateSummary()
}

func (o *optionEditor) onKind(label string) {
	for i, l := range kindLabels() {
		if l == label && kinds[i] != o.kind {
			o.kind = kinds[i]
			o.dirty = true
			o.applyKind()
			o.onRegenerate()
		}
	}
}

// groups reads the option names and values from the form.
func (o *optionEditor) groups() []catalog.OptionGroup {
	var gs []catalog.OptionGroup
	n := 0
	switch o.kind {
	case catalog.OptionsSingle:
		n = 1
	case catalog.OptionsCombination:
		n = catalog.MaxOptionGroups
	}
	for i := 0; i < n; i++ {
		name := strings.TrimSpace(o.groupNames[i].Text)
		var values []string
		for _, v := range strings.Split(o.groupValues[i].Text, ",") {
			if v = strings.TrimSpace(v); v != "" {
				values = append(values, v)
			}
		}
		if name == "" && len(values) == 0 {
			continue
		}
		gs = append(gs, catalog.OptionGroup{Name: name, Values: values})
	}
	return gs
}

// onRegenerate rebuilds the grid from the names and values, keeping what existing combinations hold.
func (o *optionEditor) onRegenerate() {
	o.rows = catalog.CombineOptions(o.kind, o.groups(), o.rows)
	o.dirty = true
	o.parseProblems = map[string]string{}
	o.table.Refresh()
	o.updateSummary()
}

func (o *optionEditor) updateSummary() {
	if o.summary == nil {
		return
	}
	var stock int64
	low := 0
	for _, r := range o.rows {
		if r.Usable {
			stock += r.Stock
			if r.LowStock() {
				low++
			}
		}
	}
	o.summary.SetText(lang.L("판매 단위 {{.N}}개 · 총 재고 {{.Stock}}개 · 재고부족 {{.Low}}개",
		map[string]any{"N": len(o.rows), "Stock": format.Number(stock), "Low": low}))
}

func newOptionCell() fyne.CanvasObject {
	entry := &widget.Entry{}
	entry.ExtendBaseWidget(entry)
	return container.NewStack(
		&widget.Label{Truncation: fyne.TextTruncateEllipsis},
		entry,
		container.NewCenter(widget.NewCheck("", nil)),
		&widget.Button{Text: lang.L("재고 이력"), Importance: widget.LowImportance},
	)
}

func (o *optionEditor) updateCell(id widget.TableCellID, c fyne.CanvasObject) {
	parts := c.(*fyne.Container).Objects
	label := parts[0].(*widget.Label)
	entry := parts[1].(*widget.Entry)
	check := parts[2].(*fyne.Container).Objects[0].(*widget.Check)
	btn := parts[3].(*widget.Button)
	for _, p := range parts {
		p.Hide()
	}
	if id.Row >= len(o.rows) {
		return
	}
	row := id.Row
	r := o.rows[row]
	bind := func(text string, set func(string)) {
		entry.OnChanged = nil
		entry.SetText(text)
		entry.OnChanged = func(s string) {
			set(s)
			o.dirty = true
			o.updateSummary()
		}
		parts[1].Show()
	}
	number := func(field string, dst func(int64)) func(string) {
		return func(s string) {
			key := fmt.Sprintf("option.%d.%s", row, field)
			if strings.TrimSpace(s) == "" {
				dst(0)
				delete(o.parseProblems, key)
				return
			}
			v, ok := format.ParseWon(s)
			if !ok {
				o.parseProblems[key] = lang.L("숫자로 입력하세요.")
				return
			}
			delete(o.parseProblems, key)
			dst(v)
		}
	}
	switch id.Col {
	case optColLabel:
		label.SetText(r.Label())
		if r.Label() == "" {
			label.SetText(lang.L("기본"))
		}
		parts[0].Show()
	case optColCode:
		bind(r.Code, func(s string) { o.rows[row].Code = strings.TrimSpace(s) })
	case optColExtra:
		bind(strconv.FormatInt(r.ExtraPrice, 10), number("extra_price", func(v int64) { o.rows[row].ExtraPrice = v }))
	case optColStock:
		bind(strconv.FormatInt(r.Stock, 10), number("stock", func(v int64) { o.rows[row].Stock = v }))
	case optColSafety:
		bind(strconv.FormatInt(r.SafetyStock, 10), number("safety_stock", func(v int64) { o.rows[row].SafetyStock = v }))
	case optColUsable:
		check.OnChanged = nil
		check.SetChecked(r.Usable)
		check.OnChanged = func(on bool) {
			o.rows[row].Usable = on
			o.dirty = true
			o.updateSummary()
		}
		parts[2].Show()
	case optColHistory:
		if r.ID != 0 {
			btn.OnTapped = func() { o.ed.list.sh.showStock(o.ed.product, o.rows[row], o.onStockChanged) }
			parts[3].Show()
		}
	}
}

// onStockChanged takes the stock a dialog adjustment left, so the grid and a later save agree with it.
func (o *optionEditor) onStockChanged(opt catalog.Option) {
	for i := range o.rows {
		if o.rows[i].ID == opt.ID {
			o.rows[i].Stock = opt.Stock
		}
	}
	for i := range o.ed.product.Options {
		if o.ed.product.Options[i].ID == opt.ID {
			o.ed.product.Options[i].Stock = opt.Stock
		}
	}
	o.table.Refresh()
	o.updateSummary()
}

// showProblems lists the option problems under the grid, row by row.
func (o *optionEditor) showProblems(fields map[string]string) {
	type line struct {
		row  int
		text string
	}
	var lines []line
	for k, v := range fields {
		if k == "options" {
			lines = append(lines, line{-1, v})
			continue
		}
		parts := strings.SplitN(k, ".", 3)
		if len(parts) != 3 || parts[0] != "option" {
			continue
		}
		row, err := strconv.Atoi(parts[1])
		if err != nil {
			continue
		}
		what := ""
		if row < len(o.rows) {
			what = o.rows[row].Label()
		}
		lines = append(lines, line{row, lang.L("{{.Row}}행 {{.What}} {{.Field}}: {{.Msg}}",
			map[string]any{"Row": row + 1, "What": what, "Field": optionFieldLabel(parts[2]), "Msg": v})})
	}
	sort.Slice(lines, func(i, j int) bool {
		if lines[i].row != lines[j].row {
			return lines[i].row < lines[j].row
		}
		return lines[i].text < lines[j].text
	})
	if len(lines) == 0 {
		o.problems.Hide()
		return
	}
	texts := make([]string, len(lines))
	for i, l := range lines {
		texts[i] = l.text
	}
	o.problems.SetText(strings.Join(texts, "\n"))
	o.problems.Show()
}

func optionFieldLabel(field string) string {
	switch field {
	case "code":
		return lang.L("옵션관리코드")
	case "extra_price":
		return lang.L("옵션가")
	case "stock":
		return lang.L("재고")
	case "safety_stock":
		return lang.L("안전재고")
	}
	return field
}
