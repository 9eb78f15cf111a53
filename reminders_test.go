package main

import (
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/fakeslack"
	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/scheduler"
	"github.com/peerbot/peerbot/store"
	"github.com/peerbot/peerbot/supervision"
)

// TestSupervisionRemindersFollowTheHomeRule checks that the engine's
// reminder times come from supervision.NextReminder on the person's record,
// as the App Home's do, and that a reminder the person acted on is not sent.
func TestSupervisionRemindersFollowTheHomeRule(t *testing.T) {
	ctx := context.Background()
	db := reminderStore(t)
	standards := shippedStandards(t)
	lon, _ := time.LoadLocation("Europe/London")
	p := supervision.Profile{UserID: "U1", Role: supervision.LinkWorker, TimeZone: "Europe/London", Reminders: true,
		ReminderDay: time.Monday, ReminderTime: "09:30", Created: time.Now(), Updated: time.Now()}
	if err := db.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	addSession := func(id string, day time.Time) {
		t.Helper()
		if err := db.AddSession(ctx, supervision.Session{ID: id, UserID: "U1", Date: day, Type: supervision.Clinical, LoggedBy: "U1", LoggedAt: day}); err != nil {
			t.Fatal(err)
		}
	}
	addSession("s1", time.Date(2026, 10, 20, 0, 0, 0, 0, lon))
	now := time.Date(2026, 11, 2, 12, 0, 0, 0, lon)
	sr := supervisionReminders{db: db, standards: handlers.NewStandards(standards, db, nil)}
	it := scheduler.Item{ID: "sup:U1", Kind: scheduler.KindSupervision, Owner: "U1", To: "U1"}

	sessions, _ := db.Sessions(ctx, "U1", 0)
	st := supervision.ComputeStatus(standards.For(p.Role, p.Locality), sessions, nil, now)
	want, ok := supervision.NextReminder(p, st, nil, now)
	if !ok {
		t.Fatal("the rule gives no reminder; the test's record is wrong")
	}
	got, ok, err := sr.Plan(ctx, it, now)
	if err != nil || !ok || !got.Equal(want) {
		t.Fatalf("Plan = %v, %v, %v, want the Home's rule: %v", got, ok, err, want)
	}
	reply, send, err := sr.Compose(ctx, it, got)
	if err != nil || !send || !strings.Contains(reply.Text, st.Due.Format("Monday 2 January")) {
		t.Errorf("Compose at the planned time = %q, %v, %v, want a reminder naming %s", reply.Text, send, err, st.Due.Format("2 January"))
	}
	if _, send, _ := sr.Compose(ctx, it, got.Add(time.Hour)); send {
		t.Error("Compose at a time the rule does not give = send")
	}
	it.Snoozed = true
	if _, send, _ := sr.Compose(ctx, it, got.Add(time.Hour)); !send {
		t.Error("Compose of a snoozed reminder = no send, want it sent at the time the person chose")
	}
	it.Snoozed = false
	addSession("s2", time.Date(2026, 11, 10, 0, 0, 0, 0, lon)) // they had supervision: the due date moves
	if _, send, _ := sr.Compose(ctx, it, got); send {
		t.Error("a reminder the person acted on would be sent")
	}
}

