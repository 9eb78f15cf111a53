package supervision

import "time"

// Clock is one kind of supervision in a person's standard and where they
// stand against it: each kind with a frequency keeps its own due date.
type Clock struct {
	Kind     Kind
	State    State     // Unknown when the kind has no frequency
	Last     *Session  // the last session that counts toward the kind (nil when none)
	Due      time.Time // the next due date, midnight in the person's zone; zero when not known
	DaysLeft int       // days from today until Due; negative when overdue, 0 when Due is zero
}

// severity orders states from the least to the most pressing, for picking
// the clock that decides a person's overall state. A kind with no
// frequency (Unknown) never outranks one that has a due date.
func severity(s State) int {
	switch s {
	case Overdue:
		return 4
	case DueSoon:
		return 3
	case None:
		return 2
	case OnTrack:
		return 1
	}
	return 0
}

// worse reports whether clock a is more pressing than b: a worse state,
// or the same state and an earlier due date.
func worse(a, b Clock) bool {
	if sa, sb := severity(a.State), severity(b.State); sa != sb {
		return sa > sb
	}
	return !a.Due.IsZero() && (b.Due.IsZero() || a.Due.Before(b.Due))
}

// clockFor works out one kind's clock from the sessions that are not
// disputed. today is midnight of the person's today, in their zone; the
// last session is a copy from cp.
func clockFor(kind Kind, sessions []Session, leaves []Leave, today time.Time, cp *copies) Clock {
	c := Clock{Kind: kind}
	last := -1
	for i := range sessions {
		s := &sessions[i]
		if s.Confirmation == Disputed || !kind.Counted(s.Type) {
			continue
		}
		if last < 0 || later(*s, sessions[last]) {
			last = i
		}
	}
	if last >= 0 {
		c.Last = cp.of(sessions, last)
	}
	switch {
	case kind.Every.IsZero():
		c.State = Unknown
		return c
	case c.Last == nil:
		c.State = None
		return c
	}
	from := inZone(c.Last.Date, today.Location())
	c.Due = pauseForLeave(kind.Every.After(from), from, leaves)
	c.DaysLeft = dayNumber(c.Due) - dayNumber(today)
	switch {
	case c.DaysLeft < 0:
		c.State = Overdue
	case c.DaysLeft <= DueSoonDays:
		c.State = DueSoon
	default:
		c.State = OnTrack
	}
	return c
}

// Counts returns the clocks a session of type t counts toward, in the
// standard's order: none when it counts toward nothing.
func (st Status) Counts(t SessionType) []Clock {
	var out []Clock
	for _, c := range st.Clocks {
		if c.Kind.Counted(t) {
			out = append(out, c)
		}
	}
	return out
}

// Reminder is when the next reminder falls and which clocks it is for:
// every clock whose own next reminder falls at that time.
type Reminder struct {
	At     time.Time
	Clocks []Clock
}

// NextReminders returns the earliest reminder after now across every
// clock in st that has a due date, each clock's reminders falling as
// NextReminder says for one due date, and false when none should go out
// (reminders off, or no clock with a due date). A Status built by hand
// with no Clocks is taken as one clock with st's Due.
func NextReminders(p Profile, st Status, leaves []Leave, now time.Time) (Reminder, bool) {
	clocks := st.Clocks
	if len(clocks) == 0 {
		clocks = []Clock{{Kind: st.Standard, State: st.State, Last: st.Last, Due: st.Due, DaysLeft: st.DaysLeft}}
	}
	var r Reminder
	for _, c := range clocks {
		if c.State == None {
			c = FirstDue(p, c, leaves, now)
		}
		at, ok := nextReminder(p, c.Due, leaves, now)
		switch {
		case !ok:
		case len(r.Clocks) == 0 || at.Before(r.At):
			r = Reminder{At: at, Clocks: []Clock{c}}
		case at.Equal(r.At):
			r.Clocks = append(r.Clocks, c)
		}
	}
	return r, len(r.Clocks) > 0
}

// FirstDue gives a clock with nothing logged yet (None) the due date a
// first session is expected by: one interval of its kind after the profile
// was made, paused by leave as any due date is, so a new person, or a
// coach who has never logged health coaching supervision, is reminded like
// everyone else. Its State stays None; a profile from before Created was
// kept (zero) gets no reminder for it, as before.
func FirstDue(p Profile, c Clock, leaves []Leave, now time.Time) Clock {
	if p.Created.IsZero() || c.Kind.Every.IsZero() {
		return c
	}
	loc := zone(p.TimeZone)
	from := inZone(p.Created.In(loc), loc)
	c.Due = pauseForLeave(c.Kind.Every.After(from), from, leaves)
	c.DaysLeft = dayNumber(c.Due) - dayNumber(midnight(now.In(loc)))
	return c
}
