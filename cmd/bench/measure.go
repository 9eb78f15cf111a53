package main

import (
	"context"
	"fmt"
	"os"
	"slices"
	"strings"
	"time"

	"github.com/redis/go-redis/v9"
)

// The people the bench sets up: a link worker with three years of monthly
// sessions, and their supervisor, who supervises fifty.
const (
	person      = "UBENCH"
	supervisor  = "USUP"
	teamSize    = 50
	yearsOfLogs = 3
)

var targets = []target{
	{name: "/roles coach", command: "/roles", text: "coach", user: "U1"},
	// Asked again and again, the status is the one the bot keeps while
	// nothing of the person's changes: the row below the bare handler's
	// shows what a status read from Redis costs at the least.
	{name: "/supervision status (3 years of logs, kept)", command: "/supervision", text: "status", user: person},
	{name: fmt.Sprintf("/supervision team (%d supervisees)", teamSize), command: "/supervision", text: "team", user: supervisor},
}

// only, when set, picks the targets measured: those whose name contains it.
var only string

// chosen is the targets -only picks.
func chosen() []target {
	var out []target
	for _, tg := range targets {
		if strings.Contains(tg.name, only) {
			out = append(out, tg)
		}
	}
	return out
}

// measureProcess starts peerbot (three times, for its start-to-ready
// time), sets up the people, and measures the running process.
func measureProcess(ctx context.Context, t *table, bin string, runFor time.Duration, rounds int) error {
	redisURL := os.Getenv("REDIS_URL")
	if redisURL == "" {
		redisURL = "redis://127.0.0.1:6379/0"
	}
	prefix := "peerbot-bench-" + randomHex(4) + ":"
	rdb, err := openRedis(redisURL)
	if err != nil {
		return err
	}
	defer rdb.Close()
	defer cleanRedis(context.Background(), rdb, prefix)
	fake := newFakeSlack()
	defer fake.Close()

	var readies []time.Duration
	var bot *process
	for i := range 3 {
		p, ready, err := startPeerbot(ctx, bin, fake.URL, redisURL, prefix)
		if err != nil {
			return err
		}
		readies = append(readies, ready)
		if i < 2 {
			p.stop()
			continue
		}
		bot = p
	}
	defer bot.stop()
	slices.Sort(readies)
	t.add("start to ready (process start until /readyz is 200)", dur(readies[1]), fmt.Sprintf("median of 3 starts: %s", joinDurs(readies)))
	time.Sleep(time.Second)
	if rss, err := bot.rss(); err == nil {
		t.add("idle RSS of the running bot", bytesIEC(rss), "after start, before any request")
	}

	bare, err := startBare(ctx, redisURL, prefix)
	if err != nil {
		return err
	}
	defer bare.stop()
	l := newLoader(fake.URL)
	if err := seedPeople(ctx, l, bot.base); err != nil {
		return fmt.Errorf("setting up the people: %w", err)
	}
	picked := chosen()
	if len(picked) == 0 {
		return fmt.Errorf("-only %q names none of the slash commands measured", only)
	}
	if err := l.compare(t, bare, bot, picked, runFor, rounds); err != nil {
		return err
	}
	if rss, err := bot.rss(); err == nil {
		t.add("RSS of the bot after the load", bytesIEC(rss), "")
	}
	if n, keys, err := personBytes(ctx, rdb, prefix, person); err != nil {
		t.add("Redis bytes per person", "-", err.Error())
	} else {
		t.add("Redis bytes per person", bytesIEC(n), fmt.Sprintf("MEMORY USAGE of the %d keys of a profile and %d monthly sessions (%d years); the indexes' entries not counted", keys, yearsOfLogs*12, yearsOfLogs))
	}
	return nil
}

// seedPeople sets up the person, with a session a month for three years,
// and the supervisor's fifty supervisees (the person among them), each
// with a year of sessions.
func seedPeople(ctx context.Context, l *loader, base string) error {
	setup := func(user, role string) target {
		return target{command: "/supervision", user: user,
			text: fmt.Sprintf("setup role=%s pcn=Central locality=gateshead supervisor=@%s", role, supervisor)}
	}
	logs := func(user string, months int) []target {
		var out []target
		now := time.Now().UTC()
		for i := 1; i <= months; i++ {
			d := time.Date(now.Year(), now.Month()-time.Month(i), 15, 0, 0, 0, 0, time.UTC)
			out = append(out, target{command: "/supervision", user: user, text: "log " + d.Format("2006-01-02") + " clinical 60"})
		}
		return out
	}
	var setups, sessions []target
	setups = append(setups, setup(person, "splw"))
	sessions = append(sessions, logs(person, yearsOfLogs*12)...)
	for i := 1; i < teamSize; i++ {
		user := fmt.Sprintf("US%02d", i)
		setups = append(setups, setup(user, []string{"splw", "coach", "cc"}[i%3]))
		sessions = append(sessions, logs(user, 12)...)
	}
	want := func(tg target) string {
		if strings.HasPrefix(tg.text, "setup") {
			return "Saved"
		}
		return "Logged"
	}
	if err := l.seed(ctx, base, setups, want); err != nil {
		return err
	}
	return l.seed(ctx, base, sessions, want)
}

func joinDurs(ds []time.Duration) string {
	var s []string
	for _, d := range ds {
		s = append(s, dur(d))
	}
	return strings.Join(s, ", ")
}

func openRedis(u string) (*redis.Client, error) {
	if strings.Contains(u, ",") {
		return nil, fmt.Errorf("REDIS_URL names a Cluster; bench measures on one Redis")
	}
	opts, err := redis.ParseURL(u)
	if err != nil {
		return nil, fmt.Errorf("REDIS_URL: %w", err)
	}
	opts.DisableIdentity = true
	rdb := redis.NewClient(opts)
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := rdb.Ping(ctx).Err(); err != nil {
		rdb.Close()
		return nil, fmt.Errorf("no Redis at REDIS_URL (%s): %w", u, err)
	}
	return rdb, nil
}

// personBytes sums MEMORY USAGE over every key that holds the person:
// their supervision record and their cached time zone.
func personBytes(ctx context.Context, rdb *redis.Client, prefix, user string) (total float64, keys int, err error) {
	for _, pattern := range []string{prefix + "sup:{" + user + "}:*", prefix + "tz:{" + user + "}"} {
		iter := rdb.Scan(ctx, 0, pattern, 1000).Iterator()
		for iter.Next(ctx) {
			n, err := rdb.MemoryUsage(ctx, iter.Val(), 0).Result()
			if err != nil {
				return 0, 0, err
			}
			total += float64(n)
			keys++
		}
		if err := iter.Err(); err != nil {
			return 0, 0, err
		}
	}
	if keys == 0 {
		return 0, 0, fmt.Errorf("no keys found for %s under %s", user, prefix)
	}
	return total, keys, nil
}

// cleanRedis removes every key under the bench's prefix.
func cleanRedis(ctx context.Context, rdb *redis.Client, prefix string) {
	iter := rdb.Scan(ctx, 0, prefix+"*", 1000).Iterator()
	var batch []string
	for iter.Next(ctx) {
		batch = append(batch, iter.Val())
		if len(batch) == 500 {
			rdb.Unlink(ctx, batch...)
			batch = batch[:0]
		}
	}
	if len(batch) > 0 {
		rdb.Unlink(ctx, batch...)
	}
}
