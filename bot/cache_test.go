package bot

import (
	"bytes"
	"context"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/handlers"
)

// TestFixedRepliesAreKept: a command marked Fixed runs once for the same
// words, and the kept answer is the same bytes; what may not be kept runs
// every time.
func TestFixedRepliesAreKept(t *testing.T) {
	var fixedRuns, liveRuns, effectRuns atomic.Int32
	fixed := handlers.Command{Name: "guide", Fixed: true, Run: func(_ context.Context, req handlers.Request) (handlers.Reply, error) {
		fixedRuns.Add(1)
		return handlers.Reply{Header: "Guide", Text: "About " + req.Args}, nil
	}}
	live := handlers.Command{Name: "status", Run: func(_ context.Context, req handlers.Request) (handlers.Reply, error) {
		liveRuns.Add(1)
		return handlers.Reply{Text: "Status of " + req.UserID}, nil
	}}
	effect := handlers.Command{Name: "notify", Fixed: true, Run: func(_ context.Context, req handlers.Request) (handlers.Reply, error) {
		effectRuns.Add(1)
		return handlers.Reply{Text: "Sent.", RefreshHome: []string{req.UserID}}, nil
	}}
	b := testBot(t, Options{AdminUserIDs: []string{"UADMIN"}}, fixed, live, effect)
	ask := func(user, text string) []byte {
		t.Helper()
		p, ok := b.slashResponse(slack.SlashCommand{Command: "/peer", Text: text, UserID: user})
		if !ok {
			t.Fatalf("%s %q was not answered in the response", user, text)
		}
		return p
	}

	first := ask("U1", "guide coach")
	second := ask("U2", "guide coach")
	if !bytes.Equal(first, second) {
		t.Errorf("the kept answer differs:\n%s\n%s", first, second)
	}
	if !strings.Contains(string(second), "About coach") {
		t.Errorf("kept answer = %s, want the guide to coach", second)
	}
	if n := fixedRuns.Load(); n != 1 {
		t.Errorf("a Fixed command asked twice ran %d times, want 1", n)
	}
	if p := ask("U1", "guide nurse"); !strings.Contains(string(p), "About nurse") {
		t.Errorf("other words = %s, want the guide to nurse", p)
	}

	// Words with a digit are never kept: they may hold an NHS number. (A
	// valid one is refused before any command runs; this one's check digit
	// is wrong.)
	ask("U1", "guide 4010232136")
	ask("U1", "guide 4010232136")
	if n := fixedRuns.Load(); n != 4 {
		t.Errorf("a Fixed command ran %d times in all, want 4 (digits are not kept)", n)
	}

	for range 2 {
		ask("U1", "status")
		ask("U1", "notify")
	}
	if n := liveRuns.Load(); n != 2 {
		t.Errorf("a command not marked Fixed ran %d times for 2 askings", n)
	}
	if n := effectRuns.Load(); n != 2 {
		t.Errorf("a Fixed command whose reply does more than show ran %d times for 2 askings", n)
	}

	b.DropCachedReplies()
	ask("U1", "guide coach")
	if n := fixedRuns.Load(); n != 5 {
		t.Errorf("after DropCachedReplies the command ran %d times in all, want 5", n)
	}
}

// TestKeptHelpKnowsAdmins: help is kept, apart for admins, who see more.
func TestKeptHelpKnowsAdmins(t *testing.T) {
	secret := handlers.Command{Name: "report", AdminOnly: true, Description: "The admin report.", Run: func(context.Context, handlers.Request) (handlers.Reply, error) {
		return handlers.Say("report"), nil
	}}
	b := testBot(t, Options{AdminUserIDs: []string{"UADMIN"}}, secret)
	for range 2 {
		user, _ := b.slashResponse(slack.SlashCommand{Command: "/peer", Text: "help", UserID: "U1"})
		admin, _ := b.slashResponse(slack.SlashCommand{Command: "/peer", Text: "help", UserID: "UADMIN"})
		if strings.Contains(string(user), "admin report") {
			t.Errorf("help for a person who is not an admin names the admin report:\n%s", user)
		}
		if !strings.Contains(string(admin), "admin report") {
			t.Errorf("help for an admin does not name the admin report:\n%s", admin)
		}
	}
}
