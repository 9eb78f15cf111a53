package handlers_test

import (
	"context"
	"testing"
	"time"
)

// TestSupervisionDatesWithoutAYear: on 5 January, leave typed without a
// year is the nearer such leave, last December's, just taken, and the reply
// says how to give next December's instead; leave going on or to come keeps
// this year; leave with its year is kept as typed. A session logged without a
// year is the most recent such day, never one to come.
func TestSupervisionDatesWithoutAYear(t *testing.T) {
	january := time.Date(2027, time.January, 5, 10, 0, 0, 0, london)
	for _, tc := range []struct {
		name     string
		now      time.Time
		typed    string
		from, to time.Time
		hint     bool // the reply says how to give next year's instead
	}{
		{"a range of days, in January", january, "leave 8-19 Dec", day(2026, 12, 8), day(2026, 12, 19), true},
		{"two dates in words, in January", january, "leave 8 to 19 december", day(2026, 12, 8), day(2026, 12, 19), true},
		{"with its year", january, "leave 8 Dec 2026 to 19 Dec 2026", day(2026, 12, 8), day(2026, 12, 19), false},
		{"going on", time.Date(2026, time.December, 10, 10, 0, 0, 0, london), "leave 8-19 Dec", day(2026, 12, 8), day(2026, 12, 19), false},
		{"to come", supNow, "leave 8-19 Dec", day(2026, 12, 8), day(2026, 12, 19), false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			e := newSupEnv(t)
			e.people()
			e.clock.t = tc.now
			got := e.run(sam, tc.typed).Text
			wantContains(t, tc.typed, got, "Saved your leave: "+tc.from.Format("Mon 2 Jan 2006")+" to "+tc.to.Format("Mon 2 Jan 2006"))
			if tc.hint {
				wantContains(t, tc.typed, got, "If you meant next year's", "8 Dec 2027")
			} else {
				wantNotContains(t, tc.typed, got, "If you meant")
			}
			leaves, err := e.st.Leaves(context.Background(), sam)
			if err != nil || len(leaves) != 1 || !leaves[0].From.Equal(tc.from) || !leaves[0].To.Equal(tc.to) {
				t.Errorf("leave kept: %+v, %v; want %s to %s", leaves, err, tc.from, tc.to)
			}
			if !tc.hint {
				return
			}
			// The hint's two commands, as it spells them, put it right.
			wantContains(t, tc.typed, got, "/supervision leave cancel 8 Dec 2026", "/supervision leave 8 Dec 2027 to 19 Dec 2027")
			e.run(sam, "leave cancel 8 Dec 2026")
			e.run(sam, "leave 8 Dec 2027 to 19 Dec 2027")
			leaves, err = e.st.Leaves(context.Background(), sam)
			if err != nil || len(leaves) != 1 || !leaves[0].From.Equal(day(2027, 12, 8)) || !leaves[0].To.Equal(day(2027, 12, 19)) {
				t.Errorf("after the hint's commands: %+v, %v; want 8 Dec 2027 to 19 Dec 2027 alone", leaves, err)
			}
		})
	}

	e := newSupEnv(t)
	e.people()
	e.clock.t = january
	wantContains(t, "a log of 20 Dec", e.run(sam, "log 20 Dec clinical 60").Text, "Sun 20 Dec 2026")
	wantContains(t, "a log of 2 Jan", e.run(sam, "log 2 Jan group 60").Text, "Sat 2 Jan 2027")
	wantContains(t, "a log of 8 Jan", e.run(sam, "log 8 Jan peer 60").Text, "in the future")
	if n := len(e.sessions(sam)); n != 2 {
		t.Errorf("%d sessions kept, want 2: one to come was logged", n)
	}
}
