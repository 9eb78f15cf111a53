package scheduler

import (
	"testing"
	"time"
)

func TestLimiter(t *testing.T) {
	t0 := time.Date(2026, 11, 2, 9, 0, 0, 0, time.UTC)
	l := newLimiter(time.Second, 2) // one a second per destination, two a second in all
	steps := []struct {
		to   string
		at   time.Duration
		want time.Duration
	}{
		{"U1", 0, 0},
		{"U1", 100 * time.Millisecond, 900 * time.Millisecond}, // same person: wait out the second
		{"U2", 100 * time.Millisecond, 0},
		{"U3", 100 * time.Millisecond, 400 * time.Millisecond}, // 0.2 of the budget left; it refills at 2 a second
		{"U3", 400 * time.Millisecond, 100 * time.Millisecond},
		{"U3", 500 * time.Millisecond, 0},
		{"U1", time.Second, 0},
	}
	for _, s := range steps {
		if got := l.reserve(s.to, t0.Add(s.at)); got.Round(time.Millisecond) != s.want {
			t.Errorf("reserve(%s, +%v) = %v, want %v", s.to, s.at, got, s.want)
		}
	}
	l.hold("U2", t0.Add(30*time.Second)) // Slack said Retry-After 30 s
	if got := l.reserve("U2", t0.Add(10*time.Second)); got != 20*time.Second {
		t.Errorf("reserve after hold = %v, want 20s", got)
	}
}
