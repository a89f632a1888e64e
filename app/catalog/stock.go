package catalog

import (
	"context"
	"errors"

	"sellerdesk/app/apperr"
	"sellerdesk/app/limits"
	"sellerdesk/data"
)

// AdjustStock moves one option's stock by delta with a reason, as one movement in the ledger.
func (s *Service) AdjustStock(ctx context.Context, optionID, delta int64, reason Reason, note, sourceRef string) (Option, error) {
	if delta == 0 {
		return Option{}, apperr.Invalid(map[string]string{"delta": "바꿀 수량을 0이 아닌 수로 입력하세요."}, nil)
	}
	var opt Option
	err := s.write(ctx, "재고를", func(tx *data.Tx) error {
		var err error
		opt, err = AdjustStockTx(ctx, tx, optionID, delta, reason, note, sourceRef)
		return err
	})
	if err == nil {
		s.log.Info("stock adjusted", "option", optionID, "delta", delta, "reason", reason)
	}
	return opt, err
}

// AdjustStockTx is AdjustStock inside a transaction the caller holds (orders take stock in the same
// transaction that records the order). Stock may not go below zero unless the product allows backorder.
func AdjustStockTx(ctx context.Context, tx *data.Tx, optionID, delta int64, reason Reason, note, sourceRef string) (Option, error) {
	switch reason {
	case ReasonReceive, ReasonSale, ReasonReturn, ReasonAdjust, ReasonBulk:
	default:
		return Option{}, apperr.Invalid(map[string]string{"reason": "재고 변경 사유를 고르세요."}, nil)
	}
	o, err := data.OptionByID(ctx, tx, optionID)
	if errors.Is(err, data.ErrNoRow) {
		return Option{}, notFound("옵션을 찾을 수 없습니다.")
	}
	if err != nil {
		return Option{}, err
	}
	p, err := data.ProductByID(ctx, tx, o.ProductID)
	if err != nil {
		return Option{}, err
	}
	// the stock a movement leaves stays within the stated limit (back orders down to as far below zero); a
	// delta beyond twice the limit is refused before adding, so the sum can never wrap
	if delta > 2*limits.Stock.Max || delta < -2*limits.Stock.Max || o.Stock+delta > limits.Stock.Max {
		return Option{}, apperr.InvalidMsg(map[string]apperr.Msg{"delta": apperr.M("재고는 {{.Max}}개 이하여야 합니다.",
			"Max", limits.Group(limits.Stock.Max))}, nil)
	}
	if o.Stock+delta < -limits.Stock.Max {
		return Option{}, apperr.InvalidMsg(map[string]apperr.Msg{"delta": apperr.M("미리 판매한 재고는 {{.Max}}개까지입니다.",
			"Max", limits.Group(limits.Stock.Max))}, nil)
	}
	if o.Stock+delta < 0 && !p.AllowBackorder {
		label := p.Name
		if opt := toOption(o); opt.Label() != "" {
			label += " " + opt.Label()
		}
		return Option{}, conflict("재고가 부족합니다: {{.Option}} (현재 {{.Stock}}개, 요청 {{.Want}}개).", "Option", label, "Stock", o.Stock, "Want", -delta)
	}
	if o.Stock, err = data.AddMovementTx(ctx, tx, optionID, delta, string(reason), note, sourceRef); err != nil {
		return Option{}, err
	}
	if err := data.RefreshStockCacheTx(ctx, tx, o.ProductID); err != nil {
		return Option{}, err
	}
	return toOption(o), autoStatusTx(ctx, tx, o.ProductID)
}

// autoStatusTx turns a 판매중 product whose usable options all reached zero into 품절 (marked automatic),
// and an automatic 품절 back into 판매중 when stock returns. A status the seller chose stays as it is, and
// a product that takes backorders never sells out.
func autoStatusTx(ctx context.Context, tx *data.Tx, productID int64) error {
	p, err := data.ProductByID(ctx, tx, productID)
	if err != nil {
		return err
	}
	opts, err := data.OptionsOf(ctx, tx, productID, false)
	if err != nil {
		return err
	}
	inStock := false
	for _, o := range opts {
		if o.Usable && o.Stock > 0 {
			inStock = true
		}
	}
	switch {
	case Status(p.Status) == StatusSale && !inStock && !p.AllowBackorder:
		return data.SetProductStatusTx(ctx, tx, productID, string(StatusSoldOut), true)
	case Status(p.Status) == StatusSoldOut && p.StatusAuto && (inStock || p.AllowBackorder):
		return data.SetProductStatusTx(ctx, tx, productID, string(StatusSale), false)
	}
	return nil
}

// Movements returns an option's stock history, newest first.
func (s *Service) Movements(ctx context.Context, optionID int64, limit int) ([]Movement, error) {
	recs, err := data.Movements(ctx, s.store.Read(), optionID, limit)
	if err != nil {
		return nil, internal(err, "재고 이력을 읽지 못했습니다.")
	}
	out := make([]Movement, len(recs))
	for i, m := range recs {
		out[i] = Movement{ID: m.ID, OptionID: m.OptionID, ProductID: m.ProductID, Delta: m.Delta, StockAfter: m.StockAfter,
			Reason: Reason(m.Reason), Note: m.Note, SourceRef: m.SourceRef, At: m.At}
	}
	return out, nil
}

// LedgerMismatches lists options whose stock differs from the sum of their movements (none, in a sound store).
func (s *Service) LedgerMismatches(ctx context.Context) ([]int64, error) {
	return data.LedgerMismatches(ctx, s.store.Read())
}

// SaleTx records stock leaving or coming back for an order line (delta −qty when sold, +qty when the sale
// is cancelled), in the caller's transaction. Unlike AdjustStockTx it never refuses: the sale already
// happened at the marketplace, so a sale beyond the stock is written and reported as oversold for the
// seller to fix. The caller settles the product's caches and 품절 state once per product with SettleTx.
func SaleTx(ctx context.Context, tx *data.Tx, optionID, delta int64, note, sourceRef string) (after int64, err error) {
	return data.AddMovementTx(ctx, tx, optionID, delta, string(ReasonSale), note, sourceRef)
}

// SettleTx refreshes a product's stock caches and 판매량, and turns it 품절 or back to 판매중, after SaleTx moves.
func SettleTx(ctx context.Context, tx *data.Tx, productID int64) error {
	if err := data.RefreshStockCacheTx(ctx, tx, productID); err != nil {
		return err
	}
	if err := data.RefreshSoldQtyTx(ctx, tx, productID); err != nil {
		return err
	}
	return autoStatusTx(ctx, tx, productID)
}
