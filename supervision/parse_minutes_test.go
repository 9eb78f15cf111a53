package supervision

import (
	"testing"
)

func TestParseMinutes(t *testing.T) {
	tests := []struct {
		in   string
		want int
	}{
		{"60", 60},
		{"60m", 60},
		{"60min", 60},
		{"60 mins", 60},
		{"60 minutes", 60},
		{"1 minute", 1},
		{"1h", 60},
		{"1 hr", 60},
		{"1 hour", 60},
		{"2 hours", 120},
		{"1h30", 90},
		{"1h30m", 90},
		{"1h 30m", 90},
		{"1 h 30", 90},
		{"1 hour and 30 minutes", 90},
		{"1.5h", 90},
		{"1.5 hours", 90},
		{"0.75h", 45},
		{"1:30", 90},
		{"0:45", 45},
		{"90 mins", 90},
		{"an hour", 60},
		{"half an hour", 30},
		{"an hour and a half", 90},
		{"8h", 480},
		{"  45M ", 45},
	}
	for _, tt := range tests {
		got, err := ParseMinutes(tt.in)
		if err != nil || got != tt.want {
			t.Errorf("ParseMinutes(%q) = %d, %v, want %d", tt.in, got, err, tt.want)
		}
	}
}

func TestParseMinutesRefuses(t *testing.T) {
	tests := []struct {
		in   string
		want error
	}{
		{"481", ErrTooLong},
		{"9h", ErrTooLong},
		{"8h 1m", ErrTooLong},
		{"99999999999999999999999h", ErrTooLong},
		{"0", ErrUnreadable},
		{"0h", ErrUnreadable},
		{"-5", ErrUnreadable},
		{"", ErrUnreadable},
		{"ten", ErrUnreadable},
		{"1.5", ErrUnreadable},
		{"60 days", ErrUnreadable},
		{"1:3", ErrUnreadable},
		{"1:60", ErrUnreadable},
		{"1h 60m", ErrUnreadable},
		{"1.5h 30m", ErrUnreadable},
		{"1..5h", ErrUnreadable},
		{"60 20", ErrUnreadable},
		{"1e3", ErrUnreadable},
		{"30m 1h", ErrUnreadable},
	}
	for _, tt := range tests {
		got, err := ParseMinutes(tt.in)
		if err == nil {
			t.Errorf("ParseMinutes(%q) = %d, nil, want %v", tt.in, got, tt.want)
			continue
		}
		checkInputError(t, "ParseMinutes("+tt.in+")", err, "minutes", tt.want)
	}
}

func FuzzParseMinutes(f *testing.F) {
	for _, s := range []string{"60", "1h30", "1.5h", "1:30", "90 mins", "an hour", "8h 1m", "1..5h"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseMinutes(s)
		if err == nil && (got <= 0 || got > MaxMinutes) {
			t.Errorf("ParseMinutes(%q) = %d, nil, want 1 to %d", s, got, MaxMinutes)
		}
	})
}
