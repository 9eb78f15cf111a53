package scheduler

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/peerbot/peerbot/supervision"
)

// ErrBadSpec wraps every reason a cron spec is refused; its text is fit to
// show the admin who typed it.
var ErrBadSpec = errors.New("that schedule cannot be read")

// Spec is a parsed cron spec with its time zone. Its Next is DST-correct:
// a time that a spring-forward change skips falls at the first minute after
// the change, and a time that a fall-back change repeats falls once, the
// first time.
type Spec struct {
	text  string
	loc   *time.Location
	sched cron.Schedule
	// weeks, when more than 1, makes the spec fall only in every weeks'th
	// week (weeks that start on Monday), counted from the week of anchor,
	// a day number (days since 1 Jan 1970) in loc.
	weeks  int
	anchor int
}

var specParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// maxWeeks is the longest gap WEEKS= takes: a year.
const maxWeeks = 52

// ParseSpec reads a five-field cron spec ("0 10 * * MON") or a descriptor
// (@daily, @weekly, @every 1h), optionally led by CRON_TZ=Area/City or
// TZ=Area/City; without one it is read in zone (UTC when nil). A five-field
// spec may also be led (after the zone, if any) by WEEKS=<n>@<date>, as in
// WEEKS=2@2026-12-07 0 10 * * MON: it then falls only in every n'th week,
// Monday to Sunday, counted from the week of that date, so "every other
// Monday" keeps to the fortnight it started on. The zone is written first,
// but WEEKS= then the zone means the same; a second zone is refused. It
// never panics:
// robfig/cron's parser does on "TZ=" with nothing after it.
func ParseSpec(text string, zone *time.Location) (s *Spec, err error) {
	orig := text
	text = strings.TrimSpace(text)
	loc := zone
	if loc == nil {
		loc = time.UTC
	}
	zoned := zoneLed(text)
	if zoned {
		if loc, text, err = specZone(text); err != nil {
			return nil, err
		}
	}
	weeks, anchor, text, err := specWeeks(text)
	if err != nil {
		return nil, err
	}
	// The zone, then WEEKS=, is the order to write; WEEKS= then the zone
	// means the same. A zone must never reach robfig/cron's parser, which
	// would read it its own way: the weeks would be counted in another
	// zone's days, and times walked in the wrong one.
	if zoneLed(text) {
		if zoned {
			return nil, fmt.Errorf("%w: give one time zone, at the start, as in CRON_TZ=Europe/London 0 10 * * MON", ErrBadSpec)
		}
		if loc, text, err = specZone(text); err != nil {
			return nil, err
		}
	}
	if text == "" {
		return nil, fmt.Errorf("%w: it is empty; an example is 0 10 * * MON (10:00 every Monday)", ErrBadSpec)
	}
	if weeks > 1 && strings.HasPrefix(text, "@") {
		return nil, fmt.Errorf("%w: WEEKS= goes before a five-field schedule, as in WEEKS=2@2026-12-07 0 10 * * MON", ErrBadSpec)
	}
	// A day of the month or a month falls in a skipped week as often as
	// not, and Next would then give up: the spec would stop falling.
	if f := strings.Fields(text); weeks > 1 && len(f) >= 5 && (f[len(f)-3] != "*" || f[len(f)-2] != "*") {
		return nil, fmt.Errorf("%w: a gap of weeks goes with named weekdays, and * for the day of the month and the month, as in WEEKS=2@2026-12-07 0 10 * * MON", ErrBadSpec)
	}
	defer func() {
		if p := recover(); p != nil {
			s, err = nil, fmt.Errorf("%w: %q; an example is 0 10 * * MON (10:00 every Monday)", ErrBadSpec, orig)
		}
	}()
	sched, perr := specParser.Parse(text)
	if perr != nil {
		return nil, fmt.Errorf("%w: %v; five fields are minute, hour, day of month, month and weekday, as in 0 10 * * MON (10:00 every Monday)", ErrBadSpec, perr)
	}
	s = &Spec{text: orig, loc: loc, sched: sched, weeks: weeks, anchor: anchor}
	if s.Next(time.Now()).IsZero() {
		return nil, fmt.Errorf("%w: %q never falls (check the day and month)", ErrBadSpec, orig)
	}
	return s, nil
}

// zoneLed reports whether text starts with a time zone: CRON_TZ= or TZ=.
func zoneLed(text string) bool {
	return strings.HasPrefix(text, "CRON_TZ=") || strings.HasPrefix(text, "TZ=")
}

// specZone reads the zone text starts with, and returns it with the rest.
func specZone(text string) (*time.Location, string, error) {
	key := text[:strings.Index(text, "=")+1]
	name, rest, ok := strings.Cut(text[len(key):], " ")
	if !ok || strings.TrimSpace(rest) == "" || name == "" {
		return nil, "", fmt.Errorf("%w: after %s name a time zone and then the schedule, as in CRON_TZ=Europe/London 0 10 * * MON", ErrBadSpec, key)
	}
	l, err := LoadZone(name)
	if err != nil {
		return nil, "", fmt.Errorf("%w: %q is not a time zone; use a name such as Europe/London", ErrBadSpec, name)
	}
	return l, strings.TrimSpace(rest), nil
}

