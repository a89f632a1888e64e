package mail

import (
	"context"
	"encoding/base64"
	"fmt"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/encoding/korean"

	"sellerdesk/data"
)

func eucKR(t *testing.T, s string) []byte {
	t.Helper()
	b, err := korean.EUCKR.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// iso2022 writes Korean text as ISO-2022-KR (RFC 1557).
func iso2022(t *testing.T, s string) []byte {
	out := []byte("\x1b$)C")
	for i, line := range strings.Split(s, "\n") {
		if i > 0 {
			out = append(out, '\n')
		}
		shifted := false
		for _, r := range line {
			if r < 0x80 {
				if shifted {
					out = append(out, 0x0f)
					shifted = false
				}
				out = append(out, byte(r))
				continue
			}
			if !shifted {
				out = append(out, 0x0e)
				shifted = true
			}
			for _, b := range eucKR(t, string(r)) {
				out = append(out, b&0x7f)
			}
		}
		if shifted {
			out = append(out, 0x0f)
		}
	}
	return out
}

func rawMail(from, subjectHeader, msgID, extra, ctype string, body []byte) []byte {
	return []byte(fmt.Sprintf("From: %s\r\nTo: %s\r\nSubject: %s\r\nMessage-ID: %s\r\nDate: Fri, 20 Nov 2026 09:00:00 +0900\r\n%sMIME-Version: 1.0\r\nContent-Type: %s\r\n\r\n%s",
		from, testUser, subjectHeader, msgID, extra, ctype, body))
}

func fetcher(st *data.Store, srv *servers) *Fetcher {
	return &Fetcher{db: st, Log: discard(), Conn: srv.conn()}
}

func threadBodies(t *testing.T, st *data.Store) map[string]data.MailMessage {
	t.Helper()
	ctx := context.Background()
	threads, err := data.MailThreads(ctx, st.Read(), 0, 0)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]data.MailMessage{}
	for _, th := range threads {
		msgs, err := data.ThreadMessages(ctx, st.Read(), th.ID)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range msgs {
			out[m.MessageID] = m
		}
	}
	return out
}

func TestFetchKoreanCharsets(t *testing.T) {
	srv := startServers(t)
	st, _ := openStore(t)
	subj := func(cs, s string) string {
		return "=?" + cs + "?B?" + base64.StdEncoding.EncodeToString(eucKR(t, s)) + "?="
	}
	srv.Deliver(t, rawMail("=?euc-kr?B?"+base64.StdEncoding.EncodeToString(eucKR(t, "김철수"))+"?= <kim@old.kr>",
		subj("euc-kr", "배송 문의드립니다"), "<a1@old.kr>", "", "text/plain; charset=euc-kr", eucKR(t, "주문한 양말 언제 오나요?")))
	srv.Deliver(t, rawMail("lee@outlook.kr", subj("ks_c_5601-1987", "교환 요청"), "<a2@outlook.kr>", "",
		"text/plain; charset=ks_c_5601-1987", eucKR(t, "사이즈를 바꾸고 싶어요.")))
	srv.Deliver(t, rawMail("park@old.kr", "=?iso-2022-kr?B?"+base64.StdEncoding.EncodeToString(iso2022(t, "안녕하세요"))+"?=",
		"<a3@old.kr>", "", "text/plain; charset=iso-2022-kr", iso2022(t, "상품 문의\n재입고 되나요?")))
	srv.Deliver(t, rawMail("choi@naver.com", "=?UTF-8?B?"+base64.StdEncoding.EncodeToString([]byte("HTML 메일"))+"?=", "<a4@naver.com>", "",
		"text/html; charset=utf-8", []byte("<html><head><style>p{}</style></head><body><p>포장이 <b>찢어져</b> 왔어요.</p><p>사진 보냅니다.</p></body></html>")))
	rep, err := fetcher(st, srv).Fetch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.New) != 4 {
		t.Fatalf("fetched %d, want 4", len(rep.New))
	}
	got := threadBodies(t, st)
	for id, want := range map[string][2]string{
		"<a1@old.kr>":     {"배송 문의드립니다", "주문한 양말 언제 오나요?"},
		"<a2@outlook.kr>": {"교환 요청", "사이즈를 바꾸고 싶어요."},
		"<a3@old.kr>":     {"안녕하세요", "상품 문의\n재입고 되나요?"},
		"<a4@naver.com>":  {"HTML 메일", "포장이 찢어져 왔어요.\n\n사진 보냅니다."},
	} {
		m := got[id]
		if m.Subject != want[0] || strings.TrimSpace(m.Body) != want[1] {
			t.Errorf("%s: subject %q body %q, want %q %q", id, m.Subject, m.Body, want[0], want[1])
		}
	}
	if got["<a1@old.kr>"].FromName != "김철수" {
		t.Errorf("EUC-KR display name = %q", got["<a1@old.kr>"].FromName)
	}
	// nothing new on a second fetch
	rep, err = fetcher(st, srv).Fetch(context.Background())
	if err != nil || len(rep.New) != 0 {
		t.Fatalf("second fetch: %d new, %v", len(rep.New), err)
	}
}

