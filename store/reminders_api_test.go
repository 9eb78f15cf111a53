package store_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/scheduler"
	"github.com/peerbot/peerbot/store"
)

func TestReminderPauseResume(t *testing.T) {
	rg := newRig(t, nov2, nil)
	ctx := context.Background()
	it, _ := rg.e.Schedule(ctx, scheduler.Item{ID: "sched:p", Kind: scheduler.KindSchedule, To: "C1", Spec: "0 10 * * *",
		Payload: scheduler.ReplyPayload(handlers.Say("daily"))})
	if err := rg.e.Pause(ctx, "sched:p"); err != nil {
		t.Fatal(err)
	}
	rg.clock.Set(it.Due.Add(time.Minute))
	rg.tick(t)
	if rg.posts("C1") != 0 {
		t.Fatal("a paused schedule was sent")
	}
	rg.clock.Set(it.Due.Add(50 * time.Hour))
	if err := rg.e.Resume(ctx, "sched:p"); err != nil {
		t.Fatal(err)
	}
	got, _ := rg.item(t, "sched:p")
	if !got.Due.After(rg.clock.Now()) || got.Paused {
		t.Errorf("resumed as %+v, want unpaused and due after now", got)
	}
	rg.tick(t)
	if rg.posts("C1") != 0 {
		t.Error("resuming sent the fires missed while paused")
	}
	if err := rg.e.Pause(ctx, "sched:none"); !errors.Is(err, scheduler.ErrNoItem) {
		t.Errorf("Pause(unknown) = %v, want ErrNoItem", err)
	}
}

// TestReminderEngineInTheConsole runs the engine on the console's embedded
// store, printing what it sends: the scripts must work there too.
func TestReminderEngineInTheConsole(t *testing.T) {
	ctx := context.Background()
	db, err := store.OpenEmbedded(ctx, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var out strings.Builder
	c := &clock{t: nov2}
	e, err := scheduler.NewEngine(scheduler.Options{
		Queue: db.Reminders(2), Sender: bot.NewConsoleSender(&out, func(n, a string) string { return "/" + n + " " + a }), Now: c.Now,
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.Schedule(ctx, scheduler.Item{ID: "sched:c", Kind: scheduler.KindSchedule, To: "C1", Spec: "0 10 * * MON",
		Payload: scheduler.ReplyPayload(handlers.Say("Peer support meeting at 10:00"))}); err != nil {
		t.Fatal(err)
	}
	if err := e.SendDM(ctx, "", bot.ConsoleUser, handlers.Say("Please confirm the session")); err != nil {
		t.Fatal(err)
	}
	e.Tick(ctx)
	c.Set(time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC))
	e.Tick(ctx)
	e.Tick(ctx)
	want := "\n[message to UCONSOLE]\nPlease confirm the session\n\n[message to C1]\nPeer support meeting at 10:00\n"
	if out.String() != want {
		t.Errorf("console printed %q, want %q", out.String(), want)
	}
}

func TestReminderSnoozeAndSkip(t *testing.T) {
	rg := newRig(t, nov2, nil)
	ctx := context.Background()
	it, err := rg.e.Schedule(ctx, scheduler.Item{ID: "sched:w", Kind: scheduler.KindSchedule, Owner: "U1", To: "C1", Spec: "0 10 * * MON",
		Payload: scheduler.ReplyPayload(handlers.Say("weekly"))})
	if err != nil {
		t.Fatal(err)
	}
	if err := rg.e.Skip(ctx, "sched:w"); err != nil {
		t.Fatal(err)
	}
	skipped, _ := rg.item(t, "sched:w")
	if want := it.Due.Add(7 * 24 * time.Hour); !skipped.Due.Equal(want) {
		t.Errorf("after Skip due %v, want the one after, %v", skipped.Due, want)
	}
	until := nov2.Add(3 * 24 * time.Hour)
	if err := rg.e.Snooze(ctx, "sched:w", until); err != nil {
		t.Fatal(err)
	}
	snoozed, _ := rg.item(t, "sched:w")
	if !snoozed.Due.Equal(until) || !snoozed.Snoozed {
		t.Errorf("after Snooze = %v snoozed %v, want %v and marked snoozed", snoozed.Due, snoozed.Snoozed, until)
	}
	rg.clock.Set(until)
	rg.tick(t)
	after, _ := rg.item(t, "sched:w")
	if rg.posts("C1") != 1 || after.Snoozed || !after.Due.After(until) {
		t.Errorf("at the snoozed time: %d posts, then %+v; want 1 post and the next time, no longer snoozed", rg.posts("C1"), after)
	}
	if err := rg.e.Skip(ctx, "sched:none"); !errors.Is(err, scheduler.ErrNoItem) {
		t.Errorf("Skip(unknown) = %v, want ErrNoItem", err)
	}
}

func TestReminderRemindAndScheduleChannel(t *testing.T) {
	next := nov2.Add(26 * time.Hour)
	off := false
	rg := newRig(t, nov2, func(o *scheduler.Options) {
		o.Plan = map[string]scheduler.Planner{scheduler.KindSupervision: func(context.Context, scheduler.Item, time.Time) (time.Time, bool, error) {
			return next, !off, nil
		}}
		o.Compose = map[string]scheduler.Composer{scheduler.KindSupervision: func(context.Context, scheduler.Item, time.Time) (handlers.Reply, bool, error) {
			return handlers.Say("due"), true, nil
		}}
	})
	ctx := context.Background()
	at, ok, err := rg.e.Remind(ctx, "U3")
	if err != nil || !ok || !at.Equal(next) {
		t.Fatalf("Remind = %v, %v, %v, want %v", at, ok, err, next)
	}
	off = true // reminders turned off
	if _, ok, err := rg.e.Remind(ctx, "U3"); err != nil || ok {
		t.Errorf("Remind with reminders off = %v, %v, want false", ok, err)
	}
	if _, ok := rg.item(t, scheduler.SupervisionID("U3")); ok {
		t.Error("the reminder is still queued after reminders were turned off")
	}
	first, err := rg.e.ScheduleChannel(ctx, "meet", "UADMIN", "C0PEERS", "CRON_TZ=Europe/London 0 10 * * MON", "", handlers.Say("Meeting at 10"))
	if want := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC); err != nil || !first.Equal(want) {
		t.Errorf("ScheduleChannel = %v, %v, want %v", first, err, want)
	}
	if _, err := rg.e.ScheduleChannel(ctx, "bad", "UADMIN", "C0PEERS", "TZ=", "", handlers.Say("x")); !errors.Is(err, scheduler.ErrBadSpec) {
		t.Errorf("ScheduleChannel(TZ=) = %v, want ErrBadSpec", err)
	}
}
