package data

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// StoreProfile is the seller's own business as printed on purchase orders, return labels and emails.
type StoreProfile struct {
	Name           string // 상호
	Owner          string // 대표자
	BusinessNo     string // 사업자등록번호, as 123-45-67890
	MailOrderNo    string // 통신판매업 신고번호
	Address        string // 사업장 주소
	Phone          string // 연락처
	Email          string
	ReturnPostcode string // 반품 우편번호
	ReturnAddress  string // 반품 주소
}

// Profile reads the store profile; a store that never saved one returns the zero profile.
func (s *Store) Profile(ctx context.Context) (StoreProfile, error) {
	return ProfileTx(ctx, s.r)
}

// ProfileTx is Profile through any querier, e.g. inside a transaction.
func ProfileTx(ctx context.Context, q Querier) (StoreProfile, error) {
	var p StoreProfile
	err := q.QueryRowContext(ctx, `
		SELECT name, owner, business_no, mail_order_no, address, phone, email, return_postcode, return_address
		FROM store_profile WHERE id = 1`).
		Scan(&p.Name, &p.Owner, &p.BusinessNo, &p.MailOrderNo, &p.Address, &p.Phone, &p.Email,
			&p.ReturnPostcode, &p.ReturnAddress)
	if errors.Is(err, sql.ErrNoRows) {
		return StoreProfile{}, nil
	}
	if err != nil {
		return StoreProfile{}, fmt.Errorf("data: read store profile: %w", err)
	}
	return p, nil
}

// SaveProfileTx writes the store profile inside a transaction the caller holds.
func SaveProfileTx(ctx context.Context, tx *Tx, p StoreProfile) error {
	_, err := tx.ExecContext(ctx, `
		INSERT INTO store_profile (id, name, owner, business_no, mail_order_no, address, phone, email,
			return_postcode, return_address, updated_at)
		VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT (id) DO UPDATE SET
			name = excluded.name, owner = excluded.owner, business_no = excluded.business_no,
			mail_order_no = excluded.mail_order_no, address = excluded.address, phone = excluded.phone,
			email = excluded.email, return_postcode = excluded.return_postcode,
			return_address = excluded.return_address, updated_at = excluded.updated_at`,
		p.Name, p.Owner, p.BusinessNo, p.MailOrderNo, p.Address, p.Phone, p.Email,
		p.ReturnPostcode, p.ReturnAddress, tx.stamp())
	if err != nil {
		return fmt.Errorf("data: save store profile: %w", err)
	}
	return nil
}

// IsEmpty reports whether the seller has stored anything yet: no profile and no business rows. Later areas
// add their tables to businessTables.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	for _, table := range businessTables {
		var n int
		// table names come from the constant list below, never from input.
		if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM (SELECT 1 FROM `+table+` LIMIT 1)`).Scan(&n); err != nil {
			return false, fmt.Errorf("data: count %s: %w", table, err)
		}
		if n > 0 {
			return false, nil
		}
	}
	return true, nil
}

// businessTables are the tables whose rows make a store "not empty" (settings alone do not).
var businessTables = []string{"store_profile", "products", "categories", "suppliers"}
