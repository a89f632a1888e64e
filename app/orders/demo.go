package orders

import (
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"strings"
	"time"

	"sellerdesk/app/catalog"
	"sellerdesk/app/sheet"
	"sellerdesk/data"
)

var (
	demoSurnames = []string{"김", "이", "박", "최", "정", "강", "조", "윤", "장", "임", "한", "오", "서", "신", "권"}
	demoGiven    = []string{"민지", "서준", "도윤", "하은", "지우", "예린", "현우", "수빈", "유나", "지호", "서연", "민준",
		"하늘", "채원", "건우", "다은", "지민", "소율", "태윤", "나연"}
	demoAddresses = []struct{ postcode, base string }{
		{"04001", "서울특별시 마포구 월드컵로 12"}, {"06236", "서울특별시 강남구 테헤란로 152"},
		{"48058", "부산광역시 해운대구 센텀중앙로 79"}, {"35204", "대전광역시 서구 둔산로 100"},
		{"61945", "광주광역시 서구 내방로 111"}, {"63122", "제주특별자치도 제주시 문연로 6"},
		{"16490", "경기도 수원시 팔달구 효원로 241"}, {"41911", "대구광역시 중구 공평로 88"},
		{"21554", "인천광역시 남동구 정각로 29"}, {"24341", "강원특별자치도 춘천시 중앙로 1"},
	}
	demoPayments = []string{"신용카드", "신용카드", "신용카드", "네이버페이 포인트", "계좌이체", "무통장입금", "휴대폰결제"}
	demoChannels = []string{"스마트스토어", "스마트스토어", "네이버쇼핑", "네이버쇼핑", "쇼핑라이브", "마케팅 링크"}
	demoMessages = []string{"", "", "문 앞에 놓아주세요", "부재 시 경비실에 맡겨주세요", "배송 전 연락 부탁드립니다", "선물 포장 부탁드려요"}
	demoCouriers = []string{"CJ대한통운", "CJ대한통운", "롯데택배", "한진택배", "우체국택배", "로젠택배"}
	// how busy each month is, January first: a spring lull, a summer dip, 블랙프라이데이 and year-end peaks
	demoSeason = []float64{0.9, 0.7, 0.85, 0.9, 1.0, 0.85, 0.7, 0.75, 1.0, 1.1, 1.45, 1.35}
	// when orders come in, by hour: lunch and the evening after work
	demoHours = []float64{2, 1, 0.6, 0.3, 0.2, 0.3, 0.6, 1.2, 2, 3, 4.2, 4.6, 4.8, 4.0, 3.4, 3.2, 3.3, 3.6, 3.8, 4.2, 5.2, 5.8, 5.0, 3.4}
)

// demoPick picks an index by weight.
func demoPick(rng *rand.Rand, weights []float64) int {
	var total float64
	for _, w := range weights {
		total += w
	}
	x := rng.Float64() * total
	for i, w := range weights {
		if x < w {
			return i
		}
		x -= w
	}
	return len(weights) - 1
}

// demoBuyer is a customer who comes back.
type demoBuyer struct{ name, id, phone string }

// demoOrderTime is when an order of the demo came in: older orders are rarer (the shop has grown over the
// year), busier months and hours more likely.
func demoOrderTime(rng *rand.Rand, now time.Time) time.Time {
	for {
		age := time.Duration(rng.Float64()*rng.Float64()*365*24) * time.Hour
		at := now.Add(-age)
		if rng.Float64()*1.45 > demoSeason[at.Month()-1] {
			continue
		}
		y, m, d := at.Date()
		at = time.Date(y, m, d, demoPick(rng, demoHours), rng.IntN(60), rng.IntN(60), 0, now.Location())
		if at.After(now) {
			continue
		}
		return at
	}
}

