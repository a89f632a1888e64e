package views

import (
	"strings"

	"fyne.io/fyne/v2/lang"

	"sellerdesk/app"
	"sellerdesk/app/format"
)

// translate renders an app sentence key with its values in the UI language (app errors carry the Korean
// sentence as their key, see app.Msg). A key the translations lack comes back as the Korean sentence with
// its values filled in: Fyne's lang falls back to the key itself as the template. A sentence without
// values that holds "{{" is a ready one quoting the seller's own text and is never run as a template.
//
// A Korean sentence that writes a particle both ways after a value ("'{{.Name}}'은(는) …") comes out with
// the one form the value takes ("'주문.xlsx'는 …"): see format.FixParticles.
func translate(key string, args map[string]any) string {
	if key == "" {
		return ""
	}
	if len(args) == 0 {
		if strings.Contains(key, "{{") {
			return format.FixParticles(key)
		}
		return format.FixParticles(lang.L(key))
	}
	return format.FixParticles(lang.L(key, args))
}

// tr is lang.L for a sentence whose value decides a particle written both ways ("{{.Name}}을(를)"):
// the finished sentence carries the right form. Screens may use it wherever they fill a value in before
// a particle.
func tr(key string, args ...map[string]any) string {
	if len(args) == 0 {
		return format.FixParticles(lang.L(key))
	}
	return format.FixParticles(lang.L(key, args[0]))
}

// sellerText is what the seller reads for err, in the UI language: what it is about, then what happened.
func sellerText(err error) string { return app.Text(err, translate) }

// fieldText is the problem of one field of an invalid input in the UI language, "" when it has none.
func fieldText(err error, field string) string { return app.FieldText(err, field, translate) }

// fieldTexts is every field problem of err in the UI language, keyed by field; nil when it has none.
func fieldTexts(err error) map[string]string { return app.FieldTexts(err, translate) }

// msgText is a sentence from app (a key with its values, such as why an item was skipped) in the UI language.
func msgText(m app.Msg) string { return m.Text(translate) }
