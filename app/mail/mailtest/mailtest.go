// Package mailtest runs a real IMAP server (go-imap's imapserver over imapmemserver) and a real SMTP server
// (go-smtp) on 127.0.0.1 for the mail and customer tests. Mail the SMTP server accepts is filed in the IMAP
// user's Sent folder (as Gmail and Outlook do) unless SetFileSent(false). Nothing here reaches beyond loopback.
package mailtest

import (
	"bytes"
	"errors"
	"io"
	"log/slog"
	"net"
	netmail "net/mail"
	"strings"
	"sync"
	"testing"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Servers are the two servers of one test, with one user (address and password given to Start) who has an
// INBOX and a Sent folder.
type Servers struct {
	User               *imapmemserver.User
	IMAPAddr, SMTPAddr *net.TCPAddr
	SMTP               *smtp.Server

	user, pass string
	mu         sync.Mutex
	fileSent   bool
	accepted   map[string]int // Message-ID → times accepted
	dropNext   int            // drop the connection on the next n DATA commands, after reading the message
	refuseTo   string         // refuse this recipient permanently
}

// Start starts both servers for user/pass; they stop when the test ends.
func Start(t testing.TB, user, pass string) *Servers {
	t.Helper()
	s := &Servers{user: user, pass: pass, fileSent: true, accepted: map[string]int{}}
	mem := imapmemserver.New()
	s.User = imapmemserver.NewUser(user, pass)
	for _, mb := range []string{"INBOX", "Sent"} {
		if err := s.User.Create(mb, nil); err != nil {
			t.Fatal(err)
		}
	}
	mem.AddUser(s.User)
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
	s.IMAPAddr = iln.Addr().(*net.TCPAddr)

	s.SMTP = smtp.NewServer(smtp.BackendFunc(func(c *smtp.Conn) (smtp.Session, error) { return &session{s: s, c: c}, nil }))
	s.SMTP.Domain = "localhost"
	s.SMTP.AllowInsecureAuth = true
	sln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go s.SMTP.Serve(sln)
	t.Cleanup(func() { s.SMTP.Close() })
	s.SMTPAddr = sln.Addr().(*net.TCPAddr)
	return s
}

// SetFileSent says whether accepted mail is filed in Sent by the server (true at start).
func (s *Servers) SetFileSent(on bool) { s.mu.Lock(); s.fileSent = on; s.mu.Unlock() }

// DropNext makes the next n DATA commands lose the connection after the message was read.
func (s *Servers) DropNext(n int) { s.mu.Lock(); s.dropNext = n; s.mu.Unlock() }

// RefuseTo makes the SMTP server refuse this recipient permanently (550 5.1.1).
func (s *Servers) RefuseTo(addr string) { s.mu.Lock(); s.refuseTo = addr; s.mu.Unlock() }

// AcceptedCount is how many times the SMTP server accepted the message with this Message-ID.
func (s *Servers) AcceptedCount(id string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.accepted[id]
}

// Total is how many messages the SMTP server accepted in all.
func (s *Servers) Total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, c := range s.accepted {
		n += c
	}
	return n
}

// Deliver puts a raw message into the user's INBOX, as if someone mailed the seller.
func (s *Servers) Deliver(t testing.TB, raw []byte) {
	t.Helper()
	if _, err := s.User.Append("INBOX", bytes.NewReader(raw), &imap.AppendOptions{}); err != nil {
		t.Fatal(err)
	}
}

type session struct {
	s    *Servers
	c    *smtp.Conn
	auth bool
	to   []string
}

func (ss *session) AuthMechanisms() []string { return []string{sasl.Plain} }

func (ss *session) Auth(mech string) (sasl.Server, error) {
	return sasl.NewPlainServer(func(identity, username, password string) error {
		if username != ss.s.user || password != ss.s.pass {
			return smtp.ErrAuthFailed
		}
		ss.auth = true
		return nil
	}), nil
}

func (ss *session) Mail(from string, _ *smtp.MailOptions) error {
	if !ss.auth {
		return smtp.ErrAuthRequired
	}
	return nil
}

func (ss *session) Rcpt(to string, _ *smtp.RcptOptions) error {
	ss.s.mu.Lock()
	defer ss.s.mu.Unlock()
	if to == ss.s.refuseTo {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user"}
	}
	ss.to = append(ss.to, to)
	return nil
}

func (ss *session) Data(r io.Reader) error {
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
	id := ""
	if m, err := netmail.ReadMessage(bytes.NewReader(raw)); err == nil {
		if v := strings.Trim(strings.TrimSpace(m.Header.Get("Message-Id")), "<>"); v != "" {
			id = "<" + v + ">" // as mail.Parse reads it
		}
	}
	ss.s.accepted[id]++
	file := ss.s.fileSent
	ss.s.mu.Unlock()
	if file {
		if _, err := ss.s.User.Append("Sent", bytes.NewReader(raw), &imap.AppendOptions{Flags: []imap.Flag{imap.FlagSeen}}); err != nil {
			return err
		}
	}
	return nil
}

func (ss *session) Reset()        { ss.to = nil }
func (ss *session) Logout() error { return nil }
