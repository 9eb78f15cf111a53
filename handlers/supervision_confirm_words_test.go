package handlers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/supervision"
)

// TestSupervisionConfirmTyped is a supervisor with two supervisees
// answering by typing, as they would with no button to hand: a date that
// fits two sessions asks which; the person picks one; "dispute" with a date
// marks that one; "all" confirms what is left; words that pick nothing, or
// cannot be read, list what waits and answer nothing.
func TestSupervisionConfirmTyped(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.run(sam, "log yesterday clinical with <@U02GP> 60")
	e.run(ali, "log yesterday clinical with <@U02GP> 60")
	e.run(sam, "log 12 Nov clinical with <@U02GP> 45")
	e.run(ali, "log 10 Nov group with <@U02GP> 90")

	both := e.run(gp, "confirm yesterday")
	wantContains(t, "a date two sessions fit", all(both), "2 sessions match", "Which one", "@U01SAM logged with you", "@U03ALI logged with you")
	for _, who := range []string{sam, ali} {
		for _, s := range e.sessions(who) {
			if s.Confirmation != supervision.Awaiting {
				t.Fatalf("asking which changed %s's session to %s", who, s.Confirmation)
			}
		}
	}

	for _, tc := range []struct{ args, want string }{
		{"3 Nov", "No session waiting for your answer matches"},
		{"blah", "I couldn't tell which session you mean"},
		{"all", "pick the sessions to say isn't right one at a time"},
	} {
		verb := "confirm "
		if tc.args == "all" {
			verb = "dispute "
		}
		r := e.run(gp, verb+tc.args)
		wantContains(t, verb+tc.args, all(r), tc.want, "Confirm 19 Nov clinical")
		if len(r.Messages) != 0 {
			t.Errorf("%s%s sent %+v, want nothing answered", verb, tc.args, r.Messages)
		}
	}

	one := e.run(gp, "confirm yesterday from <@U01SAM>")
	wantContains(t, "one picked", one.Text, "You've confirmed a clinical session on Thu 19 Nov 2026", "logged by <@U01SAM>")
	if one.Replace {
		t.Error("a typed answer replaces the message before it, as only a button's should")
	}
	if len(one.Messages) != 1 || one.Messages[0].To != sam {
		t.Errorf("messages %+v, want one to Sam", one.Messages)
	}

	wantContains(t, "dispute a date", e.run(gp, "dispute 12 Nov").Text, "as not right", "<@U01SAM>")

	rest := e.run(gp, "confirm all")
	wantContains(t, "confirm all", rest.Text, "Thu 19 Nov 2026", "Tue 10 Nov 2026", "logged by <@U03ALI>")
	if len(rest.Messages) != 2 {
		t.Errorf("confirm all sent %d messages, want 2 (one per session to Ali)", len(rest.Messages))
	}
	want := map[string]supervision.Confirmation{"2026-11-19" + sam: supervision.Confirmed, "2026-11-12" + sam: supervision.Disputed,
		"2026-11-19" + ali: supervision.Confirmed, "2026-11-10" + ali: supervision.Confirmed}
	for _, who := range []string{sam, ali} {
		for _, s := range e.sessions(who) {
			if got, w := s.Confirmation, want[s.Date.Format("2006-01-02")+who]; got != w {
				t.Errorf("%s's session on %s is %s, want %s", who, s.Date.Format("2 Jan"), got, w)
			}
		}
	}
	wantContains(t, "nothing left", e.run(gp, "confirm all").Text, "Nothing is waiting for your answer")
}

// TestSupervisionLogWhatWaitsForYou: a supervisor logging a session their
// supervisee logged already with them, waiting for their answer, is
// offered to confirm that one, not told "You already logged" it; nothing
// is logged twice.
func TestSupervisionLogWhatWaitsForYou(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.run(sam, "log yesterday clinical with <@U02GP> 60")
	r := e.run(gp, "log yesterday clinical with <@U01SAM> 60")
	wantContains(t, "log again", r.Text, "<@U01SAM> already logged a clinical session on 19 Nov with you, and it waits for your answer")
	wantNotContains(t, "log again", r.Text, "You already logged")
	id := e.sessions(sam)[0].ID
	if b, ok := button(r, "Confirm it"); !ok || b.Args != "confirm "+sam+" "+id {
		t.Errorf("Confirm it = %+v, want confirm %s %s", b, sam, id)
	}
	if n := len(e.sessions(sam)); n != 1 {
		t.Errorf("%d sessions in Sam's record, want 1", n)
	}
}

