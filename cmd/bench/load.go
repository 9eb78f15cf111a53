package main

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/peerbot/peerbot/bot"
)

// target is one slash command to measure, as a person would type it.
type target struct {
	name    string // in the table
	command string
	text    string
	user    string
	path    string // default /slack/events
}

// loader posts signed slash commands to a process and times each round
// trip.
type loader struct {
	client   *http.Client
	respond  string // response_url
	slackURL string
}

func newLoader(slackURL string) *loader {
	return &loader{
		client:   &http.Client{Timeout: 10 * time.Second, Transport: &http.Transport{MaxIdleConnsPerHost: 64, DisableCompression: true}},
		respond:  slackURL + "/respond",
		slackURL: slackURL,
	}
}

func (l *loader) body(tg target) string {
	return url.Values{
		"token": {"unused"}, "team_id": {"T1"}, "channel_id": {"C1"}, "user_id": {tg.user},
		"command": {tg.command}, "text": {tg.text}, "response_url": {l.respond}, "trigger_id": {"1.2.3"},
	}.Encode()
}

// post sends one signed slash command and returns the answer's body.
func (l *loader) post(base, path, body string) ([]byte, error) {
	if path == "" {
		path = "/slack/events"
	}
	req, err := http.NewRequest(http.MethodPost, base+path, strings.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	ts, sig := bot.Sign(secret, time.Now(), []byte(body))
	req.Header.Set("X-Slack-Request-Timestamp", ts)
	req.Header.Set("X-Slack-Signature", sig)
	resp, err := l.client.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return answer, fmt.Errorf("status %d: %.200s", resp.StatusCode, answer)
	}
	return answer, nil
}

// run posts tg from conc workers for d and returns every round trip's time.
func (l *loader) run(base string, tg target, conc int, d time.Duration) ([]time.Duration, error) {
	body := l.body(tg)
	for range 20 { // warm: connections, caches
		if _, err := l.post(base, tg.path, body); err != nil {
			return nil, fmt.Errorf("%s: %w", tg.name, err)
		}
	}
	var (
		mu    sync.Mutex
		all   []time.Duration
		first error
		wg    sync.WaitGroup
	)
	stop := time.Now().Add(d)
	for range conc {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var mine []time.Duration
			for time.Now().Before(stop) {
				start := time.Now()
				if _, err := l.post(base, tg.path, body); err != nil {
					mu.Lock()
					first = cmpErr(first, err)
					mu.Unlock()
					return
				}
				mine = append(mine, time.Since(start))
			}
			mu.Lock()
			all = append(all, mine...)
			mu.Unlock()
		}()
	}
	wg.Wait()
	return all, first
}

func cmpErr(a, b error) error {
	if a != nil {
		return a
	}
	return b
}

func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[min(len(s)-1, int(float64(len(s))*p))]
}

// mallocs reads a process's count of heap allocations so far: the bot's
// from its /metrics, the bare handler's from /allocs.
func (l *loader) mallocs(p *process, bare bool) (float64, error) {
	path := "/metrics"
	if bare {
		path = "/allocs"
	}
	resp, err := l.client.Get(p.base + path)
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	if bare {
		b, err := io.ReadAll(resp.Body)
		if err != nil {
			return 0, err
		}
		return strconv.ParseFloat(strings.TrimSpace(string(b)), 64)
	}
	sc := bufio.NewScanner(resp.Body)
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "go_memstats_mallocs_total "); ok {
			return strconv.ParseFloat(v, 64)
		}
	}
	return 0, fmt.Errorf("no go_memstats_mallocs_total in %s/metrics", p.base)
}

// allocsPer runs f and returns p's heap allocations per request made, less
// what reading the count itself costs.
func (l *loader) allocsPer(p *process, bare bool, f func() (int, error)) (float64, error) {
	a, err := l.mallocs(p, bare)
	if err != nil {
		return 0, err
	}
	b, err := l.mallocs(p, bare)
	if err != nil {
		return 0, err
	}
	n, err := f()
	if err != nil {
		return 0, err
	}
	c, err := l.mallocs(p, bare)
	if err != nil {
		return 0, err
	}
	if n == 0 {
		return 0, nil
	}
	return (c - b - (b - a)) / float64(n), nil
}

// sample is what the runs of one target at one concurrency gave.
type sample struct {
	lat    []time.Duration
	allocs []float64
	cpu    time.Duration // the server's, over all the runs
}

// compare measures every target at concurrency 1 and 8, each run beside a
// run of the bare handler, rounds times over, and adds the rows.
func (l *loader) compare(t *table, bare, bot *process, targets []target, d time.Duration, rounds int) error {
	floor := target{name: "bare signature check", command: "/roles", text: "coach", user: "U1"}
	// The floor of a reply that reads Redis: the bare handler and the one
	// round trip a status reply makes when the bot does not keep it (the
	// first after a change), so the table shows what that round trip costs.
	floorRedis := target{name: "bare signature check + a status's Redis read", command: "/roles", text: "coach", user: "U1", path: "/slack/redis"}
	floors := []target{floor, floorRedis}
	for _, conc := range []int{1, 8} {
		got := map[string]*sample{}
		for range rounds {
			for _, tg := range append(floors, targets...) {
				p, isBare := bot, tg.path == floorRedis.path || tg.name == floor.name
				if isBare {
					p = bare
				}
				s := got[tg.name]
				if s == nil {
					s = &sample{}
					got[tg.name] = s
				}
				perReq, err := l.allocsPer(p, isBare, func() (int, error) {
					before, err := p.cpu()
					if err != nil {
						return 0, err
					}
					lat, err := l.run(p.base, tg, conc, d)
					after, _ := p.cpu()
					s.lat = append(s.lat, lat...)
					s.cpu += after - before
					return len(lat), err
				})
				if err != nil {
					return err
				}
				s.allocs = append(s.allocs, perReq)
			}
		}
		floorP50 := percentile(got[floor.name].lat, 0.5)
		for _, tg := range append(floors, targets...) {
			s := got[tg.name]
			p50 := percentile(s.lat, 0.5)
			detail := fmt.Sprintf("p99 %s, %d requests, %.0f allocs and %s server CPU per request",
				dur(percentile(s.lat, 0.99)), len(s.lat), median(s.allocs), dur(s.cpu/time.Duration(max(1, len(s.lat)))))
			if tg.name != floor.name {
				detail = fmt.Sprintf("%.2fx bare; ", float64(p50)/float64(floorP50)) + detail
			}
			t.add(fmt.Sprintf("slash %s, p50 at concurrency %d", tg.name, conc), dur(p50), detail)
		}
	}
	return nil
}

func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

// seed sets up the people the targets ask about, through the bot itself:
// posts are sent from conc workers, and each answer must contain want.
func (l *loader) seed(ctx context.Context, base string, posts []target, want func(target) string) error {
	work := make(chan target)
	errs := make(chan error, 8)
	var wg sync.WaitGroup
	for range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for tg := range work {
				answer, err := l.post(base, "", l.body(tg))
				if err == nil && !strings.Contains(string(answer), want(tg)) {
					err = fmt.Errorf("%s %s by %s: answer %.300s, want it to say %q", tg.command, tg.text, tg.user, answer, want(tg))
				}
				if err != nil {
					select {
					case errs <- err:
					default:
					}
				}
			}
		}()
	}
	for _, p := range posts {
		if ctx.Err() != nil {
			break
		}
		work <- p
	}
	close(work)
	wg.Wait()
	select {
	case err := <-errs:
		return err
	default:
		return nil
	}
}
