package app

import (
	"context"

	"sellerdesk/app/apperr"
)

// Theme is the seller's choice of colours.
type Theme string

// The themes offered in 설정.
const (
	ThemeSystem Theme = "system"
	ThemeLight  Theme = "light"
	ThemeDark   Theme = "dark"
)

// Language is the UI language. Korean is the default whatever the computer's own language is.
type Language string

// The languages SellerDesk speaks.
const (
	Korean  Language = "ko"
	English Language = "en"
)

const (
	keyTheme    = "ui.theme"
	keyLanguage = "ui.language"
	keyFirstRun = "ui.first_run_done"
)

// Theme returns the saved theme, ThemeSystem when none was chosen.
func (d *Desk) Theme(ctx context.Context) Theme {
	v, _, err := d.store.Setting(ctx, keyTheme)
	if err != nil {
		d.Log.Warn("read theme", "err", err)
	}
	switch Theme(v) {
	case ThemeLight, ThemeDark:
		return Theme(v)
	}
	return ThemeSystem
}

// SetTheme saves the theme.
func (d *Desk) SetTheme(ctx context.Context, t Theme) error {
	switch t {
	case ThemeSystem, ThemeLight, ThemeDark:
	default:
		return apperr.New(ErrInvalid, "알 수 없는 테마입니다: {{.Theme}}", "Theme", string(t))
	}
	return knownFault(d.store.SetSetting(ctx, keyTheme, string(t)))
}

// Language returns the saved UI language, Korean when none was chosen.
func (d *Desk) Language(ctx context.Context) Language {
	v, _, err := d.store.Setting(ctx, keyLanguage)
	if err != nil {
		d.Log.Warn("read language", "err", err)
	}
	if Language(v) == English {
		return English
	}
	return Korean
}

// SetLanguage saves the UI language; it applies from the next start.
func (d *Desk) SetLanguage(ctx context.Context, l Language) error {
	if l != Korean && l != English {
		return apperr.New(ErrInvalid, "지원하지 않는 언어입니다: {{.Language}}", "Language", string(l))
	}
	return knownFault(d.store.SetSetting(ctx, keyLanguage, string(l)))
}

// NeedsFirstRunChoice is true on a fresh store where the seller has not yet chosen between starting
// empty and loading demo data.
func (d *Desk) NeedsFirstRunChoice(ctx context.Context) (bool, error) {
	if _, done, err := d.store.Setting(ctx, keyFirstRun); err != nil || done {
		return false, err
	}
	return d.store.IsEmpty(ctx)
}

// StartEmpty records that the seller chose to start with an empty store.
func (d *Desk) StartEmpty(ctx context.Context) error {
	return knownFault(d.store.SetSetting(ctx, keyFirstRun, "empty"))
}
