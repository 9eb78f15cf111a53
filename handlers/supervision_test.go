package handlers_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
)

// The people in these tests: Sam, a link worker supervised by the GP; Ali,
// a coach the GP also supervises; and Kim, who supervises nobody and is
// supervised by nobody here.
const (
	sam = "U01SAM"
	gp  = "U02GP"
	ali = "U03ALI"
	kim = "U04KIM"
)

// A valid NHS number (the check digit works), as people might write it.
const (
	nhsSpaced = "943 476 5919"
	nhsDashed = "943-476-5919"
)

var london = mustZone("Europe/London")

func mustZone(name string) *time.Location {
	loc, err := time.LoadLocation(name)
	if err != nil {
		panic(err)
	}
	return loc
}

// supNow is the tests' today: Friday 20 November 2026, 10:00 in London.
var supNow = time.Date(2026, time.November, 20, 10, 0, 0, 0, london)

func day(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, london) }

type supClock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *supClock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *supClock) Add(d time.Duration) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.t = c.t.Add(d)
}

// supDirectory is a fake Slack directory of time zones.
type supDirectory struct {
	zones map[string]string
	err   error
}

func (d supDirectory) TimeZone(_ context.Context, userID string) (string, error) {
	if d.err != nil {
		return "", d.err
	}
	if z, ok := d.zones[userID]; ok {
		return z, nil
	}
	return "Europe/London", nil
}

// supEnv is a /supervision handler on a real Redis, with a clock the test
// moves.
type supEnv struct {
	t     testing.TB
	h     *handlers.Supervision
	st    *store.Redis
	clock *supClock
}

func newSupEnv(t testing.TB) *supEnv {
	return newSupEnvDir(t, supDirectory{zones: map[string]string{kim: "America/New_York"}})
}

