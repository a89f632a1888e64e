package customers

import (
	"context"
	"net/url"
	"strconv"
	"strings"

	"sellerdesk/app/apperr"
	"sellerdesk/app/format"
	"sellerdesk/data"
)

// Campaign kinds.
const (
	KindAd   = "AD"   // 광고: the §50 rules apply
	KindInfo = "INFO" // 정보성 (order, shipping, return updates): never blocked, never advertising
)

// Merge fields a campaign's subject and body may hold.
const (
	FieldCustomerName = "{{고객명}}"
	FieldLastProduct  = "{{최근 구매 상품}}"
	FieldTotal        = "{{누적 구매액}}"
	FieldCoupon       = "{{쿠폰코드}}"
)

// MergeFields lists the fields, for the compose screen's buttons.
var MergeFields = []string{FieldCustomerName, FieldLastProduct, FieldTotal, FieldCoupon}

// Draft is a campaign as the seller composes it.
type Draft struct {
	Kind       string
	Subject    string
	Body       string
	Coupon     string
	Categories []int64 // top-level categories confirmed as "the same kind of goods" for buyers without consent
	Recipients Query   // who
	IDs        []int64 // or exactly these contacts
}

// AdPrefix starts every advertising subject (§50④).
const AdPrefix = "(광고)"

// adWords are what makes a mail advertising; informational mail may not carry them.
var adWords = []string{"(광고)", "할인", "쿠폰", "세일", "특가", "이벤트", "프로모션", "적립", "사은품"}

// Validate checks a draft before anything is planned or sent.
func (d Draft) Validate() error {
	f := map[string]apperr.Msg{}
	if strings.TrimSpace(d.Subject) == "" {
		f["subject"] = apperr.M("제목을 입력하세요.")
	}
	if strings.TrimSpace(d.Body) == "" {
		f["body"] = apperr.M("본문을 입력하세요.")
	}
	if d.Kind != KindAd && d.Kind != KindInfo {
		f["kind"] = apperr.M("광고인지 정보성 메일인지 고르세요.")
	}
	if d.Kind == KindInfo {
		text := d.Subject + " " + d.Body + " " + d.Coupon
		for _, w := range adWords {
			if strings.Contains(text, w) {
				f["body"] = apperr.M("정보성 메일에는 광고 내용('{{.Word}}')을 넣을 수 없습니다. 광고로 보내세요.", "Word", w)
				break
			}
		}
	}
	if len(f) > 0 {
		return apperr.InvalidMsg(f, []string{"kind", "subject", "body"})
	}
	return nil
}

// Plan is who a draft would reach and who it would skip, with the reason for each.
type Plan struct {
	Send    []Basis
	Skipped []Basis
	Notices int // contacts whose §50⑧ notice goes first
}

func (s *Service) recipients(ctx context.Context, d Draft) ([]int64, error) {
	if len(d.IDs) > 0 {
		return d.IDs, nil
	}
	q := d.Recipients.record()
	q.Limit, q.Offset = 0, 0
	ids, err := data.CustomerIDs(ctx, s.store.Read(), q)
	if err != nil {
		return nil, internal(err, "받는 사람을 고르지 못했습니다.")
	}
	return ids, nil
}

// Plan checks a draft and every recipient's lawful basis, without sending anything.
func (s *Service) Plan(ctx context.Context, d Draft) (Plan, error) {
	var p Plan
	if err := d.Validate(); err != nil {
		return p, err
	}
	ids, err := s.recipients(ctx, d)
	if err != nil {
		return p, err
	}
	bases, err := s.Check(ctx, ids, d.Kind == KindAd, d.Categories)
	if err != nil {
		return p, err
	}
	for _, b := range bases {
		if b.OK {
			p.Send = append(p.Send, b)
			if b.NeedsNotice {
				p.Notices++
			}
		} else {
			p.Skipped = append(p.Skipped, b)
		}
	}
	return p, nil
}

// Rendered is a message as one recipient would read it.
type Rendered struct {
	To, Subject, Text, HTML string
	Unsubscribe             string
}

