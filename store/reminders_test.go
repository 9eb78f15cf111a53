package store_test

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/bot"
	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/fakeslack"
	"github.com/peerbot/peerbot/scheduler"
	"github.com/peerbot/peerbot/store"
)

// clock is a settable clock for the engine.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time      { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Set(t time.Time)     { c.mu.Lock(); c.t = t; c.mu.Unlock() }
func (c *clock) Add(d time.Duration) { c.mu.Lock(); c.t = c.t.Add(d); c.mu.Unlock() }

// rig is an engine on a real Redis, sending to a fake Slack Web API.
type rig struct {
	q     *store.Reminders
	fake  *fakeslack.API
	api   *slack.Client
	clock *clock
	opts  scheduler.Options
	e     *scheduler.Engine
	reg   *prometheus.Registry
}

// metric returns the value of the series name with the given label values
// (a histogram gives its count), 0 when there is none.
func (rg *rig) metric(t *testing.T, name string, labels ...string) float64 {
	t.Helper()
	fams, err := rg.reg.Gather()
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fams {
		if f.GetName() != name {
			continue
		}
	series:
		for _, m := range f.GetMetric() {
			for i := 0; i+1 < len(labels); i += 2 {
				found := false
				for _, lp := range m.GetLabel() {
					if lp.GetName() == labels[i] && lp.GetValue() == labels[i+1] {
						found = true
					}
				}
				if !found {
					continue series
				}
			}
			switch {
			case m.Counter != nil:
				return m.Counter.GetValue()
			case m.Gauge != nil:
				return m.Gauge.GetValue()
			case m.Histogram != nil:
				return float64(m.Histogram.GetSampleCount())
			}
		}
	}
	return 0
}

const lease = time.Minute

func newRig(t *testing.T, start time.Time, tweak func(*scheduler.Options)) *rig {
	t.Helper()
	r, _ := openStore(t)
	fake := fakeslack.New()
	srv := httptest.NewServer(fake.Handler())
	t.Cleanup(srv.Close)
	api := slack.New("xoxb-test", slack.OptionAPIURL(srv.URL+"/api/"), slack.OptionHTTPClient(&http.Client{Timeout: 5 * time.Second}))
	rg := &rig{q: r.Reminders(4), fake: fake, api: api, clock: &clock{t: start}, reg: prometheus.NewRegistry()}
	m := scheduler.NewMetrics()
	rg.reg.MustRegister(m.Collectors()...)
	rg.opts = scheduler.Options{
		Queue: rg.q, Sender: bot.NewSender(api, nil), Now: rg.clock.Now, Lease: lease, Metrics: m,
		Zone: mustZone(t, "Europe/London"), Rate: -1, Backoff: time.Minute, MaxAttempts: 3,
	}
	if tweak != nil {
		tweak(&rg.opts)
	}
	rg.e = rg.engine(t, nil)
	return rg
}

// engine makes another engine (another replica) on the same queue and
// Slack; wrap, when set, wraps its queue.
func (rg *rig) engine(t *testing.T, wrap func(scheduler.Queue) scheduler.Queue) *scheduler.Engine {
	t.Helper()
	o := rg.opts
	o.Sender = bot.NewSender(rg.api, nil)
	if wrap != nil {
		o.Queue = wrap(rg.q)
	}
	e, err := scheduler.NewEngine(o)
	if err != nil {
		t.Fatal(err)
	}
	return e
}

func (rg *rig) tick(t *testing.T) int {
	t.Helper()
	return rg.e.Tick(context.Background())
}

func (rg *rig) posts(to string) int { return len(rg.fake.Messages(to)) }

func (rg *rig) item(t *testing.T, id string) (scheduler.Item, bool) {
	t.Helper()
	it, ok, err := rg.q.Get(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return it, ok
}

var nov2 = time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC) // a Monday, GMT

