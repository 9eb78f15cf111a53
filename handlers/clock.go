package handlers

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/peerbot/peerbot/internal/text"
)

// ClockCommand is the console's "clock <RFC3339 time>": it moves the clock
// the console's reminders and records run on, so a person can try
// reminders without waiting. set moves it; now reads it. Only the console
// registers it: over Slack it is an unknown command.
func ClockCommand(set func(time.Time), now func() time.Time) Command {
	return Command{
		Name:        "clock",
		Usage:       "<time>",
		Description: "Console only: move the clock, to see reminders fall due without waiting.",
		Examples:    []string{"2026-12-07T09:29:00Z", "now"},
		Run: func(_ context.Context, req Request) (Reply, error) {
			arg := strings.TrimSpace(req.Args)
			if arg == "" {
				return Say("The clock reads " + now().Format(time.RFC3339) + ". Move it with " + req.Invocation("clock", "2026-12-07T09:29:00Z") + "."), nil
			}
			t := time.Now()
			if !strings.EqualFold(arg, "now") {
				var err error
				if t, err = time.Parse(time.RFC3339, arg); err != nil {
					return Say(fmt.Sprintf("I couldn't read %s as a time. Write it as 2026-12-07T09:29:00Z, or 2026-12-07T09:29:00+00:00 (a date, T, a time and a zone), or say now.", quotedTyped(text.Clip(arg, 41)))), nil
				}
			}
			set(t)
			return Say("The clock now reads " + t.Format(time.RFC3339) + ". Reminders due by then are sent in a moment."), nil
		},
	}
}
