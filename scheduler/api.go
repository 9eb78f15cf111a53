package scheduler

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/fnv"
	"strings"
	"sync"
	"time"

	"github.com/peerbot/peerbot/handlers"
)

// ErrNoItem says there is no item with that id.
var ErrNoItem = errors.New("no such reminder or schedule")

// ErrNothingDue says an item was not scheduled because it never falls
// (reminders off, nothing due); any earlier one with its id was removed.
var ErrNothingDue = errors.New("nothing to remind about")

// ErrBadItem wraps why an item cannot be scheduled as given.
var ErrBadItem = errors.New("cannot schedule that")

// Schedule creates or replaces an item. When it.Due is zero the next
// occurrence comes from its spec or its kind's planner, after now. A spec
// is checked first and refused with ErrBadSpec, in words fit to show.
// Replacing an item in flight is safe: the send under way finishes, and
// the new form stands.
func (e *Engine) Schedule(ctx context.Context, it Item) (Item, error) {
	if err := e.check(it); err != nil {
		return it, err
	}
	now := e.o.Now()
	if it.Spec != "" {
		s, err := ParseSpec(it.Spec, e.zoneOf(it))
		if err != nil {
			return it, err
		}
		if it.Due.IsZero() {
			it.Due = s.Next(now)
		}
	}
	if it.Due.IsZero() {
		// Planned from the record and stored by one caller at a time: two
		// changes close together (setup, then a log) must not let the plan
		// read before the second be stored after it.
		mu := e.planLock(it.ID)
		mu.Lock()
		defer mu.Unlock()
		next, err := e.nextTime(ctx, it, now)
		if err != nil {
			return it, err
		}
		if next.IsZero() {
			if _, err := e.o.Queue.Delete(ctx, it.ID); err != nil {
				return it, err
			}
			return it, ErrNothingDue
		}
		it.Due = next
	}
	v, err := e.o.Queue.Put(ctx, it)
	if err != nil {
		return it, err
	}
	it.Version = v
	if !it.Due.After(now) {
		e.poke()
	}
	return it, nil
}

func (e *Engine) check(it Item) error {
	switch {
	case strings.TrimSpace(it.ID) == "" || strings.ContainsAny(it.ID, " \t\n{}"):
		return fmt.Errorf("%w: an item needs an id without spaces or braces", ErrBadItem)
	case strings.TrimSpace(it.To) == "":
		return fmt.Errorf("%w: %s has no one to send to", ErrBadItem, it.ID)
	case e.compose[it.Kind] == nil:
		return fmt.Errorf("%w: no composer for kind %q", ErrBadItem, it.Kind)
	}
	if it.Zone != "" {
		if _, err := LoadZone(it.Zone); err != nil {
			return fmt.Errorf("%w: %q is not a time zone", ErrBadItem, it.Zone)
		}
	}
	return nil
}

// SendDM sends r to a person (a user id) or a channel through the durable
// path: it is queued and sent at once, and if this replica stops first,
// another sends it, once. id names the message ("confirm:<session>"):
// queuing again under the same id replaces the one still waiting; "" makes
// a fresh id.
func (e *Engine) SendDM(ctx context.Context, id, to string, r handlers.Reply) error {
	if id == "" {
		var b [9]byte
		_, _ = rand.Read(b[:])
		id = hex.EncodeToString(b[:])
	}
	_, err := e.Schedule(ctx, Item{ID: "dm:" + id, Kind: KindDM, To: to, Due: e.o.Now(), Payload: ReplyPayload(r)})
	return err
}

// poke asks for a tick now, without waiting for it.
func (e *Engine) poke() {
	select {
	case e.kick <- struct{}{}:
	default:
	}
}

// Delete removes an item; ErrNoItem when there is none. A send already
// under way may still arrive; nothing after it will.
func (e *Engine) Delete(ctx context.Context, id string) error {
	ok, err := e.o.Queue.Delete(ctx, id)
	if err == nil && !ok {
		err = ErrNoItem
	}
	return err
}

// Item returns one item; ErrNoItem when there is none.
func (e *Engine) Item(ctx context.Context, id string) (Item, error) {
	it, ok, err := e.o.Queue.Get(ctx, id)
	if err == nil && !ok {
		err = ErrNoItem
	}
	return it, err
}

// List returns the items a person owns, soonest first.
func (e *Engine) List(ctx context.Context, owner string) ([]Item, error) {
	items, err := e.o.Queue.List(ctx, owner)
	if err != nil {
		return nil, err
	}
	sortItems(items)
	return items, nil
}

