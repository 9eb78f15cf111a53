package store_test

import (
	"context"
	"fmt"
	"hash/crc32"
	"net"
	"os/exec"
	"runtime"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/redis/go-redis/v9"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/scheduler"
	"github.com/peerbot/peerbot/store"
)

// countingSender accepts and counts every message: the benchmark measures
// the engine and Redis, not Slack.
type countingSender struct{ n atomic.Int64 }

func (s *countingSender) Send(context.Context, string, string, handlers.Reply) error {
	s.n.Add(1)
	return nil
}

func (s *countingSender) Delivered(context.Context, string, string, time.Time) (bool, error) {
	return false, nil
}

const benchShards = 8

// benchKeys mirrors the store's key schema for seeding at speed.
func benchKeys(prefix, id string) (item, due, own string) {
	s := strconv.Itoa(int(crc32.ChecksumIEEE([]byte(id)) % benchShards))
	base := prefix + "rem:{r" + s + "}:"
	return base + "item:" + id, base + "due", base + "own:U" + id[len("sup:U"):]
}

// seedReminders writes n personal reminders straight into Redis with
// pipelines, as Put writes them: from..from+n, due at due.
func seedReminders(tb testing.TB, c *redis.Client, prefix string, from, n int, due time.Time) {
	tb.Helper()
	ctx := context.Background()
	pipe := c.Pipeline()
	for i := from; i < from+n; i++ {
		id := fmt.Sprintf("sup:U%07d", i)
		item, dueKey, own := benchKeys(prefix, id)
		d := due.Add(time.Duration(i%1000) * time.Second).UnixMilli()
		user := fmt.Sprintf("U%07d", i)
		pipe.HSet(ctx, item, "k", scheduler.KindSupervision, "o", user, "to", user, "due", d, "tz", "Europe/London", "v", "1")
		pipe.ZAdd(ctx, dueKey, redis.Z{Score: float64(d), Member: id})
		pipe.HSet(ctx, own, id, "")
		if pipe.Len() >= 20000 {
			if _, err := pipe.Exec(ctx); err != nil {
				tb.Fatal(err)
			}
		}
	}
	if _, err := pipe.Exec(ctx); err != nil {
		tb.Fatal(err)
	}
}

// dropReminders deletes what seedReminders wrote.
func dropReminders(tb testing.TB, c *redis.Client, prefix string, n int) {
	tb.Helper()
	ctx := context.Background()
	pipe := c.Pipeline()
	for i := range n {
		item, _, own := benchKeys(prefix, fmt.Sprintf("sup:U%07d", i))
		pipe.Unlink(ctx, item, own)
		if pipe.Len() >= 20000 {
			_, _ = pipe.Exec(ctx)
		}
	}
	for s := range benchShards {
		pipe.Unlink(ctx, prefix+"rem:{r"+strconv.Itoa(s)+"}:due", prefix+"rem:{r"+strconv.Itoa(s)+"}:fly")
	}
	_, _ = pipe.Exec(ctx)
}

