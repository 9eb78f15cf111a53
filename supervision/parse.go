package supervision

import (
	"errors"
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"
)

// MaxMinutes is the longest single session peerbot accepts: 8 hours.
const MaxMinutes = 8 * 60

// Start is the earliest date peerbot accepts, 1 July 2019, the day primary
// care networks went live. Compare it by calendar date: its location is UTC.
var Start = time.Date(2019, time.July, 1, 0, 0, 0, 0, time.UTC)

// Sentinel errors found inside an *InputError (use errors.Is).
var (
	ErrFutureDate = errors.New("date is in the future")
	ErrTooLong    = errors.New("too long")
	ErrTooEarly   = errors.New("date is before primary care networks began")
	ErrUnreadable = errors.New("cannot read the input")
)

// InputError is a mistake in what a person typed. Message is a full, kind
// sentence to show them as it is; Field names the part that was wrong
// ("date", "type", "minutes", "with", "log", "from", "to", or a setup key);
// Err is one of the sentinels above, or ErrNHSNumber, or nil.
type InputError struct {
	Field   string
	Message string
	Err     error
}

// Error returns the message for the person: it is safe to show.
func (e *InputError) Error() string { return e.Message }

// Unwrap returns the sentinel, so errors.Is(err, ErrFutureDate) works.
func (e *InputError) Unwrap() error { return e.Err }

func inputErr(field string, sentinel error, format string, a ...any) *InputError {
	return &InputError{Field: field, Message: fmt.Sprintf(format, a...), Err: sentinel}
}

const nhsMessage = "That looks like it holds an NHS number, so I haven't saved anything. Please leave out any patient details: dates, types, lengths and names of colleagues are all I need."

func nhsErr(field string) *InputError {
	return &InputError{Field: field, Message: nhsMessage, Err: ErrNHSNumber}
}

// maxInput bounds what the parsers read, so a pasted essay gets a kind
// answer rather than a slow one.
const maxInput = 500

// dayFormat is how dates appear in messages: "25 Nov 2026".
const dayFormat = "2 Jan 2006"

// sessionTypeWords maps everything people call a session type, normalised by
// normalise, to the type.
var sessionTypeWords = map[string]SessionType{
	"clinical":                      Clinical,
	"clinical supervision":          Clinical,
	"clinical sup":                  Clinical,
	"professional":                  Clinical,
	"professional supervision":      Clinical,
	"1:1":                           Clinical, // "1:1 supervision"
	"1:1 supervision":               Clinical,
	"individual":                    Clinical,
	"individual supervision":        Clinical,
	"group":                         Group,
	"group supervision":             Group,
	"group clinical":                Group,
	"group clinical supervision":    Group,
	"clinical group":                Group,
	"peer":                          Peer,
	"peer supervision":              Peer,
	"peer group":                    Peer,
	"peer group supervision":        Peer,
	"action learning":               Peer,
	"action learning set":           Peer,
	"als":                           Peer,
	"coaching":                      CoachingSup,
	"coaching supervision":          CoachingSup,
	"health coaching":               CoachingSup,
	"health coaching supervision":   CoachingSup,
	"group coaching":                CoachingSup,
	"group coaching supervision":    CoachingSup,
	"line management":               LineManagement,
	"line managment":                LineManagement,
	"line manager":                  LineManagement,
	"line management 1 2 1":         LineManagement,
	"lm":                            LineManagement,
	"1 2 1":                         LineManagement, // "1-2-1"
	"one to one":                    LineManagement, // "a line management one-to-one"
	"line management one to one":    LineManagement,
	"line management supervision":   LineManagement,
	"management":                    LineManagement,
	"managerial supervision":        LineManagement,
	"managerial":                    LineManagement,
	"line management meeting":       LineManagement,
	"supervision with line manager": LineManagement,
}

