package bot

import (
	"context"
	"errors"
	"regexp"
	"strings"
	"testing"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/handlers"
)

// TestRequestLogLines logs a slash command's answer with the request's
// fields in order, and a failing handler's error line with the same
// fields before its own.
func TestRequestLogLines(t *testing.T) {
	var logs logBuffer
	ok := handlers.Command{Name: "fine", Run: func(context.Context, handlers.Request) (handlers.Reply, error) {
		return handlers.Say("Fine"), nil
	}}
	bad := handlers.Command{Name: "broken", Run: func(context.Context, handlers.Request) (handlers.Reply, error) {
		return handlers.Reply{}, errors.New("broken on purpose")
	}}
	b := testBot(t, Options{Logger: logs.logger()}, ok, bad)
	for _, text := range []string{"fine", "broken"} {
		if _, answered := b.slashResponse(slack.SlashCommand{Command: "/peer", Text: text, UserID: "U1", ChannelID: "C1"}); !answered {
			t.Fatalf("%s was not answered in the response", text)
		}
	}
	if err := b.Shutdown(context.Background()); err != nil {
		t.Fatal(err)
	}
	fields := `"request_id":"[0-9a-f]{12}","kind":"slash_command","user_id":"U1","command":"%s"`
	for _, want := range []string{
		`"msg":"answered",` + strings.Replace(fields, "%s", "fine", 1) + `,"outcome":"ok","duration_ms":[0-9.]+\}`,
		`"msg":"handler failed",` + strings.Replace(fields, "%s", "broken", 1) + `,"err":"broken on purpose"\}`,
		`"msg":"answered",` + strings.Replace(fields, "%s", "broken", 1) + `,"outcome":"error","duration_ms":[0-9.]+\}`,
	} {
		if !regexp.MustCompile(want).MatchString(logs.String()) {
			t.Errorf("no line matching %s in:\n%s", want, logs.String())
		}
	}
}
