package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
	"github.com/redis/go-redis/v9"
)

// replicas opens two stores on one Redis and prefix, as two replicas of
// the bot are, each hearing the other's changes.
func replicas(t *testing.T) (a, b *store.Redis) {
	t.Helper()
	a, prefix := openStore(t)
	b, err := store.Open(context.Background(), store.Options{URL: redistest.URL(t), Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { b.Close() })
	waitLive(t, a)
	waitLive(t, b)
	return a, b
}

// waitLive waits until r hears the changes channel.
func waitLive(t *testing.T, r *store.Redis) {
	t.Helper()
	for end := time.Now().Add(5 * time.Second); ; time.Sleep(5 * time.Millisecond) {
		if live, _ := store.StatusCacheLive(r); live {
			return
		}
		if time.Now().After(end) {
			t.Fatal("the store never subscribed to the changes channel")
		}
	}
}

// eventually polls what until it is true, for a change that another
// replica hears over the network.
func eventually(t *testing.T, what string, f func() bool) {
	t.Helper()
	for end := time.Now().Add(3 * time.Second); !f(); time.Sleep(2 * time.Millisecond) {
		if time.Now().After(end) {
			t.Fatalf("never: %s", what)
		}
	}
}

// cachedStatus reads userID's status on r twice, so that the second read
// comes from the cache, and checks that it did.
func cachedStatus(t *testing.T, r *store.Redis, userID string) supervision.Summary {
	t.Helper()
	ctx := context.Background()
	// A read that another replica's word of a change overtakes is not
	// kept: read until one is.
	eventually(t, "the status of "+userID+" kept", func() bool {
		_, _, ok, err := r.ProfileSummary(ctx, userID)
		if !ok || err != nil {
			t.Fatalf("ProfileSummary = %v, %v", ok, err)
		}
		return store.StatusCached(r, userID)
	})
	_, sum, _, _ := r.ProfileSummary(ctx, userID)
	return sum
}

// TestStatusCacheHearsEveryChange: a status kept by one replica gives way
// to what another replica writes, for every kind of write a status shows:
// a session logged, confirmed, disputed or undone, leave booked or
// cancelled, a profile changed and a record erased.
func TestStatusCacheHearsEveryChange(t *testing.T) {
	a, b := replicas(t)
	ctx := context.Background()
	p := supervision.Profile{UserID: "U1", Role: supervision.LinkWorker, PCN: "Central", SupervisorID: "US1", TimeZone: "Europe/London"}
	if err := a.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	s := session("U1", "s1", day(time.UTC, 2026, 11, 2), time.Date(2026, 11, 2, 12, 0, 0, 0, time.UTC))
	s.Confirmation = supervision.Awaiting
	changes := []struct {
		name  string
		write func() error
		seen  func(p supervision.Profile, sum supervision.Summary, ok bool) bool
	}{
		{"a session logged", func() error { return a.AddSession(ctx, s) },
			func(_ supervision.Profile, sum supervision.Summary, _ bool) bool {
				return len(sum.Latest) == 1 && sum.Awaiting == 1
			}},
		{"the session confirmed", func() error {
			_, _, err := a.AnswerSession(ctx, "U1", "s1", supervision.Awaiting, supervision.Confirmed, "US1", "", time.Now())
			return err
		}, func(_ supervision.Profile, sum supervision.Summary, _ bool) bool {
			return sum.Awaiting == 0 && len(sum.Latest) == 1 && sum.Latest[0].Confirmation == supervision.Confirmed
		}},
		{"leave booked", func() error {
			return a.AddLeave(ctx, "U1", supervision.Leave{ID: "l1", From: day(time.UTC, 2026, 12, 7), To: day(time.UTC, 2026, 12, 11)})
		}, func(_ supervision.Profile, sum supervision.Summary, _ bool) bool { return len(sum.Leaves) == 1 }},
		{"leave cancelled", func() error { _, err := a.RemoveLeave(ctx, "U1", "l1"); return err },
			func(_ supervision.Profile, sum supervision.Summary, _ bool) bool { return len(sum.Leaves) == 0 }},
		{"the profile changed", func() error { p.Role = supervision.Coach; return a.SaveProfile(ctx, p) },
			func(p supervision.Profile, _ supervision.Summary, _ bool) bool { return p.Role == supervision.Coach }},
		{"the session undone", func() error { _, err := a.DeleteSession(ctx, "U1", "s1"); return err },
			func(_ supervision.Profile, sum supervision.Summary, _ bool) bool { return len(sum.Latest) == 0 }},
	}
	for _, c := range changes {
		cachedStatus(t, a, "U1")
		cachedStatus(t, b, "U1")
		if err := c.write(); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		// The writing replica drops its own at once.
		if got, sum, ok, err := a.ProfileSummary(ctx, "U1"); err != nil || !c.seen(got, sum, ok) {
			t.Errorf("%s: the writing replica's status did not show it: %+v %v", c.name, sum, err)
		}
		eventually(t, c.name+" shown by the other replica", func() bool {
			got, sum, ok, err := b.ProfileSummary(ctx, "U1")
			return err == nil && c.seen(got, sum, ok)
		})
	}
}

// TestStatusCacheDropsWhatItCannotHear: when a replica's subscription to
// the changes channel drops, it keeps nothing until it is back, so a
// change made meanwhile (whose word it never heard) is still shown.
func TestStatusCacheDropsWhatItCannotHear(t *testing.T) {
	a, b := replicas(t)
	ctx := context.Background()
	if err := a.SaveProfile(ctx, supervision.Profile{UserID: "U2", Role: supervision.LinkWorker, TimeZone: "Europe/London"}); err != nil {
		t.Fatal(err)
	}
	cachedStatus(t, b, "U2")
	_, before := store.StatusCacheLive(b)
	kill := func(ctx context.Context, c *redis.Client) error {
		return c.Do(ctx, "client", "kill", "type", "pubsub").Err()
	}
	var err error
	switch c := redistest.Client(t).(type) {
	case *redis.ClusterClient:
		err = c.ForEachMaster(ctx, kill)
	case *redis.Client:
		err = kill(ctx, c)
	}
	if err != nil {
		t.Fatal(err)
	}
	eventually(t, "the other replica noticing its subscription gone", func() bool {
		_, n := store.StatusCacheLive(b)
		return n != before
	})
	// Written with the publish to nobody: b's subscription may not be back.
	if err := a.AddSession(ctx, session("U2", "s1", day(time.UTC, 2026, 11, 2), time.Now())); err != nil {
		t.Fatal(err)
	}
	if _, sum, _, err := b.ProfileSummary(ctx, "U2"); err != nil || len(sum.Latest) != 1 {
		t.Fatalf("after the subscription dropped, the other replica showed %+v, %v; want the new session", sum, err)
	}
	waitLive(t, b)
	cachedStatus(t, b, "U2")
}

// TestStatusCacheListsAreTheCallers: what a caller does with the
// summary it was given does not change what the next caller is given.
func TestStatusCacheListsAreTheCallers(t *testing.T) {
	_, b := replicas(t)
	ctx := context.Background()
	if err := b.SaveProfile(ctx, supervision.Profile{UserID: "U3", Role: supervision.LinkWorker, TimeZone: "Europe/London"}); err != nil {
		t.Fatal(err)
	}
	if err := b.AddSession(ctx, session("U3", "s1", day(time.UTC, 2026, 11, 2), time.Now())); err != nil {
		t.Fatal(err)
	}
	sum := cachedStatus(t, b, "U3")
	sum.Latest[0].Minutes = 1
	if _, again, _, _ := b.ProfileSummary(ctx, "U3"); again.Latest[0].Minutes != 60 {
		t.Fatalf("a caller's change to its summary reached the cache: %d minutes", again.Latest[0].Minutes)
	}
}
