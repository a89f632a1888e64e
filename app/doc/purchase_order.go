package doc

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"sellerdesk/app/format"
)

// PurchaseOrderDoc is a purchase order (발주서): what our store orders from a supplier, at what price, by when
// and where to deliver it.
type PurchaseOrderDoc struct {
	Number    string              // 발주번호: PO-20261122-001
	OrderedOn time.Time           // 발주일
	DueOn     time.Time           // 납기일; zero when not agreed yet (printed as 협의)
	Buyer     Store               // 발주처: our store
	Supplier  Supplier            // 공급처
	Lines     []PurchaseOrderLine // 발주 품목, in the order printed; at least one
	DeliverTo Contact             // 배송지: our warehouse, or the customer when the supplier ships direct
	Notes     string              // 비고: payment terms, packing requests; may hold several lines
}

// Supplier is the company a purchase order goes to (공급처).
type Supplier struct {
	Name    string // 업체명
	Contact string // 담당자
	Phone   string // 연락처
	Email   string // 이메일
	Address string // 주소
}

// PurchaseOrderLine is one item ordered (발주 품목).
//
// UnitPrice is in won and is read in one of three ways. By default it excludes VAT: 공급가액 is
// UnitPrice × Quantity and 세액 is 10% of it with fractions of a won dropped (원 미만 절사), as on a tax
// invoice. With TaxIncluded it includes VAT: 합계 is UnitPrice × Quantity, 공급가액 is 합계 ÷ 1.1 rounded
// to the won and 세액 is the rest, so 공급가액 + 세액 always equals 합계. With TaxFree (면세 goods such as
// 농산물 or 도서) 세액 is 0 and 공급가액 is the whole amount, whatever TaxIncluded says.
type PurchaseOrderLine struct {
	Name        string // 품명
	Option      string // 옵션: 색상, 사이즈, …; may be empty
	Code        string // 품번: the supplier's item code or our SKU, printed under the name; may be empty
	Quantity    int    // 수량, at least 1
	UnitPrice   int64  // 단가 in won, 0 or more
	TaxIncluded bool   // UnitPrice includes 10% VAT (부가세 포함)
	TaxFree     bool   // 면세: no VAT on this item
}

// Amounts returns the line's 공급가액 (supply value), 세액 (VAT) and 합계 (total) in won, following the
// rules on PurchaseOrderLine.
func (l PurchaseOrderLine) Amounts() (supply, tax, total int64) {
	amount := l.UnitPrice * int64(l.Quantity)
	switch {
	case l.TaxFree:
		return amount, 0, amount
	case l.TaxIncluded:
		supply = (amount*10 + 5) / 11 // amount ÷ 1.1, rounded half up; amount is never negative
		return supply, amount - supply, amount
	default:
		tax = amount / 10
		return amount, tax, amount + tax
	}
}

// Totals returns the sums of every line's 공급가액, 세액 and 합계 in won.
func (po PurchaseOrderDoc) Totals() (supply, tax, total int64) {
	for _, l := range po.Lines {
		s, t, a := l.Amounts()
		supply, tax, total = supply+s, tax+t, total+a
	}
	return supply, tax, total
}

// Quantity returns the number of pieces ordered over all lines.
func (po PurchaseOrderDoc) Quantity() int64 {
	var n int64
	for _, l := range po.Lines {
		n += int64(l.Quantity)
	}
	return n
}

var poNumber = regexp.MustCompile(`^PO-\d{8}-\d{3,}$`)

// maxLineAmount keeps a line's amount, and a sum of many, far from int64 overflow: 1조 원.
const maxLineAmount = 1_000_000_000_000

// validate checks what the seller can fix before anything is drawn.
func (po PurchaseOrderDoc) validate() error {
	bad := map[string]string{}
	order := []string{"number", "orderedOn", "dueOn", "buyer", "supplier", "lines"}
	if !poNumber.MatchString(po.Number) {
		bad["number"] = fmt.Sprintf("발주번호 %q의 형식이 올바르지 않습니다 (예: PO-20261124-001).", po.Number)
	}
	if po.OrderedOn.IsZero() {
		bad["orderedOn"] = "발주일을 입력해 주세요."
	} else if !po.DueOn.IsZero() && format.Date(po.DueOn) < format.Date(po.OrderedOn) {
		bad["dueOn"] = "납기일이 발주일보다 빠릅니다."
	}
	if blank(po.Buyer.Name) {
		bad["buyer"] = "발주처(우리 상점)의 상호를 입력해 주세요."
	}
	if blank(po.Supplier.Name) {
		bad["supplier"] = "공급처 업체명을 입력해 주세요."
	}
	if len(po.Lines) == 0 {
		bad["lines"] = "발주할 품목이 없습니다. 품목을 하나 이상 추가해 주세요."
	}
	for i, l := range po.Lines {
		key, n := fmt.Sprintf("lines[%d]", i), i+1
		order = append(order, key)
		switch {
		case blank(l.Name):
			bad[key] = fmt.Sprintf("%d번 품목의 품명을 입력해 주세요.", n)
		case l.Quantity < 1:
			bad[key] = fmt.Sprintf("%d번 품목(%s)의 수량은 1 이상이어야 합니다.", n, l.Name)
		case l.UnitPrice < 0:
			bad[key] = fmt.Sprintf("%d번 품목(%s)의 단가는 0원 이상이어야 합니다.", n, l.Name)
		case l.UnitPrice > 0 && int64(l.Quantity) > maxLineAmount/l.UnitPrice:
			bad[key] = fmt.Sprintf("%d번 품목(%s)의 금액이 너무 큽니다.", n, l.Name)
		}
	}
	return invalid("발주서", bad, order)
}

