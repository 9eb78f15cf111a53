package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/scheduler"
	"github.com/peerbot/peerbot/store"
)

// TestHTTPReminderCommands runs the reminder commands over Slack: a log
// plans the person's reminder in the engine, the reminder's Snooze a week
// button answers in place, an admin's schedule takes the channel as Slack
// escapes it, and /peer clock is not there.
func TestHTTPReminderCommands(t *testing.T) {
	prefix := redistest.Prefix(t)
	p := startHTTP(t, map[string]string{"REDIS_KEY_PREFIX": prefix, "ADMIN_USER_IDS": "U09ADMIN"})
	ctx := context.Background()
	db, err := store.Open(ctx, store.Options{URL: redistest.URL(t), Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	q := db.Reminders(store.DefaultReminderShards)

	p.slashAs(t, "U01ALICE", "/supervision", `setup role="link worker" pcn="Gateshead West" locality=gateshead reminders=on day=monday time=09:30`)
	// A session four weeks ago: the next reminder is within the week.
	mustContain(t, "log", p.slashAs(t, "U01ALICE", "/supervision", "log "+time.Now().AddDate(0, 0, -28).Format("2 Jan 2006")+" clinical 1h"), "Logged")
	waitFor(t, "the log to plan the reminder", func() bool {
		// Setup plans one for a first session, a month on; the log brings it within the week.
		it, ok, _ := q.Get(ctx, scheduler.SupervisionID("U01ALICE"))
		return ok && it.Due.Before(time.Now().AddDate(0, 0, 8))
	})
	planned, _, _ := q.Get(ctx, scheduler.SupervisionID("U01ALICE"))
	mustContain(t, "remind", p.slashAs(t, "U01ALICE", "/supervision", "remind"), planned.Due.In(mustLoad(t, "Europe/London")).Format("Mon 2 Jan 2006 at 15:04"))

	p.press(t, "U01ALICE", "supervision snooze 7")
	week := time.Now().In(mustLoad(t, "Europe/London")).AddDate(0, 0, 7)
	mustContain(t, "the Snooze a week button", p.respondText(t, 1), "Snoozed", week.Format("Mon 2 Jan 2006")+" at 09:30")
	it, ok, err := q.Get(ctx, scheduler.SupervisionID("U01ALICE"))
	if err != nil || !ok || !it.Snoozed || !it.Due.After(planned.Due) {
		t.Errorf("after Snooze a week the item is %+v, %v, %v; want it snoozed after %v", it, ok, err, planned.Due)
	}

	// The App Home, drawn again, shows the snoozed time, as the engine has it.
	waitFor(t, "the App Home to show the snoozed reminder", func() bool {
		p.slack.mu.Lock()
		defer p.slack.mu.Unlock()
		for _, c := range p.slack.views {
			if js, _ := json.Marshal(c.body); c.method == "views.publish" && strings.Contains(string(js), week.Format("Mon 2 Jan 2006")+" at 09:30 (Europe/London), by direct message: you snoozed it") {
				return true
			}
		}
		return false
	})

	// A log through the form plans the reminder too.
	p.slashAs(t, "U07BEN", "/supervision", `setup role="link worker" pcn="Gateshead West" locality=gateshead reminders=on day=monday time=09:30`)
	code, body := p.submitForm(t, "U07BEN", "supervision.log", map[string]map[string]any{
		"date":    {"type": "datepicker", "selected_date": time.Now().Format(time.DateOnly)},
		"type":    {"type": "static_select", "selected_option": map[string]string{"value": "clinical"}},
		"minutes": {"type": "number_input", "value": "60"},
	})
	if code != 200 || strings.TrimSpace(body) != "" {
		t.Fatalf("log form: %d %q, want it closed", code, body)
	}
	waitFor(t, "the log form to plan the reminder", func() bool {
		it, ok, _ := q.Get(ctx, scheduler.SupervisionID("U07BEN"))
		return ok && it.Due.After(time.Now().AddDate(0, 0, 14))
	})

	got := p.slashAs(t, "U09ADMIN", "/peer", `schedule add “0 10 * * MON” <#C0PEERS|peer-support> Network meeting at 10`)
	mustContain(t, "schedule add", got, "Scheduled", "channel C0PEERS", "Network meeting at 10")
	mustContain(t, "schedule list", p.slashAs(t, "U09ADMIN", "/peer", "schedule list"), "C0PEERS", "Next: ")
	mustContain(t, "not an admin", p.slashAs(t, "U01ALICE", "/peer", "schedule list"), "admin")
	if got := p.slashAs(t, "U09ADMIN", "/peer", "clock 2027-01-01T09:00:00Z"); strings.Contains(got, "clock now reads") {
		t.Errorf("/peer clock moved a clock over Slack: %s", got)
	}
}

func mustLoad(t testing.TB, name string) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation(name)
	if err != nil {
		t.Fatal(err)
	}
	return loc
}
