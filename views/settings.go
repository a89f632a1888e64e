package views

import (
	"context"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"sellerdesk/app"
	"sellerdesk/views/widgets"
)

// settingsScreen holds the store profile (printed on documents), the data folder, backup and restore,
// the theme, the language and the About box.
type settingsScreen struct {
	sh       *shell
	fields   []*widgets.Field
	byName   map[string]*widgets.Field
	saveBtn  *widget.Button
	saved    *widget.Label
	dataPath *widget.Label
	themes   *widget.RadioGroup
	language *widget.Select
	theme    app.Theme    // the theme stored, as last read or saved
	lang     app.Language // the language stored, as last read or saved
}

func newSettingsScreen(sh *shell) *settingsScreen {
	s := &settingsScreen{sh: sh, byName: map[string]*widgets.Field{}}
	check := func(name string) func(string) string {
		return func(v string) string { return translate(app.ValidateProfileField(name, v), nil) }
	}
	add := func(name, label, placeholder string) {
		f := widgets.NewField(name, label, placeholder, check(name))
		s.fields = append(s.fields, f)
		s.byName[name] = f
	}
	add(app.FieldName, lang.L("상호 *"), lang.L("예: 하루공방"))
	add(app.FieldOwner, lang.L("대표자 *"), lang.L("예: 김하루"))
	add(app.FieldBusinessNo, lang.L("사업자등록번호"), "123-45-67890")
	add(app.FieldMailOrderNo, lang.L("통신판매업 신고번호"), lang.L("예: 2026-서울마포-1234"))
	add(app.FieldAddress, lang.L("사업장 주소"), lang.L("예: 서울특별시 마포구 월드컵북로 396"))
	add(app.FieldPhone, lang.L("연락처 *"), "02-123-4567")
	add(app.FieldEmail, lang.L("이메일"), "shop@example.com")
	add(app.FieldReturnPostcode, lang.L("반품 우편번호"), "03925")
	add(app.FieldReturnAddress, lang.L("반품 주소"), lang.L("반품 상품을 받을 주소"))
	return s
}

var themeChoices = []app.Theme{app.ThemeSystem, app.ThemeLight, app.ThemeDark}

func themeLabel(t app.Theme) string {
	switch t {
	case app.ThemeLight:
		return lang.L("밝게")
	case app.ThemeDark:
		return lang.L("어둡게")
	}
	return lang.L("시스템 설정 따르기")
}

func (s *settingsScreen) build() fyne.CanvasObject {
	rows := []fyne.CanvasObject{}
	for _, f := range s.fields {
		rows = append(rows, f.Object())
	}
	s.saveBtn = &widget.Button{Text: lang.L("매장 정보 저장"), Icon: theme.DocumentSaveIcon(), Importance: widget.HighImportance, OnTapped: s.onSave}
	s.saved = &widget.Label{Importance: widget.SuccessImportance}
	rows = append(rows, container.NewHBox(s.saveBtn, s.saved))
	profile := widget.NewCard(lang.L("매장 정보"), lang.L("발주서, 반품 라벨, 이메일에 인쇄됩니다. * 표시는 꼭 입력하세요."), container.NewVBox(rows...))

	s.dataPath = &widget.Label{Text: s.sh.desk.DataFile(), Wrapping: fyne.TextWrapBreak, Selectable: true}
	data := widget.NewCard(lang.L("데이터와 백업"), lang.L("모든 데이터는 이 컴퓨터의 파일 하나에 저장됩니다. 매일 처음 시작할 때 자동으로 백업합니다."), container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("데이터 파일")), nil, s.dataPath),
		container.NewHBox(
			&widget.Button{Text: lang.L("데이터 폴더 열기"), Icon: theme.FolderOpenIcon(), OnTapped: s.onOpenFolder},
			&widget.Button{Text: lang.L("지금 백업"), Icon: theme.DocumentSaveIcon(), OnTapped: s.onBackupNow},
			&widget.Button{Text: lang.L("다른 위치에 백업…"), Icon: theme.DownloadIcon(), OnTapped: s.onBackupToFile},
			&widget.Button{Text: lang.L("복원…"), Icon: theme.HistoryIcon(), Importance: widget.WarningImportance, OnTapped: s.onRestore},
		),
	))

	labels := make([]string, len(themeChoices))
	for i, t := range themeChoices {
		labels[i] = themeLabel(t)
	}
	s.themes = widget.NewRadioGroup(labels, s.onTheme)
	s.themes.Horizontal = true
	s.language = widget.NewSelect([]string{"한국어", "English"}, s.onLanguage)
	look := widget.NewCard(lang.L("화면"), "", container.NewVBox(
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("테마")), nil, s.themes),
		container.NewBorder(nil, nil, widget.NewLabel(lang.L("언어")), nil,
			container.NewHBox(s.language, widget.NewLabel(lang.L("언어는 다시 시작하면 적용됩니다.")))),
	))

	about := widget.NewCard(lang.L("정보"), "", container.NewHBox(
		widget.NewLabel(s.sh.desk.Info.String()),
		&widget.Button{Text: lang.L("셀러데스크 정보"), Icon: theme.InfoIcon(), OnTapped: s.sh.showAbout},
	))

	s.refresh()
	return container.NewVScroll(container.NewVBox(profile, data, look, about))
}

// settingsRead is what the settings screen shows, read together off the UI goroutine.
type settingsRead struct {
	profile app.StoreProfile
	theme   app.Theme
	lang    app.Language
}

