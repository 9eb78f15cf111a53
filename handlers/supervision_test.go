package handlers_test

import (
	"context"
	"encoding/json"
	"errors"
	"slices"
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
	t      testing.TB
	h      *handlers.Supervision
	tbl    *bot.Table // routes to the subcommands, as the bot does
	st     *store.Redis
	clock  *supClock
	prefix string // of st's keys
}

func newSupEnv(t testing.TB) *supEnv {
	return newSupEnvDir(t, supDirectory{zones: map[string]string{kim: "America/New_York"}})
}

func newSupEnvDir(t testing.TB, dir handlers.Directory) *supEnv {
	t.Helper()
	prefix := redistest.Prefix(t)
	st, err := store.Open(context.Background(), store.Options{URL: redistest.URL(t), Prefix: prefix})
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
	return &supEnv{t: t, h: h, tbl: supTable(t, h), st: st, clock: clock, prefix: prefix}
}

// supTable is the command table with /supervision in it, as main builds it.
func supTable(t testing.TB, h *handlers.Supervision) *bot.Table {
	t.Helper()
	tbl, err := bot.NewTable("/peer", map[string]string{"supervision": "/supervision"}, h.Command())
	if err != nil {
		t.Fatal(err)
	}
	return tbl
}

// answer routes "/supervision args" through the table and runs what it
// routes to, as the bot does, or returns the table's own reply (help,
// unknown subcommand, refusal).
func (e *supEnv) answer(req handlers.Request, args string) (handlers.Reply, error) {
	res := e.tbl.Resolve("/supervision", args, req.IsAdmin)
	if res.Run == nil {
		return res.Reply, nil
	}
	req.Args = res.Args
	return res.Run(context.Background(), req)
}

// run answers "/supervision args" for user, as typed (no form can open).
func (e *supEnv) run(user, args string) handlers.Reply {
	e.t.Helper()
	r, err := e.answer(handlers.Request{UserID: user}, args)
	if err != nil {
		e.t.Fatalf("/supervision %s as %s: %v", args, user, err)
	}
	return r
}

// click answers "/supervision args" for user from Slack, where a form can
// open.
func (e *supEnv) click(user, args string) handlers.Reply {
	e.t.Helper()
	r, err := e.answer(handlers.Request{UserID: user, Interactive: true}, args)
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

func TestSupervisionCommand(t *testing.T) {
	h := handlers.NewSupervision(handlers.SupervisionOptions{})
	c := h.Command()
	if c.Name != "supervision" || len(c.Aliases) != 1 || c.Aliases[0] != "sup" || c.Run == nil {
		t.Fatalf("Command() = %+v, want supervision, alias sup, a handler", c)
	}
	// The usage the command table's help shows, generated from the
	// subcommands: "**/supervision** [status | log | ...] ...".
	help := strings.Split(all(supTable(t, h).Help(false)), "\n")
	i := slices.IndexFunc(help, func(l string) bool { return strings.HasPrefix(l, "/supervision [") })
	if i < 0 {
		t.Fatalf("help has no usage line for /supervision:\n%s", strings.Join(help, "\n"))
	}
	c.Usage = help[i]
	for _, w := range []string{"status", "log", "history", "setup", "leave", "undo", "team", "standards", "confirm"} {
		wantContains(t, "Usage", c.Usage, w)
	}
	// confirm alone lists what waits for an answer; its ids, and dispute,
	// are for buttons, not help.
	wantNotContains(t, "Usage", c.Usage, "dispute")
	for _, ex := range c.Examples {
		if strings.HasPrefix(ex, "confirm ") || strings.HasPrefix(ex, "dispute") {
			t.Errorf("example %q: confirm's ids and dispute are for buttons, not help", ex)
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
		{"help", []string{"/supervision log", "/supervision standards", "/supervision team", "/supervision confirm [all | a date | @person]:"}, []string{"/supervision dispute", "<person> <session>"}},
		{"log help", []string{"/supervision log [date] [type] [with @person] [minutes]", "yesterday", "clinical, group, peer"}, nil},
		{"setup help", []string{"role=", "pcn=", "reminders=on or off"}, nil},
		{"lgo", []string{"I don't know “lgo”", "Did you mean /supervision log?", "/supervision history"}, []string{"/supervision dispute"}},
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

func TestSupervisionStoreDown(t *testing.T) {
	e := newSupEnv(t)
	e.people()
	e.st.Close()
	for _, args := range []string{"", "log today", "history", "team", "setup role=splw", "leave 1 Dec 2 Dec", "undo"} {
		_, err := e.answer(handlers.Request{UserID: sam}, args)
		if !errors.Is(err, handlers.ErrUnavailable) {
			t.Errorf("/supervision %s with Redis gone: %v, want ErrUnavailable", args, err)
		}
	}
	if _, err := e.h.Home(context.Background(), sam); !errors.Is(err, handlers.ErrUnavailable) {
		t.Errorf("Home with Redis gone: %v, want ErrUnavailable", err)
	}
}

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
