package sales

import (
	"context"
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"sellerdesk/app/apperr"
	"sellerdesk/app/chartscale"
	"sellerdesk/data"
)

// By is what a breakdown groups by.
type By string

// The breakdowns, in the screen's tab order.
const (
	ByDay      By = "day"
	ByWeek     By = "week"
	ByMonth    By = "month"
	ByPayment  By = "payment"
	ByBuyer    By = "buyer"
	ByProduct  By = "product"
	ByOption   By = "option"
	ByCategory By = "category"
	ByChannel  By = "channel"
	ByRegion   By = "region"
	ByHour     By = "hour" // 요일 × 시간
)

// Bys lists every breakdown in the screen's order.
var Bys = []By{ByDay, ByWeek, ByMonth, ByPayment, ByBuyer, ByProduct, ByOption, ByCategory, ByChannel, ByRegion, ByHour}

var byLabels = map[By]string{ByDay: "일별", ByWeek: "주별", ByMonth: "월별", ByPayment: "결제수단", ByBuyer: "구매자",
	ByProduct: "상품", ByOption: "옵션", ByCategory: "카테고리", ByChannel: "판매채널", ByRegion: "지역", ByHour: "요일·시간"}

// Label is the breakdown's name in Korean (a translation key).
func (b By) Label() string { return byLabels[b] }

// ParseBy reads a breakdown's name as the report command takes it; an unknown one is an error in Korean.
func ParseBy(s string) (By, error) {
	b := By(strings.ToLower(strings.TrimSpace(s)))
	if _, ok := byLabels[b]; ok {
		return b, nil
	}
	return "", apperr.New(apperr.ErrInvalid, "알 수 없는 분류입니다: {{.By}} (day, week, month, payment, buyer, product, option, category, channel, region, hour 중 하나)",
		"By", s)
}

// Time reports whether the breakdown is a time series (rows in time order, drawn as a line).
func (b By) Time() bool { return b == ByDay || b == ByWeek || b == ByMonth }

// Row is one group of a breakdown.
type Row struct {
	Key   string // what the order list is filtered by when the row is opened (a day, a product name …)
	Label string
	// Start is the first day of a time row
	Start                       time.Time
	Orders, Lines, Qty          int64
	Gross, Refunds, Net         int64
	Share                       float64 // of the breakdown's 결제금액, 0..1
	HasRefunds                  bool    // false where refunds cannot be told apart by this grouping
	CategoryID                  int64   // a category row, to drill into
	HasChildren                 bool    // a category with sub-categories
	FirstOrder                  time.Time
	Cost                        int64 // 원가 × 수량 where known
	Costed                      bool
	weekday, hour               int
	productName, optionInfoText string
}

// Breakdown is a period's sales grouped one way.
type Breakdown struct {
	By     By
	Period Period
	Rows   []Row
	Total  Row
	// Heat is orders by weekday (Monday first) and hour, for ByHour
	Heat [7][24]int64
	// Category is the category drilled into (0: the top level)
	Category int64
}

// Options narrow a breakdown.
type Options struct {
	Category int64 // ByCategory: show this category's children instead of the top level
	Limit    int   // ByBuyer, ByProduct, ByOption: at most this many rows (0: 100 buyers, every product)
}

// Breakdown groups the period's sales.
func (s *Service) Breakdown(ctx context.Context, p Period, by By, opt Options) (Breakdown, error) {
	b, err := s.breakdown(ctx, readStore(s.store.Read(), false), p, by, opt)
	if err != nil {
		return b, internal(err, "매출을 불러오지 못했습니다.")
	}
	return b, nil
}

func (s *Service) breakdown(ctx context.Context, rd *reads, p Period, by By, opt Options) (Breakdown, error) {
	b := Breakdown{By: by, Period: p, Category: opt.Category}
	if !p.Valid() {
		return b, nil
	}
	from, to := p.rangeKeys()
	r := data.SalesRange{From: from, To: to}
	var err error
	switch by {
	case ByDay, ByWeek, ByMonth, ByPayment, ByChannel:
		err = s.orderLevel(ctx, rd, r, &b)
	case ByRegion, ByHour:
		err = s.places(ctx, rd.q, r, &b)
	case ByBuyer:
		err = s.buyers(ctx, rd, r, opt, &b)
	case ByProduct, ByOption, ByCategory:
		err = s.items(ctx, rd, r, opt, &b)
	default:
		return b, fmt.Errorf("sales: unknown breakdown %q", by)
	}
	if err != nil {
		return b, err
	}
	b.finish()
	return b, nil
}

