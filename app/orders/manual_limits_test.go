package orders

import (
	"context"
	"errors"
	"math"
	"strings"
	"testing"

	"sellerdesk/app/apperr"
)

// TestManualOrderLimits: a manual order is held to the limits an order file is read against; nothing is
// saved and no stock moves when a line is beyond one.
func TestManualOrderLimits(t *testing.T) {
	tests := []struct {
		name  string
		line  ManualLine
		fee   int64
		field string
		says  string
	}{
		{"max int64 quantity", ManualLine{Qty: math.MaxInt64}, 0, "lines", "1번 상품의 수량은 99,999개 이하"},
		{"10^18 quantity", ManualLine{Qty: 1e18}, 0, "lines", "99,999개 이하"},
		{"price 10^12", ManualLine{Qty: 1, UnitPrice: 1e12}, 0, "lines", "단가는 1,000,000,000원 이하"},
		{"amount beyond the line limit", ManualLine{Qty: 99_999, UnitPrice: 1e9}, 0, "lines", "100,000,000,000원 이하"},
		{"discount beyond", ManualLine{Qty: 1, Discount: math.MaxInt64}, 0, "lines", "할인은 100,000,000,000원 이하"},
		{"shipping fee beyond", ManualLine{Qty: 1}, 1e12, "shippingFee", "배송비는 10,000,000원 이하"},
		{"within the limits", ManualLine{Qty: 99_999, UnitPrice: 1_000_000}, 0, "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := openDesk(t)
			ctx := context.Background()
			var mug int64
			d.store.Read().QueryRow(`SELECT o.id FROM product_options o JOIN products p ON p.id = o.product_id WHERE p.code = 'MUG-01'`).Scan(&mug)
			l := tt.line
			l.OptionID = mug
			_, err := d.orders.CreateManual(ctx, ManualOrder{BuyerName: "최유나", BuyerPhone: "01055556666", PaymentMethod: "계좌이체",
				Address: "서울 종로구 1", ShippingFee: tt.fee, Lines: []ManualLine{l}})
			var n int
			d.store.Read().QueryRow(`SELECT count(*) FROM order_lines`).Scan(&n)
			if tt.field == "" {
				if err != nil || n != 1 {
					t.Fatalf("order within the limits: err %v, %d lines", err, n)
				}
				return
			}
			var ae *apperr.Error
			if !errors.As(err, &ae) || !strings.Contains(ae.Fields[tt.field], tt.says) {
				t.Fatalf("err = %v, want %s saying %q", err, tt.field, tt.says)
			}
			if n != 0 {
				t.Errorf("%d order lines saved, want none", n)
			}
			if got := d.mugStock(t); got != 3 {
				t.Errorf("mug stock = %d, want 3 untouched", got)
			}
		})
	}
}
