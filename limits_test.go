package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/knowledge"
)

// Slack's limits on what the bot sends
// (https://docs.slack.dev/reference/block-kit/blocks and .../views).
const (
	limitMessageBlocks = 50
	limitViewBlocks    = 100
	limitSectionText   = 3000
	limitHeaderText    = 150
	limitButtonText    = 75
	limitActionID      = 255
	limitActionsElems  = 25
	limitModalTitle    = 24
	limitMetadata      = 3000
)

// TestEveryReplyFitsSlack runs the whole program over HTTP, asks it every
// command and subcommand there is (help, each answer, the forms, a
// supervisor with a team of 200, the longest article), and checks every
// message, form and App Home it sends against Slack's limits. Slack
// refuses a message that breaks one, and the person sees nothing.
func TestEveryReplyFitsSlack(t *testing.T) {
	const admin, super = "U0ADMIN", "U0SUPER"
	p := startHTTP(t, map[string]string{"ADMIN_USER_IDS": admin, "PEER_CHANNEL_ID": "C0PEER"})
	buildTeam(t, p, super, 200)
	sent := askEverything(t, p, admin, super)
	p.event(t, map[string]any{"type": "app_home_opened", "user": super, "channel": "D0SUPER", "tab": "home", "event_ts": "1.1"})
	p.event(t, map[string]any{"type": "app_home_opened", "user": "U100001", "channel": "D0U1", "tab": "home", "event_ts": "1.2"})
	waitFor(t, "the App Homes", func() bool {
		return p.viewCalls("views.publish", super) >= 1 && p.viewCalls("views.publish", "U100001") >= 1
	})
	if err := p.stop(); err != nil { // let background sends finish
		t.Logf("stopping: %v (what was cut short is not checked)", err)
	}
	sent = append(sent, p.slack.everythingSent()...)

	wholeTeam := false
	for _, m := range sent {
		b := string(m.body)
		wholeTeam = wholeTeam || (strings.Contains(b, "The people you supervise") && strings.Contains(b, "U100000") && strings.Contains(b, "U100199"))
	}
	if !wholeTeam {
		t.Error("no team view shows all 200 supervisees")
	}
	checked := 0
	for _, m := range sent {
		if len(m.body) == 0 {
			continue // answered later through response_url, checked there
		}
		checked++
		for _, fault := range slackFaults(t, m.body, m.view) {
			t.Errorf("%s: %s", m.what, fault)
		}
		if strings.Contains(string(m.body), "This answer was shortened") {
			t.Logf("%s: fits only because it was shortened", m.what) // it fits; its end is lost
		}
	}
	if checked < 100 {
		t.Errorf("checked %d messages and views, want every reply (over 100)", checked)
	}
}

