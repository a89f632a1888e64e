package customers

import (
	"time"

	"sellerdesk/data"
)

// The 고객 area's own types for what its screens show: the store's records are converted here, so the
// screens never hold a data record (app/layers_test.go) and a change of the store's columns stops at this
// file.

// Campaign is one email campaign as the screens list it.
type Campaign struct {
	ID                        int64
	Kind, Subject, Body       string
	Categories, Coupon, State string
	CreatedAt                 time.Time
}

func campaignOf(c data.Campaign) Campaign {
	return Campaign{ID: c.ID, Kind: c.Kind, Subject: c.Subject, Body: c.Body, Categories: c.Categories, Coupon: c.Coupon,
		State: c.State, CreatedAt: c.CreatedAt}
}

// OutboxMail is one message of the outbox, without its MIME body.
type OutboxMail struct {
	ID                     int64
	MessageID              string
	CampaignID, CustomerID int64
	Kind, ToAddr, ToName   string
	Subject                string
	State                  string // QUEUED, SENDING, SENT, FAILED or CHECK; StateLabel says it to the seller
	Attempts               int
	NextTryAt              time.Time
	AcceptedAt, SentAt     time.Time
	LastError              string
	CreatedAt              time.Time
}

func outboxMailOf(m data.OutboxMessage) OutboxMail {
	return OutboxMail{ID: m.ID, MessageID: m.MessageID, CampaignID: m.CampaignID, CustomerID: m.CustomerID, Kind: m.Kind,
		ToAddr: m.ToAddr, ToName: m.ToName, Subject: m.Subject, State: m.State, Attempts: m.Attempts, NextTryAt: m.NextTryAt,
		AcceptedAt: m.AcceptedAt, SentAt: m.SentAt, LastError: m.LastError, CreatedAt: m.CreatedAt}
}

// SkippedRecipient is a contact a campaign skipped, with the reason (a sentence key).
type SkippedRecipient struct {
	CustomerID int64
	Name       string
	Reason     string
}

// ConsentEntry is one consent statement of a contact's history: yes or no, when, how, and when it was
// confirmed to the customer.
type ConsentEntry struct {
	ID, CustomerID int64
	Channel        string
	Granted        bool
	At             time.Time
	Method, Note   string
	ConfirmedAt    time.Time
	RecordedAt     time.Time
}

func consentOf(r data.ConsentRecord) ConsentEntry {
	return ConsentEntry{ID: r.ID, CustomerID: r.CustomerID, Channel: r.Channel, Granted: r.Granted, At: r.At, Method: r.Method,
		Note: r.Note, ConfirmedAt: r.ConfirmedAt, RecordedAt: r.RecordedAt}
}

// ContactValue is one remembered name, phone, email or address of a contact; FromOrders when it was read
// off its orders rather than entered.
type ContactValue struct {
	Kind, Value, Source string
	FromOrders          bool
}

// BuyerKey is one buyer key a contact owns (구매자ID, or name and phone), with how many orders it names:
// what a split can take apart.
type BuyerKey struct {
	ID     int64
	Key    string
	Orders int
}

// Merge is a merge into a contact not undone yet.
type Merge struct {
	ID, Into, From int64
	At             time.Time
}

// Conversation is one mail thread with a customer (or an address not yet a contact).
type Conversation struct {
	ID, CustomerID   int64
	CustomerName     string
	Subject, Address string
	LastAt           time.Time
	Unread, Count    int
}

// Message is one mail of a conversation, received (IN) or sent (OUT).
type Message struct {
	ID, ThreadID               int64
	Direction                  string // IN or OUT
	MessageID, InReplyTo, Refs string
	FromAddr, FromName, ToAddr string
	Subject, Body              string
	At                         time.Time
	Unsubscribe                bool
}

// convert maps a slice of records to the area's type.
func convert[R, T any](in []R, f func(R) T) []T {
	if in == nil {
		return nil
	}
	out := make([]T, len(in))
	for i, r := range in {
		out[i] = f(r)
	}
	return out
}

func skippedOf(s data.Skipped) SkippedRecipient {
	return SkippedRecipient{CustomerID: s.CustomerID, Name: s.Name, Reason: s.Reason}
}

func contactValueOf(d data.CustomerDetail) ContactValue {
	return ContactValue{Kind: d.Kind, Value: d.Value, Source: d.Source, FromOrders: d.FromOrders}
}

func buyerKeyOf(k data.CustomerKey) BuyerKey { return BuyerKey{ID: k.ID, Key: k.Key, Orders: k.Orders} }

func mergeOf(m data.MergeRecord) Merge { return Merge{ID: m.ID, Into: m.Into, From: m.From, At: m.At} }

func conversationOf(t data.MailThread) Conversation {
	return Conversation{ID: t.ID, CustomerID: t.CustomerID, CustomerName: t.CustomerName, Subject: t.Subject, Address: t.Address,
		LastAt: t.LastAt, Unread: t.Unread, Count: t.Count}
}

func messageOf(m data.MailMessage) Message {
	return Message{ID: m.ID, ThreadID: m.ThreadID, Direction: m.Direction, MessageID: m.MessageID, InReplyTo: m.InReplyTo,
		Refs: m.Refs, FromAddr: m.FromAddr, FromName: m.FromName, ToAddr: m.ToAddr, Subject: m.Subject, Body: m.Body, At: m.At,
		Unsubscribe: m.Unsubscribe}
}
