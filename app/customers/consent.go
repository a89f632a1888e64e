package customers

import (
	"context"
	"errors"
	"strings"
	"time"

	"sellerdesk/app/apperr"
	"sellerdesk/app/mail"
	"sellerdesk/data"
)

// Ways consent is given or withdrawn, as the seller records them.
var ConsentMethods = []string{"매장 서면", "전화", "이메일 회신", "웹 양식", "가져오기"}

// The law's windows (정보통신망법 §50 and its decree).
const (
	// TransactionWindow: a buyer may get ads for the same kind of goods for 6 months after paying
	TransactionWindow = 6 // months
	// ReconfirmAfter: consent is reconfirmed every 2 years (§50⑧)
	ReconfirmAfter = 2 // years
	// ConfirmWithin: opt-in and opt-out are confirmed to the customer within 14 days
	ConfirmWithin = 14 * 24 * time.Hour
)

// Method words the app writes itself.
const (
	MethodUnsubscribeReply = "이메일 회신(수신거부)"
	MethodNotice           = "수신동의 확인 안내(§50⑧) 발송"
)

// RecordConsent records that a contact gave (granted) or withdrew consent to advertising mail at a time,
// in a way. A withdrawal takes effect at once: advertising still waiting for the contact is cancelled.
// The customer is sent the confirmation the law asks for (within 14 days) when their email is known
// and a mailbox is set up; otherwise it waits in ConfirmationsDue.
func (s *Service) RecordConsent(ctx context.Context, id int64, granted bool, at time.Time, method, note string) error {
	now := s.Now()
	if at.IsZero() {
		at = now
	}
	f := map[string]apperr.Msg{}
	if strings.TrimSpace(method) == "" {
		f["method"] = apperr.M("동의를 받은 방법을 고르세요 (매장 서면, 전화 …).")
	}
	if at.After(now.Add(time.Minute)) {
		f["at"] = apperr.M("동의 날짜가 오늘보다 늦을 수 없습니다.")
	}
	if len(f) > 0 {
		return apperr.InvalidMsg(f, []string{"method", "at"})
	}
	return s.write(ctx, "수신 동의 기록", func(tx *data.Tx) error {
		return s.recordConsentTx(ctx, tx, id, granted, at, method, note)
	})
}

func (s *Service) recordConsentTx(ctx context.Context, tx *data.Tx, id int64, granted bool, at time.Time, method, note string) error {
	c, err := data.CustomerByID(ctx, tx, id)
	if errors.Is(err, data.ErrNoRow) {
		return notFound()
	}
	if err != nil {
		return err
	}
	rid, err := data.AddConsentTx(ctx, tx, data.ConsentRecord{CustomerID: id, Granted: granted, At: at, Method: method, Note: note})
	if err != nil {
		return err
	}
	if !granted {
		if _, err := data.CancelQueuedAdsTx(ctx, tx, id, "수신 거부로 보내지 않았습니다."); err != nil {
			return err
		}
	}
	if c.Email == "" {
		return nil
	}
	acct, ok, err := data.MailAccountOf(ctx, tx)
	if err != nil || !ok {
		return err
	}
	p, err := data.ProfileTx(ctx, tx)
	if err != nil {
		return err
	}
	subject, body := confirmationText(p, granted, at, method)
	return s.queueTx(ctx, tx, acct, data.OutboxMessage{Kind: "CONSENT", CustomerID: id, ConsentID: rid, ToAddr: c.Email, ToName: c.Name},
		subject, body, "", nil)
}

func storeName(p data.StoreProfile) string {
	if p.Name != "" {
		return p.Name
	}
	return "판매자"
}

func confirmationText(p data.StoreProfile, granted bool, at time.Time, method string) (string, string) {
	what := "동의"
	if !granted {
		what = "거부(철회)"
	}
	subject := "[" + storeName(p) + "] 광고성 정보 수신 " + what + " 처리 결과 안내"
	body := strings.Join([]string{
		"안녕하세요, " + storeName(p) + "입니다.",
		"",
		"고객님의 광고성 정보(이메일) 수신 " + what + " 요청이 아래와 같이 처리되었습니다.",
		"",
		"· 전송자: " + storeName(p),
		"· 처리 내용: 광고성 정보 이메일 수신 " + what,
		"· 일시: " + at.Local().Format("2006년 1월 2일 15:04"),
		"· 방법: " + method,
		"",
		"수신 여부는 언제든지 이 메일에 회신하여 바꾸실 수 있습니다.",
		contactLine(p),
	}, "\n")
	return subject, body
}

