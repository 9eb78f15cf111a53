package supervision

import (
	"testing"
	"time"
)

// TestNextReminderFollowsLeadDays checks that the first reminder comes as
// many days ahead as the person chose, the default when they chose none.
func TestNextReminderFollowsLeadDays(t *testing.T) {
	due := Status{State: DueSoon, Due: day(2026, 12, 1)}
	at930 := func(d int) time.Time { return time.Date(2026, 11, d, 9, 30, 0, 0, london) }
	for _, tc := range []struct {
		lead int
		want time.Time
	}{
		{0, at930(27)}, // the default, ReminderLeadDays: Sat 28, so the Friday before
		{5, at930(26)},
		{MaxLeadDays, at930(17)},
		{NoLeadDays, time.Date(2026, 12, 1, 9, 30, 0, 0, london)},
		{99, at930(27)}, // out of range: the default
	} {
		p := Profile{Reminders: true, ReminderDay: time.Monday, ReminderTime: "09:30", TimeZone: "Europe/London", LeadDays: tc.lead}
		got, ok := NextReminder(p, due, nil, at(2026, 11, 10, 9))
		if !ok || !got.Equal(tc.want) {
			t.Errorf("LeadDays %d: NextReminder = %v, %v, want %v", tc.lead, got, ok, tc.want)
		}
	}
}
