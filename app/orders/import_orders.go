package orders

// How an import merges a file's order (buyer, recipient, address, payment) into the stored one: only the
// fields the file carries, never a blank or masked copy over a known value.

import (
	"context"
	"errors"
	"strings"
	"time"

	"sellerdesk/app/sheet"
	"sellerdesk/data"
)

// orderOf is the order a row describes, for a new order: every field the row has.
func orderOf(row sheet.OrderRow) data.OrderRecord {
	return data.OrderRecord{
		OrderNo: row.OrderNo, Source: "SMARTSTORE", OrderedAt: row.OrderedAt, PaidAt: row.PaidAt,
		BuyerName: row.BuyerName, BuyerID: row.BuyerID, BuyerPhone: row.BuyerPhone,
		RecipientName: row.RecipientName, RecipientPhone1: row.RecipientPhone1, RecipientPhone2: row.RecipientPhone2,
		Postcode: row.Postcode, Address: row.Address, AddressDetail: row.AddressDetail,
		DeliveryMessage: row.DeliveryMessage, PaymentMethod: row.PaymentMethod, Channel: row.Channel,
		ShippingFee: row.ShippingFee, ShippingFeeExtra: row.ShippingFeeExtra, ShippingDiscount: row.ShippingDiscount,
		Country: "KR", CustomsID: row.CustomsID,
	}
}

// savedOrder is an order as an import left it, and whether the import changed it.
type savedOrder struct {
	rec     data.OrderRecord
	changed bool
	created bool // this import inserted it
}

// keepText is a field's value after a file that may carry it: the file's when it has the column and a value;
// a blank cell, or a masked copy (홍*동, 010-****-5678) of what the store holds, never erases it.
func keepText(old, new string, carried bool) string {
	if !carried || new == "" {
		return old
	}
	if old != "" && strings.Contains(new, "*") && !strings.Contains(old, "*") {
		return old
	}
	return new
}

// keepPhone is keepText for a phone number: the same digits written another way (01012345678 from a
// re-saved file for 010-1234-5678) keep the way with separators.
func keepPhone(old, new string, carried bool) string {
	if carried && new != "" && old != "" && digits(old) == digits(new) && !strings.ContainsAny(new, "- ") {
		return old
	}
	return keepText(old, new, carried)
}

// keepTime is a date after a file that may carry it: a blank cell never erases one.
func keepTime(old, new time.Time, carried bool) time.Time {
	if !carried || new.IsZero() {
		return old
	}
	return new
}

// mergeOrder is the stored order after a row: only what the row's file carries replaces a field.
func mergeOrder(old data.OrderRecord, row sheet.OrderRow) data.OrderRecord {
	o := old
	o.OrderedAt = keepTime(o.OrderedAt, row.OrderedAt, row.Has(sheet.FieldOrdered))
	o.PaidAt = keepTime(o.PaidAt, row.PaidAt, row.Has(sheet.FieldPaid))
	o.BuyerName = keepText(o.BuyerName, row.BuyerName, row.Has(sheet.FieldBuyerName))
	o.BuyerID = keepText(o.BuyerID, row.BuyerID, row.Has(sheet.FieldBuyerID))
	o.BuyerPhone = keepPhone(o.BuyerPhone, row.BuyerPhone, row.Has(sheet.FieldBuyerPhone))
	o.RecipientName = keepText(o.RecipientName, row.RecipientName, row.Has(sheet.FieldRecipient))
	o.RecipientPhone1 = keepPhone(o.RecipientPhone1, row.RecipientPhone1, row.Has(sheet.FieldPhone1))
	o.RecipientPhone2 = keepPhone(o.RecipientPhone2, row.RecipientPhone2, row.Has(sheet.FieldPhone2))
	o.Postcode = keepText(o.Postcode, row.Postcode, row.Has(sheet.FieldPostcode))
	if row.FullAddress != "" && row.Address == row.FullAddress && row.AddressDetail == "" &&
		strings.Join(strings.Fields(old.Address+" "+old.AddressDetail), " ") == strings.Join(strings.Fields(row.FullAddress), " ") {
		// 통합배송지 alone is the stored base and detail in one text: the parts stay
	} else {
		o.Address = keepText(o.Address, row.Address, row.Has(sheet.FieldAddress))
		if row.Has(sheet.FieldAddress) && row.Address != "" && row.Has(sheet.FieldAddressDetail) {
			o.AddressDetail = row.AddressDetail // a new address comes with its own detail, blank or not
		} else {
			o.AddressDetail = keepText(o.AddressDetail, row.AddressDetail, row.Has(sheet.FieldAddressDetail))
		}
	}
	o.DeliveryMessage = keepText(o.DeliveryMessage, row.DeliveryMessage, row.Has(sheet.FieldMessage))
	o.PaymentMethod = keepText(o.PaymentMethod, row.PaymentMethod, row.Has(sheet.FieldPayment))
	o.Channel = keepText(o.Channel, row.Channel, row.Has(sheet.FieldChannel))
	if row.Has(sheet.FieldShipFee) {
		o.ShippingFee = row.ShippingFee
	}
	if row.Has(sheet.FieldShipExtra) {
		o.ShippingFeeExtra = row.ShippingFeeExtra
	}
	if row.Has(sheet.FieldShipDiscount) {
		o.ShippingDiscount = row.ShippingDiscount
	}
	o.CustomsID = keepText(o.CustomsID, row.CustomsID, row.Has(sheet.FieldCustoms))
	return o
}

