package main

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/knowledge"
	"github.com/peerbot/peerbot/scheduler"
	"github.com/peerbot/peerbot/store"
)

// The owner of an article is told once when it falls due for review, the
// admins when it names no owner; starting again, or a second replica, does
// not tell them twice; reviewing it again starts a new notice.
func TestReviewNoticesOnce(t *testing.T) {
	ctx := context.Background()
	prefix := redistest.Prefix(t)
	db, err := store.Open(ctx, store.Options{URL: redistest.URL(t), Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var mu sync.Mutex
	now := time.Date(2026, 11, 30, 8, 0, 0, 0, time.UTC)
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	out := &lockedBuffer{}
	e, err := scheduler.NewEngine(scheduler.Options{Queue: db.Reminders(2), Sender: bot.NewConsoleSender(out, nil), Now: clock, Grace: 48 * time.Hour})
	if err != nil {
		t.Fatal(err)
	}
	date := func(y int, m time.Month, d int) knowledge.Date {
		return knowledge.Date{Time: time.Date(y, m, d, 0, 0, 0, 0, time.UTC)}
	}
	owned := &knowledge.Entry{ID: "walking", Title: "Walking groups", Owner: "Gateshead team", OwnerSlack: "U0OWNER", Reviewed: date(2025, 12, 1)}
	orphan := &knowledge.Entry{ID: "old", Title: "Old article", Owner: "Nobody", Reviewed: date(2024, 1, 1)}
	fresh := &knowledge.Entry{ID: "fresh", Title: "Fresh article", Owner: "Hub", Reviewed: date(2026, 11, 1)}
	entries := []*knowledge.Entry{owned, orphan, fresh}
	admins := []string{"UADMIN1", "UADMIN2"}
	if err := ensureReviews(ctx, e, db, entries, 12, admins, clock()); err != nil {
		t.Fatal(err)
	}
	e.Tick(ctx)
	got := out.String()
	if n := strings.Count(got, "Old article"); n != 2 {
		t.Errorf("the article with no owner was sent %d times, want once to each of two admins:\n%s", n, got)
	}
	if strings.Contains(got, "Walking groups") || strings.Contains(got, "Fresh article") {
		t.Errorf("an article not yet due was sent:\n%s", got)
	}

	// 1 December, 09:00 UTC: the owned article falls due; a restart (or
	// another replica) runs ensureReviews again first.
	mu.Lock()
	now = time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)
	mu.Unlock()
	if err := ensureReviews(ctx, e, db, entries, 12, admins, clock()); err != nil {
		t.Fatal(err)
	}
	e.Tick(ctx)
	got = out.String()
	if n := strings.Count(got, "Walking groups"); n != 1 || strings.Count(got, "Old article") != 2 {
		t.Errorf("after it fell due: walking sent %d times (want 1), old %d (want 2):\n%s", n, strings.Count(got, "Old article"), got)
	}
	if !strings.Contains(got, "U0OWNER") {
		t.Errorf("the owner's notice did not go to owner_slack:\n%s", got)
	}

	// Reviewed again: a year on, a new notice.
	owned.Reviewed = date(2026, 12, 1)
	mu.Lock()
	now = time.Date(2027, 12, 1, 9, 30, 0, 0, time.UTC)
	mu.Unlock()
	if err := ensureReviews(ctx, e, db, []*knowledge.Entry{owned}, 12, admins, clock()); err != nil {
		t.Fatal(err)
	}
	e.Tick(ctx)
	if n := strings.Count(out.String(), "Walking groups"); n != 2 {
		t.Errorf("after a new review date fell due, walking sent %d times in all, want 2", n)
	}
}

type entryList []*knowledge.Entry

func (l entryList) Entries() []*knowledge.Entry { return l }

// The admin digest lists the articles due for review.
func TestAdminDigestListsStaleArticles(t *testing.T) {
	ctx := context.Background()
	db, err := store.Open(ctx, store.Options{URL: redistest.URL(t), Prefix: redistest.Prefix(t)})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	q := db.Reminders(2)
	old := &knowledge.Entry{ID: "old", Title: "Old article", Owner: "Hub", Reviewed: knowledge.Date{Time: time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)}}
	fresh := &knowledge.Entry{ID: "fresh", Title: "Fresh article", Owner: "Hub", Reviewed: knowledge.Date{Time: time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)}}
	d := adminDigest{db: db, standards: nil, failures: q.Failures, content: entryList{old, fresh}, reviewMonths: 12}
	r, send, err := d.Compose(ctx, scheduler.Item{}, time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC))
	if err != nil || !send {
		t.Fatal(send, err)
	}
	text := bot.Text(r, nil)
	mustContain(t, "digest", text, "Articles due for review", "Old article (old): reviewed 1 Jan 2024, owner Hub")
	if strings.Contains(text, "Fresh article") {
		t.Errorf("a fresh article is listed as due:\n%s", text)
	}
}
