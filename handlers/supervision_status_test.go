package handlers_test

import (
	"testing"

	"github.com/peerbot/peerbot/supervision"
)

func TestSupervisionStatus(t *testing.T) {
	tests := []struct {
		name  string
		user  string
		setup func(e *supEnv)
		wants []string
		nots  []string
	}{
		{name: "no profile", user: kim, wants: []string{"setting up", "Set up: type /supervision setup", "/supervision setup role=splw"}},
		{name: "nothing logged", user: sam, wants: []string{"No clinical supervision logged yet", "Clinical supervision, every month", "None logged yet"}},
		{name: "on track", user: sam,
			setup: func(e *supEnv) { e.addSession(sam, day(2026, 11, 10), supervision.Clinical) },
			wants: []string{"On track", "Thu 10 Dec 2026 (in 20 days)", "Tue 10 Nov 2026", "clinical"}},
		{name: "due soon", user: sam,
			setup: func(e *supEnv) { e.addSession(sam, day(2026, 10, 25), supervision.Group) },
			wants: []string{"Due soon", "Wed 25 Nov 2026 (in 5 days)", "group"}},
		{name: "overdue", user: sam,
			setup: func(e *supEnv) { e.addSession(sam, day(2026, 10, 1), supervision.Clinical) },
			wants: []string{"Overdue", "Sun 1 Nov 2026 (19 days overdue)"}},
		{name: "on leave", user: sam,
			setup: func(e *supEnv) {
				e.addSession(sam, day(2026, 10, 1), supervision.Clinical)
				e.addLeave(sam, day(2026, 10, 25), day(2026, 11, 25))
			},
			wants: []string{"On leave until Wed 25 Nov 2026", "clock is paused", "Thu 3 Dec 2026"}},
		{name: "awaiting confirmation", user: sam,
			setup: func(e *supEnv) {
				e.addSession(sam, day(2026, 11, 18), supervision.Clinical, func(s *supervision.Session) {
					s.WithID, s.Confirmation, s.Minutes = gp, supervision.Awaiting, 60
				})
			},
			wants: []string{"Wed 18 Nov 2026 · clinical · 60 min · with @U02GP · awaiting confirmation", "Awaiting confirmation: 1 session"}},
		{name: "confirmed", user: sam,
			setup: func(e *supEnv) {
				e.addSession(sam, day(2026, 11, 18), supervision.Clinical, func(s *supervision.Session) {
					s.WithID, s.Confirmation = gp, supervision.Confirmed
				})
			},
			wants: []string{"with @U02GP · confirmed"}, nots: []string{"Awaiting"}},
		{name: "disputed does not count", user: sam,
			setup: func(e *supEnv) {
				e.addSession(sam, day(2026, 11, 18), supervision.Clinical, func(s *supervision.Session) {
					s.WithID, s.Confirmation = gp, supervision.Disputed
				})
			},
			wants: []string{"No clinical supervision that counts yet", "disputed (so it doesn't count)"}, nots: []string{"None logged yet"}},
		{name: "no known frequency", user: kim,
			setup: func(e *supEnv) {
				e.saveProfile(supervision.Profile{UserID: kim, Role: supervision.Coordinator, PCN: "West"})
			},
			wants: []string{"no recommended frequency found in the sources — ask your supervisor / training hub"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newSupEnv(t)
			e.people()
			if tt.setup != nil {
				tt.setup(e)
			}
			r := e.run(tt.user, "")
			got := all(r)
			wantContains(t, "/supervision", got, tt.wants...)
			wantNotContains(t, "/supervision", got, tt.nots...)
			if status := all(e.run(tt.user, "status")); status != got {
				t.Errorf("/supervision status differs from /supervision:\n%s\n---\n%s", status, got)
			}
			if tt.user == sam {
				for _, label := range []string{"Log a session", "History", "Standards"} {
					if _, ok := button(r, label); !ok {
						t.Errorf("no %q button", label)
					}
				}
			}
		})
	}
}
