package supervision

import "time"

// Profile is what peerbot keeps about a person for their supervision. It
// holds no clinical or patient detail.
type Profile struct {
	UserID       string `json:"user_id"` // Slack user id, "U123"
	Role         Role   `json:"role,omitempty"`
	PCN          string `json:"pcn,omitempty"`           // the Primary Care Network's name, as the person writes it
	Locality     string `json:"locality,omitempty"`      // "gateshead", "london", or "" for none
	SupervisorID string `json:"supervisor_id,omitempty"` // Slack user id of their supervisor; "" when not set
	TimeZone     string `json:"time_zone,omitempty"`     // IANA name, "Europe/London"

	Reminders    bool         `json:"reminders"`               // send reminders by direct message
	ReminderDay  time.Weekday `json:"-"`                       // preferred (in JSON as reminder_day, its name: MarshalJSON) weekday for reminders
	ReminderTime string       `json:"reminder_time,omitempty"` // preferred time of day, "09:30", in TimeZone
	// LeadDays is how many days before the due date the first reminder
	// falls: 0 for ReminderLeadDays, NoLeadDays for none before the due
	// day, else 1 to MaxLeadDays. Lead gives the number to use.
	LeadDays int `json:"lead_days,omitzero"`

	Created time.Time `json:"created,omitzero"`
	Updated time.Time `json:"updated,omitzero"`
}

// SessionType is a kind of supervision session.
type SessionType string

// The kinds of session a person can log.
const (
	Clinical       SessionType = "clinical"        // clinical or professional supervision
	Group          SessionType = "group"           // group supervision
	Peer           SessionType = "peer"            // peer supervision or an action learning set
	CoachingSup    SessionType = "coaching"        // health coaching supervision
	LineManagement SessionType = "line-management" // a line management one-to-one
)

// SessionTypes lists every session type in the order help shows them.
var SessionTypes = []SessionType{Clinical, Group, Peer, CoachingSup, LineManagement}

// Confirmation is where a session stands with the other person in it.
type Confirmation string

// The confirmation states. A session logged with nobody named needs none.
const (
	NoConfirmation Confirmation = ""          // nobody else named
	Awaiting       Confirmation = "awaiting"  // the other person has not answered yet
	Confirmed      Confirmation = "confirmed" // the other person agreed it happened
	Disputed       Confirmation = "disputed"  // the other person said it is not right
)

// Session is one supervision session in a person's record. It holds dates,
// types, durations and people only.
type Session struct {
	ID       string      `json:"id"`                  // unique within the person's record
	UserID   string      `json:"user_id"`             // whose supervision this was: the supervisee
	Date     time.Time   `json:"date"`                // the day it happened, midnight in the person's zone
	Type     SessionType `json:"type"`                //
	Minutes  int         `json:"minutes,omitzero"`    // how long; 0 when not given
	WithID   string      `json:"with_id,omitempty"`   // the other person (usually the supervisor); "" when none
	LoggedBy string      `json:"logged_by,omitempty"` // who logged it: the supervisee or the supervisor
	LoggedAt time.Time   `json:"logged_at,omitzero"`

	Confirmation Confirmation `json:"confirmation,omitempty"`
	AnsweredBy   string       `json:"answered_by,omitempty"` // who confirmed or disputed it
	AnsweredAt   time.Time    `json:"answered_at,omitzero"`  // when
	// DisputeReason is what the person who disputed it said is not right,
	// as they typed it ("wrong date"), at most MaxDisputeReason
	// characters; "" when they gave none. It goes with the session.
	DisputeReason string `json:"dispute_reason,omitempty"`
}

// MaxDisputeReason is the most characters a dispute's reason may have: a
// few words, not notes.
const MaxDisputeReason = 100

// Answerer is who answers the session's request to confirm it: the person
// named when the supervisee logged it, the supervisee when someone else
// (their supervisor) logged it for them; "" when nobody was named.
func (s Session) Answerer() string {
	if s.LoggedBy != s.UserID {
		return s.UserID
	}
	return s.WithID
}

// Leave is a stretch of leave that pauses the supervision clock. From and
// To are whole days, both included, at midnight in the person's zone.
type Leave struct {
	ID   string    `json:"id"`
	From time.Time `json:"from"`
	To   time.Time `json:"to"`
}

// Summary is the part of a person's record their status is worked out
// from, so that working it out costs the same after years of sessions: the
// newest session of each type that was not disputed, how many sessions await
// confirmation, and their leave.
type Summary struct {
	UserID   string
	Latest   []Session // at most one of each type, none disputed
	Awaiting int
	Leaves   []Leave
}

// Status works out where the person stands, as ComputeStatus does from
// their whole record: the newest counting session of each kind is among
// Latest.
func (s Summary) Status(std Standard, now time.Time) Status {
	st := ComputeStatus(std, s.Latest, s.Leaves, now)
	st.Awaiting = s.Awaiting
	return st
}

// NoLeadDays, as a Profile's LeadDays, asks for no reminder before the due
// day; MaxLeadDays is the most days ahead a person can ask for.
const (
	NoLeadDays  = -1
	MaxLeadDays = 14
)

// Lead is how many days before the due date p's first reminder falls.
func (p Profile) Lead() int {
	switch {
	case p.LeadDays == NoLeadDays:
		return 0
	case p.LeadDays <= 0 || p.LeadDays > MaxLeadDays:
		return ReminderLeadDays
	}
	return p.LeadDays
}
