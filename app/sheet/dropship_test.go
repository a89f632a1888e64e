package sheet

import (
	"bytes"
	"context"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestDropshipReturnsAsCourierFile: the 직배송 sheet a supplier fills in (택배사, 송장번호) and sends back
// reads as a courier file, in xlsx or saved by the supplier as .xls, with the 택배사 as Smart Store names it.
func TestDropshipReturnsAsCourierFile(t *testing.T) {
	var buf bytes.Buffer
	err := WriteDropship(&buf, []DropshipRow{
		{PONumber: "PO-20261124-001", ProductOrderNo: "2026112410000001", Recipient: "김민지", Phone: "010-1234-5678", Item: "머그컵", Qty: 1},
		{PONumber: "PO-20261124-001", ProductOrderNo: "2026112410000002", Recipient: "이서준", Phone: "0504-1111-2222", Item: "접시", Qty: 2},
	})
	if err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellStr("직배송", "K2", "대한통운")
	f.SetCellStr("직배송", "L2", "6123-4567-8901")
	f.SetCellStr("직배송", "K3", "한진")
	f.SetCellStr("직배송", "L3", "420012345678")
	grid, err := f.GetRows("직배송")
	if err != nil {
		t.Fatal(err)
	}
	var filled bytes.Buffer
	if err := f.Write(&filled); err != nil {
		t.Fatal(err)
	}
	f.Close()
	want := []CourierRow{
		{Sheet: "직배송", Row: 2, Name: "김민지", Phone: "010-1234-5678", TrackingNo: "612345678901", Courier: "CJ대한통운"},
		{Sheet: "직배송", Row: 3, Name: "이서준", Phone: "0504-1111-2222", TrackingNo: "420012345678", Courier: "한진택배"},
	}
	for name, raw := range map[string][]byte{
		"xlsx": filled.Bytes(),
		"xls":  xlsFile(t, []xlsTestSheet{xlsGrid("직배송", grid)}, xlsOptions{}),
	} {
		rows, probs, err := ReadCourierFile(context.Background(), bytes.NewReader(raw), "")
		if err != nil || len(probs) != 0 || !reflect.DeepEqual(rows, want) {
			t.Errorf("%s: %+v %v %v", name, rows, probs, err)
		}
	}
}
