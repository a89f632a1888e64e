package doc

import (
	"fmt"
	"math"
)

// Code 128 (ISO/IEC 15417), code sets B and C: enough for return numbers, order numbers and postal tracking
// numbers, all printable ASCII. Set C packs two digits into one symbol, so the long digit runs in
// RT-20261124-001 make the barcode shorter and easier to scan.

// code128Widths holds the bar and space widths, in modules, of each symbol value; every symbol is 11
// modules wide, the stop symbol (106) 13.
var code128Widths = [107]string{
	"212222", "222122", "222221", "121223", "121322", "131222", "122213", "122312", "132212", "221213",
	"221312", "231212", "112232", "122132", "122231", "113222", "123122", "123221", "223211", "221132",
	"221231", "213212", "223112", "312131", "311222", "321122", "321221", "312212", "322112", "322211",
	"212123", "212321", "232121", "111323", "131123", "131321", "112313", "132113", "132311", "211313",
	"231113", "231311", "112133", "112331", "132131", "113123", "113321", "133121", "313121", "211331",
	"231131", "213113", "213311", "213131", "311123", "311321", "331121", "312113", "312311", "332111",
	"314111", "221411", "431111", "111224", "111422", "121124", "121421", "141122", "141221", "112214",
	"112412", "122114", "122411", "142112", "142211", "241211", "221114", "413111", "241112", "134111",
	"111242", "121142", "121241", "114212", "124112", "124211", "411212", "421112", "421211", "212141",
	"214121", "412121", "111143", "111341", "131141", "114113", "114311", "411113", "411311", "113141",
	"114131", "311141", "411131", "211412", "211214", "211232", "2331112",
}

// Symbol values with a special meaning.
const (
	c128CodeC  = 99  // in set B: switch to set C
	c128CodeB  = 100 // in set C: switch to set B
	c128StartB = 104
	c128StartC = 105
	c128Stop   = 106
)

// code128QuietZone is the blank margin each side of the bars, in modules; the standard asks for at least 10.
const code128QuietZone = 10

// code128Values encodes s as Code 128 symbol values: start, data, checksum and stop. It uses set C for
// digit runs long enough to save space (4 or more at either end or for the whole text, 6 or more inside)
// and set B for the rest; s must be printable ASCII.
func code128Values(s string) ([]int, error) {
	if s == "" {
		return nil, fmt.Errorf("code128: empty text")
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 32 || s[i] > 126 {
			return nil, fmt.Errorf("code128: %q: character %q at %d is not printable ASCII", s, s[i], i)
		}
	}
	digitsFrom := func(i int) int {
		n := 0
		for i+n < len(s) && s[i+n] >= '0' && s[i+n] <= '9' {
			n++
		}
		return n
	}
	var values []int
	setC := false
	for i := 0; i < len(s); {
		run := digitsFrom(i)
		threshold := 6
		if i == 0 || i+run == len(s) {
			threshold = 4
		}
		if i == 0 && run == len(s) && run%2 == 0 {
			threshold = 2
		}
		if run >= threshold {
			if run%2 == 1 { // one digit in set B first, so that the C run ends on a pair boundary
				if i == 0 {
					values = append(values, c128StartB)
				} else if setC {
					values = append(values, c128CodeB)
				}
				setC = false
				values = append(values, int(s[i])-32)
				i++
				run--
			}
			switch {
			case len(values) == 0:
				values = append(values, c128StartC)
			case !setC:
				values = append(values, c128CodeC)
			}
			setC = true
			for ; run > 0; run -= 2 {
				values = append(values, int(s[i]-'0')*10+int(s[i+1]-'0'))
				i += 2
			}
			continue
		}
		switch {
		case len(values) == 0:
			values = append(values, c128StartB)
		case setC:
			values = append(values, c128CodeB)
		}
		setC = false
		values = append(values, int(s[i])-32)
		i++
	}
	sum := values[0]
	for i, v := range values[1:] {
		sum += (i + 1) * v
	}
	return append(values, sum%103, c128Stop), nil
}

// code128Bars returns the widths in modules of the bars and spaces of s, alternating and starting with a
// bar, without the quiet zones.
func code128Bars(s string) ([]int, error) {
	values, err := code128Values(s)
	if err != nil {
		return nil, err
	}
	widths := make([]int, 0, 6*len(values)+1)
	for _, v := range values {
		for _, c := range code128Widths[v] {
			widths = append(widths, int(c-'0'))
		}
	}
	return widths, nil
}

// barcode draws s as a Code 128 barcode with its quiet zones inside the box (x, y, w, h), centred, with a
// module as wide as fits but at most maxModule mm and a whole number of 203 dpi printer dots, so that
// thermal label printers draw every bar the same width. It returns the width drawn (quiet zones included).
func (p *pdf) barcode(s string, x, y, w, h, maxModule float64) (float64, error) {
	widths, err := code128Bars(s)
	if err != nil {
		return 0, err
	}
	modules := 2 * code128QuietZone
	for _, m := range widths {
		modules += m
	}
	const dot = 25.4 / 203
	fits := w / float64(modules)
	module := min(maxModule, fits)
	if dots := math.Floor(module/dot + 0.01); dots >= 2 { // 0.01: 0.5 mm is 3.996 dots, take it as 4
		if dots*dot > fits {
			dots--
		}
		module = dots * dot
	}
	total := module * float64(modules)
	cx := x + (w-total)/2 + code128QuietZone*module
	p.fill(rgb{0, 0, 0})
	for i, m := range widths {
		if i%2 == 0 {
			p.Rect(cx, y, float64(m)*module, h, "F")
		}
		cx += float64(m) * module
	}
	return total, nil
}
