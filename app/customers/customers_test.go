package customers

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/zalando/go-keyring"

	"sellerdesk/app/apperr"
	"sellerdesk/app/mail"
	"sellerdesk/data"
)

// fixture is a store with a profile, a mailbox on the loopback servers, a category tree (의류 › 양말,
// 식품) and buyers:
//   - 김동의: consent given a month ago, email known
//   - 이거래: no consent, paid for socks (의류) 2 months ago, email known
//   - 박오래: no consent, paid for socks 8 months ago
//   - 최거부: consent then withdrawal
//   - 정옛날: consent 3 years ago (the §50⑧ notice goes first)
//   - 한메일없음: consent, no email
type fixture struct {
	svc  *Service
	st   *data.Store
	srv  *servers
	ids  map[string]int64
	cats map[string]int64
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	keyring.MockInit()
	ctx := context.Background()
	st, _ := openStore(t)
	srv := startServers(t)
	f := &fixture{st: st, srv: srv, ids: map[string]int64{}, cats: map[string]int64{}}
	f.svc = New(st, discard(), mail.NewSecrets())
	now := st.Now()
	err := st.Write(ctx, func(tx *data.Tx) error {
		if err := data.SaveProfileTx(ctx, tx, data.StoreProfile{Name: "한글상점", Phone: "02-123-4567", Email: testUser, Address: "서울시 중구"}); err != nil {
			return err
		}
		for _, c := range []struct {
			name   string
			parent string
		}{{"의류", ""}, {"양말", "의류"}, {"식품", ""}} {
			var id int64
			if err := tx.QueryRowContext(ctx, `INSERT INTO categories (parent_id, name, created_at) VALUES (?, ?, ?) RETURNING id`,
				nullable(f.cats[c.parent]), c.name, "2026-01-01T00:00:00.000Z").Scan(&id); err != nil {
				return err
			}
			f.cats[c.name] = id
		}
		var pid, oid int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO products (code, name, price, status, category_id, created_at, updated_at)
			VALUES ('S1', '면양말', 3000, 'SALE', ?, '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z') RETURNING id`, f.cats["양말"]).Scan(&pid); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO product_options (product_id) VALUES (?) RETURNING id`, pid).Scan(&oid); err != nil {
			return err
		}
		order := func(no, name, phone string, at time.Time) error {
			var id int64
			ts := at.UTC().Format(data.TimeLayout)
			if err := tx.QueryRowContext(ctx, `INSERT INTO orders (order_no, ordered_at, paid_at, buyer_name, buyer_phone, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id`, no, ts, ts, name, phone, ts, ts).Scan(&id); err != nil {
				return err
			}
			_, err := tx.ExecContext(ctx, `INSERT INTO order_lines (product_order_no, order_id, option_id, product_name, qty, amount, status,
				ordered_at, created_at, updated_at) VALUES (?, ?, ?, '면양말', 1, 3000, 'PURCHASE_DECIDED', ?, ?, ?)`, no+"-1", id, oid, ts, ts, ts)
			return err
		}
		if err := order("O1", "이거래", "010-1111-0001", now.AddDate(0, -2, 0)); err != nil {
			return err
		}
		return order("O2", "박오래", "010-1111-0002", now.AddDate(0, -8, 0))
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.Sync(ctx, nil); err != nil {
		t.Fatal(err)
	}
	list, _ := f.svc.List(ctx, Query{})
	for _, c := range list {
		f.ids[c.Name] = c.ID
	}
	for _, n := range []string{"이거래", "박오래"} {
		if err := f.svc.Update(ctx, f.ids[n], n, "", strings.ToLower(map[string]string{"이거래": "lee", "박오래": "park"}[n])+"@buyer.kr", "", nil); err != nil {
			t.Fatal(err)
		}
	}
	for _, n := range []struct{ name, email string }{{"김동의", "kim@buyer.kr"}, {"최거부", "choi@buyer.kr"}, {"정옛날", "jung@buyer.kr"}, {"한메일없음", ""}} {
		id, err := f.svc.Add(ctx, NewContact{Name: n.name, Email: n.email})
		if err != nil {
			t.Fatal(err)
		}
		f.ids[n.name] = id
	}
	// the consent statements, before a mailbox exists (no confirmations are queued yet)
	for _, c := range []struct {
		name    string
		granted bool
		at      time.Time
	}{{"김동의", true, now.AddDate(0, -1, 0)}, {"최거부", true, now.AddDate(0, -3, 0)}, {"최거부", false, now.AddDate(0, -1, 0)},
		{"정옛날", true, now.AddDate(-3, 0, 0)}, {"한메일없음", true, now.AddDate(0, -1, 0)}} {
		if err := f.svc.RecordConsent(ctx, f.ids[c.name], c.granted, c.at, "매장 서면", ""); err != nil {
			t.Fatal(err)
		}
	}
	a := srv.account()
	if _, err := f.svc.SaveAccount(ctx, a, testPass); err != nil {
		t.Fatal(err)
	}
	return f
}

func nullable(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func (f *fixture) all() []int64 {
	var out []int64
	for _, n := range []string{"김동의", "이거래", "박오래", "최거부", "정옛날", "한메일없음"} {
		out = append(out, f.ids[n])
	}
	return out
}

func TestLawfulBasis(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	bases, err := f.svc.Check(ctx, f.all(), true, []int64{f.cats["의류"]})
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]struct {
		ok     bool
		why    string
		notice bool
	}{
		"김동의":   {true, WhyConsent, false},
		"이거래":   {true, WhyTransaction, false},
		"박오래":   {false, WhyNoBasis, false},
		"최거부":   {false, WhyRefused, false},
		"정옛날":   {true, WhyConsentOld, true},
		"한메일없음": {false, WhyNoEmail, false},
	}
	for _, b := range bases {
		w := want[b.Name]
		if b.OK != w.ok || b.Why != w.why || b.NeedsNotice != w.notice {
			t.Errorf("%s: %+v, want %+v", b.Name, b, w)
		}
	}
	// another kind of goods: the 6-month exception does not reach 이거래
	bases, _ = f.svc.Check(ctx, []int64{f.ids["이거래"]}, true, []int64{f.cats["식품"]})
	if bases[0].OK {
		t.Error("a sock buyer may get a food ad without consent")
	}
	// no kind confirmed: the exception cannot be used
	bases, _ = f.svc.Check(ctx, []int64{f.ids["이거래"]}, true, nil)
	if bases[0].OK || bases[0].Why != WhyNoBasisNoCats {
		t.Errorf("no categories: %+v", bases[0])
	}
	// informational mail is never blocked by consent, even after a withdrawal
	bases, _ = f.svc.Check(ctx, []int64{f.ids["최거부"]}, false, nil)
	if !bases[0].OK {
		t.Error("informational mail blocked by a withdrawal")
	}
}

func TestInformationalMailCarriesNoAds(t *testing.T) {
	d := Draft{Kind: KindInfo, Subject: "배송 안내", Body: "주문하신 상품이 출발했습니다. 다음 구매 시 10% 할인 쿠폰을 드려요"}
	if err := d.Validate(); err == nil || !strings.Contains(apperr.Message(err), "광고 내용") {
		t.Fatalf("ad words in informational mail: %v", err)
	}
	d.Body = "주문하신 상품이 출발했습니다."
	if err := d.Validate(); err != nil {
		t.Fatal(err)
	}
}

// TestCampaignSentAndReadBack: an ad goes to those with a lawful basis (the §50⑧ notice first where consent
// is old), is read back from the server with its (광고) prefix, footer and List-Unsubscribe header, and the
// report lists the skipped with their reasons.
func TestCampaignSentAndReadBack(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	d := Draft{Kind: KindAd, Subject: "{{고객명}}님, 겨울 양말 입고", Body: "{{고객명}}님 안녕하세요.\n최근 구매: {{최근 구매 상품}}\n쿠폰: {{쿠폰코드}}",
		Coupon: "WINTER10", Categories: []int64{f.cats["의류"]}, IDs: f.all()}
	pre, err := f.svc.Preview(ctx, d, f.ids["이거래"])
	if err != nil {
		t.Fatal(err)
	}
	if pre.Subject != "(광고) 이거래님, 겨울 양말 입고" || !strings.Contains(pre.Text, "최근 구매: 면양말") ||
		!strings.Contains(pre.Text, "02-123-4567") || !strings.Contains(pre.Text, "수신거부") {
		t.Fatalf("preview: %+v", pre)
	}
	if err := f.svc.SendTest(ctx, d); err != nil {
		t.Fatal(err)
	}
	rep, err := f.svc.Send(ctx, d, nil)
	if err != nil {
		t.Fatal(err)
	}
	if rep.Queued != 3 || rep.Notices != 1 || len(rep.Skipped) != 3 {
		t.Fatalf("send report: %+v", rep)
	}
	mr, err := f.svc.SendQueue(ctx, "test", nil)
	if err != nil {
		t.Fatal(err)
	}
	// 1 test + 1 notice + 3 ads (+ nothing else: the confirmations were recorded before the mailbox existed)
	if mr.Sent != 5 {
		t.Fatalf("runner: %+v", mr)
	}
	sent := f.srv.folderMessages(t, "Sent")
	var ads, notices, tests int
	for _, p := range sent {
		switch {
		case strings.HasPrefix(p.Subject, "[테스트] (광고)"):
			tests++
		case strings.HasPrefix(p.Subject, "(광고) "):
			ads++
			if !strings.Contains(p.Text, "수신거부") || !strings.Contains(p.Text, "한글상점") {
				t.Errorf("ad without its footer: %q", p.Text)
			}
		case strings.Contains(p.Subject, "수신동의 여부 확인 안내"):
			notices++
			if p.ToAddr != "jung@buyer.kr" {
				t.Errorf("notice to %s", p.ToAddr)
			}
		}
	}
	if ads != 3 || notices != 1 || tests != 1 {
		t.Fatalf("Sent holds %d ads, %d notices, %d tests", ads, notices, tests)
	}
	// the notice renewed 정옛날's consent: no notice next time
	bases, _ := f.svc.Check(ctx, []int64{f.ids["정옛날"]}, true, nil)
	if !bases[0].OK || bases[0].NeedsNotice {
		t.Fatalf("after the notice: %+v", bases[0])
	}
	r, err := f.svc.Report(ctx, rep.CampaignID)
	if err != nil || r.Delivered != 4 || len(r.Skipped) != 3 {
		t.Fatalf("report %+v %v", r, err)
	}
}

func TestWithdrawalIsImmediateAndConfirmed(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	d := Draft{Kind: KindAd, Subject: "세일", Body: "본문", IDs: []int64{f.ids["김동의"]}}
	if _, err := f.svc.Send(ctx, d, nil); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.RecordConsent(ctx, f.ids["김동의"], false, time.Time{}, "전화", ""); err != nil {
		t.Fatal(err)
	}
	mr, err := f.svc.SendQueue(ctx, "test", nil)
	if err != nil {
		t.Fatal(err)
	}
	sent := f.srv.folderMessages(t, "Sent")
	if mr.Sent != 1 || len(sent) != 1 || !strings.Contains(sent[0].Subject, "수신 거부(철회) 처리 결과 안내") {
		t.Fatalf("after withdrawal: %+v %+v", mr, sent)
	}
	due, _ := f.svc.ConfirmationsDue(ctx)
	for _, d := range due {
		if d.Name == "김동의" && !d.Record.Granted {
			t.Fatal("the withdrawal's confirmation is still due after it was sent")
		}
	}
}

func TestUnsubscribeReplyWithdraws(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	d := Draft{Kind: KindAd, Subject: "세일", Body: "본문", IDs: []int64{f.ids["김동의"]}}
	if _, err := f.svc.Send(ctx, d, nil); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.SendQueue(ctx, "test", nil); err != nil {
		t.Fatal(err)
	}
	ad := f.srv.folderMessages(t, "Sent")[0]
	// a question quoting the ad's footer (which says 수신거부) is not a refusal; a 수신거부 reply is
	q := "Subject: Re: " + ad.Subject + "\r\nFrom: kim@buyer.kr\r\nTo: " + testUser + "\r\nMessage-ID: <q1@buyer.kr>\r\nIn-Reply-To: " +
		ad.MessageID + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n재고 있나요?\r\n\r\n> " + strings.ReplaceAll(ad.Text, "\n", "\n> ")
	f.srv.Deliver(t, []byte(q))
	rep, err := f.svc.FetchMail(ctx)
	if err != nil || rep.New != 1 || len(rep.Withdrawn) != 0 {
		t.Fatalf("question: %+v %v", rep, err)
	}
	u := "Subject: Re: " + ad.Subject + "\r\nFrom: kim@buyer.kr\r\nTo: " + testUser + "\r\nMessage-ID: <q2@buyer.kr>\r\nIn-Reply-To: " +
		ad.MessageID + "\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n수신거부\r\n\r\n> " + strings.ReplaceAll(ad.Text, "\n", "\n> ")
	f.srv.Deliver(t, []byte(u))
	rep, err = f.svc.FetchMail(ctx)
	if err != nil || len(rep.Withdrawn) != 1 || rep.Withdrawn[0] != "김동의" {
		t.Fatalf("refusal: %+v %v", rep, err)
	}
	c, _ := f.svc.Get(ctx, f.ids["김동의"])
	if c.Consent != "NO" {
		t.Fatalf("consent after 수신거부 = %q", c.Consent)
	}
	if _, err := f.svc.SendQueue(ctx, "test", nil); err != nil {
		t.Fatal(err)
	}
	var confirmed bool
	for _, p := range f.srv.folderMessages(t, "Sent") {
		if strings.Contains(p.Subject, "수신 거부(철회) 처리 결과 안내") && p.ToAddr == "kim@buyer.kr" {
			confirmed = true
		}
	}
	if !confirmed {
		t.Fatal("the withdrawal was not confirmed to the customer")
	}
	// the thread is the customer's, and a reply goes out threaded and quoted
	threads, _ := f.svc.Threads(ctx, f.ids["김동의"])
	if len(threads) != 1 || threads[0].Count != 2 {
		t.Fatalf("threads: %+v", threads)
	}
	if err := f.svc.Reply(ctx, threads[0].ID, "처리했습니다."); err != nil {
		t.Fatal(err)
	}
	if _, err := f.svc.SendQueue(ctx, "test", nil); err != nil {
		t.Fatal(err)
	}
	sent := f.srv.folderMessages(t, "Sent")
	last := sent[len(sent)-1]
	if last.InReplyTo != "<q2@buyer.kr>" || !strings.HasPrefix(last.Subject, "Re: (광고)") || !strings.Contains(last.Text, "> 수신거부") {
		t.Fatalf("reply: %+v", last)
	}
}

func TestNoPasswordKeepsQueue(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	if err := f.svc.SendTest(ctx, Draft{Kind: KindInfo, Subject: "안내", Body: "본문"}); err != nil {
		t.Fatal(err)
	}
	other := New(f.st, discard(), mail.NewSecrets())
	keyring.MockInit() // an empty keyring: nothing saved
	_, err := other.SendQueue(ctx, "cli", nil)
	if !errors.Is(err, ErrNoPassword) || !strings.Contains(apperr.Message(err), "비밀번호가 없습니다") {
		t.Fatalf("err = %v", err)
	}
	c, _ := other.OutboxCounts(ctx)
	if c[data.OutQueued] != 1 {
		t.Fatalf("queue %v", c)
	}
}

func TestContactFileRoundTrip(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "c.xlsx")
	n, err := f.svc.Export(ctx, path)
	if err != nil || n != 6 {
		t.Fatalf("export %d %v", n, err)
	}
	// a fresh store reads it back, consent with its date and way
	g := newFixture(t)
	other := New(g.st, discard(), mail.NewSecrets())
	before, _ := other.Count(ctx, Query{})
	rep, err := other.Import(ctx, path)
	if err != nil || len(rep.Problems) != 0 {
		t.Fatalf("import %+v %v", rep, err)
	}
	after, _ := other.Count(ctx, Query{})
	// 한메일없음 has neither email nor phone to be known by: she comes in as a new contact
	if after != before+1 || rep.Updated != 5 || rep.Added != 1 || rep.Consents != 4 {
		t.Fatalf("contacts %d → %d, report %+v", before, after, rep)
	}
}

