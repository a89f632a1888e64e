package sales

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"sellerdesk/data"
)

// A year of 반품완료 imported today counts each return on its claim's own day (클레임 요청일), not on the day
// of the import; a later file with another claim day moves it; a line that stops being 반품 leaves; the
// check still passes at every step.
func TestImportedReturnsCountOnTheirClaimDay(t *testing.T) {
	d := newDesk(t, time.Date(2026, 11, 24, 10, 0, 0, 0, kst))
	returned := func(pono, order, buyer string, amount int64, paidAt, claimAt string) row {
		return paid(pono, order, buyer, "린넨 셔츠", 1, amount, paidAt).with("주문상태", "반품완료",
			"택배사", "CJ대한통운", "송장번호", "6"+pono[1:]+"0000000", "발송일", paidAt, "클레임 요청일", claimAt)
	}
	d.importRows(
		returned("P0001", "O0001", "김민지", 30000, "2026-03-02 10:00:00", "2026-03-10 09:00:00"),
		returned("P0002", "O0002", "이준", 45000, "2026-06-01 10:00:00", "2026-06-12 23:30:00"), // 23:30 KST: still the 12th
		paid("P0003", "O0003", "박서연", "코튼 양말", 1, 8000, "2026-11-20 10:00:00"),
	)
	d.checked()
	for _, c := range []struct {
		from, to string
		refunds  int64
	}{
		{"2026-03-10", "2026-03-10", 30000},
		{"2026-06-12", "2026-06-12", 45000},
		{"2026-03-01", "2026-03-09", 0},
		{"2026-11-24", "2026-11-24", 0}, // the import's day: nothing lands here any more
		{"2025-12-01", "2026-11-24", 75000},
	} {
		if got := d.figures(c.from, c.to).Refunds; got != c.refunds {
			t.Errorf("refunds %s – %s = %d, want %d", c.from, c.to, got, c.refunds)
		}
	}
	// the sales still count on the payment day; the refund is taken from March's 순매출, by its payment method
	if f := d.figures("2026-03-01", "2026-03-31"); f.Gross != 30000 || f.Net != 0 {
		t.Errorf("March: gross %d net %d, want 30000 and 0", f.Gross, f.Net)
	}
	b, err := d.sales.Breakdown(context.Background(), d.period("2026-06-01", "2026-06-30"), ByPayment, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Rows) != 1 || b.Rows[0].Label != "신용카드" || b.Rows[0].Refunds != 45000 {
		t.Errorf("June by payment: %+v", b.Rows)
	}

	// a later file says O0002 was paid by 계좌이체 (the import keeps the claim day it first learnt); then the
	// line's claim day itself changes to 15 June (as a correction writes it)
	d.clock.Advance(24 * time.Hour)
	d.importRows(returned("P0002", "O0002", "이준", 45000, "2026-06-01 10:00:00", "2026-06-12 23:30:00").with("결제수단", "계좌이체"))
	d.checked()
	err = d.store.Write(context.Background(), func(tx *data.Tx) error {
		_, err := tx.ExecContext(context.Background(), `UPDATE order_lines SET claim_at = '2026-06-15T02:00:00.000Z' WHERE product_order_no = 'P0002'`)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	d.checked()
	if got := d.figures("2026-06-12", "2026-06-12").Refunds; got != 0 {
		t.Errorf("12 June after the new claim day: refunds %d, want 0", got)
	}
	if got := d.figures("2026-06-15", "2026-06-15").Refunds; got != 45000 {
		t.Errorf("15 June: refunds %d, want 45000", got)
	}
	b, err = d.sales.Breakdown(context.Background(), d.period("2026-06-01", "2026-06-30"), ByPayment, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if len(b.Rows) != 1 || b.Rows[0].Label != "계좌이체" || b.Rows[0].Refunds != 45000 {
		t.Errorf("June by payment after the order changed: %+v", b.Rows)
	}

	// a 반품 line without a claim day (moved here) counts on the day it became 반품, as before
	d.move("P0003", "DELIVERING")
	d.move("P0003", "RETURNED")
	d.checked()
	today := d.sales.Today().Format(time.DateOnly)
	if got := d.figures(today, today).Refunds; got != 8000 {
		t.Errorf("a line moved to 반품 today: refunds today %d, want 8000", got)
	}
	// the rebuild makes the same claim days again
	if err := d.sales.Rebuild(context.Background()); err != nil {
		t.Fatal(err)
	}
	d.checked()
	if got := d.figures("2026-06-15", "2026-06-15").Refunds; got != 45000 {
		t.Errorf("15 June after a rebuild: refunds %d, want 45000", got)
	}
	if got := d.figures(today, today).Refunds; got != 8000 {
		t.Errorf("today after a rebuild: refunds %d, want 8000", got)
	}
}

// The check notices a claim whose day, amount or order figures differ from its line's, a claims-per-day row
// that differs from the claims, a buyer's previous day that is not the previous day, and a daily table that
// lacks a fact, holds a row the lines do not explain or a figure that differs.
func TestCheckSeesClaimAndBuyerDrift(t *testing.T) {
	d := newDesk(t, time.Date(2026, 11, 24, 10, 0, 0, 0, kst))
	d.importRows(
		paid("P0001", "O0001", "김민지", "린넨 셔츠", 1, 30000, "2026-03-02 10:00:00").with("주문상태", "반품완료",
			"택배사", "CJ대한통운", "송장번호", "600000000001", "발송일", "2026-03-02 10:00:00", "클레임 요청일", "2026-03-10 09:00:00"),
		paid("P0002", "O0002", "이준", "린넨 셔츠", 1, 30000, "2026-03-02 10:00:00"),
		paid("P0003", "O0003", "이준", "린넨 셔츠", 1, 30000, "2026-04-02 10:00:00"),
	)
	d.checked()
	for _, c := range []struct{ name, drift, want string }{
		{"claim day", `UPDATE sales_claims SET day = '2026-03-11'`, "sales_claims"},
		{"claim amount", `UPDATE sales_claims SET amount = 1`, "sales_claims"},
		{"claims per day", `UPDATE sales_claim_day SET amount = amount + 1`, "sales_claim_day"},
		{"buyer's previous day", `UPDATE sales_day_buyer SET prev = '' WHERE day = '2026-04-02'`, "sales_day_buyer "},
		{"buyers by day and previous day", `UPDATE sales_day_buyer_prevs SET buyers = buyers + 1`, "sales_day_buyer_prevs"},
		// the daily tables, both ways: a fact the table lacks, a row the lines do not explain, a figure
		{"a day's items missing", `DELETE FROM sales_day_item`, "sales_day_item"},
		{"a place nobody ordered from", `INSERT INTO sales_day_place (day, region, hour, orders, gross) VALUES ('2020-01-01', '서울', 3, 1, 100)`, "sales_day_place"},
		{"a month's quantity", `UPDATE sales_month_item SET qty = qty + 1`, "sales_month_item"},
		{"a buyer's 결제금액", `UPDATE sales_day_buyer SET gross = gross + 1 WHERE day = '2026-04-02'`, "sales_day_buyer "},
	} {
		t.Run(c.name, func(t *testing.T) {
			err := d.store.Write(context.Background(), func(tx *data.Tx) error {
				if _, err := tx.ExecContext(context.Background(), c.drift); err != nil {
					return err
				}
				bad, err := data.SalesMismatches(context.Background(), tx, 20, "RETURNED")
				if err != nil {
					return err
				}
				if len(bad) == 0 || !containsPrefix(bad, c.want) {
					t.Errorf("check after %q: %v, want a %s finding", c.drift, bad, c.want)
				}
				return errRollback
			})
			if err != errRollback {
				t.Fatal(err)
			}
		})
	}
	d.checked()
}

var errRollback = fmt.Errorf("roll back")

func containsPrefix(list []string, prefix string) bool {
	for _, s := range list {
		if len(s) >= len(prefix) && s[:len(prefix)] == prefix {
			return true
		}
	}
	return false
}

// Distinct, new and returning buyers, and the top buyers, over periods that cut through buyers' histories:
// a buyer counts once however many days she bought in the period; new means her first order ever is in it;
// the top buyers are ranked by their whole period, not by their best day.
func TestBuyerCountsAndTopBuyers(t *testing.T) {
	d := newDesk(t, time.Date(2026, 11, 24, 10, 0, 0, 0, kst))
	d.importRows(
		paid("P0001", "O0001", "김민지", "린넨 셔츠", 1, 10000, "2026-11-01 10:00:00"),
		paid("P0002", "O0002", "김민지", "린넨 셔츠", 1, 10000, "2026-11-05 10:00:00"),
		paid("P0003", "O0003", "김민지", "린넨 셔츠", 1, 10000, "2026-11-09 10:00:00"),
		paid("P0004", "O0004", "이준", "린넨 셔츠", 1, 25000, "2026-11-05 10:00:00"),
		paid("P0005", "O0005", "박서연", "린넨 셔츠", 1, 15000, "2026-11-09 10:00:00"),
		paid("P0006", "O0006", "박서연", "린넨 셔츠", 1, 15000, "2026-10-20 10:00:00"),
	)
	d.checked()
	ctx := context.Background()
	for _, c := range []struct {
		from, to      string
		buyers, fresh int64
		top           string
	}{
		{"2026-11-01", "2026-11-30", 3, 2, "김민지 30000, 이준 25000, 박서연 15000"},
		{"2026-11-05", "2026-11-09", 3, 1, "이준 25000, 김민지 20000, 박서연 15000"}, // 김민지 bought before: not new
		{"2026-11-02", "2026-11-08", 2, 1, "이준 25000, 김민지 10000"},
		{"2026-10-01", "2026-11-30", 3, 3, "김민지 30000, 박서연 30000, 이준 25000"},
		{"2026-11-10", "2026-11-30", 0, 0, ""},
	} {
		b, err := d.sales.BuyerCounts(ctx, d.period(c.from, c.to))
		if err != nil {
			t.Fatal(err)
		}
		if b.Buyers != c.buyers || b.New != c.fresh || b.Returning != c.buyers-c.fresh {
			t.Errorf("%s – %s: buyers %+v, want %d, %d new", c.from, c.to, b, c.buyers, c.fresh)
		}
		top, err := data.SalesTopBuyers(ctx, d.store.Read(), data.SalesRange{From: c.from, To: c.to}, 3)
		if err != nil {
			t.Fatal(err)
		}
		got := ""
		for i, x := range top {
			if i > 0 {
				got += ", "
			}
			got += fmt.Sprintf("%s %d", strings.TrimSuffix(strings.TrimPrefix(x.Buyer, "i:"), "_id"), x.Gross)
		}
		if got != c.top {
			t.Errorf("%s – %s: top buyers %q, want %q", c.from, c.to, got, c.top)
		}
	}
}
