// Package fakeslack is a small stand-in for the Slack Web API, for tests
// and the chaos run: chat.postMessage (recording each message with its
// metadata), conversations.open, conversations.history, the three-step
// file upload (files.go), and chat.postEphemeral and response_url
// (ephemeral.go). Hooks make it
// answer 429 with Retry-After, or an error, as Slack does.
package fakeslack

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Message is one posted message.
type Message struct {
	Channel    string
	Text       string
	Blocks     string // the blocks JSON as posted
	EventType  string // metadata
	Occurrence string // metadata event_payload.occurrence
	TS         string
}

// API is the fake Web API; serve it with Handler. Safe for concurrent use.
type API struct {
	mu    sync.Mutex
	msgs  map[string][]Message // channel → messages, oldest first
	files fileStore
	seq   int64
	calls map[string]int

	// RateLimit, when set, is asked before each call of a method (with the
	// call's number, from 1): a positive answer is a 429 with that
	// Retry-After (whole seconds, at least 1).
	RateLimit func(method string, n int) time.Duration
	// Errors maps a channel or user id to the error code chat.postMessage
	// and conversations.open answer for it, such as "account_inactive".
	Errors map[string]string
	// Outside maps a conversation the bot is not in to the error code
	// conversations.history and chat.postEphemeral answer for it, such as
	// "not_in_channel" or "channel_not_found".
	Outside map[string]string

	ephemeral []Ephemeral // see ephemeral.go
}

// New returns an empty fake.
func New() *API {
	return &API{msgs: make(map[string][]Message), calls: make(map[string]int), Errors: make(map[string]string), Outside: make(map[string]string)}
}

// Handler serves the API under /api/ (point slack.OptionAPIURL at
// base + "/api/").
func (a *API) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/chat.postMessage", a.post)
	mux.HandleFunc("/api/conversations.open", a.open)
	mux.HandleFunc("/api/conversations.history", a.history)
	a.HandleFiles(mux, "/api/")
	a.HandleEphemeral(mux, "/api/", "/hooks/")
	mux.HandleFunc("/api/auth.test", func(w http.ResponseWriter, _ *http.Request) {
		reply(w, map[string]any{"ok": true, "user_id": "UBOT", "team_id": "T1"})
	})
	return mux
}

func reply(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// limited counts the call and answers 429 when RateLimit says so.
func (a *API) limited(w http.ResponseWriter, method string) bool {
	a.mu.Lock()
	a.calls[method]++
	n, hook := a.calls[method], a.RateLimit
	a.mu.Unlock()
	if hook == nil {
		return false
	}
	if d := hook(method, n); d > 0 {
		w.Header().Set("Retry-After", strconv.Itoa(max(1, int(d.Seconds()))))
		w.WriteHeader(http.StatusTooManyRequests)
		return true
	}
	return false
}

func (a *API) errorFor(id string) string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.Errors[id]
}

func (a *API) post(w http.ResponseWriter, r *http.Request) {
	if a.limited(w, "chat.postMessage") {
		return
	}
	_ = r.ParseForm()
	ch := r.Form.Get("channel")
	if code := a.errorFor(ch); code != "" {
		reply(w, map[string]any{"ok": false, "error": code})
		return
	}
	m := Message{Channel: ch, Text: r.Form.Get("text"), Blocks: r.Form.Get("blocks")}
	var md struct {
		EventType    string         `json:"event_type"`
		EventPayload map[string]any `json:"event_payload"`
	}
	if raw := r.Form.Get("metadata"); raw != "" && json.Unmarshal([]byte(raw), &md) == nil {
		m.EventType = md.EventType
		m.Occurrence = fmt.Sprint(md.EventPayload["occurrence"])
	}
	a.mu.Lock()
	a.seq++
	m.TS = fmt.Sprintf("%d.%06d", time.Now().Unix(), a.seq%1000000)
	a.msgs[ch] = append(a.msgs[ch], m)
	a.mu.Unlock()
	reply(w, map[string]any{"ok": true, "channel": ch, "ts": m.TS})
}

func (a *API) open(w http.ResponseWriter, r *http.Request) {
	if a.limited(w, "conversations.open") {
		return
	}
	_ = r.ParseForm()
	user := r.Form.Get("users")
	if code := a.errorFor(user); code != "" {
		reply(w, map[string]any{"ok": false, "error": code})
		return
	}
	reply(w, map[string]any{"ok": true, "channel": map[string]any{"id": IM(user)}})
}

// IM is the direct message channel id the fake gives a user.
func IM(user string) string { return "D" + strings.TrimPrefix(user, "U") }

func (a *API) history(w http.ResponseWriter, r *http.Request) {
	if a.limited(w, "conversations.history") {
		return
	}
	_ = r.ParseForm()
	ch := r.Form.Get("channel")
	if code := a.outside(ch); code != "" {
		reply(w, map[string]any{"ok": false, "error": code})
		return
	}
	oldest, _ := strconv.ParseFloat(r.Form.Get("oldest"), 64)
	withMeta := r.Form.Get("include_all_metadata") == "1"
	a.mu.Lock()
	var out []map[string]any
	msgs := a.msgs[ch]
	for i := len(msgs) - 1; i >= 0; i-- { // newest first, as Slack answers
		m := msgs[i]
		// The fake's ts counts posts, not time, within a second: compare
		// whole seconds so "oldest" never hides a post of the same second.
		sec, _ := strconv.ParseInt(strings.SplitN(m.TS, ".", 2)[0], 10, 64)
		if float64(sec+1) < oldest {
			continue
		}
		msg := map[string]any{"type": "message", "text": m.Text, "ts": m.TS}
		if withMeta && m.EventType != "" {
			msg["metadata"] = map[string]any{"event_type": m.EventType, "event_payload": map[string]any{"occurrence": m.Occurrence}}
		}
		out = append(out, msg)
	}
	a.mu.Unlock()
	reply(w, map[string]any{"ok": true, "messages": out, "has_more": false})
}

// Messages returns what was posted to a channel, oldest first.
func (a *API) Messages(channel string) []Message {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]Message(nil), a.msgs[channel]...)
}

// Occurrences counts the posts of each occurrence, over every channel.
func (a *API) Occurrences() map[string]int {
	a.mu.Lock()
	defer a.mu.Unlock()
	n := make(map[string]int)
	for _, msgs := range a.msgs {
		for _, m := range msgs {
			n[m.Occurrence]++
		}
	}
	return n
}

// Calls says how many times a method was called.
func (a *API) Calls(method string) int {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.calls[method]
}
