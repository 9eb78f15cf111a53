package supervision

import (
	"sync"
	"time"
)

// BankHoliday reports whether the calendar date of t (read in t's own
// location) is a bank holiday in England and Wales, where the PCNs peerbot
// serves are. It knows the holidays that follow fixed rules: New Year's
// Day, Good Friday, Easter Monday, the early May, spring and summer bank
// holidays, Christmas Day and Boxing Day, with the weekday that stands in
// when one falls at a weekend. It cannot know a one-off holiday proclaimed
// for a single year (a jubilee or a coronation), nor a year when a rule day
// was moved (the early May holiday in 2020).
func BankHoliday(t time.Time) bool { return bankHoliday(dayNumber(t)) }

// bankHoliday reports whether day, a day number, is a bank holiday.
func bankHoliday(day int) bool {
	y := time.Unix(int64(day)*86400, 0).UTC().Year()
	for _, h := range holidaysOf(y) {
		if h == day {
			return true
		}
	}
	return false
}

// holidayYears keeps each year's holidays once worked out: a handful of
// ints a year, asked for on every reminder planned.
var holidayYears sync.Map // int year → []int day numbers

// holidaysOf returns year y's bank holidays in England and Wales as day
// numbers.
func holidaysOf(y int) []int {
	if v, ok := holidayYears.Load(y); ok {
		return v.([]int)
	}
	d := func(m time.Month, day int) int { return dayNumber(time.Date(y, m, day, 0, 0, 0, 0, time.UTC)) }
	// A holiday that falls at a weekend is given on the next weekday that is
	// not already one; the day itself is still a holiday.
	var days []int
	substitute := func(day int) {
		weekend := func(day int) bool { return weekdayOf(day) == time.Saturday || weekdayOf(day) == time.Sunday }
		if !weekend(day) {
			days = append(days, day)
			return
		}
		days = append(days, day)
		for weekend(day) || contains(days, day) {
			day++
		}
		days = append(days, day)
	}
	substitute(d(time.January, 1))
	easter := easterSunday(y)
	days = append(days, easter-2, easter+1)
	days = append(days, firstMonday(d(time.May, 1)), lastMonday(d(time.May, 31)), lastMonday(d(time.August, 31)))
	substitute(d(time.December, 25))
	substitute(d(time.December, 26))
	v, _ := holidayYears.LoadOrStore(y, days)
	return v.([]int)
}

func contains(days []int, day int) bool {
	for _, d := range days {
		if d == day {
			return true
		}
	}
	return false
}

// firstMonday is the first Monday on or after day.
func firstMonday(day int) int {
	for weekdayOf(day) != time.Monday {
		day++
	}
	return day
}

// lastMonday is the last Monday on or before day.
func lastMonday(day int) int {
	for weekdayOf(day) != time.Monday {
		day--
	}
	return day
}

// easterSunday is the day number of Easter Sunday in year y of the
// Gregorian calendar, by the anonymous Gregorian algorithm (Meeus, Jones,
// Butcher).
func easterSunday(y int) int {
	a, b, c := y%19, y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return dayNumber(time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC))
}
