package orders

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"sellerdesk/app/clock"
	"sellerdesk/data"
)

// The lookup benchmarks run on 1,000,000 order lines (about 400,000 orders over twelve months), built once
// and kept at benchOrdersDB, in the temp folder of any OS, between runs because building them takes a minute
// or two.
const benchLines = 1_000_000

var benchOrdersDB = filepath.Join(os.TempDir(), "sellerdesk-bench-orders-v4.db")

var (
	// surnames in rough order of frequency (김 most); given names are two syllables from these lists, 1,600
	// of them, as varied as a real shop's customers
	surnames   = []rune("김김김이이박박최정강조윤장임한오서신권황안송류홍")
	syllables1 = []rune("민서도하지예현수유채건다소태나준은우영정혜성경승재동상진선미주윤아희연")
	syllables2 = []rune("지준윤은우린빈나호연원늘율진영아민현수희경석철훈기혁서정숙자옥")
	adjs       = []string{"오버핏", "슬림핏", "린넨", "코튼", "울", "캐시미어", "데님", "니트", "기모", "방수", "경량", "빈티지"}
	nouns      = []string{"반팔 티셔츠", "셔츠", "원피스", "슬랙스", "가디건", "후드티", "자켓", "스커트", "머그컵", "에코백", "양말", "모자"}
	colors     = []string{"블랙", "화이트", "네이비", "베이지", "그레이", "카키"}
)

func benchName(r *rand.Rand) string {
	return string([]rune{surnames[r.IntN(len(surnames))], syllables1[r.IntN(len(syllables1))], syllables2[r.IntN(len(syllables2))]})
}

