package views

import (
	"context"
	"strconv"
	"strings"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/customers"
	"sellerdesk/app/format"
	"sellerdesk/app/mail"
	"sellerdesk/views/widgets"
)

func init() {
	registerArea(area{place: placeCustomers, title: "고객", iconName: theme.IconNameAccount,
		open: func(sh *shell) screen { return newCustomersScreen(sh) }})
}

// customersScreen is the 고객 area: the contact list with its search and filters, and the ways to the
// detail, campaigns, conversations and the mailbox settings. Phones, emails and names are masked in the
// list and shown whole in the detail.
type customersScreen struct {
	sh  *shell
	svc *customers.Service

	search  *hintEntry
	tag     *widget.Select
	consent *widget.Select
	last    *widget.Select
	total   *widget.Entry
	count   *widget.Label
	sync    *widget.Label
	table   *widget.Table
	src     *widgets.ListSource[customers.Query, customers.Contact]
	tags    []string
	// empty says what the list is for on a store without contacts, or that nothing matches the filters
	empty *listEmpty
	// syncing: the contacts are still being built from the orders, so an empty list is not a store without customers
	syncing bool
	// watch stops the IDLE connection the screen keeps while it is shown
	watch context.CancelFunc
	// asked: the password was asked for once this session
	asked bool
}

func newCustomersScreen(sh *shell) *customersScreen {
	return &customersScreen{sh: sh, svc: sh.desk.Customers()}
}

var customerColumns = []string{"이름", "전화", "이메일", "최근 주문", "주문", "누적 구매액", "수신 동의", "태그"}

// consentChoices are the consent filter's entries and what they filter.
var consentChoices = []struct{ label, code string }{{"수신 동의 전체", ""}, {"동의", "YES"}, {"거부", "NO"}, {"기록 없음", "NONE"}}

// lastChoices are the last-order filter's entries, in days (0: all).
var lastChoices = []struct {
	label string
	days  int
}{{"전체 기간", 0}, {"30일 안", 30}, {"90일 안", 90}, {"1년 안", 365}, {"1년 넘게 주문 없음", -365}}

func (s *customersScreen) build() fyne.CanvasObject {
	s.search = newHintEntry(lang.L("이름 일부, 전화 뒤 4자리, 이메일"))
	s.search.OnChanged = func(string) { s.src.LoadTyping(s.query()) }
	s.tag = &widget.Select{PlaceHolder: lang.L("태그 전체"), OnChanged: func(string) { s.src.Load(s.query()) }}
	var consentLabels, lastLabels []string
	for _, c := range consentChoices {
		consentLabels = append(consentLabels, lang.L(c.label))
	}
	for _, c := range lastChoices {
		lastLabels = append(lastLabels, lang.L(c.label))
	}
	s.consent = &widget.Select{Options: consentLabels}
	s.consent.SetSelectedIndex(0)
	s.consent.OnChanged = func(string) { s.src.Load(s.query()) }
	s.last = &widget.Select{Options: lastLabels}
	s.last.SetSelectedIndex(0)
	s.last.OnChanged = func(string) { s.src.Load(s.query()) }
	s.total = &widget.Entry{PlaceHolder: lang.L("누적 구매액 이상 (원)")}
	s.total.OnChanged = func(string) { s.src.LoadTyping(s.query()) }
	s.count = &widget.Label{}
	s.sync = &widget.Label{Importance: widget.LowImportance, Wrapping: fyne.TextWrapWord}
	s.sync.Hide()
	s.src = trackList(s.sh, &widgets.ListSource[customers.Query, customers.Contact]{
		Count: func(ctx context.Context, q customers.Query) (int, error) { return s.svc.Count(ctx, q) },
		Page: func(ctx context.Context, q customers.Query, offset, limit, _ int) ([]customers.Contact, error) {
			q.Offset, q.Limit = offset, limit
			return s.svc.List(ctx, q)
		},
		OnChange: s.onList,
	})
	s.table = newTextTable(translated(customerColumns), []float32{100, 130, 180, 100, 56, 110, 120, 140},
		func() int { return s.src.Len() }, s.cell)
	s.table.OnSelected = func(id widget.TableCellID) {
		s.table.UnselectAll()
		if c, ok := s.src.Row(id.Row); ok {
			s.openDetail(c.ID)
		}
	}
	// the sale of the first frame: the list shows what the store holds now, and the contacts are brought
	// up to the orders behind it
	s.src.Load(s.query())
	s.startSync()
	s.checkPassword()

	// the search is as wide as its hint at least (the hint says what can be searched; a grid's fifth of a
	// 1280-pixel window cut it), the other filters share the rest
	filters := container.NewBorder(nil, nil, s.search, nil, container.NewGridWithColumns(4, s.tag, s.consent, s.last, s.total))
	actions := container.NewHBox(
		&widget.Button{Text: lang.L("새 고객"), Icon: theme.ContentAddIcon(), OnTapped: s.createNew},
		&widget.Button{Text: lang.L("이메일 캠페인"), Icon: theme.MailSendIcon(), OnTapped: s.onCampaign},
		&widget.Button{Text: lang.L("1:1 메일"), Icon: theme.MailComposeIcon(), OnTapped: s.onInbox},
		&widget.Button{Text: lang.L("메일 설정"), Icon: theme.SettingsIcon(), OnTapped: s.onMailSettings},
		&widget.Button{Text: lang.L("가져오기"), Icon: theme.UploadIcon(), OnTapped: s.onImport},
		&widget.Button{Text: lang.L("내보내기"), Icon: theme.DownloadIcon(), OnTapped: s.onExport},
	)
	top := container.NewVBox(filters, container.NewBorder(nil, nil, nil, s.count, actions), s.sync)
	first := widgets.NewEmptyState(theme.AccountIcon(), lang.L("아직 고객이 없습니다"),
		lang.L("주문을 가져오면 구매자가 고객으로 만들어집니다. 매장 손님은 새 고객으로 더하고, 고객 엑셀 파일은 가져오기로 올리세요."),
		&widget.Button{Text: lang.L("새 고객"), Icon: theme.ContentAddIcon(), Importance: widget.HighImportance, OnTapped: s.createNew},
		&widget.Button{Text: lang.L("가져오기"), Icon: theme.UploadIcon(), OnTapped: s.onImport})
	s.empty = newListEmpty(s.table, first, lang.L("조건에 맞는 고객이 없습니다"), s.clearFilters)
	return container.NewBorder(top, nil, nil, nil, s.empty.box)
}

