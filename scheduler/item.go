package scheduler

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/queue"
)

// The engine's data types live in internal/queue, so that the store can
// implement Queue without importing this package; they are named here as
// the engine's own.
type (
	Item          = queue.Item
	Claim         = queue.Claim
	Finish        = queue.Finish
	Done          = queue.Done
	FailureRecord = queue.FailureRecord
)

// The kinds of item the engine serves (see queue.KindSupervision and the
// others).
const (
	KindSupervision = queue.KindSupervision
	KindDM          = queue.KindDM
	KindSchedule    = queue.KindSchedule
	KindDigest      = queue.KindDigest
)

// Occurrence names one occurrence of an item: its id and scheduled time.
func Occurrence(id string, due time.Time) string { return queue.Occurrence(id, due) }

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
	r.Form, r.Messages, r.RefreshHome, r.Reschedule, r.Replace = nil, nil, nil, nil, false
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
