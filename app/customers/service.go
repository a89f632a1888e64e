// Package customers is the 고객 area's rules: contacts built from orders and kept current, merged and split,
// their consent to advertising as the law counts it (정보통신망법 §50), campaigns that obey it by
// construction, 1:1 conversations, and contact files. SQL lives in data; the mailbox is app/mail.
package customers

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"sellerdesk/app/apperr"
	"sellerdesk/app/mail"
	"sellerdesk/app/orders"
	"sellerdesk/app/txn"
	"sellerdesk/data"
)

// Service is the 고객 area: what its screens and headless commands call.
type Service struct {
	store   *data.Store
	log     *slog.Logger
	tx      txn.Writer
	secrets *mail.Secrets
	// conn adjusts a mailbox connection before use (tests trust their own TLS certificate)
	conn func(*mail.Conn)
}

// New builds the service on an open store; secrets keeps the mailbox password (one per desk, so a
// password asked once stays for the session).
func New(store *data.Store, log *slog.Logger, secrets *mail.Secrets) *Service {
	if secrets == nil {
		secrets = mail.NewSecrets()
	}
	return &Service{store: store, log: log, secrets: secrets, tx: txn.Writer{Store: store, Log: log, Area: "고객"}}
}

// Now is the time on the desk's clock.
func (s *Service) Now() time.Time { return s.store.Now() }

func (s *Service) write(ctx context.Context, what string, fn func(tx *data.Tx) error) error {
	return s.tx.Write(ctx, what, fn)
}

func internal(err error, what string) error {
	var ae *apperr.Error
	if errors.As(err, &ae) {
		return err
	}
	e := apperr.New(apperr.ErrInternal, "{{.What}} 자세한 내용은 로그에 기록했습니다.", "What", apperr.M(what))
	e.Err = err
	return e
}

func notFound() error {
	return apperr.New(apperr.ErrNotFound, "고객을 찾을 수 없습니다. 다른 창에서 합치거나 지웠을 수 있습니다.")
}

// sold is the one definition of a sold line, passed to the store's queries.
func sold() []string { return orders.Sold.Codes() }

// Contact is a customer as the screens show them.
type Contact struct {
	ID                                   int64
	Name, Phone, Email, Note, Source     string
	FirstOrderAt, LastOrderAt, LastPaid  time.Time
	OrderCount, TotalAmount, ReturnCount int64
	Consent                              string // YES, NO or ""
	ConsentAt                            time.Time
	Tags                                 []string
	MergedInto                           int64
}

func fromRecord(c data.CustomerRecord) Contact {
	return Contact{ID: c.ID, Name: c.Name, Phone: c.Phone, Email: c.Email, Note: c.Note, Source: c.Source,
		FirstOrderAt: c.FirstOrderAt, LastOrderAt: c.LastOrderAt, LastPaid: c.LastPaidAt, OrderCount: c.OrderCount,
		TotalAmount: c.TotalAmount, ReturnCount: c.ReturnCount, Consent: c.Consent, ConsentAt: c.ConsentAt, Tags: c.Tags,
		MergedInto: c.MergedInto}
}

// Query filters the contact list. Zero values filter nothing.
type Query struct {
	Search             string // a part of a name (Hangul), a phone's last digits, an email
	Tag                string
	LastFrom, LastTo   time.Time
	MinTotal, MaxTotal int64
	Consent            string // YES, NO, NONE or ""
	HasEmail           bool
	Limit, Offset      int
}

func (q Query) record() data.CustomerQuery {
	return data.CustomerQuery{Search: q.Search, Tag: q.Tag, LastFrom: q.LastFrom, LastTo: q.LastTo, MinTotal: q.MinTotal,
		MaxTotal: q.MaxTotal, Consent: q.Consent, HasEmail: q.HasEmail, Limit: q.Limit, Offset: q.Offset}
}

// List reads a page of contacts.
func (s *Service) List(ctx context.Context, q Query) ([]Contact, error) {
	rows, err := data.ListCustomers(ctx, s.store.Read(), q.record())
	if err != nil {
		return nil, internal(err, "고객 목록을 읽지 못했습니다.")
	}
	ids := make([]int64, len(rows))
	for i, r := range rows {
		ids[i] = r.ID
	}
	tags, err := data.TagsOf(ctx, s.store.Read(), ids)
	if err != nil {
		return nil, internal(err, "고객 목록을 읽지 못했습니다.")
	}
	out := make([]Contact, len(rows))
	for i, r := range rows {
		r.Tags = tags[r.ID]
		out[i] = fromRecord(r)
	}
	return out, nil
}