// ParseSessionType finds the session type a person means by s, in any case,
// with hyphens or spaces: "clinical", "clinical supervision", "professional"
// and "1:1" are clinical; "group"; "peer" or "action learning set"; "coaching",
// "coaching supervision" or "health coaching"; "line-management", "line
// manager", "LM", "1-2-1" or "one-to-one". It reports false when s names no
// type.
func ParseSessionType(s string) (SessionType, bool) {
	t, ok := sessionTypeWords[normalise(s)]
	return t, ok
}

// Valid reports whether t is one of SessionTypes.
func (t SessionType) Valid() bool {
	for _, u := range SessionTypes {
		if t == u {
			return true
		}
	}
	return false
}

// Name is the session type in plain words: "line management".
func (t SessionType) Name() string {
	if t == CoachingSup {
		return "coaching supervision"
	}
	return strings.ReplaceAll(string(t), "-", " ")
}

func typeList() string {
	names := make([]string, len(SessionTypes))
	for i, t := range SessionTypes {
		names[i] = string(t)
	}
	return strings.Join(names, ", ")
}

// ---- dates

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

var weekdayWords = map[string]time.Weekday{
	"mon": time.Monday, "monday": time.Monday,
	"tue": time.Tuesday, "tues": time.Tuesday, "tuesday": time.Tuesday,
	"wed": time.Wednesday, "weds": time.Wednesday, "wednesday": time.Wednesday,
	"thu": time.Thursday, "thur": time.Thursday, "thurs": time.Thursday, "thursday": time.Thursday,
	"fri": time.Friday, "friday": time.Friday,
	"sat": time.Saturday, "saturday": time.Saturday,
	"sun": time.Sunday, "sunday": time.Sunday,
}

var countWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
	"six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
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
	today = midnight(today)
	anchor = midnight(anchor)
	loc := today.Location()
	s = strings.ToLower(strings.TrimSpace(s))
	s = strings.TrimRight(s, ".,;")
	s = strings.ReplaceAll(s, ",", " ")
	w := strings.Fields(s)
	if len(w) > 1 && w[0] == "on" {
		w = w[1:]
	}
	if len(w) == 0 || len(w) > 5 {
		return time.Time{}, false, nil
	}
	s = strings.Join(w, " ")
	switch s {
	case "today", "this morning", "this afternoon", "this evening", "earlier today":
		return today, true, nil
	case "yesterday", "yesterday morning", "yesterday afternoon":
		return today.AddDate(0, 0, -1), true, nil
	case "day before yesterday", "the day before yesterday":
		return today.AddDate(0, 0, -2), true, nil
	case "tomorrow":
		return today.AddDate(0, 0, 1), true, nil
	case "day after tomorrow", "the day after tomorrow":
		return today.AddDate(0, 0, 2), true, nil
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
	if wd, ok := weekdayWords[w[len(w)-1]]; ok && len(w) <= 2 {
		back := (int(today.Weekday()) - int(wd) + 7) % 7 // days since the last one, 0 today
		ahead := (int(wd) - int(today.Weekday()) + 7) % 7
		if mode == afterDate && (len(w) == 1 || w[0] == "this" || w[0] == "next") {
			// The end of leave: the first such day on or after its start.
			ahead = (int(wd) - int(anchor.Weekday()) + 7) % 7
			if ahead == 0 && w[0] == "next" {
				ahead = 7
			}
			return anchor.AddDate(0, 0, ahead), true, nil
		}
		switch {
		case len(w) == 1 && mode == pastDate:
			return today.AddDate(0, 0, -back), true, nil
		case len(w) == 1:
			return today.AddDate(0, 0, ahead), true, nil
		case w[0] == "last":
			if back == 0 {
				back = 7
			}
			return today.AddDate(0, 0, -back), true, nil
		case w[0] == "this":
			if mode == pastDate {
				return today.AddDate(0, 0, -back), true, nil
			}
			return today.AddDate(0, 0, ahead), true, nil
		case w[0] == "next":
			if ahead == 0 {
				ahead = 7
			}
			return today.AddDate(0, 0, ahead), true, nil
		}
		return time.Time{}, false, nil
	}
	// "3 days ago", "a week ago", "in 2 weeks"
	var n int
	var unit string
	switch {
	case len(w) == 3 && w[2] == "ago":
		n, unit = count(w[0]), w[1]
	case len(w) == 3 && w[0] == "in":
		n, unit = count(w[1]), w[2]
		n = -n
	default:
		return time.Time{}, false, nil
	}
	if n == 0 {
		return time.Time{}, false, nil
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
		return time.Time{}, false, nil
	}
	// Bound the arithmetic: ten years is further back than Start anyway.
	if days > 4000 || days < -4000 || months > 130 || months < -130 {
		if n > 0 {
			return Start.AddDate(0, 0, -1).In(loc), true, nil
		}
		return today.AddDate(10, 0, 0), true, nil
	}
	if months != 0 {
		return addMonths(today, -months), true, nil
	}
	return today.AddDate(0, 0, -days), true, nil
}

