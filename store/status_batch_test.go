package store_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
)

// TestStatusReadsTogether reads twelve people's status from many
// goroutines at once, so reads queue behind one another and go to Redis
// in batches: each reader gets their own profile and their own newest
// session, never someone else's.
func TestStatusReadsTogether(t *testing.T) {
	r, _ := openStore(t)
	ctx := context.Background()
	const people = 12
	for i := range people {
		u := fmt.Sprintf("U%d", i)
		if err := r.SaveProfile(ctx, supervision.Profile{UserID: u, Role: supervision.LinkWorker, PCN: "PCN " + u, SupervisorID: "US1"}); err != nil {
			t.Fatal(err)
		}
		for m := range 3 {
			d := day(time.UTC, 2026, time.Month(9+m), 1+i)
			if err := r.AddSession(ctx, session(u, fmt.Sprintf("%s-s%d", u, m), d, d.Add(time.Hour))); err != nil {
				t.Fatal(err)
			}
		}
	}
	var wg sync.WaitGroup
	errs := make(chan error, 48)
	for g := range 48 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			u := fmt.Sprintf("U%d", g%people)
			for range 25 {
				p, sum, ok, err := r.ProfileSummary(ctx, u)
				if err != nil || !ok {
					errs <- fmt.Errorf("ProfileSummary(%s) = ok %v, %v", u, ok, err)
					return
				}
				if p.PCN != "PCN "+u || len(sum.Latest) != 1 || sum.Latest[0].ID != u+"-s2" || sum.Latest[0].UserID != u {
					errs <- fmt.Errorf("ProfileSummary(%s) = %+v, %+v; want their own profile and newest session", u, p, sum.Latest)
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

// TestStatusReadsOutage reads status from many goroutines while Redis is
// down: every read says Redis is unavailable as soon as Redis has refused
// the read in flight, and once Redis is back reads answer again (the queue
// is not left stuck).
func TestStatusReadsOutage(t *testing.T) {
	srv := redistest.NewServer(t)
	r, err := store.Open(context.Background(), store.Options{URL: "redis://" + srv.Addr() + "/0?dial_timeout=200ms", Prefix: "batch:"})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	ctx := context.Background()
	if err := r.SaveProfile(ctx, supervision.Profile{UserID: "U1", Role: supervision.Coach, PCN: "Central"}); err != nil {
		t.Fatal(err)
	}
	srv.Stop()
	read := func(n int) []error {
		out := make([]error, n)
		var wg sync.WaitGroup
		for i := range n {
			wg.Add(1)
			go func() {
				defer wg.Done()
				c, cancel := context.WithTimeout(ctx, 5*time.Second)
				defer cancel()
				_, _, _, out[i] = r.ProfileSummary(c, "U1")
			}()
		}
		wg.Wait()
		return out
	}
	for i, err := range read(16) {
		// Each read fails as Redis refuses it, as a lone read would: none
		// waits out its deadline in a queue behind a failing batch.
		if !errors.Is(err, store.ErrUnavailable) || errors.Is(err, context.DeadlineExceeded) {
			t.Errorf("read %d with Redis down = %v, want ErrUnavailable from Redis refusing it", i, err)
		}
	}
	srv.Start()
	if err := r.SaveProfile(ctx, supervision.Profile{UserID: "U1", Role: supervision.Coach, PCN: "North"}); err != nil {
		t.Fatal(err)
	}
	for i, err := range read(16) {
		if err != nil {
			t.Errorf("read %d with Redis back = %v, want the profile", i, err)
		}
	}
	if p, _, ok, err := r.ProfileSummary(ctx, "U1"); err != nil || !ok || p.PCN != "North" {
		t.Errorf("ProfileSummary after the outage = %+v, %v, %v; want the profile saved since", p, ok, err)
	}
}

// TestStatusReadGivesUp: a reader whose request is given up while its read
// waits in the queue returns at once with its context's error, and the
// reads after it still answer.
func TestStatusReadGivesUp(t *testing.T) {
	r, _ := openStore(t)
	ctx := context.Background()
	if err := r.SaveProfile(ctx, supervision.Profile{UserID: "U1", Role: supervision.Coach, PCN: "Central"}); err != nil {
		t.Fatal(err)
	}
	gone, cancel := context.WithCancel(ctx)
	cancel()
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(2)
		go func() { defer wg.Done(); _, _, _, _ = r.ProfileSummary(gone, "U1") }()
		go func() { defer wg.Done(); _, _, _, _ = r.ProfileSummary(ctx, "U1") }()
	}
	wg.Wait()
	if _, _, _, err := r.ProfileSummary(gone, "U1"); err == nil {
		t.Error("ProfileSummary with a cancelled context = nil error, want the context's")
	}
	if p, _, ok, err := r.ProfileSummary(ctx, "U1"); err != nil || !ok || p.PCN != "Central" {
		t.Errorf("ProfileSummary after given-up reads = %+v, %v, %v; want the profile", p, ok, err)
	}
}

// TestStatusReadWrongType: a person's summary that is not a hash (a key
// written by hand, or by a bug) makes the read fail as unavailable, and
// another person's status read after it still answers.
func TestStatusReadWrongType(t *testing.T) {
	r, prefix := openStore(t)
	ctx := context.Background()
	for _, u := range []string{"U1", "U2"} {
		if err := r.SaveProfile(ctx, supervision.Profile{UserID: u, Role: supervision.Coach, PCN: "Central"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := redistest.Client(t).Set(ctx, prefix+"sup:{U1}:summary", "not a hash", time.Minute).Err(); err != nil {
		t.Fatal(err)
	}
	if _, _, _, err := r.ProfileSummary(ctx, "U1"); !errors.Is(err, store.ErrUnavailable) {
		t.Errorf("ProfileSummary(U1) with a summary of the wrong type = %v, want ErrUnavailable", err)
	}
	if p, _, ok, err := r.ProfileSummary(ctx, "U2"); err != nil || !ok || p.PCN != "Central" {
		t.Errorf("ProfileSummary(U2) after it = %+v, %v, %v; want the profile", p, ok, err)
	}
}
