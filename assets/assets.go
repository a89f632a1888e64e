// Package assets holds SellerDesk's embedded resources: the NanumGothic font used by the window and the
// PDFs (SIL OFL, licence in fonts/OFL.txt), the app icon and the UI translations.
package assets

import (
	"embed"

	"fyne.io/fyne/v2"
)

//go:embed fonts/NanumGothic.ttf
var nanumRegular []byte

//go:embed fonts/NanumGothicBold.ttf
var nanumBold []byte

//go:embed icon/icon.png
var icon []byte

// Translations holds ko.json (primary) and en.json under "translations".
//
//go:embed translations/*.json
var Translations embed.FS

// FontRegular is NanumGothic Regular, for every text style that is not bold.
var FontRegular = &fyne.StaticResource{StaticName: "NanumGothic.ttf", StaticContent: nanumRegular}

// FontBold is NanumGothic Bold.
var FontBold = &fyne.StaticResource{StaticName: "NanumGothicBold.ttf", StaticContent: nanumBold}

// Icon is the 512×512 app icon.
var Icon = &fyne.StaticResource{StaticName: "icon.png", StaticContent: icon}

// FontRegularTTF and FontBoldTTF are the raw font files, for PDF documents.
func FontRegularTTF() []byte { return nanumRegular }

// FontBoldTTF is the raw bold font file, for PDF documents.
func FontBoldTTF() []byte { return nanumBold }
