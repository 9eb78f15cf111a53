// Package outcome holds the few things the store hands back that other
// packages must name without importing the store, and that the store must
// name without importing them: the sentinels for a store that cannot be
// reached and for a write whose outcome is not known, and the shapes of
// results such as TermCount. It depends on the standard library only, so
// any package may import it.
package outcome

import "errors"

// ErrUnavailable means a dependency (such as the store) is down for now.
// Errors caused by it wrap ErrUnavailable; check with errors.Is. The person
// is asked to try again shortly; nothing was changed.
var ErrUnavailable = errors.New("temporarily unavailable")

// ErrUnknown means a write was sent and no answer came back (a timeout, a
// dropped connection), so it may or may not have happened. It does not wrap
// ErrUnavailable: the person must not be told "nothing was changed", but
// that it may have been saved and where to check. Writes are made safe to
// send again, so a retry does not make a duplicate.
var ErrUnknown = errors.New("outcome unknown")

// ErrExists means a record with that id is already there, holding
// something else.
var ErrExists = errors.New("a record with that id already exists")

// ErrNotFound means the record to change is not there (any more).
var ErrNotFound = errors.New("no such record")

// ErrErasing means a write was refused, and nothing changed, because it
// would add to the record of a person whose data is being erased
// (forget-me). The person is told so; once the erasure is done (or its
// marker has run out after a crash) writes are taken again.
var ErrErasing = errors.New("the person's data is being erased")

// TermCount is a query term and how often it came up unanswered.
type TermCount struct {
	Term  string
	Count int64
}