func TestReminderClaimLeaseAndReclaim(t *testing.T) {
	rg := newRig(t, nov2, nil)
	ctx := context.Background()
	due := nov2.Add(time.Hour)
	if _, err := rg.q.Put(ctx, scheduler.Item{ID: "dm:a", Kind: scheduler.KindDM, To: "U1", Due: due}); err != nil {
		t.Fatal(err)
	}
	claimAll := func(at time.Time) []scheduler.Claim {
		var out []scheduler.Claim
		for s := range rg.q.Shards() {
			cs, err := rg.q.Claim(ctx, s, at, lease, 10)
			if err != nil {
				t.Fatal(err)
			}
			out = append(out, cs...)
		}
		return out
	}
	if got := claimAll(due.Add(-time.Second)); len(got) != 0 {
		t.Fatalf("claimed %d before the due time, want 0", len(got))
	}
	first := claimAll(due)
	if len(first) != 1 || first[0].ID != "dm:a" || first[0].Started {
		t.Fatalf("claim at the due time = %+v, want dm:a, not started", first)
	}
	if got := claimAll(due.Add(lease / 2)); len(got) != 0 {
		t.Fatalf("claimed %d while leased, want 0", len(got))
	}
	// The holder dies: the lease runs out and another takes it, knowing
	// that the first may have sent it.
	again := claimAll(due.Add(lease + time.Second))
	if len(again) != 1 || again[0].Token == first[0].Token || !again[0].Started {
		t.Fatalf("reclaim after the lease = %+v, want a new token, marked started", again)
	}
	if held, err := rg.q.Finish(ctx, due, scheduler.Done{Claim: first[0]}, scheduler.Done{Claim: again[0]}); err != nil || held[0] || !held[1] {
		t.Errorf("Finish(dead holder, new holder) = %v, %v, want [false true]: only the new holder's claim counts", held, err)
	}
	if _, ok := rg.item(t, "dm:a"); ok {
		t.Error("a one-off is still stored after it was finished")
	}
}

func TestReminderScheduleSendsAndReschedules(t *testing.T) {
	rg := newRig(t, nov2, nil)
	ctx := context.Background()
	it, err := rg.e.Schedule(ctx, scheduler.Item{ID: "sched:meet", Kind: scheduler.KindSchedule, Owner: "UADMIN", To: "C0PEERS",
		Spec: "CRON_TZ=Europe/London 0 10 * * MON", Payload: scheduler.ReplyPayload(handlers.Say("Network meeting today at 10:00"))})
	if err != nil {
		t.Fatal(err)
	}
	if want := time.Date(2026, 11, 2, 10, 0, 0, 0, time.UTC); !it.Due.Equal(want) {
		t.Fatalf("first due = %v, want %v", it.Due, want)
	}
	if n := rg.tick(t); n != 0 || rg.posts("C0PEERS") != 0 {
		t.Fatalf("before it is due: claimed %d, posted %d", n, rg.posts("C0PEERS"))
	}
	rg.clock.Set(it.Due)
	rg.tick(t)
	if rg.posts("C0PEERS") != 1 {
		t.Fatalf("posted %d at the due time, want 1", rg.posts("C0PEERS"))
	}
	got, _ := rg.item(t, "sched:meet")
	if want := time.Date(2026, 11, 9, 10, 0, 0, 0, time.UTC); !got.Due.Equal(want) {
		t.Errorf("rescheduled to %v, want %v", got.Due, want)
	}
	rg.tick(t)
	if rg.posts("C0PEERS") != 1 {
		t.Errorf("a second tick posted again: %d posts", rg.posts("C0PEERS"))
	}
	list, _ := rg.e.List(ctx, "UADMIN")
	if len(list) != 1 || list[0].ID != "sched:meet" {
		t.Errorf("List(UADMIN) = %+v, want the schedule", list)
	}
}

