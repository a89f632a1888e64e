package app

import (
	"fmt"

	"github.com/BurntSushi/toml"
)

// AppInfo is who this build is, read from FyneApp.toml: the one place the version is written.
type AppInfo struct {
	Name    string
	ID      string
	Version string
	Build   int
}

// ParseAppInfo reads the [Details] table of FyneApp.toml.
func ParseAppInfo(fyneAppTOML []byte) (AppInfo, error) {
	var meta struct {
		Details struct {
			Name, ID, Version string
			Build             int
		}
	}
	if err := toml.Unmarshal(fyneAppTOML, &meta); err != nil {
		return AppInfo{}, fmt.Errorf("app: read FyneApp.toml: %w", err)
	}
	d := meta.Details
	if d.Name == "" || d.ID == "" || d.Version == "" {
		return AppInfo{}, fmt.Errorf("app: FyneApp.toml lacks Name, ID or Version in [Details]")
	}
	return AppInfo{Name: d.Name, ID: d.ID, Version: d.Version, Build: d.Build}, nil
}

// String is the line `sellerdesk version` prints and the 정보 dialog shows.
func (i AppInfo) String() string { return fmt.Sprintf("%s %s (build %d)", i.Name, i.Version, i.Build) }
