package handlers_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
)

func TestSupervisionLeave(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.addSession(sam, day(2026, 10, 25), supervision.Clinical) // due Wed 25 Nov

	typed := e.run(sam, "leave")
	if typed.Form != nil {
		t.Error("typed /supervision leave opened a form")
	}
	wantContains(t, "typed leave", typed.Text, "/supervision leave 1 Dec 12 Dec")
	if f := e.click(sam, "leave").Form; f == nil || f.ID != "supervision.leave" {
		t.Errorf("leave from Slack: form %+v, want supervision.leave", f)
	}

	r := e.run(sam, "leave 23 Nov to 27 Nov")
	wantContains(t, "leave reply", r.Text, "Mon 23 Nov 2026 to Fri 27 Nov 2026", "next session is now due by Mon 30 Nov 2026")
	if !refreshes(r, sam) {
		t.Errorf("RefreshHome = %v", r.RefreshHome)
	}
	leaves, err := e.st.Leaves(context.Background(), sam)
	if err != nil || len(leaves) != 1 {
		t.Fatalf("leave stored: %+v, %v; want one", leaves, err)
	}
	wantContains(t, "status", all(e.run(sam, "")), "Mon 30 Nov 2026")

	bad := e.run(sam, "leave someday")
	wantContains(t, "bad leave", bad.Text, "someday")
	if leaves, _ := e.st.Leaves(context.Background(), sam); len(leaves) != 1 {
		t.Errorf("bad leave stored something: %+v", leaves)
	}

	res := e.submit(sam, "supervision.leave", map[string]string{"from": "2026-12-21", "to": "2026-12-18"})
	if len(res.Errors) == 0 {
		t.Error("leave ending before it starts: no errors")
	}
	res = e.submit(sam, "supervision.leave", map[string]string{"from": "2026-12-21", "to": "2027-01-01"})
	if len(res.Errors) > 0 {
		t.Fatalf("valid leave form: %v", res.Errors)
	}
	wantContains(t, "leave form reply", res.Reply.Text, "Mon 21 Dec 2026 to Fri 1 Jan 2027")
}

// TestSupervisionLeaveCancel: a person sees their leave to come and takes a
// stretch back by a day of it; the due date moves back and the stretch is
// gone from the store. Asking for leave that is not there changes nothing.
func TestSupervisionLeaveCancel(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.addSession(sam, day(2026, 10, 25), supervision.Clinical) // due Wed 25 Nov
	wantContains(t, "first leave", e.run(sam, "leave 23 Nov to 27 Nov").Text, "due by Mon 30 Nov 2026")
	wantContains(t, "second leave", e.run(sam, "leave 21 Dec to 1 Jan").Text, "Saved your leave")

	list := e.run(sam, "leave").Text
	wantContains(t, "leave listed", list, "Your leave:", "Mon 21 Dec 2026 to Fri 1 Jan 2027", "/supervision leave cancel")
	wantContains(t, "two to choose from", e.run(sam, "leave cancel").Text, "Which leave")

	none := e.run(sam, "leave cancel 3 Feb")
	wantContains(t, "no leave that day", none.Text, "no leave on Wed 3 Feb 2027", "nothing was changed")
	if leaves, _ := e.st.Leaves(context.Background(), sam); len(leaves) != 2 {
		t.Fatalf("asking to cancel leave that is not there changed the store: %+v", leaves)
	}

	r := e.run(sam, "leave cancel 25/11")
	wantContains(t, "cancelled", r.Text, "Taken back: your leave Mon 23 Nov 2026 to Fri 27 Nov 2026", "due by Wed 25 Nov 2026")
	if !refreshes(r, sam) {
		t.Errorf("RefreshHome = %v", r.RefreshHome)
	}
	leaves, err := e.st.Leaves(context.Background(), sam)
	if err != nil || len(leaves) != 1 || leaves[0].From.Day() != 21 {
		t.Fatalf("leave after cancelling the November stretch: %+v, %v; want only December's", leaves, err)
	}
	wantContains(t, "status after", all(e.run(sam, "")), "Wed 25 Nov 2026")
	// The words the other way round do the same; "remove" is undo's alias,
	// and it must not take back a session instead.
	before := len(e.sessions(sam))
	wantContains(t, "the words reversed", e.run(sam, "remove leave 22 Dec").Text, "Taken back: your leave Mon 21 Dec 2026 to Fri 1 Jan 2027")
	if len(e.sessions(sam)) != before {
		t.Errorf("\"remove leave\" took back a session: %d sessions, had %d", len(e.sessions(sam)), before)
	}
	wantContains(t, "cancel alone", e.run(sam, "cancel").Text, "/supervision undo", "/supervision leave cancel")
	e.run(sam, "leave 21 Dec to 1 Jan")
	wantContains(t, "cancel leave", e.run(sam, "cancel my leave").Text, "Taken back: your leave Mon 21 Dec 2026 to Fri 1 Jan 2027")
	e.run(sam, "leave 21 Dec to 1 Jan")
	wantContains(t, "the only one left", e.run(sam, "leave remove").Text, "Taken back: your leave Mon 21 Dec 2026 to Fri 1 Jan 2027")
	wantContains(t, "nothing left", e.run(sam, "leave cancel").Text, "nothing to take back")
}

