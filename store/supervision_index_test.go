package store_test

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
	"github.com/redis/go-redis/v9"
)

// coachStd has a clock for every kind a coach follows.
var coachStd = supervision.DefaultStandards().For(supervision.Coach, "")

// TestSummariesMatchTheWholeRecord makes random adds, answers and undos
// and checks that the status from Summaries is the status from the whole
// record, every step of the way.
func TestSummariesMatchTheWholeRecord(t *testing.T) {
	r, _ := openStore(t)
	ctx := context.Background()
	rng := rand.New(rand.NewPCG(1, 2))
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	if err := r.SaveProfile(ctx, supervision.Profile{UserID: "U1", Role: supervision.Coach, PCN: "Central"}); err != nil {
		t.Fatal(err)
	}
	var ids []string
	for step := range 120 {
		switch op := rng.IntN(10); {
		case op < 6 || len(ids) == 0:
			s := session("U1", fmt.Sprintf("s%d", step), now.AddDate(0, 0, -rng.IntN(400)).Truncate(24*time.Hour), now.Add(time.Duration(step)*time.Second))
			s.Type = supervision.SessionTypes[rng.IntN(len(supervision.SessionTypes))]
			if rng.IntN(2) == 0 {
				s.Confirmation = supervision.Awaiting
			}
			if err := r.AddSession(ctx, s); err != nil {
				t.Fatal(err)
			}
			ids = append(ids, s.ID)
		case op < 8:
			id := ids[rng.IntN(len(ids))]
			to := supervision.Confirmed
			if rng.IntN(2) == 0 {
				to = supervision.Disputed
			}
			if _, _, err := r.AnswerSession(ctx, "U1", id, supervision.Awaiting, to, "US1", "", now); err != nil && !errors.Is(err, store.ErrNotFound) {
				t.Fatal(err)
			}
		case op < 9:
			if _, err := r.DeleteSession(ctx, "U1", ids[rng.IntN(len(ids))]); err != nil {
				t.Fatal(err)
			}
		default:
			from := now.AddDate(0, 0, -rng.IntN(300)).Truncate(24 * time.Hour)
			if err := r.AddLeave(ctx, "U1", supervision.Leave{ID: fmt.Sprintf("l%d", step), From: from, To: from.AddDate(0, 0, rng.IntN(20))}); err != nil {
				t.Fatal(err)
			}
		}
		all, err := r.Sessions(ctx, "U1", 0)
		if err != nil {
			t.Fatal(err)
		}
		sums, err := r.Summaries(ctx, []string{"U1"})
		if err != nil {
			t.Fatal(err)
		}
		leaves, err := r.Leaves(ctx, "U1")
		if err != nil {
			t.Fatal(err)
		}
		want := supervision.ComputeStatus(coachStd, all, leaves, now)
		got := sums[0].Status(coachStd, now)
		full, err := r.Summary(ctx, "U1")
		if err != nil || statusKey(full.Status(coachStd, now)) != statusKey(want) {
			t.Fatalf("step %d: status from Summary = %s, %v; want %s", step, statusKey(full.Status(coachStd, now)), err, statusKey(want))
		}
		// The person's own status reads the latest sessions kept beside
		// the summary: each in full, as its hash says after the step.
		if _, own, _, err := r.ProfileSummary(ctx, "U1"); err != nil || !reflect.DeepEqual(own, full) {
			t.Fatalf("step %d: ProfileSummary = %+v, %v\nwant %+v", step, own, err, full)
		}
		if statusKey(got) != statusKey(want) {
			t.Fatalf("step %d: status from Summaries = %s, from the whole record %s", step, statusKey(got), statusKey(want))
		}
		if len(sums[0].Latest) > len(supervision.SessionTypes) {
			t.Fatalf("step %d: Summaries read %d sessions, want at most one of each type", step, len(sums[0].Latest))
		}
	}
}

func statusKey(st supervision.Status) string {
	id := func(s *supervision.Session) string {
		if s == nil {
			return "-"
		}
		return s.ID
	}
	k := fmt.Sprintf("%s awaiting %d last %s any %s;", st.State, st.Awaiting, id(st.Last), id(st.LastAny))
	for _, c := range st.Clocks {
		k += fmt.Sprintf(" %s %s %s %s", c.Kind.Type, c.State, c.Due.Format(time.DateOnly), id(c.Last))
	}
	return k
}

