package bot

import (
	"context"
	"strings"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/supervision"
)

// event handles one Events API callback, from HTTP or Socket Mode.
func (b *Bot) event(ctx context.Context, ev slackevents.EventsAPIEvent, retry string) {
	start := time.Now()
	eventID := ""
	if cb, ok := ev.Data.(*slackevents.EventsAPICallbackEvent); ok {
		eventID = cb.EventID
	}
	var m message
	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent:
		m = message{user: e.User, botID: e.BotID, channel: e.Channel, text: e.Text,
			ts: e.TimeStamp, threadTS: e.ThreadTimeStamp, mention: true}
	case *slackevents.MessageEvent:
		b.guard(ctx, e, eventID)
		m = message{user: e.User, botID: e.BotID, subType: e.SubType, channel: e.Channel,
			channelType: e.ChannelType, text: e.Text, ts: e.TimeStamp, threadTS: e.ThreadTimeStamp}
	case *slackevents.AppHomeOpenedEvent:
		if e.Tab != "home" || b.home == nil || e.User == "" {
			b.observe("event", "ignored", start)
			return
		}
		b.publishHome(ctx, e.User)
		b.observe("event", "ok", start)
		return
	default:
		b.observe("event", "ignored", start)
		return
	}
	m.eventID, m.teamID = eventID, ev.TeamID
	outcome := b.message(ctx, m, retry)
	b.observe("event", outcome, start)
}

// fileShare is the subtype of a message that shares a file, with or
// without words.
const fileShare = "file_share"

// fileOnly answers a file shared with no words.
const fileOnly = "I can only read typed words, not files or pictures. Please type your question, leaving out anything that could identify a patient."

// message is a message event, from app_mention or message.
type message struct {
	eventID, teamID      string
	user, botID, subType string
	channel, channelType string
	text, ts, threadTS   string
	mention              bool
}

// message answers a person who mentioned the bot in a channel (in a thread)
// or wrote to it directly (in the DM). Each message is answered once, however
// often and under whichever event id Slack delivers it. It returns the
// outcome for metrics. Message text is never logged.
func (b *Bot) message(ctx context.Context, m message, retry string) string {
	// A file shared with words is a message too: its words are read.
	if m.botID != "" || (m.subType != "" && m.subType != fileShare) || m.user == "" || m.user == b.botUserID {
		return "ignored" // bots, ourselves, edits, joins and the like
	}
	dm := m.channelType == "im"
	if !dm && !m.mention && (b.botUserID == "" || !strings.Contains(m.text, "<@"+b.botUserID+">")) {
		if m.subType == "" && b.channel.on(ctx, m) {
			return b.answerInChannel(ctx, m, retry)
		}
		return "ignored" // channel chatter not meant for us
	}
	ids := []string{"msg:" + m.ts}
	if m.eventID != "" {
		ids = append(ids, "event:"+m.eventID)
	}
	first, err := b.store.Claim(ctx, dedupeScope(m), b.dedupeTTL, ids...)
	if err != nil {
		// Better a rare second answer than a question left unanswered.
		b.log.Warn("could not check for a repeated delivery; answering anyway", "err", err)
	} else if !first {
		b.log.Info("repeated delivery ignored", "event_id", m.eventID, "retry", retry)
		return "duplicate"
	}
	text := slackText(stripMentions(m.text, b.botUserID))
	reply := b.converseReply(ctx, invocation{
		kind:      "conversation",
		text:      text,
		userID:    m.user,
		channelID: m.channel,
		teamID:    m.teamID,
	})
	if m.subType == fileShare && strings.TrimSpace(text) == "" {
		reply = handlers.Say(fileOnly)
	}
	thread := m.threadTS
	if !dm && thread == "" {
		thread = m.ts // answer a channel mention in a thread, not in the channel
	}
	reply = b.finish(ctx, invocation{userID: m.user}, reply)
	if empty(reply) {
		return "ok"
	}
	more := reply.More
	reply.More, reply.MoreInDM = nil, ""
	if !dm && b.table.personal(text) {
		// Someone's record, asked for in a channel: only the asker sees it.
		for _, p := range append([]handlers.Reply{reply}, more...) {
			p.Public = false
			if err := b.postEphemeral(ctx, m.channel, m.user, thread, p); err != nil {
				b.log.Error("posting an answer only its asker sees failed", "err", err, "channel", m.channel)
				return "error"
			}
		}
		return "ok"
	}
	reply.Public = true // a thread or DM reply is seen by whoever can see the question
	if err := b.post(ctx, m.channel, thread, reply); err != nil {
		b.log.Error("posting an answer failed", "err", err, "channel", m.channel)
		return "error"
	}
	for _, p := range more { // later pages, in order, where the first went
		p.Public = true
		if err := b.post(ctx, m.channel, thread, p); err != nil {
			b.log.Error("posting a page of an answer failed", "err", err, "channel", m.channel)
			return "error"
		}
	}
	return "ok"
}

