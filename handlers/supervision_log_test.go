package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/supervision"
)

func TestSupervisionLogFormats(t *testing.T) {
	tests := []struct {
		args    string
		date    time.Time
		typ     supervision.SessionType
		minutes int
	}{
		// Nothing at all asks instead: TestSupervisionLogBareAsksWhereNoFormOpens.
		{"today", day(2026, 11, 20), supervision.Clinical, 0},
		{"yesterday clinical 60", day(2026, 11, 19), supervision.Clinical, 60},
		{"12 Nov group 90 mins", day(2026, 11, 12), supervision.Group, 90},
		{"peer 45m last tuesday", day(2026, 11, 17), supervision.Peer, 45},
		{"20/11/2026 line-management 1h30", day(2026, 11, 20), supervision.LineManagement, 90},
		{"coaching 3 days ago", day(2026, 11, 17), supervision.CoachingSup, 0},
		{"group supervision on monday for an hour", day(2026, 11, 16), supervision.Group, 60},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			e := newSupEnv(t)
			e.people()
			r := e.run(sam, "log "+tt.args)
			ss := e.sessions(sam)
			if len(ss) != 1 {
				t.Fatalf("log %s: %d sessions stored, want 1 (reply %q)", tt.args, len(ss), r.Text)
			}
			s := ss[0]
			if !s.Date.Equal(tt.date) || s.Type != tt.typ || s.Minutes != tt.minutes {
				t.Errorf("log %s = %s %s %d, want %s %s %d", tt.args, s.Date.Format(time.DateOnly), s.Type, s.Minutes, tt.date.Format(time.DateOnly), tt.typ, tt.minutes)
			}
			if s.LoggedBy != sam || s.UserID != sam || s.WithID != "" || s.Confirmation != supervision.NoConfirmation {
				t.Errorf("log %s stored %+v, want Sam's own, needing no confirmation", tt.args, s)
			}
			wantContains(t, "reply", r.Text, "Logged: ", tt.date.Format("Mon 2 Jan 2006"))
			if tt.typ == supervision.Clinical || tt.typ == supervision.Group {
				wantContains(t, "reply", r.Text, "On track")
			} else {
				wantContains(t, "reply", r.Text, "doesn't count toward clinical supervision")
			}
			if b, ok := button(r, "Undo"); !ok || b.Args != "undo" {
				t.Errorf("reply buttons %+v, want Undo", r.Buttons)
			}
			if len(r.Messages) != 0 {
				t.Errorf("messages %+v, want none when nobody was named", r.Messages)
			}
			if !refreshes(r, sam) {
				t.Errorf("RefreshHome = %v, want Sam", r.RefreshHome)
			}
		})
	}
}

func TestSupervisionLogRefusals(t *testing.T) {
	tests := []struct {
		name, args string
		want       string
	}{
		{"future", "tomorrow clinical", "future"},
		{"too long", "today clinical 9h", "8 hours"},
		{"before 2019", "1 Jan 2019 clinical", "1 July 2019"},
		{"NHS number spaced", "today clinical " + nhsSpaced, "That looks like an NHS number. I don't keep patient details, so I haven't saved anything. Please leave it out."},
		{"NHS number dashed", "today " + nhsDashed + " clinical", "That looks like an NHS number."},
		{"NHS number joined", "today clinical 9434765919", "That looks like an NHS number."},
		{"with myself", "today clinical with <@U01SAM>", "yourself"},
		{"nonsense", "today banana", "banana"},
		{"two people", "today clinical with <@U02GP> with <@U04KIM>", "one person at a time"},
		{"nobody after with", "today clinical with", "Who was the session with?"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newSupEnv(t)
			e.people()
			r := e.run(sam, "log "+tt.args)
			wantContains(t, "log "+tt.args, r.Text, tt.want)
			if ss := e.sessions(sam); len(ss) != 0 {
				t.Errorf("log %s stored %+v, want nothing", tt.args, ss)
			}
			if len(r.Messages)+len(r.RefreshHome) != 0 {
				t.Errorf("log %s: messages %v, refresh %v; want none", tt.args, r.Messages, r.RefreshHome)
			}
		})
	}
}

func TestSupervisionNHSNumberRefusedEverywhere(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	for _, args := range []string{"leave " + nhsSpaced, "history " + nhsDashed, "standards " + nhsSpaced, "setup pcn=" + nhsSpaced, nhsDashed} {
		r := e.run(sam, args)
		wantContains(t, "/supervision "+args, r.Text, "That looks like an NHS number")
		wantNotContains(t, "/supervision "+args, all(r), "943")
	}
	if ss := e.sessions(sam); len(ss) != 0 {
		t.Errorf("stored %+v, want nothing", ss)
	}
	leaves, _ := e.st.Leaves(context.Background(), sam)
	if len(leaves) != 0 {
		t.Errorf("stored leave %+v, want none", leaves)
	}
}

