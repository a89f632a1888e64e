package orders

import (
	"context"
	"fmt"
	"io"
	"path/filepath"
	"time"

	"sellerdesk/app/sheet"
	"sellerdesk/data"
)

// ImportResult says what an import did, row by row where something went wrong.
type ImportResult struct {
	File                    string
	Rows                    int // data rows in the file
	New, Updated, Unchanged int
	Failed                  int
	Problems                []sheet.Problem // why each failed row failed
	Unmatched               int             // lines of this file not matched to a product option
	Oversold                []string        // sales beyond the stock, for the seller to check
}

// ImportFile reads a Smart Store order export and imports it in one transaction. Rows that cannot be read
// are reported and skipped; every other row is applied whole. progress gets 0…1 (reading is the first 70%).
func (s *Service) ImportFile(ctx context.Context, r io.Reader, name, password string, progress func(float64)) (ImportResult, error) {
	read := func(f float64) {
		if progress != nil {
			progress(f * 0.7)
		}
	}
	file, err := sheet.ReadOrders(ctx, r, sheet.ReadOrderOptions{Password: password}, read)
	if err != nil {
		return ImportResult{File: filepath.Base(name)}, err
	}
	return s.Import(ctx, file, filepath.Base(name), func(f float64) {
		if progress != nil {
			progress(0.7 + f*0.3)
		}
	})
}

// rank orders the forward states, so an older download never moves a line back.
var rank = map[Status]int{StatusPaymentWaiting: 0, StatusPaid: 1, StatusDelivering: 2, StatusDelivered: 3, StatusDecided: 4}

// Import upserts the rows of a read export by 상품주문번호: new lines are added, known lines take the file's
// status, courier and tracking (never moving back to an earlier state), and stock follows the status —
// taken once when paid, given back once when cancelled. All in one transaction.
func (s *Service) Import(ctx context.Context, file *sheet.OrderFile, source string, progress func(float64)) (ImportResult, error) {
	res := ImportResult{File: source, Rows: file.Total, Failed: len(file.Problems)}
	res.Problems = append(res.Problems, file.Problems...)
	err := s.write(ctx, "주문 가져오기", func(tx *data.Tx) error {
		res.New, res.Updated, res.Unchanged, res.Unmatched = 0, 0, 0, 0
		res.Failed, res.Problems = len(file.Problems), append([]sheet.Problem(nil), file.Problems...)
		keeper := newStockKeeper()
		orderIDs := map[string]int64{}
		for i, row := range file.Rows {
			if i%500 == 0 {
				if err := ctx.Err(); err != nil {
					return err
				}
				if progress != nil {
					progress(float64(i) / float64(len(file.Rows)))
				}
			}
			st, placing, err := ParseSmartStoreStatus(row.StatusWord, row.DetailWord)
			if err != nil {
				res.Failed++
				res.Problems = append(res.Problems, sheet.Problem{Sheet: file.Sheet, Row: row.Row, Column: "주문상태",
					Reason: err.Error() + ". 이 행은 건너뜁니다."})
				continue
			}
			outcome, err := s.upsertRow(ctx, tx, keeper, orderIDs, row, st, placing, source)
			if err != nil {
				return err
			}
			switch outcome {
			case outcomeNew:
				res.New++
			case outcomeUpdated:
				res.Updated++
			default:
				res.Unchanged++
			}
		}
		if err := keeper.settle(ctx, tx); err != nil {
			return err
		}
		res.Oversold = keeper.oversold
		n, err := data.CountOrderLines(ctx, tx, data.OrderLineQuery{Unmatched: true})
		res.Unmatched = n
		return err
	})
	if err != nil {
		return res, err
	}
	if progress != nil {
		progress(1)
	}
	s.log.Info("orders imported", "file", source, "new", res.New, "updated", res.Updated,
		"unchanged", res.Unchanged, "failed", res.Failed)
	return res, nil
}

type outcome int

const (
	outcomeUnchanged outcome = iota
	outcomeNew
	outcomeUpdated
)

func orderOf(row sheet.OrderRow) data.OrderRecord {
	return data.OrderRecord{
		OrderNo: row.OrderNo, Source: "SMARTSTORE", OrderedAt: row.OrderedAt, PaidAt: row.PaidAt,
		BuyerName: row.BuyerName, BuyerID: row.BuyerID, BuyerPhone: row.BuyerPhone,
		RecipientName: row.RecipientName, RecipientPhone1: row.RecipientPhone1, RecipientPhone2: row.RecipientPhone2,
		Postcode: row.Postcode, Address: row.Address, AddressDetail: row.AddressDetail,
		DeliveryMessage: row.DeliveryMessage, PaymentMethod: row.PaymentMethod, Channel: row.Channel,
		ShippingFee: row.ShippingFee, ShippingFeeExtra: row.ShippingFeeExtra, ShippingDiscount: row.ShippingDiscount,
		Country: "KR", CustomsID: row.CustomsID,
	}
}

