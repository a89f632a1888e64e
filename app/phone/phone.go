// Package phone masks phone numbers for lists by the country they belong to: a Korean number as Koreans
// write it (010-****-5678), a foreign one keeping its country code and last four digits (+1 ***-***-0199)
// instead of being cut as if it were Korean ("151-****-0199").
package phone

import "strings"

// Mask hides the middle of a phone number for a list; country is the order's ISO country code ("KR", "US";
// "" counts as Korea). A number written with a + is international whatever the country.
func Mask(p, country string) string {
	p = strings.TrimSpace(p)
	if p == "" {
		return ""
	}
	if strings.HasPrefix(p, "+") || (country != "" && !strings.EqualFold(country, "KR")) {
		return maskInternational(p)
	}
	return maskKorean(p)
}

// maskKorean keeps the area or mobile prefix and the last four digits: 010-1234-5678 → 010-****-5678,
// 02-332-1234 → 02-****-1234, a 안심번호 0504-1234-5678 → 0504-****-5678.
func maskKorean(p string) string {
	d := digits(p)
	if len(d) < 8 {
		return strings.Repeat("*", len(d))
	}
	head := 3
	switch {
	case strings.HasPrefix(d, "02"):
		head = 2
	case strings.HasPrefix(d, "050"):
		head = 4
	}
	if len(d)-4 <= head {
		head = len(d) - 8
	}
	return d[:head] + "-****-" + d[len(d)-4:]
}

// maskInternational keeps the number's own shape, its country code (the digits right after a +, up to the
// first space or hyphen) and its last four digits; every other digit becomes *.
func maskInternational(p string) string {
	total := len(digits(p))
	keepHead := 0
	if strings.HasPrefix(p, "+") {
		rest := p[1:]
		if i := strings.IndexAny(rest, " -()."); i > 0 && i <= 3 {
			keepHead = i
		}
	}
	var b strings.Builder
	n := 0
	for _, r := range p {
		if r < '0' || r > '9' {
			b.WriteRune(r)
			continue
		}
		n++
		if n <= keepHead || n > total-4 {
			b.WriteRune(r)
		} else {
			b.WriteByte('*')
		}
	}
	return b.String()
}

func digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		}
	}
	return b.String()
}
