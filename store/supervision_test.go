package store_test

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
)

// openStore opens the store on the test Redis under a prefix of the test's
// own, and returns the prefix too.
func openStore(tb testing.TB) (*store.Redis, string) {
	tb.Helper()
	prefix := redistest.Prefix(tb)
	r, err := store.Open(context.Background(), store.Options{URL: redistest.URL(tb), Prefix: prefix})
	if err != nil {
		tb.Fatalf("Open: %v", err)
	}
	tb.Cleanup(func() { r.Close() })
	return r, prefix
}

func mustZone(tb testing.TB, name string) *time.Location {
	tb.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		tb.Fatalf("LoadLocation(%q): %v", name, err)
	}
	return loc
}

func day(loc *time.Location, y int, m time.Month, d int) time.Time {
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

func TestProfileRoundTrip(t *testing.T) {
	r, _ := openStore(t)
	ctx := context.Background()

	if _, ok, err := r.Profile(ctx, "U1"); ok || err != nil {
		t.Fatalf("Profile(no profile) = _, %v, %v; want false, nil", ok, err)
	}
	want := supervision.Profile{
		UserID:       "U1",
		Role:         supervision.Coach,
		PCN:          "Gateshead Central PCN",
		Locality:     "gateshead",
		SupervisorID: "US1",
		TimeZone:     "Europe/London",
		Reminders:    true,
		ReminderDay:  time.Thursday,
		ReminderTime: "09:30",
		Created:      time.Date(2026, 1, 5, 9, 1, 2, 345678901, time.UTC),
		Updated:      time.Date(2026, 2, 6, 10, 0, 0, 0, mustZone(t, "Europe/London")),
	}
	if err := r.SaveProfile(ctx, want); err != nil {
		t.Fatalf("SaveProfile: %v", err)
	}
	got, ok, err := r.Profile(ctx, "U1")
	if err != nil || !ok {
		t.Fatalf("Profile = _, %v, %v; want true, nil", ok, err)
	}
	if !got.Created.Equal(want.Created) || !got.Updated.Equal(want.Updated) {
		t.Errorf("Profile times = %v, %v; want %v, %v", got.Created, got.Updated, want.Created, want.Updated)
	}
	got.Created, got.Updated = want.Created, want.Updated
	if got != want {
		t.Errorf("Profile = %+v, want %+v", got, want)
	}

	// Replacing drops what the new profile leaves out.
	bare := supervision.Profile{UserID: "U1", Role: supervision.Coach}
	if err := r.SaveProfile(ctx, bare); err != nil {
		t.Fatal(err)
	}
	if got, _, _ := r.Profile(ctx, "U1"); got != bare {
		t.Errorf("Profile after replacing = %+v, want %+v", got, bare)
	}
}

func TestSaveProfileMovesIndexes(t *testing.T) {
	r, prefix := openStore(t)
	ctx := context.Background()
	rdb := redistest.Client(t)
	members := func(key string) []string {
		t.Helper()
		m, err := rdb.SMembers(ctx, prefix+key).Result()
		if err != nil {
			t.Fatal(err)
		}
		slices.Sort(m)
		return m
	}
	save := func(p supervision.Profile) {
		t.Helper()
		if err := r.SaveProfile(ctx, p); err != nil {
			t.Fatalf("SaveProfile(%s): %v", p.UserID, err)
		}
	}
	save(supervision.Profile{UserID: "U2", Role: supervision.LinkWorker, PCN: "North PCN", SupervisorID: "US1"})
	save(supervision.Profile{UserID: "U1", Role: supervision.LinkWorker, PCN: "north  pcn", SupervisorID: "US1"})
	save(supervision.Profile{UserID: "U3", Role: supervision.Coordinator, PCN: "South PCN", SupervisorID: "US2"})

	supervisees := func(id string) []string {
		t.Helper()
		got, err := r.Supervisees(ctx, id)
		if err != nil {
			t.Fatalf("Supervisees(%s): %v", id, err)
		}
		return got
	}
	if got, want := supervisees("US1"), []string{"U1", "U2"}; !slices.Equal(got, want) {
		t.Errorf("Supervisees(US1) = %v, want %v (sorted)", got, want)
	}

	// U1 moves supervisor, PCN and role.
	save(supervision.Profile{UserID: "U1", Role: supervision.Coach, PCN: "South PCN", SupervisorID: "US2"})

	tests := []struct {
		key  string
		want []string
	}{
		{"idx:supervisor:{US1}", []string{"U2"}},
		{"idx:supervisor:{US2}", []string{"U1", "U3"}},
		{"idx:pcn:{north-pcn}", []string{"U2"}},
		{"idx:pcn:{south-pcn}", []string{"U1", "U3"}},
		{"idx:role:{splw}", []string{"U2"}},
		{"idx:role:{hwbc}", []string{"U1"}},
		{"idx:role:{cc}", []string{"U3"}},
	}
	for _, tt := range tests {
		if got := members(tt.key); !slices.Equal(got, tt.want) {
			t.Errorf("SMEMBERS %s = %v, want %v", tt.key, got, tt.want)
		}
	}
	if got, want := supervisees("US2"), []string{"U1", "U3"}; !slices.Equal(got, want) {
		t.Errorf("Supervisees(US2) after the move = %v, want %v", got, want)
	}

	// Saving the same profile again changes nothing.
	save(supervision.Profile{UserID: "U1", Role: supervision.Coach, PCN: "South PCN", SupervisorID: "US2"})
	if got := members("idx:supervisor:{US2}"); !slices.Equal(got, []string{"U1", "U3"}) {
		t.Errorf("SMEMBERS idx:supervisor:{US2} after saving again = %v", got)
	}

	// Clearing the supervisor takes U1 out of every supervisor index.
	save(supervision.Profile{UserID: "U1", Role: supervision.Coach, PCN: "South PCN"})
	if got := members("idx:supervisor:{US2}"); !slices.Equal(got, []string{"U3"}) {
		t.Errorf("SMEMBERS idx:supervisor:{US2} after clearing = %v, want [U3]", got)
	}

	// A stale index entry (as a failed index step leaves) is not reported.
	rdb.SAdd(ctx, prefix+"idx:supervisor:{US2}", "U2")
	if got, want := supervisees("US2"), []string{"U3"}; !slices.Equal(got, want) {
		t.Errorf("Supervisees(US2) with a stale entry = %v, want %v", got, want)
	}
	if got := supervisees("UNOBODY"); len(got) != 0 {
		t.Errorf("Supervisees(nobody's supervisor) = %v, want none", got)
	}
}

func session(user, id string, date time.Time, logged time.Time) supervision.Session {
	return supervision.Session{
		ID:       id,
		UserID:   user,
		Date:     date,
		Type:     supervision.Clinical,
		Minutes:  60,
		WithID:   "US1",
		LoggedBy: user,
		LoggedAt: logged,
	}
}

func sessionIDs(ss []supervision.Session) []string {
	var ids []string
	for _, s := range ss {
		ids = append(ids, s.ID)
	}
	return ids
}

func TestSessions(t *testing.T) {
	r, _ := openStore(t)
	ctx := context.Background()
	london := mustZone(t, "Europe/London")
	logged := time.Date(2026, 3, 1, 12, 0, 0, 0, time.UTC)

	add := func(s supervision.Session) {
		t.Helper()
		if err := r.AddSession(ctx, s); err != nil {
			t.Fatalf("AddSession(%s): %v", s.ID, err)
		}
	}
	// s2 and s3 share a date; s3 was logged later, on an earlier time of day.
	add(session("U1", "s1", day(london, 2026, 1, 10), logged))
	add(session("U1", "s2", day(london, 2026, 2, 14), logged.Add(2*time.Hour)))
	add(session("U1", "s3", day(london, 2026, 2, 14), logged.Add(22*time.Hour)))
	add(session("U1", "s4", day(london, 2025, 12, 1), logged.Add(48*time.Hour)))
	add(session("U2", "s9", day(london, 2026, 3, 1), logged))

	tests := []struct {
		n    int
		want []string
	}{
		{0, []string{"s3", "s2", "s1", "s4"}},
		{-1, []string{"s3", "s2", "s1", "s4"}},
		{2, []string{"s3", "s2"}},
		{10, []string{"s3", "s2", "s1", "s4"}},
	}
	for _, tt := range tests {
		got, err := r.Sessions(ctx, "U1", tt.n)
		if err != nil {
			t.Fatalf("Sessions(U1, %d): %v", tt.n, err)
		}
		if ids := sessionIDs(got); !slices.Equal(ids, tt.want) {
			t.Errorf("Sessions(U1, %d) = %v, want %v", tt.n, ids, tt.want)
		}
	}

	// The same id again with other content is refused; the very same
	// session again (a retried call) is accepted and stays one.
	dup := session("U1", "s1", day(london, 2026, 3, 3), logged)
	if err := r.AddSession(ctx, dup); !errors.Is(err, store.ErrExists) {
		t.Errorf("AddSession(existing id) = %v, want ErrExists", err)
	}
	if err := r.AddSession(ctx, session("U1", "s1", day(london, 2026, 1, 10), logged)); err != nil {
		t.Errorf("AddSession(the same session again) = %v, want nil", err)
	}
	if got, _ := r.Sessions(ctx, "U1", 0); len(got) != 4 {
		t.Errorf("after adding again: %d sessions, want 4", len(got))
	}
	if err := r.AddSession(ctx, supervision.Session{UserID: "U1", ID: "nodate"}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("AddSession(no date) = %v, want ErrInvalid", err)
	}

	// One session by id.
	got, ok, err := r.Session(ctx, "U1", "s2")
	if err != nil || !ok {
		t.Fatalf("Session(U1, s2) = _, %v, %v; want true, nil", ok, err)
	}
	want := session("U1", "s2", day(london, 2026, 2, 14), logged.Add(2*time.Hour))
	if !sameSession(got, want) {
		t.Errorf("Session(U1, s2) = %+v, want %+v", got, want)
	}
	if _, ok, err := r.Session(ctx, "U1", "nope"); ok || err != nil {
		t.Errorf("Session(U1, nope) = _, %v, %v; want false, nil", ok, err)
	}

	// Confirmation.
	answered := time.Date(2026, 3, 5, 8, 0, 0, 0, time.UTC)
	want.Confirmation, want.AnsweredBy, want.AnsweredAt = supervision.Confirmed, "US1", answered
	if err := r.UpdateSession(ctx, want); err != nil {
		t.Fatalf("UpdateSession: %v", err)
	}
	got, _, _ = r.Session(ctx, "U1", "s2")
	if !sameSession(got, want) {
		t.Errorf("Session after confirming = %+v, want %+v", got, want)
	}
	missing := session("U1", "s-missing", day(london, 2026, 1, 1), logged)
	if err := r.UpdateSession(ctx, missing); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("UpdateSession(missing) = %v, want ErrNotFound", err)
	}
	if _, ok, _ := r.Session(ctx, "U1", "s-missing"); ok {
		t.Error("UpdateSession(missing) created the session")
	}

	moveAndDelete(t, r, london, logged)
}