// dedupeScope is the scope a message's deliveries are claimed in: its
// channel, or its team when Slack sent no channel, so that every key of one
// claim shares one hash tag (an empty one would spread them over a Redis
// Cluster's slots).
func dedupeScope(m message) string {
	switch {
	case m.channel != "":
		return m.channel
	case m.teamID != "":
		return m.teamID
	}
	return "slack"
}

// converseReply answers free text: a command typed without its slash
// ("roles coach", "help") is run; other text goes to Converse.
func (b *Bot) converseReply(ctx context.Context, in invocation) handlers.Reply {
	text := strings.TrimSpace(in.text)
	if supervision.ContainsNHSNumber(text) {
		return b.answer(ctx, in) // refused there, before it is read as a command
	}
	in.slash, in.text = b.table.Line(text)
	if rt := b.table.Route(in.slash, in.text); in.slash != b.table.Umbrella() || rt.named() {
		return b.answer(ctx, in)
	}
	if sup := b.table.supervisionLine(in.text); sup != "" {
		in.text = sup // "log yesterday 1h": a supervision command, not a question
		return b.answer(ctx, in)
	}
	if !strings.ContainsAny(in.text, " \t\n") && b.table.suggest(strings.ToLower(in.text), b.admins[in.userID]) != "" {
		return b.answer(ctx, in) // one word that looks like a slip for a command: "rols", "/peer rols"
	}
	if b.converse == nil {
		help := b.table.Help(b.admins[in.userID])
		help.Header = ""
		help.Text = "Hello! I answer commands for now. Here is what I can do:"
		return help
	}
	start := time.Now()
	reqID := newID()
	log := b.requestLog(reqID, in.kind, in.userID, false)
	reply, outcome := b.run(ctx, log, reqID, b.converse, handlers.Request{
		UserID: in.userID, TeamID: in.teamID, ChannelID: in.channelID, Args: text,
		IsAdmin: b.admins[in.userID], Invoke: b.table.Invocation,
	}, false)
	b.observe(in.kind, outcome, start)
	return reply
}

// interaction handles a button press or form from HTTP or Socket Mode. The
// bot's own "run a command" buttons carry the command in their value. A
// press is one action: Slack sends one, and a payload with more runs only
// the first, so no forged payload runs a hundred commands.
func (b *Bot) interaction(ctx context.Context, cb slack.InteractionCallback) {
	start := time.Now()
	actions := cb.ActionCallback.BlockActions
	if cb.Type != slack.InteractionTypeBlockActions || len(actions) == 0 {
		b.observe("interaction", "ignored", start)
		return
	}
	if len(actions) > 1 {
		b.log.Warn("a button press carried several actions; only the first is run", "actions", len(actions))
	}
	a := actions[0]
	if a.ActionID == handlers.ActionRemoveAnswer {
		b.observe("interaction", b.removeAnswer(ctx, cb, a.Value), start)
		return
	}
	if !strings.HasPrefix(a.ActionID, actionRunPrefix) {
		b.observe("interaction", "ok", start) // link buttons open in the browser; nothing to do
		return
	}
	name, args := cut(a.Value)
	in := invocation{
		kind:      "interaction",
		slash:     b.table.Umbrella(),
		text:      strings.TrimSpace(name + " " + args),
		userID:    cb.User.ID,
		channelID: cb.Channel.ID,
		teamID:    cb.Team.ID,
		triggerID: cb.TriggerID,
	}
	if err := b.deliver(ctx, in, cb.ResponseURL, b.answer(ctx, in)); err != nil {
		b.log.Error("answering a button failed", "err", err)
		b.observe("interaction", "error", start)
		return
	}
	b.observe("interaction", "ok", start)
}

// stripMentions removes the bot's own mentions ("<@UBOT>", "<@UBOT|peerbot>")
// from message text, and keeps everyone else's: "log yesterday with
// <@U0SAM>" names Sam. With the bot's id unknown, a mention that starts
// the text is taken for the bot's, as a channel mention starts with it.
func stripMentions(s, botUserID string) string {
	s = strings.TrimSpace(s)
	if botUserID == "" {
		if strings.HasPrefix(s, "<@") {
			if j := strings.Index(s, ">"); j >= 0 {
				s = s[j+1:]
			}
		}
		return strings.TrimSpace(s)
	}
	for _, m := range []string{"<@" + botUserID + ">", "<@" + botUserID + "|"} {
		for {
			i := strings.Index(s, m)
			if i < 0 {
				break
			}
			j := strings.Index(s[i:], ">")
			if j < 0 {
				break
			}
			s = s[:i] + " " + s[i+j+1:]
		}
	}
	return strings.TrimSpace(s)
}
