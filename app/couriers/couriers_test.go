package couriers_test

import (
	"strings"
	"testing"

	"sellerdesk/app/couriers"
)

// The codes and names below are the Commerce API's delivery company code table as published
// (deliveryCompanyCode.pay-order-seller, see the package comment), checked row by row against it, and
// FORMATS.md's short list (CJGLS CJ대한통운 · HYUNDAI 롯데택배 · HANJIN 한진택배 · KGB 로젠택배 · EPOST 우체국택배 ·
// REGISTPOST 우편등기 · CUPARCEL CU편의점택배 · CVSNET GSPostbox택배).
func TestTable(t *testing.T) {
	all := couriers.All()
	if got := len(all); got != 203 {
		t.Errorf("%d couriers, want the 203 of the Commerce API's table", got)
	}
	for i, want := range []string{"CJGLS", "HYUNDAI", "HANJIN", "KGB", "EPOST"} {
		if all[i].Code != want || !all[i].Common {
			t.Errorf("row %d is %s (common %v), want %s first among the common couriers", i, all[i].Code, all[i].Common, want)
		}
	}
	if got := couriers.CommonNames(); len(got) != 18 || got[0] != "CJ대한통운" || got[4] != "우체국택배" || got[7] != "GSPostbox택배" {
		t.Errorf("common names %q", got)
	}
	seenRare := false
	for _, c := range all {
		if !c.Common {
			seenRare = true
		} else if seenRare {
			t.Errorf("common courier %s after a less common one", c.Code)
		}
	}
	for code, name := range map[string]string{
		"CJGLS": "CJ대한통운", "HYUNDAI": "롯데택배", "HANJIN": "한진택배", "KGB": "로젠택배", "EPOST": "우체국택배",
		"REGISTPOST": "우편등기", "CUPARCEL": "CU편의점택배", "CVSNET": "GSPostbox택배", "GSPOSTBOX": "GSPostbox퀵",
		"KDEXP": "경동택배", "DAESIN": "대신택배", "ILYANG": "일양로지스", "HDEXP": "합동택배", "CHUNIL": "천일택배",
		"KOREXG": "CJ대한통운(국제택배)", "HONAM": "우리택배", "HPL": "한의사랑택배", "PANTOS": "LX판토스",
		"CH1": "기타택배", "CU": "CU편의점(퀵배달용)", "GSTHEFRESH": "GS더프레시", "EMS": "EMS", "1004HOME": "1004HOME",
	} {
		c, ok := couriers.ByCode(code)
		if !ok || c.Name != name {
			t.Errorf("ByCode(%s) = %+v, %v; want %s", code, c, ok, name)
		}
	}
}

func TestLookup(t *testing.T) {
	for in, want := range map[string]string{
		"CJGLS": "CJGLS", "CJ대한통운": "CJGLS", "CJ 대한통운": "CJGLS", "대한통운": "CJGLS", "cj대한통운": "CJGLS",
		" 롯데택배 ": "HYUNDAI", "현대택배": "HYUNDAI", "롯데": "HYUNDAI", "한진": "HANJIN", "로젠": "KGB",
		"LOGEN": "KGB", "우체국": "EPOST", "우체국 택배": "EPOST", "GS Postbox 택배": "CVSNET", "CU 편의점택배": "CUPARCEL",
		"호남택배": "HONAM", "GS Postbox": "CVSNET", // SellerDesk's own older name for GSPostbox택배
		"GSPOSTBOX": "CVSNET", // names first: GSPostbox퀵 is found by ByCode only
		"K-Packet":  "EMS", "GS더프레시": "GSTHEFRESH", "kt express": "KT",
	} {
		c, ok := couriers.Lookup(in)
		if !ok || c.Code != want {
			t.Errorf("Lookup(%q) = %s, %v; want %s", in, c.Code, ok, want)
		}
	}
	for _, in := range []string{"", "택배", "없는택배사", "CJ"} {
		if c, ok := couriers.Lookup(in); ok {
			t.Errorf("Lookup(%q) found %s", in, c.Code)
		}
	}
	if c, ok := couriers.ByCode("GSPOSTBOX"); !ok || c.Name != "GSPostbox퀵" {
		t.Errorf("ByCode(GSPOSTBOX) = %+v", c)
	}
	if _, ok := couriers.ByCode("CJ대한통운"); ok {
		t.Error("ByCode took a name for a code")
	}
	if name, ok := couriers.Name("대한통운"); !ok || name != "CJ대한통운" {
		t.Errorf("Name(대한통운) = %q, %v", name, ok)
	}
	if name, ok := couriers.Name(" 동네택배 "); ok || name != "동네택배" {
		t.Errorf("Name of an unknown courier = %q, %v; want it as written", name, ok)
	}
}

// TestNamesUnique: every name the dispatch file can carry is one courier's.
func TestNamesUnique(t *testing.T) {
	seen := map[string]bool{}
	for _, n := range couriers.Names() {
		k := strings.ToUpper(strings.Join(strings.Fields(n), ""))
		if seen[k] {
			t.Errorf("name %q twice", n)
		}
		seen[k] = true
	}
	// All returns a copy: a caller cannot change the table.
	a := couriers.All()
	a[0].Name = "바뀜"
	if couriers.All()[0].Name != "CJ대한통운" {
		t.Error("All hands out the table itself")
	}
}
