package sales

import (
	"context"
	"fmt"
	"math/rand/v2"
	"sort"
	"testing"
	"time"

	"sellerdesk/app/orders"
	"sellerdesk/data"
)

// TestAggregatesEqualRecomputation runs random imports (new lines, the same lines again with other
// statuses, payment methods and payment times), status moves, manual orders, cancels and refunds, and after
// each step checks that the daily aggregates equal a recomputation from the lines, and that the figures
// equal a count made here in Go from the lines themselves.
func TestAggregatesEqualRecomputation(t *testing.T) {
	for seed := uint64(1); seed <= 3; seed++ {
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) { randomHistory(t, seed) })
	}
}

func randomHistory(t *testing.T, seed uint64) {
	r := rand.New(rand.NewPCG(seed, 99))
	d := newDesk(t, time.Date(2026, 11, 5, 9, 0, 0, 0, kst))
	ctx := context.Background()
	opt := d.option("머그컵", 12000, 4000)
	statuses := []string{"결제완료", "결제완료", "배송중", "배송완료", "구매확정", "취소완료", "반품완료", "결제대기"}
	payments := []string{"신용카드", "계좌이체", "네이버페이 포인트"}
	buyers := []string{"김민지", "이준", "박서연", "최가게", "정하늘"}
	type known struct{ order, buyer string }
	lines := map[string]known{}
	var ponos []string
	steps := 40
	if testing.Short() {
		steps = 15
	}
	for step := 0; step < steps; step++ {
		d.clock.Advance(time.Duration(r.IntN(30)) * time.Hour)
		switch k := r.IntN(10); {
		case k < 5: // a file of new and known lines
			var rows []row
			for n := 1 + r.IntN(5); n > 0; n-- {
				var pono string
				if len(ponos) > 0 && r.IntN(2) == 0 {
					pono = ponos[r.IntN(len(ponos))]
				} else {
					pono = fmt.Sprintf("P%04d", len(ponos)+1)
					order := fmt.Sprintf("O%04d", len(ponos)/2+1) // two lines an order, often
					lines[pono] = known{order, buyers[r.IntN(len(buyers))]}
					ponos = append(ponos, pono)
				}
				k := lines[pono]
				at := time.Date(2026, 11, 1+r.IntN(25), r.IntN(24), r.IntN(60), 0, 0, kst).Format("2006-01-02 15:04:05")
				x := paid(pono, k.order, k.buyer, []string{"린넨 셔츠", "코튼 양말", "울 가디건"}[r.IntN(3)],
					int64(1+r.IntN(3)), int64(1000*(5+r.IntN(50))), at).with("주문상태", statuses[r.IntN(len(statuses))],
					"결제수단", payments[r.IntN(len(payments))], "배송비 합계", fmt.Sprint(3000*r.IntN(2)))
				if x["주문상태"] == "결제대기" {
					x["결제일"] = ""
				}
				if x["주문상태"] != "결제완료" && x["주문상태"] != "결제대기" && x["주문상태"] != "취소완료" {
					x = x.with("택배사", "CJ대한통운", "송장번호", fmt.Sprintf("6%011d", r.IntN(1e9)), "발송일", at)
				}
				if x["주문상태"] == "반품완료" && r.IntN(3) > 0 {
					// the claim's own day, some days after the sale (and now and then before the import's day)
					claimed, _ := time.ParseInLocation("2006-01-02 15:04:05", at, kst)
					x = x.with("클레임 요청일", claimed.Add(time.Duration(r.IntN(20*24))*time.Hour).Format("2006-01-02 15:04:05"))
				}
				rows = append(rows, x)
			}
			d.importRowsLenient(rows...)
			if _, _, err := d.returns.SyncImported(ctx); err != nil {
				t.Fatal(err)
			}
		case k < 7 && len(ponos) > 0: // a move of the desk's own
			pono := ponos[r.IntN(len(ponos))]
			l := d.line(pono)
			targets := []orders.Status{orders.StatusPaid, orders.StatusDelivering, orders.StatusDelivered, orders.StatusDecided,
				orders.StatusCanceled}
			to := targets[r.IntN(len(targets))]
			if orders.CanMove(orders.Status(l.Status), to) {
				d.move(pono, to)
			}
		case k < 8: // a manual order
			if _, err := d.orders.CreateManual(ctx, orders.ManualOrder{BuyerName: buyers[r.IntN(len(buyers))],
				BuyerPhone: "010-1111-2222", PaymentMethod: "현금", Channel: "매장 판매", Paid: r.IntN(3) > 0,
				Lines: []orders.ManualLine{{OptionID: opt, Qty: int64(1 + r.IntN(2))}}}); err != nil {
				t.Fatal(err)
			}
		case len(ponos) > 0: // a refund here
			pono := ponos[r.IntN(len(ponos))]
			if st := orders.Status(d.line(pono).Status); orders.Returnable.Has(st) && !d.hasReturn(pono) {
				d.refund(pono)
			}
		}
		d.checked()
		d.sameAsLines(step)
		d.sameRefundsAsLines(step)
		d.sameBuyersAsLines(step, r)
	}
}

