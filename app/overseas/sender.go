package overseas

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"sellerdesk/app/apperr"
)

// senderKey is the setting that holds the store's sender in English for customs forms.
const senderKey = "overseas.sender"

// Sender is our store as the customs form's 보내는 사람, written for the destination's post: in English,
// with the postcode, the city and a phone with Korea's country code. The store profile is in Korean, so the
// seller writes this once (the overseas form asks while it is incomplete) and every declaration reuses it.
type Sender struct {
	Name     string // the person or store name in English: "Hong Gildong" / "Haneul Knit"
	Company  string // the store's name in English; may be empty
	Address  string // street address in English: "12 Sejong-daero 1-gil, Jung-gu"
	City     string // "Seoul"
	Postcode string // 5 digits: 04524
	Phone    string // "+82 10-1234-5678"
	Email    string
}

// Complete reports whether the sender has everything a CN22/CN23 asks for.
func (s Sender) Complete() bool {
	return s.Name != "" && s.Address != "" && s.City != "" && s.Postcode != "" && s.Phone != ""
}

// Sender reads the store's English sender; before the seller wrote one it starts from the store profile:
// the parts already in Latin letters (name, e-mail), the phone with Korea's country code, the postcode of
// the return address. The Korean address is never copied (a foreign post cannot read it).
func (s *Shipper) Sender(ctx context.Context) (Sender, error) {
	v, ok, err := s.store.Setting(ctx, senderKey)
	if err != nil {
		return Sender{}, fmt.Errorf("overseas: %w", err)
	}
	if ok {
		var out Sender
		if err := json.Unmarshal([]byte(v), &out); err != nil {
			return Sender{}, fmt.Errorf("overseas: sender: %w", err)
		}
		return out, nil
	}
	prof, err := s.store.Profile(ctx)
	if err != nil {
		return Sender{}, fmt.Errorf("overseas: %w", err)
	}
	return Sender{Name: latinOnly(prof.Name), Company: latinOnly(prof.Name), Phone: InternationalKR(prof.Phone),
		Email: latinOnly(prof.Email), Postcode: fiveDigits(prof.ReturnPostcode)}, nil
}

// SenderFields are the fields a refused sender names, in the form's order.
var SenderFields = []string{"senderName", "senderAddress", "senderCity", "senderPostcode", "senderPhone"}

// CheckSender says what is missing or not in English in a sender, by field (nil when it is fine).
func CheckSender(snd Sender) map[string]apperr.Msg {
	bad := map[string]apperr.Msg{}
	if snd.Name == "" || !ascii(snd.Name+snd.Company) {
		bad["senderName"] = apperr.M("보내는 사람 이름을 영문으로 입력하세요 (예: Hong Gildong).")
	}
	if snd.Address == "" || !ascii(snd.Address) {
		bad["senderAddress"] = apperr.M("보내는 주소를 영문으로 입력하세요 (예: 12 Sejong-daero, Jung-gu).")
	}
	if snd.City == "" || !ascii(snd.City) {
		bad["senderCity"] = apperr.M("보내는 도시를 영문으로 입력하세요 (예: Seoul).")
	}
	if fiveDigits(snd.Postcode) == "" {
		bad["senderPostcode"] = apperr.M("보내는 곳의 우편번호 5자리를 입력하세요.")
	}
	if snd.Phone == "" || !ascii(snd.Phone) {
		bad["senderPhone"] = apperr.M("보내는 사람 전화번호를 국가번호와 함께 입력하세요 (예: +82 10-1234-5678).")
	}
	return bad
}

// SaveSender checks and stores the store's English sender.
func (s *Shipper) SaveSender(ctx context.Context, snd Sender) (Sender, error) {
	snd = trimSender(snd)
	if bad := CheckSender(snd); len(bad) > 0 {
		return snd, apperr.InvalidMsg(bad, SenderFields)
	}
	snd.Postcode = fiveDigits(snd.Postcode)
	b, err := json.Marshal(snd)
	if err != nil {
		return snd, fmt.Errorf("overseas: sender: %w", err)
	}
	if err := s.store.SetSetting(ctx, senderKey, string(b)); err != nil {
		return snd, fmt.Errorf("overseas: %w", err)
	}
	return snd, nil
}

func trimSender(s Sender) Sender {
	t := strings.TrimSpace
	return Sender{Name: t(s.Name), Company: t(s.Company), Address: t(s.Address), City: t(s.City), Postcode: t(s.Postcode),
		Phone: t(s.Phone), Email: t(s.Email)}
}

// fiveDigits is a Korean postcode (5 digits, a hyphen or spaces dropped), or "" when s is not one.
func fiveDigits(s string) string {
	d := strings.NewReplacer("-", "", " ", "").Replace(strings.TrimSpace(s))
	if len(d) != 5 || !allDigits(d) {
		return ""
	}
	return d
}

// InternationalKR writes a Korean phone number with the country code for a foreign post: 010-1234-5678 →
// +82 10-1234-5678. A number that already has a + is kept; an empty one stays empty.
func InternationalKR(p string) string {
	p = strings.TrimSpace(p)
	if p == "" || strings.HasPrefix(p, "+") {
		return p
	}
	return "+82 " + strings.TrimPrefix(p, "0")
}
