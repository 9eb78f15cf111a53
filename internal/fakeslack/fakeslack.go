// Package fakeslack is a small stand-in for the Slack Web API, for tests
// and the chaos run: chat.postMessage (recording each message with its
// metadata), conversations.open, conversations.history and the external
// file upload (files.getUploadURLExternal, the upload, then
// files.completeUploadExternal). Hooks make it
// answer 429 with Retry-After, or an error, as Slack does.
package fakeslack

import (
	"encoding/json"
	"fmt"
	"io"
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

// File is one file shared by files.completeUploadExternal.
type File struct {
	Channel string
	Name    string
	Title   string
	Content []byte
}

// API is the fake Web API; serve it with Handler. Safe for concurrent use.
type API struct {
	mu    sync.Mutex
	msgs  map[string][]Message // channel → messages, oldest first
	seq   int64
	calls map[string]int
	// uploads holds each file's bytes by file id, from the upload to its
	// completion; files are the completed ones, by channel.
	uploads map[string][]byte
	names   map[string]string
	files   map[string][]File

	// RateLimit, when set, is asked before each call of a method (with the
	// call's number, from 1): a positive answer is a 429 with that
	// Retry-After (whole seconds, at least 1).
	RateLimit func(method string, n int) time.Duration
	// Errors maps a channel or user id to the error code chat.postMessage
	// and conversations.open answer for it, such as "account_inactive".
	Errors map[string]string
}

// New returns an empty fake.
func New() *API {
	return &API{
		msgs: make(map[string][]Message), calls: make(map[string]int), Errors: make(map[string]string),
		uploads: make(map[string][]byte), names: make(map[string]string), files: make(map[string][]File),
	}
}

// Handler serves the API under /api/ (point slack.OptionAPIURL at
// base + "/api/").
func (a *API) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("/api/chat.postMessage", a.post)
	mux.HandleFunc("/api/conversations.open", a.open)
	mux.HandleFunc("/api/conversations.history", a.history)
	mux.HandleFunc("/api/files.getUploadURLExternal", a.uploadURL)
	mux.HandleFunc("/api/fake-upload/", a.upload)
	mux.HandleFunc("/api/files.completeUploadExternal", a.complete)
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

func (a *API) uploadURL(w http.ResponseWriter, r *http.Request) {
	if a.limited(w, "files.getUploadURLExternal") {
		return
	}
	_ = r.ParseForm()
	name := r.Form.Get("filename")
	if name == "" || r.Form.Get("length") == "" {
		reply(w, map[string]any{"ok": false, "error": "invalid_arguments"})
		return
	}
	a.mu.Lock()
	a.seq++
	id := fmt.Sprintf("F%06d", a.seq)
	a.names[id] = name
	a.mu.Unlock()
	reply(w, map[string]any{"ok": true, "file_id": id, "upload_url": "http://" + r.Host + "/api/fake-upload/" + id})
}

func (a *API) upload(w http.ResponseWriter, r *http.Request) {
	id := strings.TrimPrefix(r.URL.Path, "/api/fake-upload/")
	f, _, err := r.FormFile("file")
	if err != nil {
		http.Error(w, "no file", http.StatusBadRequest)
		return
	}
	defer f.Close()
	b, err := io.ReadAll(f)
	if err != nil {
		http.Error(w, "bad file", http.StatusBadRequest)
		return
	}
	a.mu.Lock()
	_, known := a.names[id]
	if known {
		a.uploads[id] = b
	}
	a.mu.Unlock()
	if !known {
		http.Error(w, "unknown upload", http.StatusNotFound)
		return
	}
	_, _ = w.Write([]byte("OK - " + strconv.Itoa(len(b))))
}

func (a *API) complete(w http.ResponseWriter, r *http.Request) {
	if a.limited(w, "files.completeUploadExternal") {
		return
	}
	_ = r.ParseForm()
	var files []struct {
		ID    string `json:"id"`
		Title string `json:"title"`
	}
	if err := json.Unmarshal([]byte(r.Form.Get("files")), &files); err != nil || len(files) == 0 {
		reply(w, map[string]any{"ok": false, "error": "invalid_arguments"})
		return
	}
	ch := r.Form.Get("channel_id")
	a.mu.Lock()
	defer a.mu.Unlock()
	var out []map[string]any
	for _, f := range files {
		b, ok := a.uploads[f.ID]
		if !ok {
			reply(w, map[string]any{"ok": false, "error": "file_not_found"})
			return
		}
		a.files[ch] = append(a.files[ch], File{Channel: ch, Name: a.names[f.ID], Title: f.Title, Content: b})
		delete(a.uploads, f.ID)
		out = append(out, map[string]any{"id": f.ID, "title": f.Title})
	}
	reply(w, map[string]any{"ok": true, "files": out})
}

// Files returns the files shared to a channel, oldest first.
func (a *API) Files(channel string) []File {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]File(nil), a.files[channel]...)
}
