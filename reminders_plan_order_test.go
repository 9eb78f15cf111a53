package main

import (
	"context"
	"io"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/scheduler"
)

// TestRemindPlansInOrder: two changes to a person's record close together
// (a setup, then a log) each plan the reminder again. The first plan reads
// the record before the second change and is slow to store; the reminder
// must still end up as the second plan has it, not the first's stale one.
// This is what made the reminder-commands test fail now and then under
// load: the setup's plan, a month on, was stored after the log's.
func TestRemindPlansInOrder(t *testing.T) {
	ctx := context.Background()
	db := reminderStore(t)
	now := time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)
	var record atomic.Int64 // days to the reminder, as the record says
	record.Store(30)
	firstRead := make(chan struct{})
	var once sync.Once
	plan := func(ctx context.Context, it scheduler.Item, after time.Time) (time.Time, bool, error) {
		days := record.Load()
		slow := false
		once.Do(func() { slow = true; close(firstRead) })
		if slow {
			time.Sleep(200 * time.Millisecond) // stored after the second change's plan, unless plans wait their turn
		}
		return now.AddDate(0, 0, int(days)), true, nil
	}
	e, err := scheduler.NewEngine(scheduler.Options{Queue: db.Reminders(2), Sender: bot.NewConsoleSender(io.Discard, nil),
		Now: func() time.Time { return now }, Plan: map[string]scheduler.Planner{scheduler.KindSupervision: plan},
		Compose: map[string]scheduler.Composer{scheduler.KindSupervision: adminDigest{}.Compose}}) // never sent here
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	wg.Add(1)
	errs := make(chan error, 1)
	go func() { defer wg.Done(); _, _, err := e.Remind(ctx, "U1"); errs <- err }() // the setup's plan
	select {
	case <-firstRead:
	case err := <-errs:
		t.Fatalf("the first Remind returned %v before planning", err)
	}
	record.Store(2) // the log
	if _, _, err := e.Remind(ctx, "U1"); err != nil {
		t.Fatal(err)
	}
	wg.Wait()
	if err := <-errs; err != nil {
		t.Fatal(err)
	}
	it, ok, err := db.Reminders(2).Get(ctx, scheduler.SupervisionID("U1"))
	if want := now.AddDate(0, 0, 2); err != nil || !ok || !it.Due.Equal(want) {
		t.Errorf("reminder due %v (%v, %v), want %v: the plan from the record as it is now", it.Due, ok, err, want)
	}
}