// count reads "3", "three" or "a"; 0 when it is none of them.
func count(s string) int {
	if n, ok := countWords[s]; ok {
		return n
	}
	if len(s) > 6 {
		return 1 << 20 // more than any bound; saves Atoi overflow
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return 0
	}
	return n
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
		if _, ok := weekdayWords[w[0]]; ok && len(w) > 1 {
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

// yearless picks the year for a day and month written without one: in
// pastDate mode the most recent not after ref; in leaveDate mode the first
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
		e := err.(*InputError)
		e.Field = field
		return time.Time{}, e
	}
	if !ok {
		return time.Time{}, inputErr(field, ErrUnreadable,
			"I couldn't read %q as a date. Try 20/11/2026, 20 Nov, yesterday or last tuesday.", clip(s))
	}
	if dayNumber(t) < dayNumber(Start) {
		return time.Time{}, inputErr(field, ErrTooEarly,
			"%s is before 1 July 2019, when primary care networks began, so I can't take it. Could you check the year?", t.Format(dayFormat))
	}
	return t, nil
}

// clip shortens what a person typed for quoting back to them.
func clip(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}

// ---- minutes

// ParseMinutes reads how long a session lasted: 60, 60m, 60min, 60 mins, 60
// minutes, 1h, 1 hr, 1 hour, 1h30, 1h 30m, 1 hour and 30 minutes, 1.5h,
// 1:30, an hour, half an hour. A bare number is minutes. Errors are
// *InputError holding ErrTooLong (over MaxMinutes) or ErrUnreadable (not a
// length, or zero).
func ParseMinutes(s string) (int, error) {
	n, ok := minutes(s)
	switch {
	case !ok:
		return 0, inputErr("minutes", ErrUnreadable,
			"I couldn't read %q as a length of time. Try 60, 45m, 1h or 1h30.", clip(s))
	case n > MaxMinutes:
		return 0, inputErr("minutes", ErrTooLong,
			"That's longer than 8 hours, the most one session can be. Could you check how long it was?")
	case n <= 0:
		return 0, inputErr("minutes", ErrUnreadable,
			"A session needs to last at least a minute. How long was it?")
	}
	return n, nil
}

var phraseMinutes = map[string]int{
	"an hour": 60, "one hour": 60, "a hour": 60,
	"half an hour": 30, "half hour": 30, "a half hour": 30,
	"an hour and a half": 90, "hour and a half": 90, "one and a half hours": 90,
	"an hour and half": 90, "one hour and a half": 90,
	"two hours": 120,
}

