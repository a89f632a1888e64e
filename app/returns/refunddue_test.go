package returns

import (
	"context"
	"testing"
	"time"

	"sellerdesk/app/apperr"
	"sellerdesk/app/orders"
	"sellerdesk/data"
)

func TestRefundDue(t *testing.T) {
	kst := time.FixedZone("KST", 9*3600)
	at := func(s string) time.Time {
		d, err := time.ParseInLocation("2006-01-02 15:04", s, kst)
		if err != nil {
			t.Fatal(err)
		}
		return d
	}
	for _, c := range []struct {
		name     string
		kind     Kind
		received string
		want     string // "" for no refund day
	}{
		{"a plain week", KindReturn, "2026-11-18 16:00", "2026-11-23"},            // Wed → Thu, Fri, Mon
		{"across 추석 and a weekend", KindReturn, "2026-09-23 11:00", "2026-09-30"}, // 24–26 추석, 27 Sun
		{"received on 추석", KindReturn, "2026-09-25 09:00", "2026-09-30"},          // the day itself is not counted
		{"across 성탄절", KindReturn, "2026-12-23 15:00", "2026-12-29"},              // 25 성탄절, 26–27 weekend
		{"late at night is still that day", KindReturn, "2026-11-20 23:59", "2026-11-25"},
		{"an exchange refunds nothing", KindExchange, "2026-11-18 16:00", ""},
	} {
		got := RefundDue(c.kind, at(c.received))
		if c.want == "" {
			if !got.IsZero() {
				t.Errorf("%s: due %v, want none", c.name, got)
			}
			continue
		}
		if got.Format("2006-01-02") != c.want {
			t.Errorf("%s: received %s, due %s, want %s", c.name, c.received, got.Format("2006-01-02"), c.want)
		}
		// due through the whole due day, overdue from the next morning, never once done
		due := at(c.want + " 23:59")
		if RefundOverdue(StateReceived, got, due) || !RefundOverdue(StateReceived, got, due.Add(2*time.Minute)) {
			t.Errorf("%s: overdue boundary wrong around %s", c.name, c.want)
		}
		if RefundOverdue(StateDone, got, due.AddDate(0, 1, 0)) || RefundOverdue(StateRejected, got, due.AddDate(0, 1, 0)) {
			t.Errorf("%s: a finished request is never overdue", c.name)
		}
	}
	if RefundDue(KindReturn, time.Time{}) != (time.Time{}) {
		t.Error("goods not back: no refund day")
	}
}