// sameOrder compares what an import can change on an order.
func sameOrder(a, b data.OrderRecord) bool {
	a.CreatedAt, a.UpdatedAt, b.CreatedAt, b.UpdatedAt = time.Time{}, time.Time{}, time.Time{}, time.Time{}
	return a.OrderedAt.Equal(b.OrderedAt) && a.PaidAt.Equal(b.PaidAt) && a.BuyerName == b.BuyerName &&
		a.BuyerID == b.BuyerID && a.BuyerPhone == b.BuyerPhone && a.RecipientName == b.RecipientName &&
		a.RecipientPhone1 == b.RecipientPhone1 && a.RecipientPhone2 == b.RecipientPhone2 && a.Postcode == b.Postcode &&
		a.Address == b.Address && a.AddressDetail == b.AddressDetail && a.DeliveryMessage == b.DeliveryMessage &&
		a.PaymentMethod == b.PaymentMethod && a.Channel == b.Channel && a.ShippingFee == b.ShippingFee &&
		a.ShippingFeeExtra == b.ShippingFeeExtra && a.ShippingDiscount == b.ShippingDiscount && a.Country == b.Country &&
		a.CustomsID == b.CustomsID
}

// saveOrder saves the row's order once per import: a new order with what the row has, a known one with what
// the row's file carries. It returns the order and whether this row changed a stored order.
func (im *importer) saveOrder(ctx context.Context, row sheet.OrderRow) (data.OrderRecord, bool, error) {
	// An export lists an order's lines one after another: the last order is kept whole, any other this
	// import saved is read back by id (rare), so a 100,000-row file keeps no order records in memory.
	if im.last.rec.ID != 0 && im.last.rec.OrderNo == row.OrderNo {
		return im.last.rec, im.last.changed, nil
	}
	if id, ok := im.orderIDs[row.OrderNo]; ok {
		o, err := data.OrderByID(ctx, im.tx, id)
		_, changed := im.changedOrders[id]
		im.last = savedOrder{rec: o, changed: changed}
		return o, changed, err
	}
	var old data.OrderRecord
	isNew, err := im.unstored(ctx, row.OrderNo), error(nil)
	if !isNew {
		old, err = data.OrderByNo(ctx, im.tx, row.OrderNo)
		isNew = errors.Is(err, data.ErrNoRow)
		if err != nil && !isNew {
			return data.OrderRecord{}, false, err
		}
	}
	var o data.OrderRecord
	if isNew {
		o = orderOf(row)
		if o.OrderedAt.IsZero() {
			o.OrderedAt = row.PaidAt // a layout without 주문일시: the payment is the nearest the file knows
		}
		if o.OrderedAt.IsZero() {
			o.OrderedAt = im.s.Now()
		}
	} else {
		o = mergeOrder(old, row)
		if sameOrder(old, o) {
			im.orderIDs[strings.Clone(row.OrderNo)] = old.ID
			im.last = savedOrder{rec: old}
			return old, false, nil
		}
	}
	if isNew {
		// no row has its 주문번호: a plain insert, and noted for the sales figures before it has a line
		if o.ID, err = data.InsertOrderTx(ctx, im.tx, o); err != nil {
			return o, false, err
		}
		if err := im.sales.NoteOrderTx(ctx, im.tx, o.ID, true); err != nil {
			return o, false, err
		}
	} else if o.ID, err = data.SaveOrderTx(ctx, im.tx, o); err != nil {
		return o, false, err
	}
	im.orderIDs[strings.Clone(row.OrderNo)] = o.ID
	im.last = savedOrder{rec: o, changed: !isNew, created: isNew}
	if !isNew {
		if im.changedOrders == nil {
			im.changedOrders = map[int64]bool{}
		}
		// true: its names or phones changed, so every line of it is found by the new ones
		im.changedOrders[o.ID] = !sameSearch(old, o)
	}
	return o, !isNew, nil
}

// unstored says whether an order number is surely not stored: it sorts below "A" (digits do) and above the
// greatest such number the store had when the import began (data.OrderNoCeiling). Smart Store numbers
// grow with time, so a download's new orders are mostly of that kind and are not looked up one by one;
// this import's own orders are found in orderIDs before this is asked.
func (im *importer) unstored(ctx context.Context, orderNo string) bool {
	if !im.ceilingRead {
		im.ceilingRead = true
		var err error
		if im.ceiling, im.anyBelow, err = data.OrderNoCeiling(ctx, im.tx); err != nil {
			im.ceiling, im.anyBelow = "", true
			im.ceilingBad = true
		}
	}
	if im.ceilingBad || orderNo >= "A" {
		return false
	}
	return !im.anyBelow || orderNo > im.ceiling
}

func sameSearch(a, b data.OrderRecord) bool {
	return a.BuyerName == b.BuyerName && a.RecipientName == b.RecipientName && a.BuyerPhone == b.BuyerPhone &&
		a.RecipientPhone1 == b.RecipientPhone1 && a.RecipientPhone2 == b.RecipientPhone2
}

// restageOrders queues the lookup entries of every line of the orders whose names or phones changed.
func (im *importer) restageOrders(ctx context.Context) error {
	for id, search := range im.changedOrders {
		if !search {
			continue
		}
		o, err := data.OrderByID(ctx, im.tx, id)
		if err != nil {
			return err
		}
		lines, err := data.LinesOfOrder(ctx, im.tx, id)
		if err != nil {
			return err
		}
		e := data.LineSearchEntryOf(lineSearch(o))
		for _, l := range lines {
			if err := im.stageSearch(ctx, l.ID, e); err != nil {
				return err
			}
		}
	}
	return nil
}