// TestCoachRemindersNameEachClock: a coach has supervision and health
// coaching supervision, each with its own due date; the reminder that falls
// for one says which, and the App Home's rule (NextReminders) is the one
// followed.
func TestCoachRemindersNameEachClock(t *testing.T) {
	ctx := context.Background()
	db := reminderStore(t)
	standards := shippedStandards(t)
	lon, _ := time.LoadLocation("Europe/London")
	p := supervision.Profile{UserID: "U2", Role: supervision.Coach, TimeZone: "Europe/London", Reminders: true,
		ReminderDay: time.Monday, ReminderTime: "09:30", Created: time.Now(), Updated: time.Now()}
	if err := db.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	for id, s := range map[string]struct {
		day time.Time
		typ supervision.SessionType
	}{
		"c1": {time.Date(2026, 10, 20, 0, 0, 0, 0, lon), supervision.Clinical},
		"h1": {time.Date(2026, 10, 5, 0, 0, 0, 0, lon), supervision.CoachingSup},
	} {
		if err := db.AddSession(ctx, supervision.Session{ID: id, UserID: "U2", Date: s.day, Type: s.typ, LoggedBy: "U2", LoggedAt: s.day}); err != nil {
			t.Fatal(err)
		}
	}
	sr := supervisionReminders{db: db, standards: handlers.ShippedStandards(standards)}
	it := scheduler.Item{ID: "sup:U2", Kind: scheduler.KindSupervision, Owner: "U2", To: "U2"}
	now := time.Date(2026, 11, 1, 12, 0, 0, 0, lon)
	at, ok, err := sr.Plan(ctx, it, now)
	if err != nil || !ok {
		t.Fatalf("Plan = %v, %v, %v", at, ok, err)
	}
	reply, send, err := sr.Compose(ctx, it, at)
	if err != nil || !send {
		t.Fatalf("Compose at the planned time = %v, %v", send, err)
	}
	// Coaching supervision on 5 Oct is due a month on, first.
	if !strings.Contains(reply.Text, "health coaching supervision is due on Thursday 5 November") || strings.Contains(reply.Text, "20 November") {
		t.Errorf("the first reminder reads %q, want it to name health coaching supervision due on 5 November, alone", reply.Text)
	}
	at2, ok, err := sr.Plan(ctx, it, at)
	if err != nil || !ok {
		t.Fatalf("Plan after the first = %v, %v, %v", at2, ok, err)
	}
	reply, send, _ = sr.Compose(ctx, it, at2)
	if !send || !strings.Contains(reply.Text, "is due") {
		t.Errorf("the next reminder at %v = %q, %v", at2, reply.Text, send)
	}
}

func TestAdminDigest(t *testing.T) {
	ctx := context.Background()
	db := reminderStore(t)
	standards, _ := supervision.LoadStandards(nil)
	lon, _ := time.LoadLocation("Europe/London")
	at := time.Date(2026, 11, 2, 9, 0, 0, 0, lon)
	for _, p := range []struct {
		user, pcn string
		role      supervision.Role
		last      time.Time
	}{
		{"U1", "Gateshead Central", supervision.LinkWorker, time.Date(2026, 10, 20, 0, 0, 0, 0, lon)}, // on track
		{"U2", "Gateshead West", supervision.LinkWorker, time.Date(2026, 8, 1, 0, 0, 0, 0, lon)},      // overdue
	} {
		if err := db.SaveProfile(ctx, supervision.Profile{UserID: p.user, Role: p.role, PCN: p.pcn, TimeZone: "Europe/London", Created: at, Updated: at}); err != nil {
			t.Fatal(err)
		}
		if err := db.AddSession(ctx, supervision.Session{ID: "s", UserID: p.user, Date: p.last, Type: supervision.Clinical, LoggedBy: p.user, LoggedAt: p.last}); err != nil {
			t.Fatal(err)
		}
	}
	q := db.Reminders(2)
	if _, err := q.Put(ctx, scheduler.Item{ID: "dm:x", Kind: scheduler.KindDM, To: "U9", Due: at.Add(-time.Hour)}); err != nil {
		t.Fatal(err)
	}
	var claims []scheduler.Claim
	for s := range q.Shards() {
		cs, _ := q.Claim(ctx, s, at, time.Minute, 10)
		claims = append(claims, cs...)
	}
	if len(claims) != 1 {
		t.Fatalf("claimed %d, want 1", len(claims))
	}
	if _, err := q.Finish(ctx, at.Add(-time.Hour), scheduler.Done{Claim: claims[0], Finish: scheduler.Finish{Failure: "account_inactive"}}); err != nil {
		t.Fatal(err)
	}
	d := adminDigest{db: db, standards: handlers.NewStandards(standards, db, nil), failures: q.Failures}
	r, send, err := d.Compose(ctx, scheduler.Item{}, at)
	if err != nil || !send {
		t.Fatalf("Compose = %v, %v", send, err)
	}
	if want := "As of Monday 2 November 2026: 1 on track · 0 due soon · 1 overdue · 0 not started or unknown."; r.Text != want {
		t.Errorf("digest text = %q, want %q", r.Text, want)
	}
	if len(r.Sections) != 3 || len(r.Sections[1].Fields) != 2 || r.Sections[1].Fields[1].Label != handlers.AsTyped("Gateshead West") ||
		!strings.HasPrefix(r.Sections[1].Fields[1].Value, "0 on track · 0 due soon · 1 overdue") {
		t.Errorf("by PCN = %+v, want Gateshead West, shown as typed, with one overdue", r.Sections)
	}
	if got := r.Sections[2].Text; got != "- Message to U9 on 2 Nov: account_inactive" {
		t.Errorf("undelivered = %q, want the DM to U9 and its reason", got)
	}
}

