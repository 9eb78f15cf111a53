package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// slashAs sends a signed slash command from user and returns every text in
// the answer's blocks, joined.
func (p *program) slashAs(t testing.TB, user, command, text string) string {
	t.Helper()
	body := url.Values{
		"team_id": {"T1"}, "channel_id": {"C1"}, "user_id": {user}, "command": {command},
		"text": {text}, "response_url": {p.slack.URL + "/respond"},
	}.Encode()
	resp := p.post(t, form, body, testSecret, time.Now())
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("%s %s: status %d, want 200", command, text, resp.StatusCode)
	}
	return answerText(t, resp.Body)
}

func answerText(t testing.TB, r io.Reader) string {
	t.Helper()
	var msg struct {
		Text   string            `json:"text"`
		Blocks []json.RawMessage `json:"blocks"`
	}
	raw, _ := io.ReadAll(r)
	if len(bytes.TrimSpace(raw)) == 0 {
		return ""
	}
	if err := json.Unmarshal(raw, &msg); err != nil {
		t.Fatalf("decoding %q: %v", raw, err)
	}
	all := []string{msg.Text}
	for _, b := range msg.Blocks {
		all = append(all, blockTexts(t, b)...)
		all = append(all, buttonValues(b)...)
	}
	return strings.Join(all, "\n")
}

var buttonValue = regexp.MustCompile(`"value":"([^"]*)"`)

// buttonValues returns the values of the buttons in a block.
func buttonValues(block []byte) []string {
	var out []string
	for _, m := range buttonValue.FindAllSubmatch(block, -1) {
		out = append(out, string(m[1]))
	}
	return out
}

// press sends a signed button press by user on a button carrying value.
func (p *program) press(t testing.TB, user, value string) {
	t.Helper()
	payload, _ := json.Marshal(map[string]any{
		"type": "block_actions", "user": map[string]string{"id": user}, "team": map[string]string{"id": "T1"},
		"channel": map[string]string{"id": "D" + user}, "response_url": p.slack.URL + "/respond", "trigger_id": "9.9.9",
		"actions": []map[string]string{{"type": "button", "action_id": "peerbot.run.0", "block_id": "b", "value": value}},
	})
	if resp := p.post(t, form, url.Values{"payload": {string(payload)}}.Encode(), testSecret, time.Now()); resp.StatusCode != 200 {
		t.Fatalf("button %q: status %d", value, resp.StatusCode)
	}
}

// lastRespond waits for the nth post to response_url (counting from 1) and
// returns its text and blocks' texts.
func (p *program) respondText(t testing.TB, n int) string {
	t.Helper()
	waitFor(t, fmt.Sprintf("response_url post %d", n), func() bool {
		p.slack.mu.Lock()
		defer p.slack.mu.Unlock()
		return len(p.slack.respond) >= n
	})
	p.slack.mu.Lock()
	got := p.slack.respond[n-1]
	p.slack.mu.Unlock()
	js, _ := json.Marshal(got)
	return answerText(t, bytes.NewReader(js))
}

// postsTo waits for at least n chat.postMessage calls to channel and
// returns them.
func (p *program) postsTo(t testing.TB, channel string, n int) []url.Values {
	t.Helper()
	var got []url.Values
	waitFor(t, fmt.Sprintf("%d message(s) to %s", n, channel), func() bool {
		p.slack.mu.Lock()
		defer p.slack.mu.Unlock()
		got = nil
		for _, v := range p.slack.posts {
			if v.Get("channel") == channel {
				got = append(got, v)
			}
		}
		return len(got) >= n
	})
	return got
}

func (p *program) viewCalls(method, user string) int {
	p.slack.mu.Lock()
	defer p.slack.mu.Unlock()
	n := 0
	for _, c := range p.slack.views {
		if c.method == method && (user == "" || c.body["user_id"] == user) {
			n++
		}
	}
	return n
}

func mustContain(t testing.TB, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s lacks %q:\n%s", what, w, got)
		}
	}
}

