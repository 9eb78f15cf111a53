package handlers_test

import (
	"testing"

	"fmt"
	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/supervision"
	"strings"
	"sync"
	"time"
)

func TestSupervisionConfirmFlow(t *testing.T) {
	e := newSupEnv(t)
	e.people()

	r := e.run(sam, "log today clinical with <@U02GP|gp> 60")
	wantContains(t, "log reply", r.Text, "with <@U02GP>", "asked them to confirm")
	if !refreshes(r, sam, gp) {
		t.Errorf("RefreshHome = %v, want both", r.RefreshHome)
	}
	ss := e.sessions(sam)
	if len(ss) != 1 || ss[0].WithID != gp || ss[0].LoggedBy != sam || ss[0].Confirmation != supervision.Awaiting {
		t.Fatalf("stored %+v, want Sam's session with the GP, awaiting", ss)
	}
	id := ss[0].ID
	if len(r.Messages) != 1 || r.Messages[0].To != gp {
		t.Fatalf("messages %+v, want one to the GP", r.Messages)
	}
	ask := r.Messages[0].Reply
	confirm, ok := button(ask, "Confirm")
	if !ok || confirm.Command != "supervision" || confirm.Args != "confirm "+sam+" "+id || !confirm.Primary {
		t.Fatalf("Confirm button = %+v, want supervision confirm %s %s, primary", confirm, sam, id)
	}
	if b, ok := button(ask, "That's not right"); !ok || b.Args != "dispute "+sam+" "+id {
		t.Errorf("dispute button = %+v", b)
	}
	wantContains(t, "ask", ask.Text, "<@U01SAM>", "Fri 20 Nov 2026", "60 minutes")

	for _, who := range []string{kim, sam} {
		r := e.run(who, confirm.Args)
		wantContains(t, who+" confirming", r.Text, "That session isn't yours to confirm")
		if len(r.Messages)+len(r.RefreshHome) != 0 || r.Replace {
			t.Errorf("%s confirming: %+v, want no effects", who, r)
		}
		if got := e.sessions(sam)[0]; got.Confirmation != supervision.Awaiting {
			t.Errorf("after %s tried: %s, want still awaiting", who, got.Confirmation)
		}
	}

	done := e.run(gp, confirm.Args)
	if !done.Replace {
		t.Error("confirm reply does not replace the button message")
	}
	wantContains(t, "confirm reply", done.Text, "confirmed")
	if len(done.Messages) != 1 || done.Messages[0].To != sam {
		t.Errorf("messages %+v, want a note to Sam", done.Messages)
	}
	if !refreshes(done, sam, gp) {
		t.Errorf("RefreshHome = %v, want both", done.RefreshHome)
	}
	got := e.sessions(sam)[0]
	if got.Confirmation != supervision.Confirmed || got.AnsweredBy != gp || !got.AnsweredAt.Equal(supNow) {
		t.Errorf("after confirming: %+v", got)
	}

	again := e.run(gp, confirm.Args)
	wantContains(t, "confirm twice", again.Text, "Already confirmed")
	if len(again.Messages) != 0 {
		t.Errorf("confirm twice sent %+v", again.Messages)
	}
	wantContains(t, "Sam's status", all(e.run(sam, "")), "with @U02GP · confirmed")
}

func TestSupervisionSupervisorLogsForSupervisee(t *testing.T) {
	e := newSupEnv(t)
	e.people()

	r := e.run(gp, "log yesterday clinical with @U01SAM 45")
	wantContains(t, "log reply", r.Text, "Logged for <@U01SAM>")
	if ss := e.sessions(gp); len(ss) != 0 {
		t.Errorf("the GP's own record got %+v, want nothing", ss)
	}
	ss := e.sessions(sam)
	if len(ss) != 1 {
		t.Fatalf("Sam's record: %+v, want one session", ss)
	}
	s := ss[0]
	if s.UserID != sam || s.WithID != gp || s.LoggedBy != gp || s.Confirmation != supervision.Awaiting || !s.Date.Equal(day(2026, 11, 19)) {
		t.Errorf("stored %+v, want Sam's, with and logged by the GP, awaiting", s)
	}
	if len(r.Messages) != 1 || r.Messages[0].To != sam {
		t.Fatalf("messages %+v, want one to Sam", r.Messages)
	}
	confirm, _ := button(r.Messages[0].Reply, "Confirm")
	if confirm.Args != "confirm "+sam+" "+s.ID {
		t.Errorf("Confirm runs %q", confirm.Args)
	}
	if !refreshes(r, sam, gp) {
		t.Errorf("RefreshHome = %v", r.RefreshHome)
	}

	wantContains(t, "GP confirming own log", e.run(gp, confirm.Args).Text, "isn't yours")
	wantContains(t, "Kim confirming", e.run(kim, confirm.Args).Text, "isn't yours")
	done := e.run(sam, confirm.Args)
	if len(done.Messages) != 1 || done.Messages[0].To != gp {
		t.Errorf("messages %+v, want a note to the GP", done.Messages)
	}
	if got := e.sessions(sam)[0]; got.Confirmation != supervision.Confirmed || got.AnsweredBy != sam {
		t.Errorf("after Sam confirmed: %+v", got)
	}
}

