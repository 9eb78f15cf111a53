package scheduler

import (
	"context"
	"log/slog"
	"testing"
	"time"
)

func TestAddRefusesUnreadableSpecs(t *testing.T) {
	s := New(slog.New(slog.DiscardHandler), time.UTC)
	for _, spec := range []string{"", "CRON_TZ=", "TZ=", "CRON_TZ=Mars/Olympus 0 10 * * MON", "61 * * * *", "0 10 * * FUNDAY", "every day"} {
		if err := s.Add(spec, func() {}); err == nil {
			t.Errorf("Add(%q) = nil, want an error", spec)
		}
	}
	for _, spec := range []string{"CRON_TZ=Europe/London 0 10 * * MON", "*/5 * * * *", "@every 1h"} {
		if err := s.Add(spec, func() {}); err != nil {
			t.Errorf("Add(%q) = %v, want nil", spec, err)
		}
	}
}

// TestPanickingJobDoesNotStopTheScheduler runs a job that panics every
// second and expects the scheduler to keep running it and to stop cleanly.
func TestPanickingJobDoesNotStopTheScheduler(t *testing.T) {
	s := New(slog.New(slog.DiscardHandler), time.UTC)
	ran := make(chan struct{}, 10)
	if err := s.Add("@every 1s", func() { ran <- struct{}{}; panic("job fault") }); err != nil {
		t.Fatal(err)
	}
	s.Start()
	for i := range 2 {
		select {
		case <-ran:
		case <-time.After(5 * time.Second):
			t.Fatalf("the job ran %d times, want 2", i)
		}
	}
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
	defer cancel()
	if err := s.Stop(ctx); err != nil {
		t.Errorf("Stop = %v, want nil", err)
	}
}