func TestReminderDeleteAndChangeWhileInFlight(t *testing.T) {
	rg := newRig(t, nov2, nil)
	ctx := context.Background()
	put := func(id string, due time.Time) {
		if _, err := rg.q.Put(ctx, scheduler.Item{ID: id, Kind: scheduler.KindDM, Owner: "U1", To: "U1", Due: due, Payload: scheduler.ReplyPayload(handlers.Say("hi"))}); err != nil {
			t.Fatal(err)
		}
	}
	claim := func(id string) scheduler.Claim {
		for s := range rg.q.Shards() {
			cs, _ := rg.q.Claim(ctx, s, rg.clock.Now(), lease, 10)
			for _, c := range cs {
				if c.ID == id {
					return c
				}
			}
		}
		t.Fatalf("%s not claimed", id)
		return scheduler.Claim{}
	}
	put("dm:gone", nov2)
	c := claim("dm:gone")
	if err := rg.e.Delete(ctx, "dm:gone"); err != nil {
		t.Fatal(err)
	}
	if held, _ := rg.q.Finish(ctx, nov2, scheduler.Done{Claim: c, Finish: scheduler.Finish{Next: nov2.Add(time.Hour)}}); held[0] {
		t.Error("Finish after delete = true")
	}
	if _, ok := rg.item(t, "dm:gone"); ok {
		t.Error("a deleted item came back after its claim finished")
	}
	if list, _ := rg.e.List(ctx, "U1"); len(list) != 0 {
		t.Errorf("List after delete = %+v, want nothing", list)
	}
	// Scheduled again at once, at the same time, while the first send may
	// be out: the new claim must know to look in the history first.
	put("dm:gone", nov2)
	if again := claim("dm:gone"); !again.Started {
		t.Error("deleted and scheduled again during a send: the claim is not marked started, so it could go twice")
	}
	if err := rg.e.Delete(ctx, "dm:gone"); err != nil {
		t.Fatal(err)
	}

	put("dm:moved", nov2)
	c = claim("dm:moved")
	later := nov2.Add(48 * time.Hour)
	put("dm:moved", later) // changed in flight
	if held, _ := rg.q.Finish(ctx, nov2, scheduler.Done{Claim: c, Finish: scheduler.Finish{Next: nov2.Add(time.Hour)}}); !held[0] {
		t.Error("Finish after a change = false, want the new form put back")
	}
	it, ok := rg.item(t, "dm:moved")
	if !ok || !it.Due.Equal(later) {
		t.Errorf("after the claim finished the item is due %v (%v), want its new time %v", it.Due, ok, later)
	}
	rg.clock.Set(later)
	if n := rg.tick(t); n != 1 || rg.posts(fakeslack.IM("U1")) != 1 {
		t.Errorf("at its new time: claimed %d, posted %d, want 1 and 1", n, rg.posts(fakeslack.IM("U1")))
	}
}

func TestReminderCatchUpAfterDowntime(t *testing.T) {
	rg := newRig(t, nov2, nil)
	ctx := context.Background()
	it, err := rg.e.Schedule(ctx, scheduler.Item{ID: "sched:hourly", Kind: scheduler.KindSchedule, To: "C1",
		Spec: "0 * * * *", Payload: scheduler.ReplyPayload(handlers.Say("hourly"))})
	if err != nil {
		t.Fatal(err)
	}
	rg.clock.Set(it.Due.Add(5*time.Hour + 20*time.Minute)) // down for five fires
	rg.tick(t)
	rg.tick(t)
	if n := rg.posts("C1"); n != 1 {
		t.Fatalf("after five missed fires posted %d, want 1", n)
	}
	got, _ := rg.item(t, "sched:hourly")
	if want := it.Due.Add(6 * time.Hour); !got.Due.Equal(want) {
		t.Errorf("next due %v, want the next future fire %v", got.Due, want)
	}
	// Down for longer than the grace window: nothing is sent, the next
	// future fire is scheduled.
	rg.clock.Set(got.Due.Add(30 * time.Hour))
	rg.tick(t)
	if n := rg.posts("C1"); n != 1 {
		t.Errorf("past the grace window posted again: %d posts", n)
	}
	got2, _ := rg.item(t, "sched:hourly")
	if !got2.Due.After(rg.clock.Now()) {
		t.Errorf("past the grace window next due %v, want after now %v", got2.Due, rg.clock.Now())
	}
	if got := rg.metric(t, "peerbot_reminders_skipped_total", "cause", "past_grace"); got != 1 {
		t.Errorf("skipped past_grace = %v, want 1", got)
	}
	depth := 0.0 // sampled on the first tick, just after its claim
	for s := range rg.q.Shards() {
		for _, state := range []string{"waiting", "in_flight"} {
			depth += rg.metric(t, "peerbot_reminder_queue_depth", "shard", strconv.Itoa(s), "state", state)
		}
	}
	if depth != 1 {
		t.Errorf("queue depth over every shard = %v, want the one item", depth)
	}
}

