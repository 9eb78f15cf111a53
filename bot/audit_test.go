package bot

import (
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/store"
)

// TestAdminCommandDoesNotRunUnaudited: with the audit log out of reach, an
// admin's command is not run and they are told so; someone else is still
// refused.
func TestAdminCommandDoesNotRunUnaudited(t *testing.T) {
	ctx := context.Background()
	audit, err := store.Open(ctx, store.Options{URL: redistest.URL(t), Prefix: redistest.Prefix(t)})
	if err != nil {
		t.Fatal(err)
	}
	audit.Close() // Redis no longer answers this client
	var runs atomic.Int32
	report := handlers.Command{Name: "report", AdminOnly: true, Run: func(context.Context, handlers.Request) (handlers.Reply, error) {
		runs.Add(1)
		return handlers.Say("the report"), nil
	}}
	var logs logBuffer
	b := testBot(t, Options{Auditor: audit, AdminUserIDs: []string{"UADMIN"}, Logger: logs.logger()}, report)

	r := b.answer(ctx, invocation{kind: "console", slash: "/peer", text: "report gateshead", userID: "UADMIN"})
	if runs.Load() != 0 || !strings.Contains(r.Text, "can't write to the audit log") {
		t.Errorf("an admin's command with no audit log: ran %d times, reply %q; want not run and told why", runs.Load(), r.Text)
	}
	r = b.answer(ctx, invocation{kind: "console", slash: "/peer", text: "report gateshead", userID: "UOTHER"})
	if runs.Load() != 0 || !strings.Contains(r.Text, "only network admins") {
		t.Errorf("someone else with no audit log: ran %d times, reply %q; want refused", runs.Load(), r.Text)
	}
	if s := logs.String(); !strings.Contains(s, "could not write the audit log") || strings.Contains(s, "gateshead") {
		t.Errorf("the log should say the audit failed, without the command's arguments:\n%s", s)
	}
}
