package bot

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/handlers"
)

// recordingOutbox keeps what it is given; it refuses messages to refuse.
type recordingOutbox struct {
	mu       sync.Mutex
	ids      []string
	to       []string
	refuse   string
	reminded []string
}

func (o *recordingOutbox) Remind(_ context.Context, userID string) (time.Time, bool, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	o.reminded = append(o.reminded, userID)
	return time.Time{}, false, nil
}

func (o *recordingOutbox) remindedNow() []string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return append([]string(nil), o.reminded...)
}

func (o *recordingOutbox) SendDM(_ context.Context, id, to string, r handlers.Reply) error {
	if to == o.refuse {
		return errors.New("queue unavailable")
	}
	o.mu.Lock()
	defer o.mu.Unlock()
	o.ids, o.to = append(o.ids, id), append(o.to, to+": "+r.Text)
	return nil
}

func TestRepliesMessagesGoThroughTheOutbox(t *testing.T) {
	api := newSlackAPI(t)
	notify := handlers.Command{Name: "log", Run: func(_ context.Context, req handlers.Request) (handlers.Reply, error) {
		return handlers.Reply{Text: "Logged.", Messages: []handlers.Message{
			{To: "U2", Reply: handlers.Reply{Text: "Please confirm"}},
			{To: "C9", Reply: handlers.Reply{Text: "A shared question"}, ID: "share:1"},
			{To: "U3", Reply: handlers.Reply{Text: "Refused by the queue"}},
		}}, nil
	}}
	out := &recordingOutbox{refuse: "U3"}
	b := testBot(t, Options{Slack: api.client(), Outbox: out}, notify)
	for range 2 {
		if payload, ok := b.slashResponse(slack.SlashCommand{Command: "/peer", Text: "log", UserID: "U1"}); !ok || !strings.Contains(string(payload), `"text":"Logged."`) {
			t.Fatalf("slashResponse = %s, %v", payload, ok)
		}
	}
	// Queued before the reply was given: no waiting.
	out.mu.Lock()
	ids, to := out.ids, out.to
	out.mu.Unlock()
	if got := strings.Join(to, " | "); got != "U2: Please confirm | C9: A shared question | U2: Please confirm | C9: A shared question" {
		t.Errorf("queued %s", got)
	}
	if len(ids) != 4 || ids[0] != ids[2] || ids[1] != "share:1" || !strings.HasPrefix(ids[0], "U2:") {
		t.Errorf("ids %v: want one stable id for the same message, and a handler's own id kept", ids)
	}
	// What the queue refused is posted directly, once a request.
	posts := api.waitFor(t, "chat.postMessage", 2)
	for _, p := range posts {
		if p.Body["channel"] != "U3" || !strings.Contains(fmt.Sprint(p.Body["text"]), "Refused") {
			t.Errorf("posted directly %v, want only the message the queue refused", p.Body)
		}
	}
}

func TestRescheduleReplansEachPersonOnce(t *testing.T) {
	api := newSlackAPI(t)
	changed := handlers.Command{Name: "leave", Run: func(_ context.Context, req handlers.Request) (handlers.Reply, error) {
		return handlers.Reply{Text: "Saved.", Reschedule: []string{req.UserID, "U2", req.UserID}}, nil
	}}
	out := &recordingOutbox{}
	b := testBot(t, Options{Slack: api.client(), Outbox: out}, changed)
	if _, ok := b.slashResponse(slack.SlashCommand{Command: "/peer", Text: "leave", UserID: "U1"}); !ok {
		t.Fatal("no answer")
	}
	deadline := time.Now().Add(5 * time.Second)
	for len(out.remindedNow()) < 2 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if got := strings.Join(out.remindedNow(), ","); got != "U1,U2" {
		t.Errorf("reminders planned again for %s, want U1,U2 once each", got)
	}

	// The console plans them before it prints the answer.
	out2 := &recordingOutbox{}
	c := testBot(t, Options{Outbox: out2}, changed)
	c.consoleAnswer(context.Background(), "/peer leave")
	if got := strings.Join(out2.remindedNow(), ","); got != "UCONSOLE,U2" {
		t.Errorf("console planned reminders for %q, want UCONSOLE,U2", got)
	}
}