func contactLine(p data.StoreProfile) string {
	parts := []string{storeName(p)}
	if p.Phone != "" {
		parts = append(parts, "전화 "+p.Phone)
	}
	if p.Email != "" {
		parts = append(parts, p.Email)
	}
	if p.Address != "" {
		parts = append(parts, p.Address)
	}
	return "발신: " + strings.Join(parts, " · ")
}

// ConfirmationsDue lists consent records whose confirmation mail has not gone out, with how many days of
// the 14 are left (negative: late), for the seller to act on.
type DueConfirmation struct {
	Record   ConsentEntry
	Name     string
	DaysLeft int
	NoEmail  bool
}

// ConfirmationsDue lists the consent changes not yet confirmed to the customer.
func (s *Service) ConfirmationsDue(ctx context.Context) ([]DueConfirmation, error) {
	recs, err := data.UnconfirmedConsents(ctx, s.store.Read())
	if err != nil {
		return nil, internal(err, "수신 동의 기록을 읽지 못했습니다.")
	}
	var out []DueConfirmation
	for _, r := range recs {
		if r.Method == MethodNotice {
			continue // the notice itself is the message
		}
		c, err := data.CustomerByID(ctx, s.store.Read(), r.CustomerID)
		if err != nil {
			continue
		}
		left := int(r.At.Add(ConfirmWithin).Sub(s.Now()).Hours() / 24)
		out = append(out, DueConfirmation{Record: consentOf(r), Name: c.Name, DaysLeft: left, NoEmail: c.Email == ""})
	}
	return out, nil
}

// Basis is whether a contact may receive a campaign, and why (or why not).
type Basis struct {
	ContactID   int64
	Name, Email string
	OK          bool
	Why         string // the lawful basis, or the reason for skipping (a sentence key)
	NeedsNotice bool   // consent older than 2 years: the §50⑧ notice goes first
}

// Reasons and bases, as sentence keys.
const (
	WhyConsent       = "수신 동의"
	WhyConsentOld    = "수신 동의 (2년 경과: 수신동의 확인 안내를 먼저 보냅니다)"
	WhyTransaction   = "거래 관계 (6개월 안에 같은 종류의 상품 구매)"
	WhyInfo          = "정보성 메일 (광고 아님)"
	WhyNoEmail       = "이메일 주소가 없습니다 (스마트스토어 주문에는 이메일이 없습니다)"
	WhyRefused       = "광고 수신을 거부했습니다"
	WhyNoBasis       = "수신 동의가 없고, 6개월 안에 같은 종류의 상품을 사지 않았습니다"
	WhyNoBasisNoCats = "수신 동의가 없습니다 (같은 종류의 상품을 고르지 않아 거래 관계 예외를 쓸 수 없습니다)"
)

