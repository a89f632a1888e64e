package mail

import (
	"bytes"
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-smtp"

	"sellerdesk/app/apperr"
	"sellerdesk/data"
)

// Backoff is how long a message waits after each failed attempt; after the last it is FAILED.
var Backoff = []time.Duration{time.Minute, 5 * time.Minute, 30 * time.Minute, 2 * time.Hour, 6 * time.Hour}

// DefaultLease is how long a claim on a message holds: a message SENDING longer than this was left by a
// sender that stopped (a crash, a cut connection) and is resolved by Recover.
const DefaultLease = 10 * time.Minute

// Runner sends the outbox. Each message is claimed in its own short transaction, sent with no transaction
// open, and its outcome written in another; so the window and `mail send-queue` can run at once without
// sending a message twice, and a network wait never holds the store.
type Runner struct {
	db   *data.Store
	Log  *slog.Logger
	Conn Conn
	// By names this sender in its claims (window, cli …, with a random part)
	By    string
	Lease time.Duration
	// Wait sleeps for the rate limit (tests make it instant); nil sleeps for real, stopping with ctx
	Wait func(ctx context.Context, d time.Duration) error
	// OnSent runs after a message is marked SENT (consent confirmations note themselves confirmed)
	OnSent func(ctx context.Context, m Sent)

	// crashAfterAccept, in tests, stops the run right after the server accepted a message and before
	// anything is written: the moment a crash would leave it SENDING
	crashAfterAccept func(m data.OutboxMessage) bool
	imap             *imapclient.Client
}

// NewRunner is a sender of the store's outbox over conn; by names it in its claims (window, cli …).
func NewRunner(store *data.Store, log *slog.Logger, conn Conn, by string) *Runner {
	return &Runner{db: store, Log: log, Conn: conn, By: by}
}

// Sent is a message the server accepted, as Runner.OnSent hears of it.
type Sent struct {
	ID, CustomerID int64
	ConsentID      int64 // the consent record a confirmation mail confirms
	Kind           string
	MessageID      string
}

func sentOf(m data.OutboxMessage) Sent {
	return Sent{ID: m.ID, CustomerID: m.CustomerID, ConsentID: m.ConsentID, Kind: m.Kind, MessageID: m.MessageID}
}

// Report is what a run did.
type Report struct {
	Sent, Failed, Retried, Checked, Recovered, Requeued int
	// Waiting is what is still QUEUED when the run ended
	Waiting int
}

func (r *Runner) now() time.Time { return r.db.Now() }

func (r *Runner) lease() time.Duration {
	if r.Lease > 0 {
		return r.Lease
	}
	return DefaultLease
}

func (r *Runner) write(ctx context.Context, fn func(tx *data.Tx) error) error {
	return r.db.Write(ctx, fn)
}

func (r *Runner) imapConn(ctx context.Context) (*imapclient.Client, error) {
	if r.imap != nil {
		return r.imap, nil
	}
	cl, err := r.Conn.IMAP(ctx, nil)
	if err != nil {
		return nil, err
	}
	r.imap = cl
	return cl, nil
}

func (r *Runner) closeIMAP() {
	if r.imap != nil {
		r.imap.Close()
		r.imap = nil
	}
}

