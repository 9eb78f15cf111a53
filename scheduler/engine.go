package scheduler

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"sync"
	"sync/atomic"
	"time"

	"github.com/robfig/cron/v3"

	"github.com/peerbot/peerbot/handlers"
)

// Options configures an Engine. Queue and Sender are required.
type Options struct {
	Queue  Queue
	Sender Sender
	// Compose builds messages, by item kind. KindDM and KindSchedule have
	// their own (the payload is the reply); KindSupervision and KindDigest
	// need one from the wiring.
	Compose map[string]Composer
	// Plan gives next times, by item kind, for items without a cron spec
	// (KindSupervision). An item with neither is a one-off.
	Plan   map[string]Planner
	Zone   *time.Location // for items and specs that name none; UTC when nil
	Logger *slog.Logger
	// Metrics, when set, is kept up to date; register its Collectors.
	Metrics *Metrics
	Now     func() time.Time

	Lease       time.Duration // how long a claim holds an item; default 60 s
	Grace       time.Duration // how late a recurring occurrence may still go out; default 24 h
	Batch       int           // most items claimed from one shard in a tick; default 100
	Workers     int           // sends at once; default 8
	PerTo       time.Duration // least time between two sends to one person or channel; default 1 s
	Rate        float64       // sends a second across all destinations; default 20, <0 for no limit
	MaxAttempts int           // tries of one occurrence before it is recorded as failed; default 5
	Backoff     time.Duration // wait before the first retry, doubling each time up to an hour; default 30 s
	SendTimeout time.Duration // bound on one call to the sender; default 15 s
	Every       time.Duration // time between ticks; default 1 s
}

// Engine claims due items from every shard, sends them once, and schedules
// what comes next. It is safe for concurrent use.
type Engine struct {
	o       Options
	log     *slog.Logger
	metrics *Metrics
	limit   *limiter
	compose map[string]Composer
	cron    *cron.Cron

	tickMu   sync.Mutex
	settleMu sync.Mutex
	planMu   [64]sync.Mutex // Schedule's, striped by item id (planLock)
	pending  []Done
	again    atomic.Bool
	stopping atomic.Bool
	kick     chan struct{}
	done     chan struct{}
	loop     sync.WaitGroup
	ticks    atomic.Int64
}

