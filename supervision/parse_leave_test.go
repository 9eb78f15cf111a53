package supervision

import (
	"testing"
	"time"
)

func TestParseLeave(t *testing.T) {
	tests := []struct {
		name     string
		in       string
		from, to time.Time
	}{
		{"two dates", "20/12/2026 3/1/2027", day(2026, 12, 20), day(2027, 1, 3)},
		{"to", "20 Dec to 3 Jan", day(2026, 12, 20), day(2027, 1, 3)},
		{"from to", "from 20 Dec to 3 Jan", day(2026, 12, 20), day(2027, 1, 3)},
		{"dash", "20 Dec - 3 Jan", day(2026, 12, 20), day(2027, 1, 3)},
		{"en dash", "20 Dec – 3 Jan", day(2026, 12, 20), day(2027, 1, 3)},
		{"until", "1 Dec until 5 Dec", day(2026, 12, 1), day(2026, 12, 5)},
		{"side by side", "20 Dec 3 Jan", day(2026, 12, 20), day(2027, 1, 3)},
		{"iso", "2026-12-20 to 2027-01-03", day(2026, 12, 20), day(2027, 1, 3)},
		{"one day", "1 Dec", day(2026, 12, 1), day(2026, 12, 1)},
		{"weekdays ahead", "monday to friday", day(2026, 11, 30), day(2026, 12, 4)},
		{"today to friday", "today to friday", day(2026, 11, 25), day(2026, 11, 27)},
		{"recent past with its year", "from 2 Nov 2026 to 6 Nov 2026", day(2026, 11, 2), day(2026, 11, 6)},
		{"recent past without a year is just taken", "from 2 Nov to 6 Nov", day(2026, 11, 2), day(2026, 11, 6)},
		{"going on", "from 20 Nov to 27 Nov", day(2026, 11, 20), day(2026, 11, 27)},
		{"going on, the end's year alone", "20 Nov to 3 Dec 2026", day(2026, 11, 20), day(2026, 12, 3)},
		{"past, the end's year alone", "2 Nov to 6 Nov 2026", day(2026, 11, 2), day(2026, 11, 6)},
		{"yesterday", "yesterday", day(2026, 11, 24), day(2026, 11, 24)},
		{"long ago this year means next year", "1 Jul to 5 Jul", day(2027, 7, 1), day(2027, 7, 5)},
		{"for weeks", "20 Dec for 2 weeks", day(2026, 12, 20), day(2027, 1, 2)},
		{"for days", "tomorrow for 3 days", day(2026, 11, 26), day(2026, 11, 28)},
		{"a full year", "1/1/2027 to 1/1/2028", day(2027, 1, 1), day(2028, 1, 1)},
		{"ordinals", "the 1st to the 3rd", day(2026, 12, 1), day(2026, 12, 3)},
		{"a long planned leave", "1 Dec to 30 Apr", day(2026, 12, 1), day(2027, 4, 30)},
		{"next week", "next monday to next friday", day(2026, 11, 30), day(2026, 12, 4)},
		// As people write leave in a message.
		{"days of one month", "7-11 Dec", day(2026, 12, 7), day(2026, 12, 11)},
		{"ordinal days of one month", "14th - 18th December", day(2026, 12, 14), day(2026, 12, 18)},
		{"days of one month and a year", "28 to 30 Dec 2026", day(2026, 12, 28), day(2026, 12, 30)},
		{"until, from today", "until 4 Dec", day(2026, 11, 25), day(2026, 12, 4)},
		{"a length, from today", "2 weeks", day(2026, 11, 25), day(2026, 12, 8)},
		{"a fortnight, from today", "a fortnight", day(2026, 11, 25), day(2026, 12, 8)},
		{"next week alone", "next week", day(2026, 11, 30), day(2026, 12, 6)},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseLeave(tt.in, wednesday)
			if err != nil || !got.From.Equal(tt.from) || !got.To.Equal(tt.to) || got.ID == "" {
				t.Errorf("ParseLeave(%q) = %+v, %v, want %v to %v", tt.in, got, err, tt.from, tt.to)
			}
		})
	}
}

func TestParseLeaveRefuses(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		field string
		want  error
	}{
		{"backwards", "5/12/2026 to 1/12/2026", "to", ErrUnreadable},
		{"backwards without years", "1 Dec to 1 Nov", "to", ErrUnreadable},
		{"over a year", "1/1/2027 to 2/1/2028", "to", ErrTooLong},
		{"too early", "1/6/2019 to 10/7/2019", "from", ErrTooEarly},
		{"empty", "", "from", ErrUnreadable},
		{"nonsense", "soon", "from", ErrUnreadable},
		{"bad end", "1 Dec to banana", "to", ErrUnreadable},
		{"no such day", "31/11/2026 to 2/12/2026", "from", ErrUnreadable},
		{"zero weeks", "1 Dec for 0 weeks", "to", ErrUnreadable},
		{"many weeks", "1 Dec for 60 weeks", "to", ErrTooLong},
		{"NHS number", "9434765919", "leave", ErrNHSNumber},
		{"years ahead", "31/12/9999", "from", ErrUnreadable},
		{"a slip of the year", "1/12/2062 to 5/12/2062", "from", ErrUnreadable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseLeave(tt.in, wednesday)
			if err == nil {
				t.Fatalf("ParseLeave(%q) = %+v, nil, want %v", tt.in, got, tt.want)
			}
			checkInputError(t, "ParseLeave("+tt.in+")", err, tt.field, tt.want)
		})
	}
}

func TestParseLeaveEndNeedsAWeekday(t *testing.T) {
	if got, err := ParseLeave("monday to foo friday", wednesday); err == nil {
		t.Errorf("ParseLeave(monday to foo friday) = %+v, nil, want an error", got)
	}
}
