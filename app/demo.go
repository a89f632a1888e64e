package app

import (
	"context"
	"fmt"
	"math/rand/v2"

	"sellerdesk/app/catalog"
	"sellerdesk/app/orders"
	"sellerdesk/app/overseas"
	"sellerdesk/app/purchasing"
	"sellerdesk/app/returns"
	"sellerdesk/data"
)

// DemoOptions shapes the demo store.
type DemoOptions struct {
	// Orders is how many orders the demo store gets, spread over the last 12 months.
	Orders int
	// Seed makes the demo reproducible.
	Seed uint64
}

// DefaultDemoOrders is the demo store's order count when none is asked for.
const DefaultDemoOrders = 3000

// demoStep fills one area of the demo store inside the shared transaction. Each area adds its own.
type demoStep struct {
	name string
	fill func(ctx context.Context, tx *data.Tx, rng *rand.Rand, opts DemoOptions) error
}

var demoSteps = []demoStep{
	{"매장 정보", fillDemoProfile},
	{"상품", func(ctx context.Context, tx *data.Tx, rng *rand.Rand, _ DemoOptions) error {
		return catalog.FillDemo(ctx, tx, rng)
	}},
	{"주문", func(ctx context.Context, tx *data.Tx, rng *rand.Rand, opts DemoOptions) error {
		return orders.FillDemo(ctx, tx, rng, opts.Orders, tx.Now())
	}},
	{"해외배송", func(ctx context.Context, tx *data.Tx, rng *rand.Rand, _ DemoOptions) error {
		return overseas.FillDemo(ctx, tx, rng)
	}},
	{"반품·교환", func(ctx context.Context, tx *data.Tx, rng *rand.Rand, _ DemoOptions) error {
		return returns.FillDemo(ctx, tx, rng, tx.Now())
	}},
	{"발주서", func(ctx context.Context, tx *data.Tx, _ *rand.Rand, _ DemoOptions) error {
		return purchasing.FillDemo(ctx, tx, tx.Now())
	}},
}

// LoadDemo fills an empty store with a realistic demo shop in one transaction: all of it or nothing.
// It refuses a store that already holds the seller's data. progress gets the fraction done.
func (d *Desk) LoadDemo(ctx context.Context, opts DemoOptions, progress func(float64)) error {
	if opts.Orders < 0 {
		return &Error{Code: ErrInvalid, Message: "주문 수는 0 이상이어야 합니다."}
	}
	if opts.Orders == 0 {
		opts.Orders = DefaultDemoOrders
	}
	empty, err := d.store.IsEmpty(ctx)
	if err != nil {
		return err
	}
	if !empty {
		return &Error{Code: ErrConflict, Message: "이미 데이터가 있는 매장에는 데모 데이터를 넣을 수 없습니다. 빈 데이터 파일에서 실행하세요(예: --db demo.db)."}
	}
	rng := rand.New(rand.NewPCG(opts.Seed, 0x5e11e7))
	err = d.store.Write(ctx, func(tx *data.Tx) error {
		for i, step := range demoSteps {
			if err := ctx.Err(); err != nil {
				return err
			}
			if err := step.fill(ctx, tx, rng, opts); err != nil {
				return fmt.Errorf("demo %s: %w", step.name, err)
			}
			if progress != nil {
				progress(float64(i+1) / float64(len(demoSteps)))
			}
		}
		return data.SetSettingTx(ctx, tx, keyFirstRun, "demo")
	})
	if err != nil {
		d.Log.Error("load demo", "err", err)
		if ctx.Err() != nil {
			return &Error{Code: ErrConflict, Err: err, Message: "데모 데이터 불러오기를 취소했습니다. 아무것도 저장하지 않았습니다."}
		}
		return &Error{Code: ErrInternal, Err: err, Message: "데모 데이터를 불러오지 못했습니다. 아무것도 저장하지 않았습니다."}
	}
	d.Log.Info("demo loaded", "orders", opts.Orders)
	return nil
}

func fillDemoProfile(ctx context.Context, tx *data.Tx, _ *rand.Rand, _ DemoOptions) error {
	return data.SaveProfileTx(ctx, tx, data.StoreProfile{
		Name:           "하루공방",
		Owner:          "김하루",
		BusinessNo:     "220-81-62517",
		MailOrderNo:    "2026-서울마포-1234",
		Address:        "서울특별시 마포구 월드컵북로 396, 3층",
		Phone:          "02-332-1234",
		Email:          "hello@harugongbang.kr",
		ReturnPostcode: "03925",
		ReturnAddress:  "서울특별시 마포구 월드컵북로 396, 3층 하루공방 반품담당",
	})
}
