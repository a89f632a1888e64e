package orders

import (
	"context"
	"log/slog"
	"time"

	"sellerdesk/app/apperr"
	"sellerdesk/app/catalog"
	"sellerdesk/app/txn"
	"sellerdesk/data"
)

// Service is the order book: what the order screens, the importer and the headless commands call.
type Service struct {
	store *data.Store
	log   *slog.Logger
	tx    txn.Writer
	// clock is the store's clock; only the demo, which fills orders inside another transaction without a
	// service of its own, hands the importer its day directly
	clock func() time.Time
}

// New builds the order service on an open store.
func New(store *data.Store, log *slog.Logger) *Service {
	return &Service{store: store, log: log, tx: txn.Writer{Store: store, Log: log, Area: "주문"}, clock: store.Now}
}

// Now is the time on the desk's clock (the store's): periods, manual orders' dates and shipping dates use
// it, and it is the time the service's transactions stamp, so a test that pins the desk pins both.
func (s *Service) Now() time.Time { return s.clock() }

// internal is a failed read the seller cannot fix: what failed, as a key of its own, inside the sentence that
// points to the log, so both speak the seller's language; the cause stays for the log.
func internal(err error, what string) error {
	e := apperr.New(apperr.ErrInternal, "{{.What}} 자세한 내용은 로그에 기록했습니다.", "What", apperr.M(what))
	e.Err = err
	return e
}

// notFound is a missing row as a sentence key; args as for apperr.M.
func notFound(key string, args ...any) error { return apperr.New(apperr.ErrNotFound, key, args...) }

// write runs fn in one transaction through the services' shared helper (see package txn).
func (s *Service) write(ctx context.Context, what string, fn func(tx *data.Tx) error) error {
	return s.tx.Write(ctx, what, fn)
}

// stockRef is the ledger's source reference of an order line, so every movement names its line.
func stockRef(productOrderNo string) string { return "order:" + productOrderNo }

// stockKeeper takes and gives back a line's stock inside one transaction and settles every touched product
// once at the end, instead of once per line.
type stockKeeper struct {
	products map[int64]bool  // touched product ids
	owner    map[int64]int64 // option id → product id
	oversold []string        // in Korean, for the headless command and the log
	why      []apperr.Msg    // the same as sentence keys, for the window in the seller's language
}

func newStockKeeper() *stockKeeper {
	return &stockKeeper{products: map[int64]bool{}, owner: map[int64]int64{}}
}

// sync makes a line's stock_taken agree with its status: a paid line holds its quantity once, a cancelled
// line gives it back once. It changes l.StockTaken and reports whether it wrote a movement.
func (k *stockKeeper) sync(ctx context.Context, tx *data.Tx, l *data.OrderLineRecord) error {
	if l.OptionID == 0 {
		return nil
	}
	st := Status(l.Status)
	var delta int64
	var note string
	switch {
	case st.HoldsStock() && !l.StockTaken:
		delta, note = -l.Qty, "주문 "+l.ProductOrderNo
	case st.Cancelled() && l.StockTaken:
		delta, note = l.Qty, "주문 취소 "+l.ProductOrderNo
	default:
		return nil
	}
	after, err := catalog.SaleTx(ctx, tx, l.OptionID, delta, note, stockRef(l.ProductOrderNo))
	if err != nil {
		return err
	}
	l.StockTaken = delta < 0
	if after < 0 && delta < 0 {
		why := apperr.M("{{.Product}} {{.Option}}: 재고가 {{.Stock}}개로 부족합니다",
			"Product", l.ProductName, "Option", l.OptionInfo, "Stock", after)
		k.oversold = append(k.oversold, why.Text(apperr.Korean))
		k.why = append(k.why, why)
	}
	pid, ok := k.owner[l.OptionID]
	if !ok {
		o, err := data.OptionByID(ctx, tx, l.OptionID)
		if err != nil {
			return err
		}
		pid = o.ProductID
		k.owner[l.OptionID] = pid
	}
	k.products[pid] = true
	return nil
}

// settle refreshes each touched product's stock caches and 품절 state.
func (k *stockKeeper) settle(ctx context.Context, tx *data.Tx) error {
	for pid := range k.products {
		if err := catalog.SettleTx(ctx, tx, pid); err != nil {
			return err
		}
	}
	return nil
}

// lineSearch is what a line is found by besides its numbers and product.
func lineSearch(o data.OrderRecord) data.LineSearch {
	return data.LineSearch{
		Names:  []string{o.BuyerName, o.RecipientName},
		Phones: []string{o.BuyerPhone, o.RecipientPhone1, o.RecipientPhone2},
	}
}

// matchOption finds the option a line sells: the seller's remembered mapping first, then the codes.
func matchOption(ctx context.Context, q data.Querier, productCode, optionCode, optionInfo string) (int64, error) {
	id, err := data.MappedOption(ctx, q, productCode, optionCode, optionInfo)
	if err != nil || id != 0 {
		return id, err
	}
	if id, err = data.OptionForCodes(ctx, q, productCode, optionCode); err != nil || id != 0 || optionCode == "" || optionInfo == "" {
		return id, err
	}
	// an 옵션관리코드 the catalog does not know (set in Smart Store only): the option's text, remembered when
	// the product was registered from Smart Store's file, still names it
	return data.MappedOption(ctx, q, productCode, "", optionInfo)
}
