package views

// 해외 배송 요금표: the overseas rate card, edited one service and zone at a time in a form dialog.

import (
	"context"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/format"
	"sellerdesk/app/overseas"
	"sellerdesk/views/widgets"
)

// rateKey names one table of the rate card: a service and a zone.
type rateKey struct {
	service overseas.Service
	zone    int
}

// rateTable is one service and zone's bands as shown: the stored rates, an input and a problem line each.
type rateTable struct {
	rates   []overseas.Rate
	entries []*widgets.Entry
	msgs    []*widgets.ErrorLine
	grid    fyne.CanvasObject
}

// rateForm is 해외 배송 요금표: the fees of one service and zone at a time, kept as typed when the seller
// switches to another (all are saved together), each fee's problem under it, and before 저장 what a parcel
// of a sample weight would cost with the fees as typed.
type rateForm struct {
	sh      *shell
	form    *widgets.FormDialog
	service *widgets.Select
	zone    *widgets.Select
	sample  *widgets.Entry
	list    *fyne.Container
	tables  map[rateKey]*rateTable
	asked   int // the newest table asked: an older answer is not shown
	// onSaved runs after the fees were stored (the overseas form asks its quote again); may be nil
	onSaved func()
}

// rateZones are the zones of Korea Post's rate card.
var rateZones = []int{1, 2, 3, 4}

// showRateTable edits the overseas rate table, one service and zone at a time.
func (sh *shell) showRateTable() *rateForm {
	f := &rateForm{sh: sh, tables: map[rateKey]*rateTable{}, list: container.NewVBox()}
	var svcNames []string
	for _, s := range overseas.Services {
		svcNames = append(svcNames, s.Label())
	}
	var zones []string
	for _, z := range rateZones {
		zones = append(zones, lang.L("{{.N}}지역", map[string]any{"N": z}))
	}
	f.service = widgets.NewSelect(svcNames, lang.L("배송 방법을 고르세요"), nil)
	f.zone = widgets.NewSelect(zones, lang.L("지역을 고르세요"), nil)
	f.sample = widgets.NewEntryWithPlaceholder(lang.L("예: 1000"))
	f.sample.SetText("1000")
	f.form = sh.formDialog(lang.L("해외 배송 요금표"), lang.L("저장"))
	f.form.MinWidth = 760
	f.form.SetIntro(lang.L("무게 구간마다 요금(원)을 적습니다. 처음 값은 예시이니 우체국 요금표로 바꾸세요. 1지역: 일본·중국 등, 2지역: 동남아, 3지역: 유럽·호주·캐나다, 4지역: 미국."))
	// the service and the zone share a row, and the bands lie in the form itself (no scroll inside the
	// scroll), so a 1093×570 window shows the choices, the sample and the first bands at once
	f.service.OnSubmit, f.service.OnEscape = f.form.Submit, f.form.Cancel
	f.zone.OnSubmit, f.zone.OnEscape = f.form.Submit, f.form.Cancel
	f.form.AddField(lang.L("배송 방법 · 지역"), container.NewGridWithColumns(2, f.service, f.zone), nil)
	f.form.AddField(lang.L("예시 무게 (g)"), f.sample, func() string {
		if _, ok := f.sampleGrams(); !ok {
			return lang.L("무게를 g 단위로 입력하세요 (예: 850).")
		}
		return ""
	})
	f.form.AddRow(f.list)
	f.form.Consequence = f.consequence
	f.form.OnSubmit = f.submit
	f.service.OnChanged = func(string) { f.show() }
	f.zone.OnChanged = func(string) { f.show() }
	f.service.SetSelectedIndex(0)
	f.zone.SetSelectedIndex(0)
	f.form.Show()
	return f
}

// key is the table chosen; ok is false until both a service and a zone are.
func (f *rateForm) key() (rateKey, bool) {
	si, zi := f.service.SelectedIndex(), f.zone.SelectedIndex()
	if si < 0 || zi < 0 {
		return rateKey{}, false
	}
	return rateKey{overseas.Services[si], rateZones[zi]}, true
}

// show puts the chosen table in the list: as typed when it was shown before, or read off the window.
func (f *rateForm) show() {
	k, ok := f.key()
	if !ok {
		return
	}
	f.asked++
	if t := f.tables[k]; t != nil {
		f.list.Objects = []fyne.CanvasObject{t.grid}
		f.list.Refresh()
		f.form.Changed()
		f.form.Refresh()
		return
	}
	gen := f.asked
	f.list.Objects = []fyne.CanvasObject{&widget.Label{Text: lang.L("불러오는 중…"), Importance: widget.LowImportance}}
	f.list.Refresh()
	background(f.sh, func(ctx context.Context) ([]overseas.Rate, error) {
		return f.sh.desk.Abroad.Rates(ctx, k.service, k.zone)
	},
		func(rs []overseas.Rate, err error) {
			if gen != f.asked {
				return // the seller chose another table meanwhile
			}
			if err != nil {
				f.list.Objects = []fyne.CanvasObject{&widget.Label{Text: sellerText(err), Importance: widget.DangerImportance,
					Wrapping: fyne.TextWrapWord}}
				f.list.Refresh()
				return
			}
			t := f.newTable(rs)
			f.tables[k] = t
			f.list.Objects = []fyne.CanvasObject{t.grid}
			f.list.Refresh()
			f.form.Changed()
			f.form.Refresh()
		})
}

