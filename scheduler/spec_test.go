package scheduler

import (
	"errors"
	"strings"
	"testing"
	"time"
)

func london(t testing.TB) *time.Location {
	t.Helper()
	l, err := LoadZone("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	return l
}

func TestParseSpecRefusesWhatCronCannotRead(t *testing.T) {
	for _, spec := range []string{"", "  ", "CRON_TZ=", "TZ=", "TZ= ", "CRON_TZ=Europe/London", "CRON_TZ=Mars/Olympus 0 10 * * MON",
		"61 * * * *", "0 10 * * FUNDAY", "every day", "0 0 30 2 *", "0 10 * * * *"} {
		if _, err := ParseSpec(spec, time.UTC); !errors.Is(err, ErrBadSpec) {
			t.Errorf("ParseSpec(%q) = %v, want ErrBadSpec", spec, err)
		}
	}
	for _, spec := range []string{"CRON_TZ=Europe/London 0 10 * * MON", "TZ=America/New_York */5 * * * *", "@weekly", "@every 1h", "0 9 1 * *"} {
		if _, err := ParseSpec(spec, time.UTC); err != nil {
			t.Errorf("ParseSpec(%q) = %v, want nil", spec, err)
		}
	}
}

func TestSpecZone(t *testing.T) {
	lon := london(t)
	s, err := ParseSpec("CRON_TZ=Europe/London 0 10 * * MON", time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	// Summer: 10:00 BST is 09:00 UTC. Winter: 10:00 GMT is 10:00 UTC.
	for _, tt := range []struct{ after, want time.Time }{
		{time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC), time.Date(2026, 7, 6, 9, 0, 0, 0, time.UTC)},
		{time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)},
	} {
		if got := s.Next(tt.after); !got.Equal(tt.want) {
			t.Errorf("Next(%v) = %v, want %v", tt.after, got.UTC(), tt.want)
		}
	}
	// Without CRON_TZ the item's zone applies.
	s2, _ := ParseSpec("0 10 * * MON", lon)
	if got, want := s2.Next(time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)), time.Date(2026, 7, 6, 9, 0, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("zone from the item: Next = %v, want %v", got.UTC(), want)
	}
}

// TestSpecDSTLondon checks Europe/London's changes in 2026: clocks go
// forward at 01:00 GMT on 29 March (01:00-02:00 does not exist) and back at
// 02:00 BST on 25 October (01:00-02:00 happens twice).
func TestSpecDSTLondon(t *testing.T) {
	lon := london(t)
	utc := func(mo time.Month, d, h, m int) time.Time { return time.Date(2026, mo, d, h, m, 0, 0, time.UTC) }
	tests := []struct {
		name  string
		spec  string
		after time.Time
		want  []time.Time // successive fires
	}{
		{"daily 01:30 in March fires at the change, 02:00 BST", "30 1 * * *", utc(3, 28, 2, 0),
			[]time.Time{utc(3, 29, 1, 0), utc(3, 30, 0, 30)}},
		{"daily 01:30 in October fires once, the first time (BST)", "30 1 * * *", utc(10, 24, 2, 0),
			[]time.Time{utc(10, 25, 0, 30), utc(10, 26, 1, 30)}},
		{"a time outside the change is untouched in March", "0 10 * * *", utc(3, 28, 11, 0),
			[]time.Time{utc(3, 29, 9, 0), utc(3, 30, 9, 0)}},
		{"hourly over October's repeated hour fires each wall hour once", "0 * * * *", utc(10, 24, 23, 30),
			[]time.Time{utc(10, 25, 0, 0), utc(10, 25, 2, 0), utc(10, 25, 3, 0)}},
		{"hourly over March's gap", "0 * * * *", utc(3, 29, 0, 30),
			[]time.Time{utc(3, 29, 1, 0), utc(3, 29, 2, 0)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := ParseSpec(tt.spec, lon)
			if err != nil {
				t.Fatal(err)
			}
			at := tt.after
			for i, want := range tt.want {
				got := s.Next(at)
				if !got.Equal(want) {
					t.Fatalf("fire %d: Next(%v) = %v, want %v", i+1, at.UTC(), got.UTC(), want)
				}
				at = got
			}
		})
	}
}

// TestSpecInSecondPassOfRepeatedHour starts inside the repeated hour,
// after 01:30 BST has already happened: 01:30 GMT must not fire again.
func TestSpecInSecondPassOfRepeatedHour(t *testing.T) {
	s, _ := ParseSpec("30 1 * * *", london(t))
	after := time.Date(2026, 10, 25, 1, 10, 0, 0, time.UTC) // 01:10 GMT
	if got, want := s.Next(after), time.Date(2026, 10, 26, 1, 30, 0, 0, time.UTC); !got.Equal(want) {
		t.Errorf("Next(%v) = %v, want %v", after, got.UTC(), want)
	}
}

func TestUpcoming(t *testing.T) {
	from := time.Date(2026, 10, 20, 12, 0, 0, 0, time.UTC) // a Tuesday; clocks go back on Sunday 25th
	got, err := Upcoming("CRON_TZ=Europe/London 0 10 * * MON", nil, from, 3)
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"Mon 26 Oct 10:00 GMT", "Mon 2 Nov 10:00 GMT", "Mon 9 Nov 10:00 GMT"}
	for i, w := range want {
		if i >= len(got) || got[i].Format("Mon 2 Jan 15:04 MST") != w {
			t.Fatalf("Upcoming = %v, want %v", got, want)
		}
	}
}