// buildTeam gives super a team of n supervisees, each with a session
// logged.
func buildTeam(t *testing.T, p *program, super string, n int) {
	t.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, n)
	for w := range 4 {
		wg.Go(func() {
			for i := w; i < n; i += 4 {
				user := fmt.Sprintf("U1%05d", i)
				errs <- errors.Join(
					p.slashQuiet(user, "/supervision", "setup role=coach pcn=\"Gateshead West\" locality=gateshead supervisor=<@"+super+"|sam>"),
					p.slashQuiet(user, "/supervision", fmt.Sprintf("log %d Nov clinical 60", 1+i%28)))
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	p.slashRaw(t, super, "/supervision", "setup role=splw pcn=Central locality=gateshead")
}

// askEverything sends every command and subcommand, with and without
// arguments, with help for each, and returns the answers.
func askEverything(t *testing.T, p *program, admin, super string) []sentMessage {
	t.Helper()
	var sent []sentMessage
	ask := func(user, command, text string) {
		sent = append(sent, sentMessage{fmt.Sprintf("%s %s (as %s)", command, text, user), p.slashRaw(t, user, command, text), false})
	}
	for _, text := range []string{"", "help", "help roles", "help ask", "help resources", "help supervision", "help unanswered", "rols", "unanswered", "unanswered 50",
		"help schedule", "schedule", "schedule list", `schedule add "CRON_TZ=Europe/London 0 10 * * MON" <#C0PEER|peer-support> ` + strings.Repeat("The network meets today. ", 80),
		"schedule list", `schedule add "0 99 * * *" <#C0PEER> Hello`, "schedule pause nosuch", "schedule help add", "clock now"} {
		ask(admin, "/peer", text)
	}
	for _, text := range []string{"", "coach", "splw", "cc", "together", "nurse", "help"} {
		ask("U1", "/roles", text)
	}
	for _, text := range []string{"", "training", "supervision", "gateshead", "help"} {
		ask("U1", "/resources", text)
	}
	for _, text := range []string{"", longestArticle(t), "who supervises a link worker", "quantum chromodynamics of teapots", "help"} {
		ask("U1", "/ask", text)
	}
	for _, text := range []string{"", "help", "status", "log", "log help", "log today clinical 60", "history", "history 50",
		"log today clinical with <@U100000|kim> 60", "setup", "setup role=hwbc", "leave", "leave 2026-12-20 2026-12-27", "undo", "team", "standards", "standards coach",
		"standards splw", "standards cc", "confirm", "dispute", "frobnicate",
		"remind", "remind on", "remind days-before 5", "remind at 21:00", "remind on saturday anyway", "snooze 7", "snooze 99", "reminder-skip"} {
		ask(super, "/supervision", text)
		ask("U1", "/peer", "supervision "+text)
	}
	for _, sub := range []string{"status", "log", "history", "setup", "leave", "undo", "team", "standards", "remind", "snooze"} {
		ask(super, "/supervision", "help "+sub)
	}
	return sent
}

// everythingSent is every message, response_url post and view the fake
// Slack was sent, as JSON.
func (f *fakeSlack) everythingSent() []sentMessage {
	f.mu.Lock()
	defer f.mu.Unlock()
	var sent []sentMessage
	for i, post := range f.posts {
		sent = append(sent, sentMessage{fmt.Sprintf("chat.postMessage %d to %s", i+1, post.Get("channel")),
			[]byte(`{"blocks":` + orEmpty(post.Get("blocks")) + `}`), false})
	}
	for i, body := range f.respond {
		js, _ := json.Marshal(body)
		sent = append(sent, sentMessage{fmt.Sprintf("response_url post %d", i+1), js, false})
	}
	for i, call := range f.views {
		js, _ := json.Marshal(call.body["view"])
		sent = append(sent, sentMessage{fmt.Sprintf("%s %d", call.method, i+1), js, true})
	}
	return sent
}

// sentMessage is one message or view the bot sent Slack, as JSON.
type sentMessage struct {
	what string
	body []byte
	view bool // a modal or App Home rather than a message
}

func orEmpty(js string) string {
	if js == "" {
		return "[]"
	}
	return js
}

// slashRaw sends a signed slash command and returns the answer's JSON, or
// nothing when the answer follows through response_url.
func (p *program) slashRaw(t testing.TB, user, command, text string) []byte {
	t.Helper()
	body := url.Values{
		"team_id": {"T1"}, "channel_id": {"C1"}, "user_id": {user}, "command": {command},
		"text": {text}, "response_url": {p.slack.URL + "/respond"}, "trigger_id": {"1.2.3"},
	}.Encode()
	resp := p.post(t, form, body, testSecret, time.Now())
	raw, err := io.ReadAll(resp.Body)
	if err != nil || resp.StatusCode != http.StatusOK {
		t.Fatalf("%s %s: %d %s %v", command, text, resp.StatusCode, raw, err)
	}
	return raw
}

// slashQuiet sends a signed slash command and reports only whether it was
// taken; it may run in a goroutine of its own.
func (p *program) slashQuiet(user, command, text string) error {
	body := url.Values{
		"team_id": {"T1"}, "channel_id": {"C1"}, "user_id": {user}, "command": {command},
		"text": {text}, "response_url": {p.slack.URL + "/respond"},
	}.Encode()
	req, err := http.NewRequest(http.MethodPost, p.base+"/slack/events", strings.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", form)
	ts, sig := bot.Sign(testSecret, time.Now(), []byte(body))
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", sig)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	_, _ = io.Copy(io.Discard, resp.Body)
	if resp.StatusCode != http.StatusOK {
		return fmt.Errorf("%s %s as %s: status %d", command, text, user, resp.StatusCode)
	}
	return nil
}

// event sends a signed Events API callback.
func (p *program) event(t testing.TB, inner map[string]any) {
	t.Helper()
	js, _ := json.Marshal(map[string]any{"type": "event_callback", "team_id": "T1", "event_id": fmt.Sprint("Ev", inner["event_ts"]), "event": inner})
	if resp := p.post(t, "application/json", string(js), testSecret, time.Now()); resp.StatusCode != http.StatusOK {
		t.Fatalf("event %v: status %d", inner["type"], resp.StatusCode)
	}
}

// longestArticle is the title of the shipped article with the most text.
func longestArticle(t testing.TB) string {
	t.Helper()
	base, err := knowledge.Load(knowledge.Content())
	if err != nil {
		t.Fatal(err)
	}
	var title string
	most := 0
	for _, e := range base.Entries() {
		n := len(e.Summary)
		for _, s := range e.Sections {
			n += len(s.Heading) + len(s.Text)
		}
		if n > most {
			title, most = e.Title, n
		}
	}
	return title
}

// slackFaults lists where a message or view breaks one of Slack's limits.
func slackFaults(t testing.TB, js []byte, view bool) []string {
	t.Helper()
	var v struct {
		Blocks          []map[string]any       `json:"blocks"`
		Title           *struct{ Text string } `json:"title"`
		Submit          *struct{ Text string } `json:"submit"`
		Close           *struct{ Text string } `json:"close"`
		PrivateMetadata string                 `json:"private_metadata"`
	}
	if err := json.Unmarshal(js, &v); err != nil {
		t.Fatalf("decoding %s: %v", js, err)
	}
	var faults []string
	fault := func(format string, args ...any) { faults = append(faults, fmt.Sprintf(format, args...)) }
	limit := limitMessageBlocks
	if view {
		limit = limitViewBlocks
	}
	if len(v.Blocks) > limit {
		fault("%d blocks, over %d", len(v.Blocks), limit)
	}
	for _, b := range []*struct{ Text string }{v.Title, v.Submit, v.Close} {
		if b != nil && utf8.RuneCountInString(b.Text) > limitModalTitle {
			fault("modal title or button %q is over %d characters", b.Text, limitModalTitle)
		}
	}
	if n := utf8.RuneCountInString(v.PrivateMetadata); n > limitMetadata {
		fault("private_metadata of %d characters, over %d", n, limitMetadata)
	}
	for i, b := range v.Blocks {
		text := func(m any) string {
			obj, _ := m.(map[string]any)
			s, _ := obj["text"].(string)
			return s
		}
		switch b["type"] {
		case "header":
			if n := utf8.RuneCountInString(text(b["text"])); n > limitHeaderText {
				fault("block %d: header of %d characters, over %d", i, n, limitHeaderText)
			}
		case "section":
			if n := utf8.RuneCountInString(text(b["text"])); n > limitSectionText {
				fault("block %d: section text of %d characters, over %d", i, n, limitSectionText)
			}
		case "actions":
			elems, _ := b["elements"].([]any)
			if len(elems) > limitActionsElems {
				fault("block %d: %d elements in one actions block, over %d", i, len(elems), limitActionsElems)
			}
			for _, e := range elems {
				el, _ := e.(map[string]any)
				if n := utf8.RuneCountInString(text(el["text"])); n > limitButtonText {
					fault("block %d: button text %q over %d", i, text(el["text"]), limitButtonText)
				}
			}
		}
		walkActionIDs(b, func(id string) {
			if len(id) > limitActionID {
				fault("block %d: action_id of %d characters, over %d", i, len(id), limitActionID)
			}
		})
	}
	return faults
}

// walkActionIDs calls f with every action_id under v.
func walkActionIDs(v any, f func(string)) {
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			if s, ok := x.(string); ok && k == "action_id" {
				f(s)
			}
			walkActionIDs(x, f)
		}
	case []any:
		for _, x := range v {
			walkActionIDs(x, f)
		}
	}
}

// TestSlackFaultsFindsEachLimit proves the checker above can fail.
func TestSlackFaultsFindsEachLimit(t *testing.T) {
	long := strings.Repeat("x", 3001)
	tests := map[string]string{
		"blocks":   `{"blocks":[` + strings.TrimSuffix(strings.Repeat(`{"type":"divider"},`, 51), ",") + `]}`,
		"header":   `{"blocks":[{"type":"header","text":{"type":"plain_text","text":"` + long[:151] + `"}}]}`,
		"section":  `{"blocks":[{"type":"section","text":{"type":"mrkdwn","text":"` + long + `"}}]}`,
		"button":   `{"blocks":[{"type":"actions","elements":[{"type":"button","action_id":"a","text":{"type":"plain_text","text":"` + long[:76] + `"}}]}]}`,
		"actionID": `{"blocks":[{"type":"actions","elements":[{"type":"button","action_id":"` + long[:256] + `","text":{"text":"ok"}}]}]}`,
		"elements": `{"blocks":[{"type":"actions","elements":[` + strings.TrimSuffix(strings.Repeat(`{"type":"button","action_id":"a","text":{"text":"b"}},`, 26), ",") + `]}]}`,
		"title":    `{"title":{"type":"plain_text","text":"` + long[:25] + `"},"blocks":[]}`,
		"metadata": `{"private_metadata":"` + long + `","blocks":[]}`,
	}
	for name, js := range tests {
		if faults := slackFaults(t, []byte(js), name == "title" || name == "metadata"); len(faults) == 0 {
			t.Errorf("%s: no fault found in a message over the limit", name)
		}
	}
}
