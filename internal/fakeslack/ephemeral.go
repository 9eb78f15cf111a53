package fakeslack

import (
	"encoding/json"
	"io"
	"net/http"
)

// Ephemeral is one message shown to one person: posted with
// chat.postEphemeral, or to a response_url (User and Channel empty then).
type Ephemeral struct {
	Channel string
	User    string
	Text    string
	Blocks  string // the blocks JSON as posted
}

// HandleEphemeral serves chat.postEphemeral on mux under prefix (the API
// base path) and response_url posts under hooks ("/hooks/" in Handler).
// Both record, in one list, in the order they arrived. A channel in
// Outside answers chat.postEphemeral with its error code.
func (a *API) HandleEphemeral(mux *http.ServeMux, prefix, hooks string) {
	mux.HandleFunc(prefix+"chat.postEphemeral", func(w http.ResponseWriter, r *http.Request) {
		if a.limited(w, "chat.postEphemeral") {
			return
		}
		_ = r.ParseForm()
		ch := r.Form.Get("channel")
		if code := a.outside(ch); code != "" {
			reply(w, map[string]any{"ok": false, "error": code})
			return
		}
		a.record(Ephemeral{Channel: ch, User: r.Form.Get("user"), Text: r.Form.Get("text"), Blocks: r.Form.Get("blocks")})
		reply(w, map[string]any{"ok": true, "message_ts": "1.1"})
	})
	mux.HandleFunc(hooks, func(w http.ResponseWriter, r *http.Request) {
		if a.limited(w, "response_url") {
			return
		}
		var body struct {
			Text   string          `json:"text"`
			Blocks json.RawMessage `json:"blocks"`
		}
		raw, _ := io.ReadAll(r.Body)
		_ = json.Unmarshal(raw, &body)
		a.record(Ephemeral{Text: body.Text, Blocks: string(body.Blocks)})
		_, _ = io.WriteString(w, "ok")
	})
}

func (a *API) record(e Ephemeral) {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.ephemeral = append(a.ephemeral, e)
}

func (a *API) outside(channel string) string {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.Outside[channel]
}

// Ephemerals returns what was shown to one person so far, oldest first.
func (a *API) Ephemerals() []Ephemeral {
	a.mu.Lock()
	defer a.mu.Unlock()
	return append([]Ephemeral(nil), a.ephemeral...)
}
