package customers

import (
	"bytes"
	"context"
	"errors"
	"io"
	"log/slog"
	"net"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
	"github.com/xuri/excelize/v2"

	"sellerdesk/app/clock"
	"sellerdesk/app/mail"
	"sellerdesk/data"
)

const (
	testUser = "shop@sellerdesk.test"
	testPass = "app-password-1"
)

// servers are a real IMAP server (go-imap's imapserver over imapmemserver) and a real SMTP server (go-smtp)
// on 127.0.0.1. Mail the SMTP server accepts is filed in the IMAP user's Sent folder when fileSent is on,
// as Gmail and Outlook do.
type servers struct {
	user               *imapmemserver.User
	imapAddr, smtpAddr *net.TCPAddr
	smtpSrv            *smtp.Server
	smtpLn             net.Listener

	mu       sync.Mutex
	fileSent bool
	accepted map[string]int // Message-ID → times accepted
	dropNext int            // drop the connection on the next n DATA commands, after reading the message
	refuseTo string         // refuse this recipient permanently
}

func startServers(t *testing.T) *servers {
	t.Helper()
	s := &servers{fileSent: true, accepted: map[string]int{}}
	mem := imapmemserver.New()
	s.user = imapmemserver.NewUser(testUser, testPass)
	for _, mb := range []string{"INBOX", "Sent"} {
		if err := s.user.Create(mb, nil); err != nil {
			t.Fatal(err)
		}
	}
	mem.AddUser(s.user)
	isrv := imapserver.New(&imapserver.Options{
		NewSession: func(*imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return mem.NewSession(), nil, nil
		},
		Caps:         imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapIMAP4rev2: {}},
		InsecureAuth: true,
		Logger:       slog.NewLogLogger(slog.DiscardHandler, slog.LevelError),
	})
	iln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go isrv.Serve(iln)
	t.Cleanup(func() { isrv.Close() })
	s.imapAddr = iln.Addr().(*net.TCPAddr)

	s.smtpSrv = smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) { return &smtpSession{s: s, c: c}, nil }))
	s.smtpSrv.Domain = "localhost"
	s.smtpSrv.AllowInsecureAuth = true
	s.smtpLn, err = net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go s.smtpSrv.Serve(s.smtpLn)
	t.Cleanup(func() { s.smtpSrv.Close() })
	s.smtpAddr = s.smtpLn.Addr().(*net.TCPAddr)
	return s
}

func (s *servers) account() mail.Account {
	return mail.Account{Address: testUser, DisplayName: "한글상점", Username: testUser,
		SMTPHost: "127.0.0.1", SMTPPort: s.smtpAddr.Port, SMTPSecurity: mail.None,
		IMAPHost: "127.0.0.1", IMAPPort: s.imapAddr.Port, IMAPSecurity: mail.None,
		SentFolder: "Sent", ServerSavesSent: true, PerMinute: 1000, PerDay: 10000}
}

func (s *servers) conn() mail.Conn {
	return mail.Conn{Account: s.account(), Password: testPass, Timeout: 5 * time.Second}
}

func (s *servers) acceptedCount(id string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.accepted[id]
}

func (s *servers) total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, c := range s.accepted {
		n += c
	}
	return n
}

type smtpSession struct {
	s    *servers
	c    *smtp.Conn
	auth bool
	to   []string
}

func (ss *smtpSession) AuthMechanisms() []string { return []string{sasl.Plain} }

func (ss *smtpSession) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, username, password string) error {
		if username != testUser || password != testPass {
			return smtp.ErrAuthFailed
		}
		ss.auth = true
		return nil
	}), nil
}

func (ss *smtpSession) Mail(from string, _ *smtp.MailOptions) error {
	if !ss.auth {
		return smtp.ErrAuthRequired
	}
	return nil
}

func (ss *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.s.mu.Lock()
	defer ss.s.mu.Unlock()
	if to == ss.s.refuseTo {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user"}
	}
	ss.to = append(ss.to, to)
	return nil
}

func (ss *smtpSession) Data(r io.Reader) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	ss.s.mu.Lock()
	if ss.s.dropNext > 0 {
		ss.s.dropNext--
		ss.s.mu.Unlock()
		ss.c.Conn().Close() // the line goes dead before the server answers
		return errors.New("dropped")
	}
	p, _ := mail.Parse(raw)
	ss.s.accepted[p.MessageID]++
	file := ss.s.fileSent
	ss.s.mu.Unlock()
	if file {
		if _, err := ss.s.user.Append("Sent", bytes.NewReader(raw), &imap.AppendOptions{Flags: []imap.Flag{imap.FlagSeen}}); err != nil {
			return err
		}
	}
	return nil
}

func (ss *smtpSession) Reset()        { ss.to = nil }
func (ss *smtpSession) Logout() error { return nil }

// deliver puts a raw message into the user's INBOX, as if someone mailed the seller.
func (s *servers) deliver(t *testing.T, raw []byte) {
	t.Helper()
	if _, err := s.user.Append("INBOX", bytes.NewReader(raw), &imap.AppendOptions{}); err != nil {
		t.Fatal(err)
	}
}

// folderMessages reads every message of a folder over IMAP, as a mail client would.
func (s *servers) folderMessages(t *testing.T, folder string) []mail.Parsed {
	t.Helper()
	cl, err := s.conn().IMAP(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	defer cl.Close()
	if _, err := cl.Select(folder, nil).Wait(); err != nil {
		t.Fatal(err)
	}
	section := &imap.FetchItemBodySection{Peek: true}
	msgs, err := cl.Fetch(imap.SeqSet{imap.SeqRange{Start: 1, Stop: 0}}, &imap.FetchOptions{BodySection: []*imap.FetchItemBodySection{section}}).Collect()
	if err != nil {
		if len(msgs) == 0 {
			return nil
		}
		t.Fatal(err)
	}
	var out []mail.Parsed
	for _, m := range msgs {
		p, err := mail.Parse(m.FindBodySection(section))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

// openStore opens a fresh store in the test's folder on a pinned clock.
func openStore(t *testing.T) (*data.Store, *clock.Pinned) { return openStoreTB(t) }

func openStoreTB(t testing.TB) (*data.Store, *clock.Pinned) {
	t.Helper()
	clk := clock.At(time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC))
	st, err := data.Open(context.Background(), filepath.Join(t.TempDir(), "m.db"), data.WithClock(clk.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	return st, clk
}

func discard() *slog.Logger { return slog.New(slog.DiscardHandler) }

func writeXLSX(t *testing.T, path string, rows [][]string) {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, r := range rows {
		vals := make([]any, len(r))
		for j, v := range r {
			vals[j] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &vals); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
}