func openBenchStore(b *testing.B) (*data.Store, *Service) {
	b.Helper()
	ctx := context.Background()
	_, statErr := os.Stat(benchOrdersDB)
	c := clock.At(time.Date(2026, 11, 24, 18, 0, 0, 0, time.Local))
	store, err := data.Open(ctx, benchOrdersDB, data.WithClock(c.Now))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	svc := New(store, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if statErr == nil {
		return store, svc
	}
	b.Logf("building %d order lines at %s", benchLines, benchOrdersDB)
	r := rand.New(rand.NewPCG(1, 2))
	start := time.Date(2025, 11, 25, 0, 0, 0, 0, time.Local)
	statuses := []Status{StatusPaid, StatusDelivering, StatusDelivered, StatusDecided, StatusDecided, StatusDecided, StatusCanceled, StatusReturned}
	made := 0
	refs := map[string]int64{}
	for made < benchLines {
		err := store.Write(ctx, func(tx *data.Tx) error {
			for batch := 0; batch < 20000 && made < benchLines; batch++ {
				at := start.Add(time.Duration(float64(365*24*time.Hour) * float64(made) / benchLines))
				o := data.OrderRecord{OrderNo: fmt.Sprintf("%s%08d", at.Format("20060102"), made), OrderedAt: at, PaidAt: at,
					BuyerName: benchName(r), RecipientName: benchName(r),
					BuyerPhone:      fmt.Sprintf("010-%04d-%04d", r.IntN(10000), r.IntN(10000)),
					RecipientPhone1: fmt.Sprintf("0504-%04d-%04d", r.IntN(10000), r.IntN(10000)),
					Address:         "서울특별시 마포구 월드컵로 1", PaymentMethod: []string{"신용카드", "네이버페이 포인트", "계좌이체"}[r.IntN(3)],
					Channel: []string{"스마트스토어", "네이버쇼핑", "쇼핑라이브"}[r.IntN(3)], ShippingFee: 3000}
				oid, err := data.SaveOrderTx(ctx, tx, o)
				if err != nil {
					return err
				}
				for n := 1 + r.IntN(4); n > 0 && made < benchLines; n-- {
					st := statuses[r.IntN(len(statuses))]
					l := data.OrderLineRecord{OrderID: oid, ProductOrderNo: fmt.Sprintf("%s%08d", at.Format("20060102"), 50_000_000+made),
						ProductCode: fmt.Sprintf("P%05d", r.IntN(20000)), ProductName: adjs[r.IntN(len(adjs))] + " " + nouns[r.IntN(len(nouns))],
						OptionInfo: "색상: " + colors[r.IntN(len(colors))], Qty: 1 + int64(r.IntN(3)), UnitPrice: 19800,
						Amount: 19800, Status: string(st), Placing: string(PlacingOK), OrderedAt: at}
					if st == StatusPaid && made > benchLines-3000 {
						l.Placing = string(PlacingNotYet) // the last few days' orders are not confirmed yet
					}
					l.PaymentMethod, l.Channel = o.PaymentMethod, o.Channel
					ref, ok := refs[l.ProductName+"|"+l.OptionInfo]
					if !ok {
						var err error
						if ref, err = data.ProductRefTx(ctx, tx, l.ProductName, l.OptionInfo); err != nil {
							return err
						}
						refs[l.ProductName+"|"+l.OptionInfo] = ref
					}
					l.ProductRef = ref
					if st != StatusPaid {
						l.Courier, l.TrackingNo = "CJ대한통운", fmt.Sprintf("5%011d", made)
					}
					id, err := data.InsertLineTx(ctx, tx, l)
					if err != nil {
						return err
					}
					if err := data.StageLineSearchTx(ctx, tx, id, lineSearch(o)); err != nil {
						return err
					}
					made++
				}
			}
			return data.FlushLineSearchTx(ctx, tx)
		})
		if err != nil {
			os.Remove(benchOrdersDB)
			b.Fatal(err)
		}
	}
	if _, err := store.Read().ExecContext(ctx, `PRAGMA optimize`); err != nil {
		b.Log(err)
	}
	return store, svc
}

// BenchmarkLookup runs each kind of lookup the search box and filters offer, first page and count
// together, as the screen asks for them. Target: under 30 ms each; the unfiltered first page under 50 ms.
func BenchmarkLookup(b *testing.B) {
	_, svc := openBenchStore(b)
	ctx := context.Background()
	// values that exist in the bench store
	var orderNo, pono, tracking string
	db := svc.store.Read()
	db.QueryRow(`SELECT o.order_no, l.product_order_no FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE l.id = 500000`).Scan(&orderNo, &pono)
	db.QueryRow(`SELECT tracking_no FROM order_lines WHERE id = 700001 AND tracking_no <> ''`).Scan(&tracking)
	if tracking == "" {
		db.QueryRow(`SELECT tracking_no FROM order_lines WHERE tracking_no <> '' LIMIT 1 OFFSET 700000`).Scan(&tracking)
	}
	for _, c := range []struct {
		name string
		q    Query
	}{
		{"first-page", Query{}},
		{"order-no", Query{Search: orderNo}},
		{"product-order-no", Query{Search: pono}},
		{"tracking-no", Query{Search: tracking}},
		{"buyer-full-name", Query{Search: "김민지"}},
		{"name-part", Query{Search: "서준"}},
		{"name-one-letter", Query{Search: "홍"}},
		{"phone-tail", Query{Search: "4821"}},
		{"product-word", Query{Search: "캐시미어"}},
		{"product-two-words", Query{Search: "린넨 셔츠"}},
		{"status", Query{Status: string(StatusCanceled)}},
		{"new-orders", Query{Status: FilterNew}},
		{"today", Query{Period: PeriodToday}},
		{"7-days", Query{Period: Period7Days}},
		{"3-months+status", Query{Period: Period3Months, Status: string(StatusDelivering)}},
		{"payment", Query{PaymentMethod: "계좌이체"}},
		{"channel+word", Query{Channel: "쇼핑라이브", Search: "원피스"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			q := c.q
			q.Limit = 100
			for b.Loop() {
				n, err := svc.Count(ctx, q)
				if err != nil {
					b.Fatal(err)
				}
				if _, err := svc.FindPage(ctx, q, n); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// benchExport is a 100,000-row order export, written once.
func benchExport(b *testing.B) []byte {
	path := filepath.Join(os.TempDir(), "sellerdesk-bench-orders-100k-v1.xlsx")
	if raw, err := os.ReadFile(path); err == nil {
		return raw
	}
	r := rand.New(rand.NewPCG(3, 4))
	lines := make([]line, 100_000)
	for i := range lines {
		l := paidLine(fmt.Sprintf("20261101%08d", i), fmt.Sprintf("20261101%08d", 90_000_000+i/2), benchName(r),
			adjs[r.IntN(len(adjs))]+" "+nouns[r.IntN(len(nouns))], "색상: 블랙 / 사이즈: M", "", fmt.Sprintf("P%05d", r.IntN(20000)), 1+r.IntN(3))
		lines[i] = l.with("수취인연락처1", fmt.Sprintf("010-%04d-%04d", r.IntN(10000), r.IntN(10000)))
	}
	raw := xlsxExport(b, exportHeader, lines, "")
	if err := os.WriteFile(path, raw, 0o644); err != nil {
		b.Fatal(err)
	}
	return raw
}

// BenchmarkImport100k compares importing a 100,000-row export with what excelize alone needs to read the
// same file. Target: import at most 1.5 × read.
func BenchmarkImport100k(b *testing.B) {
	raw := benchExport(b)
	b.Run("excelize-read", func(b *testing.B) {
		for b.Loop() {
			f, err := excelize.OpenReader(bytes.NewReader(raw))
			if err != nil {
				b.Fatal(err)
			}
			rows, err := f.Rows("Sheet1")
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for rows.Next() {
				cells, err := rows.Columns(excelize.Options{RawCellValue: true})
				if err != nil {
					b.Fatal(err)
				}
				n += len(cells)
			}
			rows.Close()
			f.Close()
		}
	})
	b.Run("import", func(b *testing.B) {
		for b.Loop() {
			b.StopTimer()
			dir := b.TempDir()
			store, err := data.Open(context.Background(), filepath.Join(dir, "sellerdesk.db"),
				data.WithClock(clock.At(time.Date(2026, 11, 24, 18, 0, 0, 0, time.Local)).Now))
			if err != nil {
				b.Fatal(err)
			}
			svc := New(store, slog.New(slog.NewTextHandler(io.Discard, nil)))
			b.StartTimer()
			res, err := svc.ImportFile(context.Background(), bytes.NewReader(raw), "100k.xlsx", "", nil)
			if err != nil || res.New != 100_000 {
				b.Fatalf("%+v %v", res, err)
			}
			b.StopTimer()
			store.Close()
			b.StartTimer()
		}
	})
}
