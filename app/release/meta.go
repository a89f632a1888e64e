package release

import (
	"debug/pe"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/BurntSushi/toml"
)

// Meta is the [Details] table of FyneApp.toml: what every package says about itself.
type Meta struct {
	Name    string
	ID      string
	Version string
	Build   int
}

// ReadMeta reads FyneApp.toml.
func ReadMeta(path string) (Meta, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return Meta{}, fmt.Errorf("release: %w", err)
	}
	return ParseMeta(b)
}

// ParseMeta reads the [Details] table of a FyneApp.toml.
func ParseMeta(b []byte) (Meta, error) {
	var doc struct{ Details Meta }
	if err := toml.Unmarshal(b, &doc); err != nil {
		return Meta{}, fmt.Errorf("release: read FyneApp.toml: %w", err)
	}
	m := doc.Details
	if m.Name == "" || m.ID == "" || m.Version == "" || m.Build < 1 {
		return Meta{}, errors.New("release: FyneApp.toml needs Name, ID, Version and a Build of 1 or more in [Details]")
	}
	if _, err := m.Version4(); err != nil {
		return Meta{}, err
	}
	return m, nil
}

// WindowsVersion is the version the Windows build carries, as `fyne package` writes it: Version padded to three
// parts, then Build — "0.1.0" with build 1 is "0.1.0.1".
func (m Meta) WindowsVersion() string {
	parts := strings.Split(m.Version, ".")
	for len(parts) < 3 {
		parts = append(parts, "0")
	}
	return strings.Join(parts, ".") + "." + strconv.Itoa(m.Build)
}

// Version4 is WindowsVersion as numbers. Every part must fit in 16 bits, and Version may have at most three.
func (m Meta) Version4() (Version4, error) {
	var v Version4
	parts := strings.Split(m.WindowsVersion(), ".")
	if len(parts) != 4 {
		return v, fmt.Errorf("release: version %q has more than three parts", m.Version)
	}
	for i, p := range parts {
		n, err := strconv.ParseUint(p, 10, 16)
		if err != nil {
			return v, fmt.Errorf("release: version %q build %d: part %q is not a number up to 65535", m.Version, m.Build, p)
		}
		v[i] = uint16(n)
	}
	return v, nil
}

// Check compares a Windows build with FyneApp.toml: a 64-bit GUI program whose version resource names the
// product and carries the version in both its numbers and its strings. It returns every difference at once.
func (e *Exe) Check(m Meta) error {
	var errs []error
	if e.Machine != pe.IMAGE_FILE_MACHINE_AMD64 {
		errs = append(errs, fmt.Errorf("machine is %s, want amd64", MachineName(e.Machine)))
	}
	if e.Subsystem != SubsystemGUI {
		errs = append(errs, fmt.Errorf("subsystem is %d, want %d (Windows GUI: no console window)", e.Subsystem, SubsystemGUI))
	}
	want, err := m.Version4()
	if err != nil {
		return errors.Join(append(errs, err)...)
	}
	v := e.Version
	if v == nil {
		return errors.Join(append(errs, ErrNoVersionInfo)...)
	}
	if v.FileVersion != want {
		errs = append(errs, fmt.Errorf("fixed FileVersion is %s, want %s", v.FileVersion, want))
	}
	if v.ProductVersion != want {
		errs = append(errs, fmt.Errorf("fixed ProductVersion is %s, want %s", v.ProductVersion, want))
	}
	for _, s := range [][2]string{
		{"ProductName", m.Name},
		{"FileVersion", m.WindowsVersion()},
		{"ProductVersion", m.WindowsVersion()},
	} {
		if got := v.Strings[s[0]]; got != s[1] {
			errs = append(errs, fmt.Errorf("string %s is %q, want %q", s[0], got, s[1]))
		}
	}
	return errors.Join(errs...)
}
