package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
)

// TestSupervisionLogRetryIsOne sends the same log twice, as a person does
// after a timeout: one session, and the second answer says so.
func TestSupervisionLogRetryIsOne(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	first := e.run(sam, "log today clinical 60")
	wantContains(t, "first", first.Text, "Logged: a clinical session on Fri 20 Nov 2026, 60 minutes.")
	e.clock.Add(20 * time.Second) // the same minute
	again := e.run(sam, "log today clinical 60")
	wantContains(t, "retry", again.Text, "Already logged: a clinical session on Fri 20 Nov 2026, 60 minutes. I haven't saved it twice.")
	if n := len(e.sessions(sam)); n != 1 {
		t.Fatalf("after a retry: %d sessions, want 1", n)
	}
	if len(again.Messages) != 0 {
		t.Errorf("retry sent %+v, want nothing", again.Messages)
	}

	// With Slack's trigger id, the same request is the same log, whenever
	// it comes; another trigger is another request.
	req := handlers.Request{UserID: sam, TriggerID: "1337.42"}
	for i := range 2 {
		e.clock.Add(5 * time.Minute)
		r, err := e.answer(req, "log yesterday group")
		if err != nil {
			t.Fatal(err)
		}
		if want := []string{"Logged: a group session", "Already logged: a group session"}[i]; !strings.HasPrefix(r.Text, want) {
			t.Errorf("send %d with one trigger = %q, want %q", i+1, r.Text, want)
		}
	}
	if n := len(e.sessions(sam)); n != 2 {
		t.Fatalf("after two sends of one trigger: %d sessions, want 2", n)
	}
}

// TestSupervisionLogSameDayAsks logs the same date and type twice on
// purpose: asked first, logged once by the button, however often pressed.
func TestSupervisionLogSameDayAsks(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.run(sam, "log today clinical with @U02GP 60")
	e.clock.Add(2 * time.Minute)
	r := e.run(sam, "log today clinical with @U02GP 60")
	wantContains(t, "second", r.Text, "You already logged a clinical session on 20 Nov; log another?")
	if n := len(e.sessions(sam)); n != 1 || len(r.Messages) != 0 {
		t.Fatalf("asking saved or sent something: %d sessions, %+v", n, r.Messages)
	}
	b, ok := button(r, "Log it anyway")
	if !ok {
		t.Fatalf("no Log it anyway button in %+v", r.Buttons)
	}
	for i := range 2 {
		r := e.run(sam, b.Args)
		if want := []string{"Logged: a clinical session on Fri 20 Nov 2026, 60 minutes, with <@U02GP>", "Already logged"}[i]; !strings.HasPrefix(r.Text, want) {
			t.Errorf("press %d of Log it anyway = %q, want %q", i+1, r.Text, want)
		}
	}
	if n := len(e.sessions(sam)); n != 2 {
		t.Errorf("after Log it anyway: %d sessions, want 2", n)
	}
	// Another type the same day is not asked about.
	wantContains(t, "group", e.run(sam, "log today group").Text, "Logged: a group session")
}

// TestSupervisionLogOutcomeUnknown loses Redis's answer to the write: the
// session is saved, and the person is told it may be, not "nothing was
// changed"; sending it again says it is already logged.
func TestSupervisionLogOutcomeUnknown(t *testing.T) {
	if redistest.IsCluster() {
		t.Skip("the proxy stands in front of one server; the single-server run covers this")
	}
	e := newSupEnv(t)
	e.people()
	e.addSession(kim, day(2026, 1, 5), supervision.Clinical) // loads the script into Redis
	addr := redistest.DropScriptReplies(t, strings.TrimPrefix(redistest.URL(t), "redis://"))
	// The same keys as e's store: the prefix is e's.
	lossy, err := store.Open(context.Background(), store.Options{URL: "redis://" + addr, Prefix: e.prefix})
	if err != nil {
		t.Fatal(err)
	}
	defer lossy.Close()
	h := handlers.NewSupervision(handlers.SupervisionOptions{Profiles: lossy, Sessions: lossy, Now: e.clock.Now, DefaultZone: london})
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	res := supTable(t, h).Resolve("/supervision", "log today clinical 60", false)
	r, err := res.Run(ctx, handlers.Request{UserID: sam, Args: res.Args})
	if err != nil {
		t.Fatalf("log with the answer lost: %v, want a reply", err)
	}
	wantContains(t, "lost answer", all(r), "I may have saved that", "/supervision history")
	wantNotContains(t, "lost answer", all(r), "nothing was changed")
	if n := len(e.sessions(sam)); n != 1 {
		t.Fatalf("%d sessions stored, want the one whose answer was lost", n)
	}
	wantContains(t, "sent again", e.run(sam, "log today clinical 60").Text, "Already logged")
	if n := len(e.sessions(sam)); n != 1 {
		t.Errorf("%d sessions after sending again, want 1", n)
	}
}

// The same leave sent twice is one stretch of leave.
func TestSupervisionLeaveRetryIsOne(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	for range 2 {
		wantContains(t, "leave", e.run(sam, "leave 1 Dec 12 Dec").Text, "Saved your leave")
	}
	if l, err := e.st.Leaves(context.Background(), sam); err != nil || len(l) != 1 {
		t.Errorf("after sending leave twice: %d stretches, %v; want 1", len(l), err)
	}
}