// TestSupervisionDisputeReason: a dispute may say why, typed after the
// session's words or in the form the button opens; the person who logged
// it is told the reason as typed. A reason too long or holding an NHS
// number is refused, and nothing is answered.
func TestSupervisionDisputeReason(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.run(sam, "log yesterday clinical with <@U02GP> 60")
	e.run(sam, "log 12 Nov clinical with <@U02GP> 45")
	e.run(sam, "log 10 Nov group with <@U02GP> 90")

	for _, tc := range []struct{ args, want string }{
		{"dispute 12 Nov: patient 943 476 5919", "NHS number"},
		{"dispute 12 Nov because " + strings.Repeat("it was not ", 12), "keep the reason to 100 characters"},
	} {
		if r := e.run(gp, tc.args); !strings.Contains(r.Text, tc.want) || len(r.Messages) != 0 {
			t.Errorf("%s: %q with %d messages, want %q and nothing answered", tc.args, r.Text, len(r.Messages), tc.want)
		}
	}

	r := e.run(gp, "dispute 12 Nov because it was 30 minutes [see](https://evil.example) <@U99>")
	why := "it was 30 minutes [see](https://evil.example) <@U99>"
	if len(r.Messages) != 1 || r.Messages[0].To != sam || !strings.Contains(r.Messages[0].Reply.Text, handlers.AsTyped(why)) {
		t.Fatalf("typed dispute told %+v, want Sam told the reason as typed", r.Messages)
	}
	wantContains(t, "typed dispute", r.Text, "as not right", handlers.AsTyped(why))
	wantContains(t, "Sam's history", all(e.run(sam, "history")), "disputed: \""+why+"\"")

	// From Slack, the button opens a form first; its answer carries the
	// reason. Without one, the dispute stands alone.
	var group supervision.Session
	for _, s := range e.sessions(sam) {
		if s.Type == supervision.Group {
			group = s
		}
	}
	ref := sam + " " + group.ID
	open := e.click(gp, "dispute "+ref)
	if open.Form == nil || open.Form.State != ref || len(open.Messages) != 0 {
		t.Fatalf("the dispute button: %+v, want a form for %s and nothing answered yet", open, ref)
	}
	submit := func(reason string) handlers.FormResult {
		t.Helper()
		res, err := e.h.Forms()[open.Form.ID](context.Background(), handlers.Submission{
			Request: handlers.Request{UserID: gp}, Form: open.Form.ID, State: ref, Values: map[string]string{"reason": reason}})
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	if res := submit("NHS 943 476 5919"); res.Errors["reason"] == "" {
		t.Errorf("a reason with an NHS number: %+v, want a field error", res)
	}
	res := submit("it was a group of 6\nnot 4")
	if len(res.Errors) != 0 || len(res.Reply.Messages) != 1 || !strings.Contains(res.Reply.Messages[0].Reply.Text, handlers.AsTyped("it was a group of 6 not 4")) {
		t.Errorf("the form's answer: %+v, want Sam told the reason on one line", res)
	}
	again := e.click(gp, "dispute "+ref)
	if again.Form != nil || !strings.Contains(again.Text, "Already marked as not right") {
		t.Errorf("the button again: %+v, want no form and already marked", again)
	}
}

// TestSupervisionDisputeReasonWithoutColon: people type the reason straight
// after the session's words, without a colon or "because" ("dispute
// yesterday it was 30 minutes", "dispute 12 Nov, wrong date"). The reason
// reaches the person who logged it, instead of the session being marked
// with none.
func TestSupervisionDisputeReasonWithoutColon(t *testing.T) {
	for _, tc := range []struct{ args, why string }{
		{"dispute yesterday it was 30 minutes", "it was 30 minutes"},
		{"dispute 12 Nov, it was the 11th", "it was the 11th"},
		{"dispute 12 Nov wrong date", "wrong date"},
		{"dispute yesterday with <@" + sam + "> not 60 mins", "not 60 mins"},
	} {
		e := newSupEnv(t)
		e.people()
		e.run(sam, "log yesterday clinical with <@U02GP> 60")
		e.run(sam, "log 12 Nov clinical with <@U02GP> 45")
		r := e.run(gp, tc.args)
		if len(r.Messages) != 1 || !strings.Contains(r.Messages[0].Reply.Text, handlers.AsTyped(tc.why)) {
			t.Errorf("%s: %q, told %+v; want Sam told %q", tc.args, r.Text, r.Messages, tc.why)
		}
	}
}
