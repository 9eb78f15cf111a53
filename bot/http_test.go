package bot

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/handlers"
)

func TestMediaTypeOf(t *testing.T) {
	tests := []struct{ in, want string }{
		{"application/x-www-form-urlencoded", "application/x-www-form-urlencoded"},
		{"application/json", "application/json"},
		{"application/json; charset=utf-8", "application/json"},
		{"Application/JSON", "application/json"},
		{"application/x-www-form-urlencoded ; charset=UTF-8", "application/x-www-form-urlencoded"},
		{"text/plain", "text/plain"},
		{"", ""},
		{"not a type;;", ""},
	}
	for _, tt := range tests {
		if got := mediaTypeOf(tt.in); got != tt.want {
			t.Errorf("mediaTypeOf(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// TestSlashOverHTTP answers slash commands over a real server: a quick
// reply whole in the response, with its length; a command with nothing to
// say with an empty 200; and a slow one with an empty 200 within the
// budget, its reply through response_url once ready.
func TestSlashOverHTTP(t *testing.T) {
	const secret = "s3cret"
	hooks := newRecorder(t)
	release := make(chan struct{})
	cmds := []handlers.Command{
		{Name: "quick", Run: func(context.Context, handlers.Request) (handlers.Reply, error) {
			return handlers.Reply{Header: "Quick", Text: strings.Repeat("words ", 600)}, nil // over net/http's 2 KB buffer
		}},
		{Name: "silent", Run: func(context.Context, handlers.Request) (handlers.Reply, error) { return handlers.Reply{}, nil }},
		{Name: "slow", Run: func(context.Context, handlers.Request) (handlers.Reply, error) {
			<-release
			return handlers.Say("Done at last"), nil
		}},
	}
	b := testBot(t, Options{SigningSecret: secret, AnswerBudget: 50 * time.Millisecond, ResponseURLPrefix: hooks.URL + "/"}, cmds...)
	srv := httptest.NewServer(b.Handler())
	defer srv.Close()
	post := func(text string) (*http.Response, string, time.Duration) {
		t.Helper()
		body := slashBody("U1", "C1", "T1", text, hooks.URL+"/respond")
		req, _ := http.NewRequest(http.MethodPost, srv.URL+"/slack/events", bytes.NewReader(body))
		req.Header.Set("Content-Type", formType)
		ts, sig := Sign(secret, time.Now(), body)
		req.Header.Set("X-Slack-Request-Timestamp", ts)
		req.Header.Set("X-Slack-Signature", sig)
		start := time.Now()
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		got, _ := io.ReadAll(resp.Body)
		return resp, string(got), time.Since(start)
	}
	resp, got, _ := post("quick")
	if resp.StatusCode != http.StatusOK || !strings.Contains(got, `"text":"Quick"`) || resp.ContentLength != int64(len(got)) {
		t.Errorf("quick = %d, length %d, %.200s; want 200 with the reply and its length", resp.StatusCode, resp.ContentLength, got)
	}
	if resp, got, _ := post("silent"); resp.StatusCode != http.StatusOK || got != "" {
		t.Errorf("silent = %d %q, want an empty 200", resp.StatusCode, got)
	}
	resp, got, took := post("slow")
	if resp.StatusCode != http.StatusOK || got != "" || took > 2*time.Second {
		t.Errorf("slow = %d %q after %s, want an empty 200 at the budget", resp.StatusCode, got, took)
	}
	close(release)
	deadline := time.Now().Add(5 * time.Second)
	for len(hooks.got()) == 0 && time.Now().Before(deadline) {
		time.Sleep(5 * time.Millisecond)
	}
	if late := hooks.got(); len(late) != 1 || !strings.Contains(late[0], "Done at last") {
		t.Errorf("response_url got %q, want the slow reply", late)
	}
}