// moveAndDelete goes on from TestSessions: moving a session's date moves it
// in the order, and a deleted session is gone, deleting it twice once.
func moveAndDelete(t *testing.T, r *store.Redis, london *time.Location, logged time.Time) {
	t.Helper()
	ctx := context.Background()
	// Moving a session's date moves it in the order.
	moved := session("U1", "s4", day(london, 2026, 4, 1), logged.Add(48*time.Hour))
	if err := r.UpdateSession(ctx, moved); err != nil {
		t.Fatal(err)
	}
	all, _ := r.Sessions(ctx, "U1", 0)
	if ids, want := sessionIDs(all), []string{"s4", "s3", "s2", "s1"}; !slices.Equal(ids, want) {
		t.Errorf("Sessions after moving s4 = %v, want %v", ids, want)
	}

	// Delete.
	deleted, err := r.DeleteSession(ctx, "U1", "s3")
	if err != nil || !deleted {
		t.Errorf("DeleteSession(U1, s3) = %v, %v; want true, nil", deleted, err)
	}
	deleted, err = r.DeleteSession(ctx, "U1", "s3")
	if err != nil || deleted {
		t.Errorf("DeleteSession(U1, s3) again = %v, %v; want false, nil", deleted, err)
	}
	all, _ = r.Sessions(ctx, "U1", 0)
	if ids, want := sessionIDs(all), []string{"s4", "s2", "s1"}; !slices.Equal(ids, want) {
		t.Errorf("Sessions after deleting s3 = %v, want %v", ids, want)
	}
}