// finish totals the rows, computes shares and 순매출, and sorts (time in order, the rest by 결제금액).
func (b *Breakdown) finish() {
	b.Total = Row{Label: "합계", HasRefunds: true}
	for i := range b.Rows {
		r := &b.Rows[i]
		r.Net = r.Gross - r.Refunds
		b.Total.Orders += r.Orders
		b.Total.Lines += r.Lines
		b.Total.Qty += r.Qty
		b.Total.Gross += r.Gross
		b.Total.Refunds += r.Refunds
		b.Total.Cost += r.Cost
		b.Total.HasRefunds = b.Total.HasRefunds && r.HasRefunds
	}
	b.Total.Net = b.Total.Gross - b.Total.Refunds
	for i := range b.Rows {
		if b.Total.Gross > 0 {
			b.Rows[i].Share = float64(b.Rows[i].Gross) / float64(b.Total.Gross)
		}
	}
	if b.Total.Gross > 0 {
		b.Total.Share = 1
	}
	if b.By.Time() {
		sort.SliceStable(b.Rows, func(i, j int) bool { return b.Rows[i].Start.Before(b.Rows[j].Start) })
		return
	}
	if b.By == ByHour {
		sort.SliceStable(b.Rows, func(i, j int) bool {
			if b.Rows[i].weekday != b.Rows[j].weekday {
				return b.Rows[i].weekday < b.Rows[j].weekday
			}
			return b.Rows[i].hour < b.Rows[j].hour
		})
		return
	}
	sort.SliceStable(b.Rows, func(i, j int) bool {
		if b.Rows[i].Gross != b.Rows[j].Gross {
			return b.Rows[i].Gross > b.Rows[j].Gross
		}
		return b.Rows[i].Label < b.Rows[j].Label
	})
}

// bucket is the first day of the time row a day falls in.
func bucket(by By, d time.Time) time.Time {
	switch by {
	case ByWeek:
		return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
	case ByMonth:
		return time.Date(d.Year(), d.Month(), 1, 0, 0, 0, 0, d.Location())
	}
	return d
}

// TimeLabel is a time row's label: 11월 3일, 11월 1주, 2026년 11월.
func TimeLabel(by By, start time.Time) string {
	switch by {
	case ByWeek:
		return chartscale.WeekLabel(start)
	case ByMonth:
		return chartscale.MonthLabel(start)
	}
	return chartscale.DayLabel(start)
}

// ChannelLabel names a 판매채널: Smart Store orders by their store, manual orders by how they came (전화
// 주문, 매장 판매 …).
func ChannelLabel(source, channel string) string {
	if source == "MANUAL" {
		if channel == "" {
			return "수동 주문"
		}
		return "수동 주문 · " + channel
	}
	return "스마트스토어"
}

func paymentLabel(p string) string {
	if p == "" {
		return "(결제수단 없음)"
	}
	return p
}

// orderLevel groups by time, payment method or channel: every order-level figure and the refunds are known.
func (s *Service) orderLevel(ctx context.Context, rd *reads, r data.SalesRange, b *Breakdown) error {
	days, err := rd.salesDays(ctx, r)
	if err != nil {
		return err
	}
	refunds, err := rd.salesRefunds(ctx, r)
	if err != nil {
		return err
	}
	loc := s.Location()
	rows := map[string]*Row{}
	row := func(dayKey, payment, source, channel string) *Row {
		var key, label string
		var start time.Time
		switch b.By {
		case ByPayment:
			key, label = payment, paymentLabel(payment)
		case ByChannel:
			label = ChannelLabel(source, channel)
			key = label
		default:
			d, _ := time.ParseInLocation(time.DateOnly, dayKey, loc)
			start = bucket(b.By, d)
			key, label = start.Format(time.DateOnly), TimeLabel(b.By, start)
		}
		x, ok := rows[key]
		if !ok {
			x = &Row{Key: key, Label: label, Start: start, HasRefunds: true}
			rows[key] = x
		}
		return x
	}
	for _, d := range days {
		x := row(d.Day, d.Payment, d.Source, d.Channel)
		x.Orders += d.Orders
		x.Lines += d.Lines
		x.Qty += d.Qty
		x.Gross += d.Gross
	}
	for _, f := range refunds {
		row(f.Day, f.Payment, f.Source, f.Channel).Refunds += f.Amount
	}
	if b.By.Time() {
		// every day, week or month of the period has its row, even an empty one: a chart's gaps are zeros
		from, _ := time.ParseInLocation(time.DateOnly, r.From, loc)
		to, _ := time.ParseInLocation(time.DateOnly, r.To, loc)
		for d := from; !d.After(to); d = d.AddDate(0, 0, 1) {
			row(d.Format(time.DateOnly), "", "", "")
		}
	}
	for _, x := range rows {
		b.Rows = append(b.Rows, *x)
	}
	return nil
}

