package views

import (
	"context"
	"image/color"
	"math"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app"
)

// lightOnly are the light variant's colours of lines and inputs that the dark variant does not share: a
// table still drawing one of them after light → dark kept its old paint.
func lightOnly() map[color.RGBA]string {
	th := newSellerTheme(app.ThemeSystem)
	out := map[color.RGBA]string{}
	for _, n := range []fyne.ThemeColorName{theme.ColorNameSeparator, theme.ColorNameInputBackground,
		theme.ColorNameInputBorder, theme.ColorNameBackground, theme.ColorNameHeaderBackground} {
		l := rgba(th.Theme.Color(n, theme.VariantLight))
		if l != rgba(th.Theme.Color(n, theme.VariantDark)) {
			out[l] = string(n)
		}
	}
	// a light colour that some dark colour happens to equal (dark text is light input grey) is no sign
	for _, n := range []fyne.ThemeColorName{theme.ColorNameForeground, theme.ColorNameShadow, theme.ColorNameHover,
		theme.ColorNamePlaceHolder, theme.ColorNameDisabled, theme.ColorNamePressed, theme.ColorNameSelection,
		theme.ColorNameForegroundOnPrimary, theme.ColorNameScrollBar, theme.ColorNameMenuBackground,
		theme.ColorNameOverlayBackground, theme.ColorNameInputBackground, theme.ColorNameSeparator} {
		delete(out, rgba(th.Color(n, theme.VariantDark)))
	}
	return out
}

func rgba(c color.Color) color.RGBA {
	if c == nil {
		return color.RGBA{}
	}
	r, g, b, a := c.RGBA()
	return color.RGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), uint8(a >> 8)}
}

// TestThemeSwitchRepaintsTables: tables built before the switch to dark (the orders screen, then the
// settings screen where the theme is changed) draw no light lines or white check boxes when shown again.
func TestThemeSwitchRepaintsTables(t *testing.T) {
	sh, w := openShell(t)
	c := w.Canvas()
	if err := sh.desk.SetTheme(context.Background(), app.ThemeLight); err != nil {
		t.Fatal(err)
	}
	if err := sh.desk.LoadDemo(context.Background(), app.DemoOptions{Seed: 5, Orders: 40}, nil); err != nil {
		t.Fatal(err)
	}
	sh.reload()
	sh.waitJobs()
	tapText(t, c, "주문")
	sh.waitJobs()
	tapText(t, c, "설정")
	sh.waitJobs()
	s := sh.screens[sh.current].(*settingsScreen)
	s.themes.SetSelected(themeLabel(app.ThemeDark))
	sh.waitJobs()
	if sh.fyneApp.Settings().Theme().(*sellerTheme).forced == nil {
		t.Fatal("the theme was not switched")
	}
	tapText(t, c, "주문")
	sh.waitJobs()
	if lightLeftovers(t, c, true) == 0 {
		t.Fatal("no check boxes on the orders screen: the test looks at nothing")
	}
}

// lightLeftovers reports every drawn rectangle still filled (and, with outlines, stroked) in a colour only the
// light theme uses, and returns how many check boxes it walked past (a test that saw none looked at nothing).
func lightLeftovers(t *testing.T, c fyne.Canvas, outlines bool) (checks int) {
	t.Helper()
	light := lightOnly()
	for _, o := range everything(c) {
		switch x := o.(type) {
		case *widget.Check:
			checks++
		case *canvas.Rectangle:
			if n, ok := light[rgba(x.FillColor)]; ok && x.Size().Width > 0 && x.Size().Height > 0 {
				t.Errorf("a %v rectangle at %v still in the light %s", x.Size(), x.Position(), n)
			}
			if n, ok := light[rgba(x.StrokeColor)]; outlines && ok && x.StrokeWidth > 0 && x.Size().Width > 0 {
				t.Errorf("a %v outline still in the light %s", x.Size(), n)
			}
		}
	}
	return checks
}

