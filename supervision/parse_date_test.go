package supervision

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	tuesday := time.Date(2026, time.November, 24, 8, 0, 0, 0, london)
	tests := []struct {
		name  string
		in    string
		today time.Time
		want  time.Time
	}{
		{"today", "today", wednesday, day(2026, 11, 25)},
		{"today any case", " Today ", wednesday, day(2026, 11, 25)},
		{"yesterday", "yesterday", wednesday, day(2026, 11, 24)},
		{"day before yesterday", "the day before yesterday", wednesday, day(2026, 11, 23)},
		{"iso", "2026-11-20", wednesday, day(2026, 11, 20)},
		{"iso slashes", "2026/11/20", wednesday, day(2026, 11, 20)},
		{"uk", "20/11/2026", wednesday, day(2026, 11, 20)},
		{"uk short year", "20/11/26", wednesday, day(2026, 11, 20)},
		{"uk dashes", "20-11-2026", wednesday, day(2026, 11, 20)},
		{"uk dots", "20.11.2026", wednesday, day(2026, 11, 20)},
		{"uk no leading zeros", "3/2/2025", wednesday, day(2025, 2, 3)},
		{"uk no year", "20/11", wednesday, day(2026, 11, 20)},
		{"uk no year last year", "31/12", wednesday, day(2025, 12, 31)},
		{"day month", "20 Nov", wednesday, day(2026, 11, 20)},
		{"day full month", "20 November", wednesday, day(2026, 11, 20)},
		{"month day", "Nov 20", wednesday, day(2026, 11, 20)},
		{"day month year", "20 Nov 2026", wednesday, day(2026, 11, 20)},
		{"month day comma year", "November 20, 2026", wednesday, day(2026, 11, 20)},
		{"ordinal", "20th Nov", wednesday, day(2026, 11, 20)},
		{"ordinal of", "1st of October", wednesday, day(2026, 10, 1)},
		{"weekday and date", "Friday 20 Nov", wednesday, day(2026, 11, 20)},
		{"on", "on 20 Nov", wednesday, day(2026, 11, 20)},
		{"no year means the most recent", "28 Dec", wednesday, day(2025, 12, 28)},
		{"no year today", "25 Nov", wednesday, day(2026, 11, 25)},
		{"29 Feb without a year", "29 Feb", wednesday, day(2024, 2, 29)},
		{"sept", "3 Sept", wednesday, day(2026, 9, 3)},
		{"weekday", "tuesday", wednesday, day(2026, 11, 24)},
		{"weekday short", "mon", wednesday, day(2026, 11, 23)},
		{"weekday is today", "wednesday", wednesday, day(2026, 11, 25)},
		{"weekday on that day", "tuesday", tuesday, day(2026, 11, 24)},
		{"last weekday", "last tuesday", wednesday, day(2026, 11, 24)},
		{"last weekday on that day", "last tuesday", tuesday, day(2026, 11, 17)},
		{"last weekday further", "last thursday", wednesday, day(2026, 11, 19)},
		{"days ago", "3 days ago", wednesday, day(2026, 11, 22)},
		{"a day ago", "a day ago", wednesday, day(2026, 11, 24)},
		{"a week ago", "a week ago", wednesday, day(2026, 11, 18)},
		{"two weeks ago", "two weeks ago", wednesday, day(2026, 11, 11)},
		{"a fortnight ago", "a fortnight ago", wednesday, day(2026, 11, 11)},
		{"a month ago", "a month ago", wednesday, day(2026, 10, 25)},
		{"first day", "1/7/2019", wednesday, day(2019, 7, 1)},
		{"trailing full stop", "yesterday.", wednesday, day(2026, 11, 24)},
		{"ordinal alone", "the 20th", wednesday, day(2026, 11, 20)},
		{"ordinal alone last month", "26th", wednesday, day(2026, 10, 26)},
		{"31st skips short months", "31st", day(2026, 12, 15), day(2026, 10, 31)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDate(tt.in, tt.today)
			if err != nil || !got.Equal(tt.want) || got.Location() != tt.today.Location() {
				t.Errorf("ParseDate(%q) = %v, %v, want %v", tt.in, got, err, tt.want)
			}
		})
	}
}

