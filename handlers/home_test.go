package handlers_test

import (
	"testing"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/supervision"
)

func TestSupervisionHome(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.addSession(sam, day(2026, 11, 10), supervision.Clinical)

	welcome := e.home(kim)
	wantContains(t, "Kim's home", all(welcome), "Welcome", "Set up")
	if b, ok := button(welcome, "Set up"); !ok || b.Command != "supervision" || b.Args != "setup" {
		t.Errorf("welcome buttons %+v, want Set up", welcome.Buttons)
	}

	home := e.home(sam)
	got := all(home)
	if home.Header != "Your supervision" {
		t.Errorf("header %q", home.Header)
	}
	wantContains(t, "Sam's home", got,
		"Social prescribing link worker (SPLW)", "Central", "Gateshead", "@U02GP", "On, Mondays at 09:30 (Europe/London)",
		"On track", "Thu 10 Dec 2026 (in 20 days)",
		"Mon 7 Dec 2026 at 09:30 (Europe/London)")
	wantNotContains(t, "Sam's home", got, "People you supervise", "Your leave")

	// Leave now or to come is listed, with how to take it back; leave that
	// has ended is not.
	e.addLeave(sam, day(2026, 11, 2), day(2026, 11, 6))
	e.addLeave(sam, day(2026, 12, 21), day(2026, 12, 24))
	withLeave := all(e.home(sam))
	wantContains(t, "Sam's home with leave", withLeave, "Your leave", "Mon 21 Dec 2026 to Thu 24 Dec 2026", "supervision leave cancel 21 Dec")
	wantNotContains(t, "Sam's home with leave", withLeave, "Mon 2 Nov 2026")
	for label, args := range map[string]string{"Log a session": "log", "Set up": "setup", "Pause for leave": "leave"} {
		if b, ok := button(home, label); !ok || b.Command != "supervision" || b.Args != args {
			t.Errorf("button %q = %+v, want supervision %s", label, b, args)
		}
	}

	gpHome := all(e.home(gp))
	wantContains(t, "GP's home", gpHome, "People you supervise", "@U01SAM", "@U03ALI", "2 people name you")

	e.run(ali, "setup reminders=off")
	wantContains(t, "Ali's home", all(e.home(ali)), "Reminders are off")

	blocks, _ := bot.Blocks(home)
	if len(blocks) > 50 {
		t.Errorf("home has %d blocks", len(blocks))
	}
}

func TestSupervisionHomeGolden(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.addSession(sam, day(2026, 10, 27), supervision.Group, func(s *supervision.Session) { s.Minutes = 90 })
	e.addSession(sam, day(2026, 11, 18), supervision.Clinical, func(s *supervision.Session) {
		s.Minutes, s.WithID, s.Confirmation = 60, gp, supervision.Awaiting
	})
	e.addSession(ali, day(2026, 10, 2), supervision.CoachingSup)

	goldenReply(t, "supervision_home", e.home(sam))
	goldenReply(t, "supervision_home_supervisor", e.home(gp))
	goldenReply(t, "supervision_home_welcome", e.home(kim))
}