func newSupEnvDir(t testing.TB, dir handlers.Directory) *supEnv {
	t.Helper()
	st, err := store.Open(context.Background(), store.Options{URL: redistest.URL(t), Prefix: redistest.Prefix(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clock := &supClock{t: supNow}
	h := handlers.NewSupervision(handlers.SupervisionOptions{
		Profiles:    st,
		Sessions:    st,
		Standards:   supervision.DefaultStandards(),
		Directory:   dir,
		Now:         clock.Now,
		DefaultZone: london,
	})
	return &supEnv{t: t, h: h, st: st, clock: clock}
}

// run answers "/supervision args" for user, as typed (no form can open).
func (e *supEnv) run(user, args string) handlers.Reply {
	e.t.Helper()
	r, err := e.h.Run(context.Background(), handlers.Request{UserID: user, Args: args})
	if err != nil {
		e.t.Fatalf("/supervision %s as %s: %v", args, user, err)
	}
	return r
}

// click answers "/supervision args" for user from Slack, where a form can
// open.
func (e *supEnv) click(user, args string) handlers.Reply {
	e.t.Helper()
	r, err := e.h.Run(context.Background(), handlers.Request{UserID: user, Args: args, Interactive: true})
	if err != nil {
		e.t.Fatalf("/supervision %s as %s: %v", args, user, err)
	}
	return r
}

func (e *supEnv) submit(user, form string, values map[string]string) handlers.FormResult {
	e.t.Helper()
	f, ok := e.h.Forms()[form]
	if !ok {
		e.t.Fatalf("no form %q", form)
	}
	res, err := f(context.Background(), handlers.Submission{Request: handlers.Request{UserID: user}, Form: form, Values: values})
	if err != nil {
		e.t.Fatalf("submitting %s as %s: %v", form, user, err)
	}
	return res
}

func (e *supEnv) home(user string) handlers.Reply {
	e.t.Helper()
	r, err := e.h.Home(context.Background(), user)
	if err != nil {
		e.t.Fatalf("Home(%s): %v", user, err)
	}
	return r
}

// saveProfile stores a profile as setup would.
func (e *supEnv) saveProfile(p supervision.Profile) {
	e.t.Helper()
	if p.TimeZone == "" {
		p.TimeZone = "Europe/London"
	}
	if p.ReminderTime == "" {
		p.ReminderTime = "09:30"
	}
	p.Created, p.Updated = supNow, supNow
	if err := e.st.SaveProfile(context.Background(), p); err != nil {
		e.t.Fatal(err)
	}
}

// people stores Sam and Ali, supervised by the GP, and the GP's own
// profile.
func (e *supEnv) people() {
	e.saveProfile(supervision.Profile{UserID: sam, Role: supervision.LinkWorker, PCN: "Central", Locality: "gateshead", SupervisorID: gp, Reminders: true, ReminderDay: time.Monday})
	e.saveProfile(supervision.Profile{UserID: ali, Role: supervision.Coach, PCN: "East", SupervisorID: gp, Reminders: true, ReminderDay: time.Tuesday})
	e.saveProfile(supervision.Profile{UserID: gp, Role: supervision.LinkWorker, PCN: "Central"})
}

func (e *supEnv) profile(user string) (supervision.Profile, bool) {
	e.t.Helper()
	p, ok, err := e.st.Profile(context.Background(), user)
	if err != nil {
		e.t.Fatal(err)
	}
	return p, ok
}

func (e *supEnv) sessions(user string) []supervision.Session {
	e.t.Helper()
	ss, err := e.st.Sessions(context.Background(), user, 0)
	if err != nil {
		e.t.Fatal(err)
	}
	return ss
}

// addSession stores a session straight into user's record.
func (e *supEnv) addSession(user string, date time.Time, typ supervision.SessionType, mutate ...func(*supervision.Session)) supervision.Session {
	e.t.Helper()
	s := supervision.Session{ID: supervision.NewID(), UserID: user, Date: date, Type: typ, LoggedBy: user, LoggedAt: date.Add(12 * time.Hour)}
	for _, m := range mutate {
		m(&s)
	}
	if err := e.st.AddSession(context.Background(), s); err != nil {
		e.t.Fatal(err)
	}
	return s
}

func (e *supEnv) addLeave(user string, from, to time.Time) {
	e.t.Helper()
	if err := e.st.AddLeave(context.Background(), user, supervision.Leave{ID: supervision.NewID(), From: from, To: to}); err != nil {
		e.t.Fatal(err)
	}
}

// all is everything a reply shows, as the console draws it.
func all(r handlers.Reply) string {
	return bot.Text(r, func(name, args string) string { return strings.TrimSpace("/" + name + " " + args) })
}

func wantContains(t testing.TB, what, got string, wants ...string) {
	t.Helper()
	for _, w := range wants {
		if !strings.Contains(got, w) {
			t.Errorf("%s = %q, want it to contain %q", what, got, w)
		}
	}
}

func wantNotContains(t testing.TB, what, got string, nots ...string) {
	t.Helper()
	for _, w := range nots {
		if strings.Contains(got, w) {
			t.Errorf("%s = %q, want it not to contain %q", what, got, w)
		}
	}
}

func button(r handlers.Reply, label string) (handlers.Button, bool) {
	for _, b := range r.Buttons {
		if b.Label == label {
			return b, true
		}
	}
	return handlers.Button{}, false
}

func refreshes(r handlers.Reply, ids ...string) bool {
	for _, id := range ids {
		found := false
		for _, got := range r.RefreshHome {
			found = found || got == id
		}
		if !found {
			return false
		}
	}
	return true
}

// ---- command table ----

func TestSupervisionCommand(t *testing.T) {
	h := handlers.NewSupervision(handlers.SupervisionOptions{})
	c := h.Command()
	if c.Name != "supervision" || len(c.Aliases) != 1 || c.Aliases[0] != "sup" || c.Run == nil {
		t.Fatalf("Command() = %+v, want supervision, alias sup, a handler", c)
	}
	for _, w := range []string{"status", "log", "history", "setup", "leave", "undo", "team", "standards"} {
		wantContains(t, "Usage", c.Usage, w)
	}
	wantNotContains(t, "Usage", c.Usage, "confirm", "dispute")
	for _, ex := range c.Examples {
		if strings.HasPrefix(ex, "confirm") || strings.HasPrefix(ex, "dispute") {
			t.Errorf("example %q: confirm and dispute are for buttons, not help", ex)
		}
	}
	for _, id := range []string{"supervision.setup", "supervision.log", "supervision.leave"} {
		if h.Forms()[id] == nil {
			t.Errorf("Forms()[%q] is missing", id)
		}
	}
}

func TestSupervisionHelpAndUnknown(t *testing.T) {
	e := newSupEnv(t)
	tests := []struct {
		args  string
		wants []string
		nots  []string
	}{
		{"help", []string{"/supervision log", "/supervision standards", "/supervision team"}, []string{"/supervision confirm", "/supervision dispute"}},
		{"log help", []string{"/supervision log [date] [type] [with @person] [minutes]", "yesterday", "clinical, group, peer"}, nil},
		{"setup help", []string{"role=", "pcn=", "reminders=on or off"}, nil},
		{"lgo", []string{"I don't know “lgo”", "Did you mean /supervision log?", "/supervision history"}, []string{"/supervision confirm"}},
		{"standrds", []string{"Did you mean /supervision standards?"}, nil},
		{"xyzzy", []string{"I don't know “xyzzy”", "/supervision setup"}, []string{"Did you mean"}},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			got := all(e.run(kim, tt.args))
			wantContains(t, "/supervision "+tt.args, got, tt.wants...)
			wantNotContains(t, "/supervision "+tt.args, got, tt.nots...)
		})
	}
}

// TestSupervisionExamplesWork runs every example help shows, so none of
// them answers "I didn't understand".
func TestSupervisionExamplesWork(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	examples := e.h.Command().Examples
	for _, sub := range []string{"log", "history", "setup", "leave", "standards"} {
		for _, s := range e.run(sam, sub+" help").Sections {
			if s.Heading != "Examples" {
				continue
			}
			for _, line := range strings.Split(s.Text, "\n") {
				examples = append(examples, strings.TrimPrefix(line, "- /supervision "))
			}
		}
	}
	if len(examples) < 10 {
		t.Fatalf("only %d examples: %q", len(examples), examples)
	}
	for _, ex := range examples {
		got := all(e.run(sam, ex))
		wantNotContains(t, "/supervision "+ex, got, "didn't understand", "couldn't", "I don't know", "Please give")
	}
}

// ---- setup ----

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

// ---- status ----

func TestSupervisionStatus(t *testing.T) {
	tests := []struct {
		name  string
		user  string
		setup func(e *supEnv)
		wants []string
		nots  []string
	}{
		{name: "no profile", user: kim, wants: []string{"setting up", "Set up: type /supervision setup", "/supervision setup role=splw"}},
		{name: "nothing logged", user: sam, wants: []string{"No clinical supervision logged yet", "Clinical supervision, every month", "None logged yet"}},
		{name: "on track", user: sam,
			setup: func(e *supEnv) { e.addSession(sam, day(2026, 11, 10), supervision.Clinical) },
			wants: []string{"On track", "Thu 10 Dec 2026 (in 20 days)", "Tue 10 Nov 2026", "clinical"}},
		{name: "due soon", user: sam,
			setup: func(e *supEnv) { e.addSession(sam, day(2026, 10, 25), supervision.Group) },
			wants: []string{"Due soon", "Wed 25 Nov 2026 (in 5 days)", "group"}},
		{name: "overdue", user: sam,
			setup: func(e *supEnv) { e.addSession(sam, day(2026, 10, 1), supervision.Clinical) },
			wants: []string{"Overdue", "Sun 1 Nov 2026 (19 days overdue)"}},
		{name: "on leave", user: sam,
			setup: func(e *supEnv) {
				e.addSession(sam, day(2026, 10, 1), supervision.Clinical)
				e.addLeave(sam, day(2026, 10, 25), day(2026, 11, 25))
			},
			wants: []string{"On leave until Wed 25 Nov 2026", "clock is paused", "Thu 3 Dec 2026"}},
		{name: "awaiting confirmation", user: sam,
			setup: func(e *supEnv) {
				e.addSession(sam, day(2026, 11, 18), supervision.Clinical, func(s *supervision.Session) {
					s.WithID, s.Confirmation, s.Minutes = gp, supervision.Awaiting, 60
				})
			},
			wants: []string{"Wed 18 Nov 2026 · clinical · 60 min · with @U02GP · awaiting confirmation", "Awaiting confirmation: 1 session"}},
		{name: "confirmed", user: sam,
			setup: func(e *supEnv) {
				e.addSession(sam, day(2026, 11, 18), supervision.Clinical, func(s *supervision.Session) {
					s.WithID, s.Confirmation = gp, supervision.Confirmed
				})
			},
			wants: []string{"with @U02GP · confirmed"}, nots: []string{"Awaiting"}},
		{name: "disputed does not count", user: sam,
			setup: func(e *supEnv) {
				e.addSession(sam, day(2026, 11, 18), supervision.Clinical, func(s *supervision.Session) {
					s.WithID, s.Confirmation = gp, supervision.Disputed
				})
			},
			wants: []string{"No clinical supervision logged yet"}},
		{name: "no known frequency", user: kim,
			setup: func(e *supEnv) {
				e.saveProfile(supervision.Profile{UserID: kim, Role: supervision.Coordinator, PCN: "West"})
			},
			wants: []string{"no recommended frequency found in the sources — ask your supervisor / training hub"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newSupEnv(t)
			e.people()
			if tt.setup != nil {
				tt.setup(e)
			}
			r := e.run(tt.user, "")
			got := all(r)
			wantContains(t, "/supervision", got, tt.wants...)
			wantNotContains(t, "/supervision", got, tt.nots...)
			if status := all(e.run(tt.user, "status")); status != got {
				t.Errorf("/supervision status differs from /supervision:\n%s\n---\n%s", status, got)
			}
			if tt.user == sam {
				for _, label := range []string{"Log a session", "History", "Standards"} {
					if _, ok := button(r, label); !ok {
						t.Errorf("no %q button", label)
					}
				}
			}
		})
	}
}

// ---- log ----

func TestSupervisionLogFormats(t *testing.T) {
	tests := []struct {
		args    string
		date    time.Time
		typ     supervision.SessionType
		minutes int
	}{
		{"", day(2026, 11, 20), supervision.Clinical, 0},
		{"today", day(2026, 11, 20), supervision.Clinical, 0},
		{"yesterday clinical 60", day(2026, 11, 19), supervision.Clinical, 60},
		{"12 Nov group 90 mins", day(2026, 11, 12), supervision.Group, 90},
		{"peer 45m last tuesday", day(2026, 11, 17), supervision.Peer, 45},
		{"20/11/2026 line-management 1h30", day(2026, 11, 20), supervision.LineManagement, 90},
		{"coaching 3 days ago", day(2026, 11, 17), supervision.CoachingSup, 0},
		{"group supervision on monday for an hour", day(2026, 11, 16), supervision.Group, 60},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			e := newSupEnv(t)
			e.people()
			r := e.run(sam, "log "+tt.args)
			ss := e.sessions(sam)
			if len(ss) != 1 {
				t.Fatalf("log %s: %d sessions stored, want 1 (reply %q)", tt.args, len(ss), r.Text)
			}
			s := ss[0]
			if !s.Date.Equal(tt.date) || s.Type != tt.typ || s.Minutes != tt.minutes {
				t.Errorf("log %s = %s %s %d, want %s %s %d", tt.args, s.Date.Format(time.DateOnly), s.Type, s.Minutes, tt.date.Format(time.DateOnly), tt.typ, tt.minutes)
			}
			if s.LoggedBy != sam || s.UserID != sam || s.WithID != "" || s.Confirmation != supervision.NoConfirmation {
				t.Errorf("log %s stored %+v, want Sam's own, needing no confirmation", tt.args, s)
			}
			wantContains(t, "reply", r.Text, "Logged: ", tt.date.Format("Mon 2 Jan 2006"))
			if tt.typ == supervision.Clinical || tt.typ == supervision.Group {
				wantContains(t, "reply", r.Text, "On track")
			} else {
				wantContains(t, "reply", r.Text, "doesn't count toward clinical supervision")
			}
			if b, ok := button(r, "Undo"); !ok || b.Args != "undo" {
				t.Errorf("reply buttons %+v, want Undo", r.Buttons)
			}
			if len(r.Messages) != 0 {
				t.Errorf("messages %+v, want none when nobody was named", r.Messages)
			}
			if !refreshes(r, sam) {
				t.Errorf("RefreshHome = %v, want Sam", r.RefreshHome)
			}
		})
	}
}

