package bot

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/store"
)

// recorder is a response_url and Web API endpoint that records what it gets.
type recorder struct {
	*httptest.Server
	mu     sync.Mutex
	bodies []string
	calls  atomic.Int32
	// limited answers this many calls with 429 before accepting.
	limited int32
}

func newRecorder(t testing.TB) *recorder {
	t.Helper()
	rec := &recorder{}
	rec.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		n := rec.calls.Add(1)
		if n <= rec.limited {
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
			return
		}
		var b strings.Builder
		_ = r.ParseForm()
		if len(r.PostForm) > 0 {
			b.WriteString(r.PostForm.Encode())
		} else {
			var v any
			_ = json.NewDecoder(r.Body).Decode(&v)
			js, _ := json.Marshal(v)
			b.Write(js)
		}
		rec.mu.Lock()
		rec.bodies = append(rec.bodies, b.String())
		rec.mu.Unlock()
		fmt.Fprint(w, `{"ok":true,"channel":"C1","ts":"1.1"}`)
	}))
	t.Cleanup(rec.Close)
	return rec
}

func (r *recorder) got() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	return append([]string(nil), r.bodies...)
}

// payloadOf decodes the JSON of a slash command's answer.
func payloadOf(t testing.TB, payload []byte) map[string]any {
	t.Helper()
	var m map[string]any
	if err := json.Unmarshal(payload, &m); err != nil {
		t.Fatalf("answer %q is not JSON: %v", payload, err)
	}
	return m
}

func testBot(t testing.TB, opts Options, cmds ...handlers.Command) *Bot {
	t.Helper()
	b, _ := testBotPrefix(t, opts, cmds...)
	return b
}