// Count counts the contacts a query matches.
func (s *Service) Count(ctx context.Context, q Query) (int, error) {
	n, err := data.CountCustomers(ctx, s.store.Read(), q.record())
	if err != nil {
		return 0, internal(err, "고객 목록을 읽지 못했습니다.")
	}
	return n, nil
}

// Tags lists every tag in use.
func (s *Service) Tags(ctx context.Context) ([]string, error) {
	t, err := data.AllCustomerTags(ctx, s.store.Read())
	if err != nil {
		return nil, internal(err, "태그를 읽지 못했습니다.")
	}
	return t, nil
}

// Get reads one contact.
func (s *Service) Get(ctx context.Context, id int64) (Contact, error) {
	c, err := data.CustomerByID(ctx, s.store.Read(), id)
	if errors.Is(err, data.ErrNoRow) {
		return Contact{}, notFound()
	}
	if err != nil {
		return Contact{}, internal(err, "고객 정보를 읽지 못했습니다.")
	}
	return fromRecord(c), nil
}

// MaskPhone shows a phone in a list: the middle digits hidden (010-****-5678), as the order list does.
func MaskPhone(p string) string {
	d := []rune(p)
	digits := 0
	for _, r := range d {
		if r >= '0' && r <= '9' {
			digits++
		}
	}
	if digits < 7 {
		return p
	}
	// hide the digits between the first three and the last four
	seen := 0
	for i, r := range d {
		if r >= '0' && r <= '9' {
			seen++
			if seen > 3 && seen <= digits-4 {
				d[i] = '*'
			}
		}
	}
	return string(d)
}

// MaskEmail shows an email in a list: the first two letters of its name, then stars (ki***@naver.com).
func MaskEmail(e string) string {
	at := strings.LastIndex(e, "@")
	if at <= 0 {
		return e
	}
	name := []rune(e[:at])
	keep := min(2, len(name))
	return string(name[:keep]) + strings.Repeat("*", max(3, len(name)-keep)) + e[at:]
}

// MaskName shows a name in a list: its middle letters hidden (김*지), as Smart Store does.
func MaskName(n string) string {
	r := []rune(n)
	switch len(r) {
	case 0, 1:
		return n
	case 2:
		return string(r[0]) + "*"
	}
	return string(r[0]) + strings.Repeat("*", len(r)-2) + string(r[len(r)-1])
}

// SyncProgress reports a sync: orders read of the total waiting.
type SyncProgress func(done, total int64)

// SyncBatch is how many orders one sync transaction reads: small enough that the seller's own saves
// wait well under the store's busy timeout behind it.
const SyncBatch = 20000

// Sync brings the contacts up to the orders: new orders since the last sync, and lines changed since.
// The first sync of a large store takes a while; it runs in batches and reports progress.
func (s *Service) Sync(ctx context.Context, progress SyncProgress) (int64, error) {
	st, err := data.CustomerSyncState(ctx, s.store.Read())
	if err != nil {
		return 0, internal(err, "고객 정보를 주문과 맞추지 못했습니다.")
	}
	if st.Pending == 0 && st.Dirty == 0 {
		return 0, nil
	}
	var done int64
	for {
		var n int
		err := s.write(ctx, "고객 정보 갱신", func(tx *data.Tx) error {
			var err error
			n, err = data.SyncCustomersBatchTx(ctx, tx, SyncBatch, sold())
			return err
		})
		if err != nil {
			return done, err
		}
		done += int64(n)
		if progress != nil {
			progress(done, st.Pending)
		}
		if n == 0 {
			return done, nil
		}
	}
}

// SyncState says how many orders wait to be read into contacts.
func (s *Service) SyncState(ctx context.Context) (pending int64, err error) {
	st, err := data.CustomerSyncState(ctx, s.store.Read())
	if err != nil {
		return 0, internal(err, "고객 정보를 읽지 못했습니다.")
	}
	return st.Pending + st.Dirty, nil
}

// NewContact is a contact entered by hand (a counter customer).
type NewContact struct {
	Name, Phone, Email, Address, Note string
	Tags                              []string
}

// Fields of a contact, for validation messages.
const (
	FieldName  = "name"
	FieldPhone = "phone"
	FieldEmail = "email"
)

func validate(name, phone, email string) error {
	f := map[string]apperr.Msg{}
	if strings.TrimSpace(name) == "" {
		f[FieldName] = apperr.M("이름을 입력하세요.")
	}
	if email != "" && !mail.ValidAddress(email) {
		f[FieldEmail] = apperr.M("이메일 주소를 바르게 입력하세요 (예: name@naver.com).")
	}
	if phone != "" && len(strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, phone)) < 8 {
		f[FieldPhone] = apperr.M("전화번호를 바르게 입력하세요 (예: 010-1234-5678).")
	}
	if len(f) > 0 {
		return apperr.InvalidMsg(f, []string{FieldName, FieldPhone, FieldEmail})
	}
	return nil
}

