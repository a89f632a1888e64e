package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"sellerdesk/app"
	"sellerdesk/assets"
)

// sellerTheme draws every text style in the embedded NanumGothic so Hangul looks the same on Windows,
// macOS and Linux and in golden images, whatever fonts the computer has. It also applies the seller's
// light/dark choice; everything else comes from Fyne's default theme.
type sellerTheme struct {
	fyne.Theme
	forced *fyne.ThemeVariant // nil follows the system
}

func newSellerTheme(choice app.Theme) *sellerTheme {
	t := &sellerTheme{Theme: theme.DefaultTheme()}
	switch choice {
	case app.ThemeLight:
		v := theme.VariantLight
		t.forced = &v
	case app.ThemeDark:
		v := theme.VariantDark
		t.forced = &v
	}
	return t
}

func (t *sellerTheme) Font(style fyne.TextStyle) fyne.Resource {
	if style.Symbol {
		return t.Theme.Font(style)
	}
	if style.Bold {
		return assets.FontBold
	}
	return assets.FontRegular
}

func (t *sellerTheme) Color(name fyne.ThemeColorName, variant fyne.ThemeVariant) color.Color {
	if t.forced != nil {
		variant = *t.forced
	}
	return t.Theme.Color(name, variant)
}