// render fills the merge fields and, for an ad, adds what the law requires: "(광고)" first in the subject,
// the sender's name and contact, and a free way to refuse, in the footer and the List-Unsubscribe header.
func render(d Draft, p data.StoreProfile, acct data.MailAccount, c data.CustomerRecord, lastProduct string) Rendered {
	fill := func(s string) string {
		name := c.Name
		if name == "" {
			name = "고객"
		}
		return strings.NewReplacer(FieldCustomerName, name, FieldLastProduct, lastProduct,
			FieldTotal, format.Won(c.TotalAmount), FieldCoupon, d.Coupon).Replace(s)
	}
	r := Rendered{To: c.Email, Subject: strings.TrimSpace(fill(d.Subject)), Text: fill(d.Body)}
	if d.Kind == KindAd {
		if !strings.HasPrefix(r.Subject, AdPrefix) {
			r.Subject = AdPrefix + " " + strings.TrimSpace(strings.TrimPrefix(r.Subject, "광고"))
		}
		r.Unsubscribe = "mailto:" + acct.Address + "?subject=" + url.PathEscape("수신거부")
		r.Text = strings.TrimRight(r.Text, "\n") + "\n\n" + adFooter(p, acct, r.Unsubscribe)
	}
	return r
}

// FooterMark begins the footer of every ad; a reply quoting it is not a refusal by its words alone.
const FooterMark = "────────"

func adFooter(p data.StoreProfile, acct data.MailAccount, unsubscribe string) string {
	return strings.Join([]string{
		FooterMark,
		"이 메일은 광고성 정보 수신에 동의하셨거나 최근 6개월 안에 같은 종류의 상품을 구매하신 분께 보내는 광고입니다.",
		contactLine(p),
		"수신을 원하지 않으시면 이 메일에 '수신거부'라고 회신하시거나 아래 주소로 메일을 보내 주세요(무료).",
		unsubscribe,
	}, "\n")
}

// checkAdSender refuses an ad when the store profile lacks what the law says the footer must carry.
func checkAdSender(p data.StoreProfile) error {
	if strings.TrimSpace(p.Name) == "" || strings.TrimSpace(p.Phone) == "" {
		return apperr.New(apperr.ErrInvalid, "광고 메일에는 보내는 사람의 이름(상호)과 연락처가 들어가야 합니다. 설정 › 매장 정보에서 상호와 연락처를 먼저 입력하세요.")
	}
	return nil
}

func (s *Service) lastProduct(ctx context.Context, q data.Querier, id int64) string {
	o, err := data.CustomerOrders(ctx, q, id, 1)
	if err != nil || len(o) == 0 {
		return ""
	}
	return o[0].Products
}

// Preview renders the draft as one contact would read it.
func (s *Service) Preview(ctx context.Context, d Draft, contactID int64) (Rendered, error) {
	q := s.store.Read()
	p, err := data.ProfileTx(ctx, q)
	if err != nil {
		return Rendered{}, internal(err, "매장 정보를 읽지 못했습니다.")
	}
	acct, _, err := data.MailAccountOf(ctx, q)
	if err != nil {
		return Rendered{}, internal(err, "메일 설정을 읽지 못했습니다.")
	}
	c, err := data.CustomerByID(ctx, q, contactID)
	if err != nil {
		return Rendered{}, notFound()
	}
	r := render(d, p, acct, c, s.lastProduct(ctx, q, contactID))
	r.HTML = htmlOf(r.Text)
	return r, nil
}

// SendReport is what Send queued.
type SendReport struct {
	CampaignID int64
	Queued     int
	Notices    int
	Skipped    []Basis
}

