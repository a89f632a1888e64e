package customers

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"

	"sellerdesk/app/apperr"
	"sellerdesk/app/mail"
	"sellerdesk/data"
)

// ErrNoPassword is in the chain of the error a send or fetch returns when no password is available (none in
// the keyring, none given this session): the headless command exits 1 on it and the window asks for it.
var ErrNoPassword = errors.New("customers: no mail password")

func errNoAccount() error {
	return apperr.New(apperr.ErrInvalid, "메일 계정이 설정되지 않았습니다. 고객 › 메일 설정에서 보내는 메일 주소와 서버를 입력하세요.")
}

func htmlOf(text string) string { return mail.TextToHTML(text) }

// Account reads the mailbox settings; ok is false before any were saved.
func (s *Service) Account(ctx context.Context) (mail.Account, bool, error) {
	r, ok, err := data.MailAccountOf(ctx, s.store.Read())
	if err != nil {
		return mail.Account{}, false, internal(err, "메일 설정을 읽지 못했습니다.")
	}
	return accountOf(r), ok, nil
}

func accountOf(r data.MailAccount) mail.Account {
	return mail.Account{Provider: r.Provider, Address: r.Address, DisplayName: r.DisplayName, Username: r.Username,
		SMTPHost: r.SMTPHost, SMTPPort: r.SMTPPort, SMTPSecurity: mail.Security(r.SMTPSecurity), IMAPHost: r.IMAPHost,
		IMAPPort: r.IMAPPort, IMAPSecurity: mail.Security(r.IMAPSecurity), SentFolder: r.SentFolder,
		ServerSavesSent: r.ServerSavesSent, PerMinute: r.PerMinute, PerDay: r.PerDay}
}

func recordOf(a mail.Account) data.MailAccount {
	return data.MailAccount{Provider: a.Provider, Address: strings.TrimSpace(a.Address), DisplayName: strings.TrimSpace(a.DisplayName),
		Username: strings.TrimSpace(a.Username), SMTPHost: strings.TrimSpace(a.SMTPHost), SMTPPort: a.SMTPPort,
		SMTPSecurity: string(a.SMTPSecurity), IMAPHost: strings.TrimSpace(a.IMAPHost), IMAPPort: a.IMAPPort,
		IMAPSecurity: string(a.IMAPSecurity), SentFolder: a.SentFolder, ServerSavesSent: a.ServerSavesSent,
		PerMinute: a.PerMinute, PerDay: a.PerDay}
}

// SaveResult says where the password went.
type SaveResult struct {
	// SessionOnly: no keyring could take the password; it is kept until SellerDesk closes and asked again
	// at the next start
	SessionOnly bool
	Why         string // the keyring's refusal, for the seller
}

// SaveAccount saves the mailbox settings, and the password (when given) in the OS keyring.
func (s *Service) SaveAccount(ctx context.Context, a mail.Account, password string) (SaveResult, error) {
	var res SaveResult
	if a.Username == "" {
		a.Username = a.Address
	}
	if err := a.Validate(); err != nil {
		return res, err
	}
	if err := s.write(ctx, "메일 설정 저장", func(tx *data.Tx) error { return data.SaveMailAccountTx(ctx, tx, recordOf(a)) }); err != nil {
		return res, err
	}
	if password != "" {
		if kept, err := s.secrets.Save(a.Username, password); !kept {
			s.log.Warn("customers: keyring unavailable, password kept for this session", "err", err)
			res.SessionOnly, res.Why = true, fmt.Sprint(err)
		}
	}
	return res, nil
}

// SetSessionPassword keeps a password for this session only (asked at start where no keyring exists).
func (s *Service) SetSessionPassword(user, password string) { s.secrets.Save(user, password) }

// HasPassword reports whether a password is available for the account (keyring or this session).
func (s *Service) HasPassword(a mail.Account) bool {
	_, ok := s.secrets.Password(userOf(a))
	return ok
}

func userOf(a mail.Account) string {
	if a.Username != "" {
		return a.Username
	}
	return a.Address
}

// WithConn lets a caller adjust each mailbox connection (tests trust their own TLS certificate).
func (s *Service) WithConn(f func(*mail.Conn)) { s.conn = f }

func (s *Service) connect(ctx context.Context) (mail.Conn, error) {
	a, ok, err := s.Account(ctx)
	if err != nil {
		return mail.Conn{}, err
	}
	if !ok {
		return mail.Conn{}, errNoAccount()
	}
	pw, ok := s.secrets.Password(userOf(a))
	if !ok {
		e := apperr.New(apperr.ErrConflict, "메일 비밀번호가 없습니다. 이 컴퓨터의 키체인(자격 증명 관리자)에 저장된 비밀번호가 없어 메일을 보내거나 받을 수 없습니다. 창을 열어 고객 › 메일 설정에서 비밀번호를 입력하세요. 보낼 메일은 보관함에 그대로 있습니다.")
		e.Err = ErrNoPassword
		return mail.Conn{}, e
	}
	c := mail.Conn{Account: a, Password: pw}
	if s.conn != nil {
		s.conn(&c)
	}
	return c, nil
}

