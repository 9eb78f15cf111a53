package main

import (
	"fmt"
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

// TestHTTPRecordsAskedForInAChannelStayPrivate: a supervisor mentioning the
// bot in a channel for their team view, or an admin for the report, gets
// it where only they can see it: nothing of anyone's record is posted in
// the channel. A question there is still answered in the thread for all.
func TestHTTPRecordsAskedForInAChannelStayPrivate(t *testing.T) {
	p := startHTTP(t, map[string]string{"ADMIN_USER_IDS": "U09ADMIN"})
	p.slashAs(t, "U01ALICE", "/supervision", `setup role=splw pcn=Central supervisor=<@U02SAMGP|sam>`)
	for i, ask := range []struct{ user, text, want string }{
		{"U02SAMGP", "supervision team", "The people you supervise"},
		{"U09ADMIN", "admin report", "Supervision report"},
		{"U01ALICE", "history", "Your supervision history"},
	} {
		ev := fmt.Sprintf(`{"type":"app_mention","user":%q,"text":"<@UBOT> %s","ts":"17000005%02d.000100","channel":"C1","event_ts":"17000005%02d.000100"}`, ask.user, ask.text, i, i)
		p.post(t, "application/json", eventBody(fmt.Sprintf("EvPriv%d", i), ev), testSecret, time.Now())
		waitFor(t, ask.text+" answered privately", func() bool {
			p.slack.mu.Lock()
			defer p.slack.mu.Unlock()
			return len(p.slack.private) > i
		})
		p.slack.mu.Lock()
		got := p.slack.private[i]
		p.slack.mu.Unlock()
		if got.Get("user") != ask.user || got.Get("channel") != "C1" || got.Get("thread_ts") == "" {
			t.Errorf("%s: shown to %q in %q thread %q, want to %s alone in C1's thread", ask.text, got.Get("user"), got.Get("channel"), got.Get("thread_ts"), ask.user)
		}
		mustContain(t, ask.text, got.Get("blocks"), ask.want)
	}
	stays(t, "nothing posted in the channel", func() bool {
		p.slack.mu.Lock()
		defer p.slack.mu.Unlock()
		for _, v := range p.slack.posts {
			if v.Get("channel") == "C1" {
				return false
			}
		}
		return true
	})

	q := `{"type":"app_mention","user":"U01ALICE","text":"<@UBOT> what does a care coordinator do?","ts":"1700000600.000100","channel":"C1","event_ts":"1700000600.000100"}`
	p.post(t, "application/json", eventBody("EvPubQ", q), testSecret, time.Now())
	mustContain(t, "a question", p.postsTo(t, "C1", 1)[0].Get("blocks"), "Care coordinator (CC)")
}

// TestHTTPScheduledPostAsTyped: a scheduled post typed in Slack, with a
// joining link, an ampersand, a person, a channel and @channel in it, as
// Slack sends them, posts the link as a link and the rest as words: no
// mention, ping or entity shown twice.
func TestHTTPScheduledPostAsTyped(t *testing.T) {
	p := startHTTP(t, map[string]string{"ADMIN_USER_IDS": "U09ADMIN"})
	got := p.slashAs(t, "U09ADMIN", "/peer", `schedule add every weekday at 9am <#C0PEERS|peer-support> Good morning <!channel>! Q&amp;A: <https://meet.example/x?a=1&amp;b=2> with <@U0SAM1|sam> in <#C0PEERS|peer-support>`)
	got = strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&").Replace(got)
	mustContain(t, "schedule add", got, "Scheduled", "channel C0PEERS",
		"<https://meet.example/x?a=1&amp;b=2|meet.example/x?a=1&amp;b=2>", "Good morning @channel! Q&amp;A:", "with @sam in #peer-support")
	for _, bad := range []string{"<!channel>", "<@U0SAM1", "&amp;amp;", "&lt;https", "&amp;lt;"} {
		if strings.Contains(got, bad) {
			t.Errorf("the post shows %q:\n%s", bad, got)
		}
	}
}

// TestHTTPChannelAnswersByTypedID: an admin typing a channel's id after #,
// as for a schedule, turns answers on there.
func TestHTTPChannelAnswersByTypedID(t *testing.T) {
	p := startHTTP(t, map[string]string{"ADMIN_USER_IDS": "UADMIN1"})
	mustContain(t, "on", p.slashAs(t, "UADMIN1", "/peer", "admin channel answers on #CMORE1"), "Answers are on in channel CMORE1")
	mustContain(t, "a name", p.slashAs(t, "UADMIN1", "/peer", "admin channel answers on #general"), "couldn't tell which channel")
}