// filtered tells whether a search or filter narrows the list.
func (s *customersScreen) filtered() bool {
	q := s.query()
	return q.Search != "" || q.Tag != "" || q.Consent != "" || !q.LastFrom.IsZero() || !q.LastTo.IsZero() || q.MinTotal > 0
}

// clearFilters empties the search and every filter and shows the whole list.
func (s *customersScreen) clearFilters() {
	s.search.SetText("")
	s.tag.ClearSelected()
	s.consent.SetSelectedIndex(0)
	s.last.SetSelectedIndex(0)
	s.total.SetText("")
	s.src.Load(s.query())
}

// hintEntry is an entry never narrower than its placeholder, so the hint is read whole.
type hintEntry struct{ widget.Entry }

func newHintEntry(hint string) *hintEntry {
	e := &hintEntry{}
	e.PlaceHolder = hint
	e.ExtendBaseWidget(e)
	return e
}

// MinSize is the entry's own, widened to the placeholder's text with the entry's border and padding.
func (e *hintEntry) MinSize() fyne.Size {
	min := e.Entry.MinSize()
	return fyne.NewSize(max(min.Width, hintWidth(e.PlaceHolder)), min.Height)
}

// hintWidth is the width an entry needs to show text whole: the text, the padding each side of it and the
// entry's border.
func hintWidth(text string) float32 {
	return fyne.MeasureText(text, theme.TextSize(), fyne.TextStyle{}).Width + 2*theme.InnerPadding() + 2*theme.InputBorderSize() + 2
}

func translated(keys []string) []string {
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = lang.L(k)
	}
	return out
}

// query reads the filters into the list's query.
func (s *customersScreen) query() customers.Query {
	q := customers.Query{Search: strings.TrimSpace(s.search.Text)}
	if s.tag.SelectedIndex() > 0 {
		q.Tag = s.tags[s.tag.SelectedIndex()-1]
	}
	if i := s.consent.SelectedIndex(); i > 0 {
		q.Consent = consentChoices[i].code
	}
	now := s.svc.Now()
	if i := s.last.SelectedIndex(); i > 0 {
		d := lastChoices[i].days
		if d > 0 {
			q.LastFrom = now.AddDate(0, 0, -d)
		} else {
			q.LastTo = now.AddDate(0, 0, d)
		}
	}
	if v, ok := format.ParseWon(s.total.Text); ok && v > 0 {
		q.MinTotal = v
	}
	return q
}

func (s *customersScreen) onList(ev widgets.ListEvent) {
	if s.empty != nil {
		s.empty.update(ev, s.src.Total(), s.filtered())
		if s.syncing {
			s.empty.first.SetShown(false) // the contacts are on their way from the orders
		}
	}
	if s.sh.showListState(s.count, ev, s.src.Err()) {
		return
	}
	s.count.SetText(tr("고객 {{.N}}명", map[string]any{"N": format.Number(int64(s.src.Total()))}))
	s.table.Refresh()
}

