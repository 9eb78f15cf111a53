package store_test

import (
	"context"
	"fmt"
	"reflect"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
	"github.com/redis/go-redis/v9"
)

// TestProfileSummaryIsProfileAndSummary reads a person's status in one go
// and finds what Profile and Summary read apart: the profile, each newest
// session in full, the awaiting count and the leave.
func TestProfileSummaryIsProfileAndSummary(t *testing.T) {
	r, _ := openStore(t)
	ctx := context.Background()
	if _, _, ok, err := r.ProfileSummary(ctx, "U1"); ok || err != nil {
		t.Fatalf("ProfileSummary(no profile) = _, _, %v, %v; want false, nil", ok, err)
	}
	p := supervision.Profile{UserID: "U1", Role: supervision.Coach, PCN: "Central", Locality: "gateshead",
		SupervisorID: "US1", TimeZone: "Europe/London", Reminders: true, ReminderDay: time.Monday, ReminderTime: "09:30",
		Created: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC), Updated: time.Date(2026, 2, 3, 4, 5, 6, 0, time.UTC)}
	if err := r.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	logged := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	for i, s := range []supervision.Session{
		session("U1", "a", day(time.UTC, 2026, 9, 1), logged),
		session("U1", "b", day(time.UTC, 2026, 10, 1), logged.Add(time.Hour)),
		session("U1", "c", day(time.UTC, 2026, 10, 15), logged.Add(2*time.Hour)),
	} {
		if i == 2 {
			s.Type, s.Confirmation = supervision.CoachingSup, supervision.Awaiting
		}
		if err := r.AddSession(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.AddLeave(ctx, "U1", supervision.Leave{ID: "l1", From: day(time.UTC, 2026, 11, 2), To: day(time.UTC, 2026, 11, 6)}); err != nil {
		t.Fatal(err)
	}
	wantP, _, err := r.Profile(ctx, "U1")
	if err != nil {
		t.Fatal(err)
	}
	wantSum, err := r.Summary(ctx, "U1")
	if err != nil {
		t.Fatal(err)
	}
	gotP, gotSum, ok, err := r.ProfileSummary(ctx, "U1")
	if err != nil || !ok {
		t.Fatalf("ProfileSummary = _, _, %v, %v; want true, nil", ok, err)
	}
	if !reflect.DeepEqual(gotP, wantP) {
		t.Errorf("profile = %+v\nwant %+v", gotP, wantP)
	}
	if !reflect.DeepEqual(gotSum, wantSum) {
		t.Errorf("summary = %+v\nwant %+v", gotSum, wantSum)
	}
	if len(gotSum.Latest) != 2 || gotSum.Latest[0].WithID != "US1" || gotSum.Latest[0].Minutes != 60 || gotSum.Awaiting != 1 || len(gotSum.Leaves) != 1 {
		t.Errorf("summary = %+v, want the newest clinical and coaching sessions in full, 1 awaiting, 1 leave", gotSum)
	}
}

// TestProfileSummaryIndexesOldRecords reads a record written before the
// index: it is summarised on the way, as Summary does.
func TestProfileSummaryIndexesOldRecords(t *testing.T) {
	r, prefix := openStore(t)
	ctx := context.Background()
	c := redistest.Client(t)
	if err := r.SaveProfile(ctx, supervision.Profile{UserID: "U1", Role: supervision.Coach, PCN: "Central"}); err != nil {
		t.Fatal(err)
	}
	c.HSet(ctx, prefix+"sup:{U1}:session:old", "date", "2026-10-01", "zone", "UTC", "type", "coaching", "minutes", "45",
		"with", "US1", "by", "U1", "at", "2026-10-01T12:00:00Z", "conf", "", "ansby", "", "ansat", "")
	oct1 := time.Date(2026, 10, 1, 12, 0, 0, 0, time.UTC)
	c.ZAdd(ctx, prefix+"sup:{U1}:sessions", redis.Z{Score: float64(oct1.Unix()/86400*10_000_000_000 + oct1.Unix()), Member: "old"})
	_, sum, ok, err := r.ProfileSummary(ctx, "U1")
	if err != nil || !ok {
		t.Fatalf("ProfileSummary = _, _, %v, %v; want true, nil", ok, err)
	}
	if len(sum.Latest) != 1 || sum.Latest[0].ID != "old" || sum.Latest[0].Minutes != 45 {
		t.Errorf("summary of an old record = %+v, want the old session in full", sum)
	}
	if v, _ := c.HGet(ctx, prefix+"sup:{U1}:summary", "v").Result(); v != "1" {
		t.Errorf("the record is not marked summarised")
	}
}

// TestSuperviseeSummariesIsProfilesAndSummaries reads a team in one go and
// finds what SuperviseeProfiles and Summaries read apart: a person who
// named someone else since is left out, and a record from before the
// index is summarised on the way.
func TestSuperviseeSummariesIsProfilesAndSummaries(t *testing.T) {
	r, prefix := openStore(t)
	ctx := context.Background()
	c := redistest.Client(t)
	if ps, sums, err := r.SuperviseeSummaries(ctx, "US1"); len(ps) != 0 || len(sums) != 0 || err != nil {
		t.Fatalf("SuperviseeSummaries(nobody) = %v, %v, %v; want none", ps, sums, err)
	}
	for _, p := range []supervision.Profile{
		{UserID: "U2", Role: supervision.Coach, PCN: "Central", Locality: "gateshead", SupervisorID: "US1", TimeZone: "Europe/London"},
		{UserID: "U1", Role: supervision.LinkWorker, PCN: "Central", SupervisorID: "US1"},
		{UserID: "U3", Role: supervision.LinkWorker, PCN: "Central", SupervisorID: "US1"},
	} {
		if err := r.SaveProfile(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.AddSession(ctx, session("U2", "a", day(time.UTC, 2026, 10, 1), time.Date(2026, 10, 1, 9, 0, 0, 0, time.UTC))); err != nil {
		t.Fatal(err)
	}
	if err := r.AddLeave(ctx, "U2", supervision.Leave{ID: "l1", From: day(time.UTC, 2026, 11, 2), To: day(time.UTC, 2026, 11, 6)}); err != nil {
		t.Fatal(err)
	}
	// U1's record is from before the index; U3 names someone else now, but
	// the index still lists them.
	c.HSet(ctx, prefix+"sup:{U1}:session:old", "date", "2026-10-01", "zone", "UTC", "type", "clinical", "minutes", "45",
		"with", "US1", "by", "U1", "at", "2026-10-01T12:00:00Z", "conf", "", "ansby", "", "ansat", "")
	oct1 := time.Date(2026, 10, 1, 12, 0, 0, 0, time.UTC)
	c.ZAdd(ctx, prefix+"sup:{U1}:sessions", redis.Z{Score: float64(oct1.Unix()/86400*10_000_000_000 + oct1.Unix()), Member: "old"})
	c.HSet(ctx, prefix+"sup:{U3}:profile", "supervisor", "US9")

	ps, sums, err := r.SuperviseeSummaries(ctx, "US1")
	if err != nil {
		t.Fatal(err)
	}
	wantSums, err := r.Summaries(ctx, []string{"U1", "U2"})
	if err != nil {
		t.Fatal(err)
	}
	if len(ps) != 2 || ps[0].UserID != "U1" || ps[1].UserID != "U2" {
		t.Fatalf("profiles = %+v, want U1 and U2", ps)
	}
	if p := ps[1]; p.Role != supervision.Coach || p.Locality != "gateshead" || p.SupervisorID != "US1" || p.TimeZone != "Europe/London" {
		t.Errorf("profile = %+v, want role, locality, supervisor and zone as saved", p)
	}
	if !reflect.DeepEqual(sums, wantSums) {
		t.Errorf("summaries = %+v\nwant %+v", sums, wantSums)
	}
	if len(sums[0].Latest) != 1 || sums[0].Latest[0].ID != "old" || len(sums[1].Leaves) != 1 {
		t.Errorf("summaries = %+v, want U1's old session and U2's leave", sums)
	}
}

// BenchmarkProfileSummary reads the status of a person with three years
// of monthly sessions: one round trip, whatever the length of the record.
func BenchmarkProfileSummary(b *testing.B) {
	r, _ := openStore(b)
	ctx := context.Background()
	if err := r.SaveProfile(ctx, supervision.Profile{UserID: "U1", Role: supervision.LinkWorker, PCN: "Central", SupervisorID: "US1"}); err != nil {
		b.Fatal(err)
	}
	for m := range 36 {
		d := day(time.UTC, 2026, time.Month(11-m), 15)
		if err := r.AddSession(ctx, session("U1", fmt.Sprintf("s%d", m), d, d.Add(time.Hour))); err != nil {
			b.Fatal(err)
		}
	}
	if _, sum, _, err := r.ProfileSummary(ctx, "U1"); err != nil || len(sum.Latest) != 1 || sum.Latest[0].WithID != "US1" {
		b.Fatalf("ProfileSummary = %+v, %v; want the newest session in full", sum, err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, _, err := r.ProfileSummary(ctx, "U1"); err != nil {
			b.Fatal(err)
		}
	}
}

// TestProfileSummaryKeepsLatestSessions reads a person's status from the
// copies of their newest sessions kept beside the summary, not from the
// sessions' own hashes; a record summarised before the copies were kept,
// or whose copy names another session, is read from the hashes and gets
// its copies on the way.
func TestProfileSummaryKeepsLatestSessions(t *testing.T) {
	r, prefix := openStore(t)
	ctx := context.Background()
	c := redistest.Client(t)
	if err := r.SaveProfile(ctx, supervision.Profile{UserID: "U1", Role: supervision.Coach, PCN: "Central"}); err != nil {
		t.Fatal(err)
	}
	logged := time.Date(2026, 11, 1, 9, 0, 0, 0, time.UTC)
	for _, s := range []supervision.Session{
		session("U1", "a", day(time.UTC, 2026, 9, 1), logged),
		session("U1", "b", day(time.UTC, 2026, 10, 1), logged.Add(time.Hour)),
	} {
		if err := r.AddSession(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	minutes := func() int {
		t.Helper()
		// The raw writes here stand for a replica running older code,
		// which tells no one of its changes; a status kept elsewhere
		// sees them once it expires.
		store.DropStatuses(r)
		_, sum, ok, err := r.ProfileSummary(ctx, "U1")
		if err != nil || !ok || len(sum.Latest) != 1 || sum.Latest[0].ID != "b" {
			t.Fatalf("ProfileSummary = %+v, %v, %v; want session b", sum, ok, err)
		}
		return sum.Latest[0].Minutes
	}
	if m := minutes(); m != 60 {
		t.Fatalf("minutes = %d, want 60", m)
	}
	latest := prefix + "sup:{U1}:latest"
	// A hash rewritten in place, as erasure rewrites others' sessions: the
	// copy stands until Resummarise.
	c.HSet(ctx, prefix+"sup:{U1}:session:b", "minutes", "75")
	if m := minutes(); m != 60 {
		t.Errorf("minutes = %d, want the copy's 60: status read the session's hash", m)
	}
	if err := r.Resummarise(ctx, "U1"); err != nil {
		t.Fatal(err)
	}
	if m := minutes(); m != 75 {
		t.Errorf("minutes after Resummarise = %d, want 75", m)
	}
	// Summarised before the copies were kept: read from the hash, copied.
	c.Del(ctx, latest)
	c.HSet(ctx, prefix+"sup:{U1}:session:b", "minutes", "80")
	if m := minutes(); m != 80 {
		t.Errorf("minutes with no copies = %d, want 80 from the hash", m)
	}
	if v, _ := c.HGet(ctx, latest, "clinical").Result(); !strings.HasPrefix(v, "b ") {
		t.Errorf("latest after the first read = %q, want session b copied", v)
	}
	// A copy of another session (a replica that did not keep copies moved
	// the newest on) is not used.
	c.HSet(ctx, latest, "clinical", "a 1 4:date10:2026-09-014:zone3:UTC4:type8:clinical7:minutes2:15")
	c.HSet(ctx, prefix+"sup:{U1}:session:b", "minutes", "85")
	if m := minutes(); m != 85 {
		t.Errorf("minutes with a copy of another session = %d, want 85 from the hash", m)
	}
	// A copy that cannot be read is not used either.
	c.HSet(ctx, latest, "clinical", "b "+strings.SplitN(mustHGet(t, c, prefix+"sup:{U1}:summary", "t:clinical"), " ", 2)[1]+" 4:date99:x")
	c.HSet(ctx, prefix+"sup:{U1}:session:b", "minutes", "90")
	if m := minutes(); m != 90 {
		t.Errorf("minutes with a broken copy = %d, want 90 from the hash", m)
	}
	// Undo the newest: the copy follows.
	if _, err := r.DeleteSession(ctx, "U1", "b"); err != nil {
		t.Fatal(err)
	}
	if v, _ := c.HGet(ctx, latest, "clinical").Result(); !strings.HasPrefix(v, "a ") {
		t.Errorf("latest after undoing b = %q, want session a", v)
	}
}

func mustHGet(t *testing.T, c redis.UniversalClient, key, field string) string {
	t.Helper()
	v, err := c.HGet(context.Background(), key, field).Result()
	if err != nil {
		t.Fatalf("HGET %s %s: %v", key, field, err)
	}
	return v
}

// BenchmarkProfileSummaryParallel reads eight people's status from eight
// goroutines at once, as a replica under load does: reads that arrive
// while one is on its way to Redis go together in the next round trip.
func BenchmarkProfileSummaryParallel(b *testing.B) {
	r, _ := openStore(b)
	ctx := context.Background()
	const people = 8
	for i := range people {
		u := fmt.Sprintf("U%d", i)
		if err := r.SaveProfile(ctx, supervision.Profile{UserID: u, Role: supervision.LinkWorker, PCN: "Central", SupervisorID: "US1"}); err != nil {
			b.Fatal(err)
		}
		for m := range 12 {
			d := day(time.UTC, 2026, time.Month(11-m), 15)
			if err := r.AddSession(ctx, session(u, fmt.Sprintf("s%d", m), d, d.Add(time.Hour))); err != nil {
				b.Fatal(err)
			}
		}
	}
	var next atomic.Int64
	b.ReportAllocs()
	b.SetParallelism(4) // 8 goroutines on 2 CPUs
	b.RunParallel(func(pb *testing.PB) {
		u := fmt.Sprintf("U%d", next.Add(1)%people)
		for pb.Next() {
			if _, sum, ok, err := r.ProfileSummary(ctx, u); err != nil || !ok || len(sum.Latest) != 1 {
				b.Errorf("ProfileSummary(%s) = %v, %v, %v", u, sum, ok, err)
				return
			}
		}
	})
}
