package store_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/outcome"
	"github.com/peerbot/peerbot/internal/queue"
	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
)

// raceWrites is one round of every write that can name subject: in their
// own record, in their supervisee's, a reminder, a vote, a held question.
// It returns how many were refused because subject is being erased; any
// other error fails the test.
func raceWrites(t *testing.T, r *store.Redis, q *store.Reminders, i int) (refused int) {
	ctx := context.Background()
	now := time.Date(2026, 11, 20, 10, 0, 0, 0, time.UTC)
	day := now.Truncate(24 * time.Hour)
	id := fmt.Sprintf("race%d", i)
	var errs []error
	add := func(err error) { errs = append(errs, err) }
	add(r.SaveProfile(ctx, supervision.Profile{UserID: subject, Role: supervision.LinkWorker, PCN: "Erase Test PCN", SupervisorID: bystander, Created: now, Updated: now}))
	add(r.SaveProfile(ctx, supervision.Profile{UserID: supervise, Role: supervision.Coach, PCN: "Erase Test PCN", SupervisorID: subject, Created: now, Updated: now}))
	add(r.AddSession(ctx, supervision.Session{ID: id, UserID: subject, Date: day, Type: supervision.SessionTypes[0], Minutes: 60, LoggedBy: subject, LoggedAt: now}))
	add(r.AddSession(ctx, supervision.Session{ID: id, UserID: supervise, Date: day, Type: supervision.SessionTypes[0], Minutes: 30, WithID: subject, LoggedBy: subject, LoggedAt: now, Confirmation: supervision.Awaiting}))
	_, _, err := r.AnswerSession(ctx, supervise, "s2", supervision.NoConfirmation, supervision.Confirmed, subject, "", now)
	if errors.Is(err, store.ErrNotFound) {
		err = nil
	}
	add(err)
	add(r.AddLeave(ctx, subject, supervision.Leave{ID: id, From: day, To: day.AddDate(0, 0, 1)}))
	add(r.CacheZone(ctx, subject, "Europe/London", time.Hour))
	_, err = r.Vote(ctx, "entry-two", subject, i%2 == 0)
	add(err)
	_, err = r.HoldQuestion(ctx, subject, "sealed", time.Minute)
	add(err)
	_, err = q.Put(ctx, queue.Item{ID: "sup:" + subject, Kind: queue.KindSupervision, Owner: subject, To: subject, Due: now.Add(time.Hour)})
	add(err)
	_, err = q.Put(ctx, queue.Item{ID: "dm:" + id, Kind: queue.KindDM, To: subject, Due: now.Add(time.Hour)})
	add(err)
	_, err = r.Summary(ctx, subject)
	add(err)
	for _, err := range errs {
		switch {
		case errors.Is(err, store.ErrErasing):
			refused++
		case err != nil:
			t.Errorf("a write racing the erasure failed otherwise: %v", err)
		}
	}
	return refused
}

// TestErasureRacingWrites: a goroutine writes everything that can name
// the person, in a loop, while their erasure runs; once the erasure is
// done, no key and no value in the whole keyspace names them. Writes
// during it are refused with ErrErasing. Erasing again is a no-op, and a
// marker left by a crashed erasure refuses writes until an erasure is run
// again, which lifts it.
func TestErasureRacingWrites(t *testing.T) {
	t.Run("by SCAN, before the names index", func(t *testing.T) { racingErasure(t, false) })
	t.Run("from the names index", func(t *testing.T) { racingErasure(t, true) })
}

func racingErasure(t *testing.T, indexed bool) {
	r, prefix := openStore(t)
	q := r.Reminders(4)
	rights := r.Rights(q, "")
	ctx := context.Background()
	if indexed {
		if _, err := r.IndexNames(ctx); err != nil {
			t.Fatal(err)
		}
	}
	writeAboutSubject(t, r, q)

	var (
		stop    atomic.Bool
		wg      sync.WaitGroup
		rounds  atomic.Int64
		refused atomic.Int64
	)
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := 0; !stop.Load(); i++ {
			refused.Add(int64(raceWrites(t, r, q, i)))
			rounds.Add(1)
		}
	}()
	for rounds.Load() < 3 { // writing before the erasure starts
		time.Sleep(time.Millisecond)
	}
	store.SetBeforeLift(rights, func() { stop.Store(true); wg.Wait() })
	if _, err := rights.Erase(ctx, subject); err != nil {
		stop.Store(true)
		wg.Wait()
		t.Fatal(err)
	}
	if refused.Load() == 0 {
		t.Errorf("%d rounds of writes, none refused: the writes did not race the erasure", rounds.Load())
	}
	dump := redistest.Dump(t, prefix)
	if strings.Contains(dump, subject) {
		t.Errorf("after %d rounds of writes racing the erasure, the keyspace still names the person:\n%s", rounds.Load(), dump)
	}
	if !strings.Contains(dump, supervise) || !strings.Contains(dump, bystander) {
		t.Errorf("the erasure took others' data too:\n%s", dump)
	}

	store.SetBeforeLift(rights, nil)
	again, err := rights.Erase(ctx, subject)
	if err != nil || again != (outcome.Erasure{}) {
		t.Errorf("erasing again = %+v, %v; want nothing left to erase", again, err)
	}

	// A crashed erasure leaves its marker: writes are refused until an
	// erasure runs again and lifts it.
	marker := prefix + "sup:{" + subject + "}:erasing"
	if err := redistest.Client(t).Set(ctx, marker, "crashed", time.Minute).Err(); err != nil {
		t.Fatal(err)
	}
	if n := raceWrites(t, r, q, 1000); n == 0 {
		t.Error("with a crashed erasure's marker set, no write was refused")
	}
	if strings.Contains(redistest.Dump(t, prefix), "race1000") {
		t.Error("a write landed while the marker was set")
	}
	if _, err := rights.PersonalData(ctx, subject); !errors.Is(err, store.ErrErasing) {
		t.Errorf("PersonalData while erasing = %v, want ErrErasing", err)
	}
	if _, err := rights.Erase(ctx, subject); err != nil {
		t.Fatal(err)
	}
	if n := redistest.Client(t).Exists(ctx, marker).Val(); n != 0 {
		t.Error("running the erasure again did not lift the crashed one's marker")
	}
	if n := raceWrites(t, r, q, 1001); n != 0 {
		t.Errorf("%d writes refused after the erasure finished", n)
	}
}