// Recover resolves messages left SENDING by a sender that stopped: one the server accepted is looked
// up in (or filed into) the Sent folder and marked SENT; one not known accepted is looked for there by its
// Message-ID: found, it is SENT and never sent again; not found, it goes back to the queue when the server
// files sent mail itself (so it was never accepted), and is held as CHECK (확인 필요) otherwise, since the
// server may have accepted it just before the crash.
func (r *Runner) Recover(ctx context.Context, rep *Report) error {
	stale, err := data.StaleSendingMail(ctx, r.db.Read(), r.now().Add(-r.lease()))
	if err != nil || len(stale) == 0 {
		return err
	}
	cl, err := r.imapConn(ctx)
	if err != nil {
		return err
	}
	a := r.Conn.Account
	for _, m := range stale {
		var state, why string
		switch {
		case !m.AcceptedAt.IsZero():
			state = data.OutSent
			if !a.ServerSavesSent {
				found, err := inFolder(cl, a.SentFolder, m.MessageID)
				if err != nil {
					return Explain(err, protoIMAP, a.IMAPHost, a.IMAPPort)
				}
				if !found {
					if err := appendTo(cl, a.SentFolder, m.Raw); err != nil {
						r.Log.Warn("mail: append after recovery", "id", m.ID, "err", err)
					}
				}
			}
		default:
			found, err := inFolder(cl, a.SentFolder, m.MessageID)
			if err != nil {
				return Explain(err, protoIMAP, a.IMAPHost, a.IMAPPort)
			}
			switch {
			case found:
				state = data.OutSent
			case a.ServerSavesSent:
				state = data.OutQueued
			default:
				state, why = data.OutCheck, "확인 필요: 보내는 도중 프로그램이 멈췄고, 서버가 받았는지 보낸메일함으로 확인할 수 없습니다. 받는 분께 도착했는지 확인한 뒤 다시 보내거나 지우세요."
			}
		}
		err := r.write(ctx, func(tx *data.Tx) error {
			switch state {
			case data.OutSent:
				return data.MarkMailSentTx(ctx, tx, m.ID)
			case data.OutQueued:
				return data.RetryMailTx(ctx, tx, m.ID, tx.Now(), "")
			default:
				return data.FailMailTx(ctx, tx, m.ID, state, why)
			}
		})
		if err != nil {
			return err
		}
		switch state {
		case data.OutSent:
			rep.Recovered++
			if r.OnSent != nil {
				r.OnSent(ctx, sentOf(m))
			}
		case data.OutQueued:
			rep.Requeued++
		default:
			rep.Checked++
		}
	}
	return nil
}

// ErrDayLimit is a run stopped by the daily sending limit; the rest waits for tomorrow.
var ErrDayLimit = errors.New("mail: daily limit reached")

// Run recovers what a stopped sender left, then sends what is due until the queue is empty, ctx ends, a
// limit is reached or the server cannot be reached (the message in hand goes back to the queue). progress,
// when set, hears the report after each message.
func (r *Runner) Run(ctx context.Context, progress func(Report)) (rep Report, err error) {
	defer r.closeIMAP()
	if err := r.Recover(ctx, &rep); err != nil {
		return rep, err
	}
	var cl *smtp.Client
	defer func() {
		if cl != nil {
			cl.Quit()
		}
		rep.Waiting, _ = r.waiting(context.WithoutCancel(ctx))
	}()
	a := r.Conn.Account
	for {
		if err := ctx.Err(); err != nil {
			return rep, err
		}
		if err := r.limit(ctx); err != nil {
			return rep, err
		}
		var m data.OutboxMessage
		var ok bool
		if err := r.write(ctx, func(tx *data.Tx) error {
			var err error
			m, ok, err = data.ClaimNextMailTx(ctx, tx, r.By)
			return err
		}); err != nil {
			return rep, err
		}
		if !ok {
			return rep, nil
		}
		if cl == nil {
			var err error
			if cl, err = r.Conn.SMTP(ctx); err != nil {
				r.giveBack(m, "")
				return rep, err
			}
		}
		err := cl.SendMail(a.Address, []string{m.ToAddr}, bytes.NewReader(m.Raw))
		if err != nil {
			var se *smtp.SMTPError
			if errors.As(err, &se) {
				if err := r.refused(ctx, m, se, &rep); err != nil {
					return rep, err
				}
				if se.Code >= 500 {
					cl.Reset()
				}
				if progress != nil {
					progress(rep)
				}
				continue
			}
			// the connection broke mid-message: the server may or may not have it; Recover decides
			r.unsure(m)
			cl.Close()
			cl = nil
			return rep, Explain(err, protoSMTP, a.SMTPHost, a.SMTPPort)
		}
		if r.crashAfterAccept != nil && r.crashAfterAccept(m) {
			return rep, errors.New("mail: simulated crash")
		}
		if err := r.accepted(ctx, m); err != nil {
			return rep, err
		}
		rep.Sent++
		if r.OnSent != nil {
			r.OnSent(ctx, sentOf(m))
		}
		if progress != nil {
			progress(rep)
		}
	}
}