func TestSupervisionLogRefusals(t *testing.T) {
	tests := []struct {
		name, args string
		want       string
	}{
		{"future", "tomorrow clinical", "future"},
		{"too long", "today clinical 9h", "8 hours"},
		{"before 2019", "1 Jan 2019 clinical", "1 July 2019"},
		{"NHS number spaced", "today clinical " + nhsSpaced, "That looks like an NHS number. I don't keep patient details, so I haven't saved anything. Please leave it out."},
		{"NHS number dashed", "today " + nhsDashed + " clinical", "That looks like an NHS number."},
		{"NHS number joined", "today clinical 9434765919", "That looks like an NHS number."},
		{"with myself", "today clinical with <@U01SAM>", "yourself"},
		{"nonsense", "today banana", "banana"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			e := newSupEnv(t)
			e.people()
			r := e.run(sam, "log "+tt.args)
			wantContains(t, "log "+tt.args, r.Text, tt.want)
			if ss := e.sessions(sam); len(ss) != 0 {
				t.Errorf("log %s stored %+v, want nothing", tt.args, ss)
			}
			if len(r.Messages)+len(r.RefreshHome) != 0 {
				t.Errorf("log %s: messages %v, refresh %v; want none", tt.args, r.Messages, r.RefreshHome)
			}
		})
	}
}