func TestSupervisionLogWithSomeoneNotMySupervisor(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	// Kim has no profile naming Sam, so the session goes in Sam's record.
	r := e.run(sam, "log today peer with @U04KIM")
	ss := e.sessions(sam)
	if len(ss) != 1 || ss[0].WithID != kim || ss[0].Confirmation != supervision.Awaiting {
		t.Fatalf("stored %+v", ss)
	}
	if len(r.Messages) != 1 || r.Messages[0].To != kim {
		t.Errorf("messages %+v, want one to Kim", r.Messages)
	}
}

func TestSupervisionDispute(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	r := e.run(sam, "log today clinical with @U02GP")
	b, _ := button(r.Messages[0].Reply, "That's not right")
	done := e.run(gp, b.Args)
	if !done.Replace || len(done.Messages) != 1 || done.Messages[0].To != sam {
		t.Errorf("dispute reply %+v, want it to replace the message and tell Sam", done)
	}
	wantContains(t, "note to Sam", done.Messages[0].Reply.Text, "isn't right")
	if got := e.sessions(sam)[0]; got.Confirmation != supervision.Disputed || got.AnsweredBy != gp {
		t.Errorf("after dispute: %+v", got)
	}
	again := e.run(gp, b.Args)
	wantContains(t, "dispute twice", again.Text, "Already")
	if len(again.Messages) != 0 {
		t.Errorf("dispute twice sent %+v", again.Messages)
	}
	wantContains(t, "Sam's status", all(e.run(sam, "")), "No clinical supervision that counts yet", "disputed (so it doesn't count)")
}

func TestSupervisionConfirmBadArgs(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	for _, args := range []string{"confirm", "confirm " + sam, "confirm nobody abc", "dispute " + sam + " nosuchid"} {
		r := e.run(gp, args)
		if r.Text == "" || len(r.Messages)+len(r.RefreshHome) != 0 {
			t.Errorf("/supervision %s = %+v, want a kind word and no effects", args, r)
		}
	}
}

// askButtons logs a session as user with args and returns the Confirm and
// dispute buttons of the message that asks the other person.
func (e *supEnv) askButtons(user, args string) (confirm, dispute handlers.Button) {
	e.t.Helper()
	r := e.run(user, args)
	if len(r.Messages) != 1 {
		e.t.Fatalf("log %q: messages %+v, want one asking to confirm", args, r.Messages)
	}
	confirm, ok1 := button(r.Messages[0].Reply, "Confirm")
	dispute, ok2 := button(r.Messages[0].Reply, "That's not right")
	if !ok1 || !ok2 {
		e.t.Fatalf("log %q: no Confirm and dispute buttons in %+v", args, r.Messages[0].Reply)
	}
	return confirm, dispute
}

// TestSupervisionConfirmTwiceAtOnce presses Confirm twice at the same time:
// one press confirms and tells Sam, the other says it was already
// confirmed and tells nobody.
func TestSupervisionConfirmTwiceAtOnce(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	for round := range 10 {
		confirm, _ := e.askButtons(sam, fmt.Sprintf("log %d Nov clinical with @U02GP", round+1))
		replies := make([]handlers.Reply, 2)
		var wg sync.WaitGroup
		for i := range replies {
			wg.Add(1)
			go func() {
				defer wg.Done()
				r, err := e.answer(handlers.Request{UserID: gp}, confirm.Args)
				if err != nil {
					t.Errorf("press %d: %v", i, err)
				}
				replies[i] = r
			}()
		}
		wg.Wait()
		messages, thanks, already := 0, 0, 0
		for _, r := range replies {
			messages += len(r.Messages)
			if strings.HasPrefix(r.Text, "Thank you. You've confirmed") {
				thanks++
			}
			if strings.HasPrefix(r.Text, "Already confirmed") {
				already++
			}
		}
		if messages != 1 || thanks != 1 || already != 1 {
			t.Fatalf("round %d: two presses at once = %q and %q with %d messages, want one thanks, one already confirmed, one message to Sam",
				round, replies[0].Text, replies[1].Text, messages)
		}
	}
}

