// Package outcome holds the few things the store hands back that other
// packages must name without importing the store, and that the store must
// name without importing them: the sentinel for a store that cannot be
// reached, and the shapes of results such as TermCount. It depends on the
// standard library only, so any package may import it.
package outcome

import "errors"

// ErrUnavailable means a dependency (such as the store) is down for now.
// Errors caused by it wrap ErrUnavailable; check with errors.Is. The person
// is asked to try again shortly; nothing was changed.
var ErrUnavailable = errors.New("temporarily unavailable")

// TermCount is a query term and how often it came up unanswered.
type TermCount struct {
	Term  string
	Count int64
}
