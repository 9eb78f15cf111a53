package scheduler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strconv"
	"time"

	"github.com/peerbot/peerbot/handlers"
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

// Queue keeps the items, sharded; store.Reminders implements it on Redis.
// Every method is safe for concurrent use, and safe to repeat: a client may
// run a script again after losing its reply.
type Queue interface {
	// Shards is the number of shards every replica claims from.
	Shards() int
	// Put creates or replaces the item with it.ID, clearing attempts,
	// failure and stop, and returns its new version. An item in flight
	// stays with its claim; the claim's finish then puts the new
	// definition back, not its own next time.
	Put(ctx context.Context, it Item) (int64, error)
	// Get returns the item, false when there is none.
	Get(ctx context.Context, id string) (Item, bool, error)
	// Delete removes the item, in flight or not; false when there was none.
	// A claim on it can then finish nothing.
	Delete(ctx context.Context, id string) (bool, error)
	// List returns the items whose Owner is owner.
	List(ctx context.Context, owner string) ([]Item, error)
	// SetPaused pauses an item (it is not claimed) or resumes it, due at
	// due. False when there is no such item.
	SetPaused(ctx context.Context, id string, paused bool, due time.Time) (bool, error)
	// Claim leases up to n items of shard whose time has come at now:
	// first those whose lease ran out (a crashed replica's), then due ones.
	// It marks each claimed occurrence "send started" at now (one round
	// trip for both); Claim.Started says whether it was marked before.
	Claim(ctx context.Context, shard int, now time.Time, lease time.Duration, n int) ([]Claim, error)
	// Finish ends claims, each as its Finish says, at now, in one round
	// trip where it can. held[i] is false when claim i was no longer held
	// (changed, deleted or taken over); nothing of it is then changed.
	Finish(ctx context.Context, now time.Time, done ...Done) (held []bool, err error)
	// Failures returns the failures recorded since.
	Failures(ctx context.Context, since time.Time) ([]FailureRecord, error)
	// Depth returns how many items of shard wait and how many are in
	// flight.
	Depth(ctx context.Context, shard int) (waiting, inFlight int64, err error)
}

// Sender delivers messages to Slack; bot.Sender implements it.
type Sender interface {
	// Send posts msg to a user (by direct message) or a channel, tagged
	// with the occurrence so Delivered can find it. Errors that say what
	// to do are a *RateLimitError or wrap ErrPermanent; any other error is
	// retried, and the message may have been posted.
	Send(ctx context.Context, to, occurrence string, msg handlers.Reply) error
	// Delivered reports whether a message tagged with occurrence was
	// posted to `to` at or after since.
	Delivered(ctx context.Context, to, occurrence string, since time.Time) (bool, error)
}

// RateLimitError says Slack refused a send for now: try again after
// RetryAfter. The message was not posted.
type RateLimitError struct{ RetryAfter time.Duration }

func (e *RateLimitError) Error() string {
	return fmt.Sprintf("rate limited, retry after %s", e.RetryAfter)
}

// ErrPermanent marks a send that can never succeed as it is: the person
// was deactivated, or the bot is not in the channel. The item is stopped
// and the reason recorded.
var ErrPermanent = errors.New("cannot be delivered")

// A Composer builds the message for the occurrence of it due at at. send
// false sends nothing this time (the person already acted); the item then
// moves on to its next occurrence.
type Composer func(ctx context.Context, it Item, at time.Time) (msg handlers.Reply, send bool, err error)

// A Planner says when an item without a cron spec falls next after
// `after`; false when it does not fall again.
type Planner func(ctx context.Context, it Item, after time.Time) (time.Time, bool, error)

// ReplyPayload encodes a reply as the payload of a KindDM or KindSchedule
// item.
func ReplyPayload(r handlers.Reply) []byte {
	r.Form, r.Messages, r.RefreshHome, r.Replace = nil, nil, nil, false
	b, _ := json.Marshal(r) // a Reply has only strings, bools and slices of them
	return b
}

// replyOf decodes a ReplyPayload.
func replyOf(it Item) (handlers.Reply, error) {
	var r handlers.Reply
	if err := json.Unmarshal(it.Payload, &r); err != nil {
		return r, fmt.Errorf("item %s: unreadable payload: %w", it.ID, err)
	}
	return r, nil
}