func TestReminderDSTLondon(t *testing.T) {
	utc := func(mo time.Month, d, h, m int) time.Time { return time.Date(2026, mo, d, h, m, 0, 0, time.UTC) }
	tests := []struct {
		name  string
		start time.Time
		fires []time.Time // when it is sent, in order
		quiet []time.Time // ticks at these times send nothing
	}{
		{"March: 01:30 does not exist; sent at 02:00 BST", utc(3, 28, 12, 0),
			[]time.Time{utc(3, 29, 1, 0), utc(3, 30, 0, 30)}, []time.Time{utc(3, 29, 1, 30)}},
		{"October: 01:30 happens twice; sent once", utc(10, 24, 12, 0),
			[]time.Time{utc(10, 25, 0, 30), utc(10, 26, 1, 30)}, []time.Time{utc(10, 25, 1, 30)}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rg := newRig(t, tt.start, nil)
			it, err := rg.e.Schedule(context.Background(), scheduler.Item{ID: "sched:night", Kind: scheduler.KindSchedule, To: "C1",
				Spec: "30 1 * * *", Zone: "Europe/London", Payload: scheduler.ReplyPayload(handlers.Say("night"))})
			if err != nil {
				t.Fatal(err)
			}
			if !it.Due.Equal(tt.fires[0]) {
				t.Fatalf("first due %v, want %v", it.Due, tt.fires[0])
			}
			rg.clock.Set(tt.fires[0])
			rg.tick(t)
			for _, q := range tt.quiet {
				rg.clock.Set(q)
				rg.tick(t)
			}
			if n := rg.posts("C1"); n != 1 {
				t.Fatalf("posted %d by %v, want 1", n, rg.clock.Now())
			}
			got, _ := rg.item(t, "sched:night")
			if !got.Due.Equal(tt.fires[1]) {
				t.Errorf("next due %v, want %v", got.Due, tt.fires[1])
			}
		})
	}
}

func TestReminderRateLimitRequeues(t *testing.T) {
	rg := newRig(t, nov2, nil)
	rg.fake.RateLimit = func(method string, n int) time.Duration {
		if method == "chat.postMessage" && n == 1 {
			return 3 * time.Second
		}
		return 0
	}
	if err := rg.e.SendDM(context.Background(), "confirm:s1", "U7", handlers.Say("Please confirm")); err != nil {
		t.Fatal(err)
	}
	rg.tick(t)
	if rg.posts(fakeslack.IM("U7")) != 0 {
		t.Fatal("posted despite the 429")
	}
	rg.clock.Add(time.Second)
	if n := rg.tick(t); n != 0 {
		t.Errorf("claimed %d before Retry-After passed, want 0", n)
	}
	rg.clock.Add(2 * time.Second)
	rg.tick(t)
	rg.tick(t)
	if n := rg.posts(fakeslack.IM("U7")); n != 1 {
		t.Errorf("posted %d after Retry-After, want 1", n)
	}
	if calls := rg.fake.Calls("conversations.history"); calls != 0 {
		t.Errorf("a 429 (known unsent) led to %d history lookups, want 0", calls)
	}
	for _, m := range []struct {
		name   string
		labels []string
		want   float64
	}{
		{"peerbot_reminders_retried_total", []string{"cause", "rate_limited"}, 1},
		{"peerbot_reminders_sent_total", []string{"kind", "dm"}, 1},
		{"peerbot_reminder_lag_seconds", []string{"kind", "dm"}, 1},
	} {
		if got := rg.metric(t, m.name, m.labels...); got != m.want {
			t.Errorf("%s%v = %v, want %v", m.name, m.labels, got, m.want)
		}
	}
	if _, ok := rg.item(t, "dm:confirm:s1"); ok {
		t.Error("the DM is still queued after it was sent")
	}
}

// crashAfterSend is a queue whose Finish never lands, as when the process
// dies between Slack accepting a message and the outcome being recorded.
type crashAfterSend struct{ scheduler.Queue }

