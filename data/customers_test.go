package data

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"
)

var soldCodes = []string{"PAYED", "DELIVERING", "DELIVERED", "PURCHASE_DECIDED", "EXCHANGED", "RETURNED"}

// customerMigrations are the embedded migrations (0013 adds the customers' tables).
func customerMigrations(t testing.TB) []migration { return embeddedMigrations() }

type custClock struct{ t time.Time }

func (c *custClock) now() time.Time { return c.t }

func openCustomerStore(t testing.TB) (*Store, *custClock) {
	t.Helper()
	clk := &custClock{t: time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)}
	s, err := openWith(context.Background(), filepath.Join(t.TempDir(), "c.db"), customerMigrations(t), WithClock(clk.now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s, clk
}

// addOrder writes an order with one line straight into the store.
func addOrder(t testing.TB, s *Store, no, buyerID, name, phone string, at time.Time, amount int64, status string) int64 {
	t.Helper()
	var id int64
	err := s.Write(context.Background(), func(tx *Tx) error {
		err := tx.QueryRowContext(context.Background(), `INSERT INTO orders (order_no, ordered_at, paid_at, buyer_name, buyer_id,
			buyer_phone, address, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, '서울시 어딘가', ?, ?) RETURNING id`,
			no, timeText(at), timeText(at), name, buyerID, phone, tx.stamp(), tx.stamp()).Scan(&id)
		if err != nil {
			return err
		}
		_, err = tx.ExecContext(context.Background(), `INSERT INTO order_lines (product_order_no, order_id, product_name, qty,
			amount, status, ordered_at, created_at, updated_at) VALUES (?, ?, '양말', 1, ?, ?, ?, ?, ?)`,
			no+"-1", id, amount, status, timeText(at), tx.stamp(), tx.stamp())
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return id
}

func syncAll(t testing.TB, s *Store) { syncInBatches(t, s, 1000) }

// syncInBatches reads every order into contacts, batch orders to a transaction, as the window's sync does.
func syncInBatches(t testing.TB, s *Store, batch int) {
	t.Helper()
	for {
		var n int
		if err := s.Write(context.Background(), func(tx *Tx) error {
			var err error
			n, err = SyncCustomersBatchTx(context.Background(), tx, batch, soldCodes)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			return
		}
	}
}

func TestCustomerSync(t *testing.T) {
	ctx := context.Background()
	s, _ := openCustomerStore(t)
	day := time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	addOrder(t, s, "A1", "kim01", "김민지", "010-1234-5678", day, 10000, "PAYED")
	addOrder(t, s, "A2", "kim01", "김민지", "010-1234-5678", day.AddDate(0, 0, 3), 5000, "CANCELED")
	addOrder(t, s, "B1", "", "이서준", "010-2222-3333", day, 7000, "DELIVERED")
	addOrder(t, s, "B2", "", "이서준", "01022223333", day.AddDate(0, 0, 1), 3000, "DELIVERED")
	addOrder(t, s, "C1", "", "박하늘", "010-9999-0000", day, 1000, "PAYED")
	syncAll(t, s)

	t.Run("OneContactPerBuyer", func(t *testing.T) {
		n, err := CountCustomers(ctx, s.Read(), CustomerQuery{})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := n, 3; got != want {
			t.Fatalf("contacts = %d, want %d", got, want)
		}
	})
	t.Run("Figures", func(t *testing.T) {
		rows, err := ListCustomers(ctx, s.Read(), CustomerQuery{Search: "민지"})
		if err != nil || len(rows) != 1 {
			t.Fatalf("search 민지: %v %v", rows, err)
		}
		c := rows[0]
		if c.OrderCount != 2 || c.TotalAmount != 10000 || !c.LastOrderAt.Equal(day.AddDate(0, 0, 3)) {
			t.Fatalf("figures = %+v", c)
		}
	})
	t.Run("SearchPhoneTail", func(t *testing.T) {
		rows, err := ListCustomers(ctx, s.Read(), CustomerQuery{Search: "3333"})
		if err != nil || len(rows) != 1 || rows[0].Name != "이서준" || rows[0].TotalAmount != 10000 {
			t.Fatalf("search 3333: %+v %v", rows, err)
		}
	})
	t.Run("DirtyLine", func(t *testing.T) {
		if err := s.Write(ctx, func(tx *Tx) error {
			_, err := tx.ExecContext(ctx, `UPDATE order_lines SET status = 'CANCELED' WHERE product_order_no = 'B1-1'`)
			return err
		}); err != nil {
			t.Fatal(err)
		}
		st, _ := CustomerSyncState(ctx, s.Read())
		if st.Dirty != 1 || st.Pending != 0 {
			t.Fatalf("state = %+v", st)
		}
		syncAll(t, s)
		rows, _ := ListCustomers(ctx, s.Read(), CustomerQuery{Search: "이서"})
		if len(rows) != 1 || rows[0].TotalAmount != 3000 {
			t.Fatalf("after cancel: %+v", rows)
		}
	})
	t.Run("NewOrdersJoin", func(t *testing.T) {
		addOrder(t, s, "A3", "kim01", "김민지", "010-1234-5678", day.AddDate(0, 0, 10), 2000, "PAYED")
		addOrder(t, s, "D1", "choi", "최유리", "010-5555-1212", day.AddDate(0, 0, 10), 2000, "PAYED")
		syncAll(t, s)
		n, _ := CountCustomers(ctx, s.Read(), CustomerQuery{})
		if n != 4 {
			t.Fatalf("contacts = %d, want 4", n)
		}
		rows, _ := ListCustomers(ctx, s.Read(), CustomerQuery{Search: "김민"})
		if len(rows) != 1 || rows[0].OrderCount != 3 || rows[0].TotalAmount != 12000 {
			t.Fatalf("kim = %+v", rows)
		}
	})
}

func TestCustomerMergeSplitUndo(t *testing.T) {
	ctx := context.Background()
	s, _ := openCustomerStore(t)
	day := time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	addOrder(t, s, "A1", "kim01", "김민지", "010-1234-5678", day, 10000, "PAYED")
	addOrder(t, s, "B1", "", "김민지", "010-1234-5678", day, 7000, "PAYED")
	syncAll(t, s)
	ids, _ := CustomerIDs(ctx, s.Read(), CustomerQuery{})
	if len(ids) != 2 {
		t.Fatalf("ids = %v", ids)
	}
	into, from := ids[0], ids[1]
	var mergeID int64
	if err := s.Write(ctx, func(tx *Tx) error {
		if err := SetCustomerTagsTx(ctx, tx, from, []string{"VIP"}); err != nil {
			return err
		}
		if _, err := AddConsentTx(ctx, tx, ConsentRecord{CustomerID: from, Granted: true, At: day, Method: "매장 서면"}); err != nil {
			return err
		}
		var err error
		mergeID, err = MergeCustomersTx(ctx, tx, into, from)
		if err != nil {
			return err
		}
		return RefreshCustomerFiguresTx(ctx, tx, []int64{into, from}, soldCodes)
	}); err != nil {
		t.Fatal(err)
	}
	c, _ := CustomerByID(ctx, s.Read(), into)
	if c.OrderCount != 2 || c.TotalAmount != 17000 || c.Consent != "YES" || len(c.Tags) != 1 {
		t.Fatalf("merged = %+v", c)
	}
	if n, _ := CountCustomers(ctx, s.Read(), CustomerQuery{}); n != 1 {
		t.Fatalf("after merge %d contacts", n)
	}
	if err := s.Write(ctx, func(tx *Tx) error {
		a, b, err := UndoMergeTx(ctx, tx, mergeID)
		if err != nil {
			return err
		}
		return RefreshCustomerFiguresTx(ctx, tx, []int64{a, b}, soldCodes)
	}); err != nil {
		t.Fatal(err)
	}
	c, _ = CustomerByID(ctx, s.Read(), into)
	f, _ := CustomerByID(ctx, s.Read(), from)
	if c.OrderCount != 1 || c.Consent != "" || len(c.Tags) != 0 || f.OrderCount != 1 || f.Consent != "YES" || f.MergedInto != 0 {
		t.Fatalf("undone: %+v / %+v", c, f)
	}
	// split: merge again, then split the second key off
	if err := s.Write(ctx, func(tx *Tx) error {
		if _, err := MergeCustomersTx(ctx, tx, into, from); err != nil {
			return err
		}
		keys, err := CustomerKeys(ctx, tx, into)
		if err != nil || len(keys) != 2 {
			return fmt.Errorf("keys %v %v", keys, err)
		}
		a, b, err := SplitKeyTx(ctx, tx, keys[1].ID)
		if err != nil {
			return err
		}
		if _, _, err := SplitKeyTx(ctx, tx, keys[0].ID); err != ErrOnlyKey {
			return fmt.Errorf("split of the only key: %v", err)
		}
		return RefreshCustomerFiguresTx(ctx, tx, []int64{a, b}, soldCodes)
	}); err != nil {
		t.Fatal(err)
	}
	if n, _ := CountCustomers(ctx, s.Read(), CustomerQuery{}); n != 2 {
		t.Fatalf("after split %d contacts", n)
	}
}

func TestCustomerManualAndEmail(t *testing.T) {
	ctx := context.Background()
	s, _ := openCustomerStore(t)
	var id int64
	if err := s.Write(ctx, func(tx *Tx) error {
		var err error
		id, err = AddCustomerTx(ctx, tx, NewCustomer{Name: "정다은", Phone: "010-4444-1111", Email: "Daeun@Example.com", Source: SourceManual})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"다은", "1111", "daeun@example", "example.com"} {
		rows, err := ListCustomers(ctx, s.Read(), CustomerQuery{Search: q})
		if err != nil || len(rows) != 1 || rows[0].ID != id {
			t.Errorf("search %q = %+v %v", q, rows, err)
		}
	}
	got, err := CustomerByEmail(ctx, s.Read(), "DAEUN@example.com")
	if err != nil || got != id {
		t.Fatalf("by email = %d %v", got, err)
	}
	// a later order of the same name and phone joins the hand-made contact
	addOrder(t, s, "X1", "", "정다은", "010-4444-1111", time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC), 9000, "PAYED")
	syncAll(t, s)
	c, _ := CustomerByID(ctx, s.Read(), id)
	if c.OrderCount != 1 || c.TotalAmount != 9000 {
		t.Fatalf("manual contact after order: %+v", c)
	}
	if n, _ := CountCustomers(ctx, s.Read(), CustomerQuery{}); n != 1 {
		t.Fatalf("contacts = %d", n)
	}
}

func TestOutboxClaimOnce(t *testing.T) {
	ctx := context.Background()
	s, _ := openCustomerStore(t)
	if err := s.Write(ctx, func(tx *Tx) error {
		for i := 0; i < 20; i++ {
			if _, err := QueueMailTx(ctx, tx, OutboxMessage{MessageID: fmt.Sprintf("<%d@t>", i), Kind: "INFO", ToAddr: "a@b.c",
				Subject: "s", Raw: []byte("x")}); err != nil {
				return err
			}
		}
		return nil
	}); err != nil {
		t.Fatal(err)
	}
	seen := make(chan int64, 40)
	done := make(chan error, 2)
	for w := 0; w < 2; w++ {
		go func(w int) {
			for {
				var m OutboxMessage
				var ok bool
				err := s.Write(ctx, func(tx *Tx) error {
					var err error
					m, ok, err = ClaimNextMailTx(ctx, tx, fmt.Sprint("w", w))
					return err
				})
				if err != nil || !ok {
					done <- err
					return
				}
				seen <- m.ID
			}
		}(w)
	}
	for i := 0; i < 2; i++ {
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	close(seen)
	got := map[int64]bool{}
	for id := range seen {
		if got[id] {
			t.Fatalf("message %d claimed twice", id)
		}
		got[id] = true
	}
	if len(got) != 20 {
		t.Fatalf("claimed %d of 20", len(got))
	}
}

func TestCustomerCountsAgree(t *testing.T) {
	ctx := context.Background()
	s, _ := openCustomerStore(t)
	day := time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC)
	for i := 0; i < 30; i++ {
		addOrder(t, s, fmt.Sprint("N", i), fmt.Sprint("b", i%12), "김하나", fmt.Sprintf("010-0000-%04d", i%12), day, int64(1000*(i+1)), "PAYED")
	}
	syncAll(t, s)
	ids, _ := CustomerIDs(ctx, s.Read(), CustomerQuery{})
	if err := s.Write(ctx, func(tx *Tx) error {
		if _, err := AddConsentTx(ctx, tx, ConsentRecord{CustomerID: ids[0], Granted: true, At: day, Method: "전화"}); err != nil {
			return err
		}
		_, err := MergeCustomersTx(ctx, tx, ids[1], ids[2])
		return err
	}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []CustomerQuery{{}, {Consent: "NONE"}, {Search: "김"}, {Search: "하나"}} {
		n, err := CountCustomers(ctx, s.Read(), q)
		if err != nil {
			t.Fatal(err)
		}
		where, args := q.where()
		var want int
		s.Read().QueryRowContext(ctx, `SELECT count(*) FROM customers c WHERE `+where, args...).Scan(&want)
		if n != want {
			t.Errorf("%+v: count %d, by scan %d", q, n, want)
		}
	}
}
