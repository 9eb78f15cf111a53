package main

import (
	"go/build"
	"strings"
	"testing"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/scheduler"
	"github.com/peerbot/peerbot/store"
)

// The store implements the interfaces its users declare, without importing
// them: only main knows both, so the check is made here.
var (
	_ handlers.Profiles = (*store.Redis)(nil)
	_ handlers.Sessions = (*store.Redis)(nil)
	_ handlers.Feedback = (*store.Redis)(nil)
	_ handlers.Claimer  = (*store.Redis)(nil)
	_ handlers.Pending  = (*store.Redis)(nil)
	_ scheduler.Queue   = (*store.Reminders)(nil)
	_ bot.Store         = (*store.Redis)(nil)
	_ bot.ZoneCache     = (*store.Redis)(nil)
	_ bot.Auditor       = (*store.Redis)(nil)
	_ handlers.AuditLog = (*store.Redis)(nil)
)

// TestLayout keeps the package edges DESIGN.md draws: only main wires
// packages together, so none of them imports another's users, and the
// domain needs nothing but the standard library (and the module's own
// small internal helpers).
func TestLayout(t *testing.T) {
	const module = "github.com/peerbot/peerbot/"
	slackGo := "github.com/slack-go/slack"
	never := map[string][]string{
		"store":    {module + "handlers", module + "bot", module + "scheduler"},
		"handlers": {module + "store", module + "bot", slackGo},
		// The engine sends handlers' transport-neutral replies, as the bot
		// draws them, so it may import handlers; never the store or Slack.
		"scheduler": {module + "store", module + "bot", slackGo},
		"bot":       {module + "store"},
	}
	for pkg, banned := range never {
		for _, imp := range imports(t, module+pkg) {
			for _, b := range banned {
				if imp == b || strings.HasPrefix(imp, b+"/") {
					t.Errorf("package %s imports %s; it must not (see DESIGN.md, Layout)", pkg, imp)
				}
			}
		}
	}
	for _, imp := range imports(t, module+"supervision") {
		if first, _, _ := strings.Cut(imp, "/"); strings.Contains(first, ".") && !strings.HasPrefix(imp, module+"internal/") {
			t.Errorf("package supervision imports %s; it keeps to the standard library", imp)
		}
	}
}

// imports lists what a package's own files import, not its tests'.
func imports(t *testing.T, pkg string) []string {
	t.Helper()
	p, err := build.Import(pkg, ".", 0)
	if err != nil {
		t.Fatal(err)
	}
	return p.Imports
}
