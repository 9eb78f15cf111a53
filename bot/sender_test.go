package bot

import (
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/fakeslack"
	"github.com/peerbot/peerbot/scheduler"
)

func newFakeSender(t *testing.T) (*Sender, *fakeslack.API) {
	t.Helper()
	fake := fakeslack.New()
	srv := httptest.NewServer(fake.Handler())
	t.Cleanup(srv.Close)
	api := slack.New("xoxb-test", slack.OptionAPIURL(srv.URL+"/api/"), slack.OptionHTTPClient(&http.Client{Timeout: 5 * time.Second}))
	return NewSender(api, NewMetrics()), fake
}

func TestSenderDirectMessageCarriesItsOccurrence(t *testing.T) {
	s, fake := newFakeSender(t)
	ctx := context.Background()
	reply := handlers.Reply{Header: "Supervision due soon", Text: "Your clinical supervision is due on **3 Dec**. <!channel>"}
	if err := s.Send(ctx, "U123", "sup:U123@1700000000", reply); err != nil {
		t.Fatal(err)
	}
	msgs := fake.Messages(fakeslack.IM("U123"))
	if len(msgs) != 1 {
		t.Fatalf("posted %d messages to the DM, want 1", len(msgs))
	}
	m := msgs[0]
	if m.EventType != OccurrenceEvent || m.Occurrence != "sup:U123@1700000000" {
		t.Errorf("metadata = %q %q, want %q with the occurrence", m.EventType, m.Occurrence, OccurrenceEvent)
	}
	if !strings.Contains(m.Blocks, "*3 Dec*") || strings.Contains(m.Blocks, "<!channel>") {
		t.Errorf("blocks = %s, want the rendered reply with <!channel> escaped", m.Blocks)
	}
	for _, tt := range []struct {
		occ  string
		want bool
	}{{"sup:U123@1700000000", true}, {"sup:U123@1700600000", false}} {
		got, err := s.Delivered(ctx, "U123", tt.occ, time.Now().Add(-time.Minute))
		if err != nil || got != tt.want {
			t.Errorf("Delivered(%s) = %v, %v, want %v", tt.occ, got, err, tt.want)
		}
	}
	// The DM channel is opened once.
	_ = s.Send(ctx, "U123", "dm:x@1", handlers.Say("hello"))
	if n := fake.Calls("conversations.open"); n != 1 {
		t.Errorf("conversations.open called %d times, want 1", n)
	}
}

func TestSenderChannelPost(t *testing.T) {
	s, fake := newFakeSender(t)
	if err := s.Send(context.Background(), "C0PEERS", "sched:a@1", handlers.Reply{Text: "Network meeting at 10:00", Public: true}); err != nil {
		t.Fatal(err)
	}
	if got := fake.Messages("C0PEERS"); len(got) != 1 || got[0].Text != "Network meeting at 10:00" {
		t.Errorf("channel messages = %+v, want the meeting post", got)
	}
	if fake.Calls("conversations.open") != 0 {
		t.Error("a channel post opened a conversation")
	}
}

func TestSenderErrors(t *testing.T) {
	s, fake := newFakeSender(t)
	fake.Errors["U999"] = "account_inactive"
	fake.Errors["C0LEFT"] = "not_in_channel"
	fake.Errors["C0ODD"] = "internal_error"
	ctx := context.Background()
	for _, to := range []string{"U999", "C0LEFT"} {
		if err := s.Send(ctx, to, "x@1", handlers.Say("hi")); !errors.Is(err, scheduler.ErrPermanent) {
			t.Errorf("Send(%s) = %v, want ErrPermanent", to, err)
		}
	}
	if err := s.Send(ctx, "C0ODD", "x@1", handlers.Say("hi")); err == nil || errors.Is(err, scheduler.ErrPermanent) {
		t.Errorf("Send(C0ODD) = %v, want an error worth retrying", err)
	}
	fake.RateLimit = func(method string, n int) time.Duration {
		if method == "chat.postMessage" {
			return 7 * time.Second
		}
		return 0
	}
	err := s.Send(ctx, "C0PEERS", "x@1", handlers.Say("hi"))
	var rl *scheduler.RateLimitError
	if !errors.As(err, &rl) || rl.RetryAfter != 7*time.Second {
		t.Errorf("Send when rate limited = %v, want RateLimitError after 7s", err)
	}
	if len(fake.Messages("C0PEERS")) != 0 {
		t.Error("a rate-limited send was recorded as posted")
	}
}
