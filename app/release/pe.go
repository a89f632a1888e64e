// Package release checks what .ci/package produces: it reads a Windows executable's PE header and its
// VS_VERSIONINFO resource with the standard library alone, and compares them with FyneApp.toml, the one place
// the name and version are written. It runs on any OS, so CI on Linux can check the Windows build.
package release

import (
	"debug/pe"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"unicode/utf16"
)

// Subsystem values from the PE optional header that the checks name.
const (
	SubsystemGUI     = pe.IMAGE_SUBSYSTEM_WINDOWS_GUI
	SubsystemConsole = pe.IMAGE_SUBSYSTEM_WINDOWS_CUI
)

// rtVersion is the resource type of VS_VERSIONINFO (RT_VERSION).
const rtVersion = 16

// fixedFileInfoSignature starts every VS_FIXEDFILEINFO.
const fixedFileInfoSignature = 0xFEEF04BD

// ErrNoVersionInfo is returned when an executable has no VS_VERSIONINFO resource.
var ErrNoVersionInfo = errors.New("release: no version resource (RT_VERSION)")

// Exe is what the checks need from a Windows executable.
type Exe struct {
	Machine   uint16       // pe.IMAGE_FILE_MACHINE_AMD64 for a 64-bit build
	Subsystem uint16       // SubsystemGUI for a program that opens no console window
	Version   *VersionInfo // nil when the file carries no version resource
}

// VersionInfo is the content of a VS_VERSIONINFO resource: the binary VS_FIXEDFILEINFO numbers and the
// strings of the first StringTable (ProductName, FileVersion, ProductVersion, FileDescription, …).
type VersionInfo struct {
	FileVersion    Version4
	ProductVersion Version4
	Lang           string // the StringTable's key, language and code page in hex, e.g. "040904B0"
	Strings        map[string]string
}

// Version4 is a Windows four-part version number, major.minor.patch.build.
type Version4 [4]uint16

// String formats the version as Windows shows it: "0.1.0.1".
func (v Version4) String() string { return fmt.Sprintf("%d.%d.%d.%d", v[0], v[1], v[2], v[3]) }

// ReadExe opens a Windows executable and reads its header and version resource.
func ReadExe(path string) (*Exe, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("release: %w", err)
	}
	defer f.Close()
	exe, err := ParseExe(f)
	if err != nil {
		return nil, fmt.Errorf("release: %s: %w", path, err)
	}
	return exe, nil
}

// ParseExe reads a PE image. A file without a version resource is no error: Exe.Version is then nil.
func ParseExe(r io.ReaderAt) (*Exe, error) {
	f, err := pe.NewFile(r)
	if err != nil {
		return nil, fmt.Errorf("read PE header: %w", err)
	}
	defer f.Close()
	exe := &Exe{Machine: f.Machine}
	var dir pe.DataDirectory
	switch oh := f.OptionalHeader.(type) {
	case *pe.OptionalHeader64:
		exe.Subsystem = oh.Subsystem
		if oh.NumberOfRvaAndSizes > pe.IMAGE_DIRECTORY_ENTRY_RESOURCE {
			dir = oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
		}
	case *pe.OptionalHeader32:
		exe.Subsystem = oh.Subsystem
		if oh.NumberOfRvaAndSizes > pe.IMAGE_DIRECTORY_ENTRY_RESOURCE {
			dir = oh.DataDirectory[pe.IMAGE_DIRECTORY_ENTRY_RESOURCE]
		}
	default:
		return nil, errors.New("no optional header: not an executable image")
	}
	if dir.VirtualAddress == 0 || dir.Size == 0 {
		return exe, nil
	}
	sec := sectionAt(f, dir.VirtualAddress)
	if sec == nil {
		return nil, fmt.Errorf("resource directory at RVA %#x lies in no section", dir.VirtualAddress)
	}
	data, err := sec.Data()
	if err != nil {
		return nil, fmt.Errorf("read section %s: %w", sec.Name, err)
	}
	rsrc := resources{data: data, base: sec.VirtualAddress, root: dir.VirtualAddress - sec.VirtualAddress}
	blob, err := rsrc.find(rtVersion)
	if errors.Is(err, ErrNoVersionInfo) {
		return exe, nil
	}
	if err != nil {
		return nil, err
	}
	if exe.Version, err = parseVersionInfo(blob); err != nil {
		return nil, err
	}
	return exe, nil
}