// BenchmarkReminderTick times one tick that finds 1,000 reminders due
// among many more stored: claim, mark started, send (to a sender that only
// accepts) and finish each. It should grow with the due items, not the
// stored ones. It also reports Redis bytes per stored reminder.
func BenchmarkReminderTick(b *testing.B) {
	for _, stored := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("stored=%d", stored), func(b *testing.B) {
			url, prefix := benchRedis(b)
			opts, err := redis.ParseURL(url)
			if err != nil {
				b.Fatal(err)
			}
			c := redis.NewClient(opts)
			defer c.Close()
			db, err := store.Open(context.Background(), store.Options{URL: url, Prefix: prefix})
			if err != nil {
				b.Fatal(err)
			}
			defer db.Close()
			now := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
			clock := now // moves on each round, so one person's limit of a message a second does not hold sends back
			const due = 1000
			// The stored ones fall due over the next weeks; 1,000 fall due now.
			seedReminders(b, c, prefix, due, stored-due, now.Add(7*24*time.Hour))
			defer dropReminders(b, c, prefix, stored)
			perReminder := bytesPerReminder(b, c, prefix, stored-due)
			sender := &countingSender{}
			e, err := scheduler.NewEngine(scheduler.Options{
				Queue: db.Reminders(benchShards), Sender: sender, Now: func() time.Time { return clock },
				Rate: -1, Batch: due,
				Compose: map[string]scheduler.Composer{scheduler.KindSupervision: func(context.Context, scheduler.Item, time.Time) (handlers.Reply, bool, error) {
					return handlers.Say("Your supervision is due."), true, nil
				}},
			})
			if err != nil {
				b.Fatal(err)
			}
			// A million inserts at once leave Redis growing its key table for
			// a few seconds, which a running bot never sees: let it settle,
			// and warm up, before timing.
			time.Sleep(time.Duration(stored/200_000) * time.Second)
			tick := func() {
				clock = clock.Add(2 * time.Second)
				seedReminders(b, c, prefix, 0, due, clock.Add(-time.Hour))
				if n := e.Tick(context.Background()); n != due {
					b.Fatalf("warm-up tick claimed %d, want %d", n, due)
				}
			}
			tick()
			tick()
			runtime.GC() // the seeding's garbage is not the tick's
			b.ResetTimer()
			for range b.N {
				b.StopTimer()
				clock = clock.Add(2 * time.Second)
				seedReminders(b, c, prefix, 0, due, clock.Add(-time.Hour))
				b.StartTimer()
				before := sender.n.Load()
				if n := e.Tick(context.Background()); n != due {
					b.Fatalf("tick claimed %d, want %d", n, due)
				}
				if sent := sender.n.Load() - before; sent != due {
					b.Fatalf("tick sent %d, want %d", sent, due)
				}
			}
			b.StopTimer() // the deferred clean-up is not the tick's
			b.ReportMetric(perReminder, "redis-bytes/reminder")
		})
	}
}

// benchRedis starts a redis-server of the benchmark's own, so a million
// keys neither slow the shared Redis (whose other users scan it) nor are
// slowed by it; without redis-server it falls back to the shared one.
func benchRedis(b *testing.B) (url, prefix string) {
	b.Helper()
	if _, err := exec.LookPath("redis-server"); err != nil {
		return redistest.URL(b), redistest.Prefix(b)
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		b.Fatal(err)
	}
	port := strconv.Itoa(l.Addr().(*net.TCPAddr).Port)
	l.Close()
	cmd := exec.Command("redis-server", "--port", port, "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", b.TempDir())
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { _ = cmd.Process.Kill(); _ = cmd.Wait() })
	url = "redis://127.0.0.1:" + port + "/0"
	opts, _ := redis.ParseURL(url)
	c := redis.NewClient(opts)
	defer c.Close()
	for range 100 {
		if c.Ping(context.Background()).Err() == nil {
			return url, "peerbot:"
		}
		time.Sleep(20 * time.Millisecond)
	}
	b.Fatal("the benchmark's redis-server did not answer")
	return "", ""
}

// bytesPerReminder samples MEMORY USAGE of item hashes and adds each
// one's share of the due sorted sets.
func bytesPerReminder(tb testing.TB, c *redis.Client, prefix string, n int) float64 {
	tb.Helper()
	ctx := context.Background()
	var hashes int64
	const samples = 200
	for i := range samples {
		item, _, own := benchKeys(prefix, fmt.Sprintf("sup:U%07d", 1000+i*(n/samples)))
		hashes += c.MemoryUsage(ctx, item, 0).Val() + c.MemoryUsage(ctx, own, 0).Val()
	}
	var sets int64
	for s := range benchShards {
		sets += c.MemoryUsage(ctx, prefix+"rem:{r"+strconv.Itoa(s)+"}:due", 0).Val()
	}
	return float64(hashes)/samples + float64(sets)/float64(n)
}
