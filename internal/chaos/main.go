// Command chaos checks that reminders go out exactly once when replicas
// crash and Redis restarts. It builds peerbot, starts its own redis-server
// on a free port (AOF on, appendfsync everysec) and a fake Slack Web API,
// queues 10,000 one-off messages that fall due within a few seconds, and
// runs three peerbot processes over them. Part way it kills one process
// with SIGKILL and starts it again, and restarts Redis once. Then it counts
// the deliveries of each occurrence at the fake Slack and prints, last,
// "delivered N, lost L, duplicated D"; it exits non-zero when L or D is
// not 0. It stops by itself within about four minutes.
//
// Run it from the module root: go run ./internal/chaos (make chaos).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"sync"
	"syscall"
	"time"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/fakeslack"
	"github.com/peerbot/peerbot/scheduler"
	"github.com/peerbot/peerbot/store"
)

const (
	replicas = 3
	shards   = 8
	lease    = 4 * time.Second
	deadline = 4 * time.Minute
	every429 = 250 // the fake Slack answers this share of posts with a 429
)

func main() {
	n := flag.Int("n", 10000, "reminders to queue")
	flag.Parse()
	code, err := run(*n)
	if err != nil {
		fmt.Fprintln(os.Stderr, "chaos:", err)
		if code == 0 {
			code = 2
		}
	}
	os.Exit(code)
}

// harness holds what the run started, to stop it all at the end.
type harness struct {
	dir       string
	bin       string
	redisPort int
	redis     *exec.Cmd
	fake      *fakeslack.API
	fakeURL   string
	procs     [replicas]*exec.Cmd
	mu        sync.Mutex
}

func run(n int) (int, error) {
	ctx, cancel := context.WithTimeout(context.Background(), deadline)
	defer cancel()
	dir, err := os.MkdirTemp("", "peerbot-chaos-")
	if err != nil {
		return 0, err
	}
	defer os.RemoveAll(dir)
	h := &harness{dir: dir, bin: filepath.Join(dir, "peerbot")}
	defer h.stopAll()

	say("building peerbot")
	if out, err := exec.Command("go", "build", "-o", h.bin, ".").CombinedOutput(); err != nil {
		return 0, fmt.Errorf("go build: %v\n%s", err, out)
	}
	if h.redisPort, err = freePort(); err != nil {
		return 0, err
	}
	if err := h.startRedis(ctx); err != nil {
		return 0, err
	}
	if err := h.startFakeSlack(); err != nil {
		return 0, err
	}
	db, err := store.Open(ctx, store.Options{URL: h.redisURL()})
	if err != nil {
		return 0, err
	}
	defer db.Close()
	q := db.Reminders(shards)
	expected, err := seed(ctx, q, n)
	if err != nil {
		return 0, err
	}
	say(fmt.Sprintf("queued %d reminders due over the next few seconds", n))
	for i := range replicas {
		if err := h.startProc(i); err != nil {
			return 0, err
		}
	}
	if err := h.drive(ctx, q, expected); err != nil {
		say("stopped early: " + err.Error())
	}
	h.stopAll()
	delivered, lost, dup := count(h.fake.Occurrences(), expected)
	fmt.Printf("chat.postMessage calls %d (every %dth answered 429), history lookups by replicas taking over a started send %d\n",
		h.fake.Calls("chat.postMessage"), every429, h.fake.Calls("conversations.history"))
	fmt.Printf("delivered %d, lost %d, duplicated %d\n", delivered, lost, dup)
	if lost > 0 || dup > 0 {
		return 1, nil
	}
	return 0, nil
}

func say(s string) { fmt.Println(time.Now().Format("15:04:05.000"), s) }