// sectionAt returns the section whose virtual range holds rva.
func sectionAt(f *pe.File, rva uint32) *pe.Section {
	for _, s := range f.Sections {
		size := s.VirtualSize
		if size < s.Size {
			size = s.Size
		}
		if rva >= s.VirtualAddress && rva-s.VirtualAddress < size {
			return s
		}
	}
	return nil
}

// resources walks a resource tree: type → name → language → data entry. Offsets inside the tree are relative
// to its root; the data entry holds an RVA.
type resources struct {
	data []byte
	base uint32 // RVA of data[0]
	root uint32 // offset of the root directory in data
}

// find returns the first resource of the given type (any name, any language).
func (r resources) find(typ uint32) ([]byte, error) {
	off, ok, err := r.entry(r.root, &typ)
	if err != nil {
		return nil, err
	}
	if !ok {
		return nil, ErrNoVersionInfo
	}
	for level := 0; level < 2; level++ { // name, then language: take the first of each
		if off&0x80000000 == 0 {
			return nil, errors.New("resource tree: a data entry where a directory was expected")
		}
		if off, ok, err = r.entry(r.root+(off&0x7FFFFFFF), nil); err != nil {
			return nil, err
		}
		if !ok {
			return nil, ErrNoVersionInfo
		}
	}
	if off&0x80000000 != 0 {
		return nil, errors.New("resource tree deeper than type/name/language")
	}
	de, err := r.bytes(r.root+off, 16) // IMAGE_RESOURCE_DATA_ENTRY
	if err != nil {
		return nil, err
	}
	rva, size := le32(de[0:]), le32(de[4:])
	if rva < r.base {
		return nil, fmt.Errorf("resource data at RVA %#x lies before its section", rva)
	}
	return r.bytes(rva-r.base, size)
}

// entry reads the directory at off and returns the OffsetToData of the entry with the given id, or of the
// first entry when id is nil.
func (r resources) entry(off uint32, id *uint32) (uint32, bool, error) {
	hdr, err := r.bytes(off, 16) // IMAGE_RESOURCE_DIRECTORY
	if err != nil {
		return 0, false, err
	}
	n := uint32(le16(hdr[12:])) + uint32(le16(hdr[14:])) // named + id entries
	entries, err := r.bytes(off+16, n*8)
	if err != nil {
		return 0, false, err
	}
	for i := uint32(0); i < n; i++ {
		name, target := le32(entries[i*8:]), le32(entries[i*8+4:])
		if id == nil || name == *id {
			return target, true, nil
		}
	}
	return 0, false, nil
}

func (r resources) bytes(off, n uint32) ([]byte, error) {
	if uint64(off)+uint64(n) > uint64(len(r.data)) {
		return nil, fmt.Errorf("resource tree: %d bytes at %#x run past the section's %d bytes", n, off, len(r.data))
	}
	return r.data[off : off+n], nil
}

// block is one node of a version resource: wLength, wValueLength, wType, a NUL-terminated UTF-16 key, padding
// to 32 bits, the value, padding, and child blocks up to wLength.
type block struct {
	key      string
	value    []byte // for a text String: everything after the key, which producers size differently
	children []byte
}

