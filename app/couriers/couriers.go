// Package couriers is the table of couriers Smart Store's dispatch accepts: each courier's code and its
// Korean name exactly as Smart Store writes it (in its order exports' 택배사 column and in the 엑셀 일괄발송
// upload), common ones first, with the other names sellers and courier systems use for them.
//
// The table (couriers.tsv, embedded) is the Naver Commerce API's delivery company code table
// (deliveryCompanyCode.pay-order-seller: "택배사 코드", 203 entries), as published in the Commerce API
// documentation, e.g. https://apicenter.commerce.naver.com/docs/commerce-api/current/seller-request-return-pay-order-seller
// (read from a public mirror of that page). Two changes, both noted in the file's order only: the common
// couriers are moved to the top, and the one row whose code and name the page prints swapped
// ("GS더프레시 | GSTHEFRESH") is stored as code GSTHEFRESH, name GS더프레시. The aliases are ours: older
// names (현대택배 → 롯데택배 under code HYUNDAI, 호남택배 → 우리택배), short names (대한통운, 로젠, 우체국) and how
// courier systems and other tools spell them ("CJ 대한통운", "GS Postbox 택배"). A name is matched without
// blanks, hyphens and case, so "cj 대한통운" and "CJ대한통운" are the same courier.
package couriers

import (
	_ "embed"
	"fmt"
	"strings"
	"unicode"
)

// Courier is one row of the table.
type Courier struct {
	Code    string   // the Commerce API's code, e.g. CJGLS
	Name    string   // the Korean name as Smart Store writes it, e.g. CJ대한통운
	Common  bool     // one of the couriers most sellers use, offered first
	Aliases []string // other names the same courier goes by
}

//go:embed couriers.tsv
var tableTSV string

var (
	table  []Courier
	byName map[string]int // normalised name or alias → row
	byCode map[string]int // normalised code → row
)

func init() {
	var err error
	table, byName, byCode, err = parse(tableTSV)
	if err != nil {
		panic(err) // the embedded table is checked by the tests; a broken one must not ship
	}
}

// parse reads the table: one courier a line, code, name, "*" for a common one, aliases separated by
// "|", tab-separated; lines starting with # are comments. Every name and alias must name one courier
// only, and so must every code. A code may read like another courier's name ("GSPOSTBOX" is GSPostbox퀵's
// code, "GS Postbox" an older name of GSPostbox택배): names are looked up first.
func parse(text string) ([]Courier, map[string]int, map[string]int, error) {
	var out []Courier
	names, codes := map[string]int{}, map[string]int{}
	for n, line := range strings.Split(text, "\n") {
		line = strings.TrimRight(line, "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Split(line, "\t")
		if len(f) != 4 || strings.TrimSpace(f[0]) == "" || strings.TrimSpace(f[1]) == "" {
			return nil, nil, nil, fmt.Errorf("couriers: line %d: want code, name, common, aliases: %q", n+1, line)
		}
		c := Courier{Code: f[0], Name: f[1], Common: f[2] == "*"}
		if f[3] != "" {
			c.Aliases = strings.Split(f[3], "|")
		}
		if _, dup := codes[normalize(c.Code)]; dup {
			return nil, nil, nil, fmt.Errorf("couriers: line %d: code %s twice", n+1, c.Code)
		}
		codes[normalize(c.Code)] = len(out)
		for _, key := range append([]string{c.Name}, c.Aliases...) {
			k := normalize(key)
			if k == "" {
				return nil, nil, nil, fmt.Errorf("couriers: line %d: empty name", n+1)
			}
			if prev, ok := names[k]; ok && prev != len(out) {
				return nil, nil, nil, fmt.Errorf("couriers: line %d: %q already names %s", n+1, key, out[prev].Code)
			}
			names[k] = len(out)
		}
		out = append(out, c)
	}
	return out, names, codes, nil
}

// normalize is how names are compared: without blanks, hyphens, dots and underscores, letters in upper
// case.
func normalize(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), r == '-', r == '.', r == '_', r == '\u00a0':
			continue
		}
		b.WriteRune(unicode.ToUpper(r))
	}
	return b.String()
}

// All lists every courier in the table's order (common ones first).
func All() []Courier {
	out := make([]Courier, len(table))
	copy(out, table)
	return out
}

// Names lists every courier's Smart Store name, in the table's order.
func Names() []string {
	out := make([]string, len(table))
	for i, c := range table {
		out[i] = c.Name
	}
	return out
}

// CommonNames lists the Smart Store names of the common couriers (those sellers pick most), in order:
// the short list a screen offers before the whole table.
func CommonNames() []string {
	var out []string
	for _, c := range table {
		if c.Common {
			out = append(out, c.Name)
		}
	}
	return out
}

// Lookup finds a courier by its Smart Store name, one of its aliases or its code ("CJ대한통운", "대한통운",
// "cj 대한통운", "CJGLS" all find CJ대한통운). Names come first.
func Lookup(s string) (Courier, bool) {
	k := normalize(s)
	if i, ok := byName[k]; ok {
		return table[i], true
	}
	if i, ok := byCode[k]; ok {
		return table[i], true
	}
	return Courier{}, false
}

// ByCode finds a courier by its code only (exactly as the Commerce API writes it).
func ByCode(code string) (Courier, bool) {
	i, ok := byCode[normalize(code)]
	if !ok || table[i].Code != strings.TrimSpace(code) {
		return Courier{}, false
	}
	return table[i], true
}

// Name gives the Smart Store name for what a seller or a file wrote (a code, a name, an alias); a name
// the table does not know is returned as written, trimmed, with ok false.
func Name(s string) (name string, ok bool) {
	if c, found := Lookup(s); found {
		return c.Name, true
	}
	return strings.TrimSpace(s), false
}
