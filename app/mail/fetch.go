package mail

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"sellerdesk/data"
)

// Inbox is the folder conversations are fetched from.
const Inbox = "INBOX"

// Fetcher brings new mail from INBOX into the store, by UID: it remembers the folder's UIDVALIDITY and the
// last UID seen, and reads the folder again from the start when UIDVALIDITY changes (messages it already
// holds, known by Message-ID, are not stored twice).
type Fetcher struct {
	db   *data.Store
	Log  *slog.Logger
	Conn Conn
}

// NewFetcher is a fetcher of the mailbox conn into the store.
func NewFetcher(store *data.Store, log *slog.Logger, conn Conn) *Fetcher {
	return &Fetcher{db: store, Log: log, Conn: conn}
}

// Incoming is a message the fetch stored.
type Incoming struct {
	MessageRow, ThreadID, CustomerID int64
	FromAddr, FromName, Subject      string
	MessageID                        string
	Unsubscribe                      bool // its own text or subject asks to stop advertising mail
}

// FetchReport is what a fetch did.
type FetchReport struct {
	New         []Incoming
	Refetched   bool // UIDVALIDITY changed: the folder was read again from the start
	UIDValidity uint32
}

// Fetch reads the new messages of INBOX (without marking them read on the server).
func (f *Fetcher) Fetch(ctx context.Context) (FetchReport, error) {
	var rep FetchReport
	cl, err := f.Conn.IMAP(ctx, nil)
	if err != nil {
		return rep, err
	}
	defer cl.Close()
	a := f.Conn.Account
	sel, err := cl.Select(Inbox, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		return rep, Explain(err, protoIMAP, a.IMAPHost, a.IMAPPort)
	}
	st, err := data.MailFolderState(ctx, f.db.Read(), Inbox)
	if err != nil {
		return rep, err
	}
	rep.UIDValidity = sel.UIDValidity
	last := st.LastUID
	if st.Known && st.UIDValidity != sel.UIDValidity {
		rep.Refetched, last = true, 0
		f.Log.Info("mail: UIDVALIDITY changed, reading INBOX again", "old", st.UIDValidity, "new", sel.UIDValidity)
	}
	maxUID := last
	if sel.NumMessages > 0 {
		set := imap.UIDSet{imap.UIDRange{Start: imap.UID(last + 1), Stop: 0}}
		section := &imap.FetchItemBodySection{Peek: true}
		msgs, err := cl.Fetch(set, &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{section}}).Collect()
		if err != nil {
			return rep, Explain(err, protoIMAP, a.IMAPHost, a.IMAPPort)
		}
		for _, m := range msgs {
			uid := uint32(m.UID)
			if uid <= last {
				continue // "n:*" always names the last message, even below n
			}
			in, stored, err := f.store(ctx, sel.UIDValidity, uid, m.FindBodySection(section))
			if err != nil {
				return rep, err
			}
			if stored {
				rep.New = append(rep.New, in)
			}
			maxUID = max(maxUID, uid)
		}
	}
	err = f.db.Write(ctx, func(tx *data.Tx) error {
		return data.SetMailFolderStateTx(ctx, tx, Inbox, data.FolderState{UIDValidity: sel.UIDValidity, LastUID: maxUID})
	})
	return rep, err
}

// store parses one message and files it in its conversation; stored is false for a message already held.
// Whether it is held is asked again inside the write transaction, which the store serializes: two fetches
// at once (the window's IDLE loop and its button, or the window and `mail fetch`) read the same new UIDs,
// and the second to write finds the first's row instead of failing on the unique UID index.
func (f *Fetcher) store(ctx context.Context, validity, uid uint32, raw []byte) (in Incoming, stored bool, err error) {
	if dup, err := data.MailByUID(ctx, f.db.Read(), Inbox, validity, uid); err != nil || dup {
		return in, false, err
	}
	p, err := Parse(raw)
	if err != nil {
		f.Log.Warn("mail: unreadable message", "uid", uid, "err", err)
		p.Subject, p.Text = "(읽을 수 없는 메일)", string(raw)
	}
	at := p.Date
	if at.IsZero() {
		at = f.db.Now()
	}
	err = f.db.Write(ctx, func(tx *data.Tx) error {
		var err error
		if stored, err = f.fileTx(ctx, tx, validity, uid, p, at, &in); err != nil {
			return err
		}
		return nil
	})
	if err != nil {
		return in, false, fmt.Errorf("mail: store message %d: %w", uid, err)
	}
	return in, stored, nil
}

