package supervision

import (
	"errors"
	"reflect"
	"strings"
	"testing"
	"time"
)

func TestParseSetup(t *testing.T) {
	on, off := true, false
	tue, mon := time.Tuesday, time.Monday
	tests := []struct {
		name string
		in   string
		want SetupArgs
	}{
		{"nothing", "", SetupArgs{Set: map[string]bool{}}},
		{"everything", `role=coach pcn="Gateshead Inner West" locality=gateshead supervisor=@U123 reminders=on day=tue time=09:30`,
			SetupArgs{Role: Coach, PCN: "Gateshead Inner West", Locality: "gateshead", SupervisorID: "U123",
				Reminders: &on, ReminderDay: &tue, ReminderTime: "09:30",
				Set: map[string]bool{"role": true, "pcn": true, "locality": true, "supervisor": true, "reminders": true, "day": true, "time": true}}},
		{"slack mention", "supervisor=<@U123>", SetupArgs{SupervisorID: "U123", Set: map[string]bool{"supervisor": true}}},
		{"slack mention with a spaced name", "supervisor=<@U123|Sam Smith> role=cc",
			SetupArgs{SupervisorID: "U123", Role: Coordinator, Set: map[string]bool{"supervisor": true, "role": true}}},
		{"no supervisor", "supervisor=none", SetupArgs{Set: map[string]bool{"supervisor": true}}},
		{"quoted role", `role="link worker"`, SetupArgs{Role: LinkWorker, Set: map[string]bool{"role": true}}},
		{"single quotes", `pcn='Outer West'`, SetupArgs{PCN: "Outer West", Set: map[string]bool{"pcn": true}}},
		{"curly quotes", "pcn=“Outer West”", SetupArgs{PCN: "Outer West", Set: map[string]bool{"pcn": true}}},
		{"spaces round equals", "role = splw", SetupArgs{Role: LinkWorker, Set: map[string]bool{"role": true}}},
		{"clear pcn", `pcn=""`, SetupArgs{Set: map[string]bool{"pcn": true}}},
		{"no locality", "locality=none", SetupArgs{Set: map[string]bool{"locality": true}}},
		{"keys in any case", "ROLE=HWBC Reminders=OFF Day=Monday Time=9am",
			SetupArgs{Role: Coach, Reminders: &off, ReminderDay: &mon, ReminderTime: "09:00",
				Set: map[string]bool{"role": true, "reminders": true, "day": true, "time": true}}},
		{"afternoon", "time=2:30pm", SetupArgs{ReminderTime: "14:30", Set: map[string]bool{"time": true}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseSetup(tt.in)
			if err != nil || !reflect.DeepEqual(got, tt.want) {
				t.Errorf("ParseSetup(%q) = %+v, %v, want %+v", tt.in, got, err, tt.want)
			}
		})
	}
}

// TestParseSetupRoleAlone: a role typed alone, or a key with a colon, is
// the setting a new person means.
func TestParseSetupRoleAlone(t *testing.T) {
	for in, want := range map[string]Role{
		"coach": Coach, "link worker": LinkWorker, "health and wellbeing coach": Coach, "splw pcn=West": LinkWorker, "role: cc": Coordinator,
	} {
		got, err := ParseSetup(in)
		if err != nil || got.Role != want || !got.Set["role"] {
			t.Errorf("ParseSetup(%q) = %+v, %v; want role %s", in, got, err, want)
		}
	}
	if got, err := ParseSetup("role: splw pcn: Central"); err != nil || got.PCN != "Central" {
		t.Errorf("ParseSetup(role: splw pcn: Central) = %+v, %v; want PCN Central", got, err)
	}
}

