package supervision

import (
	"errors"
	"testing"
	"time"
)

// monthly is a standard of clinical supervision every month, clinical and
// group sessions counting.
var monthly = Standard{Role: LinkWorker, Kinds: []Kind{{
	Type: Clinical, Counts: []SessionType{Clinical, Group}, Name: "Clinical supervision", Every: Interval{Months: 1},
}}}

func session(date time.Time, typ SessionType, c Confirmation) Session {
	return Session{ID: NewID(), UserID: "U1", Date: date, Type: typ, Confirmation: c, LoggedAt: date.Add(12 * time.Hour)}
}

func leave(from, to time.Time) Leave { return Leave{ID: NewID(), From: from, To: to} }

// at returns a time of day in London.
func at(y int, m time.Month, d, h int) time.Time { return time.Date(y, m, d, h, 0, 0, 0, london) }

func TestComputeStatus(t *testing.T) {
	nov1 := session(day(2026, 11, 1), Clinical, NoConfirmation)
	tests := []struct {
		name     string
		std      Standard
		sessions []Session
		leaves   []Leave
		now      time.Time
		state    State
		due      time.Time // zero for none
		daysLeft int
		last     time.Time // zero for none
	}{
		{"no sessions", monthly, nil, nil, at(2026, 11, 10, 9), None, time.Time{}, 0, time.Time{}},
		{"on track", monthly, []Session{nov1}, nil, at(2026, 11, 10, 9), OnTrack, day(2026, 12, 1), 21, day(2026, 11, 1)},
		{"eight days left", monthly, []Session{nov1}, nil, at(2026, 11, 23, 23), OnTrack, day(2026, 12, 1), 8, day(2026, 11, 1)},
		{"seven days left is due soon", monthly, []Session{nov1}, nil, at(2026, 11, 24, 0), DueSoon, day(2026, 12, 1), 7, day(2026, 11, 1)},
		{"due today", monthly, []Session{nov1}, nil, at(2026, 12, 1, 23), DueSoon, day(2026, 12, 1), 0, day(2026, 11, 1)},
		{"a day overdue", monthly, []Session{nov1}, nil, at(2026, 12, 2, 0), Overdue, day(2026, 12, 1), -1, day(2026, 11, 1)},
		{"the latest counts", monthly,
			[]Session{nov1, session(day(2026, 10, 1), Clinical, Confirmed)}, nil,
			at(2026, 11, 10, 9), OnTrack, day(2026, 12, 1), 21, day(2026, 11, 1)},
		{"group counts", monthly, []Session{session(day(2026, 11, 1), Group, NoConfirmation)}, nil,
			at(2026, 11, 10, 9), OnTrack, day(2026, 12, 1), 21, day(2026, 11, 1)},
		{"disputed does not count", monthly,
			[]Session{session(day(2026, 10, 1), Clinical, Confirmed), session(day(2026, 11, 1), Clinical, Disputed)}, nil,
			at(2026, 11, 10, 9), Overdue, day(2026, 11, 1), -9, day(2026, 10, 1)},
		{"only disputed", monthly, []Session{session(day(2026, 11, 1), Clinical, Disputed)}, nil,
			at(2026, 11, 10, 9), None, time.Time{}, 0, time.Time{}},
		{"awaiting counts", monthly, []Session{session(day(2026, 11, 1), Clinical, Awaiting)}, nil,
			at(2026, 11, 10, 9), OnTrack, day(2026, 12, 1), 21, day(2026, 11, 1)},
		{"other types do not count", monthly,
			[]Session{session(day(2026, 10, 1), Clinical, NoConfirmation), session(day(2026, 11, 5), LineManagement, NoConfirmation), session(day(2026, 11, 6), Peer, NoConfirmation)}, nil,
			at(2026, 11, 10, 9), Overdue, day(2026, 11, 1), -9, day(2026, 10, 1)},
		{"end of January", monthly, []Session{session(day(2026, 1, 31), Clinical, NoConfirmation)}, nil,
			at(2026, 2, 20, 9), OnTrack, day(2026, 2, 28), 8, day(2026, 1, 31)},
		{"end of January in a leap year", monthly, []Session{session(day(2028, 1, 31), Clinical, NoConfirmation)}, nil,
			at(2028, 2, 1, 9), OnTrack, day(2028, 2, 29), 28, day(2028, 1, 31)},
		{"end of March", monthly, []Session{session(day(2026, 3, 31), Clinical, NoConfirmation)}, nil,
			at(2026, 4, 1, 9), OnTrack, day(2026, 4, 30), 29, day(2026, 3, 31)},
		{"across the clocks going back", monthly, []Session{session(day(2026, 10, 1), Clinical, NoConfirmation)}, nil,
			at(2026, 10, 20, 9), OnTrack, day(2026, 11, 1), 12, day(2026, 10, 1)},
		{"every four weeks", Standard{Kinds: []Kind{{Type: Peer, Every: Interval{Days: 28}}}},
			[]Session{session(day(2026, 11, 1), Peer, NoConfirmation)}, nil,
			at(2026, 11, 10, 9), OnTrack, day(2026, 11, 29), 19, day(2026, 11, 1)},
		{"leave in the window pushes the due date", monthly, []Session{nov1},
			[]Leave{leave(day(2026, 11, 10), day(2026, 11, 14))},
			at(2026, 11, 20, 9), OnTrack, day(2026, 12, 6), 16, day(2026, 11, 1)},
		{"leave over the due date pauses the clock", monthly, []Session{nov1},
			[]Leave{leave(day(2026, 11, 25), day(2026, 12, 10))},
			at(2026, 12, 11, 9), DueSoon, day(2026, 12, 17), 6, day(2026, 11, 1)},
		{"a later due date brings in more leave", monthly, []Session{nov1},
			[]Leave{leave(day(2026, 12, 5), day(2026, 12, 8)), leave(day(2026, 11, 20), day(2026, 11, 29)), leave(day(2026, 12, 20), day(2026, 12, 21))},
			at(2026, 11, 30, 9), OnTrack, day(2026, 12, 15), 15, day(2026, 11, 1)},
		{"leave after the due date does not", monthly, []Session{nov1},
			[]Leave{leave(day(2026, 12, 2), day(2026, 12, 9))},
			at(2026, 11, 30, 9), DueSoon, day(2026, 12, 1), 1, day(2026, 11, 1)},
		{"leave before the last session does not", monthly, []Session{nov1},
			[]Leave{leave(day(2026, 10, 20), day(2026, 10, 31))},
			at(2026, 11, 10, 9), OnTrack, day(2026, 12, 1), 21, day(2026, 11, 1)},
		{"only leave after the last session counts", monthly, []Session{nov1},
			[]Leave{leave(day(2026, 10, 28), day(2026, 11, 3))},
			at(2026, 11, 10, 9), OnTrack, day(2026, 12, 3), 23, day(2026, 11, 1)},
		{"overlapping leave counts once", monthly, []Session{nov1},
			[]Leave{leave(day(2026, 11, 10), day(2026, 11, 14)), leave(day(2026, 11, 12), day(2026, 11, 16))},
			at(2026, 11, 20, 9), OnTrack, day(2026, 12, 8), 18, day(2026, 11, 1)},
		{"on leave", monthly, []Session{nov1},
			[]Leave{leave(day(2026, 11, 20), day(2026, 12, 4))},
			at(2026, 12, 1, 9), OnTrack, day(2026, 12, 16), 15, day(2026, 11, 1)},
		{"overdue before leave began", monthly, []Session{session(day(2026, 10, 1), Clinical, NoConfirmation)},
			[]Leave{leave(day(2026, 11, 10), day(2026, 11, 20))},
			at(2026, 11, 15, 9), Overdue, day(2026, 11, 1), -14, day(2026, 10, 1)},
		{"no frequency known", DefaultStandards().For(Coordinator, ""), []Session{nov1}, nil,
			at(2026, 11, 10, 9), Unknown, time.Time{}, 0, day(2026, 11, 1)},
		{"no standard", Standard{Role: "x"}, []Session{nov1}, nil,
			at(2026, 11, 10, 9), Unknown, time.Time{}, 0, time.Time{}},
		{"coach follows supervision, not coaching", DefaultStandards().For(Coach, ""),
			[]Session{session(day(2026, 10, 1), Clinical, NoConfirmation), session(day(2026, 11, 1), CoachingSup, NoConfirmation)}, nil,
			at(2026, 11, 10, 9), Overdue, day(2026, 11, 1), -9, day(2026, 10, 1)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			st := ComputeStatus(tt.std, tt.sessions, tt.leaves, tt.now)
			if st.State != tt.state || !st.Due.Equal(tt.due) || st.DaysLeft != tt.daysLeft {
				t.Errorf("ComputeStatus() = %s, due %v, %d days left, want %s, due %v, %d days left",
					st.State, st.Due, st.DaysLeft, tt.state, tt.due, tt.daysLeft)
			}
			if !st.Due.IsZero() && st.Due.Location() != tt.now.Location() {
				t.Errorf("ComputeStatus().Due in %v, want %v", st.Due.Location(), tt.now.Location())
			}
			switch {
			case tt.last.IsZero() && st.Last != nil:
				t.Errorf("ComputeStatus().Last = %v, want nil", st.Last.Date)
			case !tt.last.IsZero() && (st.Last == nil || !st.Last.Date.Equal(tt.last)):
				t.Errorf("ComputeStatus().Last = %v, want %v", st.Last, tt.last)
			}
		})
	}
}

