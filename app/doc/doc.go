// Package doc draws SellerDesk's printed documents as PDF: the purchase order (발주서) sent to a supplier, the
// customs declaration (CN22/CN23) for overseas parcels, the prepaid return label (반품 라벨) and the store's
// return/exchange policy (반품·교환 안내).
//
// Each document is a pure function from a plain struct to PDF bytes: the same struct always gives the same
// file, so a label or an order can be reprinted at any time. The structs speak the seller's words; services
// in package app fill them from orders, purchase orders and returns. Text is set in the embedded NanumGothic,
// money is whole won written 45,000, dates are written 2026-11-24.
//
// Input the seller can fix (no lines, a malformed return number, …) is reported as an *apperr.Error with
// code ErrInvalid and a Korean message, wrapped with the document's name.
package doc

import (
	"errors"
	"fmt"
	"strings"

	"sellerdesk/app/apperr"
)

// Store is our shop as it appears on documents: the ordering party on a purchase order (발주처), the
// addressee of a return, the owner of a policy.
type Store struct {
	Name           string // 상호
	Representative string // 대표자
	BusinessNumber string // 사업자등록번호, written as the seller keeps it: 123-45-67890
	Address        string // 사업장 주소
	Phone          string // 대표 연락처
	Email          string // 이메일
}

// Contact is a person or place a parcel goes to or comes from: a delivery address (배송지), the sender and
// the addressee of a return label.
type Contact struct {
	Name     string // 이름 or 상호
	Phone    string // 연락처, kept as text: leading zeros matter
	Postcode string // 우편번호, text
	Address  string // 주소 in one line: 기본주소 and 상세주소
}

// invalid builds the error for input the seller can fix: an *apperr.Error with the per-field messages in
// order, wrapped with the document's name for the log.
func invalid(document string, fields map[string]string, order []string) error {
	if len(fields) == 0 {
		return nil
	}
	return fmt.Errorf("doc: %s: %w", document, apperr.Invalid(fields, order))
}

// renderFailed wraps an error gofpdf reported while drawing or writing a document. It is an internal fault,
// not something the seller typed, so the message asks them to retry and leaves details for the log.
func renderFailed(document string, err error) error {
	return fmt.Errorf("doc: %s: %w", document, &apperr.Error{
		Code:    apperr.ErrInternal,
		Message: document + objectParticle(document) + " PDF로 만들지 못했습니다. 다시 시도해 주세요.",
		Err:     err,
	})
}

// errNoWriter is returned when a document is asked to write to nowhere, a programming mistake.
var errNoWriter = errors.New("doc: nil writer")

// blank reports whether s holds nothing but spaces.
func blank(s string) bool { return strings.TrimSpace(s) == "" }

// objectParticle is the object particle that follows word: 을 after a final consonant (반품 라벨을), 를
// after a vowel (발주서를).
func objectParticle(word string) string {
	r := []rune(strings.TrimSpace(word))
	if len(r) == 0 {
		return "를"
	}
	last := r[len(r)-1]
	if last >= 0xAC00 && last <= 0xD7A3 && (last-0xAC00)%28 != 0 {
		return "을"
	}
	return "를"
}