// fileTx files a parsed message in its conversation unless it is already held (by UID, or by Message-ID
// when it was read before UIDVALIDITY changed).
func (f *Fetcher) fileTx(ctx context.Context, tx *data.Tx, validity, uid uint32, p Parsed, at time.Time, in *Incoming) (bool, error) {
	if dup, err := data.MailByUID(ctx, tx, Inbox, validity, uid); err != nil || dup {
		return false, err
	}
	if p.MessageID != "" {
		if id, _, err := data.MailByMessageID(ctx, tx, p.MessageID); err != nil || id != 0 {
			return false, err
		}
	}
	thread, err := data.ThreadFor(ctx, tx, p.InReplyTo, strings.Join(p.References, " "))
	if err != nil {
		return false, err
	}
	var customer int64
	if thread == 0 {
		// a reply to a campaign or a confirmation names our outbox message
		for _, id := range append([]string{p.InReplyTo}, p.References...) {
			if id == "" {
				continue
			}
			if m, err := data.OutboxByMessageID(ctx, tx, id); err == nil {
				customer = m.CustomerID
				if thread, err = data.ThreadReplyingTo(ctx, tx, id); err != nil {
					return false, err
				}
				break
			} else if !errors.Is(err, data.ErrNoRow) {
				return false, err
			}
		}
	}
	if customer == 0 {
		if customer, err = data.CustomerByEmail(ctx, tx, p.FromAddr); err != nil {
			return false, err
		}
	}
	*in = Incoming{ThreadID: thread, CustomerID: customer, FromAddr: p.FromAddr, FromName: p.FromName, Subject: p.Subject,
		MessageID: p.MessageID, Unsubscribe: Unsubscribes(p.Subject, p.Text)}
	if in.ThreadID == 0 {
		if in.ThreadID, err = data.NewThreadTx(ctx, tx, customer, BaseSubject(p.Subject), p.FromAddr, at); err != nil {
			return false, err
		}
	} else if customer == 0 {
		t, err := data.ThreadByID(ctx, tx, in.ThreadID)
		if err != nil {
			return false, err
		}
		in.CustomerID = t.CustomerID
	}
	in.MessageRow, err = data.AddMailMessageTx(ctx, tx, data.MailMessage{ThreadID: in.ThreadID, Direction: "IN",
		MessageID: p.MessageID, InReplyTo: p.InReplyTo, Refs: strings.Join(p.References, " "), FromAddr: p.FromAddr,
		FromName: p.FromName, ToAddr: p.ToAddr, Subject: p.Subject, Body: p.Text, At: at, Folder: Inbox,
		UIDValidity: validity, UID: uid, Unsubscribe: in.Unsubscribe})
	return err == nil, err
}

// Watch keeps an IDLE connection on INBOX while ctx lives and calls onNew when the server says mail
// arrived. It returns when ctx ends, or with the connection's error.
func (f *Fetcher) Watch(ctx context.Context, onNew func()) error {
	signal := make(chan struct{}, 1)
	cl, err := f.Conn.IMAP(ctx, &imapclient.UnilateralDataHandler{Mailbox: func(d *imapclient.UnilateralDataMailbox) {
		if d.NumMessages != nil {
			select {
			case signal <- struct{}{}:
			default:
			}
		}
	}})
	if err != nil {
		return err
	}
	defer cl.Close()
	a := f.Conn.Account
	if _, err := cl.Select(Inbox, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		return Explain(err, protoIMAP, a.IMAPHost, a.IMAPPort)
	}
	for {
		idle, err := cl.Idle()
		if err != nil {
			return Explain(err, protoIMAP, a.IMAPHost, a.IMAPPort)
		}
		// servers drop an IDLE after 30 minutes; it is renewed before
		renew := time.NewTimer(20 * time.Minute)
		var fire bool
		select {
		case <-ctx.Done():
		case <-signal:
			fire = true
		case <-renew.C:
		case <-cl.Closed():
		}
		renew.Stop()
		idle.Close()
		werr := idle.Wait()
		if ctx.Err() != nil {
			cl.Logout().Wait()
			return nil
		}
		if werr != nil {
			return Explain(werr, protoIMAP, a.IMAPHost, a.IMAPPort)
		}
		if fire {
			onNew()
		}
	}
}
