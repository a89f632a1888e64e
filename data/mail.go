package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"
)

// MailAccount is the seller's mailbox settings. The password is not here (OS keyring).
type MailAccount struct {
	Provider, Address, DisplayName, Username string
	SMTPHost                                 string
	SMTPPort                                 int
	SMTPSecurity                             string // SSL, STARTTLS, NONE
	IMAPHost                                 string
	IMAPPort                                 int
	IMAPSecurity                             string
	SentFolder                               string
	ServerSavesSent                          bool
	PerMinute, PerDay                        int
}

// MailAccountOf reads the mail account; ok is false when none was saved.
func MailAccountOf(ctx context.Context, q Querier) (a MailAccount, ok bool, err error) {
	err = q.QueryRowContext(ctx, `SELECT provider, address, display_name, username, smtp_host, smtp_port, smtp_security,
		imap_host, imap_port, imap_security, sent_folder, server_saves_sent, per_minute, per_day FROM mail_account WHERE id = 1`).
		Scan(&a.Provider, &a.Address, &a.DisplayName, &a.Username, &a.SMTPHost, &a.SMTPPort, &a.SMTPSecurity,
			&a.IMAPHost, &a.IMAPPort, &a.IMAPSecurity, &a.SentFolder, &a.ServerSavesSent, &a.PerMinute, &a.PerDay)
	if errors.Is(err, sql.ErrNoRows) {
		return a, false, nil
	}
	if err != nil {
		return a, false, fmt.Errorf("data: mail account: %w", err)
	}
	return a, true, nil
}

// SaveMailAccountTx writes the mail account.
func SaveMailAccountTx(ctx context.Context, tx *Tx, a MailAccount) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO mail_account (id, provider, address, display_name, username, smtp_host,
		smtp_port, smtp_security, imap_host, imap_port, imap_security, sent_folder, server_saves_sent, per_minute, per_day, updated_at)
		VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET provider = excluded.provider, address = excluded.address,
			display_name = excluded.display_name, username = excluded.username, smtp_host = excluded.smtp_host,
			smtp_port = excluded.smtp_port, smtp_security = excluded.smtp_security, imap_host = excluded.imap_host,
			imap_port = excluded.imap_port, imap_security = excluded.imap_security, sent_folder = excluded.sent_folder,
			server_saves_sent = excluded.server_saves_sent, per_minute = excluded.per_minute, per_day = excluded.per_day,
			updated_at = excluded.updated_at`,
		a.Provider, a.Address, a.DisplayName, a.Username, a.SMTPHost, a.SMTPPort, a.SMTPSecurity, a.IMAPHost, a.IMAPPort,
		a.IMAPSecurity, a.SentFolder, a.ServerSavesSent, a.PerMinute, a.PerDay, tx.stamp())
	if err != nil {
		return fmt.Errorf("data: save mail account: %w", err)
	}
	return nil
}

// Outbox states.
const (
	OutQueued  = "QUEUED"
	OutSending = "SENDING"
	OutSent    = "SENT"
	OutFailed  = "FAILED"
	OutCheck   = "CHECK" // 확인 필요: the server may have accepted it; not sent again without the seller
)

// OutboxMessage is one mail in the outbox, stored whole before it is sent.
type OutboxMessage struct {
	ID                     int64
	MessageID              string
	CampaignID, CustomerID int64
	ConsentID              int64
	AfterID                int64 // sent only once this message is SENT
	Kind, ToAddr, ToName   string
	Subject                string
	Raw                    []byte
	State                  string
	Attempts               int
	NextTryAt, ClaimedAt   time.Time
	ClaimedBy              string
	AcceptedAt, SentAt     time.Time
	LastError              string
	CreatedAt              time.Time
}

// optID writes 0 as NULL for an optional reference.
func optID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// QueueMailTx stores a message in the outbox, QUEUED and due at once.
func QueueMailTx(ctx context.Context, tx *Tx, m OutboxMessage) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO mail_outbox (message_id, campaign_id, customer_id, consent_id, after_id, kind, to_addr,
		to_name, subject, raw, state, next_try_at, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'QUEUED', ?, ?, ?) RETURNING id`,
		m.MessageID, optID(m.CampaignID), optID(m.CustomerID), optID(m.ConsentID), optID(m.AfterID), m.Kind, m.ToAddr, m.ToName, m.Subject,
		m.Raw, tx.stamp(), tx.stamp(), tx.stamp()).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("data: queue mail to %s: %w", m.ToAddr, err)
	}
	return id, nil
}

