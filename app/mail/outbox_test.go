package mail

import (
	"context"
	"errors"
	"fmt"
	"net"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"sellerdesk/app/apperr"
	"sellerdesk/data"
)

// queue builds and stores n messages in the outbox and returns their Message-IDs.
func queue(t *testing.T, st *data.Store, n int, kind string) []string {
	t.Helper()
	ctx := context.Background()
	var ids []string
	err := st.Write(ctx, func(tx *data.Tx) error {
		for i := 0; i < n; i++ {
			id := NewMessageID(testUser, tx.Now())
			raw, err := Build(Outgoing{FromName: "한글상점", FromAddr: testUser, ToName: fmt.Sprintf("김고객%d", i),
				ToAddr: fmt.Sprintf("buyer%d@example.kr", i), Subject: fmt.Sprintf("(광고) 11월 소식 %d", i),
				Text: "안녕하세요, 김고객님.\n새 상품이 들어왔습니다.", MessageID: id, Date: tx.Now(),
				ListUnsubscribe: "mailto:" + testUser + "?subject=수신거부"})
			if err != nil {
				return err
			}
			if _, err := data.QueueMailTx(ctx, tx, data.OutboxMessage{MessageID: id, Kind: kind,
				ToAddr: fmt.Sprintf("buyer%d@example.kr", i), Subject: "s", Raw: raw}); err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return ids
}

func counts(t *testing.T, st *data.Store) map[string]int {
	t.Helper()
	c, err := data.OutboxCounts(context.Background(), st.Read(), 0)
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestSendAndReadBack(t *testing.T) {
	srv := startServers(t)
	st, _ := openStore(t)
	ids := queue(t, st, 5, "AD")
	r := &Runner{db: st, Log: discard(), Conn: srv.conn(), By: "test"}
	rep, err := r.Run(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Sent != 5 || counts(t, st)[data.OutSent] != 5 {
		t.Fatalf("report %+v, counts %v", rep, counts(t, st))
	}
	sent := srv.folderMessages(t, "Sent")
	if len(sent) != 5 {
		t.Fatalf("Sent holds %d messages, want 5", len(sent))
	}
	for i, p := range sent {
		if p.MessageID != ids[i] || p.FromName != "한글상점" || !strings.HasPrefix(p.Subject, "(광고) 11월 소식") ||
			!strings.Contains(p.Text, "김고객님") || !strings.Contains(p.HTML, "<br>") {
			t.Errorf("message %d read back as %+v", i, p)
		}
	}
}

func TestAppendWhenServerDoesNotFile(t *testing.T) {
	srv := startServers(t)
	srv.SetFileSent(false)
	st, _ := openStore(t)
	ids := queue(t, st, 2, "INFO")
	c := srv.conn()
	c.Account.ServerSavesSent = false
	r := &Runner{db: st, Log: discard(), Conn: c, By: "test"}
	if _, err := r.Run(context.Background(), nil); err != nil {
		t.Fatal(err)
	}
	sent := srv.folderMessages(t, "Sent")
	if len(sent) != 2 || sent[0].MessageID != ids[0] {
		t.Fatalf("Sent = %d messages", len(sent))
	}
}

// TestCancelAndCrashNeverDuplicates: a run cancelled after three messages, a crash right after the server
// accepted one, and a crash after a claim but before anything reached the server: the next run sends each
// message exactly once and loses none.
func TestCancelAndCrashNeverDuplicates(t *testing.T) {
	srv := startServers(t)
	st, clk := openStore(t)
	ids := queue(t, st, 10, "AD")
	ctx, cancel := context.WithCancel(context.Background())
	r := &Runner{db: st, Log: discard(), Conn: srv.conn(), By: "window"}
	rep, err := r.Run(ctx, func(rep Report) {
		if rep.Sent == 3 {
			cancel()
		}
	})
	if !errors.Is(err, context.Canceled) || rep.Sent != 3 {
		t.Fatalf("cancelled run: %+v %v", rep, err)
	}
	if c := counts(t, st); c[data.OutQueued] != 7 || c[data.OutSent] != 3 {
		t.Fatalf("after cancel: %v", c)
	}
	// a crash right after the server accepted the next message: nothing recorded
	crashed := &Runner{db: st, Log: discard(), Conn: srv.conn(), By: "cli",
		crashAfterAccept: func(data.OutboxMessage) bool { return true }}
	if _, err := crashed.Run(context.Background(), nil); err == nil {
		t.Fatal("the simulated crash did not stop the run")
	}
	// a crash after a claim, before the message reached the server
	if err := st.Write(context.Background(), func(tx *data.Tx) error {
		_, _, err := data.ClaimNextMailTx(context.Background(), tx, "dead")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if c := counts(t, st); c[data.OutSending] != 2 {
		t.Fatalf("before recovery: %v", c)
	}
	clk.Advance(DefaultLease + time.Minute)
	r2 := &Runner{db: st, Log: discard(), Conn: srv.conn(), By: "window"}
	rep, err = r2.Run(context.Background(), nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Recovered != 1 || rep.Requeued != 1 || rep.Sent != 6 {
		t.Fatalf("recovery run: %+v", rep)
	}
	if c := counts(t, st); c[data.OutSent] != 10 {
		t.Fatalf("after recovery: %v", c)
	}
	for _, id := range ids {
		if n := srv.AcceptedCount(id); n != 1 {
			t.Errorf("%s accepted %d times", id, n)
		}
	}
	if srv.Total() != 10 || len(srv.folderMessages(t, "Sent")) != 10 {
		t.Fatalf("server has %d", srv.Total())
	}
}

// TestCrashWithoutServerSentIsChecked: when the app files sent mail itself, a message left SENDING and
// not found in Sent may have been accepted: it is held as CHECK (확인 필요), never sent again; one whose
// acceptance was recorded is filed and marked SENT.
func TestCrashWithoutServerSentIsChecked(t *testing.T) {
	srv := startServers(t)
	srv.SetFileSent(false)
	st, clk := openStore(t)
	ids := queue(t, st, 2, "AD")
	c := srv.conn()
	c.Account.ServerSavesSent = false
	crashed := &Runner{db: st, Log: discard(), Conn: c, By: "cli", crashAfterAccept: func(data.OutboxMessage) bool { return true }}
	crashed.Run(context.Background(), nil)
	// the second: accepted and recorded, then the crash before APPEND
	ctx := context.Background()
	var second data.OutboxMessage
	if err := st.Write(ctx, func(tx *data.Tx) error {
		var err error
		second, _, err = data.ClaimNextMailTx(ctx, tx, "dead")
		if err != nil {
			return err
		}
		return data.MarkMailAcceptedTx(ctx, tx, second.ID)
	}); err != nil {
		t.Fatal(err)
	}
	clk.Advance(DefaultLease + time.Minute)
	r := &Runner{db: st, Log: discard(), Conn: c, By: "window"}
	rep, err := r.Run(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Checked != 1 || rep.Recovered != 1 || rep.Sent != 0 {
		t.Fatalf("report %+v", rep)
	}
	if got := counts(t, st); got[data.OutCheck] != 1 || got[data.OutSent] != 1 {
		t.Fatalf("counts %v", got)
	}
	if srv.AcceptedCount(ids[0]) != 1 {
		t.Fatalf("the first message was sent %d times", srv.AcceptedCount(ids[0]))
	}
	sent := srv.folderMessages(t, "Sent")
	if len(sent) != 1 || sent[0].MessageID != ids[1] {
		t.Fatalf("Sent = %+v", sent)
	}
}

func TestServerFailuresKeepQueue(t *testing.T) {
	ctx := context.Background()
	t.Run("AuthRefused", func(t *testing.T) {
		srv := startServers(t)
		st, _ := openStore(t)
		queue(t, st, 3, "AD")
		c := srv.conn()
		c.Password = "wrong"
		_, err := (&Runner{db: st, Log: discard(), Conn: c, By: "t"}).Run(ctx, nil)
		if !errors.Is(err, ErrAuth) || !strings.Contains(apperr.Message(err), "비밀번호") {
			t.Fatalf("err = %v", err)
		}
		if counts(t, st)[data.OutQueued] != 3 {
			t.Fatalf("queue %v", counts(t, st))
		}
	})
	t.Run("ServerDown", func(t *testing.T) {
		st, _ := openStore(t)
		queue(t, st, 2, "AD")
		ln, _ := net.Listen("tcp", "127.0.0.1:0")
		port := ln.Addr().(*net.TCPAddr).Port
		ln.Close()
		c := Conn{Account: Account{Address: testUser, SMTPHost: "127.0.0.1", SMTPPort: port, SMTPSecurity: None,
			IMAPHost: "127.0.0.1", IMAPPort: port, IMAPSecurity: None, SentFolder: "Sent", PerMinute: 10, PerDay: 10}, Password: "x"}
		_, err := (&Runner{db: st, Log: discard(), Conn: c, By: "t"}).Run(ctx, nil)
		if !errors.Is(err, ErrOffline) || !strings.Contains(apperr.Message(err), "연결할 수 없습니다") {
			t.Fatalf("err = %v (%s)", err, apperr.Message(err))
		}
		if counts(t, st)[data.OutQueued] != 2 {
			t.Fatalf("queue %v", counts(t, st))
		}
	})
	t.Run("Dropped", func(t *testing.T) {
		srv := startServers(t)
		st, clk := openStore(t)
		ids := queue(t, st, 3, "AD")
		srv.DropNext(1)
		_, err := (&Runner{db: st, Log: discard(), Conn: srv.conn(), By: "t"}).Run(ctx, nil)
		if !errors.Is(err, ErrDropped) || !strings.Contains(apperr.Message(err), "끊겼습니다") {
			t.Fatalf("err = %v (%s)", err, apperr.Message(err))
		}
		if c := counts(t, st); c[data.OutQueued]+c[data.OutSending] != 3 {
			t.Fatalf("queue %v", c)
		}
		clk.Advance(time.Second)
		rep, err := (&Runner{db: st, Log: discard(), Conn: srv.conn(), By: "t"}).Run(ctx, nil)
		if err != nil || rep.Sent+rep.Recovered != 3 {
			t.Fatalf("second run %+v %v", rep, err)
		}
		for _, id := range ids {
			if srv.AcceptedCount(id) != 1 {
				t.Fatalf("%s accepted %d times", id, srv.AcceptedCount(id))
			}
		}
	})
	t.Run("RecipientRefused", func(t *testing.T) {
		srv := startServers(t)
		st, _ := openStore(t)
		queue(t, st, 3, "AD")
		srv.RefuseTo("buyer1@example.kr")
		rep, err := (&Runner{db: st, Log: discard(), Conn: srv.conn(), By: "t"}).Run(ctx, nil)
		if err != nil || rep.Sent != 2 || rep.Failed != 1 {
			t.Fatalf("%+v %v", rep, err)
		}
		failed, _ := data.OutboxByState(ctx, st.Read(), data.OutFailed, 0)
		if len(failed) != 1 || !strings.Contains(failed[0].LastError, "550") {
			t.Fatalf("failed = %+v", failed)
		}
	})
}

func TestDayLimitStops(t *testing.T) {
	srv := startServers(t)
	st, _ := openStore(t)
	queue(t, st, 5, "AD")
	c := srv.conn()
	c.Account.PerDay = 2
	rep, err := (&Runner{db: st, Log: discard(), Conn: c, By: "t"}).Run(context.Background(), nil)
	if !errors.Is(err, ErrDayLimit) || rep.Sent != 2 || rep.Waiting != 3 {
		t.Fatalf("%+v %v", rep, err)
	}
}

func TestConnectionTest(t *testing.T) {
	srv := startServers(t)
	if err := srv.conn().Test(context.Background()); err != nil {
		t.Fatal(err)
	}
	c := srv.conn()
	c.Account.SentFolder = "보낸편지함"
	if err := c.Test(context.Background()); err == nil || !strings.Contains(apperr.Message(err), "보낸메일함") {
		t.Fatalf("missing Sent folder: %v", err)
	}
}

func TestSecretsKeyring(t *testing.T) {
	keyring.MockInit()
	s := NewSecrets()
	if _, ok := s.Password("a@b.kr"); ok {
		t.Fatal("a password before any was saved")
	}
	if kept, err := s.Save("a@b.kr", "pw"); !kept || err != nil {
		t.Fatalf("save: %v %v", kept, err)
	}
	if pw, ok := NewSecrets().Password("a@b.kr"); !ok || pw != "pw" {
		t.Fatal("the keyring lost the password")
	}
	keyring.MockInitWithError(errors.New("no secret service"))
	s2 := NewSecrets()
	if kept, _ := s2.Save("c@d.kr", "pw2"); kept {
		t.Fatal("kept without a keyring")
	}
	if pw, ok := s2.Password("c@d.kr"); !ok || pw != "pw2" || !s2.SessionOnly("c@d.kr") {
		t.Fatal("session password lost")
	}
	if _, ok := NewSecrets().Password("c@d.kr"); ok {
		t.Fatal("a session password outlived its session")
	}
}