// TestConnection checks both servers with the settings and password given (not yet saved), and explains
// a failure in Korean: wrong password, app password needed, IMAP off, TLS, offline.
func (s *Service) TestConnection(ctx context.Context, a mail.Account, password string) error {
	if a.Username == "" {
		a.Username = a.Address
	}
	if err := a.Validate(); err != nil {
		return err
	}
	if password == "" {
		pw, ok := s.secrets.Password(userOf(a))
		if !ok {
			return apperr.New(apperr.ErrInvalid, "비밀번호를 입력하세요.")
		}
		password = pw
	}
	c := mail.Conn{Account: a, Password: password}
	if s.conn != nil {
		s.conn(&c)
	}
	return c.Test(ctx)
}

func runnerID(by string) string {
	b := make([]byte, 4)
	rand.Read(b)
	return by + "-" + hex.EncodeToString(b)
}

// SendQueue sends what waits in the outbox (recovering first what a stopped sender left), within the
// account's rate limits. by names the sender (window, cli). The window and a scheduled `mail send-queue`
// may run it at once: no message is sent twice.
func (s *Service) SendQueue(ctx context.Context, by string, progress func(mail.Report)) (mail.Report, error) {
	c, err := s.connect(ctx)
	if err != nil {
		return mail.Report{}, err
	}
	r := mail.NewRunner(s.store, s.log, c, runnerID(by))
	r.OnSent = s.onSent
	return r.Run(ctx, progress)
}

// OutboxCounts counts the outbox by state (QUEUED, SENDING, SENT, FAILED, CHECK).
func (s *Service) OutboxCounts(ctx context.Context) (map[string]int, error) {
	c, err := data.OutboxCounts(ctx, s.store.Read(), 0)
	if err != nil {
		return nil, internal(err, "보관함을 읽지 못했습니다.")
	}
	return c, nil
}

// Outbox lists outbox messages of a state ("" for the latest of all).
func (s *Service) Outbox(ctx context.Context, state string) ([]OutboxMail, error) {
	m, err := data.OutboxByState(ctx, s.store.Read(), state, 500)
	if err != nil {
		return nil, internal(err, "보관함을 읽지 못했습니다.")
	}
	return convert(m, outboxMailOf), nil
}

// ResolveCheck settles a 확인 필요 message as the seller found it: sent (delivered) or to send again.
func (s *Service) ResolveCheck(ctx context.Context, outboxID int64, delivered bool) error {
	return s.write(ctx, "메일 확인", func(tx *data.Tx) error {
		if delivered {
			return data.MarkMailSentTx(ctx, tx, outboxID)
		}
		return data.RetryMailTx(ctx, tx, outboxID, tx.Now(), "")
	})
}

// FetchReport is what a fetch did.
type FetchReport struct {
	New       int
	Refetched bool
	Withdrawn []string // names of contacts whose 수신거부 reply withdrew consent
}

// FetchMail brings new mail from INBOX into conversations. A reply whose own text or subject says 수신거부
// withdraws that contact's ad consent at once, and the withdrawal is confirmed to them.
func (s *Service) FetchMail(ctx context.Context) (FetchReport, error) {
	var rep FetchReport
	c, err := s.connect(ctx)
	if err != nil {
		return rep, err
	}
	f := mail.NewFetcher(s.store, s.log, c)
	fr, err := f.Fetch(ctx)
	if err != nil {
		return rep, err
	}
	rep.New, rep.Refetched = len(fr.New), fr.Refetched
	for _, in := range fr.New {
		if !in.Unsubscribe || in.CustomerID == 0 {
			continue
		}
		err := s.write(ctx, "수신 거부 처리", func(tx *data.Tx) error {
			latest, err := data.LatestConsents(ctx, tx, []int64{in.CustomerID})
			if err != nil {
				return err
			}
			if r, ok := latest[in.CustomerID]; ok && !r.Granted {
				return nil // already withdrawn
			}
			return s.recordConsentTx(ctx, tx, in.CustomerID, false, s.Now(), MethodUnsubscribeReply, in.MessageID)
		})
		if err != nil {
			return rep, err
		}
		if c, err := data.CustomerByID(ctx, s.store.Read(), in.CustomerID); err == nil {
			rep.Withdrawn = append(rep.Withdrawn, c.Name)
		}
	}
	return rep, nil
}

// Watch keeps IDLE on INBOX while ctx lives and calls onNew when mail arrives (the window then fetches).
func (s *Service) Watch(ctx context.Context, onNew func()) error {
	c, err := s.connect(ctx)
	if err != nil {
		return err
	}
	return mail.NewFetcher(s.store, s.log, c).Watch(ctx, onNew)
}

