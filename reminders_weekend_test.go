package main

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/scheduler"
	"github.com/peerbot/peerbot/supervision"
)

// TestRemindersSkipWeekends: a reminder whose day falls on a Saturday,
// a Sunday or a bank holiday, in the person's zone, is planned for the
// working day before, unless the person chose that weekend day themselves
// ("on sunday anyway"). A clinical session on Mon 30 Nov 2026 is due by
// Wed 30 Dec; Fri 25 Dec is Christmas Day and Mon 28 Dec stands in for
// Boxing Day.
func TestRemindersSkipWeekends(t *testing.T) {
	ctx := context.Background()
	db := reminderStore(t)
	sr := supervisionReminders{db: db, standards: handlers.ShippedStandards(shippedStandards(t))}
	for _, tc := range []struct {
		name, zone string
		lead       int
		day        time.Weekday
		want       string // "2006-01-02 15:04" in zone
	}{
		{"three days before is Sun 27 Dec, after Christmas Day", "Europe/London", 0, time.Monday, "2026-12-24 09:30"},
		{"four days before is Sat 26 Dec", "Europe/London", 4, time.Monday, "2026-12-24 09:30"},
		{"two days before is the Boxing Day holiday", "Europe/London", 2, time.Monday, "2026-12-24 09:30"},
		{"nine days before is a Monday, kept", "Europe/London", 9, time.Monday, "2026-12-21 09:30"},
		{"one day before is a Tuesday, kept", "Europe/London", 1, time.Monday, "2026-12-29 09:30"},
		{"Sunday chosen anyway", "Europe/London", 0, time.Sunday, "2026-12-27 09:30"},
		{"their own zone's weekend", "Pacific/Auckland", 0, time.Monday, "2026-12-24 09:30"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			loc, err := time.LoadLocation(tc.zone)
			if err != nil {
				t.Fatal(err)
			}
			user := "UW" + strings.ReplaceAll(tc.name, " ", "")
			now := time.Date(2026, 12, 1, 12, 0, 0, 0, loc)
			p := supervision.Profile{UserID: user, Role: supervision.LinkWorker, TimeZone: tc.zone, Reminders: true,
				ReminderDay: tc.day, ReminderTime: "09:30", LeadDays: tc.lead, Created: now, Updated: now}
			if err := db.SaveProfile(ctx, p); err != nil {
				t.Fatal(err)
			}
			session := time.Date(2026, 11, 30, 0, 0, 0, 0, loc)
			if err := db.AddSession(ctx, supervision.Session{ID: "s-" + user, UserID: user, Date: session, Type: supervision.Clinical, LoggedBy: user, LoggedAt: now}); err != nil {
				t.Fatal(err)
			}
			it := scheduler.Item{ID: scheduler.SupervisionID(user), Kind: scheduler.KindSupervision, Owner: user, To: user}
			at, ok, err := sr.Plan(ctx, it, now)
			if err != nil || !ok {
				t.Fatalf("Plan = %v, %v, %v, want a reminder", at, ok, err)
			}
			if got := at.In(loc).Format("2006-01-02 15:04 Mon"); !strings.HasPrefix(got, tc.want) {
				t.Errorf("the reminder is planned for %s (%s), want %s", got, tc.zone, tc.want)
			}
			if _, send, err := sr.Compose(ctx, it, at); err != nil || !send {
				t.Errorf("Compose at the planned time = %v, %v, want it sent", send, err)
			}
		})
	}
}
