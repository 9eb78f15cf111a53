package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/internal/fakeslack"
	"github.com/peerbot/peerbot/internal/redistest"
)

const testSecret = "test-signing-secret"

// fakeSlack stands in for the Slack Web API and for response_url, and
// records what the bot sent.
type fakeSlack struct {
	*httptest.Server
	mu            sync.Mutex
	posts         []url.Values     // chat.postMessage forms
	respond       []map[string]any // bodies posted to /respond
	views         []apiCall        // views.open and views.publish
	authFail      bool
	viewFail      string         // the error views.open and views.publish answer with, if any
	respondStatus int            // the status response_url answers with, if not 200
	files         *fakeslack.API // the three-step file upload
	deleted       []url.Values   // chat.delete forms
	private       []url.Values   // chat.postEphemeral forms
	// postFail is what chat.postMessage answers for a channel, by
	// channel id: a Slack error ("not_in_channel"), or "500" for a
	// server that fails without saying whether it posted.
	postFail map[string]string
	// postDelay holds chat.postMessage's answer back this long, as a
	// slow Slack does.
	postDelay time.Duration
}

// apiCall is a JSON call to the fake Web API.
type apiCall struct {
	method string
	body   map[string]any
}

func newFakeSlack(t testing.TB) *fakeSlack {
	t.Helper()
	f := &fakeSlack{files: fakeslack.New()}
	mux := http.NewServeMux()
	f.files.HandleFiles(mux, "/")
	mux.HandleFunc("/chat.delete", func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		f.mu.Lock()
		f.deleted = append(f.deleted, r.PostForm)
		f.mu.Unlock()
		fmt.Fprintf(w, `{"ok":true,"channel":%q,"ts":%q}`, r.PostForm.Get("channel"), r.PostForm.Get("ts"))
	})
	mux.HandleFunc("/chat.postEphemeral", func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		f.mu.Lock()
		f.private = append(f.private, r.PostForm)
		f.mu.Unlock()
		fmt.Fprint(w, `{"ok":true,"message_ts":"1700000999.000200"}`)
	})
	mux.HandleFunc("/auth.test", func(w http.ResponseWriter, r *http.Request) {
		if f.authFail {
			fmt.Fprint(w, `{"ok":false,"error":"invalid_auth"}`)
			return
		}
		fmt.Fprint(w, `{"ok":true,"user_id":"UBOT","team_id":"T1","user":"peerbot"}`)
	})
	mux.HandleFunc("/chat.postMessage", func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		f.mu.Lock()
		f.posts = append(f.posts, r.PostForm)
		fail := f.postFail[r.PostForm.Get("channel")]
		delay := f.postDelay
		f.mu.Unlock()
		time.Sleep(delay)
		switch fail {
		case "":
			fmt.Fprint(w, `{"ok":true,"channel":"C1","ts":"1700000999.000100"}`)
		case "500":
			http.Error(w, "internal error", http.StatusInternalServerError)
		default:
			fmt.Fprintf(w, `{"ok":false,"error":%q}`, fail)
		}
	})
	mux.HandleFunc("/conversations.open", func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm() // a person's direct message channel is named as the person, so posts to them are found by their id
		fmt.Fprintf(w, `{"ok":true,"channel":{"id":%q}}`, r.Form.Get("users"))
	})
	for _, method := range []string{"views.open", "views.publish"} {
		mux.HandleFunc("/"+method, func(w http.ResponseWriter, r *http.Request) {
			var body map[string]any
			_ = json.NewDecoder(r.Body).Decode(&body)
			f.mu.Lock()
			f.views = append(f.views, apiCall{method, body})
			fail := f.viewFail
			f.mu.Unlock()
			if fail != "" {
				fmt.Fprintf(w, `{"ok":false,"error":%q}`, fail)
				return
			}
			fmt.Fprint(w, `{"ok":true,"view":{"id":"V1"}}`)
		})
	}
	mux.HandleFunc("/users.info", func(w http.ResponseWriter, r *http.Request) {
		_ = r.ParseForm()
		fmt.Fprintf(w, `{"ok":true,"user":{"id":%q,"tz":"Europe/London"}}`, r.Form.Get("user"))
	})
	mux.HandleFunc("/respond", func(w http.ResponseWriter, r *http.Request) {
		var body map[string]any
		_ = json.NewDecoder(r.Body).Decode(&body)
		f.mu.Lock()
		status := f.respondStatus
		if status == 0 {
			f.respond = append(f.respond, body)
		}
		f.mu.Unlock()
		if status != 0 {
			http.Error(w, "used_url", status)
			return
		}
		fmt.Fprint(w, "ok")
	})
	f.Server = httptest.NewServer(mux)
	t.Cleanup(f.Close)
	return f
}