func (crashAfterSend) Finish(context.Context, time.Time, ...scheduler.Done) ([]bool, error) {
	return nil, errors.New("process killed")
}

func TestReminderCrashAfterSendIsNotSentAgain(t *testing.T) {
	rg := newRig(t, nov2, nil)
	ctx := context.Background()
	crashing := rg.engine(t, func(q scheduler.Queue) scheduler.Queue { return crashAfterSend{q} })
	if err := crashing.SendDM(ctx, "c1", "U9", handlers.Say("Please confirm the session")); err != nil {
		t.Fatal(err)
	}
	crashing.Tick(ctx)
	if n := rg.posts(fakeslack.IM("U9")); n != 1 {
		t.Fatalf("first replica posted %d, want 1", n)
	}
	rg.clock.Add(lease + time.Second) // the lease runs out; another replica takes it
	if n := rg.tick(t); n != 1 {
		t.Fatalf("second replica claimed %d, want 1", n)
	}
	if n := rg.posts(fakeslack.IM("U9")); n != 1 {
		t.Errorf("after the takeover %d posts, want 1: it was sent twice", n)
	}
	if rg.fake.Calls("conversations.history") != 1 {
		t.Errorf("history looked up %d times, want 1", rg.fake.Calls("conversations.history"))
	}
	if _, ok := rg.item(t, "dm:c1"); ok {
		t.Error("the DM is still queued after the takeover found it delivered")
	}
	if got := rg.metric(t, "peerbot_reminders_skipped_total", "cause", "already_sent"); got != 1 {
		t.Errorf("skipped already_sent = %v, want 1", got)
	}
}

func TestReminderFailures(t *testing.T) {
	rg := newRig(t, nov2, nil)
	ctx := context.Background()
	rg.fake.Errors["U404"] = "account_inactive"
	rg.fake.Errors["C0ODD"] = "internal_error"
	if _, err := rg.e.Schedule(ctx, scheduler.Item{ID: "sched:gone", Kind: scheduler.KindSchedule, Owner: "UADMIN", To: "U404",
		Spec: "0 * * * *", Payload: scheduler.ReplyPayload(handlers.Say("x"))}); err != nil {
		t.Fatal(err)
	}
	if err := rg.e.SendDM(ctx, "odd", "C0ODD", handlers.Say("y")); err != nil {
		t.Fatal(err)
	}
	for range 8 { // an hour and more, in ten-minute steps
		rg.tick(t)
		rg.clock.Add(10 * time.Minute)
	}
	stopped, _ := rg.item(t, "sched:gone")
	if !stopped.Stopped || stopped.Failure == "" {
		t.Errorf("after a permanent failure the item is %+v, want stopped with a reason", stopped)
	}
	if _, ok := rg.item(t, "dm:odd"); ok {
		t.Error("a one-off still queued after its attempts ran out")
	}
	if n := rg.fake.Calls("chat.postMessage"); n != 3 {
		t.Errorf("chat.postMessage called %d times, want 3 tries", n)
	}
	if n := rg.fake.Calls("conversations.open"); n != 1 {
		t.Errorf("conversations.open called %d times for a deactivated person, want 1", n)
	}
	recs, err := rg.e.Failures(ctx, nov2)
	if err != nil {
		t.Fatal(err)
	}
	reasons := map[string]string{}
	for _, r := range recs {
		reasons[r.ID] = r.Reason
	}
	if len(recs) != 2 || reasons["sched:gone"] == "" || reasons["dm:odd"] == "" {
		t.Errorf("Failures = %+v, want both items with reasons", recs)
	}
	for cause, want := range map[string]float64{"permanent": 1, "exhausted": 1} {
		if got := rg.metric(t, "peerbot_reminders_failed_total", "reason", cause); got != want {
			t.Errorf("failed %s = %v, want %v", cause, got, want)
		}
	}
	if got := rg.metric(t, "peerbot_reminders_retried_total", "cause", "error"); got != 2 {
		t.Errorf("retried after errors = %v, want 2", got)
	}
}

// blockingSender holds its first send until released.
type blockingSender struct {
	scheduler.Sender
	entered, release chan struct{}
	once             sync.Once
}

