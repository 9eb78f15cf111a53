package bot

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack/slackevents"

	"github.com/peerbot/peerbot/supervision"
)

// guardEvent is a message event in a channel, as Slack sends it.
func guardEvent(eventID, inner string) []byte {
	return fmt.Appendf(nil, `{"token":"x","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":%q,"event_time":1700000000,"event":%s}`, eventID, inner)
}

func channelMessage(user, text, ts string) string {
	return fmt.Sprintf(`{"type":"message","channel_type":"channel","channel":"C0PEER","user":%q,"text":%q,"ts":%q,"event_ts":%q}`, user, text, ts, ts)
}

// guardBot is a bot served over real HTTP on loopback, with a fake Slack
// Web API and its log captured, and a function that posts a signed event
// to it (with extra headers as name, value pairs).
func guardBot(t *testing.T) (*Bot, *slackAPI, *logBuffer, func(body []byte, headers ...string)) {
	t.Helper()
	const secret = "guard-secret"
	api := newSlackAPI(t)
	logs := &logBuffer{}
	b := testBot(t, Options{Slack: api.client(), SigningSecret: secret, BotUserID: "UBOT", Logger: logs.logger()})
	srv := httptest.NewServer(b.Handler())
	t.Cleanup(srv.Close)
	post := func(body []byte, headers ...string) {
		t.Helper()
		req, err := http.NewRequest(http.MethodPost, srv.URL+"/slack/events", bytes.NewReader(body))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("Content-Type", "application/json")
		ts, sig := Sign(secret, time.Now(), body)
		req.Header.Set("X-Slack-Request-Timestamp", ts)
		req.Header.Set("X-Slack-Signature", sig)
		for i := 0; i+1 < len(headers); i += 2 {
			req.Header.Set(headers[i], headers[i+1])
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			t.Fatalf("event: status %d, want 200", resp.StatusCode)
		}
	}
	return b, api, logs, post
}

// TestNHSNumberGuard sends signed message events over real HTTP and
// expects one ephemeral warning, to the poster only, for each message that
// holds a valid NHS number, however it is written and however often Slack
// delivers it; nothing for the rest; nothing said in the channel; and no
// log line holding any of the text.
func TestNHSNumberGuard(t *testing.T) {
	for _, n := range []string{"9434765919", "4010232137"} {
		if !supervision.ValidNHSNumber(n) {
			t.Fatalf("%s is not a valid NHS number; the test needs one", n)
		}
	}
	b, api, logs, post := guardBot(t)

	warned := map[string]string{ // ts → who should be warned
		"1.01": "U0ANN", "1.02": "U0BEN", "1.03": "U0CAT", "1.04": "U0DAN", "1.05": "U0EVE", "1.06": "U0FAY",
	}
	post(guardEvent("Ev01", channelMessage("U0ANN", "Patient Zed, NHS no 9434765919, needs a call back", "1.01")))
	post(guardEvent("Ev02", channelMessage("U0BEN", "Zed's number is 943 476 5919 if that helps", "1.02")))
	post(guardEvent("Ev03", channelMessage("U0CAT", "ref 401-023-2137 for Zed", "1.03")))
	post(guardEvent("Ev04", `{"type":"message","channel_type":"group","channel":"G0TEAM","user":"U0DAN","text":"Zed NHS:4010232137","ts":"1.04","thread_ts":"1.00"}`))
	// An edit that adds a number warns; Slack's retry of it does not.
	edit := `{"type":"message","subtype":"message_changed","channel_type":"channel","channel":"C0PEER","ts":"1.05","hidden":true,` +
		`"message":{"type":"message","user":"U0EVE","text":"Zed is 943 476 5919","ts":"1.00"},` +
		`"previous_message":{"type":"message","user":"U0EVE","text":"Zed is","ts":"1.00"}}`
	post(guardEvent("Ev05", edit))
	post(guardEvent("Ev05", edit), "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout")
	// A message Slack delivers three times: retries, and once under a new event id.
	dup := channelMessage("U0FAY", "Zed 9434765919 again", "1.06")
	post(guardEvent("Ev06", dup))
	post(guardEvent("Ev06", dup), "X-Slack-Retry-Num", "1", "X-Slack-Retry-Reason", "http_timeout")
	post(guardEvent("Ev06b", dup))

	for i, inner := range []string{
		channelMessage("U0GIL", "Zed 9434765918 has a wrong check digit", "2.01"),
		channelMessage("U0GIL", "sessions on 2026-12-20 2026-12-27, then 2026-11-20 45", "2.02"),
		channelMessage("U0GIL", "ran 45 mins on 20/11/2026, 1200 steps, call 0191 433 3000", "2.03"),
		channelMessage("U0GIL", "a longer run 19434765919 is not a number", "2.04"),
		channelMessage("UBOT", "my own 9434765919", "2.05"),
		`{"type":"message","channel_type":"channel","channel":"C0PEER","bot_id":"B1","user":"U0BOTTY","text":"9434765919","ts":"2.06"}`,
		`{"type":"message","subtype":"bot_message","channel_type":"channel","channel":"C0PEER","bot_id":"B1","text":"9434765919","ts":"2.07"}`,
		`{"type":"message","channel_type":"im","channel":"D0DM","user":"U0GIL","text":"Zed 9434765919","ts":"2.08"}`,
		`{"type":"message","subtype":"channel_join","channel_type":"channel","channel":"C0PEER","user":"U0GIL","text":"9434765919 joined","ts":"2.09"}`,
		// An edit of a message that held the number already: warned about then, not again.
		`{"type":"message","subtype":"message_changed","channel_type":"channel","channel":"C0PEER","ts":"2.10",` +
			`"message":{"type":"message","user":"U0ANN","text":"Patient Zed, NHS no 9434765919, needs a call back today","ts":"1.01"},` +
			`"previous_message":{"type":"message","user":"U0ANN","text":"Patient Zed, NHS no 9434765919, needs a call back","ts":"1.01"}}`,
	} {
		post(guardEvent(fmt.Sprintf("EvN%d", i), inner))
	}
	if err := b.Shutdown(context.Background()); err != nil { // lets every event's work finish
		t.Fatal(err)
	}

	checkWarnings(t, api, warned)
	for _, c := range api.waitFor(t, "chat.postMessage", 0) {
		if ch, _ := c.Body["channel"].(string); ch != "D0DM" { // the direct message is answered as ever
			t.Errorf("chat.postMessage to %s: nothing may be said in the channel", ch)
		}
	}
	all := logs.String()
	for _, secret := range []string{"Zed", "9434765919", "943 476", "401-023", "4010232137", "2137", "steps"} {
		if strings.Contains(all, secret) {
			t.Errorf("the log holds message text %q:\n%s", secret, all)
		}
	}
	if !strings.Contains(all, "warned a poster about an NHS number") {
		t.Errorf("the log should note each warning (without text):\n%s", all)
	}
}

