package store_test

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/peerbot/peerbot/internal/outcome"
	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/redis/go-redis/v9"
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
		many = append(many, "term"+string(rune('a'+i/26))+string(rune('a'+i%26)))
	}
	long := strings.Repeat("x", 100)
	if err := r.CountUnanswered(ctx, append([]string{long}, many...)); err != nil {
		t.Fatal(err)
	}
	terms, err := redistest.Client(t).ZRange(ctx, prefix+"{unanswered}:count", 0, -1).Result()
	if err != nil {
		t.Fatal(err)
	}
	if len(terms) != 3+12 {
		t.Errorf("after a 31-term question: %d terms kept, want 3 + 12", len(terms))
	}
	if !slices.Contains(terms, long[:40]) || slices.Contains(terms, "termal") || !slices.Contains(terms, "termak") {
		t.Errorf("terms kept = %v, want the long term cut to 40 and termaa..termak", terms)
	}
}

// A term with a digit may be part of a number that identifies someone, such
// as an NHS number split into groups, and is never kept.
func TestUnansweredKeepsNoNumbers(t *testing.T) {
	r, prefix := openStore(t)
	ctx := context.Background()
	if err := r.CountUnanswered(ctx, []string{"9434765919", "943", "476", "5919", "b12", "parking"}); err != nil {
		t.Fatal(err)
	}
	got, err := r.Unanswered(ctx, 0)
	if want := []outcome.TermCount{{Term: "parking", Count: 1}}; err != nil || !slices.Equal(got, want) {
		t.Errorf("Unanswered = %v, %v; want %v", got, err, want)
	}
	if dump := redistest.Dump(t, prefix); strings.Contains(dump, "943") || strings.Contains(dump, "5919") {
		t.Errorf("the keyspace holds a number:\n%s", dump)
	}
}

// The counts keep the most asked terms only, forget a term not seen for 90
// days, and expire as a whole 90 days after the last count.
func TestUnansweredCappedAndExpiring(t *testing.T) {
	r, prefix := openStore(t)
	ctx := context.Background()
	c := redistest.Client(t)
	// One term asked about twice, then 520 others once each.
	for range 2 {
		if err := r.CountUnanswered(ctx, []string{"parking"}); err != nil {
			t.Fatal(err)
		}
	}
	for i := range 520 / 10 {
		var q []string
		for j := range 10 {
			n := i*10 + j
			q = append(q, "w"+string(rune('a'+n/26/26))+string(rune('a'+n/26%26))+string(rune('a'+n%26)))
		}
		if err := r.CountUnanswered(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	counts, seen := prefix+"{unanswered}:count", prefix+"{unanswered}:seen"
	if n, _ := c.ZCard(ctx, counts).Result(); n != 500 {
		t.Errorf("after 521 terms: %d kept, want 500", n)
	}
	if n, _ := c.ZCard(ctx, seen).Result(); n != 500 {
		t.Errorf("after 521 terms: %d last-seen days kept, want 500, one for each term kept", n)
	}
	if s, err := c.ZScore(ctx, counts, "parking").Result(); err != nil || s != 2 {
		t.Errorf("the most asked term: count %v, %v; want 2, kept", s, err)
	}
	for _, k := range []string{counts, seen} {
		if ttl, _ := c.TTL(ctx, k).Result(); ttl < 89*24*time.Hour || ttl > 90*24*time.Hour {
			t.Errorf("%s expires in %v, want 90 days", k, ttl)
		}
	}

	// A term last seen 91 days ago is forgotten at the next count.
	today := float64(time.Now().Unix() / (24 * 60 * 60))
	if err := c.ZAdd(ctx, seen, redis.Z{Score: today - 91, Member: "parking"}).Err(); err != nil {
		t.Fatal(err)
	}
	if err := r.CountUnanswered(ctx, []string{"mileage"}); err != nil {
		t.Fatal(err)
	}
	got, err := r.Unanswered(ctx, 0)
	if err != nil {
		t.Fatal(err)
	}
	if slices.ContainsFunc(got, func(tc outcome.TermCount) bool { return tc.Term == "parking" }) {
		t.Error("a term unseen for 91 days is still counted")
	}
	if !slices.ContainsFunc(got, func(tc outcome.TermCount) bool { return tc.Term == "mileage" }) {
		t.Error("a term just counted is missing")
	}
}

// Counts kept before the cap and expiry, which may hold any word someone
// typed, are deleted.
func TestUnansweredForgetsLegacyCounts(t *testing.T) {
	r, prefix := openStore(t)
	ctx := context.Background()
	c := redistest.Client(t)
	if err := c.ZAdd(ctx, prefix+"unanswered", redis.Z{Score: 3, Member: "smith"}).Err(); err != nil {
		t.Fatal(err)
	}
	if err := r.CountUnanswered(ctx, []string{"parking"}); err != nil {
		t.Fatal(err)
	}
	if n, _ := c.Exists(ctx, prefix+"unanswered").Result(); n != 0 {
		t.Error("the legacy unanswered counts are still there")
	}
}
