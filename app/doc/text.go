package doc

import (
	"strings"
	"sync"
	"unicode"

	"golang.org/x/image/font/sfnt"
	"golang.org/x/text/unicode/norm"

	"sellerdesk/assets"
)

// ellipsis ends a value cut short to fit its box.
const ellipsis = "…"

// coverage is the set of runes both NanumGothic faces can draw, read once from the embedded fonts. gofpdf
// draws a missing rune as an empty box and indexes its width tables by rune, so text is checked against this
// set before it reaches gofpdf (see clean).
var coverage = sync.OnceValue(func() *[0x10000 / 64]uint64 {
	var set [0x10000 / 64]uint64
	var fonts []*sfnt.Font
	for _, ttf := range [][]byte{assets.FontRegularTTF(), assets.FontBoldTTF()} {
		f, err := sfnt.Parse(ttf)
		if err != nil {
			continue // then nothing beyond ASCII is trusted; tests catch a broken font
		}
		fonts = append(fonts, f)
	}
	var buf sfnt.Buffer
	for r := rune(0x20); r < 0x10000; r++ {
		ok := len(fonts) > 0
		for _, f := range fonts {
			if gi, err := f.GlyphIndex(&buf, r); err != nil || gi == 0 {
				ok = false
				break
			}
		}
		if ok || (r >= 0x20 && r < 0x7f) {
			set[r/64] |= 1 << (r % 64)
		}
	}
	return &set
})

// drawable reports whether the document font has a glyph for r.
func drawable(r rune) bool {
	if r < 0 || r >= 0x10000 {
		return false
	}
	return coverage()[r/64]&(1<<(r%64)) != 0
}

// clean makes s safe to draw: Hangul composed (text pasted from macOS may arrive as loose jamo), tabs and
// other spaces made plain spaces, runs of spaces made one, control characters dropped. A rune the
// font cannot draw becomes "?", except emoji and other pictographs, which are dropped (sellers decorate
// product names with them). Newlines are kept only when keepLines is set.
func clean(s string, keepLines bool) string {
	if s == "" {
		return ""
	}
	s = norm.NFC.String(s)
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r == '\n' || r == '\r':
			if keepLines {
				if r == '\n' {
					b.WriteByte('\n')
				}
			} else if !strings.HasSuffix(b.String(), " ") {
				b.WriteByte(' ')
			}
		case unicode.IsSpace(r):
			if !strings.HasSuffix(b.String(), " ") {
				b.WriteByte(' ')
			}
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Variation_Selector, r):
			// zero-width spaces and joiners, byte-order marks, soft hyphens, emoji variation selectors
		case drawable(r):
			b.WriteRune(r)
		case unicode.Is(unicode.So, r), unicode.Is(unicode.Sk, r), r >= 0x1F000:
			// pictographs: dropped
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// width is the width in mm of s in the current font. s must be clean.
func (p *pdf) width(s string) float64 { return p.GetStringWidth(s) }

// fit cuts s to fit width w in the current font, ending it with … when something was cut.
func (p *pdf) fit(s string, w float64) string {
	s = clean(s, false)
	if p.width(s) <= w {
		return s
	}
	return p.cut(s, w)
}

// cut returns the longest prefix of s that, followed by …, fits width w.
func (p *pdf) cut(s string, w float64) string {
	room := w - p.width(ellipsis)
	runes := []rune(s)
	used := 0.0
	for i, r := range runes {
		used += p.width(string(r))
		if used > room {
			return strings.TrimRight(string(runes[:i]), " ") + ellipsis
		}
	}
	return s + ellipsis
}

// wrap breaks s into lines no wider than w in the current font. It breaks at spaces where it can and
// inside a word (Hangul or a long code) where it must, keeps the seller's own line breaks, and stops at
// maxLines (0 = no limit), ending the last line with … when text was left out.
func (p *pdf) wrap(s string, w float64, maxLines int) []string {
	s = strings.TrimSpace(clean(s, true))
	if s == "" {
		return nil
	}
	var lines []string
	for _, para := range strings.Split(s, "\n") {
		lines = append(lines, p.wrapLine(strings.TrimRight(para, " "), w)...)
	}
	if maxLines > 0 && len(lines) > maxLines {
		last := lines[maxLines-1]
		lines = lines[:maxLines]
		lines[maxLines-1] = p.cut(last, w) // marks the loss even when the last line itself fits
	}
	return lines
}

// wrapLine wraps one paragraph without newlines.
func (p *pdf) wrapLine(s string, w float64) []string {
	if s == "" {
		return []string{""}
	}
	var lines []string
	runes := []rune(s)
	start, lastSpace := 0, -1
	used := 0.0
	for i := 0; i < len(runes); i++ {
		r := runes[i]
		if r == ' ' {
			lastSpace = i
		}
		used += p.width(string(r))
		if used <= w || i == start {
			continue
		}
		// runes[i] does not fit: end the line at the last space, unless the word after it would not fit on a
		// line of its own either (a long code, a run of Hangul without spaces): then break before i.
		end, next := i, i
		if lastSpace > start && p.wordFits(runes[lastSpace+1:], w) {
			end, next = lastSpace, lastSpace+1
		}
		lines = append(lines, strings.TrimRight(string(runes[start:end]), " "))
		for next < len(runes) && runes[next] == ' ' {
			next++
		}
		start, lastSpace, used = next, -1, 0
		i = next - 1
	}
	if start < len(runes) {
		lines = append(lines, string(runes[start:]))
	}
	return lines
}

// wordFits reports whether the word at the start of runes fits in width w.
func (p *pdf) wordFits(runes []rune, w float64) bool {
	used := 0.0
	for _, r := range runes {
		if r == ' ' {
			return true
		}
		if used += p.width(string(r)); used > w {
			return false
		}
	}
	return true
}
