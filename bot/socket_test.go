package bot_test

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gorilla/websocket"
	"github.com/slack-go/slack"
	"github.com/slack-go/slack/socketmode"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/knowledge"
	"github.com/peerbot/peerbot/store"
)

// socketWait bounds every wait for something to arrive over the loopback
// connection. It is generous so that a loaded CI machine does not flake;
// nothing here asserts speed.
const socketWait = 5 * time.Second

// fakeSocketSlack is the Slack edge for Socket Mode: apps.connections.open,
// the WebSocket it points at, chat.postMessage and a response_url, all on
// one loopback server. It records what the bot sends. It is safe for
// concurrent use.
type fakeSocketSlack struct {
	srv   *httptest.Server
	conns chan *websocket.Conn // each WebSocket the bot opens, after hello

	writeMu sync.Mutex // gorilla/websocket allows one writer at a time
	conn    *websocket.Conn

	mu        sync.Mutex
	acks      []socketAck
	posts     []url.Values
	responses []json.RawMessage
	readers   sync.WaitGroup // the WebSocket read loops
	closed    chan struct{}  // closed when a read loop ends: the bot hung up
}

// socketAck is one acknowledgement the bot sent over the WebSocket.
type socketAck struct {
	EnvelopeID string          `json:"envelope_id"`
	Payload    json.RawMessage `json:"payload"`
}

func newFakeSocketSlack(tb testing.TB) *fakeSocketSlack {
	tb.Helper()
	f := &fakeSocketSlack{conns: make(chan *websocket.Conn, 4), closed: make(chan struct{}, 4)}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /apps.connections.open", func(w http.ResponseWriter, r *http.Request) {
		// Socket Mode must open with the app-level token, not the bot token.
		if got := r.Header.Get("Authorization"); got != "Bearer xapp-1-test" {
			writeSocketJSON(w, map[string]any{"ok": false, "error": "invalid_auth"})
			return
		}
		writeSocketJSON(w, map[string]any{"ok": true, "url": "ws" + strings.TrimPrefix(f.srv.URL, "http") + "/ws"})
	})
	mux.HandleFunc("GET /ws", f.serveWebSocket)
	mux.HandleFunc("POST /chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil {
			http.Error(w, err.Error(), http.StatusBadRequest)
			return
		}
		f.mu.Lock()
		f.posts = append(f.posts, r.PostForm)
		f.mu.Unlock()
		writeSocketJSON(w, map[string]any{"ok": true, "channel": "C1", "ts": "1.2"})
	})
	mux.HandleFunc("POST /respond", func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(r.Body)
		if err != nil || !json.Valid(body) {
			http.Error(w, "not JSON", http.StatusBadRequest)
			return
		}
		f.mu.Lock()
		f.responses = append(f.responses, body)
		f.mu.Unlock()
		w.WriteHeader(http.StatusOK)
	})
	f.srv = httptest.NewServer(mux)
	tb.Cleanup(func() {
		// Hijacked WebSocket connections outlive srv.Close: hang up on them
		// and wait for their read loops, so no goroutine is left behind.
		f.writeMu.Lock()
		if f.conn != nil {
			f.conn.Close()
		}
		f.writeMu.Unlock()
		for len(f.conns) > 0 {
			(<-f.conns).Close() // opened but never taken by connected
		}
		f.readers.Wait()
		f.srv.Close()
	})
	return f
}

// serveWebSocket upgrades, says hello as Slack does, then reads
// acknowledgements until the connection ends.
func (f *fakeSocketSlack) serveWebSocket(w http.ResponseWriter, r *http.Request) {
	// slack-go dials with "Origin: https://api.slack.com", which the
	// default same-origin check refuses.
	up := websocket.Upgrader{CheckOrigin: func(*http.Request) bool { return true }}
	conn, err := up.Upgrade(w, r, nil)
	if err != nil {
		return
	}
	f.readers.Add(1)
	defer f.readers.Done()
	defer func() {
		select {
		case f.closed <- struct{}{}:
		default:
		}
	}()
	hello := `{"type":"hello","num_connections":1,"debug_info":{"host":"fake-slack","approximate_connection_time":18060},"connection_info":{"app_id":"A1"}}`
	if err := conn.WriteMessage(websocket.TextMessage, []byte(hello)); err != nil {
		conn.Close()
		return
	}
	f.conns <- conn
	for {
		_, data, err := conn.ReadMessage()
		if err != nil {
			conn.Close()
			return
		}
		var a socketAck
		if err := json.Unmarshal(data, &a); err != nil {
			a = socketAck{EnvelopeID: "<not JSON: " + string(data) + ">"}
		}
		f.mu.Lock()
		f.acks = append(f.acks, a)
		f.mu.Unlock()
	}
}

