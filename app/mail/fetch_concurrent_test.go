package mail

import (
	"context"
	"fmt"
	"sync"
	"testing"
)

// Two fetches at once (the window's IDLE loop and the 받은 편지 가져오기 button, or the window and `mail
// fetch`) store each message once and neither fails on the other's rows; messages without a Message-ID,
// which only their UID tells apart, included.
func TestConcurrentFetchStoresOnce(t *testing.T) {
	srv := startServers(t)
	st, _ := openStore(t)
	ctx := context.Background()
	delivered := 0
	for round := 0; round < 4; round++ {
		for i := 0; i < 12; i++ {
			n := round*12 + i
			if i%2 == 0 {
				srv.Deliver(t, rawMail(fmt.Sprintf("c%d@x.kr", n), fmt.Sprintf("문의 %d", n), fmt.Sprintf("<m%d@x.kr>", n), "",
					"text/plain; charset=utf-8", []byte("재입고 되나요?")))
			} else {
				srv.Deliver(t, []byte(fmt.Sprintf("From: c%d@x.kr\r\nTo: %s\r\nSubject: no id %d\r\nDate: Fri, 20 Nov 2026 09:00:00 +0900\r\n"+
					"MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n배송 언제 되나요?", n, testUser, n)))
			}
			delivered++
		}
		var wg sync.WaitGroup
		errs := make([]error, 2)
		news := make([]int, 2)
		for k := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				rep, err := fetcher(st, srv).Fetch(ctx)
				errs[k], news[k] = err, len(rep.New)
			}()
		}
		wg.Wait()
		for k, err := range errs {
			if err != nil {
				t.Fatalf("round %d: fetch %d: %v", round, k, err)
			}
		}
		if got := news[0] + news[1]; got != 12 {
			t.Errorf("round %d: the two fetches reported %d + %d new, want 12 in all", round, news[0], news[1])
		}
	}
	var msgs, uids, threads, empty int
	if err := st.Read().QueryRowContext(ctx, `SELECT (SELECT count(*) FROM mail_messages),
		(SELECT count(DISTINCT uid) FROM mail_messages), (SELECT count(*) FROM mail_threads),
		(SELECT count(*) FROM mail_threads t WHERE NOT EXISTS (SELECT 1 FROM mail_messages m WHERE m.thread_id = t.id))`).
		Scan(&msgs, &uids, &threads, &empty); err != nil {
		t.Fatal(err)
	}
	if msgs != delivered || uids != delivered {
		t.Errorf("stored %d messages (%d UIDs), want %d", msgs, uids, delivered)
	}
	if empty != 0 {
		t.Errorf("%d of %d conversations have no message", empty, threads)
	}
}
