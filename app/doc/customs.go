package doc

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"time"

	"sellerdesk/app/format"
)

// CustomsDoc is the customs declaration (CN22/CN23, 세관신고서) that travels on an overseas parcel: who sends
// it, who receives it, what kind of shipment it is and, item by item, what is inside, what it weighs, what it
// is worth and where it was made. Labels are English first, Korean small, as the post office's forms are.
type CustomsDoc struct {
	Form             CustomsForm     // CN22 or CN23; empty means CN23, which any parcel may use
	TrackingNumber   string          // 등기번호: EE123456789KR; drawn with its barcode when given
	Reference        string          // our own reference, usually the order number; printed small
	Sender           CustomsParty    // 보내는 사람: our store
	Addressee        CustomsParty    // 받는 사람
	Category         CustomsCategory // 물품 종류
	CategoryNote     string          // what the shipment is, required when Category is CategoryOther
	Items            []CustomsItem   // 내용품, at least one
	GrossWeightGrams int             // 총 중량 with packing, in grams; at least the items' net weights
	PostageWon       int64           // 우편요금 paid, in won; 0 leaves the box blank
	InvoiceNumber    string          // 상업송장 번호 for a sale of goods; may be empty
	ImporterCode     string          // 개인통관고유부호 (P and 12 digits) or the importer's tax code; printed when given
	Comments         string          // 비고: licences, certificates, quarantine notes
	Date             time.Time       // 작성일
}

// CustomsForm names the declaration form: CN22 for light, low-value items, CN23 for the rest.
type CustomsForm string

// The two forms of the Universal Postal Union.
const (
	CN22 CustomsForm = "CN22"
	CN23 CustomsForm = "CN23"
)

// CustomsCategory is the kind of shipment, one box ticked on the form.
type CustomsCategory int

// The categories on the form. The zero value is no choice and is refused.
const (
	CategoryGift             CustomsCategory = iota + 1 // Gift · 선물
	CategoryDocuments                                   // Documents · 서류
	CategoryCommercialSample                            // Commercial sample · 상업 견본
	CategoryReturnedGoods                               // Returned goods · 반송 물품
	CategorySaleOfGoods                                 // Sale of goods · 판매 물품
	CategoryOther                                       // Other · 기타, explained in CategoryNote
)

// customsCategories lists the boxes in the order printed, with their labels.
var customsCategories = []struct {
	c      CustomsCategory
	en, ko string
}{
	{CategoryGift, "Gift", "선물"},
	{CategoryDocuments, "Documents", "서류"},
	{CategoryCommercialSample, "Commercial sample", "상업 견본"},
	{CategoryReturnedGoods, "Returned goods", "반송 물품"},
	{CategorySaleOfGoods, "Sale of goods", "판매 물품"},
	{CategoryOther, "Other", "기타"},
}

// CustomsParty is the sender or the addressee of an overseas parcel, written as the destination's post
// expects it (in English, or the destination's own script).
type CustomsParty struct {
	Name     string // 이름
	Company  string // 상호; may be empty
	Address  string // street address; may hold several lines
	City     string // 도시
	State    string // 주/도; may be empty
	Postcode string // 우편번호, text
	Country  string // 국가: "Republic of Korea", "United States", …
	Phone    string // 전화, with the country code: +82 10-1234-5678
	Email    string // 이메일; may be empty
}

// CustomsItem is one kind of goods in the parcel. Weight and value are for all Quantity pieces together.
type CustomsItem struct {
	Description    string // detailed description in English: "Wool knit scarf", not "clothes"
	Quantity       int    // 수량, at least 1
	NetWeightGrams int    // 순중량 in grams, more than 0
	ValueCents     int64  // 가격 in US cents: 2550 is USD 25.50
	HSCode         string // HS tariff number, 6 to 10 digits, dots allowed: 6117.10; may be empty
	Origin         string // country of origin: "KR", "Korea"
}