// TestSupervisionLeaveOverlapping: leave typed again, or a few days of it
// typed again, is not saved twice; leave that runs on from leave already
// saved joins it, so the list shows each day once, the clock moves once for
// each day, and one cancel takes the whole of it back.
func TestSupervisionLeaveOverlapping(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.addSession(sam, day(2026, 10, 25), supervision.Clinical) // due Wed 25 Nov
	wantContains(t, "first", e.run(sam, "leave 23 Nov to 27 Nov").Text, "due by Mon 30 Nov 2026")
	wantContains(t, "sent again", e.run(sam, "leave 23 Nov to 27 Nov").Text, "Saved your leave: Mon 23 Nov 2026 to Fri 27 Nov 2026.")
	for _, again := range []string{"leave 24 Nov to 25 Nov", "leave 26 Nov"} {
		r := e.run(sam, again)
		wantContains(t, again, r.Text, "already on leave then: Mon 23 Nov 2026 to Fri 27 Nov 2026", "haven't added it again")
		if leaves, _ := e.st.Leaves(context.Background(), sam); len(leaves) != 1 {
			t.Fatalf("%s: %d stretches stored, want 1", again, len(leaves))
		}
	}
	joined := e.run(sam, "leave 26 Nov to 4 Dec")
	wantContains(t, "joined", joined.Text, "Mon 23 Nov 2026 to Fri 4 Dec 2026, joined with the leave you had already", "due by Mon 7 Dec 2026")
	leaves, err := e.st.Leaves(context.Background(), sam)
	if err != nil || len(leaves) != 1 {
		t.Fatalf("after joining: %+v, %v; want one stretch", leaves, err)
	}
	list := e.run(sam, "leave").Text
	wantContains(t, "list", list, "• Mon 23 Nov 2026 to Fri 4 Dec 2026")
	wantContains(t, "one day", e.run(sam, "leave 14 Dec").Text, "Saved your leave: Mon 14 Dec 2026.")
	wantContains(t, "cancel", e.run(sam, "leave cancel 24 Nov").Text, "Taken back: your leave Mon 23 Nov 2026 to Fri 4 Dec 2026")
	if leaves, _ := e.st.Leaves(context.Background(), sam); len(leaves) != 1 {
		t.Errorf("after one cancel: %+v, want only 14 Dec", leaves)
	}
}

