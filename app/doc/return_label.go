package doc

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"sellerdesk/app/format"
)

// ReturnLabelDoc is a prepaid return label (반품 라벨) the customer sticks on the parcel they send back: the
// return number and its barcode, who sends and who receives, and what is inside. Print it on 4×6 inch
// (101.6×152.4 mm) label stock.
type ReturnLabelDoc struct {
	Number      string            // 반품번호: RT-20261124-001, also drawn as a Code 128 barcode
	OrderNumber string            // 주문번호 the goods were bought under
	IssuedOn    time.Time         // 발행일; a reprint keeps the first date, so the file comes out the same
	From        Contact           // 보내는 분: the customer returning the goods
	To          Contact           // 받는 분: the store's return address; Name is the store's name
	Items       []ReturnLabelItem // 반품 상품; those that do not fit are counted as "외 N건"
	Courier     string            // 택배사: CJ대한통운, 우체국택배, …
	Method      string            // 회수 방법: 지정반품택배, 일반반품택배, 직접반송
	Reason      string            // 반품 사유 as the seller shows it: 색상·사이즈변경, 파손, …
	BuyerFee    int64             // 반품배송비 the customer bears (change of mind), in won; 0 when the seller pays
	Note        string            // 메모: one line for the courier or the warehouse
}

// ReturnLabelItem is one product in a returned parcel.
type ReturnLabelItem struct {
	Name     string // 상품명
	Option   string // 옵션; may be empty
	Quantity int    // 수량, at least 1
}

var rtNumber = regexp.MustCompile(`^RT-\d{8}-\d{3,}$`)

// validate checks what the seller can fix before anything is drawn.
func (l ReturnLabelDoc) validate() error {
	bad := map[string]string{}
	if !rtNumber.MatchString(l.Number) {
		bad["number"] = fmt.Sprintf("반품번호 %q의 형식이 올바르지 않습니다 (예: RT-20261124-001).", l.Number)
	}
	if blank(l.From.Name) || blank(l.From.Address) {
		bad["from"] = "보내는 분(고객)의 이름과 주소를 입력해 주세요."
	}
	if blank(l.To.Name) || blank(l.To.Address) {
		bad["to"] = "받는 분(반품 받을 주소)의 상호와 주소를 입력해 주세요. 환경설정의 반품 주소를 확인해 주세요."
	}
	if len(l.Items) == 0 {
		bad["items"] = "반품할 상품이 없습니다."
	}
	for i, it := range l.Items {
		if blank(it.Name) || it.Quantity < 1 {
			bad["items"] = fmt.Sprintf("%d번째 반품 상품의 상품명과 수량(1 이상)을 확인해 주세요.", i+1)
			break
		}
	}
	if l.BuyerFee < 0 {
		bad["fee"] = "반품배송비는 0원 이상이어야 합니다."
	}
	return invalid("반품 라벨", bad, []string{"number", "from", "to", "items", "fee"})
}