// connected waits for the bot to open its WebSocket.
func (f *fakeSocketSlack) connected(tb testing.TB) {
	tb.Helper()
	select {
	case c := <-f.conns:
		f.writeMu.Lock()
		f.conn = c
		f.writeMu.Unlock()
	case <-time.After(socketWait):
		tb.Fatalf("the bot did not open a Socket Mode connection within %v", socketWait)
	}
}

// send delivers one envelope to the bot, as Slack would.
func (f *fakeSocketSlack) send(tb testing.TB, envelope any) {
	tb.Helper()
	data, err := json.Marshal(envelope)
	if err != nil {
		tb.Fatal(err)
	}
	f.sendRaw(tb, data)
}

func (f *fakeSocketSlack) sendRaw(tb testing.TB, data []byte) {
	tb.Helper()
	f.writeMu.Lock()
	defer f.writeMu.Unlock()
	if f.conn == nil {
		tb.Fatal("send before the bot connected")
	}
	if err := f.conn.WriteMessage(websocket.TextMessage, data); err != nil {
		tb.Fatalf("writing an envelope to the bot: %v", err)
	}
}

// acksFor returns the acknowledgements of one envelope so far.
func (f *fakeSocketSlack) acksFor(id string) []socketAck {
	f.mu.Lock()
	defer f.mu.Unlock()
	var out []socketAck
	for _, a := range f.acks {
		if a.EnvelopeID == id {
			out = append(out, a)
		}
	}
	return out
}

// waitAcks waits until envelope id has been acknowledged n times and
// returns the acknowledgements.
func (f *fakeSocketSlack) waitAcks(tb testing.TB, id string, n int) []socketAck {
	tb.Helper()
	waitSocket(tb, fmt.Sprintf("%d acknowledgement(s) of envelope %q", n, id), func() bool {
		return len(f.acksFor(id)) >= n
	})
	return f.acksFor(id)
}

func (f *fakeSocketSlack) postsSoFar() []url.Values {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]url.Values(nil), f.posts...)
}

func (f *fakeSocketSlack) responsesSoFar() []json.RawMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]json.RawMessage(nil), f.responses...)
}

func writeSocketJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// waitSocket polls cond until it holds, failing the test after socketWait.
func waitSocket(tb testing.TB, what string, cond func() bool) {
	tb.Helper()
	deadline := time.Now().Add(socketWait)
	for !cond() {
		if time.Now().After(deadline) {
			tb.Fatalf("timed out after %v waiting for %s", socketWait, what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// socketBot is a bot running RunSocketMode against a fake Slack.
type socketBot struct {
	slack  *fakeSocketSlack
	bot    *bot.Bot
	cancel context.CancelFunc
	done   chan error // RunSocketMode's result
}

// startSocketBot runs a bot with the real /roles handler (plus extra
// commands) and a real Redis over Socket Mode, connected to a fresh fake
// Slack. opts may adjust the bot's options. Everything is stopped when the
// test ends.
func startSocketBot(tb testing.TB, opts func(*bot.Options), extra ...handlers.Command) *socketBot {
	tb.Helper()
	f := newFakeSocketSlack(tb)

	st, err := store.Open(context.Background(), store.Options{URL: redistest.URL(tb), Prefix: redistest.Prefix(tb)})
	if err != nil {
		tb.Fatalf("store.Open: %v", err)
	}
	tb.Cleanup(func() { st.Close() })

	kb, err := knowledge.Load(knowledge.Content())
	if err != nil {
		tb.Fatalf("knowledge.Load: %v", err)
	}
	roles, err := handlers.NewRoles(kb)
	if err != nil {
		tb.Fatalf("handlers.NewRoles: %v", err)
	}
	table, err := bot.NewTable("/peer", map[string]string{"roles": "/roles"}, append([]handlers.Command{roles.Command()}, extra...)...)
	if err != nil {
		tb.Fatalf("bot.NewTable: %v", err)
	}

	api := slack.New("xoxb-test",
		slack.OptionAPIURL(f.srv.URL+"/"),
		slack.OptionAppLevelToken("xapp-1-test"),
		slack.OptionHTTPClient(&http.Client{Timeout: 5 * time.Second}),
	)
	// The fake Slack sends no WebSocket pings; a long interval keeps
	// slack-go from hanging up on it as dead mid-test.
	client := socketmode.New(api, socketmode.OptionPingInterval(time.Hour))

	o := bot.Options{
		Table:      table,
		Store:      st,
		Slack:      api,
		HTTPClient: &http.Client{Timeout: 5 * time.Second},
		BotUserID:  "UBOT",
		// The fake Slack's /respond stands in for hooks.slack.com.
		ResponseURLPrefix: f.srv.URL + "/",
	}
	if opts != nil {
		opts(&o)
	}
	sb := &socketBot{slack: f, bot: bot.New(o), done: make(chan error, 1)}
	ctx, cancel := context.WithCancel(context.Background())
	sb.cancel = cancel
	go func() { sb.done <- sb.bot.RunSocketMode(ctx, client) }()
	tb.Cleanup(func() {
		cancel()
		select {
		case <-sb.done:
		case <-time.After(socketWait):
			tb.Errorf("RunSocketMode did not return within %v of cancel", socketWait)
		}
		sctx, scancel := context.WithTimeout(context.Background(), socketWait)
		defer scancel()
		if err := sb.bot.Shutdown(sctx); err != nil {
			tb.Errorf("Shutdown: %v", err)
		}
	})
	f.connected(tb)
	return sb
}

// metric returns the value of one peerbot_requests_total series, read
// from the bot's /metrics as Prometheus would, or 0 when it has none.
func (sb *socketBot) metric(tb testing.TB, kind, outcome string) int {
	tb.Helper()
	rec := httptest.NewRecorder()
	sb.bot.Handler().ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/metrics", nil))
	series := fmt.Sprintf(`peerbot_requests_total{kind=%q,outcome=%q} `, kind, outcome)
	for line := range strings.SplitSeq(rec.Body.String(), "\n") {
		if v, ok := strings.CutPrefix(line, series); ok {
			n, err := strconv.Atoi(v)
			if err != nil {
				tb.Fatalf("metric %s%s: %v", series, v, err)
			}
			return n
		}
	}
	return 0
}

// slackMessage is the part of a Slack message (an acknowledgement payload
// or a response_url body) the tests look at.
type slackMessage struct {
	ResponseType    string `json:"response_type"`
	Text            string `json:"text"`
	ReplaceOriginal bool   `json:"replace_original"`
	Blocks          []struct {
		Type string `json:"type"`
		Text *struct {
			Type string `json:"type"`
			Text string `json:"text"`
		} `json:"text"`
	} `json:"blocks"`
}

func decodeMessage(tb testing.TB, raw []byte) slackMessage {
	tb.Helper()
	if len(raw) == 0 {
		tb.Fatal("got no message, want one")
	}
	var m slackMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		tb.Fatalf("decoding a message %s: %v", clipForLog(raw), err)
	}
	return m
}

// header is the text of the message's first block, when it is a header.
func (m slackMessage) header() string {
	if len(m.Blocks) == 0 || m.Blocks[0].Type != "header" || m.Blocks[0].Text == nil {
		return ""
	}
	return m.Blocks[0].Text.Text
}

func clipForLog(b []byte) string {
	if len(b) > 300 {
		return string(b[:300]) + "…"
	}
	return string(b)
}

func slashEnvelope(envelopeID, command, text, responseURL string) map[string]any {
	return map[string]any{
		"envelope_id":              envelopeID,
		"type":                     "slash_commands",
		"accepts_response_payload": true,
		"payload": map[string]any{
			"token": "legacy", "team_id": "T1", "team_domain": "nhs-pcn",
			"channel_id": "C1", "channel_name": "general",
			"user_id": "U1", "user_name": "sam",
			"command": command, "text": text,
			"api_app_id": "A1", "response_url": responseURL, "trigger_id": "1.2.abc",
		},
	}
}

func eventEnvelope(envelopeID string, retry int, eventID string, event map[string]any) map[string]any {
	env := map[string]any{
		"envelope_id":              envelopeID,
		"type":                     "events_api",
		"accepts_response_payload": false,
		"retry_attempt":            retry,
		"payload": map[string]any{
			"token": "legacy", "team_id": "T1", "api_app_id": "A1",
			"type": "event_callback", "event_id": eventID, "event_time": 1700000000,
			"event": event,
		},
	}
	if retry > 0 {
		env["retry_reason"] = "timeout"
	}
	return env
}

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
