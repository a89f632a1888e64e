package views

import (
	"context"
	"errors"
	"log/slog"
	"net/url"
	"sort"
	"sync/atomic"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app"
	"sellerdesk/views/widgets"
)

// screen is one area's content. A screen may also implement searcher (Ctrl/Cmd+F) and creator (Ctrl/Cmd+N).
type screen interface {
	build() fyne.CanvasObject
}

// searcher is a screen with a search box that Ctrl/Cmd+F focuses.
type searcher interface{ focusSearch() }

// creator is a screen where Ctrl/Cmd+N makes a new item.
type creator interface{ createNew() }

// refresher is a screen that reloads what it shows each time the seller returns to it.
type refresher interface{ refresh() }

// area is one entry of the left navigation. Only areas whose screen exists are listed; an area built later
// registers itself from its own file (registerArea in an init func) with its place in the order, so a new
// area never edits this file.
type area struct {
	place int // position in the navigation: smaller first
	title string
	icon  fyne.Resource
	// iconName names a theme icon for an area registered from an init func: theme.XxxIcon() asks for the
	// running app, which does not exist yet while packages initialise (a headless command has none at all)
	iconName fyne.ThemeIconName
	open     func(sh *shell) screen
}

// Places of the areas in the navigation. 매출 sits between 주문 and 발주, 고객 after 반품·교환.
const (
	placeDashboard = 10
	placeProducts  = 20
	placeOrders    = 30
	placeSales     = 35
	placePOs       = 40
	placeReturns   = 50
	placeCustomers = 60
	placeSettings  = 90
)

// registeredAreas are the areas added by registerArea; their titles are translation keys, read by areas().
var registeredAreas []area

// registerArea adds an area to the navigation; call it from an init func in the area's own file.
func registerArea(a area) { registeredAreas = append(registeredAreas, a) }

func areas() []area {
	list := []area{
		{placeDashboard, lang.L("대시보드"), theme.HomeIcon(), "", func(sh *shell) screen { return newDashboardScreen(sh) }},
		{placeProducts, lang.L("상품"), theme.StorageIcon(), "", func(sh *shell) screen { return newProductsScreen(sh) }},
		{placeOrders, lang.L("주문"), theme.ListIcon(), "", func(sh *shell) screen { return newOrdersScreen(sh) }},
		{placePOs, lang.L("발주"), theme.DocumentIcon(), "", func(sh *shell) screen { return newPOScreen(sh) }},
		{placeReturns, lang.L("반품·교환"), theme.MailReplyIcon(), "", func(sh *shell) screen { return newReturnsScreen(sh) }},
		{placeSettings, lang.L("설정"), theme.SettingsIcon(), "", func(sh *shell) screen { return newSettingsScreen(sh) }},
	}
	for _, a := range registeredAreas {
		a.title = lang.L(a.title) // translated when the window is built, after the language is loaded
		if a.icon == nil && a.iconName != "" {
			a.icon = theme.Icon(a.iconName)
		}
		list = append(list, a)
	}
	sort.SliceStable(list, func(i, j int) bool { return list[i].place < list[j].place })
	return list
}

// shell is the main window: navigation on the left, the chosen area's screen on the right.
type shell struct {
	fyneApp fyne.App
	win     fyne.Window
	desk    *app.Desk
	areas   []area
	screens map[int]screen
	objects map[int]fyne.CanvasObject
	current int
	title   *widget.Label
	content *fyne.Container
	nav     *widget.List
	// status is the quiet line under the navigation that shows work after the first frame
	// ("자동 백업 중… 42%"); hidden when there is none
	status *widget.Label
	work   startupWork
	// damaged is set when a check found the data file damaged: the day's backup is then not attempted
	damaged atomic.Bool
	// jobs runs and counts the work off the UI goroutine (held in a queue in tests, see jobs)
	jobs *jobs
	// files asks for files to save and open (Fyne's dialog in Korean; a scripted chooser in tests)
	files widgets.FileChooser
	// toaster shows the quiet success messages over the content (sh.toast)
	toaster *widgets.Toaster
	// openURL opens a file or folder in the system's program (the app's OpenURL; tests replace it)
	openURL func(*url.URL) error
}

// MinWindowSize is the smallest main window the screens are laid out for.
var MinWindowSize = fyne.NewSize(1100, 700)

// newMainShell builds the main window on desk and applies the seller's theme. What it does before the
// window shows is kept to a few small reads; slower work (the day's backup, a check of the whole file after
// a session that did not close) waits for the window's first frame (RunDesk calls firstFrameDrawn once the
// window shows) and then goes on in the background (see startupJob); later one-off work joins with
// afterFirstFrame.
func newMainShell(a fyne.App, d *app.Desk) *shell {
	sh := newShell(a, a.NewWindow(lang.L("셀러데스크")), d, newJobs(false))
	sh.win.SetMaster()
	sh.win.Resize(fyne.NewSize(1200, 760))
	sh.win.CenterOnScreen()
	sh.start()
	return sh
}