// sameSession compares sessions with time.Equal for the instants and the
// zone name for the date.
func sameSession(a, b supervision.Session) bool {
	if !a.Date.Equal(b.Date) || a.Date.Location().String() != b.Date.Location().String() ||
		!a.LoggedAt.Equal(b.LoggedAt) || !a.AnsweredAt.Equal(b.AnsweredAt) {
		return false
	}
	a.Date, a.LoggedAt, a.AnsweredAt = b.Date, b.LoggedAt, b.AnsweredAt
	return a == b
}

func TestSessionDateKeepsCalendarDateAndZone(t *testing.T) {
	r, _ := openStore(t)
	ctx := context.Background()
	tests := []struct {
		zone string
		date time.Time
	}{
		// Midnight in Auckland is still the day before in UTC.
		{"Pacific/Auckland", day(mustZone(t, "Pacific/Auckland"), 2026, 3, 2)},
		// The day the clocks go forward in London.
		{"Europe/London", day(mustZone(t, "Europe/London"), 2026, 3, 29)},
		{"America/Los_Angeles", day(mustZone(t, "America/Los_Angeles"), 2026, 12, 31)},
		{"UTC", day(time.UTC, 2026, 1, 1)},
	}
	for i, tt := range tests {
		t.Run(tt.zone, func(t *testing.T) {
			id := fmt.Sprintf("d%d", i)
			if err := r.AddSession(ctx, session("U1", id, tt.date, time.Now())); err != nil {
				t.Fatal(err)
			}
			got, ok, err := r.Session(ctx, "U1", id)
			if err != nil || !ok {
				t.Fatalf("Session = _, %v, %v", ok, err)
			}
			if !got.Date.Equal(tt.date) || got.Date.Location().String() != tt.zone ||
				got.Date.Format(time.DateOnly) != tt.date.Format(time.DateOnly) {
				t.Errorf("Date = %v (%s), want %v (%s)", got.Date, got.Date.Location(), tt.date, tt.zone)
			}
		})
	}
}