// TestRefundDueFromTheService: the request and the list carry the refund day, counted in business days from
// the day the goods came back (입고), and say when it has passed.
func TestRefundDueFromTheService(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	loc := d.clock.Now().Location()
	d.clock.Set(time.Date(2026, 12, 21, 10, 0, 0, 0, loc))
	no, err := d.ret.Create(ctx, Request{OrderID: d.order, Kind: KindReturn, Reason: "BROKEN", Method: "PICKUP",
		Lines: []RequestLine{{OrderLineID: d.line, Qty: 2}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.ret.Apply(ctx, no, MoveApprove, MoveInput{}); err != nil {
		t.Fatal(err)
	}
	if r, _ := d.ret.Get(ctx, no); !r.RefundDue.IsZero() || !r.ReceivedAt.IsZero() {
		t.Errorf("before 입고: due %v, received %v; want none", r.RefundDue, r.ReceivedAt)
	}
	d.clock.Set(time.Date(2026, 12, 23, 15, 0, 0, 0, loc)) // a Wednesday before 성탄절
	if _, err := d.ret.Apply(ctx, no, MoveReceive, MoveInput{}); err != nil {
		t.Fatal(err)
	}
	const want = "2026-12-29" // Thu 24, (25 성탄절, 26–27 weekend) Mon 28, Tue 29
	r, err := d.ret.Get(ctx, no)
	if err != nil || r.RefundDue.Format("2006-01-02") != want || !r.ReceivedAt.Equal(d.clock.Now()) {
		t.Fatalf("get: due %v received %v (%v); want %s", r.RefundDue, r.ReceivedAt, err, want)
	}
	row := func() Row {
		t.Helper()
		rows, err := d.ret.List(ctx, Filter{})
		if err != nil || len(rows) != 1 {
			t.Fatalf("list = %+v, %v", rows, err)
		}
		return rows[0]
	}
	d.clock.Set(time.Date(2026, 12, 29, 23, 0, 0, 0, loc))
	if got := row(); got.RefundDue.Format("2006-01-02") != want || got.RefundOverdue || r.RefundOverdue(d.clock.Now()) {
		t.Errorf("on the due day: %+v", got)
	}
	d.clock.Set(time.Date(2026, 12, 30, 9, 0, 0, 0, loc))
	if got := row(); !got.RefundOverdue {
		t.Errorf("the day after: not overdue (%v)", got.RefundDue)
	}
	// once refunded it is no longer overdue
	r, _ = d.ret.Get(ctx, no)
	if err := d.ret.Inspect(ctx, no, r.Lines[0].ID, "GOOD"); err != nil {
		t.Fatal(err)
	}
	for _, m := range []Move{MoveInspect, MoveComplete} {
		if _, err := d.ret.Apply(ctx, no, m, MoveInput{}); err != nil {
			t.Fatal(err)
		}
	}
	if got := row(); got.RefundOverdue {
		t.Error("a completed return is overdue")
	}
	// the order line moved through the orders area's rule, and says so in its history
	h, err := data.StatusHistory(ctx, d.store.Read(), d.line)
	if err != nil || h[len(h)-1].To != string(orders.StatusReturned) || h[len(h)-1].Source != "returns" || h[len(h)-1].Note != no {
		t.Errorf("line history = %+v, %v", h, err)
	}
}

// TestCompleteRefusedByOrdersRules: completing a return moves its order line only where the orders area's
// table allows; a line that can no longer become 반품 stops the completion whole.
func TestCompleteRefusedByOrdersRules(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	no, err := d.ret.Create(ctx, Request{OrderID: d.order, Kind: KindReturn, Reason: "BROKEN", Method: "PICKUP",
		Lines: []RequestLine{{OrderLineID: d.line, Qty: 2}}})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []Move{MoveApprove, MoveReceive} {
		if _, err := d.ret.Apply(ctx, no, m, MoveInput{}); err != nil {
			t.Fatal(err)
		}
	}
	r, _ := d.ret.Get(ctx, no)
	if err := d.ret.Inspect(ctx, no, r.Lines[0].ID, "DISPOSE"); err != nil {
		t.Fatal(err)
	}
	if _, err := d.ret.Apply(ctx, no, MoveInspect, MoveInput{}); err != nil {
		t.Fatal(err)
	}
	// meanwhile the line was cancelled (a later download, say): 취소 is final in the orders table
	if err := d.store.Write(ctx, func(tx *data.Tx) error {
		_, err := tx.ExecContext(ctx, `UPDATE order_lines SET status = ? WHERE id = ?`, string(orders.StatusCanceled), d.line)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	_, err = d.ret.Apply(ctx, no, MoveComplete, MoveInput{})
	if apperr.ErrorCode(err) != apperr.ErrConflict {
		t.Fatalf("complete on a cancelled line: %v, want the orders area's refusal", err)
	}
	if r, _ := d.ret.Get(ctx, no); r.State != StateInspected || r.Refund != 0 {
		t.Errorf("request after the refusal: %s, refund %d; want it left as it was", r.State, r.Refund)
	}
	if l, _ := data.LineByID(ctx, d.store.Read(), d.line); l.Status != string(orders.StatusCanceled) {
		t.Errorf("line = %s, want still 취소", l.Status)
	}
}
