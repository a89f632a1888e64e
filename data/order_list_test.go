package data

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"
)

// TestOrderListWalkAndFetchAgree checks that the two ways of reading a page (walking the date index when
// matches are many, fetching the matches when few) find the same lines in the same order.
func TestOrderListWalkAndFetchAgree(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "s.db"), testClock())
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	names := []string{"김민지", "홍길동", "박서준", "김서연", "홍다은"}
	products := []string{"오버핏 셔츠", "린넨 셔츠", "머그컵", "울 코트"}
	pays := []string{"신용카드", "계좌이체"}
	start := time.Date(2026, 1, 1, 9, 0, 0, 0, time.UTC)
	err = s.Write(ctx, func(tx *Tx) error {
		for i := 0; i < 60; i++ {
			o := OrderRecord{OrderNo: fmt.Sprintf("ORD%04d", i), OrderedAt: start.Add(time.Duration(i*53%60) * 24 * time.Hour),
				BuyerName: names[i%len(names)], RecipientName: names[(i+1)%len(names)],
				RecipientPhone1: fmt.Sprintf("010-1234-%04d", i%7), PaymentMethod: pays[i%2], Channel: "스마트스토어"}
			oid, err := SaveOrderTx(ctx, tx, o)
			if err != nil {
				return err
			}
			ref, err := ProductRefTx(ctx, tx, products[i%len(products)], "")
			if err != nil {
				return err
			}
			st := []string{"PAYED", "DELIVERING", "PURCHASE_DECIDED"}[i%3]
			l := OrderLineRecord{OrderID: oid, ProductOrderNo: fmt.Sprintf("PO%06d", i), ProductName: products[i%len(products)],
				ProductRef: ref, Qty: 1, Status: st, Placing: []string{"NOT_YET", "OK"}[i%2], OrderedAt: o.OrderedAt,
				PaymentMethod: o.PaymentMethod, Channel: o.Channel, TrackingNo: fmt.Sprintf("T%09d", i)}
			id, err := InsertLineTx(ctx, tx, l)
			if err != nil {
				return err
			}
			if err := StageLineSearchTx(ctx, tx, id, LineSearch{Names: []string{o.BuyerName, o.RecipientName}, Phones: []string{o.RecipientPhone1}}); err != nil {
				return err
			}
		}
		return FlushLineSearchTx(ctx, tx)
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []OrderLineQuery{
		{}, {Search: "홍"}, {Search: "민지"}, {Search: "셔츠"}, {Search: "린넨 셔츠"}, {Search: "0003"}, {Search: "ORD0007"},
		{Search: "T000000012"}, {Search: "김 셔츠"}, {Statuses: []string{"PAYED"}, Placing: "NOT_YET"},
		{PaymentMethod: "계좌이체", Search: "셔츠"}, {Statuses: []string{"DELIVERING", "PAYED"}, Search: "홍"},
	} {
		q.Limit = 15
		fetch, err := listOrderLines(ctx, s.Read(), q, 0)
		if err != nil {
			t.Fatal(err)
		}
		walk, err := listOrderLines(ctx, s.Read(), q, CountCap+1)
		if err != nil {
			t.Fatal(err)
		}
		// name searches look at recent weeks first; force that path with both plans
		saved := windowAbove
		windowAbove = -1
		winFetch, err1 := listOrderLines(ctx, s.Read(), q, 0)
		winWalk, err2 := listOrderLines(ctx, s.Read(), q, CountCap+1)
		windowAbove = saved
		if err1 != nil || err2 != nil {
			t.Fatal(err1, err2)
		}
		ids := func(rows []OrderListRow) []int64 {
			var out []int64
			for _, r := range rows {
				out = append(out, r.LineID)
			}
			return out
		}
		if !slices.Equal(ids(fetch), ids(walk)) || !slices.Equal(ids(fetch), ids(winFetch)) || !slices.Equal(ids(fetch), ids(winWalk)) {
			t.Errorf("%+v: fetch %v, walk %v, windowed %v / %v", q, ids(fetch), ids(walk), ids(winFetch), ids(winWalk))
		}
		if q.Offset == 0 && q.Search != "" {
			q2 := q
			q2.Offset = 5
			a, _ := listOrderLines(ctx, s.Read(), q2, 0)
			windowAbove = -1
			b, _ := listOrderLines(ctx, s.Read(), q2, CountCap+1)
			windowAbove = saved
			if !slices.Equal(ids(a), ids(b)) {
				t.Errorf("%+v offset 5: %v vs windowed %v", q, ids(a), ids(b))
			}
		}
		if q.Search != "" && len(fetch) == 0 {
			t.Errorf("%+v found nothing", q)
		}
		n, err := CountOrderLines(ctx, s.Read(), q)
		all, _ := listOrderLines(ctx, s.Read(), OrderLineQuery{Search: q.Search, Statuses: q.Statuses, Placing: q.Placing,
			PaymentMethod: q.PaymentMethod, Limit: 1000}, 0)
		if err != nil || n != len(all) {
			t.Errorf("%+v: count %d, list %d (%v)", q, n, len(all), err)
		}
	}
}
