package bot

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/handlers"
)

const benchSecret = "bench-signing-secret"

// bareHandler is the least a Slack endpoint can do: read the body, check
// the signature and answer a line of JSON. Round trips to the bot are
// compared with it.
func bareHandler(secret string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBody))
		if err != nil {
			http.Error(w, "bad body", http.StatusBadRequest)
			return
		}
		sv, err := slack.NewSecretsVerifier(r.Header, secret)
		if err == nil {
			_, err = sv.Write(body)
		}
		if err == nil {
			err = sv.Ensure()
		}
		if err != nil {
			http.Error(w, "invalid signature", http.StatusUnauthorized)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		_, _ = io.WriteString(w, `{"text":"ok"}`)
	})
}

func benchSlashBody(command, text string) string {
	return url.Values{
		"token": {"unused"}, "team_id": {"T1"}, "channel_id": {"C1"}, "user_id": {"U1"},
		"command": {command}, "text": {text}, "response_url": {DefaultResponseURLPrefix + "commands/T1/1/x"}, "trigger_id": {"1.2.3"},
	}.Encode()
}

// roundTrips posts a signed body to h over loopback, b.N times.
func roundTrips(b *testing.B, h http.Handler, body string) {
	srv := httptest.NewServer(h)
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}}
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req, _ := http.NewRequestWithContext(context.Background(), http.MethodPost, srv.URL+"/slack/events", strings.NewReader(body))
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
			ts, sig := Sign(benchSecret, time.Now(), []byte(body))
			req.Header.Set("X-Slack-Request-Timestamp", ts)
			req.Header.Set("X-Slack-Signature", sig)
			resp, err := client.Do(req)
			if err != nil {
				b.Error(err)
				return
			}
			_, _ = io.Copy(io.Discard, resp.Body)
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				b.Errorf("status %d", resp.StatusCode)
				return
			}
		}
	})
}

// BenchmarkSlashBare is the floor the bot's round trips are measured
// against.
func BenchmarkSlashBare(b *testing.B) {
	roundTrips(b, bareHandler(benchSecret), benchSlashBody("/roles", "coach"))
}

// BenchmarkSlashRoles is a signed /roles coach over loopback: signature
// check, routing, the handler, rendering and JSON.
func BenchmarkSlashRoles(b *testing.B) {
	roles, tbl := rolesTable(b)
	_ = roles
	// Logged as in production: JSON at info, every request a line.
	bt := testBot(b, Options{SigningSecret: benchSecret, Logger: slog.New(slog.NewJSONHandler(io.Discard, nil))})
	bt.table = tbl
	roundTrips(b, bt.Handler(), benchSlashBody("/roles", "coach"))
}

// BenchmarkRenderRoles is rendering and encoding /roles coach alone.
func BenchmarkRenderRoles(b *testing.B) {
	roles, tbl := rolesTable(b)
	r, err := roles.Run(context.Background(), handlers.Request{Args: "coach", Invoke: tbl.Invocation})
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		_ = encodeMessage(r)
	}
}
