package main

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestHTTPShareSaysWhetherItPosted: a question shared to the peer support
// channel is reported posted only when Slack took the post. When Slack
// refused it, the person is told why and what to do, and may press the
// button again once that is done; when no answer came, they are told it
// may or may not be there.
func TestHTTPShareSaysWhetherItPosted(t *testing.T) {
	tests := []struct {
		name, fail string
		want       []string
	}{
		{"posted", "", []string{"Posted to the peer support channel"}},
		{"not in the channel", "not_in_channel", []string{"wasn't posted", "invite me"}},
		{"no such channel", "channel_not_found", []string{"wasn't posted", "network admin"}},
		{"archived", "is_archived", []string{"wasn't posted", "archived", "network admin"}},
		{"no answer", "500", []string{"may or may not", "look in the peer support channel"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := startHTTP(t, map[string]string{"PEER_CHANNEL_ID": "C0PEER"})
			p.slack.mu.Lock()
			p.slack.postFail = map[string]string{"C0PEER": tt.fail}
			p.slack.mu.Unlock()
			anon := shareButton(t, p)
			p.press(t, "U01ALICE", anon)
			told := p.respondText(t, 1)
			mustContain(t, "what the asker is told", told, tt.want...)
			if tt.fail != "" && strings.Contains(told, "Posted to") {
				t.Errorf("told %q after Slack answered %s", told, tt.fail)
			}
			if tt.fail == "" {
				return
			}
			// Once the channel is put right, the button posts the question.
			p.slack.mu.Lock()
			p.slack.postFail = nil
			p.slack.mu.Unlock()
			p.press(t, "U01ALICE", anon)
			mustContain(t, "the second press", p.respondText(t, 2), "Posted to the peer support channel")
		})
	}
}

// TestHTTPSharePressedTwice: a person presses the share button again while
// their question is still being posted. The second press is not told the
// question is in the channel, as Slack has not said so; the first press
// says what Slack answered, and with the post refused the button can post
// it again.
func TestHTTPSharePressedTwice(t *testing.T) {
	p := startHTTP(t, map[string]string{"PEER_CHANNEL_ID": "C0PEER"})
	p.slack.mu.Lock()
	p.slack.postFail = map[string]string{"C0PEER": "not_in_channel"}
	p.slack.postDelay = 500 * time.Millisecond
	p.slack.mu.Unlock()
	anon := shareButton(t, p)
	p.press(t, "U01ALICE", anon)
	time.Sleep(100 * time.Millisecond)
	p.press(t, "U01ALICE", anon)
	told := p.respondText(t, 1) + "\n" + p.respondText(t, 2)
	mustContain(t, "what the two presses are told", told, "wasn't posted", "invite me")
	if strings.Contains(told, "already in the peer support channel") {
		t.Errorf("told the question is in the channel while Slack refused it:\n%s", told)
	}
}

// shareButton asks a question the bot is not sure of, as U01ALICE, and
// returns the arguments of the anonymous share button it offers.
func shareButton(t *testing.T, p *program) string {
	t.Helper()
	notSure := p.slashAs(t, "U01ALICE", "/ask", "how do I reset my IT password")
	anon := regexp.MustCompile(`share anon [0-9a-f]{32} [0-9a-f]{32}`).FindString(notSure)
	if anon == "" {
		t.Fatalf("no share button in\n%s", notSure)
	}
	return anon
}
