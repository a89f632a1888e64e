package views

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/customers"
	"sellerdesk/app/format"
	"sellerdesk/app/mail"
)

// campaignDialog composes an email campaign for the contacts the list's filters show: merge fields, the
// lawful-basis check of every recipient (those without one listed with the reason and skipped), a
// preview as a recipient reads it, a test to the seller first, then the send with progress, pause and
// resume, and its report.
type campaignDialog struct {
	s     *customersScreen
	dlg   *dialog.CustomDialog
	query customers.Query

	kind     *widget.RadioGroup
	subject  *widget.Entry
	body     *widget.Entry
	coupon   *widget.Entry
	cats     *widget.CheckGroup
	catIDs   []int64
	basis    *widget.Label
	skipped  *widget.Table
	plan     customers.Plan
	problem  *widget.Label
	sendBtn  *widget.Button
	planned  bool
	progress *widget.ProgressBar
	status   *widget.Label
	pauseBtn *widget.Button
	campaign int64
	paused   bool
}

// lastCampaign is the campaign dialog shown last (tests reach its widgets through it).
var lastCampaign *campaignDialog

func (s *customersScreen) onCampaign() {
	c := &campaignDialog{s: s, query: s.query()}
	lastCampaign = c
	c.show()
}

func (c *campaignDialog) show() {
	c.kind = &widget.RadioGroup{Options: []string{lang.L("광고"), lang.L("정보성 (주문·배송·반품 안내)")}, Horizontal: true,
		OnChanged: func(string) { c.unplan() }}
	c.kind.SetSelected(c.kind.Options[0])
	c.subject = &widget.Entry{PlaceHolder: lang.L("제목 (광고는 앞에 (광고)가 붙습니다)"), OnChanged: func(string) { c.unplan() }}
	c.body = &widget.Entry{MultiLine: true, Wrapping: fyne.TextWrapWord, OnChanged: func(string) { c.unplan() }}
	c.body.SetMinRowsVisible(6)
	c.coupon = &widget.Entry{PlaceHolder: lang.L("쿠폰 코드 (선택)")}
	c.cats = &widget.CheckGroup{Horizontal: true, OnChanged: func([]string) { c.unplan() }}
	c.basis = &widget.Label{Wrapping: fyne.TextWrapWord}
	c.problem = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.DangerImportance}
	c.skipped = newTextTable([]string{lang.L("건너뛸 고객"), lang.L("이유")}, []float32{140, 460},
		func() int { return len(c.plan.Skipped) },
		func(row, col int) string {
			b := c.plan.Skipped[row]
			if col == 0 {
				return customers.MaskName(b.Name)
			}
			return lang.L(b.Why)
		})
	var fields []fyne.CanvasObject
	for _, f := range customers.MergeFields {
		f := f
		fields = append(fields, &widget.Button{Text: f, OnTapped: func() { c.body.SetText(c.body.Text + f) }})
	}
	c.sendBtn = &widget.Button{Text: lang.L("발송"), Importance: widget.HighImportance, OnTapped: c.onSend}
	c.sendBtn.Disable()
	c.progress = &widget.ProgressBar{}
	c.progress.Hide()
	c.status = &widget.Label{Wrapping: fyne.TextWrapWord}
	c.pauseBtn = &widget.Button{Text: lang.L("일시정지"), OnTapped: c.onPause}
	c.pauseBtn.Hide()
	form := widget.NewForm(
		widget.NewFormItem(lang.L("종류"), c.kind),
		widget.NewFormItem(lang.L("제목"), c.subject),
		widget.NewFormItem(lang.L("본문"), c.body),
		widget.NewFormItem(lang.L("넣을 항목"), container.NewHBox(fields...)),
		widget.NewFormItem(lang.L("쿠폰"), c.coupon),
		widget.NewFormItem(lang.L("같은 종류의 상품"), c.cats),
	)
	note := &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance,
		Text: lang.L("받는 사람: 고객 목록에서 지금 고른 필터의 고객. 광고는 수신 동의한 고객과, 6개월 안에 위에서 고른 종류의 상품을 산 고객에게만 갑니다.")}
	buttons := container.NewHBox(
		&widget.Button{Text: lang.L("받는 사람 확인"), OnTapped: c.onPlan},
		&widget.Button{Text: lang.L("미리보기"), OnTapped: c.onPreview},
		&widget.Button{Text: lang.L("나에게 테스트 발송"), OnTapped: c.onTest},
		c.sendBtn, c.pauseBtn,
	)
	top := container.NewVBox(form, note)
	// the form scrolls above the buttons, the outcome and the skipped list, so the dialog fits a 1366×768
	// laptop at 125 %
	outcome := container.NewBorder(container.NewVBox(buttons, c.problem, c.basis, c.progress, c.status), nil, nil, nil, c.skipped)
	content := container.NewVSplit(container.NewVScroll(top), outcome)
	content.Offset = 0.55
	c.dlg = dialog.NewCustom(lang.L("이메일 캠페인"), lang.L("닫기"), content, c.s.sh.win)
	c.dlg.Resize(fyne.NewSize(900, 680))
	c.dlg.Show()
	background(c.s.sh, func(ctx context.Context) ([]struct {
		id   int64
		name string
	}, error) {
		cats, err := c.s.sh.desk.Catalog.Categories(ctx)
		var out []struct {
			id   int64
			name string
		}
		for _, k := range cats {
			if k.ParentID == 0 {
				out = append(out, struct {
					id   int64
					name string
				}{k.ID, k.Name})
			}
		}
		return out, err
	}, func(list []struct {
		id   int64
		name string
	}, err error) {
		if err != nil {
			return
		}
		for _, k := range list {
			c.catIDs = append(c.catIDs, k.id)
			c.cats.Append(k.name)
		}
	})
}