// TestSupervisionBackFromLeaveEarly: back at work before leave ends, a
// person shortens it: the days they were away still pause the clock, the
// rest no longer do, and reminders can go out again. Ending leave that is
// to come, or on a day with none, says so.
func TestSupervisionBackFromLeaveEarly(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.addSession(sam, day(2026, 10, 25), supervision.Clinical) // due Wed 25 Nov
	wantContains(t, "leave", e.run(sam, "leave 16 Nov to 4 Dec").Text, "due by Mon 14 Dec 2026")

	back := e.run(sam, "back") // today is Fri 20 Nov
	wantContains(t, "back", back.Text, "Welcome back. Your leave now ends on Thu 19 Nov 2026: Mon 16 Nov 2026 to Thu 19 Nov 2026.", "due by Sun 29 Nov 2026")
	if !refreshes(back, sam) {
		t.Errorf("RefreshHome = %v", back.RefreshHome)
	}
	leaves, err := e.st.Leaves(context.Background(), sam)
	if err != nil || len(leaves) != 1 || leaves[0].To.Day() != 19 {
		t.Fatalf("leave after coming back: %+v, %v; want one stretch ending 19 Nov", leaves, err)
	}

	e.run(sam, "leave 7 Dec to 18 Dec")
	wantContains(t, "end early", e.run(sam, "leave end 9 Dec").Text, "Done. Your leave now ends on Wed 9 Dec 2026")
	wantContains(t, "no leave", e.run(sam, "back 30 Dec").Text, "no leave on Wed 30 Dec 2026 to end, so nothing was changed")
	wantContains(t, "back on its first day", e.run(sam, "leave back 7 Dec").Text, "Taken back: your leave Mon 7 Dec 2026 to Wed 9 Dec 2026")
}

// "leave cancel all" takes back every stretch now or to come, and says
// which; with none, it says there is nothing to take back.
func TestSupervisionLeaveCancelAll(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.run(sam, "leave 7 Dec to 11 Dec")
	e.run(sam, "leave 21 Dec to 1 Jan")
	got := e.run(sam, "leave cancel all").Text
	wantContains(t, "cancel all", got, "Taken back: your leave Mon 7 Dec 2026 to Fri 11 Dec 2026 and Mon 21 Dec 2026 to Fri 1 Jan 2027.")
	if leaves, _ := e.st.Leaves(context.Background(), sam); len(leaves) != 0 {
		t.Errorf("after cancel all: %+v, want none", leaves)
	}
	wantContains(t, "again", e.run(sam, "leave cancel all").Text, "nothing to take back")
}

// goneAfterWrite is the store with Redis gone once a leave is written:
// every later write and read fails.
type goneAfterWrite struct {
	*store.Redis
	written bool
}

func (g *goneAfterWrite) AddLeave(ctx context.Context, userID string, l supervision.Leave, replaces ...string) error {
	if g.written {
		return fmt.Errorf("adding leave: %w", store.ErrUnavailable)
	}
	g.written = true
	return g.Redis.AddLeave(ctx, userID, l, replaces...)
}

func (g *goneAfterWrite) RemoveLeave(ctx context.Context, userID, id string) (bool, error) {
	if g.written {
		return false, fmt.Errorf("removing leave: %w", store.ErrUnavailable)
	}
	return g.Redis.RemoveLeave(ctx, userID, id)
}

// Joining leave, and coming back early, are one write: Redis going away
// right after it leaves the joined stretch alone, never it beside the
// stretches it took in.
func TestLeaveJoinIsOneWrite(t *testing.T) {
	for _, c := range []struct {
		name, before, change, want string
	}{
		{"joining", "leave 1 Dec 5 Dec", "leave 4 Dec 12 Dec", "2026-12-01 to 2026-12-12"},
		{"coming back early", "leave 1 Dec 12 Dec", "leave end 5 Dec", "2026-12-01 to 2026-12-05"},
	} {
		t.Run(c.name, func(t *testing.T) {
			e := newSupEnv(t)
			e.people()
			wantContains(t, "first leave", e.run(sam, c.before).Text, "Saved your leave")
			gone := &goneAfterWrite{Redis: e.st}
			h := handlers.NewSupervision(handlers.SupervisionOptions{Profiles: e.st, Sessions: gone, Standards: supervision.DefaultStandards(), Now: e.clock.Now, DefaultZone: london})
			res := supTable(t, h).Resolve("/supervision", c.change, false)
			_, _ = res.Run(context.Background(), handlers.Request{UserID: sam, Args: res.Args})
			leaves, err := e.st.Leaves(context.Background(), sam)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range leaves {
				got = append(got, l.From.Format(time.DateOnly)+" to "+l.To.Format(time.DateOnly))
			}
			if len(got) != 1 || got[0] != c.want {
				t.Errorf("leave after %q with Redis gone after one write = %q, want just %q", c.change, got, c.want)
			}
		})
	}
}
