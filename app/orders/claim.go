package orders

import (
	"strings"
)

// ClaimKind is what the buyer asked for: to cancel, to return or to exchange.
type ClaimKind string

const (
	ClaimCancel   ClaimKind = "CANCEL"
	ClaimReturn   ClaimKind = "RETURN"
	ClaimExchange ClaimKind = "EXCHANGE"
)

// ClaimStage is how far a claim has gone. Request, collecting, collected and re-delivering are open; done
// and rejected (철회, or the seller's refusal) are its outcomes.
type ClaimStage string

const (
	StageRequest      ClaimStage = "REQUEST"
	StageCollecting   ClaimStage = "COLLECTING"
	StageCollectDone  ClaimStage = "COLLECT_DONE"
	StageRedelivering ClaimStage = "REDELIVERING"
	StageDone         ClaimStage = "DONE"
	StageRejected     ClaimStage = "REJECT"
)

var stageRank = map[ClaimStage]int{StageRequest: 1, StageCollecting: 2, StageCollectDone: 3, StageRedelivering: 4,
	StageDone: 5, StageRejected: 5}

// Claim is a line's claim as the store keeps it: KIND_STAGE (CANCEL_REQUEST, RETURN_DONE, EXCHANGE_REJECT …),
// Smart Store's claim codes; "" is no claim.
type Claim string

// ClaimOf builds a claim from its kind and stage.
func ClaimOf(k ClaimKind, s ClaimStage) Claim { return Claim(string(k) + "_" + string(s)) }

// Kind is the claim's kind ("" for no claim).
func (c Claim) Kind() ClaimKind {
	k, _, _ := strings.Cut(string(c), "_")
	return ClaimKind(k)
}

// Stage is the claim's stage ("" for no claim).
func (c Claim) Stage() ClaimStage {
	_, s, _ := strings.Cut(string(c), "_")
	return ClaimStage(s)
}

// Open reports whether the claim is asked and not finished: the seller has something to do.
func (c Claim) Open() bool { return c != "" && c.Stage() != StageDone && c.Stage() != StageRejected }

// CancelAsked reports whether the buyer asked to cancel and nothing has come of it yet: such a line must not
// be shipped (no tracking number from a courier file, no row in the 일괄발송 file).
func (c Claim) CancelAsked() bool { return c.Kind() == ClaimCancel && c.Open() }

var claimKindLabels = map[ClaimKind]string{ClaimCancel: "취소", ClaimReturn: "반품", ClaimExchange: "교환"}
var claimStageLabels = map[ClaimStage]string{StageRequest: "요청", StageCollecting: "수거중", StageCollectDone: "수거완료",
	StageRedelivering: "재배송중", StageDone: "완료", StageRejected: "철회"}

// Label is the claim in the seller's words: 취소요청, 반품수거중, 교환완료, 반품철회; "" for no claim.
func (c Claim) Label() string {
	if c == "" {
		return ""
	}
	k, s := claimKindLabels[c.Kind()], claimStageLabels[c.Stage()]
	if c.Stage() == StageCollecting || c.Stage() == StageCollectDone {
		return k + " " + s
	}
	if c.Stage() == StageRedelivering {
		return k + " " + s
	}
	return k + s
}

// Valid reports whether c is no claim or a known kind and stage.
func (c Claim) Valid() bool {
	if c == "" {
		return true
	}
	_, k := claimKindLabels[c.Kind()]
	_, s := stageRank[c.Stage()]
	return k && s
}

