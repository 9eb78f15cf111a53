package handlers_test

import (
	"context"
	"testing"
	"time"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/supervision"
)

// A reminder whose day falls at a weekend is shown (and sent) on the
// Friday before, unless the person chose that weekend day themselves.
func TestSupervisionRemindNotAtWeekends(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.addSession(sam, day(2026, 11, 15), supervision.Clinical) // due Tue 15 Dec; three days before is Sat 12 Dec

	got := all(e.run(sam, "remind"))
	wantContains(t, "remind", got, "Next reminder: Fri 11 Dec 2026 at 09:30 (Europe/London), by direct message.")
	wantNotContains(t, "remind", got, "Sat 12 Dec")

	got = all(e.run(sam, "remind on saturday anyway"))
	wantContains(t, "remind on saturday anyway", got, "Next reminder: Sat 12 Dec 2026 at 09:30 (Europe/London), by direct message.")
	if p, _ := e.profile(sam); p.ReminderDay != time.Saturday {
		t.Errorf("reminder day = %v, want Saturday", p.ReminderDay)
	}
}

// supQueue is a reminder queue that holds what was planned before: the
// bot plans again (a reply's Reschedule) only after the reply is drawn.
type supQueue struct {
	due     time.Time
	snoozed bool
}

func (q *supQueue) Remind(context.Context, string) (time.Time, bool, error) { return q.due, true, nil }
func (q *supQueue) Snooze(_ context.Context, _ string, until time.Time) error {
	q.due, q.snoozed = until, true
	return nil
}
func (q *supQueue) Skip(context.Context, string) error { return handlers.ErrNoReminder }
func (q *supQueue) Next(context.Context, string) (time.Time, bool, bool, error) {
	return q.due, q.snoozed, !q.due.IsZero(), nil
}

// newSupEnvQueue is newSupEnv with a reminder queue.
func newSupEnvQueue(t *testing.T, q handlers.Reminders) *supEnv {
	e := newSupEnv(t)
	e.h = handlers.NewSupervision(handlers.SupervisionOptions{
		Profiles: e.st, Sessions: e.st, Standards: supervision.DefaultStandards(),
		Directory: supDirectory{}, Now: e.clock.Now, DefaultZone: london, Reminders: q,
	})
	e.tbl = supTable(t, e.h)
	return e
}

// After a change to the reminder settings, the reply shows the plan as it
// is after the change (the change plans the reminder again), not the one
// still queued from before it, and never says a reminder was skipped.
func TestSupervisionRemindChangeShowsTheNewPlan(t *testing.T) {
	at := func(d, h, m int) time.Time { return time.Date(2026, 12, d, h, m, 0, 0, london) }
	q := &supQueue{due: at(7, 9, 30)} // planned before: three days before Thu 10 Dec, at 09:30
	e := newSupEnvQueue(t, q)
	e.people()
	e.addSession(sam, day(2026, 11, 10), supervision.Clinical)

	r := e.run(sam, "remind at 9am")
	got := all(r)
	wantContains(t, "remind at 9am", got,
		"Reminders come at 09:00. Next reminder: Mon 7 Dec 2026 at 09:00 (Europe/London), by direct message.")
	wantNotContains(t, "remind at 9am", got, "skipped", "09:30 (Europe/London), by")
	if len(r.Reschedule) != 1 || r.Reschedule[0] != sam {
		t.Errorf("remind at 9am: Reschedule = %v, want the reminder planned again", r.Reschedule)
	}

	got = all(e.run(sam, "remind days-before 5")) // Sat 5 Dec: the Friday before
	wantContains(t, "remind days-before 5", got,
		"Your first reminder comes 5 days before a session is due. Next reminder: Fri 4 Dec 2026 at 09:00 (Europe/London), by direct message.")
	wantNotContains(t, "remind days-before 5", got, "skipped", "7 Dec")

	// Asked with no change, a snoozed one still shows as queued.
	q.due, q.snoozed = at(9, 9, 0), true
	wantContains(t, "remind after a snooze", all(e.run(sam, "remind")),
		"Next reminder: Wed 9 Dec 2026 at 09:00 (Europe/London), by direct message: you snoozed it.")
}

// Turning reminders off says so once.
func TestSupervisionRemindOffSaysItOnce(t *testing.T) {
	e := newSupEnvQueue(t, &supQueue{})
	e.people()
	e.addSession(sam, day(2026, 11, 10), supervision.Clinical)
	r := e.run(sam, "remind off")
	if r.Text != "Reminders are off." {
		t.Errorf("remind off = %q, want %q", r.Text, "Reminders are off.")
	}
	if r := e.run(sam, "remind"); r.Text != "Reminders are off." {
		t.Errorf("remind when off = %q, want %q", r.Text, "Reminders are off.")
	}
	wantContains(t, "days-before when off", e.run(sam, "remind days-before 5").Text,
		"Your first reminder comes 5 days before a session is due. Reminders are off, so none is planned.")
}

