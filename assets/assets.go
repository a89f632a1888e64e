// Package assets holds SellerDesk's embedded resources: the NanumGothic font used by the window and the
// PDFs (SIL OFL, licence in fonts/OFL.txt), the app icon and the UI translations. It hands out plain bytes
// and files, never Fyne resources: the window (package views) makes those, and the packages below it (the
// PDFs in app/doc, the headless translator in app) stay free of Fyne.
package assets

import "embed"

//go:embed fonts/NanumGothic.ttf
var nanumRegular []byte

//go:embed fonts/NanumGothicBold.ttf
var nanumBold []byte

//go:embed icon/icon.png
var icon []byte

// Translations holds ko.json (primary) and en.json under "translations", and the areas' own files
// (<area>.ko.json, <area>.en.json); TranslationJSON joins them.
//
//go:embed translations/*.json
var Translations embed.FS

// FontRegularTTF is NanumGothic Regular, the font file for every text style that is not bold.
func FontRegularTTF() []byte { return nanumRegular }

// FontBoldTTF is the NanumGothic Bold font file.
func FontBoldTTF() []byte { return nanumBold }

// IconPNG is the 512×512 app icon as a PNG file.
func IconPNG() []byte { return icon }