var (
	hsCode       = regexp.MustCompile(`^\d{4}(\.?\d{2}){1,3}$`)
	importerCode = regexp.MustCompile(`^[Pp]\d{12}$`)
)

// netWeight and value sum the items.
func (d CustomsDoc) netWeight() (grams int) {
	for _, it := range d.Items {
		grams += it.NetWeightGrams
	}
	return grams
}

func (d CustomsDoc) value() (cents int64) {
	for _, it := range d.Items {
		cents += it.ValueCents
	}
	return cents
}

// validate checks what the seller can fix before anything is drawn.
func (d CustomsDoc) validate() error {
	bad := map[string]string{}
	order := []string{"form", "sender", "addressee", "category", "items", "grossWeight", "importerCode", "date"}
	if d.Form != "" && d.Form != CN22 && d.Form != CN23 {
		bad["form"] = fmt.Sprintf("세관신고서 양식 %q을 알 수 없습니다. CN22 또는 CN23을 고르세요.", d.Form)
	}
	if blank(d.Sender.Name) || blank(d.Sender.Address) || blank(d.Sender.Country) {
		bad["sender"] = "보내는 사람의 이름, 주소, 국가를 입력해 주세요."
	}
	if blank(d.Addressee.Name) || blank(d.Addressee.Address) || blank(d.Addressee.Country) {
		bad["addressee"] = "받는 사람의 이름, 주소, 국가를 입력해 주세요."
	}
	switch {
	case d.Category < CategoryGift || d.Category > CategoryOther:
		bad["category"] = "물품 종류(선물, 서류, 상업 견본, 반송 물품, 판매 물품, 기타)를 골라 주세요."
	case d.Category == CategoryOther && blank(d.CategoryNote):
		bad["category"] = "물품 종류가 '기타'이면 어떤 물품인지 설명을 적어 주세요."
	}
	if len(d.Items) == 0 {
		bad["items"] = "신고할 내용품이 없습니다. 품목을 하나 이상 입력해 주세요."
	}
	for i, it := range d.Items {
		key, n := fmt.Sprintf("items[%d]", i), i+1
		order = append(order, key)
		switch {
		case blank(it.Description):
			bad[key] = fmt.Sprintf("%d번 품목의 내용품 설명을 영문으로 입력해 주세요.", n)
		case !printableASCII(it.Description):
			bad[key] = fmt.Sprintf("%d번 품목의 내용품 설명 %q은 영문으로 적어야 합니다 (예: Wool knit scarf).", n, it.Description)
		case it.Quantity < 1:
			bad[key] = fmt.Sprintf("%d번 품목(%s)의 수량은 1 이상이어야 합니다.", n, it.Description)
		case it.NetWeightGrams <= 0:
			bad[key] = fmt.Sprintf("%d번 품목(%s)의 순중량을 입력해 주세요.", n, it.Description)
		case it.ValueCents < 0:
			bad[key] = fmt.Sprintf("%d번 품목(%s)의 가격은 0 이상이어야 합니다.", n, it.Description)
		case it.HSCode != "" && !hsCode.MatchString(strings.TrimSpace(it.HSCode)):
			bad[key] = fmt.Sprintf("%d번 품목(%s)의 HS 코드 %q가 올바르지 않습니다 (숫자 6~10자리, 예: 6117.10).", n, it.Description, it.HSCode)
		case blank(it.Origin):
			bad[key] = fmt.Sprintf("%d번 품목(%s)의 원산지를 입력해 주세요.", n, it.Description)
		}
	}
	if net := d.netWeight(); len(d.Items) > 0 && d.GrossWeightGrams < net {
		bad["grossWeight"] = fmt.Sprintf("총 중량(%s kg)이 내용품 순중량의 합(%s kg)보다 가볍습니다. 포장을 포함한 무게를 입력해 주세요.",
			kg(d.GrossWeightGrams), kg(net))
	}
	if c := strings.TrimSpace(d.ImporterCode); strings.HasPrefix(strings.ToUpper(c), "P") && !importerCode.MatchString(c) {
		bad["importerCode"] = fmt.Sprintf("개인통관고유부호 %q의 형식이 올바르지 않습니다 (P로 시작하는 13자리).", c)
	}
	if d.Date.IsZero() {
		bad["date"] = "작성일을 입력해 주세요."
	}
	return invalid("세관신고서", bad, order)
}

