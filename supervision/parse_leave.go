package supervision

import (
	"regexp"
	"strings"
	"time"
)

// MaxLeaveDays is the longest single stretch of leave: a year, leap day
// included.
const MaxLeaveDays = 366

// leaveSplit finds the word between the two dates of a stretch of leave.
var leaveSplit = regexp.MustCompile(`(?i)\s+(?:to|until|till|til|through|thru|-|–|—)\s+`)

// leaveFor finds "for 2 weeks" after the first date.
var leaveFor = regexp.MustCompile(`(?i)^(.+?)\s+for\s+(\S+)\s+(days?|weeks?|fortnights?)$`)

// leaveForFrom finds how long before when: "for 2 weeks from Monday".
var leaveForFrom = regexp.MustCompile(`(?i)^for\s+(\S+\s+(?:days?|weeks?|fortnights?))\s+from\s+(.+)$`)

// ParseLeave reads a stretch of leave to add: "20/12/2026 3/1/2027", "20
// Dec to 3 Jan", "from monday to friday", "20 Dec - 3 Jan", "20 Dec for 2
// weeks" (or "for 2 weeks from 20 Dec"), or one day. Dates read as in
// ParseDate, but the future is allowed: leave typed without a year is the
// nearer such leave, as a person means it: leave going on, to come, or
// ended in the last three months (recorded after the event, for status
// to allow for it) is this year's; else it is next year's. NextLeave gives
// the other reading of leave read as past. A bare weekday is the next one
// (today included); the end is read as on or after the start. The leave
// must end on or after it starts, last at most MaxLeaveDays and not start
// before Start. Text holding an NHS number is refused first with
// ErrNHSNumber. The Leave comes back with a new ID.
func ParseLeave(args string, today time.Time) (Leave, error) {
	return readLeave(args, today, leaveDate)
}

// NextLeave is the other reading of leave that ParseLeave read as l,
// wholly past: the same days next year, when what was typed has no year
// and so may mean them; false when there is none.
func NextLeave(args string, today time.Time, l Leave) (Leave, bool) {
	if dayNumber(l.To) >= dayNumber(midnight(today)) {
		return Leave{}, false
	}
	next, err := readLeave(args, today, afterDate)
	if err != nil || dayNumber(next.From) == dayNumber(l.From) {
		return Leave{}, false
	}
	return next, true
}

// ParseLeaveDay reads words that name leave already saved, to take it back
// or end it ("cancel leave 8 Dec", "back 14 Dec"): as ParseLeave, so leave
// going on or just past is found by its first day.
func ParseLeaveDay(args string, today time.Time) (Leave, error) {
	return readLeave(args, today, leaveDate)
}

// readLeave reads a stretch of leave whose start, written without a year,
// reads in mode: leaveDate (the next, or one of the last three months), or
// afterDate (the next, today included).
func readLeave(args string, today time.Time, mode dateMode) (Leave, error) {
	if ContainsNHSNumber(args) {
		return Leave{}, nhsErr("leave")
	}
	if len(args) > maxInput {
		return Leave{}, inputErr("leave", ErrUnreadable, "That's more than I can read. Try something like: 20 Dec to 3 Jan")
	}
	s := strings.Join(tokens(args), " ")
	low := strings.ToLower(s)
	for _, p := range []string{"from ", "on leave ", "leave "} {
		if strings.HasPrefix(low, p) {
			s, low = s[len(p):], low[len(p):]
		}
	}
	if m := leaveForFrom.FindStringSubmatch(strings.TrimSpace(s)); m != nil {
		s = m[2] + " for " + m[1]
	}
	s = leaveWords(strings.TrimSpace(s))
	if s == "" {
		return Leave{}, inputErr("from", ErrUnreadable, "When is your leave? Try something like: 20 Dec to 3 Jan")
	}
	today = midnight(today)
	fromText, toText, days, err := leaveParts(s, today)
	if err != nil {
		return Leave{}, err
	}
	from, err := readDate("from", fromText, today, mode)
	if err != nil {
		return Leave{}, err
	}
	to := from
	switch {
	case days > 0:
		to = from.AddDate(0, 0, days-1)
	case toText != "":
		if to, err = leaveEnd(toText, today, from); err != nil {
			return Leave{}, err
		}
	}
	if dayNumber(to) < dayNumber(from) {
		return Leave{}, inputErr("to", ErrUnreadable,
			"Your leave would end (%s) before it starts (%s). Could you check the dates?", to.Format(dayFormat), from.Format(dayFormat))
	}
	if dayNumber(from)-dayNumber(today) > MaxLeaveDays {
		return Leave{}, inputErr("from", ErrUnreadable,
			"Your leave would start on %s, more than a year from now. Could you check the year?", from.Format(dayFormat))
	}
	if dayNumber(to)-dayNumber(from)+1 > MaxLeaveDays {
		return Leave{}, inputErr("to", ErrTooLong,
			"That's more than a year of leave (%s to %s). Please add it a year at a time.", from.Format(dayFormat), to.Format(dayFormat))
	}
	return Leave{ID: NewID(), From: from, To: to}, nil
}