func TestSupervisionLogNeedsProfile(t *testing.T) {
	e := newSupEnv(t)
	r := e.run(kim, "log today clinical")
	if b, ok := button(r, "Set up"); !ok || b.Args != "setup" {
		t.Errorf("log without a profile: buttons %+v, want Set up", r.Buttons)
	}
	if ss := e.sessions(kim); len(ss) != 0 {
		t.Errorf("stored %+v without a profile", ss)
	}
}

func TestSupervisionLogForm(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	r := e.click(sam, "log")
	if r.Form == nil || r.Form.ID != "supervision.log" {
		t.Fatalf("/supervision log from Slack: form %+v, want supervision.log", r.Form)
	}
	initial := map[string]string{}
	for _, in := range r.Form.Fields {
		initial[in.ID] = in.Initial
	}
	if initial["date"] != "2026-11-20" || initial["type"] != "clinical" || initial["with"] != gp {
		t.Errorf("log form starts with %v, want today, clinical, with the GP", initial)
	}
	wantContains(t, "text behind the form", r.Text, "/supervision log yesterday clinical")

	bad := e.submit(sam, "supervision.log", map[string]string{"date": "2026-11-21", "type": "clinical", "with": gp, "minutes": "60"})
	if bad.Errors["date"] == "" {
		t.Errorf("future date: errors %v, want one on date", bad.Errors)
	}
	long := e.submit(sam, "supervision.log", map[string]string{"date": "2026-11-20", "type": "clinical", "with": "", "minutes": "600"})
	if long.Errors["minutes"] == "" {
		t.Errorf("600 minutes: errors %v, want one on minutes", long.Errors)
	}
	self := e.submit(sam, "supervision.log", map[string]string{"date": "2026-11-20", "type": "clinical", "with": sam})
	if self.Errors["with"] == "" {
		t.Errorf("with myself: errors %v, want one on with", self.Errors)
	}
	if ss := e.sessions(sam); len(ss) != 0 {
		t.Fatalf("stored %+v after refused forms", ss)
	}

	ok := e.submit(sam, "supervision.log", map[string]string{"date": "2026-11-19", "type": "group", "with": gp, "minutes": "90"})
	if len(ok.Errors) > 0 {
		t.Fatalf("valid log form: errors %v", ok.Errors)
	}
	ss := e.sessions(sam)
	if len(ss) != 1 || ss[0].Type != supervision.Group || ss[0].Minutes != 90 || ss[0].WithID != gp || ss[0].Confirmation != supervision.Awaiting {
		t.Fatalf("stored %+v, want a group session with the GP awaiting confirmation", ss)
	}
	if len(ok.Reply.Messages) != 1 || ok.Reply.Messages[0].To != gp {
		t.Errorf("messages %+v, want one to the GP", ok.Reply.Messages)
	}
}

// A supervisor, such as a GP, need not set up a profile of their own to
// log a session for someone who names them; anyone else is still guided to
// set up first.
func TestSupervisionSupervisorWithoutProfileLogsForSupervisee(t *testing.T) {
	e := newSupEnv(t)
	e.saveProfile(supervision.Profile{UserID: sam, Role: supervision.Coach, PCN: "Central", SupervisorID: gp, TimeZone: "Europe/London"})

	r := e.run(gp, "log yesterday with @U01SAM 45m")
	wantContains(t, "log reply", r.Text, "Logged for <@U01SAM>")
	ss := e.sessions(sam)
	if len(ss) != 1 || ss[0].LoggedBy != gp || ss[0].Type != supervision.DefaultStandards().For(supervision.Coach, "").Kinds[0].Type {
		t.Fatalf("Sam's record: %+v, want one session logged by the GP of the coach's default type", ss)
	}
	if _, ok := e.profile(gp); ok {
		t.Error("logging for a supervisee created a profile for the GP")
	}
	wantContains(t, "a stranger", e.run(kim, "log yesterday with @U01SAM 45m").Text, "set up your supervision profile")
	if n := len(e.sessions(sam)); n != 1 {
		t.Errorf("a stranger's log reached Sam's record: %d sessions", n)
	}
}

