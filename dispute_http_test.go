package main

import (
	"encoding/json"
	"io"
	"net/url"
	"strings"
	"testing"
	"time"
)

// TestHTTPDisputeWithAReason: a supervisee says a session their supervisor
// logged isn't right, and why: from the button, in the form it opens, or
// typed after the session's date. The supervisor's message shows the
// reason as typed; a reason with an NHS number in it is refused, and
// nothing is saved.
func TestHTTPDisputeWithAReason(t *testing.T) {
	p := startHTTP(t, nil)
	p.slashAs(t, "U01ALICE", "/supervision", "setup role=splw pcn=West supervisor=<@U02SAMGP|sam>")
	mustContain(t, "the supervisor's log", p.slashAs(t, "U02SAMGP", "/supervision", "log yesterday clinical with <@U01ALICE|alice> 1h"), "Logged")

	dispute := ""
	waitFor(t, "the Not right button", func() bool {
		for _, post := range p.postsTo(t, "U01ALICE", 1) {
			for _, v := range buttonValues([]byte(post.Get("blocks"))) {
				if strings.HasPrefix(v, "supervision dispute U01ALICE ") {
					dispute = v
				}
			}
		}
		return dispute != ""
	})
	p.press(t, "U01ALICE", dispute)
	waitFor(t, "the dispute form", func() bool { return p.viewCalls("views.open", "") == 1 })
	var view map[string]any
	p.slack.mu.Lock()
	for _, c := range p.slack.views {
		if c.method == "views.open" {
			view, _ = c.body["view"].(map[string]any)
		}
	}
	p.slack.mu.Unlock()
	if view["callback_id"] != "supervision.dispute" {
		t.Fatalf("the button opened %v, want the dispute form", view["callback_id"])
	}
	state, _ := view["private_metadata"].(string)

	submit := func(reason string) string {
		t.Helper()
		payload, _ := json.Marshal(map[string]any{
			"type": "view_submission", "user": map[string]string{"id": "U01ALICE"}, "team": map[string]string{"id": "T1"},
			"view": map[string]any{"callback_id": "supervision.dispute", "private_metadata": state,
				"state": map[string]any{"values": map[string]any{"reason": map[string]any{"reason": map[string]any{"type": "plain_text_input", "value": reason}}}},
				"blocks": []map[string]any{{"type": "input", "block_id": "reason", "label": map[string]string{"type": "plain_text", "text": "Reason"},
					"element": map[string]string{"type": "plain_text_input", "action_id": "reason"}}}},
		})
		resp := p.post(t, form, url.Values{"payload": {string(payload)}}.Encode(), testSecret, time.Now())
		body, _ := io.ReadAll(resp.Body)
		return string(body)
	}
	if body := submit("wrong patient 943 476 5919"); !strings.Contains(body, `"response_action":"errors"`) || !strings.Contains(body, "NHS number") {
		t.Errorf("a reason with an NHS number: %s, want it refused in the form", body)
	}
	if body := submit(strings.Repeat("far too long ", 20)); !strings.Contains(body, `"response_action":"errors"`) {
		t.Errorf("a reason of 260 characters: %s, want it refused in the form", body)
	}
	mustContain(t, "status while refused", p.slashAs(t, "U01ALICE", "/supervision", "history"), "awaiting")

	if body := submit("wrong date <@U999>, it was Monday"); strings.TrimSpace(body) != "" {
		t.Errorf("a reason: %q, want the form closed", body)
	}
	var told string
	waitFor(t, "the supervisor told why", func() bool {
		told = ""
		for _, post := range p.postsTo(t, "U02SAMGP", 1) {
			told += post.Get("text") + post.Get("blocks")
		}
		return strings.Contains(told, "isn't right")
	})
	mustContain(t, "the supervisor's message", told, "wrong date", "it was Monday")
	if strings.Contains(told, "<@U999>") {
		t.Errorf("the reason became a mention:\n%s", told)
	}
	mustContain(t, "history", p.slashAs(t, "U01ALICE", "/supervision", "history"), "disputed", "wrong date")

	// Typed, after the session's date.
	p.slashAs(t, "U02SAMGP", "/supervision", "log today clinical with <@U01ALICE|alice> 1h")
	got := p.slashAs(t, "U01ALICE", "/supervision", "dispute today: it was 30 minutes")
	mustContain(t, "typed dispute", got, "as not right", "it was 30 minutes")
	waitFor(t, "the supervisor told the typed reason", func() bool {
		for _, post := range p.postsTo(t, "U02SAMGP", 1) {
			if strings.Contains(post.Get("blocks"), "it was 30 minutes") {
				return true
			}
		}
		return false
	})
}