// Add stores a contact entered by hand.
func (s *Service) Add(ctx context.Context, n NewContact) (int64, error) {
	if err := validate(n.Name, n.Phone, n.Email); err != nil {
		return 0, err
	}
	var id int64
	err := s.write(ctx, "고객 등록", func(tx *data.Tx) error {
		var err error
		if id, err = data.AddCustomerTx(ctx, tx, data.NewCustomer{Name: strings.TrimSpace(n.Name), Phone: strings.TrimSpace(n.Phone),
			Email: strings.TrimSpace(n.Email), Address: n.Address, Note: n.Note, Source: data.SourceManual}); err != nil {
			return err
		}
		if err := data.SetCustomerTagsTx(ctx, tx, id, n.Tags); err != nil {
			return err
		}
		return data.RefreshCustomerFiguresTx(ctx, tx, []int64{id}, sold())
	})
	return id, err
}

// Update saves what the seller edited on a contact.
func (s *Service) Update(ctx context.Context, id int64, name, phone, email, note string, tags []string) error {
	if err := validate(name, phone, email); err != nil {
		return err
	}
	return s.write(ctx, "고객 정보 저장", func(tx *data.Tx) error {
		if err := data.UpdateCustomerTx(ctx, tx, id, strings.TrimSpace(name), strings.TrimSpace(phone), strings.TrimSpace(email), note); err != nil {
			if errors.Is(err, data.ErrNoRow) {
				return notFound()
			}
			return err
		}
		return data.SetCustomerTagsTx(ctx, tx, id, tags)
	})
}

// Merge folds contact from into contact into and returns the merge, which UndoMerge takes back.
func (s *Service) Merge(ctx context.Context, into, from int64) (int64, error) {
	if into == from {
		return 0, apperr.New(apperr.ErrInvalid, "같은 고객끼리는 합칠 수 없습니다.")
	}
	var id int64
	err := s.write(ctx, "고객 합치기", func(tx *data.Tx) error {
		var err error
		if id, err = data.MergeCustomersTx(ctx, tx, into, from); err != nil {
			if errors.Is(err, data.ErrNoRow) {
				return notFound()
			}
			return err
		}
		return data.RefreshCustomerFiguresTx(ctx, tx, []int64{into, from}, sold())
	})
	return id, err
}

// UndoMerge takes a merge back: the hidden contact returns with what it brought.
func (s *Service) UndoMerge(ctx context.Context, mergeID int64) error {
	return s.write(ctx, "고객 합치기 취소", func(tx *data.Tx) error {
		a, b, err := data.UndoMergeTx(ctx, tx, mergeID)
		if errors.Is(err, data.ErrNoRow) {
			return apperr.New(apperr.ErrConflict, "이미 취소한 합치기입니다.")
		}
		if err != nil {
			return err
		}
		return data.RefreshCustomerFiguresTx(ctx, tx, []int64{a, b}, sold())
	})
}

// Split gives one buyer key of a contact (a 구매자ID, or a name and phone) a contact of its own.
func (s *Service) Split(ctx context.Context, keyID int64) (int64, error) {
	var to int64
	err := s.write(ctx, "고객 나누기", func(tx *data.Tx) error {
		from, t, err := data.SplitKeyTx(ctx, tx, keyID)
		if errors.Is(err, data.ErrOnlyKey) {
			return apperr.New(apperr.ErrConflict, "구매자 정보가 하나뿐인 고객은 나눌 수 없습니다.")
		}
		if errors.Is(err, data.ErrNoRow) {
			return notFound()
		}
		if err != nil {
			return err
		}
		to = t
		return data.RefreshCustomerFiguresTx(ctx, tx, []int64{from, t}, sold())
	})
	return to, err
}

// Event is one line of a contact's timeline: an order, a return, a mail, a consent change.
type Event struct {
	At     time.Time
	Kind   string // ORDER, RETURN, MAIL_OUT, MAIL_IN, CONSENT
	Title  string
	Detail string
	// TitleKey and DetailKey are true when Title or Detail is a sentence key (a consent change, an outbox
	// state, a consent's way, a mail count) that the window says in its language, with N as {{.N}}
	TitleKey, DetailKey bool
	N                   int
	Amount              int64
	Ref                 int64 // the order id, outbox id or thread id
}

