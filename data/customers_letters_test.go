package data

import (
	"context"
	"path/filepath"
	"testing"
	"time"
)

// One letter finds the contacts with that letter in any of their names, alone, with a phone tail, and in
// both of the list's plans (walking its order when the letter is common, collecting when rare); a contact
// merged away is not found, and the count agrees with the list.
func TestCustomerOneLetterSearch(t *testing.T) {
	ctx := context.Background()
	s, _ := openCustomerStore(t)
	day := time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	addOrder(t, s, "A1", "kim01", "김민지", "010-1234-5678", day, 10000, "PAYED")
	addOrder(t, s, "B1", "", "이서준", "010-2222-3333", day, 7000, "DELIVERED")
	addOrder(t, s, "C1", "", "박하늘", "010-9999-5678", day, 1000, "PAYED")
	addOrder(t, s, "D1", "", "김하늘", "010-7777-0000", day, 1000, "PAYED")
	addOrder(t, s, "E1", "lee", "Lee Kim", "010-5555-1111", day, 1000, "PAYED")
	syncAll(t, s)
	names := func(q CustomerQuery) map[string]bool {
		t.Helper()
		rows, err := ListCustomers(ctx, s.Read(), q)
		if err != nil {
			t.Fatal(err)
		}
		n, err := CountCustomers(ctx, s.Read(), q)
		if err != nil {
			t.Fatal(err)
		}
		if n != len(rows) {
			t.Errorf("%q: count %d, list %d", q.Search, n, len(rows))
		}
		out := map[string]bool{}
		for _, r := range rows {
			out[r.Name] = true
		}
		return out
	}
	for _, c := range []struct {
		search string
		want   []string
	}{
		{"김", []string{"김민지", "김하늘"}},
		{"늘", []string{"박하늘", "김하늘"}},
		{"김 5678", []string{"김민지"}},
		{"김 늘", []string{"김하늘"}},
		{"K", []string{"Lee Kim"}},
		{"휴", nil},
	} {
		got := names(CustomerQuery{Search: c.search})
		if len(got) != len(c.want) {
			t.Errorf("%q found %v, want %v", c.search, got, c.want)
		}
		for _, w := range c.want {
			if !got[w] {
				t.Errorf("%q did not find %s (found %v)", c.search, w, got)
			}
		}
		// the walking plan finds the same
		where, args := CustomerQuery{Search: c.search}.whereWalk(true)
		var n int
		if err := s.Read().QueryRowContext(ctx, `SELECT count(*) FROM customers c WHERE `+where, args...).Scan(&n); err != nil || n != len(c.want) {
			t.Errorf("%q walking: %d, %v", c.search, n, err)
		}
	}
	ids, _ := CustomerIDs(ctx, s.Read(), CustomerQuery{Search: "김하늘"})
	all, _ := CustomerIDs(ctx, s.Read(), CustomerQuery{Search: "김민지"})
	if err := s.Write(ctx, func(tx *Tx) error { _, err := MergeCustomersTx(ctx, tx, all[0], ids[0]); return err }); err != nil {
		t.Fatal(err)
	}
	if got := names(CustomerQuery{Search: "늘"}); len(got) != 1 || !got["박하늘"] {
		t.Errorf("after the merge 늘 finds %v", got)
	}
	// a renamed contact is found by its new letters only
	var id int64
	if err := s.Write(ctx, func(tx *Tx) error {
		var err error
		if id, err = AddCustomerTx(ctx, tx, NewCustomer{Name: "최가을"}); err != nil {
			return err
		}
		return UpdateCustomerTx(ctx, tx, id, "최겨울", "", "", "")
	}); err != nil {
		t.Fatal(err)
	}
	if got := names(CustomerQuery{Search: "가"}); len(got) != 0 {
		t.Errorf("가 still finds %v after the rename", got)
	}
	if got := names(CustomerQuery{Search: "겨"}); len(got) != 1 || !got["최겨울"] {
		t.Errorf("겨 finds %v", got)
	}
	var stale int
	s.Read().QueryRowContext(ctx, `SELECT count(*) FROM customer_letters WHERE customer_id = ? AND letter = '가'`, id).Scan(&stale)
	if stale != 0 {
		t.Errorf("%d stale letters left", stale)
	}
}

// Migration 0017 carries the letters the lookup index held into customer_letters and keeps the index's
// pairs, tails and emails.
func TestMigration0017KeepsLookups(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "m.db")
	var before []migration
	for _, m := range embeddedMigrations() {
		if m.step < 17 {
			before = append(before, m)
		}
	}
	clk := WithClock((&custClock{t: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)}).now)
	s, err := openWith(ctx, path, before, clk)
	if err != nil {
		t.Fatal(err)
	}
	if err := s.Write(ctx, func(tx *Tx) error {
		for _, q := range []string{
			`INSERT INTO customers (id, name, phone, created_at, updated_at) VALUES (1, '김민지', '010-1234-5678', '', ''), (2, '이서준', '', '', '')`,
			`INSERT INTO customer_search (rowid, name_chars, name_pairs, tails, emails) VALUES
				(1, '김 민 지', '김민 민지', '5678', 'minji naver com'), (2, '이 서 준 이', '이서 서준', '', '')`,
		} {
			if _, err := tx.ExecContext(ctx, q); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	s.Close()
	s, err = openWith(ctx, path, embeddedMigrations(), clk)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var letters string
	if err := s.Read().QueryRowContext(ctx, `SELECT group_concat(customer_id || letter, ',') FROM
		(SELECT * FROM customer_letters ORDER BY customer_id, letter)`).Scan(&letters); err != nil {
		t.Fatal(err)
	}
	if want := "1김,1민,1지,2서,2이,2준"; letters != want {
		t.Errorf("letters = %q, want %q", letters, want)
	}
	for search, want := range map[string]int{"김": 1, "민지": 1, "5678": 1, "minji@naver.com": 1, "서준": 1, "이": 1} {
		if n, err := CountCustomers(ctx, s.Read(), CustomerQuery{Search: search}); err != nil || n != want {
			t.Errorf("%q after 0017: %d, %v", search, n, err)
		}
	}
}