func TestEnsureDigestsKeepsAScheduledOne(t *testing.T) {
	ctx := context.Background()
	db := reminderStore(t)
	now := time.Date(2026, 11, 2, 8, 0, 0, 0, time.UTC)
	e, err := scheduler.NewEngine(scheduler.Options{Queue: db.Reminders(2), Sender: bot.NewConsoleSender(io.Discard, nil),
		Now: func() time.Time { return now }, Compose: map[string]scheduler.Composer{scheduler.KindDigest: adminDigest{}.Compose}})
	if err != nil {
		t.Fatal(err)
	}
	if err := ensureDigests(ctx, e, []string{"UADMIN"}); err != nil {
		t.Fatal(err)
	}
	first, err := e.Item(ctx, "digest:UADMIN")
	if want := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC); err != nil || !first.Due.Equal(want) {
		t.Fatalf("digest due %v (%v), want %v", first.Due, err, want)
	}
	now = now.Add(90 * time.Minute) // a restart after it fell due, before it was sent
	if err := ensureDigests(ctx, e, []string{"UADMIN"}); err != nil {
		t.Fatal(err)
	}
	if again, _ := e.Item(ctx, "digest:UADMIN"); !again.Due.Equal(first.Due) {
		t.Errorf("a restart moved the digest from %v to %v: that week's would be lost", first.Due, again.Due)
	}
}

