package cli

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"time"

	"sellerdesk/app"
	"sellerdesk/app/format"
	"sellerdesk/app/orders"
	"sellerdesk/app/sheet"
)

// importOrders is `import orders FILE [--password PW] [--json]`: a Smart Store order export, upserted by
// 상품주문번호, with the return requests of lines Smart Store returned or exchanged opened or moved in the
// same transaction (app.Desk.ImportOrderFile, the window's import). Rows that cannot be read are listed
// (sheet, row, column, reason) and skipped.
func importOrders(ctx context.Context, c *call) error {
	path, password, asJSON, d, out, progress := c.arg(0), c.str("password"), c.on("json"), c.desk, c.out, c.progress
	imp, err := d.ImportOrderFile(ctx, path, password, progress)
	if err != nil {
		return passwordHint(err)
	}
	res := imp.Orders
	if asJSON {
		type problem struct {
			Sheet  string `json:"sheet"`
			Row    int    `json:"row"`
			Column string `json:"column"`
			Reason string `json:"reason"`
		}
		doc := struct {
			File          string    `json:"file"`
			Rows          int       `json:"rows"`
			New           int       `json:"new"`
			Updated       int       `json:"updated"`
			Unchanged     int       `json:"unchanged"`
			Failed        int       `json:"failed"`
			Unmatched     int       `json:"unmatched"`
			Problems      []problem `json:"problems"`
			Oversold      []string  `json:"oversold"`
			ReturnsOpened int       `json:"returns_opened"`
			ReturnsMoved  int       `json:"returns_moved"`
		}{File: res.File, Rows: res.Rows, New: res.New, Updated: res.Updated, Unchanged: res.Unchanged,
			Failed: res.Failed, Unmatched: res.Unmatched, Problems: []problem{}, Oversold: res.Oversold,
			ReturnsOpened: imp.ReturnsOpened, ReturnsMoved: imp.ReturnsMoved}
		for _, p := range res.Problems {
			doc.Problems = append(doc.Problems, problem{p.Sheet, p.Row, p.Column, p.Reason})
		}
		if doc.Oversold == nil {
			doc.Oversold = []string{}
		}
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(doc)
	}
	for _, p := range res.Problems {
		fmt.Fprintf(out, "%s\t%d행\t%s\t%s\n", p.Sheet, p.Row, p.Column, p.Reason)
	}
	for _, o := range res.Oversold {
		fmt.Fprintln(out, "재고 확인: "+o)
	}
	fmt.Fprintf(out, "새 주문 %d건, 변경 %d건, 그대로 %d건, 실패 %d건 (상품 미연결 %d건)\n",
		res.New, res.Updated, res.Unchanged, res.Failed, res.Unmatched)
	if imp.ReturnsOpened > 0 {
		fmt.Fprintf(out, "스마트스토어에서 반품·교환된 주문 %d건의 반품 요청을 열었습니다 (검수 대기)\n", imp.ReturnsOpened)
	}
	if imp.ReturnsMoved > 0 {
		fmt.Fprintf(out, "스마트스토어에서 반품이 끝난 진행 중 반품 요청 %d건을 입고로 옮겼습니다\n", imp.ReturnsMoved)
	}
	return nil
}

// orderLineJSON is one line of `orders find --json`.
type orderLineJSON struct {
	ProductOrderNo string `json:"product_order_no"`
	OrderNo        string `json:"order_no"`
	Status         string `json:"status"`
	StatusLabel    string `json:"status_label"`
	BuyerName      string `json:"buyer_name"`
	RecipientName  string `json:"recipient_name"`
	RecipientPhone string `json:"recipient_phone_masked"`
	ProductName    string `json:"product_name"`
	OptionInfo     string `json:"option_info"`
	Qty            int64  `json:"qty"`
	Amount         int64  `json:"amount"`
	PaymentMethod  string `json:"payment_method"`
	Channel        string `json:"channel"`
	Courier        string `json:"courier"`
	TrackingNo     string `json:"tracking_no"`
	OrderedAt      string `json:"ordered_at"`
}