func TestHTTPAnswersQuestions(t *testing.T) {
	p := startHTTP(t, map[string]string{"PEER_CHANNEL_ID": "C0PEER"})
	tests := []struct {
		command, text string
		want          []string
	}{
		{"/ask", "who supervises a link worker?", []string{"Supervision for social prescribing link workers", "Sources:", "feedback supervision-splw helpful"}},
		{"/ask", "socal prescibing wroker", []string{"Social prescribing link worker (SPLW)", "Did you mean"}},
		{"/peer", "ask what is ARRS", []string{"Additional Roles Reimbursement Scheme"}},
		{"/ask", "how do I reset my IT password", []string{"I'm not sure", "share anon ", "share named "}},
		{"/ask", "", []string{"/ask"}},
		{"/resources", "", []string{"Resources", "National", "Personalised Care Institute"}},
		{"/resources", "coaching", []string{"health and wellbeing coaches"}},
		{"/supervision", "standards hwbc", []string{"Health and wellbeing coach", "every month", "not contractual"}},
		{"/ask", "help", []string{"/ask"}},
	}
	for _, tt := range tests {
		got := p.slashAs(t, "U01ALICE", tt.command, tt.text)
		mustContain(t, tt.command+" "+tt.text, got, tt.want...)
	}

	// The not-sure reply's anonymous share posts the question to the peer
	// channel without the asker's name, once however often it is pressed.
	// Its button carries an id and a key, never the question.
	notSure := p.slashAs(t, "U01ALICE", "/ask", "how do I reset my IT password")
	anon := regexp.MustCompile(`share anon [0-9a-f]{32} [0-9a-f]{32}`).FindString(notSure)
	if anon == "" || strings.Contains(notSure, "share anon U01ALICE") {
		t.Fatalf("the not-sure reply's share button: %q in\n%s\nwant an id and a key", anon, notSure)
	}
	for range 2 {
		p.press(t, "U01ALICE", anon)
	}
	post := p.postsTo(t, "C0PEER", 1)[0]
	mustContain(t, "the shared question", post.Get("text")+post.Get("blocks"), "how do I reset my IT password")
	if strings.Contains(post.Get("text")+post.Get("blocks"), "U01ALICE") {
		t.Errorf("an anonymous question names its asker: %v", post)
	}
	stays(t, "one post to the peer channel", func() bool { return len(p.postsTo(t, "C0PEER", 1)) == 1 })

	// A vote is thanked.
	p.press(t, "U01ALICE", "feedback supervision-splw helpful")
	mustContain(t, "the vote's answer", p.respondText(t, 3), "Thanks")
}

func TestHTTPMentionAndDirectMessageQuestions(t *testing.T) {
	p := startHTTP(t, nil)
	mention := `{"type":"app_mention","user":"U01ALICE","text":"<@UBOT> what does a care coordinator do?","ts":"1700000100.000100","channel":"C1","event_ts":"1700000100.000100"}`
	p.post(t, "application/json", eventBody("EvQ1", mention), testSecret, time.Now())
	thread := p.postsTo(t, "C1", 1)[0]
	if thread.Get("thread_ts") != "1700000100.000100" {
		t.Errorf("the answer to a mention went to thread %q, want the question's thread", thread.Get("thread_ts"))
	}
	mustContain(t, "the answer in the thread", thread.Get("blocks"), "Care coordinator (CC)", "Helpful", "Not helpful")

	dm := `{"type":"message","channel_type":"im","user":"U01ALICE","text":"what training does a health coach need","ts":"1700000200.000100","channel":"D1"}`
	p.post(t, "application/json", eventBody("EvQ2", dm), testSecret, time.Now())
	answer := p.postsTo(t, "D1", 1)[0]
	if answer.Get("thread_ts") != "" {
		t.Errorf("a DM answer went into a thread %q", answer.Get("thread_ts"))
	}
	mustContain(t, "the DM answer", answer.Get("blocks"), "four days")
}