// importRowsLenient imports rows that may repeat a line within the file: a repeat is the file's later row.
func (d *desk) importRowsLenient(rows ...row) {
	d.t.Helper()
	seen := map[string]int{}
	var out []row
	for _, x := range rows {
		if i, ok := seen[x["상품주문번호"]]; ok {
			out[i] = x
			continue
		}
		seen[x["상품주문번호"]] = len(out)
		out = append(out, x)
	}
	// lines of one order share the order's payment: the file's first row of an order speaks for it
	first := map[string]row{}
	for i, x := range out {
		if f, ok := first[x["주문번호"]]; ok {
			out[i] = x.with("결제일", f["결제일"], "주문일시", f["주문일시"], "결제수단", f["결제수단"], "배송비 합계", f["배송비 합계"])
			if f["결제일"] == "" && x["주문상태"] != "결제대기" {
				out[i]["주문상태"] = "결제대기"
			}
			if f["결제일"] != "" && out[i]["결제일"] == "" {
				out[i]["결제일"] = f["결제일"]
			}
		} else {
			first[x["주문번호"]] = x
		}
	}
	d.importRows(out...)
}

type lineState struct {
	Status string
	Qty    int64
}

func (d *desk) line(pono string) lineState {
	d.t.Helper()
	var l lineState
	if err := d.store.Read().QueryRow(`SELECT status, qty FROM order_lines WHERE product_order_no = ?`, pono).Scan(&l.Status, &l.Qty); err != nil {
		d.t.Fatal(err)
	}
	return l
}

func (d *desk) hasReturn(pono string) bool {
	var n int
	d.store.Read().QueryRow(`SELECT count(*) FROM return_lines rl JOIN order_lines l ON l.id = rl.order_line_id
		JOIN returns r ON r.id = rl.return_id WHERE l.product_order_no = ? AND r.state <> 'REJECTED'`, pono).Scan(&n)
	return n > 0
}

// sameAsLines counts each day's 결제금액, orders and shipping here, in Go, from every line and order, and
// compares them with the service's figures.
func (d *desk) sameAsLines(step int) {
	d.t.Helper()
	rows, err := d.store.Read().Query(`SELECT o.id, o.paid_at, o.ordered_at, o.shipping_fee, l.status, l.amount, l.qty
		FROM order_lines l JOIN orders o ON o.id = l.order_id`)
	if err != nil {
		d.t.Fatal(err)
	}
	defer rows.Close()
	type dayFig struct{ gross, qty, shipping int64 }
	days := map[string]*dayFig{}
	orderSeen := map[int64]bool{}
	orderDays := map[string]map[int64]bool{}
	for rows.Next() {
		var id, ship, amount, qty int64
		var paidAt, orderedAt, status string
		if err := rows.Scan(&id, &paidAt, &orderedAt, &ship, &status, &amount, &qty); err != nil {
			d.t.Fatal(err)
		}
		if !orders.Sold.Has(orders.Status(status)) {
			continue
		}
		at := paidAt
		if at == "" {
			at = orderedAt
		}
		tm, err := time.Parse("2006-01-02T15:04:05.000Z", at)
		if err != nil {
			d.t.Fatal(err)
		}
		key := tm.In(kst).Format(time.DateOnly)
		f := days[key]
		if f == nil {
			f = &dayFig{}
			days[key] = f
			orderDays[key] = map[int64]bool{}
		}
		f.gross += amount
		f.qty += qty
		if !orderSeen[id] {
			orderSeen[id] = true
			orderDays[key][id] = true
			f.shipping += ship
		}
	}
	for day := time.Date(2026, 10, 25, 0, 0, 0, 0, kst); day.Before(time.Date(2026, 12, 20, 0, 0, 0, 0, kst)); day = day.AddDate(0, 0, 1) {
		key := day.Format(time.DateOnly)
		want := dayFig{}
		if f := days[key]; f != nil {
			want = *f
		}
		got := d.figures(key, key)
		if got.Gross != want.gross || got.Qty != want.qty || got.Shipping != want.shipping || got.Orders != int64(len(orderDays[key])) {
			d.t.Fatalf("step %d, %s: figures %+v, lines say gross %d qty %d shipping %d orders %d", step, key, got,
				want.gross, want.qty, want.shipping, len(orderDays[key]))
		}
	}
}