// A supervisor with no profile of their own who logs a future date for a
// supervisee is told about the date, as the supervisee would be for their
// own log, not asked to set up a profile.
func TestSupervisionSupervisorWithoutProfileFutureDate(t *testing.T) {
	e := newSupEnv(t)
	e.saveProfile(supervision.Profile{UserID: sam, Role: supervision.LinkWorker, PCN: "Central", SupervisorID: gp, TimeZone: "Europe/London"})

	got := all(e.run(gp, "log for @U01SAM tomorrow clinical 60"))
	wantContains(t, "supervisor's future log", got, "I can't log a session in the future: 21 Nov 2026 hasn't happened yet.")
	wantNotContains(t, "supervisor's future log", got, "set up")
	if own := all(e.run(sam, "log tomorrow clinical 60")); got != own {
		t.Errorf("the supervisor reads %q, want what Sam reads for his own future date, %q", got, own)
	}
	if n := len(e.sessions(sam)); n != 0 {
		t.Errorf("a future session reached Sam's record: %d sessions", n)
	}
	wantContains(t, "a stranger's future log", e.run(kim, "log for @U01SAM tomorrow clinical 60").Text, "set up your supervision profile")
}

func TestSupervisionUndo(t *testing.T) {
	t.Run("within a day", func(t *testing.T) {
		e := newSupEnv(t)
		e.people()
		e.run(sam, "log yesterday clinical")
		e.clock.Add(time.Minute)
		e.run(sam, "log today group with @U02GP")
		e.clock.Add(23 * time.Hour)
		r := e.run(sam, "undo")
		wantContains(t, "undo", r.Text, "taken back", "group")
		ss := e.sessions(sam)
		if len(ss) != 1 || ss[0].Type != supervision.Clinical {
			t.Errorf("after undo: %+v, want only the clinical session", ss)
		}
		if len(r.Messages) != 1 || r.Messages[0].To != gp {
			t.Errorf("messages %+v, want a note to the GP, who was asked to confirm", r.Messages)
		}
		if !refreshes(r, sam, gp) {
			t.Errorf("RefreshHome = %v", r.RefreshHome)
		}
		again := e.run(sam, "undo")
		wantContains(t, "second undo", again.Text, "taken back", "clinical")
		if len(again.Messages) != 0 {
			t.Errorf("undoing a session with nobody sent %+v", again.Messages)
		}
		wantContains(t, "third undo", e.run(sam, "undo").Text, "nothing to undo")
	})
	t.Run("after a day", func(t *testing.T) {
		e := newSupEnv(t)
		e.people()
		e.run(sam, "log today clinical")
		e.clock.Add(25 * time.Hour)
		r := e.run(sam, "undo")
		wantContains(t, "undo", r.Text, "more than a day ago")
		if ss := e.sessions(sam); len(ss) != 1 {
			t.Errorf("after a refused undo: %+v, want the session kept", ss)
		}
	})
	t.Run("a supervisor's log for a supervisee", func(t *testing.T) {
		e := newSupEnv(t)
		e.people()
		e.addSession(sam, day(2026, 11, 2), supervision.Clinical) // Sam's own, logged earlier
		e.run(gp, "log today clinical with @U01SAM")
		e.clock.Add(time.Hour)
		r := e.run(gp, "undo")
		wantContains(t, "undo", r.Text, "taken back")
		ss := e.sessions(sam)
		if len(ss) != 1 || !ss[0].Date.Equal(day(2026, 11, 2)) {
			t.Errorf("Sam's record after the GP's undo: %+v, want Sam's own session only", ss)
		}
		if len(r.Messages) != 1 || r.Messages[0].To != sam {
			t.Errorf("messages %+v, want a note to Sam", r.Messages)
		}
		// Sam cannot undo the GP's log of a session, only their own.
		e.run(gp, "log today clinical with @U01SAM")
		wantContains(t, "Sam's undo", e.run(sam, "undo").Text, "more than a day ago")
		if n := len(e.sessions(sam)); n != 2 {
			t.Errorf("Sam's undo took back the GP's log: %d sessions left, want 2", n)
		}
	})
}

func TestSupervisionHistory(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	for i := 1; i <= 12; i++ {
		e.addSession(sam, day(2026, 10, i), supervision.Clinical, func(s *supervision.Session) { s.Minutes = 30 + i })
	}
	e.addSession(ali, day(2026, 11, 3), supervision.CoachingSup)

	lines := func(r handlers.Reply) int {
		n := 0
		for _, s := range r.Sections {
			n += strings.Count(s.Text, "- **")
		}
		return n
	}
	tests := []struct {
		args  string
		lines int
		want  string
	}{
		{"history", 10, "Mon 12 Oct 2026 · clinical · 42 min"},
		{"history 3", 3, "Your last 3 sessions, newest first"},
		{"history 1", 1, "Your last session"},
		{"history 50", 12, "Thu 1 Oct 2026"},
		{"history 500", 12, "at most 50"},
		{"history all", 12, "Thu 1 Oct 2026"},
		{"history ALL", 12, "Your last 12 sessions"},
		{"history 0", 0, "from 1 to 50"},
		{"history lots", 0, "from 1 to 50"},
		{"history @U03ALI", 0, "only show you your own"},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			r := e.run(sam, tt.args)
			if got := lines(r); got != tt.lines {
				t.Errorf("/supervision %s: %d lines, want %d", tt.args, got, tt.lines)
			}
			wantContains(t, tt.args, all(r), tt.want)
			wantNotContains(t, tt.args, all(r), "coaching")
		})
	}
	first := e.run(sam, "history 3").Sections[0].Text
	if !strings.HasPrefix(first, "- **Mon 12 Oct 2026**") {
		t.Errorf("history starts %q, want the newest first", first)
	}
	// The GP supervises Sam but sees only their own record here.
	wantContains(t, "GP's history", all(e.run(gp, "history")), "You haven't logged any sessions yet")
	wantNotContains(t, "Ali's history", all(e.run(ali, "history")), "Oct 2026")
}

