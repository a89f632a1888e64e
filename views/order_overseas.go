package views

import (
	"context"
	"fmt"
	"image/color"
	"io"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/format"
	"sellerdesk/app/overseas"
	"sellerdesk/views/widgets"
)

// overseasForm edits an order's overseas shipment: destination, service, weight and the fee the rate table
// gives for them (shown as the seller types), the addressee in English, and the customs items.
type overseasForm struct {
	v         *orderDetail
	sh        overseas.Shipment
	countries []overseas.Country
	country   *widget.Select
	service   *widget.Select
	category  *widget.Select
	entries   map[string]*widgets.Entry
	quote     *widget.Label
	items     []map[string]*widgets.Entry
	form      *screenForm
	// sender is our store in English for the declaration; the form asks for it while it is incomplete
	sender    overseas.Sender
	askSender bool
	// quotes asks the rate table off the UI goroutine as the seller types (its one row is the quote)
	quotes *widgets.ListSource[quoteQuery, overseas.Quote]
}

// quoteQuery is what a quote is asked for.
type quoteQuery struct {
	country string
	service overseas.Service
	grams   int
}

// overseasData is what the form needs before it opens.
type overseasData struct {
	shipment  overseas.Shipment
	countries []overseas.Country
	sender    overseas.Sender
}

// onOverseas reads the order's shipment draft and the countries in the background, then opens the form.
func (v *orderDetail) onOverseas() {
	svc := v.s.sh.desk.Abroad
	orderID := v.d.Order.ID
	background(v.s.sh, func(ctx context.Context) (overseasData, error) {
		sh, err := svc.Draft(ctx, orderID)
		if err != nil {
			return overseasData{}, err
		}
		cs, err := svc.Countries(ctx)
		if err != nil {
			return overseasData{}, err
		}
		snd, err := svc.Sender(ctx)
		return overseasData{sh, cs, snd}, err
	}, func(d overseasData, err error) {
		if err != nil {
			v.s.sh.showError(err)
			return
		}
		f := &overseasForm{v: v, sh: d.shipment, countries: d.countries, sender: d.sender, askSender: !d.sender.Complete(),
			entries: map[string]*widgets.Entry{}}
		v.overseas = f
		f.show()
	})
}

func (f *overseasForm) entry(key, value, placeholder string) *widgets.Entry {
	e := widgets.NewEntry()
	e.SetText(value)
	e.SetPlaceHolder(placeholder)
	e.OnChanged = func(string) { f.requote() }
	f.entries[key] = e
	return e
}

