package handlers

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/peerbot/peerbot/supervision"
)

// scheduleWordStarts are the first words of a schedule written in words.
var scheduleWordStarts = []string{"every", "each", "daily", "weekdays", "weekly", "fortnightly", "monthly", "on"}

// scheduleWords reads a schedule written in words, up to the channel:
// "every Monday at 10:00", "every weekday 9am", "daily at 09:30", "every
// Tue and Thu at 2pm", "on the 1st of every month at 9:30", "every other
// Monday at 10:00", "fortnightly on Mondays at 10am", "every 3 weeks on
// Wednesday at 9am". It returns the cron spec (read in the bot's own zone),
// led by WEEKS=<n> when it falls every n'th week only (scheduleAnchor adds
// the week it counts from), and the args from the channel
// on. matched is false when args do not start with such words; problem,
// when set, says kindly what could not be read.
func scheduleWords(args string) (spec, rest string, matched bool, problem string) {
	fields := strings.Fields(args)
	if len(fields) == 0 || !scheduleStartsInWords(fields[0]) {
		return "", args, false, ""
	}
	// The words end at the channel; the channel and the text after it are
	// kept as typed, spaces included.
	end, at := len(fields), len(args)
	pos := 0
	for i, f := range fields {
		pos += strings.Index(args[pos:], f)
		if scheduleChannel(f) != "" || strings.HasPrefix(f, "#") || strings.HasPrefix(f, "<#") {
			end, at = i, pos
			break
		}
		pos += len(f)
	}
	phrase := strings.Join(fields[:end], " ")
	rest = args[at:]
	spec, problem = scheduleSpec(phrase)
	return spec, rest, true, problem
}

func scheduleStartsInWords(first string) bool {
	first = strings.ToLower(first)
	for _, w := range scheduleWordStarts {
		if first == w {
			return true
		}
	}
	return false
}

// scheduleSpec turns the words of a schedule into a cron spec.
func scheduleSpec(phrase string) (spec, problem string) {
	words := strings.Fields(strings.NewReplacer(",", " ", "&", " and ").Replace(strings.ToLower(phrase)))
	hour, minute := -1, 0
	var days []string
	monthDay := ""
	everyDay, namedDay := false, false
	weeks := 1
	for i := 0; i < len(words); i++ {
		w := words[i]
		switch w {
		case "every", "each", "on", "at", "the", "of", "and", "in", "weekly", "week", "monthly", "month":
			continue
		case "other", "alternate", "fortnightly", "fortnight":
			weeks = 2
			continue
		case "day", "daily", "days":
			everyDay = true
			continue
		case "weekday", "weekdays", "workday", "workdays":
			days = append(days, "MON-FRI")
			continue
		}
		if n, ok := scheduleCount(w); ok && i+1 < len(words) && (words[i+1] == "weeks" || words[i+1] == "week") {
			weeks = n // "every 2 weeks"
			i++
			continue
		}
		if i+1 < len(words) && (words[i+1] == "am" || words[i+1] == "pm") {
			w += words[i+1] // "9 am"
			i++
		}
		if h, m, ok := scheduleClock(w); ok {
			hour, minute = h, m
			continue
		}
		if n, err := strconv.Atoi(w); err == nil && i > 0 && words[i-1] == "at" && n >= 0 && n <= 23 {
			hour, minute = n, 0 // "at 10": an hour
			continue
		}
		if d, ok := supervision.ParseWeekday(strings.TrimSuffix(w, "s")); ok {
			days = append(days, strings.ToUpper(d.String()[:3]))
			namedDay = true
			continue
		}
		if n, ok := scheduleOrdinal(w); ok {
			monthDay = strconv.Itoa(n)
			continue
		}
		return "", fmt.Sprintf("I couldn't read “%s” in “%s”", w, phrase)
	}
	switch {
	case weeks < 1 || weeks > scheduleMaxWeeks:
		return "", fmt.Sprintf("give a gap of 1 to %d weeks", scheduleMaxWeeks)
	case weeks > 1 && (!namedDay || everyDay || monthDay != "" || slices.Contains(days, "MON-FRI")):
		return "", "say which weekday it posts, like “every other Monday at 10:00”; a gap of weeks goes with named weekdays only"
	case hour < 0:
		return "", "say what time it posts, like “every Monday at 10:00”"
	case monthDay != "" && len(days) > 0:
		return "", "give a weekday or a day of the month, not both"
	case monthDay == "" && len(days) == 0 && !everyDay:
		return "", "say which days it posts, like “every Monday”, “every weekday” or “on the 1st of every month”"
	}
	dow := "*"
	if len(days) > 0 {
		dow = strings.Join(days, ",")
	}
	dom := "*"
	if monthDay != "" {
		dom = monthDay
	}
	spec = fmt.Sprintf("%d %d %s * %s", minute, hour, dom, dow)
	if weeks > 1 {
		spec = fmt.Sprintf("WEEKS=%d %s", weeks, spec)
	}
	return spec, ""
}

// scheduleMaxWeeks is the longest gap between the weeks a schedule posts
// in: a year, as the reminder engine takes.
const scheduleMaxWeeks = 52

// scheduleCount reads a count of weeks: "2", "two".
func scheduleCount(w string) (int, bool) {
	if n, err := strconv.Atoi(w); err == nil {
		return n, true
	}
	n := slices.Index([]string{"one", "two", "three", "four", "five", "six"}, w)
	return n + 1, n >= 0
}

// scheduleClock reads a time of day: "10:00", "9.30", "9am", "2:30pm",
// "noon"; a bare hour ("10") is read on the 24-hour clock.
func scheduleClock(w string) (hour, minute int, ok bool) {
	switch w {
	case "noon", "midday":
		return 12, 0, true
	}
	suffix := ""
	if s, found := strings.CutSuffix(w, "am"); found {
		w, suffix = s, "am"
	} else if s, found := strings.CutSuffix(w, "pm"); found {
		w, suffix = s, "pm"
	}
	hs, ms, hasMinutes := strings.Cut(strings.ReplaceAll(w, ".", ":"), ":")
	if !hasMinutes && suffix == "" {
		return 0, 0, false // a bare number is a day of the month, not a time
	}
	h, err1 := strconv.Atoi(hs)
	m := 0
	var err2 error
	if hasMinutes {
		if len(ms) != 2 {
			return 0, 0, false
		}
		m, err2 = strconv.Atoi(ms)
	}
	if err1 != nil || err2 != nil || m < 0 || m > 59 || h < 0 {
		return 0, 0, false
	}
	switch suffix {
	case "am", "pm":
		if h < 1 || h > 12 {
			return 0, 0, false
		}
		if h == 12 {
			h = 0
		}
		if suffix == "pm" {
			h += 12
		}
	default:
		if h > 23 {
			return 0, 0, false
		}
	}
	return h, m, true
}

// scheduleOrdinal reads a day of the month: "1st", "2nd", "15th", "31".
func scheduleOrdinal(w string) (int, bool) {
	for _, s := range []string{"st", "nd", "rd", "th"} {
		w = strings.TrimSuffix(w, s)
	}
	n, err := strconv.Atoi(w)
	if err != nil || n < 1 || n > 31 {
		return 0, false
	}
	return n, true
}
