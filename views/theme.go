package views

import (
	"image/color"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"

	"sellerdesk/app"
	"sellerdesk/assets"
)

// The embedded fonts and icon as Fyne resources, made once here: assets holds only their bytes, so that
// nothing below views needs Fyne.
var (
	fontRegular = &fyne.StaticResource{StaticName: "NanumGothic.ttf", StaticContent: assets.FontRegularTTF()}
	fontBold    = &fyne.StaticResource{StaticName: "NanumGothicBold.ttf", StaticContent: assets.FontBoldTTF()}
	appIcon     = &fyne.StaticResource{StaticName: "icon.png", StaticContent: assets.IconPNG()}
)

// AppIcon is SellerDesk's icon, for the application and its windows.
func AppIcon() fyne.Resource { return appIcon }

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
		return fontBold
	}
	return fontRegular
}

func (t *sellerTheme) Color(name fyne.ThemeColorName, variant fyne.ThemeVariant) color.Color {
	if t.forced != nil {
		variant = *t.forced
	}
	return t.Theme.Color(name, variant)
}
