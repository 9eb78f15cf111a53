package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/redistest"
)

// startRun runs peerbot in HTTP mode in this process with env added, and
// returns the address it listens on, as it said, and its logs (JSON, info).
func startRun(t *testing.T, env map[string]string) (addr string, logs *syncBuffer) {
	t.Helper()
	fake := newFakeSlack(t)
	setEnv(t, map[string]string{
		"SLACK_BOT_TOKEN": "xoxb-test-token", "SLACK_SIGNING_SECRET": testSecret,
		"SLACK_API_URL": fake.URL + "/", "REDIS_URL": redistest.URL(t), "REDIS_KEY_PREFIX": redistest.Prefix(t),
		"PORT": "0", "LOG_LEVEL": "info", "LOG_FORMAT": "json",
	})
	setEnv(t, env)
	ctx, cancel := context.WithCancel(context.Background())
	logs = &syncBuffer{}
	addrCh := make(chan string, 1)
	done := make(chan error, 1)
	go func() { done <- run(ctx, nil, strings.NewReader(""), io.Discard, logs, func(a string) { addrCh <- a }) }()
	t.Cleanup(func() {
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("run after stop = %v", err)
			}
		case <-time.After(shutdownGrace + 2*time.Second):
			t.Errorf("run did not return within %v of being stopped", shutdownGrace)
		}
	})
	select {
	case addr = <-addrCh:
	case err := <-done:
		t.Fatalf("run returned before listening: %v\n%s", err, logs.String())
	case <-time.After(10 * time.Second):
		t.Fatalf("run did not start listening:\n%s", logs.String())
	}
	return addr, logs
}

func get(t *testing.T, url string) (int, string) {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestHostSetsTheListenAddress(t *testing.T) {
	addr, _ := startRun(t, map[string]string{"HOST": "127.0.0.1"})
	if !strings.HasPrefix(addr, "127.0.0.1:") {
		t.Errorf("with HOST=127.0.0.1, listening on %s, want 127.0.0.1:port", addr)
	}
	if code, _ := get(t, "http://"+addr+"/healthz"); code != http.StatusOK {
		t.Errorf("GET /healthz = %d, want 200", code)
	}
}

func TestMetricsOnTheirOwnAddress(t *testing.T) {
	addr, logs := startRun(t, map[string]string{"HOST": "127.0.0.1", "METRICS_ADDR": "127.0.0.1:0"})
	m := regexp.MustCompile(`"msg":"serving metrics","addr":"([^"]+)"`).FindStringSubmatch(logs.String())
	if m == nil {
		t.Fatalf("no serving metrics line in the logs:\n%s", logs.String())
	}
	metricsAddr := m[1]
	tests := []struct {
		url      string
		wantCode int
		want     string
	}{
		{"http://" + addr + "/metrics", http.StatusNotFound, ""},
		{"http://" + addr + "/healthz", http.StatusOK, `"status":"ok"`},
		{"http://" + addr + "/readyz", http.StatusOK, `"redis":"up"`},
		{"http://" + metricsAddr + "/metrics", http.StatusOK, "# TYPE go_goroutines gauge"},
		{"http://" + metricsAddr + "/healthz", http.StatusNotFound, ""},
		{"http://" + metricsAddr + "/slack/events", http.StatusNotFound, ""},
	}
	for _, tt := range tests {
		code, body := get(t, tt.url)
		if code != tt.wantCode || !strings.Contains(body, tt.want) {
			t.Errorf("GET %s = %d %.200q, want %d with %q", tt.url, code, body, tt.wantCode, tt.want)
		}
	}
	// Nothing failed, so no Redis error is counted: not the CLIENT SETINFO
	// that go-redis would send on each new connection, which Redis below
	// 7.2 refuses.
	if _, body := get(t, "http://"+metricsAddr+"/metrics"); strings.Contains(body, "peerbot_redis_errors_total{") {
		t.Errorf("Redis errors counted with nothing failing:\n%s", grepLines(body, "peerbot_redis_errors_total"))
	}
}

func grepLines(s, sub string) string {
	var out []string
	for line := range strings.Lines(s) {
		if strings.Contains(line, sub) {
			out = append(out, line)
		}
	}
	return strings.Join(out, "")
}

// TestSlackTokenCheckSaysWhy tells a token Slack refused from a Slack that
// cannot be reached, or that answers with an error of its own.
func TestSlackTokenCheckSaysWhy(t *testing.T) {
	refusing := newFakeSlack(t)
	refusing.authFail = true
	failing := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "unavailable", http.StatusServiceUnavailable)
	}))
	t.Cleanup(failing.Close)
	tests := []struct {
		name, apiURL  string
		want, notWant string
	}{
		{"refused token", refusing.URL + "/", "SLACK_BOT_TOKEN was not accepted by Slack (auth.test: invalid_auth)", "cannot reach"},
		{"nothing listening", "http://127.0.0.1:1/api/", "cannot reach Slack at SLACK_API_URL http://127.0.0.1:1/api/", "not accepted"},
		{"Slack failing", failing.URL + "/", "error of its own, so the bot token in SLACK_BOT_TOKEN was not checked", "not accepted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			setEnv(t, map[string]string{
				"SLACK_BOT_TOKEN": "xoxb-test-token", "SLACK_SIGNING_SECRET": testSecret,
				"SLACK_API_URL": tt.apiURL, "REDIS_URL": redistest.URL(t), "REDIS_KEY_PREFIX": redistest.Prefix(t),
				"PORT": "0", "LOG_LEVEL": "error",
			})
			err := run(context.Background(), nil, strings.NewReader(""), io.Discard, io.Discard, nil)
			if err == nil || !strings.Contains(err.Error(), tt.want) || strings.Contains(err.Error(), tt.notWant) {
				t.Errorf("run = %v\nwant an error saying %q, not %q", err, tt.want, tt.notWant)
			}
			if err != nil && strings.Contains(err.Error(), "xoxb-test-token") {
				t.Errorf("the error shows the token: %v", err)
			}
		})
	}
}