func (c *campaignDialog) unplan() {
	c.planned = false
	if c.sendBtn != nil && c.campaign == 0 {
		c.sendBtn.Disable()
	}
}

func (c *campaignDialog) draft() customers.Draft {
	d := customers.Draft{Kind: customers.KindAd, Subject: c.subject.Text, Body: c.body.Text, Coupon: c.coupon.Text, Recipients: c.query}
	if c.kind.Selected != c.kind.Options[0] {
		d.Kind = customers.KindInfo
	}
	for i, name := range c.cats.Options {
		for _, sel := range c.cats.Selected {
			if sel == name {
				d.Categories = append(d.Categories, c.catIDs[i])
			}
		}
	}
	return d
}

// onPlan checks every recipient's lawful basis and lists who would be skipped, and why.
func (c *campaignDialog) onPlan() {
	d := c.draft()
	c.problem.SetText("")
	background(c.s.sh, func(ctx context.Context) (customers.Plan, error) { return c.s.svc.Plan(ctx, d) },
		func(p customers.Plan, err error) {
			if err != nil {
				c.problem.SetText(sellerText(err))
				return
			}
			c.plan, c.planned = p, true
			c.basis.SetText(tr("보낼 고객 {{.Send}}명 · 건너뛸 고객 {{.Skip}}명 (수신동의 확인 안내를 먼저 받을 고객 {{.Notice}}명)",
				map[string]any{"Send": format.Number(int64(len(p.Send))), "Skip": format.Number(int64(len(p.Skipped))), "Notice": p.Notices}))
			c.skipped.Refresh()
			if len(p.Send) > 0 && c.campaign == 0 {
				c.sendBtn.Enable()
			}
		})
}

// onPreview shows the message as the first recipient would read it; the HTML part opens in the browser.
func (c *campaignDialog) onPreview() {
	d := c.draft()
	background(c.s.sh, func(ctx context.Context) (customers.Rendered, error) {
		if !c.planned || len(c.plan.Send) == 0 {
			p, err := c.s.svc.Plan(ctx, d)
			if err != nil {
				return customers.Rendered{}, err
			}
			c.plan = p
		}
		if len(c.plan.Send) == 0 {
			return customers.Rendered{}, errors.New(lang.L("미리 볼 받는 사람이 없습니다."))
		}
		return c.s.svc.Preview(ctx, d, c.plan.Send[0].ContactID)
	}, func(r customers.Rendered, err error) {
		if err != nil {
			c.problem.SetText(sellerText(err))
			return
		}
		text := &widget.Label{Text: r.Text, Wrapping: fyne.TextWrapWord}
		open := &widget.Button{Text: lang.L("HTML을 브라우저로 열기"), OnTapped: func() { c.openHTML(r.HTML) }}
		box := container.NewBorder(container.NewVBox(
			&widget.Label{Text: tr("받는 사람: {{.To}}", map[string]any{"To": customers.MaskEmail(r.To)})},
			&widget.Label{Text: r.Subject, TextStyle: fyne.TextStyle{Bold: true}, Wrapping: fyne.TextWrapWord}),
			open, nil, nil, container.NewVScroll(text))
		pd := dialog.NewCustom(lang.L("미리보기"), lang.L("닫기"), box, c.s.sh.win)
		pd.Resize(fyne.NewSize(640, 520))
		pd.Show()
	})
}

