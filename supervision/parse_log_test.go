package supervision

import (
	"errors"
	"strings"
	"testing"

	"github.com/peerbot/peerbot/internal/text"
)

func TestParseLog(t *testing.T) {
	today := day(2026, 11, 25)
	tests := []struct {
		name string
		in   string
		want LogArgs
	}{
		{"nothing", "", LogArgs{Date: today, Type: Clinical}},
		{"brief's example", "yesterday clinical with <@U123|sam> 1h",
			LogArgs{Date: day(2026, 11, 24), Type: Clinical, WithID: "U123", Minutes: 60, TypeGiven: true, DateGiven: true}},
		{"uk date group", "20/11/2026 group 90 mins",
			LogArgs{Date: day(2026, 11, 20), Type: Group, Minutes: 90, TypeGiven: true, DateGiven: true}},
		{"length before date", "peer 45m last tuesday",
			LogArgs{Date: day(2026, 11, 24), Type: Peer, Minutes: 45, TypeGiven: true, DateGiven: true}},
		{"console mention", "with @U12345 today",
			LogArgs{Date: today, Type: Clinical, WithID: "U12345", DateGiven: true}},
		{"plain mention", "<@U0ABC123>",
			LogArgs{Date: today, Type: Clinical, WithID: "U0ABC123"}},
		{"mention with spaces in the name", "with <@U123|Sam Smith> group",
			LogArgs{Date: today, Type: Group, WithID: "U123", TypeGiven: true}},
		{"filler words", "a clinical supervision session on 20 Nov for 60 minutes",
			LogArgs{Date: day(2026, 11, 20), Type: Clinical, Minutes: 60, TypeGiven: true, DateGiven: true}},
		{"two-word type", "line management 20 Nov",
			LogArgs{Date: day(2026, 11, 20), Type: LineManagement, TypeGiven: true, DateGiven: true}},
		{"hyphenated type", "line-management 30m",
			LogArgs{Date: today, Type: LineManagement, Minutes: 30, TypeGiven: true}},
		{"three-word type", "health coaching supervision 2 hours",
			LogArgs{Date: today, Type: CoachingSup, Minutes: 120, TypeGiven: true}},
		{"date with year amid words", "coaching 20 Nov 2026 1h",
			LogArgs{Date: day(2026, 11, 20), Type: CoachingSup, Minutes: 60, TypeGiven: true, DateGiven: true}},
		{"two-digit number after a date that no year can be is minutes", "20 Nov 45",
			LogArgs{Date: day(2026, 11, 20), Type: Clinical, Minutes: 45, DateGiven: true}},
		{"two-digit number after a date with a unit is minutes", "20 Nov 26 mins",
			LogArgs{Date: day(2026, 11, 20), Type: Clinical, Minutes: 26, DateGiven: true}},
		{"spaced length", "1 h 30 group",
			LogArgs{Date: today, Type: Group, Minutes: 90, TypeGiven: true}},
		{"days ago", "3 days ago peer 60",
			LogArgs{Date: day(2026, 11, 22), Type: Peer, Minutes: 60, TypeGiven: true, DateGiven: true}},
		{"a week ago", "group a week ago",
			LogArgs{Date: day(2026, 11, 18), Type: Group, TypeGiven: true, DateGiven: true}},
		{"an hour", "clinical an hour yesterday",
			LogArgs{Date: day(2026, 11, 24), Type: Clinical, Minutes: 60, TypeGiven: true, DateGiven: true}},
		{"commas", "yesterday, group, 1h",
			LogArgs{Date: day(2026, 11, 24), Type: Group, Minutes: 60, TypeGiven: true, DateGiven: true}},
		{"case", "YESTERDAY Clinical 1H",
			LogArgs{Date: day(2026, 11, 24), Type: Clinical, Minutes: 60, TypeGiven: true, DateGiven: true}},
		{"1:1 is clinical, not a length", "1:1 60",
			LogArgs{Date: today, Type: Clinical, Minutes: 60, TypeGiven: true}},
		{"day of the month", "on the 20th group",
			LogArgs{Date: day(2026, 11, 20), Type: Group, TypeGiven: true, DateGiven: true}},
		{"same thing twice", "group group",
			LogArgs{Date: today, Type: Group, TypeGiven: true}},
		{"with before type", "with @U9Z group supervision",
			LogArgs{Date: today, Type: Group, WithID: "U9Z", TypeGiven: true}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseLog(tt.in, wednesday)
			if err != nil || !sameLog(got, tt.want) {
				t.Errorf("ParseLog(%q) = %+v, %v, want %+v", tt.in, got, err, tt.want)
			}
		})
	}
}

