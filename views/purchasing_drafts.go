package views

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/format"
	"sellerdesk/app/purchasing"
	"sellerdesk/views/widgets"
)

// draftsDialog shows the purchase orders about to be made, one row per item with its quantity in an input
// the seller can change (a proposal is a proposal), the supply value of each row and, before confirming,
// how many purchase orders, items and won it comes to. A quantity of 0 leaves the item out.
type draftsDialog struct {
	sh     *shell
	drafts []purchasing.Draft
	qty    [][]*widgets.Entry // per draft, per line
	cost   [][]*widget.Label
	notes  *widget.Entry
	form   *widgets.FormDialog
	done   func([]string)
}

// confirmDrafts asks the seller to check (and change) the proposed purchase orders, then makes them; done
// gets their numbers. Items no purchase order could take are listed with why.
func (sh *shell) confirmDrafts(drafts []purchasing.Draft, skipped []purchasing.Skipped, done func([]string)) {
	if len(drafts) == 0 {
		msg := lang.L("발주할 품목이 없습니다.")
		for _, k := range skipped {
			msg += "\n· " + k.Item + ": " + msgText(k.Why)
		}
		sh.showInfo(lang.L("발주서 만들기"), msg)
		return
	}
	v := &draftsDialog{sh: sh, drafts: drafts, done: done}
	v.form = sh.formDialog(lang.L("발주서 만들기"), lang.L("만들기"))
	v.form.MinWidth = 760
	v.form.SetIntro(lang.L("수량은 제안입니다. 바꿀 수 있고, 0이면 그 품목은 빼고 만듭니다. 만든 발주서는 작성 상태이며 PDF로 저장해 공급업체에 보내세요."))
	for _, k := range skipped {
		v.form.AddRow(&widget.Label{Text: lang.L("제외") + ": " + k.Item + " — " + msgText(k.Why), Importance: widget.WarningImportance,
			Wrapping: fyne.TextWrapWord})
	}
	v.form.AddRow(v.table())
	v.notes = widget.NewMultiLineEntry()
	v.notes.SetPlaceHolder(lang.L("예: 결제 조건, 포장 요청"))
	v.notes.SetMinRowsVisible(2)
	v.form.AddField(lang.L("비고"), v.notes, nil)
	v.form.Consequence = v.consequence
	v.form.OnSubmit = v.onCreate
	v.form.Show()
}

// table builds the rows: a header, then each item with its quantity input.
func (v *draftsDialog) table() fyne.CanvasObject {
	row := func(supplier, item, qty, cost fyne.CanvasObject) fyne.CanvasObject {
		return container.New(&columnsLayout{first: 300, rest: []float32{140, 90, 120}}, item, supplier, qty, cost)
	}
	rows := container.NewVBox(row(boldLabel(lang.L("공급업체")), boldLabel(lang.L("품목")), boldLabel(lang.L("수량")), boldLabel(lang.L("공급가액"))))
	v.qty = make([][]*widgets.Entry, len(v.drafts))
	v.cost = make([][]*widget.Label, len(v.drafts))
	for di, d := range v.drafts {
		for li, l := range d.Lines {
			e := widgets.NewEntry()
			e.OnEscape = func() { v.form.Cancel() }
			e.SetText(strconv.FormatInt(l.Qty, 10))
			cost := &widget.Label{Text: format.Won(l.Qty * l.UnitCost), Alignment: fyne.TextAlignTrailing}
			di, li := di, li
			e.OnChanged = func(string) {
				if n, ok := v.parsed(di, li); ok {
					cost.SetText(format.Won(n * v.drafts[di].Lines[li].UnitCost))
				} else {
					cost.SetText("—")
				}
				v.form.Changed()
			}
			v.qty[di] = append(v.qty[di], e)
			v.cost[di] = append(v.cost[di], cost)
			item := &widget.Label{Text: strings.TrimSpace(l.Name + " " + l.OptionLabel), Truncation: fyne.TextTruncateEllipsis}
			rows.Add(row(&widget.Label{Text: d.SupplierName, Truncation: fyne.TextTruncateEllipsis}, item, e, cost))
		}
	}
	scroll := container.NewVScroll(rows)
	scroll.SetMinSize(fyne.NewSize(680, min(float32(len(rows.Objects))*44, 260)))
	return scroll
}

// parsed reads a quantity as typed: ok false when it is not a whole number of 0 or more.
func (v *draftsDialog) parsed(di, li int) (int64, bool) {
	n, err := strconv.ParseInt(strings.TrimSpace(strings.ReplaceAll(v.qty[di][li].Text, ",", "")), 10, 64)
	return n, err == nil && n >= 0
}

// chosen is the drafts with the quantities typed, items of 0 left out, drafts left empty dropped; bad names
// the first item whose quantity is not a number.
func (v *draftsDialog) chosen() (out []purchasing.Draft, bad string) {
	for di, d := range v.drafts {
		c := d
		c.Lines = nil
		for li, l := range d.Lines {
			n, ok := v.parsed(di, li)
			if !ok {
				if bad == "" {
					bad = strings.TrimSpace(l.Name + " " + l.OptionLabel)
				}
				continue
			}
			if n == 0 {
				continue
			}
			l.Qty = n
			c.Lines = append(c.Lines, l)
		}
		if len(c.Lines) > 0 {
			out = append(out, c)
		}
	}
	return out, bad
}

// consequence says what 만들기 will make, as the quantities are changed.
func (v *draftsDialog) consequence() string {
	ds, bad := v.chosen()
	if bad != "" {
		return lang.L("{{.Item}}의 수량을 0 이상의 숫자로 적으세요.", map[string]any{"Item": bad})
	}
	var items, total int64
	for _, d := range ds {
		for _, l := range d.Lines {
			items++
			total += l.Qty * l.UnitCost
		}
	}
	if len(ds) == 0 {
		return lang.L("모든 수량이 0이라 만들 발주서가 없습니다.")
	}
	return lang.L("발주서 {{.N}}장 · 품목 {{.Items}}개 · 공급가액 {{.Total}}", map[string]any{"N": len(ds),
		"Items": format.Number(items), "Total": format.Won(total)})
}

// onCreate makes the purchase orders off the UI goroutine; the dialog stays open with what was typed until
// they are stored.
func (v *draftsDialog) onCreate() bool {
	ds, bad := v.chosen()
	switch {
	case bad != "":
		v.form.SetProblem(lang.L("{{.Item}}의 수량을 0 이상의 숫자로 적으세요.", map[string]any{"Item": bad}))
		return false
	case len(ds) == 0:
		v.form.SetProblem(lang.L("모든 수량이 0이라 만들 발주서가 없습니다."))
		return false
	}
	v.form.SetProblem("")
	v.form.Busy(true)
	text := v.notes.Text
	background(v.sh, func(ctx context.Context) ([]string, error) { return v.sh.desk.POs.Create(ctx, ds, text) },
		func(numbers []string, err error) {
			v.form.Busy(false)
			if err != nil {
				v.form.SetProblem(sellerText(err))
				return
			}
			v.form.Hide()
			v.done(numbers)
		})
	return false
}