// TestSummariesIndexOldRecords reads a record written before the index:
// it is indexed on first read, once.
func TestSummariesIndexOldRecords(t *testing.T) {
	r, prefix := openStore(t)
	ctx := context.Background()
	c := redistest.Client(t)
	// A session as the store wrote it before the index: hash and list only.
	c.HSet(ctx, prefix+"sup:{U1}:session:old", "date", "2026-10-01", "zone", "UTC", "type", "coaching", "minutes", "60",
		"with", "", "by", "U1", "at", "2026-10-01T12:00:00Z", "conf", "", "ansby", "", "ansat", "")
	oct1 := time.Date(2026, 10, 1, 12, 0, 0, 0, time.UTC)
	c.ZAdd(ctx, prefix+"sup:{U1}:sessions", redis.Z{Score: float64(oct1.Unix()/86400*10_000_000_000 + oct1.Unix()), Member: "old"})
	c.HSet(ctx, prefix+"sup:{U1}:leave:l1", "from", "2026-11-02", "to", "2026-11-06", "zone", "UTC")
	c.ZAdd(ctx, prefix+"sup:{U1}:leave", redis.Z{Score: 20394, Member: "l1"})
	if err := r.AddSession(ctx, session("U1", "new", day(time.UTC, 2026, 11, 10), time.Now())); err != nil {
		t.Fatal(err)
	}
	sums, err := r.Summaries(ctx, []string{"U1", "U2"})
	if err != nil {
		t.Fatal(err)
	}
	st := sums[0].Status(coachStd, time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC))
	if len(st.Clocks) != 2 || st.Clocks[1].Last == nil || st.Clocks[1].Last.ID != "old" || st.State != supervision.Overdue {
		t.Errorf("status of an old record = %s, want the old coaching session counted (overdue)", statusKey(st))
	}
	if len(sums[1].Latest) != 0 || sums[1].UserID != "U2" {
		t.Errorf("Summaries(nobody) = %+v, want an empty summary for U2", sums[1])
	}
	if v, _ := c.HGet(ctx, prefix+"sup:{U1}:summary", "v").Result(); v != "1" {
		t.Errorf("the record is not marked summarised")
	}
	if len(sums[0].Leaves) != 1 || sums[0].Leaves[0].From.Format(time.DateOnly) != "2026-11-02" {
		t.Errorf("leave of an old record = %+v, want 2 Nov to 6 Nov", sums[0].Leaves)
	}
}

// TestAnswerSessionOnceUnderRace presses Confirm twice at once: one press
// confirms, the other finds it already confirmed.
func TestAnswerSessionOnceUnderRace(t *testing.T) {
	r, _ := openStore(t)
	ctx := context.Background()
	for round := range 20 {
		s := session("U1", fmt.Sprintf("s%d", round), day(time.UTC, 2026, 11, 10), time.Now())
		s.Confirmation = supervision.Awaiting
		if err := r.AddSession(ctx, s); err != nil {
			t.Fatal(err)
		}
		var wg sync.WaitGroup
		changed := make([]bool, 2)
		for i := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				got, ch, err := r.AnswerSession(ctx, "U1", s.ID, supervision.Awaiting, supervision.Confirmed, "US1", "", time.Now())
				if err != nil || got.Confirmation != supervision.Confirmed {
					t.Errorf("AnswerSession = %v, %v; want confirmed", got.Confirmation, err)
				}
				changed[i] = ch
			}()
		}
		wg.Wait()
		if changed[0] == changed[1] {
			t.Fatalf("round %d: changed = %v, want exactly one press to confirm", round, changed)
		}
	}
	// The other way after: refused, and the session says how it stands.
	got, ch, err := r.AnswerSession(ctx, "U1", "s0", supervision.Awaiting, supervision.Disputed, "US1", "", time.Now())
	if err != nil || ch || got.Confirmation != supervision.Confirmed {
		t.Errorf("dispute after confirm = %v, %v, %v; want confirmed, unchanged", got.Confirmation, ch, err)
	}
	// Undone: not found, and remembered as undone, with who had logged it.
	if _, err := r.DeleteSession(ctx, "U1", "s1"); err != nil {
		t.Fatal(err)
	}
	if _, _, err := r.AnswerSession(ctx, "U1", "s1", supervision.Awaiting, supervision.Confirmed, "US1", "", time.Now()); !errors.Is(err, store.ErrNotFound) {
		t.Errorf("AnswerSession(undone) = %v, want ErrNotFound", err)
	}
	if by, ok, err := r.Undone(ctx, "U1", "s1"); !ok || by != "U1" || err != nil {
		t.Errorf("Undone(s1) = %q, %v, %v; want U1, true", by, ok, err)
	}
	if _, ok, err := r.Undone(ctx, "U1", "never"); ok || err != nil {
		t.Errorf("Undone(never) = %v, %v; want false", ok, err)
	}
}

