package outcome

import (
	"time"

	"github.com/peerbot/peerbot/supervision"
)

// AuditAccess is the action of the entry a person's request for their
// data leaves in the audit log.
const AuditAccess = "access"

// AuditErased is the action of the entry an erasure leaves in the audit
// log: that one happened, under a salted hash of the id, never the id.
const AuditErased = "erased"

// FormerSupervisor is what an erasure puts, in other people's records, in
// place of the erased person's user id (a session's with, by or answered
// by). It does not have the shape of a user id, so it is never drawn as a
// mention; replies show it as "a former supervisor".
const FormerSupervisor = "-former-supervisor"

// PersonalData is everything peerbot holds about one person, for their
// right of access.
type PersonalData struct {
	UserID  string               `json:"user_id"`
	Profile *supervision.Profile `json:"profile,omitempty"`
	// Sessions are the person's own; Named are sessions in other people's
	// records that name them (as supervisor, who logged or answered).
	Sessions  []supervision.Session `json:"sessions"`
	Named     []supervision.Session `json:"sessions_naming_you"`
	Leave     []supervision.Leave   `json:"leave"`
	Reminders []ReminderRecord      `json:"reminders"`
	Votes     []VoteRecord          `json:"votes"`
	Shares    []ShareRecord         `json:"pending_shares"`
	TimeZone  string                `json:"cached_time_zone,omitempty"`
	Audit     []AuditEntry          `json:"audit_entries"`
}

// ReminderRecord is one of the reminder engine's items that a person owns
// or that is sent to them.
type ReminderRecord struct {
	ID      string    `json:"id"`
	Kind    string    `json:"kind"`
	Owner   string    `json:"owner,omitempty"`
	To      string    `json:"to"`
	Due     time.Time `json:"next_due"`
	Spec    string    `json:"schedule,omitempty"`
	Zone    string    `json:"time_zone,omitempty"`
	Paused  bool      `json:"paused,omitempty"`
	Payload string    `json:"content,omitempty"`
}

// VoteRecord is a vote a person gave on an answer.
type VoteRecord struct {
	Entry   string `json:"answer"`
	Helpful bool   `json:"helpful"`
}

// ShareRecord is a question a person asked to share with the peer network,
// held (sealed: not readable without the button that carries the key)
// until it expires.
type ShareRecord struct {
	ID      string    `json:"id"`
	Expires time.Time `json:"expires"`
}

// Erasure says what an erasure removed, in counts.
type Erasure struct {
	Profile     bool // the profile
	Sessions    int  // own sessions
	Named       int  // sessions in others' records that lost the name
	Leave       int
	Reminders   int
	Votes       int
	Shares      int
	TimeZone    bool
	Audit       int // earlier audit entries naming the person, removed
	Supervisees int // profiles that named the person as supervisor, now without one
	Keys        int // keys deleted in all
}
