// Package mail is SellerDesk's adapter to the seller's mailbox: the account and its presets, the password
// in the OS keyring, messages built (MIME, UTF-8, Korean names encoded) and read (Korean charsets, HTML-only
// mail as text), SMTP sending from the outbox that never sends twice, and IMAP fetching by UID. It knows the
// store's outbox and mail tables and nothing of the customers' rules: app/customers decides who may get what.
package mail

import (
	"strings"

	"sellerdesk/app/apperr"
	"sellerdesk/data"
)

// Security is how a connection is protected.
type Security string

// The security modes a server offers.
const (
	SSL      Security = "SSL"      // TLS from the first byte (465, 993)
	StartTLS Security = "STARTTLS" // plain, then upgraded (587, 143)
	None     Security = "NONE"     // plain: only for a server on this computer
)

// Account is the seller's mailbox settings; the password is kept apart (Secrets).
type Account struct {
	Provider        string
	Address         string
	DisplayName     string
	Username        string
	SMTPHost        string
	SMTPPort        int
	SMTPSecurity    Security
	IMAPHost        string
	IMAPPort        int
	IMAPSecurity    Security
	SentFolder      string
	ServerSavesSent bool // the provider files SMTP-sent mail in the Sent folder itself
	PerMinute       int
	PerDay          int
}

// Preset is a provider's published settings.
type Preset struct {
	ID, Name        string
	SMTPHost        string
	SMTPPort        int
	SMTPSecurity    Security
	IMAPHost        string
	IMAPPort        int
	IMAPSecurity    Security
	SentFolder      string
	ServerSavesSent bool
	PerMinute       int
	PerDay          int
	// Help says what to switch on in the webmail and when an app password is needed (a translation key).
	Help string
}

// Presets are the providers most Korean sellers use. The limits are the providers' published sending
// limits for personal accounts, kept lower than the maximum so the account is not blocked; the seller can
// change them.
var Presets = []Preset{
	{ID: "naver", Name: "네이버", SMTPHost: "smtp.naver.com", SMTPPort: 465, SMTPSecurity: SSL,
		IMAPHost: "imap.naver.com", IMAPPort: 993, IMAPSecurity: SSL, SentFolder: "Sent Messages", ServerSavesSent: false,
		PerMinute: 20, PerDay: 500,
		Help: "네이버 메일 › 환경설정 › POP3/IMAP 설정에서 IMAP/SMTP 사용을 켜세요. 2단계 인증을 쓰면 네이버 보안설정에서 만든 애플리케이션 비밀번호를 입력하세요."},
	{ID: "daum", Name: "다음/카카오", SMTPHost: "smtp.daum.net", SMTPPort: 465, SMTPSecurity: SSL,
		IMAPHost: "imap.daum.net", IMAPPort: 993, IMAPSecurity: SSL, SentFolder: "Sent Messages", ServerSavesSent: false,
		PerMinute: 20, PerDay: 500,
		Help: "Daum 메일 › 환경설정 › IMAP/POP3에서 IMAP 사용을 켜세요. 카카오계정 2단계 인증을 쓰면 앱 비밀번호를 만들어 입력하세요."},
	{ID: "gmail", Name: "Gmail", SMTPHost: "smtp.gmail.com", SMTPPort: 465, SMTPSecurity: SSL,
		IMAPHost: "imap.gmail.com", IMAPPort: 993, IMAPSecurity: SSL, SentFolder: "[Gmail]/Sent Mail", ServerSavesSent: true,
		PerMinute: 20, PerDay: 400,
		Help: "Google 계정 › 보안에서 2단계 인증을 켠 뒤 앱 비밀번호를 만들어 입력하세요. Gmail 설정 › 전달 및 POP/IMAP에서 IMAP을 켜세요."},
	{ID: "outlook", Name: "Outlook", SMTPHost: "smtp-mail.outlook.com", SMTPPort: 587, SMTPSecurity: StartTLS,
		IMAPHost: "outlook.office365.com", IMAPPort: 993, IMAPSecurity: SSL, SentFolder: "Sent", ServerSavesSent: true,
		PerMinute: 20, PerDay: 250,
		Help: "Microsoft 계정 › 보안에서 2단계 인증을 쓰면 앱 암호를 만들어 입력하세요. Outlook.com 설정 › 메일 › 전달 및 IMAP에서 IMAP을 켜세요."},
}

