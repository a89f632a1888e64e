package views

import (
	"context"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app/customers"
	"sellerdesk/app/mail"
)

// mailSettings is the mailbox form of the 고객 area: a provider preset (with its line on app passwords
// and switching IMAP/SMTP on), the servers, the password (kept in the OS keyring) and the sending limits,
// with 연결 테스트 explaining a failure in Korean.
type mailSettings struct {
	s   *customersScreen
	dlg interface{ Hide() }

	preset                         *widget.Select
	help                           *widget.Label
	address, name, user, password  *widget.Entry
	smtpHost, smtpPort             *widget.Entry
	imapHost, imapPort, sentFolder *widget.Entry
	smtpSec, imapSec               *widget.Select
	savesSent                      *widget.Check
	perMinute, perDay              *widget.Entry
	result                         *widget.Label
}

var securityChoices = []mail.Security{mail.SSL, mail.StartTLS, mail.None}

func securityLabels() []string { return []string{"SSL/TLS", "STARTTLS", lang.L("암호화 안 함")} }

func (s *customersScreen) onMailSettings() {
	background(s.sh, func(ctx context.Context) (mail.Account, error) {
		a, _, err := s.svc.Account(ctx)
		return a, err
	}, func(a mail.Account, err error) {
		if err != nil {
			s.sh.showError(err)
			return
		}
		(&mailSettings{s: s}).show(a)
	})
}

func (m *mailSettings) show(a mail.Account) {
	d := m.s.sh.formDialog(lang.L("메일 설정"), lang.L("저장"))
	d.MinWidth = 620
	m.dlg = d
	names := []string{lang.L("직접 입력")}
	for _, p := range mail.Presets {
		names = append(names, lang.L(p.Name))
	}
	m.help = &widget.Label{Wrapping: fyne.TextWrapWord, Importance: widget.LowImportance}
	m.preset = &widget.Select{Options: names, OnChanged: func(string) { m.onPreset() }}
	m.address = &widget.Entry{Text: a.Address, PlaceHolder: lang.L("예: shop@naver.com")}
	m.name = &widget.Entry{Text: a.DisplayName, PlaceHolder: lang.L("보내는 사람 이름 (상호)")}
	m.user = &widget.Entry{Text: a.Username, PlaceHolder: lang.L("비우면 메일 주소")}
	m.password = &widget.Entry{Password: true, PlaceHolder: lang.L("저장된 비밀번호를 바꿀 때만 입력")}
	m.smtpHost, m.smtpPort = &widget.Entry{Text: a.SMTPHost}, &widget.Entry{Text: portText(a.SMTPPort)}
	m.imapHost, m.imapPort = &widget.Entry{Text: a.IMAPHost}, &widget.Entry{Text: portText(a.IMAPPort)}
	m.sentFolder = &widget.Entry{Text: a.SentFolder}
	m.smtpSec = &widget.Select{Options: securityLabels()}
	m.imapSec = &widget.Select{Options: securityLabels()}
	m.smtpSec.SetSelectedIndex(securityIndex(a.SMTPSecurity))
	m.imapSec.SetSelectedIndex(securityIndex(a.IMAPSecurity))
	m.savesSent = &widget.Check{Text: lang.L("서버가 보낸 메일을 보낸메일함에 직접 저장함"), Checked: a.ServerSavesSent}
	m.perMinute, m.perDay = &widget.Entry{Text: strconv.Itoa(a.PerMinute)}, &widget.Entry{Text: strconv.Itoa(a.PerDay)}
	m.result = &widget.Label{Wrapping: fyne.TextWrapWord}
	sel := 0
	for i, p := range mail.Presets {
		if p.ID == a.Provider {
			sel = i + 1
		}
	}
	if a.Address == "" {
		sel = 1 // 네이버 first for a new mailbox
	}
	m.preset.SetSelectedIndex(sel)
	d.AddField(lang.L("메일 서비스"), m.preset, nil)
	d.AddRow(m.help)
	d.AddField(lang.L("메일 주소"), m.address, nil)
	d.AddField(lang.L("보내는 이름"), m.name, nil)
	d.AddField(lang.L("아이디"), m.user, nil)
	d.AddField(lang.L("비밀번호"), m.password, nil)
	d.AddField(lang.L("보내는 서버 (SMTP)"), container.NewGridWithColumns(3, m.smtpHost, m.smtpPort, m.smtpSec), nil)
	d.AddField(lang.L("받는 서버 (IMAP)"), container.NewGridWithColumns(3, m.imapHost, m.imapPort, m.imapSec), nil)
	d.AddField(lang.L("보낸메일함"), m.sentFolder, nil)
	d.AddRow(m.savesSent)
	d.AddField(lang.L("발송 한도 (분당 / 하루)"), container.NewGridWithColumns(2, m.perMinute, m.perDay), nil)
	d.AddRow(container.NewBorder(nil, nil, &widget.Button{Text: lang.L("연결 테스트"), OnTapped: m.onTest}, nil, m.result))
	d.OnSubmit = func() bool {
		acct, pw := m.account(), m.password.Text
		submitForm(m.s.sh, d, nil, func(ctx context.Context) (customers.SaveResult, error) { return m.s.svc.SaveAccount(ctx, acct, pw) },
			func(res customers.SaveResult) {
				if res.SessionOnly {
					m.s.sh.showInfo(lang.L("메일 설정"), lang.L("이 컴퓨터에서 비밀번호 보관함(키체인)을 쓸 수 없어 비밀번호를 이번 실행 동안만 기억합니다. 셀러데스크를 다시 열면 한 번 더 물어봅니다."))
				}
				m.s.startWatch()
			})
		return false
	}
	d.Show()
}

