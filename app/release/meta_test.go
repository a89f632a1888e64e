package release

import (
	"bytes"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/BurntSushi/toml"
)

func TestParseMeta(t *testing.T) {
	for _, tt := range []struct {
		toml, windows string
	}{
		{"[Details]\nName = \"셀러데스크\"\nID = \"kr.x\"\nVersion = \"0.1.0\"\nBuild = 1\n", "0.1.0.1"},
		{"[Details]\nName = \"a\"\nID = \"kr.x\"\nVersion = \"1.2\"\nBuild = 30\n", "1.2.0.30"},
		{"[Details]\nName = \"a\"\nID = \"kr.x\"\nVersion = \"2\"\nBuild = 65535\n", "2.0.0.65535"},
	} {
		m, err := ParseMeta([]byte(tt.toml))
		if err != nil {
			t.Errorf("%q: %v", tt.toml, err)
			continue
		}
		if got := m.WindowsVersion(); got != tt.windows {
			t.Errorf("%q: WindowsVersion = %s, want %s", tt.toml, got, tt.windows)
		}
	}
	for name, bad := range map[string]string{
		"ErrNoBuild":        "[Details]\nName = \"a\"\nID = \"kr.x\"\nVersion = \"0.1.0\"\n",
		"ErrNoName":         "[Details]\nID = \"kr.x\"\nVersion = \"0.1.0\"\nBuild = 1\n",
		"ErrFourParts":      "[Details]\nName = \"a\"\nID = \"kr.x\"\nVersion = \"0.1.0.9\"\nBuild = 1\n",
		"ErrPartTooBig":     "[Details]\nName = \"a\"\nID = \"kr.x\"\nVersion = \"70000.0.0\"\nBuild = 1\n",
		"ErrPreRelease":     "[Details]\nName = \"a\"\nID = \"kr.x\"\nVersion = \"0.1.0-beta\"\nBuild = 1\n",
		"ErrBuildTooBig":    "[Details]\nName = \"a\"\nID = \"kr.x\"\nVersion = \"0.1.0\"\nBuild = 65536\n",
		"ErrNotTOML":        "Name = ",
		"ErrNoDetailsTable": "Name = \"a\"\n",
	} {
		t.Run(name, func(t *testing.T) {
			if m, err := ParseMeta([]byte(bad)); err == nil {
				t.Errorf("accepted: %+v", m)
			}
		})
	}
}

// TestFyneAppTOML checks the repository's FyneApp.toml has everything `fyne package` and the installers read:
// the details, an icon that is a square PNG of at least 256 pixels, the languages, and the fyneDo migration that
// makes every build add the migrated_fynedo tag.
func TestFyneAppTOML(t *testing.T) {
	path := filepath.Join("..", "..", "FyneApp.toml")
	m, err := ReadMeta(path)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Languages  []string
		Details    struct{ Icon string }
		Migrations map[string]bool
	}
	if _, err := toml.DecodeFile(path, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Languages) == 0 || doc.Languages[0] != "ko" {
		t.Errorf("Languages = %v, want Korean first", doc.Languages)
	}
	if !doc.Migrations["fyneDo"] {
		t.Error("[Migrations] fyneDo is not true: builds would lack the migrated_fynedo tag")
	}
	icon, err := os.ReadFile(filepath.Join("..", "..", filepath.FromSlash(doc.Details.Icon)))
	if err != nil {
		t.Fatalf("icon: %v", err)
	}
	cfg, err := png.DecodeConfig(bytes.NewReader(icon))
	if err != nil {
		t.Fatalf("icon %s: %v", doc.Details.Icon, err)
	}
	if cfg.Width != cfg.Height || cfg.Width < 256 {
		t.Errorf("icon %s is %dx%d, want a square of 256 pixels or more", doc.Details.Icon, cfg.Width, cfg.Height)
	}
	t.Logf("%s %s (Windows %s, ID %s)", m.Name, m.Version, m.WindowsVersion(), m.ID)
}
