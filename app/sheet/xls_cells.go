package sheet

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
)

// xlsPending is a formula cell whose text result comes in the String record that follows it; r is -1
// when none is waiting.
type xlsPending struct{ r, c int }

// cell decodes one record of a sheet's substream into g: the cell records (LabelSst, Label, RString,
// Number, RK, MulRk, Formula and its String, BoolErr); other records are not cells and are passed over.
func (b *xlsBook) cell(g *xlsCellGrid, rs *xlsRecords, typ uint16, body []byte, pend *xlsPending) error {
	var err error
	switch typ {
	case xlsRecLblSST:
		if len(body) < 10 {
			return xlsDamaged(errors.New("xls: short LabelSst"))
		}
		r, c := cellAt(body)
		k := binary.LittleEndian.Uint32(body[6:])
		if int64(k) >= int64(len(b.sst)) {
			return xlsDamaged(fmt.Errorf("xls: shared string %d of %d", k, len(b.sst)))
		}
		err = g.set(r, c, b.sst[k])
	case xlsRecLabel, xlsRecRString:
		if len(body) < 6 {
			return xlsDamaged(errors.New("xls: short Label"))
		}
		r, c := cellAt(body)
		cur := &xlsCursor{segs: append([][]byte{body[6:]}, rs.continues()...)}
		s, err2 := cur.longString()
		if err2 != nil {
			return xlsDamaged(err2)
		}
		err = g.set(r, c, s)
	case xlsRecNumber:
		if len(body) < 14 {
			return xlsDamaged(errors.New("xls: short Number"))
		}
		r, c := cellAt(body)
		err = g.set(r, c, xlsNumber(math.Float64frombits(binary.LittleEndian.Uint64(body[6:]))))
	case xlsRecRK:
		if len(body) < 10 {
			return xlsDamaged(errors.New("xls: short RK"))
		}
		r, c := cellAt(body)
		err = g.set(r, c, xlsNumber(rkValue(binary.LittleEndian.Uint32(body[6:]))))
	case xlsRecMulRK:
		if len(body) < 6 || (len(body)-6)%6 != 0 {
			return xlsDamaged(errors.New("xls: bad MulRk"))
		}
		r, c := cellAt(body)
		for k := 0; 4+6*k+6 <= len(body)-2 && err == nil; k++ {
			rk := binary.LittleEndian.Uint32(body[4+6*k+2:])
			err = g.set(r, c+k, xlsNumber(rkValue(rk)))
		}
	case xlsRecFormula:
		if len(body) < 14 {
			return xlsDamaged(errors.New("xls: short Formula"))
		}
		r, c := cellAt(body)
		v := body[6:14]
		if v[6] == 0xFF && v[7] == 0xFF {
			switch v[0] {
			case 0: // string: the value is in the String record that follows
				pend.r, pend.c = r, c
			case 1:
				err = g.set(r, c, boolText(v[2]))
			case 2:
				err = g.set(r, c, xlsError(v[2]))
			}
		} else {
			err = g.set(r, c, xlsNumber(math.Float64frombits(binary.LittleEndian.Uint64(v))))
		}
	case xlsRecString:
		cur := &xlsCursor{segs: append([][]byte{body}, rs.continues()...)}
		s, err2 := cur.longString()
		if err2 != nil {
			return xlsDamaged(err2)
		}
		if pend.r >= 0 {
			err = g.set(pend.r, pend.c, s)
			pend.r, pend.c = -1, -1
		}
	case xlsRecBoolErr:
		if len(body) < 8 {
			return xlsDamaged(errors.New("xls: short BoolErr"))
		}
		r, c := cellAt(body)
		if body[7] == 0 {
			err = g.set(r, c, boolText(body[6]))
		} else {
			err = g.set(r, c, xlsError(body[6]))
		}
	}
	return err
}

func cellAt(body []byte) (row, col int) {
	return int(binary.LittleEndian.Uint16(body)), int(binary.LittleEndian.Uint16(body[2:]))
}

func boolText(b byte) string {
	if b != 0 {
		return "1"
	}
	return "0"
}

// xlsError names a cell error as Excel shows it ([MS-XLS] 2.5.97 BErr).
func xlsError(code byte) string {
	switch code {
	case 0x00:
		return "#NULL!"
	case 0x07:
		return "#DIV/0!"
	case 0x0F:
		return "#VALUE!"
	case 0x17:
		return "#REF!"
	case 0x1D:
		return "#NAME?"
	case 0x24:
		return "#NUM!"
	case 0x2A:
		return "#N/A"
	}
	return "#ERROR"
}

// rkValue decodes an RkNumber: a 30-bit integer or the high 30 bits of a double, optionally divided by 100.
func rkValue(rk uint32) float64 {
	var v float64
	if rk&2 != 0 {
		v = float64(int32(rk) >> 2)
	} else {
		v = math.Float64frombits(uint64(rk&0xFFFFFFFC) << 32)
	}
	if rk&1 != 0 {
		v /= 100
	}
	return v
}

// xlsNumber writes a cell's number as excelize's raw value of the same cell would read: whole numbers in
// full ("2026112212345678", "1012345678"), others in the shortest form that reads back the same.
func xlsNumber(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		return "#NUM!"
	}
	if f == math.Trunc(f) && math.Abs(f) < 1e21 {
		return strconv.FormatFloat(f, 'f', 0, 64)
	}
	return strings.ToUpper(strconv.FormatFloat(f, 'g', -1, 64))
}
