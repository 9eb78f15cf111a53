package supervision

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
)

// State is where a person's supervision stands against their standard.
type State string

// The states ComputeStatus gives.
const (
	None    State = "none"     // no session that counts yet: log your first one
	OnTrack State = "on-track" // the next is due in more than DueSoonDays days
	DueSoon State = "due-soon" // due within DueSoonDays days, or today
	Overdue State = "overdue"  // the due date has passed
	Unknown State = "unknown"  // the standard gives no frequency, so nothing is due
)

// DueSoonDays is how close the due date must be for DueSoon.
const DueSoonDays = 7

// ReminderLeadDays is how many days before the due date the first reminder
// goes out.
const ReminderLeadDays = 3

// DefaultTimeZone is used when a profile has no time zone, or one Go does
// not know.
const DefaultTimeZone = "Europe/London"

// DefaultReminderTime is used when a profile has no reminder time, or one
// that cannot be read.
const DefaultReminderTime = "09:30"

// Status is a person's supervision against their standard, as
// ComputeStatus works it out: one Clock for each kind of the standard, and
// the overall state, which is the most pressing clock's.
type Status struct {
	State    State
	Clocks   []Clock   // one for each kind of the standard, in its order
	Standard Kind      // the kind of the clock that decides State
	Last     *Session  // the last session that counts toward Standard (nil when none)
	LastAny  *Session  // the last session of any type (nil when none); disputed ones are left out
	Due      time.Time // the deciding clock's due date, midnight in the person's zone; zero when not known
	DaysLeft int       // days from today until Due; negative when overdue, 0 when Due is zero
	OnLeave  *Leave    // the leave covering today, if any
	Awaiting int       // sessions still awaiting the other person's confirmation
}

// ComputeStatus works out where a person stands: now is the current time in
// the person's zone, and sessions and leaves are theirs in any order.
//
// Each kind of the standard has its own clock. Sessions that were disputed
// do not count; sessions awaiting confirmation do, and Awaiting says how
// many there are. A clock's due date is the last counting session's date
// plus the kind's interval (a month after 31 January is the end of
// February), paused by leave: every day of leave after the last session, in
// stretches that begin on or before the due date, moves it a day later, and
// a later due date can bring in more leave. With no counting session a
// clock is None; with no known frequency (Every is zero) it is Unknown and
// its Due is zero.
//
// The overall State, Standard, Last, Due and DaysLeft are those of the most
// pressing clock: Overdue before DueSoon before None before OnTrack, the
// earlier due date first. A kind with no frequency decides only when no kind
// has one (State is then Unknown), so it never hides another clock, nor makes
// a person "on track" when a kind that has a frequency was never logged.
//
// Leave does not change State: a stretch of leave that began before the due
// date always pushes the due date past its end, so a person on leave is only
// ever Overdue when they were overdue before it began. Show OnLeave first:
// while it is set, say the clock is paused rather than "overdue"; reminders
// are not sent during leave (NextReminders).
//
// ComputeStatus does not modify its arguments; the sessions and leave it
// points to are copies.
func ComputeStatus(std Standard, sessions []Session, leaves []Leave, now time.Time) Status {
	return computeStatus(std, sessions, leaves, now, nil, &copies{})
}

// Statuses works out one status after another in the same memory, for a
// list written out as it is worked out (a team's): each Status it returns,
// its clocks and the sessions it points to, are good only until its next
// call. The zero value is ready to use.
type Statuses struct {
	clocks []Clock
	held   [len(copies{}.idx)]Session
	cp     copies
}

// Of is sum.Status(std, now) in b's memory.
func (b *Statuses) Of(sum Summary, std Standard, now time.Time) Status {
	b.cp = copies{held: &b.held}
	st := computeStatus(std, sum.Latest, sum.Leaves, now, b.clocks[:0], &b.cp)
	b.clocks = st.Clocks[:0]
	st.Awaiting = sum.Awaiting
	return st
}

