package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/knowledge"
	"github.com/peerbot/peerbot/store"
)

func TestAdminFeedback(t *testing.T) {
	ctx := context.Background()
	st, err := store.Open(ctx, store.Options{URL: redistest.URL(t), Prefix: redistest.Prefix(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	base, err := knowledge.Load(knowledge.Content())
	if err != nil {
		t.Fatal(err)
	}
	entries := base.Entries()
	worst, next, liked := entries[0], entries[1], entries[2]
	for i, v := range []struct {
		id      string
		helpful bool
	}{{worst.ID, false}, {worst.ID, false}, {worst.ID, false}, {next.ID, false}, {next.ID, true}, {liked.ID, true}} {
		if _, err := st.Vote(ctx, v.id, "U"+strings.Repeat("X", i+2), v.helpful); err != nil {
			t.Fatal(err)
		}
	}
	for range 3 {
		if err := st.CountUnanswered(ctx, []string{"parking"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.CountUnanswered(ctx, []string{"uniform"}); err != nil {
		t.Fatal(err)
	}
	// Two years after the content's reviews: every article is due.
	now := func() time.Time { return worst.Reviewed.AddDate(2, 0, 0) }
	tbl, err := bot.NewTable("/peer", nil, handlers.NewAdmin(handlers.AdminOptions{Audit: st, Feedback: st, Content: base, Now: now}).Command())
	if err != nil {
		t.Fatal(err)
	}
	res := tbl.Resolve("/peer", "admin feedback", true)
	r, err := res.Run(ctx, handlers.Request{UserID: "UADMIN", IsAdmin: true, Invoke: tbl.Invocation})
	if err != nil {
		t.Fatal(err)
	}
	got := bot.Text(r, tbl.Invocation)
	wantContains(t, "feedback", got,
		"Least helpful answers",
		worst.Title+" ("+worst.ID+"): 3 not helpful, 0 helpful",
		next.Title+" ("+next.ID+"): 1 not helpful, 1 helpful",
		"Most asked and not answered", "parking: 3", "uniform: 1",
		"Due for review", "and ")
	wantNotContains(t, "feedback", got, liked.ID+"): 0 not helpful")
	if strings.Index(got, worst.ID) > strings.Index(got, next.ID) {
		t.Error("the answer with the most not helpful votes should come first")
	}
	if faults := bot.Limits(r); len(faults) > 0 {
		t.Errorf("admin feedback breaks Slack's limits: %v", faults)
	}

	// With fresh content and nothing said, each list says so.
	fresh := func() time.Time { return worst.Reviewed.Time }
	st2, _ := store.Open(ctx, store.Options{URL: redistest.URL(t), Prefix: redistest.Prefix(t) + "empty:"})
	t.Cleanup(func() { st2.Close() })
	tbl, _ = bot.NewTable("/peer", nil, handlers.NewAdmin(handlers.AdminOptions{Audit: st2, Feedback: st2, Content: base, Now: fresh}).Command())
	res = tbl.Resolve("/peer", "admin feedback", true)
	if r, err = res.Run(ctx, handlers.Request{UserID: "UADMIN", IsAdmin: true, Invoke: tbl.Invocation}); err != nil {
		t.Fatal(err)
	}
	wantContains(t, "empty feedback", bot.Text(r, tbl.Invocation), "No answer has had a “not helpful” vote yet.",
		"No question has gone unanswered lately.", "Every article was reviewed in the last 12 months.")
}