// Check decides, for each contact, whether an ad (ad true) or an informational mail may go to them:
// an ad needs a live opt-in (reconfirmed within 2 years, or the §50⑧ notice goes first) or a payment
// within 6 months for goods whose top-level category is among categories (the seller confirms them per
// campaign); a withdrawal always wins. Informational mail needs only an address.
func (s *Service) Check(ctx context.Context, ids []int64, ad bool, categories []int64) ([]Basis, error) {
	q := s.store.Read()
	now := s.Now()
	latest, err := data.LatestConsents(ctx, q, ids)
	if err != nil {
		return nil, internal(err, "수신 동의를 확인하지 못했습니다.")
	}
	var recent map[int64]map[int64]time.Time
	top := map[int64]int64{}
	if ad && len(categories) > 0 {
		if recent, err = data.RecentCategoryPurchases(ctx, q, ids, now.AddDate(0, -TransactionWindow, 0), sold()); err != nil {
			return nil, internal(err, "최근 구매를 확인하지 못했습니다.")
		}
		cats, err := data.Categories(ctx, q)
		if err != nil {
			return nil, internal(err, "카테고리를 읽지 못했습니다.")
		}
		parent := map[int64]int64{}
		for _, c := range cats {
			parent[c.ID] = c.ParentID
		}
		for _, c := range cats {
			t := c.ID
			for i := 0; parent[t] != 0 && i < 20; i++ {
				t = parent[t]
			}
			top[c.ID] = t
		}
	}
	wanted := map[int64]bool{}
	for _, c := range categories {
		wanted[c] = true
	}
	out := make([]Basis, 0, len(ids))
	for start := 0; start < len(ids); start += 500 {
		part := ids[start:min(start+500, len(ids))]
		rows, err := data.ListCustomers(ctx, q, data.CustomerQuery{IDs: part, Limit: len(part)})
		if err != nil {
			return nil, internal(err, "고객 정보를 읽지 못했습니다.")
		}
		byID := map[int64]data.CustomerRecord{}
		for _, r := range rows {
			byID[r.ID] = r
		}
		for _, id := range part {
			c, ok := byID[id]
			if !ok {
				continue // merged or gone since the list was read
			}
			b := Basis{ContactID: id, Name: c.Name, Email: c.Email}
			rec, has := latest[id]
			switch {
			case c.Email == "":
				b.Why = WhyNoEmail
			case !ad:
				b.OK, b.Why = true, WhyInfo
			case has && !rec.Granted:
				b.Why = WhyRefused
			case has && rec.Granted:
				b.OK, b.Why = true, WhyConsent
				if rec.At.AddDate(ReconfirmAfter, 0, 0).Before(now) {
					b.NeedsNotice, b.Why = true, WhyConsentOld
				}
			case len(categories) == 0:
				b.Why = WhyNoBasisNoCats
			default:
				b.Why = WhyNoBasis
				for cat := range recent[id] {
					if wanted[top[cat]] || wanted[cat] {
						b.OK, b.Why = true, WhyTransaction
						break
					}
				}
			}
			out = append(out, b)
		}
	}
	return out, nil
}

// onSent is what the outbox runner does after the server accepted a message: a consent confirmation
// notes the record confirmed; a §50⑧ notice renews the consent it reconfirms.
func (s *Service) onSent(ctx context.Context, m mail.Sent) {
	ctx = context.WithoutCancel(ctx)
	err := s.store.Write(ctx, func(tx *data.Tx) error {
		switch {
		case m.ConsentID != 0:
			return data.MarkConsentConfirmedTx(ctx, tx, m.ConsentID, tx.Now())
		case m.Kind == "NOTICE" && m.CustomerID != 0:
			id, err := data.AddConsentTx(ctx, tx, data.ConsentRecord{CustomerID: m.CustomerID, Granted: true, At: tx.Now(),
				Method: MethodNotice, Note: m.MessageID})
			if err != nil {
				return err
			}
			return data.MarkConsentConfirmedTx(ctx, tx, id, tx.Now())
		}
		return nil
	})
	if err != nil {
		s.log.Error("customers: after sending", "outbox", m.ID, "err", err)
	}
}

// queueTx builds a message from the seller's mailbox and stores it in the outbox.
func (s *Service) queueTx(ctx context.Context, tx *data.Tx, acct data.MailAccount, m data.OutboxMessage, subject, body, unsubscribe string,
	reply *replyTo) error {
	_, err := s.queueIDTx(ctx, tx, acct, m, subject, body, unsubscribe, reply)
	return err
}

type replyTo struct {
	inReplyTo  string
	references []string
}

func (s *Service) queueIDTx(ctx context.Context, tx *data.Tx, acct data.MailAccount, m data.OutboxMessage, subject, body, unsubscribe string,
	reply *replyTo) (int64, error) {
	m.MessageID = mail.NewMessageID(acct.Address, tx.Now())
	o := mail.Outgoing{FromName: acct.DisplayName, FromAddr: acct.Address, ToName: m.ToName, ToAddr: m.ToAddr, Subject: subject,
		Text: body, MessageID: m.MessageID, ListUnsubscribe: unsubscribe, Date: tx.Now()}
	if reply != nil {
		o.InReplyTo, o.References = reply.inReplyTo, reply.references
	}
	raw, err := mail.Build(o)
	if err != nil {
		return 0, err
	}
	m.Raw, m.Subject = raw, subject
	return data.QueueMailTx(ctx, tx, m)
}