func TestComputeStatusDetails(t *testing.T) {
	sessions := []Session{
		session(day(2026, 10, 1), Clinical, Confirmed),
		session(day(2026, 11, 2), LineManagement, Awaiting),
		session(day(2026, 11, 3), Clinical, Awaiting),
		session(day(2026, 11, 4), Peer, Disputed),
	}
	l := leave(day(2026, 11, 9), day(2026, 11, 11))
	st := ComputeStatus(monthly, sessions, []Leave{l}, at(2026, 11, 10, 9))
	if st.Awaiting != 2 {
		t.Errorf("ComputeStatus().Awaiting = %d, want 2", st.Awaiting)
	}
	if st.LastAny == nil || !st.LastAny.Date.Equal(day(2026, 11, 3)) {
		t.Errorf("ComputeStatus().LastAny = %v, want the session of 3 Nov (disputed ones left out)", st.LastAny)
	}
	if st.OnLeave == nil || st.OnLeave.ID != l.ID {
		t.Errorf("ComputeStatus().OnLeave = %v, want %v", st.OnLeave, l)
	}
	if st.Standard.Name != "Clinical supervision" {
		t.Errorf("ComputeStatus().Standard = %+v, want the first kind", st.Standard)
	}
	st.Last.Type = Peer
	if sessions[2].Type != Clinical {
		t.Error("changing Status.Last changed the caller's session")
	}
	// Same day: the one logged later is the last.
	a, b := session(day(2026, 11, 3), Clinical, NoConfirmation), session(day(2026, 11, 3), Group, NoConfirmation)
	b.LoggedAt = a.LoggedAt.Add(time.Minute)
	if st := ComputeStatus(monthly, []Session{b, a}, nil, at(2026, 11, 10, 9)); st.Last.Type != Group {
		t.Errorf("ComputeStatus() Last = %s, want the one logged later", st.Last.Type)
	}
}

