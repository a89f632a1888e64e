package catalog

import (
	"context"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"sellerdesk/app/apperr"
)

func TestStockRules(t *testing.T) {
	ctx := context.Background()
	s := openService(t)
	p, err := s.SaveProduct(ctx, tee("S1", []string{"화이트"}, []string{"M", "L"}, 1), "")
	if err != nil {
		t.Fatal(err)
	}
	m, l := p.Options[0].ID, p.Options[1].ID

	t.Run("ErrBelowZero", func(t *testing.T) {
		_, err := s.AdjustStock(ctx, m, -2, ReasonSale, "", "")
		if apperr.ErrorCode(err) != apperr.ErrConflict || !strings.Contains(err.Error(), "재고가 부족합니다") {
			t.Errorf("err = %v", err)
		}
	})
	status := func() (Status, bool) {
		got, _ := s.Product(ctx, p.ID)
		return got.Status, got.StatusAuto
	}
	s.AdjustStock(ctx, m, -1, ReasonSale, "", "order-1")
	if st, _ := status(); st != StatusSale {
		t.Fatalf("one option left in stock, status %s", st)
	}
	s.AdjustStock(ctx, l, -1, ReasonSale, "", "order-2")
	if st, auto := status(); st != StatusSoldOut || !auto {
		t.Fatalf("all options at 0: status %s auto %v, want automatic 품절", st, auto)
	}
	rows, _ := s.ListProducts(ctx, ListFilter{LowStock: true})
	if len(rows) != 1 || !rows[0].LowStock {
		t.Errorf("low stock rows = %+v", rows)
	}
	s.AdjustStock(ctx, l, 10, ReasonReceive, "입고", "")
	if st, auto := status(); st != StatusSale || auto {
		t.Fatalf("restocked: status %s auto %v, want 판매중", st, auto)
	}
	// a 품절 the seller sets stays, even when stock arrives
	if err := s.SetStatus(ctx, []int64{p.ID}, StatusSoldOut); err != nil {
		t.Fatal(err)
	}
	s.AdjustStock(ctx, m, 3, ReasonReceive, "", "")
	if st, auto := status(); st != StatusSoldOut || auto {
		t.Errorf("manual 품절 changed to %s (auto %v)", st, auto)
	}

	t.Run("Backorder", func(t *testing.T) {
		b := simple("B1", "예약 판매", 5000, 0)
		b.AllowBackorder = true
		bp, err := s.SaveProduct(ctx, b, "")
		if err != nil {
			t.Fatal(err)
		}
		o, err := s.AdjustStock(ctx, bp.Options[0].ID, -3, ReasonSale, "", "")
		if err != nil || o.Stock != -3 {
			t.Fatalf("backorder sale: %+v %v", o, err)
		}
		if got, _ := s.Product(ctx, bp.ID); got.Status != StatusSale {
			t.Errorf("a backorder product sold out: %s", got.Status)
		}
	})
}

// TestLedgerInvariant does many random operations and then checks that every option's stock equals the
// sum of its movements, and that the list's cached totals agree.
func TestLedgerInvariant(t *testing.T) {
	ctx := context.Background()
	s := openService(t)
	rng := rand.New(rand.NewPCG(7, 11))
	var ids []int64
	for i := 0; i < 8; i++ {
		p, err := s.SaveProduct(ctx, tee(fmt.Sprintf("R%d", i), []string{"A", "B"}, []string{"1", "2", "3"}, int64(rng.IntN(5))), "")
		if err != nil {
			t.Fatal(err)
		}
		ids = append(ids, p.ID)
	}
	for step := 0; step < 400; step++ {
		id := ids[rng.IntN(len(ids))]
		p, err := s.Product(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		switch rng.IntN(4) {
		case 0, 1:
			o := p.Options[rng.IntN(len(p.Options))]
			s.AdjustStock(ctx, o.ID, int64(rng.IntN(9)-4), Reasons[rng.IntN(len(Reasons))], "", "") // refusals are fine
		case 2:
			for i := range p.Options {
				p.Options[i].Stock = int64(rng.IntN(6))
			}
			if _, err := s.SaveProduct(ctx, p, "random"); err != nil {
				t.Fatal(err)
			}
		case 3:
			sizes := [][]string{{"1", "2"}, {"2", "3", "4"}, {"1", "2", "3"}}[rng.IntN(3)]
			p.OptionGroups[1].Values = sizes
			p.Options = CombineOptions(p.OptionKind, p.OptionGroups, p.Options)
			for i := range p.Options {
				p.Options[i].Code = ""
			}
			if _, err := s.SaveProduct(ctx, p, "regen"); err != nil {
				t.Fatal(err)
			}
		}
	}
	edited, _ := s.ExportProducts(ctx, ListFilter{})
	for i := range edited {
		for j := range edited[i].Options {
			edited[i].Options[j].Stock += 2
		}
	}
	if _, err := s.ApplyBulkEdit(ctx, edited, "bulk.xlsx", nil); err != nil {
		t.Fatal(err)
	}
	if bad, err := s.LedgerMismatches(ctx); err != nil || len(bad) != 0 {
		t.Fatalf("options whose stock is not the sum of their movements: %v %v", bad, err)
	}
	rows, _ := s.ListProducts(ctx, ListFilter{})
	for _, r := range rows {
		p, _ := s.Product(ctx, r.ID)
		if r.TotalStock != p.TotalStock() {
			t.Errorf("%s: list total %d, options sum %d", r.Code, r.TotalStock, p.TotalStock())
		}
	}
}
