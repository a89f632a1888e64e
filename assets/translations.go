package assets

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// TranslationJSON is the whole translation table of one language ("ko" or "en") as one JSON object: the
// base file translations/<lang>.json plus every area file translations/<area>.<lang>.json (sales.en.json,
// customers.ko.json …). Areas keep their own files so that work on one screen never edits another's; a key
// defined in two files is an error, not a silent override.
func TranslationJSON(lang string) ([]byte, error) {
	names, err := fs.Glob(Translations, "translations/*.json")
	if err != nil {
		return nil, fmt.Errorf("assets: list translations: %w", err)
	}
	sort.Strings(names)
	merged := map[string]json.RawMessage{}
	from := map[string]string{}
	found := false
	for _, name := range names {
		base := path.Base(name)
		if base != lang+".json" && !strings.HasSuffix(base, "."+lang+".json") {
			continue
		}
		found = true
		b, err := Translations.ReadFile(name)
		if err != nil {
			return nil, fmt.Errorf("assets: read %s: %w", name, err)
		}
		var m map[string]json.RawMessage
		if err := json.Unmarshal(b, &m); err != nil {
			return nil, fmt.Errorf("assets: parse %s: %w", name, err)
		}
		for k, v := range m {
			if prev, ok := from[k]; ok {
				return nil, fmt.Errorf("assets: key %q is in both %s and %s", k, prev, base)
			}
			from[k] = base
			merged[k] = v
		}
	}
	if !found {
		return nil, fmt.Errorf("assets: no translations for %q", lang)
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(merged); err != nil {
		return nil, fmt.Errorf("assets: join %s translations: %w", lang, err)
	}
	return buf.Bytes(), nil
}

// TranslationTable is TranslationJSON read as key → text. Fyne's format also allows a plural object
// ({"one": …, "other": …}); its "other" form is taken, as Fyne does without a count.
func TranslationTable(lang string) (map[string]string, error) {
	b, err := TranslationJSON(lang)
	if err != nil {
		return nil, err
	}
	var raw map[string]json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("assets: parse %s translations: %w", lang, err)
	}
	table := make(map[string]string, len(raw))
	for k, v := range raw {
		var s string
		if json.Unmarshal(v, &s) == nil {
			table[k] = s
			continue
		}
		var plural map[string]string
		if err := json.Unmarshal(v, &plural); err != nil {
			return nil, fmt.Errorf("assets: parse %s translations: %q: %w", lang, k, err)
		}
		table[k] = plural["other"]
	}
	return table, nil
}