func (f *overseasForm) show() {
	abroad := f.v.s.sh.desk.Abroad
	f.quotes = trackList(f.v.s.sh, &widgets.ListSource[quoteQuery, overseas.Quote]{
		Page: func(ctx context.Context, q quoteQuery, _, _, _ int) ([]overseas.Quote, error) {
			r, err := abroad.Quote(ctx, q.country, q.service, q.grams)
			if err != nil {
				return nil, err
			}
			return []overseas.Quote{r}, nil
		},
		OnChange: f.onQuote,
	})
	names := make([]string, len(f.countries))
	for i, c := range f.countries {
		names[i] = c.NameKo + " (" + c.NameEn + ")"
	}
	f.country = newSelect(names, func(string) { f.requote() })
	f.country.PlaceHolder = lang.L("나라를 고르세요")
	for i, c := range f.countries {
		if c.Code == f.sh.Country {
			f.country.SetSelectedIndex(i)
		}
	}
	var svcNames []string
	for _, s := range overseas.Services {
		svcNames = append(svcNames, s.Label())
	}
	f.service = newSelect(svcNames, func(string) { f.requote() })
	f.service.PlaceHolder = lang.L("배송 방법을 고르세요")
	for i, s := range overseas.Services {
		if string(s) == f.sh.Service {
			f.service.SetSelectedIndex(i)
		}
	}
	var cats []string
	for _, c := range overseas.Categories {
		cats = append(cats, lang.L(c.Label))
	}
	f.category = newSelect(cats, nil)
	f.category.PlaceHolder = lang.L("물품 종류를 고르세요")
	for i, c := range overseas.Categories {
		if c.Code == f.sh.Category {
			f.category.SetSelectedIndex(i)
		}
	}
	f.quote = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}
	weight := ""
	if f.sh.WeightGrams > 0 {
		weight = strconv.Itoa(f.sh.WeightGrams)
	}
	rows := []formRow{
		{label: lang.L("나라"), input: f.country, field: "country"},
		{label: lang.L("배송 방법"), input: f.service, field: "service"},
		{label: lang.L("총 무게 (g, 포장 포함)"), input: f.entry("weight", weight, lang.L("예: 850")), field: "weight"},
		{label: lang.L("배송비"), input: container.NewVBox(f.quote, f.entry("fee", "", lang.L("비우면 요금표대로"))), field: "fee"},
		{label: lang.L("받는 사람 (영문)"), input: f.entry("nameEn", f.sh.NameEn, lang.L("예: Jane Smith")), field: "nameEn"},
		{label: lang.L("주소 (영문)"), input: f.entry("addressEn", f.sh.AddressEn, lang.L("예: 55 Main St Apt 4")), field: "addressEn"},
		{label: lang.L("도시 / 주 / 우편번호"), input: container.NewGridWithColumns(3,
			f.entry("city", f.sh.City, lang.L("예: Springfield")), f.entry("state", f.sh.State, lang.L("예: IL")),
			f.entry("postcode", f.sh.Postcode, lang.L("예: 62701")))},
		{label: lang.L("전화 (국가번호 포함)"), input: f.entry("phone", f.sh.Phone, lang.L("예: +1 217-555-0100")), field: "phone"},
		{label: lang.L("이메일"), input: f.entry("email", f.sh.Email, "")},
		{label: lang.L("등기번호"), input: f.entry("tracking", f.sh.TrackingNo, lang.L("예: EE123456789KR"))},
		{label: lang.L("물품 종류"), input: f.category},
	}
	if f.askSender {
		snd := f.sender
		rows = append(rows,
			formRow{input: &widget.Label{Text: lang.L("세관신고서의 보내는 사람(우리 스토어)을 영문으로 한 번 적어 두세요. 다음부터는 묻지 않습니다."),
				Wrapping: fyne.TextWrapWord, Importance: widget.HighImportance}},
			formRow{label: lang.L("보내는 사람 (영문)"), input: f.entry("senderName", snd.Name, lang.L("예: Hong Gildong")), field: "senderName"},
			formRow{label: lang.L("보내는 주소 (영문)"), input: f.entry("senderAddress", snd.Address, lang.L("예: 12 Sejong-daero, Jung-gu")), field: "senderAddress"},
			formRow{label: lang.L("도시"), input: f.entry("senderCity", snd.City, lang.L("예: Seoul")), field: "senderCity"},
			formRow{label: lang.L("우편번호"), input: f.entry("senderPostcode", snd.Postcode, lang.L("예: 04524")), field: "senderPostcode"},
			formRow{label: lang.L("전화 (+82)"), input: f.entry("senderPhone", snd.Phone, lang.L("예: +82 10-1234-5678")), field: "senderPhone"})
	}
	itemsBox := container.NewVBox()
	// one row per item: the description takes what the five short columns leave
	itemRow := func(desc fyne.CanvasObject, rest ...fyne.CanvasObject) fyne.CanvasObject {
		return container.New(itemColumns, append([]fyne.CanvasObject{desc}, rest...)...)
	}
	itemsBox.Add(itemRow(boldLabel(lang.L("품목 설명 (영문)")), boldLabel(lang.L("HS 코드")), boldLabel(lang.L("수량")),
		boldLabel(lang.L("순중량 g")), boldLabel(lang.L("가격 USD")), boldLabel(lang.L("원산지"))))
	for _, it := range f.sh.Items {
		f.addItemRow(itemsBox, itemRow, it)
	}
	rates := &widget.Button{Text: lang.L("요금표…"), Icon: theme.SettingsIcon(), OnTapped: func() { f.v.s.sh.showRateTable().onSaved = f.requote }}
	gap := canvas.NewRectangle(color.Transparent) // the form's scroll bar lies over the right edge
	gap.SetMinSize(fyne.NewSize(theme.ScrollBarSize(), 0))
	rows = append(rows, formRow{input: container.NewBorder(nil, nil, boldLabel(lang.L("세관 신고 품목")), container.NewHBox(rates, gap))},
		formRow{label: " ", input: itemsBox, field: "items"})
	f.form = newScreenForm(f.v.s.sh, lang.L("해외배송 · 세관 신고"), lang.L("저장"), 860, rows, func(*screenForm) { f.save() })
	f.requote()
	f.form.show()
}

