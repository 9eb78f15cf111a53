package bot_test

import (
	"context"
	"encoding/json"
	"log/slog"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"unicode"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/handlers"
)

// lockedBuffer is a log sink safe for the bot's goroutines.
type lockedBuffer struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// TestSocketModeRefusesNHSNumbersCentrally sends an NHS number over Socket
// Mode in a slash command, a button, a form and a direct message. Each is refused before any
// handler sees it, and neither the answer nor the logs hold it.
func TestSocketModeRefusesNHSNumbersCentrally(t *testing.T) {
	var ran atomic.Int32
	echo := handlers.Command{Name: "echo", Run: func(_ context.Context, req handlers.Request) (handlers.Reply, error) {
		ran.Add(1)
		return handlers.Say("you said " + req.Args), nil
	}}
	form := func(_ context.Context, sub handlers.Submission) (handlers.FormResult, error) {
		ran.Add(1)
		return handlers.FormResult{}, nil
	}
	converse := func(_ context.Context, req handlers.Request) (handlers.Reply, error) {
		ran.Add(1)
		return handlers.Say("you said " + req.Args), nil
	}
	logs := &lockedBuffer{}
	sb := startSocketBot(t, func(o *bot.Options) {
		o.Forms = map[string]handlers.FormFunc{"test.setup": form}
		o.Converse = converse
		o.Logger = slog.New(slog.NewJSONHandler(logs, &slog.HandlerOptions{Level: slog.LevelDebug}))
	}, echo)

	sb.slack.send(t, slashEnvelope("n1", "/roles", "943.476.5919", sb.slack.srv.URL+"/respond"))
	sb.slack.send(t, slashEnvelope("n2", "/peer", "echo pt 943/476/5919", sb.slack.srv.URL+"/respond"))
	for _, id := range []string{"n1", "n2"} {
		m := decodeMessage(t, sb.slack.waitAcks(t, id, 1)[0].Payload)
		if !strings.Contains(m.Text, "NHS number") || strings.Contains(m.Text, "476") {
			t.Errorf("slash command %s: %q, want the refusal, without the number", id, m.Text)
		}
	}

	sb.slack.send(t, map[string]any{
		"envelope_id": "n3", "type": "interactive", "accepts_response_payload": false,
		"payload": map[string]any{
			"type": "block_actions", "user": map[string]any{"id": "U1"}, "team": map[string]any{"id": "T1"},
			"channel": map[string]any{"id": "C1"}, "response_url": sb.slack.srv.URL + "/respond",
			"actions": []any{map[string]any{"type": "button", "action_id": "peerbot.run.0", "block_id": "b1", "value": "echo 9434 765 919"}},
		},
	})
	sb.slack.waitAcks(t, "n3", 1)
	waitSocket(t, "the button's refusal at response_url", func() bool { return len(sb.slack.responsesSoFar()) >= 1 })
	if m := decodeMessage(t, sb.slack.responsesSoFar()[0]); !strings.Contains(m.Text, "NHS number") || strings.Contains(m.Text, "765") {
		t.Errorf("button: %q, want the refusal, without the number", m.Text)
	}

	sb.slack.send(t, map[string]any{
		"envelope_id": "n4", "type": "interactive", "accepts_response_payload": true,
		"payload": map[string]any{
			"type": "view_submission", "user": map[string]any{"id": "U1"}, "team": map[string]any{"id": "T1"},
			"view": map[string]any{"callback_id": "test.setup", "state": map[string]any{"values": map[string]any{
				"pcn": map[string]any{"pcn": map[string]any{"type": "plain_text_input", "value": "nhs no 943 476 5918"}},
			}}},
		},
	})
	if p := string(sb.slack.waitAcks(t, "n4", 1)[0].Payload); !strings.Contains(p, `"response_action":"errors"`) ||
		!strings.Contains(p, `"pcn":`) || !strings.Contains(p, "NHS number") || strings.Contains(p, "5918") {
		t.Errorf("form: ack %s, want a field error under pcn, without the number", p)
	}

	// A direct message in a person's own words.
	dm := map[string]any{"type": "message", "channel_type": "im", "user": "U1", "text": "my pt 943.476.5919 is lonely",
		"ts": "1700000000.000300", "channel": "D1", "event_ts": "1700000000.000300"}
	sb.slack.send(t, eventEnvelope("n5", 0, "EvN5", dm))
	waitSocket(t, "the direct message's answer", func() bool { return len(sb.slack.postsSoFar()) >= 1 })
	if got := sb.slack.postsSoFar()[0].Get("text"); !strings.Contains(got, "NHS number") || strings.Contains(got, "476") {
		t.Errorf("direct message: %q, want the refusal, without the number", got)
	}

	if n := ran.Load(); n != 0 {
		t.Errorf("handlers ran %d times, want none: they saw the number", n)
	}
	for kind, want := range map[string]int{"slash_command": 2, "interaction": 1, "form": 1, "conversation": 1} {
		if got := sb.metric(t, kind, "nhs_number"); got != want {
			t.Errorf("requests of kind %s refused as holding an NHS number = %d, want %d", kind, got, want)
		}
	}
	// Word by word, leaving out times and durations: they are digits that
	// may match by chance, as may a request id's hex.
	var words []string
	for _, line := range strings.Split(strings.TrimSpace(logs.String()), "\n") {
		var m map[string]any
		if json.Unmarshal([]byte(line), &m) == nil {
			delete(m, "time")
			delete(m, "duration_ms")
			js, _ := json.Marshal(m)
			line = string(js)
		}
		words = append(words, strings.FieldsFunc(line, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })...)
	}
	for _, piece := range []string{"943", "476", "5919", "5918", "9434", "765", "919"} {
		if slices.Contains(words, piece) {
			t.Errorf("the logs hold %q:\n%s", piece, logs.String())
		}
	}
	if !strings.Contains(logs.String(), `"outcome":"nhs_number"`) {
		t.Errorf("no refusal was logged: the test would pass without looking:\n%s", logs.String())
	}
}