// testBotPrefix is testBot, also returning the prefix of its Redis keys.
func testBotPrefix(t testing.TB, opts Options, cmds ...handlers.Command) (*Bot, string) {
	t.Helper()
	tbl, err := NewTable("/peer", nil, cmds...)
	if err != nil {
		t.Fatal(err)
	}
	prefix := redistest.Prefix(t)
	db, err := store.Open(context.Background(), store.Options{URL: redistest.URL(t), Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	opts.Table, opts.Store = tbl, db
	b := New(opts)
	t.Cleanup(func() { _ = b.Shutdown(context.Background()) })
	return b, prefix
}

func TestSlowCommandFinishesThroughResponseURL(t *testing.T) {
	rec := newRecorder(t)
	release := make(chan struct{})
	slow := handlers.Command{Name: "slow", Run: func(ctx context.Context, _ handlers.Request) (handlers.Reply, error) {
		<-release
		return handlers.Reply{Header: "Done at last"}, nil
	}}
	b := testBot(t, Options{AnswerBudget: 20 * time.Millisecond, ResponseURLPrefix: rec.URL + "/"}, slow)
	_, ok := b.slashResponse(slack.SlashCommand{Command: "/peer", Text: "slow", UserID: "U1", ResponseURL: rec.URL + "/respond"})
	if ok {
		t.Fatal("a command slower than the budget was answered in the response")
	}
	close(release)
	deadline := time.Now().Add(5 * time.Second)
	for len(rec.got()) == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	got := rec.got()
	if len(got) != 1 || !strings.Contains(got[0], "Done at last") || !strings.Contains(got[0], `"response_type":"ephemeral"`) {
		t.Errorf("response_url got %q, want one ephemeral reply with the late answer", got)
	}
}

func TestQuickCommandIsAnsweredInTheResponse(t *testing.T) {
	rec := newRecorder(t)
	b := testBot(t, Options{}, handlers.Command{Name: "quick", Run: func(context.Context, handlers.Request) (handlers.Reply, error) {
		return handlers.Reply{Header: "Quick", Public: true}, nil
	}})
	payload, ok := b.slashResponse(slack.SlashCommand{Command: "/peer", Text: "quick", UserID: "U1", ResponseURL: rec.URL})
	if !ok {
		t.Fatal("a quick command was not answered in the response")
	}
	if m := payloadOf(t, payload); m["response_type"] != "in_channel" || m["text"] != "Quick" {
		t.Errorf("payload = %v, want an in_channel reply saying Quick", m)
	}
	if n := len(rec.got()); n != 0 {
		t.Errorf("response_url got %d posts, want 0", n)
	}
}

// The handler is given Slack's trigger id, from which a retried request's
// writes can be recognised.
func TestHandlersGetTheTriggerID(t *testing.T) {
	got := make(chan string, 1)
	b := testBot(t, Options{}, handlers.Command{Name: "see", Run: func(_ context.Context, req handlers.Request) (handlers.Reply, error) {
		got <- req.TriggerID
		return handlers.Say("seen"), nil
	}})
	b.answer(context.Background(), invocation{kind: "slash", slash: "/peer", text: "see", userID: "U1", triggerID: "1234.5678.abcd"})
	if id := <-got; id != "1234.5678.abcd" {
		t.Errorf("Request.TriggerID = %q, want the slash command's trigger_id", id)
	}
}

func TestFaultsBecomeKindWords(t *testing.T) {
	b := testBot(t, Options{AdminUserIDs: []string{"UADMIN"}},
		handlers.Command{Name: "boom", Run: func(context.Context, handlers.Request) (handlers.Reply, error) { panic("nil map") }},
		handlers.Command{Name: "broken", Run: func(context.Context, handlers.Request) (handlers.Reply, error) {
			return handlers.Reply{}, errors.New("disk on fire")
		}},
		handlers.Command{Name: "down", Run: func(context.Context, handlers.Request) (handlers.Reply, error) {
			return handlers.Reply{}, fmt.Errorf("loading: %w", handlers.ErrUnavailable)
		}},
		handlers.Command{Name: "lost", Run: func(context.Context, handlers.Request) (handlers.Reply, error) {
			return handlers.Reply{}, fmt.Errorf("saving: %w", handlers.ErrUnknown)
		}},
		handlers.Command{Name: "slow", Run: func(context.Context, handlers.Request) (handlers.Reply, error) {
			return handlers.Reply{}, fmt.Errorf("saving: %w", context.DeadlineExceeded)
		}},
		handlers.Command{Name: "secret", AdminOnly: true, Run: func(context.Context, handlers.Request) (handlers.Reply, error) {
			return handlers.Say("the report"), nil
		}},
	)
	tests := []struct {
		user, text, want string
	}{
		{"U1", "boom", "Sorry, something went wrong on my side. It has been logged (reference "},
		{"U1", "broken", "Sorry, something went wrong on my side."},
		{"U1", "down", "I can't reach my records just now, so nothing was changed."},
		{"U1", "lost", "I can't tell whether that was saved. Please check before you try again"},
		{"U1", "slow", "it may or may not have been saved"},
		{"U1", "secret", "Sorry, only network admins can use that command."},
		{"U1", "help secret", "Sorry, only network admins can use that command."},
		{"UADMIN", "secret", "the report"},
	}
	for _, tt := range tests {
		r := b.answer(context.Background(), invocation{kind: "test", slash: "/peer", text: tt.text, userID: tt.user})
		if !strings.Contains(r.Text, tt.want) {
			t.Errorf("%s as %s: reply %q, want it to contain %q", tt.text, tt.user, r.Text, tt.want)
		}
		if (tt.text == "lost" || tt.text == "slow") && strings.Contains(strings.ToLower(r.Text), "nothing was changed") {
			t.Errorf("%s: reply %q claims nothing was changed, which is not known", tt.text, r.Text)
		}
		if strings.Contains(r.Text, "nil map") || strings.Contains(r.Text, "disk on fire") {
			t.Errorf("%s: reply %q shows the internal error", tt.text, r.Text)
		}
	}
}

func TestPostWaitsOutRateLimits(t *testing.T) {
	rec := newRecorder(t)
	rec.limited = 1
	api := slack.New("xoxb-test", slack.OptionAPIURL(rec.URL+"/"))
	b := testBot(t, Options{Slack: api}, handlers.Command{Name: "x", Run: echo("x")})
	start := time.Now()
	if err := b.post(context.Background(), "C1", "", handlers.Say("hello")); err != nil {
		t.Fatalf("post after one 429 = %v, want nil", err)
	}
	if waited := time.Since(start); waited < time.Second {
		t.Errorf("post retried after %v, want it to wait Slack's Retry-After of 1s", waited)
	}
	if got := rec.got(); len(got) != 1 || !strings.Contains(got[0], "hello") {
		t.Errorf("Slack got %q, want one post saying hello", got)
	}
}

func TestPostGivesUpWhenStopped(t *testing.T) {
	rec := newRecorder(t)
	rec.limited = 100
	api := slack.New("xoxb-test", slack.OptionAPIURL(rec.URL+"/"))
	b := testBot(t, Options{Slack: api}, handlers.Command{Name: "x", Run: echo("x")})
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if err := b.post(ctx, "C1", "", handlers.Say("hello")); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("post while rate limited and stopping = %v, want DeadlineExceeded", err)
	}
}

func TestShutdownWaitsForWorkInFlight(t *testing.T) {
	b := testBot(t, Options{}, handlers.Command{Name: "x", Run: echo("x")})
	var finished atomic.Bool
	b.goTask("test", func(ctx context.Context) {
		time.Sleep(50 * time.Millisecond)
		finished.Store(true)
	})
	if err := b.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	if !finished.Load() {
		t.Error("Shutdown returned before the task finished")
	}
	if b.goTask("late", func(context.Context) {}) {
		t.Error("goTask accepted work after Shutdown")
	}
}

func TestShutdownCancelsWhatOverstays(t *testing.T) {
	b := testBot(t, Options{}, handlers.Command{Name: "x", Run: echo("x")})
	b.goTask("stuck", func(ctx context.Context) { <-ctx.Done() })
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if err := b.Shutdown(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("Shutdown with a stuck task = %v, want DeadlineExceeded", err)
	}
}

func TestReadyzSaysWhenRedisIsDown(t *testing.T) {
	db, err := store.Open(context.Background(), store.Options{URL: redistest.URL(t), Prefix: redistest.Prefix(t)})
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := NewTable("/peer", nil, handlers.Command{Name: "x", Run: echo("x")})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(New(Options{Table: tbl, Store: db}).Handler())
	defer srv.Close()
	status := func() int {
		resp, err := http.Get(srv.URL + "/readyz")
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		return resp.StatusCode
	}
	if got := status(); got != http.StatusOK {
		t.Errorf("/readyz with Redis up = %d, want 200", got)
	}
	db.Close()
	if got := status(); got != http.StatusServiceUnavailable {
		t.Errorf("/readyz with Redis gone = %d, want 503", got)
	}
}