func (s *Service) upsertRow(ctx context.Context, tx *data.Tx, keeper *stockKeeper, orderIDs map[string]int64,
	row sheet.OrderRow, st Status, placing Placing, source string) (outcome, error) {
	// A Smart Store export lists domestic deliveries (개인통관고유부호 is for goods bought from abroad);
	// overseas orders are the seller's own, entered by hand.
	ord := orderOf(row)
	if ord.OrderedAt.IsZero() {
		ord.OrderedAt = s.Now()
	}
	orderID, ok := orderIDs[row.OrderNo]
	if !ok {
		var err error
		if orderID, err = data.SaveOrderTx(ctx, tx, ord); err != nil {
			return 0, err
		}
		orderIDs[row.OrderNo] = orderID
	}
	old, err := data.LineByNo(ctx, tx, row.ProductOrderNo)
	isNew := err == data.ErrNoRow
	if err != nil && !isNew {
		return 0, err
	}
	l := old
	l.OrderID, l.ProductOrderNo = orderID, row.ProductOrderNo
	l.ProductCode, l.OptionCode, l.ProductName, l.OptionInfo = row.ProductCode, row.OptionCode, row.ProductName, row.OptionInfo
	l.Qty, l.UnitPrice, l.OptionPrice, l.Discount, l.Amount = row.Qty, row.UnitPrice, row.OptionPrice, row.Discount, row.Amount
	l.OrderedAt = ord.OrderedAt.UTC().Truncate(time.Millisecond)
	if row.TrackingNo != "" || isNew {
		l.Courier, l.TrackingNo = row.Courier, row.TrackingNo
	}
	if !row.ShippedAt.IsZero() {
		l.ShippedAt = row.ShippedAt.UTC().Truncate(time.Millisecond)
	}
	// Status: the file's, unless it is an older forward state than what the line already reached.
	cur := Status(old.Status)
	newRank, fwd := rank[st]
	curRank, curFwd := rank[cur]
	if isNew || !fwd || !curFwd || newRank >= curRank {
		l.Status = string(st)
	}
	if isNew || Placing(old.Placing) != PlacingOK {
		l.Placing = string(placing)
	}
	if l.OptionID == 0 {
		if l.OptionID, err = matchOption(ctx, tx, l.ProductCode, l.OptionCode, l.OptionInfo); err != nil {
			return 0, err
		}
	}
	if isNew {
		if err := keeper.sync(ctx, tx, &l); err != nil {
			return 0, err
		}
		if l.ID, err = data.InsertLineTx(ctx, tx, l); err != nil {
			return 0, err
		}
		if err := data.AddStatusChangeTx(ctx, tx, l.ID, "", l.Status, "가져오기", source); err != nil {
			return 0, err
		}
		if err := data.SetLineSearchTx(ctx, tx, l.ID, lineSearch(ord, l), false); err != nil {
			return 0, err
		}
		return outcomeNew, nil
	}
	if err := keeper.sync(ctx, tx, &l); err != nil {
		return 0, err
	}
	if sameLine(old, l) {
		return outcomeUnchanged, nil
	}
	if err := data.UpdateLineTx(ctx, tx, l); err != nil {
		return 0, err
	}
	if old.Status != l.Status {
		if err := data.AddStatusChangeTx(ctx, tx, l.ID, old.Status, l.Status, "가져오기", source); err != nil {
			return 0, err
		}
	}
	if old.ProductName != l.ProductName || old.OptionInfo != l.OptionInfo {
		if err := data.SetLineSearchTx(ctx, tx, l.ID, lineSearch(ord, l), true); err != nil {
			return 0, err
		}
	}
	return outcomeUpdated, nil
}

// sameLine compares what an import can change.
func sameLine(a, b data.OrderLineRecord) bool {
	a.CreatedAt, a.UpdatedAt, b.CreatedAt, b.UpdatedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	return a.OrderID == b.OrderID && a.ProductCode == b.ProductCode && a.OptionCode == b.OptionCode &&
		a.OptionID == b.OptionID && a.ProductName == b.ProductName && a.OptionInfo == b.OptionInfo &&
		a.Qty == b.Qty && a.UnitPrice == b.UnitPrice && a.OptionPrice == b.OptionPrice && a.Discount == b.Discount &&
		a.Amount == b.Amount && a.Status == b.Status && a.Placing == b.Placing && a.Courier == b.Courier &&
		a.TrackingNo == b.TrackingNo && a.ShippedAt.Equal(b.ShippedAt) && a.StockTaken == b.StockTaken &&
		a.OrderedAt.Equal(b.OrderedAt)
}

// Summary is the result in one Korean sentence.
func (r ImportResult) Summary() string {
	s := fmt.Sprintf("%s: 새 주문 %d건, 변경 %d건, 그대로 %d건, 실패 %d건", r.File, r.New, r.Updated, r.Unchanged, r.Failed)
	if r.Unmatched > 0 {
		s += fmt.Sprintf(". 상품과 연결되지 않은 주문 %d건은 '상품 연결'에서 연결하세요", r.Unmatched)
	}
	return s + "."
}
