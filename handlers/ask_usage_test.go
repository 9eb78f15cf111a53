package handlers_test

import (
	"strings"
	"testing"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/supervision"
)

// A question about using peerbot itself is answered with the command that
// does it, as the person would type it, and where its help is: never with
// an article, and never offered to the peer channel. Each command named
// must be one the table runs, and its help one the table gives.
func TestAskHowToUsePeerbot(t *testing.T) {
	h := shippedAnswers(t)
	sup := handlers.NewSupervision(handlers.SupervisionOptions{Standards: supervision.DefaultStandards()})
	cmds := append(append(h.Commands(), sup.Command()), handlers.NewRights(nil).Commands()...)
	tbl, err := bot.NewTable("/peer", map[string]string{"ask": "/ask", "supervision": "/supervision"}, cmds...)
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct{ q, want string }{
		{"how do i log a supervision session", "/supervision log"},
		{"how do I change my role in my profile", "/supervision setup"},
		{"can I pause my reminders while I'm on leave", "/supervision leave"},
		{"turn off my reminders", "/supervision remind"},
		{"how do i see which of my team are overdue supervision", "/supervision team"},
		{"what data do you hold about me", "/peer my-data"},
		{"what can this bot do", "/peer help"},
	}
	for _, tt := range tests {
		r := ansRun(t, h.Ask, handlers.Request{UserID: "U1", Args: tt.q, Invoke: tbl.Invocation})
		if r.Header != "" || len(r.Sources) > 0 || !strings.Contains(r.Text, tt.want) {
			t.Errorf("/ask %q: %q %q; want the command %s and no article", tt.q, r.Header, r.Text, tt.want)
		}
		for _, b := range r.Buttons {
			if b.Command == "share" || b.Command == "feedback" {
				t.Errorf("/ask %q: a %s button under a usage reply", tt.q, b.Command)
			}
		}
		// The command, and its help, route as the reply says.
		for _, line := range []string{tt.want, tt.want + " help"} {
			if tt.want == "/peer help" && line != tt.want {
				continue
			}
			slash, text := tbl.Line(line)
			res := tbl.Resolve(slash, text, false)
			if res.Run == nil && res.Outcome != "help" || strings.HasSuffix(line, "help") && res.Outcome != "help" {
				t.Errorf("/ask %q: %q does not route (%s)", tt.q, line, res.Outcome)
			}
			if line != tt.want && !strings.Contains(r.Text, line) {
				t.Errorf("/ask %q: %q does not point to %s", tt.q, r.Text, line)
			}
		}
	}
}
