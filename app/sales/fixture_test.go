package sales

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/catalog"
	"sellerdesk/app/clock"
	"sellerdesk/app/orders"
	"sellerdesk/app/returns"
	"sellerdesk/data"
)

var kst = time.FixedZone("KST", 9*60*60)

// desk is a store with the services the sales figures come from, on a pinned clock.
type desk struct {
	t       testing.TB
	store   *data.Store
	clock   *clock.Pinned
	orders  *orders.Service
	returns *returns.Service
	sales   *Service
	files   int
}

func newDesk(t testing.TB, now time.Time) *desk {
	t.Helper()
	ctx := context.Background()
	c := clock.At(now)
	store, err := data.Open(ctx, filepath.Join(t.TempDir(), "sales.db"), data.WithClock(c.Now))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { store.Close() })
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	return &desk{t: t, store: store, clock: c, orders: orders.New(store, log), returns: returns.New(store, log),
		sales: New(store, log)}
}

// exportHeader is the Smart Store columns the fixture writes.
var exportHeader = []string{"상품주문번호", "주문번호", "판매채널", "구매자명", "구매자ID", "수취인명", "주문상태", "결제일",
	"상품명", "옵션정보", "수량", "상품가격", "최종 상품별 총 주문금액", "배송비 합계", "수취인연락처1", "구매자연락처",
	"통합배송지", "결제수단", "주문일시", "택배사", "송장번호", "발송일", "클레임 요청일"}

// row is one export line, by header.
type row map[string]string

// paid is a paid line of order orderNo, paid at the local time given ('2026-11-22 14:06:00').
func paid(pono, orderNo, buyer, product string, qty, amount int64, at string) row {
	return row{"상품주문번호": pono, "주문번호": orderNo, "판매채널": "스마트스토어", "구매자명": buyer, "구매자ID": buyer + "_id",
		"수취인명": buyer, "주문상태": "결제완료", "결제일": at, "상품명": product, "옵션정보": "색상: 블랙",
		"수량": fmt.Sprint(qty), "상품가격": fmt.Sprint(amount / max(qty, 1)), "최종 상품별 총 주문금액": fmt.Sprint(amount),
		"배송비 합계": "3000", "수취인연락처1": "010-1234-5678", "구매자연락처": "010-9876-4321",
		"통합배송지": "서울특별시 마포구 월드컵로 1", "결제수단": "신용카드", "주문일시": at}
}

func (r row) with(kv ...string) row {
	out := row{}
	for k, v := range r {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		out[kv[i]] = kv[i+1]
	}
	return out
}

