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