// minutes reads s as a length; ok is false when it is not one. Over-long
// lengths come back larger than MaxMinutes, not as an overflow.
func minutes(s string) (int, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) > 60 {
		return 0, false
	}
	if n, ok := phraseMinutes[strings.Join(strings.Fields(s), " ")]; ok {
		return n, true
	}
	// Lex into numbers and words: "1h30m" is 1 h 30 m.
	type token struct {
		num  string
		word string
	}
	var toks []token
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ':
			i++
		case isDigit(c) || c == '.':
			j := i
			for j < len(s) && (isDigit(s[j]) || s[j] == '.') {
				j++
			}
			toks = append(toks, token{num: s[i:j]})
			i = j
		case c == ':':
			toks = append(toks, token{word: ":"})
			i++
		case 'a' <= c && c <= 'z':
			j := i
			for j < len(s) && 'a' <= s[j] && s[j] <= 'z' {
				j++
			}
			if w := s[i:j]; w != "and" {
				toks = append(toks, token{word: w})
			}
			i = j
		default:
			return 0, false
		}
	}
	num := func(t token, decimals bool) (float64, bool) {
		if t.num == "" || (!decimals && strings.Contains(t.num, ".")) {
			return 0, false
		}
		if strings.Count(t.num, ".") > 1 || t.num == "." {
			return 0, false
		}
		f, err := strconv.ParseFloat(t.num, 64)
		if err != nil || math.IsInf(f, 0) {
			return 0, false
		}
		return f, true
	}
	isHours := func(w string) bool {
		switch w {
		case "h", "hr", "hrs", "hour", "hours":
			return true
		}
		return false
	}
	isMins := func(w string) bool {
		switch w {
		case "m", "min", "mins", "minute", "minutes":
			return true
		}
		return false
	}
	clamp := func(f float64) int {
		if f > 10*MaxMinutes {
			return 10 * MaxMinutes
		}
		return int(math.Round(f))
	}
	switch {
	case len(toks) == 1: // "60"
		f, ok := num(toks[0], false)
		return clamp(f), ok
	case len(toks) == 3 && toks[1].word == ":": // "1:30"
		h, ok1 := num(toks[0], false)
		if !ok1 || len(toks[2].num) != 2 {
			return 0, false
		}
		m, ok2 := num(toks[2], false)
		if !ok2 || m >= 60 {
			return 0, false
		}
		return clamp(h*60 + m), true
	case len(toks) == 2 && isMins(toks[1].word): // "60 mins"
		f, ok := num(toks[0], false)
		return clamp(f), ok
	case len(toks) >= 2 && len(toks) <= 4 && isHours(toks[1].word): // "1.5h", "1h30", "1h 30m"
		h, ok := num(toks[0], true)
		if !ok {
			return 0, false
		}
		total := h * 60
		if len(toks) == 2 {
			return clamp(total), true
		}
		if len(toks) == 4 && !isMins(toks[3].word) {
			return 0, false
		}
		if strings.Contains(toks[0].num, ".") {
			return 0, false // "1.5h 30m"
		}
		m, ok := num(toks[2], false)
		if !ok || m >= 60 {
			return 0, false
		}
		return clamp(total + m), true
	}
	return 0, false
}

// ---- mentions

// mentionID reads a Slack mention as Slack sends it, <@U123> or <@U123|sam>,
// or as typed in the console, @U123, and returns the user id.
func mentionID(s string) (string, bool) {
	switch {
	case strings.HasPrefix(s, "<@") && strings.HasSuffix(s, ">"):
		s = s[2 : len(s)-1]
		if i := strings.IndexByte(s, '|'); i >= 0 {
			s = s[:i]
		}
	case strings.HasPrefix(s, "@"):
		s = s[1:]
	default:
		return "", false
	}
	return s, validUserID(s)
}

// UserID reads a user id however Slack or a person writes one: "U123",
// "@U123", "<@U123>" or "<@U123|sam>". It reports false for anything that
// is not a user id.
func UserID(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if id, ok := mentionID(s); ok || strings.HasPrefix(s, "@") || strings.HasPrefix(s, "<@") {
		return id, ok
	}
	return s, validUserID(s)
}

