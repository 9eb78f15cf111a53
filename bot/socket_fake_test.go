package bot_test

// The fake Slack edge for the Socket Mode tests: apps.connections.open, its
// WebSocket, chat.postMessage and a response_url, on one loopback server.

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
	"sync/atomic"
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

	// pingEvery, when set before the bot connects, makes the fake ping
	// each connection as Slack does, until stopPinging.
	pingEvery time.Duration
	pingStop  chan struct{} // closes to stop pinging the current connection
	opens     atomic.Int32  // apps.connections.open calls
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
		f.opens.Add(1)
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
	if f.pingEvery > 0 {
		stop := make(chan struct{})
		f.mu.Lock()
		f.pingStop = stop
		f.mu.Unlock()
		f.readers.Add(1)
		go f.ping(conn, stop)
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

// ping sends WebSocket pings on conn until stop closes or conn fails.
func (f *fakeSocketSlack) ping(conn *websocket.Conn, stop chan struct{}) {
	defer f.readers.Done()
	tick := time.NewTicker(f.pingEvery)
	defer tick.Stop()
	for {
		select {
		case <-stop:
			return
		case <-tick.C:
			// WriteControl may be called alongside the other writers.
			if conn.WriteControl(websocket.PingMessage, []byte("ping"), time.Now().Add(time.Second)) != nil {
				return
			}
		}
	}
}

// stopPinging stops the pings on the current connection, as a Slack edge
// that has silently gone away would.
func (f *fakeSocketSlack) stopPinging() {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.pingStop != nil {
		close(f.pingStop)
		f.pingStop = nil
	}
}

// drop closes the current connection from Slack's side, without a word.
func (f *fakeSocketSlack) drop() {
	f.writeMu.Lock()
	defer f.writeMu.Unlock()
	if f.conn != nil {
		f.conn.Close()
		f.conn = nil
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
	// The fake Slack sends no WebSocket pings; a long interval keeps
	// slack-go from hanging up on it as dead mid-test.
	return startSocketBotPinged(tb, 0, time.Hour, opts, extra...)
}

// startSocketBotPinged is startSocketBot with a fake Slack that pings every
// pingEvery (none when 0) and a client that hangs up when no ping came for
// deadAfter.
func startSocketBotPinged(tb testing.TB, pingEvery, deadAfter time.Duration, opts func(*bot.Options), extra ...handlers.Command) *socketBot {
	tb.Helper()
	f := newFakeSocketSlack(tb)
	f.pingEvery = pingEvery

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
	client := socketmode.New(api, socketmode.OptionPingInterval(deadAfter))

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
