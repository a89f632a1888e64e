package views

import (
	"context"
	"fmt"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/customers"
	"sellerdesk/app/format"
	"sellerdesk/views/widgets"
)

// customerDetail is one contact shown whole: how to reach them, their consent and its history, and their
// orders, returns and mail in one timeline, with the actions on them.
type customerDetail struct {
	s   *customersScreen
	id  int64
	d   customers.Detail
	dlg *dialog.CustomDialog
	box *fyne.Container
}

func (s *customersScreen) openDetail(id int64) {
	cd := &customerDetail{s: s, id: id, box: container.NewStack(widget.NewLabel(lang.L("불러오는 중…")))}
	cd.dlg = dialog.NewCustom(lang.L("고객 정보"), lang.L("닫기"), cd.box, s.sh.win)
	cd.dlg.Resize(fyne.NewSize(820, 620))
	cd.dlg.SetOnClosed(func() { s.src.Reload() })
	cd.dlg.Show()
	cd.load()
}

func (cd *customerDetail) load() {
	background(cd.s.sh, func(ctx context.Context) (customers.Detail, error) { return cd.s.svc.Detail(ctx, cd.id) },
		func(d customers.Detail, err error) {
			if err != nil {
				cd.dlg.Hide()
				cd.s.sh.showError(err)
				return
			}
			cd.d = d
			cd.box.Objects = []fyne.CanvasObject{cd.build()}
			cd.box.Refresh()
		})
}

func (cd *customerDetail) build() fyne.CanvasObject {
	c := cd.d.Contact
	info := widget.NewForm(
		widget.NewFormItem(lang.L("이름"), widget.NewLabel(c.Name)),
		widget.NewFormItem(lang.L("전화"), widget.NewLabel(dash(c.Phone))),
		widget.NewFormItem(lang.L("이메일"), widget.NewLabel(dash(c.Email))),
		widget.NewFormItem(lang.L("태그"), widget.NewLabel(dash(strings.Join(c.Tags, ", ")))),
		widget.NewFormItem(lang.L("누적 구매액"), widget.NewLabel(tr("{{.Total}} · 주문 {{.N}}건 · 반품 {{.R}}건",
			map[string]any{"Total": format.Won(c.TotalAmount), "N": c.OrderCount, "R": c.ReturnCount}))),
		widget.NewFormItem(lang.L("수신 동의"), widget.NewLabel(consentLabel(c.Consent, c.ConsentAt))),
	)
	var others []string
	for _, d := range cd.d.Details {
		others = append(others, d.Value)
	}
	if len(others) > 0 {
		info.Append(lang.L("알려진 연락처"), &widget.Label{Text: strings.Join(others, " · "), Wrapping: fyne.TextWrapWord})
	}
	if c.Note != "" {
		info.Append(lang.L("메모"), &widget.Label{Text: c.Note, Wrapping: fyne.TextWrapWord})
	}
	top := container.NewVBox(info)
	if cd.d.MissingEmail {
		top.Add(&widget.Label{Text: lang.L("이메일이 없습니다. 스마트스토어 주문 파일에는 구매자 이메일이 없으니, 매장에서 받은 주소를 입력하거나 고객 파일로 가져오세요."),
			Wrapping: fyne.TextWrapWord, Importance: widget.WarningImportance})
	}
	actions := container.NewGridWithColumns(4,
		&widget.Button{Text: lang.L("정보 수정"), OnTapped: cd.onEdit},
		&widget.Button{Text: lang.L("수신 동의 기록"), OnTapped: func() { cd.onConsent(true) }},
		&widget.Button{Text: lang.L("수신 거부 기록"), OnTapped: func() { cd.onConsent(false) }},
		&widget.Button{Text: lang.L("다른 고객 합치기"), OnTapped: cd.onMerge},
	)
	if len(cd.d.Keys) > 1 {
		actions.Add(&widget.Button{Text: lang.L("나누기"), OnTapped: cd.onSplit})
	}
	if len(cd.d.Merges) > 0 {
		actions.Add(&widget.Button{Text: lang.L("합치기 취소"), OnTapped: cd.onUndoMerge})
	}
	top.Add(actions)
	history := widget.NewList(func() int { return len(cd.d.Consents) },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			r := cd.d.Consents[i]
			what := lang.L("동의")
			if !r.Granted {
				what = lang.L("거부")
			}
			conf := lang.L("확인 메일 보내기 전")
			if !r.ConfirmedAt.IsZero() {
				conf = tr("확인 메일 {{.At}}", map[string]any{"At": format.Date(r.ConfirmedAt)})
			}
			o.(*widget.Label).SetText(fmt.Sprintf("%s · %s · %s · %s", format.Date(r.At), what, lang.L(r.Method), conf))
		})
	timeline := widget.NewList(func() int { return len(cd.d.Timeline) },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			e := cd.d.Timeline[i]
			line := fmt.Sprintf("%s  [%s]  %s · %s", format.Date(e.At), lang.L(eventKind(e.Kind)), eventWords(e.Title, e.TitleKey, e.N),
				eventWords(e.Detail, e.DetailKey, e.N))
			if e.Amount != 0 {
				line += " · " + format.Won(e.Amount)
			}
			o.(*widget.Label).SetText(line)
		})
	tabs := container.NewAppTabs(
		container.NewTabItem(lang.L("타임라인"), timeline),
		container.NewTabItem(lang.L("수신 동의 이력"), history),
	)
	return container.NewBorder(top, nil, nil, nil, tabs)
}

