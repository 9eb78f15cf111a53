package handlers_test

import (
	"context"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/redistest"
	"github.com/peerbot/peerbot/store"
)

func TestFeedbackOneVotePerPerson(t *testing.T) {
	const entry = "supervision-splw"
	type vote struct{ user, args string }
	tests := []struct {
		name     string
		votes    []vote
		up, down int
		replies  []string // the start of each reply
	}{
		{"one vote", []vote{{"U1", "helpful"}}, 1, 0, []string{"Thanks, I've noted that this answer helped."}},
		{"double-click", []vote{{"U1", "helpful"}, {"U1", "helpful"}}, 1, 0,
			[]string{"Thanks, I've noted that this answer helped.", "Thanks, you have already said this answer helped: each person's vote counts once."}},
		{"change of mind", []vote{{"U1", "helpful"}, {"U1", "not-helpful"}}, 0, 1,
			[]string{"Thanks, I've noted that this answer helped.", "Thanks, I've noted that this answer didn't help."}},
		{"two people", []vote{{"U1", "helpful"}, {"U2", "not-helpful"}, {"U2", "not-helpful"}}, 1, 1,
			[]string{"Thanks, I've noted that this answer helped.", "Thanks, I've noted that this answer didn't help.", "Thanks, you have already said this answer didn't help"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := ansStore(t)
			h := newAnswers(t, ansContent(t), s, ansChannel)
			for i, v := range tt.votes {
				r := ansRun(t, h.Feedback, handlers.Request{UserID: v.user, Args: entry + " " + v.args})
				if !strings.HasPrefix(r.Text, tt.replies[i]) {
					t.Errorf("feedback %s by %s = %q, want %q", v.args, v.user, r.Text, tt.replies[i])
				}
			}
			up, down, err := s.Votes(context.Background(), entry)
			if err != nil {
				t.Fatal(err)
			}
			if up != tt.up || down != tt.down {
				t.Errorf("votes = %d helpful, %d not, want %d and %d", up, down, tt.up, tt.down)
			}
		})
	}
}

func TestFeedbackRefusesKindly(t *testing.T) {
	s, _ := ansStore(t)
	h := newAnswers(t, ansContent(t), s, ansChannel)
	for _, args := range []string{"no-such-entry helpful", "supervision-splw", "supervision-splw maybe", ""} {
		r := ansRun(t, h.Feedback, handlers.Request{UserID: "U1", Args: args})
		if r.Text == "" || strings.Contains(r.Text, "improve the answers") {
			t.Errorf("feedback %q = %q, want a kind refusal", args, r.Text)
		}
	}
	up, down, err := s.Votes(context.Background(), "no-such-entry")
	if err != nil || up+down != 0 {
		t.Errorf("votes on a missing entry = %d, %d, %v; want none", up, down, err)
	}
}

func TestFeedbackStoreDown(t *testing.T) {
	h := newAnswers(t, ansContent(t), ansDownStore(t), ansChannel)
	_, err := h.Feedback(context.Background(), handlers.Request{UserID: "U1", Args: "supervision-splw helpful"})
	if !errors.Is(err, handlers.ErrUnavailable) {
		t.Errorf("feedback with Redis down: %v, want ErrUnavailable", err)
	}
}

func TestUnanswered(t *testing.T) {
	ctx := context.Background()
	s, _ := ansStore(t)
	h := newAnswers(t, ansContent(t), s, ansChannel)
	admin := handlers.Request{UserID: "UADMIN", IsAdmin: true}

	r := ansRun(t, h.Unanswered, admin)
	if !strings.HasPrefix(r.Text, "None yet") {
		t.Errorf("unanswered with none = %q, want none yet", r.Text)
	}

	for range 3 {
		if err := s.CountUnanswered(ctx, []string{"parking", "hospital"}); err != nil {
			t.Fatal(err)
		}
	}
	if err := s.CountUnanswered(ctx, []string{"parking", "pension"}); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		args string
		want string
	}{
		{"", "- parking: 4\n- hospital: 3\n- pension: 1"},
		{"2", "- parking: 4\n- hospital: 3"},
	}
	for _, tt := range tests {
		admin.Args = tt.args
		r := ansRun(t, h.Unanswered, admin)
		if got := strings.TrimPrefix(handlers.Unmarked(ansBody(r)), "\n"); got != tt.want {
			t.Errorf("unanswered %s = %q, want %q", tt.args, got, tt.want)
		}
	}
	for _, bad := range []string{"lots", "0", "-3"} {
		admin.Args = bad
		r := ansRun(t, h.Unanswered, admin)
		if len(r.Sections) != 0 || !strings.Contains(r.Text, "number") {
			t.Errorf("unanswered %s = %+v, want a kind word about numbers", bad, r)
		}
	}
}

// TestFeedbackAnswerLost: a vote whose answer from Redis is lost may have
// been counted, so the person is told so and that pressing again is safe,
// never "nothing was changed".
func TestFeedbackAnswerLost(t *testing.T) {
	if redistest.IsCluster() {
		t.Skip("the proxy stands in front of one server; the single-server run covers this")
	}
	s, prefix := ansStore(t)
	h := newAnswers(t, ansContent(t), s, ansChannel)
	ansRun(t, h.Feedback, handlers.Request{UserID: "U1", Args: "supervision-splw helpful"}) // loads the scripts
	addr := redistest.DropScriptReplies(t, strings.TrimPrefix(redistest.URL(t), "redis://"))
	lossy, err := store.Open(context.Background(), store.Options{URL: "redis://" + addr, Prefix: prefix})
	if err != nil {
		t.Fatal(err)
	}
	defer lossy.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 300*time.Millisecond)
	defer cancel()
	r, err := newAnswers(t, ansContent(t), lossy, ansChannel).Feedback(ctx, handlers.Request{UserID: "U2", Args: "supervision-splw not-helpful"})
	if err != nil {
		t.Fatalf("a vote with its answer lost: %v, want a reply", err)
	}
	if !strings.Contains(r.Text, "can't tell whether your vote was counted") || !strings.Contains(r.Text, "again is safe") {
		t.Errorf("a vote with its answer lost = %q, want it to say the vote may be counted and pressing again is safe", r.Text)
	}
}