// cell is one cell of the list: names, phones and emails masked, as in the order list.
func (s *customersScreen) cell(row, col int) string {
	c, ok := s.src.Row(row)
	if !ok {
		return ""
	}
	switch col {
	case 0:
		return customers.MaskName(c.Name)
	case 1:
		return customers.MaskPhone(c.Phone)
	case 2:
		if c.Email == "" {
			return lang.L("(없음)")
		}
		return customers.MaskEmail(c.Email)
	case 3:
		if c.LastOrderAt.IsZero() {
			return "-"
		}
		return format.Date(c.LastOrderAt)
	case 4:
		return format.Number(c.OrderCount)
	case 5:
		return format.Won(c.TotalAmount)
	case 6:
		return consentLabel(c.Consent, c.ConsentAt)
	case 7:
		return strings.Join(c.Tags, ", ")
	}
	return ""
}

func consentLabel(code string, at time.Time) string {
	switch code {
	case "YES":
		return lang.L("동의") + " " + at.Local().Format("06.01.02")
	case "NO":
		return lang.L("거부") + " " + at.Local().Format("06.01.02")
	}
	return lang.L("기록 없음")
}

// startSync brings the contacts up to the orders in the background, showing its progress under the
// filters; the list reloads when it is done.
func (s *customersScreen) startSync() {
	s.loadTags()
	pending := int64(0)
	background(s.sh, func(ctx context.Context) (int64, error) {
		n, err := s.svc.SyncState(ctx)
		pending = n
		if err != nil || n == 0 {
			return 0, err
		}
		fyne.Do(func() {
			s.syncing = true
			s.empty.first.SetShown(false)
			s.sync.SetText(tr("주문에서 고객 정보를 만드는 중… ({{.N}}건)", map[string]any{"N": format.Number(pending)}))
			s.sync.Show()
		})
		return s.svc.Sync(ctx, func(done, total int64) {
			fyne.Do(func() {
				s.sync.SetText(tr("주문에서 고객 정보를 만드는 중… {{.Done}} / {{.Total}}",
					map[string]any{"Done": format.Number(done), "Total": format.Number(total)}))
			})
		})
	}, func(n int64, err error) {
		s.sync.Hide()
		s.syncing = false
		if err != nil {
			s.sh.showError(err)
			return
		}
		if n > 0 || pending > 0 {
			s.src.Reload()
			s.loadTags()
		}
	})
}

func (s *customersScreen) loadTags() {
	background(s.sh, s.svc.Tags, func(tags []string, err error) {
		if err != nil {
			return
		}
		s.tags = tags
		sel := s.tag.SelectedIndex()
		s.tag.Options = append([]string{lang.L("태그 전체")}, tags...)
		if sel < 0 || sel >= len(s.tag.Options) {
			sel = 0
		}
		changed := s.tag.OnChanged
		s.tag.OnChanged = nil
		s.tag.SetSelectedIndex(sel)
		s.tag.OnChanged = changed
	})
}

