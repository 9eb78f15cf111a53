package handlers_test

import (
	"testing"
	"time"

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
