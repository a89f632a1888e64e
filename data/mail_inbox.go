package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"
)

// FolderState is where the last fetch of a mailbox folder stopped.
type FolderState struct {
	UIDValidity, LastUID uint32
	Known                bool
}

// MailFolderState reads a folder's UIDVALIDITY and last UID seen.
func MailFolderState(ctx context.Context, q Querier, name string) (FolderState, error) {
	var f FolderState
	err := q.QueryRowContext(ctx, `SELECT uid_validity, last_uid FROM mail_folders WHERE name = ?`, name).Scan(&f.UIDValidity, &f.LastUID)
	if errors.Is(err, sql.ErrNoRows) {
		return f, nil
	}
	if err != nil {
		return f, fmt.Errorf("data: folder %s: %w", name, err)
	}
	f.Known = true
	return f, nil
}

// SetMailFolderStateTx records a folder's UIDVALIDITY and last UID. Under the same UIDVALIDITY the last UID only
// grows: of two fetches at once, the one that saw fewer messages may finish last.
func SetMailFolderStateTx(ctx context.Context, tx *Tx, name string, f FolderState) error {
	_, err := tx.ExecContext(ctx, `INSERT INTO mail_folders (name, uid_validity, last_uid, fetched_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (name) DO UPDATE SET uid_validity = excluded.uid_validity,
		last_uid = CASE WHEN mail_folders.uid_validity = excluded.uid_validity THEN max(mail_folders.last_uid, excluded.last_uid)
			ELSE excluded.last_uid END,
		fetched_at = excluded.fetched_at`, name, f.UIDValidity, f.LastUID, tx.stamp())
	if err != nil {
		return fmt.Errorf("data: folder %s: %w", name, err)
	}
	return nil
}

// MailMessage is one message of a conversation, fetched or sent.
type MailMessage struct {
	ID, ThreadID               int64
	Direction                  string // IN or OUT
	MessageID, InReplyTo, Refs string
	FromAddr, FromName, ToAddr string
	Subject, Body              string
	At                         time.Time
	Folder                     string
	UIDValidity, UID           uint32
	OutboxID                   int64
	Unsubscribe                bool
}

// MailByUID reports whether a folder's message (UIDVALIDITY, UID) is already stored.
func MailByUID(ctx context.Context, q Querier, folder string, validity, uid uint32) (bool, error) {
	var n int
	err := q.QueryRowContext(ctx, `SELECT count(*) FROM mail_messages WHERE folder = ? AND uid_validity = ? AND uid = ?`,
		folder, validity, uid).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("data: mail by uid: %w", err)
	}
	return n > 0, nil
}

// MailByMessageID finds a stored message by its Message-ID (0 when none).
func MailByMessageID(ctx context.Context, q Querier, msgID string) (id, threadID int64, err error) {
	if msgID == "" {
		return 0, 0, nil
	}
	err = q.QueryRowContext(ctx, `SELECT id, thread_id FROM mail_messages WHERE message_id = ? ORDER BY id LIMIT 1`, msgID).Scan(&id, &threadID)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, 0, nil
	}
	if err != nil {
		return 0, 0, fmt.Errorf("data: mail by message id: %w", err)
	}
	return id, threadID, nil
}

// ThreadFor finds the thread a message belongs to by its In-Reply-To and References (any known
// Message-ID among them), 0 when none.
func ThreadFor(ctx context.Context, q Querier, inReplyTo, refs string) (int64, error) {
	ids := append([]string{inReplyTo}, strings.Fields(refs)...)
	for _, id := range ids {
		if id == "" {
			continue
		}
		_, t, err := MailByMessageID(ctx, q, id)
		if err != nil || t != 0 {
			return t, err
		}
	}
	return 0, nil
}

// NewThreadTx starts a conversation.
func NewThreadTx(ctx context.Context, tx *Tx, customerID int64, subject, address string, at time.Time) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO mail_threads (customer_id, subject, address, last_at) VALUES (?, ?, ?, ?) RETURNING id`,
		optID(customerID), subject, strings.ToLower(address), timeText(at)).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("data: new thread: %w", err)
	}
	return id, nil
}

// AddMailMessageTx stores a message in its thread and moves the thread's time (and unread count for mail
// that came in).
func AddMailMessageTx(ctx context.Context, tx *Tx, m MailMessage) (int64, error) {
	var id int64
	err := tx.QueryRowContext(ctx, `INSERT INTO mail_messages (thread_id, direction, message_id, in_reply_to, refs, from_addr,
		from_name, to_addr, subject, body, at, folder, uid_validity, uid, outbox_id, unsubscribe)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
		m.ThreadID, m.Direction, m.MessageID, m.InReplyTo, m.Refs, strings.ToLower(m.FromAddr), m.FromName, m.ToAddr,
		m.Subject, m.Body, timeText(m.At), m.Folder, m.UIDValidity, m.UID, optID(m.OutboxID), m.Unsubscribe).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("data: store mail: %w", err)
	}
	unread := 0
	if m.Direction == "IN" {
		unread = 1
	}
	if _, err := tx.ExecContext(ctx, `UPDATE mail_threads SET last_at = max(last_at, ?), unread = unread + ? WHERE id = ?`,
		timeText(m.At), unread, m.ThreadID); err != nil {
		return 0, fmt.Errorf("data: store mail: %w", err)
	}
	return id, nil
}

