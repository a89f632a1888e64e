package mail

import (
	"context"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"sellerdesk/app/clock"
	"sellerdesk/app/mail/mailtest"
	"sellerdesk/data"
)

const (
	testUser = "shop@sellerdesk.test"
	testPass = "app-password-1"
)

// servers are the loopback IMAP and SMTP servers of mailtest, with this package's account for them.
type servers struct{ *mailtest.Servers }

func startServers(t *testing.T) *servers { return &servers{mailtest.Start(t, testUser, testPass)} }

func (s *servers) account() Account {
	return Account{Address: testUser, DisplayName: "한글상점", Username: testUser,
		SMTPHost: "127.0.0.1", SMTPPort: s.SMTPAddr.Port, SMTPSecurity: None,
		IMAPHost: "127.0.0.1", IMAPPort: s.IMAPAddr.Port, IMAPSecurity: None,
		SentFolder: "Sent", ServerSavesSent: true, PerMinute: 1000, PerDay: 10000}
}

func (s *servers) conn() Conn {
	return Conn{Account: s.account(), Password: testPass, Timeout: 5 * time.Second}
}

// folderMessages reads every message of a folder over IMAP, as a mail client would.
func (s *servers) folderMessages(t *testing.T, folder string) []Parsed {
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
	var out []Parsed
	for _, m := range msgs {
		p, err := Parse(m.FindBodySection(section))
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, p)
	}
	return out
}

// openStore opens a fresh store in the test's folder on a pinned clock.
func openStore(t *testing.T) (*data.Store, *clock.Pinned) {
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
