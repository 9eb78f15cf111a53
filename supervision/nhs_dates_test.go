package supervision

import (
	"errors"
	"strconv"
	"testing"
	"time"
)

// The guard once joined digit groups from separate words, so two ISO dates,
// or a date and a length, could add up to ten digits with a valid check
// digit. These are real inputs it refused.
func TestContainsNHSNumberIgnoresDatesAndLengths(t *testing.T) {
	for _, in := range []string{
		"leave 2026-12-20 2026-12-27",
		"2026-12-20 2026-12-27",
		"leave 2026-12-01 2026-12-12", // the help's own example
		"2026-12-01 to 2026-12-12",
		"log 2026-11-20 45",
		"2026-11-20 45",
		"2026-11-20 clinical 45",
	} {
		if ContainsNHSNumber(in) {
			t.Errorf("ContainsNHSNumber(%q) = true, want false: dates and lengths are not an NHS number", in)
		}
	}
}

func TestParseLeaveAndLogTakeISODates(t *testing.T) {
	for _, in := range []string{"2026-12-20 2026-12-27", "2026-12-01 2026-12-12"} {
		if _, err := ParseLeave(in, wednesday); err != nil {
			t.Errorf("ParseLeave(%q) error = %v, want nil", in, err)
		}
	}
	if _, err := ParseLog("2026-11-20 45", wednesday); errors.Is(err, ErrNHSNumber) || err != nil {
		t.Errorf("ParseLog(%q) error = %v, want nil", "2026-11-20 45", err)
	}
}

// dateFormats are the ways the walk writes a date: ISO, as the leave form's
// date pickers send it; day first, as people in the UK type it; and a day
// and month, as people say it.
var dateFormats = []string{"2006-01-02", "02/01/2006", "2 Jan"}

// walkDays calls f with every day of 2026 and 2027.
func walkDays(f func(d time.Time)) {
	for d := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC); d.Year() < 2028; d = d.AddDate(0, 0, 1) {
		f(d)
	}
}

// TestContainsNHSNumberWalksDates is the proof that dates and lengths are
// never taken for an NHS number: every day of two years, in every format,
// as leave of 1 to 30 days and as a log with 1 to 480 minutes.
func TestContainsNHSNumberWalksDates(t *testing.T) {
	var b []byte
	refused := 0
	check := func() {
		if ContainsNHSNumber(string(b)) {
			if refused++; refused <= 10 {
				t.Errorf("ContainsNHSNumber(%q) = true, want false", b)
			}
		}
	}
	walkDays(func(d time.Time) {
		for _, layout := range dateFormats {
			from := d.Format(layout)
			for n := 1; n <= 30; n++ {
				b = append(append(append(b[:0], from...), ' '), d.AddDate(0, 0, n-1).Format(layout)...)
				check()
			}
			for m := 1; m <= MaxMinutes; m++ {
				b = strconv.AppendInt(append(append(b[:0], from...), ' '), int64(m), 10)
				check()
				b = strconv.AppendInt(append(append(b[:0], from...), " clinical "...), int64(m), 10)
				check()
			}
		}
	})
	if refused > 0 {
		t.Errorf("%d dates and lengths refused as NHS numbers", refused)
	}
}

// TestParseLeaveAndLogWalkDates takes the walk through the parsers
// themselves, as the leave form and a typed log reach them, so no other
// check refuses a date as an NHS number either.
func TestParseLeaveAndLogWalkDates(t *testing.T) {
	today := time.Date(2027, 12, 31, 12, 0, 0, 0, london)
	walkDays(func(d time.Time) {
		for _, layout := range dateFormats {
			from := d.Format(layout)
			for _, n := range []int{1, 7, 14, 30} {
				in := from + " " + d.AddDate(0, 0, n-1).Format(layout)
				if _, err := ParseLeave(in, today); errors.Is(err, ErrNHSNumber) {
					t.Errorf("ParseLeave(%q) error = %v, want no NHS number", in, err)
				}
			}
			for _, m := range []int{1, 45, 60, 90, 480} {
				in := from + " " + strconv.Itoa(m)
				if _, err := ParseLog(in, today); errors.Is(err, ErrNHSNumber) {
					t.Errorf("ParseLog(%q) error = %v, want no NHS number", in, err)
				}
			}
		}
	})
}