// readBlock reads the block at the start of b, returning it and the bytes after it. With binary set, the block
// holds a binary value of wValueLength bytes before its children (VS_VERSION_INFO's VS_FIXEDFILEINFO);
// otherwise everything after the key is both value and children, and the caller knows which it is.
func readBlock(b []byte, binary bool) (block, []byte, error) {
	if len(b) < 6 {
		return block{}, nil, fmt.Errorf("version resource: a block of %d bytes", len(b))
	}
	length := int(le16(b))
	if length < 6 || length > len(b) {
		return block{}, nil, fmt.Errorf("version resource: block length %d beyond the %d bytes left", length, len(b))
	}
	body := b[:length]
	key, n, err := utf16z(body[6:])
	if err != nil {
		return block{}, nil, err
	}
	pos := min(align4(6+n), length)
	blk := block{key: key}
	if binary {
		size := int(le16(b[2:]))
		if pos+size > length {
			return block{}, nil, fmt.Errorf("version resource: %s value of %d bytes cut short", key, size)
		}
		blk.value = body[pos : pos+size]
		pos = min(align4(pos+size), length)
	} else {
		blk.value = body[pos:]
	}
	blk.children = body[pos:]
	return blk, b[min(align4(length), len(b)):], nil
}

// parseVersionInfo reads a VS_VERSIONINFO resource.
func parseVersionInfo(b []byte) (*VersionInfo, error) {
	const fixedSize = 52 // sizeof(VS_FIXEDFILEINFO)
	root, _, err := readBlock(b, true)
	if err != nil {
		return nil, err
	}
	if root.key != "VS_VERSION_INFO" {
		return nil, fmt.Errorf("version resource: key %q, want VS_VERSION_INFO", root.key)
	}
	ff := root.value
	if len(ff) < fixedSize {
		return nil, fmt.Errorf("version resource: VS_FIXEDFILEINFO of %d bytes, want %d", len(ff), fixedSize)
	}
	if le32(ff) != fixedFileInfoSignature {
		return nil, fmt.Errorf("version resource: VS_FIXEDFILEINFO signature %#x", le32(ff))
	}
	vi := &VersionInfo{
		FileVersion:    version4(le32(ff[8:]), le32(ff[12:])),
		ProductVersion: version4(le32(ff[16:]), le32(ff[20:])),
		Strings:        map[string]string{},
	}
	for rest := root.children; len(rest) > 0; {
		var child block
		if child, rest, err = readBlock(rest, false); err != nil {
			return nil, err
		}
		if child.key != "StringFileInfo" || vi.Lang != "" {
			continue // VarFileInfo, or a second StringFileInfo
		}
		table, _, err := readBlock(child.children, false)
		if err != nil {
			return nil, err
		}
		vi.Lang = table.key
		for s := table.children; len(s) > 0; {
			var str block
			if str, s, err = readBlock(s, false); err != nil {
				return nil, err
			}
			// wValueLength counts characters for some producers and bytes for others, so the value is read
			// as what follows the key, up to the first NUL.
			val, _, err := utf16z(str.value)
			if err != nil && !errors.Is(err, errNoNUL) {
				return nil, err
			}
			vi.Strings[str.key] = val
		}
	}
	return vi, nil
}

var errNoNUL = errors.New("version resource: string without a terminating NUL")

// utf16z decodes a little-endian UTF-16 string up to its NUL and returns the bytes it took, NUL included.
func utf16z(b []byte) (string, int, error) {
	var u []uint16
	for i := 0; i+1 < len(b); i += 2 {
		c := le16(b[i:])
		if c == 0 {
			return string(utf16.Decode(u)), i + 2, nil
		}
		u = append(u, c)
	}
	return string(utf16.Decode(u)), len(b), errNoNUL
}

func version4(ms, ls uint32) Version4 {
	return Version4{uint16(ms >> 16), uint16(ms), uint16(ls >> 16), uint16(ls)}
}

func align4(n int) int { return (n + 3) &^ 3 }

func le16(b []byte) uint16 { return binary.LittleEndian.Uint16(b) }
func le32(b []byte) uint32 { return binary.LittleEndian.Uint32(b) }

// MachineName names the PE machine types a SellerDesk build can have.
func MachineName(m uint16) string {
	switch m {
	case pe.IMAGE_FILE_MACHINE_AMD64:
		return "amd64"
	case pe.IMAGE_FILE_MACHINE_I386:
		return "386"
	case pe.IMAGE_FILE_MACHINE_ARM64:
		return "arm64"
	}
	return fmt.Sprintf("machine %#x", m)
}