// claimWords maps the words of 클레임상태 and 주문세부상태 (and a 주문상태 that names a claim) to a claim. A
// word naming no kind (수거중) takes the kind from the rest of the row.
var claimWords = map[string]Claim{
	"취소요청": ClaimOf(ClaimCancel, StageRequest), "취소처리중": ClaimOf(ClaimCancel, StageRequest),
	"취소중": ClaimOf(ClaimCancel, StageRequest), "취소완료": ClaimOf(ClaimCancel, StageDone),
	"취소철회": ClaimOf(ClaimCancel, StageRejected), "취소거부": ClaimOf(ClaimCancel, StageRejected),
	"반품요청": ClaimOf(ClaimReturn, StageRequest), "반품수거중": ClaimOf(ClaimReturn, StageCollecting),
	"반품수거완료": ClaimOf(ClaimReturn, StageCollectDone), "반품완료": ClaimOf(ClaimReturn, StageDone),
	"반품철회": ClaimOf(ClaimReturn, StageRejected), "반품거부": ClaimOf(ClaimReturn, StageRejected),
	"반품보류": ClaimOf(ClaimReturn, StageCollectDone),
	"교환요청": ClaimOf(ClaimExchange, StageRequest), "교환수거중": ClaimOf(ClaimExchange, StageCollecting),
	"교환수거완료": ClaimOf(ClaimExchange, StageCollectDone), "교환재배송중": ClaimOf(ClaimExchange, StageRedelivering),
	"교환재배송": ClaimOf(ClaimExchange, StageRedelivering), "교환완료": ClaimOf(ClaimExchange, StageDone),
	"교환철회": ClaimOf(ClaimExchange, StageRejected), "교환거부": ClaimOf(ClaimExchange, StageRejected),
	"교환보류": ClaimOf(ClaimExchange, StageCollectDone),
}

// kindless are stage words without a kind.
var kindless = map[string]ClaimStage{"수거중": StageCollecting, "수거완료": StageCollectDone, "재배송중": StageRedelivering}

// claimCode reads a claim written as Smart Store's code (CANCEL_REQUEST, COLLECTING, RETURN_DONE …).
func claimCode(s string, kind ClaimKind) (Claim, bool) {
	u := strings.ToUpper(s)
	switch u {
	case "COLLECTING", "COLLECT_DONE":
		if kind == "" {
			kind = ClaimReturn
		}
		return ClaimOf(kind, ClaimStage(u)), true
	case "CANCELING", "ADMIN_CANCELING":
		return ClaimOf(ClaimCancel, StageRequest), true
	case "ADMIN_CANCEL_DONE":
		return ClaimOf(ClaimCancel, StageDone), true
	case "EXCHANGE_REDELIVERING":
		return ClaimOf(ClaimExchange, StageRedelivering), true
	}
	if c := Claim(u); c != "" && c.Valid() {
		return c, true
	}
	return "", false
}

// ParseClaim reads a row's claim from 클레임상태 and 주문세부상태 (either may be empty) and the status the row
// has. known is false when neither word names a claim: the row then says nothing about one, unless its status
// is itself a claim's outcome (취소, 반품, 교환), which is the claim done.
func ParseClaim(claimWord, detailWord string, st Status) (c Claim, known bool) {
	kind := ClaimKind("")
	for _, w := range []string{claimWord, detailWord} {
		w = strings.Join(strings.Fields(w), "")
		if w == "" {
			continue
		}
		if c, ok := claimWords[w]; ok {
			return c, true
		}
		if c, ok := claimCode(w, kind); ok {
			return c, true
		}
		if strings.Contains(w, "교환") {
			kind = ClaimExchange
		} else if strings.Contains(w, "반품") {
			kind = ClaimReturn
		}
		for word, stage := range kindless {
			if strings.Contains(w, word) {
				if kind == "" {
					kind = ClaimReturn
					if st == StatusExchanged {
						kind = ClaimExchange
					}
				}
				return ClaimOf(kind, stage), true
			}
		}
	}
	return doneClaim(st), false
}

// doneClaim is the claim a finished status implies: 취소 is a cancel done, 반품 a return done, 교환 an
// exchange done; "" for any other.
func doneClaim(st Status) Claim {
	switch st {
	case StatusCanceled:
		return ClaimOf(ClaimCancel, StageDone)
	case StatusReturned:
		return ClaimOf(ClaimReturn, StageDone)
	case StatusExchanged:
		return ClaimOf(ClaimExchange, StageDone)
	}
	return ""
}

