package assets

import (
	"encoding/json"
	"testing"
)

func TestTranslationJSONJoinsAreaFiles(t *testing.T) {
	for _, l := range []string{"ko", "en"} {
		b, err := TranslationJSON(l)
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		base, _ := Translations.ReadFile("translations/" + l + ".json")
		var bm map[string]any
		_ = json.Unmarshal(base, &bm)
		if len(m) < len(bm) || len(bm) == 0 {
			t.Fatalf("%s: joined %d keys, base file alone has %d", l, len(m), len(bm))
		}
	}
	if _, err := TranslationJSON("xx"); err == nil {
		t.Fatal("a language without files must be an error")
	}
}

// The table reads a plain entry as its text and a plural one (Fyne's file dialog words) as its "other" form.
func TestTranslationTableReadsPlurals(t *testing.T) {
	ko, err := TranslationTable("ko")
	if err != nil {
		t.Fatal(err)
	}
	if ko["file.name"] != "이름" || ko["Yes"] != "예" {
		t.Fatalf("file.name = %q, Yes = %q", ko["file.name"], ko["Yes"])
	}
	if _, err := TranslationTable("xx"); err == nil {
		t.Fatal("a language without files must be an error")
	}
}