// computeStatus is ComputeStatus, its clocks appended to clocks (a new
// slice when nil) and its sessions copied by cp.
func computeStatus(std Standard, sessions []Session, leaves []Leave, now time.Time, clocks []Clock, cp *copies) Status {
	var st Status
	today := midnight(now)
	lastAny := -1
	for i := range sessions {
		s := &sessions[i]
		if s.Confirmation == Awaiting {
			st.Awaiting++
		}
		if s.Confirmation != Disputed && (lastAny < 0 || later(*s, sessions[lastAny])) {
			lastAny = i
		}
	}
	if lastAny >= 0 {
		st.LastAny = cp.of(sessions, lastAny)
	}
	for i := range leaves {
		if l := leaves[i]; dayNumber(l.From) <= dayNumber(today) && dayNumber(today) <= dayNumber(l.To) {
			st.OnLeave = &l
			break
		}
	}
	st.State = Unknown
	if clocks == nil {
		clocks = make([]Clock, 0, len(std.Kinds))
	}
	st.Clocks = clocks
	for i, kind := range std.Kinds {
		c := clockFor(kind, sessions, leaves, today, cp)
		st.Clocks = append(st.Clocks, c)
		if i == 0 || worse(c, decidingOf(st)) {
			st.Standard, st.State, st.Last, st.Due, st.DaysLeft = c.Kind, c.State, c.Last, c.Due, c.DaysLeft
		}
	}
	return st
}

// copies hands out copies of sessions, one of each however often it is
// pointed to: the last of any type is often each clock's last too. With
// held set, the first copies are made there rather than on the heap.
type copies struct {
	n    int
	idx  [4]int
	ptr  [4]*Session
	held *[4]Session
}

// of returns a pointer to a copy of sessions[i].
func (c *copies) of(sessions []Session, i int) *Session {
	for j := range c.n {
		if c.idx[j] == i {
			return c.ptr[j]
		}
	}
	if c.n >= len(c.idx) {
		s := sessions[i]
		return &s
	}
	var s *Session
	if c.held != nil {
		s = &c.held[c.n]
		*s = sessions[i]
	} else {
		cp := sessions[i]
		s = &cp
	}
	c.idx[c.n], c.ptr[c.n] = i, s
	c.n++
	return s
}

// decidingOf is the clock st's overall fields describe.
func decidingOf(st Status) Clock {
	return Clock{Kind: st.Standard, State: st.State, Last: st.Last, Due: st.Due, DaysLeft: st.DaysLeft}
}

// later reports whether a happened after b: by date, then by when it was
// logged.
func later(a, b Session) bool {
	if da, db := dayNumber(a.Date), dayNumber(b.Date); da != db {
		return da > db
	}
	return a.LoggedAt.After(b.LoggedAt)
}

// inZone returns midnight in loc on t's calendar date (as t shows it).
func inZone(t time.Time, loc *time.Location) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, loc)
}

// pauseForLeave moves due later by each day of leave after last, taking the
// stretches in date order and bringing in any that begin on or before the due
// date as it moves. Overlapping stretches count once.
func pauseForLeave(due, last time.Time, leaves []Leave) time.Time {
	type span struct{ from, to int } // day numbers, both included
	var spans []span
	for _, l := range leaves {
		f, t := dayNumber(l.From), dayNumber(l.To)
		if f <= dayNumber(last) {
			f = dayNumber(last) + 1 // only leave after the last session pauses
		}
		if t >= f {
			spans = append(spans, span{f, t})
		}
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].from < spans[j].from })
	var merged []span
	for _, s := range spans {
		if n := len(merged); n > 0 && s.from <= merged[n-1].to+1 {
			merged[n-1].to = max(merged[n-1].to, s.to)
			continue
		}
		merged = append(merged, s)
	}
	d := dayNumber(due)
	extra := 0
	for _, s := range merged {
		if s.from > d+extra {
			break
		}
		extra += s.to - s.from + 1
	}
	return due.AddDate(0, 0, extra)
}

// addMonths adds n months to t, keeping the day of the month where it can
// and otherwise taking the month's last day: 31 Jan + 1 month is 28 (or 29)
// Feb, not 3 Mar.
func addMonths(t time.Time, n int) time.Time {
	y, m, d := t.Date()
	first := time.Date(y, m+time.Month(n), 1, 0, 0, 0, 0, t.Location())
	if last := daysIn(first.Year(), first.Month()); d > last {
		d = last
	}
	return time.Date(first.Year(), first.Month(), d, t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), t.Location())
}

// Interval is a length of time in months and days; zero means not known.
type Interval struct {
	Months int `json:"months,omitempty"`
	Days   int `json:"days,omitempty"`
}

// IsZero reports whether the interval is not known.
func (i Interval) IsZero() bool { return i.Months == 0 && i.Days == 0 }

// After returns t plus the interval: months first, clamped to the month's
// end, then days.
func (i Interval) After(t time.Time) time.Time {
	return addMonths(t, i.Months).AddDate(0, 0, i.Days)
}

