package bot

import (
	"context"
	"sync"
	"testing"

	"github.com/peerbot/peerbot/handlers"
)

// TestGoTaskAndShutdownDoNotRace starts background work while the bot
// shuts down, many times over. Run with -race: a WaitGroup.Add that can
// come after Shutdown's Wait has begun is reported.
func TestGoTaskAndShutdownDoNotRace(t *testing.T) {
	tbl, err := NewTable("/peer", nil, handlers.Command{Name: "x", Run: echo("x")})
	if err != nil {
		t.Fatal(err)
	}
	for range 200 {
		b := New(Options{Table: tbl})
		var wg sync.WaitGroup
		wg.Add(1)
		go func() {
			defer wg.Done()
			for b.goTask("work", func(context.Context) {}) {
			}
		}()
		if err := b.Shutdown(context.Background()); err != nil {
			t.Fatal(err)
		}
		wg.Wait()
		if b.goTask("late", func(context.Context) {}) {
			t.Fatal("goTask accepted work after Shutdown returned")
		}
	}
}
