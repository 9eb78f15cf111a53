package main

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/fakeslack"
	"github.com/peerbot/peerbot/internal/redistest"
)

// TestConfirmationRequestSurvivesAStop logs a session with a supervisor on
// one replica whose Slack refuses every post (429), stops it, and starts
// another on the same Redis: the supervisor's confirmation request, queued
// durably before the log was answered, is sent by the second, once.
func TestConfirmationRequestSurvivesAStop(t *testing.T) {
	prefix := redistest.Prefix(t)
	busy := fakeslack.New()
	busy.RateLimit = func(method string, _ int) time.Duration {
		if method == "chat.postMessage" {
			return time.Second
		}
		return 0
	}
	busySrv := httptest.NewServer(busy.Handler())
	defer busySrv.Close()
	p1 := startHTTP(t, map[string]string{"SLACK_API_URL": busySrv.URL + "/api/", "REDIS_KEY_PREFIX": prefix})
	mustContain(t, "setup", p1.slashAs(t, "U01ALICE", "/supervision", `setup role="link worker" pcn="Gateshead West" locality=gateshead supervisor=<@U02SAMGP|sam>`), "Saved")
	mustContain(t, "log", p1.slashAs(t, "U01ALICE", "/supervision", "log yesterday clinical with <@U02SAMGP|sam> 1h"), "Logged", "confirm")
	waitFor(t, "the first replica to try sending", func() bool { return busy.Calls("chat.postMessage") >= 1 })
	if err := p1.stop(); err != nil {
		t.Fatal(err)
	}
	if n := len(busy.Messages(fakeslack.IM("U02SAMGP"))); n != 0 {
		t.Fatalf("the refusing Slack recorded %d posts", n)
	}

	fake := fakeslack.New()
	srv := httptest.NewServer(fake.Handler())
	defer srv.Close()
	startHTTP(t, map[string]string{"SLACK_API_URL": srv.URL + "/api/", "REDIS_KEY_PREFIX": prefix})
	sam := fakeslack.IM("U02SAMGP")
	waitFor(t, "the second replica to send the confirmation request", func() bool { return len(fake.Messages(sam)) >= 1 })
	stays(t, "one confirmation request", func() bool { return len(fake.Messages(sam)) == 1 })
	m := fake.Messages(sam)[0]
	if !strings.Contains(m.Text, "logged a supervision session with you") || !strings.Contains(m.Blocks, "supervision confirm U01ALICE ") {
		t.Errorf("the supervisor got %q with blocks %s, want the confirmation request with its Confirm button", m.Text, m.Blocks)
	}
	if m.Occurrence == "" {
		t.Error("the request was not sent by the engine (no occurrence in its metadata)")
	}
}