// Threads lists conversations (one contact's when customerID > 0).
func (s *Service) Threads(ctx context.Context, customerID int64) ([]Conversation, error) {
	t, err := data.MailThreads(ctx, s.store.Read(), customerID, 300)
	if err != nil {
		return nil, internal(err, "메일을 읽지 못했습니다.")
	}
	return convert(t, conversationOf), nil
}

// Thread reads a conversation's messages and marks it read.
func (s *Service) Thread(ctx context.Context, id int64) ([]Message, error) {
	m, err := data.ThreadMessages(ctx, s.store.Read(), id)
	if err != nil {
		return nil, internal(err, "메일을 읽지 못했습니다.")
	}
	msgs := convert(m, messageOf)
	if err := s.write(ctx, "메일 읽음 표시", func(tx *data.Tx) error { return data.MarkThreadReadTx(ctx, tx, id) }); err != nil {
		return msgs, err
	}
	return msgs, nil
}

// Reply queues a reply in a conversation: "Re:" subject, threaded by In-Reply-To and References, the last
// message quoted below the seller's text; it joins the conversation at once.
func (s *Service) Reply(ctx context.Context, threadID int64, text string) error {
	if strings.TrimSpace(text) == "" {
		return apperr.New(apperr.ErrInvalid, "답장 내용을 입력하세요.")
	}
	q := s.store.Read()
	acct, ok, err := data.MailAccountOf(ctx, q)
	if err != nil {
		return internal(err, "메일 설정을 읽지 못했습니다.")
	}
	if !ok {
		return errNoAccount()
	}
	t, err := data.ThreadByID(ctx, q, threadID)
	if err != nil {
		return apperr.New(apperr.ErrNotFound, "대화를 찾을 수 없습니다.")
	}
	msgs, err := data.ThreadMessages(ctx, q, threadID)
	if err != nil || len(msgs) == 0 {
		return internal(err, "메일을 읽지 못했습니다.")
	}
	last := msgs[len(msgs)-1]
	var refs []string
	for _, m := range msgs {
		if m.MessageID != "" {
			refs = append(refs, m.MessageID)
		}
	}
	subject := "Re: " + mail.BaseSubject(last.Subject)
	var quoted []string
	for _, l := range strings.Split(strings.TrimRight(last.Body, "\n"), "\n") {
		quoted = append(quoted, "> "+l)
	}
	who := last.FromAddr
	if last.FromName != "" {
		who = last.FromName + " <" + last.FromAddr + ">"
	}
	body := strings.TrimRight(text, "\n") + "\n\n" + last.At.Local().Format("2006. 1. 2. 15:04") + ", " + who + " 작성:\n" +
		strings.Join(quoted, "\n")
	return s.write(ctx, "답장", func(tx *data.Tx) error {
		var name string
		if t.CustomerID != 0 {
			if c, err := data.CustomerByID(ctx, tx, t.CustomerID); err == nil {
				name = c.Name
			}
		}
		id, err := s.queueIDTx(ctx, tx, acct, data.OutboxMessage{Kind: "REPLY", CustomerID: t.CustomerID, ToAddr: t.Address, ToName: name},
			subject, body, "", &replyTo{inReplyTo: last.MessageID, references: refs})
		if err != nil {
			return err
		}
		m, err := data.OutboxMessageByID(ctx, tx, id)
		if err != nil {
			return err
		}
		_, err = data.AddMailMessageTx(ctx, tx, data.MailMessage{ThreadID: threadID, Direction: "OUT", MessageID: m.MessageID,
			InReplyTo: last.MessageID, Refs: strings.Join(refs, " "), FromAddr: acct.Address, FromName: acct.DisplayName,
			ToAddr: t.Address, Subject: subject, Body: body, At: tx.Now(), OutboxID: id})
		return err
	})
}

// AddSender makes the sender of a conversation with no contact a new contact (only when the seller says
// so) and attaches their conversations to it.
func (s *Service) AddSender(ctx context.Context, threadID int64, name string) (int64, error) {
	t, err := data.ThreadByID(ctx, s.store.Read(), threadID)
	if err != nil {
		return 0, apperr.New(apperr.ErrNotFound, "대화를 찾을 수 없습니다.")
	}
	if t.CustomerID != 0 {
		return t.CustomerID, nil
	}
	if strings.TrimSpace(name) == "" {
		name = t.Address
	}
	var id int64
	err = s.write(ctx, "고객 등록", func(tx *data.Tx) error {
		var err error
		if id, err = data.AddCustomerTx(ctx, tx, data.NewCustomer{Name: name, Email: t.Address, Source: data.SourceMail}); err != nil {
			return err
		}
		return data.ThreadsOfAddressTx(ctx, tx, t.Address, id)
	})
	return id, err
}