func TestCorruptSession(t *testing.T) {
	r, prefix := openStore(t)
	ctx := context.Background()
	rdb := redistest.Client(t)
	for _, id := range []string{"good", "bad"} {
		if err := r.AddSession(ctx, session("U1", id, day(time.UTC, 2026, 1, 2), time.Now())); err != nil {
			t.Fatal(err)
		}
	}
	rdb.HSet(ctx, prefix+"sup:{U1}:session:bad", "date", "2026-13-45")
	rdb.HSet(ctx, prefix+"sup:{U1}:session:good", "zone", "Nowhere/Atlantis", "minutes", "lots", "at", "yesterday")

	if _, _, err := r.Session(ctx, "U1", "bad"); !errors.Is(err, store.ErrCorrupt) {
		t.Errorf("Session(bad date) = %v, want ErrCorrupt", err)
	}
	all, err := r.Sessions(ctx, "U1", 0)
	if err != nil {
		t.Fatalf("Sessions with a corrupt record: %v", err)
	}
	if ids := sessionIDs(all); !slices.Equal(ids, []string{"good"}) {
		t.Fatalf("Sessions with a corrupt record = %v, want [good]", ids)
	}
	good := all[0]
	if good.Date.Location() != time.UTC || good.Date.Format(time.DateOnly) != "2026-01-02" || good.Minutes != 0 || !good.LoggedAt.IsZero() {
		t.Errorf("session with odd fields = %+v, want date 2026-01-02 UTC, 0 minutes, no log time", good)
	}
}

