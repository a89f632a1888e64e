package returns

import (
	"time"

	"sellerdesk/data"
)

// The types below are what the service hands the screens. They copy the store's records field by field
// rather than embed them, so a change to a table is the service's to absorb and the views never hold a
// data record (DESIGN.md: views → app → data).

// Policy is the shop's return policy: the windows the law allows at least, the return fees and the
// categories that a buyer's change of mind cannot send back.
type Policy struct {
	WindowDays      int // change of mind: days from delivery (the law: at least 7)
	DefectMonths    int // a defect or wrong delivery: months from delivery (at least 3)
	DefectKnownDays int // … or days from when the buyer knew (at least 30)
	ReturnFee       int64
	// BothWays charges a buyer at fault both ways; ChargeFreeShipping also charges the first shipping of
	// an order that shipped free.
	BothWays, ChargeFreeShipping bool
	ExchangeFee                  int64
	NonReturnable                []int64 // category ids
	Notes                        string
}

func policyOf(p data.PolicyRecord) Policy {
	return Policy{WindowDays: p.WindowDays, DefectMonths: p.DefectMonths, DefectKnownDays: p.DefectKnownDays,
		ReturnFee: p.ReturnFee, BothWays: p.BothWays, ChargeFreeShipping: p.ChargeFreeShipping, ExchangeFee: p.ExchangeFee,
		NonReturnable: append([]int64(nil), p.NonReturnable...), Notes: p.Notes}
}

func (p Policy) record() data.PolicyRecord {
	return data.PolicyRecord{WindowDays: p.WindowDays, DefectMonths: p.DefectMonths, DefectKnownDays: p.DefectKnownDays,
		ReturnFee: p.ReturnFee, BothWays: p.BothWays, ChargeFreeShipping: p.ChargeFreeShipping, ExchangeFee: p.ExchangeFee,
		NonReturnable: append([]int64(nil), p.NonReturnable...), Notes: p.Notes}
}

// Return is a request with its lines.
type Return struct {
	ID            int64
	Number        string // RT-20261124-001
	OrderID       int64
	Kind          Kind
	Reason        Reason
	Fault         Fault
	Method        Method
	State         State
	HeldFrom      State // the state a held request resumes to; empty unless 보류
	Note          string
	TrackingNo    string // the pickup's tracking number
	OutsideWindow bool   // accepted after the window closed
	Refund        int64  // set when a return completes
	RefundNote    string // why the seller refunded another amount
	CreatedAt     time.Time
	UpdatedAt     time.Time
	Lines         []Line
	// ReceivedAt is when the goods came back (the first move to 입고), in the desk's location; zero before.
	ReceivedAt time.Time
	// RefundDue is the last day to refund a return (see RefundDue); zero for an exchange or before 입고.
	RefundDue time.Time
}

// Line is one order line on a request: how many come back, what is sent instead for an exchange, and
// how it was inspected.
type Line struct {
	ID                  int64
	OrderLineID         int64
	Qty                 int64
	ReplacementOptionID int64  // exchange: the option sent instead
	Inspection          string // GOOD, DISPOSE or SUPPLIER; empty before inspection
	Restocked           bool   // put back in stock (once)
	ReplacementShipped  bool   // the exchange's replacement left, its stock taken
}

// Step is one move in a request's timeline.
type Step struct {
	From, To State
	Note     string
	At       time.Time
}

// stored is a request as the store holds it, read in a transaction the workflow then writes back.
type stored struct {
	rec   data.ReturnRecord
	lines []data.ReturnLineRecord
	moves []data.StateMove
}

func (st stored) state() State { return State(st.rec.State) }

// view copies a stored request into the service's own type, with the refund day reckoned in loc (the
// seller's business days are local days).
func (st stored) view(loc *time.Location) Return {
	r := st.rec
	out := Return{ID: r.ID, Number: r.Number, OrderID: r.OrderID, Kind: Kind(r.Kind), Reason: Reason(r.Reason),
		Fault: Fault(r.Fault), Method: Method(r.Method), State: State(r.State), HeldFrom: State(r.HeldFrom), Note: r.Note,
		TrackingNo: r.TrackingNo, OutsideWindow: r.OutsideWindow, Refund: r.Refund, RefundNote: r.RefundNote,
		CreatedAt: r.CreatedAt, UpdatedAt: r.UpdatedAt}
	for _, l := range st.lines {
		out.Lines = append(out.Lines, Line{ID: l.ID, OrderLineID: l.OrderLineID, Qty: l.Qty, ReplacementOptionID: l.ReplacementOptionID,
			Inspection: l.Inspection, Restocked: l.Restocked, ReplacementShipped: l.ReplacementShipped})
	}
	if at := receivedAt(st.moves); !at.IsZero() {
		out.ReceivedAt = at.In(loc)
		out.RefundDue = RefundDue(out.Kind, out.ReceivedAt)
	}
	return out
}

func stepsOf(moves []data.StateMove) []Step {
	out := make([]Step, len(moves))
	for i, m := range moves {
		out[i] = Step{From: State(m.From), To: State(m.To), Note: m.Note, At: m.At}
	}
	return out
}

// Stat is one product's, option's or category's returns over a period, against what was sold.
type Stat struct {
	Key, Label string
	Sold       int64 // pieces sold (orders.Sold)
	Returned   int64 // pieces on requests not rejected
	Refunds    int64 // won
	Requests   int64
}

func statsOf(rows []data.ReturnStat) []Stat {
	out := make([]Stat, len(rows))
	for i, r := range rows {
		out[i] = Stat{Key: r.Key, Label: r.Label, Sold: r.Sold, Returned: r.Returned, Refunds: r.Refunds, Requests: r.Requests}
	}
	return out
}

// Costs is what returns cost the seller over a period.
type Costs struct {
	Requests       int64
	Refunds        int64 // won refunded
	SellerShipping int64 // return shipping the seller paid (the seller's fault)
	Disposed       int64 // cost price of the stock thrown away
}