// printableASCII reports whether s holds only printable ASCII and spaces.
func printableASCII(s string) bool {
	for _, r := range s {
		if (r < 32 || r > 126) && r != '\n' {
			return false
		}
	}
	return true
}

// kg writes grams as kilograms with three decimals: 0.350.
func kg(grams int) string { return fmt.Sprintf("%d.%03d", grams/1000, grams%1000) }

// usd writes cents as dollars: 1,234.50.
func usd(cents int64) string { return fmt.Sprintf("%s.%02d", format.Number(cents/100), cents%100) }

// CustomsDeclaration writes d as an A4 customs declaration in the CN23 layout (titled CN22 when asked):
// sender and addressee, the category ticked, the items with their totals, postage, the importer's code,
// the declaration with date and signature line.
func CustomsDeclaration(w io.Writer, d CustomsDoc) error {
	if err := d.validate(); err != nil {
		return err
	}
	form := d.Form
	if form == "" {
		form = CN23
	}
	p := newPDF(sizeA4, 14, meta{
		title:   fmt.Sprintf("Customs declaration %s %s", form, d.TrackingNumber),
		subject: "세관신고서 " + d.Reference,
		author:  d.Sender.Name,
		created: d.Date,
	})
	p.continued(fmt.Sprintf("Customs declaration %s (continued) · 계속", form), d.TrackingNumber)
	p.pageNumbers(joinNonBlank("  ·  ", string(form), d.TrackingNumber, d.Reference))
	p.AddPage()

	if err := customsHeading(p, d, form); err != nil {
		return renderFailed("세관신고서", err)
	}
	p.SetY(p.GetY() + 3)
	p.sideBySide(5, customsParty("From · 보내는 사람", d.Sender), customsParty("To · 받는 사람", d.Addressee))
	p.SetY(p.GetY() + 3)
	customsCategory(p, d)
	p.SetY(p.GetY() + 3)
	customsItems(p, d)
	p.SetY(p.GetY() + 3)
	customsTotals(p, d)
	customsDeclare(p, d)
	return p.finish(w, "세관신고서")
}

// customsHeading draws the title, the form name and the tracking number with its barcode.
func customsHeading(p *pdf, d CustomsDoc, form CustomsForm) error {
	y := p.top
	p.font(true, 17)
	p.ink(colAccent)
	p.text(p.left, y, 100, 8, "CUSTOMS DECLARATION", "L")
	p.font(false, 9)
	p.ink(colMuted)
	p.text(p.left, y+8, 100, 5, "세관신고서 · May be opened officially 세관이 직권으로 개봉할 수 있음", "L")
	p.stroke(colAccent)
	p.SetLineWidth(0.6)
	p.Rect(p.left+108, y, 22, 12, "D")
	p.SetLineWidth(0.2)
	p.font(true, 14)
	p.ink(colAccent)
	p.text(p.left+108, y, 22, 12, string(form), "C")

	x, w := p.left+134, p.right-(p.left+134)
	p.font(false, 7)
	p.ink(colMuted)
	p.text(x, y-1, w, 4, "Item no. · 등기번호", "L")
	if n := strings.TrimSpace(d.TrackingNumber); n != "" {
		if _, err := p.barcode(n, x-3, y+3, w+6, 8, 0.35); err != nil {
			return err
		}
		p.font(true, 9)
		p.ink(colText)
		p.text(x, y+11.5, w, 4, n, "C")
	}
	if ref := strings.TrimSpace(d.Reference); ref != "" {
		p.font(false, 7)
		p.ink(colMuted)
		p.text(p.left, y+13, 100, 4, "Reference · 주문번호  "+ref, "L")
	}
	p.rule(y+17, colAccent, 0.4)
	p.SetY(y + 17)
	return nil
}