// Send checks the draft, stores the campaign and queues one message per recipient with a lawful basis
// (a §50⑧ notice before the ad where consent is over 2 years old; the ad waits for it), and records the
// skipped with their reasons. Nothing goes out here: the outbox sends it (SendQueue).
func (s *Service) Send(ctx context.Context, d Draft, progress func(done, total int)) (SendReport, error) {
	var rep SendReport
	plan, err := s.Plan(ctx, d)
	if err != nil {
		return rep, err
	}
	q := s.store.Read()
	p, err := data.ProfileTx(ctx, q)
	if err != nil {
		return rep, internal(err, "매장 정보를 읽지 못했습니다.")
	}
	if d.Kind == KindAd {
		if err := checkAdSender(p); err != nil {
			return rep, err
		}
	}
	acct, ok, err := data.MailAccountOf(ctx, q)
	if err != nil {
		return rep, internal(err, "메일 설정을 읽지 못했습니다.")
	}
	if !ok {
		return rep, errNoAccount()
	}
	if len(plan.Send) == 0 {
		return rep, apperr.New(apperr.ErrInvalid, "보낼 수 있는 받는 사람이 없습니다. 건너뛴 사람과 그 이유를 확인하세요.")
	}
	needProduct := strings.Contains(d.Subject+d.Body, FieldLastProduct)
	cats := make([]string, len(d.Categories))
	for i, c := range d.Categories {
		cats[i] = strconv.FormatInt(c, 10)
	}
	err = s.write(ctx, "캠페인 발송 준비", func(tx *data.Tx) error {
		id, err := data.AddCampaignTx(ctx, tx, data.Campaign{Kind: d.Kind, Subject: d.Subject, Body: d.Body,
			Categories: strings.Join(cats, ","), Coupon: d.Coupon})
		if err != nil {
			return err
		}
		rep.CampaignID = id
		for i, b := range plan.Send {
			c, err := data.CustomerByID(ctx, tx, b.ContactID)
			if err != nil {
				return err
			}
			product := ""
			if needProduct {
				product = s.lastProduct(ctx, tx, c.ID)
			}
			r := render(d, p, acct, c, product)
			var after int64
			if b.NeedsNotice {
				ns, nb := noticeText(p, acct, c)
				if after, err = s.queueIDTx(ctx, tx, acct, data.OutboxMessage{Kind: "NOTICE", CampaignID: id, CustomerID: c.ID,
					ToAddr: c.Email, ToName: c.Name}, ns, nb, "", nil); err != nil {
					return err
				}
				rep.Notices++
			}
			if _, err := s.queueIDTx(ctx, tx, acct, data.OutboxMessage{Kind: d.Kind, CampaignID: id, CustomerID: c.ID,
				ToAddr: c.Email, ToName: c.Name, AfterID: after}, r.Subject, r.Text, r.Unsubscribe, nil); err != nil {
				return err
			}
			rep.Queued++
			if progress != nil && (i%500 == 0 || i == len(plan.Send)-1) {
				progress(i+1, len(plan.Send))
			}
		}
		for _, b := range plan.Skipped {
			if err := data.AddSkippedTx(ctx, tx, id, b.ContactID, b.Why); err != nil {
				return err
			}
		}
		return nil
	})
	rep.Skipped = plan.Skipped
	return rep, err
}

func noticeText(p data.StoreProfile, acct data.MailAccount, c data.CustomerRecord) (string, string) {
	subject := "[" + storeName(p) + "] 광고성 정보 수신동의 여부 확인 안내"
	since := c.ConsentAt.Local().Format("2006년 1월 2일")
	body := strings.Join([]string{
		"안녕하세요, " + storeName(p) + "입니다.",
		"",
		"정보통신망법 제50조 제8항에 따라 광고성 정보 수신동의 여부를 2년마다 안내해 드립니다.",
		"",
		"· 전송자: " + storeName(p),
		"· 수신 동의 일자: " + since,
		"· 처리 내용: 광고성 정보(이메일) 수신 동의 유지",
		"",
		"계속 받으시려면 따로 하실 일은 없습니다. 받지 않으시려면 이 메일에 '수신거부'라고 회신해 주세요(무료).",
		"mailto:" + acct.Address + "?subject=" + url.PathEscape("수신거부"),
		contactLine(p),
	}, "\n")
	return subject, body
}

