package handlers_test

import (
	"testing"

	"github.com/peerbot/peerbot/supervision"
)

// A coach's health coaching supervision keeps its own clock: in the
// status, the App Home, the team view and the words after a log.
func TestSupervisionCoachClocks(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.addSession(ali, day(2026, 11, 10), supervision.Clinical)

	// Supervision is on track, but coaching supervision was never logged:
	// not "On track".
	got := all(e.run(ali, "status"))
	wantContains(t, "status never coached", got,
		"No health coaching supervision logged yet. Your next supervision is due by Thu 10 Dec 2026 (in 20 days).",
		"Supervision, every month: last Tue 10 Nov 2026 · clinical · next due Thu 10 Dec 2026 (in 20 days)",
		"Health coaching supervision, every month: nothing logged yet that counts",
		"Status: Nothing logged yet that counts toward health coaching supervision")
	wantNotContains(t, "status never coached", got, "On track")

	// Logging coaching counts, and says so.
	got = all(e.run(ali, "log 25 Oct coaching 90"))
	wantContains(t, "log coaching", got, "It counts toward health coaching supervision.")
	wantNotContains(t, "log coaching", got, "doesn't count")
	got = all(e.run(ali, "status"))
	wantContains(t, "status after coaching", got,
		"Due soon: your next health coaching supervision is due by Wed 25 Nov 2026 (in 5 days).",
		"Health coaching supervision, every month: last Sun 25 Oct 2026 · coaching · 90 min · next due Wed 25 Nov 2026 (in 5 days)",
		"Status: Due soon")

	// A line-management session counts toward neither.
	wantContains(t, "log line management", all(e.run(ali, "log today line-management")),
		"A line-management session doesn't count toward supervision or health coaching supervision.")

	// The App Home's next reminder is for the clock that falls first:
	// coaching. Three days before 25 Nov is Sun 22 Nov, so that reminder
	// came on Friday 20 Nov (today, gone by now); next is the due day.
	wantContains(t, "home", all(e.home(ali)),
		"Wed 25 Nov 2026 at 09:30 (Europe/London) about health coaching supervision, by direct message.",
		"Health coaching supervision, every month: last")

	// The team view follows the most pressing clock.
	wantContains(t, "team", all(e.run(gp, "team")),
		"@U03ALI (HWBC) · last: Fri 20 Nov 2026, line-management · due by Wed 25 Nov 2026 (health coaching supervision) · due soon")
}

// A coach overdue on both clocks reads that both were due, not that one
// "is due" on a day gone by.
func TestSupervisionCoachBothOverdue(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.addSession(ali, day(2026, 10, 1), supervision.Clinical)
	e.addSession(ali, day(2026, 10, 5), supervision.CoachingSup)
	got := all(e.run(ali, "status"))
	wantContains(t, "status", got, "Overdue: your next supervision was due by Sun 1 Nov 2026 (19 days overdue).",
		"Your next health coaching supervision was due by Thu 5 Nov 2026 (15 days overdue).")
	wantNotContains(t, "status", got, "is due by Thu 5 Nov 2026")
}
