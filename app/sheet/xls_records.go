package sheet

import (
	"encoding/binary"
	"errors"
	"unicode/utf16"
)

// xlsRecords walks the records of a workbook stream.
type xlsRecords struct {
	b   []byte
	pos int
}

// next returns the next record; ok is false at the end of the stream or on a record running past it.
func (rs *xlsRecords) next() (typ uint16, body []byte, ok bool) {
	if rs.pos+4 > len(rs.b) {
		return 0, nil, false
	}
	typ = binary.LittleEndian.Uint16(rs.b[rs.pos:])
	n := int(binary.LittleEndian.Uint16(rs.b[rs.pos+2:]))
	if rs.pos+4+n > len(rs.b) {
		return 0, nil, false
	}
	body = rs.b[rs.pos+4 : rs.pos+4+n]
	rs.pos += 4 + n
	return typ, body, true
}

// continues takes the Continue records that follow, the rest of a record longer than one record holds.
func (rs *xlsRecords) continues() [][]byte {
	var out [][]byte
	for rs.pos+4 <= len(rs.b) && binary.LittleEndian.Uint16(rs.b[rs.pos:]) == xlsRecCont {
		_, body, ok := rs.next()
		if !ok {
			break
		}
		out = append(out, body)
	}
	return out
}

// xlsCursor reads a record's body together with its Continue records. Characters of a string split
// across records restart with a new option byte (compressed or not) in each Continue record; other bytes
// run straight on.
type xlsCursor struct {
	segs [][]byte
	seg  int
	pos  int
}

var errXLSShort = errors.New("xls: record ends inside a value")

func (c *xlsCursor) done() bool {
	for c.seg < len(c.segs) && c.pos >= len(c.segs[c.seg]) {
		c.seg++
		c.pos = 0
	}
	return c.seg >= len(c.segs)
}

// bytes reads n bytes that are not characters (they run across a record boundary without a marker).
func (c *xlsCursor) bytes(n int) ([]byte, error) {
	var out []byte
	for n > 0 {
		if c.done() {
			return nil, errXLSShort
		}
		s := c.segs[c.seg][c.pos:]
		k := min(n, len(s))
		if out == nil && k == n {
			c.pos += k
			return s[:k], nil
		}
		out = append(out, s[:k]...)
		c.pos += k
		n -= k
	}
	return out, nil
}

func (c *xlsCursor) skip(n int) error {
	for n > 0 {
		if c.done() {
			return errXLSShort
		}
		k := min(n, len(c.segs[c.seg])-c.pos)
		c.pos += k
		n -= k
	}
	return nil
}

// chars reads cch characters, the first run compressed or not by high; at each record boundary inside
// them a new option byte says how the rest is stored.
func (c *xlsCursor) chars(cch int, high bool) (string, error) {
	units := make([]uint16, 0, min(cch, 4096))
	for len(units) < cch {
		if c.pos >= len(c.segs[c.seg]) {
			c.seg++
			c.pos = 0
			if c.seg >= len(c.segs) || len(c.segs[c.seg]) == 0 {
				return "", errXLSShort
			}
			high = c.segs[c.seg][0]&1 != 0
			c.pos = 1
		}
		s := c.segs[c.seg][c.pos:]
		want := cch - len(units)
		if high {
			k := min(want, len(s)/2)
			if k == 0 {
				return "", errXLSShort // half a character before the boundary
			}
			for j := 0; j < k; j++ {
				units = append(units, binary.LittleEndian.Uint16(s[2*j:]))
			}
			c.pos += 2 * k
		} else {
			k := min(want, len(s))
			for j := 0; j < k; j++ {
				units = append(units, uint16(s[j]))
			}
			c.pos += k
		}
	}
	return string(utf16.Decode(units)), nil
}

// shortString reads a ShortXLUnicodeString (a sheet name): 1-byte count, option byte, characters.
func (c *xlsCursor) shortString() (string, error) {
	h, err := c.bytes(2)
	if err != nil {
		return "", err
	}
	return c.chars(int(h[0]), h[1]&1 != 0)
}

// longString reads an XLUnicodeString (a Label or String record's text): 2-byte count, option byte, then
// the characters, and the rich-text runs and phonetic data a Label written as rich text may carry.
func (c *xlsCursor) longString() (string, error) {
	s, _, err := c.richString()
	return s, err
}

// richString reads an XLUnicodeRichExtendedString and returns it with its length in characters.
func (c *xlsCursor) richString() (string, int, error) {
	h, err := c.bytes(3)
	if err != nil {
		return "", 0, err
	}
	cch, flags := int(binary.LittleEndian.Uint16(h)), h[2]
	runs, ext := 0, 0
	if flags&0x08 != 0 {
		b, err := c.bytes(2)
		if err != nil {
			return "", 0, err
		}
		runs = int(binary.LittleEndian.Uint16(b))
	}
	if flags&0x04 != 0 {
		b, err := c.bytes(4)
		if err != nil {
			return "", 0, err
		}
		ext = int(binary.LittleEndian.Uint32(b))
		if ext < 0 || ext > maxXLSFile {
			return "", 0, errXLSShort
		}
	}
	s, err := c.chars(cch, flags&0x01 != 0)
	if err != nil {
		return "", 0, err
	}
	if err := c.skip(4*runs + ext); err != nil {
		return "", 0, err
	}
	return s, cch, nil
}