// ReturnLabel writes l as a one-page 4×6 inch return label. It is a pure function of l: printing the same
// label again gives the same file.
func ReturnLabel(w io.Writer, l ReturnLabelDoc) error {
	if err := l.validate(); err != nil {
		return err
	}
	p := newPDF(size4x6in, 4, meta{
		title:   "반품 라벨 " + l.Number,
		subject: "주문 " + l.OrderNumber,
		author:  l.To.Name,
		created: l.IssuedOn,
	})
	p.AddPage()
	cw := p.contentWidth()

	// Head: what this is and how it travels.
	y := p.top
	p.fill(colText)
	p.Rect(p.left, y, cw, 8, "F")
	p.font(true, 12)
	p.ink(colWhite)
	p.text(p.left+2.5, y, 30, 8, "반품", "L")
	p.font(true, 9)
	p.text(p.left+20, y, cw-22.5, 8, joinNonBlank("  ·  ", l.Courier, l.Method), "R")
	y += 9.5

	// The return number, big, and its barcode.
	p.font(true, 18)
	p.ink(colText)
	p.text(p.left, y, cw, 8, l.Number, "C")
	y += 8.5
	// The quiet zones may reach into the page margins: the whole width is blank but for the bars.
	if _, err := p.barcode(l.Number, 0, y, size4x6in.Wd, 15, 0.5); err != nil {
		return renderFailed("반품 라벨", err)
	}
	y += 16
	p.font(false, 7)
	p.ink(colMuted)
	p.text(p.left, y, cw/2, 4, "주문번호 "+l.OrderNumber, "L")
	p.text(p.left+cw/2, y, cw/2, 4, "발행일 "+format.Date(l.IssuedOn), "R")
	y += 5

	// Where it goes, the larger block, then who sends it.
	to := block{title: "받는 분", labelW: 13, size: 7.5, big: true, fields: []field{
		{label: "상호", value: l.To.Name},
		{label: "연락처", value: l.To.Phone},
		{label: "주소", value: joinAddress(l.To)},
	}}
	h := p.blockHeight(to, cw)
	p.drawBlock(to, p.left, y, cw, h)
	y += h + 2
	from := block{title: "보내는 분", labelW: 13, size: 7.5, fields: []field{
		{label: "이름", value: l.From.Name, bold: true},
		{label: "연락처", value: l.From.Phone},
		{label: "주소", value: joinAddress(l.From)},
	}}
	h = p.blockHeight(from, cw)
	p.drawBlock(from, p.left, y, cw, h)
	y += h + 2

	// Fee and reason on one line, the note, then as many items as fit above the foot.
	fee := "반품배송비 판매자 부담"
	if l.BuyerFee > 0 {
		fee = "반품배송비 " + format.Won(l.BuyerFee) + " 고객 부담 (환불 시 차감)"
	}
	p.font(true, 7.5)
	p.ink(colText)
	p.text(p.left, y, cw, 4, joinNonBlank("  ·  ", fee, prefixed("사유 ", l.Reason)), "L")
	y += 4.5
	foot := p.bottom - 5
	if !blank(l.Note) {
		p.font(false, 7.5)
		p.text(p.left, foot-4.5, cw, 4, "메모: "+l.Note, "L")
		foot -= 4.5
	}
	labelItems(p, l.Items, y, foot-1)

	p.rule(p.bottom-5, colRule, 0.2)
	p.font(false, 6.5)
	p.ink(colMuted)
	p.text(p.left, p.bottom-4, cw, 4, "이 라벨을 상자 윗면에 잘 보이게 붙여 주세요. 바코드가 접히거나 가려지지 않게 해 주세요.", "C")
	return p.finish(w, "반품 라벨")
}

// labelItems lists the returned items between y and bottom, one a line with their quantities, and sums up
// the ones that do not fit as "외 N건".
func labelItems(p *pdf, items []ReturnLabelItem, y, bottom float64) {
	const size = 7.5
	lh := lineHeight(size)
	cw := p.contentWidth()
	p.stroke(colRule)
	p.SetLineWidth(0.25)
	p.Rect(p.left, y, cw, bottom-y, "D")
	p.fill(colFill)
	p.Rect(p.left, y, cw, lh+1, "FD")
	p.font(true, size)
	p.ink(colText)
	p.text(p.left+1.5, y+0.5, cw-20, lh, "반품 상품", "L")
	p.text(p.right-19, y+0.5, 17.5, lh, "수량", "R")
	y += lh + 1.5

	fit := int((bottom - y - 0.5) / lh)
	shown := len(items)
	if shown > fit {
		shown = max(fit-1, 0) // keep the last line for the count of the rest
	}
	p.font(false, size)
	for _, it := range items[:shown] {
		p.text(p.left+1.5, y, cw-22, lh, joinNonBlank(" / ", it.Name, it.Option), "L")
		p.text(p.right-19, y, 17.5, lh, format.Number(int64(it.Quantity))+"개", "R")
		y += lh
	}
	if rest := items[shown:]; len(rest) > 0 && fit > 0 {
		n := 0
		for _, it := range rest {
			n += it.Quantity
		}
		p.font(true, size)
		p.text(p.left+1.5, y, cw-22, lh, fmt.Sprintf("외 %d건", len(rest)), "L")
		p.text(p.right-19, y, 17.5, lh, format.Number(int64(n))+"개", "R")
	}
}

// joinNonBlank joins the non-blank parts with sep.
func joinNonBlank(sep string, parts ...string) string {
	var out []string
	for _, s := range parts {
		if s = strings.TrimSpace(s); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, sep)
}

// prefixed puts label before s, or returns "" when s is blank.
func prefixed(label, s string) string {
	if blank(s) {
		return ""
	}
	return label + strings.TrimSpace(s)
}
