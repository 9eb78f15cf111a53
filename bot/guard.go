package bot

import (
	"context"
	"time"

	"github.com/slack-go/slack/slackevents"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/supervision"
)

// The NHS number guard. In the channels the bot is in, a person's message
// that holds a valid NHS number gets one warning, seen by its poster only,
// asking them to delete it. Nothing is said in the channel, and the text is
// read once, in memory: it is never stored, logged or sent anywhere.
//
// A new message is checked; so is an edit, which is warned about only when
// it adds a number the message did not hold before, so an edit that adds
// one warns once, and fixing a typo next to a number already warned about
// does not warn again. Bots, the bot itself, direct messages (where the
// handlers refuse such text themselves) and other subtypes (joins,
// deletions, topics) are left alone.

// nhsWarning is what the poster reads.
const nhsWarning = "That message looks like it holds an NHS number. Patient details should not be shared in Slack, so please delete the message. Only you can see this note."

// guardNew are the message subtypes that are a person's own new post.
var guardNew = map[string]bool{"": true, "thread_broadcast": true, "file_share": true, "me_message": true}

// guardTarget is a message the guard warns about: where, whom, and the id
// that makes the warning once only.
type guardTarget struct {
	channel, user, thread string
	once                  string // "msg:<ts>", or "edit:<ts of the edit>"
}

// nhsGuardTarget reports whether the event is a person's message, in a
// channel, that newly holds an NHS number, and whom to warn. It reads the
// text and keeps none of it. It allocates nothing for a message without a
// number, and is safe for concurrent use.
func nhsGuardTarget(e *slackevents.MessageEvent, botUserID string) (guardTarget, bool) {
	if e.ChannelType != "channel" && e.ChannelType != "group" {
		return guardTarget{}, false
	}
	var user, botID, text, thread, kind, ts string
	switch {
	case guardNew[e.SubType]:
		user, botID, text, thread, kind, ts = e.User, e.BotID, e.Text, e.ThreadTimeStamp, "msg:", e.TimeStamp
	case e.SubType == "message_changed" && e.Message != nil:
		if e.PreviousMessage != nil && supervision.ContainsNHSNumber(e.PreviousMessage.Text) {
			return guardTarget{}, false // warned about already, when it was posted or first edited
		}
		m := e.Message
		if m.SubType == "bot_message" {
			return guardTarget{}, false
		}
		user, botID, text, thread, kind, ts = m.User, m.BotID, m.Text, m.ThreadTimestamp, "edit:", e.TimeStamp
	default:
		return guardTarget{}, false
	}
	if user == "" || botID != "" || user == botUserID || !supervision.ContainsNHSNumber(text) {
		return guardTarget{}, false
	}
	if (ids{user: user, channel: e.Channel}).check() != nil || e.Channel == "" {
		return guardTarget{}, false
	}
	return guardTarget{channel: e.Channel, user: user, thread: thread, once: kind + ts}, true
}

// guard warns the poster of a message that holds an NHS number, once per
// message however often Slack delivers the event, in a background task.
func (b *Bot) guard(ctx context.Context, e *slackevents.MessageEvent, eventID string) {
	t, ok := nhsGuardTarget(e, b.botUserID)
	if !ok || b.api == nil {
		return
	}
	start := time.Now()
	ids := []string{"guard:" + t.once}
	if eventID != "" {
		ids = append(ids, "guard:event:"+eventID)
	}
	first, err := b.store.Claim(ctx, t.channel, b.dedupeTTL, ids...)
	if err != nil {
		// Better a rare second warning than a number left in a channel.
		b.log.Warn("could not check for a repeated delivery; warning anyway", "err", err)
	} else if !first {
		b.observe("nhs_guard", "duplicate", start)
		return
	}
	b.goTaskFrom(ctx, "nhs number guard", func(ctx context.Context) {
		if err := b.warnPoster(ctx, t); err != nil {
			b.log.Error("warning about an NHS number failed", "err", err, "channel", t.channel, "user_id", t.user)
			b.observe("nhs_guard", "error", start)
			return
		}
		b.log.Info("warned a poster about an NHS number", "channel", t.channel, "user_id", t.user)
		b.observe("nhs_guard", "warned", start)
	})
}

// warnPoster sends the warning through chat.postEphemeral: in the
// message's thread when it has one, and to its poster only.
func (b *Bot) warnPoster(ctx context.Context, t guardTarget) error {
	return b.postEphemeral(ctx, t.channel, t.user, t.thread, handlers.Say(nhsWarning))
}
