package scheduler

import (
	"sync"
	"time"
)

// limiter spaces sends: at most one per perTo to one destination, and a
// global budget of perSecond a second with a burst of the same size. It
// never sleeps: reserve says how long to wait, and the engine puts the item
// back for then instead of holding a worker. Safe for concurrent use.
type limiter struct {
	mu        sync.Mutex
	perTo     time.Duration
	perSecond float64
	tokens    float64
	last      time.Time
	nextTo    map[string]time.Time // destination → earliest next send
}

func newLimiter(perTo time.Duration, perSecond float64) *limiter {
	return &limiter{perTo: perTo, perSecond: perSecond, tokens: perSecond, nextTo: make(map[string]time.Time)}
}

// reserve takes a send to `to` at now if allowed and returns 0, or returns
// how long to wait and takes nothing.
func (l *limiter) reserve(to string, now time.Time) time.Duration {
	l.mu.Lock()
	defer l.mu.Unlock()
	if next, ok := l.nextTo[to]; ok && now.Before(next) {
		return next.Sub(now)
	}
	if l.perSecond > 0 {
		if !l.last.IsZero() && now.After(l.last) {
			l.tokens = min(l.perSecond, l.tokens+now.Sub(l.last).Seconds()*l.perSecond)
		}
		if l.last.IsZero() || now.After(l.last) {
			l.last = now
		}
		if l.tokens < 1 {
			return time.Duration((1 - l.tokens) / l.perSecond * float64(time.Second))
		}
		l.tokens--
	}
	if l.perTo > 0 {
		l.nextTo[to] = now.Add(l.perTo)
		if len(l.nextTo) > 10000 {
			for k, v := range l.nextTo {
				if !now.Before(v) {
					delete(l.nextTo, k)
				}
			}
		}
	}
	return 0
}

// hold makes `to` wait until at (after Slack's Retry-After).
func (l *limiter) hold(to string, at time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if at.After(l.nextTo[to]) {
		l.nextTo[to] = at
	}
}
