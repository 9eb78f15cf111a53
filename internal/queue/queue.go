// Package queue holds the data the reminder engine (package scheduler) and
// its Redis queue (package store) share: items, claims and how a claim
// ends. It lets the store implement the engine's Queue without importing the
// engine. It depends on the standard library only.
package queue

import (
	"strconv"
	"time"
)

// The kinds of item the engine serves. A kind picks the Composer that
// builds an occurrence's message and, for items without a cron spec, the
// Planner that says when the next one falls.
const (
	// KindSupervision is a person's supervision reminder, by direct
	// message. Its composer and planner come from the wiring (Options).
	KindSupervision = "supervision"
	// KindDM is a one-off direct message (a confirmation request, say),
	// sent through the durable path so none is lost when a replica stops.
	// Its payload is a Reply (see ReplyPayload).
	KindDM = "dm"
	// KindSchedule is an admin's channel schedule: a cron spec, a channel
	// and a text. Its payload is a Reply (see ReplyPayload).
	KindSchedule = "schedule"
	// KindDigest is an admin's weekly digest on a cron spec; its composer
	// comes from the wiring.
	KindDigest = "digest"
)

// Item is one thing the engine sends, once or again and again.
type Item struct {
	ID    string // unique across kinds: "sup:U123", "dm:5f2a...", "sched:ab12"
	Kind  string
	Owner string // whose list it shows in: a user id, or "" for none
	To    string // a user id (by direct message) or a channel id

	// Due is the scheduled time of the next occurrence. An occurrence is
	// the item's id with this time (see Occurrence); it is sent at most
	// once.
	Due time.Time
	// Spec, when set, is a cron spec (five fields, or a descriptor such as
	// @weekly, optionally led by CRON_TZ=Area/City) that gives the next
	// occurrences, read in Zone unless it names its own.
	Spec string
	Zone string // IANA time zone name; "" is the engine's default zone

	Payload []byte // the kind's own data; opaque to the engine
	Paused  bool
	// Snoozed says the person moved Due themselves (snooze), so a composer
	// that checks Due against its rule should send it anyway.
	Snoozed bool

	// Set by the queue, read only.
	Version  int64
	Attempts int    // failed tries of the current occurrence
	Failure  string // why the last occurrence could not be delivered, if so
	Stopped  bool   // a permanent failure stopped the item; Schedule restarts it
}

// Occurrence names one occurrence of an item: its id and scheduled time.
// It is what the sender tags a message with, so a replica can see whether
// it was already sent.
func Occurrence(id string, due time.Time) string {
	return id + "@" + strconv.FormatInt(due.Unix(), 10)
}

// Claim is an item taken from the queue with a lease: until the lease ends
// no other replica takes it, and only the holder of Token may finish it.
type Claim struct {
	Item
	Token string
	// Started says a claim of this occurrence (Item.Due) before this one,
	// on this replica or another, may have sent it (from StartedAt on).
	Started   bool
	StartedAt time.Time
}

// Finish says how a claim ends.
type Finish struct {
	// Next is when the item falls next; zero removes the item (a one-off,
	// or a schedule that never falls again).
	Next time.Time
	// RetryAt, when not zero, puts the same occurrence back to be tried
	// again then; Next is ignored. Failure says why.
	RetryAt time.Time
	// Counted says the retry spends one of the occurrence's attempts (an
	// error); a rate limit or the limiter's deferral does not.
	Counted bool
	// Unsent says this claim certainly did not reach Slack (rate limited,
	// deferred, released before sending), so the send-started mark it made
	// is cleared; the engine never sets it on a claim that was Started.
	Unsent bool
	// Failure, when set, is recorded for the admins' digest.
	Failure string
	// Stop stops the item after a permanent failure: it stays listed with
	// Failure, and nothing more is sent until it is scheduled again.
	Stop bool
}

// Done is a claim with how it ends.
type Done struct {
	Claim  Claim
	Finish Finish
}

// FailureRecord is a delivery that failed, kept for the admins' digest.
type FailureRecord struct {
	ID     string
	Kind   string
	To     string
	Reason string
	At     time.Time
}
