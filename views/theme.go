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
	if c, ok := readable[variant][name]; ok {
		return c
	}
	return t.Theme.Color(name, variant)
}

// readable are the text colours that differ from Fyne's default theme so that secondary text meets WCAG
// AA (4.5:1) on the window, input and header backgrounds in both variants: Fyne draws a LowImportance label
// (hints, history, counts) in its disabled grey, 1.3:1 on white; its placeholder grey is 3.5:1, its light
// error red 3.7:1 and its light success green 1.5:1 (views/theme_test.go measures them).
//
// A placeholder must also read as a hint, not as something typed: with the placeholder dark enough for AA
// (#6e6e6e) and Fyne's light text grey (#565656) the two were 1.4:1 apart and "예: 19,800" looked typed, so
// typed text is near black (#222222, 3.1:1 from the placeholder); in the dark variant Fyne's placeholder
// (#b2b2b2, 1.9:1 from the text) is dimmed to #909090 (2.9:1), still 5:1 on an input.
var readable = map[fyne.ThemeVariant]map[fyne.ThemeColorName]color.Color{
	theme.VariantLight: {
		theme.ColorNameForeground:  color.NRGBA{0x22, 0x22, 0x22, 0xff},
		theme.ColorNameDisabled:    color.NRGBA{0x66, 0x66, 0x66, 0xff},
		theme.ColorNamePlaceHolder: color.NRGBA{0x6e, 0x6e, 0x6e, 0xff},
		theme.ColorNameError:       color.NRGBA{0xc6, 0x28, 0x28, 0xff},
		theme.ColorNameSuccess:     color.NRGBA{0x2e, 0x7d, 0x32, 0xff},
		theme.ColorNameWarning:     color.NRGBA{0xa3, 0x52, 0x00, 0xff},
	},
	theme.VariantDark: {
		theme.ColorNameDisabled:    color.NRGBA{0xa0, 0xa0, 0xa0, 0xff},
		theme.ColorNamePlaceHolder: color.NRGBA{0x90, 0x90, 0x90, 0xff},
		theme.ColorNameError:       color.NRGBA{0xff, 0x79, 0x61, 0xff},
	},
}