func TestParseSetupRefuses(t *testing.T) {
	tests := []struct {
		name  string
		in    string
		field string
		want  error
		names string // what the message must name
	}{
		{"unknown key", "colour=blue", "colour", ErrUnreadable, "locality"},
		{"no equals", "role coach", "role", ErrUnreadable, "role"},
		{"loose word", "banana", "banana", ErrUnreadable, "key=value"},
		{"a role after a role", "role=cc splw", "splw", ErrUnreadable, "key=value"},
		{"unquoted spaces", "pcn=Gateshead Inner West", "Inner", ErrUnreadable, "quotes"},
		{"bad role", "role=pharmacist", "role", ErrUnreadable, "hwbc"},
		{"bad locality", "locality=leeds", "locality", ErrUnreadable, "gateshead"},
		{"bad supervisor", "supervisor=sam", "supervisor", ErrUnreadable, "@"},
		{"bad reminders", "reminders=sometimes", "reminders", ErrUnreadable, "on or off"},
		{"bad day", "day=someday", "day", ErrUnreadable, "monday"},
		{"bad time", "time=25:00", "time", ErrUnreadable, "09:30"},
		{"bare hour", "time=9", "time", ErrUnreadable, "9am"},
		{"twice", "role=cc role=splw", "role", ErrUnreadable, "twice"},
		{"open quote", `pcn="Gateshead`, "pcn", ErrUnreadable, "quote"},
		{"long pcn", "pcn=" + strings.Repeat("x", 101), "pcn", ErrTooLong, "100"},
		{"NHS number", `pcn="943 476 5919"`, "setup", ErrNHSNumber, "NHS"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := ParseSetup(tt.in)
			if err == nil {
				t.Fatalf("ParseSetup(%q) = %+v, nil, want %v", tt.in, got, tt.want)
			}
			checkInputError(t, "ParseSetup("+tt.in+")", err, tt.field, tt.want)
			var ie *InputError
			if errors.As(err, &ie) && !strings.Contains(ie.Message, tt.names) {
				t.Errorf("ParseSetup(%q) message = %q, want it to name %q", tt.in, ie.Message, tt.names)
			}
		})
	}
}

func TestParseLocality(t *testing.T) {
	tests := []struct {
		in   string
		want string
		ok   bool
	}{
		{"gateshead", "gateshead", true},
		{"Gateshead", "gateshead", true},
		{"LONDON", "london", true},
		{"", "", true},
		{"none", "", true},
		{"national", "", true},
		{"other", "", true},
		{"leeds", "", false},
	}
	for _, tt := range tests {
		got, ok := ParseLocality(tt.in)
		if got != tt.want || ok != tt.ok {
			t.Errorf("ParseLocality(%q) = %q, %v, want %q, %v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
	for _, l := range Localities {
		if got, ok := ParseLocality(l); !ok || got != l {
			t.Errorf("ParseLocality(%q) = %q, %v, want itself", l, got, ok)
		}
	}
}

func TestParseClock(t *testing.T) {
	tests := []struct {
		in   string
		h, m int
		ok   bool
	}{
		{"09:30", 9, 30, true},
		{"9:30", 9, 30, true},
		{"9.30", 9, 30, true},
		{"0930", 9, 30, true},
		{"9am", 9, 0, true},
		{"9 am", 9, 0, true},
		{"9:30pm", 21, 30, true},
		{"12pm", 12, 0, true},
		{"12am", 0, 0, true},
		{"noon", 12, 0, true},
		{"17:00", 17, 0, true},
		{"00:00", 0, 0, true},
		{"24:00", 0, 0, false},
		{"13pm", 0, 0, false},
		{"9:5", 0, 0, false},
		{"9:60", 0, 0, false},
		{"9", 0, 0, false},
		{"", 0, 0, false},
		{"soon", 0, 0, false},
	}
	for _, tt := range tests {
		h, m, ok := parseClock(tt.in)
		if ok != tt.ok || ok && (h != tt.h || m != tt.m) {
			t.Errorf("parseClock(%q) = %d, %d, %v, want %d, %d, %v", tt.in, h, m, ok, tt.h, tt.m, tt.ok)
		}
	}
}

func TestParseSetupDay(t *testing.T) {
	for in, want := range map[string]time.Weekday{
		"day=thurs": time.Thursday, "day=Weds": time.Wednesday, "day=FRIDAY": time.Friday, "day=tue": time.Tuesday,
	} {
		got, err := ParseSetup(in)
		if err != nil || got.ReminderDay == nil || *got.ReminderDay != want {
			t.Errorf("ParseSetup(%q) = %+v, %v, want day %v", in, got, err, want)
		}
	}
}

// Help has said a locality can be "other" while the refusal said "none":
// both mean no locality, and the refusal names one of them, NoLocality.
func TestParseSetupNoLocality(t *testing.T) {
	for _, in := range []string{"locality=none", "locality=other", "locality=Other", "locality=NONE"} {
		got, err := ParseSetup(in)
		if err != nil || got.Locality != "" || !got.Set["locality"] {
			t.Errorf("ParseSetup(%q) = %+v, %v, want no locality, set", in, got, err)
		}
	}
	_, err := ParseSetup("locality=leeds")
	var ie *InputError
	if !errors.As(err, &ie) || !strings.Contains(ie.Message, "or "+NoLocality+" ") || strings.Contains(ie.Message, "other") {
		t.Errorf("ParseSetup(locality=leeds) = %v, want a refusal naming %q only", err, NoLocality)
	}
}