// regions maps the first word of an address to its 시·도.
var regions = []struct{ prefix, name string }{
	{"서울", "서울"}, {"부산", "부산"}, {"대구", "대구"}, {"인천", "인천"}, {"광주", "광주"}, {"대전", "대전"},
	{"울산", "울산"}, {"세종", "세종"}, {"경기", "경기"}, {"강원", "강원"}, {"충북", "충북"}, {"충청북", "충북"},
	{"충남", "충남"}, {"충청남", "충남"}, {"전북", "전북"}, {"전라북", "전북"}, {"전남", "전남"}, {"전라남", "전남"},
	{"경북", "경북"}, {"경상북", "경북"}, {"경남", "경남"}, {"경상남", "경남"}, {"제주", "제주"}, {"해외", "해외"},
}

// Region is the 시·도 of an address's first word (서울특별시 → 서울, 경상남도 → 경남); 기타 when unknown.
func Region(first string) string {
	for _, r := range regions {
		if strings.HasPrefix(first, r.prefix) {
			return r.name
		}
	}
	return "기타"
}

// Weekdays are the heat map's rows, Monday first.
var Weekdays = []string{"월", "화", "수", "목", "금", "토", "일"}

func (s *Service) places(ctx context.Context, q data.Querier, r data.SalesRange, b *Breakdown) error {
	places, err := data.SalesPlaces(ctx, q, r)
	if err != nil {
		return err
	}
	loc := s.Location()
	rows := map[string]*Row{}
	for _, p := range places {
		var key, label string
		var wd int
		if b.By == ByRegion {
			key = Region(p.Region)
			label = key
		} else {
			d, _ := time.ParseInLocation(time.DateOnly, p.Day, loc)
			wd = (int(d.Weekday()) + 6) % 7
			b.Heat[wd][p.Hour] += p.Orders
			key = fmt.Sprintf("%d-%02d", wd, p.Hour)
			label = fmt.Sprintf("%s %02d시", Weekdays[wd], p.Hour)
		}
		x, ok := rows[key]
		if !ok {
			x = &Row{Key: key, Label: label, weekday: wd, hour: p.Hour}
			rows[key] = x
		}
		x.Orders += p.Orders
		x.Gross += p.Gross
	}
	for _, x := range rows {
		b.Rows = append(b.Rows, *x)
	}
	return nil
}

// MaskBuyer writes a buyer as lists show people: the name with its middle hidden (김*지) and the phone's
// middle hidden, or an ID's tail hidden (abc***).
func MaskBuyer(key string) string {
	if id, ok := strings.CutPrefix(key, "i:"); ok {
		r := []rune(id)
		keep := min(3, (len(r)+1)/2)
		return string(r[:keep]) + strings.Repeat("*", len(r)-keep)
	}
	rest := strings.TrimPrefix(key, "n:")
	name, phone, _ := strings.Cut(rest, "|")
	out := MaskName(name)
	if phone != "" {
		out += " (" + maskPhone(phone) + ")"
	}
	return out
}

// MaskName hides a name's middle: 김민지 → 김*지, 이준 → 이*, longer names keep the first and last letter.
func MaskName(name string) string {
	r := []rune(strings.TrimSpace(name))
	switch len(r) {
	case 0:
		return "(이름 없음)"
	case 1:
		return string(r)
	case 2:
		return string(r[0]) + "*"
	}
	return string(r[0]) + strings.Repeat("*", len(r)-2) + string(r[len(r)-1])
}

func maskPhone(p string) string {
	var d []rune
	for _, r := range p {
		if r >= '0' && r <= '9' {
			d = append(d, r)
		}
	}
	if len(d) < 4 {
		return strings.Repeat("*", len(d))
	}
	return "****-" + string(d[len(d)-4:])
}

func (s *Service) buyers(ctx context.Context, rd *reads, r data.SalesRange, opt Options, b *Breakdown) error {
	limit := opt.Limit
	if limit <= 0 {
		limit = 100
	}
	top, err := data.SalesTopBuyers(ctx, rd.q, r, limit)
	if err != nil {
		return err
	}
	loc := s.Location()
	for _, t := range top {
		first, _ := time.ParseInLocation(time.DateOnly, t.First, loc)
		b.Rows = append(b.Rows, Row{Key: t.Buyer, Label: MaskBuyer(t.Buyer), Orders: t.Orders, Gross: t.Gross, FirstOrder: first})
	}
	// the shares are of the whole period's 결제금액, not of the top buyers'
	days, err := rd.salesDays(ctx, r)
	if err != nil {
		return err
	}
	var total int64
	for _, d := range days {
		total += d.Gross
	}
	b.finish()
	b.Total.Gross, b.Total.Net = total, total
	for i := range b.Rows {
		if total > 0 {
			b.Rows[i].Share = float64(b.Rows[i].Gross) / float64(total)
		}
	}
	b.Total.Label = "전체"
	return nil
}

