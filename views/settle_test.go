package views

// Fyne's test driver runs fyne.Do at once on whatever goroutine calls it, so a list answer applied from a
// real background goroutine would draw while the test's goroutine draws too. The views tests therefore run
// list loads at once, as a store that answers instantly would; slowstore_test.go puts the app's
// concurrent path back on the screen it tests, with the store held by a channel.
func init() { loadInline = true }
