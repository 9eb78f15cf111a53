package bot_test

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/handlers"
)

func TestSocketModeSlashCommand(t *testing.T) {
	sb := startSocketBot(t, nil)
	sb.slack.send(t, slashEnvelope("e1", "/roles", "coach", sb.slack.srv.URL+"/respond"))

	acks := sb.slack.waitAcks(t, "e1", 1)
	if len(acks[0].Payload) == 0 {
		t.Fatalf("ack of e1 has no payload, want the answer to /roles coach")
	}
	m := decodeMessage(t, acks[0].Payload)
	if got, want := m.header(), "Health and wellbeing coach (HWBC)"; got != want {
		t.Errorf("/roles coach: header = %q, want %q (payload %s)", got, want, clipForLog(acks[0].Payload))
	}
	if got, want := m.ResponseType, slack.ResponseTypeEphemeral; got != want {
		t.Errorf("/roles coach: response_type = %q, want %q", got, want)
	}
	if !strings.Contains(m.Text, "Health and wellbeing coach") {
		t.Errorf("/roles coach: text = %q, want it to name the role", m.Text)
	}
	// Answered in the ack: nothing goes through response_url or the Web API.
	if got := sb.slack.responsesSoFar(); len(got) != 0 {
		t.Errorf("response_url got %d posts, want 0", len(got))
	}
	if got := sb.slack.postsSoFar(); len(got) != 0 {
		t.Errorf("chat.postMessage got %d posts, want 0", len(got))
	}
}

func TestSocketModeSlowSlashCommand(t *testing.T) {
	release := make(chan struct{})
	var once sync.Once
	t.Cleanup(func() { once.Do(func() { close(release) }) })
	slow := handlers.Command{
		Name:        "slow",
		Description: "Answers when the test lets it.",
		Run: func(ctx context.Context, _ handlers.Request) (handlers.Reply, error) {
			select {
			case <-release:
				return handlers.Reply{Header: "Slow answer", Text: "Thanks for waiting."}, nil
			case <-ctx.Done():
				return handlers.Reply{}, ctx.Err()
			}
		},
	}
	sb := startSocketBot(t, func(o *bot.Options) { o.AnswerBudget = 50 * time.Millisecond }, slow)

	sb.slack.send(t, slashEnvelope("e-slow", "/peer", "slow", sb.slack.srv.URL+"/respond"))

	// Past the answer budget the envelope is acknowledged empty...
	acks := sb.slack.waitAcks(t, "e-slow", 1)
	if len(acks[0].Payload) != 0 {
		t.Errorf("ack of a slow command has payload %s, want none", clipForLog(acks[0].Payload))
	}
	if got := sb.slack.responsesSoFar(); len(got) != 0 {
		t.Fatalf("response_url got %d posts before the command finished, want 0", len(got))
	}
	// ...and the answer follows through response_url when ready.
	once.Do(func() { close(release) })
	waitSocket(t, "the late answer at response_url", func() bool { return len(sb.slack.responsesSoFar()) >= 1 })
	m := decodeMessage(t, sb.slack.responsesSoFar()[0])
	if got, want := m.header(), "Slow answer"; got != want {
		t.Errorf("late answer header = %q, want %q", got, want)
	}
	if got, want := m.ResponseType, slack.ResponseTypeEphemeral; got != want {
		t.Errorf("late answer response_type = %q, want %q", got, want)
	}
	if got := len(sb.slack.acksFor("e-slow")); got != 1 {
		t.Errorf("envelope e-slow acknowledged %d times, want 1", got)
	}
}

