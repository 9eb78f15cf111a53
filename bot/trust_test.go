package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/redistest"
)

// logBuffer captures what the bot logs, as JSON lines. It is safe for
// concurrent use.
type logBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *logBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

// records returns every line logged so far, decoded.
func (l *logBuffer) records(tb testing.TB) []map[string]any {
	tb.Helper()
	l.mu.Lock()
	defer l.mu.Unlock()
	var out []map[string]any
	for line := range strings.SplitSeq(strings.TrimSpace(l.b.String()), "\n") {
		if line == "" {
			continue
		}
		var rec map[string]any
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			tb.Fatalf("log line %q: %v", line, err)
		}
		out = append(out, rec)
	}
	return out
}

func (l *logBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

func (l *logBuffer) logger() *slog.Logger {
	return slog.New(slog.NewJSONHandler(l, &slog.HandlerOptions{Level: slog.LevelDebug}))
}

// signedPost sends body to the bot's /slack/events, signed as Slack signs.
func signedPost(tb testing.TB, h http.Handler, secret, contentType string, body []byte) *httptest.ResponseRecorder {
	tb.Helper()
	req := httptest.NewRequest(http.MethodPost, "/slack/events", bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	ts, sig := Sign(secret, time.Now(), body)
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", sig)
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w
}

// serverPost sends a signed form to srv's /slack/events and returns the
// answer: for a slash command whose work goes on past the budget, the
// empty 200 Slack gets at the budget.
func serverPost(tb testing.TB, srv *httptest.Server, secret string, body []byte) (int, string) {
	tb.Helper()
	req, _ := http.NewRequest(http.MethodPost, srv.URL+"/slack/events", bytes.NewReader(body))
	req.Header.Set("Content-Type", formType)
	ts, sig := Sign(secret, time.Now(), body)
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", sig)
	resp, err := srv.Client().Do(req)
	if err != nil {
		tb.Fatal(err)
	}
	defer resp.Body.Close()
	got, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(got)
}

const formType = "application/x-www-form-urlencoded"

func slashBody(user, channel, team, text, responseURL string) []byte {
	return []byte(url.Values{
		"command": {"/peer"}, "text": {text}, "user_id": {user}, "channel_id": {channel},
		"team_id": {team}, "response_url": {responseURL}, "trigger_id": {"1.2.3"},
	}.Encode())
}

func interactionBody(tb testing.TB, cb slack.InteractionCallback) []byte {
	tb.Helper()
	js, err := json.Marshal(cb)
	if err != nil {
		tb.Fatal(err)
	}
	return []byte(url.Values{"payload": {string(js)}}.Encode())
}

// TestResponseURLOnlyToSlack: a signed request naming a response_url on
// another host gets no POST there, and the warning keeps the URL's path
// and query out of the log.
func TestResponseURLOnlyToSlack(t *testing.T) {
	const secret = "s3cret"
	slackHooks := newRecorder(t) // stands in for hooks.slack.com
	internal := newRecorder(t)   // a host inside the network
	var logs logBuffer
	release := make(chan struct{})
	slow := handlers.Command{Name: "slow", Run: func(ctx context.Context, _ handlers.Request) (handlers.Reply, error) {
		<-release
		return handlers.Say("Done at last"), nil
	}}
	api := newSlackAPI(t)
	b := testBot(t, Options{Slack: api.client(), SigningSecret: secret, AnswerBudget: 20 * time.Millisecond, Logger: logs.logger(),
		ResponseURLPrefix: slackHooks.URL + "/"}, slow)
	h := b.Handler()
	// Over a server: a slow slash command is answered at the budget while
	// its work goes on in the request.
	srv := httptest.NewServer(h)
	defer srv.Close()

	foreign := internal.URL + "/internal/admin?token=SECRET-IN-QUERY"
	if code, body := serverPost(t, srv, secret, slashBody("U1", "C1", "T1", "slow", foreign)); code != http.StatusOK {
		t.Fatalf("slash command: %d %s", code, body)
	}
	if code, body := serverPost(t, srv, secret, slashBody("U1", "C1", "T1", "slow", slackHooks.URL+"/commands/T1/1/abc")); code != http.StatusOK {
		t.Fatalf("slash command: %d %s", code, body)
	}
	// A button under a message whose response_url is foreign: answered by
	// direct message instead.
	press := slack.InteractionCallback{
		Type: slack.InteractionTypeBlockActions, User: slack.User{ID: "U1"}, ResponseURL: foreign,
		ActionCallback: slack.ActionCallbacks{BlockActions: []*slack.BlockAction{{ActionID: actionRunPrefix + "0", Value: "slow"}}},
	}
	if w := signedPost(t, h, secret, formType, interactionBody(t, press)); w.Code != http.StatusOK {
		t.Fatalf("button: %d %s", w.Code, w.Body)
	}
	close(release)
	if dm := api.waitFor(t, "chat.postMessage", 1)[0]; dm.Body["channel"] != "U1" {
		t.Errorf("the button's answer went to %v, want a DM to U1", dm.Body["channel"])
	}
	deadline := time.Now().Add(5 * time.Second)
	for len(slackHooks.got()) == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if err := b.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if got := internal.got(); len(got) != 0 {
		t.Errorf("the host outside SLACK_RESPONSE_URL_PREFIX got %d posts, want none", len(got))
	}
	if got := slackHooks.got(); len(got) != 1 || !strings.Contains(got[0], "Done at last") {
		t.Errorf("Slack's response_url got %q, want the late answer once", got)
	}
	if !strings.Contains(logs.String(), "refused a response_url") {
		t.Errorf("log has no warning of the refused response_url:\n%s", logs.String())
	}
	for _, secret := range []string{"SECRET-IN-QUERY", "/internal/admin"} {
		if strings.Contains(logs.String(), secret) {
			t.Errorf("log holds the refused URL's %q:\n%s", secret, logs.String())
		}
	}
}

// TestMalformedIDsAreRefused: ids of shapes Slack never sends get a 400,
// run nothing and log no error.
func TestMalformedIDsAreRefused(t *testing.T) {
	const secret = "s3cret"
	var logs logBuffer
	var ran atomic.Int32
	count := handlers.Command{Name: "count", Run: func(context.Context, handlers.Request) (handlers.Reply, error) {
		ran.Add(1)
		return handlers.Say("counted"), nil
	}}
	forms := map[string]handlers.FormFunc{"test.setup": func(context.Context, handlers.Submission) (handlers.FormResult, error) {
		ran.Add(1)
		return handlers.FormResult{}, nil
	}}
	b := testBot(t, Options{SigningSecret: secret, Logger: logs.logger(), Forms: forms}, count)
	h := b.Handler()

	press := func(user, channel string) slack.InteractionCallback {
		return slack.InteractionCallback{
			Type: slack.InteractionTypeBlockActions, User: slack.User{ID: user}, Channel: slack.Channel{GroupConversation: slack.GroupConversation{Conversation: slack.Conversation{ID: channel}}},
			ActionCallback: slack.ActionCallbacks{BlockActions: []*slack.BlockAction{{ActionID: actionRunPrefix + "0", Value: "count"}}},
		}
	}
	noUser := submission(map[string]string{"pcn": "Gateshead West"})
	noUser.User.ID = ""
	event := func(user, channel string) []byte {
		js, _ := json.Marshal(map[string]any{
			"type": "event_callback", "team_id": "T1", "event_id": "Ev" + user,
			"event": map[string]any{"type": "message", "channel_type": "im", "user": user, "text": "count", "ts": "1.1", "channel": channel},
		})
		return js
	}
	tests := []struct {
		name        string
		contentType string
		body        []byte
	}{
		{"slash: user with a wildcard", formType, slashBody("U*", "C1", "T1", "count", "")},
		{"slash: user in lower case", formType, slashBody("u123", "C1", "T1", "count", "")},
		{"slash: channel with braces", formType, slashBody("U1", "C{1}", "T1", "count", "")},
		{"slash: team not a team", formType, slashBody("U1", "C1", "X1", "count", "")},
		{"button: user with a colon", formType, interactionBody(t, press("U1:profile", "C1"))},
		{"button: no user", formType, interactionBody(t, press("", "C1"))},
		{"button: channel not a channel", formType, interactionBody(t, press("U1", "#general"))},
		{"form: no user", formType, interactionBody(t, noUser)},
		{"event: user with a wildcard", "application/json", event("U*", "D1")},
		{"event: channel not a channel", "application/json", event("U1", "D1 x")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if w := signedPost(t, h, secret, tt.contentType, tt.body); w.Code != http.StatusBadRequest {
				t.Errorf("got %d %q, want 400", w.Code, w.Body)
			}
		})
	}
	if err := b.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if n := ran.Load(); n != 0 {
		t.Errorf("requests with malformed ids ran %d commands or forms, want none", n)
	}
	for _, rec := range logs.records(t) {
		if rec["level"] == "ERROR" {
			t.Errorf("a malformed id logged an error: %v", rec)
		}
	}
	// Well-formed ids still work, Enterprise Grid's included.
	if w := signedPost(t, testBot(t, Options{SigningSecret: secret}, count).Handler(), secret, formType, slashBody("W012AB", "G01", "E01", "count", "")); w.Code != http.StatusOK || !strings.Contains(w.Body.String(), "counted") {
		t.Errorf("a well-formed slash command: %d %s, want it answered", w.Code, w.Body)
	}
}

// TestOnePressRunsOneAction: Slack sends one action per press; a payload
// with a hundred runs one.
func TestOnePressRunsOneAction(t *testing.T) {
	var ran atomic.Int32
	count := handlers.Command{Name: "count", Run: func(context.Context, handlers.Request) (handlers.Reply, error) {
		ran.Add(1)
		return handlers.Reply{}, nil
	}}
	b := testBot(t, Options{}, count)
	var actions []*slack.BlockAction
	for range 100 {
		actions = append(actions, &slack.BlockAction{ActionID: actionRunPrefix + "0", Value: "count"})
	}
	b.interaction(context.Background(), slack.InteractionCallback{
		Type: slack.InteractionTypeBlockActions, User: slack.User{ID: "U1"},
		ActionCallback: slack.ActionCallbacks{BlockActions: actions},
	})
	if n := ran.Load(); n != 1 {
		t.Errorf("a payload of 100 actions ran the command %d times, want 1", n)
	}
}

// TestAnonymousShareLogsNoUser: nothing logged about an anonymous share,
// its answer or its post to the peer channel names the person, or an
// operator could unmask the post. A named share is logged as usual.
func TestAnonymousShareLogsNoUser(t *testing.T) {
	const asker = "U0ASKER9"
	api := newSlackAPI(t)
	api.fail["chat.postMessage"] = "channel_not_found" // so the post's failure is logged too
	var logs logBuffer
	share := handlers.Command{Name: "share", Hidden: true, Run: func(_ context.Context, req handlers.Request) (handlers.Reply, error) {
		r := handlers.Say("Posted to the peer support channel.")
		r.Messages = []handlers.Message{{To: "C0PEER", Reply: handlers.Reply{Public: true, Sections: []handlers.Section{{Text: "Someone asks:", Typed: "how do I"}}}}}
		return r, nil
	}}
	b := testBot(t, Options{Slack: api.client(), Logger: logs.logger()}, share)
	press := func(value string) slack.InteractionCallback {
		return slack.InteractionCallback{
			Type: slack.InteractionTypeBlockActions, User: slack.User{ID: asker},
			ActionCallback: slack.ActionCallbacks{BlockActions: []*slack.BlockAction{{ActionID: actionRunPrefix + "1", Value: value}}},
		}
	}
	b.interaction(context.Background(), press("share anon "+asker+" how do I"))
	api.waitFor(t, "chat.postMessage", 2) // the post, and the answer by DM
	if err := b.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	var answered map[string]any
	for _, rec := range logs.records(t) {
		if rec["msg"] == "answered" {
			answered = rec
		}
	}
	if answered == nil || answered["command"] != "share" {
		t.Fatalf("no answered line for the share in:\n%s", logs.String())
	}
	if strings.Contains(logs.String(), asker) {
		t.Errorf("the log of an anonymous share names its asker %s:\n%s", asker, logs.String())
	}

	var named logBuffer
	b = testBot(t, Options{Logger: named.logger()}, share)
	b.interaction(context.Background(), press("share named "+asker+" how do I"))
	found := false
	for _, rec := range named.records(t) {
		found = found || (rec["msg"] == "answered" && rec["user_id"] == asker)
	}
	if !found {
		t.Errorf("a named share's answered line has no user_id %s:\n%s", asker, named.String())
	}
}

// TestDedupeKeysShareOneSlot: the keys of one claim share a hash tag, the
// team's when Slack sent no channel, so a Redis Cluster takes the script.
func TestDedupeKeysShareOneSlot(t *testing.T) {
	b, prefix := testBotPrefix(t, Options{}, handlers.Command{Name: "x", Run: echo("x")})
	b.message(context.Background(), message{eventID: "EvNoChannel", teamID: "T0TEAM", user: "U1", channelType: "im", text: "hello", ts: "1700000000.000900"}, "")
	keys := redistest.Keys(t, prefix+"dedupe:*") // every master's, on a Cluster
	if len(keys) != 2 {
		t.Fatalf("dedupe keys = %q, want the event's and the message's", keys)
	}
	for _, k := range keys {
		if !strings.Contains(k, "{T0TEAM}") {
			t.Errorf("dedupe key %q, want it under the team's hash tag {T0TEAM}", k)
		}
	}
}

func TestIDShape(t *testing.T) {
	tests := []struct {
		id     string
		firsts string
		want   bool
	}{
		{"U1", userIDFirsts, true},
		{"W012AB", userIDFirsts, true},
		{"U" + strings.Repeat("A", 31), userIDFirsts, true},
		{"U" + strings.Repeat("A", 32), userIDFirsts, false},
		{"U", userIDFirsts, false},
		{"", userIDFirsts, false},
		{"u123", userIDFirsts, false},
		{"U12a", userIDFirsts, false},
		{"U1:profile", userIDFirsts, false},
		{"UÉ1", userIDFirsts, false},
		{"C1", userIDFirsts, false},
		{"D1", channelIDFirsts, true},
		{"D1 x", channelIDFirsts, false},
		{"E01", teamIDFirsts, true},
		{"X1", teamIDFirsts, false},
	}
	for _, tt := range tests {
		if got := idShape(tt.id, tt.firsts); got != tt.want {
			t.Errorf("idShape(%q, %q) = %v, want %v", tt.id, tt.firsts, got, tt.want)
		}
	}
}
