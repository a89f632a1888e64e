package catalog

import (
	"strings"
	"testing"
)

func TestOrderOptionInfo(t *testing.T) {
	groups := []OptionGroup{{Name: "색상", Values: []string{"블랙"}}, {Name: "사이즈", Values: []string{"M"}}}
	if got := OrderOptionInfo(groups, Option{Values: []string{"블랙", "M"}}); got != "색상: 블랙 / 사이즈: M" {
		t.Errorf("조합형 = %q", got)
	}
	if got := OrderOptionInfo(groups, Option{Values: []string{"", "M"}}); got != "사이즈: M" {
		t.Errorf("단독형 = %q", got)
	}
	if got := OrderOptionInfo(nil, Option{}); got != "" {
		t.Errorf("옵션 없음 = %q", got)
	}
}

func TestSmartStoreCode(t *testing.T) {
	if got := SmartStoreCode(" 10293847561 ", "셔츠"); got != "SS-10293847561" {
		t.Errorf("from 상품번호 = %q", got)
	}
	a, b := SmartStoreCode("", "코튼  양말 세트"), SmartStoreCode("", "코튼 양말 세트")
	if a != b || !strings.HasPrefix(a, "SS-") || len(a) != 11 || a == SmartStoreCode("", "코튼 양말") {
		t.Errorf("from the name: %q %q", a, b)
	}
	if SmartStoreCode("", " ") != "" || SmartStoreCode("12-34", "") != "" {
		t.Error("a code from nothing")
	}
	if got := SmartStoreCodes("10293847561", "셔츠"); len(got) != 2 || got[0] != "SS-10293847561" || got[1] != SmartStoreCode("", "셔츠") {
		t.Errorf("codes = %v", got)
	}
	if v := ValidateProduct(Product{Code: a, Name: "양말", Price: 1000, Status: StatusSale, OptionKind: OptionsNone, Options: []Option{{Usable: true}}}); v != nil {
		t.Errorf("a generated code is refused: %v", v)
	}
}

// TestSingleWithSeveralNames: a 단독형 product may have up to three option names; each value of each is an
// option of its own, holding only its own value.
func TestSingleWithSeveralNames(t *testing.T) {
	groups := []OptionGroup{{Name: "색상", Values: []string{"블랙", "화이트"}}, {Name: "사이즈", Values: []string{"230", "250", "270"}}}
	if n, ok := CombinationCount(OptionsSingle, groups); n != 5 || !ok {
		t.Fatalf("count = %d %v", n, ok)
	}
	opts := CombineOptions(OptionsSingle, groups, nil)
	var ls []string
	for _, o := range opts {
		ls = append(ls, o.Label())
	}
	if strings.Join(ls, ",") != "블랙,화이트,230,250,270" || strings.Join(opts[2].Values, "|") != "|230" {
		t.Fatalf("options %v %v", ls, opts[2].Values)
	}
	p := Product{Code: "S-1", Name: "양말", Price: 5000, Status: StatusSale, OptionKind: OptionsSingle, OptionGroups: groups, Options: opts}
	if err := ValidateProduct(p); err != nil {
		t.Fatalf("valid 단독형 refused: %v", err)
	}
	p.Options[0].Values = []string{"블랙", "230"}
	if err := ValidateProduct(p); err == nil {
		t.Error("a 단독형 option with two values accepted")
	}
	p.OptionGroups = append(groups, OptionGroup{Name: "소재", Values: []string{"면"}}, OptionGroup{Name: "핏", Values: []string{"레귤러"}})
	if err := ValidateProduct(p); err == nil {
		t.Error("a 단독형 product with four option names accepted")
	}
}