func TestUIDValidityChangeRefetches(t *testing.T) {
	srv := startServers(t)
	st, _ := openStore(t)
	m1 := rawMail("a@x.kr", "one", "<u1@x.kr>", "", "text/plain; charset=utf-8", []byte("첫 번째"))
	m2 := rawMail("b@x.kr", "two", "<u2@x.kr>", "", "text/plain; charset=utf-8", []byte("두 번째"))
	srv.Deliver(t, m1)
	srv.Deliver(t, m2)
	f := fetcher(st, srv)
	first, err := f.Fetch(context.Background())
	if err != nil || len(first.New) != 2 {
		t.Fatalf("first fetch %d %v", len(first.New), err)
	}
	// the server rebuilt INBOX: a new UIDVALIDITY, the old messages under new UIDs and one more
	if err := srv.User.Delete("INBOX"); err != nil {
		t.Fatal(err)
	}
	if err := srv.User.Create("INBOX", nil); err != nil {
		t.Fatal(err)
	}
	srv.Deliver(t, m1)
	srv.Deliver(t, m2)
	srv.Deliver(t, rawMail("c@x.kr", "three", "<u3@x.kr>", "", "text/plain; charset=utf-8", []byte("세 번째")))
	rep, err := f.Fetch(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	if !rep.Refetched || rep.UIDValidity == first.UIDValidity || len(rep.New) != 1 || rep.New[0].MessageID != "<u3@x.kr>" {
		t.Fatalf("after UIDVALIDITY change: %+v", rep)
	}
	if got := threadBodies(t, st); len(got) != 3 {
		t.Fatalf("stored %d messages, want 3", len(got))
	}
	// a message with a UID at or below the last seen is not read again; a new one is
	srv.Deliver(t, rawMail("d@x.kr", "four", "<u4@x.kr>", "", "text/plain; charset=utf-8", []byte("네 번째")))
	rep, err = f.Fetch(context.Background())
	if err != nil || len(rep.New) != 1 || rep.Refetched {
		t.Fatalf("next fetch %+v %v", rep, err)
	}
}

func TestUnsubscribeReadsOwnTextOnly(t *testing.T) {
	footer := "\n\n> (광고) 11월 소식\n> 수신을 원하지 않으시면 '수신거부'라고 회신해 주세요."
	cases := []struct {
		subject, body string
		want          bool
	}{
		{"Re: (광고) 11월 소식", "수신거부" + footer, true},
		{"Re: (광고) 11월 소식", "수신 거부합니다.\n\n2026. 11. 20. 오전 10:00, 한글상점 <shop@x.kr> 작성:\n본문", true},
		{"수신거부", "", true},
		{"Re: (광고) 11월 소식", "이 상품 재고 있나요?" + footer, false},
		{"Re: 문의", "감사합니다\n-----Original Message-----\n수신거부는 회신으로", false},
		{"RE: 회신: unsubscribe", "", true},
	}
	for _, c := range cases {
		if got := Unsubscribes(c.subject, c.body); got != c.want {
			t.Errorf("Unsubscribes(%q, %q) = %v, want %v", c.subject, c.body, got, c.want)
		}
	}
}

func TestThreadingAndContact(t *testing.T) {
	srv := startServers(t)
	st, _ := openStore(t)
	ctx := context.Background()
	var cid int64
	if err := st.Write(ctx, func(tx *data.Tx) error {
		var err error
		cid, err = data.AddCustomerTx(ctx, tx, data.NewCustomer{Name: "한지민", Email: "Han@Mail.kr"})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	srv.Deliver(t, rawMail("han@mail.kr", "문의", "<t1@mail.kr>", "", "text/plain; charset=utf-8", []byte("질문입니다")))
	srv.Deliver(t, rawMail("han@mail.kr", "Re: 문의", "<t2@mail.kr>", "In-Reply-To: <t1@mail.kr>\r\nReferences: <t1@mail.kr>\r\n",
		"text/plain; charset=utf-8", []byte("추가 질문")))
	srv.Deliver(t, rawMail("stranger@mail.kr", "hello", "<t3@mail.kr>", "", "text/plain; charset=utf-8", []byte("?")))
	rep, err := fetcher(st, srv).Fetch(ctx)
	if err != nil || len(rep.New) != 3 {
		t.Fatalf("%+v %v", rep, err)
	}
	if rep.New[0].ThreadID != rep.New[1].ThreadID || rep.New[0].CustomerID != cid || rep.New[1].CustomerID != cid {
		t.Fatalf("thread or contact: %+v", rep.New)
	}
	if rep.New[2].CustomerID != 0 || rep.New[2].ThreadID == rep.New[0].ThreadID {
		t.Fatalf("a stranger became %+v", rep.New[2])
	}
	threads, _ := data.MailThreads(ctx, st.Read(), cid, 0)
	if len(threads) != 1 || threads[0].Count != 2 || threads[0].Unread != 2 {
		t.Fatalf("threads of the contact: %+v", threads)
	}
}

func TestIdleHearsNewMail(t *testing.T) {
	srv := startServers(t)
	st, _ := openStore(t)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	heard := make(chan struct{}, 1)
	done := make(chan error, 1)
	go func() {
		done <- fetcher(st, srv).Watch(ctx, func() {
			select {
			case heard <- struct{}{}:
			default:
			}
		})
	}()
	// deliver until the watcher, once idle, hears one (the first may arrive before IDLE began)
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for i := 0; ; i++ {
		select {
		case <-heard:
			cancel()
			if err := <-done; err != nil {
				t.Fatal(err)
			}
			return
		case err := <-done:
			t.Fatalf("watch ended: %v", err)
		case <-tick.C:
			if i > 50 {
				t.Fatal("IDLE never reported new mail")
			}
			srv.Deliver(t, rawMail("a@x.kr", "new", fmt.Sprintf("<i%d@x.kr>", i), "", "text/plain; charset=utf-8", []byte("x")))
		}
	}
}
