package couriers

import "testing"

// TestParseRefuses: a table in which one name would mean two couriers, or a row without its name, is an
// error (the embedded table is parsed at start, so such a table never ships).
func TestParseRefuses(t *testing.T) {
	for _, bad := range []string{
		"CJGLS\tCJ대한통운\t*\t대한통운\nKOREX\t대한통운\t\t\n",
		"CJGLS\tCJ대한통운\t*\t\nHYUNDAI\t롯데택배\t*\tcj 대한통운\n",
		"CJGLS\t\t*\t\n",
		"CJGLS\tCJ대한통운\n",
		"CJGLS\tCJ대한통운\t*\t\nCJGLS\t대한통운\t\t\n",
	} {
		if _, _, _, err := parse(bad); err == nil {
			t.Errorf("parse accepted %q", bad)
		}
	}
	table, names, codes, err := parse("# comment\nCJGLS\tCJ대한통운\t*\t대한통운|CJ GLS\r\n\n")
	if err != nil || len(table) != 1 || len(names) != 3 || len(codes) != 1 || !table[0].Common || len(table[0].Aliases) != 2 {
		t.Fatalf("parse: %+v %v %v %v", table, names, codes, err)
	}
}