// seed queues n one-off messages to n people, due over four seconds from
// five seconds on, and returns each one's occurrence.
func seed(ctx context.Context, q *store.Reminders, n int) (map[string]bool, error) {
	start := time.Now().Add(5 * time.Second)
	payload := scheduler.ReplyPayload(handlers.Say("A reminder from the chaos run."))
	expected := make(map[string]bool, n)
	var mu sync.Mutex
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	for w := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += 8 {
				it := scheduler.Item{
					ID: seedID(i), Kind: scheduler.KindDM, To: fmt.Sprintf("UC%05d", i),
					Due: start.Add(time.Duration(i) * 4 * time.Second / time.Duration(n)).Truncate(time.Millisecond), Payload: payload,
				}
				if _, err := q.Put(ctx, it); err != nil {
					errs <- err
					return
				}
				mu.Lock()
				expected[scheduler.Occurrence(it.ID, it.Due)] = true
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	close(errs)
	return expected, <-errs
}

// drive watches the deliveries, kills and restarts a process and Redis
// part way, and returns once every occurrence is delivered and the queue
// is empty, with a few leases more for late duplicates to show.
func (h *harness) drive(ctx context.Context, q *store.Reminders, expected map[string]bool) error {
	n := len(expected)
	killed, redisRestarted := false, false
	var emptySince, lastLook time.Time
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return fmt.Errorf("out of time: %w", ctx.Err())
		case <-tick.C:
		}
		delivered, _, _ := count(h.fake.Occurrences(), expected)
		switch {
		case !killed && delivered >= n/4:
			killed = true
			say(fmt.Sprintf("%d delivered: killing replica 0 with SIGKILL", delivered))
			h.kill(0)
			time.AfterFunc(time.Second, func() {
				say("starting replica 0 again")
				if err := h.startProc(0); err != nil {
					say("restarting replica 0: " + err.Error())
				}
			})
		case killed && !redisRestarted && delivered >= n*3/5:
			redisRestarted = true
			say(fmt.Sprintf("%d delivered: restarting Redis", delivered))
			if err := h.restartRedis(ctx); err != nil {
				return err
			}
			say("Redis is back")
		}
		if delivered < n || !redisRestarted {
			emptySince = time.Time{}
			continue
		}
		if time.Since(lastLook) < time.Second {
			continue
		}
		lastLook = time.Now()
		if seededLeft(ctx, q, n) {
			emptySince = time.Time{}
			continue
		}
		if emptySince.IsZero() {
			emptySince = time.Now()
			say("every reminder delivered and gone from the queue; watching for duplicates")
		}
		if time.Since(emptySince) > 2*lease {
			return nil
		}
	}
}

// seededLeft reports whether any of the n seeded reminders is still in the
// queue, waiting or in flight (or Redis does not answer). It looks from the
// last due, the likeliest to be left, and stops at the first it finds. The
// bots' own items (the daily retention job, review reminders) stay queued
// for days, so the queue's depth alone never reaches 0.
func seededLeft(ctx context.Context, q *store.Reminders, n int) bool {
	for i := n - 1; i >= 0; i-- {
		_, ok, err := q.Get(ctx, seedID(i))
		if err != nil || ok {
			return true
		}
	}
	return false
}

// seedID is the id of the i-th seeded reminder.
func seedID(i int) string { return fmt.Sprintf("dm:chaos-%05d", i) }

// count compares the posts per occurrence with what was queued.
func count(posts map[string]int, expected map[string]bool) (delivered, lost, duplicated int) {
	for occ := range expected {
		switch c := posts[occ]; {
		case c == 0:
			lost++
		default:
			delivered++
			duplicated += c - 1
		}
	}
	for occ, c := range posts {
		if !expected[occ] {
			duplicated += c // sent, but never queued
		}
	}
	return delivered, lost, duplicated
}

func freePort() (int, error) {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return 0, err
	}
	defer l.Close()
	return l.Addr().(*net.TCPAddr).Port, nil
}

func (h *harness) redisURL() string { return "redis://127.0.0.1:" + strconv.Itoa(h.redisPort) + "/0" }

