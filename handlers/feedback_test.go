package handlers_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/peerbot/peerbot/handlers"
)

func TestFeedbackOneVotePerPerson(t *testing.T) {
	const entry = "supervision-splw"
	type vote struct{ user, args string }
	tests := []struct {
		name          string
		votes         []vote
		up, down      int
		wantThanksAll bool
	}{
		{"one vote", []vote{{"U1", "helpful"}}, 1, 0, true},
		{"double-click", []vote{{"U1", "helpful"}, {"U1", "helpful"}}, 1, 0, true},
		{"change of mind", []vote{{"U1", "helpful"}, {"U1", "not-helpful"}}, 0, 1, true},
		{"two people", []vote{{"U1", "helpful"}, {"U2", "not-helpful"}, {"U2", "not-helpful"}}, 1, 1, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := ansStore(t)
			h := newAnswers(t, ansContent(t), s, ansChannel)
			for _, v := range tt.votes {
				r := ansRun(t, h.Feedback, handlers.Request{UserID: v.user, Args: entry + " " + v.args})
				if r.Text != "Thanks, that helps us improve the answers." {
					t.Errorf("feedback %s by %s = %q, want thanks", v.args, v.user, r.Text)
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

func TestShare(t *testing.T) {
	const question = "Has anyone run a walking group for carers?"
	tests := []struct {
		name      string
		args      string
		wantPost  string
		wantReply string
	}{
		{"named", "named U1 " + question, "<@U1> asks the network:\n“" + question + "”", "with your name"},
		{"anonymous", "anon U1 " + question, "Someone in the network asks (anonymously):\n“" + question + "”", "without your name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, _ := ansStore(t)
			h := newAnswers(t, ansContent(t), s, ansChannel)
			req := handlers.Request{UserID: "U1", ChannelID: "D1", Args: tt.args}
			r := ansRun(t, h.Share, req)
			if !strings.HasPrefix(r.Text, "Posted to the peer support channel") || !strings.Contains(r.Text, tt.wantReply) {
				t.Errorf("share %s: reply %q, want posted %s", tt.name, r.Text, tt.wantReply)
			}
			if len(r.Messages) != 1 {
				t.Fatalf("share %s: %d messages, want 1", tt.name, len(r.Messages))
			}
			m := r.Messages[0]
			if m.To != ansChannel || !m.Reply.Public {
				t.Errorf("share %s: message to %s, public %v; want %s, public", tt.name, m.To, m.Reply.Public, ansChannel)
			}
			if !strings.HasPrefix(m.Reply.Text, tt.wantPost) || !strings.Contains(m.Reply.Text, "reply in the thread") {
				t.Errorf("share %s: post %q, want it to start %q and invite replies in the thread", tt.name, m.Reply.Text, tt.wantPost)
			}
			if tt.name == "anonymous" {
				if all := fmt.Sprintf("%+v", m); strings.Contains(all, "U1") || strings.Contains(all, "D1") {
					t.Errorf("anonymous post names the asker: %s", all)
				}
			}

			again := ansRun(t, h.Share, req)
			if len(again.Messages) != 0 || !strings.Contains(again.Text, "already") {
				t.Errorf("share %s again: %q with %d messages, want one post only", tt.name, again.Text, len(again.Messages))
			}
			pressed := ansRun(t, h.Share, handlers.Request{UserID: "U2", Args: tt.args})
			if len(pressed.Messages) != 0 || !strings.Contains(pressed.Text, "Only the person who asked") {
				t.Errorf("share %s of U1's question by U2: %q with %d messages, want a refusal", tt.name, pressed.Text, len(pressed.Messages))
			}
			own := ansRun(t, h.Share, handlers.Request{UserID: "U2", Args: strings.Replace(tt.args, "U1", "U2", 1)})
			if len(own.Messages) != 1 {
				t.Errorf("share %s by someone else of the same words: %d messages, want their own post", tt.name, len(own.Messages))
			}
		})
	}
}

func TestShareRefuses(t *testing.T) {
	s, _ := ansStore(t)
	tests := []struct {
		name    string
		channel string
		args    string
		want    string
	}{
		{"NHS number", ansChannel, "named U1 My patient 943 476 5919 needs a walking group", "NHS number"},
		{"NHS number anonymously", ansChannel, "anon U1 is 9434765919 eligible", "NHS number"},
		{"no channel", "", "named U1 Anyone know a walking group?", "no peer support channel"},
		{"no question", ansChannel, "anon U1", "couldn't tell what to post"},
		{"odd mode", ansChannel, "loudly U1 a question", "couldn't tell what to post"},
		{"someone else's question", ansChannel, "named U2 Anyone know a walking group?", "Only the person who asked"},
		{"old button", ansChannel, "anon Anyone know a walking group?", "Only the person who asked"},
		{"odd mode 2", ansChannel, "loudly U1 a question", "couldn't tell what to post"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := newAnswers(t, ansContent(t), s, tt.channel)
			r := ansRun(t, h.Share, handlers.Request{UserID: "U1", Args: tt.args})
			if len(r.Messages) != 0 || !strings.Contains(r.Text, tt.want) {
				t.Errorf("share %s: %q with %d messages, want a refusal saying %q", tt.args, r.Text, len(r.Messages), tt.want)
			}
		})
	}
}

func TestShareStoreDownPostsAnyway(t *testing.T) {
	h := newAnswers(t, ansContent(t), ansDownStore(t), ansChannel)
	r := ansRun(t, h.Share, handlers.Request{UserID: "U1", Args: "anon U1 Anyone know a walking group?"})
	if len(r.Messages) != 1 {
		t.Errorf("share with Redis down: %d messages, want the post to go", len(r.Messages))
	}
}

func TestShareButtonsCarryLongQuestions(t *testing.T) {
	s, _ := ansStore(t)
	h := newAnswers(t, ansContent(t), s, ansChannel)
	long := strings.Repeat("wibble ", 600) // far over a button's 2,000 characters
	r := ansRun(t, h.Ask, handlers.Request{UserID: "U1", Args: long})
	if len(r.Buttons) < 2 || !strings.HasPrefix(r.Buttons[0].Args, "named U1 wibble") {
		t.Fatalf("/ask long question: buttons %+v, want share buttons", r.Buttons)
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
		if got := strings.TrimPrefix(ansBody(r), "\n"); got != tt.want {
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