func TestInterval(t *testing.T) {
	tests := []struct {
		in   Interval
		want string
	}{
		{Interval{}, "not known"},
		{Interval{Months: 1}, "every month"},
		{Interval{Months: 3}, "every 3 months"},
		{Interval{Days: 7}, "every week"},
		{Interval{Days: 28}, "every 4 weeks"},
		{Interval{Days: 10}, "every 10 days"},
		{Interval{Months: 1, Days: 1}, "every month and day"},
	}
	for _, tt := range tests {
		if got := tt.in.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNextReminder(t *testing.T) {
	p := Profile{UserID: "U1", Reminders: true, ReminderDay: time.Monday, ReminderTime: "09:30", TimeZone: "Europe/London"}
	due := Status{State: DueSoon, Due: day(2026, 12, 1)} // a Tuesday
	at930 := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 9, 30, 0, 0, london) }
	with := func(f func(*Profile)) Profile { q := p; f(&q); return q }
	newYork := mustZone("America/New_York")
	sunday := with(func(p *Profile) { p.ReminderDay = time.Sunday }) // chosen with "anyway"
	dueMonday := Status{State: DueSoon, Due: day(2026, 12, 7)}
	tests := []struct {
		name   string
		p      Profile
		st     Status
		leaves []Leave
		now    time.Time
		want   time.Time // zero for none
	}{
		{"three days before, a Saturday: the Friday before", p, due, nil, at(2026, 11, 20, 9), at930(2026, 11, 27)},
		{"on the day", p, due, nil, at930(2026, 11, 28), at930(2026, 12, 1)},
		{"a day before, a Sunday: the Friday before", with(func(p *Profile) { p.LeadDays = 1 }), dueMonday, nil,
			at(2026, 12, 1, 9), at930(2026, 12, 4)},
		{"due on a Saturday: the Friday before", with(func(p *Profile) { p.LeadDays = NoLeadDays }), Status{Due: day(2026, 12, 5)}, nil,
			at(2026, 12, 1, 9), at930(2026, 12, 4)},
		{"a weekend day they chose stays", with(func(p *Profile) { p.ReminderDay = time.Saturday }), due, nil, at(2026, 11, 20, 9), at930(2026, 11, 28)},
		{"their weekend day does not open the other", with(func(p *Profile) { p.ReminderDay = time.Saturday; p.LeadDays = 1 }), dueMonday, nil,
			at(2026, 12, 1, 9), at930(2026, 12, 4)},
		{"the Friday before is in leave: the Monday after", p, due, []Leave{leave(day(2026, 11, 23), day(2026, 11, 27))},
			at(2026, 11, 20, 9), at930(2026, 11, 30)},
		{"weekly on the chosen day", p, due, nil, at(2026, 12, 1, 10), at930(2026, 12, 7)},
		{"the week after", p, due, nil, at(2026, 12, 7, 10), at930(2026, 12, 14)},
		{"long overdue", p, due, nil, at(2027, 6, 1, 12), at930(2027, 6, 7)},
		{"a reminder in leave moves after it", p, due, []Leave{leave(day(2026, 11, 27), day(2026, 12, 2))},
			at(2026, 11, 20, 9), at930(2026, 12, 3)},
		{"weekly reminders wait for leave", p, due, []Leave{leave(day(2026, 12, 5), day(2026, 12, 20))},
			at(2026, 12, 1, 10), at930(2026, 12, 21)},
		{"back-to-back leave", p, due, []Leave{leave(day(2026, 12, 10), day(2026, 12, 20)), leave(day(2026, 12, 5), day(2026, 12, 9))},
			at(2026, 12, 1, 10), at930(2026, 12, 21)},
		{"reminders off", with(func(p *Profile) { p.Reminders = false }), due, nil, at(2026, 11, 20, 9), time.Time{}},
		{"nothing due", p, Status{State: None}, nil, at(2026, 11, 20, 9), time.Time{}},
		{"frequency unknown", p, Status{State: Unknown}, nil, at(2026, 11, 20, 9), time.Time{}},
		{"no zone means London", with(func(p *Profile) { p.TimeZone = "" }), due, nil, at(2026, 11, 20, 9), at930(2026, 11, 27)},
		{"unknown zone means London", with(func(p *Profile) { p.TimeZone = "Mars/Base" }), due, nil, at(2026, 11, 20, 9), at930(2026, 11, 27)},
		{"their own zone", with(func(p *Profile) { p.TimeZone = "America/New_York" }), due, nil, at(2026, 11, 20, 9),
			time.Date(2026, 11, 27, 9, 30, 0, 0, newYork)},
		{"no time means the default", with(func(p *Profile) { p.ReminderTime = "" }), due, nil, at(2026, 11, 20, 9), at930(2026, 11, 27)},
		{"their own time", with(func(p *Profile) { p.ReminderTime = "17:15" }), due, nil, at(2026, 11, 20, 9),
			time.Date(2026, 11, 27, 17, 15, 0, 0, london)},
		{"a weekday out of range means Monday", with(func(p *Profile) { p.ReminderDay = 9 }), due, nil, at(2026, 12, 1, 10), at930(2026, 12, 7)},
		{"weekly on a Wednesday", with(func(p *Profile) { p.ReminderDay = time.Wednesday }), due, nil, at(2026, 12, 1, 10), at930(2026, 12, 2)},
		{"after the clocks go forward", p, Status{Due: day(2027, 4, 8)}, nil, at(2027, 3, 20, 9), at930(2027, 4, 5)},
		{"three days before falls at Christmas: the working day before", p, Status{Due: day(2026, 12, 30)}, nil,
			at(2026, 12, 1, 10), at930(2026, 12, 24)},
		{"Easter Monday: before Good Friday", p, Status{Due: day(2027, 4, 1)}, nil, at(2027, 3, 20, 9), at930(2027, 3, 25)},
		{"weekly on a Monday that is a bank holiday", p, Status{State: Overdue, Due: day(2027, 8, 25)}, nil,
			at(2027, 8, 26, 10), at930(2027, 8, 27)},
		{"the day before the holiday is in leave: the first working day after", p, Status{Due: day(2026, 12, 30)},
			[]Leave{leave(day(2026, 12, 21), day(2026, 12, 24))}, at(2026, 12, 1, 10), at930(2026, 12, 29)},
		{"on the day the clocks go forward", sunday, Status{Due: day(2027, 3, 28)}, nil, at(2027, 3, 27, 9), at930(2027, 3, 28)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, ok := NextReminder(tt.p, tt.st, tt.leaves, tt.now)
			if ok != !tt.want.IsZero() || !got.Equal(tt.want) {
				t.Errorf("NextReminder() = %v, %v, want %v", got, ok, tt.want)
			}
			if ok && !got.After(tt.now) {
				t.Errorf("NextReminder() = %v, want after %v", got, tt.now)
			}
		})
	}
}

