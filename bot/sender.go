package bot

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/prometheus/client_golang/prometheus"
	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/scheduler"
)

// OccurrenceEvent is the metadata event type on every message the reminder
// engine sends; its payload's "occurrence" names the occurrence.
const OccurrenceEvent = "peerbot_occurrence"

// historyPages bounds the look back through a conversation for a message
// already sent: 200 messages a page.
const historyPages = 3

// Sender sends the reminder engine's messages through the Slack Web API
// (scheduler.Sender). Each message carries its occurrence in its metadata,
// so Delivered can find it in the conversation's history. It is safe for
// concurrent use.
type Sender struct {
	api     *slack.Client
	metrics *Metrics
	ims     sync.Map // user id → direct message channel id
}

var _ scheduler.Sender = (*Sender)(nil)

// NewSender returns a sender on api. metrics may be nil.
func NewSender(api *slack.Client, metrics *Metrics) *Sender {
	return &Sender{api: api, metrics: metrics}
}

// Send posts msg to a person (a user id, by direct message) or a channel.
func (s *Sender) Send(ctx context.Context, to, occurrence string, msg handlers.Reply) error {
	ch, err := s.channel(ctx, to)
	if err != nil {
		return err
	}
	msg.Form, msg.Messages, msg.RefreshHome, msg.Replace = nil, nil, nil, false
	blocks, text := Blocks(msg)
	_, _, err = s.api.PostMessageContext(ctx, ch,
		slack.MsgOptionText(text, false),
		slack.MsgOptionBlocks(blocks...),
		slack.MsgOptionMetadata(slack.SlackMetadata{
			EventType:    OccurrenceEvent,
			EventPayload: map[string]any{"occurrence": occurrence},
		}))
	return s.classify("chat.postMessage", err)
}

// Delivered reports whether a message tagged with occurrence is in the
// conversation with `to` at or after since.
func (s *Sender) Delivered(ctx context.Context, to, occurrence string, since time.Time) (bool, error) {
	ch, err := s.channel(ctx, to)
	if err != nil {
		return false, err
	}
	params := &slack.GetConversationHistoryParameters{
		ChannelID:          ch,
		Oldest:             strconv.FormatFloat(float64(since.UnixMicro())/1e6, 'f', 6, 64),
		Limit:              200,
		IncludeAllMetadata: true,
		Inclusive:          true,
	}
	for range historyPages {
		res, err := s.api.GetConversationHistoryContext(ctx, params)
		if err != nil {
			return false, s.classify("conversations.history", err)
		}
		for _, m := range res.Messages {
			if m.Metadata.EventType == OccurrenceEvent && fmt.Sprint(m.Metadata.EventPayload["occurrence"]) == occurrence {
				return true, nil
			}
		}
		if !res.HasMore || res.ResponseMetaData.NextCursor == "" {
			return false, nil
		}
		params.Cursor = res.ResponseMetaData.NextCursor
	}
	return false, nil
}

// channel is where to post to reach `to`: a person's direct message
// channel (opened once, then remembered), or the channel itself.
func (s *Sender) channel(ctx context.Context, to string) (string, error) {
	if !strings.HasPrefix(to, "U") && !strings.HasPrefix(to, "W") {
		return to, nil
	}
	if ch, ok := s.ims.Load(to); ok {
		return ch.(string), nil
	}
	c, _, _, err := s.api.OpenConversationContext(ctx, &slack.OpenConversationParameters{Users: []string{to}, ReturnIM: true})
	if err != nil {
		return "", s.classify("conversations.open", err)
	}
	s.ims.Store(to, c.ID)
	return c.ID, nil
}

// permanentErrors are Slack's answers that no retry will change: the
// person left or was deactivated, the bot is not in the channel, or the
// channel was archived.
var permanentErrors = map[string]bool{
	"user_not_found": true, "users_not_found": true, "account_inactive": true, "user_disabled": true,
	"channel_not_found": true, "not_in_channel": true, "is_archived": true, "cannot_dm_bot": true,
	"messages_tab_disabled": true,
}

// classify turns slack-go's errors into the engine's: a rate limit with
// its Retry-After, a permanent failure, or an error worth retrying.
func (s *Sender) classify(method string, err error) error {
	if err == nil {
		return nil
	}
	if s.metrics != nil {
		s.metrics.slackError(method)
	}
	var rl *slack.RateLimitedError
	if errors.As(err, &rl) {
		return &scheduler.RateLimitError{RetryAfter: rl.RetryAfter}
	}
	var se slack.SlackErrorResponse
	if errors.As(err, &se) && permanentErrors[se.Err] {
		return fmt.Errorf("%s: %w: %s", method, scheduler.ErrPermanent, se.Err)
	}
	return fmt.Errorf("%s: %w", method, err)
}

// Register adds more collectors, such as the reminder engine's, to the
// registry /metrics serves.
func (m *Metrics) Register(cs ...prometheus.Collector) error {
	for _, c := range cs {
		if err := m.registry.Register(c); err != nil {
			return err
		}
	}
	return nil
}

// ConsoleSender prints the reminder engine's messages in the console, as
// plain text, since there is no Slack to send them to. It is safe for
// concurrent use.
type ConsoleSender struct {
	mu     sync.Mutex
	w      io.Writer
	invoke func(name, args string) string
}

var _ scheduler.Sender = (*ConsoleSender)(nil)

// NewConsoleSender prints to w; invoke spells a command as the person
// would type it, for button hints (Table.Invocation).
func NewConsoleSender(w io.Writer, invoke func(name, args string) string) *ConsoleSender {
	return &ConsoleSender{w: w, invoke: invoke}
}

// Send prints msg, saying who it is for.
func (s *ConsoleSender) Send(_ context.Context, to, _ string, msg handlers.Reply) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	_, err := fmt.Fprintf(s.w, "\n[message to %s]\n%s", to, Text(msg, s.invoke))
	return err
}

// Delivered is always false: the console is one process, and what it has
// printed was recorded before it could stop.
func (s *ConsoleSender) Delivered(context.Context, string, string, time.Time) (bool, error) {
	return false, nil
}