// Detail is everything the detail screen shows of a contact.
type Detail struct {
	Contact  Contact
	Details  []ContactValue
	Keys     []BuyerKey
	Consents []ConsentEntry
	Merges   []Merge
	Timeline []Event
	// MissingEmail is true when no email is known: Smart Store exports carry none
	MissingEmail bool
}

// Detail reads a contact with its orders, returns, mail and consent in one timeline, newest first.
func (s *Service) Detail(ctx context.Context, id int64) (Detail, error) {
	q := s.store.Read()
	var d Detail
	c, err := data.CustomerByID(ctx, q, id)
	if errors.Is(err, data.ErrNoRow) {
		return d, notFound()
	}
	if err != nil {
		return d, internal(err, "고객 정보를 읽지 못했습니다.")
	}
	d.Contact = fromRecord(c)
	fail := func(err error) (Detail, error) { return d, internal(err, "고객 정보를 읽지 못했습니다.") }
	details, err := data.CustomerDetails(ctx, q, id)
	if err != nil {
		return fail(err)
	}
	keys, err := data.CustomerKeys(ctx, q, id)
	if err != nil {
		return fail(err)
	}
	consents, err := data.ConsentHistory(ctx, q, id)
	if err != nil {
		return fail(err)
	}
	merges, err := data.LastMerges(ctx, q, id)
	if err != nil {
		return fail(err)
	}
	d.Details, d.Keys = convert(details, contactValueOf), convert(keys, buyerKeyOf)
	d.Consents, d.Merges = convert(consents, consentOf), convert(merges, mergeOf)
	ords, err := data.CustomerOrders(ctx, q, id, 500)
	if err != nil {
		return fail(err)
	}
	for _, o := range ords {
		title := o.Products
		if o.Lines > 1 {
			title = fmt.Sprintf("%s 외 %d건", o.Products, o.Lines-1)
		}
		var states []string
		for _, st := range strings.Split(o.Statuses, ",") {
			states = append(states, orders.Status(st).Label())
		}
		d.Timeline = append(d.Timeline, Event{At: o.OrderedAt, Kind: "ORDER", Title: title,
			Detail: o.OrderNo + " · " + strings.Join(states, ", "), Amount: o.Amount, Ref: o.OrderID})
	}
	rets, err := data.CustomerReturns(ctx, q, id)
	if err != nil {
		return fail(err)
	}
	for _, r := range rets {
		kind := "반품"
		if r.Kind == "EXCHANGE" {
			kind = "교환"
		}
		d.Timeline = append(d.Timeline, Event{At: r.At, Kind: "RETURN", Title: kind + " " + r.RTNo, Detail: r.OrderNo + " · " + r.Reason})
	}
	sent, err := data.OutboxOfCustomer(ctx, q, id)
	if err != nil {
		return fail(err)
	}
	for _, m := range sent {
		at := m.SentAt
		if at.IsZero() {
			at = m.CreatedAt
		}
		d.Timeline = append(d.Timeline, Event{At: at, Kind: "MAIL_OUT", Title: m.Subject, Detail: OutboxStateLabel(m.State),
			DetailKey: true, Ref: m.ID})
	}
	threads, err := data.MailThreads(ctx, q, id, 100)
	if err != nil {
		return fail(err)
	}
	for _, t := range threads {
		d.Timeline = append(d.Timeline, Event{At: t.LastAt, Kind: "MAIL_IN", Title: t.Subject,
			Detail: "메일 {{.N}}통", DetailKey: true, N: t.Count, Ref: t.ID})
	}
	for _, r := range d.Consents {
		title := "광고 수신 동의"
		if !r.Granted {
			title = "광고 수신 거부"
		}
		d.Timeline = append(d.Timeline, Event{At: r.At, Kind: "CONSENT", Title: title, TitleKey: true, Detail: r.Method, DetailKey: true})
	}
	sortEvents(d.Timeline)
	d.MissingEmail = c.Email == ""
	return d, nil
}

func sortEvents(ev []Event) {
	for i := 1; i < len(ev); i++ {
		for j := i; j > 0 && ev[j].At.After(ev[j-1].At); j-- {
			ev[j], ev[j-1] = ev[j-1], ev[j]
		}
	}
}

// OutboxStateLabel is how the seller reads an outbox state (QUEUED, SENDING, SENT, FAILED, CHECK): a sentence
// key, translated by the area's translation files (assets/translations/customers.*.json).
func OutboxStateLabel(s string) string {
	switch s {
	case data.OutQueued:
		return "보낼 예정"
	case data.OutSending:
		return "보내는 중"
	case data.OutSent:
		return "보냄"
	case data.OutFailed:
		return "실패"
	case data.OutCheck:
		return "확인 필요"
	}
	return s
}
