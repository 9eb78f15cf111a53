package main

import (
	"encoding/json"
	"fmt"
	"io"
	"net/url"
	"os"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/redistest"
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

// TestHTTPDisputeAgain: a person who types a dispute for a session they
// have already disputed is told kindly that it is marked already, with the
// session's date and type, whether or not another session waits for their
// answer; the reason first given stands, and the person who logged it is
// not told again.
func TestHTTPDisputeAgain(t *testing.T) {
	p := startHTTP(t, nil)
	p.slashAs(t, "U01ALICE", "/supervision", "setup role=splw pcn=West supervisor=<@U02SAMGP|sam>")
	mustContain(t, "the supervisor's log", p.slashAs(t, "U02SAMGP", "/supervision", "log yesterday clinical with <@U01ALICE|alice> 1h"), "Logged")
	mustContain(t, "the first dispute", p.slashAs(t, "U01ALICE", "/supervision", "dispute yesterday: wrong date"), "as not right", "wrong date")
	told := len(p.postsTo(t, "U02SAMGP", 1))

	london, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	day := time.Now().In(london).AddDate(0, 0, -1).Format("Mon 2 Jan 2006")
	again := func(when string) {
		t.Helper()
		got := p.slashAs(t, "U01ALICE", "/supervision", "dispute yesterday: it was 30 minutes")
		mustContain(t, "disputed again, "+when, got, "Already marked as not right", "clinical session on "+day, "haven't changed anything")
		for _, wrong := range []string{"No session", "Nothing is waiting", "Thank you"} {
			if strings.Contains(got, wrong) {
				t.Errorf("disputed again, %s: %q says %q", when, got, wrong)
			}
		}
	}
	again("with nothing else waiting")
	p.slashAs(t, "U02SAMGP", "/supervision", "log today group with <@U01ALICE|alice> 1h")
	again("with another session waiting")

	history := p.slashAs(t, "U01ALICE", "/supervision", "history")
	mustContain(t, "history", history, "disputed: \"wrong date\"", "awaiting")
	if strings.Contains(history, "30 minutes") {
		t.Errorf("a second dispute changed the reason:\n%s", history)
	}
	time.Sleep(200 * time.Millisecond) // a message sent by mistake has time to arrive
	if n := len(p.postsTo(t, "U02SAMGP", 1)); n != told {
		t.Errorf("the supervisor got %d messages, want %d: a second dispute told them again", n, told)
	}

	// The supervisor, on a session the supervisee logged with them: it is
	// kept in the supervisee's record, not theirs.
	mustContain(t, "the supervisee's log", p.slashAs(t, "U01ALICE", "/supervision", "log 2 days ago peer with <@U02SAMGP|sam> 45"), "Logged")
	mustContain(t, "the supervisor's dispute", p.slashAs(t, "U02SAMGP", "/supervision", "dispute 2 days ago: it was group"), "as not right")
	day = time.Now().In(london).AddDate(0, 0, -2).Format("Mon 2 Jan 2006")
	mustContain(t, "the supervisor's dispute again", p.slashAs(t, "U02SAMGP", "/supervision", "dispute 2 days ago: it was group"),
		"Already marked as not right", "peer session on "+day, "logged by @U01ALICE")
}

// TestHTTPDisputeReasonWithAnNHSNumber: a dispute typed with an NHS number
// in its reason, by its own slash command, under the umbrella or in a
// direct message, is refused with words about the reason, saying nothing
// was changed; the session still waits for an answer, the person who
// logged it is told nothing, and no piece of the number is stored, logged
// or sent.
func TestHTTPDisputeReasonWithAnNHSNumber(t *testing.T) {
	p, logs := startHTTPLogged(t, nil)
	prefix := os.Getenv("REDIS_KEY_PREFIX")
	p.slashAs(t, "U01ALICE", "/supervision", "setup role=splw pcn=West supervisor=<@U02SAMGP|sam>")
	mustContain(t, "the supervisor's log", p.slashAs(t, "U02SAMGP", "/supervision", "log yesterday clinical with <@U01ALICE|alice> 1h"), "Logged")

	refused := func(what, got string) {
		t.Helper()
		mustContain(t, what, got, "That reason looks like it holds an NHS number", "nothing was changed")
		for _, piece := range nhsPieces {
			if slices.Contains(alnumWords(got), piece) {
				t.Errorf("%s: the answer echoes %q: %q", what, piece, got)
			}
		}
	}
	for i, n := range nhsShapes {
		refused("/supervision "+n, p.slashAs(t, "U01ALICE", "/supervision", "dispute yesterday: wrong patient "+n))
		refused("/peer "+n, p.slashAs(t, "U01ALICE", "/peer", "supervision dispute yesterday because it was for "+n))
		dm := fmt.Sprintf(`{"type":"message","channel_type":"im","user":"U01ALICE","text":%q,"ts":"1700001%d00.000100","channel":"D0DSP%d"}`,
			"supervision dispute yesterday: pt "+n, i, i)
		p.post(t, "application/json", eventBody(fmt.Sprintf("EvDSP%d", i), dm), testSecret, time.Now())
		refused("direct message "+n, p.postsTo(t, fmt.Sprintf("D0DSP%d", i), 1)[0].Get("text"))
	}
	// Other commands keep the general refusal.
	mustContain(t, "a log with an NHS number", p.slashAs(t, "U01ALICE", "/supervision", "log yesterday 943 476 5919"), "seems to hold an NHS number")

	mustContain(t, "history after the refusals", p.slashAs(t, "U01ALICE", "/supervision", "history"), "awaiting")
	time.Sleep(200 * time.Millisecond) // a message sent by mistake has time to arrive
	for _, post := range p.postsTo(t, "U02SAMGP", 0) {
		if strings.Contains(post.Get("text")+post.Get("blocks"), "isn't right") {
			t.Errorf("the supervisor was told of a refused dispute: %v", post)
		}
	}
	dump := redistest.Dump(t, prefix)
	if !strings.Contains(dump, "sup:{U01ALICE}") {
		t.Fatalf("the person's record is not in the keyspace: the test would pass without looking:\n%s", dump)
	}
	keyWords, logWords := alnumWords(dump), alnumWords(logLinesWithout(t, logs.String(), "time", "duration_ms"))
	for _, piece := range nhsPieces {
		if slices.Contains(keyWords, piece) {
			t.Errorf("the keyspace holds %q:\n%s", piece, dump)
		}
		if slices.Contains(logWords, piece) {
			t.Errorf("the logs hold %q:\n%s", piece, logs.String())
		}
	}
}

// TestHTTPDisputeReasonMarkupStaysText: a dispute's reason holding Slack
// markup, as Slack sends a mention, a channel, a ping or a link the person
// made, or their typed <, > and &, is shown as typed, wherever the bot
// shows it: to the person, in the message to the one who logged the
// session, and in history. None of it is markup in the bot's voice.
func TestHTTPDisputeReasonMarkupStaysText(t *testing.T) {
	for i, why := range []string{
		"see <@U999|bob> <#C1|x> <!here> & <http://x|y>",
		"see &lt;@U999&gt; &lt;!channel&gt; &amp; &lt;https://evil.example|click&gt;",
	} {
		p := startHTTP(t, nil)
		p.slashAs(t, "U01ALICE", "/supervision", "setup role=splw pcn=West supervisor=<@U02SAMGP|sam>")
		p.slashAs(t, "U02SAMGP", "/supervision", "log yesterday clinical with <@U01ALICE|alice> 1h")
		got := p.slashAs(t, "U01ALICE", "/supervision", "dispute yesterday: "+why)
		mustContain(t, "the dispute", got, "as not right")
		var told string
		waitFor(t, "the supervisor told", func() bool {
			told = ""
			for _, post := range p.postsTo(t, "U02SAMGP", 1) {
				told += post.Get("text") + "\n" + post.Get("blocks")
			}
			return strings.Contains(told, "isn't right")
		})
		history := p.slashAs(t, "U01ALICE", "/supervision", "history")
		for what, text := range map[string]string{"the reply": got, "the supervisor's message": told, "history": history} {
			for _, markup := range []string{"<@U999", "<#C1", "<!here>", "<!channel>", "<http://x", "<https://evil.example"} {
				if strings.Contains(text, markup) {
					t.Errorf("reason %d, %s holds %s as markup:\n%s", i, what, markup, text)
				}
			}
		}
		if i == 0 {
			for what, text := range map[string]string{"the reply": got, "the supervisor's message": told, "history": history} {
				mustContain(t, what, text, "&lt;@U999|bob&gt;", "&lt;!here&gt;", "&amp;", "&lt;http://x|y&gt;")
			}
		}
	}
}
