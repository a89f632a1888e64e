package sheet

import (
	"bytes"
	"reflect"
	"testing"

	"github.com/xuri/excelize/v2"
)

// TestDispatchCourierNames: the 일괄발송 file carries each 택배사 as Smart Store names it (app/couriers):
// codes and older or short names become the table's name; a 직접전달 line keeps its blanks; a name the
// table does not know is written as given and listed by DispatchCourierUnknown.
func TestDispatchCourierNames(t *testing.T) {
	rows := []DispatchRow{
		{ProductOrderNo: "2026112410000001", Method: "택배,등기,소포", Courier: "대한통운", TrackingNo: "612345678901"},
		{ProductOrderNo: "2026112410000002", Method: "택배,등기,소포", Courier: "HYUNDAI", TrackingNo: "234567890123"},
		{ProductOrderNo: "2026112410000003", Method: "택배,등기,소포", Courier: "GS Postbox", TrackingNo: "0001"},
		{ProductOrderNo: "2026112410000004", Method: "직접전달"},
		{ProductOrderNo: "2026112410000005", Method: "택배,등기,소포", Courier: "동네택배", TrackingNo: "77"},
	}
	var buf bytes.Buffer
	if err := WriteDispatch(&buf, rows); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	got, err := f.GetRows("발송처리")
	if err != nil {
		t.Fatal(err)
	}
	want := [][]string{
		DispatchHeader,
		{"2026112410000001", "택배,등기,소포", "CJ대한통운", "612345678901"},
		{"2026112410000002", "택배,등기,소포", "롯데택배", "234567890123"},
		{"2026112410000003", "택배,등기,소포", "GSPostbox택배", "0001"},
		{"2026112410000004", "직접전달"},
		{"2026112410000005", "택배,등기,소포", "동네택배", "77"},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("dispatch file\n%q\nwant\n%q", got, want)
	}
	if got := DispatchCourierUnknown(rows); !reflect.DeepEqual(got, []string{"2026112410000005"}) {
		t.Errorf("unknown couriers: %v", got)
	}
}
