package handlers_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/store"
)

// adminEnv is the admin command on a real Redis, in a table as main builds
// it.
type adminEnv struct {
	t   testing.TB
	st  *store.Redis
	tbl *bot.Table
}

func newAdminEnv(t testing.TB, dir handlers.Directory) *adminEnv {
	t.Helper()
	st, err := store.Open(context.Background(), store.Options{URL: redistest.URL(t), Prefix: redistest.Prefix(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	tbl, err := bot.NewTable("/peer", nil, handlers.NewAdmin(handlers.AdminOptions{Audit: st, Directory: dir, Reports: st, Now: func() time.Time { return supNow }}).Command())
	if err != nil {
		t.Fatal(err)
	}
	return &adminEnv{t: t, st: st, tbl: tbl}
}

// run answers "/peer text" for an admin, as the bot routes it.
func (e *adminEnv) run(text string) (handlers.Reply, error) {
	e.t.Helper()
	res := e.tbl.Resolve("/peer", text, true)
	if res.Run == nil {
		return res.Reply, nil
	}
	return res.Run(context.Background(), handlers.Request{UserID: "UADMIN", Args: res.Args, IsAdmin: true, Invoke: e.tbl.Invocation})
}

func (e *adminEnv) text(text string) string {
	e.t.Helper()
	r, err := e.run(text)
	if err != nil {
		e.t.Fatalf("%q: %v", text, err)
	}
	return bot.Text(r, e.tbl.Invocation)
}

func (e *adminEnv) write(entries ...handlers.AuditEntry) {
	e.t.Helper()
	for _, en := range entries {
		if err := e.st.Audit(context.Background(), en); err != nil {
			e.t.Fatal(err)
		}
	}
}

var auditStart = time.Date(2026, 7, 1, 8, 5, 0, 0, time.UTC) // 09:05 in London's summer time

func TestAdminAuditGolden(t *testing.T) {
	e := newAdminEnv(t, supDirectory{})
	e.write(
		handlers.AuditEntry{At: auditStart, UserID: "UADMIN", Action: handlers.AuditAdmin, Command: "unanswered"},
		handlers.AuditEntry{At: auditStart.Add(time.Hour), UserID: "U0SAM", Action: handlers.AuditDenied, Command: "admin audit"},
		handlers.AuditEntry{At: auditStart.Add(2 * time.Hour), UserID: "3f9a0c", Action: "erasure", Command: "forget-me"},
	)
	r, err := e.run("admin audit")
	if err != nil {
		t.Fatal(err)
	}
	replyGolden(t, "admin_audit", r, e.tbl)
	if faults := bot.Limits(r); len(faults) > 0 {
		t.Errorf("admin audit breaks Slack's limits: %v", faults)
	}
	blocks, _ := bot.Blocks(r)
	var raw strings.Builder
	enc := json.NewEncoder(&raw)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(blocks); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(raw.String(), "<@U0SAM>") || strings.Contains(raw.String(), "3f9a0c") {
		t.Errorf("the audit should name people by mention, and only by Slack user id:\n%s", raw.String())
	}
}

func TestAdminAudit(t *testing.T) {
	e := newAdminEnv(t, supDirectory{zones: map[string]string{"UADMIN": "America/New_York"}})
	wantContains(t, "an empty log", e.text("admin audit"), "Nothing in the audit log yet")
	for i := range 130 {
		e.write(handlers.AuditEntry{At: auditStart.Add(time.Duration(i) * time.Minute), UserID: "U0SAM", Action: handlers.AuditAdmin, Command: fmt.Sprintf("admin c%d", i)})
	}
	tests := []struct {
		name, text string
		want       []string
		not        []string
	}{
		{"default", "admin audit", []string{"The latest 20 entries, newest first", "Times are in America/New_York",
			"1 Jul 2026, 06:14", "@U0SAM ran /peer admin c129", "/peer admin c110"}, []string{"c109", "UTC"}},
		{"a number", "admin audit 3", []string{"The latest 3 entries", "c129", "c127"}, []string{"c126"}},
		{"more than shown at once", "admin audit 500", []string{"The latest 100 entries", "c30", "I show up to 100 entries at a time"}, []string{"/peer admin c29\n"}},
		{"not a number", "admin audit lots", []string{"Give how many entries to show as a number, such as /peer admin audit 50"}, []string{"Audit log"}},
		{"zero", "admin audit 0", []string{"Give how many entries to show as a number"}, nil},
		{"negative", "admin audit -4", []string{"Give how many entries to show as a number"}, nil},
		{"the family's help", "admin", []string{"/peer admin audit [how many]", "the latest admin actions"}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := e.text(tt.text)
			wantContains(t, tt.text, got, tt.want...)
			wantNotContains(t, tt.text, got, tt.not...)
		})
	}
}

// TestAdminAuditInUTC: when Slack cannot give the admin's zone, times are
// in UTC, and the reply says so.
func TestAdminAuditInUTC(t *testing.T) {
	e := newAdminEnv(t, supDirectory{err: errors.New("slack is down")})
	e.write(handlers.AuditEntry{At: auditStart, UserID: "U0SAM", Action: handlers.AuditDenied, Command: "unanswered"})
	wantContains(t, "admin audit", e.text("admin audit"), "Times are in UTC", "1 Jul 2026, 08:05",
		"@U0SAM tried /peer unanswered and was refused: not an admin")
}

func TestAdminAuditUnavailable(t *testing.T) {
	e := newAdminEnv(t, supDirectory{})
	e.st.Close()
	if _, err := e.run("admin audit"); !errors.Is(err, handlers.ErrUnavailable) {
		t.Errorf("admin audit with Redis down: err = %v, want ErrUnavailable", err)
	}
}