func TestSupervisionNHSNumberRefusedEverywhere(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	for _, args := range []string{"leave " + nhsSpaced, "history " + nhsDashed, "standards " + nhsSpaced, "setup pcn=" + nhsSpaced, nhsDashed} {
		r := e.run(sam, args)
		wantContains(t, "/supervision "+args, r.Text, "That looks like an NHS number")
		wantNotContains(t, "/supervision "+args, all(r), "943")
	}
	if ss := e.sessions(sam); len(ss) != 0 {
		t.Errorf("stored %+v, want nothing", ss)
	}
	leaves, _ := e.st.Leaves(context.Background(), sam)
	if len(leaves) != 0 {
		t.Errorf("stored leave %+v, want none", leaves)
	}
}

func TestSupervisionLogNeedsProfile(t *testing.T) {
	e := newSupEnv(t)
	r := e.run(kim, "log today clinical")
	if b, ok := button(r, "Set up"); !ok || b.Args != "setup" {
		t.Errorf("log without a profile: buttons %+v, want Set up", r.Buttons)
	}
	if ss := e.sessions(kim); len(ss) != 0 {
		t.Errorf("stored %+v without a profile", ss)
	}
}

func TestSupervisionLogForm(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	r := e.click(sam, "log")
	if r.Form == nil || r.Form.ID != "supervision.log" {
		t.Fatalf("/supervision log from Slack: form %+v, want supervision.log", r.Form)
	}
	initial := map[string]string{}
	for _, in := range r.Form.Fields {
		initial[in.ID] = in.Initial
	}
	if initial["date"] != "2026-11-20" || initial["type"] != "clinical" || initial["with"] != gp {
		t.Errorf("log form starts with %v, want today, clinical, with the GP", initial)
	}
	wantContains(t, "text behind the form", r.Text, "/supervision log yesterday clinical")

	bad := e.submit(sam, "supervision.log", map[string]string{"date": "2026-11-21", "type": "clinical", "with": gp, "minutes": "60"})
	if bad.Errors["date"] == "" {
		t.Errorf("future date: errors %v, want one on date", bad.Errors)
	}
	long := e.submit(sam, "supervision.log", map[string]string{"date": "2026-11-20", "type": "clinical", "with": "", "minutes": "600"})
	if long.Errors["minutes"] == "" {
		t.Errorf("600 minutes: errors %v, want one on minutes", long.Errors)
	}
	self := e.submit(sam, "supervision.log", map[string]string{"date": "2026-11-20", "type": "clinical", "with": sam})
	if self.Errors["with"] == "" {
		t.Errorf("with myself: errors %v, want one on with", self.Errors)
	}
	if ss := e.sessions(sam); len(ss) != 0 {
		t.Fatalf("stored %+v after refused forms", ss)
	}

	ok := e.submit(sam, "supervision.log", map[string]string{"date": "2026-11-19", "type": "group", "with": gp, "minutes": "90"})
	if len(ok.Errors) > 0 {
		t.Fatalf("valid log form: errors %v", ok.Errors)
	}
	ss := e.sessions(sam)
	if len(ss) != 1 || ss[0].Type != supervision.Group || ss[0].Minutes != 90 || ss[0].WithID != gp || ss[0].Confirmation != supervision.Awaiting {
		t.Fatalf("stored %+v, want a group session with the GP awaiting confirmation", ss)
	}
	if len(ok.Reply.Messages) != 1 || ok.Reply.Messages[0].To != gp {
		t.Errorf("messages %+v, want one to the GP", ok.Reply.Messages)
	}
}

