package main

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/redistest"
)

// TestRedisOutageAndRecovery runs the bot over HTTP on a redis-server of
// the test's own, kills that server part way and starts it again: while it
// is down, every reply is a 200 with words saying what happened, /readyz
// says 503, and nothing claims a write it cannot know; once it is back, the
// same bot, never restarted, saves again.
func TestRedisOutageAndRecovery(t *testing.T) {
	srv := redistest.NewServer(t)
	p := startHTTP(t, map[string]string{"REDIS_URL": "redis://" + srv.Addr() + "/0"})
	const me = "U0OUTAGE1"
	mustContain(t, "setup before the outage", p.slashAs(t, me, "/supervision", "setup role=coach pcn=Central"), "Saved")

	srv.Stop()
	if code := readyz(t, p); code != http.StatusServiceUnavailable {
		t.Errorf("GET /readyz with Redis down = %d, want 503", code)
	}
	start := time.Now()
	down := p.slashAs(t, me, "/supervision", "log yesterday clinical 60") // slashAs fails the test on any status but 200
	if !strings.Contains(down, "can't reach my records") && !strings.Contains(down, "can't tell whether") {
		t.Errorf("a log with Redis down answered %q, want it to say the records cannot be reached", down)
	}
	if took := time.Since(start); took > 3*time.Second {
		t.Errorf("a log with Redis down took %v, longer than Slack waits", took)
	}
	mustContain(t, "a question with Redis down", p.slashAs(t, me, "/ask", "what does a health and wellbeing coach do"), "Health and wellbeing coach")

	srv.Start() // empty: this server keeps nothing across a restart
	deadline := time.Now().Add(10 * time.Second)
	for readyz(t, p) != http.StatusOK {
		if time.Now().After(deadline) {
			t.Fatal("/readyz did not say ready within 10 s of Redis coming back")
		}
		time.Sleep(100 * time.Millisecond)
	}
	mustContain(t, "setup after the outage", p.slashAs(t, me, "/supervision", "setup role=coach pcn=Central"), "Saved")
	mustContain(t, "a log after the outage", p.slashAs(t, me, "/supervision", "log yesterday clinical 60"), "Logged")
}

// TestReadOnlyCommandsWithRedisDown: with Redis unreachable, a command
// that only reads (status, history, the team view, standards, leave or
// reminders alone, my data, an admin's report or list) says the records
// can't be read just now and to try again shortly, never "nothing was
// changed", which a write whose failure is known says.
func TestReadOnlyCommandsWithRedisDown(t *testing.T) {
	srv := redistest.NewServer(t)
	const me = "U0OUTAGE2"
	p := startHTTP(t, map[string]string{"REDIS_URL": "redis://" + srv.Addr() + "/0", "ADMIN_USER_IDS": me})
	mustContain(t, "setup before the outage", p.slashAs(t, me, "/supervision", "setup role=coach pcn=Central"), "Saved")
	srv.Stop()
	responds := 0
	// ask is slashAs, or what follows through response_url when Slack's
	// 3 s pass first and the answer comes that way.
	ask := func(command, text string) string {
		t.Helper()
		if got := p.slashAs(t, me, command, text); got != "" {
			return got
		}
		responds++
		return p.respondText(t, responds)
	}

	for _, c := range []struct{ command, text string }{
		{"/supervision", ""}, {"/supervision", "status"}, {"/supervision", "history"}, {"/supervision", "team"},
		{"/supervision", "leave"}, {"/supervision", "remind"}, {"/supervision", "confirm"},
		{"/peer", "my-data"}, {"/peer", "supervision history 5"},
	} {
		got := ask(c.command, c.text)
		mustContain(t, c.command+" "+c.text, got, "can't read my records just now", "try again in a minute")
		if strings.Contains(got, "nothing was changed") {
			t.Errorf("%s %s, only reading, says nothing was changed:\n%s", c.command, c.text, got)
		}
	}
	for _, c := range []struct{ command, text string }{{"/peer", "admin report"}, {"/peer", "admin audit"}, {"/peer", "schedule list"}} {
		got := ask(c.command, c.text)
		mustContain(t, c.command+" "+c.text, got, "didn't run that", "try again in a minute")
		if strings.Contains(got, "nothing was changed") {
			t.Errorf("%s %s, only reading, says nothing was changed:\n%s", c.command, c.text, got)
		}
	}
	// A button that only reads, answered through response_url.
	p.press(t, me, "supervision history")
	responds++
	got := p.respondText(t, responds)
	mustContain(t, "the history button", got, "can't read my records just now")
	// Writes keep their words.
	for _, c := range []struct{ command, text string }{{"/supervision", "leave 8-19 Dec"}, {"/supervision", "remind off"}} {
		mustContain(t, c.command+" "+c.text, ask(c.command, c.text), "can't reach my records just now, so nothing was changed")
	}
}

func readyz(t testing.TB, p *program) int {
	t.Helper()
	resp, err := http.Get(p.base + "/readyz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// TestHTTPHomeWithRedisDown: the App Home opened while Redis is down says
// the records can't be reached and that nothing is lost, in place of a
// blank tab or an old status read as today's.
func TestHTTPHomeWithRedisDown(t *testing.T) {
	srv := redistest.NewServer(t)
	p := startHTTP(t, map[string]string{"REDIS_URL": "redis://" + srv.Addr() + "/0"})
	srv.Stop()
	home := `{"type":"app_home_opened","user":"U0OUTAGE2","channel":"D1","tab":"home","event_ts":"1700000300.000100"}`
	p.post(t, "application/json", eventBody("EvHomeDown", home), testSecret, time.Now())
	waitFor(t, "the App Home", func() bool { return p.viewCalls("views.publish", "U0OUTAGE2") == 1 })
	p.slack.mu.Lock()
	view, _ := json.Marshal(p.slack.views[len(p.slack.views)-1].body)
	p.slack.mu.Unlock()
	mustContain(t, "the App Home with Redis down", string(view), "can't reach my records", "kept as it was")
}