// customsParty is the block for a sender or an addressee.
func customsParty(title string, c CustomsParty) block {
	city := joinNonBlank(", ", c.City, c.State)
	return block{title: title, labelW: 25, size: 8, fields: []field{
		{label: "Name", sub: "이름", value: c.Name, bold: true},
		{label: "Business", sub: "상호", value: c.Company},
		{label: "Street", sub: "주소", value: c.Address},
		{label: "Postcode, city", sub: "우편번호, 도시", value: joinNonBlank("  ", c.Postcode, city)},
		{label: "Country", sub: "국가", value: c.Country, bold: true},
		{label: "Phone / email", sub: "전화 / 이메일", value: joinNonBlank("  ·  ", c.Phone, c.Email)},
	}}
}

// customsCategory draws the category boxes, the chosen one ticked.
func customsCategory(p *pdf, d CustomsDoc) {
	const h, box = 15.0, 3.2
	y := p.GetY()
	cw := p.contentWidth()
	p.stroke(colRule)
	p.fill(colFill)
	p.Rect(p.left, y, 25, h, "FD")
	p.Rect(p.left+25, y, cw-25, h, "D")
	p.font(false, 8)
	p.ink(colText)
	p.text(p.left+1.2, y+2, 23, 4, "Category", "L")
	p.font(false, 6.5)
	p.ink(colMuted)
	p.text(p.left+1.2, y+6, 23, 4, "물품 종류", "L")

	colW := (cw - 25 - 2) / 3
	for i, c := range customsCategories {
		x := p.left + 27 + float64(i%3)*colW
		ry := y + 1.8 + float64(i/3)*6
		p.stroke(colText)
		p.Rect(x, ry+0.6, box, box, "D")
		if c.c == d.Category {
			p.SetLineWidth(0.5)
			p.Line(x+0.6, ry+0.6+box/2, x+box/2.4, ry+0.6+box-0.6)
			p.Line(x+box/2.4, ry+0.6+box-0.6, x+box-0.4, ry+1)
			p.SetLineWidth(0.2)
		}
		p.font(c.c == d.Category, 8)
		p.ink(colText)
		p.text(x+box+1.5, ry, colW-box-2, 4.4, c.en, "L")
		enW := p.width(c.en)
		p.font(false, 6.5)
		p.ink(colMuted)
		p.text(x+box+2.5+enW, ry, colW-box-3-enW, 4.4, c.ko, "L")
	}
	if d.Category == CategoryOther || !blank(d.CategoryNote) {
		p.font(false, 7.5)
		p.ink(colText)
		p.text(p.left+27, y+h-3, cw-29, 3, "Explanation · 설명: "+d.CategoryNote, "L")
	}
	p.SetY(y + h)
}

// customsItems draws the items table with a totals row.
func customsItems(p *pdf, d CustomsDoc) {
	t := &table{p: p, size: 8, pad: 1.3, cols: []column{
		{title: "No", sub: "번호", width: 9, align: "C"},
		{title: "Detailed description of contents", sub: "내용품 상세 설명 (영문)", width: 62, align: "L", lines: 3},
		{title: "Quantity", sub: "수량", width: 14, align: "R"},
		{title: "Net weight (kg)", sub: "순중량", width: 25, align: "R"},
		{title: "Value (USD)", sub: "가격", width: 22, align: "R"},
		{title: "HS tariff no.", sub: "HS 코드", width: 24, align: "C"},
		{title: "Country of origin", sub: "원산지", width: p.contentWidth() - 156, align: "C"},
	}}
	t.drawHeader()
	qty := 0
	for i, it := range d.Items {
		qty += it.Quantity
		t.row([]cell{
			{text: fmt.Sprint(i + 1)}, {text: it.Description}, {text: format.Number(int64(it.Quantity))},
			{text: kg(it.NetWeightGrams)}, {text: usd(it.ValueCents)}, {text: it.HSCode}, {text: it.Origin},
		}, false)
	}
	t.row([]cell{
		{}, {text: "Total · 합계"}, {text: format.Number(int64(qty))},
		{text: kg(d.netWeight())}, {text: usd(d.value())}, {}, {},
	}, true)
}

