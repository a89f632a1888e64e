package app

import (
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

// translationTable reads the translations of l as key → text (assets.TranslationTable).
func translationTable(l Language) (map[string]string, error) {
	name := "ko"
	if l == English {
		name = "en"
	}
	table, err := assets.TranslationTable(name)
	if err != nil {
		return nil, fmt.Errorf("app: translations: %w", err)
	}
	return table, nil
}
