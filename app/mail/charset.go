package mail

import (
	"github.com/emersion/go-message/charset" // registers the charsets golang.org/x/text knows (EUC-KR, its ks_c_5601-1987 label …)
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/transform"
)

// go-message reads ISO-2022-KR through the WHATWG table, which maps it to the "replacement" encoding: every
// message becomes "�". Older Korean mail clients still send it, so SellerDesk decodes it itself.
func init() {
	charset.RegisterEncoding("iso-2022-kr", iso2022KR{})
	charset.RegisterEncoding("csiso2022kr", iso2022KR{})
	// the Windows names of EUC-KR that the table may not carry
	charset.RegisterEncoding("ks_c_5601-1987", korean.EUCKR)
	charset.RegisterEncoding("ks_c_5601", korean.EUCKR)
	charset.RegisterEncoding("cp949", korean.EUCKR)
	charset.RegisterEncoding("uhc", korean.EUCKR)
}

// iso2022KR is RFC 1557: ESC $ ) C designates KS X 1001 once per line or message; SO (0x0E) shifts to it,
// SI (0x0F) back to ASCII. A KS X 1001 character is two bytes 0x21–0x7E, which are its EUC-KR bytes with the
// high bit cleared.
type iso2022KR struct{}

func (iso2022KR) NewDecoder() *encoding.Decoder {
	return &encoding.Decoder{Transformer: &iso2022KRDecoder{}}
}

func (iso2022KR) NewEncoder() *encoding.Encoder { return encoding.Nop.NewEncoder() }

type iso2022KRDecoder struct{ shifted bool }

func (d *iso2022KRDecoder) Reset() { d.shifted = false }

func (d *iso2022KRDecoder) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	euc := korean.EUCKR.NewDecoder()
	for nSrc < len(src) {
		b := src[nSrc]
		switch {
		case b == 0x1b: // ESC $ ) C
			if len(src)-nSrc < 4 {
				if !atEOF {
					return nDst, nSrc, transform.ErrShortSrc
				}
				nSrc = len(src)
				continue
			}
			nSrc += 4
		case b == 0x0e:
			d.shifted = true
			nSrc++
		case b == 0x0f:
			d.shifted = false
			nSrc++
		case b == '\n' || b == '\r':
			d.shifted = false // a shift never spans a line
			if nDst >= len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = b
			nDst++
			nSrc++
		case d.shifted:
			if len(src)-nSrc < 2 {
				if !atEOF {
					return nDst, nSrc, transform.ErrShortSrc
				}
				nSrc = len(src)
				continue
			}
			out, _, e := transform.Bytes(euc, []byte{src[nSrc] | 0x80, src[nSrc+1] | 0x80})
			if e != nil {
				out = []byte("\uFFFD")
			}
			if len(dst)-nDst < len(out) {
				return nDst, nSrc, transform.ErrShortDst
			}
			nDst += copy(dst[nDst:], out)
			nSrc += 2
		default:
			if nDst >= len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = b
			nDst++
			nSrc++
		}
	}
	return nDst, nSrc, nil
}
