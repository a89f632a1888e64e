package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// Setting reads one key/value setting; ok is false when it was never set.
func (s *Store) Setting(ctx context.Context, key string) (value string, ok bool, err error) {
	err = s.r.QueryRowContext(ctx, `SELECT value FROM settings WHERE key = ?`, key).Scan(&value)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("data: read setting %s: %w", key, err)
	}
	return value, true, nil
}

// SetSetting stores one key/value setting.
func (s *Store) SetSetting(ctx context.Context, key, value string) error {
	return s.Write(ctx, func(tx *Tx) error {
		return SetSettingTx(ctx, tx, key, value)
	})
}

// SetSettingTx stores one setting inside a transaction the caller already holds.
func SetSettingTx(ctx context.Context, tx *Tx, key, value string) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)
		ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
		key, value, tx.stamp())
	if err != nil {
		return fmt.Errorf("data: write setting %s: %w", key, err)
	}
	return nil
}