// TestSupervisionAnswerRefusals: each refusal says its real reason.
func TestSupervisionAnswerRefusals(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	confirm, dispute := e.askButtons(sam, "log today clinical with @U02GP")

	wantContains(t, "Kim confirming", e.run(kim, confirm.Args).Text, "isn't yours to confirm: it was logged with <@U02GP>, so only they can answer it")
	wantContains(t, "Sam confirming own", e.run(sam, confirm.Args).Text, "isn't yours to confirm: you logged it, so I've asked <@U02GP> to")

	// Confirmed, then "not right": refused, and nothing changes.
	e.run(gp, confirm.Args)
	r := e.run(gp, dispute.Args)
	wantContains(t, "dispute after confirm", r.Text, "You've already confirmed a clinical session on Fri 20 Nov 2026, so I haven't changed it")
	if len(r.Messages) != 0 || e.sessions(sam)[0].Confirmation != supervision.Confirmed {
		t.Errorf("dispute after confirm changed something: %+v, %s", r.Messages, e.sessions(sam)[0].Confirmation)
	}

	// Disputed, then confirmed: refused.
	confirm2, dispute2 := e.askButtons(sam, "log yesterday group with @U02GP")
	e.run(gp, dispute2.Args)
	wantContains(t, "confirm after dispute", e.run(gp, confirm2.Args).Text, "You've already said a group session on Thu 19 Nov 2026 isn't right")

	// Undone, then pressed: says who took it back, not a generic apology.
	e.clock.Add(time.Minute) // so undo knows which was logged last
	confirm3, _ := e.askButtons(sam, "log 18 Nov clinical with @U02GP")
	wantContains(t, "undo", e.run(sam, "undo").Text, "taken back")
	r, err := e.answer(handlers.Request{UserID: gp}, confirm3.Args)
	if err != nil {
		t.Fatalf("confirm after undo: %v, want a kind reply", err)
	}
	wantContains(t, "confirm after undo", r.Text, "<@U01SAM> took that session back, so there's nothing to confirm")

	// A session id that never was: not "undone".
	r = e.run(gp, "confirm "+sam+" nosuchid")
	wantContains(t, "wrong id", r.Text, "I can't find that session")
	wantNotContains(t, "wrong id", r.Text, "undone", "took that session back")
}

// TestSupervisionConfirmListsWaiting: "confirm" typed alone lists the
// sessions waiting for this person's answer, with the buttons the asking
// message had, so an answer never depends on finding that message; each
// person sees only what waits for them.
func TestSupervisionConfirmListsWaiting(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.run(sam, "log today clinical with <@U02GP|gp> 60")
	e.run(gp, "log for <@"+ali+"> yesterday group")

	r := e.run(gp, "confirm")
	wantContains(t, "the GP's list", r.Text, "1 session is waiting for your answer", "<@U01SAM> logged with you: a clinical session on Fri 20 Nov 2026, 60 minutes")
	if strings.Contains(r.Text, ali) {
		t.Errorf("the GP's list names the session Ali must answer:\n%s", r.Text)
	}
	id := e.sessions(sam)[0].ID
	confirm, ok := button(r, "Confirm 20 Nov clinical")
	if !ok || confirm.Args != "confirm "+sam+" "+id {
		t.Fatalf("listed Confirm button = %+v (%v), want confirm %s %s", confirm, ok, sam, id)
	}
	if b, ok := button(r, "Not right: 20 Nov clinical"); !ok || b.Args != "dispute "+sam+" "+id {
		t.Errorf("listed dispute button = %+v", b)
	}

	mine := e.run(ali, "dispute")
	wantContains(t, "Ali's list", mine.Text, "1 session is waiting", "<@U02GP> logged for you: a group session on Thu 19 Nov 2026")
	wantContains(t, "Kim's list", e.run(kim, "confirm").Text, "Nothing is waiting for your answer")

	wantContains(t, "pressing the listed button", e.run(gp, confirm.Args).Text, "confirmed")
	wantContains(t, "the list after", e.run(gp, "confirm").Text, "Nothing is waiting for your answer")
}