// importRows imports the rows as one Smart Store file.
func (d *desk) importRows(rows ...row) orders.ImportResult {
	d.t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, h := range exportHeader {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		f.SetCellValue("Sheet1", cell, h)
	}
	for n, r := range rows {
		for i, h := range exportHeader {
			cell, _ := excelize.CoordinatesToCellName(i+1, n+2)
			f.SetCellValue("Sheet1", cell, r[h])
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		d.t.Fatal(err)
	}
	d.files++
	res, err := d.orders.ImportFile(context.Background(), &buf, fmt.Sprintf("주문%d.xlsx", d.files), "", nil)
	if err != nil {
		d.t.Fatal(err)
	}
	if res.Failed > 0 {
		d.t.Fatalf("import: %d rows failed: %v", res.Failed, res.Problems)
	}
	return res
}

// move moves a line (by 상품주문번호) as the desk's own action would.
func (d *desk) move(pono string, to orders.Status) {
	d.t.Helper()
	ctx := context.Background()
	err := d.store.Write(ctx, func(tx *data.Tx) error {
		l, err := data.LineByNo(ctx, tx, pono)
		if err != nil {
			return err
		}
		return orders.MoveLineTx(ctx, tx, l.ID, to, "test", "manual")
	})
	if err != nil {
		d.t.Fatalf("move %s to %s: %v", pono, to, err)
	}
}

// refund runs a return of a whole line through the returns workflow to 완료 and returns the refund.
func (d *desk) refund(pono string) int64 {
	d.t.Helper()
	ctx := context.Background()
	l, err := data.LineByNo(ctx, d.store.Read(), pono)
	if err != nil {
		d.t.Fatal(err)
	}
	number, err := d.returns.Create(ctx, returns.Request{OrderID: l.OrderID, Kind: returns.KindReturn,
		Reason: "BROKEN", Method: "PICKUP", AcceptOutside: true, AcceptNonReturn: true,
		Lines: []returns.RequestLine{{OrderLineID: l.ID, Qty: l.Qty}}})
	if err != nil {
		d.t.Fatalf("return of %s: %v", pono, err)
	}
	return d.completeReturn(number)
}

func (d *desk) completeReturn(number string) int64 {
	d.t.Helper()
	ctx := context.Background()
	r, err := d.returns.Get(ctx, number)
	if err != nil {
		d.t.Fatal(err)
	}
	for r.State != returns.StateInspected && r.State != returns.StateDone {
		var m returns.Move
		in := returns.MoveInput{}
		switch r.State {
		case returns.StateRequested:
			m = returns.MoveApprove
		case returns.StateApproved:
			m, in.TrackingNo = returns.MoveCollect, "123456789012"
		case returns.StateCollecting:
			m = returns.MoveReceive
		case returns.StateReceived:
			for _, l := range r.Lines {
				if err := d.returns.Inspect(ctx, number, l.ID, "GOOD"); err != nil {
					d.t.Fatalf("inspect %s: %v", number, err)
				}
			}
			m = returns.MoveInspect
		default:
			d.t.Fatalf("return %s in state %s", number, r.State)
		}
		if r, err = d.returns.Apply(ctx, number, m, in); err != nil {
			d.t.Fatalf("return %s %s: %v", number, m, err)
		}
	}
	r, err = d.returns.Apply(ctx, number, returns.MoveComplete, returns.MoveInput{})
	if err != nil {
		d.t.Fatalf("complete %s: %v", number, err)
	}
	return r.Refund
}

// figures reads one day's (or a period's) figures.
func (d *desk) figures(from, to string) Figures {
	d.t.Helper()
	f, err := d.sales.Figures(context.Background(), d.period(from, to))
	if err != nil {
		d.t.Fatal(err)
	}
	return f
}

func (d *desk) period(from, to string) Period {
	a, err := ParseDay(from, kst)
	if err != nil {
		d.t.Fatal(err)
	}
	b, err := ParseDay(to, kst)
	if err != nil {
		d.t.Fatal(err)
	}
	return Period{a, b}
}

// checked fails the test when the aggregates differ from a recomputation from the lines.
func (d *desk) checked() {
	d.t.Helper()
	bad, err := d.sales.Check(context.Background())
	if err != nil {
		d.t.Fatal(err)
	}
	if len(bad) > 0 {
		d.t.Fatalf("aggregates differ from the lines: %v", bad)
	}
}

// option adds a product with one option (stock 100) and returns the option's id.
func (d *desk) option(name string, price, cost int64) int64 {
	d.t.Helper()
	cat := catalog.New(d.store, d.t.TempDir(), slog.New(slog.NewTextHandler(io.Discard, nil)))
	d.files++
	p, err := cat.SaveProduct(context.Background(), catalog.Product{Code: fmt.Sprintf("C%03d", d.files), Name: name, Price: price,
		Cost: cost, Status: catalog.StatusSale, TaxType: catalog.Taxable, OptionKind: catalog.OptionsNone,
		Options: []catalog.Option{{Usable: true, Stock: 100}}}, "test")
	if err != nil {
		d.t.Fatal(err)
	}
	return p.Options[0].ID
}

func returnsFilterAll() returns.Filter { return returns.Filter{} }
