package handlers_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/queue"
	"github.com/peerbot/peerbot/supervision"
)

// TestForgetMeAsksFirst: forget-me alone, or with anything but the
// button's word, erases nothing; the button's word erases, and says what.
func TestForgetMeAsksFirst(t *testing.T) {
	s, _ := ansStore(t)
	ctx := context.Background()
	if err := s.SaveProfile(ctx, supervision.Profile{UserID: "U0FORGET", Role: supervision.Coach, PCN: "North", TimeZone: "Europe/London"}); err != nil {
		t.Fatal(err)
	}
	h := handlers.NewRights(s.Rights(s.Reminders(2), "test-salt"))
	req := handlers.Request{UserID: "U0FORGET"}
	for _, args := range []string{"", "yes", "confirm please"} {
		req.Args = args
		r, err := h.ForgetMe(ctx, req)
		if err != nil {
			t.Fatal(err)
		}
		if _, ok, _ := s.Profile(ctx, "U0FORGET"); !ok {
			t.Fatalf("forget-me %q erased without the button: %q", args, r.Text)
		}
	}
	req.Args = ""
	r, _ := h.MyData(ctx, req)
	if len(r.Files) != 1 {
		t.Fatalf("my-data sent %d files, want 1", len(r.Files))
	}
	var d handlers.PersonalData
	if err := json.Unmarshal(r.Files[0].Content, &d); err != nil || d.Profile == nil || d.Profile.PCN != "North" {
		t.Errorf("my-data file %s (%v), want the profile", r.Files[0].Content, err)
	}
	req.Args = "confirm"
	r, err := h.ForgetMe(ctx, req)
	if err != nil || !strings.Contains(r.Text, "Erased: your profile") {
		t.Errorf("forget-me confirm = %q (%v), want what was erased", r.Text, err)
	}
	if _, ok, _ := s.Profile(ctx, "U0FORGET"); ok {
		t.Error("the profile is still there after forget-me confirm")
	}
	r, _ = h.ForgetMe(ctx, req)
	if !strings.Contains(r.Text, "held nothing about you") {
		t.Errorf("a second erasure says %q, want that nothing was held", r.Text)
	}
}

// TestMyDataReadsMessagesPlainly: a message waiting to be sent to the person
// (an article review notice, say) is in the file as its words, not as the
// engine's encoding of a reply ({"Header":...,"Sections":null,...}).
func TestMyDataReadsMessagesPlainly(t *testing.T) {
	s, _ := ansStore(t)
	ctx := context.Background()
	const me = "U0MYDATAMSG"
	payload, _ := json.Marshal(handlers.Reply{Header: "An article is due for review", Text: "**Supervision for coaches** was last reviewed a year ago.",
		Note: "You get this once for each review."})
	q := s.Reminders(2)
	if _, err := q.Put(ctx, queue.Item{ID: "review:supervision-hwbc:" + me, Kind: "dm", To: me, Due: time.Now().Add(time.Hour), Payload: payload}); err != nil {
		t.Fatal(err)
	}
	r, err := handlers.NewRights(s.Rights(q, "test-salt")).MyData(ctx, handlers.Request{UserID: me})
	if err != nil || len(r.Files) != 1 {
		t.Fatalf("my-data = %+v, %v; want a file", r, err)
	}
	var d handlers.PersonalData
	if err := json.Unmarshal(r.Files[0].Content, &d); err != nil || len(d.Reminders) != 1 {
		t.Fatalf("my-data file %s (%v), want one reminder", r.Files[0].Content, err)
	}
	want := "An article is due for review\n\n**Supervision for coaches** was last reviewed a year ago.\n\nYou get this once for each review."
	if got := d.Reminders[0].Payload; got != want {
		t.Errorf("the reminder's content reads %q, want %q", got, want)
	}
}

// TestForgetMeSupervisorWithNoRecord: a supervisor with no record of their
// own, named in a supervisee's sessions and profile, is told their name is
// gone from those, not that nothing was held.
func TestForgetMeSupervisorWithNoRecord(t *testing.T) {
	s, _ := ansStore(t)
	ctx := context.Background()
	const sup, mine = "U0SUPONLY", "U0SUPEE"
	if err := s.SaveProfile(ctx, supervision.Profile{UserID: mine, Role: supervision.LinkWorker, SupervisorID: sup}); err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 11, 20, 0, 0, 0, 0, time.UTC)
	if err := s.AddSession(ctx, supervision.Session{ID: "s1", UserID: mine, Date: at, Type: supervision.Clinical, WithID: sup, LoggedBy: mine,
		LoggedAt: at, Confirmation: supervision.Confirmed, AnsweredBy: sup, AnsweredAt: at}); err != nil {
		t.Fatal(err)
	}
	r, err := handlers.NewRights(s.Rights(s.Reminders(2), "test-salt")).ForgetMe(ctx, handlers.Request{UserID: sup, Args: "confirm"})
	if err != nil {
		t.Fatal(err)
	}
	wantContains(t, "forget-me", r.Text, "1 session in other people's records now shows a former supervisor", "1 person who had you as supervisor now has none set")
	wantNotContains(t, "forget-me", r.Text, "held nothing", "Erased: .")
}

// TestForgetMeStoppedPartWay: an erasure Redis stops answering is never
// said to have changed nothing: part may be erased, and the reply says so,
// with the button to finish it.
func TestForgetMeStoppedPartWay(t *testing.T) {
	s := ansDownStore(t)
	r, err := handlers.NewRights(s.Rights(s.Reminders(2), "test-salt")).ForgetMe(context.Background(), handlers.Request{UserID: "U0FORGET", Args: "confirm"})
	if err != nil {
		t.Fatalf("forget-me with Redis down: %v, want a reply saying the erasure is not finished", err)
	}
	if !strings.Contains(r.Text, "part of it may be erased") || len(r.Buttons) != 1 || r.Buttons[0].Args != "confirm" {
		t.Errorf("forget-me with Redis down = %q %+v, want it to say part may be erased, with the button again", r.Text, r.Buttons)
	}
}
