package bot

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"net/http"
	"net/url"
	"strconv"
	"sync"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/peerbot/peerbot/handlers"
)

// MaxBody is the largest request body the bot reads from Slack.
const MaxBody = 1 << 20

// Handler serves the bot over HTTP:
//
//	POST /slack/events  slash commands, Events API callbacks and interactivity payloads
//	GET  /healthz       200 while the process is alive
//	GET  /readyz        200 when Redis answers, else 503
//	GET  /metrics       Prometheus
func (b *Bot) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("POST /slack/events", b.serveSlack)
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, _ *http.Request) {
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	mux.HandleFunc("GET /readyz", func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), time.Second)
		defer cancel()
		if err := b.Ready(ctx); err != nil {
			b.log.Warn("not ready", "err", err)
			writeJSON(w, http.StatusServiceUnavailable, map[string]string{"status": "unavailable", "redis": "down"})
			return
		}
		writeJSON(w, http.StatusOK, map[string]string{"status": "ok", "redis": "up"})
	})
	mux.Handle("GET /metrics", b.metrics.handler())
	return mux
}

// serveSlack checks a request from Slack before anything reads it, then
// hands it on by its kind. Bad input gets a 4xx with a short reason, never a
// 5xx: Slack would retry a 5xx, and it is not our fault.
func (b *Bot) serveSlack(w http.ResponseWriter, r *http.Request) {
	start := time.Now()
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			b.refuse(w, "request", "too_large", http.StatusRequestEntityTooLarge, "request body is over 1 MiB", start)
			return
		}
		b.refuse(w, "request", "malformed", http.StatusBadRequest, "could not read the request body", start)
		return
	}
	mediaType := mediaTypeOf(r.Header.Get("Content-Type"))

	// Slack checks a new Request URL with an unsigned ssl_check; it asks
	// nothing and is told nothing but 200 (as Slack's Bolt frameworks do).
	// Only a body that says ssl_check is parsed before the signature check.
	if mediaType == "application/x-www-form-urlencoded" && bytes.Contains(body, []byte("ssl_check=1")) {
		if form, err := url.ParseQuery(string(body)); err == nil && form.Get("ssl_check") == "1" && !form.Has("command") && !form.Has("payload") {
			w.WriteHeader(http.StatusOK)
			b.observe("ssl_check", "ok", start)
			return
		}
	}

	if err := verify(r.Header, body, b.secret); err != nil {
		b.log.Warn("refused a request from Slack", "reason", err, "remote", r.RemoteAddr)
		b.refuse(w, "request", "bad_signature", http.StatusUnauthorized, "invalid signature", start)
		return
	}

	switch mediaType {
	case "application/json":
		b.serveEvents(w, r, body, start)
	case "application/x-www-form-urlencoded":
		form, err := parseForm(string(body))
		switch {
		case err != nil:
			b.refuse(w, "request", "malformed", http.StatusBadRequest, "the form body could not be parsed", start)
		case form.hasPayload:
			b.serveInteraction(w, r, form.payload, start)
		case form.hasCommand:
			b.serveSlash(w, form, start)
		default:
			b.refuse(w, "request", "malformed", http.StatusBadRequest, "the form has no command or payload", start)
		}
	default:
		b.refuse(w, "request", "malformed", http.StatusBadRequest, "expected a JSON or form body", start)
	}
}

// mediaTypeOf is a Content-Type's media type. Slack sends the two it uses
// bare, and those are known without parsing.
func mediaTypeOf(contentType string) string {
	switch contentType {
	case "application/x-www-form-urlencoded", "application/json":
		return contentType
	}
	mt, _, _ := mime.ParseMediaType(contentType)
	return mt
}

func (b *Bot) refuse(w http.ResponseWriter, kind, outcome string, status int, reason string, start time.Time) {
	b.observe(kind, outcome, start)
	http.Error(w, reason, status)
}

