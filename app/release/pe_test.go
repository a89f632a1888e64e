package release

import (
	"bytes"
	"debug/pe"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fixture is testdata/tiny.exe: 4.5 KB built by mingw-w64 from tiny.c and tiny.rc (commands in tiny.rc).
func fixture(t testing.TB) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "tiny.exe"))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// optionalHeader returns the offset of the PE optional header, to patch fields of a copy of the fixture.
func optionalHeader(b []byte) int {
	return int(binary.LittleEndian.Uint32(b[0x3c:])) + 4 + 20 // "PE\0\0", then the COFF file header
}

func TestParseExe(t *testing.T) {
	exe, err := ParseExe(bytes.NewReader(fixture(t)))
	if err != nil {
		t.Fatal(err)
	}
	if got, want := MachineName(exe.Machine), "amd64"; got != want {
		t.Errorf("machine = %s, want %s", got, want)
	}
	if got, want := exe.Subsystem, uint16(SubsystemGUI); got != want {
		t.Errorf("subsystem = %d, want %d", got, want)
	}
	v := exe.Version
	if v == nil {
		t.Fatal("no version resource")
	}
	if got, want := v.FileVersion.String(), "1.2.3.4"; got != want {
		t.Errorf("fixed FileVersion = %s, want %s", got, want)
	}
	if got, want := v.ProductVersion.String(), "1.2.0.7"; got != want {
		t.Errorf("fixed ProductVersion = %s, want %s", got, want)
	}
	if got, want := v.Lang, "041204B0"; got != want {
		t.Errorf("string table = %s, want %s", got, want)
	}
	for key, want := range map[string]string{
		"CompanyName":     "셀러데스크 시험",
		"FileDescription": "테스트 앱",
		"FileVersion":     "1.2.3.4",
		"ProductName":     "테스트 앱",
		"ProductVersion":  "1.2.0.7",
	} {
		if got := v.Strings[key]; got != want {
			t.Errorf("%s = %q, want %q", key, got, want)
		}
	}
	if got, want := len(v.Strings), 5; got != want {
		t.Errorf("%d strings, want %d: %v", got, want, v.Strings)
	}
}

func TestExeCheck(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		exe := &Exe{Machine: pe.IMAGE_FILE_MACHINE_AMD64, Subsystem: SubsystemGUI, Version: &VersionInfo{
			FileVersion:    Version4{0, 1, 0, 1},
			ProductVersion: Version4{0, 1, 0, 1},
			Strings:        map[string]string{"ProductName": "셀러데스크", "FileVersion": "0.1.0.1", "ProductVersion": "0.1.0.1"},
		}}
		if err := exe.Check(Meta{Name: "셀러데스크", ID: "kr.x", Version: "0.1.0", Build: 1}); err != nil {
			t.Error(err)
		}
	})
	t.Run("ErrVersionMismatch", func(t *testing.T) {
		exe, err := ParseExe(bytes.NewReader(fixture(t)))
		if err != nil {
			t.Fatal(err)
		}
		// The fixture's file version matches 1.2.3 build 4; its product version 1.2.0.7 does not.
		err = exe.Check(Meta{Name: "테스트 앱", ID: "kr.x", Version: "1.2.3", Build: 4})
		if err == nil {
			t.Fatal("product version 1.2.0.7 accepted for 1.2.3.4")
		}
		msg := err.Error()
		for _, want := range []string{"fixed ProductVersion is 1.2.0.7, want 1.2.3.4", `string ProductVersion is "1.2.0.7"`} {
			if !strings.Contains(msg, want) {
				t.Errorf("error %q lacks %q", msg, want)
			}
		}
		if got, want := strings.Count(msg, "\n")+1, 2; got != want {
			t.Errorf("%d problems reported, want %d: %s", got, want, msg)
		}
	})
	t.Run("ErrConsole", func(t *testing.T) {
		b := fixture(t)
		binary.LittleEndian.PutUint16(b[optionalHeader(b)+68:], pe.IMAGE_SUBSYSTEM_WINDOWS_CUI)
		exe, err := ParseExe(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := exe.Subsystem, uint16(SubsystemConsole); got != want {
			t.Fatalf("subsystem = %d, want %d", got, want)
		}
		err = exe.Check(Meta{Name: "테스트 앱", ID: "kr.x", Version: "1.2.0", Build: 7})
		if err == nil || !strings.Contains(err.Error(), "subsystem is 3") {
			t.Errorf("console program: Check = %v", err)
		}
	})
	t.Run("ErrNoVersionInfo", func(t *testing.T) {
		b := fixture(t)
		dir := optionalHeader(b) + 112 + 8*pe.IMAGE_DIRECTORY_ENTRY_RESOURCE // PE32+ data directories
		copy(b[dir:dir+8], make([]byte, 8))
		exe, err := ParseExe(bytes.NewReader(b))
		if err != nil {
			t.Fatal(err)
		}
		if exe.Version != nil {
			t.Fatalf("version resource found: %+v", exe.Version)
		}
		if err := exe.Check(Meta{Name: "x", ID: "kr.x", Version: "1", Build: 1}); !errors.Is(err, ErrNoVersionInfo) {
			t.Errorf("Check = %v, want ErrNoVersionInfo", err)
		}
	})
}

// TestParseExeDamaged cuts and scribbles on the fixture: the reader must answer with an error or a result,
// never a panic.
func TestParseExeDamaged(t *testing.T) {
	b := fixture(t)
	if _, err := ParseExe(bytes.NewReader([]byte("MZ not a program"))); err == nil {
		t.Error("a text file read as a program")
	}
	for n := 0; n < len(b); n += 61 {
		_, _ = ParseExe(bytes.NewReader(b[:n]))
	}
	for i := 0; i < len(b); i += 7 {
		c := bytes.Clone(b)
		c[i] ^= 0xA5
		_, _ = ParseExe(bytes.NewReader(c))
	}
}

func FuzzParseExe(f *testing.F) {
	f.Add(fixture(f))
	f.Fuzz(func(t *testing.T, b []byte) {
		_, _ = ParseExe(bytes.NewReader(b))
	})
}

// TestPackagedExe checks the Windows build that .ci/package makes against FyneApp.toml. It needs the .exe,
// which takes minutes to cross-compile, so it runs only when SELLERDESK_EXE names one.
func TestPackagedExe(t *testing.T) {
	path := os.Getenv("SELLERDESK_EXE")
	if path == "" {
		t.Skip("SELLERDESK_EXE is not set: run .ci/package, which sets it to dist/windows/SellerDesk.exe and runs this test")
	}
	meta, err := ReadMeta(filepath.Join("..", "..", "FyneApp.toml"))
	if err != nil {
		t.Fatal(err)
	}
	exe, err := ReadExe(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := exe.Check(meta); err != nil {
		t.Errorf("%s does not match FyneApp.toml:\n%v", path, err)
	}
	if v := exe.Version; v != nil {
		t.Logf("%s: %s, %s, %s %s", path, MachineName(exe.Machine), v.Strings["ProductName"], v.FileVersion, v.Strings["FileDescription"])
	}
}