// addItemRow adds a customs item's row of inputs. The placeholders are examples ("예: 180"), drawn in the
// theme's placeholder colour, and a figure the draft does not know (a product without a weight) is left
// empty so its example shows instead of a 0 that reads as typed; an empty input is never read as its
// example.
func (f *overseasForm) addItemRow(box *fyne.Container, itemRow func(fyne.CanvasObject, ...fyne.CanvasObject) fyne.CanvasObject,
	it overseas.CustomsItem) map[string]*widgets.Entry {
	row := map[string]*widgets.Entry{}
	mk := func(k, v, example string) *widgets.Entry {
		e := widgets.NewEntryWithPlaceholder(lang.L("예: {{.Example}}", map[string]any{"Example": example}))
		e.SetText(v)
		row[k] = e
		return e
	}
	num := func(n int) string {
		if n <= 0 {
			return ""
		}
		return strconv.Itoa(n)
	}
	box.Add(itemRow(mk("desc", it.Description, "Wool knit scarf"), mk("hs", it.HSCode, "6117.10"),
		mk("qty", num(it.Qty), "1"), mk("grams", num(it.NetGrams), "180"),
		mk("usd", fmt.Sprintf("%d.%02d", it.ValueCents/100, it.ValueCents%100), "20.00"), mk("origin", it.Origin, "KR")))
	f.items = append(f.items, row)
	return row
}

// itemColumns lays a customs item out on one row: 품목 설명, then HS 코드, 수량, 순중량, 가격 and 원산지.
var itemColumns = &columnsLayout{first: 200, rest: []float32{110, 64, 84, 90, 72}}

// columnsLayout puts its objects side by side on one row: each after the first gets its fixed width, the
// first gets the rest (at least first).
type columnsLayout struct {
	first float32
	rest  []float32
}

func (l *columnsLayout) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	gap := theme.Padding()
	fixed := theme.ScrollBarSize() // the form's scroll bar lies over its right edge: the last column stays clear of it
	for _, w := range l.rest {
		fixed += w + gap
	}
	x := float32(0)
	for i, o := range objs {
		w := max(size.Width-fixed, l.first)
		if i > 0 && i-1 < len(l.rest) {
			w = l.rest[i-1]
		}
		o.Move(fyne.NewPos(x, 0))
		o.Resize(fyne.NewSize(w, size.Height))
		x += w + gap
	}
}

func (l *columnsLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	w := l.first + theme.ScrollBarSize()
	for _, c := range l.rest {
		w += c + theme.Padding()
	}
	var h float32
	for _, o := range objs {
		h = max(h, o.MinSize().Height)
	}
	return fyne.NewSize(w, h)
}

func boldLabel(s string) *widget.Label {
	return &widget.Label{Text: s, TextStyle: fyne.TextStyle{Bold: true}}
}

// requote asks the rate table's fee and delivery days for what is chosen so far; onQuote shows them.
func (f *overseasForm) requote() {
	if f.quote == nil || f.country == nil || f.service == nil || f.entries["weight"] == nil {
		return
	}
	ci, si := f.country.SelectedIndex(), f.service.SelectedIndex()
	grams, err := strconv.Atoi(strings.TrimSpace(f.entries["weight"].Text))
	if ci < 0 || si < 0 || err != nil {
		f.quotes.Load(quoteQuery{}) // an answer still on its way is for what is no longer chosen
		return
	}
	f.quotes.LoadTyping(quoteQuery{f.countries[ci].Code, overseas.Services[si], grams})
}

// onQuote shows the quote asked last, on the UI goroutine: a quiet 불러오는 중 while it is read, and what is
// wrong (a weight above the table) in place of the fee.
func (f *overseasForm) onQuote(ev widgets.ListEvent) {
	f.quote.Importance = widget.MediumImportance
	f.quote.TextStyle.Bold = true
	switch {
	case ev == widgets.ListLoading:
		f.quote.Importance = widget.LowImportance
		f.quote.TextStyle.Bold = false
		f.quote.SetText(lang.L("불러오는 중…"))
		return
	case ev == widgets.ListFailed:
		f.quote.SetText(sellerText(f.quotes.Err()))
		return
	}
	q, ok := f.quotes.Row(0)
	if !ok {
		f.quote.SetText(lang.L("나라, 배송 방법, 무게를 입력하면 요금표의 배송비를 보여 드립니다."))
		return
	}
	f.quote.SetText(lang.L("요금표 {{.Fee}} ({{.Zone}}지역, {{.Band}} kg 이하) · 보통 {{.Min}}~{{.Max}}일", map[string]any{
		"Fee": format.Won(q.Fee), "Zone": q.Zone, "Band": strconv.FormatFloat(float64(q.BandGrams)/1000, 'f', -1, 64),
		"Min": q.DaysMin, "Max": q.DaysMax}))
}

