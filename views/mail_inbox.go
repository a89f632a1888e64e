package views

import (
	"context"
	"fmt"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/customers"
	"sellerdesk/app/format"
)

// inboxDialog is the 1:1 mail: conversations on the left (fetched from INBOX, attached to contacts by
// address), the chosen one's messages on the right with a reply box; the reply goes quoted and threaded.
type inboxDialog struct {
	s        *customersScreen
	dlg      *dialog.CustomDialog
	threads  []threadRow
	list     *widget.List
	messages *widget.Label
	reply    *widget.Entry
	status   *widget.Label
	addBtn   *widget.Button
	current  int64
}

// threadRow is a conversation as the list shows it.
type threadRow struct {
	id, customerID    int64
	who, subject, day string
	unread            int
}

func (s *customersScreen) onInbox() {
	in := &inboxDialog{s: s}
	in.show()
}

func (in *inboxDialog) show() {
	in.list = widget.NewList(func() int { return len(in.threads) },
		func() fyne.CanvasObject { return &widget.Label{Truncation: fyne.TextTruncateEllipsis} },
		func(i widget.ListItemID, o fyne.CanvasObject) {
			t := in.threads[i]
			mark := ""
			if t.unread > 0 {
				mark = "● "
			}
			o.(*widget.Label).SetText(fmt.Sprintf("%s%s · %s · %s", mark, t.day, t.who, t.subject))
		})
	in.list.OnSelected = func(i widget.ListItemID) { in.open(in.threads[i]) }
	in.messages = &widget.Label{Wrapping: fyne.TextWrapWord}
	in.reply = &widget.Entry{MultiLine: true, Wrapping: fyne.TextWrapWord, PlaceHolder: lang.L("답장 내용")}
	in.reply.SetMinRowsVisible(4)
	in.status = &widget.Label{Wrapping: fyne.TextWrapWord}
	in.addBtn = &widget.Button{Text: lang.L("보낸 사람을 고객으로 등록"), OnTapped: in.onAddSender}
	in.addBtn.Hide()
	right := container.NewBorder(nil, container.NewVBox(in.reply,
		container.NewHBox(&widget.Button{Text: lang.L("답장 보내기"), Importance: widget.HighImportance, OnTapped: in.onReply}, in.addBtn)),
		nil, nil, container.NewVScroll(in.messages))
	split := container.NewHSplit(in.list, right)
	split.Offset = 0.4
	top := container.NewBorder(nil, nil, nil, &widget.Button{Text: lang.L("메일 가져오기"), OnTapped: in.onFetch}, in.status)
	in.dlg = dialog.NewCustom(lang.L("1:1 메일"), lang.L("닫기"), container.NewBorder(top, nil, nil, nil, split), in.s.sh.win)
	in.dlg.Resize(fyne.NewSize(980, 640))
	in.dlg.Show()
	in.load()
}

func (in *inboxDialog) load() {
	background(in.s.sh, func(ctx context.Context) ([]threadRow, error) {
		ts, err := in.s.svc.Threads(ctx, 0)
		var rows []threadRow
		for _, t := range ts {
			who := t.CustomerName
			if who == "" {
				who = t.Address
			}
			rows = append(rows, threadRow{id: t.ID, customerID: t.CustomerID, who: who, subject: t.Subject,
				day: format.Date(t.LastAt), unread: t.Unread})
		}
		return rows, err
	}, func(rows []threadRow, err error) {
		if err != nil {
			in.s.sh.showError(err)
			return
		}
		in.threads = rows
		in.list.Refresh()
		if len(rows) == 0 {
			in.status.SetText(lang.L("받은 메일이 없습니다. 메일 가져오기를 누르세요."))
		}
	})
}

func (in *inboxDialog) open(t threadRow) {
	in.current = t.id
	if t.customerID == 0 {
		in.addBtn.Show()
	} else {
		in.addBtn.Hide()
	}
	background(in.s.sh, func(ctx context.Context) (string, error) {
		msgs, err := in.s.svc.Thread(ctx, t.id)
		var b strings.Builder
		for _, m := range msgs {
			dir := lang.L("받음")
			if m.Direction == "OUT" {
				dir = lang.L("보냄")
			}
			who := m.FromName
			if who == "" {
				who = m.FromAddr
			}
			fmt.Fprintf(&b, "[%s] %s · %s\n%s\n\n%s\n\n────────\n\n", dir, format.DateTime(m.At), who, m.Subject, m.Body)
		}
		return b.String(), err
	}, func(text string, err error) {
		if err != nil {
			in.s.sh.showError(err)
			return
		}
		in.messages.SetText(text)
	})
}

func (in *inboxDialog) onFetch() {
	in.status.SetText(lang.L("메일을 가져오는 중…"))
	background(in.s.sh, in.s.svc.FetchMail, func(rep customers.FetchReport, err error) {
		if err != nil {
			in.status.SetText(sellerText(err))
			return
		}
		msg := tr("새 메일 {{.N}}통을 가져왔습니다.", map[string]any{"N": rep.New})
		for _, n := range rep.Withdrawn {
			msg += " " + tr("{{.Name}} 고객이 수신거부를 회신해 광고 수신 동의를 철회했습니다.", map[string]any{"Name": n})
		}
		in.status.SetText(msg)
		in.load()
	})
}

func (in *inboxDialog) onReply() {
	id, text := in.current, in.reply.Text
	if id == 0 {
		in.status.SetText(lang.L("답장할 대화를 고르세요."))
		return
	}
	background(in.s.sh, func(ctx context.Context) (struct{}, error) {
		if err := in.s.svc.Reply(ctx, id, text); err != nil {
			return struct{}{}, err
		}
		_, err := in.s.svc.SendQueue(ctx, "window", nil)
		return struct{}{}, err
	}, func(_ struct{}, err error) {
		if err != nil {
			in.status.SetText(sellerText(err))
			return
		}
		in.reply.SetText("")
		in.status.SetText(lang.L("답장을 보냈습니다."))
		for _, t := range in.threads {
			if t.id == id {
				in.open(t)
			}
		}
	})
}

// onAddSender makes an unknown sender a contact: only when the seller says so.
func (in *inboxDialog) onAddSender() {
	id := in.current
	background(in.s.sh, func(ctx context.Context) (int64, error) { return in.s.svc.AddSender(ctx, id, "") },
		func(_ int64, err error) {
			if err != nil {
				in.s.sh.showError(err)
				return
			}
			in.addBtn.Hide()
			in.load()
			in.s.src.Reload()
		})
}