// ---- two people ----

func TestSupervisionConfirmFlow(t *testing.T) {
	e := newSupEnv(t)
	e.people()

	r := e.run(sam, "log today clinical with <@U02GP|gp> 60")
	wantContains(t, "log reply", r.Text, "with <@U02GP>", "asked them to confirm")
	if !refreshes(r, sam, gp) {
		t.Errorf("RefreshHome = %v, want both", r.RefreshHome)
	}
	ss := e.sessions(sam)
	if len(ss) != 1 || ss[0].WithID != gp || ss[0].LoggedBy != sam || ss[0].Confirmation != supervision.Awaiting {
		t.Fatalf("stored %+v, want Sam's session with the GP, awaiting", ss)
	}
	id := ss[0].ID
	if len(r.Messages) != 1 || r.Messages[0].To != gp {
		t.Fatalf("messages %+v, want one to the GP", r.Messages)
	}
	ask := r.Messages[0].Reply
	confirm, ok := button(ask, "Confirm")
	if !ok || confirm.Command != "supervision" || confirm.Args != "confirm "+sam+" "+id || !confirm.Primary {
		t.Fatalf("Confirm button = %+v, want supervision confirm %s %s, primary", confirm, sam, id)
	}
	if b, ok := button(ask, "That's not right"); !ok || b.Args != "dispute "+sam+" "+id {
		t.Errorf("dispute button = %+v", b)
	}
	wantContains(t, "ask", ask.Text, "<@U01SAM>", "Fri 20 Nov 2026", "60 minutes")

	for _, who := range []string{kim, sam} {
		r := e.run(who, confirm.Args)
		wantContains(t, who+" confirming", r.Text, "That session isn't yours to confirm")
		if len(r.Messages)+len(r.RefreshHome) != 0 || r.Replace {
			t.Errorf("%s confirming: %+v, want no effects", who, r)
		}
		if got := e.sessions(sam)[0]; got.Confirmation != supervision.Awaiting {
			t.Errorf("after %s tried: %s, want still awaiting", who, got.Confirmation)
		}
	}

	done := e.run(gp, confirm.Args)
	if !done.Replace {
		t.Error("confirm reply does not replace the button message")
	}
	wantContains(t, "confirm reply", done.Text, "confirmed")
	if len(done.Messages) != 1 || done.Messages[0].To != sam {
		t.Errorf("messages %+v, want a note to Sam", done.Messages)
	}
	if !refreshes(done, sam, gp) {
		t.Errorf("RefreshHome = %v, want both", done.RefreshHome)
	}
	got := e.sessions(sam)[0]
	if got.Confirmation != supervision.Confirmed || got.AnsweredBy != gp || !got.AnsweredAt.Equal(supNow) {
		t.Errorf("after confirming: %+v", got)
	}

	again := e.run(gp, confirm.Args)
	wantContains(t, "confirm twice", again.Text, "Already confirmed")
	if len(again.Messages) != 0 {
		t.Errorf("confirm twice sent %+v", again.Messages)
	}
	wantContains(t, "Sam's status", all(e.run(sam, "")), "with @U02GP · confirmed")
}

func TestSupervisionSupervisorLogsForSupervisee(t *testing.T) {
	e := newSupEnv(t)
	e.people()

	r := e.run(gp, "log yesterday clinical with @U01SAM 45")
	wantContains(t, "log reply", r.Text, "Logged for <@U01SAM>")
	if ss := e.sessions(gp); len(ss) != 0 {
		t.Errorf("the GP's own record got %+v, want nothing", ss)
	}
	ss := e.sessions(sam)
	if len(ss) != 1 {
		t.Fatalf("Sam's record: %+v, want one session", ss)
	}
	s := ss[0]
	if s.UserID != sam || s.WithID != gp || s.LoggedBy != gp || s.Confirmation != supervision.Awaiting || !s.Date.Equal(day(2026, 11, 19)) {
		t.Errorf("stored %+v, want Sam's, with and logged by the GP, awaiting", s)
	}
	if len(r.Messages) != 1 || r.Messages[0].To != sam {
		t.Fatalf("messages %+v, want one to Sam", r.Messages)
	}
	confirm, _ := button(r.Messages[0].Reply, "Confirm")
	if confirm.Args != "confirm "+sam+" "+s.ID {
		t.Errorf("Confirm runs %q", confirm.Args)
	}
	if !refreshes(r, sam, gp) {
		t.Errorf("RefreshHome = %v", r.RefreshHome)
	}

	wantContains(t, "GP confirming own log", e.run(gp, confirm.Args).Text, "isn't yours")
	wantContains(t, "Kim confirming", e.run(kim, confirm.Args).Text, "isn't yours")
	done := e.run(sam, confirm.Args)
	if len(done.Messages) != 1 || done.Messages[0].To != gp {
		t.Errorf("messages %+v, want a note to the GP", done.Messages)
	}
	if got := e.sessions(sam)[0]; got.Confirmation != supervision.Confirmed || got.AnsweredBy != sam {
		t.Errorf("after Sam confirmed: %+v", got)
	}
}

