package returns

import (
	"context"
	"errors"
	"strings"
	"testing"

	"sellerdesk/app/apperr"
	"sellerdesk/data"
)

// A row the store cannot read is a fault the seller cannot fix by choosing again: a request reports it as
// one (ErrInternal, the cause in the log), never as the order, the line or the option "not found", and a
// product whose category cannot be read is not taken for one without a category (which would let a
// non-returnable product through). A row that is truly missing still reads as not found.
func TestFailedReadsAreFaultsNotNotFound(t *testing.T) {
	ctx := context.Background()
	ret := func(d desk) Request {
		return Request{OrderID: d.order, Kind: KindReturn, Reason: "COLOR_AND_SIZE", Method: "PICKUP",
			Lines: []RequestLine{{OrderLineID: d.line, Qty: 1}}}
	}
	exchange := func(d desk) Request {
		r := ret(d)
		r.Kind, r.Reason = KindExchange, "BROKEN" // the seller's fault: no category rule, only the option is read
		r.Lines[0].ReplacementOptionID = d.white
		return r
	}
	for _, c := range []struct {
		name string
		// gone is the table whose read then fails: renamed away, a read of it is an error of the database
		// (no such table), not a row that is missing
		gone    string
		request func(d desk) Request
		missing func(r *Request) // the same request naming a row that does not exist
		want    string           // what the missing row reads as
	}{
		{"order", "orders", ret,
			func(r *Request) { r.OrderID = 999999 }, "주문을 찾을 수 없습니다."},
		{"line", "order_lines", ret,
			func(r *Request) { r.Lines[0].OrderLineID = 999999 }, "1번 상품은 이 주문의 상품이 아닙니다."},
		{"exchange option", "product_options", exchange,
			func(r *Request) { r.Lines[0].ReplacementOptionID = 999999 }, "오버핏 티셔츠: 교환 옵션을 찾을 수 없습니다."},
		{"category", "products", ret, nil, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			d := openDesk(t)
			if c.missing != nil {
				r := c.request(d)
				c.missing(&r)
				_, err := d.ret.Create(ctx, r)
				if apperr.ErrorCode(err) != apperr.ErrInvalid || apperr.Message(err) != c.want {
					t.Errorf("missing %s: %v (%s), want %q", c.name, err, apperr.ErrorCode(err), c.want)
				}
			}
			if err := d.store.Write(ctx, func(tx *data.Tx) error {
				_, err := tx.ExecContext(ctx, `ALTER TABLE `+c.gone+` RENAME TO gone`)
				return err
			}); err != nil {
				t.Fatal(err)
			}
			no, err := d.ret.Create(ctx, c.request(d))
			if err == nil {
				t.Fatalf("unreadable %s: request %s opened", c.name, no)
			}
			if code := apperr.ErrorCode(err); code != apperr.ErrInternal || strings.Contains(apperr.Message(err), "찾을 수 없습니다") ||
				strings.Contains(apperr.Message(err), "아닙니다") {
				t.Errorf("unreadable %s reads as %s: %s", c.name, code, apperr.Message(err))
			}
		})
	}
}

// A closed store or a cancelled context is not a missing request either.
func TestGetOnAFailedStoreIsNotNotFound(t *testing.T) {
	d := openDesk(t)
	ctx := context.Background()
	no, err := d.ret.Create(ctx, Request{OrderID: d.order, Kind: KindReturn, Reason: "BROKEN", Method: "PICKUP",
		Lines: []RequestLine{{OrderLineID: d.line, Qty: 1}}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := d.ret.Get(ctx, "RT-20990101-001"); apperr.ErrorCode(err) != apperr.ErrNotFound {
		t.Errorf("a number never issued: %v (%s), want not found", err, apperr.ErrorCode(err))
	}
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := d.ret.Get(cancelled, no); err == nil || apperr.ErrorCode(err) == apperr.ErrNotFound {
		t.Errorf("cancelled read: %v (%s)", err, apperr.ErrorCode(err))
	}
	if _, err := d.ret.Create(cancelled, Request{OrderID: d.order, Kind: KindReturn, Reason: "BROKEN", Method: "PICKUP",
		Lines: []RequestLine{{OrderLineID: d.line, Qty: 1}}}); !errors.Is(err, context.Canceled) || apperr.ErrorCode(err) == apperr.ErrInvalid {
		t.Errorf("cancelled request: %v (%s)", err, apperr.ErrorCode(err))
	}
	d.store.Close()
	if _, err := d.ret.Get(ctx, no); err == nil || apperr.ErrorCode(err) == apperr.ErrNotFound {
		t.Errorf("closed store: %v (%s)", err, apperr.ErrorCode(err))
	}
}
