package main

import (
	"strings"
	"testing"
	"time"
)

// TestHTTPTypedTextAsSlackSendsIt: Slack sends &, < and > a person typed
// as &amp;, &lt; and &gt;, and mentions as <@U123>. A PCN of "Q&A West"
// is kept and shown as that, not as "Q&amp;A West"; and in a direct
// message, a person named in a log (not the bot) is kept, so the session
// is logged with them and they are asked to confirm it.
func TestHTTPTypedTextAsSlackSendsIt(t *testing.T) {
	p := startHTTP(t, nil)
	got := p.slashAs(t, "U01ALICE", "/supervision", `setup role=splw pcn="Q&amp;A West" supervisor=<@U02SAMGP|sam>`)
	mustContain(t, "setup", got, "Saved", "Q&amp;A West")
	if strings.Contains(got, "&amp;amp;") {
		t.Errorf("the PCN is shown with its entity escaped again, so Slack draws Q&amp;A:\n%s", got)
	}
	mustContain(t, "report", p.slashAs(t, "U01ALICE", "/supervision", "status"), "Your supervision")

	dm := `{"type":"message","channel_type":"im","user":"U01ALICE","text":"supervision log yesterday with <@U02SAMGP> 1h","ts":"1700000300.000100","channel":"D1"}`
	p.post(t, "application/json", eventBody("EvLogDM", dm), testSecret, time.Now())
	unJSON := strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&")
	answer := p.postsTo(t, "D1", 1)[0]
	mustContain(t, "the DM log", unJSON.Replace(answer.Get("blocks")), "Logged", "with <@U02SAMGP>", "asked them to confirm")
	ask := p.postsTo(t, "U02SAMGP", 1)[0]
	mustContain(t, "the supervisor's DM", ask.Get("blocks"), "logged a supervision session with you")

	mention := `{"type":"app_mention","user":"U01ALICE","text":"<@UBOT> roles coach","ts":"1700000400.000100","channel":"C1","event_ts":"1700000400.000100"}`
	p.post(t, "application/json", eventBody("EvRoles", mention), testSecret, time.Now())
	mustContain(t, "the bot's own mention is not read", p.postsTo(t, "C1", 1)[0].Get("blocks"), "Health and wellbeing coach (HWBC)")
}