// localDay is a stored UTC time's day in KST.
func localDay(t testing.TB, stored string) string {
	t.Helper()
	tm, err := time.Parse("2006-01-02T15:04:05.000Z", stored)
	if err != nil {
		t.Fatal(err)
	}
	return tm.In(kst).Format(time.DateOnly)
}

// sameRefundsAsLines counts each day's refunds here, in Go, from the lines and returns themselves — a 반품
// line on its claim's day (else the day its history says it became 반품) by its amount unless a return
// completed here covers it, a return completed here by its refund on the day it was completed — and
// compares them with the service's figures.
func (d *desk) sameRefundsAsLines(step int) {
	d.t.Helper()
	want := map[string]int64{}
	covered := map[int64]bool{}
	rows, err := d.store.Read().Query(`SELECT r.id, r.refund, rl.order_line_id,
			(SELECT max(h.at) FROM return_history h WHERE h.return_id = r.id AND h.to_state = 'DONE')
		FROM returns r JOIN return_lines rl ON rl.return_id = r.id WHERE r.kind = 'RETURN' AND r.state = 'DONE'`)
	if err != nil {
		d.t.Fatal(err)
	}
	seen := map[int64]bool{}
	for rows.Next() {
		var id, refund, line int64
		var at string
		if err := rows.Scan(&id, &refund, &line, &at); err != nil {
			d.t.Fatal(err)
		}
		covered[line] = true
		if !seen[id] {
			seen[id] = true
			want[localDay(d.t, at)] += refund
		}
	}
	rows.Close()
	rows, err = d.store.Read().Query(`SELECT l.id, l.amount, l.claim_at,
			(SELECT max(h.at) FROM order_status_history h WHERE h.line_id = l.id AND h.to_status = 'RETURNED')
		FROM order_lines l WHERE l.status = 'RETURNED'`)
	if err != nil {
		d.t.Fatal(err)
	}
	for rows.Next() {
		var id, amount int64
		var claimAt, became string
		if err := rows.Scan(&id, &amount, &claimAt, &became); err != nil {
			d.t.Fatal(err)
		}
		if covered[id] {
			continue
		}
		at := claimAt
		if at == "" {
			at = became
		}
		want[localDay(d.t, at)] += amount
	}
	rows.Close()
	var total int64
	for day := time.Date(2026, 10, 25, 0, 0, 0, 0, kst); day.Before(time.Date(2026, 12, 31, 0, 0, 0, 0, kst)); day = day.AddDate(0, 0, 1) {
		key := day.Format(time.DateOnly)
		total += want[key]
		if got := d.figures(key, key).Refunds; got != want[key] {
			d.t.Fatalf("step %d, %s: refunds %d, the lines and returns say %d", step, key, got, want[key])
		}
	}
	if got := d.figures("2026-10-25", "2026-12-30").Refunds; got != total {
		d.t.Fatalf("step %d: refunds of the whole time %d, the lines and returns say %d", step, got, total)
	}
}