func TestSupervisionLogWithSomeoneNotMySupervisor(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	// Kim has no profile naming Sam, so the session goes in Sam's record.
	r := e.run(sam, "log today peer with @U04KIM")
	ss := e.sessions(sam)
	if len(ss) != 1 || ss[0].WithID != kim || ss[0].Confirmation != supervision.Awaiting {
		t.Fatalf("stored %+v", ss)
	}
	if len(r.Messages) != 1 || r.Messages[0].To != kim {
		t.Errorf("messages %+v, want one to Kim", r.Messages)
	}
}

func TestSupervisionDispute(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	r := e.run(sam, "log today clinical with @U02GP")
	b, _ := button(r.Messages[0].Reply, "That's not right")
	done := e.run(gp, b.Args)
	if !done.Replace || len(done.Messages) != 1 || done.Messages[0].To != sam {
		t.Errorf("dispute reply %+v, want it to replace the message and tell Sam", done)
	}
	wantContains(t, "note to Sam", done.Messages[0].Reply.Text, "isn't right")
	if got := e.sessions(sam)[0]; got.Confirmation != supervision.Disputed || got.AnsweredBy != gp {
		t.Errorf("after dispute: %+v", got)
	}
	again := e.run(gp, b.Args)
	wantContains(t, "dispute twice", again.Text, "Already")
	if len(again.Messages) != 0 {
		t.Errorf("dispute twice sent %+v", again.Messages)
	}
	wantContains(t, "Sam's status", all(e.run(sam, "")), "No clinical supervision logged yet")
}

func TestSupervisionConfirmBadArgs(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	for _, args := range []string{"confirm", "confirm " + sam, "confirm nobody abc", "dispute " + sam + " nosuchid"} {
		r := e.run(gp, args)
		if r.Text == "" || len(r.Messages)+len(r.RefreshHome) != 0 {
			t.Errorf("/supervision %s = %+v, want a kind word and no effects", args, r)
		}
	}
}

// ---- undo ----

func TestSupervisionUndo(t *testing.T) {
	t.Run("within a day", func(t *testing.T) {
		e := newSupEnv(t)
		e.people()
		e.run(sam, "log yesterday clinical")
		e.clock.Add(time.Minute)
		e.run(sam, "log today group with @U02GP")
		e.clock.Add(23 * time.Hour)
		r := e.run(sam, "undo")
		wantContains(t, "undo", r.Text, "taken back", "group")
		ss := e.sessions(sam)
		if len(ss) != 1 || ss[0].Type != supervision.Clinical {
			t.Errorf("after undo: %+v, want only the clinical session", ss)
		}
		if len(r.Messages) != 1 || r.Messages[0].To != gp {
			t.Errorf("messages %+v, want a note to the GP, who was asked to confirm", r.Messages)
		}
		if !refreshes(r, sam, gp) {
			t.Errorf("RefreshHome = %v", r.RefreshHome)
		}
		again := e.run(sam, "undo")
		wantContains(t, "second undo", again.Text, "taken back", "clinical")
		if len(again.Messages) != 0 {
			t.Errorf("undoing a session with nobody sent %+v", again.Messages)
		}
		wantContains(t, "third undo", e.run(sam, "undo").Text, "nothing to undo")
	})
	t.Run("after a day", func(t *testing.T) {
		e := newSupEnv(t)
		e.people()
		e.run(sam, "log today clinical")
		e.clock.Add(25 * time.Hour)
		r := e.run(sam, "undo")
		wantContains(t, "undo", r.Text, "more than a day ago")
		if ss := e.sessions(sam); len(ss) != 1 {
			t.Errorf("after a refused undo: %+v, want the session kept", ss)
		}
	})
	t.Run("a supervisor's log for a supervisee", func(t *testing.T) {
		e := newSupEnv(t)
		e.people()
		e.addSession(sam, day(2026, 11, 2), supervision.Clinical) // Sam's own, logged earlier
		e.run(gp, "log today clinical with @U01SAM")
		e.clock.Add(time.Hour)
		r := e.run(gp, "undo")
		wantContains(t, "undo", r.Text, "taken back")
		ss := e.sessions(sam)
		if len(ss) != 1 || !ss[0].Date.Equal(day(2026, 11, 2)) {
			t.Errorf("Sam's record after the GP's undo: %+v, want Sam's own session only", ss)
		}
		if len(r.Messages) != 1 || r.Messages[0].To != sam {
			t.Errorf("messages %+v, want a note to Sam", r.Messages)
		}
		// Sam cannot undo the GP's log of a session, only their own.
		e.run(gp, "log today clinical with @U01SAM")
		wantContains(t, "Sam's undo", e.run(sam, "undo").Text, "more than a day ago")
		if n := len(e.sessions(sam)); n != 2 {
			t.Errorf("Sam's undo took back the GP's log: %d sessions left, want 2", n)
		}
	})
}

// ---- leave ----

