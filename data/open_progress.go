package data

// Opening a file that an older SellerDesk wrote is the one slow start: the file is checked whole before its
// schema is rewritten, each migration may rebuild a table or an index of a large store, and the planner's
// statistics are gathered again afterwards. Open reports those stages so the window can say what it waits
// for instead of showing nothing; an up-to-date file reports nothing.

// OpenStage is what Open is doing when it reports.
type OpenStage int

const (
	// OpenChecking: the whole file is checked (quick_check) before a migration rewrites its schema.
	OpenChecking OpenStage = iota + 1
	// OpenMigrating: migration Step of Steps is being applied.
	OpenMigrating
	// OpenOptimizing: the planner's statistics are gathered after the migrations.
	OpenOptimizing
)

// OpenProgress is one report of Open: the stage it starts and, while migrating, which step of how many
// (counted from the file's version: a file one version behind has one step).
type OpenProgress struct {
	Stage       OpenStage
	Step, Steps int
}

// WithOpenProgress has Open call report as it starts each stage of bringing an older file up to date. The
// call is made on Open's goroutine; report must not block.
func WithOpenProgress(report func(OpenProgress)) Option {
	return func(s *Store) { s.openProgress = report }
}

func (s *Store) reportOpen(p OpenProgress) {
	if s.openProgress != nil {
		s.openProgress(p)
	}
}
