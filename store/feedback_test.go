package store_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/peerbot/peerbot/internal/outcome"
	"github.com/peerbot/peerbot/internal/redistest"
)

func TestVote(t *testing.T) {
	r, _ := openStore(t)
	ctx := context.Background()
	steps := []struct {
		name        string
		entry, user string
		helpful     bool
		changed     bool
		up, down    int // counts on e1 after the step
	}{
		{"first vote", "e1", "U1", true, true, 1, 0},
		{"same vote again", "e1", "U1", true, false, 1, 0},
		{"another person", "e1", "U2", false, true, 1, 1},
		{"changing a vote moves it", "e1", "U1", false, true, 0, 2},
		{"changing it back", "e1", "U1", true, true, 1, 1},
		{"another entry is apart", "e2", "U1", false, true, 1, 1},
	}
	for _, s := range steps {
		changed, err := r.Vote(ctx, s.entry, s.user, s.helpful)
		if err != nil {
			t.Fatalf("%s: Vote: %v", s.name, err)
		}
		if changed != s.changed {
			t.Errorf("%s: Vote(%s, %s, %v) = %v, want %v", s.name, s.entry, s.user, s.helpful, changed, s.changed)
		}
		up, down, err := r.Votes(ctx, "e1")
		if err != nil || up != s.up || down != s.down {
			t.Errorf("%s: Votes(e1) = %d, %d, %v; want %d, %d, nil", s.name, up, down, err, s.up, s.down)
		}
	}
	if up, down, err := r.Votes(ctx, "e2"); up != 0 || down != 1 || err != nil {
		t.Errorf("Votes(e2) = %d, %d, %v; want 0, 1, nil", up, down, err)
	}
	if up, down, err := r.Votes(ctx, "never-voted"); up != 0 || down != 0 || err != nil {
		t.Errorf("Votes(never voted on) = %d, %d, %v; want 0, 0, nil", up, down, err)
	}
}

func TestConcurrentVotes(t *testing.T) {
	r, _ := openStore(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	var changes atomic.Int32
	for i := range 20 {
		// Twenty people, and one person clicking twenty times.
		for _, vote := range []struct{ entry, user string }{{"many", fmt.Sprintf("U%d", i)}, {"one", "U1"}} {
			wg.Go(func() {
				changed, err := r.Vote(ctx, vote.entry, vote.user, true)
				if err != nil {
					t.Error(err)
				}
				if changed && vote.entry == "one" {
					changes.Add(1)
				}
			})
		}
	}
	wg.Wait()
	if up, down, _ := r.Votes(ctx, "many"); up != 20 || down != 0 {
		t.Errorf("20 people voting at once: Votes = %d, %d; want 20, 0", up, down)
	}
	if up, down, _ := r.Votes(ctx, "one"); up != 1 || down != 0 {
		t.Errorf("one person voting 20 times at once: Votes = %d, %d; want 1, 0", up, down)
	}
	if n := changes.Load(); n != 1 {
		t.Errorf("one person voting 20 times at once: %d votes changed something, want 1", n)
	}
}

func TestUnanswered(t *testing.T) {
	r, prefix := openStore(t)
	ctx := context.Background()
	questions := [][]string{
		{"parking", "permit"},
		{"Parking ", "mileage", "parking"}, // counted once per question
		{"mileage", "parking"},
		{"", "  "},
		nil,
	}
	for _, q := range questions {
		if err := r.CountUnanswered(ctx, q); err != nil {
			t.Fatalf("CountUnanswered(%q): %v", q, err)
		}
	}
	want := []outcome.TermCount{{Term: "parking", Count: 3}, {Term: "mileage", Count: 2}, {Term: "permit", Count: 1}}
	tests := []struct {
		n    int
		want []outcome.TermCount
	}{
		{0, want},
		{2, want[:2]},
		{10, want},
	}
	for _, tt := range tests {
		got, err := r.Unanswered(ctx, tt.n)
		if err != nil || !slices.Equal(got, tt.want) {
			t.Errorf("Unanswered(%d) = %v, %v; want %v, nil", tt.n, got, err, tt.want)
		}
	}

	// Long terms are cut and a long question keeps its first terms only.
	var many []string
	for i := range 30 {
		many = append(many, fmt.Sprintf("t%02d", i))
	}
	long := strings.Repeat("x", 100)
	if err := r.CountUnanswered(ctx, append([]string{long}, many...)); err != nil {
		t.Fatal(err)
	}
	terms, err := redistest.Client(t).ZRange(ctx, prefix+"unanswered", 0, -1).Result()
	if err != nil {
		t.Fatal(err)
	}
	if len(terms) != 3+12 {
		t.Errorf("after a 31-term question: %d terms kept, want 3 + 12", len(terms))
	}
	if !slices.Contains(terms, long[:40]) || slices.Contains(terms, "t11") || !slices.Contains(terms, "t10") {
		t.Errorf("terms kept = %v, want the long term cut to 40 and t00..t10", terms)
	}
}