// validUserID reports whether s looks like a Slack user id: U or W, then
// at least two capital letters or digits. Slack's ids almost always hold a
// digit, but nothing promises it (the console speaks as UCONSOLE).
func validUserID(s string) bool {
	if len(s) < 3 || len(s) > 24 || (s[0] != 'U' && s[0] != 'W') {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !isDigit(c) && (c < 'A' || c > 'Z') {
			return false
		}
	}
	return true
}

// ---- log

// LogArgs is what "/supervision log" was given. TypeGiven and DateGiven say
// whether the person typed them or the defaults apply.
type LogArgs struct {
	Date      time.Time // midnight in the person's zone
	Type      SessionType
	WithID    string // Slack user id; "" when nobody was named
	Minutes   int    // 0 when not given
	TypeGiven bool
	DateGiven bool
}

// logFiller are words people put round a log that carry nothing.
var logFiller = map[string]bool{
	"session": true, "sessions": true, "supervision": true, "meeting": true,
	"for": true, "on": true, "a": true, "an": true, "of": true, "the": true,
	"at": true, "and": true, "my": true, "i": true, "had": true, "have": true,
	"was": true, "did": true, "it": true, "log": true, "-": true, "–": true,
	"&": true, "+": true, "lasting": true, "long": true, "took": true,
}

// maxSpan is the most words one date, length or type can take: "1 hour and
// 30 minutes", "the day before yesterday".
const maxSpan = 5

// ParseLog reads the arguments of "/supervision log [date] [type] [with
// @user] [minutes]", in any order: "yesterday clinical with <@U123|sam> 1h",
// "20/11/2026 group 90 mins", "peer 45m last tuesday". Defaults: today,
// clinical, nobody, 0 minutes. Filler words ("session", "for", "on"...) are
// skipped; any other word it cannot place is an *InputError naming it. Text
// holding an NHS number is refused first, with ErrNHSNumber, before anything
// else is read. Dates follow ParseDate and lengths ParseMinutes.
func ParseLog(args string, today time.Time) (LogArgs, error) {
	if ContainsNHSNumber(args) {
		return LogArgs{}, nhsErr("log")
	}
	out := LogArgs{Date: midnight(today), Type: Clinical}
	if len(args) > maxInput {
		return LogArgs{}, inputErr("log", ErrUnreadable,
			"That's more than I can read for one session. Try something like: yesterday clinical with @sam 60 mins")
	}
	toks := tokens(args)
	minutesGiven := false
	for i := 0; i < len(toks); {
		tok := toks[i]
		low := strings.ToLower(tok)
		if low == "with" || low == "w/" || low == "by" {
			if i+1 == len(toks) {
				return LogArgs{}, inputErr("with", ErrUnreadable,
					"Who was the session with? Mention them after \"with\", like with @sam.")
			}
			if _, ok := mentionID(toks[i+1]); !ok {
				return LogArgs{}, inputErr("with", ErrUnreadable,
					"I couldn't tell who %q is. Mention them with @ and pick their name from the list, like with @sam.", clip(toks[i+1]))
			}
			i++
			continue
		}
		if strings.HasPrefix(tok, "<") || strings.HasPrefix(tok, "@") {
			id, ok := mentionID(tok)
			if !ok {
				return LogArgs{}, inputErr("with", ErrUnreadable,
					"I couldn't tell who %q is. Mention them with @ and pick their name from the list, like with @sam.", clip(tok))
			}
			if out.WithID != "" && out.WithID != id {
				return LogArgs{}, inputErr("with", ErrUnreadable,
					"I can log a session with one person at a time. Please log it once for each person.")
			}
			out.WithID = id
			i++
			continue
		}
		// The longest run of words that reads as a date, length or type.
		end := i
		for end < len(toks) && end-i < maxSpan && !isMentionish(toks[end]) {
			end++
		}
		n, err := logSpan(&out, &minutesGiven, toks[i:end], today)
		if err != nil {
			return LogArgs{}, err
		}
		if n == 0 {
			if logFiller[low] {
				i++
				continue
			}
			return LogArgs{}, inputErr("log", ErrUnreadable,
				"I didn't understand %q. Try something like: yesterday clinical with @sam 60 mins. Session types are %s.", clip(tok), typeList())
		}
		i += n
	}
	return out, nil
}

