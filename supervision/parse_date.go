package supervision

import (
	"errors"
	"strconv"
	"strings"
	"time"
)

// Start is the earliest date peerbot accepts, 1 July 2019, the day primary
// care networks went live. Compare it by calendar date: its location is UTC.
var Start = time.Date(2019, time.July, 1, 0, 0, 0, 0, time.UTC)

// midnight returns the start of t's calendar day in t's location.
func midnight(t time.Time) time.Time {
	y, m, d := t.Date()
	return time.Date(y, m, d, 0, 0, 0, 0, t.Location())
}

// dayNumber counts calendar days since 1 Jan 1970 for t's date in t's own
// location, so two dates compare and subtract without DST surprises.
func dayNumber(t time.Time) int {
	y, m, d := t.Date()
	return int(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

var monthWords = map[string]time.Month{
	"jan": time.January, "january": time.January,
	"feb": time.February, "february": time.February,
	"mar": time.March, "march": time.March,
	"apr": time.April, "april": time.April,
	"may": time.May,
	"jun": time.June, "june": time.June,
	"jul": time.July, "july": time.July,
	"aug": time.August, "august": time.August,
	"sep": time.September, "sept": time.September, "september": time.September,
	"oct": time.October, "october": time.October,
	"nov": time.November, "november": time.November,
	"dec": time.December, "december": time.December,
}

// weekdayNames are the weekdays' names in lower case, Sunday first, as
// time.Weekday counts them.
var weekdayNames = [7]string{"sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"}

// weekdayShortForms are the short forms people write that are not the
// start of the name.
var weekdayShortForms = map[string]time.Weekday{"weds": time.Wednesday}

// ParseWeekday reads a day of the week in any case, with or without a final
// full stop: its name ("Tuesday"), its first three letters or more ("tue",
// "tues", "wedn", "thurs"), or "weds". It reports false for anything else.
// Every weekday word in peerbot is read here.
func ParseWeekday(s string) (time.Weekday, bool) {
	s = strings.TrimSuffix(strings.ToLower(strings.TrimSpace(s)), ".")
	if d, ok := weekdayShortForms[s]; ok {
		return d, true
	}
	if len(s) < 3 {
		return 0, false
	}
	for d, name := range weekdayNames {
		if strings.HasPrefix(name, s) {
			return time.Weekday(d), true
		}
	}
	return 0, false
}

// dateMode says how a date without a year, or a bare weekday, is read.
type dateMode int

const (
	pastDate  dateMode = iota // the most recent one not in the future
	leaveDate                 // the next one, or one in the last leaveLookBack days
	afterDate                 // the first one on or after the anchor (end of leave)
)

// leaveLookBack is how far back a date of leave without a year may be read:
// people record leave just taken as well as leave planned.
const leaveLookBack = 92

// parseDay reads s as a calendar date relative to today. ok is false when s
// is not written as a date at all; err is set when it is, but names no real
// day ("31 Nov"). It does not check the range.
func parseDay(s string, today time.Time, mode dateMode) (t time.Time, ok bool, err error) {
	return parseDayFrom(s, today, mode, today)
}

// parseDayFrom is parseDay where, in afterDate mode, dates without a year and
// bare weekdays are read as the first on or after anchor.
func parseDayFrom(s string, today time.Time, mode dateMode, anchor time.Time) (t time.Time, ok bool, err error) {
	today, anchor = midnight(today), midnight(anchor)
	w := dateWords(s)
	if len(w) == 0 || len(w) > 5 {
		return time.Time{}, false, nil
	}
	if t, ok := namedDay(strings.Join(w, " "), today); ok {
		return t, true, nil
	}
	ref := today // what a date without a year is read against
	if mode == afterDate {
		ref = anchor
	}
	if len(w) == 1 {
		if t, ok, err := numericDate(w[0], ref, mode); ok {
			return t, ok, err
		}
	}
	if t, ok, err := wordDate(w, ref, mode); ok {
		return t, ok, err
	}
	if t, ok, err := ordinalDay(w, ref, mode); ok {
		return t, ok, err
	}
	if wd, ok := ParseWeekday(w[len(w)-1]); ok && len(w) <= 2 {
		before := ""
		if len(w) == 2 {
			before = w[0]
		}
		t, ok := weekdayDate(before, wd, today, mode, anchor)
		return t, ok, nil
	}
	t, ok = countedDate(w, today)
	return t, ok, nil
}

// dateWords splits a date into lower-case words, without commas, a final
// full stop or a leading "on".
func dateWords(s string) []string {
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimRight(s, ".,;")
	s = strings.ReplaceAll(s, ",", " ")
	w := strings.Fields(s)
	if len(w) > 1 && w[0] == "on" {
		w = w[1:]
	}
	return w
}

// namedDay reads the days that have names of their own: today, yesterday,
// the day before yesterday, tomorrow.
func namedDay(s string, today time.Time) (time.Time, bool) {
	switch s {
	case "today", "this morning", "this afternoon", "this evening", "earlier today":
		return today, true
	case "yesterday", "yesterday morning", "yesterday afternoon":
		return today.AddDate(0, 0, -1), true
	case "day before yesterday", "the day before yesterday":
		return today.AddDate(0, 0, -2), true
	case "tomorrow":
		return today.AddDate(0, 0, 1), true
	case "day after tomorrow", "the day after tomorrow":
		return today.AddDate(0, 0, 2), true
	}
	return time.Time{}, false
}

// weekdayDate reads a weekday, alone or after before ("last", "this",
// "next"): in pastDate mode a bare weekday is the most recent one, today
// included; otherwise the next one. In afterDate mode a bare weekday, or
// this or next one, is the first on or after anchor, the start of leave.
func weekdayDate(before string, wd time.Weekday, today time.Time, mode dateMode, anchor time.Time) (time.Time, bool) {
	back := (int(today.Weekday()) - int(wd) + 7) % 7 // days since the last one, 0 today
	ahead := (int(wd) - int(today.Weekday()) + 7) % 7
	if mode == afterDate && (before == "" || before == "this" || before == "next") {
		ahead = (int(wd) - int(anchor.Weekday()) + 7) % 7
		if ahead == 0 && before == "next" {
			ahead = 7
		}
		return anchor.AddDate(0, 0, ahead), true
	}
	switch before {
	case "":
		if mode == pastDate {
			return today.AddDate(0, 0, -back), true
		}
		return today.AddDate(0, 0, ahead), true
	case "last":
		if back == 0 {
			back = 7
		}
		return today.AddDate(0, 0, -back), true
	case "this":
		if mode == pastDate {
			return today.AddDate(0, 0, -back), true
		}
		return today.AddDate(0, 0, ahead), true
	case "next":
		if ahead == 0 {
			ahead = 7
		}
		return today.AddDate(0, 0, ahead), true
	}
	return time.Time{}, false
}

// countedDate reads a date counted from today: "3 days ago", "a week ago",
// "2 months ago", "in 2 weeks".
func countedDate(w []string, today time.Time) (time.Time, bool) {
	var n int
	var unit string
	switch {
	case len(w) == 3 && w[2] == "ago":
		n, unit = count(w[0]), w[1]
	case len(w) == 3 && w[0] == "in":
		n, unit = count(w[1]), w[2]
		n = -n
	default:
		return time.Time{}, false
	}
	if n == 0 {
		return time.Time{}, false
	}
	days, months := 0, 0
	switch strings.TrimSuffix(unit, "s") {
	case "day":
		days = n
	case "week":
		days = 7 * n
	case "fortnight":
		days = 14 * n
	case "month":
		months = n
	default:
		return time.Time{}, false
	}
	// Bound the arithmetic: ten years is further back than Start anyway.
	if days > 4000 || days < -4000 || months > 130 || months < -130 {
		if n > 0 {
			return Start.AddDate(0, 0, -1).In(today.Location()), true
		}
		return today.AddDate(10, 0, 0), true
	}
	if months != 0 {
		return addMonths(today, -months), true
	}
	return today.AddDate(0, 0, -days), true
}

// numericDate reads 2026-11-20, 2026/11/20, 20/11/2026, 20/11/26, 20-11-2026,
// 20.11.2026 and 20/11 (day first, as in the UK).
func numericDate(s string, today time.Time, mode dateMode) (time.Time, bool, error) {
	var parts []string
	var sep byte
	for _, c := range []byte{'/', '-', '.'} {
		if strings.IndexByte(s, c) >= 0 {
			parts = strings.Split(s, string(c))
			sep = c
			break
		}
	}
	if len(parts) < 2 || len(parts) > 3 {
		return time.Time{}, false, nil
	}
	nums := make([]int, len(parts))
	for i, p := range parts {
		if len(p) == 0 || len(p) > 4 {
			return time.Time{}, false, nil
		}
		for j := 0; j < len(p); j++ {
			if !isDigit(p[j]) {
				return time.Time{}, false, nil
			}
		}
		nums[i], _ = strconv.Atoi(p)
	}
	if len(parts) == 2 {
		// "20/11" only: "1.5" and "1-2" are more likely something else.
		if sep != '/' || len(parts[0]) > 2 || len(parts[1]) > 2 {
			return time.Time{}, false, nil
		}
		return yearless(nums[0], time.Month(nums[1]), today, mode)
	}
	var y, m, d int
	switch {
	case len(parts[0]) == 4 && len(parts[1]) <= 2 && len(parts[2]) <= 2:
		y, m, d = nums[0], nums[1], nums[2]
	case len(parts[0]) <= 2 && len(parts[1]) <= 2 && len(parts[2]) == 4:
		d, m, y = nums[0], nums[1], nums[2]
	case len(parts[0]) <= 2 && len(parts[1]) <= 2 && len(parts[2]) == 2:
		d, m, y = nums[0], nums[1], 2000+nums[2]
	default:
		return time.Time{}, false, nil
	}
	return calendarDate(y, time.Month(m), d, today.Location())
}

// wordDate reads "20 Nov", "20th of November", "Nov 20", "20 Nov 2026",
// "November 20th 2026" and "Tuesday 20 Nov" (the weekday is not checked).
func wordDate(w []string, today time.Time, mode dateMode) (time.Time, bool, error) {
	if len(w) > 0 {
		if _, ok := ParseWeekday(w[0]); ok && len(w) > 1 {
			w = w[1:]
		}
	}
	var rest []string
	for _, x := range w {
		if x != "of" && x != "the" {
			rest = append(rest, x)
		}
	}
	if len(rest) < 2 || len(rest) > 3 {
		return time.Time{}, false, nil
	}
	var day, month string
	if _, ok := monthWords[rest[0]]; ok {
		month, day = rest[0], rest[1]
	} else {
		day, month = rest[0], rest[1]
	}
	m, ok := monthWords[month]
	if !ok {
		return time.Time{}, false, nil
	}
	d, ok := dayOfMonth(day)
	if !ok {
		return time.Time{}, false, nil
	}
	if len(rest) == 2 {
		return yearless(d, m, today, mode)
	}
	y := rest[2]
	if len(y) != 4 || !isDigit(y[0]) || !isDigit(y[1]) || !isDigit(y[2]) || !isDigit(y[3]) {
		return time.Time{}, false, nil
	}
	yn, _ := strconv.Atoi(y)
	return calendarDate(yn, m, d, today.Location())
}

// ordinalDay reads "the 20th" or "20th" alone: the most recent 20th in
// pastDate mode, else the next one (on or after ref). A bare "20" is not a
// date: in a log it is minutes.
func ordinalDay(w []string, ref time.Time, mode dateMode) (time.Time, bool, error) {
	if len(w) == 2 && w[0] == "the" {
		w = w[1:]
	}
	if len(w) != 1 || len(w[0]) < 3 || isDigit(w[0][len(w[0])-1]) {
		return time.Time{}, false, nil
	}
	d, ok := dayOfMonth(w[0])
	if !ok {
		return time.Time{}, false, nil
	}
	step := 1
	if mode == pastDate {
		step = -1
	}
	y, m, _ := ref.Date()
	for i := 0; i < 13; i++ {
		mi := time.Date(y, m+time.Month(step*i), 1, 0, 0, 0, 0, ref.Location())
		if d > daysIn(mi.Year(), mi.Month()) {
			continue // no 31st this month
		}
		t := time.Date(mi.Year(), mi.Month(), d, 0, 0, 0, 0, ref.Location())
		if mode == pastDate && dayNumber(t) <= dayNumber(ref) || mode != pastDate && dayNumber(t) >= dayNumber(ref) {
			return t, true, nil
		}
	}
	return time.Time{}, false, nil
}

// dayOfMonth reads "20", "20th", "1st", "2nd", "3rd".
func dayOfMonth(s string) (int, bool) {
	for _, suffix := range []string{"st", "nd", "rd", "th"} {
		if strings.HasSuffix(s, suffix) {
			s = strings.TrimSuffix(s, suffix)
			break
		}
	}
	if len(s) == 0 || len(s) > 2 {
		return 0, false
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 || n > 31 {
		return 0, false
	}
	return n, true
}

// calendarDate builds the date, or says why there is no such day.
func calendarDate(y int, m time.Month, d int, loc *time.Location) (time.Time, bool, error) {
	if m < 1 || m > 12 {
		return time.Time{}, true, inputErr("date", ErrUnreadable,
			"I couldn't read that date: there are only 12 months. I read dates day first, like 20/11/2026.")
	}
	if d < 1 || d > daysIn(y, m) {
		return time.Time{}, true, inputErr("date", ErrUnreadable,
			"There's no %d %s %d. Could you check the date?", d, m, y)
	}
	return time.Date(y, m, d, 0, 0, 0, 0, loc), true, nil
}

// yearlessAhead is how many days ahead a day written without a year may
// be, this year, and still be read as this year's (and so refused as a day
// to come) rather than last year's.
const yearlessAhead = 31

// yearless picks the year for a day and month written without one: in
// pastDate mode the most recent not after ref, unless this year's is at
// most yearlessAhead days ahead; in leaveDate mode the first
// not more than leaveLookBack days before ref; in afterDate mode the first on
// or after ref.
func yearless(d int, m time.Month, ref time.Time, mode dateMode) (time.Time, bool, error) {
	if m < 1 || m > 12 {
		return calendarDate(ref.Year(), m, d, ref.Location())
	}
	if d < 1 || d > daysIn(2024, m) { // 2024 is a leap year: the most days m ever has
		return time.Time{}, true, inputErr("date", ErrUnreadable,
			"There's no %d %s. Could you check the date?", d, m)
	}
	least := 0 // the earliest gap from ref, in days, that is accepted
	switch mode {
	case pastDate:
		// A day a few weeks ahead this year is a slip ("2/12" typed on 1
		// Dec), not the same day last year: it comes back as it is, for
		// the caller to refuse as in the future.
		if d <= daysIn(ref.Year(), m) {
			if t := time.Date(ref.Year(), m, d, 0, 0, 0, 0, ref.Location()); dayNumber(t) > dayNumber(ref) && dayNumber(t)-dayNumber(ref) <= yearlessAhead {
				return t, true, nil
			}
		}
		// Search backwards for the first not after ref.
		for y := ref.Year(); y >= ref.Year()-8; y-- {
			if d <= daysIn(y, m) {
				if t := time.Date(y, m, d, 0, 0, 0, 0, ref.Location()); dayNumber(t) <= dayNumber(ref) {
					return t, true, nil
				}
			}
		}
		return time.Time{}, true, inputErr("date", ErrUnreadable, "I couldn't find a %d %s to go with that.", d, m)
	case leaveDate:
		least = -leaveLookBack
	}
	for y := ref.Year() - 1; y <= ref.Year()+8; y++ {
		if d > daysIn(y, m) {
			continue // 29 Feb in a year that has none
		}
		if t := time.Date(y, m, d, 0, 0, 0, 0, ref.Location()); dayNumber(t)-dayNumber(ref) >= least {
			return t, true, nil
		}
	}
	return time.Time{}, true, inputErr("date", ErrUnreadable, "I couldn't find a %d %s to go with that.", d, m)
}

// ParseDate reads the day a session happened. today is any time on the
// person's today, in their zone; the result is midnight in that zone. It
// accepts today, yesterday, 2026-11-20, 20/11/2026, 20/11/26, 20-11-2026,
// 20/11, 20 Nov, 20th of November, Nov 20, 20 Nov 2026, the 20th, tuesday
// (today if it is Tuesday, else the most recent), last tuesday (the one
// before today), "3 days ago", "a week ago" and "2 months ago". A date
// without a year (or month) is the most recent one not in the future. Errors are *InputError holding
// ErrFutureDate, ErrTooEarly (before Start) or ErrUnreadable.
func ParseDate(s string, today time.Time) (time.Time, error) {
	t, err := readDate("date", s, today, pastDate)
	if err != nil {
		return time.Time{}, err
	}
	if dayNumber(t) > dayNumber(today) {
		return time.Time{}, inputErr("date", ErrFutureDate,
			"I can't log a session in the future: %s hasn't happened yet. Did you mean an earlier date?", t.Format(dayFormat))
	}
	return t, nil
}

// readDate is parseDay with the messages for unreadable and too early.
func readDate(field, s string, today time.Time, mode dateMode) (time.Time, error) {
	return readDateFrom(field, s, today, mode, today)
}

func readDateFrom(field, s string, today time.Time, mode dateMode, anchor time.Time) (time.Time, error) {
	if len(s) > maxInput {
		return time.Time{}, inputErr(field, ErrUnreadable, "That's too long for a date. Try something like 20/11/2026 or yesterday.")
	}
	t, ok, err := parseDayFrom(s, today, mode, anchor)
	if err != nil {
		var ie *InputError
		if !errors.As(err, &ie) {
			return time.Time{}, err
		}
		e := *ie
		e.Field = field
		return time.Time{}, &e
	}
	if !ok {
		return time.Time{}, inputErr(field, ErrUnreadable,
			"I couldn't read %q as a date. Try 20/11/2026, 20 Nov, yesterday or last tuesday.", typed(s))
	}
	if dayNumber(t) < dayNumber(Start) {
		return time.Time{}, inputErr(field, ErrTooEarly,
			"%s is before 1 July 2019, when primary care networks began, so I can't take it. Could you check the year?", t.Format(dayFormat))
	}
	return t, nil
}

// clip shortens what a person typed for quoting back to them.