const outboxCols = `id, message_id, coalesce(campaign_id, 0), coalesce(customer_id, 0), coalesce(consent_id, 0), coalesce(after_id, 0), kind, to_addr,
	to_name, subject, raw, state, attempts, next_try_at, claimed_at, claimed_by, accepted_at, sent_at, last_error, created_at`

func scanOutbox(row interface{ Scan(...any) error }) (OutboxMessage, error) {
	var m OutboxMessage
	var next, claimed, accepted, sent, created string
	err := row.Scan(&m.ID, &m.MessageID, &m.CampaignID, &m.CustomerID, &m.ConsentID, &m.AfterID, &m.Kind, &m.ToAddr, &m.ToName, &m.Subject,
		&m.Raw, &m.State, &m.Attempts, &next, &claimed, &m.ClaimedBy, &accepted, &sent, &m.LastError, &created)
	m.NextTryAt, m.ClaimedAt, m.AcceptedAt = parseStoreTime(next), parseStoreTime(claimed), parseStoreTime(accepted)
	m.SentAt, m.CreatedAt = parseStoreTime(sent), parseStoreTime(created)
	return m, err
}

// ClaimNextMailTx takes the next due message for the sender named by: QUEUED → SENDING in one statement,
// so two senders (the window and a scheduled `mail send-queue`) never take the same row. Messages of a
// paused campaign wait. ok is false when nothing is due.
func ClaimNextMailTx(ctx context.Context, tx *Tx, by string) (m OutboxMessage, ok bool, err error) {
	m, err = scanOutbox(tx.QueryRowContext(ctx, `UPDATE mail_outbox SET state = 'SENDING', claimed_by = ?, claimed_at = ?,
		attempts = attempts + 1, updated_at = ?
		WHERE id = (SELECT o.id FROM mail_outbox o WHERE o.state = 'QUEUED' AND o.next_try_at <= ?
			AND (o.campaign_id IS NULL OR (SELECT state FROM mail_campaigns WHERE id = o.campaign_id) = 'SENDING')
			AND (o.after_id IS NULL OR (SELECT a.state FROM mail_outbox a WHERE a.id = o.after_id) = 'SENT')
			ORDER BY o.next_try_at, o.id LIMIT 1)
		RETURNING `+outboxCols, by, tx.stamp(), tx.stamp(), tx.stamp()))
	if errors.Is(err, sql.ErrNoRows) {
		return m, false, nil
	}
	if err != nil {
		return m, false, fmt.Errorf("data: claim mail: %w", err)
	}
	return m, true, nil
}

// MarkMailAcceptedTx notes that the SMTP server accepted a SENDING message (before any APPEND).
func MarkMailAcceptedTx(ctx context.Context, tx *Tx, id int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE mail_outbox SET accepted_at = ?, updated_at = ? WHERE id = ? AND state = 'SENDING'`,
		tx.stamp(), tx.stamp(), id)
	if err != nil {
		return fmt.Errorf("data: mail %d accepted: %w", id, err)
	}
	return nil
}

// ExpireMailClaimTx leaves a SENDING message with its claim expired, so that recovery looks for it in the
// Sent folder before anything is resent (the sender cannot tell whether the server took it).
func ExpireMailClaimTx(ctx context.Context, tx *Tx, id int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE mail_outbox SET claimed_at = '' WHERE id = ? AND state = 'SENDING'`, id); err != nil {
		return fmt.Errorf("data: mail %d claim expired: %w", id, err)
	}
	return nil
}

// MarkMailSentTx moves a message to SENT.
func MarkMailSentTx(ctx context.Context, tx *Tx, id int64) error {
	_, err := tx.ExecContext(ctx, `UPDATE mail_outbox SET state = 'SENT', sent_at = ?, last_error = '', updated_at = ?
		WHERE id = ? AND state IN ('SENDING', 'CHECK')`, tx.stamp(), tx.stamp(), id)
	if err != nil {
		return fmt.Errorf("data: mail %d sent: %w", id, err)
	}
	return nil
}

// RetryMailTx gives a SENDING message back to the queue, due at next, with the reason it failed.
func RetryMailTx(ctx context.Context, tx *Tx, id int64, next time.Time, why string) error {
	_, err := tx.ExecContext(ctx, `UPDATE mail_outbox SET state = 'QUEUED', next_try_at = ?, last_error = ?, claimed_by = '',
		updated_at = ? WHERE id = ? AND state IN ('SENDING', 'CHECK', 'FAILED')`, timeText(next), why, tx.stamp(), id)
	if err != nil {
		return fmt.Errorf("data: retry mail %d: %w", id, err)
	}
	return nil
}

