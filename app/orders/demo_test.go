package orders

import (
	"context"
	"math/rand/v2"
	"testing"
	"time"

	"sellerdesk/app/catalog"
	"sellerdesk/data"
)

func TestFillDemo(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	now := time.Date(2026, 11, 24, 15, 0, 0, 0, time.Local)
	err := d.store.Write(ctx, func(tx *data.Tx) error {
		rng := rand.New(rand.NewPCG(1, 2))
		if err := catalog.FillDemo(ctx, tx, rng); err != nil {
			return err
		}
		return FillDemo(ctx, tx, rng, 1500, now)
	})
	if err != nil {
		t.Fatal(err)
	}
	db := d.store.Read()
	var orders int
	var oldest, newest string
	db.QueryRow(`SELECT count(*), min(ordered_at), max(ordered_at) FROM orders`).Scan(&orders, &oldest, &newest)
	if orders != 1500 {
		t.Errorf("orders = %d, want 1500", orders)
	}
	o, _ := time.Parse(data.TimeLayout, oldest)
	n, _ := time.Parse(data.TimeLayout, newest)
	if now.Sub(o) < 300*24*time.Hour || now.Sub(n) > 24*time.Hour {
		t.Errorf("orders span %s … %s, want about twelve months up to today", oldest, newest)
	}
	rows, _ := db.Query(`SELECT status, count(*) FROM order_lines GROUP BY status`)
	seen := map[string]int{}
	for rows.Next() {
		var s string
		var c int
		rows.Scan(&s, &c)
		seen[s] = c
	}
	rows.Close()
	for _, st := range Statuses {
		if seen[string(st)] == 0 {
			t.Errorf("no demo line is %s (%v)", st.Label(), seen)
		}
	}
	var negative, unmatched, history, lines int
	db.QueryRow(`SELECT count(*) FROM product_options WHERE stock < 0`).Scan(&negative)
	db.QueryRow(`SELECT count(*) FROM order_lines WHERE option_id IS NULL`).Scan(&unmatched)
	db.QueryRow(`SELECT count(DISTINCT line_id), (SELECT count(*) FROM order_lines) FROM order_status_history`).Scan(&history, &lines)
	if negative != 0 {
		t.Errorf("%d options below zero", negative)
	}
	if unmatched == 0 {
		t.Error("no unmatched lines for the 상품 연결 screen")
	}
	if history != lines {
		t.Errorf("%d of %d lines have a history", history, lines)
	}
	if mism, _ := d.catalog.LedgerMismatches(ctx); len(mism) != 0 {
		t.Errorf("ledger mismatches %v", mism)
	}
	got, err := d.orders.Find(ctx, Query{Search: "민지"})
	if err != nil || len(got) == 0 {
		t.Errorf("demo orders are not searchable: %v", err)
	}
}