// PresetByID finds a preset ("" when unknown).
func PresetByID(id string) (Preset, bool) {
	for _, p := range Presets {
		if p.ID == id {
			return p, true
		}
	}
	return Preset{}, false
}

// Apply fills an account's servers and limits from a preset, keeping its address and name.
func (p Preset) Apply(a Account) Account {
	a.Provider, a.SMTPHost, a.SMTPPort, a.SMTPSecurity = p.ID, p.SMTPHost, p.SMTPPort, p.SMTPSecurity
	a.IMAPHost, a.IMAPPort, a.IMAPSecurity, a.SentFolder = p.IMAPHost, p.IMAPPort, p.IMAPSecurity, p.SentFolder
	a.ServerSavesSent, a.PerMinute, a.PerDay = p.ServerSavesSent, p.PerMinute, p.PerDay
	if a.Username == "" {
		a.Username = a.Address
	}
	return a
}

// Account fields, for validation messages.
const (
	FieldAddress  = "address"
	FieldSMTPHost = "smtp_host"
	FieldSMTPPort = "smtp_port"
	FieldIMAPHost = "imap_host"
	FieldIMAPPort = "imap_port"
	FieldLimits   = "limits"
)

// Validate checks an account before it is saved.
func (a Account) Validate() error {
	f := map[string]apperr.Msg{}
	if !ValidAddress(a.Address) {
		f[FieldAddress] = apperr.M("메일 주소를 바르게 입력하세요 (예: shop@naver.com).")
	}
	if strings.TrimSpace(a.SMTPHost) == "" {
		f[FieldSMTPHost] = apperr.M("보내는 메일 서버(SMTP) 주소를 입력하세요.")
	}
	if a.SMTPPort <= 0 || a.SMTPPort > 65535 {
		f[FieldSMTPPort] = apperr.M("포트는 1~65535 사이의 숫자입니다.")
	}
	if strings.TrimSpace(a.IMAPHost) == "" {
		f[FieldIMAPHost] = apperr.M("받는 메일 서버(IMAP) 주소를 입력하세요.")
	}
	if a.IMAPPort <= 0 || a.IMAPPort > 65535 {
		f[FieldIMAPPort] = apperr.M("포트는 1~65535 사이의 숫자입니다.")
	}
	if a.PerMinute <= 0 || a.PerDay <= 0 || a.PerMinute > a.PerDay {
		f[FieldLimits] = apperr.M("발송 한도는 분당·일당 1통 이상이고, 분당 한도는 일당 한도보다 클 수 없습니다.")
	}
	if len(f) > 0 {
		return apperr.InvalidMsg(f, []string{FieldAddress, FieldSMTPHost, FieldSMTPPort, FieldIMAPHost, FieldIMAPPort, FieldLimits})
	}
	return nil
}

// ValidAddress reports whether s looks like one email address.
func ValidAddress(s string) bool {
	s = strings.TrimSpace(s)
	at := strings.LastIndex(s, "@")
	return at > 0 && at < len(s)-1 && strings.Contains(s[at:], ".") && !strings.ContainsAny(s, " <>,;\"") &&
		!strings.HasSuffix(s, ".")
}

func toRecord(a Account) data.MailAccount {
	return data.MailAccount{Provider: a.Provider, Address: strings.TrimSpace(a.Address), DisplayName: a.DisplayName,
		Username: strings.TrimSpace(a.Username), SMTPHost: strings.TrimSpace(a.SMTPHost), SMTPPort: a.SMTPPort,
		SMTPSecurity: string(a.SMTPSecurity), IMAPHost: strings.TrimSpace(a.IMAPHost), IMAPPort: a.IMAPPort,
		IMAPSecurity: string(a.IMAPSecurity), SentFolder: a.SentFolder, ServerSavesSent: a.ServerSavesSent,
		PerMinute: a.PerMinute, PerDay: a.PerDay}
}

func fromRecord(r data.MailAccount) Account {
	return Account{Provider: r.Provider, Address: r.Address, DisplayName: r.DisplayName, Username: r.Username,
		SMTPHost: r.SMTPHost, SMTPPort: r.SMTPPort, SMTPSecurity: Security(r.SMTPSecurity), IMAPHost: r.IMAPHost,
		IMAPPort: r.IMAPPort, IMAPSecurity: Security(r.IMAPSecurity), SentFolder: r.SentFolder,
		ServerSavesSent: r.ServerSavesSent, PerMinute: r.PerMinute, PerDay: r.PerDay}
}
