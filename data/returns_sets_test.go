package data

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"
)

// setBook is an order whose lines carry made-up status codes, one line per code, each of a matched option
// and ordered on testDay: a query that follows the set it is given finds exactly the lines of that set; one
// that kept a list of its own (of real codes) finds none or the wrong ones.
func setBook(t *testing.T, codes ...string) (*Store, map[string]int64) {
	t.Helper()
	s := openTemp(t)
	ctx := context.Background()
	ids := map[string]int64{}
	err := s.Write(ctx, func(tx *Tx) error {
		now := tx.stamp()
		var pid, oid int64
		if err := tx.QueryRowContext(ctx, `INSERT INTO products (code, name, price, status, created_at, updated_at)
			VALUES ('P1', '셔츠', 10000, 'SALE', ?, ?) RETURNING id`, now, now).Scan(&pid); err != nil {
			return err
		}
		if err := tx.QueryRowContext(ctx, `INSERT INTO product_options (product_id) VALUES (?) RETURNING id`, pid).Scan(&oid); err != nil {
			return err
		}
		order, err := SaveOrderTx(ctx, tx, OrderRecord{OrderNo: "ORD1", OrderedAt: testDay})
		if err != nil {
			return err
		}
		for i, c := range codes {
			id, err := InsertLineTx(ctx, tx, OrderLineRecord{OrderID: order, ProductOrderNo: "PO" + c, OptionID: oid,
				ProductName: "셔츠", Qty: int64(i + 1), Status: c, Placing: "OK", OrderedAt: testDay})
			if err != nil {
				return err
			}
			ids[c] = id
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return s, ids
}

func TestQueriesFollowTheSetTheyAreGiven(t *testing.T) {
	ctx := context.Background()
	s, ids := setBook(t, "X_ONE", "X_TWO", "X_THREE")
	for _, set := range [][]string{{"X_ONE"}, {"X_TWO", "X_THREE"}, {"X_ONE", "X_TWO", "X_THREE"}, {}, nil} {
		name := strings.Join(set, "+")
		var want []int64
		var wantQty int64
		for i, c := range []string{"X_ONE", "X_TWO", "X_THREE"} {
			if slices.Contains(set, c) {
				want = append(want, ids[c])
				wantQty += int64(i + 1)
			}
		}
		t.Run("ClaimedLines "+name, func(t *testing.T) {
			lines, err := ClaimedLines(ctx, s.Read(), set)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, l := range lines {
				got = append(got, l.ID)
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("got lines %v, want %v", got, want)
			}
		})
		t.Run("DeliveredLinesSince "+name, func(t *testing.T) {
			pairs, err := DeliveredLinesSince(ctx, s.Read(), testDay.Add(-time.Hour), 10, set)
			if err != nil {
				t.Fatal(err)
			}
			var got []int64
			for _, p := range pairs {
				got = append(got, p[0])
			}
			slices.Sort(got)
			if !slices.Equal(got, want) {
				t.Errorf("got lines %v, want %v", got, want)
			}
		})
		t.Run("ReturnStatsBy "+name, func(t *testing.T) {
			stats, err := ReturnStatsBy(ctx, s.Read(), "product", testDay.Add(-time.Hour), testDay.Add(time.Hour), set)
			if err != nil {
				t.Fatal(err)
			}
			var sold int64
			for _, st := range stats {
				sold += st.Sold
			}
			if sold != wantQty {
				t.Errorf("sold %d pieces, want %d", sold, wantQty)
			}
		})
	}
}

func TestDeliveredAtFollowsTheCodeItIsGiven(t *testing.T) {
	ctx := context.Background()
	s, ids := setBook(t, "X_ONE")
	line := ids["X_ONE"]
	if err := s.Write(ctx, func(tx *Tx) error { return AddStatusChangeTx(ctx, tx, line, "X_GONE", "X_HERE", "", "test") }); err != nil {
		t.Fatal(err)
	}
	if at, err := DeliveredAt(ctx, s.Read(), line, "X_HERE"); err != nil || !at.Equal(testDay) {
		t.Errorf("delivered at = %v, %v; want the move to X_HERE at %v", at, err, testDay)
	}
	if at, err := DeliveredAt(ctx, s.Read(), line, "X_ELSEWHERE"); err != nil || !at.IsZero() {
		t.Errorf("delivered at = %v, %v; want zero: no move to that code and no shipping date", at, err)
	}
}

// TestNewOrdersIndexConstants holds the 신규주문 index hint to the index migration 0003 defines.
func TestNewOrdersIndexConstants(t *testing.T) {
	sqlText, err := os.ReadFile(filepath.Join("migrations", "0003_orders.sql"))
	if err != nil {
		t.Fatal(err)
	}
	want := "WHERE status = '" + newOrdersIndexStatus + "' AND placing = '" + newOrdersIndexPlacing + "'"
	if !strings.Contains(string(sqlText), "order_lines_new") || !strings.Contains(string(sqlText), want) {
		t.Errorf("migration 0003 does not define order_lines_new %s", want)
	}
}
