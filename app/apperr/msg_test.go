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