func TestBadSpecSaysWhyAndGivesAnExample(t *testing.T) {
	for _, spec := range []string{"CRON_TZ=", "0 10 * * FUNDAY", ""} {
		_, err := ParseSpec(spec, time.UTC)
		if err == nil || !strings.Contains(err.Error(), "0 10 * * MON") {
			t.Errorf("ParseSpec(%q) = %v, want a reason with an example", spec, err)
		}
	}
}

// TestSpecEveryOtherWeek: WEEKS=2@<date> falls in every other week from
// that date's week, through the clocks changing and the new year, and is
// refused when it cannot be read.
func TestSpecEveryOtherWeek(t *testing.T) {
	lon := london(t)
	s, err := ParseSpec("WEEKS=2@2026-12-07 0 10 * * MON,THU", lon)
	if err != nil {
		t.Fatal(err)
	}
	at := time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC)
	var got []string
	for range 6 {
		at = s.Next(at)
		got = append(got, at.In(lon).Format("Mon 2 Jan 2006 15:04"))
	}
	want := "Mon 7 Dec 2026 10:00|Thu 10 Dec 2026 10:00|Mon 21 Dec 2026 10:00|Thu 24 Dec 2026 10:00|Mon 4 Jan 2027 10:00|Thu 7 Jan 2027 10:00"
	if strings.Join(got, "|") != want {
		t.Errorf("every other week: %s, want %s", strings.Join(got, "|"), want)
	}
	// The week of 22 March 2027 is skipped; the clocks go forward on 28
	// March, so 10:00 BST on Monday 29 March is 09:00 UTC.
	spring := s.Next(time.Date(2027, 3, 20, 0, 0, 0, 0, time.UTC))
	if want := time.Date(2027, 3, 29, 9, 0, 0, 0, time.UTC); !spring.Equal(want) {
		t.Errorf("Next over the spring change = %v, want %v", spring.UTC(), want)
	}
	if after := s.Next(spring); !after.Equal(time.Date(2027, 4, 1, 9, 0, 0, 0, time.UTC)) {
		t.Errorf("Next after the spring change = %v, want Thu 1 Apr 2027 09:00 UTC", after.UTC())
	}
	if s.Weeks() != 2 {
		t.Errorf("Weeks() = %d, want 2", s.Weeks())
	}
	for _, bad := range []string{"WEEKS=2 0 10 * * MON", "WEEKS=0@2026-12-07 0 10 * * MON", "WEEKS=99@2026-12-07 0 10 * * MON",
		"WEEKS=2@7 Dec 0 10 * * MON", "WEEKS=2@2026-12-07", "WEEKS=2@2026-12-07 @weekly"} {
		if _, err := ParseSpec(bad, lon); !errors.Is(err, ErrBadSpec) {
			t.Errorf("ParseSpec(%q) = %v, want ErrBadSpec", bad, err)
		}
	}
	if s, err := ParseSpec("CRON_TZ=Europe/London WEEKS=3@2026-12-09 0 9 * * WED", time.UTC); err != nil || s.Weeks() != 3 {
		t.Errorf("a zone then WEEKS=: %v, %v", s, err)
	}
}

// TestSpecZoneAndWeeksInEitherOrder: the zone is written first, then
// WEEKS=; WEEKS= then the zone means the very same, in winter and summer,
// and is never left to robfig/cron's parser, which reads a zone its own
// way. A second zone is refused.
func TestSpecZoneAndWeeksInEitherOrder(t *testing.T) {
	right, err := ParseSpec("CRON_TZ=America/New_York WEEKS=2@2026-12-07 0 10 * * MON", time.UTC)
	if err != nil {
		t.Fatal(err)
	}
	for _, spec := range []string{"WEEKS=2@2026-12-07 CRON_TZ=America/New_York 0 10 * * MON", "WEEKS=2@2026-12-07 TZ=America/New_York 0 10 * * MON"} {
		s, err := ParseSpec(spec, time.UTC)
		if err != nil {
			t.Errorf("ParseSpec(%q) = %v, want it read as the zone first", spec, err)
			continue
		}
		if s.Location().String() != "America/New_York" || s.Weeks() != 2 {
			t.Errorf("ParseSpec(%q): zone %s, every %d weeks; want America/New_York, every 2", spec, s.Location(), s.Weeks())
		}
		for _, from := range []time.Time{time.Date(2026, 12, 6, 12, 0, 0, 0, time.UTC), time.Date(2027, 6, 1, 12, 0, 0, 0, time.UTC)} {
			at, want := from, from
			for range 4 {
				at, want = s.Next(at), right.Next(want)
				if !at.Equal(want) {
					t.Errorf("ParseSpec(%q).Next = %v, want %v as the zone first gives", spec, at.In(right.Location()), want.In(right.Location()))
				}
			}
		}
	}
	for _, spec := range []string{"CRON_TZ=America/New_York TZ=Asia/Tokyo 0 10 * * MON", "CRON_TZ=America/New_York WEEKS=2@2026-12-07 CRON_TZ=Asia/Tokyo 0 10 * * MON"} {
		if s, err := ParseSpec(spec, time.UTC); !errors.Is(err, ErrBadSpec) || !strings.Contains(err.Error(), "give one time zone, at the start") {
			t.Errorf("ParseSpec(%q) = %v, %v; want ErrBadSpec asking for one zone at the start", spec, s, err)
		}
	}
}