func TestSessionsAreEachPersonsOwn(t *testing.T) {
	r, _ := openStore(t)
	ctx := context.Background()
	d := day(time.UTC, 2026, 1, 2)
	if err := r.AddSession(ctx, session("U1", "mine", d, time.Now())); err != nil {
		t.Fatal(err)
	}
	// U2 may use the same id in their own record.
	if err := r.AddSession(ctx, session("U2", "mine", d.AddDate(0, 0, 1), time.Now())); err != nil {
		t.Fatalf("AddSession(U2, an id U1 has): %v", err)
	}
	if err := r.AddSession(ctx, session("U2", "theirs", d, time.Now())); err != nil {
		t.Fatal(err)
	}
	all, _ := r.Sessions(ctx, "U1", 0)
	if ids := sessionIDs(all); !slices.Equal(ids, []string{"mine"}) || all[0].UserID != "U1" || !all[0].Date.Equal(d) {
		t.Errorf("Sessions(U1) = %+v, want U1's one session", all)
	}
	if _, ok, _ := r.Session(ctx, "U1", "theirs"); ok {
		t.Error("Session(U1, U2's session id) = true, want false")
	}
	if deleted, _ := r.DeleteSession(ctx, "U1", "theirs"); deleted {
		t.Error("DeleteSession(U1, U2's session id) = true, want false")
	}
	if _, ok, _ := r.Session(ctx, "U2", "theirs"); !ok {
		t.Error("U2's session went when U1 deleted its id")
	}
	if got, _ := r.Sessions(ctx, "U3", 0); len(got) != 0 {
		t.Errorf("Sessions(someone with none) = %v, want none", got)
	}
}

func TestLeaves(t *testing.T) {
	r, _ := openStore(t)
	ctx := context.Background()
	london := mustZone(t, "Europe/London")
	add := func(l supervision.Leave) error { return r.AddLeave(ctx, "U1", l) }
	summer := supervision.Leave{ID: "l2", From: day(london, 2026, 8, 3), To: day(london, 2026, 8, 14)}
	spring := supervision.Leave{ID: "l1", From: day(london, 2026, 3, 30), To: day(london, 2026, 4, 3)}
	for _, l := range []supervision.Leave{summer, spring} {
		if err := add(l); err != nil {
			t.Fatalf("AddLeave(%s): %v", l.ID, err)
		}
	}
	if err := add(supervision.Leave{ID: "l1", From: day(london, 2026, 5, 1), To: day(london, 2026, 5, 2)}); !errors.Is(err, store.ErrExists) {
		t.Errorf("AddLeave(existing id) = %v, want ErrExists", err)
	}
	if err := add(spring); err != nil {
		t.Errorf("AddLeave(the same leave again) = %v, want nil", err)
	}
	if err := add(supervision.Leave{ID: "l3", From: day(london, 2026, 5, 2), To: day(london, 2026, 5, 1)}); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("AddLeave(ending before it starts) = %v, want ErrInvalid", err)
	}
	got, err := r.Leaves(ctx, "U1")
	if err != nil {
		t.Fatal(err)
	}
	want := []supervision.Leave{spring, summer}
	if len(got) != len(want) {
		t.Fatalf("Leaves = %+v, want %+v", got, want)
	}
	for i := range want {
		g, w := got[i], want[i]
		if g.ID != w.ID || !g.From.Equal(w.From) || !g.To.Equal(w.To) || g.From.Location().String() != "Europe/London" {
			t.Errorf("Leaves[%d] = %+v, want %+v", i, g, w)
		}
	}
	if got, _ := r.Leaves(ctx, "U2"); len(got) != 0 {
		t.Errorf("Leaves(U2) = %v, want none", got)
	}
}

