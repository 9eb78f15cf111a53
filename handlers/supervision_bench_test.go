package handlers_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/peerbot/peerbot/supervision"
)

// benchTeam stores a supervisor with n supervisees, each with years of
// monthly sessions, as a team that has used peerbot for a while would have.
func benchTeam(b *testing.B, n, years int) *supEnv {
	b.Helper()
	e := newSupEnv(b)
	e.saveProfile(supervision.Profile{UserID: gp, Role: supervision.LinkWorker, PCN: "Central"})
	for i := range n {
		user := fmt.Sprintf("U9%05d", i)
		role := supervision.LinkWorker
		if i%2 == 1 {
			role = supervision.Coach
		}
		e.saveProfile(supervision.Profile{UserID: user, Role: role, PCN: "Central", SupervisorID: gp, Reminders: true, ReminderDay: time.Monday})
		for m := range 12 * years {
			d := supNow.AddDate(0, -m-1, 0)
			e.addSession(user, day(d.Year(), d.Month(), d.Day()), supervision.Clinical, func(s *supervision.Session) { s.Minutes = 60 })
		}
	}
	return e
}

// BenchmarkSupervisionTeam is /supervision team for a supervisor of 50
// people with three years of monthly sessions each, on a real Redis,
// through the router and the handler.
func BenchmarkSupervisionTeam(b *testing.B) {
	e := benchTeam(b, 50, 3)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		e.run(gp, "team")
	}
}

// BenchmarkSupervisionStatus is /supervision status for a person with
// three years of monthly sessions.
func BenchmarkSupervisionStatus(b *testing.B) {
	e := benchTeam(b, 1, 3)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		e.run("U900000", "status")
	}
}

// BenchmarkSupervisionHome is the App Home of a supervisor of 50 people
// with three years of monthly sessions each.
func BenchmarkSupervisionHome(b *testing.B) {
	e := benchTeam(b, 50, 3)
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		e.home(gp)
	}
}