// eventWords says a timeline line's title or detail: a sentence key in the window's language, other text
// (a product, an order number, a subject) as it is.
func eventWords(s string, key bool, n int) string {
	if !key {
		return s
	}
	return tr(s, map[string]any{"N": n})
}

func eventKind(k string) string {
	switch k {
	case "ORDER":
		return "주문"
	case "RETURN":
		return "반품·교환"
	case "MAIL_OUT":
		return "보낸 메일"
	case "MAIL_IN":
		return "메일 대화"
	case "CONSENT":
		return "수신 동의"
	}
	return k
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func (cd *customerDetail) onEdit() {
	c := cd.d.Contact
	d := cd.s.sh.formDialog(lang.L("고객 정보 수정"), lang.L("저장"))
	name, phone, email := &widget.Entry{Text: c.Name}, &widget.Entry{Text: c.Phone}, &widget.Entry{Text: c.Email}
	tags, note := &widget.Entry{Text: strings.Join(c.Tags, ", ")}, &widget.Entry{Text: c.Note, MultiLine: true}
	fName := d.AddField(lang.L("이름"), name, nil)
	fPhone := d.AddField(lang.L("전화"), phone, nil)
	fEmail := d.AddField(lang.L("이메일"), email, nil)
	d.AddField(lang.L("태그"), tags, nil)
	d.AddField(lang.L("메모"), note, nil)
	d.OnSubmit = func() bool {
		submitForm(cd.s.sh, d, map[string]*widgets.FormField{customers.FieldName: fName, customers.FieldPhone: fPhone, customers.FieldEmail: fEmail},
			func(ctx context.Context) (struct{}, error) {
				return struct{}{}, cd.s.svc.Update(ctx, cd.id, name.Text, phone.Text, email.Text, note.Text, splitTags(tags.Text))
			}, func(struct{}) { cd.load() })
		return false
	}
	d.Show()
}

// onConsent records a consent statement: yes or no, when, how. It is a record with its date and way, never
// a checkbox alone; a withdrawal stops waiting ads at once.
func (cd *customerDetail) onConsent(granted bool) {
	title := lang.L("수신 동의 기록")
	if !granted {
		title = lang.L("수신 거부 기록")
	}
	d := cd.s.sh.formDialog(title, lang.L("기록"))
	d.SetIntro(lang.L("광고성 정보(이메일) 수신에 대한 고객의 의사를 날짜와 방법과 함께 기록합니다. 기록하면 고객에게 처리 결과 안내 메일을 보냅니다(14일 안에 알려야 합니다)."))
	day := &widget.Entry{Text: cd.s.svc.Now().Local().Format("2006-01-02")}
	methods := make([]string, len(customers.ConsentMethods))
	for i, m := range customers.ConsentMethods {
		methods[i] = lang.L(m)
	}
	method := &widget.Select{Options: methods, PlaceHolder: lang.L("방법 고르기")}
	note := &widget.Entry{}
	d.AddField(lang.L("날짜"), day, func() string {
		if _, err := time.ParseInLocation("2006-01-02", strings.TrimSpace(day.Text), time.Local); err != nil {
			return lang.L("날짜는 2026-11-20처럼 입력하세요.")
		}
		return ""
	})
	d.AddField(lang.L("방법"), method, func() string {
		if method.SelectedIndex() < 0 {
			return lang.L("동의를 받은 방법을 고르세요 (매장 서면, 전화 …).")
		}
		return ""
	})
	d.AddField(lang.L("메모"), note, nil)
	d.OnSubmit = func() bool {
		at, _ := time.ParseInLocation("2006-01-02", strings.TrimSpace(day.Text), time.Local)
		if at.Format("2006-01-02") == cd.s.svc.Now().Local().Format("2006-01-02") {
			at = cd.s.svc.Now()
		}
		m := customers.ConsentMethods[method.SelectedIndex()]
		submitForm(cd.s.sh, d, nil, func(ctx context.Context) (struct{}, error) {
			return struct{}{}, cd.s.svc.RecordConsent(ctx, cd.id, granted, at, m, note.Text)
		}, func(struct{}) { cd.load() })
		return false
	}
	d.Show()
}

// onMerge folds another contact into this one, found by the list's search.
func (cd *customerDetail) onMerge() {
	d := cd.s.sh.formDialog(lang.L("다른 고객 합치기"), lang.L("합치기"))
	d.SetIntro(lang.L("같은 사람인 다른 고객을 찾아 이 고객으로 합칩니다. 주문, 연락처, 수신 동의, 메일이 옮겨오며, 합치기는 나중에 취소할 수 있습니다."))
	search := &widget.Entry{PlaceHolder: lang.L("이름 일부, 전화 뒤 4자리, 이메일")}
	var found []customers.Contact
	pick := &widget.Select{PlaceHolder: lang.L("고객 고르기")}
	search.OnChanged = func(text string) {
		background(cd.s.sh, func(ctx context.Context) ([]customers.Contact, error) {
			if strings.TrimSpace(text) == "" {
				return nil, nil
			}
			return cd.s.svc.List(ctx, customers.Query{Search: text, Limit: 20})
		}, func(list []customers.Contact, err error) {
			if err != nil || search.Text != text {
				return
			}
			found, pick.Options = nil, nil
			for _, c := range list {
				if c.ID == cd.id {
					continue
				}
				found = append(found, c)
				pick.Options = append(pick.Options, fmt.Sprintf("%s · %s · %s", c.Name, customers.MaskPhone(c.Phone), format.Won(c.TotalAmount)))
			}
			pick.ClearSelected()
			pick.Refresh()
		})
	}
	d.AddField(lang.L("찾기"), search, nil)
	d.AddField(lang.L("합칠 고객"), pick, func() string {
		if pick.SelectedIndex() < 0 {
			return lang.L("합칠 고객을 고르세요.")
		}
		return ""
	})
	d.OnSubmit = func() bool {
		from := found[pick.SelectedIndex()].ID
		submitForm(cd.s.sh, d, nil, func(ctx context.Context) (int64, error) { return cd.s.svc.Merge(ctx, cd.id, from) },
			func(int64) { cd.load() })
		return false
	}
	d.Show()
}

func (cd *customerDetail) onUndoMerge() {
	m := cd.d.Merges[0]
	dialog.ShowConfirm(lang.L("합치기 취소"), tr("{{.At}}에 합친 고객을 다시 나눕니다.", map[string]any{"At": format.DateTime(m.At)}),
		func(ok bool) {
			if !ok {
				return
			}
			saving(cd.s.sh, func(ctx context.Context) error { return cd.s.svc.UndoMerge(ctx, m.ID) }, cd.load)
		}, cd.s.sh.win)
}

// onSplit gives one of the contact's buyer keys (a 구매자ID, or a name and phone) a contact of its own.
func (cd *customerDetail) onSplit() {
	d := cd.s.sh.formDialog(lang.L("고객 나누기"), lang.L("나누기"))
	d.SetIntro(lang.L("다른 사람의 주문이 섞였을 때, 고른 구매자 정보의 주문을 새 고객으로 옮깁니다."))
	var opts []string
	for _, k := range cd.d.Keys {
		opts = append(opts, tr("{{.Key}} (주문 {{.N}}건)", map[string]any{"Key": keyLabel(k.Key), "N": k.Orders}))
	}
	pick := &widget.Select{Options: opts}
	d.AddField(lang.L("구매자 정보"), pick, func() string {
		if pick.SelectedIndex() < 0 {
			return lang.L("나눌 구매자 정보를 고르세요.")
		}
		return ""
	})
	d.OnSubmit = func() bool {
		key := cd.d.Keys[pick.SelectedIndex()].ID
		submitForm(cd.s.sh, d, nil, func(ctx context.Context) (int64, error) { return cd.s.svc.Split(ctx, key) },
			func(int64) { cd.load() })
		return false
	}
	d.Show()
}

// keyLabel shows a buyer key as the seller knows it: the 구매자ID, or the name and phone.
func keyLabel(k string) string {
	switch {
	case strings.HasPrefix(k, "id:"):
		return lang.L("구매자ID") + " " + strings.TrimPrefix(k, "id:")
	case strings.HasPrefix(k, "np:"):
		name, phone, _ := strings.Cut(strings.TrimPrefix(k, "np:"), "|")
		return name + " " + customers.MaskPhone(phone)
	}
	return k
}
