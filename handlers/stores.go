package handlers

import (
	"context"
	"time"

	"github.com/peerbot/peerbot/internal/outcome"
	"github.com/peerbot/peerbot/supervision"
)

// The interfaces below are what the handlers keep in the store.
// *store.Redis satisfies all of them. Every method returns an error wrapping
// ErrUnavailable when the store cannot be reached; a missing record is not
// an error.

// Profiles keeps people's supervision profiles.
type Profiles interface {
	// Profile returns the person's profile, and false when they have none.
	Profile(ctx context.Context, userID string) (supervision.Profile, bool, error)
	// SaveProfile creates or replaces a profile, keeping the indexes by
	// supervisor, PCN and role in step with it.
	SaveProfile(ctx context.Context, p supervision.Profile) error
	// Supervisees returns the user ids of the people whose profile names
	// supervisorID as their supervisor, sorted.
	Supervisees(ctx context.Context, supervisorID string) ([]string, error)
	// SuperviseeProfiles returns the profiles of those people, sorted by
	// user id, in a few round trips however many there are.
	SuperviseeProfiles(ctx context.Context, supervisorID string) ([]supervision.Profile, error)
	// SuperviseeSummaries returns those profiles with the Summary of each
	// one's record, as Summaries gives it, in a few round trips however
	// many there are.
	SuperviseeSummaries(ctx context.Context, supervisorID string) ([]supervision.Profile, []supervision.Summary, error)
}

// Sessions keeps each person's record of supervision sessions and leave.
// A write whose answer was lost returns an error wrapping ErrUnknown (not
// ErrUnavailable): it may have happened.
type Sessions interface {
	// AddSession records s in s.UserID's record. s.ID must be set; an id
	// already there holding another session is an error wrapping
	// ErrExists, the very same session again is accepted.
	AddSession(ctx context.Context, s supervision.Session) error
	// SessionsOn returns a person's sessions on one calendar date.
	SessionsOn(ctx context.Context, userID string, date time.Time) ([]supervision.Session, error)
	// Summaries returns what each person's status is worked out from,
	// reading only the newest session of each type, the awaiting count and
	// leave, in userIDs' order. Its sessions carry id, type, date and when
	// logged only: enough for the clocks and a line in the team view.
	Summaries(ctx context.Context, userIDs []string) ([]supervision.Summary, error)
	// Summary is Summaries for one person with the sessions in full, for
	// a reply that shows them.
	Summary(ctx context.Context, userID string) (supervision.Summary, error)
	// ProfileSummary is Profile and Summary together, in one round trip:
	// the person's profile, false when they have none (the summary is then
	// empty), and the summary of their record with the sessions in full.
	ProfileSummary(ctx context.Context, userID string) (supervision.Profile, supervision.Summary, bool, error)
	// AnswerSession sets a session's confirmation from one state to
	// another atomically, and returns the session as it then stands and
	// whether this call changed it. why, for a dispute, is the reason
	// given, kept with the session ("" for none). A session not there is
	// ErrNotFound.
	AnswerSession(ctx context.Context, userID, id string, from, to supervision.Confirmation, who, why string, at time.Time) (supervision.Session, bool, error)
	// Undone reports whether a session was taken back lately, and who had
	// logged it.
	Undone(ctx context.Context, userID, id string) (string, bool, error)
	// Session returns one session of a person's record, and false when
	// there is none with that id.
	Session(ctx context.Context, userID, id string) (supervision.Session, bool, error)
	// Sessions returns up to n of a person's sessions, newest first (by
	// date, then by when they were logged). n <= 0 means all.
	Sessions(ctx context.Context, userID string, n int) ([]supervision.Session, error)
	// UpdateSession replaces a session that exists, as for a confirmation.
	UpdateSession(ctx context.Context, s supervision.Session) error
	// DeleteSession removes a session; it reports false when there was none.
	DeleteSession(ctx context.Context, userID, id string) (bool, error)
	// AddLeave records a stretch of leave and, in the same step, takes
	// back the stretches (by id) it replaces. l.ID must be set and new.
	AddLeave(ctx context.Context, userID string, l supervision.Leave, replaces ...string) error
	// Leaves returns a person's leave, earliest first.
	Leaves(ctx context.Context, userID string) ([]supervision.Leave, error)
	// RemoveLeave takes back a stretch of leave; it reports false when
	// there was none with that id.
	RemoveLeave(ctx context.Context, userID, id string) (bool, error)
	// AwaitingAnswer returns the sessions waiting for the person's answer
	// (logged with them, or for them), oldest first.
	AwaitingAnswer(ctx context.Context, userID string) ([]supervision.Session, error)
	// Answered returns the sessions the person has lately answered,
	// confirmed or disputed, logged with them or for them, newest first.
	Answered(ctx context.Context, userID string) ([]supervision.Session, error)
}

// Feedback keeps people's votes on answers and counts the questions the bot
// could not answer.
type Feedback interface {
	// Vote records a person's vote on an entry: helpful or not. A person has
	// one vote per entry; voting again replaces it. It reports whether the
	// vote changed anything.
	Vote(ctx context.Context, entryID, userID string, helpful bool) (bool, error)
	// Votes returns the counts of helpful and not helpful votes on an entry.
	Votes(ctx context.Context, entryID string) (helpful, notHelpful int, err error)
	// CountUnanswered adds one to the count of each normalised query term
	// of a question that found no good answer. No user id or message text
	// is kept.
	CountUnanswered(ctx context.Context, terms []string) error
	// Unanswered returns the n most counted terms, most first.
	Unanswered(ctx context.Context, n int) ([]TermCount, error)
}

// TermCount is a query term and how often it came up unanswered.
type TermCount = outcome.TermCount

// Directory knows about people in the workspace.
type Directory interface {
	// TimeZone returns the IANA name of a person's time zone, as Slack
	// has it, or a default when Slack has none.
	TimeZone(ctx context.Context, userID string) (string, error)
}
