// Package format writes money, numbers and times the way a Korean seller reads them: 45,000원 and
// 2026-11-22 14:05 in the seller's local time.
package format

import (
	"strconv"
	"strings"
	"time"

	"golang.org/x/text/language"
	"golang.org/x/text/message"
)

var korean = message.NewPrinter(language.Korean)

// Won writes an amount of money in won: 45,000원, -3,000원.
func Won(amount int64) string { return korean.Sprintf("%d원", amount) }

// Number writes a count with thousands separators: 1,234.
func Number(n int64) string { return korean.Sprintf("%d", n) }

// DateTime writes a moment in the seller's local time to the minute: 2026-11-22 14:05.
// The zero time is written as an empty string.
func DateTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(time.Local).Format("2006-01-02 15:04")
}

// Date writes the local calendar day: 2026-11-22.
func Date(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.In(time.Local).Format("2006-01-02")
}

// Bytes writes a file size for people: 512 B, 3.4 MB.
func Bytes(n int64) string {
	const unit = 1024
	if n < unit {
		return korean.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit && exp < 3; m /= unit {
		div *= unit
		exp++
	}
	return korean.Sprintf("%.1f %cB", float64(n)/float64(div), "KMGT"[exp])
}

// ParseWon reads an amount the seller typed or a spreadsheet held: "19800", "19,800", "19,800원",
// " -3,000 ". ok is false for anything else (letters, decimals, empty).
func ParseWon(s string) (amount int64, ok bool) {
	s = strings.TrimSpace(s)
	s = strings.TrimSuffix(s, "원")
	s = strings.ReplaceAll(strings.TrimSpace(s), ",", "")
	if s == "" {
		return 0, false
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, false
	}
	return n, true
}
