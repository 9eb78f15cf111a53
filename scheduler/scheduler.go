// Package scheduler runs peerbot's timed work: personal supervision
// reminders, durable one-off direct messages (confirmation requests and any
// other DM), admins' channel schedules and the weekly admin digest.
//
// # The engine
//
// Engine keeps Items in a Queue (store.Reminders on Redis): sorted sets by
// due time, sharded over a fixed number of hash-tagged sets so a Redis
// Cluster spreads them, and every replica claims from every shard.
// robfig/cron drives the ticks (cron.Recover in the chain). A claim moves
// an item into the shard's in-flight set with a lease; after the send the
// item is rescheduled or removed in one script, only by the claim's holder.
// An expired lease returns the item to whoever claims next, so a crashed
// replica's work is picked up; a graceful Stop releases unsent claims at
// once. Changing or deleting an item in flight is safe: every item has a
// version, a deleted item's claim finishes nothing, and a changed item's
// claim puts the new form back rather than its own next time.
//
// Next times come from the item's cron spec (ParseSpec: DST-correct, in
// the item's zone) or from its kind's Planner (personal reminders use
// supervision's own rule, so the App Home shows what is sent). Occurrences
// missed while every replica was down are sent once, then the next future
// one is scheduled; a recurring occurrence more than Options.Grace late
// (default 24 h) is skipped. One-off messages are always sent.
//
// # Exactly once, and the window left
//
// An occurrence is an item id with its scheduled time (Occurrence). At most
// one replica holds its claim. Before calling Slack the holder marks the
// occurrence "send started" (Queue.Start, which also renews the lease), and
// the Sender tags the message with the occurrence in its metadata. A
// replica that claims an occurrence whose send had started asks the Sender
// whether it was delivered (Slack: conversations.history with
// include_all_metadata, since the start) and sends only if not. So a crash
// after Slack accepted a message and before the outcome was recorded does
// not send it twice.
//
// The window that remains: a send whose call to Slack outlives the lease
// (Options.Lease, default 60 s, against a send timeout of 15 s), so that a
// second replica reclaims it, looks in the history before the first post
// has landed, and posts again. Keeping SendTimeout well under Lease closes
// it in practice; a history lookup that fails is retried, never guessed.
// Also outside it: a message deleted from the conversation before a
// takeover looks for it is sent again, and so is one whose host clock was
// more than a minute behind Slack's (the look back starts a minute before
// the recorded start). The marks live in Redis: a Redis that loses its
// last writes (a crash with appendfsync everysec loses up to a second) can
// lose a mark, and an occurrence sent in that second can go again. The
// chaos run (make chaos) restarts Redis cleanly; it does not test that.
// Deleting an item keeps its send-started mark for an hour (a tombstone),
// so scheduling the same id again while a send of it is under way still
// looks in the history first.
//
// # Sending
//
// A limiter spaces sends (Options.PerTo per person or channel, Options.Rate
// across all) without sleeping: an item that must wait goes back to the
// queue for then. A 429 puts the occurrence back at now + Retry-After, not
// counted as an attempt and without a history lookup (it was not posted).
// Other errors are retried with doubling backoff up to MaxAttempts, then
// recorded (Failures, for the admins' digest) and the item moves on; a
// permanent failure (ErrPermanent: deactivated person, channel the bot
// left) stops a recurring item and records why.
//
// Scheduler, below, is the plain cron runner the engine grew from.
package scheduler

import (
	"context"
	"fmt"
	"log/slog"
	"time"

	"github.com/robfig/cron/v3"
)

// Scheduler runs jobs on cron schedules. It is safe for concurrent use.
type Scheduler struct {
	cron *cron.Cron
	log  *slog.Logger
}

// New returns a stopped scheduler whose schedules, unless they say
// otherwise with CRON_TZ=, are read in loc.
func New(log *slog.Logger, loc *time.Location) *Scheduler {
	return &Scheduler{
		cron: cron.New(
			cron.WithLocation(loc),
			cron.WithChain(cron.Recover(cronLogger{log})),
		),
		log: log,
	}
}

// Add runs job on the cron spec (five fields, optionally led by
// CRON_TZ=Area/City). It refuses a spec it cannot read, including one the
// cron parser would panic on.
func (s *Scheduler) Add(spec string, job func()) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("schedule %q cannot be read", spec)
		}
	}()
	if _, err := s.cron.AddFunc(spec, job); err != nil {
		return fmt.Errorf("schedule %q cannot be read: %w", spec, err)
	}
	return nil
}

// Start runs the scheduler in its own goroutine.
func (s *Scheduler) Start() { s.cron.Start() }

// Stop stops new ticks and waits for running jobs, until ctx ends.
func (s *Scheduler) Stop(ctx context.Context) error {
	done := s.cron.Stop()
	select {
	case <-done.Done():
		return nil
	case <-ctx.Done():
		return fmt.Errorf("scheduler jobs still running: %w", ctx.Err())
	}
}

// cronLogger adapts slog to cron's logger.
type cronLogger struct{ log *slog.Logger }

func (l cronLogger) Info(msg string, kv ...any) { l.log.Debug("cron: "+msg, kv...) }

func (l cronLogger) Error(err error, msg string, kv ...any) {
	l.log.Error("cron: "+msg, append(kv, "err", err)...)
}
