package returns

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"sellerdesk/app/doc"
	"sellerdesk/data"
)

// LabelDoc builds the prepaid return label of a request: the customer as sender, the store's return address
// as receiver, the items.
func (s *Service) LabelDoc(ctx context.Context, number string) (doc.ReturnLabelDoc, error) {
	db := s.store.Read()
	r, err := s.Get(ctx, number)
	if err != nil {
		return doc.ReturnLabelDoc{}, err
	}
	o, err := data.OrderByID(ctx, db, r.OrderID)
	if err != nil {
		return doc.ReturnLabelDoc{}, fmt.Errorf("returns: %w", err)
	}
	prof, err := s.store.Profile(ctx)
	if err != nil {
		return doc.ReturnLabelDoc{}, fmt.Errorf("returns: %w", err)
	}
	if strings.TrimSpace(prof.ReturnAddress) == "" {
		return doc.ReturnLabelDoc{}, invalid("profile", "반품 라벨에 인쇄할 반품 주소가 없습니다. 설정 → 매장 정보에서 반품 주소를 입력하세요.")
	}
	policy, err := data.ReturnPolicy(ctx, db)
	if err != nil {
		return doc.ReturnLabelDoc{}, fmt.Errorf("returns: %w", err)
	}
	method := ""
	for _, m := range Methods {
		if m.Code == r.Method {
			method = m.Label
		}
	}
	d := doc.ReturnLabelDoc{Number: r.Number, OrderNumber: o.OrderNo, IssuedOn: r.CreatedAt.In(time.Local),
		From:   doc.Contact{Name: o.RecipientName, Phone: o.RecipientPhone1, Postcode: o.Postcode, Address: strings.TrimSpace(o.Address + " " + o.AddressDetail)},
		To:     doc.Contact{Name: prof.Name, Phone: prof.Phone, Postcode: prof.ReturnPostcode, Address: prof.ReturnAddress},
		Method: method, Reason: r.Reason.Label(), Note: r.Note}
	if r.Fault == FaultBuyer {
		d.BuyerFee = BuyerFee(policyOf(policy), o.ShippingFee)
	}
	for _, rl := range r.Lines {
		ol, err := data.LineByID(ctx, db, rl.OrderLineID)
		if err != nil {
			return doc.ReturnLabelDoc{}, fmt.Errorf("returns: %w", err)
		}
		d.Items = append(d.Items, doc.ReturnLabelItem{Name: ol.ProductName, Option: ol.OptionInfo, Quantity: int(rl.Qty)})
	}
	return d, nil
}

// WriteLabel writes the 4×6 inch return label PDF.
func (s *Service) WriteLabel(ctx context.Context, number string, w io.Writer) error {
	d, err := s.LabelDoc(ctx, number)
	if err != nil {
		return err
	}
	return doc.ReturnLabel(w, d)
}
