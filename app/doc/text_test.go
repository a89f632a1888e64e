package doc

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	for in, want := range map[string]string{
		"양털 방한 장갑 🧤 16":         "양털 방한 장갑 16",
		"하트❤️ 머플러":              "하트 머플러",
		"\u1100\u1161\u11a8 가방": "각 가방", // loose jamo composed
		"탭\t과\r\n줄바꿈":           "탭 과 줄바꿈",
		"제로\u200b폭\u00ad":       "제로폭",
		"㈜한빛 № 1":               "㈜한빛 № 1",
		"\x00\x07벨":             "벨",
		"ผ้าพันคอ":              "????????", // Thai: no glyphs in NanumGothic
	} {
		if got := clean(in, false); got != want {
			t.Errorf("clean(%q) = %q, want %q", in, got, want)
		}
	}
	if got, want := clean("첫 줄\r\n둘째 줄", true), "첫 줄\n둘째 줄"; got != want {
		t.Errorf("clean keeping lines = %q, want %q", got, want)
	}
}

func TestWrap(t *testing.T) {
	p := newPDF(sizeA4, 15, meta{})
	p.AddPage()
	p.font(false, 10)
	long := "반품 상품이 물류센터에 도착하면 검수 후 3영업일 이내에 결제하신 수단으로 환불해 드립니다. " +
		"띄어쓰기없이아주길게이어지는한글문장도글자단위로나누어표시합니다 ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
	for _, w := range []float64{20, 45, 80, 180} {
		lines := p.wrap(long, w, 0)
		if len(lines) == 0 {
			t.Fatalf("width %v: no lines", w)
		}
		for _, l := range lines {
			if !utf8.ValidString(l) {
				t.Errorf("width %v: line %q is not valid UTF-8", w, l)
			}
			if got := p.width(l); got > w+0.001 {
				t.Errorf("width %v: line %q is %.2f mm wide", w, l, got)
			}
		}
		strip := func(s string) string { return strings.ReplaceAll(s, " ", "") }
		if got, want := strip(strings.Join(lines, "")), strip(long); got != want {
			t.Errorf("width %v: wrapped text changed:\n got %q\nwant %q", w, got, want)
		}
	}
	// At a word boundary when there is one: no line starts or ends with a space.
	for _, l := range p.wrap(long, 45, 0) {
		if strings.HasPrefix(l, " ") || strings.HasSuffix(l, " ") {
			t.Errorf("line %q has an edge space", l)
		}
	}
	// Cut to two lines, the loss is marked.
	lines := p.wrap(long, 45, 2)
	if len(lines) != 2 || !strings.HasSuffix(lines[1], ellipsis) || p.width(lines[1]) > 45.001 {
		t.Errorf("wrap to 2 lines = %q", lines)
	}
	if got := p.fit("겨울 니트 머플러", 200); got != "겨울 니트 머플러" {
		t.Errorf("fit changed a short text: %q", got)
	}
	if got := p.fit(long, 30); !strings.HasSuffix(got, ellipsis) || p.width(got) > 30.001 {
		t.Errorf("fit(long, 30) = %q (%.1f mm)", got, p.width(got))
	}
	if got := p.wrap("첫 줄\n\n셋째 줄", 100, 0); len(got) != 3 || got[1] != "" {
		t.Errorf("seller's line breaks not kept: %q", got)
	}
}

func TestObjectParticle(t *testing.T) {
	for word, want := range map[string]string{"발주서": "를", "반품 라벨": "을", "반품 안내문": "을", "세관신고서": "를", "PDF": "를"} {
		if got := objectParticle(word); got != want {
			t.Errorf("objectParticle(%q) = %q, want %q", word, got, want)
		}
	}
}