// FailMailTx ends a message as FAILED (or CHECK) with the reason; a FAILED message's dependants (an ad
// waiting for its §50⑧ notice) fail with it.
func FailMailTx(ctx context.Context, tx *Tx, id int64, state, why string) error {
	_, err := tx.ExecContext(ctx, `UPDATE mail_outbox SET state = ?, last_error = ?, updated_at = ? WHERE id = ?`,
		state, why, tx.stamp(), id)
	if err != nil {
		return fmt.Errorf("data: fail mail %d: %w", id, err)
	}
	if state == OutFailed {
		_, err = tx.ExecContext(ctx, `UPDATE mail_outbox SET state = 'FAILED', last_error = ?, updated_at = ?
			WHERE after_id = ? AND state = 'QUEUED'`, DependencyFailed, tx.stamp(), id)
		if err != nil {
			return fmt.Errorf("data: fail mail %d: %w", id, err)
		}
	}
	return nil
}

// DependencyFailed is the reason an ad did not go: its §50⑧ notice could not be sent.
const DependencyFailed = "수신동의 확인 안내(§50⑧)를 보내지 못해 광고를 보내지 않았습니다."

// CancelQueuedAdsTx stops the advertising mail still waiting for a contact (a withdrawal is immediate).
func CancelQueuedAdsTx(ctx context.Context, tx *Tx, customerID int64, why string) (int, error) {
	res, err := tx.ExecContext(ctx, `UPDATE mail_outbox SET state = 'FAILED', last_error = ?, updated_at = ?
		WHERE customer_id = ? AND state = 'QUEUED' AND kind IN ('AD', 'NOTICE')`, why, tx.stamp(), customerID)
	if err != nil {
		return 0, fmt.Errorf("data: cancel ads of %d: %w", customerID, err)
	}
	n, _ := res.RowsAffected()
	return int(n), nil
}

// StaleSendingMail lists messages left SENDING by a sender that claimed them before cutoff (a crash).
func StaleSendingMail(ctx context.Context, q Querier, cutoff time.Time) ([]OutboxMessage, error) {
	return outboxWhere(ctx, q, `state = 'SENDING' AND claimed_at < ?`, timeText(cutoff))
}

// OutboxByState lists a state's messages, oldest first (state "" lists all).
func OutboxByState(ctx context.Context, q Querier, state string, limit int) ([]OutboxMessage, error) {
	if limit <= 0 {
		limit = 1000
	}
	if state == "" {
		return outboxWhere(ctx, q, `1 ORDER BY id DESC LIMIT ?`, limit)
	}
	return outboxWhere(ctx, q, `state = ? ORDER BY id LIMIT ?`, state, limit)
}

// OutboxOfCampaign lists a campaign's messages.
func OutboxOfCampaign(ctx context.Context, q Querier, campaignID int64) ([]OutboxMessage, error) {
	return outboxWhere(ctx, q, `campaign_id = ? ORDER BY id`, campaignID)
}

// OutboxOfCustomer lists the mail sent to a contact, newest first.
func OutboxOfCustomer(ctx context.Context, q Querier, customerID int64) ([]OutboxMessage, error) {
	return outboxWhere(ctx, q, `customer_id = ? ORDER BY id DESC LIMIT 200`, customerID)
}

// OutboxMessageByID reads one outbox message.
func OutboxMessageByID(ctx context.Context, q Querier, id int64) (OutboxMessage, error) {
	m, err := scanOutbox(q.QueryRowContext(ctx, `SELECT `+outboxCols+` FROM mail_outbox WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return m, ErrNoRow
	}
	return m, err
}

func outboxWhere(ctx context.Context, q Querier, where string, args ...any) ([]OutboxMessage, error) {
	rows, err := q.QueryContext(ctx, `SELECT `+outboxCols+` FROM mail_outbox WHERE `+where, args...)
	if err != nil {
		return nil, fmt.Errorf("data: outbox: %w", err)
	}
	defer rows.Close()
	var out []OutboxMessage
	for rows.Next() {
		m, err := scanOutbox(rows)
		if err != nil {
			return nil, fmt.Errorf("data: outbox: %w", err)
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// OutboxCounts counts the outbox by state.
func OutboxCounts(ctx context.Context, q Querier, campaignID int64) (map[string]int, error) {
	query := `SELECT state, count(*) FROM mail_outbox GROUP BY state`
	var args []any
	if campaignID > 0 {
		query = `SELECT state, count(*) FROM mail_outbox WHERE campaign_id = ? GROUP BY state`
		args = append(args, campaignID)
	}
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, fmt.Errorf("data: outbox counts: %w", err)
	}
	defer rows.Close()
	out := map[string]int{}
	for rows.Next() {
		var s string
		var n int
		if err := rows.Scan(&s, &n); err != nil {
			return nil, err
		}
		out[s] = n
	}
	return out, rows.Err()
}

// SentSince counts the messages the server accepted at or after t (for the rate limits).
func SentSince(ctx context.Context, q Querier, t time.Time) (int, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM mail_outbox WHERE sent_at <> '' AND sent_at >= ?`, timeText(t)).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("data: sent since: %w", err)
	}
	return n, nil
}