func (h *harness) startRedis(ctx context.Context) error {
	cmd := exec.Command("redis-server", "--port", strconv.Itoa(h.redisPort), "--bind", "127.0.0.1",
		"--appendonly", "yes", "--appendfsync", "everysec", "--save", "", "--dir", h.dir, "--daemonize", "no")
	log, err := os.OpenFile(filepath.Join(h.dir, "redis.log"), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting redis-server: %w", err)
	}
	h.mu.Lock()
	h.redis = cmd
	h.mu.Unlock()
	for range 100 {
		if c, err := net.DialTimeout("tcp", "127.0.0.1:"+strconv.Itoa(h.redisPort), 100*time.Millisecond); err == nil {
			c.Close()
			db, err := store.Open(ctx, store.Options{URL: h.redisURL()})
			if err == nil {
				db.Close()
				return nil
			}
		}
		time.Sleep(50 * time.Millisecond)
	}
	return errors.New("redis-server did not answer")
}

// restartRedis stops Redis as an operator would (SIGTERM: it writes its
// append-only file and exits) and starts it again on the same port and
// data.
func (h *harness) restartRedis(ctx context.Context) error {
	h.mu.Lock()
	cmd := h.redis
	h.mu.Unlock()
	_ = cmd.Process.Signal(syscall.SIGTERM)
	_ = cmd.Wait()
	time.Sleep(300 * time.Millisecond) // down for a moment, as in a real restart
	return h.startRedis(ctx)
}

// startFakeSlack serves the fake Web API, a little slow (as Slack is), so
// sends are under way when a process dies.
func (h *harness) startFakeSlack() error {
	h.fake = fakeslack.New()
	h.fake.RateLimit = func(method string, n int) time.Duration {
		if method == "chat.postMessage" && n%every429 == 0 {
			return time.Second
		}
		return 0
	}
	inner := h.fake.Handler()
	slow := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(3 * time.Millisecond)
		inner.ServeHTTP(w, r)
	})
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return err
	}
	go func() { _ = http.Serve(l, slow) }()
	h.fakeURL = "http://" + l.Addr().String() + "/api/"
	return nil
}

func (h *harness) startProc(i int) error {
	cmd := exec.Command(h.bin)
	cmd.Env = []string{
		"PATH=" + os.Getenv("PATH"),
		"HOME=" + h.dir,
		"SLACK_BOT_TOKEN=xoxb-chaos",
		"SLACK_SIGNING_SECRET=chaos-secret",
		"SLACK_API_URL=" + h.fakeURL,
		"REDIS_URL=" + h.redisURL(),
		"PORT=0",
		"LOG_LEVEL=warn",
		"REMINDER_SHARDS=" + strconv.Itoa(shards),
		"REMINDER_RATE=3000",
		"REMINDER_LEASE=" + lease.String(),
	}
	log, err := os.OpenFile(filepath.Join(h.dir, fmt.Sprintf("replica-%d.log", i)), os.O_CREATE|os.O_APPEND|os.O_WRONLY, 0o600)
	if err != nil {
		return err
	}
	cmd.Stdout, cmd.Stderr = log, log
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("starting replica %d: %w", i, err)
	}
	h.mu.Lock()
	h.procs[i] = cmd
	h.mu.Unlock()
	go func() { _ = cmd.Wait() }()
	return nil
}

func (h *harness) kill(i int) {
	h.mu.Lock()
	cmd := h.procs[i]
	h.procs[i] = nil
	h.mu.Unlock()
	if cmd != nil {
		_ = cmd.Process.Kill()
	}
}

// stopAll stops the replicas gracefully (SIGTERM), then Redis. It is safe
// to call twice.
func (h *harness) stopAll() {
	h.mu.Lock()
	procs := h.procs
	h.procs = [replicas]*exec.Cmd{}
	redis := h.redis
	h.redis = nil
	h.mu.Unlock()
	var wg sync.WaitGroup
	for _, p := range procs {
		if p == nil {
			continue
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			_ = p.Process.Signal(syscall.SIGTERM)
			for range 150 { // up to 15 s for an orderly stop
				if p.Process.Signal(syscall.Signal(0)) != nil {
					return
				}
				time.Sleep(100 * time.Millisecond)
			}
			_ = p.Process.Kill()
		}()
	}
	wg.Wait()
	if redis != nil {
		_ = redis.Process.Signal(syscall.SIGTERM)
		_ = redis.Wait()
	}
}
