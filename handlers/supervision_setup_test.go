package handlers_test

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/supervision"
)

func TestSupervisionSetupTyped(t *testing.T) {
	tests := []struct {
		name    string
		before  *supervision.Profile
		args    string
		want    string // in the reply
		saved   bool
		check   func(t *testing.T, p supervision.Profile)
		dirFail bool
	}{
		{name: "new with everything", args: "role=splw pcn=Central locality=gateshead supervisor=<@U02GP> reminders=on day=tuesday time=10:15",
			want: "Saved your supervision profile", saved: true,
			check: func(t *testing.T, p supervision.Profile) {
				want := supervision.Profile{UserID: sam, Role: supervision.LinkWorker, PCN: "Central", Locality: "gateshead", SupervisorID: gp,
					TimeZone: "Europe/London", Reminders: true, ReminderDay: time.Tuesday, ReminderTime: "10:15"}
				p.Created, p.Updated = time.Time{}, time.Time{}
				if p != want {
					t.Errorf("profile = %+v, want %+v", p, want)
				}
			}},
		{name: "new with role only", args: "role=coach", want: "Saved", saved: true,
			check: func(t *testing.T, p supervision.Profile) {
				if p.Role != supervision.Coach || !p.Reminders || p.ReminderTime == "" {
					t.Errorf("profile = %+v, want a coach with reminders on by default", p)
				}
			}},
		{name: "new without role", args: "pcn=Central", want: "tell me your role", saved: false},
		{name: "a night-time reminder is saved and pointed out", args: "role=splw time=21:00", saved: true,
			want: "Your reminders will come at 21:00, outside the working day (07:00 to 19:00). To change that: /supervision remind at 09:30."},
		{name: "a weekend day is saved and pointed out", args: "role=splw day=sunday", saved: true,
			want: "Reminders while a session is overdue will come on Sundays, a weekend day."},
		{name: "change one key", before: &supervision.Profile{UserID: sam, Role: supervision.LinkWorker, PCN: "Central", SupervisorID: gp, Reminders: true},
			args: `pcn="North Gateshead"`, want: "Saved", saved: true,
			check: func(t *testing.T, p supervision.Profile) {
				if p.PCN != "North Gateshead" || p.Role != supervision.LinkWorker || p.SupervisorID != gp || !p.Reminders {
					t.Errorf("profile = %+v, want only the PCN changed", p)
				}
			}},
		{name: "reminders off", before: &supervision.Profile{UserID: sam, Role: supervision.LinkWorker, PCN: "Central", Reminders: true},
			args: "reminders=off", want: "Off", saved: true,
			check: func(t *testing.T, p supervision.Profile) {
				if p.Reminders {
					t.Errorf("profile = %+v, want reminders off", p)
				}
			}},
		{name: "zone from the directory", args: "role=cc", saved: true, want: "Saved",
			check: func(t *testing.T, p supervision.Profile) {
				if p.TimeZone != "Europe/London" {
					t.Errorf("time zone = %q, want Europe/London", p.TimeZone)
				}
			}},
		{name: "directory down: default zone", args: "role=cc", saved: true, want: "Saved", dirFail: true,
			check: func(t *testing.T, p supervision.Profile) {
				if p.TimeZone != "Europe/London" {
					t.Errorf("time zone = %q, want the default Europe/London", p.TimeZone)
				}
			}},
		{name: "own supervisor", args: "role=splw supervisor=@U01SAM", want: "can't be your own supervisor", saved: false},
		{name: "unknown key", args: "role=splw colour=blue", saved: false, want: "colour"},
		{name: "unknown role", args: "role=pharmacist", saved: false, want: "pharmacist"},
		{name: "NHS number in the PCN", args: "role=splw pcn=" + nhsDashed, saved: false, want: "That looks like an NHS number"},
		{name: "PCN too long", args: "role=splw pcn=" + strings.Repeat("x", 81), saved: false, want: "80"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := supDirectory{}
			if tt.dirFail {
				dir.err = errors.New("slack is down")
			}
			e := newSupEnvDir(t, dir)
			if tt.before != nil {
				e.saveProfile(*tt.before)
			}
			r := e.run(sam, "setup "+tt.args)
			wantContains(t, "/supervision setup "+tt.args, all(r), tt.want)
			p, ok := e.profile(sam)
			if !tt.saved {
				if ok && tt.before == nil {
					t.Errorf("setup %s saved %+v, want nothing saved", tt.args, p)
				}
				if len(r.RefreshHome) > 0 {
					t.Errorf("setup %s: RefreshHome = %v for nothing saved", tt.args, r.RefreshHome)
				}
				return
			}
			if !ok {
				t.Fatalf("setup %s saved nothing", tt.args)
			}
			if !refreshes(r, sam) {
				t.Errorf("setup %s: RefreshHome = %v, want %s", tt.args, r.RefreshHome, sam)
			}
			if tt.check != nil {
				tt.check(t, p)
			}
		})
	}
}

func TestSupervisionSetupNamesNewSupervisorForRefresh(t *testing.T) {
	e := newSupEnv(t)
	e.saveProfile(supervision.Profile{UserID: sam, Role: supervision.LinkWorker, PCN: "Central", SupervisorID: gp})
	r := e.run(sam, "setup supervisor=@U04KIM")
	if !refreshes(r, sam, gp, kim) {
		t.Errorf("RefreshHome = %v, want Sam and the old and new supervisors", r.RefreshHome)
	}
}