// newTable lays a table's bands out four to a row: the band's weight, its fee input, its problem line.
func (f *rateForm) newTable(rs []overseas.Rate) *rateTable {
	t := &rateTable{rates: rs}
	grid := container.NewGridWithColumns(4)
	for i, r := range rs {
		e := widgets.NewEntry()
		e.SetText(format.Number(r.Fee))
		e.OnEscape = f.form.Cancel
		e.OnSubmitted = func(string) { f.form.Submit() }
		msg := widgets.NewErrorLine()
		i := i
		e.OnChanged = func(string) {
			if msg.Text() != "" {
				msg.SetText(t.problem(i))
			}
			f.form.SetProblem("")
			f.form.Changed()
		}
		t.entries = append(t.entries, e)
		t.msgs = append(t.msgs, msg)
		band := &widget.Label{Text: kgText(r.MaxGrams) + " kg", Alignment: fyne.TextAlignTrailing}
		grid.Add(container.NewBorder(nil, msg, container.New(&minWidthLayout{width: 64}, band), nil, e))
	}
	t.grid = grid
	return t
}

// problem is what is wrong with band i's fee as typed ("" when fine).
func (t *rateTable) problem(i int) string {
	if fee, ok := format.ParseWon(t.entries[i].Text); !ok || fee < 0 {
		return lang.L("숫자로 입력하세요.")
	}
	return ""
}

// typed is band i's fee as typed, ok false when it is not a fee.
func (t *rateTable) typed(i int) (int64, bool) {
	fee, ok := format.ParseWon(t.entries[i].Text)
	return fee, ok && fee >= 0
}

func kgText(grams int) string { return strconv.FormatFloat(float64(grams)/1000, 'f', -1, 64) }

// sampleGrams is the sample weight typed.
func (f *rateForm) sampleGrams() (int, bool) {
	g, err := strconv.Atoi(strings.TrimSpace(strings.ReplaceAll(f.sample.Text, ",", "")))
	return g, err == nil && g > 0
}

// changed lists every fee typed differently from the stored one, in every table shown so far.
func (f *rateForm) changed() []overseas.Rate {
	var out []overseas.Rate
	for _, t := range f.tables {
		for i, r := range t.rates {
			if fee, ok := t.typed(i); ok && fee != r.Fee {
				r.Fee = fee
				out = append(out, r)
			}
		}
	}
	return out
}

// consequence is what a parcel of the sample weight costs in the table shown, with the fees as typed, and
// how many fees 저장 changes.
func (f *rateForm) consequence() string {
	k, ok := f.key()
	t := f.tables[k]
	grams, gok := f.sampleGrams()
	switch {
	case !ok:
		return lang.L("배송 방법과 지역을 고르세요.")
	case t == nil:
		return lang.L("불러오는 중…")
	case !gok:
		return lang.L("예시 무게를 g 단위로 적으면 그 배송비를 보여 드립니다.")
	}
	var line string
	band := -1
	for i, r := range t.rates {
		if r.MaxGrams >= grams && (band < 0 || r.MaxGrams < t.rates[band].MaxGrams) {
			band = i
		}
	}
	args := map[string]any{"Service": k.service.Label(), "Zone": k.zone, "G": format.Number(int64(grams))}
	var fee int64
	fok := false
	if band >= 0 {
		fee, fok = t.typed(band)
	}
	switch {
	case band < 0:
		line = lang.L("{{.Service}} {{.Zone}}지역 요금표에는 {{.G}} g을 보낼 구간이 없습니다.", args)
	case !fok:
		args["Band"] = kgText(t.rates[band].MaxGrams)
		line = lang.L("{{.Service}} {{.Zone}}지역 {{.G}} g: {{.Band}} kg 구간의 요금을 숫자로 적으세요.", args)
	default:
		args["Band"], args["Fee"] = kgText(t.rates[band].MaxGrams), format.Won(fee)
		line = lang.L("{{.Service}} {{.Zone}}지역에 {{.G}} g을 보내면 {{.Fee}} ({{.Band}} kg 이하 구간)", args)
	}
	if n := len(f.changed()); n > 0 {
		line += " · " + lang.L("바꾼 요금 {{.N}}개", map[string]any{"N": n})
	}
	return line
}

// submit checks every fee typed (a wrong one is shown under it, its table brought up) and saves the
// changed ones, all or none, off the window; the form stays open with what was typed until they are stored.
func (f *rateForm) submit() bool {
	var bad *widgets.Entry
	var badKey rateKey
	for k, t := range f.tables {
		for i := range t.rates {
			msg := t.problem(i)
			t.msgs[i].SetText(msg)
			if msg != "" && bad == nil {
				bad, badKey = t.entries[i], k
			}
		}
	}
	if bad != nil {
		if k, _ := f.key(); k != badKey {
			for i, s := range overseas.Services {
				if s == badKey.service {
					f.service.SetSelectedIndex(i)
				}
			}
			f.zone.SetSelectedIndex(badKey.zone - 1)
		}
		f.sh.win.Canvas().Focus(bad)
		f.form.SetProblem(lang.L("숫자가 아닌 요금이 있습니다. 빨간 줄의 요금을 고치세요."))
		return false
	}
	changed := f.changed()
	if len(changed) == 0 {
		f.sh.toast(lang.L("바꾼 요금이 없어 요금표를 그대로 두었습니다."))
		return true
	}
	f.form.Busy(true)
	background(f.sh, func(ctx context.Context) (struct{}, error) {
		return struct{}{}, f.sh.desk.Abroad.SaveRates(ctx, changed)
	},
		func(_ struct{}, err error) {
			f.form.Busy(false)
			if err != nil {
				f.form.SetProblem(sellerText(err))
				return
			}
			f.form.Hide()
			f.sh.toast(lang.L("요금표를 저장했습니다 (요금 {{.N}}개).", map[string]any{"N": len(changed)}))
			if f.onSaved != nil {
				f.onSaved()
			}
		})
	return false
}
