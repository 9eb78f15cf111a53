package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/scheduler"
)

// reminderQueue gives the handlers the reminder engine through the
// interfaces they declare (handlers.Reminders, handlers.Schedules). The
// engine starts after the handlers are built, and before any request is
// served; until then every call says the queue is unavailable.
type reminderQueue struct {
	a *app
}

var (
	_ handlers.Reminders = reminderQueue{}
	_ handlers.Schedules = reminderQueue{}
)

func (q reminderQueue) engine() (*scheduler.Engine, error) {
	if q.a == nil || q.a.engine == nil {
		return nil, fmt.Errorf("the reminder engine has not started: %w", handlers.ErrUnavailable)
	}
	return q.a.engine, nil
}

// noItem turns the engine's "no such item" (and "nothing comes next") into
// the handlers' sentinel.
func noItem(err error, sentinel error) error {
	if errors.Is(err, scheduler.ErrNoItem) || errors.Is(err, scheduler.ErrNothingDue) {
		return sentinel
	}
	return err
}

func (q reminderQueue) Remind(ctx context.Context, userID string) (time.Time, bool, error) {
	e, err := q.engine()
	if err != nil {
		return time.Time{}, false, err
	}
	return e.Remind(ctx, userID)
}

func (q reminderQueue) Snooze(ctx context.Context, userID string, until time.Time) error {
	e, err := q.engine()
	if err != nil {
		return err
	}
	return noItem(e.Snooze(ctx, scheduler.SupervisionID(userID), until), handlers.ErrNoReminder)
}

func (q reminderQueue) Skip(ctx context.Context, userID string) error {
	e, err := q.engine()
	if err != nil {
		return err
	}
	err = e.Skip(ctx, scheduler.SupervisionID(userID))
	if errors.Is(err, scheduler.ErrNothingDue) {
		return nil // skipped, and none comes after it
	}
	return noItem(err, handlers.ErrNoReminder)
}

func (q reminderQueue) Next(ctx context.Context, userID string) (time.Time, bool, bool, error) {
	e, err := q.engine()
	if err != nil {
		return time.Time{}, false, false, err
	}
	it, err := e.Item(ctx, scheduler.SupervisionID(userID))
	if errors.Is(err, scheduler.ErrNoItem) || (err == nil && it.Paused) {
		return time.Time{}, false, false, nil
	}
	if err != nil {
		return time.Time{}, false, false, err
	}
	return it.Due, it.Snoozed, true, nil
}

// scheduleOwner owns every channel schedule, so each admin sees them all.
const scheduleOwner = "admins"

func (q reminderQueue) AddSchedule(ctx context.Context, id, channel, spec string, r handlers.Reply) (time.Time, error) {
	e, err := q.engine()
	if err != nil {
		return time.Time{}, err
	}
	first, err := e.ScheduleChannel(ctx, id, scheduleOwner, channel, spec, "", r)
	if errors.Is(err, scheduler.ErrBadSpec) {
		return first, &handlers.BadSpecError{Reason: strings.TrimPrefix(strings.TrimPrefix(err.Error(), scheduler.ErrBadSpec.Error()), ": ")}
	}
	return first, err
}

func (q reminderQueue) Schedules(ctx context.Context) ([]handlers.ChannelSchedule, error) {
	e, err := q.engine()
	if err != nil {
		return nil, err
	}
	items, err := e.List(ctx, scheduleOwner)
	if err != nil {
		return nil, err
	}
	var out []handlers.ChannelSchedule
	for _, it := range items {
		id, ok := strings.CutPrefix(it.ID, "sched:")
		if it.Kind != scheduler.KindSchedule || !ok {
			continue
		}
		var r handlers.Reply
		_ = json.Unmarshal(it.Payload, &r) // an unreadable one is listed without its text
		text := r.Text
		for _, s := range r.Sections {
			// A post kept before its words were marked kept them in Typed.
			text += s.Text + handlers.AsTyped(s.Typed)
		}
		out = append(out, handlers.ChannelSchedule{ID: id, Channel: it.To, Spec: it.Spec, Text: text, Next: it.Due, Paused: it.Paused})
	}
	return out, nil
}

func (q reminderQueue) PauseSchedule(ctx context.Context, id string) error {
	e, err := q.engine()
	if err != nil {
		return err
	}
	return noItem(e.Pause(ctx, "sched:"+id), handlers.ErrNoSchedule)
}

func (q reminderQueue) ResumeSchedule(ctx context.Context, id string) error {
	e, err := q.engine()
	if err != nil {
		return err
	}
	return noItem(e.Resume(ctx, "sched:"+id), handlers.ErrNoSchedule)
}

func (q reminderQueue) RemoveSchedule(ctx context.Context, id string) error {
	e, err := q.engine()
	if err != nil {
		return err
	}
	if _, err := e.Item(ctx, "sched:"+id); err != nil {
		return noItem(err, handlers.ErrNoSchedule)
	}
	return noItem(e.Delete(ctx, "sched:"+id), handlers.ErrNoSchedule)
}

func (q reminderQueue) Upcoming(spec string, now time.Time, n int) ([]time.Time, error) {
	times, err := scheduler.Upcoming(spec, q.a.cfg.DefaultTZ.Location, now, n)
	if errors.Is(err, scheduler.ErrBadSpec) {
		return nil, &handlers.BadSpecError{Reason: strings.TrimPrefix(strings.TrimPrefix(err.Error(), scheduler.ErrBadSpec.Error()), ": ")}
	}
	return times, err
}

// consoleClock is the console's clock: the real one, moved by /peer clock
// so a person can try reminders without waiting. Safe for concurrent use.
type consoleClock struct {
	mu     sync.Mutex
	offset time.Duration
}

// Now is the real time plus however far the clock was moved.
func (c *consoleClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return time.Now().Add(c.offset)
}

// Set moves the clock so that it reads t now.
func (c *consoleClock) Set(t time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.offset = time.Until(t)
}