// NewEngine returns a stopped engine.
func NewEngine(o Options) (*Engine, error) {
	if o.Queue == nil || o.Sender == nil {
		return nil, errors.New("scheduler: the engine needs a queue and a sender")
	}
	def := func(d *time.Duration, v time.Duration) {
		if *d <= 0 {
			*d = v
		}
	}
	def(&o.Lease, time.Minute)
	def(&o.Grace, 24*time.Hour)
	def(&o.PerTo, time.Second)
	def(&o.Backoff, 30*time.Second)
	def(&o.SendTimeout, 15*time.Second)
	def(&o.Every, time.Second)
	if o.Batch <= 0 {
		o.Batch = 100
	}
	if o.Workers <= 0 {
		o.Workers = 8
	}
	if o.Rate == 0 {
		o.Rate = 20
	}
	if o.MaxAttempts <= 0 {
		o.MaxAttempts = 5
	}
	if o.Zone == nil {
		o.Zone = time.UTC
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.Metrics == nil {
		o.Metrics = NewMetrics() // counted, just not served
	}
	e := &Engine{
		o:       o,
		log:     o.Logger,
		metrics: o.Metrics,
		limit:   newLimiter(o.PerTo, max(o.Rate, 0)),
		compose: map[string]Composer{KindDM: composeReply(false), KindSchedule: composeReply(true)},
		kick:    make(chan struct{}, 1),
		done:    make(chan struct{}),
	}
	for k, c := range o.Compose {
		e.compose[k] = c
	}
	logger := cronLogger{o.Logger}
	e.cron = cron.New(cron.WithChain(cron.Recover(logger), cron.SkipIfStillRunning(logger)))
	e.cron.Schedule(cron.Every(o.Every), cron.FuncJob(func() { e.Tick(context.Background()) }))
	return e, nil
}

func composeReply(public bool) Composer {
	return func(_ context.Context, it Item, _ time.Time) (handlers.Reply, bool, error) {
		r, err := replyOf(it)
		r.Public = public
		return r, err == nil, err
	}
}

// Start runs the ticks, and a tick at once whenever a message is queued to
// go now.
func (e *Engine) Start() {
	e.cron.Start()
	e.loop.Add(1)
	go func() {
		defer e.loop.Done()
		for {
			select {
			case <-e.done:
				return
			case <-e.kick:
				e.Tick(context.Background())
			}
		}
	}()
}

// Stop takes no more work, lets sends under way finish, and releases every
// claim not yet sent so another replica takes it at once. It waits until
// ctx ends.
func (e *Engine) Stop(ctx context.Context) error {
	if e.stopping.Swap(true) {
		return nil
	}
	close(e.done)
	cronDone := e.cron.Stop()
	finished := make(chan struct{})
	go func() {
		<-cronDone.Done()
		e.loop.Wait()
		// Wait out a tick under way (it releases what it has not sent),
		// then record anything left.
		e.tickMu.Lock()
		defer e.tickMu.Unlock()
		e.flush(context.Background())
		close(finished)
	}()
	select {
	case <-finished:
		return nil
	case <-ctx.Done():
		return fmt.Errorf("reminder sends still running: %w", ctx.Err())
	}
}

// Tick claims what has fallen due in every shard and deals with it, and
// returns how many claims it took. A tick that finds another under way
// asks it to run again instead. Ticks run on their own once started; tests
// and benchmarks call Tick directly with an injected clock.
func (e *Engine) Tick(ctx context.Context) int {
	if !e.tickMu.TryLock() {
		e.again.Store(true)
		return 0
	}
	defer e.tickMu.Unlock()
	total := 0
	for {
		e.again.Store(false)
		total += e.tickOnce(ctx)
		if !e.again.Load() || e.stopping.Load() {
			return total
		}
	}
}

func (e *Engine) tickOnce(ctx context.Context) int {
	if e.stopping.Load() {
		return 0
	}
	now := e.o.Now()
	n := e.o.Batch
	if e.o.Rate > 0 { // claim about what the budget lets out before the next tick
		n = min(n, max(1, int(math.Ceil(e.o.Rate*e.o.Every.Seconds()*2/float64(e.o.Queue.Shards())))))
	}
	var claims []Claim
	for shard := range e.o.Queue.Shards() {
		cs, err := e.o.Queue.Claim(ctx, shard, now, e.o.Lease, n)
		if err != nil {
			e.log.Error("claiming reminders failed", "shard", shard, "err", err)
			continue
		}
		claims = append(claims, cs...)
	}
	if e.ticks.Add(1)%15 == 1 {
		e.observeDepth(ctx)
	}
	sem := make(chan struct{}, e.o.Workers)
	var wg sync.WaitGroup
	for _, c := range claims {
		sem <- struct{}{}
		wg.Add(1)
		go func() {
			defer func() { <-sem; wg.Done() }()
			defer func() {
				if p := recover(); p != nil {
					e.log.Error("a reminder send panicked; its lease will return it", "item", c.ID, "panic", fmt.Sprint(p))
				}
			}()
			e.process(ctx, c, now)
		}()
	}
	wg.Wait()
	e.flush(ctx)
	return len(claims)
}

func (e *Engine) observeDepth(ctx context.Context) {
	for shard := range e.o.Queue.Shards() {
		w, f, err := e.o.Queue.Depth(ctx, shard)
		if err == nil {
			e.metrics.setDepth(shard, w, f)
		}
	}
}

// settleBatch is how many finished claims are recorded in one round trip.
// A replica that dies holding unrecorded ones costs, for each, a history
// lookup by the replica that takes it over, never a second send.
const settleBatch = 64

// finish queues a claim's end to be recorded with others: when the batch
// fills, or when the tick's sends are done.
func (e *Engine) finish(ctx context.Context, c Claim, f Finish) {
	if c.Started {
		f.Unsent = false // an earlier attempt may have reached Slack
	}
	e.settleMu.Lock()
	e.pending = append(e.pending, Done{Claim: c, Finish: f})
	var batch []Done
	if len(e.pending) >= settleBatch {
		batch, e.pending = e.pending, nil
	}
	e.settleMu.Unlock()
	e.record(ctx, batch)
}

// flush records every finished claim not yet recorded.
func (e *Engine) flush(ctx context.Context) {
	e.settleMu.Lock()
	batch := e.pending
	e.pending = nil
	e.settleMu.Unlock()
	e.record(ctx, batch)
}

// record writes a batch, logging a failure to: the leases then return the
// items, and their send-started marks keep them from going twice.
func (e *Engine) record(ctx context.Context, batch []Done) {
	if len(batch) == 0 {
		return
	}
	held, err := e.o.Queue.Finish(ctx, e.o.Now(), batch...)
	if err != nil {
		e.log.Error("recording reminders' outcomes failed; their leases will return them", "count", len(batch), "err", err)
		return
	}
	for i, ok := range held {
		if !ok {
			e.log.Debug("a reminder changed or was taken over while in flight", "item", batch[i].Claim.ID)
		}
	}
}

// process deals with one claim: skip it, send it, or put it back.
func (e *Engine) process(ctx context.Context, c Claim, claimed time.Time) {
	it, now := c.Item, e.o.Now()
	log := e.log.With("item", it.ID, "kind", it.Kind)
	if e.stopping.Load() {
		e.finish(ctx, c, Finish{RetryAt: now, Unsent: true})
		return
	}
	occ := Occurrence(it.ID, it.Due)
	after := it.Due
	if now.After(after) {
		after = now // missed occurrences go once, then the next future one
	}
	if e.recurring(it) && !c.Started && now.Sub(it.Due) > e.o.Grace {
		log.Info("skipping a reminder missed by more than the grace window", "due", it.Due)
		e.metrics.skipped.WithLabelValues(it.Kind, "past_grace").Inc()
		e.finish(ctx, c, Finish{Next: e.next(ctx, it, after)})
		return
	}
	if c.Started {
		sent, err := e.o.Sender.Delivered(ctx, it.To, occ, c.StartedAt.Add(-time.Minute))
		if err != nil {
			e.retry(ctx, c, err, now, true)
			return
		}
		if sent {
			log.Info("a reminder was already delivered before its sender stopped; not sending again")
			e.metrics.skipped.WithLabelValues(it.Kind, "already_sent").Inc()
			e.finish(ctx, c, Finish{Next: e.next(ctx, it, after)})
			return
		}
	}
	msg, send, err := e.composeFor(ctx, it)
	if err != nil {
		e.retry(ctx, c, fmt.Errorf("building the message: %w", err), now, true)
		return
	}
	if !send {
		e.metrics.skipped.WithLabelValues(it.Kind, "not_needed").Inc()
		e.finish(ctx, c, Finish{Next: e.next(ctx, it, after)})
		return
	}
	if wait := e.limit.reserve(it.To, now); wait > 0 {
		e.metrics.retried.WithLabelValues(it.Kind, "deferred").Inc()
		e.finish(ctx, c, Finish{RetryAt: now.Add(wait), Unsent: true})
		return
	}
	// A claim that waited behind slow sends for half its lease goes back
	// rather than risk a takeover while it is sent (see the package doc).
	if e.stopping.Load() || now.Sub(claimed) > e.o.Lease/2 {
		e.finish(ctx, c, Finish{RetryAt: now, Unsent: true})
		return
	}
	sctx, cancel := context.WithTimeout(ctx, e.o.SendTimeout)
	err = e.o.Sender.Send(sctx, it.To, occ, msg)
	cancel()
	if err != nil {
		e.sendFailed(ctx, log, c, err)
		return
	}
	e.metrics.sent.WithLabelValues(it.Kind).Inc()
	e.metrics.lag.WithLabelValues(it.Kind).Observe(max(0, e.o.Now().Sub(it.Due).Seconds()))
	e.finish(ctx, c, Finish{Next: e.next(ctx, it, after)})
}

// sendFailed puts a failed send back or gives up on it.
func (e *Engine) sendFailed(ctx context.Context, log *slog.Logger, c Claim, err error) {
	it, now := c.Item, e.o.Now()
	var rl *RateLimitError
	switch {
	case errors.As(err, &rl):
		at := now.Add(max(rl.RetryAfter, time.Second))
		e.limit.hold(it.To, at)
		log.Warn("rate limited by Slack; the reminder goes back in the queue", "retry_after", rl.RetryAfter)
		e.metrics.retried.WithLabelValues(it.Kind, "rate_limited").Inc()
		e.finish(ctx, c, Finish{RetryAt: at, Unsent: true})
	case errors.Is(err, ErrPermanent):
		log.Warn("a reminder cannot be delivered; stopping it", "err", err)
		e.metrics.failed.WithLabelValues(it.Kind, "permanent").Inc()
		e.finish(ctx, c, Finish{Stop: e.recurring(it), Failure: err.Error()}) // a one-off ends
	default:
		e.retry(ctx, c, err, now, false) // it may have been posted
	}
}

// retry puts the occurrence back after a backoff, or, after MaxAttempts,
// records the failure and moves on to the next occurrence.
func (e *Engine) retry(ctx context.Context, c Claim, err error, now time.Time, unsent bool) {
	it := c.Item
	var rl *RateLimitError
	if errors.As(err, &rl) { // a lookup that was rate limited costs no attempt
		e.metrics.retried.WithLabelValues(it.Kind, "rate_limited").Inc()
		e.finish(ctx, c, Finish{RetryAt: now.Add(max(rl.RetryAfter, time.Second)), Unsent: unsent})
		return
	}
	if it.Attempts+1 >= e.o.MaxAttempts {
		e.log.Error("giving up on a reminder occurrence", "item", it.ID, "attempts", it.Attempts+1, "err", err)
		e.metrics.failed.WithLabelValues(it.Kind, "exhausted").Inc()
		after := it.Due
		if now.After(after) {
			after = now
		}
		e.finish(ctx, c, Finish{Next: e.next(ctx, it, after), Failure: fmt.Sprintf("gave up after %d tries: %v", it.Attempts+1, err)})
		return
	}
	wait := e.o.Backoff << it.Attempts
	if wait > time.Hour || wait <= 0 {
		wait = time.Hour
	}
	e.log.Warn("a reminder send failed; trying again later", "item", it.ID, "attempt", it.Attempts+1, "retry_in", wait, "err", err)
	e.metrics.retried.WithLabelValues(it.Kind, "error").Inc()
	e.finish(ctx, c, Finish{RetryAt: now.Add(wait), Counted: true, Unsent: unsent, Failure: err.Error()})
}

func (e *Engine) composeFor(ctx context.Context, it Item) (handlers.Reply, bool, error) {
	c, ok := e.compose[it.Kind]
	if !ok {
		return handlers.Reply{}, false, fmt.Errorf("no composer for kind %q", it.Kind)
	}
	return c(ctx, it, it.Due)
}

func (e *Engine) recurring(it Item) bool { return it.Spec != "" || e.o.Plan[it.Kind] != nil }

// next is when it falls after `after`: from its spec, its kind's planner,
// or never. A planner that fails (Redis down) is asked again in a quarter
// of an hour: the item comes back then as an occurrence its composer can
// decline.
func (e *Engine) next(ctx context.Context, it Item, after time.Time) time.Time {
	t, err := e.nextTime(ctx, it, after)
	if err != nil {
		e.log.Error("working out a reminder's next time failed; asking again later", "item", it.ID, "err", err)
		return after.Add(15 * time.Minute)
	}
	return t
}

func (e *Engine) nextTime(ctx context.Context, it Item, after time.Time) (time.Time, error) {
	if it.Spec != "" {
		s, err := ParseSpec(it.Spec, e.zoneOf(it))
		if err != nil {
			return time.Time{}, nil // stored specs were checked; one that fails now ends
		}
		return s.Next(after), nil
	}
	if p := e.o.Plan[it.Kind]; p != nil {
		t, ok, err := p(ctx, it, after)
		if err != nil || !ok {
			return time.Time{}, err
		}
		return t, nil
	}
	return time.Time{}, nil
}

func (e *Engine) zoneOf(it Item) *time.Location {
	if it.Zone != "" {
		if l, err := LoadZone(it.Zone); err == nil {
			return l
		}
	}
	return e.o.Zone
}