// TestHTTPModeSendsQueuedReminders boots the bot over HTTP against the fake
// Slack Web API and checks that the engine it runs delivers what is queued,
// tagged with its occurrence, counts it on /metrics, and schedules each
// admin's digest.
func TestHTTPModeSendsQueuedReminders(t *testing.T) {
	fake := fakeslack.New()
	srv := httptest.NewServer(fake.Handler())
	defer srv.Close()
	prefix := redistest.Prefix(t)
	p := startHTTP(t, map[string]string{"SLACK_API_URL": srv.URL + "/api/", "REDIS_KEY_PREFIX": prefix, "ADMIN_USER_IDS": "UADMIN1"})
	ctx := context.Background()
	db, err := store.Open(ctx, store.Options{URL: redistest.URL(t), Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	q := db.Reminders(store.DefaultReminderShards)
	due := time.Now().Truncate(time.Second)
	if _, err := q.Put(ctx, scheduler.Item{ID: "dm:e2e", Kind: scheduler.KindDM, To: "U42", Due: due,
		Payload: scheduler.ReplyPayload(handlers.Say("Please confirm your session on 2 November."))}); err != nil {
		t.Fatal(err)
	}
	waitFor(t, "the queued message to be posted", func() bool { return len(fake.Messages(fakeslack.IM("U42"))) == 1 })
	m := fake.Messages(fakeslack.IM("U42"))[0]
	if m.Text != "Please confirm your session on 2 November." || m.Occurrence != scheduler.Occurrence("dm:e2e", due) {
		t.Errorf("posted %q tagged %q, want the message tagged with its occurrence", m.Text, m.Occurrence)
	}
	waitFor(t, "the send to be recorded", func() bool { _, ok, _ := q.Get(ctx, "dm:e2e"); return !ok })
	res, err := http.Get(p.base + "/metrics")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if !strings.Contains(string(body), `peerbot_reminders_sent_total{kind="dm"} 1`) {
		t.Error("/metrics does not count the reminder sent")
	}
	if it, ok, err := q.Get(ctx, "digest:UADMIN1"); err != nil || !ok || it.Spec != digestSpec {
		t.Errorf("admin digest = %+v, %v, %v, want it scheduled on %q", it, ok, err, digestSpec)
	}
}

// An admin's override moves the reminder the engine plans.
func TestSupervisionRemindersFollowOverrides(t *testing.T) {
	ctx := context.Background()
	db := reminderStore(t)
	lon, _ := time.LoadLocation("Europe/London")
	p := supervision.Profile{UserID: "U1", Role: supervision.LinkWorker, TimeZone: "Europe/London", Reminders: true, ReminderDay: time.Monday, ReminderTime: "09:30"}
	if err := db.SaveProfile(ctx, p); err != nil {
		t.Fatal(err)
	}
	if err := db.AddSession(ctx, supervision.Session{ID: "s1", UserID: "U1", Date: time.Date(2026, 10, 20, 0, 0, 0, 0, lon), Type: supervision.Clinical, LoggedBy: "U1", LoggedAt: time.Now()}); err != nil {
		t.Fatal(err)
	}
	stds := handlers.NewStandards(nil, db, nil)
	sr := supervisionReminders{db: db, standards: stds}
	it := scheduler.Item{ID: "sup:U1", Kind: scheduler.KindSupervision, Owner: "U1", To: "U1"}
	now := time.Date(2026, 10, 21, 12, 0, 0, 0, lon)
	monthly, ok, err := sr.Plan(ctx, it, now)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	if err := stds.Set(ctx, supervision.Override{Role: supervision.LinkWorker, Weeks: 1, By: "UADMIN", At: now}); err != nil {
		t.Fatal(err)
	}
	weekly, ok, err := sr.Plan(ctx, it, now)
	if err != nil || !ok {
		t.Fatal(ok, err)
	}
	if !weekly.Before(monthly) || weekly.After(time.Date(2026, 10, 27, 23, 0, 0, 0, lon)) {
		t.Errorf("with supervision due weekly the reminder is planned for %v (monthly: %v), want by 27 Oct", weekly, monthly)
	}
}

// reminderStore is a store on the test Redis under a prefix of the test's
// own, closed when the test ends.
func reminderStore(t *testing.T) *store.Redis {
	t.Helper()
	db, err := store.Open(context.Background(), store.Options{URL: redistest.URL(t), Prefix: redistest.Prefix(t)})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// shippedStandards are the supervision standards the program ships.
func shippedStandards(t *testing.T) *supervision.Standards {
	t.Helper()
	s, err := supervision.LoadStandards(nil)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

// TestFirstSessionIsReminded: a person who has logged nothing that counts
// toward a clock (a new link worker; a coach who has only had clinical
// supervision) is reminded that their first is expected one interval after
// they set up their profile, and told so in those words.
func TestFirstSessionIsReminded(t *testing.T) {
	ctx := context.Background()
	db := reminderStore(t)
	standards := shippedStandards(t)
	lon, _ := time.LoadLocation("Europe/London")
	created := time.Date(2026, 10, 1, 10, 0, 0, 0, lon)
	for _, p := range []supervision.Profile{
		{UserID: "U3", Role: supervision.LinkWorker},
		{UserID: "U4", Role: supervision.Coach},
	} {
		p.TimeZone, p.Reminders, p.ReminderDay, p.ReminderTime, p.Created, p.Updated = "Europe/London", true, time.Monday, "09:30", created, created
		if err := db.SaveProfile(ctx, p); err != nil {
			t.Fatal(err)
		}
	}
	day := time.Date(2026, 10, 20, 0, 0, 0, 0, lon)
	if err := db.AddSession(ctx, supervision.Session{ID: "c1", UserID: "U4", Date: day, Type: supervision.Clinical, LoggedBy: "U4", LoggedAt: day}); err != nil {
		t.Fatal(err)
	}
	sr := supervisionReminders{db: db, standards: handlers.ShippedStandards(standards)}
	now := time.Date(2026, 10, 2, 12, 0, 0, 0, lon)
	for user, want := range map[string]string{
		"U3": "You haven't logged any ",
		"U4": "You haven't logged any health coaching supervision yet: your first is expected by Sunday 1 November.",
	} {
		it := scheduler.Item{ID: "sup:" + user, Kind: scheduler.KindSupervision, Owner: user, To: user}
		at, ok, err := sr.Plan(ctx, it, now)
		if err != nil || !ok {
			t.Fatalf("%s: Plan = %v, %v, %v, want a reminder for a first session", user, at, ok, err)
		}
		reply, send, err := sr.Compose(ctx, it, at)
		if err != nil || !send || !strings.Contains(reply.Text, want) {
			t.Errorf("%s: the reminder at %v reads %q (%v, %v), want %q", user, at, reply.Text, send, err, want)
		}
	}
}
