package returns

import (
	"time"

	"sellerdesk/app/bizday"
	"sellerdesk/data"
)

// RefundDays is how many business days 전자상거래법 (§18②) gives a seller to refund once the returned goods
// are back.
const RefundDays = 3

// RefundDue is the last day to refund a return whose goods came back at received: the RefundDays-th
// business day after that day, weekends and public holidays not counted (see package bizday), in received's
// location. Zero for an exchange (nothing is refunded) or while the goods are not back.
func RefundDue(kind Kind, received time.Time) time.Time {
	if kind != KindReturn || received.IsZero() {
		return time.Time{}
	}
	return bizday.After(received, RefundDays)
}

// RefundOverdue reports whether a request still open on now is past its refund day (the whole due day is
// still in time). A finished or rejected request is never overdue.
func RefundOverdue(state State, due, now time.Time) bool {
	if due.IsZero() || state == StateDone || state == StateRejected {
		return false
	}
	return day(now.In(due.Location())).After(due)
}

// receivedAt is when a request first moved to 입고, from its history; zero when it never did.
func receivedAt(moves []data.StateMove) time.Time {
	for _, m := range moves {
		if State(m.To) == StateReceived {
			return m.At
		}
	}
	return time.Time{}
}
