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

// The central check. Every command's text (slash commands over HTTP and
// Socket Mode, buttons, direct messages and mentions, the console), every
// button's value and every form's typed values is checked for an NHS
// number here, before it is routed, handed to a handler, stored or logged.
// Text that holds one is answered with the handlers' own refusal and goes no
// further: nothing is run, audited, counted, kept or logged but the outcome.
// The handlers check again for themselves.

// nhsRefusal is the answer to a command whose text holds an NHS number: the
// handlers' words for it (handlers.Answers.Ask says the same).
const nhsRefusal = "I haven't kept or searched that: it seems to hold an NHS number. Please take out anything that could identify a patient and ask again."

// nhsFormRefusal goes under the form field that holds an NHS number: the
// supervision forms' words for it.
const nhsFormRefusal = "That looks like an NHS number. I don't keep patient details, so I haven't saved anything. Please leave it out."

// nhsOutcome is the outcome logged and counted for a refusal.
const nhsOutcome = "nhs_number"

// refuseNHS answers an invocation whose text holds an NHS number, and
// reports whether it did. The line it logs names neither the command nor
// the person: routing has not happened, and a refused anonymous share must
// not be traced to its sender.
func (b *Bot) refuseNHS(in invocation, reqID string, start time.Time) (reply handlers.Reply, logAnswered func(), refused bool) {
	text := in.text
	if in.kind == "interaction" {
		text = withoutIDs(text) // a button's value, made by the bot
	}
	if !supervision.ContainsNHSNumber(text) {
		return handlers.Reply{}, nil, false
	}
	log := b.requestLog(reqID, in.kind, in.userID, true)
	b.observe(in.kind, nhsOutcome, start)
	took := time.Since(start)
	slash, line := in.slash, in.text
	if slash == "" {
		slash, line = b.table.Line(line) // a direct message, a mention, the console
	}
	words := nhsRefusal
	if own := b.table.NHSRefusal(slash, line); own != "" {
		words = own // the command's own words: "That reason looks like..."
	}
	return handlers.Say(words), func() { log.answered(nhsOutcome, took) }, true
}

// nhsInteraction checks a button press or a form as it is read, before
// anything else sees it: the value of every button and every value typed or
// chosen in a form. refused reports that one holds an NHS number; then a
// form gets resp, its field error, at once, and a button its refusal
// through response_url, in the background. Nothing is run.
func (b *Bot) nhsInteraction(cb slack.InteractionCallback, start time.Time) (resp *slack.ViewSubmissionResponse, refused bool) {
	switch cb.Type {
	case slack.InteractionTypeViewSubmission:
		field := nhsFormField(cb.View, formValues(cb.View.State))
		if field == "" {
			return nil, false
		}
		b.observe("form", nhsOutcome, start)
		b.log.Info("answered", "request_id", newID(), "kind", "form", "outcome", nhsOutcome)
		return slack.NewErrorsViewSubmissionResponse(map[string]string{field: nhsFormRefusal}), true
	case slack.InteractionTypeBlockActions:
		held := false
		for _, a := range cb.ActionCallback.BlockActions {
			held = held || supervision.ContainsNHSNumber(withoutIDs(a.Value)) || supervision.ContainsNHSNumber(a.SelectedOption.Value)
		}
		if !held {
			return nil, false
		}
		b.observe("interaction", nhsOutcome, start)
		b.log.Info("answered", "request_id", newID(), "kind", "interaction", "outcome", nhsOutcome)
		b.goTask("interaction", func(ctx context.Context) {
			if err := b.respond(ctx, cb.ResponseURL, handlers.Say(nhsRefusal)); err != nil {
				b.log.Error("answering a button failed", "err", err)
			}
		})
		return nil, true
	}
	return nil, false
}

// nhsFormField names the form field whose value holds an NHS number: the
// first such input in the form's order, else the first by name; or "".
func nhsFormField(view slack.View, values map[string]string) string {
	for _, bl := range view.Blocks.BlockSet {
		if in, ok := bl.(*slack.InputBlock); ok && supervision.ContainsNHSNumber(values[in.BlockID]) {
			return in.BlockID
		}
	}
	field := ""
	for id, v := range values {
		if (field == "" || id < field) && supervision.ContainsNHSNumber(v) {
			field = id
		}
	}
	return field
}

// minIDLen is the shortest run of hex the bot puts in a button as an id or
// a key: a held question's id and key are 32.
const minIDLen = 16

// withoutIDs returns a button's value with the bot's own ids and keys (runs
// of 16 or more lower-case hex digits, standing alone) left out: their
// digits are random, and one in a few hundred would hold ten digits with a
// valid check digit. Anything else, a person's words included, is kept.
func withoutIDs(v string) string {
	if len(v) < minIDLen {
		return v
	}
	fields := strings.Fields(v)
	kept := fields[:0]
	for _, f := range fields {
		if !isHexID(f) {
			kept = append(kept, f)
		}
	}
	if len(kept) == len(fields) {
		return v
	}
	return strings.Join(kept, " ")
}

func isHexID(f string) bool {
	if len(f) < minIDLen {
		return false
	}
	for i := 0; i < len(f); i++ {
		if c := f[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}
