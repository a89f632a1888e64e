package orders

import (
	"strings"
	"time"
)

// lineState is what the store holds of a line's state: its status, its claim and the file dates behind them.
type lineState struct {
	status  Status
	claim   Claim
	at      time.Time // the newest file date behind the status and claim
	claimAt time.Time // the claim's day
}

// rowState is what one row of a file says of the line's state.
type rowState struct {
	status      Status
	statusKnown bool // false when 주문상태 named a claim, not a status
	claim       Claim
	claimKnown  bool // false when the row names no claim (its status may still imply one: see doneClaim)
	at          time.Time
	claimAt     time.Time
}

// decision is the line's state after the row, and why the row's state was not taken ("" when it was, or
// when it was the same).
type decision struct {
	status  Status
	claim   Claim
	at      time.Time
	claimAt time.Time
	skipped string
}

// decide is how an import reconciles a stored line with a row of a file, by the flow and the file's dates,
// never by which file came last:
//   - a status the moves table reaches from the stored one (and not back) is newer: it is taken;
//   - one that reaches the stored status (and not forward) is older: it is skipped, unless it is an
//     exchange's re-delivery that the row's newer claim explains;
//   - when both or neither reach the other (the flow's cycles: 교환 ↔ 구매확정), the newer file date wins,
//     and on a tie the stored state stays; a final status (취소, 반품, 미결제취소) is never left.
//
// The claim follows the same idea (claimOrder), and the result is made consistent (settle): a finished
// status carries its claim's outcome, and a shipped line's cancel request is withdrawn.
func decide(s lineState, r rowState) decision {
	d := decision{status: s.status, claim: s.claim, at: s.at, claimAt: s.claimAt}
	if r.at.After(d.at) {
		d.at = r.at
	}
	statusSkipped, statusTaken := false, false
	if r.statusKnown && r.status != s.status {
		fwd, back := reaches(s.status, r.status), reaches(r.status, s.status)
		switch {
		case fwd && !back:
			statusTaken = true
		case back && !fwd:
			statusTaken = redelivery(s.status, r.status) && r.claim.Kind() == ClaimExchange && r.claim.Open() &&
				claimOrder(s.claim, r.claim, s.claimAt, r.claimAt) > 0
		default:
			statusTaken = !s.status.Final() && r.at.After(s.at)
		}
		statusSkipped = !statusTaken
	}
	claimDir := claimOrder(s.claim, r.claim, s.claimAt, r.claimAt)
	if statusTaken && r.claim != "" && r.claim.Kind() == s.claim.Kind() && claimDir < 0 && !r.at.After(s.at) {
		// a later status with an earlier stage of the same claim (배송완료·교환요청 after 배송중·교환재배송중)
		statusTaken, statusSkipped = false, true
	}
	if statusTaken {
		d.status = r.status
	}
	switch {
	case r.claim == "":
	case r.claim == s.claim:
		if d.claimAt.IsZero() {
			d.claimAt = r.claimAt // the same claim, and now its day is known
		}
	case statusTaken || claimDir > 0:
		d.claim = r.claim
		if !r.claimAt.IsZero() {
			d.claimAt = r.claimAt
		}
	}
	d.claim = settle(d.status, d.claim)
	claimSkipped := r.claim != "" && r.claim != d.claim && settle(d.status, r.claim) != d.claim
	if statusSkipped || claimSkipped {
		d.skipped = "저장된 상태 " + stateLabel(s.status, settle(s.status, s.claim)) + ", 이 파일의 상태 " + stateLabel(r.status, r.claim)
		if !r.statusKnown {
			d.skipped = "저장된 상태 " + stateLabel(s.status, settle(s.status, s.claim)) + ", 이 파일의 클레임 " + r.claim.Label()
		}
	}
	return d
}

// claimOrder says whether claim b is newer than claim a (1), older (-1) or neither is known to be (0; the
// stored one stays). No claim is before every claim; within one kind the stages go request → collecting →
// collected → re-delivering → done or withdrawn; across kinds, or for a stage again after an outcome (a
// second request after a withdrawn one), the claims' own days decide, else a cancel (before shipping) comes
// before a return or an exchange (after delivery).
func claimOrder(a, b Claim, aAt, bAt time.Time) int {
	switch {
	case a == b || b == "":
		return 0
	case a == "":
		return 1
	}
	if !aAt.IsZero() && !bAt.IsZero() && !aAt.Equal(bAt) {
		if bAt.After(aAt) {
			return 1
		}
		if a.Kind() != b.Kind() || stageRank[b.Stage()] <= stageRank[a.Stage()] {
			return -1
		}
	}
	if a.Kind() == b.Kind() {
		switch ra, rb := stageRank[a.Stage()], stageRank[b.Stage()]; {
		case rb > ra:
			return 1
		case rb < ra:
			return -1
		}
		return 0
	}
	switch {
	case a.Kind() == ClaimCancel:
		return 1
	case b.Kind() == ClaimCancel:
		return -1
	}
	return 0
}

// settle makes a claim agree with the status: 취소, 반품 and 교환 are their claims done; a cancel request on a
// line that has shipped was withdrawn (Smart Store ships only once the request is refused or withdrawn).
func settle(st Status, c Claim) Claim {
	switch st {
	case StatusCanceled:
		if c.Kind() != ClaimCancel || c.Stage() != StageDone {
			return ClaimOf(ClaimCancel, StageDone)
		}
	case StatusReturned:
		return ClaimOf(ClaimReturn, StageDone)
	case StatusExchanged:
		if c == "" || (c.Kind() == ClaimExchange && c.Open()) || c.Kind() == ClaimCancel {
			return ClaimOf(ClaimExchange, StageDone)
		}
	case StatusDelivering, StatusDelivered, StatusDecided:
		if c.CancelAsked() {
			return ClaimOf(ClaimCancel, StageRejected)
		}
	}
	return c
}

// stateLabel is a status with its claim, as the seller reads it: 결제완료 · 취소요청.
func stateLabel(st Status, c Claim) string {
	if c == "" || c == doneClaim(st) {
		return st.Label()
	}
	return st.Label() + " · " + c.Label()
}

// statusNamesClaim reports whether a 주문상태 cell holds a claim word (취소요청) instead of a status.
func statusNamesClaim(word string) bool {
	w := strings.Join(strings.Fields(word), "")
	_, isStatus := smartStoreWords[w]
	_, isClaim := claimWords[w]
	return isClaim && !isStatus
}
