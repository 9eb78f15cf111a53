package bot

import (
	"context"
	"sync"
	"time"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/handlers"
)

// Answers in the peer support channel. In the channels it answers in, a
// person's top-level message that the handler is confident it can answer
// gets the answer in its thread, once however often Slack delivers it;
// anything else (a thread reply, a bot, a message it is not sure of) gets
// nothing, so peers answer. The message text is read in memory and never
// logged or stored; the answer never quotes it.

// channelRefresh is how long the channels an admin turned on are cached:
// every replica picks a change up within it.
const channelRefresh = 30 * time.Second

// channelAnswers says where, and how, the bot answers unasked.
type channelAnswers struct {
	answer func(ctx context.Context, req handlers.Request) (handlers.Reply, bool)
	fixed  map[string]bool
	more   func(ctx context.Context) ([]string, error)

	mu      sync.Mutex
	turned  map[string]bool // from more, read at read
	read    time.Time
	refresh time.Duration
}

func newChannelAnswers(answer func(context.Context, handlers.Request) (handlers.Reply, bool), channels []string, more func(context.Context) ([]string, error)) *channelAnswers {
	c := &channelAnswers{answer: answer, fixed: make(map[string]bool), more: more, refresh: channelRefresh}
	for _, ch := range channels {
		if ch != "" {
			c.fixed[ch] = true
		}
	}
	return c
}

// on reports whether m is a message to answer unasked: a person's own new
// top-level post in a channel answered in. message has already left out
// bots, the bot itself and subtypes.
func (c *channelAnswers) on(ctx context.Context, m message) bool {
	if c.answer == nil || m.threadTS != "" || m.mention || (m.channelType != "channel" && m.channelType != "group") {
		return false
	}
	return c.fixed[m.channel] || c.turnedOn(ctx, m.channel)
}

// turnedOn reports whether an admin turned answers on in channel, from a
// copy at most refresh old; when the store cannot say, the last copy.
func (c *channelAnswers) turnedOn(ctx context.Context, channel string) bool {
	if c.more == nil {
		return false
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if time.Since(c.read) >= c.refresh {
		if ids, err := c.more(ctx); err == nil {
			c.turned = make(map[string]bool, len(ids))
			for _, id := range ids {
				c.turned[id] = true
			}
			c.read = time.Now()
		}
	}
	return c.turned[channel]
}

// answerInChannel answers m in its thread when the handler is confident,
// once per message.
func (b *Bot) answerInChannel(ctx context.Context, m message, retry string) string {
	reply, ok := b.channel.answer(ctx, handlers.Request{
		UserID: m.user, TeamID: m.teamID, ChannelID: m.channel, Args: m.text,
		IsAdmin: b.admins[m.user], Invoke: b.table.Invocation,
	})
	if !ok {
		return "quiet"
	}
	ids := []string{"msg:" + m.ts}
	if m.eventID != "" {
		ids = append(ids, "event:"+m.eventID)
	}
	first, err := b.store.Claim(ctx, dedupeScope(m), b.dedupeTTL, ids...)
	if err != nil {
		// Unasked, a missed answer costs less than a doubled one.
		b.log.Warn("could not check for a repeated delivery; not answering unasked", "err", err)
		return "error"
	}
	if !first {
		b.log.Info("repeated delivery ignored", "event_id", m.eventID, "retry", retry)
		return "duplicate"
	}
	reply.Public = true
	reply.Form, reply.Messages, reply.RefreshHome, reply.Files = nil, nil, nil, nil
	if err := b.post(ctx, m.channel, m.ts, reply); err != nil {
		b.log.Error("posting an answer in a thread failed", "err", err, "channel", m.channel)
		return "error"
	}
	return "ok"
}

// removeNotAllowed is what someone else who presses "Remove" reads.
const removeNotAllowed = "Only the person who asked, or an admin, can remove this answer."

// removeAnswer deletes the bot's answer in a thread when the asker (the
// button's value) or an admin pressed "Remove"; anyone else is told so,
// privately.
func (b *Bot) removeAnswer(ctx context.Context, cb slack.InteractionCallback, asker string) string {
	channel, ts := cb.Container.ChannelID, cb.Container.MessageTs
	if channel == "" {
		channel = cb.Channel.ID
	}
	if ts == "" {
		ts = cb.Message.Timestamp
	}
	if cb.User.ID == "" || (cb.User.ID != asker && !b.admins[cb.User.ID]) {
		if err := b.respond(ctx, cb.ResponseURL, handlers.Say(removeNotAllowed)); err != nil {
			b.log.Error("answering a refused remove failed", "err", err)
		}
		return "refused"
	}
	if b.api == nil || channel == "" || ts == "" {
		return "ignored"
	}
	err := b.withRetry(ctx, "chat.delete", func() error {
		_, _, err := b.api.DeleteMessageContext(ctx, channel, ts)
		return err
	})
	if err != nil {
		b.log.Error("removing an answer failed", "err", err, "channel", channel)
		return "error"
	}
	return "ok"
}