// claimStatusWords are 주문상태 words that name a claim rather than a status (some screens write 취소요청
// there): the status they stand for when the line is new.
var claimStatusWords = map[ClaimKind]Status{ClaimCancel: StatusPaid, ClaimReturn: StatusDelivered, ClaimExchange: StatusDelivered}

// ClaimReasons maps the words exports and the Commerce API write for a claim's reason to its code (the codes
// the returns area's reasons use). Words are compared without spaces.
var claimReasonWords = []struct {
	code  string
	words []string
}{
	{"INTENT_CHANGED", []string{"INTENT_CHANGED", "구매의사취소", "단순변심", "구매의사없음"}},
	{"COLOR_AND_SIZE", []string{"COLOR_AND_SIZE", "색상및사이즈변경", "색상·사이즈변경", "사이즈변경", "색상변경"}},
	{"WRONG_ORDER", []string{"WRONG_ORDER", "다른상품잘못주문", "상품잘못주문", "주문실수"}},
	{"PRODUCT_UNSATISFIED", []string{"PRODUCT_UNSATISFIED", "서비스불만족", "상품불만족", "서비스및상품불만족", "서비스·상품불만족"}},
	{"DELAYED_DELIVERY", []string{"DELAYED_DELIVERY", "배송지연"}},
	{"SOLD_OUT", []string{"SOLD_OUT", "상품품절", "품절"}},
	{"DROPPED_DELIVERY", []string{"DROPPED_DELIVERY", "배송누락", "상품누락"}},
	{"BROKEN", []string{"BROKEN", "상품파손", "파손", "불량", "상품불량"}},
	{"INCORRECT_INFO", []string{"INCORRECT_INFO", "상품정보상이", "상품정보와다름"}},
	{"WRONG_DELIVERY", []string{"WRONG_DELIVERY", "오배송", "다른상품오배송"}},
	{"WRONG_OPTION", []string{"WRONG_OPTION", "색상등다른옵션잘못배송", "다른옵션잘못배송", "옵션오배송"}},
	{"ETC", []string{"ETC", "기타"}},
}

// ClaimReasonCode reads a claim reason as a file writes it (a code, or words such as 단순변심, 상품 파손) and
// returns its code; ok is false when the words name none, and the caller keeps the words.
func ClaimReasonCode(s string) (code string, ok bool) {
	w := strings.Join(strings.Fields(s), "")
	if w == "" {
		return "", false
	}
	for _, r := range claimReasonWords {
		for _, x := range r.words {
			if strings.EqualFold(w, x) {
				return r.code, true
			}
		}
	}
	for _, r := range claimReasonWords { // "상품 파손(외관)" and similar: a known phrase inside
		for _, x := range r.words[1:] {
			if len([]rune(x)) >= 3 && strings.Contains(w, x) {
				return r.code, true
			}
		}
	}
	return "", false
}

var claimReasonLabels = map[string]string{"INTENT_CHANGED": "구매의사취소", "COLOR_AND_SIZE": "색상·사이즈변경",
	"WRONG_ORDER": "다른상품 잘못주문", "PRODUCT_UNSATISFIED": "서비스·상품 불만족", "DELAYED_DELIVERY": "배송지연",
	"SOLD_OUT": "품절", "DROPPED_DELIVERY": "배송누락", "BROKEN": "파손", "INCORRECT_INFO": "상품정보상이",
	"WRONG_DELIVERY": "오배송", "WRONG_OPTION": "다른옵션 잘못배송", "ETC": "기타"}

// ClaimReasonLabel is a stored claim reason in Korean: a code's label, or the file's own words.
func ClaimReasonLabel(reason string) string {
	if l, ok := claimReasonLabels[reason]; ok {
		return l
	}
	return reason
}