// PurchaseOrder writes po as an A4 발주서: title, order number and dates, our store and the supplier side by
// side, the items with 공급가액 and 세액 apart, the totals, the delivery address and notes. Long orders run on
// to further pages, each with the order number, page x / y and the table's header row.
func PurchaseOrder(w io.Writer, po PurchaseOrderDoc) error {
	if err := po.validate(); err != nil {
		return err
	}
	p := newPDF(sizeA4, 15, meta{
		title:   "발주서 " + po.Number,
		subject: po.Supplier.Name + " 발주",
		author:  po.Buyer.Name,
		created: po.OrderedOn,
	})
	p.continued("발주서 (계속)", "발주번호 "+po.Number)
	p.pageNumbers(po.Number + "  ·  " + po.Buyer.Name + " → " + po.Supplier.Name)
	p.AddPage()

	poHeading(p, po)
	p.SetY(p.GetY() + 4)
	p.sideBySide(6, block{
		title: "발주처", labelW: 24, size: 8.5, fields: []field{
			{label: "상호", value: po.Buyer.Name, bold: true},
			{label: "대표자", value: po.Buyer.Representative},
			{label: "사업자등록번호", value: po.Buyer.BusinessNumber},
			{label: "주소", value: po.Buyer.Address},
			{label: "연락처", value: po.Buyer.Phone},
			{label: "이메일", value: po.Buyer.Email},
		}}, block{
		title: "공급처", labelW: 24, size: 8.5, fields: []field{
			{label: "업체명", value: po.Supplier.Name, bold: true},
			{label: "담당자", value: po.Supplier.Contact},
			{label: "연락처", value: po.Supplier.Phone},
			{label: "이메일", value: po.Supplier.Email},
			{label: "주소", value: po.Supplier.Address},
		}})
	p.SetY(p.GetY() + 5)
	poLines(p, po)
	p.SetY(p.GetY() + 5)
	poTotals(p, po)
	poNotes(p, po)
	return p.finish(w, "발주서")
}

// poHeading draws the title, the supplier addressed, the order number and dates, and the amount ordered.
func poHeading(p *pdf, po PurchaseOrderDoc) {
	y := p.top
	p.font(true, 24)
	p.ink(colAccent)
	p.text(p.left, y, p.contentWidth(), 12, "발 주 서", "C")
	p.rule(y+13, colAccent, 0.6)
	p.rule(y+14, colAccent, 0.2)

	y += 19
	half := p.contentWidth() / 2
	p.font(true, 13)
	p.ink(colText)
	p.text(p.left, y, half-4, 7, po.Supplier.Name+" 귀중", "L")
	p.font(false, 9)
	p.ink(colMuted)
	p.text(p.left, y+8, half-4, 5, "아래와 같이 발주합니다.", "L")

	due := format.Date(po.DueOn)
	if due == "" {
		due = "협의"
	}
	info := []field{
		{label: "발주번호", value: po.Number},
		{label: "발주일", value: format.Date(po.OrderedOn)},
		{label: "납기일", value: due},
	}
	x, rh := p.left+half+10, 6.0
	for i, f := range info {
		p.keyValue(x, y+float64(i)*rh, 22, p.right-x, rh, f, 9.5, "L")
	}

	// The amount in one line, as Korean business forms put it above the details.
	_, _, total := po.Totals()
	y += 3*rh + 4
	p.fill(colFill)
	p.stroke(colAccent)
	p.SetLineWidth(0.4)
	p.Rect(p.left, y, p.contentWidth(), 9, "FD")
	p.SetLineWidth(0.2)
	p.font(true, 10)
	p.ink(colText)
	p.text(p.left+3, y, 60, 9, "발주금액 합계 (부가세 포함)", "L")
	p.font(true, 13)
	p.ink(colAccent)
	p.text(p.left+60, y, p.contentWidth()-63, 9, format.Won(total), "R")
	p.SetY(y + 9)
}