func (f *overseasForm) save() {
	text := func(k string) string { return strings.TrimSpace(f.entries[k].Text) }
	sh := f.sh
	if i := f.country.SelectedIndex(); i >= 0 {
		sh.Country = f.countries[i].Code
	} else {
		sh.Country = ""
	}
	if i := f.service.SelectedIndex(); i >= 0 {
		sh.Service = string(overseas.Services[i])
	}
	if i := f.category.SelectedIndex(); i >= 0 {
		sh.Category = overseas.Categories[i].Code
	}
	sh.WeightGrams, _ = strconv.Atoi(text("weight"))
	sh.NameEn, sh.AddressEn, sh.City, sh.State, sh.Postcode = text("nameEn"), text("addressEn"), text("city"), text("state"), text("postcode")
	sh.Phone, sh.Email, sh.TrackingNo = text("phone"), text("email"), text("tracking")
	sh.Items = nil
	bad := map[string]string{}
	for i, row := range f.items {
		// an empty quantity or weight is 0, which the service refuses as missing; an empty input is never
		// read as the example its placeholder shows
		qty, err1 := atoiOrZero(row["qty"].Text)
		grams, err2 := atoiOrZero(row["grams"].Text)
		if strings.TrimSpace(row["usd"].Text) == "" {
			bad["items"] = lang.L("{{.N}}번 품목의 가격(USD)을 입력하세요 (예: 20.00).", map[string]any{"N": i + 1})
			break
		}
		cents, err3 := parseUSD(row["usd"].Text)
		if err1 != nil || err2 != nil || err3 != nil {
			bad["items"] = lang.L("{{.N}}번 품목의 수량, 순중량, 가격은 숫자로 입력하세요.", map[string]any{"N": i + 1})
			break
		}
		sh.Items = append(sh.Items, overseas.CustomsItem{Description: strings.TrimSpace(row["desc"].Text), HSCode: strings.TrimSpace(row["hs"].Text),
			Qty: qty, NetGrams: grams, ValueCents: cents, Origin: strings.TrimSpace(row["origin"].Text)})
	}
	var override *int64
	if t := text("fee"); t != "" {
		fee, ok := format.ParseWon(t)
		if !ok {
			bad["fee"] = lang.L("배송비는 숫자로 입력하세요 (예: 34,000).")
		}
		override = &fee
	}
	if f.form.setErrors(bad) {
		return
	}
	var snd *overseas.Sender
	if f.askSender {
		snd = &overseas.Sender{Name: text("senderName"), Company: text("senderName"), Address: text("senderAddress"),
			City: text("senderCity"), Postcode: text("senderPostcode"), Phone: text("senderPhone"), Email: f.sender.Email}
	}
	// written off the UI goroutine; the form stays open with the seller's input and each problem at its
	// field until the shipment (and the sender it asked for) is accepted
	f.form.busy(true)
	abroad := f.v.s.sh.desk.Abroad
	type result struct {
		saved          overseas.Shipment
		err, senderErr error
	}
	background(f.v.s.sh, func(ctx context.Context) (result, error) {
		var r result
		if snd != nil {
			_, r.senderErr = abroad.SaveSender(ctx, *snd)
		}
		r.saved, r.err = abroad.Save(ctx, sh, override)
		return r, nil
	}, func(r result, _ error) {
		if r.err != nil || r.senderErr != nil {
			all := map[string]string{}
			for _, err := range []error{r.err, r.senderErr} {
				if err == nil {
					continue
				}
				m := fieldTexts(err)
				if len(m) == 0 {
					f.form.refused(err)
					return
				}
				for k, v := range m {
					all[k] = v
				}
			}
			f.form.busy(false)
			f.form.setErrors(all)
			return
		}
		f.sh = r.saved
		f.askSender = false
		f.form.close()
		f.v.s.sh.toast(lang.L("해외배송 정보를 저장했습니다."))
		f.v.s.afterChange()
	})
}

// atoiOrZero reads a whole number; empty is 0.
func atoiOrZero(s string) (int, error) {
	if s = strings.TrimSpace(s); s == "" {
		return 0, nil
	}
	return strconv.Atoi(strings.ReplaceAll(s, ",", ""))
}

// parseUSD reads "25.50" or "25" as cents.
func parseUSD(s string) (int64, error) {
	s = strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(s), "$"))
	whole, frac, _ := strings.Cut(s, ".")
	w, err := strconv.ParseInt(strings.ReplaceAll(whole, ",", ""), 10, 64)
	if err != nil {
		return 0, err
	}
	var c int64
	if frac != "" {
		if len(frac) == 1 {
			frac += "0"
		}
		if c, err = strconv.ParseInt(frac[:2], 10, 64); err != nil {
			return 0, err
		}
	}
	return w*100 + c, nil
}

// onCustomsPDF saves the order's CN22/CN23 declaration and confirms with 열기 (to print) and 폴더 열기.
func (v *orderDetail) onCustomsPDF() {
	orderID := v.d.Order.ID
	v.s.sh.savePDF(lang.L("세관신고서"), lang.L("세관신고서를 만드는 중…"), v.d.Order.OrderNo+"_세관신고서.pdf",
		func(ctx context.Context, w io.Writer) error {
			return v.s.sh.desk.Abroad.WriteDeclaration(ctx, orderID, w)
		})
}