func TestSupervisionSetupWithoutArgs(t *testing.T) {
	e := newSupEnv(t)
	e.people()

	typed := e.run(sam, "setup")
	if typed.Form != nil {
		t.Error("typed /supervision setup opened a form; want the typed way explained")
	}
	wantContains(t, "typed setup", all(typed), "/supervision setup role=splw", "Central", "@U02GP")

	r := e.click(sam, "setup")
	if r.Form == nil {
		t.Fatal("/supervision setup from Slack: no form")
	}
	if r.Form.ID != "supervision.setup" {
		t.Errorf("form ID = %q, want supervision.setup", r.Form.ID)
	}
	initial := map[string]string{}
	for _, in := range r.Form.Fields {
		initial[in.ID] = in.Initial
	}
	want := map[string]string{"role": "splw", "pcn": "Central", "locality": "gateshead", "supervisor": gp, "reminders": "on", "day": "monday", "time": "09:30"}
	for k, v := range want {
		if initial[k] != v {
			t.Errorf("setup form field %s starts as %q, want %q", k, initial[k], v)
		}
	}
	if len(r.Form.Title) > 24 || len(r.Form.Submit) > 24 {
		t.Errorf("form title %q or submit %q is over 24 characters", r.Form.Title, r.Form.Submit)
	}
}

func TestSupervisionSetupForm(t *testing.T) {
	valid := map[string]string{"role": "hwbc", "pcn": "Riverside", "locality": "london", "supervisor": gp, "reminders": "on", "day": "wednesday", "time": "14:00"}
	with := func(k, v string) map[string]string {
		m := map[string]string{}
		for a, b := range valid {
			m[a] = b
		}
		m[k] = v
		return m
	}
	tests := []struct {
		name   string
		values map[string]string
		field  string // the field with an error; "" when valid
	}{
		{"valid", valid, ""},
		{"no supervisor", with("supervisor", ""), ""},
		{"other locality", with("locality", "other"), ""},
		{"no role", with("role", ""), "role"},
		{"no PCN", with("pcn", "  "), "pcn"},
		{"PCN too long", with("pcn", strings.Repeat("p", 81)), "pcn"},
		{"NHS number in PCN", with("pcn", "Riverside "+nhsSpaced), "pcn"},
		{"self as supervisor", with("supervisor", sam), "supervisor"},
		{"bad time", with("time", "9 o'clock"), "time"},
		{"bad day", with("day", "someday"), "day"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newSupEnv(t)
			res := e.submit(sam, "supervision.setup", tt.values)
			p, saved := e.profile(sam)
			if tt.field == "" {
				if len(res.Errors) > 0 {
					t.Fatalf("errors %v, want none", res.Errors)
				}
				if !saved || p.Role != supervision.Coach || p.PCN != "Riverside" || p.ReminderDay != time.Wednesday || p.ReminderTime != "14:00" {
					t.Errorf("saved %+v (%v), want the form's values", p, saved)
				}
				wantContains(t, "reply", res.Reply.Text, "Saved your supervision profile")
				if !refreshes(res.Reply, sam) {
					t.Errorf("RefreshHome = %v, want %s", res.Reply.RefreshHome, sam)
				}
				return
			}
			if res.Errors[tt.field] == "" {
				t.Errorf("errors = %v, want one on %q", res.Errors, tt.field)
			}
			if saved {
				t.Errorf("saved %+v despite errors", p)
			}
			if tt.name == "NHS number in PCN" {
				wantContains(t, "error", res.Errors["pcn"], "NHS number")
			}
		})
	}
}

// TestSupervisionSetupSaysWhatToType checks that a refused typed setup
// says what would work, not the words that were just refused, and that the
// help's word for no locality is the one the parser takes.
func TestSupervisionSetupSaysWhatToType(t *testing.T) {
	tests := []struct {
		args  string
		wants []string
		nots  []string
	}{
		{"role=splw supervisor=@sam", []string{"Slack user id", "supervisor=@U0123ABCD", "supervisor=none"}, []string{"like supervisor=@sam"}},
		{"role=link worker", []string{`role="link worker"`}, nil},
		{"role=splw pcn=Central West", []string{`pcn="Central West"`}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			e := newSupEnv(t)
			got := all(e.run(sam, "setup "+tt.args))
			wantContains(t, "setup "+tt.args, got, tt.wants...)
			wantNotContains(t, "setup "+tt.args, got, tt.nots...)
			if _, saved := e.profile(sam); saved {
				t.Errorf("setup %s saved a profile", tt.args)
			}
		})
	}

	e := newSupEnv(t)
	wantContains(t, "setup with a user id", all(e.run(sam, "setup role=splw supervisor=@U0123ABCD")), "Saved")
	if p, _ := e.profile(sam); p.SupervisorID != "U0123ABCD" {
		t.Errorf("supervisor=@U0123ABCD saved supervisor %q, want U0123ABCD", p.SupervisorID)
	}
	for _, help := range []string{all(e.run(sam, "setup help")), all(e.run(sam, "setup"))} {
		wantContains(t, "setup help", help, "gateshead, london or none")
		wantNotContains(t, "setup help", help, "or other")
	}
	wantContains(t, "setup locality=none", all(e.run(sam, "setup locality=none")), "Saved")
}
