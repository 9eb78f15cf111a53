package scheduler

import (
	"errors"
	"fmt"
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
}

var specParser = cron.NewParser(cron.Minute | cron.Hour | cron.Dom | cron.Month | cron.Dow | cron.Descriptor)

// ParseSpec reads a five-field cron spec ("0 10 * * MON") or a descriptor
// (@daily, @weekly, @every 1h), optionally led by CRON_TZ=Area/City or
// TZ=Area/City; without one it is read in zone (UTC when nil). It never
// panics: robfig/cron's parser does on "TZ=" with nothing after it.
func ParseSpec(text string, zone *time.Location) (s *Spec, err error) {
	orig := text
	text = strings.TrimSpace(text)
	loc := zone
	if loc == nil {
		loc = time.UTC
	}
	if strings.HasPrefix(text, "CRON_TZ=") || strings.HasPrefix(text, "TZ=") {
		name, rest, ok := strings.Cut(text[strings.Index(text, "=")+1:], " ")
		if !ok || strings.TrimSpace(rest) == "" || name == "" {
			return nil, fmt.Errorf("%w: after %s name a time zone and then the schedule, as in CRON_TZ=Europe/London 0 10 * * MON", ErrBadSpec, text[:strings.Index(text, "=")+1])
		}
		l, lerr := LoadZone(name)
		if lerr != nil {
			return nil, fmt.Errorf("%w: %q is not a time zone; use a name such as Europe/London", ErrBadSpec, name)
		}
		loc, text = l, strings.TrimSpace(rest)
	}
	if text == "" {
		return nil, fmt.Errorf("%w: it is empty; an example is 0 10 * * MON (10:00 every Monday)", ErrBadSpec)
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
	s = &Spec{text: orig, loc: loc, sched: sched}
	if s.Next(time.Now()).IsZero() {
		return nil, fmt.Errorf("%w: %q never falls (check the day and month)", ErrBadSpec, orig)
	}
	return s, nil
}

// Location is the zone the spec is read in.
func (s *Spec) Location() *time.Location { return s.loc }

// Next returns the first time the spec falls strictly after t, or the zero
// time when it never does (within five years).
func (s *Spec) Next(t time.Time) time.Time {
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
