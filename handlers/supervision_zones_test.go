package handlers_test

import (
	"testing"
	"time"

	"github.com/peerbot/peerbot/supervision"
)

var auckland = mustZone("Pacific/Auckland")

// A supervisor in Auckland logs "today" for a supervisee in London just
// before London's midnight: it is already tomorrow in Auckland, but the
// session cannot land on the supervisee's tomorrow.
func TestSupervisionLogAcrossZonesAtMidnight(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.saveProfile(supervision.Profile{UserID: gp, Role: supervision.LinkWorker, PCN: "Central", TimeZone: "Pacific/Auckland"})
	e.clock.t = time.Date(2026, 11, 20, 23, 30, 0, 0, london) // Sat 21 Nov 12:30 in Auckland
	r := e.run(gp, "log today clinical with @U01SAM")
	wantContains(t, "log for Sam", r.Text, "Logged for <@U01SAM>: a clinical session on Fri 20 Nov 2026")
	ss := e.sessions(sam)
	if len(ss) != 1 || ss[0].Date.Format(time.DateOnly) != "2026-11-20" || ss[0].Date.Location().String() != "Europe/London" {
		t.Fatalf("Sam's sessions = %+v, want one on 20 Nov in London", ss)
	}
	// "Yesterday" in Auckland is Friday 20 Nov: the date meant, kept.
	e.clock.Add(time.Minute)
	r = e.run(gp, "log yesterday group with @U01SAM")
	wantContains(t, "yesterday for Sam", r.Text, "a group session on Fri 20 Nov 2026")
}

// A supervisor with no profile types dates in their own zone (from Slack),
// not their supervisee's.
func TestSupervisionLogDatesInTheTypistsZone(t *testing.T) {
	e := newSupEnvDir(t, supDirectory{zones: map[string]string{kim: "Europe/London"}})
	e.saveProfile(supervision.Profile{UserID: sam, Role: supervision.LinkWorker, SupervisorID: kim, TimeZone: "Pacific/Auckland"})
	e.clock.t = time.Date(2026, 11, 20, 12, 0, 0, 0, london) // Sat 21 Nov 01:00 in Auckland
	r := e.run(kim, "log yesterday clinical with @U01SAM")
	wantContains(t, "log for Sam", r.Text, "a clinical session on Thu 19 Nov 2026")
	ss := e.sessions(sam)
	if len(ss) != 1 || ss[0].Date.Format(time.DateOnly) != "2026-11-19" || ss[0].Date.Location().String() != auckland.String() {
		t.Fatalf("Sam's sessions = %+v, want one on 19 Nov in Auckland", ss)
	}
}
