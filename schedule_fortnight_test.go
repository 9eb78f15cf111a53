package main

import (
	"regexp"
	"strings"
	"testing"
	"time"
)

// TestConsoleFortnightlySchedule: an admin says "every other Monday" or
// "fortnightly on Mondays"; the schedule is shown back in those words with
// its next times a fortnight apart, listed so, and posts on every other
// Monday only as the console's clock passes them.
func TestConsoleFortnightlySchedule(t *testing.T) {
	c := startConsole(t)
	c.typeLine(t, "/peer clock 2026-12-06T12:00:00Z", "The clock now reads") // a Sunday
	for _, tc := range []struct{ line, words, next string }{
		{"every other Monday at 10:00 C0123ABCE Network meeting", "every other Monday at 10:00", "Mon 7 Dec 2026 10:00; Mon 21 Dec 2026 10:00; Mon 4 Jan 2027 10:00"},
		{"fortnightly on Mondays at 10am C0123ABCF Network meeting", "every other Monday at 10:00", "Mon 7 Dec 2026 10:00; Mon 21 Dec 2026 10:00; Mon 4 Jan 2027 10:00"},
		{"every 2 weeks on Tuesday at 2pm C0123ABCG Drop-in", "every other Tuesday at 14:00", "Tue 8 Dec 2026 14:00; Tue 22 Dec 2026 14:00; Tue 5 Jan 2027 14:00"},
	} {
		got := c.typeLine(t, "/peer schedule add "+tc.line, "Scheduled")
		mustContain(t, tc.line, got, tc.words, tc.next)
	}
	for _, tc := range []struct{ line, want string }{
		{"every other day at 10:00 C0123ABCD Hello", "say which weekday"},
		{"fortnightly at 10:00 C0123ABCD Hello", "say which weekday"},
		{"every other weekday at 9am C0123ABCD Hello", "say which weekday"},
		{"every other month on the 1st at 9am C0123ABCD Hello", "say which weekday"},
	} {
		got := c.typeLine(t, "/peer schedule add "+tc.line, tc.want)
		if strings.Contains(got, "Scheduled") {
			t.Errorf("%q was scheduled:\n%s", tc.line, got)
		}
	}
	mustContain(t, "the list", c.typeLine(t, "/peer schedule list", "Channel schedules"),
		"every other Monday at 10:00", "Next: Mon 7 Dec 2026 10:00; Mon 21 Dec 2026 10:00")

	posts := func() int { return strings.Count(c.out.String(), "[message to C0123ABCE]") }
	for _, step := range []struct {
		at   string
		want int
	}{
		{"2026-12-07T10:00:30Z", 1},
		{"2026-12-14T10:00:30Z", 1}, // the Monday between: nothing
		{"2026-12-21T10:00:30Z", 2},
	} {
		c.typeLine(t, "/peer clock "+step.at, "The clock now reads")
		time.Sleep(2500 * time.Millisecond)
		if got := posts(); got != step.want {
			t.Errorf("at %s: %d posts of the fortnightly schedule, want %d", step.at, got, step.want)
		}
	}
	next := c.typeLine(t, "/peer schedule list", "Channel schedules")
	if !regexp.MustCompile(`Next: Mon 4 Jan 2027 10:00; Mon 18 Jan 2027 10:00`).MatchString(next) {
		t.Errorf("after two posts the list shows:\n%s\nwant next on Mon 4 Jan and Mon 18 Jan", next)
	}
}

// TestConsoleFortnightlyQuotedSpecNeedsWeekdays: an admin gives a quoted
// cron spec with a gap of weeks and a day of the month ("the 1st, every
// other week"). Most months' 1st falls in a skipped week, so it would post
// once and then never again; it is refused with the words that say why.
func TestConsoleFortnightlyQuotedSpecNeedsWeekdays(t *testing.T) {
	c := startConsole(t)
	c.typeLine(t, "/peer clock 2026-12-06T12:00:00Z", "The clock now reads")
	for _, spec := range []string{`"WEEKS=2@2026-12-07 0 10 1 * *"`, `"WEEKS=2@2026-12-07 0 10 * 1 MON"`} {
		got := c.typeLine(t, "/peer schedule add "+spec+" C0123ABCD Hello", "couldn't read that schedule")
		mustContain(t, spec, got, "named weekdays")
		if strings.Contains(got, "Scheduled") {
			t.Errorf("%s was scheduled:\n%s", spec, got)
		}
	}
}

// TestConsoleQuotedSpecWeeksThenZone: an admin writes WEEKS= before
// CRON_TZ= in a quoted spec. It means what the zone first means: read in
// the zone named, every other week, its times shown in that zone. Two
// zones are refused, saying to give one at the start, and nothing is
// scheduled.
func TestConsoleQuotedSpecWeeksThenZone(t *testing.T) {
	c := startConsole(t)
	c.typeLine(t, "/peer clock 2026-12-06T12:00:00Z", "The clock now reads")
	for _, spec := range []string{"WEEKS=2@2026-12-07 CRON_TZ=America/New_York 0 10 * * MON", "CRON_TZ=America/New_York WEEKS=2@2026-12-07 0 10 * * MON"} {
		got := c.typeLine(t, `/peer schedule add "`+spec+`" C0123ABCD Hello`, "Scheduled")
		mustContain(t, spec, got, "Mon 7 Dec 2026 10:00; Mon 21 Dec 2026 10:00; Mon 4 Jan 2027 10:00 (America/New_York)")
	}
	got := c.typeLine(t, `/peer schedule add "CRON_TZ=America/New_York TZ=Asia/Tokyo 0 10 * * MON" C0123ABCE Hello`, "couldn't read that schedule")
	mustContain(t, "two zones", got, "give one time zone, at the start")
	if strings.Contains(got, "Scheduled") || strings.Contains(c.typeLine(t, "/peer schedule list", "Channel schedules"), "C0123ABCE") {
		t.Errorf("a spec with two zones was scheduled:\n%s", got)
	}
}
