package data

// inSet writes "column IN (?, ?, …)" for a set of status codes the app defines (what counts as sold,
// claimed, arrived …) and returns the codes as the query's arguments. The store keeps no status list of its
// own: the sets live once in app/orders, and a query holding its own copy would drift from them the day a
// set changes. An empty set matches nothing (IN (NULL) is never true), rather than being an SQL error.
func inSet(column string, codes []string) (string, []any) {
	if len(codes) == 0 {
		return column + " IN (NULL)", nil
	}
	return column + " IN (" + placeholders(len(codes)) + ")", anys(codes)
}