func TestSupervisionLeave(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.addSession(sam, day(2026, 10, 25), supervision.Clinical) // due Wed 25 Nov

	typed := e.run(sam, "leave")
	if typed.Form != nil {
		t.Error("typed /supervision leave opened a form")
	}
	wantContains(t, "typed leave", typed.Text, "/supervision leave 1 Dec 12 Dec")
	if f := e.click(sam, "leave").Form; f == nil || f.ID != "supervision.leave" {
		t.Errorf("leave from Slack: form %+v, want supervision.leave", f)
	}

	r := e.run(sam, "leave 23 Nov to 27 Nov")
	wantContains(t, "leave reply", r.Text, "Mon 23 Nov 2026 to Fri 27 Nov 2026", "next session is now due by Mon 30 Nov 2026")
	if !refreshes(r, sam) {
		t.Errorf("RefreshHome = %v", r.RefreshHome)
	}
	leaves, err := e.st.Leaves(context.Background(), sam)
	if err != nil || len(leaves) != 1 {
		t.Fatalf("leave stored: %+v, %v; want one", leaves, err)
	}
	wantContains(t, "status", all(e.run(sam, "")), "Mon 30 Nov 2026")

	bad := e.run(sam, "leave someday")
	wantContains(t, "bad leave", bad.Text, "someday")
	if leaves, _ := e.st.Leaves(context.Background(), sam); len(leaves) != 1 {
		t.Errorf("bad leave stored something: %+v", leaves)
	}

	res := e.submit(sam, "supervision.leave", map[string]string{"from": "2026-12-21", "to": "2026-12-18"})
	if len(res.Errors) == 0 {
		t.Error("leave ending before it starts: no errors")
	}
	res = e.submit(sam, "supervision.leave", map[string]string{"from": "2026-12-21", "to": "2027-01-01"})
	if len(res.Errors) > 0 {
		t.Fatalf("valid leave form: %v", res.Errors)
	}
	wantContains(t, "leave form reply", res.Reply.Text, "Mon 21 Dec 2026 to Fri 1 Jan 2027")
}

// ---- history ----

func TestSupervisionHistory(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	for i := 1; i <= 12; i++ {
		e.addSession(sam, day(2026, 10, i), supervision.Clinical, func(s *supervision.Session) { s.Minutes = 30 + i })
	}
	e.addSession(ali, day(2026, 11, 3), supervision.CoachingSup)

	lines := func(r handlers.Reply) int {
		n := 0
		for _, s := range r.Sections {
			n += strings.Count(s.Text, "- **")
		}
		return n
	}
	tests := []struct {
		args  string
		lines int
		want  string
	}{
		{"history", 10, "Mon 12 Oct 2026 · clinical · 42 min"},
		{"history 3", 3, "Your last 3 sessions, newest first"},
		{"history 1", 1, "Your last session"},
		{"history 50", 12, "Thu 1 Oct 2026"},
		{"history 500", 12, "at most 50"},
		{"history 0", 0, "from 1 to 50"},
		{"history lots", 0, "from 1 to 50"},
		{"history @U03ALI", 0, "only show you your own"},
	}
	for _, tt := range tests {
		t.Run(tt.args, func(t *testing.T) {
			r := e.run(sam, tt.args)
			if got := lines(r); got != tt.lines {
				t.Errorf("/supervision %s: %d lines, want %d", tt.args, got, tt.lines)
			}
			wantContains(t, tt.args, all(r), tt.want)
			wantNotContains(t, tt.args, all(r), "coaching")
		})
	}
	first := e.run(sam, "history 3").Sections[0].Text
	if !strings.HasPrefix(first, "- **Mon 12 Oct 2026**") {
		t.Errorf("history starts %q, want the newest first", first)
	}
	// The GP supervises Sam but sees only their own record here.
	wantContains(t, "GP's history", all(e.run(gp, "history")), "You haven't logged any sessions yet")
	wantNotContains(t, "Ali's history", all(e.run(ali, "history")), "Oct 2026")
}

// ---- team ----

func TestSupervisionTeam(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.addSession(sam, day(2026, 10, 1), supervision.Clinical, func(s *supervision.Session) { s.Minutes = 60 })
	e.addSession(kim, day(2026, 11, 1), supervision.Clinical) // Kim has no supervisor

	r := e.run(gp, "team")
	got := all(r)
	wantContains(t, "team", got,
		"@U01SAM (SPLW) · last: Thu 1 Oct 2026, clinical · due by Sun 1 Nov 2026 · overdue",
		"@U03ALI (HWBC) · no sessions logged\n",
		"2 people name you as their supervisor: 1 overdue, 1 with nothing logged that counts yet.",
		"dates and types only")
	wantNotContains(t, "team", got, "U04KIM", "60 min")

	for _, who := range []string{kim, sam} {
		wantContains(t, who+"'s team", e.run(who, "team").Text, "Nobody has named you as their supervisor yet")
	}

	// Sam names Kim instead: the GP no longer sees Sam.
	e.run(sam, "setup supervisor=@U04KIM")
	wantNotContains(t, "team after Sam moved", all(e.run(gp, "team")), "U01SAM")
	wantContains(t, "Kim's team", all(e.run(kim, "team")), "@U01SAM")
}

// ---- standards ----

