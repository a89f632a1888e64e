package app

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"sellerdesk/app/apperr"
	"sellerdesk/app/txn"
	"sellerdesk/app/validate"
	"sellerdesk/data"
)

// StoreProfile is the seller's business as printed on purchase orders, labels and emails. It is app's own
// type, not the store's record, so that nothing beyond app depends on data; it has the record's fields,
// and converts to and from it as it is.
type StoreProfile struct {
	Name           string // 상호
	Owner          string // 대표자
	BusinessNo     string // 사업자등록번호, as 123-45-67890
	MailOrderNo    string // 통신판매업 신고번호
	Address        string // 사업장 주소
	Phone          string // 연락처
	Email          string
	ReturnPostcode string // 반품 우편번호
	ReturnAddress  string // 반품 주소
}

// Field names of the store profile, as used in validation results.
const (
	FieldName           = "name"
	FieldOwner          = "owner"
	FieldBusinessNo     = "business_no"
	FieldMailOrderNo    = "mail_order_no"
	FieldAddress        = "address"
	FieldPhone          = "phone"
	FieldEmail          = "email"
	FieldReturnPostcode = "return_postcode"
	FieldReturnAddress  = "return_address"
)

var profileFieldOrder = []string{FieldName, FieldOwner, FieldBusinessNo, FieldMailOrderNo, FieldAddress,
	FieldPhone, FieldEmail, FieldReturnPostcode, FieldReturnAddress}

// ValidateProfileField checks one field as the seller types it and returns the problem, or "". The problem
// is a sentence key without values (the Korean sentence; views translate it with lang.L).
func ValidateProfileField(field, value string) string {
	v := strings.TrimSpace(value)
	switch field {
	case FieldName:
		if v == "" {
			return "상호를 입력하세요."
		}
		if utf8.RuneCountInString(v) > 50 {
			return "상호는 50자 이내로 입력하세요."
		}
	case FieldOwner:
		if v == "" {
			return "대표자 이름을 입력하세요."
		}
		if utf8.RuneCountInString(v) > 30 {
			return "대표자 이름은 30자 이내로 입력하세요."
		}
	case FieldBusinessNo:
		if v != "" {
			if _, err := NormalizeBusinessNo(v); err != nil {
				return err.Error()
			}
		}
	case FieldPhone:
		if v == "" {
			return "연락처를 입력하세요."
		}
		if _, err := NormalizePhone(v); err != nil {
			return err.Error()
		}
	case FieldEmail:
		if v != "" {
			if _, err := NormalizeEmail(v); err != nil {
				return err.Error()
			}
		}
	case FieldReturnPostcode:
		if v != "" && (len(v) != 5 || strings.Trim(v, "0123456789") != "") {
			return "우편번호는 숫자 5자리로 입력하세요(예: 06236)."
		}
	case FieldAddress, FieldReturnAddress:
		if utf8.RuneCountInString(v) > 200 {
			return "주소는 200자 이내로 입력하세요."
		}
	case FieldMailOrderNo:
		if utf8.RuneCountInString(v) > 40 {
			return "통신판매업 신고번호는 40자 이내로 입력하세요."
		}
	}
	return ""
}

// ValidateProfile checks every field and returns the profile as it will be stored (trimmed, numbers in
// their usual hyphenated form), or an ErrInvalid error naming each problem field.
func ValidateProfile(p StoreProfile) (StoreProfile, error) {
	values := map[string]*string{
		FieldName: &p.Name, FieldOwner: &p.Owner, FieldBusinessNo: &p.BusinessNo, FieldMailOrderNo: &p.MailOrderNo,
		FieldAddress: &p.Address, FieldPhone: &p.Phone, FieldEmail: &p.Email,
		FieldReturnPostcode: &p.ReturnPostcode, FieldReturnAddress: &p.ReturnAddress,
	}
	problems := map[string]string{}
	for field, v := range values {
		*v = strings.TrimSpace(*v)
		if msg := ValidateProfileField(field, *v); msg != "" {
			problems[field] = msg
		}
	}
	if len(problems) > 0 {
		return p, Invalid(problems, profileFieldOrder)
	}
	if p.BusinessNo != "" {
		p.BusinessNo, _ = NormalizeBusinessNo(p.BusinessNo)
	}
	p.Phone, _ = NormalizePhone(p.Phone)
	if p.Email != "" {
		p.Email, _ = NormalizeEmail(p.Email)
	}
	return p, nil
}

// Profile reads the store profile.
func (d *Desk) Profile(ctx context.Context) (StoreProfile, error) {
	p, err := d.store.Profile(ctx)
	if err != nil {
		return StoreProfile{}, &Error{Code: ErrInternal, Err: fmt.Errorf("app: read profile: %w", err),
			Key: "매장 정보를 읽지 못했습니다. 자세한 내용은 로그에 기록했습니다."}
	}
	return StoreProfile(p), nil
}

// SaveProfile validates and stores the store profile.
func (d *Desk) SaveProfile(ctx context.Context, p StoreProfile) (StoreProfile, error) {
	p, err := ValidateProfile(p)
	if err != nil {
		return p, err
	}
	// the shared write helper: a cancelled save says so, a fault is logged and said plainly
	w := txn.Writer{Store: d.store, Log: d.Log, Area: "매장 정보"}
	if err := w.Write(ctx, "매장 정보 저장", func(tx *data.Tx) error { return data.SaveProfileTx(ctx, tx, data.StoreProfile(p)) }); err != nil {
		return p, err
	}
	d.Log.Info("store profile saved", "name", p.Name)
	return p, nil
}

// NormalizeBusinessNo checks a 사업자등록번호 (10 digits with the National Tax Service check digit) and
// writes it as 123-45-67890.
func NormalizeBusinessNo(s string) (string, error) {
	d := validate.Digits(s)
	if len(d) != 10 {
		return "", apperr.New(ErrInvalid, "사업자등록번호는 숫자 10자리입니다(예: 123-45-67890).")
	}
	weights := [9]int{1, 3, 7, 1, 3, 7, 1, 3, 5}
	sum := 0
	for i, w := range weights {
		sum += int(d[i]-'0') * w
	}
	sum += int(d[8]-'0') * 5 / 10
	if (10-sum%10)%10 != int(d[9]-'0') {
		return "", apperr.New(ErrInvalid, "사업자등록번호가 올바르지 않습니다. 번호를 다시 확인하세요.")
	}
	return d[:3] + "-" + d[3:5] + "-" + d[5:], nil
}

// NormalizePhone and NormalizeEmail: see package validate.
var (
	NormalizePhone = validate.Phone
	NormalizeEmail = validate.Email
)