// TestHTTPSupervisionJourney follows one person and their supervisor over
// HTTP: set up, log a session with the supervisor, the supervisor confirms
// it from their DM, status and history show it, and a bystander can neither
// confirm it nor see it.
func TestHTTPSupervisionJourney(t *testing.T) {
	p := startHTTP(t, nil)

	got := p.slashAs(t, "U01ALICE", "/supervision", "")
	mustContain(t, "status before setup", got, "setting up")

	got = p.slashAs(t, "U01ALICE", "/supervision", "setup role=\"link worker\" pcn=\"Gateshead West\" locality=gateshead supervisor=<@U02SAMGP|sam>")
	mustContain(t, "setup", got, "Saved", "Gateshead West", "<@U02SAMGP>")
	waitFor(t, "U01ALICE's App Home", func() bool { return p.viewCalls("views.publish", "U01ALICE") >= 1 })

	got = p.slashAs(t, "U01ALICE", "/supervision", "log yesterday clinical with <@U02SAMGP|sam> 1h")
	mustContain(t, "log", got, "Logged", "clinical", "60 minutes", "confirm")

	ask := p.postsTo(t, "U02SAMGP", 1)[0]
	confirm := ""
	for _, v := range buttonValues([]byte(ask.Get("blocks"))) {
		if strings.HasPrefix(v, "supervision confirm U01ALICE ") {
			confirm = v
		}
	}
	if confirm == "" {
		t.Fatalf("the supervisor's DM has no Confirm button: %s", ask.Get("blocks"))
	}

	// A bystander cannot confirm, nor read U01ALICE's record.
	p.press(t, "U03BYSTD", confirm)
	mustContain(t, "a bystander's confirm", p.respondText(t, 1), "isn't yours")
	mustContain(t, "a bystander's history", p.slashAs(t, "U03BYSTD", "/supervision", "history"), "haven't logged")

	p.press(t, "U02SAMGP", confirm)
	mustContain(t, "the supervisor's confirm", p.respondText(t, 2), "onfirmed")
	p.postsTo(t, "U01ALICE", 1) // U01ALICE is told

	mustContain(t, "status after confirming", p.slashAs(t, "U01ALICE", "/supervision", ""), "confirmed", "Next due")
	mustContain(t, "history", p.slashAs(t, "U01ALICE", "/supervision", "history"), "clinical", "60 min", "confirmed")
	mustContain(t, "the supervisor's team", p.slashAs(t, "U02SAMGP", "/supervision", "team"), "<@U01ALICE>", "clinical")

	// Refusals change nothing.
	mustContain(t, "an NHS number", p.slashAs(t, "U01ALICE", "/supervision", "log today 943 476 5919"), "NHS number")
	mustContain(t, "a future date", p.slashAs(t, "U01ALICE", "/supervision", "log 1 Jan 2099"), "future")
	mustContain(t, "nonsense", p.slashAs(t, "U01ALICE", "/supervision", "log purple elephants"), "purple")
	if h := p.slashAs(t, "U01ALICE", "/supervision", "history"); strings.Count(h, "clinical") != 1 {
		t.Errorf("refused logs changed the record:\n%s", h)
	}

	mustContain(t, "leave", p.slashAs(t, "U01ALICE", "/supervision", "leave 1 Dec 2026 to 14 Dec 2026"), "leave", "due by")

	// Opening the App Home draws it.
	before := p.viewCalls("views.publish", "U01ALICE")
	home := `{"type":"app_home_opened","user":"U01ALICE","channel":"D1","tab":"home","event_ts":"1700000300.000100"}`
	p.post(t, "application/json", eventBody("EvHome", home), testSecret, time.Now())
	waitFor(t, "the App Home", func() bool { return p.viewCalls("views.publish", "U01ALICE") > before })
}

// submitForm sends a signed view_submission of a form with values.
func (p *program) submitForm(t testing.TB, user, callbackID string, values map[string]map[string]any) (int, string) {
	t.Helper()
	state := map[string]any{}
	for id, v := range values {
		state[id] = map[string]any{id: v}
	}
	payload, _ := json.Marshal(map[string]any{
		"type": "view_submission", "user": map[string]string{"id": user}, "team": map[string]string{"id": "T1"},
		"view": map[string]any{"callback_id": callbackID, "state": map[string]any{"values": state},
			"blocks": []map[string]any{{"type": "input", "block_id": "role", "label": map[string]string{"type": "plain_text", "text": "Role"},
				"element": map[string]string{"type": "static_select", "action_id": "role"}}}},
	})
	resp := p.post(t, form, url.Values{"payload": {string(payload)}}.Encode(), testSecret, time.Now())
	body, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(body)
}

