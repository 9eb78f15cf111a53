package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/supervision"
)

// TestTrimNames: the daily trim takes out of a names index the keys whose
// record has gone, keeps those that exist, and gives back an entry whose
// record was written while it waited (a write that noted its key just
// before the trim looked).
func TestTrimNames(t *testing.T) {
	r, prefix := openStore(t)
	ctx := context.Background()
	const user = "U0TRIM1"
	day := time.Date(2026, 11, 2, 0, 0, 0, 0, time.UTC)
	if err := r.AddSession(ctx, supervision.Session{ID: "s1", UserID: user, Date: day, Type: supervision.Clinical, LoggedBy: user, LoggedAt: day}); err != nil {
		t.Fatal(err)
	}
	if _, err := r.IndexNames(ctx); err != nil {
		t.Fatal(err)
	}
	c := redistest.Client(t)
	names := prefix + "sup:{" + user + "}:names"
	gone, live, late := prefix+"fb:{trim-gone}:votes", prefix+"fb:{trim-live}:votes", prefix+"fb:{trim-late}:votes"
	if err := c.HSet(ctx, live, user, "1").Err(); err != nil {
		t.Fatal(err)
	}
	if err := c.SAdd(ctx, names, gone, live, late).Err(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	var n int
	var err error
	go func() {
		defer close(done)
		n, err = r.TrimNames(ctx, 300*time.Millisecond)
	}()
	time.Sleep(100 * time.Millisecond) // the trim has looked once and waits
	if err := c.HSet(ctx, late, user, "1").Err(); err != nil {
		t.Fatal(err)
	}
	<-done
	if err != nil || n != 1 {
		t.Errorf("TrimNames = %d, %v; want the one key whose record has gone", n, err)
	}
	members, _ := c.SMembers(ctx, names).Result()
	switch {
	case slices.Contains(members, gone):
		t.Errorf("the gone key is still in the index: %v", members)
	case !slices.Contains(members, live):
		t.Errorf("a key whose record exists was taken out: %v", members)
	case !slices.Contains(members, late):
		t.Errorf("the key written while the trim waited lost its entry: %v", members)
	}
	if n, err := r.TrimNames(ctx, time.Millisecond); n != 0 || err != nil {
		t.Errorf("trimming again = %d, %v; want nothing more", n, err)
	}
}
