package main

import (
	"context"
	"errors"
	"log/slog"
	"time"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/scheduler"
	"github.com/peerbot/peerbot/store"
)

// kindRetention is the daily retention job's kind on the reminder engine.
const kindRetention = "retention"

// retentionID is the one retention item, shared by every replica: the
// engine's claim runs each day's occurrence on one replica, once.
const retentionID = "retention:daily"

// retentionSpec is when it runs: every day at 03:15 in the default zone.
const retentionSpec = "15 3 * * *"

// pruner is what the retention job removes from the store.
type pruner interface {
	// IndexNames puts the records written before the store's names and
	// people indexes into them, once; false when that was done already.
	IndexNames(ctx context.Context) (bool, error)
	PruneSessions(ctx context.Context, before time.Time) (int, error)
	PruneAudit(ctx context.Context, before time.Time) (int, error)
	// TrimNames takes out of the names indexes the keys whose record has
	// gone, looking at each again after wait.
	TrimNames(ctx context.Context, wait time.Duration) (int, error)
}

// retention removes session records older than RETENTION_MONTHS and audit
// entries older than AUDIT_RETENTION_DAYS, as of the occurrence's time. It
// sends nothing; a failure is retried by the engine.
type retention struct {
	db        pruner
	months    int
	auditDays int
	log       *slog.Logger
}

// Compose is the job's composer: it prunes and says there is nothing to
// send. Its first run also indexes the records written before the store's
// names index (after which erasure and retention need no SCAN).
func (j retention) Compose(ctx context.Context, _ scheduler.Item, at time.Time) (handlers.Reply, bool, error) {
	indexed, err := j.db.IndexNames(ctx)
	if err != nil {
		return handlers.Reply{}, false, err
	}
	if indexed {
		j.log.Info("indexed the records written before the names index")
	}
	sessions, err := j.db.PruneSessions(ctx, at.AddDate(0, -j.months, 0))
	if err != nil {
		return handlers.Reply{}, false, err
	}
	audit, err := j.db.PruneAudit(ctx, at.AddDate(0, 0, -j.auditDays))
	if err != nil {
		return handlers.Reply{}, false, err
	}
	names, err := j.db.TrimNames(ctx, store.NamesRecheck)
	if err != nil {
		return handlers.Reply{}, false, err
	}
	j.log.Info("retention removed old records", "sessions", sessions, "audit_entries", audit, "names_entries", names)
	return handlers.Reply{}, false, nil
}

// ensureRetention schedules the daily retention job unless it already is,
// so a restart does not move one that is due.
func ensureRetention(ctx context.Context, e *scheduler.Engine) error {
	if _, err := e.Item(ctx, retentionID); !errors.Is(err, scheduler.ErrNoItem) {
		return err // nil when it is there
	}
	_, err := e.Schedule(ctx, scheduler.Item{ID: retentionID, Kind: kindRetention, To: "-", Spec: retentionSpec})
	return err
}