// findOrders is `orders find QUERY [--json] [--limit N]`: the window's search box.
func findOrders(ctx context.Context, c *call) error {
	query, asJSON, limit, d, out := c.arg(0), c.on("json"), c.num("limit"), c.desk, c.out
	lines, err := d.Orders.Find(ctx, orders.Query{Search: query, Limit: limit})
	if err != nil {
		return err
	}
	if asJSON {
		docs := make([]orderLineJSON, len(lines))
		for i, l := range lines {
			docs[i] = orderLineJSON{ProductOrderNo: l.ProductOrderNo, OrderNo: l.OrderNo, Status: string(l.Status),
				StatusLabel: l.StatusLabel, BuyerName: l.BuyerName, RecipientName: l.RecipientName,
				RecipientPhone: l.RecipientPhoneMasked, ProductName: l.ProductName, OptionInfo: l.OptionInfo,
				Qty: l.Qty, Amount: l.Amount, PaymentMethod: l.PaymentMethod, Channel: l.Channel, Courier: l.Courier,
				TrackingNo: l.TrackingNo, OrderedAt: l.OrderedAt.Format(time.RFC3339)}
		}
		enc := json.NewEncoder(out)
		enc.SetIndent("", "  ")
		return enc.Encode(docs)
	}
	for _, l := range lines {
		fmt.Fprintf(out, "%s\t%s\t%s\t%s\t%s\t%s %s\t%d개\t%s\t%s\n", format.DateTime(l.OrderedAt), l.ProductOrderNo,
			l.StatusLabel, l.BuyerName, l.RecipientName, l.ProductName, l.OptionInfo, l.Qty, format.Won(l.Amount), l.TrackingNo)
	}
	fmt.Fprintf(out, "%d건\n", len(lines))
	return nil
}

// exportShipping is `export shipping FILE`: Smart Store's 일괄발송 upload for every paid line with a
// 송장번호 and not yet shipped.
func exportShipping(ctx context.Context, c *call) error {
	path, d, out := c.arg(0), c.desk, c.out
	rows, missing, err := d.Orders.DispatchFile(ctx, nil)
	if err != nil {
		return err
	}
	if len(rows) == 0 {
		return &app.Error{Code: app.ErrInvalid, Message: fmt.Sprintf("송장번호가 입력된 발송 전 주문이 없습니다 (송장 없는 주문 %d건).", len(missing))}
	}
	if err := save(path, func(w io.Writer) error { return sheet.WriteDispatch(w, rows) }); err != nil {
		return err
	}
	fmt.Fprintf(out, "일괄발송 파일을 저장했습니다: %s (%d건", path, len(rows))
	if len(missing) > 0 {
		fmt.Fprintf(out, ", 송장 없는 주문 %d건 제외", len(missing))
	}
	fmt.Fprintln(out, ")")
	return nil
}

// poPDF is `po pdf PO-NUMBER --out FILE`: a purchase order as an A4 PDF.
func poPDF(ctx context.Context, c *call) error {
	number, path := c.arg(0), c.str("out")
	var size int64
	err := save(path, func(w io.Writer) error {
		cw := &countingWriter{w: w}
		err := c.desk.POs.WritePDF(ctx, number, cw)
		size = cw.n
		return err
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(c.out, format.FixParticles(fmt.Sprintf("발주서 %s을(를) 저장했습니다: %s (%s)", number, path, format.Bytes(size))))
	return nil
}

// countingWriter counts the bytes written through it, for the size the command reports.
type countingWriter struct {
	w io.Writer
	n int64
}

func (c *countingWriter) Write(p []byte) (int, error) {
	n, err := c.w.Write(p)
	c.n += int64(n)
	return n, err
}

// returnLabel is `returns label RT-NUMBER --out FILE`: the 4×6 inch prepaid return label.
func returnLabel(ctx context.Context, c *call) error {
	number, path := c.arg(0), c.str("out")
	if err := save(path, func(w io.Writer) error { return c.desk.Returns.WriteLabel(ctx, number, w) }); err != nil {
		return err
	}
	fmt.Fprintln(c.out, format.FixParticles(fmt.Sprintf("반품 라벨 %s을(를) 저장했습니다: %s", number, path)))
	return nil
}

func checkFind(c *call) error {
	if n := c.num("limit"); n < 1 || n > 10000 {
		return usageErr("--limit 은 1부터 10000 사이여야 합니다: %d", n)
	}
	return nil
}