// TestStatusAndReminderTogether follows one person through leave: the due
// date moves, and no reminder falls in the leave.
func TestStatusAndReminderTogether(t *testing.T) {
	p := Profile{Reminders: true, ReminderDay: time.Wednesday, ReminderTime: "10:00", TimeZone: "Europe/London"}
	sessions := []Session{session(day(2026, 11, 1), Clinical, Confirmed)}
	leaves := []Leave{leave(day(2026, 11, 23), day(2026, 11, 29))}
	now := at(2026, 11, 20, 9)
	st := ComputeStatus(monthly, sessions, leaves, now)
	if want := day(2026, 12, 8); !st.Due.Equal(want) {
		t.Fatalf("ComputeStatus().Due = %v, want %v", st.Due, want)
	}
	got, ok := NextReminder(p, st, leaves, now)
	// Three days before is Sat 5 Dec: the Friday before.
	if want := time.Date(2026, 12, 4, 10, 0, 0, 0, london); !ok || !got.Equal(want) {
		t.Errorf("NextReminder() = %v, %v, want %v", got, ok, want)
	}
}

func TestValidateSession(t *testing.T) {
	good := Session{UserID: "U1", Date: day(2026, 11, 20), Type: Clinical, Minutes: 60, WithID: "U2"}
	if err := ValidateSession(good, wednesday); err != nil {
		t.Errorf("ValidateSession(%+v) = %v, want nil", good, err)
	}
	tests := []struct {
		name  string
		edit  func(*Session)
		field string
		want  error
	}{
		{"unknown type", func(s *Session) { s.Type = "mentoring" }, "type", ErrUnreadable},
		{"no date", func(s *Session) { s.Date = time.Time{} }, "date", ErrUnreadable},
		{"future", func(s *Session) { s.Date = day(2026, 11, 26) }, "date", ErrFutureDate},
		{"too early", func(s *Session) { s.Date = day(2019, 6, 30) }, "date", ErrTooEarly},
		{"negative minutes", func(s *Session) { s.Minutes = -1 }, "minutes", ErrUnreadable},
		{"too long", func(s *Session) { s.Minutes = MaxMinutes + 1 }, "minutes", ErrTooLong},
		{"with oneself", func(s *Session) { s.WithID = "U1" }, "with", ErrSelf},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := good
			tt.edit(&s)
			err := ValidateSession(s, wednesday)
			if err == nil {
				t.Fatalf("ValidateSession(%+v) = nil, want %v", s, tt.want)
			}
			checkInputError(t, "ValidateSession", err, tt.field, tt.want)
		})
	}
	for _, ok := range []Session{
		{UserID: "U1", Date: day(2026, 11, 25), Type: Group},                             // today, no length, nobody
		{UserID: "U1", Date: day(2019, 7, 1), Type: LineManagement, Minutes: MaxMinutes}, // the first day, the longest
	} {
		if err := ValidateSession(ok, wednesday); err != nil {
			t.Errorf("ValidateSession(%+v) = %v, want nil", ok, err)
		}
	}
	if err := ValidateSession(Session{Type: "x"}, wednesday); !errors.Is(err, ErrUnreadable) {
		t.Errorf("ValidateSession(type x) = %v, want ErrUnreadable", err)
	}
}
