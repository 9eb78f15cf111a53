package main

import (
	"strings"
	"testing"
)

// TestConsoleRemindChangeConfirmsTheNewPlan: after /supervision remind at
// or days-before, the reply shows the reminder as the engine plans it
// after the change (as a plain /supervision remind then shows it), and
// does not say one was skipped.
func TestConsoleRemindChangeConfirmsTheNewPlan(t *testing.T) {
	c := startConsole(t)
	c.typeLine(t, `/supervision setup role=splw pcn=North`, "Saved")
	c.typeLine(t, `/supervision log today clinical 60`, "Logged")
	c.typeLine(t, `/supervision remind`, "Next reminder") // queued at 09:30
	for _, line := range []string{"/supervision remind at 9am", "/supervision remind days-before 5"} {
		got := c.typeLine(t, line, "Next reminder")
		if strings.Contains(got, "skipped") {
			t.Errorf("%s says a reminder was skipped:\n%s", line, got)
		}
		changed := parseReminder(t, got)
		if changed.Format("15:04") != "09:00" {
			t.Errorf("%s shows the next reminder at %s, want 09:00", line, changed.Format("15:04"))
		}
		if shown := parseReminder(t, c.typeLine(t, "/supervision remind", "Next reminder")); !shown.Equal(changed) {
			t.Errorf("%s showed %v, but the reminder is planned for %v", line, changed, shown)
		}
	}
}
