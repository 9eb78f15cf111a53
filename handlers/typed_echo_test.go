package handlers_test

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/knowledge"
	"github.com/peerbot/peerbot/supervision"
)

// hostile is a PCN's name, a topic or a word as a tester typed it: a
// masked link, bold and a mention, then a channel-wide ping.
const hostile = "[click here](https://evil.example) **urgent** <@U999> <!channel>"

// hostileWord is hostile with no spaces, for where only a word is read.
const hostileWord = "[x](https://evil.example)**urgent**<@U999>"

// slackEscape is what Slack must get of text shown as typed.
var slackEscape = strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;")

// mrkdwnText is one mrkdwn text object of a message, as Slack gets it.
type mrkdwnText struct {
	Text     string
	Verbatim bool
}

// drawn is every mrkdwn text object in a reply's blocks, as Slack gets
// them, and the JSON of the blocks.
func drawn(t *testing.T, r handlers.Reply) ([]mrkdwnText, string, string) {
	t.Helper()
	blocks, fallback := bot.Blocks(r)
	js, err := json.Marshal(blocks)
	if err != nil {
		t.Fatal(err)
	}
	var tree any
	if err := json.Unmarshal(js, &tree); err != nil {
		t.Fatal(err)
	}
	var out []mrkdwnText
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if v["type"] == "mrkdwn" {
				text, _ := v["text"].(string)
				verbatim, _ := v["verbatim"].(bool)
				out = append(out, mrkdwnText{text, verbatim})
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(tree)
	unicode := strings.NewReplacer(`\u003c`, "<", `\u003e`, ">", `\u0026`, "&")
	return out, unicode.Replace(string(js)), fallback
}

// wantShownAsTyped checks a reply as Slack gets it: no mrkdwn text and not
// the notification text carries a link, mention, ping or bold made of the
// typed text; the typed text shows escaped as shown (a prefix of it where
// the reply clips it) in a verbatim text object, unless shown is ""; and
// the bot's own formatting in own is still there.
func wantShownAsTyped(t *testing.T, what string, r handlers.Reply, shown string, own ...string) {
	t.Helper()
	texts, js, fallback := drawn(t, r)
	all := []string{fallback}
	for _, x := range texts {
		all = append(all, x.Text)
	}
	for _, s := range all {
		for _, bad := range []string{"<https://evil", "<http://evil", "|click here>", "|x>", "<@U999", "<!"} {
			if strings.Contains(s, bad) {
				t.Errorf("%s: %q carries %q: typed text became a link, mention or ping", what, s, bad)
			}
		}
		if strings.Contains(strings.ReplaceAll(s, "**urgent**", ""), "*urgent*") {
			t.Errorf("%s: %q draws the typed **urgent** as bold", what, s)
		}
	}
	if strings.ContainsAny(js, "\uE000\uE001") || strings.Contains(js, `\ue00`) || strings.ContainsAny(fallback, "\uE000\uE001") {
		t.Errorf("%s: the marks of typed text reached Slack:\n%s", what, js)
	}
	if shown != "" {
		want, found := slackEscape.Replace(shown), false
		for _, x := range texts {
			if strings.Contains(x.Text, want) {
				found = true
				if !x.Verbatim {
					t.Errorf("%s: %q shows typed text but is not verbatim: Slack would link what it can in it", what, x.Text)
				}
			}
		}
		if !found {
			t.Errorf("%s: no text shows %q as typed; blocks:\n%s", what, want, js)
		}
	}
	for _, o := range own {
		if !strings.Contains(js, o) {
			t.Errorf("%s: the bot's own %q is missing; blocks:\n%s", what, o, js)
		}
	}
}

// TestHostilePCNIsShownAsTyped sets a PCN of markup and follows it to each
// reply that shows it or could: setup, status, the team view, the App
// Home and the admin report.
func TestHostilePCNIsShownAsTyped(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.addSession(sam, day(2026, 11, 10), supervision.Clinical, func(s *supervision.Session) { s.WithID = gp })

	set := e.run(sam, `setup role=splw pcn="`+hostile+`"`)
	if p, _ := e.profile(sam); p.PCN != hostile {
		t.Fatalf("setup saved PCN %q (reply %q), want %q", p.PCN, all(set), hostile)
	}
	wantShownAsTyped(t, "setup reply", set, hostile, "*PCN*", "<@U02GP>", "Saved your supervision profile.")
	wantShownAsTyped(t, "setup with nothing", e.run(sam, "setup"), hostile, "*Your profile now*", "*PCN*")
	wantShownAsTyped(t, "status", e.run(sam, "status"), "", "*Standard*", "*Tue 10 Nov 2026*")
	wantShownAsTyped(t, "team", e.run(gp, "team"), "", "• <@U01SAM> (SPLW)")
	wantShownAsTyped(t, "App Home", e.home(sam), hostile, "*Your profile*", "*PCN*", "<@U02GP>")
	wantShownAsTyped(t, "supervisor's App Home", e.home(gp), "", "*People you supervise*", "<@U01SAM>")
	if got := all(set); !strings.Contains(got, "PCN: "+hostile) {
		t.Errorf("console shows %q, want the PCN exactly as typed", got)
	}

	a := newAdminEnv(t, supDirectory{})
	a.profile(supervision.Profile{UserID: sam, Role: supervision.LinkWorker, PCN: hostile, SupervisorID: gp})
	a.profile(supervision.Profile{UserID: ali, Role: supervision.Coach, PCN: "East"})
	report, err := a.run("admin report")
	if err != nil {
		t.Fatal(err)
	}
	clipped := "[click here](https://evil.example) **urgent** <@U999>" // the report clips a PCN to 60 characters
	wantShownAsTyped(t, "admin report", report, clipped, "<@U01SAM> (SPLW)", "*Nothing logged yet that counts*")
	byPCN, err := a.run("admin report pcn " + hostile)
	if err != nil {
		t.Fatal(err)
	}
	wantShownAsTyped(t, "admin report by PCN", byPCN, clipped, "<@U01SAM> (SPLW)")
	if !strings.Contains(byPCN.Header, "[click here]") {
		t.Errorf("report by PCN has header %q, want the PCN in it as typed", byPCN.Header)
	}
}

// TestTypedWordsEchoedAsTyped: a reply that says back a word the bot did
// not understand (a role, a topic, a command, a subcommand, a setting)
// shows it as typed.
func TestTypedWordsEchoedAsTyped(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	sup := func(args string) handlers.Reply {
		t.Helper()
		return e.run(sam, args)
	}
	wantShownAsTyped(t, "unknown standards role", sup("standards "+hostile), "[click here](https://evil.example)", "I don't know a role called")
	wantShownAsTyped(t, "unknown setup role", sup("setup role="+hostileWord), "[x](https://evil.example)", "I don't know the role")
	wantShownAsTyped(t, "unknown setup key", sup("setup "+hostileWord+"=1"), "[x](https://evil.example)", "I don't know the setting")
	wantShownAsTyped(t, "setup value without quotes", sup("setup pcn=Central "+hostile), "[click here](https://evil.example)", "Put quotes round")
	wantShownAsTyped(t, "unknown log word", sup("log yesterday "+hostileWord), "[x](https://evil.example)", "I didn't understand")
	wantShownAsTyped(t, "unknown reminder time", sup("remind at "+hostileWord), strings.ToLower(hostileWord), "as a time of day")
	wantShownAsTyped(t, "unknown reminder setting", sup("remind "+hostileWord), strings.ToLower(hostileWord), "reminder setting")
	wantShownAsTyped(t, "unknown subcommand", sup(hostileWord), "[x](https://evil.example)**urgent**<@U9", "Sorry, I don't know", "• */supervision log")

	base, err := knowledge.Load(knowledge.Content())
	if err != nil {
		t.Fatal(err)
	}
	s, _ := ansStore(t)
	h := newAnswers(t, base, s, ansChannel)
	roles, err := handlers.NewRoles(base)
	if err != nil {
		t.Fatal(err)
	}
	tbl, err := bot.NewTable("/peer", nil, append(h.Commands(), roles.Command())...)
	if err != nil {
		t.Fatal(err)
	}
	run := func(text string) handlers.Reply {
		t.Helper()
		res := tbl.Resolve("/peer", text, false)
		if res.Run == nil {
			return res.Reply
		}
		return ansRun(t, res.Run, handlers.Request{UserID: "U1", Args: res.Args, Invoke: tbl.Invocation})
	}
	wantShownAsTyped(t, "/resources topic", run("resources "+hostile), hostile, "<https://")
	wantShownAsTyped(t, "/resources topic found", run("resources training "+hostile), "training "+hostile, "<https://")
	wantShownAsTyped(t, "unknown role", run("roles "+hostile), "[click here](https://evil.example)", "I don't know a role called")
	wantShownAsTyped(t, "unknown command", run(hostileWord), "[x](https://evil.example)**urgent**<@u9", "*/peer ask*")
}