func TestParseDateRefuses(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want error
	}{
		{"tomorrow", "tomorrow", ErrFutureDate},
		{"future date", "26/11/2026", ErrFutureDate},
		// A day a few weeks ahead, without a year, is a slip, not last
		// year's: "30/11" typed on 25 Nov is not 30 Nov 2025.
		{"no year, days ahead", "30/11", ErrFutureDate},
		{"no year, tomorrow", "26 Nov", ErrFutureDate},
		{"no year, a month ahead", "25 Dec", ErrFutureDate},
		{"future year", "20 Nov 2027", ErrFutureDate},
		{"next weekday", "next monday", ErrFutureDate},
		{"in days", "in 3 days", ErrFutureDate},
		{"before PCNs", "30/6/2019", ErrTooEarly},
		{"long ago", "1 Jan 2001", ErrTooEarly},
		{"many days ago", "4000 days ago", ErrTooEarly},
		{"huge days ago", "99999999999999999999 days ago", ErrTooEarly},
		{"no such day", "31/11/2026", ErrUnreadable},
		{"no such day in words", "30 Feb", ErrUnreadable},
		{"29 Feb in a plain year", "29/2/2025", ErrUnreadable},
		{"month 13", "1/13/2026", ErrUnreadable},
		{"american", "11/20/2026", ErrUnreadable},
		{"empty", "", ErrUnreadable},
		{"words", "the other day", ErrUnreadable},
		{"bare number", "20", ErrUnreadable},
		{"last alone", "last", ErrUnreadable},
		{"three-digit year", "20/11/202", ErrUnreadable},
		{"decimal", "1.5", ErrUnreadable},
		{"too long", strings.Repeat("yesterday ", 100), ErrUnreadable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseDate(tt.in, wednesday)
			if err == nil {
				t.Fatalf("ParseDate(%q) = %v, nil, want %v", tt.in, got, tt.want)
			}
			checkInputError(t, "ParseDate("+tt.in+")", err, "date", tt.want)
		})
	}
}

func TestParseDateFutureMessage(t *testing.T) {
	_, err := ParseDate("tomorrow", wednesday)
	var ie *InputError
	if !errors.As(err, &ie) || !strings.Contains(ie.Message, "26 Nov 2026") {
		t.Errorf("ParseDate(tomorrow) = %v, want a message naming 26 Nov 2026", err)
	}
}

func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"today", "20/11/2026", "20 Nov", "last tuesday", "3 days ago", "29/2", "2026-02-31", "1st of may"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseDate(s, wednesday)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || ie.Message == "" {
				t.Fatalf("ParseDate(%q) error = %v, want *InputError", s, err)
			}
			return
		}
		if dayNumber(got) > dayNumber(wednesday) || dayNumber(got) < dayNumber(Start) || !got.Equal(midnight(got)) {
			t.Errorf("ParseDate(%q) = %v, want a midnight between Start and today", s, got)
		}
	})
}

func TestParseWeekday(t *testing.T) {
	tests := []struct {
		in   string
		want time.Weekday
		ok   bool
	}{
		{"monday", time.Monday, true},
		{"Tuesday", time.Tuesday, true},
		{"WEDNESDAY", time.Wednesday, true},
		{"thu", time.Thursday, true},
		{"fri", time.Friday, true},
		{"sat", time.Saturday, true},
		{"sun", time.Sunday, true},
		{"tues", time.Tuesday, true},
		{"Weds", time.Wednesday, true},
		{"thur", time.Thursday, true},
		{"thurs", time.Thursday, true},
		{"wedn", time.Wednesday, true},
		{"tue.", time.Tuesday, true},
		{" friday ", time.Friday, true},
		{"", 0, false},
		{"t", 0, false},
		{"tu", 0, false},
		{"th", 0, false},
		{"mondays", 0, false},
		{"monkey", 0, false},
		{"weekday", 0, false},
		{"today", 0, false},
		{"mar", 0, false},
	}
	for _, tt := range tests {
		got, ok := ParseWeekday(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseWeekday(%q) = %v, %v, want %v, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
