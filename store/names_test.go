package store_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
)

// TestPruneSessionsFromPeopleIndex: retention walks the people index and
// trims each person's sessions by date, with no SCAN, once IndexNames has
// put the people written before the index into it; a supervisor with
// sessions and no profile of their own is reached too.
func TestPruneSessionsFromPeopleIndex(t *testing.T) {
	r, prefix := openStore(t)
	ctx := context.Background()
	const legacy, fresh = "U0LEGACY1", "U0FRESH1"
	old := time.Date(2023, 1, 10, 0, 0, 0, 0, time.UTC)
	recent := time.Date(2026, 1, 10, 0, 0, 0, 0, time.UTC)
	add := func(user, id string, d time.Time) {
		t.Helper()
		if err := r.AddSession(ctx, supervision.Session{ID: id, UserID: user, Date: d, Type: supervision.Clinical, LoggedBy: user, LoggedAt: d}); err != nil {
			t.Fatal(err)
		}
	}
	add(legacy, "old", old)
	add(legacy, "recent", recent)
	// As written before the people index: the record is there, the entry is not.
	if err := redistest.Client(t).SRem(ctx, prefix+"idx:{people}", legacy).Err(); err != nil {
		t.Fatal(err)
	}
	if ran, err := r.IndexNames(ctx); !ran || err != nil {
		t.Fatalf("IndexNames = %v, %v", ran, err)
	}
	add(fresh, "old", old)
	add(fresh, "recent", recent)

	scans := store.CountScans(r)
	n, err := r.PruneSessions(ctx, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC))
	if err != nil || n != 2 {
		t.Errorf("PruneSessions = %d, %v; want the two old sessions", n, err)
	}
	if s := scans.Load(); s != 0 {
		t.Errorf("%d SCANs; want the people index alone", s)
	}
	for _, user := range []string{legacy, fresh} {
		got, err := r.Sessions(ctx, user, 0)
		if err != nil || len(got) != 1 || got[0].ID != "recent" {
			t.Errorf("%s's sessions after pruning = %+v, %v; want the recent one", user, got, err)
		}
	}
	if n, err := r.PruneSessions(ctx, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)); n != 0 || err != nil {
		t.Errorf("pruning again = %d, %v; want nothing more", n, err)
	}
}

// TestPruneLeavesNoCopy: a person whose newest session is past retention
// keeps no copy of it anywhere (the summary and the latest sessions kept
// beside it go with it), and their status then reads as nothing logged.
func TestPruneLeavesNoCopy(t *testing.T) {
	r, prefix := openStore(t)
	ctx := context.Background()
	const user = "U0PRUNED1"
	old := time.Date(2022, 3, 7, 0, 0, 0, 0, time.UTC)
	if err := r.SaveProfile(ctx, supervision.Profile{UserID: user, Role: supervision.LinkWorker, Created: old.AddDate(0, 0, -3), Updated: old.AddDate(0, 0, -3)}); err != nil {
		t.Fatal(err)
	}
	if err := r.AddSession(ctx, supervision.Session{ID: "ancient", UserID: user, Date: old, Type: supervision.Clinical, Minutes: 75, LoggedBy: user, LoggedAt: old}); err != nil {
		t.Fatal(err)
	}
	if _, sum, _, err := r.ProfileSummary(ctx, user); err != nil || len(sum.Latest) != 1 {
		t.Fatalf("before pruning the status reads %+v, %v; want the one session", sum.Latest, err)
	}
	if n, err := r.PruneSessions(ctx, time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)); n != 1 || err != nil {
		t.Fatalf("PruneSessions = %d, %v", n, err)
	}
	if dump := redistest.Dump(t, prefix); strings.Contains(dump, "ancient") || strings.Contains(dump, "2022-03-07") {
		t.Errorf("after pruning the keyspace still holds the session:\n%s", dump)
	}
	if _, sum, _, err := r.ProfileSummary(ctx, user); err != nil || len(sum.Latest) != 0 {
		t.Errorf("after pruning the status reads %+v, %v; want nothing logged", sum.Latest, err)
	}
}