// TestButtonIDsAreNotTakenForNHSNumbers presses a button whose value holds
// the bot's own ids, in hex: ten of their random digits may pass the check,
// but they are not a person's words, and the command runs.
func TestButtonIDsAreNotTakenForNHSNumbers(t *testing.T) {
	var got atomic.Value
	share := handlers.Command{Name: "share", Run: func(_ context.Context, req handlers.Request) (handlers.Reply, error) {
		got.Store(req.Args)
		return handlers.Say("posted"), nil
	}}
	sb := startSocketBot(t, nil, share)
	// 9434765919 and 943 4765919 are in the ids; only ids are there.
	const value = "share named ab9434765919cdefabcdefabcdefabcd0943 4765919f0123abcdefabcdefabcdefabcdef"
	sb.slack.send(t, map[string]any{
		"envelope_id": "i1", "type": "interactive", "accepts_response_payload": false,
		"payload": map[string]any{
			"type": "block_actions", "user": map[string]any{"id": "U1"}, "team": map[string]any{"id": "T1"},
			"channel": map[string]any{"id": "C1"}, "response_url": sb.slack.srv.URL + "/respond",
			"actions": []any{map[string]any{"type": "button", "action_id": "peerbot.run.0", "block_id": "b1", "value": value}},
		},
	})
	waitSocket(t, "the button's answer", func() bool { return len(sb.slack.responsesSoFar()) >= 1 })
	if m := decodeMessage(t, sb.slack.responsesSoFar()[0]); m.Text != "posted" {
		t.Errorf("button with ids: %q, want the command's answer", m.Text)
	}
	if a, _ := got.Load().(string); a != strings.TrimPrefix(value, "share ") {
		t.Errorf("the command got %q, want the ids as they were", a)
	}
}
