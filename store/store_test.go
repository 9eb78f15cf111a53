package store

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/redistest"
)

func open(t testing.TB) (*Redis, string) {
	t.Helper()
	prefix := redistest.Prefix(t)
	r, err := Open(context.Background(), Options{URL: redistest.URL(t), Prefix: prefix})
	if err != nil {
		t.Fatalf("Open: %v", err)
	}
	t.Cleanup(func() { r.Close() })
	return r, prefix
}

func TestClaim(t *testing.T) {
	r, prefix := open(t)
	ctx := context.Background()
	claim := func(scope string, ids ...string) bool {
		t.Helper()
		ok, err := r.Claim(ctx, scope, time.Hour, ids...)
		if err != nil {
			t.Fatalf("Claim(%v): %v", ids, err)
		}
		return ok
	}
	if !claim("C1", "event:Ev1", "msg:1.1") {
		t.Fatal("first delivery: Claim = false, want true")
	}
	if claim("C1", "event:Ev1", "msg:1.1") {
		t.Error("the same event again: Claim = true, want false")
	}
	if claim("C1", "event:Ev2", "msg:1.1") {
		t.Error("the same message under a new event id: Claim = true, want false")
	}
	if claim("C1", "event:Ev1", "msg:9.9") {
		t.Error("the same event id with another ts: Claim = true, want false")
	}
	if !claim("C2", "event:Ev3", "msg:1.1") {
		t.Error("the same ts in another channel: Claim = false, want true")
	}
	ttl := redistest.Client(t).PTTL(ctx, prefix+"dedupe:{C1}:msg:1.1").Val()
	if ttl <= 59*time.Minute || ttl > time.Hour {
		t.Errorf("claim key TTL = %v, want about 1h", ttl)
	}
}

// TestRelease: a released claim can be claimed again; others stay.
func TestRelease(t *testing.T) {
	r, _ := open(t)
	ctx := context.Background()
	for _, id := range []string{"q1", "q2"} {
		if ok, err := r.Claim(ctx, "share", time.Hour, id); !ok || err != nil {
			t.Fatalf("Claim(%s) = %v, %v; want true, nil", id, ok, err)
		}
	}
	if err := r.Release(ctx, "share", "q1"); err != nil {
		t.Fatalf("Release: %v", err)
	}
	if ok, _ := r.Claim(ctx, "share", time.Hour, "q1"); !ok {
		t.Error("Claim after Release = false, want true")
	}
	if ok, _ := r.Claim(ctx, "share", time.Hour, "q2"); ok {
		t.Error("Claim of one not released = true, want false")
	}
}

// TestClaimWithNoScope claims an event and its message with no channel:
// the keys still share one slot, so a Cluster takes the script.
func TestClaimWithNoScope(t *testing.T) {
	r, _ := open(t)
	ctx := context.Background()
	for i, want := range []bool{true, false} {
		ok, err := r.Claim(ctx, "", time.Minute, "event:EvNoScope", "msg:3.3")
		if err != nil || ok != want {
			t.Errorf("claim %d with no scope = %v, %v; want %v, nil", i+1, ok, err, want)
		}
	}
}

func TestClaimIsAnsweredOnceUnderRace(t *testing.T) {
	r, _ := open(t)
	var wins atomic.Int32
	var wg sync.WaitGroup
	for range 20 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ok, err := r.Claim(context.Background(), "C1", time.Minute, "event:EvRace", "msg:2.2")
			if err != nil {
				t.Error(err)
			}
			if ok {
				wins.Add(1)
			}
		}()
	}
	wg.Wait()
	if got := wins.Load(); got != 1 {
		t.Errorf("20 concurrent claims of one delivery: %d won, want 1", got)
	}
}

// TestClaimScriptIsSafeToRepeat runs the script twice with one token, as a
// client retry after a lost reply would, and expects the same answer.
func TestClaimScriptIsSafeToRepeat(t *testing.T) {
	r, _ := open(t)
	ctx := context.Background()
	keys := []string{r.key("dedupe", tag("C1"), "event:EvRepeat")}
	for i := range 2 {
		n, err := claimScript.Run(ctx, r.client, keys, "same-token", 60000).Int()
		if err != nil || n != 1 {
			t.Fatalf("run %d: claim = %d, %v; want 1, nil", i+1, n, err)
		}
	}
	if n, _ := claimScript.Run(ctx, r.client, keys, "other-token", 60000).Int(); n != 0 {
		t.Errorf("another token: claim = %d, want 0", n)
	}
}

func TestRedisDownIsUnavailable(t *testing.T) {
	var failed atomic.Int32
	// Nothing listens on port 1.
	_, err := Open(context.Background(), Options{URL: "redis://127.0.0.1:1/0", OnError: func(string) { failed.Add(1) }})
	if !errors.Is(err, ErrUnavailable) {
		t.Errorf("Open(nothing listening) = %v, want ErrUnavailable", err)
	}
	if failed.Load() == 0 {
		t.Error("OnError was not told of the failed command")
	}
}

func TestOnErrorCountsFailures(t *testing.T) {
	var mu sync.Mutex
	var ops []string
	r, err := Open(context.Background(), Options{
		URL:     redistest.URL(t),
		Prefix:  redistest.Prefix(t),
		OnError: func(op string) { mu.Lock(); ops = append(ops, op); mu.Unlock() },
	})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := r.Claim(ctx, "C1", time.Minute, "event:EvCancelled"); !errors.Is(err, ErrUnavailable) {
		t.Fatalf("Claim with a cancelled context = %v, want ErrUnavailable", err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(ops) == 0 {
		t.Error("a failed command was not counted")
	}
}

func TestEmbedded(t *testing.T) {
	r, err := OpenEmbedded(context.Background(), Options{})
	if err != nil {
		t.Fatal(err)
	}
	ok, err := r.Claim(context.Background(), "C1", time.Minute, "event:Ev1")
	if err != nil || !ok {
		t.Errorf("Claim on the embedded store = %v, %v; want true, nil", ok, err)
	}
	if err := r.Close(); err != nil {
		t.Errorf("Close: %v", err)
	}
	if err := r.Ping(context.Background()); err == nil {
		t.Error("Ping after Close = nil, want an error")
	}
}