// poLines draws the items table with a totals row.
func poLines(p *pdf, po PurchaseOrderDoc) {
	t := &table{p: p, size: 8, pad: 1.3, cols: []column{
		{title: "No", width: 9, align: "C"},
		{title: "품명", width: 50, align: "L", lines: 2},
		{title: "옵션", width: 27, align: "L", lines: 2},
		{title: "수량", width: 12, align: "R"},
		{title: "단가", width: 19, align: "R"},
		{title: "공급가액", width: 22, align: "R"},
		{title: "세액", width: 18, align: "R"},
		{title: "합계", width: 23, align: "R"},
	}}
	t.drawHeader()
	for i, l := range po.Lines {
		supply, tax, total := l.Amounts()
		price, taxCell := cell{text: format.Number(l.UnitPrice)}, cell{text: format.Number(tax)}
		switch {
		case l.TaxFree:
			taxCell.note = "면세"
		case l.TaxIncluded:
			price.note = "VAT 포함"
		}
		name := cell{text: l.Name}
		if c := strings.TrimSpace(l.Code); c != "" {
			name.note = "품번 " + c
		}
		t.row([]cell{
			{text: fmt.Sprint(i + 1)}, name, {text: l.Option},
			{text: format.Number(int64(l.Quantity))}, price,
			{text: format.Number(supply)}, taxCell, {text: format.Number(total)},
		}, false)
	}
	supply, tax, total := po.Totals()
	t.row([]cell{
		{}, {text: "합계"}, {}, {text: format.Number(po.Quantity())}, {},
		{text: format.Number(supply)}, {text: format.Number(tax)}, {text: format.Number(total)},
	}, true)
}

// poTotals draws the delivery address on the left and the totals box on the right.
func poTotals(p *pdf, po PurchaseOrderDoc) {
	const boxW, gap = 74.0, 6.0
	deliver := block{title: "배송지", labelW: 18, size: 8.5, fields: []field{
		{label: "받는 분", value: po.DeliverTo.Name, bold: true},
		{label: "연락처", value: po.DeliverTo.Phone},
		{label: "주소", value: joinAddress(po.DeliverTo)},
	}}
	leftW := p.contentWidth() - boxW - gap
	h := max(p.blockHeight(deliver, leftW), 21)
	p.ensure(h)
	y := p.GetY()
	p.drawBlock(deliver, p.left, y, leftW, h)

	supply, tax, total := po.Totals()
	rows := []field{
		{label: "공급가액 합계", value: format.Won(supply)},
		{label: "세액 합계", value: format.Won(tax)},
		{label: "총 합계", value: format.Won(total), bold: true},
	}
	for i, f := range rows {
		p.keyValue(p.right-boxW, y+float64(i)*h/3, 30, boxW, h/3, f, 9.5, "R")
	}
	p.SetY(y + h)
}

// poNotes draws the notes and the closing line with the date and our store.
func poNotes(p *pdf, po PurchaseOrderDoc) {
	notes := strings.TrimSpace(po.Notes)
	if notes != "" {
		p.SetY(p.GetY() + 5)
		p.ensure(14)
		p.font(true, 9)
		p.ink(colAccent)
		p.text(p.left, p.GetY(), 40, 6, "비고", "L")
		p.rule(p.GetY()+6, colRule, 0.2)
		p.SetY(p.GetY() + 7.5)
		p.ink(colText)
		p.paragraph(notes, 8.5, 1, nil)
	}
	p.SetY(p.GetY() + 8)
	p.ensure(12)
	y := p.GetY()
	p.font(false, 9)
	p.ink(colText)
	p.text(p.left, y, p.contentWidth(), 5, format.Date(po.OrderedOn), "R")
	sign := po.Buyer.Name
	if !blank(po.Buyer.Representative) {
		sign += "   대표 " + po.Buyer.Representative
	}
	p.font(true, 10)
	p.text(p.left, y+6, p.contentWidth()-10, 6, sign, "R")
	p.font(false, 9)
	p.ink(colMuted)
	p.text(p.right-9, y+6, 9, 6, "(인)", "R")
	p.SetY(y + 12)
}

// joinAddress writes a postcode and an address on one line: (06236) 서울특별시 ….
func joinAddress(c Contact) string {
	a := strings.TrimSpace(c.Address)
	if pc := strings.TrimSpace(c.Postcode); pc != "" {
		return "(" + pc + ") " + a
	}
	return a
}