// TestSupervisionSnoozeInWords: a snooze said as people say it, "a week"
// as the reminder's own button does, puts the reminder off that long; a
// length that is not one is refused and puts nothing off.
func TestSupervisionSnoozeInWords(t *testing.T) {
	for in, days := range map[string]int{
		"7": 7, "7 days": 7, "7d": 7, "a week": 7, "1 week": 7, "for a week": 7, "2 weeks": 14,
		"a fortnight": 14, "3 Days": 3, "2w": 14, "tomorrow": 1, "a month": 0, "5 weeks": 0, "soon": 0,
	} {
		q := &supQueue{}
		e := newSupEnvQueue(t, q)
		e.people()
		got := all(e.run(sam, "snooze "+in))
		if days == 0 {
			wantContains(t, "snooze "+in, got, "You can snooze your reminder for 1 to 28 days")
			if !q.due.IsZero() {
				t.Errorf("snooze %s put the reminder off to %v, want nothing changed", in, q.due)
			}
			continue
		}
		if want := time.Date(2026, 11, 20+days, 9, 30, 0, 0, london); !q.due.Equal(want) {
			t.Errorf("snooze %s: reminder at %v (reply %q), want %v", in, q.due, got, want)
		}
	}
}

// TestSupervisionRemindWithoutTheSettingsWord: a time, a weekday or days
// ahead typed without "at", "on" or "days-before" is the setting it is,
// refused as that setting is when it would be (a time at night); a word
// that is none of them is still not known.
func TestSupervisionRemindWithoutTheSettingsWord(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	wantContains(t, "remind 9am", all(e.run(sam, "remind 9am")), "Reminders come at 09:00.")
	wantContains(t, "remind fridays", all(e.run(sam, "remind fridays")), "Reminders while a session is overdue come on Fridays.")
	wantContains(t, "remind thurs", all(e.run(sam, "remind thurs")), "come on Thursdays.")
	wantContains(t, "remind days before 4", all(e.run(sam, "remind days before 4")), "Your first reminder comes 4 days before")
	wantContains(t, "remind 5 days before", all(e.run(sam, "remind 5 days before")), "Your first reminder comes 5 days before")
	wantContains(t, "remind 9pm", all(e.run(sam, "remind 9pm")), "21:00 is outside the working day")
	wantContains(t, "remind loudly", all(e.run(sam, "remind loudly")), `I don't know the reminder setting "loudly"`)
	p, _ := e.profile(sam)
	if p.ReminderTime != "09:00" || p.ReminderDay != time.Thursday || p.LeadDays != 5 {
		t.Errorf("profile after: time %q, day %v, days before %d; want 09:00, Thursday, 5", p.ReminderTime, p.ReminderDay, p.LeadDays)
	}
}

// A care coordinator, whose role has no recommended frequency, with
// reminders on is told why no reminder is planned, not only that none is.
func TestSupervisionRemindNoFrequencySaysWhy(t *testing.T) {
	e := newSupEnv(t)
	e.saveProfile(supervision.Profile{UserID: kim, Role: supervision.Coordinator, PCN: "West", Reminders: true})
	for _, args := range []string{"remind", "remind on"} {
		got := all(e.run(kim, args))
		wantContains(t, args, got, "no recommended frequency for your role here yet", "supervisor or training hub")
	}
	wantContains(t, "App Home", all(e.home(kim)), "no recommended frequency for your role here yet")
}

// TestSupervisionRemindCadence: personal reminders follow the due date
// (days before, the day, then each week while overdue), not a cadence. A
// person asking for them every 2 weeks or fortnightly is told how they
// come and what they can change, and nothing changes; "every friday" is
// the weekday of the reminders while overdue.
func TestSupervisionRemindCadence(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	before, _, _ := e.st.Profile(context.Background(), sam)
	for _, typed := range []string{"remind every 2 weeks", "remind fortnightly", "remind every other week", "remind biweekly", "remind every fortnight", "remind weekly"} {
		r := e.run(sam, typed)
		wantContains(t, typed, all(r), "follow the date your next session is due", "every week while it is overdue", "snooze 14", "Nothing was changed")
		wantNotContains(t, typed, all(r), "I don't know the reminder setting")
		if len(r.Reschedule) != 0 {
			t.Errorf("%s: Reschedule = %v, want nothing planned again", typed, r.Reschedule)
		}
	}
	if after, _, _ := e.st.Profile(context.Background(), sam); after.ReminderDay != before.ReminderDay || after.LeadDays != before.LeadDays || after.Reminders != before.Reminders {
		t.Errorf("asking for a cadence changed the profile: %+v, was %+v", after, before)
	}
	wantContains(t, "remind every friday", all(e.run(sam, "remind every friday")), "Reminders while a session is overdue come on Fridays.")
	if p, _, _ := e.st.Profile(context.Background(), sam); p.ReminderDay != time.Friday {
		t.Errorf("reminder day = %v, want Friday", p.ReminderDay)
	}
}