// FillDemo adds n orders spread over the twelve months before now, inside the demo's transaction, through
// the same rules an import uses: paid lines take stock, cancelled lines give it back, and each status has
// its history. Old orders are mostly 구매확정 (some 취소, 반품, 교환), recent ones 배송중 or 배송완료, today's
// new or confirmed; a few lines name a product the catalog no longer has, for the 상품 연결 screen. Options
// that would run out are restocked first (입고), as a seller would.
func FillDemo(ctx context.Context, tx *data.Tx, rng *rand.Rand, n int, now time.Time) error {
	sellable, err := data.SellableOptions(ctx, tx)
	if err != nil {
		return err
	}
	if len(sellable) == 0 || n == 0 {
		return nil
	}
	svc := &Service{clock: func() time.Time { return now }}
	im := &importer{s: svc, tx: tx, keeper: newStockKeeper(), source: "데모", orderIDs: map[string]int64{}, options: map[[3]string]int64{}}
	stock := map[int64]int64{}
	// regulars: about a third of the orders come from 300 returning customers
	var regulars []demoBuyer
	for i := 0; i < 300; i++ {
		regulars = append(regulars, demoBuyer{demoSurnames[rng.IntN(len(demoSurnames))] + demoGiven[rng.IntN(len(demoGiven))],
			demoID(rng), fmt.Sprintf("010-%04d-%04d", rng.IntN(10000), rng.IntN(10000))})
	}
	for i := 0; i < n; i++ {
		if i%200 == 0 {
			if err := ctx.Err(); err != nil {
				return err
			}
		}
		at := demoOrderTime(rng, now).Truncate(time.Second)
		if i < 6 {
			at = now.Add(-time.Duration(10+i*37) * time.Minute).Truncate(time.Second) // a few from today
		}
		orderNo := fmt.Sprintf("%s%08d", at.Format("20060102"), 10_000_000+i)
		buyer := demoSurnames[rng.IntN(len(demoSurnames))] + demoGiven[rng.IntN(len(demoGiven))]
		recipient := buyer
		if rng.IntN(6) == 0 {
			recipient = demoSurnames[rng.IntN(len(demoSurnames))] + demoGiven[rng.IntN(len(demoGiven))]
		}
		addr := demoAddresses[rng.IntN(len(demoAddresses))]
		who := demoBuyer{buyer, demoID(rng), fmt.Sprintf("010-%04d-%04d", rng.IntN(10000), rng.IntN(10000))}
		if rng.IntN(3) == 0 {
			who = regulars[rng.IntN(len(regulars))]
			buyer = who.name
			if recipient != buyer && rng.IntN(2) == 0 {
				recipient = buyer
			}
		}
		row := sheet.OrderRow{OrderNo: orderNo, OrderedAt: at, PaidAt: at.Add(time.Duration(rng.IntN(300)) * time.Second),
			BuyerName: buyer, BuyerID: who.id,
			BuyerPhone:      who.phone,
			RecipientName:   recipient,
			RecipientPhone1: fmt.Sprintf("0504-%04d-%04d", rng.IntN(10000), rng.IntN(10000)),
			Postcode:        addr.postcode, Address: addr.base, AddressDetail: fmt.Sprintf("%d동 %d호", 101+rng.IntN(9), 101+rng.IntN(1500)),
			DeliveryMessage: demoMessages[rng.IntN(len(demoMessages))], PaymentMethod: demoPayments[rng.IntN(len(demoPayments))],
			Channel: demoChannels[rng.IntN(len(demoChannels))], ShippingFee: 3000}
		if strings.HasPrefix(addr.base, "제주") {
			row.ShippingFeeExtra = 3000
		}
		if i >= 6 && rng.IntN(20) == 0 {
			// an order taken by phone or at the counter: entered by hand, paid in cash or by transfer
			no, err := data.NextManualOrderNoTx(ctx, tx, at.Format("20060102"))
			if err != nil {
				return err
			}
			row.OrderNo = no
			row.PaymentMethod = []string{"현금", "계좌이체", "계좌이체", "신용카드"}[rng.IntN(4)]
			row.Channel = []string{"전화 주문", "매장 판매", "매장 판매", "카카오톡 문의"}[rng.IntN(4)]
			ord := orderOf(row)
			ord.Source, ord.DeliveryMessage = "MANUAL", ""
			id, err := data.SaveOrderTx(ctx, tx, ord)
			if err != nil {
				return err
			}
			im.orderIDs[row.OrderNo] = id
		}
		days := now.Sub(at).Hours() / 24
		for ln := 0; ln < 1+rng.IntN(3)/2+rng.IntN(2)*rng.IntN(2); ln++ {
			row.ProductOrderNo = fmt.Sprintf("%s%08d", at.Format("20060102"), 50_000_000+i*4+ln)
			st, placing := demoStatus(rng, days)
			line := row
			line.Qty = int64(1 + rng.IntN(3)/2)
			if rng.IntN(120) == 0 {
				line.ProductCode, line.ProductName, line.OptionInfo = "OLD-"+fmt.Sprint(rng.IntN(5)), "단종된 에코백 (구 상품)", ""
				line.UnitPrice = 15000
			} else {
				// a few products sell far more than the rest
				o := sellable[int(float64(len(sellable))*rng.Float64()*rng.Float64())]
				var values []string
				_ = json.Unmarshal([]byte(o.OptionValues), &values)
				line.ProductCode, line.OptionCode, line.ProductName = o.ProductCode, o.OptionCode, o.ProductName
				line.OptionInfo = strings.Join(values, " / ")
				line.UnitPrice = o.Price
				if st.HoldsStock() {
					if err := restock(ctx, tx, stock, o.OptionID, line.Qty); err != nil {
						return err
					}
				}
			}
			if rng.IntN(8) == 0 {
				line.Discount = line.UnitPrice * line.Qty / 10 / 100 * 100
			}
			line.Amount = line.UnitPrice*line.Qty - line.Discount
			if st == StatusDelivering || st == StatusDelivered || st == StatusDecided || st == StatusReturned || st == StatusExchanged {
				line.Courier = demoCouriers[rng.IntN(len(demoCouriers))]
				line.TrackingNo = fmt.Sprintf("%d%011d", 5+rng.IntN(4), rng.Int64N(1e11))
				line.ShippedAt = at.Add(time.Duration(20+rng.IntN(30)) * time.Hour)
			}
			if st == StatusReturned {
				// Smart Store finished the return a week or two after the sale, not on the day the demo
				// was made: its refund belongs to that day (the line's claim day, which 매출 counts)
				claimed := at.AddDate(0, 0, 5+rng.IntN(10))
				if claimed.After(now) {
					claimed = now
				}
				line.ClaimAt = claimed
			}
			if _, err := im.upsert(ctx, line, st, placing); err != nil {
				return err
			}
		}
	}
	if err := data.FlushLineSearchTx(ctx, tx); err != nil {
		return err
	}
	return im.keeper.settle(ctx, tx)
}

