package apperr

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"
)

func TestMsgRendersAndTranslates(t *testing.T) {
	err := New(ErrInvalid, "판매가는 {{.Min}}원보다 커야 합니다", "Min", 0)
	if got, want := err.Error(), "판매가는 0원보다 커야 합니다"; got != want {
		t.Fatalf("Error() = %q, want %q", got, want)
	}
	wrapped := About(fmt.Errorf("save: %w", err), "상품 {{.Code}}", "Code", "P0123")
	if got, want := Message(wrapped), "상품 P0123: 판매가는 0원보다 커야 합니다"; got != want {
		t.Fatalf("Message(About) = %q, want %q", got, want)
	}
	if got := ErrorCode(wrapped); got != ErrInvalid {
		t.Fatalf("About changed the code to %q", got)
	}
	en := map[string]string{"상품 {{.Code}}": "Product {{.Code}}", "판매가는 {{.Min}}원보다 커야 합니다": "The price must be above ₩{{.Min}}"}
	english := func(key string, args map[string]any) string {
		if v, ok := en[key]; ok {
			key = v
		}
		return Render(key, args)
	}
	if got, want := Text(wrapped, english), "Product P0123: The price must be above ₩0"; got != want {
		t.Fatalf("Text(english) = %q, want %q", got, want)
	}
}

func TestAboutKeepsCauseAndFaults(t *testing.T) {
	cause := context.Canceled
	err := About(cause, "주문 {{.No}}", "No", "2026112450998590")
	if !errors.Is(err, context.Canceled) {
		t.Fatal("About lost the cause")
	}
	if got := ErrorCode(err); got != ErrInternal {
		t.Fatalf("a plain error became %q, want internal", got)
	}
	if got := Message(err); !strings.HasPrefix(got, "주문 2026112450998590: ") || !strings.Contains(got, "예기치 못한 오류") {
		t.Fatalf("Message = %q", got)
	}
	if About(nil, "x") != nil {
		t.Fatal("About(nil) is not nil")
	}
}

func TestReadySentenceIsNeverATemplate(t *testing.T) {
	// a legacy Message may quote what the seller typed; it must come back as typed
	e := &Error{Code: ErrInvalid, Message: "상품명 '{{.Code}}'은 쓸 수 없습니다"}
	if got, want := Message(e), "상품명 '{{.Code}}'은 쓸 수 없습니다"; got != want {
		t.Fatalf("Message = %q, want %q", got, want)
	}
}

// english is a small English translator over a table, rendering what it does not know as Korean.
func english(table map[string]string) Translator {
	return func(key string, args map[string]any) string {
		if v, ok := table[key]; ok {
			key = v
		}
		return Render(key, args)
	}
}

func TestInvalidMsgFieldsTranslate(t *testing.T) {
	err := InvalidMsg(map[string]Msg{
		"price": M("판매가는 0원보다 커야 합니다."),
		"name":  M("상품명은 {{.Max}}자 이내로 입력하세요(지금 {{.Len}}자).", "Max", 100, "Len", 120),
		"zz":    M("기타"),
	}, []string{"name", "price"})
	if got, want := err.Error(), "상품명은 100자 이내로 입력하세요(지금 120자).\n판매가는 0원보다 커야 합니다.\n기타"; got != want {
		t.Fatalf("Error() = %q, want %q", got, want)
	}
	if got, want := err.Fields["name"], "상품명은 100자 이내로 입력하세요(지금 120자)."; got != want {
		t.Fatalf("Fields[name] = %q, want the Korean rendered for older callers %q", got, want)
	}
	en := english(map[string]string{
		"상품명은 {{.Max}}자 이내로 입력하세요(지금 {{.Len}}자).": "Keep the name within {{.Max}} characters (now {{.Len}}).",
		"판매가는 0원보다 커야 합니다.":                       "The price must be above ₩0.",
		"상품 {{.Code}}": "Product {{.Code}}",
	})
	wrapped := About(fmt.Errorf("bulk: %w", err), "상품 {{.Code}}", "Code", "P0123")
	if got, want := Text(wrapped, en), "Product P0123: Keep the name within 100 characters (now 120).\nThe price must be above ₩0.\n기타"; got != want {
		t.Fatalf("Text(en) = %q, want %q", got, want)
	}
	if got, want := FieldText(wrapped, "name", en), "Keep the name within 100 characters (now 120)."; got != want {
		t.Fatalf("FieldText(name) = %q, want %q", got, want)
	}
	if got := FieldText(wrapped, "cost", en); got != "" {
		t.Fatalf("FieldText of a field without a problem = %q", got)
	}
	all := FieldTexts(wrapped, en)
	if len(all) != 3 || all["price"] != "The price must be above ₩0." {
		t.Fatalf("FieldTexts = %v", all)
	}
	if FieldTexts(context.Canceled, en) != nil {
		t.Fatal("FieldTexts of a plain error is not nil")
	}
}

func TestOldInvalidFieldsAreKeys(t *testing.T) {
	err := Invalid(map[string]string{"phone": "전화번호 형식이 올바르지 않습니다.", "name": "업체명을 입력하세요."}, []string{"name", "phone"})
	en := english(map[string]string{"업체명을 입력하세요.": "Enter the supplier's name."})
	if got, want := Text(err, en), "Enter the supplier's name.\n전화번호 형식이 올바르지 않습니다."; got != want {
		t.Fatalf("Text = %q, want %q", got, want)
	}
	// an Error built by hand with only Korean Fields still has them looked up
	byHand := &Error{Code: ErrInvalid, Message: "업체명을 입력하세요.", Fields: map[string]string{"name": "업체명을 입력하세요."}}
	if got, want := FieldText(byHand, "name", en), "Enter the supplier's name."; got != want {
		t.Fatalf("FieldText(by hand) = %q, want %q", got, want)
	}
}

func TestNestedMsgValueTranslated(t *testing.T) {
	err := New(ErrInvalid, "발주완료 상태의 발주서만 입고할 수 있습니다 (현재 {{.Status}}).", "Status", M("작성"))
	if got, want := err.Error(), "발주완료 상태의 발주서만 입고할 수 있습니다 (현재 작성)."; got != want {
		t.Fatalf("Error() = %q, want %q", got, want)
	}
	en := english(map[string]string{"발주완료 상태의 발주서만 입고할 수 있습니다 (현재 {{.Status}}).": "Only an ordered PO can be received (now {{.Status}}).", "작성": "Draft"})
	if got, want := Text(err, en), "Only an ordered PO can be received (now Draft)."; got != want {
		t.Fatalf("Text(en) = %q, want %q", got, want)
	}
	if _, ok := err.Args["Status"].(Msg); !ok {
		t.Fatal("translating wrote into the error's own values")
	}
}