func TestSocketModeMentionAnsweredOnce(t *testing.T) {
	sb := startSocketBot(t, nil)
	const ts = "1700000000.000100"
	mention := map[string]any{
		"type": "app_mention", "user": "U1", "text": "<@UBOT> roles splw",
		"ts": ts, "channel": "C1", "event_ts": ts,
	}
	sb.slack.send(t, eventEnvelope("e2", 0, "Ev1", mention))

	acks := sb.slack.waitAcks(t, "e2", 1)
	if len(acks[0].Payload) != 0 {
		t.Errorf("ack of an event has payload %s, want none", clipForLog(acks[0].Payload))
	}
	waitSocket(t, "a chat.postMessage", func() bool { return len(sb.slack.postsSoFar()) >= 1 })
	post := sb.slack.postsSoFar()[0]
	if got, want := post.Get("channel"), "C1"; got != want {
		t.Errorf("chat.postMessage channel = %q, want %q", got, want)
	}
	if got, want := post.Get("thread_ts"), ts; got != want {
		t.Errorf("chat.postMessage thread_ts = %q, want %q (answer in the mention's thread)", got, want)
	}
	if got := post.Get("text"); !strings.Contains(strings.ToLower(got), "link worker") {
		t.Errorf("chat.postMessage text = %q, want it to mention the link worker", got)
	}
	if got := post.Get("blocks"); !strings.Contains(got, "Social prescribing link worker (SPLW)") {
		t.Errorf("chat.postMessage blocks = %s, want the SPLW header", clipForLog([]byte(got)))
	}

	// The same message again: as a message event with a new event id (a
	// bot subscribed to message.channels gets both), and the mention
	// re-sent as Slack's retry.
	message := map[string]any{
		"type": "message", "channel_type": "channel", "user": "U1", "text": "<@UBOT> roles splw",
		"ts": ts, "channel": "C1", "event_ts": ts,
	}
	sb.slack.send(t, eventEnvelope("e3", 0, "Ev2", message))
	sb.slack.send(t, eventEnvelope("e2", 1, "Ev1", mention))

	sb.slack.waitAcks(t, "e3", 1)
	sb.slack.waitAcks(t, "e2", 2)
	// Wait until all three deliveries have been handled, not merely not
	// yet handled, then give a stray second post time to trail in.
	waitSocket(t, "three events handled", func() bool {
		return sb.metric(t, "event", "ok")+sb.metric(t, "event", "duplicate")+sb.metric(t, "event", "error") >= 3
	})
	deadline := time.Now().Add(300 * time.Millisecond)
	for time.Now().Before(deadline) {
		if got := len(sb.slack.postsSoFar()); got != 1 {
			t.Fatalf("chat.postMessage got %d posts for one message delivered three times, want 1", got)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if got, want := sb.metric(t, "event", "duplicate"), 2; got != want {
		t.Errorf("events counted as duplicates = %d, want %d", got, want)
	}
}

func TestSocketModeButton(t *testing.T) {
	sb := startSocketBot(t, nil)
	sb.slack.send(t, map[string]any{
		"envelope_id":              "e4",
		"type":                     "interactive",
		"accepts_response_payload": false,
		"payload": map[string]any{
			"type":         "block_actions",
			"user":         map[string]any{"id": "U1", "username": "sam", "team_id": "T1"},
			"team":         map[string]any{"id": "T1", "domain": "nhs-pcn"},
			"channel":      map[string]any{"id": "C1", "name": "general"},
			"api_app_id":   "A1",
			"trigger_id":   "1.2.abc",
			"response_url": sb.slack.srv.URL + "/respond",
			"actions": []any{map[string]any{
				// slack-go reads an action as a block action only when it
				// has a block_id.
				"type": "button", "action_id": "peerbot.run.0", "block_id": "b1",
				"value": "roles cc", "action_ts": "1700000001.000200",
				"text": map[string]any{"type": "plain_text", "text": "Care coordinator"},
			}},
		},
	})

	acks := sb.slack.waitAcks(t, "e4", 1)
	if len(acks[0].Payload) != 0 {
		t.Errorf("ack of a button press has payload %s, want none", clipForLog(acks[0].Payload))
	}
	waitSocket(t, "an answer at response_url", func() bool { return len(sb.slack.responsesSoFar()) >= 1 })
	m := decodeMessage(t, sb.slack.responsesSoFar()[0])
	if got, want := m.header(), "Care coordinator (CC)"; got != want {
		t.Errorf("button roles cc: header = %q, want %q", got, want)
	}
	if !strings.Contains(strings.ToLower(m.Text), "care coordinator") {
		t.Errorf("button roles cc: text = %q, want it to be about the care coordinator", m.Text)
	}
	if got := sb.slack.postsSoFar(); len(got) != 0 {
		t.Errorf("chat.postMessage got %d posts, want 0", len(got))
	}
}

func TestSocketModeUnreadableEnvelope(t *testing.T) {
	tests := []struct {
		name     string
		envelope string
	}{
		{"event with a number for text", `{"envelope_id":"bad1","type":"events_api","accepts_response_payload":false,"payload":{"type":"event_callback","event_id":"Ev9","event":{"type":"app_mention","text":123,"channel":"C1","ts":"1.1"}}}`},
		{"slash command payload not an object", `{"envelope_id":"bad1","type":"slash_commands","accepts_response_payload":true,"payload":"not an object"}`},
		{"interaction payload not an object", `{"envelope_id":"bad1","type":"interactive","payload":[1,2,3]}`},
		{"envelope type unknown", `{"envelope_id":"bad1","type":"from_the_future","payload":{}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			sb := startSocketBot(t, nil)
			sb.slack.sendRaw(t, []byte(tt.envelope))

			acks := sb.slack.waitAcks(t, "bad1", 1)
			if len(acks[0].Payload) != 0 {
				t.Errorf("ack of an unreadable envelope has payload %s, want none", clipForLog(acks[0].Payload))
			}
			waitSocket(t, "the unreadable envelope to be counted", func() bool { return sb.metric(t, "socket", "unreadable") >= 1 })
			if got, want := sb.metric(t, "socket", "unreadable"), 1; got != want {
				t.Errorf("unreadable envelopes counted = %d, want %d", got, want)
			}
			if got := sb.slack.postsSoFar(); len(got) != 0 {
				t.Errorf("chat.postMessage got %d posts, want 0", len(got))
			}

			// The connection stays up: the next envelope is answered.
			sb.slack.send(t, slashEnvelope("e5", "/roles", "cc", sb.slack.srv.URL+"/respond"))
			next := sb.slack.waitAcks(t, "e5", 1)
			if got, want := decodeMessage(t, next[0].Payload).header(), "Care coordinator (CC)"; got != want {
				t.Errorf("after an unreadable envelope, /roles cc: header = %q, want %q", got, want)
			}
		})
	}
}

func TestSocketModeShutdown(t *testing.T) {
	sb := startSocketBot(t, nil)
	// Prove the loop is serving before stopping it.
	sb.slack.send(t, slashEnvelope("e6", "/roles", "", sb.slack.srv.URL+"/respond"))
	sb.slack.waitAcks(t, "e6", 1)

	sb.cancel()
	select {
	case err := <-sb.done:
		if err != nil {
			t.Errorf("RunSocketMode after cancel = %v, want nil", err)
		}
		sb.done <- err // for the cleanup, which waits on it too
	case <-time.After(socketWait):
		t.Fatalf("RunSocketMode did not return within %v of cancel", socketWait)
	}
	// The bot hangs up on Slack rather than leaving the socket open.
	select {
	case <-sb.slack.closed:
	case <-time.After(socketWait):
		t.Errorf("the WebSocket was still open %v after RunSocketMode returned", socketWait)
	}
}

func TestSocketModeSlashAnswerTooBigForAck(t *testing.T) {
	// Slack drops Socket Mode acknowledgements of 20 KB or more, and
	// slack-go refuses to send them. Such an answer must still reach the
	// person, and the envelope must still be acknowledged.
	var sections []handlers.Section
	for i := range 12 {
		sections = append(sections, handlers.Section{Heading: fmt.Sprintf("Part %d", i+1), Text: strings.Repeat("Long words about care. ", 100)})
	}
	big := handlers.Command{
		Name:        "big",
		Description: "Answers at length.",
		Run: func(context.Context, handlers.Request) (handlers.Reply, error) {
			return handlers.Reply{Header: "A long answer", Sections: sections}, nil
		},
	}
	sb := startSocketBot(t, nil, big)
	sb.slack.send(t, slashEnvelope("e7", "/peer", "big", sb.slack.srv.URL+"/respond"))

	acks := sb.slack.waitAcks(t, "e7", 1)
	if n := len(acks[0].Payload); n >= 20*1024 {
		t.Errorf("ack of e7 carries %d bytes, want under Slack's 20 KB limit", n)
	}
	var m slackMessage
	if len(acks[0].Payload) > 0 {
		m = decodeMessage(t, acks[0].Payload)
	} else {
		waitSocket(t, "the answer at response_url", func() bool { return len(sb.slack.responsesSoFar()) >= 1 })
		m = decodeMessage(t, sb.slack.responsesSoFar()[0])
	}
	if got, want := m.header(), "A long answer"; got != want {
		t.Errorf("/peer big: header = %q, want %q", got, want)
	}
	if got, want := len(m.Blocks), 1+len(sections); got != want {
		t.Errorf("/peer big: %d blocks, want %d (nothing cut)", got, want)
	}
}

// A form submitted over Socket Mode gets its field errors in the
// acknowledgement, and a valid one an empty acknowledgement that closes it.
func TestSocketModeFormSubmission(t *testing.T) {
	form := func(_ context.Context, sub handlers.Submission) (handlers.FormResult, error) {
		if sub.Values["pcn"] == "" {
			return handlers.FormResult{Errors: map[string]string{"pcn": "Please name your PCN."}}, nil
		}
		return handlers.FormResult{}, nil
	}
	sb := startSocketBot(t, func(o *bot.Options) {
		o.Forms = map[string]handlers.FormFunc{"test.setup": form}
	})
	submit := func(id, pcn string) {
		sb.slack.send(t, map[string]any{
			"envelope_id":              id,
			"type":                     "interactive",
			"accepts_response_payload": true,
			"payload": map[string]any{
				"type": "view_submission",
				"user": map[string]any{"id": "U1"},
				"team": map[string]any{"id": "T1"},
				"view": map[string]any{
					"callback_id": "test.setup",
					"state": map[string]any{"values": map[string]any{
						"pcn": map[string]any{"pcn": map[string]any{"type": "plain_text_input", "value": pcn}},
					}},
				},
			},
		})
	}
	submit("f1", "")
	acks := sb.slack.waitAcks(t, "f1", 1)
	if p := string(acks[0].Payload); !strings.Contains(p, `"response_action":"errors"`) || !strings.Contains(p, "Please name your PCN.") {
		t.Errorf("ack of an invalid form = %s, want the field error", p)
	}
	submit("f2", "Gateshead West")
	if acks := sb.slack.waitAcks(t, "f2", 1); len(acks[0].Payload) != 0 {
		t.Errorf("ack of a valid form = %s, want none", clipForLog(acks[0].Payload))
	}
}

// TestSocketModeKeptReply: a second /roles coach is answered from the kept
// reply, in its acknowledgement, the same as the first.
func TestSocketModeKeptReply(t *testing.T) {
	sb := startSocketBot(t, nil)
	sb.slack.send(t, slashEnvelope("k1", "/roles", "coach", sb.slack.srv.URL+"/respond"))
	first := sb.slack.waitAcks(t, "k1", 1)[0].Payload
	sb.slack.send(t, slashEnvelope("k2", "/roles", "coach", sb.slack.srv.URL+"/respond"))
	second := sb.slack.waitAcks(t, "k2", 1)[0].Payload
	if m := decodeMessage(t, second); m.header() != "Health and wellbeing coach (HWBC)" {
		t.Errorf("kept /roles coach: header = %q (payload %s)", m.header(), clipForLog(second))
	}
	if !bytes.Equal(first, second) {
		t.Errorf("the kept answer differs from the first:\n%s\n%s", clipForLog(first), clipForLog(second))
	}
	if got := sb.slack.responsesSoFar(); len(got) != 0 {
		t.Errorf("response_url got %d posts, want 0", len(got))
	}
}
