package handlers

import (
	"fmt"
	"strconv"
	"strings"
)

// scheduleAnchor fixes the fortnight (or longer gap) of a schedule said in
// words, "WEEKS=2 0 10 * * MON": the weeks it posts in are counted from
// the week it first falls in after now, so "every other Monday" starts on
// the coming Monday, "WEEKS=2@2026-12-07 0 10 * * MON". Any other spec
// comes back as it is.
func (h *ChannelSchedules) scheduleAnchor(spec string) (string, error) {
	tok, plain, _ := strings.Cut(spec, " ")
	if !strings.HasPrefix(tok, "WEEKS=") || strings.Contains(tok, "@") {
		return spec, nil
	}
	first, err := h.s.Upcoming(plain, h.now(), 1)
	if err != nil {
		return "", err
	}
	if len(first) == 0 {
		return spec, nil // never falls: refused with the spec as it is
	}
	return tok + "@" + first[0].Format("2006-01-02") + " " + plain, nil
}

// scheduleShown is when a schedule posts, for a reply: in words where the
// spec is one that words make ("every other Monday at 10:00"), with the
// spec itself beside them as code.
func scheduleShown(spec string) string {
	if words := scheduleInWords(spec); words != "" {
		return words + " (" + scheduleCode(spec) + ")"
	}
	return "on " + scheduleCode(spec)
}

var scheduleDayNames = map[string]string{
	"MON": "Monday", "TUE": "Tuesday", "WED": "Wednesday", "THU": "Thursday",
	"FRI": "Friday", "SAT": "Saturday", "SUN": "Sunday",
}

// scheduleInWords says a spec of the kind scheduleSpec makes in words:
// "every Tuesday and Thursday at 14:00", "every other Monday at 10:00",
// "on the 1st of every month at 09:30". It is "" for any other spec.
func scheduleInWords(spec string) string {
	f := strings.Fields(spec)
	weeks := 1
	if len(f) == 6 && strings.HasPrefix(f[0], "WEEKS=") {
		n, _, _ := strings.Cut(strings.TrimPrefix(f[0], "WEEKS="), "@")
		var err error
		if weeks, err = strconv.Atoi(n); err != nil || weeks < 1 {
			return ""
		}
		f = f[1:]
	}
	if len(f) != 5 || f[3] != "*" {
		return ""
	}
	minute, err1 := strconv.Atoi(f[0])
	hour, err2 := strconv.Atoi(f[1])
	if err1 != nil || err2 != nil || minute < 0 || minute > 59 || hour < 0 || hour > 23 {
		return ""
	}
	at := fmt.Sprintf(" at %02d:%02d", hour, minute)
	dom, dow := f[2], f[4]
	switch {
	case dom != "*" && dow == "*" && weeks == 1:
		n, err := strconv.Atoi(dom)
		if err != nil {
			return ""
		}
		return "on the " + ordinal(n) + " of every month" + at
	case dom != "*":
		return ""
	case dow == "*" && weeks == 1:
		return "every day" + at
	case dow == "MON-FRI" && weeks == 1:
		return "every weekday" + at
	}
	var names []string
	for _, d := range strings.Split(dow, ",") {
		name, ok := scheduleDayNames[d]
		if !ok {
			return ""
		}
		names = append(names, name)
	}
	days := strings.Join(names, ", ")
	if k := strings.LastIndex(days, ", "); k >= 0 {
		days = days[:k] + " and " + days[k+2:]
	}
	switch {
	case weeks == 1:
		return "every " + days + at
	case weeks == 2 && len(names) == 1:
		return "every other " + days + at
	case weeks == 2:
		return "every other week on " + days + at
	}
	return fmt.Sprintf("every %d weeks on %s%s", weeks, days, at)
}

// ordinal is 1st, 2nd, 3rd, 4th, 11th, 21st.
func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}
