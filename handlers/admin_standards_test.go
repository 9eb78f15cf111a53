package handlers_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
)

// replica is one bot's worth of /supervision and /peer admin on a shared
// Redis prefix, with its own standards cache and clock.
type replica struct {
	t     testing.TB
	st    *store.Redis
	tbl   *bot.Table
	clock *supClock
}

func newReplica(t testing.TB, prefix string) *replica {
	t.Helper()
	st, err := store.Open(context.Background(), store.Options{URL: redistest.URL(t), Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clock := &supClock{t: supNow}
	stds := handlers.NewStandards(nil, st, clock.Now)
	sup := handlers.NewSupervision(handlers.SupervisionOptions{Profiles: st, Sessions: st, Source: stds, Now: clock.Now, DefaultZone: london})
	adm := handlers.NewAdmin(handlers.AdminOptions{Audit: st, Reports: st, Overrides: stds, Now: clock.Now})
	tbl, err := bot.NewTable("/peer", nil, sup.Command(), adm.Command())
	if err != nil {
		t.Fatal(err)
	}
	return &replica{t: t, st: st, tbl: tbl, clock: clock}
}

func (r *replica) say(user, text string) string {
	r.t.Helper()
	res := r.tbl.Resolve("/peer", text, true)
	if res.Run == nil {
		return all(res.Reply)
	}
	rep, err := res.Run(context.Background(), handlers.Request{UserID: user, Args: res.Args, IsAdmin: true, Invoke: r.tbl.Invocation})
	if err != nil {
		r.t.Fatalf("%q: %v", text, err)
	}
	return bot.Text(rep, r.tbl.Invocation)
}

func (r *replica) later(d time.Duration) {
	r.clock.mu.Lock()
	r.clock.t = r.clock.t.Add(d)
	r.clock.mu.Unlock()
}

// An override changes status, the report and the standards shown at once
// on the replica that set it, and on another replica within
// StandardsCheckEvery; a reset undoes it.
func TestAdminStandardsOverride(t *testing.T) {
	prefix := redistest.Prefix(t)
	a, b := newReplica(t, prefix), newReplica(t, prefix)
	ctx := context.Background()
	if err := a.st.SaveProfile(ctx, supervision.Profile{UserID: sam, Role: supervision.LinkWorker, PCN: "Central", Locality: "gateshead"}); err != nil {
		t.Fatal(err)
	}
	if err := a.st.AddSession(ctx, supervision.Session{ID: "s1", UserID: sam, Date: day(2026, 11, 2), Type: supervision.Clinical, LoggedBy: sam, LoggedAt: day(2026, 11, 2)}); err != nil {
		t.Fatal(err)
	}
	monthly := "Next due: Wed 2 Dec 2026"
	wantContains(t, "status before", a.say(sam, "supervision status"), monthly)
	wantContains(t, "other replica before", b.say(sam, "supervision status"), monthly)
	wantContains(t, "show before", a.say("UADMIN", "admin standards show"), "No overrides", "SPLW: clinical supervision every month (published)")

	got := a.say("UADMIN", "admin standards set link worker every 2 weeks min 60 minutes locality Gateshead")
	wantContains(t, "set", got, "Done: SPLW supervision is now due every 2 weeks in Gateshead, at least 60 minutes long.")
	fortnightly := "Next due: Mon 16 Nov 2026"
	wantContains(t, "status on the replica that set it", a.say(sam, "supervision status"), fortnightly, "Status: Overdue", "every 2 weeks")
	wantContains(t, "report on the replica that set it", a.say("UADMIN", "admin report"), "clinical supervision due: 16 Nov 2026", "1 overdue")
	wantContains(t, "the standards a person reads", a.say(sam, "supervision standards splw"), "Set by the network's admins for Gateshead")
	wantContains(t, "show", a.say("UADMIN", "admin standards show"), "1 override set by admins", "SPLW in Gateshead: every 2 weeks, at least 60 minutes · set by @UADMIN on 20 Nov 2026")

	b.later(handlers.StandardsCheckEvery + time.Millisecond)
	wantContains(t, "status on another replica", b.say(sam, "supervision status"), fortnightly)

	// An override for everywhere does not displace the locality's own.
	wantContains(t, "set everywhere", a.say("UADMIN", "admin standards set splw every 6 weeks"), "everywhere without a setting of its own")
	wantContains(t, "locality first", a.say(sam, "supervision status"), fortnightly)

	wantContains(t, "reset", a.say("UADMIN", "admin standards reset splw gateshead"), "Done: SPLW in Gateshead follows the published standard again.")
	wantContains(t, "everywhere's now", a.say(sam, "supervision status"), "Next due: Mon 14 Dec 2026")
	wantContains(t, "reset again", a.say("UADMIN", "admin standards reset splw locality gateshead"), "There was no override for SPLW in Gateshead")
	a.say("UADMIN", "admin standards reset splw")
	wantContains(t, "all reset", a.say(sam, "supervision status"), monthly)
	b.later(handlers.StandardsCheckEvery + time.Millisecond)
	wantContains(t, "all reset on another replica", b.say(sam, "supervision status"), monthly)
}

// TestAdminStandardsInAdminsWords: an override said as admins say it is
// the override it means.
func TestAdminStandardsInAdminsWords(t *testing.T) {
	r := newReplica(t, redistest.Prefix(t))
	for text, want := range map[string]string{
		"admin standards set coach every fortnight":            "HWBC supervision is now due every 2 weeks everywhere",
		"admin standards set coach fortnightly":                "HWBC supervision is now due every 2 weeks everywhere",
		"admin standards set splw weekly":                      "SPLW supervision is now due every 1 week everywhere",
		"admin standards set coach 6 weeks min 1 hour":         "every 6 weeks everywhere without a setting of its own, at least 60 minutes long",
		"admin standards set link worker 3 weeks in gateshead": "SPLW supervision is now due every 3 weeks in Gateshead",
	} {
		wantContains(t, text, r.say("UADMIN", text), want)
	}
}

func TestAdminStandardsBadInput(t *testing.T) {
	r := newReplica(t, redistest.Prefix(t))
	tests := []struct{ text, want string }{
		{"admin standards set splw", "Say the role and how often"},
		{"admin standards set plumber every 2 weeks", "I don't know a role called “plumber”"},
		{"admin standards set splw every two weeks", "“two” is not a number of weeks."},
		{"admin standards set splw every 2 months", "kept in weeks: for about once a month, say “every 4 weeks”"},
		{"admin standards set coach every month", "kept in weeks"},
		{"admin standards set coach every 6 weeks in newcastle", "I don't know a locality called “newcastle”"},
		{"admin standards set splw every 0 weeks", "The frequency must be from 1 to 52 weeks."},
		{"admin standards set splw every 53 weeks", "The frequency must be from 1 to 52 weeks."},
		{"admin standards set splw every 2 weeks min lots minutes", "“lots” is not a number of minutes."},
		{"admin standards set splw every 2 weeks locality mars", "I don't know a locality called “mars”"},
		{"admin standards set splw every 2 weeks please", "I didn't follow “please”."},
		{"admin standards set <!channel> every 2 weeks", "I don't know a role called “<!channel>”"},
		{"admin standards reset", "Say which role"},
		{"admin standards reset splw locality mars", "I don't know a locality called “mars”"},
		{"admin standards reset splw mars", "Say which role to go back to the published standard for"},
	}
	for _, tt := range tests {
		got := r.say("UADMIN", tt.text)
		wantContains(t, tt.text, got, tt.want)
		if strings.Contains(got, "Done") {
			t.Errorf("%q changed something: %s", tt.text, got)
		}
	}
	wantContains(t, "nothing set", r.say("UADMIN", "admin standards"), "No overrides")
}

// BenchmarkStandardsFor is the cost a status request pays for overrides:
// mostly the cached path, with a version check each second.
func BenchmarkStandardsFor(b *testing.B) {
	st, err := store.Open(context.Background(), store.Options{URL: redistest.URL(b), Prefix: redistest.Prefix(b)})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { st.Close() })
	stds := handlers.NewStandards(nil, st, nil)
	ctx := context.Background()
	if err := stds.Set(ctx, supervision.Override{Role: supervision.LinkWorker, Weeks: 2}); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	for range b.N {
		if _, err := stds.For(ctx, supervision.LinkWorker, "gateshead"); err != nil {
			b.Fatal(err)
		}
	}
}