// customsTotals draws gross weight, total value and postage, then the importer's code, invoice and comments.
func customsTotals(p *pdf, d CustomsDoc) {
	postage := ""
	if d.PostageWon > 0 {
		postage = "KRW " + format.Number(d.PostageWon)
	}
	boxes := []field{
		{label: "Total gross weight (kg)", sub: "총 중량", value: kg(d.GrossWeightGrams)},
		{label: "Total value (USD)", sub: "총 가격", value: usd(d.value())},
		{label: "Postal charges / fees", sub: "우편요금 / 수수료", value: postage},
	}
	const h = 13.0
	p.ensure(h)
	y := p.GetY()
	w := p.contentWidth() / float64(len(boxes))
	for i, b := range boxes {
		x := p.left + float64(i)*w
		p.stroke(colRule)
		p.Rect(x, y, w, h, "D")
		p.font(false, 7.5)
		p.ink(colText)
		p.text(x+1.5, y+1, w-3, 4, b.label, "L")
		lw := p.width(b.label)
		p.font(false, 6.5)
		p.ink(colMuted)
		p.text(x+3+lw, y+1, w-4.5-lw, 4, b.sub, "L")
		p.font(true, 12)
		p.ink(colText)
		p.text(x+1.5, y+5.5, w-3, 7, b.value, "R")
	}
	p.SetY(y + h + 3)

	var fields []field
	if c := strings.TrimSpace(d.ImporterCode); c != "" {
		fields = append(fields, field{label: "Importer's code", sub: "개인통관고유부호", value: c, bold: true})
	}
	if n := strings.TrimSpace(d.InvoiceNumber); n != "" {
		fields = append(fields, field{label: "Invoice no.", sub: "상업송장 번호", value: n})
	}
	fields = append(fields, field{label: "Comments", sub: "비고", value: d.Comments})
	b := block{title: "Other information · 기타 정보", labelW: 30, size: 8, fields: fields}
	h2 := p.blockHeight(b, p.contentWidth())
	p.ensure(h2)
	y = p.GetY()
	p.drawBlock(b, p.left, y, p.contentWidth(), h2)
	p.SetY(y + h2)
}

// customsDeclare draws the sender's declaration with the date and a signature line.
func customsDeclare(p *pdf, d CustomsDoc) {
	const en = "I certify that the particulars given in this customs declaration are correct and that this item " +
		"does not contain any dangerous article or articles prohibited by legislation or by postal or customs regulations."
	const ko = "위 신고 내용이 사실이며, 이 우편물에 위험물이나 법령 또는 우편·세관 규정이 금지하는 물품이 들어 있지 않음을 확인합니다."
	p.SetY(p.GetY() + 4)
	p.ensure(34)
	p.ink(colText)
	p.paragraph(en, 8, 0, nil)
	p.ink(colMuted)
	p.paragraph(ko, 7.5, 0, nil)

	y := p.GetY() + 8
	half := p.contentWidth() / 2
	p.stroke(colText)
	p.Line(p.left, y+7, p.left+half-10, y+7)
	p.Line(p.left+half, y+7, p.right, y+7)
	p.font(true, 10)
	p.ink(colText)
	p.text(p.left, y+1, half-10, 6, format.Date(d.Date), "C")
	p.font(false, 7.5)
	p.text(p.left, y+8, half-10, 4, "Date · 날짜", "L")
	p.text(p.left+half, y+8, half, 4, "Sender's signature · 보내는 사람 서명", "L")
	p.font(false, 8)
	p.ink(colMuted)
	p.text(p.left+half, y+1, half, 6, d.Sender.Name, "R")
	p.SetY(y + 12)
}
