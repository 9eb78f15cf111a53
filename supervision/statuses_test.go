package supervision

import (
	"reflect"
	"testing"
)

// TestStatusesIsStatus works out a list of people's statuses one after
// another in one Statuses and finds each as Summary.Status has it, and
// with no allocation once its memory has grown.
func TestStatusesIsStatus(t *testing.T) {
	coach := DefaultStandards().For(Coach, "")
	now := at(2026, 11, 20, 9)
	sums := []Summary{
		{UserID: "U1"},
		{UserID: "U2", Latest: []Session{session(day(2026, 10, 1), Clinical, Confirmed)}, Awaiting: 1},
		{UserID: "U3", Latest: []Session{session(day(2026, 9, 1), Clinical, NoConfirmation), session(day(2026, 11, 2), CoachingSup, Awaiting)},
			Leaves: []Leave{leave(day(2026, 11, 10), day(2026, 11, 30))}},
		{UserID: "U4", Latest: []Session{session(day(2026, 11, 3), Group, Disputed)}},
	}
	var b Statuses
	for round := range 2 {
		for _, std := range []Standard{monthly, coach} {
			for _, sum := range sums {
				want := sum.Status(std, now)
				if got := b.Of(sum, std, now); !reflect.DeepEqual(got, want) {
					t.Errorf("round %d, %s: Statuses.Of = %+v\nwant %+v", round, sum.UserID, got, want)
				}
			}
		}
	}
	sum := sums[2]
	sum.Leaves = nil
	if n := testing.AllocsPerRun(100, func() { b.Of(sum, coach, now) }); n != 0 {
		t.Errorf("Statuses.Of allocates %.0f times a call, want 0", n)
	}
}
