package doc

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// decode128 reads bar/space widths back into text: the test's independent check of the encoder.
func decode128(widths []int) (string, error) {
	if len(widths) < 7+3*6 || (len(widths)-7)%6 != 0 {
		return "", fmt.Errorf("%d elements: not a Code 128 symbol", len(widths))
	}
	byPattern := map[string]int{}
	for v, p := range code128Widths {
		byPattern[p] = v
	}
	var values []int
	for i := 0; i < len(widths)-7; i += 6 {
		var sb strings.Builder
		for _, w := range widths[i : i+6] {
			sb.WriteByte(byte('0' + w))
		}
		v, ok := byPattern[sb.String()]
		if !ok {
			return "", fmt.Errorf("symbol %d: unknown pattern %s", i/6, sb.String())
		}
		values = append(values, v)
	}
	if stop := fmt.Sprint(widths[len(widths)-7:]); stop != "[2 3 3 1 1 1 2]" {
		return "", fmt.Errorf("stop pattern %s", stop)
	}
	sum := values[0]
	for i, v := range values[1 : len(values)-1] {
		sum += (i + 1) * v
	}
	if sum%103 != values[len(values)-1] {
		return "", fmt.Errorf("checksum %d, want %d", values[len(values)-1], sum%103)
	}
	var out strings.Builder
	setC := values[0] == c128StartC
	if !setC && values[0] != c128StartB {
		return "", fmt.Errorf("start %d", values[0])
	}
	for _, v := range values[1 : len(values)-1] {
		switch {
		case setC && v == c128CodeB:
			setC = false
		case !setC && v == c128CodeC:
			setC = true
		case setC && v < 100:
			fmt.Fprintf(&out, "%02d", v)
		case !setC && v < 95:
			out.WriteByte(byte(v + 32))
		default:
			return "", fmt.Errorf("value %d in set %v", v, map[bool]string{true: "C", false: "B"}[setC])
		}
	}
	return out.String(), nil
}

func widthsOf(patterns ...string) []int {
	var w []int
	for _, p := range patterns {
		for _, c := range p {
			w = append(w, int(c-'0'))
		}
	}
	return w
}

func TestCode128KnownEncodings(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []int
	}{
		// "A" in set B: Start B (104), A (33), checksum (104+33) % 103 = 34, Stop.
		{"A", widthsOf("211214", "111323", "131123", "2331112")},
		// "1234" in set C: Start C (105), 12, 34, checksum (105+12+2×34) % 103 = 82, Stop.
		{"1234", widthsOf("211232", "112232", "131123", "121241", "2331112")},
	} {
		got, err := code128Bars(c.in)
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("code128Bars(%q) =\n %v\nwant\n %v", c.in, got, c.want)
		}
	}
}

func TestCode128Values(t *testing.T) {
	for in, want := range map[string][]int{
		// B for the letters, C for the 8-digit date, back to B: 001 at the end is too short for C.
		"RT-20261124-001": {c128StartB, 50, 52, 13, c128CodeC, 20, 26, 11, 24, c128CodeB, 13, 16, 16, 17},
		"12345":           {c128StartB, 17, c128CodeC, 23, 45},                            // odd run: one digit in B first
		"AB123456CD":      {c128StartB, 33, 34, c128CodeC, 12, 34, 56, c128CodeB, 35, 36}, // 6 inside: C pays
		"AB1234CD":        {c128StartB, 33, 34, 17, 18, 19, 20, 35, 36},                   // 4 inside: B
		"42":              {c128StartC, 42},
	} {
		got, err := code128Values(in)
		if err != nil {
			t.Fatal(err)
		}
		if data := got[:len(got)-2]; !slices.Equal(data, want) {
			t.Errorf("code128Values(%q) = %v, want %v", in, data, want)
		}
	}
}

func TestCode128RoundTrip(t *testing.T) {
	for _, s := range []string{"RT-20261124-001", "RT-20261124-12345", "EE123456789KR", "PO-20261122-001",
		"PJJ123C", "0", "00", "000", "0000", "a1b22c333d4444e55555", "Hello, World! ~{}|", "2026112214053100", " "} {
		widths, err := code128Bars(s)
		if err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		modules := 0
		for i, w := range widths {
			if w < 1 || w > 4 {
				t.Fatalf("%q: element %d is %d modules", s, i, w)
			}
			modules += w
		}
		if (modules-13)%11 != 0 {
			t.Errorf("%q: %d modules, not 11 per symbol plus a 13-module stop", s, modules)
		}
		got, err := decode128(widths)
		if err != nil {
			t.Fatalf("%q: decode: %v", s, err)
		}
		if got != s {
			t.Errorf("decode(encode(%q)) = %q", s, got)
		}
	}
}

func TestCode128Refuses(t *testing.T) {
	for _, s := range []string{"", "반품", "tab\there", "é"} {
		if _, err := code128Values(s); err == nil {
			t.Errorf("code128Values(%q) accepted", s)
		}
	}
}
