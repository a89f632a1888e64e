package views

import "testing"

// Areas registered from init funcs name their icon instead of asking the theme for it: while packages
// initialise there is no app yet, and a headless command (sellerdesk check …) never starts one, so
// theme.XxxIcon() there printed "Fyne error: Attempt to access current Fyne app" before every command.
func TestRegisteredAreasResolveIconsLate(t *testing.T) {
	if len(registeredAreas) == 0 {
		t.Fatal("no area registered itself; is the registration gone?")
	}
	for _, a := range registeredAreas {
		if a.icon != nil || a.iconName == "" {
			t.Errorf("area %q: icon %v resolved at init, iconName %q", a.title, a.icon, a.iconName)
		}
	}
	openShell(t)
	for _, a := range areas() {
		if a.icon == nil {
			t.Errorf("area %q has no icon in the window", a.title)
		}
	}
}
