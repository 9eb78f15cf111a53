package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/redistest"
)

// startHTTPLogged is startHTTP with the bot's logs, at debug level, kept.
func startHTTPLogged(t *testing.T, env map[string]string) (*program, *syncBuffer) {
	t.Helper()
	logs := &syncBuffer{}
	all := map[string]string{"LOG_LEVEL": "debug", "LOG_FORMAT": "json"}
	for k, v := range env {
		all[k] = v
	}
	return startHTTPWith(t, all, logs), logs
}

// nhsShapes are one NHS number (943 476 5919, valid) written as people
// write it, and one labelled with a wrong check digit.
var nhsShapes = []string{"943.476.5919", "943/476/5919", "9434 765 919", "943 4765 919", "nhs no: 943 476 5918"}

// nhsPieces are the digit groups of those shapes: none may be stored,
// logged or sent.
var nhsPieces = []string{"9434765919", "9434765918", "943", "476", "5919", "5918", "9434", "765", "919", "4765"}

// alnumWords splits s into runs of letters and digits, lower case.
func alnumWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9')
	})
}

// TestHTTPRefusesNHSNumbersOnEveryPath sends an NHS number, in every shape,
// to each command, a button and the setup form, over signed HTTP. Each is
// refused with the handlers' words, without echoing it, and nothing of it
// is stored, logged or sent on.
func TestHTTPRefusesNHSNumbersOnEveryPath(t *testing.T) {
	const admin, me = "U0NHSADM1", "U0NHSUSR1"
	p, logs := startHTTPLogged(t, map[string]string{"ADMIN_USER_IDS": admin, "PEER_CHANNEL_ID": "C0PEERS01"})
	prefix := os.Getenv("REDIS_KEY_PREFIX")

	// The handlers' own words for it.
	words, err := handlers.NewAnswers(handlers.AnswersOptions{}).Ask(context.Background(), handlers.Request{Args: "pt 943 476 5919 help"})
	if err != nil || !strings.Contains(words.Text, "NHS number") {
		t.Fatalf("the handlers' refusal = %q, %v; want one about an NHS number", words.Text, err)
	}
	refusal := words.Text
	refused := func(what, got string) {
		t.Helper()
		if !strings.Contains(got, refusal) {
			t.Errorf("%s: %q, want the handlers' refusal %q", what, got, refusal)
		}
		for _, piece := range nhsPieces {
			if slices.Contains(alnumWords(got), piece) {
				t.Errorf("%s: the answer echoes %q: %q", what, piece, got)
			}
		}
	}

	text := func(v string) map[string]any { return map[string]any{"type": "plain_text_input", "value": v} }
	sel := func(v string) map[string]any {
		return map[string]any{"type": "static_select", "selected_option": map[string]string{"value": v}}
	}
	responds := 0
	for i, n := range nhsShapes {
		// A direct message: a command typed without its slash, and a
		// question in a person's own words.
		for j, dm := range []string{"roles " + n, "my pt " + n + " is lonely, any groups?"} {
			ev := fmt.Sprintf(`{"type":"message","channel_type":"im","user":%q,"text":%q,"ts":"1700000%d%d0.000100","channel":"D0NHS%d%d"}`, me, dm, i, j, i, j)
			p.post(t, "application/json", eventBody(fmt.Sprintf("EvNHS%d%d", i, j), ev), testSecret, time.Now())
			refused("direct message "+dm, p.postsTo(t, fmt.Sprintf("D0NHS%d%d", i, j), 1)[0].Get("text"))
		}
		for _, c := range []struct{ user, command, text string }{
			{me, "/roles", n},
			{me, "/resources", n},
			{admin, "/peer", "admin report pcn " + n},
			{me, "/supervision", `setup role=splw pcn="` + n + `"`},
			{me, "/ask", "pt " + n + " help"},
			{me, "/peer", "share anon my patient " + n + " is lonely, any ideas?"},
		} {
			refused(c.command+" "+c.text, p.slashAs(t, c.user, c.command, c.text))
		}
		p.press(t, me, "roles "+n)
		responds++
		refused("button roles "+n, p.respondText(t, responds))
		code, body := p.submitForm(t, me, "supervision.setup", map[string]map[string]any{
			"role": sel("splw"), "pcn": text(n), "locality": sel("gateshead"),
		})
		if code != 200 || !strings.Contains(body, `"response_action":"errors"`) || !strings.Contains(body, `"pcn":"`) ||
			!strings.Contains(body, "NHS number") || !strings.Contains(body, "haven't saved anything") {
			t.Errorf("setup form with pcn %q: %d %s, want a field error under pcn about an NHS number", n, code, body)
		}
	}
	mustContain(t, "status after the refusals", p.slashAs(t, me, "/supervision", ""), "setting up")
	if got := p.slashAs(t, admin, "/peer", "admin audit"); strings.Contains(got, "report") {
		t.Errorf("a refused admin report was audited as run:\n%s", got)
	}

	// Nothing of the number is kept, logged or sent. A setup that saves
	// shows the keyspace is read.
	mustContain(t, "a setup that saves", p.slashAs(t, me, "/supervision", "setup role=splw pcn=Central"), "Saved")
	dump := redistest.Dump(t, prefix)
	if !strings.Contains(dump, "sup:{"+me+"}") {
		t.Fatalf("the person's record is not in the keyspace: the test would pass without looking:\n%s", dump)
	}
	keyWords := alnumWords(dump)
	logWords := alnumWords(logLinesWithout(t, logs.String(), "time", "duration_ms"))
	p.slack.mu.Lock()
	sent, _ := json.Marshal([]any{p.slack.posts, p.slack.respond, p.slack.views})
	p.slack.mu.Unlock()
	sentWords := alnumWords(string(sent))
	for _, piece := range nhsPieces {
		if slices.Contains(keyWords, piece) {
			t.Errorf("the keyspace holds %q:\n%s", piece, dump)
		}
		if slices.Contains(logWords, piece) {
			t.Errorf("the logs hold %q:\n%s", piece, logs.String())
		}
		if slices.Contains(sentWords, piece) {
			t.Errorf("what was sent to Slack holds %q:\n%s", piece, sent)
		}
	}
	if !strings.Contains(logs.String(), `"outcome":"nhs_number"`) {
		t.Errorf("no refusal was logged as one (outcome nhs_number): the test would pass without looking:\n%s", logs.String())
	}
}

// logLinesWithout returns the JSON log lines with the named fields taken
// out: times and durations are digits that may match by chance.
func logLinesWithout(t *testing.T, logs string, fields ...string) string {
	t.Helper()
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(logs), "\n") {
		var m map[string]any
		if err := json.Unmarshal([]byte(line), &m); err != nil {
			b.WriteString(line + "\n") // not JSON: kept whole
			continue
		}
		for _, f := range fields {
			delete(m, f)
		}
		js, _ := json.Marshal(m)
		b.Write(js)
		b.WriteByte('\n')
	}
	return b.String()
}
