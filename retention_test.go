package main

import (
	"context"
	"io"
	"log/slog"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/internal/outcome"
	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/scheduler"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
)

// countingPruner counts the runs of the retention job over the store.
type countingPruner struct {
	*store.Redis
	runs atomic.Int32
}

func (c *countingPruner) PruneSessions(ctx context.Context, before time.Time) (int, error) {
	c.runs.Add(1)
	return c.Redis.PruneSessions(ctx, before)
}

// TestRetentionRunsDailyOnceAcrossReplicas: with an injected clock, two
// replicas' engines share the one daily retention item; when it falls due
// one of them runs it, once, removing sessions older than 36 months and
// audit entries older than 365 days and keeping newer ones, and the next
// day's is scheduled.
func TestRetentionRunsDailyOnceAcrossReplicas(t *testing.T) {
	ctx := context.Background()
	prefix := redistest.Prefix(t)
	db, err := store.Open(ctx, store.Options{URL: redistest.URL(t), Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	now := time.Date(2026, 11, 2, 1, 0, 0, 0, time.UTC)
	var mu sync.Mutex
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	const user = "U0KEEP1"
	old := time.Date(2023, 10, 30, 0, 0, 0, 0, time.UTC) // over 36 months before 2 Nov 2026
	recent := time.Date(2023, 11, 3, 0, 0, 0, 0, time.UTC)
	for id, d := range map[string]time.Time{"old": old, "recent": recent} {
		if err := db.AddSession(ctx, supervision.Session{ID: id, UserID: user, Date: d, Type: supervision.SessionTypes[0], LoggedBy: user, LoggedAt: d.Add(time.Hour)}); err != nil {
			t.Fatal(err)
		}
	}
	rc := redistest.Client(t)
	if err := rc.XAdd(ctx, &redis.XAddArgs{Stream: prefix + "audit", ID: "1700000000000-0", Values: []string{"at", "2023-11-14T22:13:20Z", "user", "UOLD", "action", "admin", "cmd", "admin audit"}}).Err(); err != nil {
		t.Fatal(err)
	}
	if err := db.Audit(ctx, outcome.AuditEntry{UserID: "UNEW", Action: "admin", Command: "admin audit"}); err != nil {
		t.Fatal(err)
	}

	p := &countingPruner{Redis: db}
	job := retention{db: p, months: 36, auditDays: 365, log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	var engines []*scheduler.Engine
	for range 2 {
		e, err := scheduler.NewEngine(scheduler.Options{Queue: db.Reminders(2), Sender: bot.NewConsoleSender(io.Discard, nil),
			Now: clock, Compose: map[string]scheduler.Composer{kindRetention: job.Compose}})
		if err != nil {
			t.Fatal(err)
		}
		if err := ensureRetention(ctx, e); err != nil {
			t.Fatal(err)
		}
		engines = append(engines, e)
	}
	it, err := engines[0].Item(ctx, retentionID)
	if want := time.Date(2026, 11, 2, 3, 15, 0, 0, time.UTC); err != nil || !it.Due.Equal(want) {
		t.Fatalf("retention due %v (%v), want %v", it.Due, err, want)
	}
	for _, e := range engines {
		e.Tick(ctx)
	}
	if p.runs.Load() != 0 {
		t.Fatal("the job ran before it was due")
	}
	mu.Lock()
	now = time.Date(2026, 11, 2, 3, 16, 0, 0, time.UTC)
	mu.Unlock()
	var wg sync.WaitGroup
	for _, e := range engines {
		wg.Add(1)
		go func() { defer wg.Done(); e.Tick(ctx) }()
	}
	wg.Wait()
	if n := p.runs.Load(); n != 1 {
		t.Errorf("the job ran %d times across two replicas, want once", n)
	}
	if _, ok, _ := db.Session(ctx, user, "old"); ok {
		t.Error("a session over 36 months old is still there")
	}
	if _, ok, _ := db.Session(ctx, user, "recent"); !ok {
		t.Error("a session under 36 months old was removed")
	}
	if sum, err := db.Summary(ctx, user); err != nil || len(sum.Latest) != 1 || sum.Latest[0].ID != "recent" {
		t.Errorf("summary after retention %+v (%v), want the recent session as the latest", sum.Latest, err)
	}
	entries, err := db.AuditEntries(ctx, 0)
	if err != nil || len(entries) != 1 || entries[0].UserID != "UNEW" {
		t.Errorf("audit after retention %+v (%v), want only the recent entry", entries, err)
	}
	if it, err := engines[1].Item(ctx, retentionID); err != nil || !it.Due.Equal(time.Date(2026, 11, 3, 3, 15, 0, 0, time.UTC)) {
		t.Errorf("next retention run %v (%v), want the next day at 03:15", it.Due, err)
	}
}