func TestHTTPSetupForm(t *testing.T) {
	p := startHTTP(t, nil)

	// With a trigger, /supervision setup opens the form.
	resp := p.post(t, form, slashForm("/supervision", "setup", p.slack.URL+"/respond"), testSecret, time.Now())
	if body, _ := io.ReadAll(resp.Body); resp.StatusCode != 200 || len(bytes.TrimSpace(body)) != 0 {
		t.Errorf("setup with a trigger: %d %q, want an empty 200 while the form opens", resp.StatusCode, body)
	}
	waitFor(t, "the setup form", func() bool { return p.viewCalls("views.open", "") == 1 })

	sel := func(v string) map[string]any {
		return map[string]any{"type": "static_select", "selected_option": map[string]string{"value": v}}
	}
	text := func(v string) map[string]any { return map[string]any{"type": "plain_text_input", "value": v} }
	user := func(v string) map[string]any { return map[string]any{"type": "users_select", "selected_user": v} }

	code, body := p.submitForm(t, "U04CHRIS", "supervision.setup", map[string]map[string]any{
		"role": sel("hwbc"), "pcn": text("943 476 5919"), "locality": sel("london"), "supervisor": user("U04CHRIS"),
		"reminders": sel("on"), "day": sel("wednesday"), "time": {"type": "timepicker", "selected_time": "10:00"},
	})
	if code != 200 || !strings.Contains(body, `"response_action":"errors"`) || !strings.Contains(body, `"pcn"`) {
		t.Errorf("invalid setup: %d %s, want field errors", code, body)
	}
	mustContain(t, "status after a refused form", p.slashAs(t, "U04CHRIS", "/supervision", ""), "setting up")

	code, body = p.submitForm(t, "U04CHRIS", "supervision.setup", map[string]map[string]any{
		"role": sel("hwbc"), "pcn": text("Camden North"), "locality": sel("london"), "supervisor": user("U05DANAS"),
		"reminders": sel("on"), "day": sel("wednesday"), "time": {"type": "timepicker", "selected_time": "10:00"},
	})
	if code != 200 || strings.TrimSpace(body) != "" {
		t.Errorf("valid setup: %d %q, want an empty 200 that closes the form", code, body)
	}
	waitFor(t, "U04CHRIS's App Home", func() bool { return p.viewCalls("views.publish", "U04CHRIS") >= 1 })
	mustContain(t, "status after the form", p.slashAs(t, "U04CHRIS", "/supervision", ""), "Supervision, every month", "No supervision logged yet")
	mustContain(t, "London resources first", p.slashAs(t, "U04CHRIS", "/resources", ""), "For London")
}

// TestConsoleSupervisionJourney plays both people at the console.
func TestConsoleSupervisionJourney(t *testing.T) {
	clearConfigEnv(t)
	script := strings.Join([]string{
		`/supervision setup role=coach pcn="Gateshead West" locality=gateshead supervisor=@U123`,
		`/supervision log yesterday coaching with @U123 90 mins`,
	}, "\n")
	var out bytes.Buffer
	if err := run(context.Background(), nil, strings.NewReader(script), &out, io.Discard, nil); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`type (as @U123 /supervision confirm UCONSOLE \S+)`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no confirm line for the supervisor in:\n%s", out.String())
	}
	// A new console starts empty, so replay the script with the confirm.
	script += "\n" + m[1] + "\n/supervision\n/supervision history\n/supervision leave 1 Dec 2026 to 7 Dec 2026\n/supervision undo\n/supervision history\n"
	out.Reset()
	if err := run(context.Background(), nil, strings.NewReader(script), &out, io.Discard, nil); err != nil {
		t.Fatal(err)
	}
	_ = m
	mustContain(t, "the console journey", out.String(),
		"Saved your supervision profile",
		"Direct message to @U123",
		"Health and wellbeing coach",
		"Saved your leave",
		"Your supervision history",
	)
}

// The console reads a line that is not a command as a question, as a
// direct message is read in Slack.
func TestConsoleAnswersQuestions(t *testing.T) {
	clearConfigEnv(t)
	var out bytes.Buffer
	in := "who supervises a link worker?\n/ask what is a PCN\nrols\nhow do I book annual leave\n"
	if err := run(context.Background(), nil, strings.NewReader(in), &out, io.Discard, nil); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "the console", out.String(),
		"Supervision for social prescribing link workers",
		"What a primary care network (PCN) is",
		"Did you mean /roles?",
		"I'm not sure",
		"Helpful: type /peer feedback",
	)
}

