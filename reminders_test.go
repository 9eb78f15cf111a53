package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/scheduler"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
)

// TestSupervisionRemindersFollowTheHomeRule checks that the engine's
// reminder times come from supervision.NextReminder on the person's record,
// as the App Home's do, and that a reminder the person acted on is not sent.
func TestSupervisionRemindersFollowTheHomeRule(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, store.Options{URL: redistest.URL(t), Prefix: redistest.Prefix(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	standards, err := supervision.LoadStandards(nil)
	if err != nil {
		t.Fatal(err)
	}
	lon, _ := time.LoadLocation("Europe/London")
	p := supervision.Profile{UserID: "U1", Role: supervision.LinkWorker, TimeZone: "Europe/London", Reminders: true,
		ReminderDay: time.Monday, ReminderTime: "09:30", Created: time.Now(), Updated: time.Now()}
	if err := db.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	addSession := func(id string, day time.Time) {
		t.Helper()
		if err := db.AddSession(ctx, supervision.Session{ID: id, UserID: "U1", Date: day, Type: supervision.Clinical, LoggedBy: "U1", LoggedAt: day}); err != nil {
			t.Fatal(err)
		}
	}
	addSession("s1", time.Date(2026, 10, 20, 0, 0, 0, 0, lon))
	now := time.Date(2026, 11, 2, 12, 0, 0, 0, lon)
	sr := supervisionReminders{db: db, standards: standards}
	it := scheduler.Item{ID: "sup:U1", Kind: scheduler.KindSupervision, Owner: "U1", To: "U1"}

	sessions, _ := db.Sessions(ctx, "U1", 0)
	st := supervision.ComputeStatus(standards.For(p.Role, p.Locality), sessions, nil, now)
	want, ok := supervision.NextReminder(p, st, nil, now)
	if !ok {
		t.Fatal("the rule gives no reminder; the test's record is wrong")
	}
	got, ok, err := sr.Plan(ctx, it, now)
	if err != nil || !ok || !got.Equal(want) {
		t.Fatalf("Plan = %v, %v, %v, want the Home's rule: %v", got, ok, err, want)
	}
	reply, send, err := sr.Compose(ctx, it, got)
	if err != nil || !send || !strings.Contains(reply.Text, st.Due.Format("Monday 2 January")) {
		t.Errorf("Compose at the planned time = %q, %v, %v, want a reminder naming %s", reply.Text, send, err, st.Due.Format("2 January"))
	}
	if _, send, _ := sr.Compose(ctx, it, got.Add(time.Hour)); send {
		t.Error("Compose at a time the rule does not give = send")
	}
	it.Snoozed = true
	if _, send, _ := sr.Compose(ctx, it, got.Add(time.Hour)); !send {
		t.Error("Compose of a snoozed reminder = no send, want it sent at the time the person chose")
	}
	it.Snoozed = false
	addSession("s2", time.Date(2026, 11, 10, 0, 0, 0, 0, lon)) // they had supervision: the due date moves
	if _, send, _ := sr.Compose(ctx, it, got); send {
		t.Error("a reminder the person acted on would be sent")
	}
}
