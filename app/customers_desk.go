package app

import (
	"sync"

	"sellerdesk/app/customers"
)

// customerServices holds the 고객 service of each open desk: the service keeps the mailbox password asked
// for this session (where no keyring exists), so the window and its dialogs must share one. The lead may
// move it into a Desk field; until then it lives here, keyed by the desk.
var customerServices sync.Map

// Customers is the 고객 area's service: contacts, consent, campaigns, the outbox and 1:1 mail.
func (d *Desk) Customers() *customers.Service {
	if s, ok := customerServices.Load(d); ok {
		return s.(*customers.Service)
	}
	s, _ := customerServices.LoadOrStore(d, customers.New(d.store, d.Log, nil))
	return s.(*customers.Service)
}
