package limits

import (
	"fmt"
	"strconv"
	"strings"
)

// Say is the Korean sentence for a value of label (수량, 판매가 …) that is not within r, naming the limit:
// "수량은 99,999개 이하여야 합니다('9223372036854775807')." text is what the cell or field held; empty for a
// computed value.
func (r Range) Say(label string, why Reason, text string) string {
	shown := ""
	if t := strings.TrimSpace(text); t != "" {
		if len([]rune(t)) > 30 {
			t = string([]rune(t)[:30]) + "…"
		}
		shown = fmt.Sprintf("('%s')", t)
	}
	switch why {
	case Empty:
		return label + Particle(label, "이", "가") + " 비어 있습니다."
	case NotNumber:
		return fmt.Sprintf("%s에 숫자가 아닌 값 '%s'이(가) 있습니다. 쉼표 없이 또는 1,234처럼 정수로 적으세요.", label, strings.TrimSpace(text))
	case TooSmall:
		unit := r.Unit
		if r.Min == 0 {
			unit = "" // "0 이상": zero needs no unit, and reads the same for 원, 개 and g
		}
		return fmt.Sprintf("%s%s %s%s 이상이어야 합니다%s.", label, Particle(label, "은", "는"), Group(r.Min), unit, shown)
	case TooLarge:
		return fmt.Sprintf("%s%s %s%s 이하여야 합니다%s.", label, Particle(label, "은", "는"), Group(r.Max), r.Unit, shown)
	}
	return ""
}

// Particle picks the Korean particle after word: withFinal after a syllable that ends in a consonant
// (판매가는 / 수량은), without otherwise; a word not ending in Hangul takes "withFinal(without)".
func Particle(word, withFinal, without string) string {
	rs := []rune(word)
	if len(rs) == 0 {
		return withFinal + "(" + without + ")"
	}
	last := rs[len(rs)-1]
	if last < 0xAC00 || last > 0xD7A3 {
		return withFinal + "(" + without + ")"
	}
	if (last-0xAC00)%28 != 0 {
		return withFinal
	}
	return without
}

// Group writes n with thousands separators (1,000,000,000), as limits are shown to the seller.
func Group(n int64) string {
	s := strconv.FormatInt(n, 10)
	sign := ""
	if strings.HasPrefix(s, "-") {
		sign, s = "-", s[1:]
	}
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return sign + b.String()
}
