package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"strings"
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
// Each admin gets the weekly digest, and the daily retention job runs
// (each scheduled once, kept across restarts).
func (a *app) startEngine(console io.Writer) (*scheduler.Engine, error) {
	sup := supervisionReminders{db: a.db, standards: a.standards, zones: a.directory, invoke: a.table.Invocation}
	return startEngine(a.cfg, a.db, a.api, sup, a.admins, console, a.table, a.log, a.metrics, a.now, a.reloader.content)
}

func startEngine(cfg *Config, db *store.Redis, api *slack.Client, sup supervisionReminders, admins []string, console io.Writer, table *bot.Table, log *slog.Logger, metrics *bot.Metrics, now func() time.Time, content handlers.Entries) (*scheduler.Engine, error) {
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
	keep := retention{db: db, months: cfg.RetentionMonths, auditDays: cfg.AuditRetentionDays, log: log.With("component", "retention")}
	e, err := scheduler.NewEngine(scheduler.Options{
		Queue:       queue,
		Sender:      sender,
		Plan:        map[string]scheduler.Planner{scheduler.KindSupervision: sup.Plan},
		Compose:     map[string]scheduler.Composer{scheduler.KindSupervision: sup.Compose, scheduler.KindDigest: digest.Compose, kindRetention: keep.Compose},
		Zone:        cfg.DefaultTZ.Location,
		Logger:      log.With("component", "reminders"),
		Metrics:     sm,
		Now:         now,
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
	if err := ensureRetention(ctx, e); err != nil {
		log.Error("scheduling the daily retention job failed; it is tried again at the next start", "err", err)
	}
	if content != nil {
		if err := ensureReviews(ctx, e, db, content.Entries(), cfg.ReviewMonths, admins, now()); err != nil {
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
	zones     handlers.Directory             // the person's zone, as Slack has it now
	invoke    func(name, args string) string // spells a command as typed (Table.Invocation); nil in tests
}

// state reads what the rule needs, from the person's summary (the newest
// session of each type and their leave), so its cost does not grow with
// years of sessions; ok false when the person has no profile.
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
	sum, err := s.db.Summary(ctx, userID)
	if err != nil {
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
	st = sum.Status(std, now.In(loc))
	return p, st, sum.Leaves, true, nil
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
	rem, planned := supervision.NextReminders(p, st, leaves, at.Add(-time.Minute))
	if !it.Snoozed && (!planned || !rem.At.Equal(at)) {
		return handlers.Reply{}, false, nil
	}
	if !p.Reminders {
		return handlers.Reply{}, false, nil
	}
	clocks := rem.Clocks
	if len(clocks) == 0 { // snoozed past every planned time: say where each clock stands
		for _, c := range st.Clocks {
			if !c.Due.IsZero() {
				clocks = append(clocks, c)
			}
		}
	}
	if len(clocks) == 0 {
		return handlers.Reply{}, false, nil
	}
	text := reminderText(clocks)
	return handlers.Reply{
		Header: "Supervision reminder",
		Text:   text,
		// "Logged it" opens the log form, today filled in, as the App
		// Home's "Log a session" does; the others answer in place.
		Buttons: []handlers.Button{
			{Label: "Logged it", Command: "supervision", Args: "log", Primary: true},
			{Label: "Snooze a week", Command: "supervision", Args: "snooze 7"},
			{Label: "Skip this one", Command: "supervision", Args: "reminder-skip"},
		},
		Note: "You get this because reminders are on. To change them or turn them off: " + s.invocation("supervision", "remind") + ".",
	}, true, nil
}

// invocation spells a command as the person would type it.
func (s supervisionReminders) invocation(name, args string) string {
	if s.invoke != nil {
		return s.invoke(name, args)
	}
	return handlers.Request{}.Invocation(name, args)
}

// reminderText says, for each clock a reminder is for, when it is due:
// "Your clinical supervision is due on Monday 7 December." A person with
// two clocks (a coach's supervision and health coaching supervision) reads
// each.
func reminderText(clocks []supervision.Clock) string {
	lines := make([]string, 0, len(clocks)+1)
	for _, c := range clocks {
		name := strings.ToLower(c.Kind.Name)
		if name == "" {
			name = "supervision"
		}
		due := c.Due.Format("Monday 2 January")
		switch {
		case c.State == supervision.None && c.DaysLeft < 0:
			lines = append(lines, "You haven't logged any "+name+" yet: your first was expected by "+due+".")
		case c.State == supervision.None:
			lines = append(lines, "You haven't logged any "+name+" yet: your first is expected by "+due+".")
		case c.DaysLeft == 0:
			lines = append(lines, "Your "+name+" is due today.")
		case c.DaysLeft < 0:
			lines = append(lines, "Your "+name+" was due on "+due+".")
		default:
			lines = append(lines, "Your "+name+" is due on "+due+".")
		}
	}
	for _, c := range clocks {
		if c.DaysLeft < 0 {
			lines = append(lines, "When you have had it, log it so your record stays up to date.")
			break
		}
	}
	return strings.Join(lines, "\n")
}
