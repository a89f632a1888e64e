// Package views draws SellerDesk's window: one file per screen, each calling the services of package app.
// Views never run SQL and never block the UI goroutine: long work runs in a goroutine and reports back
// through fyne.Do.
package views

import (
	"fmt"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/lang"

	"sellerdesk/app"
	"sellerdesk/assets"
)

// LoadTranslations makes the chosen language the UI language. Fyne picks a language by matching the
// computer's locale against the loaded translations and offers no setter; a Korean seller on an English
// Windows still wants Korean, so the chosen file is registered under the computer's locale and under
// Fyne's fallback ("en") as well as under its own tag. ko.json also translates Fyne's own dialog words.
func LoadTranslations(l app.Language) error {
	name := "ko"
	if l == app.English {
		name = "en"
	}
	content, err := assets.TranslationJSON(name)
	if err != nil {
		return fmt.Errorf("views: translations: %w", err)
	}
	for _, loc := range []fyne.Locale{fyne.Locale(l), "en"} {
		if err := lang.AddTranslationsForLocale(content, loc); err != nil {
			return fmt.Errorf("views: load %s as %s: %w", name, loc, err)
		}
	}
	// Best effort: a locale Fyne cannot name (the C locale) simply falls back to "en", loaded above.
	if sys := lang.SystemLocale(); sys != "" && sys.LanguageString() != "und" {
		_ = lang.AddTranslationsForLocale(content, sys)
	}
	return nil
}