var (
	// leaveDayRange is "7-11 Dec", "7th to 11th December 2026": two days
	// of one month.
	leaveDayRange = regexp.MustCompile(`(?i)^(\d{1,2})(?:st|nd|rd|th)?\s*(?:-|–|—|to|until|till)\s*(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+\.?(?:\s+\d{4})?)$`)
	// leaveUntil is "until 18 Dec": from today.
	leaveUntil = regexp.MustCompile(`(?i)^(?:until|till|til|to|through)\s+(.+)$`)
	// leaveLength is "2 weeks", "a week", "10 days": from today.
	leaveLength = regexp.MustCompile(`(?i)^(?:for\s+)?(\S+)\s+(days?|weeks?|fortnights?)$`)
)

// leaveWords puts leave as people say it into the forms leaveParts reads:
// "7-11 Dec" is 7 Dec to 11 Dec, "until 18 Dec" and "2 weeks" start today,
// and "next week" is the week from next Monday.
func leaveWords(s string) string {
	if m := leaveDayRange.FindStringSubmatch(s); m != nil {
		return m[1] + " " + m[3] + " to " + m[2] + " " + m[3]
	}
	if m := leaveUntil.FindStringSubmatch(s); m != nil {
		return "today to " + m[1]
	}
	if m := leaveLength.FindStringSubmatch(s); m != nil && count(strings.ToLower(m[1])) > 0 {
		return "today for " + m[1] + " " + m[2]
	}
	if strings.EqualFold(s, "next week") {
		return "next monday for 1 week"
	}
	return s
}

// leaveParts finds the start and end of leave in s: "<from> to <to>",
// "<from> <to>", "<from> for 2 weeks" (days is then its length), or one date
// alone (toText is then "").
func leaveParts(s string, today time.Time) (fromText, toText string, days int, err error) {
	if m := leaveFor.FindStringSubmatch(s); m != nil {
		n := count(strings.ToLower(m[2]))
		switch strings.TrimSuffix(strings.ToLower(m[3]), "s") {
		case "week":
			n *= 7
		case "fortnight":
			n *= 14
		}
		if n <= 0 {
			return "", "", 0, inputErr("to", ErrUnreadable, "I couldn't read how long your leave is. Try: 20 Dec for 2 weeks")
		}
		return m[1], "", min(n, 10*MaxLeaveDays), nil
	}
	if loc := leaveSplit.FindStringIndex(s); loc != nil {
		return s[:loc[0]], s[loc[1]:], 0, nil
	}
	if _, ok, _ := parseDay(s, today, leaveDate); ok {
		return s, "", 0, nil
	}
	// Two dates side by side: "20 Dec 3 Jan".
	w := strings.Fields(s)
	for k := 1; k < len(w); k++ {
		a, b := strings.Join(w[:k], " "), strings.Join(w[k:], " ")
		if _, ok, _ := parseDay(a, today, leaveDate); !ok {
			continue
		}
		if _, ok, _ := parseDay(b, today, leaveDate); ok {
			return a, b, 0, nil
		}
	}
	return "", "", 0, inputErr("from", ErrUnreadable,
		"I couldn't read %q as dates of leave. Try something like: 20 Dec to 3 Jan, or 20/12/2026 to 03/01/2027.", typed(s))
}

// leaveEnd reads the last day of leave that starts on from.
func leaveEnd(toText string, today, from time.Time) (time.Time, error) {
	to, err := readDateFrom("to", toText, today, afterDate, from)
	if err != nil {
		return time.Time{}, err
	}
	// An end without a year reads as on or after the start, so "20 Dec to 3
	// Jan" crosses the new year. Rolling on by most of a year is more likely
	// a slip ("1 Dec to 1 Nov"): read it as written and say that it ends
	// before it starts.
	if dayNumber(to)-dayNumber(from) > 183 {
		if plain, _, err := parseDay(toText, today, leaveDate); err == nil && !plain.IsZero() && !plain.Equal(to) {
			to = plain
		}
	}
	return to, nil
}
