package supervision

import (
	"testing"
	"time"
)

// coach is the national standard for a health and wellbeing coach: monthly
// supervision (clinical or group) and monthly health coaching supervision.
var coach = DefaultStandards().For(Coach, "")

func TestComputeStatusClocks(t *testing.T) {
	now := at(2026, 11, 20, 10)
	noFrequency := Kind{Type: Peer, Name: "Peer supervision"}
	tests := []struct {
		name     string
		std      Standard
		sessions []Session
		state    State
		decides  SessionType // the kind that decides
		clocks   []State
		due      time.Time
	}{
		{"a coach never coached is not on track", coach,
			[]Session{session(day(2026, 11, 10), Clinical, NoConfirmation)},
			None, CoachingSup, []State{OnTrack, None}, time.Time{}},
		{"coaching supervision keeps its own clock", coach,
			[]Session{session(day(2026, 11, 10), Clinical, NoConfirmation), session(day(2026, 10, 1), CoachingSup, NoConfirmation)},
			Overdue, CoachingSup, []State{OnTrack, Overdue}, day(2026, 11, 1)},
		{"clinical does not count toward coaching", coach,
			[]Session{session(day(2026, 11, 18), Clinical, NoConfirmation), session(day(2026, 10, 25), CoachingSup, NoConfirmation)},
			DueSoon, CoachingSup, []State{OnTrack, DueSoon}, day(2026, 11, 25)},
		{"both on track: the earlier due decides", coach,
			[]Session{session(day(2026, 11, 18), Clinical, NoConfirmation), session(day(2026, 11, 12), CoachingSup, NoConfirmation)},
			OnTrack, CoachingSup, []State{OnTrack, OnTrack}, day(2026, 12, 12)},
		{"a kind with no frequency hides nothing",
			Standard{Kinds: []Kind{noFrequency, monthly.Kinds[0]}},
			[]Session{session(day(2026, 10, 1), Clinical, NoConfirmation)},
			Overdue, Clinical, []State{Unknown, Overdue}, day(2026, 11, 1)},
		{"only kinds with no frequency", Standard{Kinds: []Kind{noFrequency}},
			[]Session{session(day(2026, 10, 1), Peer, NoConfirmation)},
			Unknown, Peer, []State{Unknown}, time.Time{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := ComputeStatus(tt.std, tt.sessions, nil, now)
			if st.State != tt.state || st.Standard.Type != tt.decides || !st.Due.Equal(tt.due) {
				t.Errorf("ComputeStatus() = %s by %s due %v, want %s by %s due %v", st.State, st.Standard.Type, st.Due, tt.state, tt.decides, tt.due)
			}
			var got []State
			for _, c := range st.Clocks {
				got = append(got, c.State)
			}
			if len(got) != len(tt.clocks) {
				t.Fatalf("clocks = %v, want %v", got, tt.clocks)
			}
			for i := range got {
				if got[i] != tt.clocks[i] {
					t.Errorf("clocks = %v, want %v", got, tt.clocks)
				}
			}
		})
	}
}

func TestStatusCounts(t *testing.T) {
	st := ComputeStatus(coach, nil, nil, at(2026, 11, 20, 10))
	if c := st.Counts(CoachingSup); len(c) != 1 || c[0].Kind.Type != CoachingSup {
		t.Errorf("Counts(coaching) = %+v, want the coaching supervision clock", c)
	}
	if c := st.Counts(Group); len(c) != 1 || c[0].Kind.Type != Clinical {
		t.Errorf("Counts(group) = %+v, want the supervision clock", c)
	}
	if c := st.Counts(LineManagement); len(c) != 0 {
		t.Errorf("Counts(line-management) = %+v, want none", c)
	}
}

func TestNextReminders(t *testing.T) {
	p := Profile{Reminders: true, TimeZone: "Europe/London", ReminderTime: "09:30", ReminderDay: time.Monday}
	now := at(2026, 11, 20, 10)
	// Clinical due 10 Dec, coaching due 1 Dec: the coaching reminder
	// (three days before is Sat 28 Nov, so Fri 27 Nov) comes first and says
	// which clock.
	st := ComputeStatus(coach, []Session{
		session(day(2026, 11, 10), Clinical, NoConfirmation),
		session(day(2026, 11, 1), CoachingSup, NoConfirmation),
	}, nil, now)
	r, ok := NextReminders(p, st, nil, now)
	want := time.Date(2026, 11, 27, 9, 30, 0, 0, london)
	if !ok || !r.At.Equal(want) || len(r.Clocks) != 1 || r.Clocks[0].Kind.Type != CoachingSup {
		t.Errorf("NextReminders() = %v %+v, %v, want %v for coaching supervision", r.At, r.Clocks, ok, want)
	}
	if at, ok := NextReminder(p, st, nil, now); !ok || !at.Equal(want) {
		t.Errorf("NextReminder() = %v, %v, want %v", at, ok, want)
	}
	// Never coached: the clinical clock still gets its reminders.
	st = ComputeStatus(coach, []Session{session(day(2026, 11, 10), Clinical, NoConfirmation)}, nil, now)
	r, ok = NextReminders(p, st, nil, now)
	want = time.Date(2026, 12, 7, 9, 30, 0, 0, london)
	if !ok || !r.At.Equal(want) || r.Clocks[0].Kind.Type != Clinical {
		t.Errorf("NextReminders() never coached = %v %+v, %v, want %v for supervision", r.At, r.Clocks, ok, want)
	}
	// The same day for both: one reminder for the two clocks.
	st = ComputeStatus(coach, []Session{
		session(day(2026, 11, 1), Clinical, NoConfirmation),
		session(day(2026, 11, 1), CoachingSup, NoConfirmation),
	}, nil, now)
	if r, ok = NextReminders(p, st, nil, now); !ok || len(r.Clocks) != 2 {
		t.Errorf("NextReminders() same day = %+v, %v, want both clocks", r, ok)
	}
}
