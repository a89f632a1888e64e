// Package clock is the desk's one source of "now". The system clock is built here and nowhere else; every
// service, the store's transactions, the demo data and the screens read the time from the Clock the desk hands
// them, so a test can stand on any day (2031, a month end, a leap day) and the suite passes whatever the date.
package clock

import (
	"sync"
	"time"
)

// Clock tells the time. It is a plain function so the data layer can take one without importing app.
type Clock = func() time.Time

// System is the real clock: the only call of time.Now in SellerDesk.
func System() Clock { return time.Now }

// Pinned is a clock a test sets and moves by hand. It is safe for use from several goroutines.
type Pinned struct {
	mu sync.Mutex
	t  time.Time
}

// At returns a clock pinned at t.
func At(t time.Time) *Pinned { return &Pinned{t: t} }

// Now is the pinned time; pass p.Now wherever a Clock is wanted.
func (p *Pinned) Now() time.Time {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.t
}

// Set moves the clock to t.
func (p *Pinned) Set(t time.Time) {
	p.mu.Lock()
	p.t = t
	p.mu.Unlock()
}

// Advance moves the clock on by d.
func (p *Pinned) Advance(d time.Duration) {
	p.mu.Lock()
	p.t = p.t.Add(d)
	p.mu.Unlock()
}
