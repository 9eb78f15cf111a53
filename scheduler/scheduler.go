// Package scheduler runs peerbot's timed work: supervision reminders,
// channel schedules and the admins' digest. robfig/cron drives the ticks.
//
// For now it holds the engine's frame only: a cron runner that recovers a
// panicking job instead of dying, and stops in order on shutdown. The
// reminder engine (due items in a Redis sorted set, claimed with a lease) is
// built on it in its own change.
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