func sortItems(items []Item) {
	for i := 1; i < len(items); i++ { // few items: insertion sort keeps it plain
		for j := i; j > 0 && items[j].Due.Before(items[j-1].Due); j-- {
			items[j], items[j-1] = items[j-1], items[j]
		}
	}
}

// Pause stops an item being sent until Resume.
func (e *Engine) Pause(ctx context.Context, id string) error {
	ok, err := e.o.Queue.SetPaused(ctx, id, true, time.Time{})
	if err == nil && !ok {
		err = ErrNoItem
	}
	return err
}

// Resume sends a paused item again from its next occurrence after now;
// occurrences missed while paused are not sent.
func (e *Engine) Resume(ctx context.Context, id string) error {
	it, err := e.Item(ctx, id)
	if err != nil {
		return err
	}
	now := e.o.Now()
	due := it.Due
	if !due.After(now) {
		if due, err = e.nextTime(ctx, it, now); err != nil {
			return err
		}
		if due.IsZero() {
			return ErrNothingDue
		}
	}
	ok, err := e.o.Queue.SetPaused(ctx, id, false, due)
	if err == nil && !ok {
		err = ErrNoItem
	}
	return err
}

// Snooze moves an item's next occurrence to until, marked Snoozed so its
// composer sends it though the rule would not have.
func (e *Engine) Snooze(ctx context.Context, id string, until time.Time) error {
	it, err := e.Item(ctx, id)
	if err != nil {
		return err
	}
	it.Due, it.Snoozed = until, true
	_, err = e.Schedule(ctx, it)
	return err
}

// Skip drops an item's next occurrence and schedules the one after;
// ErrNothingDue (and the item removed) when there is none.
func (e *Engine) Skip(ctx context.Context, id string) error {
	it, err := e.Item(ctx, id)
	if err != nil {
		return err
	}
	it.Due, err = e.nextTime(ctx, it, it.Due)
	if err != nil {
		return err
	}
	if it.Due.IsZero() {
		if _, err := e.o.Queue.Delete(ctx, id); err != nil {
			return err
		}
		return ErrNothingDue
	}
	it.Snoozed = false
	_, err = e.Schedule(ctx, it)
	return err
}

// Upcoming returns the next n times a cron spec falls after now, read in
// zone unless it names its own, for showing a schedule before it runs.
func Upcoming(spec string, zone *time.Location, now time.Time, n int) ([]time.Time, error) {
	s, err := ParseSpec(spec, zone)
	if err != nil {
		return nil, err
	}
	var out []time.Time
	for t := now; len(out) < n; {
		t = s.Next(t)
		if t.IsZero() {
			break
		}
		out = append(out, t.In(s.Location()))
	}
	return out, nil
}

// Failures returns the deliveries given up on since, for the admins'
// digest.
func (e *Engine) Failures(ctx context.Context, since time.Time) ([]FailureRecord, error) {
	return e.o.Queue.Failures(ctx, since)
}

// planLock is the lock Schedule holds while it plans and stores the item
// id names: one of a few, by a hash of the id, so memory does not grow
// with people.
func (e *Engine) planLock(id string) *sync.Mutex {
	h := fnv.New32a()
	_, _ = h.Write([]byte(id))
	return &e.planMu[h.Sum32()%uint32(len(e.planMu))]
}

// SupervisionID is the item id of a person's supervision reminder.
func SupervisionID(userID string) string { return "sup:" + userID }

// Remind (re)plans a person's supervision reminder from the planner (the
// rule the App Home shows), after anything that changes it: setup, a
// logged session, leave, reminders turned on. It returns when the next
// falls; false, with the reminder removed, when none should (reminders
// off, nothing due). Plain types, so handlers can declare it.
func (e *Engine) Remind(ctx context.Context, userID string) (time.Time, bool, error) {
	it, err := e.Schedule(ctx, Item{ID: SupervisionID(userID), Kind: KindSupervision, Owner: userID, To: userID})
	if errors.Is(err, ErrNothingDue) {
		return time.Time{}, false, nil
	}
	if err != nil {
		return time.Time{}, false, err
	}
	return it.Due, true, nil
}

// ScheduleChannel creates or replaces an admin's channel schedule: text
// posted to channel on a cron spec, read in zone ("" for the engine's)
// unless the spec names its own. It returns the first time it falls; a
// spec that cannot be read is refused with ErrBadSpec, in words fit to
// show.
func (e *Engine) ScheduleChannel(ctx context.Context, id, owner, channel, spec, zone string, r handlers.Reply) (time.Time, error) {
	it, err := e.Schedule(ctx, Item{ID: "sched:" + id, Kind: KindSchedule, Owner: owner, To: channel, Spec: spec, Zone: zone, Payload: ReplyPayload(r)})
	return it.Due, err
}