// refresh fills the form from the store, discarding unsaved edits. The store is read in the background;
// the form is filled when the answer comes.
func (s *settingsScreen) refresh() {
	background(s.sh, func(ctx context.Context) (settingsRead, error) {
		p, err := s.sh.desk.Profile(ctx)
		return settingsRead{profile: p, theme: s.sh.desk.Theme(ctx), lang: s.sh.desk.Language(ctx)}, err
	}, func(r settingsRead, err error) {
		if err != nil {
			s.sh.showError(err)
		}
		s.setProfile(r.profile)
		s.theme = r.theme
		s.themes.Selected = themeLabel(s.theme)
		s.themes.Refresh()
		s.lang = r.lang
		if s.lang == app.English {
			s.language.Selected = "English"
		} else {
			s.language.Selected = "한국어"
		}
		s.language.Refresh()
		s.saved.SetText("")
	})
}

func (s *settingsScreen) setProfile(p app.StoreProfile) {
	for name, v := range profileValues(&p) {
		f := s.byName[name]
		f.Entry.OnChanged = nil
		f.Entry.SetText(*v)
		f.Entry.OnChanged = func(string) { f.Validate(); s.saved.SetText("") }
		f.ShowMessage("")
	}
}

func profileValues(p *app.StoreProfile) map[string]*string {
	return map[string]*string{
		app.FieldName: &p.Name, app.FieldOwner: &p.Owner, app.FieldBusinessNo: &p.BusinessNo,
		app.FieldMailOrderNo: &p.MailOrderNo, app.FieldAddress: &p.Address, app.FieldPhone: &p.Phone,
		app.FieldEmail: &p.Email, app.FieldReturnPostcode: &p.ReturnPostcode, app.FieldReturnAddress: &p.ReturnAddress,
	}
}

// onSave stores the profile off the UI goroutine, 저장 disabled meanwhile. A refused profile (by the checks
// before sending, or by the store) keeps the form as typed, each problem under its field; a stored one is
// shown as saved (normalized).
func (s *settingsScreen) onSave() {
	var p app.StoreProfile
	for name, v := range profileValues(&p) {
		*v = s.byName[name].Entry.Text
	}
	s.saved.SetText("")
	// the checks need no store: a profile they refuse shows its problems at once and is not sent
	if _, err := app.ValidateProfile(p); app.ErrorCode(err) == app.ErrInvalid {
		s.showRefused(fieldTexts(err))
		return
	}
	s.saveBtn.Disable()
	background(s.sh, func(ctx context.Context) (app.StoreProfile, error) { return s.sh.desk.SaveProfile(ctx, p) },
		func(saved app.StoreProfile, err error) {
			s.saveBtn.Enable()
			if app.ErrorCode(err) == app.ErrInvalid {
				s.showRefused(fieldTexts(err))
				return
			}
			if err != nil {
				s.sh.showError(err)
				return
			}
			s.setProfile(saved)
			s.saved.SetText(lang.L("저장했습니다."))
		})
}

// showRefused puts each field's problem under it and the cursor in the first one, keeping what was typed.
func (s *settingsScreen) showRefused(fields map[string]string) {
	for _, f := range s.fields {
		f.ShowMessage(fields[f.Name])
	}
	for _, f := range s.fields {
		if fields[f.Name] != "" {
			s.sh.win.Canvas().Focus(f.Entry)
			break
		}
	}
}

// onTheme stores the theme chosen off the UI goroutine and applies it once stored.
func (s *settingsScreen) onTheme(label string) {
	for _, t := range themeChoices {
		if themeLabel(t) != label || t == s.theme {
			continue
		}
		saving(s.sh, func(ctx context.Context) error { return s.sh.desk.SetTheme(ctx, t) }, func() {
			s.theme = t
			s.sh.fyneApp.Settings().SetTheme(newSellerTheme(t))
		})
	}
}

// onLanguage stores the language chosen off the UI goroutine; it applies from the next start.
func (s *settingsScreen) onLanguage(choice string) {
	l := app.Korean
	if choice == "English" {
		l = app.English
	}
	if l == s.lang {
		return
	}
	saving(s.sh, func(ctx context.Context) error { return s.sh.desk.SetLanguage(ctx, l) }, func() {
		s.lang = l
		dialog.ShowInformation(lang.L("언어"), lang.L("셀러데스크를 다시 시작하면 새 언어로 표시됩니다."), s.sh.win)
	})
}

func (s *settingsScreen) onOpenFolder()   { s.sh.openFolder(s.sh.desk.DataDir) }
func (s *settingsScreen) onBackupNow()    { s.sh.backupNow(nil) }
func (s *settingsScreen) onBackupToFile() { s.sh.onBackupToFile(nil) }
func (s *settingsScreen) onRestore()      { s.sh.onRestore() }

// showAbout shows the version (from FyneApp.toml, the one place it is written) and the font licence.
func (sh *shell) showAbout() {
	icon := widget.NewIcon(AppIcon())
	iconBox := container.NewGridWrap(fyne.NewSize(96, 96), icon)
	text := container.NewVBox(
		&widget.Label{Text: sh.desk.Info.Name, TextStyle: fyne.TextStyle{Bold: true}, SizeName: theme.SizeNameHeadingText},
		widget.NewLabel(lang.L("버전 {{.Version}} (빌드 {{.Build}})", map[string]any{"Version": sh.desk.Info.Version, "Build": sh.desk.Info.Build})),
		widget.NewLabel(lang.L("온라인 셀러를 위한 백오피스")),
		widget.NewLabel(lang.L("글꼴: 나눔고딕 (SIL Open Font License 1.1)")),
	)
	dialog.ShowCustom(lang.L("셀러데스크 정보"), lang.L("닫기"), container.NewHBox(iconBox, text), sh.win)
}