// TestKeysCarryTheUserTag writes everything the store keeps about a person
// and checks every key is under their hash tag, except the indexes, which
// are under the tag of what they index.
func TestKeysCarryTheUserTag(t *testing.T) {
	r, prefix := openStore(t)
	ctx := context.Background()
	d := day(time.UTC, 2026, 1, 2)
	steps := []error{
		r.SaveProfile(ctx, supervision.Profile{UserID: "U1", Role: supervision.Coach, PCN: "East PCN", SupervisorID: "US1", TimeZone: "Europe/London"}),
		r.AddSession(ctx, session("U1", "s1", d, time.Now())),
		r.AddLeave(ctx, "U1", supervision.Leave{ID: "l1", From: d, To: d}),
		r.CacheZone(ctx, "U1", "Europe/London", time.Hour),
	}
	for i, err := range steps {
		if err != nil {
			t.Fatalf("step %d: %v", i, err)
		}
	}
	keys := redistest.Keys(t, prefix+"*")
	if len(keys) < 7 {
		t.Errorf("keys = %v, want the profile, sessions, leave, zone and index keys", keys)
	}
	indexTags := map[string]string{"idx:supervisor:": "{US1}", "idx:pcn:": "{east-pcn}", "idx:role:": "{hwbc}", "sup:{US1}:names": "{US1}", "idx:{people}": "{people}"}
	for _, k := range keys {
		rest := strings.TrimPrefix(k, prefix)
		want := "{U1}"
		for p, tag := range indexTags {
			if strings.HasPrefix(rest, p) {
				want = tag
			}
		}
		// The tag is the first {...} of the key: what Cluster hashes.
		open := strings.Index(k, "{")
		end := strings.Index(k[open+1:], "}")
		if open < 0 || end < 0 || k[open:open+end+2] != want {
			t.Errorf("key %s: hash tag is not %s", k, want)
		}
	}
}

// TestEmbeddedSessions runs the scripts and transactions on the console's
// embedded store.
func TestEmbeddedSessions(t *testing.T) {
	ctx := context.Background()
	r, err := store.OpenEmbedded(ctx, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	d := day(time.UTC, 2026, 1, 2)
	for i, id := range []string{"a", "b"} {
		if err := r.AddSession(ctx, session("U1", id, d.AddDate(0, 0, i), time.Now())); err != nil {
			t.Fatalf("AddSession(%s) on the embedded store: %v", id, err)
		}
	}
	if err := r.AddSession(ctx, session("U1", "a", d.AddDate(1, 0, 0), time.Now())); !errors.Is(err, store.ErrExists) {
		t.Errorf("AddSession(existing id) on the embedded store = %v, want ErrExists", err)
	}
	got, err := r.Sessions(ctx, "U1", 0)
	if ids := sessionIDs(got); err != nil || !slices.Equal(ids, []string{"b", "a"}) {
		t.Errorf("Sessions on the embedded store = %v, %v; want [b a], nil", ids, err)
	}
	if sums, err := r.Summaries(ctx, []string{"U1"}); err != nil || len(sums[0].Latest) != 1 || sums[0].Latest[0].ID != "b" {
		t.Errorf("Summaries on the embedded store = %+v, %v; want the newest clinical session, b", sums, err)
	}
	if _, changed, err := r.AnswerSession(ctx, "U1", "a", supervision.NoConfirmation, supervision.Confirmed, "US1", "", time.Now()); err != nil || !changed {
		t.Errorf("AnswerSession on the embedded store = %v, %v; want changed", changed, err)
	}
	p := supervision.Profile{UserID: "U1", Role: supervision.Coach, SupervisorID: "US1"}
	if err := r.SaveProfile(ctx, p); err != nil {
		t.Errorf("SaveProfile on the embedded store: %v", err)
	}
	if got, ok, err := r.Profile(ctx, "U1"); got != p || !ok || err != nil {
		t.Errorf("Profile on the embedded store = %+v, %v, %v; want %+v, true, nil", got, ok, err, p)
	}
	if changed, err := r.Vote(ctx, "e1", "U1", true); err != nil || !changed {
		t.Errorf("Vote on the embedded store = %v, %v; want true, nil", changed, err)
	}
}
