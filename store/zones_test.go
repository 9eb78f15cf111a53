package store

import (
	"context"
	"errors"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/supervision"
	"github.com/redis/go-redis/v9"
)

func TestZoneCache(t *testing.T) {
	r, prefix := open(t)
	ctx := context.Background()
	if zone, ok, err := r.CachedZone(ctx, "U1"); ok || err != nil {
		t.Fatalf("CachedZone(nothing cached) = %q, %v, %v; want false, nil", zone, ok, err)
	}
	if err := r.CacheZone(ctx, "U1", "Europe/London", time.Hour); err != nil {
		t.Fatal(err)
	}
	if zone, ok, err := r.CachedZone(ctx, "U1"); zone != "Europe/London" || !ok || err != nil {
		t.Errorf("CachedZone = %q, %v, %v; want Europe/London, true, nil", zone, ok, err)
	}
	rdb := redistest.Client(t)
	if ttl := rdb.PTTL(ctx, prefix+"tz:{U1}").Val(); ttl <= 59*time.Minute || ttl > time.Hour {
		t.Errorf("zone key TTL = %v, want about 1h", ttl)
	}
	// No TTL means no cache: a zone kept for ever would never follow Slack.
	if err := r.CacheZone(ctx, "U2", "Europe/London", 0); err != nil {
		t.Fatal(err)
	}
	if n := rdb.Exists(ctx, prefix+"tz:{U2}").Val(); n != 0 {
		t.Error("CacheZone with no TTL stored a key")
	}
	if err := r.CacheZone(ctx, "U3", "Asia/Tokyo", 50*time.Millisecond); err != nil {
		t.Fatal(err)
	}
	time.Sleep(150 * time.Millisecond)
	if _, ok, _ := r.CachedZone(ctx, "U3"); ok {
		t.Error("CachedZone after the TTL = true, want false")
	}
}

// TestStoreDownIsUnavailable calls every method on a store whose Redis does
// not answer and expects ErrUnavailable from each.
func TestStoreDownIsUnavailable(t *testing.T) {
	// Nothing listens on port 1. Open would fail its Ping, so build the
	// store directly, with no retries so the test is quick.
	r := newRedis(redis.NewUniversalClient(&redis.UniversalOptions{
		Addrs:              []string{"127.0.0.1:1"},
		MaxRetries:         -1,
		DialerRetries:      1,
		DialerRetryTimeout: time.Millisecond,
	}), Options{})
	defer r.Close()
	ctx := context.Background()
	d := time.Date(2026, 1, 2, 0, 0, 0, 0, time.UTC)
	s := supervision.Session{ID: "s1", UserID: "U1", Date: d}
	calls := map[string]func() error{
		"Profile":       func() error { _, _, err := r.Profile(ctx, "U1"); return err },
		"SaveProfile":   func() error { return r.SaveProfile(ctx, supervision.Profile{UserID: "U1", SupervisorID: "US1"}) },
		"Supervisees":   func() error { _, err := r.Supervisees(ctx, "US1"); return err },
		"AddSession":    func() error { return r.AddSession(ctx, s) },
		"Session":       func() error { _, _, err := r.Session(ctx, "U1", "s1"); return err },
		"Sessions":      func() error { _, err := r.Sessions(ctx, "U1", 0); return err },
		"UpdateSession": func() error { return r.UpdateSession(ctx, s) },
		"DeleteSession": func() error { _, err := r.DeleteSession(ctx, "U1", "s1"); return err },
		"AddLeave": func() error {
			return r.AddLeave(ctx, "U1", supervision.Leave{ID: "l1", From: d, To: d})
		},
		"Leaves":          func() error { _, err := r.Leaves(ctx, "U1"); return err },
		"Vote":            func() error { _, err := r.Vote(ctx, "e1", "U1", true); return err },
		"Votes":           func() error { _, _, err := r.Votes(ctx, "e1"); return err },
		"CountUnanswered": func() error { return r.CountUnanswered(ctx, []string{"parking"}) },
		"Unanswered":      func() error { _, err := r.Unanswered(ctx, 5); return err },
		"CachedZone":      func() error { _, _, err := r.CachedZone(ctx, "U1"); return err },
		"CacheZone":       func() error { return r.CacheZone(ctx, "U1", "Europe/London", time.Hour) },
	}
	for name, call := range calls {
		if err := call(); !errors.Is(err, ErrUnavailable) {
			t.Errorf("%s with Redis down = %v, want ErrUnavailable", name, err)
		}
	}
}

func TestSessionScoreOrder(t *testing.T) {
	london, _ := time.LoadLocation("Europe/London")
	at := func(s string) time.Time { t, _ := time.Parse(time.RFC3339, s); return t }
	d := func(y int, m time.Month, dd int) time.Time { return time.Date(y, m, dd, 0, 0, 0, 0, london) }
	// Each session must score above the one after it.
	ordered := []supervision.Session{
		{Date: d(2026, 2, 2), LoggedAt: at("2026-01-01T00:00:00Z")},
		{Date: d(2026, 2, 1), LoggedAt: at("2026-02-10T08:00:00Z")}, // logged later, earlier in the day
		{Date: d(2026, 2, 1), LoggedAt: at("2026-02-09T23:00:00Z")},
		{Date: d(2026, 2, 1)}, // no log time
		{Date: d(1999, 12, 31), LoggedAt: at("2026-02-09T23:00:00Z")},
	}
	for i := 1; i < len(ordered); i++ {
		a, b := sessionScore(ordered[i-1]), sessionScore(ordered[i])
		if a <= b {
			t.Errorf("sessionScore(%d) = %d, not above sessionScore(%d) = %d", i-1, a, i, b)
		}
		if float64(a) != float64(a+1)-1 {
			t.Errorf("sessionScore(%d) = %d is not exact as a float64", i-1, a)
		}
	}
}