// SendTest queues the draft, as its first recipient (or a sample) would read it, to the seller's own
// address, marked [테스트].
func (s *Service) SendTest(ctx context.Context, d Draft) error {
	if err := d.Validate(); err != nil {
		return err
	}
	q := s.store.Read()
	acct, ok, err := data.MailAccountOf(ctx, q)
	if err != nil {
		return internal(err, "메일 설정을 읽지 못했습니다.")
	}
	if !ok {
		return errNoAccount()
	}
	p, err := data.ProfileTx(ctx, q)
	if err != nil {
		return internal(err, "매장 정보를 읽지 못했습니다.")
	}
	if d.Kind == KindAd {
		if err := checkAdSender(p); err != nil {
			return err
		}
	}
	sample := data.CustomerRecord{Name: "홍길동", TotalAmount: 120000}
	product := "샘플 상품"
	if ids, err := s.recipients(ctx, d); err == nil && len(ids) > 0 {
		if c, err := data.CustomerByID(ctx, q, ids[0]); err == nil {
			sample, product = c, s.lastProduct(ctx, q, c.ID)
		}
	}
	sample.Email = acct.Address
	r := render(d, p, acct, sample, product)
	return s.write(ctx, "테스트 메일", func(tx *data.Tx) error {
		return s.queueTx(ctx, tx, acct, data.OutboxMessage{Kind: "TEST", ToAddr: acct.Address, ToName: acct.DisplayName},
			"[테스트] "+r.Subject, r.Text, r.Unsubscribe, nil)
	})
}

// Pause stops a campaign's waiting messages from going out; Resume lets them go again.
func (s *Service) Pause(ctx context.Context, id int64) error {
	return s.write(ctx, "캠페인 일시정지", func(tx *data.Tx) error { return data.SetCampaignStateTx(ctx, tx, id, "PAUSED") })
}

// Resume lets a paused campaign's messages go again.
func (s *Service) Resume(ctx context.Context, id int64) error {
	return s.write(ctx, "캠페인 다시 보내기", func(tx *data.Tx) error { return data.SetCampaignStateTx(ctx, tx, id, "SENDING") })
}

// CampaignReport is a campaign's outcome: delivered, failed with the reason, waiting, skipped.
type CampaignReport struct {
	Campaign  Campaign
	Delivered int
	Waiting   int // queued or sending
	Check     int // 확인 필요
	Failed    []OutboxMail
	Skipped   []SkippedRecipient
}

// Report reads a campaign's outcome.
func (s *Service) Report(ctx context.Context, id int64) (CampaignReport, error) {
	var r CampaignReport
	q := s.store.Read()
	cs, err := data.Campaigns(ctx, q)
	if err != nil {
		return r, internal(err, "캠페인을 읽지 못했습니다.")
	}
	for _, c := range cs {
		if c.ID == id {
			r.Campaign = campaignOf(c)
		}
	}
	msgs, err := data.OutboxOfCampaign(ctx, q, id)
	if err != nil {
		return r, internal(err, "캠페인을 읽지 못했습니다.")
	}
	for _, m := range msgs {
		switch m.State {
		case data.OutSent:
			r.Delivered++
		case data.OutQueued, data.OutSending:
			r.Waiting++
		case data.OutCheck:
			r.Check++
		case data.OutFailed:
			r.Failed = append(r.Failed, outboxMailOf(m))
		}
	}
	skipped, err := data.SkippedOf(ctx, q, id)
	if err != nil {
		return r, internal(err, "캠페인을 읽지 못했습니다.")
	}
	r.Skipped = convert(skipped, skippedOf)
	return r, nil
}

// Campaigns lists the campaigns, newest first.
func (s *Service) Campaigns(ctx context.Context) ([]Campaign, error) {
	c, err := data.Campaigns(ctx, s.store.Read())
	if err != nil {
		return nil, internal(err, "캠페인을 읽지 못했습니다.")
	}
	return convert(c, campaignOf), nil
}