func (b *blockingSender) Send(ctx context.Context, to, occ string, msg handlers.Reply) error {
	b.once.Do(func() { close(b.entered); <-b.release })
	return b.Sender.Send(ctx, to, occ, msg)
}

func TestReminderStopReleasesClaims(t *testing.T) {
	rg := newRig(t, nov2, nil)
	ctx := context.Background()
	bs := &blockingSender{Sender: bot.NewSender(rg.api, nil), entered: make(chan struct{}), release: make(chan struct{})}
	o := rg.opts
	o.Sender, o.Workers, o.Batch = bs, 1, 10
	stopping, err := scheduler.NewEngine(o)
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range []string{"UA", "UB", "UC"} {
		if _, err := rg.q.Put(ctx, scheduler.Item{ID: "dm:" + u, Kind: scheduler.KindDM, To: u, Due: nov2, Payload: scheduler.ReplyPayload(handlers.Say("hi"))}); err != nil {
			t.Fatal(err)
		}
	}
	done := make(chan int)
	go func() { done <- stopping.Tick(ctx) }()
	<-bs.entered
	stopped := make(chan error)
	go func() { stopped <- stopping.Stop(ctx) }()
	time.Sleep(50 * time.Millisecond) // let Stop mark the engine stopping
	close(bs.release)
	claimed := <-done
	if err := <-stopped; err != nil {
		t.Fatal(err)
	}
	if claimed < 2 {
		t.Skipf("the tick claimed %d (items fell in one shard's batch order); need at least 2", claimed)
	}
	// The send under way finished; the rest went back at once, not after
	// the lease: another replica sends them now.
	rg.tick(t)
	total := 0
	for _, u := range []string{"UA", "UB", "UC"} {
		n := rg.posts(fakeslack.IM(u))
		if n > 1 {
			t.Errorf("%s got %d messages, want 1", u, n)
		}
		total += n
	}
	if total != 3 {
		t.Errorf("%d of 3 delivered after the stop and one tick of another replica, want 3", total)
	}
}

// TestReminderSupervisionCallbacks runs a personal reminder whose times and
// text come from the wiring's callbacks, as supervision's rule supplies
// them, and checks that a declined occurrence is not sent.
func TestReminderSupervisionCallbacks(t *testing.T) {
	first, second := nov2.Add(time.Hour), nov2.Add(7*24*time.Hour)
	acted := false
	rg := newRig(t, nov2, func(o *scheduler.Options) {
		o.Plan = map[string]scheduler.Planner{scheduler.KindSupervision: func(_ context.Context, it scheduler.Item, after time.Time) (time.Time, bool, error) {
			for _, t := range []time.Time{first, second} {
				if t.After(after) {
					return t, true, nil
				}
			}
			return time.Time{}, false, nil
		}}
		o.Compose = map[string]scheduler.Composer{scheduler.KindSupervision: func(_ context.Context, it scheduler.Item, at time.Time) (handlers.Reply, bool, error) {
			return handlers.Reply{Header: "Supervision due", Text: "Due on " + at.Format("2 Jan")}, !acted, nil
		}}
	})
	ctx := context.Background()
	it, err := rg.e.Schedule(ctx, scheduler.Item{ID: "sup:U5", Kind: scheduler.KindSupervision, Owner: "U5", To: "U5"})
	if err != nil || !it.Due.Equal(first) {
		t.Fatalf("Schedule = %v, %v, want due %v", it.Due, err, first)
	}
	rg.clock.Set(first)
	rg.tick(t)
	msgs := rg.fake.Messages(fakeslack.IM("U5"))
	if len(msgs) != 1 || msgs[0].Text != "Supervision due: Due on 2 Nov" {
		t.Fatalf("messages = %+v, want the composed reminder", msgs)
	}
	acted = true // the person logged a session
	rg.clock.Set(second)
	rg.tick(t)
	if n := rg.posts(fakeslack.IM("U5")); n != 1 {
		t.Errorf("a reminder the person acted on was sent: %d posts", n)
	}
	if _, ok := rg.item(t, "sup:U5"); ok {
		t.Error("the reminder is still queued with nothing left to remind about")
	}
}