func sameLog(a, b LogArgs) bool {
	return a.Date.Equal(b.Date) && a.Type == b.Type && a.WithID == b.WithID && a.Minutes == b.Minutes &&
		a.TypeGiven == b.TypeGiven && a.DateGiven == b.DateGiven
}

func TestParseLogRefuses(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		field string
		want  error
	}{
		{"unknown word", "clinical with @U123 banana", "log", ErrUnreadable},
		{"future", "tomorrow clinical", "date", ErrFutureDate},
		{"future date", "30/11/2026", "date", ErrFutureDate},
		{"too early", "1/1/2019 group", "date", ErrTooEarly},
		{"too long", "clinical 9h", "minutes", ErrTooLong},
		{"zero minutes", "clinical 0 mins", "minutes", ErrUnreadable},
		{"two types", "clinical peer", "type", ErrUnreadable},
		{"two dates", "yesterday 20 Nov", "date", ErrUnreadable},
		{"two lengths", "60 90", "minutes", ErrUnreadable},
		{"two-digit number after a date that may be its year", "20 Nov 26", "date", ErrUnreadable},
		{"two people", "with @U1A with @U2B", "with", ErrUnreadable},
		{"with nobody", "clinical with", "with", ErrUnreadable},
		{"with a name", "with sam", "with", ErrUnreadable},
		{"not an id", "@sam", "with", ErrUnreadable},
		{"channel", "<#C123|general>", "with", ErrUnreadable},
		{"no such day", "31/11/2026", "date", ErrUnreadable},
		{"NHS number", "clinical 943 476 5919", "log", ErrNHSNumber},
		{"NHS number checked first", "tomorrow 9434765919 banana", "log", ErrNHSNumber},
		{"NHS number dashed", "943-476-5919 yesterday", "log", ErrNHSNumber},
		{"too much", strings.Repeat("clinical ", 100), "log", ErrUnreadable},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseLog(tt.in, wednesday)
			if err == nil {
				t.Fatalf("ParseLog(%q) = %+v, nil, want %v", tt.in, got, tt.want)
			}
			checkInputError(t, "ParseLog("+tt.in+")", err, tt.field, tt.want)
		})
	}
}

func TestParseLogNamesTheWord(t *testing.T) {
	_, err := ParseLog("clinical banana 1h", wednesday)
	var ie *InputError
	if !errors.As(err, &ie) || !strings.Contains(ie.Message, `"banana"`) {
		t.Errorf(`ParseLog("clinical banana 1h") = %v, want a message naming "banana"`, err)
	}
}

