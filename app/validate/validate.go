// Package validate checks the contact details sellers type: Korean phone numbers and email addresses. Its
// errors are apperr.ErrInvalid with a sentence key (no values), so err.Error() is the Korean sentence and
// views translate it as a key.
package validate

import (
	"net/mail"
	"strings"

	"sellerdesk/app/apperr"
)

// Digits returns the digits of s, allowing hyphens, spaces and dots between them; any other character
// makes it return "".
func Digits(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r >= '0' && r <= '9' {
			b.WriteRune(r)
		} else if r != '-' && r != ' ' && r != '.' {
			return "" // a letter or other sign makes the number invalid
		}
	}
	return b.String()
}

// Phone checks a Korean phone number (mobile, Seoul 02, area codes, 070/050x, 15xx/16xx/18xx
// business numbers) and writes it with hyphens: 010-1234-5678, 02-123-4567, 1588-1234.
func Phone(s string) (string, error) {
	d := Digits(s)
	bad := apperr.New(apperr.ErrInvalid, "전화번호 형식이 올바르지 않습니다(예: 010-1234-5678, 02-123-4567).")
	switch {
	case len(d) == 8 && (strings.HasPrefix(d, "15") || strings.HasPrefix(d, "16") || strings.HasPrefix(d, "18")):
		return d[:4] + "-" + d[4:], nil
	case strings.HasPrefix(d, "02") && (len(d) == 9 || len(d) == 10):
		return d[:2] + "-" + d[2:len(d)-4] + "-" + d[len(d)-4:], nil
	case strings.HasPrefix(d, "050") && (len(d) == 11 || len(d) == 12):
		return d[:4] + "-" + d[4:len(d)-4] + "-" + d[len(d)-4:], nil
	case strings.HasPrefix(d, "0") && !strings.HasPrefix(d, "00") && (len(d) == 10 || len(d) == 11):
		return d[:3] + "-" + d[3:len(d)-4] + "-" + d[len(d)-4:], nil
	}
	return "", bad
}

// Email checks a plain address (no display name) and returns it trimmed.
func Email(s string) (string, error) {
	s = strings.TrimSpace(s)
	a, err := mail.ParseAddress(s)
	if err != nil || a.Address != s || !strings.Contains(s[strings.LastIndex(s, "@"):], ".") {
		return "", apperr.New(apperr.ErrInvalid, "이메일 주소 형식이 올바르지 않습니다(예: shop@example.com).")
	}
	return s, nil
}