// serveSlash answers a slash command: in the HTTP response when the handler
// is quick, else with an empty 200 at once and the reply through
// response_url.
func (b *Bot) serveSlash(w http.ResponseWriter, form slackForm, start time.Time) {
	sc := slack.SlashCommand{
		Command:     form.command,
		Text:        form.text,
		UserID:      form.userID,
		ChannelID:   form.channelID,
		TeamID:      form.teamID,
		ResponseURL: form.responseURL,
		TriggerID:   form.triggerID,
	}
	if sc.Command == "" || sc.UserID == "" {
		b.refuse(w, "slash_command", "malformed", http.StatusBadRequest, "the slash command has no command or user", start)
		return
	}
	if err := slashIDs(sc).check(); err != nil {
		b.log.Warn("refused a slash command", "reason", err)
		b.refuse(w, "slash_command", "malformed", http.StatusBadRequest, "the slash command names an id Slack would not send", start)
		return
	}
	sc.ResponseURL = b.trustedResponseURL(sc.ResponseURL)
	in := slashInvocation(sc)
	if p, ok := b.cached(in); ok {
		writePayload(w, p)
		return
	}
	b.slashHere(w, in, sc.ResponseURL)
}

// slashHere works out a slash command's reply in this goroutine, as a
// task (tracked for Shutdown, with a task's lifetime): handing the work to
// another goroutine and waking this one for the answer cost a status reply
// a sixth of its round trip. Past the answer budget a timer answers Slack
// with an empty 200, and closes the connection, so Slack is never kept
// waiting past 3 s; the reply then follows through response_url, and this
// request ends when the work does. A reply of several pages is answered
// with an empty 200 at once, and its pages follow (sendPages).
func (b *Bot) slashHere(w http.ResponseWriter, in invocation, responseURL string) {
	var (
		mu             sync.Mutex // orders the timer's use of w and the reply's
		late, answered bool
	)
	timer := time.AfterFunc(b.budget, func() {
		mu.Lock()
		defer mu.Unlock()
		if answered {
			return
		}
		late = true
		answerEmptyNow(w)
	})
	defer timer.Stop()
	inTime := func(r handlers.Reply, more bool) bool {
		mu.Lock()
		defer mu.Unlock()
		if late {
			return false
		}
		answered = true
		switch {
		case more: // pages follow from this goroutine: answer Slack now
			answerEmptyNow(w)
		case empty(r):
			w.WriteHeader(http.StatusOK)
		default:
			buf := payloads.Get().(*[]byte)
			var ok bool
			if *buf, ok = appendReply((*buf)[:0], r); !ok {
				blocks, text := Blocks(r)
				*buf = appendMessage(*buf, blocks, responseType(r), text)
			}
			writePayload(w, *buf)
			// Out now, not when this goroutine returns: the request's
			// log line and the rest of the task come after the answer.
			if f, ok := w.(http.Flusher); ok {
				f.Flush()
			}
			// The server copied the payload in writing it: the buffer
			// may serve the next reply.
			if cap(*buf) <= maxPooledPayload {
				payloads.Put(buf)
			}
		}
		return true
	}
	ran := b.runHere("slash command", func(ctx context.Context) {
		r, logAnswered := b.answerThenLog(ctx, in)
		defer logAnswered() // once the reply is on its way
		r = b.finish(ctx, in, r)
		if len(r.More) > 0 && b.api != nil {
			inTime(handlers.Reply{}, true)
			b.sendPages(ctx, in, responseURL, r)
			return
		}
		if !inTime(r, false) {
			b.lateReply(ctx, responseURL, r)
		}
	})
	if !ran {
		inTime(handlers.Say("I'm restarting just now. Please try again in a moment."), false)
	}
}

// payloads are buffers for the JSON of replies answered in the HTTP
// response: a reply's JSON is a few KB, and making a buffer for each one
// was most of the bytes a status reply allocated, which the garbage
// collector then had to come back for.
var payloads = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// maxPooledPayload is the largest buffer kept for another reply: a rare
// long answer's buffer is left to the collector rather than held.
const maxPooledPayload = 64 << 10

// answerEmptyNow sends Slack an empty 200 at once and closes the
// connection after it: this request's goroutine stays busy with the work,
// so the connection must not be kept for another request.
func answerEmptyNow(w http.ResponseWriter) {
	h := w.Header()
	h.Set("Content-Length", "0")
	h.Set("Connection", "close")
	w.WriteHeader(http.StatusOK)
	if f, ok := w.(http.Flusher); ok {
		f.Flush()
	}
}

