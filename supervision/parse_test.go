package supervision

import (
	"errors"
	"strings"
	"testing"
	"time"
)

// london is the zone most people in these tests live in.
var london = mustZone("Europe/London")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// day returns midnight in London on the date.
func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, london) }

// wednesday is the fixed "today" of most tests: Wednesday 25 November 2026,
// mid-afternoon in London.
var wednesday = time.Date(2026, time.November, 25, 15, 4, 5, 0, london)

// checkInputError fails unless err is an *InputError with a message, for
// field, holding want (nil for no sentinel).
func checkInputError(t testing.TB, call string, err error, field string, want error) {
	t.Helper()
	var ie *InputError
	if !errors.As(err, &ie) {
		t.Fatalf("%s error = %v (%T), want *InputError", call, err, err)
	}
	if ie.Message == "" || !strings.HasSuffix(ie.Message, ".") && !strings.HasSuffix(ie.Message, "?") && !strings.Contains(ie.Message, ": ") {
		t.Errorf("%s message = %q, want a full sentence", call, ie.Message)
	}
	if field != "" && ie.Field != field {
		t.Errorf("%s field = %q, want %q", call, ie.Field, field)
	}
	if want != nil && !errors.Is(err, want) {
		t.Errorf("%s error = %v, want errors.Is %v", call, err, want)
	}
	if err.Error() != ie.Message {
		t.Errorf("%s Error() = %q, want the message %q", call, err.Error(), ie.Message)
	}
}

func TestParseSessionType(t *testing.T) {
	tests := []struct {
		in   string
		want SessionType
		ok   bool
	}{
		{"clinical", Clinical, true},
		{"Clinical Supervision", Clinical, true},
		{"professional", Clinical, true},
		{"1:1", Clinical, true},
		{"group", Group, true},
		{"GROUP supervision", Group, true},
		{"peer", Peer, true},
		{"action learning set", Peer, true},
		{"coaching", CoachingSup, true},
		{"coaching supervision", CoachingSup, true},
		{"health coaching", CoachingSup, true},
		{"line-management", LineManagement, true},
		{"line management", LineManagement, true},
		{"LM", LineManagement, true},
		{"line manager", LineManagement, true},
		{"1-2-1", LineManagement, true},
		{"one-to-one", LineManagement, true},
		{"", "", false},
		{"mentoring", "", false},
		{"121", "", false}, // reads as 121 minutes in a log
		{"supervision", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseSessionType(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseSessionType(%q) = %q, %v, want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	for _, st := range SessionTypes {
		if got, ok := ParseSessionType(string(st)); !ok || got != st {
			t.Errorf("ParseSessionType(%q) = %q, %v, want itself", st, got, ok)
		}
		if !st.Valid() {
			t.Errorf("%q.Valid() = false", st)
		}
	}
	if SessionType("x").Valid() {
		t.Error(`SessionType("x").Valid() = true`)
	}
}

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
		{"uk no year last year", "30/11", wednesday, day(2025, 11, 30)},
		{"day month", "20 Nov", wednesday, day(2026, 11, 20)},
		{"day full month", "20 November", wednesday, day(2026, 11, 20)},
		{"month day", "Nov 20", wednesday, day(2026, 11, 20)},
		{"day month year", "20 Nov 2026", wednesday, day(2026, 11, 20)},
		{"month day comma year", "November 20, 2026", wednesday, day(2026, 11, 20)},
		{"ordinal", "20th Nov", wednesday, day(2026, 11, 20)},
		{"ordinal of", "1st of October", wednesday, day(2026, 10, 1)},
		{"weekday and date", "Friday 20 Nov", wednesday, day(2026, 11, 20)},
		{"on", "on 20 Nov", wednesday, day(2026, 11, 20)},
		{"no year means the most recent", "26 Nov", wednesday, day(2025, 11, 26)},
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
		{"two-digit number after a date is minutes", "20 Nov 26",
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
		{"recent past", "from 2 Nov to 6 Nov", day(2026, 11, 2), day(2026, 11, 6)},
		{"long ago this year means next year", "1 Jul to 5 Jul", day(2027, 7, 1), day(2027, 7, 5)},
		{"for weeks", "20 Dec for 2 weeks", day(2026, 12, 20), day(2027, 1, 2)},
		{"for days", "tomorrow for 3 days", day(2026, 11, 26), day(2026, 11, 28)},
		{"a full year", "1/1/2027 to 1/1/2028", day(2027, 1, 1), day(2028, 1, 1)},
		{"ordinals", "the 1st to the 3rd", day(2026, 12, 1), day(2026, 12, 3)},
		{"a long planned leave", "1 Dec to 30 Apr", day(2026, 12, 1), day(2027, 4, 30)},
		{"next week", "next monday to next friday", day(2026, 11, 30), day(2026, 12, 4)},
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

func TestNewID(t *testing.T) {
	seen := map[string]bool{}
	for range 1000 {
		id := NewID()
		if len(id) != 10 || strings.Trim(id, "abcdefghijklmnopqrstuvwxyz234567") != "" {
			t.Fatalf("NewID() = %q, want 10 characters from a-z and 2-7", id)
		}
		if seen[id] {
			t.Fatalf("NewID() = %q twice in 1000", id)
		}
		seen[id] = true
	}
}

func FuzzParseLog(f *testing.F) {
	for _, s := range []string{
		"", "yesterday clinical with <@U123|sam> 1h", "20/11/2026 group 90 mins",
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
	})
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

func TestParseLeaveEndNeedsAWeekday(t *testing.T) {
	if got, err := ParseLeave("monday to foo friday", wednesday); err == nil {
		t.Errorf("ParseLeave(monday to foo friday) = %+v, nil, want an error", got)
	}
}

func TestUserID(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"U01SAM", "U01SAM", true},
		{" @U01SAM ", "U01SAM", true},
		{"<@U01SAM>", "U01SAM", true},
		{"<@W01SAM|sam>", "W01SAM", true},
		{"UCONSOLE", "UCONSOLE", true},
		{"sam", "", false},
		{"@sam", "", false},
		{"<!channel>", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := UserID(tt.in)
		if ok != tt.ok || (ok && got != tt.want) {
			t.Errorf("UserID(%q) = %q, %v; want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}
