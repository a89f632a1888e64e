package sheet

import (
	"strings"

	"sellerdesk/app/apperr"
	"sellerdesk/app/limits"
)

// sayMsg is limits.Range.Say as a sentence key with its values, so that a cell beyond its limit is told
// in the seller's language; in Korean it reads as Say's sentence, word for word. label is a word the
// translations know (판매가, 재고수량 …); the particle after it is chosen here, one key for each form.
func sayMsg(r limits.Range, label string, why limits.Reason, text string) apperr.Msg {
	shown := apperr.Msg{} // the cell's text after the sentence, as Say writes it; nothing for an empty one
	if t := strings.TrimSpace(text); t != "" {
		if len([]rune(t)) > 30 {
			t = string([]rune(t)[:30]) + "…"
		}
		shown = apperr.M("('{{.Value}}')", "Value", t) // English puts a space before it
	}
	word := apperr.M(label)
	topic := limits.Particle(label, "은", "는")
	switch why {
	case limits.Empty:
		switch limits.Particle(label, "이", "가") {
		case "이":
			return apperr.M("{{.Label}}이 비어 있습니다.", "Label", word)
		case "가":
			return apperr.M("{{.Label}}가 비어 있습니다.", "Label", word)
		}
		return apperr.M("{{.Label}}이(가) 비어 있습니다.", "Label", word)
	case limits.NotNumber:
		return apperr.M("{{.Label}}에 숫자가 아닌 값 '{{.Value}}'이(가) 있습니다. 쉼표 없이 또는 1,234처럼 정수로 적으세요.",
			"Label", word, "Value", strings.TrimSpace(text))
	case limits.TooSmall:
		unit := r.Unit
		if r.Min == 0 {
			unit = "" // as Say: "0 이상" needs no unit
		}
		args := []any{"Label", word, "Limit", limits.Group(r.Min), "Unit", apperr.M(unit), "Shown", shown}
		switch topic {
		case "은":
			return apperr.M("{{.Label}}은 {{.Limit}}{{.Unit}} 이상이어야 합니다{{.Shown}}.", args...)
		case "는":
			return apperr.M("{{.Label}}는 {{.Limit}}{{.Unit}} 이상이어야 합니다{{.Shown}}.", args...)
		}
		return apperr.M("{{.Label}}은(는) {{.Limit}}{{.Unit}} 이상이어야 합니다{{.Shown}}.", args...)
	case limits.TooLarge:
		args := []any{"Label", word, "Limit", limits.Group(r.Max), "Unit", apperr.M(r.Unit), "Shown", shown}
		switch topic {
		case "은":
			return apperr.M("{{.Label}}은 {{.Limit}}{{.Unit}} 이하여야 합니다{{.Shown}}.", args...)
		case "는":
			return apperr.M("{{.Label}}는 {{.Limit}}{{.Unit}} 이하여야 합니다{{.Shown}}.", args...)
		}
		return apperr.M("{{.Label}}은(는) {{.Limit}}{{.Unit}} 이하여야 합니다{{.Shown}}.", args...)
	}
	return apperr.Msg{}
}

// fieldMsg is a catalog check's message for field k as a sentence key with its values; an older error
// that has only the Korean text gives that text as the key.
func fieldMsg(ae *apperr.Error, k string) apperr.Msg {
	if m, ok := ae.FieldMsgs[k]; ok {
		return m
	}
	return apperr.Msg{Key: ae.Fields[k]}
}