// writePayload writes a reply's JSON. With its length said, a reply over
// net/http's 2 KB buffer goes out whole in one write rather than chunked.
func writePayload(w http.ResponseWriter, payload []byte) {
	h := w.Header()
	h.Set("Content-Type", "application/json; charset=utf-8")
	h.Set("Content-Length", strconv.Itoa(len(payload)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(payload)
}

// slashResponse is the answer to a slash command as Slack takes it in an
// HTTP response or a Socket Mode acknowledgement: JSON, from the reply
// cache when the same words have been answered before. ok is false when the
// reply will follow through response_url instead.
func (b *Bot) slashResponse(sc slack.SlashCommand) (payload []byte, ok bool) {
	in := slashInvocation(sc)
	if p, ok := b.cached(in); ok {
		return p, true
	}
	reply, ok := b.slashReply(context.Background(), in, sc.ResponseURL)
	if !ok || empty(reply) {
		return nil, false
	}
	return encodeMessage(reply), true
}

func slashInvocation(sc slack.SlashCommand) invocation {
	return invocation{
		kind:      "slash_command",
		slash:     sc.Command,
		text:      slackText(sc.Text),
		userID:    sc.UserID,
		channelID: sc.ChannelID,
		teamID:    sc.TeamID,
		triggerID: sc.TriggerID,
	}
}

// serveEvents answers the Events API: the URL check at once, callbacks with
// 200 at once while the work goes on in the background.
func (b *Bot) serveEvents(w http.ResponseWriter, r *http.Request, body []byte, start time.Time) {
	var outer struct {
		Type      string `json:"type"`
		Challenge string `json:"challenge"`
	}
	if err := json.Unmarshal(body, &outer); err != nil || outer.Type == "" {
		b.refuse(w, "event", "malformed", http.StatusBadRequest, "the event is not valid JSON", start)
		return
	}
	switch outer.Type {
	case slackevents.URLVerification:
		b.observe("url_verification", "ok", start)
		writeJSON(w, http.StatusOK, map[string]string{"challenge": outer.Challenge})
		return
	case slackevents.CallbackEvent:
	default:
		// An outer type we do not use (such as app_rate_limited): noted, not retried.
		b.observe("event", "ignored", start)
		w.WriteHeader(http.StatusOK)
		return
	}
	ev, err := slackevents.ParseEvent(body, slackevents.OptionNoVerifyToken())
	if err != nil {
		// Slack would retry and in time disable the app if we failed it;
		// an event we cannot read is dropped with a 200 and a log line.
		b.log.Warn("could not read an event", "err", err)
		b.observe("event", "unreadable", start)
		w.WriteHeader(http.StatusOK)
		return
	}
	if err := eventIDs(ev).check(); err != nil {
		b.log.Warn("refused an event", "reason", err)
		b.refuse(w, "event", "malformed", http.StatusBadRequest, "the event names an id Slack would not send", start)
		return
	}
	w.WriteHeader(http.StatusOK)
	b.observe("event", "accepted", start)
	retry := r.Header.Get("X-Slack-Retry-Num")
	b.goTask("event", func(ctx context.Context) { b.event(ctx, ev, retry) })
}

// serveInteraction answers a button press or a form: 200 at once, and the
// work in the background, with the reply through response_url.
func (b *Bot) serveInteraction(w http.ResponseWriter, r *http.Request, payload string, start time.Time) {
	var cb slack.InteractionCallback
	if err := json.Unmarshal([]byte(payload), &cb); err != nil || cb.Type == "" {
		b.refuse(w, "interaction", "malformed", http.StatusBadRequest, "the interaction payload is not valid JSON", start)
		return
	}
	if err := interactionIDs(cb).check(); err != nil {
		b.log.Warn("refused an interaction", "reason", err)
		b.refuse(w, "interaction", "malformed", http.StatusBadRequest, "the interaction names no person, or an id Slack would not send", start)
		return
	}
	cb.ResponseURL = b.trustedResponseURL(cb.ResponseURL)
	if resp, refused := b.nhsInteraction(cb, start); refused {
		if resp == nil {
			w.WriteHeader(http.StatusOK)
			return
		}
		writeJSON(w, http.StatusOK, resp)
		return
	}
	if cb.Type == slack.InteractionTypeViewSubmission {
		// Slack waits for field errors in the response itself.
		resp := b.submission(r.Context(), cb)
		if resp == nil {
			w.WriteHeader(http.StatusOK)
			return
		}
		writeJSON(w, http.StatusOK, resp)
		return
	}
	w.WriteHeader(http.StatusOK)
	b.observe("interaction", "accepted", start)
	b.goTask("interaction", func(ctx context.Context) { b.interaction(ctx, cb) })
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}