// writeFiles writes files (name → content) under a new folder and returns it.
func writeFiles(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		path := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const localArticle = `---
id: local-walking-groups
title: Walking groups in Gateshead
summary: Where link workers in Gateshead find local walking groups to suggest.
roles: [splw]
locality: gateshead
synonyms: [walking group, walks, rambling]
owner: Training hub team
reviewed: 2026-11-01
sources:
  - title: "Example council: walking groups"
    url: https://example.org/walking-groups
    as_of: 2026-11-01
---
## Where to look
Ask the council's active travel team for this month's list.
`

const londonStandards = `{"standards": [{
  "role": "cc",
  "summary": "A local standard for care coordinators in London.",
  "basis": "A local standard agreed by the London network.",
  "kinds": [{"type": "clinical", "counts": ["clinical", "group"], "name": "Clinical supervision",
             "every": {"months": 2}, "supervisors": "A GP or senior nurse."}],
  "sources": [{"title": "London network: supervision standard", "url": "https://example.org/london-standard", "as_of": "2026-11-01"}],
  "as_of": "2026-11-01"
}]}`

// KNOWLEDGE_DIR adds articles and gives a locality its own standards.
func TestKnowledgeDirAddsContentAndStandards(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"local-walking-groups.md": localArticle,
		"standards/london.json":   londonStandards,
	})
	clearConfigEnv(t)
	t.Setenv("KNOWLEDGE_DIR", dir)
	in := strings.Join([]string{
		"/ask where are the walking groups",
		`/supervision setup role=cc pcn="Camden North" locality=london`,
		"/supervision standards",
		"/supervision log yesterday clinical",
	}, "\n")
	var out bytes.Buffer
	if err := run(context.Background(), nil, strings.NewReader(in), &out, io.Discard, nil); err != nil {
		t.Fatal(err)
	}
	mustContain(t, "the console with KNOWLEDGE_DIR", out.String(),
		"Walking groups in Gateshead",
		"London network: supervision standard",
		"every 2 months",
		"due by",
	)

	var report bytes.Buffer
	if err := run(context.Background(), []string{"knowledge", "check", dir}, nil, &report, io.Discard, nil); err != nil {
		t.Errorf("knowledge check of a good folder = %v:\n%s", err, report.String())
	}
	mustContain(t, "the check's report", report.String(), "ok: 65 articles checked")
}

func TestKnowledgeCheckFindsFaults(t *testing.T) {
	bad := strings.NewReplacer("id: local-walking-groups", "id: someone-else", "locality: gateshead", "locality: leeds",
		"reviewed: 2026-11-01", "reviewed: 2099-01-01").Replace(localArticle)
	dir := writeFiles(t, map[string]string{
		"local-walking-groups.md": bad,
		"standards/london.json":   `{"standards": [{"role": "dentist"}]}`,
	})
	var report bytes.Buffer
	err := run(context.Background(), []string{"knowledge", "check", dir}, nil, &report, io.Discard, nil)
	if err == nil {
		t.Fatalf("knowledge check of a bad folder passed:\n%s", report.String())
	}
	mustContain(t, "the check's report", report.String(),
		"local-walking-groups.md", "differs from the file name", "leeds", "2099-01-01 is in the future", "london.json")

	if err := run(context.Background(), []string{"knowledge", "check"}, nil, io.Discard, io.Discard, nil); err != nil {
		t.Errorf("knowledge check of the shipped content = %v", err)
	}
	if err := run(context.Background(), []string{"knowledge", "check", "no-such-folder"}, nil, io.Discard, io.Discard, nil); err == nil {
		t.Error("knowledge check of a missing folder passed")
	}
}

// TestHTTPFormThatDoesNotOpen: when Slack will not open a form (its
// trigger expired, as after a slow answer), the person is told so and
// shown how to do it by typing, in a DM when the button was on the App Home.
func TestHTTPFormThatDoesNotOpen(t *testing.T) {
	p := startHTTP(t, nil)
	const me = "U0FORM1"
	mustContain(t, "setup", p.slashAs(t, me, "/supervision", "setup role=coach pcn=Central"), "Saved")
	p.slack.mu.Lock()
	p.slack.viewFail = "expired_trigger_id"
	p.slack.mu.Unlock()
	payload, _ := json.Marshal(map[string]any{
		"type": "block_actions", "user": map[string]string{"id": me}, "team": map[string]string{"id": "T1"},
		"trigger_id": "9.9.9", "view": map[string]any{"type": "home", "id": "VHOME"},
		"actions": []map[string]string{{"type": "button", "action_id": "peerbot.run.0", "block_id": "b", "value": "supervision log"}},
	})
	if resp := p.post(t, form, url.Values{"payload": {string(payload)}}.Encode(), testSecret, time.Now()); resp.StatusCode != 200 {
		t.Fatalf("the App Home's log button: status %d", resp.StatusCode)
	}
	dm := p.postsTo(t, me, 1)[0]
	mustContain(t, "the DM when the log form did not open", dm.Get("text"), "couldn't open the form", "/supervision log yesterday")
}

// TestHTTPButtonOnAnOldMessage: a button pressed on a message whose
// response_url Slack no longer takes (after 30 minutes or five uses) is
// answered by direct message, not left without a word.
func TestHTTPButtonOnAnOldMessage(t *testing.T) {
	p := startHTTP(t, nil)
	p.slack.mu.Lock()
	p.slack.respondStatus = http.StatusNotFound
	p.slack.mu.Unlock()
	p.press(t, "U0OLD1", "feedback supervision-splw helpful")
	dm := p.postsTo(t, "U0OLD1", 1)[0]
	mustContain(t, "the vote's answer by DM", dm.Get("text"), "Thanks")
}