// checkWarnings expects one warning by chat.postEphemeral for each poster
// in warned (ts → user), to them only, in the message's channel and
// thread, without repeating the message.
func checkWarnings(t *testing.T, api *slackAPI, warned map[string]string) {
	t.Helper()
	got := api.waitFor(t, "chat.postEphemeral", 0)
	if len(got) != len(warned) {
		t.Errorf("chat.postEphemeral called %d times, want %d (one per message with a valid number)", len(got), len(warned))
	}
	seen := map[string]bool{}
	for _, c := range got {
		user, _ := c.Body["user"].(string)
		channel, _ := c.Body["channel"].(string)
		text, _ := c.Body["text"].(string)
		if seen[user] {
			t.Errorf("%s was warned twice", user)
		}
		seen[user] = true
		if !strings.Contains(text, "looks like it holds an NHS number") || !strings.Contains(text, "please delete the message") {
			t.Errorf("warning to %s = %q", user, text)
		}
		if strings.Contains(fmt.Sprint(c.Body), "Zed") || strings.Contains(fmt.Sprint(c.Body), "5919") {
			t.Errorf("the warning to %s repeats the message: %v", user, c.Body)
		}
		want := "C0PEER"
		if user == "U0DAN" {
			want = "G0TEAM"
			if c.Body["thread_ts"] != "1.00" {
				t.Errorf("warning in a thread went to thread %v, want 1.00", c.Body["thread_ts"])
			}
		}
		if channel != want {
			t.Errorf("warning to %s went to %q, want %q", user, channel, want)
		}
	}
	for _, user := range warned {
		if !seen[user] {
			t.Errorf("%s was not warned", user)
		}
	}
}

// typicalMessage is a channel message of the usual length with numbers in
// it that are not NHS numbers.
var typicalMessage = &slackevents.MessageEvent{
	Type: "message", ChannelType: "channel", Channel: "C0PEER", User: "U0ANN", TimeStamp: "1700000000.000100",
	Text: "Hi all, does anyone have a good contact for the Gateshead carers' service? I've got a gentleman in his 80s " +
		"who cares for his wife full time, 2 sessions booked for 20/11/2026 and 27/11/2026, 45 mins each. Ring 0191 433 3000?",
}

// BenchmarkNHSGuard is the guard's cost on every channel message: the
// check of a typical message that holds no NHS number.
func BenchmarkNHSGuard(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, ok := nhsGuardTarget(typicalMessage, "UBOT"); ok {
			b.Fatal("a message with no NHS number was taken for one")
		}
	}
}