func isMentionish(tok string) bool {
	low := strings.ToLower(tok)
	return strings.HasPrefix(tok, "<") || strings.HasPrefix(tok, "@") || low == "with" || low == "w/" || low == "by"
}

// logSpan places the longest leading run of words in toks as a date, a
// length or a type, and returns how many words it took (0 for none).
func logSpan(out *LogArgs, minutesGiven *bool, toks []string, today time.Time) (int, error) {
	for n := len(toks); n >= 1; n-- {
		phrase := strings.Join(toks[:n], " ")
		if n > 1 && logFiller[strings.ToLower(toks[0])] && !startsPhrase(toks[0]) {
			continue // "on 20 Nov" is read from "20"; "a week ago" keeps its "a"
		}
		if _, ok, _ := parseDay(phrase, today, pastDate); ok {
			t, err := ParseDate(phrase, today)
			if err != nil {
				return 0, err
			}
			if out.DateGiven && !t.Equal(out.Date) {
				return 0, inputErr("date", ErrUnreadable,
					"I found two dates, %s and %s. Which day was the session?", out.Date.Format(dayFormat), t.Format(dayFormat))
			}
			out.Date, out.DateGiven = t, true
			return n, nil
		}
		if _, ok := minutes(phrase); ok {
			m, err := ParseMinutes(phrase)
			if err != nil {
				return 0, err
			}
			if *minutesGiven && m != out.Minutes {
				return 0, inputErr("minutes", ErrUnreadable,
					"I found two lengths, %d and %d minutes. How long was the session?", out.Minutes, m)
			}
			out.Minutes, *minutesGiven = m, true
			return n, nil
		}
		if t, ok := ParseSessionType(phrase); ok {
			if out.TypeGiven && t != out.Type {
				return 0, inputErr("type", ErrUnreadable,
					"I found two session types, %s and %s. Which was it? If you had both, please log them one at a time.", out.Type, t)
			}
			out.Type, out.TypeGiven = t, true
			return n, nil
		}
	}
	return 0, nil
}

// startsPhrase reports whether a filler word can begin a date or length:
// "a week ago", "an hour", "the day before yesterday".
func startsPhrase(w string) bool {
	switch strings.ToLower(w) {
	case "a", "an", "the", "on":
		return true
	}
	return false
}

// tokens splits s on white space, keeping a Slack mention <@U1|Sam Smith>
// whole and dropping trailing commas and full stops.
func tokens(s string) []string {
	s = strings.ReplaceAll(s, "\u00a0", " ")
	var out []string
	for {
		s = strings.TrimLeft(s, " \t\r\n")
		if s == "" {
			return out
		}
		j := strings.IndexAny(s, " \t\r\n")
		if s[0] == '<' {
			if k := strings.IndexByte(s, '>'); k > 0 {
				j = k + 1
			}
		}
		if j < 0 {
			j = len(s)
		}
		tok := s[:j]
		s = s[j:]
		if t := strings.TrimRight(tok, ",;"); t != "" {
			tok = t
		}
		if len(tok) > 1 && tok[len(tok)-1] == '.' {
			tok = tok[:len(tok)-1]
		}
		out = append(out, tok)
	}
}

// ---- leave

// MaxLeaveDays is the longest single stretch of leave: a year, leap day
// included.
const MaxLeaveDays = 366

// leaveSplit finds the word between the two dates of a stretch of leave.
var leaveSplit = regexp.MustCompile(`(?i)\s+(?:to|until|till|til|through|thru|-|–|—)\s+`)

// leaveFor finds "for 2 weeks" after the first date.
var leaveFor = regexp.MustCompile(`(?i)^(.+?)\s+for\s+(\S+)\s+(days?|weeks?|fortnights?)$`)

