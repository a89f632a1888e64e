package app

import "sellerdesk/data"

// OpeningStage is what opening the data file is doing when it reports (see WithOpenProgress).
type OpeningStage int

const (
	// OpeningCheck: the whole file is checked before an older version's file is brought up to date.
	OpeningCheck OpeningStage = iota + 1
	// OpeningUpgrade: step Step of Steps of bringing the file up to date.
	OpeningUpgrade
	// OpeningTidy: the file's statistics are gathered again after the upgrade.
	OpeningTidy
)

// OpeningProgress is one report of Open while it brings a file written by an older SellerDesk up to date.
type OpeningProgress struct {
	Stage       OpeningStage
	Step, Steps int
}

// WithOpenProgress has Open report the stages of bringing an older file up to date (a big store's upgrade
// can take a minute), on Open's goroutine; an up-to-date file reports nothing.
func WithOpenProgress(report func(OpeningProgress)) Option {
	return func(o *openOptions) { o.progress = report }
}

// dataProgress turns the store's reports into the desk's.
func dataProgress(report func(OpeningProgress)) data.Option {
	return data.WithOpenProgress(func(p data.OpenProgress) {
		var stage OpeningStage
		switch p.Stage {
		case data.OpenChecking:
			stage = OpeningCheck
		case data.OpenMigrating:
			stage = OpeningUpgrade
		case data.OpenOptimizing:
			stage = OpeningTidy
		default:
			return
		}
		report(OpeningProgress{Stage: stage, Step: p.Step, Steps: p.Steps})
	})
}