// sameBuyersAsLines counts, in Go from the lines, the distinct and new buyers and ranks the top buyers of a
// few random periods, and compares them with the service's and the store's.
func (d *desk) sameBuyersAsLines(step int, r *rand.Rand) {
	d.t.Helper()
	rows, err := d.store.Read().Query(`SELECT o.id, o.paid_at, o.ordered_at, o.buyer_id, o.buyer_name, o.buyer_phone, l.status, l.amount
		FROM order_lines l JOIN orders o ON o.id = l.order_id`)
	if err != nil {
		d.t.Fatal(err)
	}
	type buy struct {
		day, buyer string
		order      int64
		gross      int64
	}
	var buys []buy
	first := map[string]string{}
	for rows.Next() {
		var id, amount int64
		var paidAt, orderedAt, buyerID, name, phone, status string
		if err := rows.Scan(&id, &paidAt, &orderedAt, &buyerID, &name, &phone, &status, &amount); err != nil {
			d.t.Fatal(err)
		}
		if !orders.Sold.Has(orders.Status(status)) {
			continue
		}
		at := paidAt
		if at == "" {
			at = orderedAt
		}
		key := "n:" + name + "|" + phone
		if buyerID != "" {
			key = "i:" + buyerID
		}
		b := buy{localDay(d.t, at), key, id, amount}
		buys = append(buys, b)
		if f, ok := first[key]; !ok || b.day < f {
			first[key] = b.day
		}
	}
	rows.Close()
	base := time.Date(2026, 10, 28, 0, 0, 0, 0, kst)
	for n := 0; n < 4; n++ {
		from := base.AddDate(0, 0, r.IntN(40))
		to := from.AddDate(0, 0, r.IntN(20))
		if n == 0 {
			from, to = base, base.AddDate(0, 0, 60)
		}
		f, t := from.Format(time.DateOnly), to.Format(time.DateOnly)
		gross := map[string]int64{}
		ordersOf := map[string]map[int64]bool{}
		for _, b := range buys {
			if b.day < f || b.day > t {
				continue
			}
			gross[b.buyer] += b.gross
			if ordersOf[b.buyer] == nil {
				ordersOf[b.buyer] = map[int64]bool{}
			}
			ordersOf[b.buyer][b.order] = true
		}
		var fresh int64
		var ranked []string
		for b := range gross {
			if first[b] >= f {
				fresh++
			}
			ranked = append(ranked, b)
		}
		got, err := d.sales.BuyerCounts(context.Background(), d.period(f, t))
		if err != nil {
			d.t.Fatal(err)
		}
		if got.Buyers != int64(len(gross)) || got.New != fresh {
			d.t.Fatalf("step %d, %s – %s: buyers %+v, the lines say %d buyers, %d new", step, f, t, got, len(gross), fresh)
		}
		sort.Slice(ranked, func(i, j int) bool {
			if gross[ranked[i]] != gross[ranked[j]] {
				return gross[ranked[i]] > gross[ranked[j]]
			}
			return ranked[i] < ranked[j]
		})
		ranked = ranked[:min(len(ranked), 2)] // a short ranking: the single-day buyers are cut by the limit
		top, err := data.SalesTopBuyers(context.Background(), d.store.Read(), data.SalesRange{From: f, To: t}, 2)
		if err != nil {
			d.t.Fatal(err)
		}
		var names []string
		for i, x := range top {
			names = append(names, x.Buyer)
			if i < len(ranked) && (x.Buyer != ranked[i] || x.Gross != gross[ranked[i]] || x.Orders != int64(len(ordersOf[ranked[i]])) ||
				x.First != first[ranked[i]]) {
				d.t.Fatalf("step %d, %s – %s: top buyer %d is %+v, the lines say %s %d원, %d orders, first %s", step, f, t, i,
					x, ranked[i], gross[ranked[i]], len(ordersOf[ranked[i]]), first[ranked[i]])
			}
		}
		if len(names) != len(ranked) {
			d.t.Fatalf("step %d, %s – %s: top buyers %v, the lines say %v", step, f, t, names, ranked)
		}
	}
}