// contrast is the WCAG contrast ratio of two colours.
func contrast(a, b color.Color) float64 {
	la, lb := luminance(a), luminance(b)
	if la < lb {
		la, lb = lb, la
	}
	return (la + 0.05) / (lb + 0.05)
}

func luminance(c color.Color) float64 {
	r, g, b, _ := c.RGBA()
	f := func(v uint32) float64 {
		x := float64(v) / 0xffff
		if x <= 0.03928 {
			return x / 12.92
		}
		return math.Pow((x+0.055)/1.055, 2.4)
	}
	return 0.2126*f(r) + 0.7152*f(g) + 0.0722*f(b)
}

// TestSecondaryTextContrast: hint and history text (LowImportance labels, drawn in the disabled colour),
// placeholders, problems and confirmations meet WCAG AA (4.5:1) on every background text sits on, light
// and dark.
func TestSecondaryTextContrast(t *testing.T) {
	for _, choice := range []app.Theme{app.ThemeLight, app.ThemeDark} {
		th := newSellerTheme(choice)
		for _, bg := range []fyne.ThemeColorName{theme.ColorNameBackground, theme.ColorNameInputBackground, theme.ColorNameHeaderBackground} {
			for _, fg := range []fyne.ThemeColorName{theme.ColorNameForeground, theme.ColorNameDisabled, theme.ColorNamePlaceHolder,
				theme.ColorNameError, theme.ColorNameSuccess} {
				if r := contrast(th.Color(fg, 0), th.Color(bg, 0)); r < 4.5 {
					t.Errorf("%s: %s on %s is %.2f:1, want at least 4.5:1", choice, fg, bg, r)
				}
			}
		}
	}
}

// TestPlaceholderReadsAsHint: an input's placeholder ("예: 19,800") is drawn clearly apart from typed text
// (at least 2.5:1 between the two, on an input), light and dark, so an empty field never looks filled in.
func TestPlaceholderReadsAsHint(t *testing.T) {
	for _, choice := range []app.Theme{app.ThemeLight, app.ThemeDark} {
		th := newSellerTheme(choice)
		if r := contrast(th.Color(theme.ColorNameForeground, 0), th.Color(theme.ColorNamePlaceHolder, 0)); r < 2.5 {
			t.Errorf("%s: typed text and placeholder are %.2f:1 apart, want at least 2.5:1", choice, r)
		}
	}
}

// A theme switch while a screen shows an editor or a detail in place of its list repaints the list too:
// back on it, the product table (and the purchase order list) draws no light lines or check boxes. The
// list stays in the window's tree, hidden, instead of being taken out of it.
func TestThemeSwitchBehindAnEditorRepaintsTheList(t *testing.T) {
	sh, w := openShell(t)
	c := w.Canvas()
	sh.fyneApp.Settings().SetTheme(newSellerTheme(app.ThemeLight))
	if err := sh.desk.LoadDemo(context.Background(), app.DemoOptions{Seed: 5, Orders: 40}, nil); err != nil {
		t.Fatal(err)
	}
	sh.reload()
	sh.waitJobs()
	tapText(t, c, "상품")
	sh.waitJobs()
	ps := sh.screens[sh.current].(*productsScreen)
	ps.createNew()
	sh.waitJobs()
	if ps.editor == nil {
		t.Fatal("the editor did not open")
	}
	tapText(t, c, "발주")
	sh.waitJobs()
	po := sh.screens[sh.current].(*poScreen)
	po.table.Select(widget.TableCellID{Row: 0, Col: 0})
	sh.waitJobs()
	if po.detail == nil {
		t.Fatal("the purchase order did not open")
	}
	sh.fyneApp.Settings().SetTheme(newSellerTheme(app.ThemeDark))
	po.closeDetail()
	sh.waitJobs()
	tapText(t, c, "상품")
	sh.waitJobs()
	ps.closeEditor(false)
	sh.waitJobs()
	if lightLeftovers(t, c, false) == 0 {
		t.Fatal("no check boxes in the product list: the test looks at nothing")
	}
}