func FuzzParseLog(f *testing.F) {
	for _, s := range []string{
		"", "yesterday clinical with <@U123|sam> 1h", "20/11/2026 group 90 mins", "yestrday clincal 60",
		"peer 45m last tuesday", "with @U12345 today", "a week ago", "3 days ago 1 h 30",
		"943 476 5919", "<@", "<@U1|", "with", "1:1 1:30", "29 Feb", "in 99999999999 days",
		"line management one-to-one 20th of November 2026", "\u00a0today\u00a0", "\xff\xfe",
	} {
		f.Add(s)
	}
	today := wednesday
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseLog(s, today)
		if err != nil {
			var ie *InputError
			if !errors.As(err, &ie) || ie.Message == "" {
				t.Fatalf("ParseLog(%q) error = %v (%T), want *InputError with a message", s, err, err)
			}
			return
		}
		if dayNumber(got.Date) > dayNumber(today) || dayNumber(got.Date) < dayNumber(Start) {
			t.Errorf("ParseLog(%q).Date = %v, want between Start and today", s, got.Date)
		}
		if got.Minutes < 0 || got.Minutes > MaxMinutes {
			t.Errorf("ParseLog(%q).Minutes = %d, want 0 to %d", s, got.Minutes, MaxMinutes)
		}
		if !got.Type.Valid() {
			t.Errorf("ParseLog(%q).Type = %q, want a known type", s, got.Type)
		}
		if got.WithID != "" && !validUserID(got.WithID) {
			t.Errorf("ParseLog(%q).WithID = %q, want a user id", s, got.WithID)
		}
		if ContainsNHSNumber(s) {
			t.Errorf("ParseLog(%q) took text holding an NHS number", s)
		}
		for _, c := range got.Corrections {
			low := strings.ToLower(c.Typed)
			limit := 2
			if len(low) <= 4 {
				limit = 1
			}
			if logKnown[low] || text.Distance(low, c.Read) > limit || !strings.Contains(s, c.Typed) {
				t.Errorf("ParseLog(%q) corrected %v, want only unknown words typed within %d edits", s, c, limit)
			}
		}
	})
}

// BenchmarkParseLog reads a typical log, one with typos to correct, and the
// longest log it takes: every word a number, tried as a date, a length and a
// type of up to maxSpan words.
func BenchmarkParseLog(b *testing.B) {
	for _, bm := range []struct{ name, in string }{
		{"typical", "yesterday clinical with <@U123|sam> 1h"},
		{"typos", "yestrday clincal with <@U123|sam> 60 minuts"},
		{"longest", strings.Repeat("1 ", maxLogWords)},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				ParseLog(bm.in, wednesday)
			}
		})
	}
}

// TestParseLogAsksHoursOrMinutes: a length typed with no unit that is more
// likely hours ("2", "1.5") is asked about, not logged as two minutes; a
// number of minutes a session could last ("45") is minutes.
func TestParseLogAsksHoursOrMinutes(t *testing.T) {
	for in, want := range map[string]string{
		"yesterday 2":   "Was that 2 hours or 2 minutes?",
		"yesterday 1.5": "Was that 1.5 hours or 1.5 minutes?",
		"1 clinical":    "Was that 1 hour or 1 minute?",
	} {
		_, err := ParseLog(in, wednesday)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("ParseLog(%q) error = %v, want %q", in, err, want)
		}
	}
	for in, want := range map[string]int{"yesterday 45": 45, "yesterday 10": 10, "2h": 120, "1.5 hours": 90, "3 days ago": 0} {
		got, err := ParseLog(in, wednesday)
		if err != nil || got.Minutes != want {
			t.Errorf("ParseLog(%q) = %d minutes, %v; want %d", in, got.Minutes, err, want)
		}
	}
}

func TestParseLogRefusesTooManyWords(t *testing.T) {
	in := strings.Repeat("1 ", maxLogWords+1)
	_, err := ParseLog(in, wednesday)
	checkInputError(t, "ParseLog(many words)", err, "log", ErrUnreadable)
	if _, err := ParseLog(strings.Repeat("60 ", maxLogWords), wednesday); err != nil {
		t.Errorf("ParseLog(%d words) error = %v, want nil", maxLogWords, err)
	}
}

func TestLogMention(t *testing.T) {
	for args, want := range map[string]string{
		"for @U01SAM tomorrow clinical 60":         "U01SAM",
		"yesterday with <@U01SAM|sam> 1h":          "U01SAM",
		"@U01SAM with @U01SAM":                     "U01SAM",
		"yesterday clinical 60":                    "",
		"with @U01SAM and @U02GP":                  "",
		"with @sam (a name is no user id)":         "",
		strings.Repeat("x", maxInput) + " @U01SAM": "",
	} {
		if got := LogMention(args); got != want {
			t.Errorf("LogMention(%.40q) = %q, want %q", args, got, want)
		}
	}
}
