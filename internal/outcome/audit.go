package outcome

import "time"

// What an audit entry records, in its Action.
const (
	// AuditAdmin: an admin ran a command kept for admins.
	AuditAdmin = "admin"
	// AuditDenied: someone who is not an admin tried a command kept for
	// admins, and was refused.
	AuditDenied = "denied"
)

// AuditEntry is one line of the audit log: who did what, and when. It never
// holds a command's arguments or anything else a person typed, which could
// hold personal text.
type AuditEntry struct {
	At time.Time // when, in UTC
	// UserID is who: a Slack user id ("U123"). An entry that must not name
	// the person (an erasure) holds something else, which does not have
	// the shape of a user id.
	UserID string
	// Action is what kind of thing happened: AuditAdmin, AuditDenied, or
	// a data-rights action.
	Action string
	// Command is the command, with its subcommands, as typed under the
	// umbrella ("admin audit"): words from the command table, never the
	// arguments that followed them.
	Command string
}