// startWatch keeps an IDLE connection on the mailbox while the window is open; new mail is fetched at
// once. Nothing happens without a mailbox or a password.
func (s *customersScreen) startWatch() {
	if s.watch != nil || s.sh.jobs.held {
		return
	}
	a, ok, err := s.svc.Account(context.Background())
	if err != nil || !ok || !s.svc.HasPassword(a) {
		return
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.watch = cancel
	s.sh.desk.Go(func(life context.Context) {
		stop := context.AfterFunc(life, cancel)
		defer stop()
		for ctx.Err() == nil {
			err := s.svc.Watch(ctx, func() {
				if rep, err := s.svc.FetchMail(ctx); err == nil && rep.New > 0 {
					s.sh.toast(tr("새 메일 {{.N}}통", map[string]any{"N": rep.New}))
				}
			})
			if err != nil {
				s.sh.desk.Log.Warn("mail watch", "err", err)
				t := time.NewTimer(time.Minute)
				select {
				case <-ctx.Done():
				case <-t.C:
				}
				t.Stop()
			}
		}
	})
}

// checkPassword asks once for the mailbox password when a mailbox is set up and no keyring holds it, then
// starts watching the mailbox.
func (s *customersScreen) checkPassword() {
	background(s.sh, func(ctx context.Context) (struct {
		a  mail.Account
		ok bool
	}, error) {
		a, ok, err := s.svc.Account(ctx)
		return struct {
			a  mail.Account
			ok bool
		}{a, ok}, err
	}, func(r struct {
		a  mail.Account
		ok bool
	}, err error) {
		if err != nil || !r.ok {
			return
		}
		if s.svc.HasPassword(r.a) {
			s.startWatch()
			return
		}
		if !s.asked {
			s.asked = true
			s.askPassword(r.a, s.startWatch)
		}
	})
}

func (s *customersScreen) refresh() {
	s.src.Reload()
	s.startSync() // orders imported meanwhile join their contacts
}

func (s *customersScreen) focusSearch() { s.sh.win.Canvas().Focus(s.search) }

// createNew asks for a contact entered by hand.
func (s *customersScreen) createNew() {
	d := s.sh.formDialog(lang.L("새 고객"), lang.L("저장"))
	name, phone, email := &widget.Entry{}, &widget.Entry{PlaceHolder: lang.L("예: 010-1234-5678")}, &widget.Entry{PlaceHolder: lang.L("예: name@naver.com")}
	addr, tags := &widget.Entry{}, &widget.Entry{PlaceHolder: lang.L("쉼표로 구분: VIP, 단골")}
	note := &widget.Entry{MultiLine: true}
	fName := d.AddField(lang.L("이름"), name, nil)
	fPhone := d.AddField(lang.L("전화"), phone, nil)
	fEmail := d.AddField(lang.L("이메일"), email, nil)
	d.AddField(lang.L("주소"), addr, nil)
	d.AddField(lang.L("태그"), tags, nil)
	d.AddField(lang.L("메모"), note, nil)
	d.OnSubmit = func() bool {
		nc := customers.NewContact{Name: name.Text, Phone: phone.Text, Email: email.Text, Address: addr.Text, Note: note.Text,
			Tags: splitTags(tags.Text)}
		submitForm(s.sh, d, map[string]*widgets.FormField{customers.FieldName: fName, customers.FieldPhone: fPhone, customers.FieldEmail: fEmail},
			func(ctx context.Context) (int64, error) { return s.svc.Add(ctx, nc) },
			func(int64) {
				s.src.Reload()
				s.loadTags()
			})
		return false
	}
	d.Show()
}

func splitTags(s string) []string {
	var out []string
	for _, t := range strings.Split(s, ",") {
		if t = strings.TrimSpace(t); t != "" {
			out = append(out, t)
		}
	}
	return out
}

func (s *customersScreen) onExport() {
	s.sh.chooseSave(widgets.FileOptions{Title: lang.L("고객 내보내기"), FileName: "고객.xlsx", Extensions: []string{".xlsx"}}, func(path string) {
		working(s.sh, lang.L("고객 내보내기"), lang.L("고객 목록을 엑셀로 쓰는 중…"),
			func(ctx context.Context) (int, error) { return s.svc.Export(ctx, path) },
			func(n int) {
				s.sh.showSaved(savedSheet, lang.L("고객 내보내기"), path,
					tr("고객 {{.N}}명을 내보냈습니다.", map[string]any{"N": format.Number(int64(n))}))
			})
	})
}

func (s *customersScreen) onImport() {
	s.sh.chooseOpen(widgets.FileOptions{Title: lang.L("고객 가져오기"), Extensions: []string{".xlsx"}}, func(path string) {
		working(s.sh, lang.L("고객 가져오기"), lang.L("고객 파일을 읽는 중…"),
			func(ctx context.Context) (customers.ImportReport, error) { return s.svc.Import(ctx, path) },
			func(rep customers.ImportReport) {
				if len(rep.Problems) > 0 {
					var lines []string
					for _, p := range rep.Problems {
						lines = append(lines, msgText(p))
					}
					s.sh.showInfo(lang.L("고객 가져오기"), tr("고쳐야 할 행이 있어 아무것도 가져오지 않았습니다.")+"\n"+strings.Join(lines, "\n"))
					return
				}
				s.sh.showInfo(lang.L("고객 가져오기"), tr("새 고객 {{.Added}}명, 갱신 {{.Updated}}명, 수신동의 기록 {{.Consents}}건을 가져왔습니다.",
					map[string]any{"Added": rep.Added, "Updated": rep.Updated, "Consents": rep.Consents}))
				s.src.Reload()
				s.loadTags()
			})
	})
}

func atoi(s string) int {
	n, _ := strconv.Atoi(strings.TrimSpace(s))
	return n
}

// contactsJob builds or brings up to date the contacts after the first frame, with the quiet status line
// ("고객 정보 만드는 중… 42%"), so the 고객 area opens on current contacts. The lead adds it to startupJobs
// (views/startup_work.go); until then the 고객 area does the same when it opens.
func (sh *shell) contactsJob() startupJob {
	return startupJob{run: func(ctx context.Context, report func(string, float64)) error {
		svc := sh.desk.Customers()
		pending, err := svc.SyncState(ctx)
		if err != nil || pending == 0 {
			return err
		}
		_, err = svc.Sync(ctx, func(done, total int64) {
			f := -1.0
			if total > 0 {
				f = float64(done) / float64(total)
			}
			report(lang.L("고객 정보 만드는 중…"), f)
		})
		return err
	}}
}