func TestSupervisionStandards(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	order := func(r handlers.Reply) []string {
		var out []string
		for _, s := range r.Sections {
			if s.Heading != "" {
				out = append(out, s.Heading)
			}
		}
		return out
	}
	tests := []struct {
		name, user, args string
		headings         []string
		wants            []string
	}{
		{"no profile: all three", kim, "standards",
			[]string{"Social prescribing link worker (SPLW)", "Health and wellbeing coach (HWBC)", "Care coordinator (CC)"},
			[]string{"How often: every month", "How often: not found in the sources", "How long: 1 hour to 2 hours", "Network Contract DES"}},
		{"my role first", ali, "standards",
			[]string{"Health and wellbeing coach (HWBC) (your role)", "Social prescribing link worker (SPLW)", "Care coordinator (CC)"}, nil},
		{"one role", kim, "standards coach", []string{"Health and wellbeing coach (HWBC)"},
			[]string{"Health coaching supervision", "Who is suited to supervise: "}},
		{"locality note", sam, "standards splw", []string{"Social prescribing link worker (SPLW)", "In Gateshead"},
			[]string{"Shown for Gateshead", "Tyne Health"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := e.run(tt.user, tt.args)
			if got := strings.Join(order(r), " | "); got != strings.Join(tt.headings, " | ") {
				t.Errorf("headings = %s, want %s", got, strings.Join(tt.headings, " | "))
			}
			wantContains(t, tt.args, all(r), tt.wants...)
			if len(r.Sources) == 0 {
				t.Error("no sources")
			}
			for _, s := range r.Sources {
				if s.AsOf == "" {
					t.Errorf("source %q has no date", s.Title)
				}
			}
		})
	}
	wantContains(t, "unknown role", e.run(kim, "standards pharmacist").Text, "“pharmacist”", "/supervision standards hwbc")
}

// ---- the store down ----

func TestSupervisionStoreDown(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.st.Close()
	for _, args := range []string{"", "log today", "history", "team", "setup role=splw", "leave 1 Dec 2 Dec", "undo"} {
		_, err := e.h.Run(context.Background(), handlers.Request{UserID: sam, Args: args})
		if !errors.Is(err, handlers.ErrUnavailable) {
			t.Errorf("/supervision %s with Redis gone: %v, want ErrUnavailable", args, err)
		}
	}
	if _, err := e.h.Home(context.Background(), sam); !errors.Is(err, handlers.ErrUnavailable) {
		t.Errorf("Home with Redis gone: %v, want ErrUnavailable", err)
	}
}

// ---- golden files ----

// goldenReply checks a reply as Slack draws it (Block Kit JSON) and as the
// console prints it.
func goldenReply(t *testing.T, name string, r handlers.Reply) {
	t.Helper()
	blocks, fallback := bot.Blocks(r)
	js, err := json.MarshalIndent(struct {
		Text   string `json:"text"`
		Blocks any    `json:"blocks"`
	}{fallback, blocks}, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, name+".json", append(js, '\n'))
	golden(t, name+".txt", []byte(all(r)))
	if faults := bot.Limits(r); len(faults) > 0 {
		t.Errorf("%s breaks Slack's limits: %v", name, faults)
	}
}

func TestSupervisionGolden(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.addSession(sam, day(2026, 10, 27), supervision.Group, func(s *supervision.Session) { s.Minutes = 90 })
	e.addSession(sam, day(2026, 11, 3), supervision.LineManagement, func(s *supervision.Session) { s.Minutes = 30 })
	e.addSession(sam, day(2026, 11, 18), supervision.Clinical, func(s *supervision.Session) {
		s.Minutes, s.WithID, s.Confirmation = 60, gp, supervision.Awaiting
	})
	e.addSession(ali, day(2026, 10, 2), supervision.CoachingSup)

	goldenReply(t, "supervision_status", e.run(sam, ""))
	goldenReply(t, "supervision_history", e.run(sam, "history"))
	goldenReply(t, "supervision_standards", e.run(kim, "standards"))

	form := e.click(sam, "setup").Form
	if form == nil {
		t.Fatal("no setup form")
	}
	js, err := json.MarshalIndent(bot.FormView(*form), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "supervision_setup_form.json", append(js, '\n'))
}

// A supervisor, such as a GP, need not set up a profile of their own to
// log a session for someone who names them; anyone else is still guided to
// set up first.
func TestSupervisionSupervisorWithoutProfileLogsForSupervisee(t *testing.T) {
	e := newSupEnv(t)
	e.saveProfile(supervision.Profile{UserID: sam, Role: supervision.Coach, PCN: "Central", SupervisorID: gp, TimeZone: "Europe/London"})

	r := e.run(gp, "log yesterday with @U01SAM 45m")
	wantContains(t, "log reply", r.Text, "Logged for <@U01SAM>")
	ss := e.sessions(sam)
	if len(ss) != 1 || ss[0].LoggedBy != gp || ss[0].Type != supervision.DefaultStandards().For(supervision.Coach, "").Kinds[0].Type {
		t.Fatalf("Sam's record: %+v, want one session logged by the GP of the coach's default type", ss)
	}
	if _, ok := e.profile(gp); ok {
		t.Error("logging for a supervisee created a profile for the GP")
	}
	wantContains(t, "a stranger", e.run(kim, "log yesterday with @U01SAM 45m").Text, "set up your supervision profile")
	if n := len(e.sessions(sam)); n != 1 {
		t.Errorf("a stranger's log reached Sam's record: %d sessions", n)
	}
}
