package main

import (
	"bytes"
	"context"
	"slices"
	"strings"
	"testing"

	"github.com/peerbot/peerbot/internal/redistest"
)

// TestHTTPAdminAudit: over HTTP, someone who is not an admin is refused an
// admin command and the attempt is audited; an admin's own runs are too;
// and /peer admin audit shows them, with mentions, never the arguments.
func TestHTTPAdminAudit(t *testing.T) {
	prefix := redistest.Prefix(t)
	p := startHTTP(t, map[string]string{"ADMIN_USER_IDS": "UADMIN1", "REDIS_KEY_PREFIX": prefix})
	for _, text := range []string{"admin audit 5", "unanswered 30"} {
		mustContain(t, text+" by someone else", p.slashAs(t, "U0SAM", "/peer", text), "only network admins")
	}
	mustContain(t, "unanswered by an admin", p.slashAs(t, "UADMIN1", "/peer", "unanswered 30"), "Unanswered questions")
	got := p.slashAs(t, "UADMIN1", "/peer", "admin audit")
	mustContain(t, "admin audit", got, "Audit log", "The latest 4 entries",
		"<@UADMIN1> ran /peer admin audit", "<@UADMIN1> ran /peer unanswered",
		"<@U0SAM> tried /peer unanswered and was refused", "<@U0SAM> tried /peer admin audit and was refused",
		"Times are in Europe/London")

	msgs, err := redistest.Client(t).XRange(context.Background(), prefix+"audit", "-", "+").Result()
	if err != nil {
		t.Fatal(err)
	}
	var cmds []string
	for _, m := range msgs {
		cmds = append(cmds, m.Values["cmd"].(string))
	}
	if want := []string{"admin audit", "unanswered", "unanswered", "admin audit"}; !slices.Equal(cmds, want) {
		t.Errorf("audited commands = %q, want %q: the words, never the arguments", cmds, want)
	}
}

// TestConsoleAdminAudit: the console's person is its admin, and its
// embedded store keeps the audit log too.
func TestConsoleAdminAudit(t *testing.T) {
	clearConfigEnv(t)
	var out bytes.Buffer
	if err := run(context.Background(), nil, strings.NewReader("/peer unanswered\n/peer admin audit\n"), &out, &bytes.Buffer{}, nil); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Audit log", "@UCONSOLE ran /peer unanswered", "@UCONSOLE ran /peer admin audit"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("console output lacks %q:\n%s", want, out.String())
		}
	}
}