// demoID is a Naver ID as exports show it, the end hidden: "hrkim***".
func demoID(rng *rand.Rand) string {
	b := make([]byte, 3+rng.IntN(3))
	for i := range b {
		b[i] = byte('a' + rng.IntN(26))
	}
	return string(b) + "***"
}

// demoStatus picks a line's state for an order placed days ago.
func demoStatus(rng *rand.Rand, days float64) (Status, Placing) {
	r := rng.IntN(100)
	switch {
	case days < 0.5:
		switch {
		case r < 8:
			return StatusPaymentWaiting, PlacingNotYet
		case r < 60:
			return StatusPaid, PlacingNotYet
		default:
			return StatusPaid, PlacingOK
		}
	case days < 2:
		switch {
		case r < 30:
			return StatusPaid, PlacingOK
		case r < 35:
			return StatusCanceled, PlacingNotYet
		default:
			return StatusDelivering, PlacingOK
		}
	case days < 8:
		switch {
		case r < 40:
			return StatusDelivering, PlacingOK
		case r < 95:
			return StatusDelivered, PlacingOK
		default:
			return StatusCanceled, PlacingNotYet
		}
	}
	switch {
	case r < 5:
		return StatusCanceled, PlacingNotYet
	case r < 8:
		return StatusReturned, PlacingOK
	case r < 9:
		return StatusExchanged, PlacingOK
	case r < 11:
		return StatusNoPayment, PlacingNotYet
	}
	return StatusDecided, PlacingOK
}

// restock receives 30 more of an option when a sale would take it below zero.
func restock(ctx context.Context, tx *data.Tx, stock map[int64]int64, optionID, qty int64) error {
	cur, ok := stock[optionID]
	if !ok {
		o, err := data.OptionByID(ctx, tx, optionID)
		if err != nil {
			return err
		}
		cur = o.Stock
	}
	if cur < qty {
		if _, err := catalog.AdjustStockTx(ctx, tx, optionID, 30, catalog.ReasonReceive, "데모 입고", "demo"); err != nil {
			return err
		}
		cur += 30
	}
	stock[optionID] = cur - qty
	return nil
}