// newShell builds the window's content on w; j runs its background work.
func newShell(a fyne.App, w fyne.Window, d *app.Desk, j *jobs) *shell {
	sh := &shell{fyneApp: a, win: w, desk: d, areas: areas(), jobs: j,
		screens: map[int]screen{}, objects: map[int]fyne.CanvasObject{}, current: -1,
		files: widgets.NewFyneChooser(w), openURL: a.OpenURL}
	var schedule func(time.Duration, func())
	if !j.held { // in tests a toast stays until the next one: no timer changes the window behind the test
		schedule = func(d time.Duration, f func()) { time.AfterFunc(d, func() { fyne.Do(f) }) }
	}
	sh.toaster = widgets.NewToaster(schedule)
	a.Settings().SetTheme(newSellerTheme(d.Theme(context.Background())))
	sh.title = &widget.Label{TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameSubHeadingText}
	sh.content = container.NewStack()
	sh.nav = &widget.List{
		Length: func() int { return len(sh.areas) },
		CreateItem: func() fyne.CanvasObject {
			return container.NewHBox(widget.NewIcon(theme.HomeIcon()), widget.NewLabel("대시보드 설정"))
		},
		UpdateItem: func(id widget.ListItemID, o fyne.CanvasObject) {
			row := o.(*fyne.Container)
			row.Objects[0].(*widget.Icon).SetResource(sh.areas[id].icon)
			row.Objects[1].(*widget.Label).SetText(sh.areas[id].title)
		},
		OnSelected: func(id widget.ListItemID) { sh.show(id) },
	}
	sh.nav.ExtendBaseWidget(sh.nav)
	brand := &widget.Label{Text: lang.L("셀러데스크"), TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText}
	sh.status = &widget.Label{Wrapping: fyne.TextWrapWord, SizeName: theme.SizeNameCaptionText, Importance: widget.LowImportance}
	sh.status.Hide()
	left := container.NewBorder(container.NewVBox(brand, widget.NewSeparator()), sh.status, nil, nil, sh.nav)
	right := container.NewBorder(container.NewVBox(readOnlyBanner(d), sh.title, widget.NewSeparator()), nil, nil, nil, sh.content)
	split := container.NewHSplit(left, container.NewPadded(right))
	split.Offset = 0.17
	w.SetContent(container.NewStack(split, sh.toaster))
	sh.addShortcuts()
	sh.nav.Select(0)
	return sh
}

// show opens area i, building its screen the first time.
func (sh *shell) show(i int) {
	if i < 0 || i >= len(sh.areas) {
		return
	}
	sc, ok := sh.screens[i]
	if !ok {
		sc = sh.areas[i].open(sh)
		sh.screens[i] = sc
		sh.objects[i] = sc.build()
	} else if r, ok := sc.(refresher); ok {
		r.refresh()
	}
	sh.current = i
	sh.title.SetText(sh.areas[i].title)
	// every screen built stays in the window's tree, hidden when not chosen: a theme change repaints what
	// is in the tree only, so a table kept aside would come back in the old theme's lines and check boxes
	shown := sh.objects[i]
	found := false
	for _, o := range sh.content.Objects {
		if o == shown {
			found = true
			o.Show()
		} else {
			o.Hide()
		}
	}
	if !found {
		sh.content.Objects = append(sh.content.Objects, shown)
		shown.Show()
	}
	sh.content.Refresh()
}

// goTo selects the area with the given title in the navigation, as if the seller clicked it.
func (sh *shell) goTo(title string) {
	for i, a := range sh.areas {
		if a.title == title {
			sh.nav.Select(i)
			return
		}
	}
}

func (sh *shell) addShortcuts() {
	find := &desktop.CustomShortcut{KeyName: fyne.KeyF, Modifier: fyne.KeyModifierShortcutDefault}
	sh.win.Canvas().AddShortcut(find, func(fyne.Shortcut) {
		if s, ok := sh.screens[sh.current].(searcher); ok {
			s.focusSearch()
		}
	})
	create := &desktop.CustomShortcut{KeyName: fyne.KeyN, Modifier: fyne.KeyModifierShortcutDefault}
	sh.win.Canvas().AddShortcut(create, func(fyne.Shortcut) {
		if s, ok := sh.screens[sh.current].(creator); ok {
			s.createNew()
		}
	})
}

// showError tells the seller what went wrong in the UI language and logs the technical detail. It may be
// called from any goroutine; the sentence is made here, on the caller's goroutine, from err's key.
func (sh *shell) showError(err error) {
	if err == nil {
		return
	}
	sh.desk.Log.Error("shown to seller", slog.String("err", err.Error()))
	msg := sellerText(err)
	fyne.Do(func() { dialog.ShowError(errors.New(msg), sh.win) })
}

// showInfo shows a short confirmation; safe from any goroutine.
func (sh *shell) showInfo(title, message string) {
	fyne.Do(func() { dialog.ShowInformation(title, message, sh.win) })
}

// runJob runs long work behind a progress dialog with a 취소 button (see widgets.RunJob), on the shell's
// jobs: in the tests the job waits in the queue until waitJobs, and its dialog closes on the test's goroutine.
func (sh *shell) runJob(title, message string, job widgets.Job, done func(error)) *widgets.Running {
	end := sh.jobs.begin()
	return widgets.RunJobOn(func(f func()) {
		sh.jobs.run(func() {
			defer end()
			f()
		})
	}, sh.win, title, message, job, done)
}
