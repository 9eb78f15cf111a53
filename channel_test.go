package main

import (
	"encoding/json"
	"net/url"
	"strings"
	"testing"
	"time"
)

// pressRemove presses the "Remove" button under the bot's answer at ts.
func (p *program) pressRemove(t *testing.T, user, channel, ts, value string) {
	t.Helper()
	payload, _ := json.Marshal(map[string]any{
		"type": "block_actions", "user": map[string]string{"id": user}, "team": map[string]string{"id": "T1"},
		"channel": map[string]string{"id": channel}, "response_url": p.slack.URL + "/respond",
		"container": map[string]any{"type": "message", "channel_id": channel, "message_ts": ts},
		"message":   map[string]any{"ts": ts},
		"actions":   []map[string]string{{"type": "button", "action_id": "peerbot.remove", "block_id": "b", "value": value}},
	})
	if resp := p.post(t, form, url.Values{"payload": {string(payload)}}.Encode(), testSecret, time.Now()); resp.StatusCode != 200 {
		t.Fatalf("remove: status %d", resp.StatusCode)
	}
}

func channelPosts(p *program, channel string) []url.Values {
	p.slack.mu.Lock()
	defer p.slack.mu.Unlock()
	var out []url.Values
	for _, v := range p.slack.posts {
		if v.Get("channel") == channel {
			out = append(out, v)
		}
	}
	return out
}

// TestHTTPPeerChannelAnswers: in the peer support channel a confident
// question is answered once, in its thread, without quoting it, even when
// Slack delivers it again; a question it is not sure of, a thread reply and
// a bot's post get nothing; "Remove" works for the asker only (or an admin).
func TestHTTPPeerChannelAnswers(t *testing.T) {
	p := startHTTP(t, map[string]string{"PEER_CHANNEL_ID": "CPEER", "ADMIN_USER_IDS": "UADMIN1"})
	const q = "how often should a link worker have supervision?"
	msg := func(text, ts, thread, botID string) map[string]any {
		m := map[string]any{"type": "message", "channel_type": "channel", "channel": "CPEER", "user": "U0ASKER1", "text": text, "ts": ts, "event_ts": ts}
		if thread != "" {
			m["thread_ts"] = thread
		}
		if botID != "" {
			m["bot_id"] = botID
		}
		return m
	}
	p.event(t, msg(q, "1700000300.000100", "", ""))
	got := p.postsTo(t, "CPEER", 1)[0]
	if got.Get("thread_ts") != "1700000300.000100" {
		t.Errorf("answered with thread_ts %q, want in the question's thread", got.Get("thread_ts"))
	}
	blocks := got.Get("blocks")
	if strings.Contains(blocks, q) || strings.Contains(got.Get("text"), q) {
		t.Errorf("the answer quotes the question: %s", blocks)
	}
	for _, want := range []string{"supervision", `"peerbot.remove"`, `"value":"U0ASKER1"`, "Helpful", "Not helpful"} {
		if !strings.Contains(blocks, want) {
			t.Errorf("the answer lacks %q: %s", want, blocks)
		}
	}
	p.event(t, msg(q, "1700000300.000100", "", "")) // Slack delivers it again
	p.event(t, msg("is anyone around for a coffee later?", "1700000301.000100", "", ""))
	p.event(t, msg(q, "1700000302.000100", "1700000250.000100", ""))
	p.event(t, msg(q, "1700000303.000100", "", "B0OTHER"))
	stays(t, "one answer in the channel", func() bool { return len(channelPosts(p, "CPEER")) == 1 })

	p.pressRemove(t, "U0SOMEONE", "CPEER", "1700000999.000100", "U0ASKER1")
	mustContain(t, "someone else's remove", p.respondText(t, 1), "Only the person who asked")
	p.pressRemove(t, "U0ASKER1", "CPEER", "1700000999.000100", "U0ASKER1")
	waitFor(t, "the answer to be deleted", func() bool {
		p.slack.mu.Lock()
		defer p.slack.mu.Unlock()
		return len(p.slack.deleted) == 1
	})
	p.slack.mu.Lock()
	d := p.slack.deleted[0]
	p.slack.mu.Unlock()
	if d.Get("channel") != "CPEER" || d.Get("ts") != "1700000999.000100" {
		t.Errorf("deleted %v, want the bot's answer", d)
	}
}

// TestHTTPAdminTurnsChannelAnswersOn: an admin turns answers on in another
// channel, kept in Redis, and a confident question there is answered; a
// non-admin is refused; a channel not turned on stays quiet.
func TestHTTPAdminTurnsChannelAnswersOn(t *testing.T) {
	p := startHTTP(t, map[string]string{"ADMIN_USER_IDS": "UADMIN1"})
	const q = "how often should a link worker have supervision?"
	ev := func(channel, ts string) map[string]any {
		return map[string]any{"type": "message", "channel_type": "channel", "channel": channel, "user": "U0ASKER2", "text": q, "ts": ts, "event_ts": ts}
	}
	mustContain(t, "non-admin", p.slashAs(t, "U0SAM", "/peer", "admin channel answers on <#CMORE1|more>"), "only network admins")
	mustContain(t, "bad channel", p.slashAs(t, "UADMIN1", "/peer", "admin channel answers on general"), "couldn't tell which channel")
	mustContain(t, "on", p.slashAs(t, "UADMIN1", "/peer", "admin channel answers on <#CMORE1|more>"), "Answers are on in channel CMORE1")
	p.event(t, ev("CQUIET1", "1700000400.000100"))
	p.event(t, ev("CMORE1", "1700000401.000100"))
	if got := p.postsTo(t, "CMORE1", 1)[0]; got.Get("thread_ts") != "1700000401.000100" {
		t.Errorf("answered with thread_ts %q, want the question's thread", got.Get("thread_ts"))
	}
	stays(t, "nothing in a channel not turned on", func() bool { return len(channelPosts(p, "CQUIET1")) == 0 })
	mustContain(t, "off", p.slashAs(t, "UADMIN1", "/peer", "admin channel answers off CMORE1"), "Answers are off in channel CMORE1")
}
