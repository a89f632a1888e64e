package data

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"
)

// TestSalesBulkEqualsPerRow writes random histories straight into the store, some transactions per row and
// some in bulk mode (inserts, moves, re-pricing and deletes of lines, lines moved to another order, orders
// re-dated, re-addressed and deleted, the same order many times in one transaction), and checks after every
// transaction that the aggregates equal the recomputation; and, inside a bulk transaction before the
// flush, that the check sees the step unfinished.
func TestSalesBulkEqualsPerRow(t *testing.T) {
	for seed := uint64(1); seed <= 4; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { salesBulkHistory(t, seed) })
	}
}

func salesBulkHistory(t *testing.T, seed uint64) {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(seed, 14))
	s, clk := openCustomerStore(t)
	statuses := append([]string{"PAYMENT_WAITING", "CANCELED"}, soldCodes...)
	var refs []int64
	err := s.Write(ctx, func(tx *Tx) error {
		for i := 0; i < 3; i++ {
			var id int64
			if err := tx.QueryRowContext(ctx, `INSERT INTO order_products (product_name, option_info) VALUES (?, '') RETURNING id`,
				fmt.Sprint("상품", i)).Scan(&id); err != nil {
				return err
			}
			refs = append(refs, id)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	orders, lines := 0, 0
	at := func() string {
		return timeText(time.Date(2026, 11, 1+r.IntN(20), r.IntN(24), r.IntN(60), 0, 0, time.UTC))
	}
	ids := func(tx *Tx, table string) []int64 {
		rows, err := tx.QueryContext(ctx, `SELECT id FROM `+table+` ORDER BY id`)
		if err != nil {
			t.Fatal(err)
		}
		defer rows.Close()
		var out []int64
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			out = append(out, id)
		}
		return out
	}
	step := func(tx *Tx) error {
		os, ls := ids(tx, "orders"), ids(tx, "order_lines")
		pick := func(xs []int64) int64 { return xs[r.IntN(len(xs))] }
		var q string
		var args []any
		switch k := r.IntN(12); {
		case k < 2 || len(os) == 0:
			orders++
			paid := ""
			if r.IntN(4) > 0 {
				paid = at()
			}
			q, args = `INSERT INTO orders (order_no, ordered_at, paid_at, buyer_name, buyer_id, address, payment_method, shipping_fee,
				country, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
				[]any{fmt.Sprint("O", orders), at(), paid, []string{"김", "이", "박"}[r.IntN(3)], []string{"", "id1", "id2"}[r.IntN(3)],
					[]string{"서울 마포구", "부산 해운대구", "제주 1"}[r.IntN(3)], []string{"카드", "현금"}[r.IntN(2)], 3000 * r.IntN(2),
					[]string{"KR", "KR", "US"}[r.IntN(3)], tx.stamp(), tx.stamp()}
		case k < 5 || len(ls) == 0:
			lines++
			var ref any
			if r.IntN(4) > 0 {
				ref = pick(refs)
			}
			q, args = `INSERT INTO order_lines (product_order_no, order_id, product_name, product_ref, qty, amount, status, ordered_at,
				created_at, updated_at) VALUES (?, ?, '양말', ?, ?, ?, ?, ?, ?, ?)`,
				[]any{fmt.Sprint("P", lines), pick(os), ref, 1 + r.IntN(3), 1000 * (1 + r.IntN(50)),
					statuses[r.IntN(len(statuses))], at(), tx.stamp(), tx.stamp()}
		case k < 7:
			q, args = `UPDATE order_lines SET status = ?, updated_at = ? WHERE id = ?`,
				[]any{statuses[r.IntN(len(statuses))], tx.stamp(), pick(ls)}
		case k < 8:
			q, args = `UPDATE order_lines SET qty = ?, amount = ?, product_ref = ? WHERE id = ?`,
				[]any{1 + r.IntN(3), 1000 * (1 + r.IntN(50)), pick(refs), pick(ls)}
		case k < 9:
			q, args = `UPDATE order_lines SET order_id = ? WHERE id = ?`, []any{pick(os), pick(ls)}
		case k < 10:
			q, args = `DELETE FROM order_lines WHERE id = ?`, []any{pick(ls)}
		case k < 11:
			q, args = `UPDATE orders SET paid_at = ?, address = ?, buyer_name = ?, shipping_fee = ? WHERE id = ?`,
				[]any{at(), []string{"서울 강남구", "대구 중구"}[r.IntN(2)], []string{"김", "최"}[r.IntN(2)], 2500 * r.IntN(3), pick(os)}
		default:
			q, args = `DELETE FROM orders WHERE id = ?`, []any{pick(os)}
		}
		_, err := tx.ExecContext(ctx, q, args...)
		return err
	}
	for txn := 0; txn < 30; txn++ {
		clk.t = clk.t.Add(time.Duration(r.IntN(40)) * time.Hour)
		bulk := r.IntN(3) > 0
		err := s.Write(ctx, func(tx *Tx) error {
			if bulk {
				started, err := BeginSalesBulkTx(ctx, tx)
				if err != nil || !started {
					return fmt.Errorf("begin: %t %v", started, err)
				}
				// a nested begin does not start it again: only the outer step flushes
				if again, err := BeginSalesBulkTx(ctx, tx); err != nil || again {
					return fmt.Errorf("nested begin: %t %v", again, err)
				}
			}
			for n := 1 + r.IntN(25); n > 0; n-- {
				if err := step(tx); err != nil {
					return err
				}
			}
			if bulk {
				if bad, err := SalesMismatches(ctx, tx, 5, "RETURNED"); err != nil || len(bad) == 0 {
					return fmt.Errorf("check before the flush: %v %v; want the step unfinished", bad, err)
				}
				return FlushSalesBulkTx(ctx, tx)
			}
			return nil
		})
		if err != nil {
			t.Fatalf("transaction %d (bulk %t): %v", txn, bulk, err)
		}
		bad, err := SalesMismatches(ctx, s.Read(), 10, "RETURNED")
		if err != nil {
			t.Fatal(err)
		}
		if len(bad) > 0 {
			t.Fatalf("transaction %d (bulk %t): aggregates differ from the lines: %v", txn, bulk, bad)
		}
	}
}

// TestSalesImportNotesOrders drives the import's bulk mode as an import does — a known order gets new lines,
// a new order gets lines, figures are put back midway and the known order is written again after that, a
// line is updated by its trigger — and checks the triggers are gone meanwhile, back after, and the figures
// equal a recomputation after the flush.
func TestSalesImportNotesOrders(t *testing.T) {
	ctx := context.Background()
	s, _ := openCustomerStore(t)
	at := time.Date(2026, 11, 18, 9, 0, 0, 0, time.UTC)
	known := addOrder(t, s, "O1", "id1", "김", "010-1", at, 5000, "PAYED")
	countTriggers := func(q Querier) int {
		var n int
		if err := q.QueryRowContext(ctx, `SELECT count(*) FROM sqlite_master WHERE type = 'trigger' AND name IN (`+
			placeholders(len(salesImportTriggers))+`)`, anys(salesImportTriggers)...).Scan(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	line := func(tx *Tx, no string, order int64, amount int64, status string) {
		t.Helper()
		if _, err := InsertLineTx(ctx, tx, OrderLineRecord{ProductOrderNo: no, OrderID: order, ProductName: "양말", Qty: 1,
			Amount: amount, Status: status, Placing: "NOT_YET", OrderedAt: at}); err != nil {
			t.Fatal(err)
		}
	}
	err := s.Write(ctx, func(tx *Tx) error {
		si, err := BeginSalesImportTx(ctx, tx)
		if err != nil {
			return err
		}
		if n := countTriggers(tx); n != 0 {
			t.Errorf("%d insert triggers during the import, want 0", n)
		}
		if err := si.NoteOrderTx(ctx, tx, known, false); err != nil {
			return err
		}
		line(tx, "O1-2", known, 3000, "PAYED")
		id, err := InsertOrderTx(ctx, tx, OrderRecord{OrderNo: "O2", OrderedAt: at, PaidAt: at, BuyerName: "이", Address: "부산 1"})
		if err != nil {
			return err
		}
		if err := si.NoteOrderTx(ctx, tx, id, true); err != nil {
			return err
		}
		line(tx, "O2-1", id, 7000, "PAYED")
		line(tx, "O2-2", id, 1000, "CANCELED")
		if si.Noted() != 2 {
			t.Errorf("noted %d orders, want 2", si.Noted())
		}
		if err := si.PutBackTx(ctx, tx); err != nil {
			return err
		}
		// written again after the put-back: noted (taken out) again
		if err := si.NoteOrderTx(ctx, tx, known, false); err != nil {
			return err
		}
		line(tx, "O1-3", known, 2000, "DELIVERED")
		if _, err := tx.ExecContext(ctx, `UPDATE order_lines SET status = 'CANCELED' WHERE product_order_no = 'O2-1'`); err != nil {
			return err
		}
		if bad, err := SalesMismatches(ctx, tx, 5, "RETURNED"); err != nil || len(bad) == 0 {
			t.Errorf("check before the flush: %v %v; want the step unfinished", bad, err)
		}
		return si.FlushTx(ctx, tx)
	})
	if err != nil {
		t.Fatal(err)
	}
	if n := countTriggers(s.Read()); n != len(salesImportTriggers) {
		t.Errorf("%d insert triggers after the import, want %d", n, len(salesImportTriggers))
	}
	bad, err := SalesMismatches(ctx, s.Read(), 10, "RETURNED")
	if err != nil || len(bad) > 0 {
		t.Errorf("figures differ from a recomputation: %v %v", bad, err)
	}
	var gross int64
	if err := s.Read().QueryRow(`SELECT coalesce(sum(gross), 0) FROM sales_day`).Scan(&gross); err != nil || gross != 10000 {
		t.Errorf("gross = %d %v, want 5,000 + 3,000 + 2,000 (O2's lines cancelled)", gross, err)
	}
}