// ParseLeave reads a stretch of leave: "20/12/2026 3/1/2027", "20 Dec to 3
// Jan", "from monday to friday", "20 Dec - 3 Jan", "20 Dec for 2 weeks", or
// one day. Dates read as in ParseDate, but the future is allowed: a date
// without a year is the next one, or one in the last three months; a bare
// weekday is the next one (today included); the end is read as on or after
// the start. The leave must end on or after it starts, last at most
// MaxLeaveDays and not start before Start. Text holding an NHS number is
// refused first with ErrNHSNumber. The Leave comes back with a new ID.
func ParseLeave(args string, today time.Time) (Leave, error) {
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
	s = strings.TrimSpace(s)
	if s == "" {
		return Leave{}, inputErr("from", ErrUnreadable, "When is your leave? Try something like: 20 Dec to 3 Jan")
	}
	today = midnight(today)
	var fromText, toText string
	days := 0
	if m := leaveFor.FindStringSubmatch(s); m != nil {
		n := count(strings.ToLower(m[2]))
		switch strings.TrimSuffix(strings.ToLower(m[3]), "s") {
		case "week":
			n *= 7
		case "fortnight":
			n *= 14
		}
		if n <= 0 {
			return Leave{}, inputErr("to", ErrUnreadable, "I couldn't read how long your leave is. Try: 20 Dec for 2 weeks")
		}
		fromText, days = m[1], min(n, 10*MaxLeaveDays)
	} else if loc := leaveSplit.FindStringIndex(s); loc != nil {
		fromText, toText = s[:loc[0]], s[loc[1]:]
	} else if _, ok, _ := parseDay(s, today, leaveDate); ok {
		fromText = s
	} else {
		// Two dates side by side: "20 Dec 3 Jan".
		w := strings.Fields(s)
		for k := 1; k < len(w); k++ {
			a, b := strings.Join(w[:k], " "), strings.Join(w[k:], " ")
			if _, ok, _ := parseDay(a, today, leaveDate); !ok {
				continue
			}
			if _, ok, _ := parseDay(b, today, leaveDate); ok {
				fromText, toText = a, b
				break
			}
		}
		if fromText == "" {
			return Leave{}, inputErr("from", ErrUnreadable,
				"I couldn't read %q as dates of leave. Try something like: 20 Dec to 3 Jan, or 20/12/2026 to 03/01/2027.", clip(s))
		}
	}
	from, err := readDate("from", fromText, today, leaveDate)
	if err != nil {
		return Leave{}, err
	}
	to := from
	switch {
	case days > 0:
		to = from.AddDate(0, 0, days-1)
	case toText != "":
		to, err = readDateFrom("to", toText, today, afterDate, from)
		if err != nil {
			return Leave{}, err
		}
		// An end without a year reads as on or after the start, so "20 Dec
		// to 3 Jan" crosses the new year. Rolling on by most of a year is
		// more likely a slip ("1 Dec to 1 Nov"): read it as written and say
		// that it ends before it starts.
		if dayNumber(to)-dayNumber(from) > 183 {
			if plain, _, err := parseDay(toText, today, leaveDate); err == nil && !plain.IsZero() && !plain.Equal(to) {
				to = plain
			}
		}
	}
	if dayNumber(to) < dayNumber(from) {
		return Leave{}, inputErr("to", ErrUnreadable,
			"Your leave would end (%s) before it starts (%s). Could you check the dates?", to.Format(dayFormat), from.Format(dayFormat))
	}
	if dayNumber(to)-dayNumber(from)+1 > MaxLeaveDays {
		return Leave{}, inputErr("to", ErrTooLong,
			"That's more than a year of leave (%s to %s). Please add it a year at a time.", from.Format(dayFormat), to.Format(dayFormat))
	}
	return Leave{ID: NewID(), From: from, To: to}, nil
}