// SetThreadCustomerTx attaches a conversation to a contact.
func SetThreadCustomerTx(ctx context.Context, tx *Tx, threadID, customerID int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE mail_threads SET customer_id = ? WHERE id = ?`, optID(customerID), threadID); err != nil {
		return fmt.Errorf("data: thread %d: %w", threadID, err)
	}
	return nil
}

// MarkThreadReadTx clears a thread's unread count.
func MarkThreadReadTx(ctx context.Context, tx *Tx, threadID int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE mail_threads SET unread = 0 WHERE id = ?`, threadID); err != nil {
		return fmt.Errorf("data: thread %d: %w", threadID, err)
	}
	return nil
}

// MailThread is a conversation, for the list.
type MailThread struct {
	ID, CustomerID   int64
	CustomerName     string
	Subject, Address string
	LastAt           time.Time
	Unread, Count    int
}

// MailThreads lists conversations, the latest first; customerID > 0 lists one contact's.
func MailThreads(ctx context.Context, q Querier, customerID int64, limit int) ([]MailThread, error) {
	if limit <= 0 {
		limit = 200
	}
	where, args := "1", []any{}
	if customerID > 0 {
		where, args = "t.customer_id = ?", append(args, customerID)
	}
	rows, err := q.QueryContext(ctx, `SELECT t.id, coalesce(t.customer_id, 0), coalesce(c.name, ''), t.subject, t.address, t.last_at,
		t.unread, (SELECT count(*) FROM mail_messages m WHERE m.thread_id = t.id)
		FROM mail_threads t LEFT JOIN customers c ON c.id = t.customer_id WHERE `+where+` ORDER BY t.last_at DESC, t.id DESC LIMIT ?`,
		append(args, limit)...)
	if err != nil {
		return nil, fmt.Errorf("data: threads: %w", err)
	}
	defer rows.Close()
	var out []MailThread
	for rows.Next() {
		var t MailThread
		var at string
		if err := rows.Scan(&t.ID, &t.CustomerID, &t.CustomerName, &t.Subject, &t.Address, &at, &t.Unread, &t.Count); err != nil {
			return nil, err
		}
		t.LastAt = parseStoreTime(at)
		out = append(out, t)
	}
	return out, rows.Err()
}

// ThreadMessages lists a conversation's messages, oldest first.
func ThreadMessages(ctx context.Context, q Querier, threadID int64) ([]MailMessage, error) {
	rows, err := q.QueryContext(ctx, `SELECT id, thread_id, direction, message_id, in_reply_to, refs, from_addr, from_name, to_addr,
		subject, body, at, folder, uid_validity, uid, coalesce(outbox_id, 0), unsubscribe
		FROM mail_messages WHERE thread_id = ? ORDER BY at, id`, threadID)
	if err != nil {
		return nil, fmt.Errorf("data: thread %d: %w", threadID, err)
	}
	defer rows.Close()
	var out []MailMessage
	for rows.Next() {
		var m MailMessage
		var at string
		if err := rows.Scan(&m.ID, &m.ThreadID, &m.Direction, &m.MessageID, &m.InReplyTo, &m.Refs, &m.FromAddr, &m.FromName,
			&m.ToAddr, &m.Subject, &m.Body, &at, &m.Folder, &m.UIDValidity, &m.UID, &m.OutboxID, &m.Unsubscribe); err != nil {
			return nil, err
		}
		m.At = parseStoreTime(at)
		out = append(out, m)
	}
	return out, rows.Err()
}

// ThreadByID reads one conversation.
func ThreadByID(ctx context.Context, q Querier, id int64) (MailThread, error) {
	var t MailThread
	var at string
	err := q.QueryRowContext(ctx, `SELECT t.id, coalesce(t.customer_id, 0), coalesce(c.name, ''), t.subject, t.address, t.last_at, t.unread, 0
		FROM mail_threads t LEFT JOIN customers c ON c.id = t.customer_id WHERE t.id = ?`, id).
		Scan(&t.ID, &t.CustomerID, &t.CustomerName, &t.Subject, &t.Address, &at, &t.Unread, &t.Count)
	if errors.Is(err, sql.ErrNoRows) {
		return t, ErrNoRow
	}
	t.LastAt = parseStoreTime(at)
	return t, err
}

// ThreadsOfAddress attaches every conversation with an address and no contact to a contact.
func ThreadsOfAddressTx(ctx context.Context, tx *Tx, address string, customerID int64) error {
	if _, err := tx.ExecContext(ctx, `UPDATE mail_threads SET customer_id = ? WHERE address = ? AND customer_id IS NULL`,
		customerID, strings.ToLower(address)); err != nil {
		return fmt.Errorf("data: threads of %s: %w", address, err)
	}
	return nil
}

// ThreadReplyingTo finds a conversation that already holds a reply to msgID (replies to one campaign
// message join one conversation), 0 when none.
func ThreadReplyingTo(ctx context.Context, q Querier, msgID string) (int64, error) {
	var id int64
	err := q.QueryRowContext(ctx, `SELECT thread_id FROM mail_messages WHERE in_reply_to = ? ORDER BY id LIMIT 1`, msgID).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	if err != nil {
		return 0, fmt.Errorf("data: thread replying to %s: %w", msgID, err)
	}
	return id, nil
}