// String says the interval in plain words: "every month", "every 2 weeks",
// "every 6 weeks", "not known".
func (i Interval) String() string {
	plural := func(n int, one, many string) string {
		if n == 1 {
			return one
		}
		return strconv.Itoa(n) + " " + many
	}
	switch {
	case i.IsZero():
		return "not known"
	case i.Days == 0:
		return "every " + plural(i.Months, "month", "months")
	case i.Months == 0 && i.Days%7 == 0:
		return "every " + plural(i.Days/7, "week", "weeks")
	case i.Months == 0:
		return "every " + plural(i.Days, "day", "days")
	}
	return fmt.Sprintf("every %s and %s", plural(i.Months, "month", "months"), plural(i.Days, "day", "days"))
}

// ---- reminders

// NextReminder returns when the next supervision reminder for p should go
// out after now, and false when none should: reminders are off, or nothing is
// due. It is NextReminders' time: the earliest across every clock of st.
func NextReminder(p Profile, st Status, leaves []Leave, now time.Time) (time.Time, bool) {
	r, ok := NextReminders(p, st, leaves, now)
	return r.At, ok
}

// nextReminder returns when the next reminder for one due date should go
// out after now, and false when none should: reminders are off, or due is
// zero.
//
// Reminders fall at p.ReminderTime in p.TimeZone (DefaultReminderTime and
// DefaultTimeZone when missing or unreadable): p.Lead() days before
// the due date, on the due date, and then weekly while overdue on
// p.ReminderDay (Monday if it is out of range), starting with the first such
// day after the due date. Note that a Profile's zero ReminderDay is Sunday:
// set it when the profile is made. A reminder that would fall during leave
// moves to the first day after it, so none goes out during leave. One that
// would fall on a Saturday, a Sunday or a bank holiday in England and Wales
// (BankHoliday) moves to the working day before (or, when that day is in
// leave, to the first working day after the leave), unless it falls on the
// weekend day the person chose (only when they said "anyway"). It considers only
// the due date, not how reminders were answered (snoozes and skips are the
// scheduler's).
func nextReminder(p Profile, dueDate time.Time, leaves []Leave, now time.Time) (time.Time, bool) {
	if !p.Reminders || dueDate.IsZero() {
		return time.Time{}, false
	}
	loc := zone(p.TimeZone)
	h, m, ok := parseClock(p.ReminderTime)
	if !ok {
		h, m, _ = parseClock(DefaultReminderTime)
	}
	at := func(day int) time.Time { // day number → reminder time that day
		t := time.Unix(int64(day)*86400, 0).UTC()
		return time.Date(t.Year(), t.Month(), t.Day(), h, m, 0, 0, loc)
	}
	weekday := p.ReminderDay
	if weekday < time.Sunday || weekday > time.Saturday {
		weekday = time.Monday
	}
	days := reminderDays{chosen: weekday}
	for _, l := range leaves {
		days.leave = append(days.leave, daySpan{dayNumber(l.From), dayNumber(l.To)})
	}
	due := dayNumber(dueDate)
	try := func(day int) (time.Time, bool) {
		t := at(days.place(day))
		return t, t.After(now)
	}
	if t, ok := try(due - p.Lead()); ok {
		return t, true
	}
	if t, ok := try(due); ok {
		return t, true
	}
	// Weekly while overdue, on the chosen weekday. Start from the week of now
	// rather than walking every week since the due date.
	first := due + 1
	for weekdayOf(first) != weekday {
		first++
	}
	nowDay := dayNumber(now.In(loc))
	k := 0
	if nowDay-first > 14 {
		k = (nowDay - first - 14) / 7
	}
	for i := 0; i < 200; i++ { // enough to walk past a year of leave
		if t, ok := try(first + 7*(k+i)); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// daySpan is a stretch of leave as day numbers, from and to inclusive.
type daySpan struct{ from, to int }

// reminderDays moves a reminder's day (a day number) off leave, weekends
// and bank holidays, as nextReminder says.
type reminderDays struct {
	leave  []daySpan
	chosen time.Weekday // the person's reminder day: a weekend day here is theirs
}

// place is the day a reminder meant for day falls on: day, or when that is
// not a working day, the weekday before it that is not a bank holiday, or
// when that is in leave, the first such weekday after the leave.
func (d reminderDays) place(day int) int {
	for i := 0; i < 400; i++ { // leave and days off alternating: ends long before this
		day = d.outOfLeave(day)
		if d.working(day) {
			return day
		}
		before := day - 1
		for !workday(before) {
			before--
		}
		if d.outOfLeave(before) == before {
			return before
		}
		for !workday(day) {
			day++
		}
	}
	return day
}

// working reports whether a reminder may fall on day: a weekday that is not
// a bank holiday, or the weekend day the person chose.
func (d reminderDays) working(day int) bool {
	return workday(day) || weekdayOf(day) == d.chosen && !bankHoliday(day)
}

// workday reports whether day is a weekday and not a bank holiday.
func workday(day int) bool {
	wd := weekdayOf(day)
	return wd != time.Saturday && wd != time.Sunday && !bankHoliday(day)
}

// outOfLeave is day, or the first day after the leave it falls in.
func (d reminderDays) outOfLeave(day int) int {
	for moved := true; moved; {
		moved = false
		for _, s := range d.leave {
			if s.from <= day && day <= s.to {
				day, moved = s.to+1, true
			}
		}
	}
	return day
}

// weekdayOf is a day number's weekday.
func weekdayOf(day int) time.Weekday {
	return time.Unix(int64(day)*86400, 0).UTC().Weekday()
}

// zone loads name, or DefaultTimeZone when it is empty or unknown, or UTC
// when even that is missing from the system.
func zone(name string) *time.Location {
	if name != "" {
		if loc, err := LoadZone(name); err == nil {
			return loc
		}
	}
	if loc, err := LoadZone(DefaultTimeZone); err == nil {
		return loc
	}
	return time.UTC
}

// parseClock reads a time of day: "09:30", "9:30", "9.30", "9am", "9:30pm",
// "17:00", "noon". It reports false when s is not one.
func parseClock(s string) (h, m int, ok bool) {
	s = strings.ToLower(strings.Join(strings.Fields(s), ""))
	switch s {
	case "noon", "midday", "12noon":
		return 12, 0, true
	case "":
		return 0, 0, false
	}
	suffix := ""
	for _, x := range []string{"am", "pm", "a.m.", "p.m."} {
		if strings.HasSuffix(s, x) {
			suffix, s = x[:1], strings.TrimSuffix(s, x)
			break
		}
	}
	hs, ms := s, "0"
	if i := strings.IndexAny(s, ":."); i >= 0 {
		hs, ms = s[:i], s[i+1:]
		if len(ms) != 2 {
			return 0, 0, false
		}
	} else if suffix == "" && len(s) == 4 { // "0930"
		hs, ms = s[:2], s[2:]
	}
	if len(hs) == 0 || len(hs) > 2 {
		return 0, 0, false
	}
	for _, c := range []byte(hs + ms) {
		if !isDigit(c) {
			return 0, 0, false
		}
	}
	h, _ = strconv.Atoi(hs)
	m, _ = strconv.Atoi(ms)
	if m > 59 {
		return 0, 0, false
	}
	switch suffix {
	case "a", "p":
		if h < 1 || h > 12 {
			return 0, 0, false
		}
		h %= 12
		if suffix == "p" {
			h += 12
		}
	default:
		if h > 23 || len(hs) == 1 && !strings.ContainsAny(s, ":.") {
			return 0, 0, false // a bare "9" could be either
		}
	}
	return h, m, true
}

// ---- sessions

// ErrSelf means a session was logged as being with the person themselves.
var ErrSelf = errors.New("session is with oneself")

// ValidateSession checks a session before it is stored: a known type, a
// date neither in the future nor before Start, a length from 0 (not given)
// to MaxMinutes, and nobody logging a session with themselves. today is any
// time on the person's today, in their zone. Errors are *InputError holding
// ErrUnreadable, ErrFutureDate, ErrTooEarly, ErrTooLong or ErrSelf.
func ValidateSession(s Session, today time.Time) error {
	switch {
	case !s.Type.Valid():
		return inputErr("type", ErrUnreadable, "I don't know the session type %q. Session types are %s.", typed(string(s.Type)), typeList())
	case s.Date.IsZero():
		return inputErr("date", ErrUnreadable, "The session needs a date.")
	case dayNumber(s.Date) > dayNumber(today):
		return inputErr("date", ErrFutureDate,
			"I can't log a session in the future: %s hasn't happened yet. Did you mean an earlier date?", s.Date.Format(dayFormat))
	case dayNumber(s.Date) < dayNumber(Start):
		return inputErr("date", ErrTooEarly,
			"%s is before 1 July 2019, when primary care networks began, so I can't take it. Could you check the year?", s.Date.Format(dayFormat))
	case s.Minutes < 0:
		return inputErr("minutes", ErrUnreadable, "A session can't last less than no time. How long was it?")
	case s.Minutes > MaxMinutes:
		return inputErr("minutes", ErrTooLong, "That's longer than 8 hours, the most one session can be. Could you check how long it was?")
	case s.WithID != "" && s.WithID == s.UserID:
		return inputErr("with", ErrSelf, "A session needs someone else in it: you named yourself. Who was it with?")
	}
	return nil
}
