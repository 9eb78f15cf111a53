package store

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/outcome"
	"github.com/peerbot/peerbot/internal/redistest"
)

func TestAuditKeepsWhoWhatWhenNewestFirst(t *testing.T) {
	r, prefix := open(t)
	ctx := context.Background()
	at := time.Date(2026, 12, 1, 9, 30, 0, 0, time.UTC)
	written := []outcome.AuditEntry{
		{At: at, UserID: "U1", Action: outcome.AuditAdmin, Command: "admin audit"},
		{At: at.Add(time.Minute), UserID: "U2", Action: outcome.AuditDenied, Command: "unanswered"},
		{At: at.Add(2 * time.Minute), UserID: "U1", Action: outcome.AuditAdmin, Command: "admin report"},
	}
	for _, e := range written {
		if err := r.Audit(ctx, e); err != nil {
			t.Fatalf("Audit(%+v): %v", e, err)
		}
	}
	got, err := r.AuditEntries(ctx, 2)
	if err != nil {
		t.Fatal(err)
	}
	if want := []outcome.AuditEntry{written[2], written[1]}; fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("AuditEntries(2) = %+v, want the two newest, newest first: %+v", got, want)
	}
	all, err := r.AuditEntries(ctx, 0)
	if err != nil || len(all) != 3 {
		t.Errorf("AuditEntries(0) = %d entries, %v; want all 3", len(all), err)
	}
	if keys := redistest.Keys(t, prefix+"*"); len(keys) != 1 || keys[0] != prefix+"audit" {
		t.Errorf("keys written = %v, want only %saudit", keys, prefix)
	}
}

func TestAuditTakesNowForAZeroTime(t *testing.T) {
	r, _ := open(t)
	ctx := context.Background()
	before := time.Now()
	if err := r.Audit(ctx, outcome.AuditEntry{UserID: "U1", Action: outcome.AuditAdmin, Command: "admin audit"}); err != nil {
		t.Fatal(err)
	}
	got, err := r.AuditEntries(ctx, 1)
	if err != nil || len(got) != 1 {
		t.Fatalf("AuditEntries = %v, %v", got, err)
	}
	if at := got[0].At; at.Before(before.Add(-time.Second)) || at.After(time.Now().Add(time.Second)) || at.Location() != time.UTC {
		t.Errorf("At = %v, want about now, in UTC", at)
	}
}

func TestAuditRefusesAnIncompleteEntry(t *testing.T) {
	r, prefix := open(t)
	for _, e := range []outcome.AuditEntry{
		{Action: outcome.AuditAdmin, Command: "admin audit"},
		{UserID: "U1", Command: "admin audit"},
		{UserID: "U1", Action: outcome.AuditAdmin},
	} {
		if err := r.Audit(context.Background(), e); !errors.Is(err, ErrInvalid) {
			t.Errorf("Audit(%+v) = %v, want ErrInvalid", e, err)
		}
	}
	if keys := redistest.Keys(t, prefix+"*"); len(keys) != 0 {
		t.Errorf("refused entries wrote %v", keys)
	}
}

// TestAuditClipsLongFields: a caller's slip cannot put a long text in the log.
func TestAuditClipsLongFields(t *testing.T) {
	r, _ := open(t)
	ctx := context.Background()
	long := strings.Repeat("word ", 100)
	if err := r.Audit(ctx, outcome.AuditEntry{UserID: "U1", Action: outcome.AuditAdmin, Command: long}); err != nil {
		t.Fatal(err)
	}
	got, err := r.AuditEntries(ctx, 1)
	if err != nil || len(got) != 1 {
		t.Fatalf("AuditEntries = %v, %v", got, err)
	}
	if n := len(got[0].Command); n > maxAuditField {
		t.Errorf("a %d-byte command was kept as %d bytes, want at most %d", len(long), n, maxAuditField)
	}
}

// TestAuditStaysCapped writes well past the cap and expects the stream to
// hold about AuditCap entries, the newest ones.
func TestAuditStaysCapped(t *testing.T) {
	r, prefix := open(t)
	ctx := context.Background()
	const total, workers = AuditCap + 1500, 8
	next := make(chan int)
	var wg sync.WaitGroup
	errs := make(chan error, workers)
	for range workers {
		wg.Go(func() {
			for i := range next {
				if err := r.Audit(ctx, outcome.AuditEntry{UserID: "U1", Action: outcome.AuditAdmin, Command: fmt.Sprint("c", i)}); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	for i := range total - 1 {
		next <- i
	}
	close(next)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	// The last one alone, so it is the newest.
	if err := r.Audit(ctx, outcome.AuditEntry{UserID: "U9", Action: outcome.AuditDenied, Command: "last"}); err != nil {
		t.Fatal(err)
	}
	n, err := redistest.Client(t).XLen(ctx, prefix+"audit").Result()
	if err != nil {
		t.Fatal(err)
	}
	if n < AuditCap || n > AuditCap+100 {
		t.Errorf("after %d entries the log holds %d, want %d to %d", total, n, AuditCap, AuditCap+100)
	}
	got, err := r.AuditEntries(ctx, 1)
	if err != nil || len(got) != 1 || got[0].Command != "last" {
		t.Errorf("newest entry = %+v, %v; want the last written", got, err)
	}
}

func TestAuditUnavailable(t *testing.T) {
	r, _ := open(t)
	r.Close()
	ctx := context.Background()
	if err := r.Audit(ctx, outcome.AuditEntry{UserID: "U1", Action: outcome.AuditAdmin, Command: "admin audit"}); !errors.Is(err, ErrUnavailable) {
		t.Errorf("Audit on a closed store = %v, want ErrUnavailable", err)
	}
	if _, err := r.AuditEntries(ctx, 5); !errors.Is(err, ErrUnavailable) {
		t.Errorf("AuditEntries on a closed store = %v, want ErrUnavailable", err)
	}
}
