package handlers_test

import (
	"testing"

	"github.com/peerbot/peerbot/supervision"
)

func TestSupervisionTeam(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.addSession(sam, day(2026, 10, 1), supervision.Clinical, func(s *supervision.Session) { s.Minutes = 60 })
	e.addSession(kim, day(2026, 11, 1), supervision.Clinical) // Kim has no supervisor

	r := e.run(gp, "team")
	got := all(r)
	wantContains(t, "team", got,
		"@U01SAM (SPLW) · last: Thu 1 Oct 2026, clinical · due by Sun 1 Nov 2026 · overdue",
		"@U03ALI (HWBC) · nothing logged that counts\n",
		"2 people name you as their supervisor: 1 overdue, 1 with nothing logged that counts yet.",
		"dates and types only")
	wantNotContains(t, "team", got, "U04KIM", "60 min")

	for _, who := range []string{kim, sam} {
		wantContains(t, who+"'s team", e.run(who, "team").Text, "Nobody has named you as their supervisor yet")
	}

	// Sam names Kim instead: the GP no longer sees Sam.
	e.run(sam, "setup supervisor=@U04KIM")
	wantNotContains(t, "team after Sam moved", all(e.run(gp, "team")), "U01SAM")
	wantContains(t, "Kim's team", all(e.run(kim, "team")), "@U01SAM")
}

// A supervisee on leave shows in the team view with the day their leave
// ends written as dates are everywhere else.
func TestSupervisionTeamOnLeave(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.addSession(sam, day(2026, 10, 1), supervision.Clinical)
	wantContains(t, "leave", e.run(sam, "leave 18 Nov to 11 Dec").Text, "Saved your leave")
	got := all(e.run(gp, "team"))
	wantContains(t, "team", got, "on leave until Fri 11 Dec 2026")
	wantNotContains(t, "team", got, "fri 11 dec")
}

// A supervisor asking after one person by name ("status @sam") is pointed
// to the team view, not told the name is an unknown command; and sees
// nothing of that person's record there.
func TestSupervisionStatusOfSomeoneElse(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.addSession(sam, day(2026, 11, 10), supervision.Clinical)
	for _, args := range []string{"status @U01SAM", "status <@U01SAM|sam>", "<@U01SAM>"} {
		got := all(e.run(gp, args))
		wantContains(t, args, got, "I can only show you your own status", "supervision team")
		wantNotContains(t, args, got, "Sorry, I don't know", "10 Nov")
	}
	wantContains(t, "status please", all(e.run(gp, "status please")), "Your supervision")
}