func TestImportRefusesConsentWithoutDateAndWay(t *testing.T) {
	f := newFixture(t)
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "bad.xlsx")
	writeXLSX(t, path, [][]string{FileColumns, {"새고객", "010-2222-3333", "new@buyer.kr", "", "VIP", "", "동의", "", ""},
		{"다른고객", "", "other@buyer.kr", "", "", "", "동의", "2026-11-01", "전화"}})
	before, _ := f.svc.Count(ctx, Query{})
	rep, err := f.svc.Import(ctx, path)
	if err != nil || len(rep.Problems) != 1 || !strings.Contains(rep.Problems[0].Text(apperr.Korean), "2행") {
		t.Fatalf("%+v %v", rep, err)
	}
	if after, _ := f.svc.Count(ctx, Query{}); after != before {
		t.Fatal("a refused file added contacts")
	}
	writeXLSX(t, path, [][]string{FileColumns, {"새고객", "010-2222-3333", "new@buyer.kr", "", "VIP", "", "동의", "2026-11-01", "매장 서면"}})
	rep, err = f.svc.Import(ctx, path)
	if err != nil || rep.Added != 1 || rep.Consents != 1 {
		t.Fatalf("%+v %v", rep, err)
	}
	list, _ := f.svc.List(ctx, Query{Search: "new@buyer"})
	if len(list) != 1 || list[0].Consent != "YES" || len(list[0].Tags) != 0 && list[0].Tags[0] != "VIP" {
		t.Fatalf("imported: %+v", list)
	}
}

func TestMasks(t *testing.T) {
	for in, want := range map[string]string{"010-1234-5678": "010-****-5678", "01012345678": "010****5678", "02-123-4567": "02-1**-4567"} {
		if got := MaskPhone(in); got != want {
			t.Errorf("MaskPhone(%q) = %q, want %q", in, got, want)
		}
	}
	if got := MaskEmail("kimminji@naver.com"); got != "ki******@naver.com" {
		t.Errorf("MaskEmail = %q", got)
	}
	if got := MaskName("김민지"); got != "김*지" {
		t.Errorf("MaskName = %q", got)
	}
}