func TestSessionsOn(t *testing.T) {
	r, _ := openStore(t)
	ctx := context.Background()
	for i, d := range []int{9, 10, 10, 11} {
		if err := r.AddSession(ctx, session("U1", fmt.Sprintf("s%d", i), day(time.UTC, 2026, 11, d), time.Now().Add(time.Duration(i)*time.Second))); err != nil {
			t.Fatal(err)
		}
	}
	got, err := r.SessionsOn(ctx, "U1", day(time.UTC, 2026, 11, 10))
	if ids := sessionIDs(got); err != nil || strings.Join(ids, " ") != "s2 s1" {
		t.Errorf("SessionsOn(10 Nov) = %v, %v; want [s2 s1]", ids, err)
	}
}

// TestLostReplyIsUnknown sends a write through a proxy that passes it to
// Redis and drops the answer: the write happened, and the store says the
// outcome is unknown, not that Redis is unavailable.
func TestLostReplyIsUnknown(t *testing.T) {
	if redistest.IsCluster() {
		t.Skip("the proxy stands in front of one server; the single-server run covers this")
	}
	direct, prefix := openStore(t)
	ctx := context.Background()
	// Load the script through the direct store, so the proxy's EVALSHA
	// runs it.
	if err := direct.AddSession(ctx, session("U1", "warm", day(time.UTC, 2026, 11, 1), time.Now())); err != nil {
		t.Fatal(err)
	}
	addr := redistest.DropScriptReplies(t, strings.TrimPrefix(redistest.URL(t), "redis://"))
	r, err := store.Open(ctx, store.Options{URL: "redis://" + addr, Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	tctx, cancel := context.WithTimeout(ctx, 300*time.Millisecond)
	defer cancel()
	lost := session("U1", "lost", day(time.UTC, 2026, 11, 10), time.Now())
	lost.WithID = "" // else the names index's note (a script too) is the write whose answer is lost
	err = r.AddSession(tctx, lost)
	if !errors.Is(err, store.ErrUnknown) || errors.Is(err, store.ErrUnavailable) {
		t.Fatalf("AddSession with its answer lost = %v, want ErrUnknown and not ErrUnavailable", err)
	}
	if _, ok, err := direct.Session(ctx, "U1", "lost"); !ok || err != nil {
		t.Errorf("the write whose answer was lost is not there: %v, %v", ok, err)
	}
}

// TestDisputeReason: a dispute's reason is kept with the session, as
// typed, and goes when the person who gave it is erased.
func TestDisputeReason(t *testing.T) {
	r, _ := openStore(t)
	ctx := context.Background()
	s := session("U1", "s1", day(time.UTC, 2026, 11, 10), time.Now())
	s.Confirmation = supervision.Awaiting
	if err := r.AddSession(ctx, s); err != nil {
		t.Fatal(err)
	}
	const why = "wrong date <@U9>"
	got, ch, err := r.AnswerSession(ctx, "U1", "s1", supervision.Awaiting, supervision.Disputed, "US1", why, time.Now())
	if err != nil || !ch || got.DisputeReason != why {
		t.Fatalf("AnswerSession with a reason = %q, %v, %v; want %q, changed", got.DisputeReason, ch, err, why)
	}
	all, err := r.Sessions(ctx, "U1", 0)
	if err != nil || len(all) != 1 || all[0].DisputeReason != why {
		t.Fatalf("Sessions = %+v, %v; want the reason kept", all, err)
	}
	if _, err := r.Rights(r.Reminders(4), "").Erase(ctx, "US1"); err != nil {
		t.Fatal(err)
	}
	after, ok, err := r.Session(ctx, "U1", "s1")
	if err != nil || !ok || after.DisputeReason != "" || after.AnsweredBy == "US1" {
		t.Errorf("after the disputer's erasure: %+v, %v, %v; want no reason and no id", after, ok, err)
	}
}