// accepted records a message the server took: SENT at once when the provider files it in Sent itself;
// otherwise accepted first, then APPENDed to Sent, then SENT.
func (r *Runner) accepted(ctx context.Context, m data.OutboxMessage) error {
	ctx = context.WithoutCancel(ctx) // the server has it: the record must follow even if the seller stopped
	a := r.Conn.Account
	if a.ServerSavesSent {
		return r.write(ctx, func(tx *data.Tx) error {
			if err := data.MarkMailAcceptedTx(ctx, tx, m.ID); err != nil {
				return err
			}
			return data.MarkMailSentTx(ctx, tx, m.ID)
		})
	}
	if err := r.write(ctx, func(tx *data.Tx) error { return data.MarkMailAcceptedTx(ctx, tx, m.ID) }); err != nil {
		return err
	}
	if cl, err := r.imapConn(ctx); err == nil {
		if err := appendTo(cl, a.SentFolder, m.Raw); err != nil {
			r.Log.Warn("mail: append to sent", "id", m.ID, "err", err)
			r.closeIMAP()
		}
	} else {
		r.Log.Warn("mail: append to sent", "id", m.ID, "err", err)
	}
	return r.write(ctx, func(tx *data.Tx) error { return data.MarkMailSentTx(ctx, tx, m.ID) })
}

// refused handles the server's answer to one message: a permanent refusal (5xx, a bad address) ends it as
// FAILED; a temporary one (4xx) retries after the back-off, FAILED after the last.
func (r *Runner) refused(ctx context.Context, m data.OutboxMessage, se *smtp.SMTPError, rep *Report) error {
	ctx = context.WithoutCancel(ctx)
	why := apperr.Render("서버가 거절했습니다 ({{.Code}} {{.Text}})", map[string]any{"Code": se.Code, "Text": se.Message})
	if se.Code >= 500 || m.Attempts > len(Backoff) {
		rep.Failed++
		return r.write(ctx, func(tx *data.Tx) error { return data.FailMailTx(ctx, tx, m.ID, data.OutFailed, why) })
	}
	rep.Retried++
	return r.write(ctx, func(tx *data.Tx) error {
		return data.RetryMailTx(ctx, tx, m.ID, tx.Now().Add(Backoff[max(m.Attempts-1, 0)]), why)
	})
}

// giveBack returns a claimed message to the queue untouched (the server could not be reached).
func (r *Runner) giveBack(m data.OutboxMessage, why string) {
	ctx := context.Background()
	if err := r.write(ctx, func(tx *data.Tx) error { return data.RetryMailTx(ctx, tx, m.ID, tx.Now(), why) }); err != nil {
		r.Log.Error("mail: give back", "id", m.ID, "err", err)
	}
}

// unsure leaves a message SENDING with its claim expired, so Recover looks for it in Sent before any resend.
func (r *Runner) unsure(m data.OutboxMessage) {
	ctx := context.Background()
	if err := r.write(ctx, func(tx *data.Tx) error {
		return data.ExpireMailClaimTx(ctx, tx, m.ID)
	}); err != nil {
		r.Log.Error("mail: mark unsure", "id", m.ID, "err", err)
	}
}

func (r *Runner) waiting(ctx context.Context) (int, error) {
	c, err := data.OutboxCounts(ctx, r.db.Read(), 0)
	return c[data.OutQueued], err
}

// limit waits while the per-minute limit is used up and stops the run at the daily one.
func (r *Runner) limit(ctx context.Context) error {
	a := r.Conn.Account
	now := r.now()
	day := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, now.Location())
	n, err := data.SentSince(ctx, r.db.Read(), day)
	if err != nil {
		return err
	}
	if a.PerDay > 0 && n >= a.PerDay {
		e := apperr.New(apperr.ErrConflict, "오늘 보낼 수 있는 {{.N}}통을 모두 보냈습니다. 남은 메일은 보관함에 있으며 내일 이어서 보냅니다.", "N", a.PerDay)
		e.Err = ErrDayLimit
		return e
	}
	for a.PerMinute > 0 {
		n, err := data.SentSince(ctx, r.db.Read(), r.now().Add(-time.Minute))
		if err != nil {
			return err
		}
		if n < a.PerMinute {
			return nil
		}
		wait := r.Wait
		if wait == nil {
			wait = sleep
		}
		if err := wait(ctx, 5*time.Second); err != nil {
			return err
		}
	}
	return nil
}

func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}