func (f *fakeSlack) postCount() int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return len(f.posts)
}

// waitFor polls cond until it holds or a few seconds pass.
func waitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(5 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// stays checks that cond keeps holding for a short while: that nothing more
// arrives.
func stays(t testing.TB, what string, cond func() bool) {
	t.Helper()
	for range 30 {
		if !cond() {
			t.Fatalf("%s no longer holds", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}

// program is peerbot running in HTTP mode in this process.
type program struct {
	base  string // http://127.0.0.1:port
	slack *fakeSlack
	stop  func() error
}

func startHTTP(t testing.TB, env map[string]string) *program {
	t.Helper()
	return startHTTPWith(t, env, io.Discard)
}

// startHTTPWith is startHTTP with the bot's standard output and logs
// written to logs.
func startHTTPWith(t testing.TB, env map[string]string, logs io.Writer) *program {
	t.Helper()
	fake := newFakeSlack(t)
	setEnv(t, map[string]string{
		"SLACK_BOT_TOKEN":      "xoxb-test-token",
		"SLACK_SIGNING_SECRET": testSecret,
		"SLACK_API_URL":        fake.URL + "/",
		"REDIS_URL":            redistest.URL(t),
		"REDIS_KEY_PREFIX":     redistest.Prefix(t),
		"PORT":                 "0",
		"LOG_LEVEL":            "error",
	})
	t.Setenv("SLACK_RESPONSE_URL_PREFIX", fake.URL+"/") // the fake's /respond stands in for hooks.slack.com
	setEnv(t, env)
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	done := make(chan error, 1)
	go func() {
		done <- run(ctx, nil, strings.NewReader(""), logs, logs, func(a string) { addr <- a })
	}()
	var base string
	select {
	case a := <-addr:
		base = "http://" + strings.Replace(a, "[::]", "127.0.0.1", 1)
	case err := <-done:
		cancel()
		t.Fatalf("run returned before listening: %v", err)
	case <-time.After(10 * time.Second):
		cancel()
		t.Fatal("run did not start listening")
	}
	stopped := false
	stop := func() error {
		if stopped {
			return nil
		}
		stopped = true
		cancel()
		select {
		case err := <-done:
			return err
		case <-time.After(shutdownGrace + 2*time.Second):
			return fmt.Errorf("run did not return within %v of being stopped", shutdownGrace)
		}
	}
	t.Cleanup(func() { _ = stop() })
	return &program{base: base, slack: fake, stop: stop}
}

// setEnv sets variables for the test; every variable the config reads is
// cleared first, so the machine's environment cannot leak in.
func setEnv(t testing.TB, env map[string]string) {
	t.Helper()
	for k, v := range env {
		t.Setenv(k, v)
	}
}

func clearConfigEnv(t *testing.T) {
	t.Helper()
	for _, name := range configVars(t) {
		t.Setenv(name, "")
		// An unset variable differs from an empty one for envconfig
		// defaults; Setenv restores it after the test.
		unsetenv(name)
	}
}

// post sends body to /slack/events, signed with secret at time at (or
// unsigned when secret is empty).
func (p *program) post(t testing.TB, contentType, body, secret string, at time.Time, headers ...string) *http.Response {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, p.base+"/slack/events", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	req.Header.Set("Content-Type", contentType)
	if secret != "" {
		ts, sig := bot.Sign(secret, at, []byte(body))
		req.Header.Set("X-Slack-Request-Timestamp", ts)
		req.Header.Set("X-Slack-Signature", sig)
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { resp.Body.Close() })
	return resp
}

func slashForm(command, text string, responseURL string) string {
	return url.Values{
		"token": {"unused"}, "team_id": {"T1"}, "channel_id": {"C1"}, "user_id": {"U1"},
		"command": {command}, "text": {text}, "response_url": {responseURL}, "trigger_id": {"1.2.3"},
	}.Encode()
}

const form = "application/x-www-form-urlencoded"

// blockTexts returns every "text" string in a Block Kit block, in order.
func blockTexts(t testing.TB, block json.RawMessage) []string {
	t.Helper()
	var v any
	if err := json.Unmarshal(block, &v); err != nil {
		t.Fatal(err)
	}
	var out []string
	var walk func(any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if s, ok := v["text"].(string); ok {
				out = append(out, s)
			}
			for k, x := range v {
				if k != "text" || func() bool { _, ok := x.(string); return !ok }() {
					walk(x)
				}
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(v)
	return out
}

func TestHTTPSlashCommands(t *testing.T) {
	p := startHTTP(t, nil)
	tests := []struct {
		command, text string
		wantHeader    string
		wantText      string
	}{
		{"/roles", "coach", "Health and wellbeing coach (HWBC)", ""},
		{"/roles", "SPLW", "Social prescribing link worker (SPLW)", ""},
		{"/roles", "care co-ordinator", "Care coordinator (CC)", ""},
		{"/peer", "roles link worker", "Social prescribing link worker (SPLW)", ""},
		{"/roles", "", "The personalised care roles", ""},
		{"/peer", "help", "What I can help with", ""},
		{"/roles", "help", "/roles", ""},
		{"/roles", "dentist", "", "I don't know a role called “dentist”"},
		{"/peer", "rols", "", "Did you mean */roles*?"},
		{"/roles", "<!channel>", "", "&lt;!channel&gt;"},
	}
	for _, tt := range tests {
		t.Run(tt.command+" "+tt.text, func(t *testing.T) {
			resp := p.post(t, form, slashForm(tt.command, tt.text, p.slack.URL+"/respond"), testSecret, time.Now())
			if resp.StatusCode != http.StatusOK {
				t.Fatalf("status = %d, want 200", resp.StatusCode)
			}
			var msg struct {
				ResponseType string            `json:"response_type"`
				Text         string            `json:"text"`
				Blocks       []json.RawMessage `json:"blocks"`
			}
			if err := json.NewDecoder(resp.Body).Decode(&msg); err != nil {
				t.Fatalf("decoding the answer: %v", err)
			}
			if msg.ResponseType != "ephemeral" {
				t.Errorf("response_type = %q, want ephemeral", msg.ResponseType)
			}
			var all string
			for _, b := range msg.Blocks {
				all += strings.Join(blockTexts(t, b), "\n") + "\n"
			}
			if tt.wantHeader != "" && (len(msg.Blocks) == 0 || blockTexts(t, msg.Blocks[0])[0] != tt.wantHeader) {
				t.Errorf("answer does not start with header %q:\n%s", tt.wantHeader, all)
			}
			if tt.wantText != "" && !strings.Contains(all, tt.wantText) {
				t.Errorf("answer lacks %q:\n%s", tt.wantText, all)
			}
		})
	}
}

func TestHTTPRefusesBadRequests(t *testing.T) {
	p := startHTTP(t, nil)
	good := slashForm("/roles", "coach", p.slack.URL+"/respond")
	now := time.Now()
	tests := []struct {
		name        string
		contentType string
		body        string
		secret      string
		at          time.Time
		headers     []string
		want        int
	}{
		{"wrong secret", form, good, "not-the-secret", now, nil, http.StatusUnauthorized},
		{"stale", form, good, testSecret, now.Add(-6 * time.Minute), nil, http.StatusUnauthorized},
		{"unsigned", form, good, "", now, nil, http.StatusUnauthorized},
		{"tampered body", form, good, testSecret, now, []string{"X-Slack-Signature", "v0=" + strings.Repeat("ab", 32)}, http.StatusUnauthorized},
		{"JSON that is not JSON", "application/json", `{"type":`, testSecret, now, nil, http.StatusBadRequest},
		{"JSON with no type", "application/json", `{"hello":"there"}`, testSecret, now, nil, http.StatusBadRequest},
		{"form with nothing known", form, "a=b", testSecret, now, nil, http.StatusBadRequest},
		{"form that is not a form", form, "%zz", testSecret, now, nil, http.StatusBadRequest},
		{"slash command without user", form, "command=%2Froles&text=coach", testSecret, now, nil, http.StatusBadRequest},
		{"interaction that is not JSON", form, "payload=%7Bnope", testSecret, now, nil, http.StatusBadRequest},
		{"interaction with no type", form, "payload=%7B%7D", testSecret, now, nil, http.StatusBadRequest},
		{"plain text", "text/plain", "hello", testSecret, now, nil, http.StatusBadRequest},
		{"over 1 MiB", form, "text=" + strings.Repeat("a", bot.MaxBody+1), testSecret, now, nil, http.StatusRequestEntityTooLarge},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			resp := p.post(t, tt.contentType, tt.body, tt.secret, tt.at, tt.headers...)
			if resp.StatusCode != tt.want {
				t.Errorf("%s: status = %d, want %d", tt.name, resp.StatusCode, tt.want)
			}
		})
	}
	resp, err := http.Get(p.base + "/slack/events")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("GET /slack/events = %d, want 405", resp.StatusCode)
	}
	if n := p.slack.postCount(); n != 0 {
		t.Errorf("refused requests posted %d messages, want 0", n)
	}
}

func TestHTTPURLVerificationAndSSLCheck(t *testing.T) {
	p := startHTTP(t, nil)
	resp := p.post(t, "application/json", `{"token":"x","challenge":"3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P","type":"url_verification"}`, testSecret, time.Now())
	var got struct{ Challenge string }
	if err := json.NewDecoder(resp.Body).Decode(&got); err != nil || resp.StatusCode != 200 {
		t.Fatalf("url_verification: status %d, %v", resp.StatusCode, err)
	}
	if got.Challenge != "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" {
		t.Errorf("challenge = %q, want the one sent", got.Challenge)
	}
	resp = p.post(t, form, "ssl_check=1&token=x", "", time.Now())
	if resp.StatusCode != http.StatusOK {
		t.Errorf("ssl_check: status = %d, want 200", resp.StatusCode)
	}
}

func eventBody(eventID, eventJSON string) string {
	return fmt.Sprintf(`{"token":"x","team_id":"T1","api_app_id":"A1","type":"event_callback","event_id":%q,"event_time":1700000000,"event":%s}`, eventID, eventJSON)
}

func TestHTTPEventsAreAnsweredOnce(t *testing.T) {
	p := startHTTP(t, nil)
	mention := `{"type":"app_mention","user":"U1","text":"<@UBOT> roles coach","ts":"1700000000.000100","channel":"C1","event_ts":"1700000000.000100"}`
	// Slack's first delivery and two retries.
	for i := range 3 {
		headers := []string{}
		if i > 0 {
			headers = []string{"X-Slack-Retry-Num", fmt.Sprint(i), "X-Slack-Retry-Reason", "http_timeout"}
		}
		if resp := p.post(t, "application/json", eventBody("Ev1", mention), testSecret, time.Now(), headers...); resp.StatusCode != 200 {
			t.Fatalf("delivery %d: status %d, want 200", i+1, resp.StatusCode)
		}
	}
	// The same mention as a message event, with its own event id.
	asMessage := `{"type":"message","channel_type":"channel","user":"U1","text":"<@UBOT> roles coach","ts":"1700000000.000100","channel":"C1","event_ts":"1700000000.000100"}`
	p.post(t, "application/json", eventBody("Ev2", asMessage), testSecret, time.Now())

	waitFor(t, "the answer", func() bool { return p.slack.postCount() >= 1 })
	stays(t, "one answer", func() bool { return p.slack.postCount() == 1 })

	p.slack.mu.Lock()
	post := p.slack.posts[0]
	p.slack.mu.Unlock()
	if post.Get("channel") != "C1" || post.Get("thread_ts") != "1700000000.000100" {
		t.Errorf("answer went to channel %q thread %q, want C1 thread 1700000000.000100", post.Get("channel"), post.Get("thread_ts"))
	}
	if !strings.Contains(post.Get("text"), "Health and wellbeing coach") || !strings.Contains(post.Get("blocks"), "Regular tasks") {
		t.Errorf("answer text %q lacks the coach article", post.Get("text"))
	}
}

func TestHTTPDirectMessagesAndIgnoredMessages(t *testing.T) {
	p := startHTTP(t, nil)
	ignored := []string{
		// the bot's own message, another bot, an edit, channel chatter
		`{"type":"message","channel_type":"im","user":"UBOT","text":"roles","ts":"1.1","channel":"D1"}`,
		`{"type":"message","channel_type":"im","bot_id":"B9","user":"U9","text":"roles","ts":"1.2","channel":"D1"}`,
		`{"type":"message","channel_type":"im","subtype":"message_changed","text":"roles","ts":"1.3","channel":"D1"}`,
		`{"type":"message","channel_type":"channel","user":"U1","text":"roles coach","ts":"1.4","channel":"C1"}`,
		`{"type":"reaction_added","user":"U1","reaction":"thumbsup","item":{"type":"message","channel":"C1","ts":"1.5"}}`,
	}
	for i, ev := range ignored {
		if resp := p.post(t, "application/json", eventBody(fmt.Sprintf("EvI%d", i), ev), testSecret, time.Now()); resp.StatusCode != 200 {
			t.Fatalf("ignored event %d: status %d, want 200", i, resp.StatusCode)
		}
	}
	dm := `{"type":"message","channel_type":"im","user":"U1","text":"help","ts":"2.1","channel":"D1"}`
	p.post(t, "application/json", eventBody("EvDM", dm), testSecret, time.Now())
	waitFor(t, "the DM answer", func() bool { return p.slack.postCount() >= 1 })
	stays(t, "only the DM answered", func() bool { return p.slack.postCount() == 1 })
	p.slack.mu.Lock()
	post := p.slack.posts[0]
	p.slack.mu.Unlock()
	if post.Get("channel") != "D1" || post.Get("thread_ts") != "" {
		t.Errorf("DM answer went to %q thread %q, want D1 with no thread", post.Get("channel"), post.Get("thread_ts"))
	}
	if !strings.Contains(post.Get("text"), "What I can help with") {
		t.Errorf("DM answer to help = %q", post.Get("text"))
	}
}

func TestHTTPButtonRunsItsCommand(t *testing.T) {
	p := startHTTP(t, nil)
	payload := fmt.Sprintf(`{"type":"block_actions","user":{"id":"U1"},"team":{"id":"T1"},"channel":{"id":"C1"},"response_url":%q,
		"actions":[{"type":"button","action_id":"peerbot.run.2","block_id":"b1","value":"roles cc"}]}`, p.slack.URL+"/respond")
	resp := p.post(t, form, url.Values{"payload": {payload}}.Encode(), testSecret, time.Now())
	if resp.StatusCode != 200 {
		t.Fatalf("status %d, want 200", resp.StatusCode)
	}
	waitFor(t, "the button's answer", func() bool {
		p.slack.mu.Lock()
		defer p.slack.mu.Unlock()
		return len(p.slack.respond) == 1
	})
	p.slack.mu.Lock()
	got := p.slack.respond[0]
	p.slack.mu.Unlock()
	if text, _ := got["text"].(string); !strings.Contains(text, "Care coordinator") {
		t.Errorf("button answer text = %q, want the care coordinator", text)
	}
	if got["response_type"] != "ephemeral" {
		t.Errorf("button answer response_type = %v, want ephemeral", got["response_type"])
	}
}

func TestHTTPHealthReadyMetrics(t *testing.T) {
	p := startHTTP(t, nil)
	p.post(t, form, slashForm("/roles", "coach", p.slack.URL+"/respond"), testSecret, time.Now())
	for path, want := range map[string]string{
		"/healthz": `"status":"ok"`,
		"/readyz":  `"redis":"up"`,
		"/metrics": `peerbot_requests_total{kind="slash_command",outcome="ok"} 1`,
	} {
		resp, err := http.Get(p.base + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != 200 || !bytes.Contains(body, []byte(want)) {
			t.Errorf("GET %s = %d, want 200 with %s; body:\n%.500s", path, resp.StatusCode, want, body)
		}
	}
}

func TestHTTPStopsGracefully(t *testing.T) {
	p := startHTTP(t, nil)
	p.post(t, form, slashForm("/roles", "coach", ""), testSecret, time.Now())
	start := time.Now()
	if err := p.stop(); err != nil {
		t.Fatalf("run after stop = %v, want nil", err)
	}
	if d := time.Since(start); d > shutdownGrace {
		t.Errorf("stopping took %v, want under %v", d, shutdownGrace)
	}
	if _, err := http.Get(p.base + "/healthz"); err == nil {
		t.Error("the server still answers after stopping")
	}
}

func TestHTTPModeNeedsRedis(t *testing.T) {
	fake := newFakeSlack(t)
	setEnv(t, map[string]string{
		"SLACK_BOT_TOKEN": "xoxb-test-token", "SLACK_SIGNING_SECRET": testSecret,
		"SLACK_API_URL": fake.URL + "/", "REDIS_URL": "redis://127.0.0.1:1/0", "PORT": "0", "LOG_LEVEL": "error",
	})
	err := run(context.Background(), nil, strings.NewReader(""), io.Discard, io.Discard, nil)
	if err == nil || !strings.Contains(err.Error(), "set REDIS_URL") {
		t.Errorf("run without Redis = %v, want an error saying to set REDIS_URL", err)
	}
}

func TestHTTPModeChecksTheToken(t *testing.T) {
	fake := newFakeSlack(t)
	fake.authFail = true
	setEnv(t, map[string]string{
		"SLACK_BOT_TOKEN": "xoxb-test-token", "SLACK_SIGNING_SECRET": testSecret,
		"SLACK_API_URL": fake.URL + "/", "REDIS_URL": redistest.URL(t), "REDIS_KEY_PREFIX": redistest.Prefix(t),
		"PORT": "0", "LOG_LEVEL": "error",
	})
	err := run(context.Background(), nil, strings.NewReader(""), io.Discard, io.Discard, nil)
	if err == nil || !strings.Contains(err.Error(), "SLACK_BOT_TOKEN") {
		t.Errorf("run with a refused token = %v, want an error naming SLACK_BOT_TOKEN", err)
	}
}

func TestConsoleOverAPipe(t *testing.T) {
	clearConfigEnv(t)
	in := strings.NewReader("/roles coach\n\n# a comment\npeer help\n/peer roles splw\nrols\n/roles help\n")
	var out, errOut bytes.Buffer
	if err := run(context.Background(), nil, in, &out, &errOut, nil); err != nil {
		t.Fatalf("console run = %v, want nil at end of input", err)
	}
	for _, want := range []string{
		"Health and wellbeing coach (HWBC)\n=====",
		"Regular tasks",
		"Sources:",
		"What I can help with",
		"Social prescribing link worker (SPLW)",
		"Did you mean /roles?",
		"Usage\n/roles [role]\n/peer roles [role]",
		"  Care coordinator: type /roles cc",
	} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("console output lacks %q:\n%s", want, out.String())
		}
	}
	if !strings.Contains(errOut.String(), "Nothing is kept") || !strings.Contains(errOut.String(), "SLACK_BOT_TOKEN") {
		t.Errorf("banner = %q, want it to say nothing is kept and how to connect Slack", errOut.String())
	}
}

func TestConsoleHonoursCommandNames(t *testing.T) {
	clearConfigEnv(t)
	t.Setenv("COMMAND_PEER", "/pcn")
	t.Setenv("COMMAND_ROLES", "")
	var out bytes.Buffer
	if err := run(context.Background(), nil, strings.NewReader("/pcn roles cc\n/roles cc\n"), &out, io.Discard, nil); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Care coordinator (CC)\n") {
		t.Errorf("/pcn roles cc did not answer:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "Sorry, I don't know the command “/roles”") {
		t.Errorf("/roles should be unknown when COMMAND_ROLES is empty:\n%s", out.String())
	}
	if !strings.Contains(out.String(), "/pcn roles hwbc") {
		t.Errorf("hints should use the configured names:\n%s", out.String())
	}
}