// Location is the zone the spec is read in.
func (s *Spec) Location() *time.Location { return s.loc }

// Weeks is how many weeks apart the weeks the spec falls in are: 1 for
// every week, 2 for every other week.
func (s *Spec) Weeks() int { return max(s.weeks, 1) }

// specWeeks reads a leading WEEKS=<n>@<date>, returning n (1 without one),
// the day number of the date, and the rest of text.
func specWeeks(text string) (weeks, anchor int, rest string, err error) {
	if !strings.HasPrefix(text, "WEEKS=") {
		return 1, 0, text, nil
	}
	tok, rest, _ := strings.Cut(text, " ")
	n, date, ok := strings.Cut(strings.TrimPrefix(tok, "WEEKS="), "@")
	weeks, nerr := strconv.Atoi(n)
	day, derr := time.Parse("2006-01-02", date)
	if !ok || nerr != nil || derr != nil || weeks < 1 || weeks > maxWeeks {
		return 0, 0, "", fmt.Errorf("%w: %q should be WEEKS=<weeks, 1 to %d>@<a date, 2026-12-07>, as in WEEKS=2@2026-12-07 0 10 * * MON", ErrBadSpec, tok, maxWeeks)
	}
	return weeks, dayOf(day), strings.TrimSpace(rest), nil
}

// dayOf is the day number of t's date (its wall clock's), days since 1 Jan
// 1970.
func dayOf(t time.Time) int {
	y, m, d := t.Date()
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

// weekOf is the number of the week, Monday to Sunday, that day falls in;
// 1 Jan 1970 was a Thursday.
func weekOf(day int) int { return floorDiv(day+3, 7) }

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// Next returns the first time the spec falls strictly after t, or the zero
// time when it never does (within five years).
func (s *Spec) Next(t time.Time) time.Time {
	if s.weeks <= 1 {
		return s.next(t)
	}
	// Each time in a week that is skipped moves t to the end of that week,
	// so this ends after at most weeks turns, and once more.
	for range s.weeks + 1 {
		at := s.next(t)
		if at.IsZero() {
			return at
		}
		day := dayOf(at.In(s.loc))
		gap := weekOf(day) - weekOf(s.anchor)
		if gap-floorDiv(gap, s.weeks)*s.weeks == 0 {
			return at
		}
		// On to the last moment of at's week: the Sunday, just before
		// midnight, as the zone's clock reads.
		sunday := time.Unix(int64(day+6-(day+3)%7)*86400, 0).UTC()
		t = inZone(time.Date(sunday.Year(), sunday.Month(), sunday.Day()+1, 0, 0, 0, 0, time.UTC), s.loc).Add(-time.Nanosecond)
	}
	return time.Time{}
}

// next is when the cron spec alone falls strictly after t.
func (s *Spec) next(t time.Time) time.Time {
	if _, every := s.sched.(cron.ConstantDelaySchedule); every {
		return s.sched.Next(t) // a fixed interval in real time
	}
	// Walk the wall clock of the zone as if it had no DST (UTC), where
	// every wall time exists once, then map each wall time back.
	wall := wallOf(t.In(s.loc))
	for range 3 {
		w := s.sched.Next(wall)
		if w.IsZero() {
			return time.Time{}
		}
		at := inZone(w, s.loc)
		if at.After(t) {
			return at
		}
		wall = w // its first instance has passed: it fired already
	}
	return time.Time{}
}

// wallOf is t's wall clock read as UTC.
func wallOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), t.Hour(), t.Minute(), t.Second(), t.Nanosecond(), time.UTC)
}

// inZone turns a wall time (held as UTC) into the instant it names in loc:
// the first instance of a repeated wall time, and the moment of the change
// for a wall time the change skipped.
func inZone(w time.Time, loc *time.Location) time.Time {
	t := time.Date(w.Year(), w.Month(), w.Day(), w.Hour(), w.Minute(), w.Second(), 0, loc)
	got := wallOf(t)
	switch {
	case got.After(w): // normalised forward over a gap: the change is at t's zone start
		start, _ := t.ZoneBounds()
		return start
	case got.Before(w): // normalised backward over a gap: the change is at t's zone end
		_, end := t.ZoneBounds()
		return end
	}
	// Repeated wall time: prefer an earlier instance in the zone before.
	if start, _ := t.ZoneBounds(); !start.IsZero() {
		_, prev := start.Add(-time.Second).Zone()
		earlier := w.Add(-time.Duration(prev) * time.Second)
		if earlier.Before(t) && wallOf(earlier.In(loc)).Equal(w) {
			return earlier.In(loc)
		}
	}
	return t
}

// LoadZone is time.LoadLocation with a cache: it is supervision.LoadZone,
// the one cache of zones in the program.
func LoadZone(name string) (*time.Location, error) { return supervision.LoadZone(name) }
