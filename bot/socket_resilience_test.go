package bot_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/handlers"
)

// TestSocketModeReconnects: Slack's edge drops the WebSocket, and later
// one goes quiet (no pings); each time the bot opens a new connection and
// answers the next envelope on it.
func TestSocketModeReconnects(t *testing.T) {
	sb := startSocketBotPinged(t, 100*time.Millisecond, time.Second, nil)
	answered := func(id string) {
		t.Helper()
		sb.slack.send(t, slashEnvelope(id, "/roles", "cc", sb.slack.srv.URL+"/respond"))
		acks := sb.slack.waitAcks(t, id, 1)
		if got, want := decodeMessage(t, acks[0].Payload).header(), "Care coordinator (CC)"; got != want {
			t.Errorf("envelope %s: header = %q, want %q", id, got, want)
		}
	}
	answered("before")

	sb.slack.drop()
	sb.slack.connected(t)
	answered("after-drop")

	sb.slack.stopPinging()
	sb.slack.connected(t) // slack-go hangs up on a silent edge and dials again
	answered("after-silence")

	if got := sb.slack.opens.Load(); got < 3 {
		t.Errorf("apps.connections.open called %d times, want a new connection each time (3)", got)
	}
}

// stopMidRequest stops the bot the way SIGTERM does (RunSocketMode's
// context ends, then Shutdown) while a request is in its handler, lets the
// handler finish, and waits for both to return.
func stopMidRequest(t *testing.T, sb *socketBot, entered <-chan struct{}, release func()) {
	t.Helper()
	select {
	case <-entered:
	case <-time.After(socketWait):
		t.Fatal("the handler was not reached")
	}
	sb.cancel()
	shut := make(chan error, 1)
	go func() {
		ctx, cancel := context.WithTimeout(context.Background(), socketWait)
		defer cancel()
		shut <- sb.bot.Shutdown(ctx)
	}()
	time.Sleep(20 * time.Millisecond) // let the stop begin before the handler ends
	release()
	select {
	case err := <-sb.done:
		if err != nil {
			t.Errorf("RunSocketMode = %v, want nil", err)
		}
		sb.done <- err // for the cleanup
	case <-time.After(socketWait):
		t.Fatal("RunSocketMode did not return")
	}
	if err := <-shut; err != nil {
		t.Errorf("Shutdown = %v, want the work in flight finished", err)
	}
}

// TestSocketModeFormSavedDuringShutdown: a form being saved when the bot is
// told to stop is saved, acknowledged (so Slack closes it rather than show
// an error) and its reply is sent.
func TestSocketModeFormSavedDuringShutdown(t *testing.T) {
	entered, proceed := make(chan struct{}), make(chan struct{})
	form := func(context.Context, handlers.Submission) (handlers.FormResult, error) {
		close(entered)
		<-proceed
		return handlers.FormResult{Reply: handlers.Say("Saved your profile.")}, nil
	}
	sb := startSocketBot(t, func(o *bot.Options) {
		o.Forms = map[string]handlers.FormFunc{"test.setup": form}
	})
	sb.slack.send(t, map[string]any{
		"envelope_id": "f-stop", "type": "interactive", "accepts_response_payload": true,
		"payload": map[string]any{
			"type": "view_submission", "user": map[string]any{"id": "U1"}, "team": map[string]any{"id": "T1"},
			"view": map[string]any{"callback_id": "test.setup", "state": map[string]any{"values": map[string]any{}}},
		},
	})
	stopMidRequest(t, sb, entered, func() { close(proceed) })

	if acks := sb.slack.acksFor("f-stop"); len(acks) != 1 || len(acks[0].Payload) != 0 {
		t.Errorf("acknowledgements of a form saved while stopping = %+v, want one, empty, that closes the form", acks)
	}
	posts := sb.slack.postsSoFar()
	if len(posts) != 1 || posts[0].Get("channel") != "U1" || !strings.Contains(posts[0].Get("text"), "Saved your profile.") {
		t.Errorf("chat.postMessage = %v, want the form's reply sent to U1", posts)
	}
}

// TestSocketModeSlashAnsweredDuringShutdown: a slash command in its
// handler when the bot is told to stop still gets its answer.
func TestSocketModeSlashAnsweredDuringShutdown(t *testing.T) {
	entered, proceed := make(chan struct{}), make(chan struct{})
	slow := handlers.Command{Name: "slow", Description: "Answers when let.", Run: func(context.Context, handlers.Request) (handlers.Reply, error) {
		close(entered)
		<-proceed
		return handlers.Reply{Header: "Answered while stopping"}, nil
	}}
	sb := startSocketBot(t, nil, slow)
	sb.slack.send(t, slashEnvelope("s-stop", "/peer", "slow", sb.slack.srv.URL+"/respond"))
	stopMidRequest(t, sb, entered, func() { close(proceed) })

	acks := sb.slack.acksFor("s-stop")
	if len(acks) != 1 || len(acks[0].Payload) == 0 {
		t.Fatalf("acknowledgements = %+v, want one carrying the answer", acks)
	}
	if got, want := decodeMessage(t, acks[0].Payload).header(), "Answered while stopping"; got != want {
		t.Errorf("answer header = %q, want %q", got, want)
	}
}

// TestSocketModeMalformedIDsIgnored: an envelope naming an id of a shape
// Slack never sends is acknowledged, so it is not sent again, and nothing
// else is done with it.
func TestSocketModeMalformedIDsIgnored(t *testing.T) {
	sb := startSocketBot(t, nil)
	bad := slashEnvelope("bad-id", "/roles", "cc", sb.slack.srv.URL+"/respond")
	bad["payload"].(map[string]any)["user_id"] = "U*"
	sb.slack.send(t, bad)
	noUser := map[string]any{
		"envelope_id": "no-user", "type": "interactive", "accepts_response_payload": true,
		"payload": map[string]any{"type": "view_submission", "team": map[string]any{"id": "T1"},
			"view": map[string]any{"callback_id": "test.setup"}},
	}
	sb.slack.send(t, noUser)
	for _, id := range []string{"bad-id", "no-user"} {
		if acks := sb.slack.waitAcks(t, id, 1); len(acks[0].Payload) != 0 {
			t.Errorf("ack of %s carries %s, want none", id, clipForLog(acks[0].Payload))
		}
	}
	waitSocket(t, "two malformed envelopes counted", func() bool { return sb.metric(t, "socket", "malformed") >= 2 })
	if got := len(sb.slack.responsesSoFar()) + len(sb.slack.postsSoFar()); got != 0 {
		t.Errorf("malformed envelopes sent %d messages, want none", got)
	}
}
