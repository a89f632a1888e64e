package app

import (
	"encoding/json"
	"fmt"

	"sellerdesk/app/apperr"
	"sellerdesk/assets"
)

// TranslatorFor is the translator the headless commands use for language l: the same translation files the
// window loads (assets/translations), read without Fyne, so `sellerdesk` in English mode prints its errors
// in English. A key the file lacks is rendered as it is written, in Korean, with its values.
func TranslatorFor(l Language) Translator {
	table, err := translationTable(l)
	if err != nil {
		// the embedded files are checked by the tests; should one still not parse, Korean is still right
		return apperr.Korean
	}
	return func(key string, args map[string]any) string {
		if v, ok := table[key]; ok && v != "" {
			return apperr.Render(v, args)
		}
		return apperr.Render(key, args)
	}
}

// translationTable reads the translation file of l as key → text. Fyne's format also allows a plural
// object ({"one": …, "other": …}); its "other" form is taken, as Fyne does without a count.
func translationTable(l Language) (map[string]string, error) {
	name := "ko"
	if l == English {
		name = "en"
	}
	b, err := assets.TranslationJSON(name)
	if err != nil {
		return nil, fmt.Errorf("app: translations: %w", err)
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("app: parse %s: %w", name, err)
	}
	table := make(map[string]string, len(raw))
	for k, v := range raw {
		var s string
		if json.Unmarshal(v, &s) == nil {
			table[k] = s
			continue
		}
		var plural map[string]string
		if err := json.Unmarshal(v, &plural); err != nil {
			return nil, fmt.Errorf("app: parse %s: %q: %w", name, k, err)
		}
		table[k] = plural["other"]
	}
	return table, nil
}