func portText(p int) string {
	if p == 0 {
		return ""
	}
	return strconv.Itoa(p)
}

func securityIndex(s mail.Security) int {
	for i, c := range securityChoices {
		if c == s {
			return i
		}
	}
	return 0
}

// onPreset fills the servers and limits from the chosen provider and shows its line on app passwords.
func (m *mailSettings) onPreset() {
	i := m.preset.SelectedIndex()
	if i <= 0 {
		m.help.SetText(lang.L("메일 서비스의 안내에 있는 서버 주소와 포트를 입력하세요."))
		return
	}
	p := mail.Presets[i-1]
	m.help.SetText(lang.L(p.Help))
	m.smtpHost.SetText(p.SMTPHost)
	m.smtpPort.SetText(strconv.Itoa(p.SMTPPort))
	m.smtpSec.SetSelectedIndex(securityIndex(p.SMTPSecurity))
	m.imapHost.SetText(p.IMAPHost)
	m.imapPort.SetText(strconv.Itoa(p.IMAPPort))
	m.imapSec.SetSelectedIndex(securityIndex(p.IMAPSecurity))
	m.sentFolder.SetText(p.SentFolder)
	m.savesSent.SetChecked(p.ServerSavesSent)
	m.perMinute.SetText(strconv.Itoa(p.PerMinute))
	m.perDay.SetText(strconv.Itoa(p.PerDay))
}

func (m *mailSettings) account() mail.Account {
	a := mail.Account{Address: m.address.Text, DisplayName: m.name.Text, Username: m.user.Text, SMTPHost: m.smtpHost.Text,
		SMTPPort: atoi(m.smtpPort.Text), IMAPHost: m.imapHost.Text, IMAPPort: atoi(m.imapPort.Text), SentFolder: m.sentFolder.Text,
		ServerSavesSent: m.savesSent.Checked, PerMinute: atoi(m.perMinute.Text), PerDay: atoi(m.perDay.Text)}
	if i := m.preset.SelectedIndex(); i > 0 {
		a.Provider = mail.Presets[i-1].ID
	}
	if i := m.smtpSec.SelectedIndex(); i >= 0 {
		a.SMTPSecurity = securityChoices[i]
	}
	if i := m.imapSec.SelectedIndex(); i >= 0 {
		a.IMAPSecurity = securityChoices[i]
	}
	return a
}

// onTest checks both servers with what is typed and says what failed, in the seller's words.
func (m *mailSettings) onTest() {
	a, pw := m.account(), m.password.Text
	m.result.Importance = widget.LowImportance
	m.result.SetText(lang.L("연결하는 중…"))
	background(m.s.sh, func(ctx context.Context) (struct{}, error) { return struct{}{}, m.s.svc.TestConnection(ctx, a, pw) },
		func(_ struct{}, err error) {
			if err != nil {
				m.result.Importance = widget.DangerImportance
				m.result.SetText(sellerText(err))
				return
			}
			m.result.Importance = widget.SuccessImportance
			m.result.SetText(lang.L("보내는 서버와 받는 서버 모두 연결되었습니다."))
		})
}

// askPassword asks, once per start, for the mailbox password where the keyring holds none, and says why.
func (s *customersScreen) askPassword(a mail.Account, then func()) {
	d := s.sh.formDialog(lang.L("메일 비밀번호"), lang.L("확인"))
	d.SetIntro(tr("{{.Address}}의 비밀번호가 이 컴퓨터의 비밀번호 보관함(키체인)에 없습니다. 보관함을 쓸 수 없는 컴퓨터에서는 셀러데스크를 열 때마다 한 번 물어봅니다.",
		map[string]any{"Address": a.Address}))
	pw := &widget.Entry{Password: true}
	d.AddField(lang.L("비밀번호"), pw, func() string {
		if pw.Text == "" {
			return lang.L("비밀번호를 입력하세요.")
		}
		return ""
	})
	d.OnSubmit = func() bool {
		user := a.Username
		if user == "" {
			user = a.Address
		}
		s.svc.SetSessionPassword(user, pw.Text)
		if then != nil {
			then()
		}
		return true
	}
	d.Show()
}