// In the console, or anywhere no form can open, "/supervision log" with
// nothing after it says what to type and logs nothing, and so does the
// "Log a session" button under the status, which runs the same.
func TestSupervisionLogBareAsksWhereNoFormOpens(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	r := e.run(sam, "log")
	wantContains(t, "/supervision log in the console", all(r), "To log a session, type", "/supervision log yesterday clinical")
	wantNotContains(t, "/supervision log in the console", all(r), "Logged")
	if ss := e.sessions(sam); len(ss) != 0 {
		t.Fatalf("/supervision log with nothing after it logged %+v, want nothing", ss)
	}
	b, ok := button(e.run(sam, ""), "Log a session")
	if !ok {
		t.Fatal("the status has no Log a session button")
	}
	wantContains(t, "the status's Log a session", all(e.run(sam, b.Args)), "To log a session, type")
	if ss := e.sessions(sam); len(ss) != 0 {
		t.Fatalf("the status's Log a session button logged %+v, want nothing", ss)
	}
	if r := e.click(sam, "log"); r.Form == nil {
		t.Error("/supervision log from Slack opened no form")
	}
}

// A person named without a user id, as the console takes "with @sam", is
// asked for a user id, not told to mention them as they just did; nothing
// is logged.
func TestSupervisionLogWithSomeoneByNameAsksForID(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	got := all(e.run(sam, "log yesterday clinical with @sam 60"))
	wantContains(t, "log with @sam", got, "Slack user id", "with @U0123ABCD")
	wantNotContains(t, "log with @sam", got, "like with @sam", "Logged")
	if ss := e.sessions(sam); len(ss) != 0 {
		t.Fatalf("log with @sam logged %+v, want nothing", ss)
	}
}

// A slip in a word the log knows is read as the word meant, and the reply
// says so, so nothing is logged on a guess the person cannot see.
func TestSupervisionLogSaysWhatItCorrected(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	r := e.run(sam, "log yestrday clincal 60")
	ss := e.sessions(sam)
	if len(ss) != 1 || !ss[0].Date.Equal(day(2026, 11, 19)) || ss[0].Type != supervision.Clinical || ss[0].Minutes != 60 {
		t.Fatalf("log yestrday clincal 60 stored %+v (reply %q), want one clinical session yesterday of 60 minutes", ss, r.Text)
	}
	wantContains(t, "reply", handlers.Unmarked(r.Text), "I read “yestrday” as “yesterday” and “clincal” as “clinical”.", "Logged: ")
	if r := e.run(ali, "log yesterday clinical 60"); strings.Contains(r.Text, "I read") {
		t.Errorf("a log with no slip says %q, want no correction", r.Text)
	}
}

// TestSupervisionLogWithMySupervisor: "with my supervisor" is the
// supervisor the profile names, asked to confirm as a mention would be;
// with none named, the person is told how to name them and nothing is
// logged.
func TestSupervisionLogWithMySupervisor(t *testing.T) {
	e := newSupEnv(t)
	e.people() // Sam's supervisor is the GP
	r := e.run(sam, "log yesterday clinical with my supervisor 1h")
	wantContains(t, "with my supervisor", r.Text, "with <@U02GP>", "asked them to confirm")
	if len(r.Messages) != 1 || r.Messages[0].To != gp {
		t.Errorf("messages %+v, want one to the GP", r.Messages)
	}
	e.saveProfile(supervision.Profile{UserID: kim, Role: supervision.LinkWorker})
	none := e.run(kim, "log yesterday with my supervisor")
	wantContains(t, "no supervisor", none.Text, "You haven't named your supervisor yet", "setup supervisor=@name")
	if ss := e.sessions(kim); len(ss) != 0 {
		t.Errorf("logged %+v with no supervisor named, want nothing", ss)
	}
}