// Campaign is an email campaign (이메일 발송).
type Campaign struct {
	ID                        int64
	Kind, Subject, Body       string
	Categories, Coupon, State string
	CreatedAt                 time.Time
}

// AddCampaignTx stores a campaign, SENDING.
func AddCampaignTx(ctx context.Context, tx *Tx, c Campaign) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO mail_campaigns (kind, subject, body, categories, coupon, state, created_at, updated_at)
		VALUES (?, ?, ?, ?, ?, 'SENDING', ?, ?) RETURNING id`, c.Kind, c.Subject, c.Body, c.Categories, c.Coupon,
		tx.stamp(), tx.stamp()).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("data: add campaign: %w", err)
	}
	return id, nil
}

// SetCampaignStateTx pauses, resumes or closes a campaign.
func SetCampaignStateTx(ctx context.Context, tx *Tx, id int64, state string) error {
	if _, err := tx.ExecContext(ctx, `UPDATE mail_campaigns SET state = ?, updated_at = ? WHERE id = ?`, state, tx.stamp(), id); err != nil {
		return fmt.Errorf("data: campaign %d: %w", id, err)
	}
	return nil
}

// Campaigns lists campaigns, newest first.
func Campaigns(ctx context.Context, q Querier) ([]Campaign, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, kind, subject, body, categories, coupon, state, created_at FROM mail_campaigns ORDER BY id DESC`)
	if err != nil {
		return nil, fmt.Errorf("data: campaigns: %w", err)
	}
	defer rows.Close()
	var out []Campaign
	for rows.Next() {
		var c Campaign
		var at string
		if err := rows.Scan(&c.ID, &c.Kind, &c.Subject, &c.Body, &c.Categories, &c.Coupon, &c.State, &at); err != nil {
			return nil, err
		}
		c.CreatedAt = parseStoreTime(at)
		out = append(out, c)
	}
	return out, rows.Err()
}

// AddSkippedTx records a recipient a campaign skipped, with the reason.
func AddSkippedTx(ctx context.Context, tx *Tx, campaignID, customerID int64, reason string) error {
	if _, err := tx.ExecContext(ctx, `INSERT OR REPLACE INTO mail_skipped (campaign_id, customer_id, reason) VALUES (?, ?, ?)`,
		campaignID, customerID, reason); err != nil {
		return fmt.Errorf("data: skip recipient: %w", err)
	}
	return nil
}

// Skipped is a recipient a campaign did not write to.
type Skipped struct {
	CustomerID int64
	Name       string
	Reason     string
}

// SkippedOf lists a campaign's skipped recipients.
func SkippedOf(ctx context.Context, q Querier, campaignID int64) ([]Skipped, error) {
	rows, err := q.QueryContext(ctx, `SELECT s.customer_id, c.name, s.reason FROM mail_skipped s JOIN customers c ON c.id = s.customer_id
		WHERE s.campaign_id = ? ORDER BY s.customer_id`, campaignID)
	if err != nil {
		return nil, fmt.Errorf("data: skipped: %w", err)
	}
	defer rows.Close()
	var out []Skipped
	for rows.Next() {
		var s Skipped
		if err := rows.Scan(&s.CustomerID, &s.Name, &s.Reason); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}

// OutboxByMessageID finds an outbox message by its Message-ID (ErrNoRow when none).
func OutboxByMessageID(ctx context.Context, q Querier, msgID string) (OutboxMessage, error) {
	m, err := scanOutbox(q.QueryRowContext(ctx, `SELECT `+outboxCols+` FROM mail_outbox WHERE message_id = ?`, msgID))
	if errors.Is(err, sql.ErrNoRows) {
		return m, ErrNoRow
	}
	return m, err
}
