package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/scheduler"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
)

// startEngine starts the reminder engine: the durable queue that sends
// reminders, channel schedules and one-off messages, claimed from Redis by
// every replica. Over Slack it sends through the Web API; in the console
// (no Slack client) it prints them to console.
//
// Each admin gets the weekly digest (scheduled once, kept across restarts).
func (a *app) startEngine(console io.Writer) (*scheduler.Engine, error) {
	sup := supervisionReminders{db: a.db, standards: a.standards, zones: a.directory}
	return startEngine(a.cfg, a.db, a.api, sup, a.admins, console, a.table, a.log, a.metrics, a.reloader.content)
}

func startEngine(cfg *Config, db *store.Redis, api *slack.Client, sup supervisionReminders, admins []string, console io.Writer, table *bot.Table, log *slog.Logger, metrics *bot.Metrics, content handlers.Entries) (*scheduler.Engine, error) {
	var sender scheduler.Sender = bot.NewSender(api, metrics)
	if api == nil {
		sender = bot.NewConsoleSender(console, table.Invocation)
	}
	sm := scheduler.NewMetrics()
	if err := metrics.Register(sm.Collectors()...); err != nil {
		return nil, fmt.Errorf("reminder metrics: %w", err)
	}
	lease := cfg.ReminderLease.Duration
	queue := db.Reminders(cfg.ReminderShards)
	digest := adminDigest{db: db, standards: sup.standards, failures: queue.Failures, content: content, reviewMonths: cfg.ReviewMonths}
	e, err := scheduler.NewEngine(scheduler.Options{
		Queue:       queue,
		Sender:      sender,
		Plan:        map[string]scheduler.Planner{scheduler.KindSupervision: sup.Plan},
		Compose:     map[string]scheduler.Composer{scheduler.KindSupervision: sup.Compose, scheduler.KindDigest: digest.Compose},
		Zone:        cfg.DefaultTZ.Location,
		Logger:      log.With("component", "reminders"),
		Metrics:     sm,
		Lease:       lease,
		Grace:       cfg.ReminderGrace.Duration,
		Rate:        cfg.ReminderRate,
		SendTimeout: min(15*time.Second, lease/4), // well inside the lease: see package scheduler
	})
	if err != nil {
		return nil, err
	}
	e.Start()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if err := ensureDigests(ctx, e, admins); err != nil {
		log.Error("scheduling the admins' weekly digest failed; it is tried again at the next start", "err", err)
	}
	if content != nil {
		if err := ensureReviews(ctx, e, db, content.Entries(), cfg.ReviewMonths, admins, time.Now()); err != nil {
			log.Error("scheduling the content review notices failed; they are tried again at the next start or reload", "err", err)
		}
	}
	return e, nil
}

// stopEngine stops the engine, releasing what it has not sent so another
// replica takes it at once.
func stopEngine(log *slog.Logger, e *scheduler.Engine) {
	ctx, cancel := context.WithTimeout(context.Background(), shutdownGrace)
	defer cancel()
	if err := e.Stop(ctx); err != nil {
		log.Error("stopping the reminder engine", "err", err)
	}
}

// supervisionReminders gives the engine a person's supervision reminders:
// when the next falls and what it says, from supervision.NextReminder, the
// rule the App Home shows, on the person's record as it is at that moment.
// Items are KindSupervision with ID "sup:<user>" and To the user.
type supervisionReminders struct {
	db        *store.Redis
	standards handlers.StandardsSource
	zones     handlers.Directory // the person's zone, as Slack has it now
}

// state reads what the rule needs; ok false when the person has no profile.
func (s supervisionReminders) state(ctx context.Context, userID string, now time.Time) (p supervision.Profile, st supervision.Status, leaves []supervision.Leave, ok bool, err error) {
	p, ok, err = s.db.Profile(ctx, userID)
	if err != nil || !ok {
		return p, st, nil, ok, err
	}
	if s.zones != nil {
		if tz, zerr := s.zones.TimeZone(ctx, userID); zerr == nil && tz != "" {
			p.TimeZone = tz // a person who moves gets reminders at their new local time
		}
	}
	sessions, err := s.db.Sessions(ctx, userID, 0)
	if err != nil {
		return p, st, nil, false, err
	}
	if leaves, err = s.db.Leaves(ctx, userID); err != nil {
		return p, st, nil, false, err
	}
	loc, lerr := scheduler.LoadZone(p.TimeZone)
	if lerr != nil || p.TimeZone == "" {
		loc, _ = scheduler.LoadZone(supervision.DefaultTimeZone)
	}
	std, err := s.standards.For(ctx, p.Role, p.Locality)
	if err != nil {
		return p, st, nil, false, err
	}
	st = supervision.ComputeStatus(std, sessions, leaves, now.In(loc))
	return p, st, leaves, true, nil
}

// Plan is the next reminder after `after`.
func (s supervisionReminders) Plan(ctx context.Context, it scheduler.Item, after time.Time) (time.Time, bool, error) {
	p, st, leaves, ok, err := s.state(ctx, it.To, after)
	if err != nil || !ok {
		return time.Time{}, false, err
	}
	next, ok := supervision.NextReminder(p, st, leaves, after)
	return next, ok, nil
}

// Compose writes the reminder due at `at`, unless the rule no longer puts
// one there (the person logged a session, went on leave or turned
// reminders off since it was planned); a snoozed one goes anyway.
func (s supervisionReminders) Compose(ctx context.Context, it scheduler.Item, at time.Time) (handlers.Reply, bool, error) {
	p, st, leaves, ok, err := s.state(ctx, it.To, at)
	if err != nil || !ok {
		return handlers.Reply{}, false, err
	}
	if !it.Snoozed {
		if want, ok := supervision.NextReminder(p, st, leaves, at.Add(-time.Minute)); !ok || !want.Equal(at) {
			return handlers.Reply{}, false, nil
		}
	}
	if st.Due.IsZero() || !p.Reminders {
		return handlers.Reply{}, false, nil
	}
	due := st.Due.Format("Monday 2 January")
	text := "Your next supervision session is due on " + due + "."
	switch {
	case st.DaysLeft == 0:
		text = "Your supervision session is due today."
	case st.DaysLeft < 0:
		text = "Your supervision session was due on " + due + ". When you have had it, log it so your record stays up to date."
	}
	return handlers.Reply{
		Header:  "Supervision reminder",
		Text:    text,
		Buttons: []handlers.Button{{Label: "Log a session", Command: "supervision", Args: "log", Primary: true}},
		Note:    "You get this because reminders are on. To stop them, change your supervision profile.",
	}, true, nil
}