// openHTML writes the HTML part to a temporary file and opens it: Fyne cannot draw HTML.
func (c *campaignDialog) openHTML(html string) {
	path := filepath.Join(os.TempDir(), "sellerdesk-preview.html")
	if err := os.WriteFile(path, []byte(html), 0o600); err != nil {
		c.s.sh.showError(err)
		return
	}
	u := &url.URL{Scheme: "file", Path: filepath.ToSlash(path)}
	if err := c.s.sh.fyneApp.OpenURL(u); err != nil {
		c.s.sh.showError(err)
	}
}

// onTest sends the message, as its first recipient would read it, to the seller's own address first.
func (c *campaignDialog) onTest() {
	d := c.draft()
	c.status.SetText(lang.L("테스트 메일을 보내는 중…"))
	background(c.s.sh, func(ctx context.Context) (mail.Report, error) {
		if err := c.s.svc.SendTest(ctx, d); err != nil {
			return mail.Report{}, err
		}
		return c.s.svc.SendQueue(ctx, "window", nil)
	}, func(r mail.Report, err error) {
		if err != nil {
			c.status.SetText("")
			c.problem.SetText(sellerText(err))
			return
		}
		c.status.SetText(lang.L("테스트 메일을 내 주소로 보냈습니다. 받은편지함에서 확인하세요."))
	})
}

// onSend queues the campaign for everyone with a lawful basis and sends it, showing the progress.
func (c *campaignDialog) onSend() {
	d := c.draft()
	n := len(c.plan.Send)
	dialog.ShowConfirm(lang.L("발송"), tr("{{.N}}명에게 보냅니다. 건너뛸 {{.Skip}}명은 보내지 않습니다.",
		map[string]any{"N": format.Number(int64(n)), "Skip": format.Number(int64(len(c.plan.Skipped)))}), func(ok bool) {
		if !ok {
			return
		}
		c.sendBtn.Disable()
		background(c.s.sh, func(ctx context.Context) (customers.SendReport, error) { return c.s.svc.Send(ctx, d, nil) },
			func(rep customers.SendReport, err error) {
				if err != nil {
					c.problem.SetText(sellerText(err))
					c.sendBtn.Enable()
					return
				}
				c.campaign = rep.CampaignID
				c.progress.Max = float64(rep.Queued + rep.Notices)
				c.progress.Show()
				c.pauseBtn.Show()
				c.run()
			})
	}, c.s.sh.win)
}

// run sends what waits in the outbox and shows the campaign's report as it goes.
func (c *campaignDialog) run() {
	c.status.SetText(lang.L("보내는 중…"))
	background(c.s.sh, func(ctx context.Context) (mail.Report, error) {
		return c.s.svc.SendQueue(ctx, "window", func(r mail.Report) {
			fyne.Do(func() { c.progress.SetValue(float64(r.Sent + r.Failed + r.Recovered)) })
		})
	}, func(_ mail.Report, err error) {
		if err != nil {
			c.problem.SetText(sellerText(err))
		}
		c.showReport()
	})
}

func (c *campaignDialog) showReport() {
	id := c.campaign
	background(c.s.sh, func(ctx context.Context) (customers.CampaignReport, error) { return c.s.svc.Report(ctx, id) },
		func(r customers.CampaignReport, err error) {
			if err != nil {
				c.problem.SetText(sellerText(err))
				return
			}
			c.progress.SetValue(float64(r.Delivered + len(r.Failed)))
			var fails []string
			for _, f := range r.Failed {
				fails = append(fails, fmt.Sprintf("%s: %s", customers.MaskEmail(f.ToAddr), f.LastError))
			}
			text := tr("보냄 {{.Sent}}통 · 실패 {{.Failed}}통 · 남음 {{.Waiting}}통 · 확인 필요 {{.Check}}통 · 건너뜀 {{.Skipped}}명",
				map[string]any{"Sent": r.Delivered, "Failed": len(r.Failed), "Waiting": r.Waiting, "Check": r.Check, "Skipped": len(r.Skipped)})
			if len(fails) > 0 {
				text += "\n" + strings.Join(fails, "\n")
			}
			c.status.SetText(text)
			if r.Waiting == 0 {
				c.pauseBtn.Hide()
			}
		})
}

// onPause stops the campaign's waiting mail (what is being sent finishes); tapped again, it resumes.
func (c *campaignDialog) onPause() {
	id := c.campaign
	if !c.paused {
		saving(c.s.sh, func(ctx context.Context) error { return c.s.svc.Pause(ctx, id) }, func() {
			c.paused = true
			c.pauseBtn.SetText(lang.L("다시 보내기"))
			c.showReport()
		})
		return
	}
	saving(c.s.sh, func(ctx context.Context) error { return c.s.svc.Resume(ctx, id) }, func() {
		c.paused = false
		c.pauseBtn.SetText(lang.L("일시정지"))
		c.run()
	})
}