// BuyerName is the name part of a buyer key, to filter the order list by ("" for an ID-only buyer).
func BuyerName(key string) string {
	if rest, ok := strings.CutPrefix(key, "n:"); ok {
		name, _, _ := strings.Cut(rest, "|")
		return name
	}
	return ""
}

func (s *Service) items(ctx context.Context, rd *reads, r data.SalesRange, opt Options, b *Breakdown) error {
	items, err := rd.salesItems(ctx, r)
	if err != nil {
		return err
	}
	rows := map[string]*Row{}
	var tree categoryTree
	if b.By == ByCategory {
		cats, err := data.SalesCategories(ctx, rd.q)
		if err != nil {
			return err
		}
		tree = newCategoryTree(cats)
	}
	for _, it := range items {
		var key, label string
		var catID int64
		switch b.By {
		case ByProduct:
			key, label = it.ProductName, it.ProductName
		case ByOption:
			key = it.ProductName + "\x00" + it.OptionInfo
			label = strings.TrimSpace(it.ProductName + " " + it.OptionInfo)
		case ByCategory:
			catID = tree.under(opt.Category, it.CategoryID)
			switch {
			case catID < 0:
				continue // not under the category drilled into
			case catID == 0 && opt.Category == 0:
				key, label = "0", "미분류"
			case catID == 0:
				key, label = fmt.Sprint(opt.Category), tree.name[opt.Category]+" (직접)"
				catID = opt.Category
			default:
				key, label = fmt.Sprint(catID), tree.name[catID]
			}
		}
		if label == "" {
			label = "(상품명 없음)"
		}
		x, ok := rows[key]
		if !ok {
			x = &Row{Key: key, Label: label, CategoryID: catID, HasChildren: catID > 0 && len(tree.children[catID]) > 0 && catID != opt.Category,
				productName: it.ProductName, optionInfoText: it.OptionInfo}
			rows[key] = x
		}
		x.Lines += it.Lines
		x.Orders += it.Lines
		x.Qty += it.Qty
		x.Gross += it.Gross
		if it.Cost > 0 {
			x.Cost += it.Cost * it.Qty
			x.Costed = true
		}
	}
	for _, x := range rows {
		b.Rows = append(b.Rows, *x)
	}
	if opt.Limit > 0 {
		b.finish()
		if len(b.Rows) > opt.Limit {
			b.Rows = b.Rows[:opt.Limit]
		}
	}
	return nil
}

// ProductName is the product a product or option row is, to filter the order list by.
func (r Row) ProductName() string { return r.productName }

// categoryTree answers which child of a category an item's category rolls up to.
type categoryTree struct {
	parent   map[int64]int64
	name     map[int64]string
	children map[int64][]int64
}

func newCategoryTree(cats []data.CategoryRow) categoryTree {
	t := categoryTree{parent: map[int64]int64{}, name: map[int64]string{}, children: map[int64][]int64{}}
	for _, c := range cats {
		t.parent[c.ID] = c.ParentID
		t.name[c.ID] = c.Name
		t.children[c.ParentID] = append(t.children[c.ParentID], c.ID)
	}
	return t
}

// under is the child of top (a top-level category when top is 0) that cat rolls up to; 0 when cat is top
// itself (or has no category, at the top level); -1 when cat is not under top.
func (t categoryTree) under(top, cat int64) int64 {
	if cat == 0 || t.name[cat] == "" {
		if top == 0 {
			return 0
		}
		return -1
	}
	if cat == top {
		return 0
	}
	for steps := 0; steps < 64; steps++ { // a cycle in a damaged tree ends here
		p := t.parent[cat]
		if p == top {
			return cat
		}
		if p == 0 {
			return -1
		}
		cat = p
	}
	return -1
}

// CategoryName names a category of the tree (for a drill-down's title).
func (s *Service) CategoryName(ctx context.Context, id int64) (string, int64, error) {
	cats, err := data.SalesCategories(ctx, s.store.Read())
	if err != nil {
		return "", 0, internal(err, "카테고리를 불러오지 못했습니다.")
	}
	t := newCategoryTree(cats)
	return t.name[id], t.parent[id], nil
}

// PercentText writes a share or change: 12.3%, with a sign when signed (+12.3%, -4.0%).
func PercentText(x float64, signed bool) string {
	v := math.Round(x*1000) / 10
	s := fmt.Sprintf("%.1f%%", v)
	if signed && v > 0 {
		s = "+" + s
	}
	if v == 0 {
		s = "0%"
	}
	return s
}
