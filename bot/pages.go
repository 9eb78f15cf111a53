package bot

import (
	"context"
	"errors"
	"strconv"
	"time"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/handlers"
)

// A reply too long for one message carries its later pages in More. They
// are shown where the person asked, seen by them only: page 1 as the
// command's own ephemeral answer (through response_url), the rest through
// chat.postEphemeral in the same conversation, one after another so they
// arrive in order. A response_url takes only five posts, which a long
// report would outrun; chat.postEphemeral has no such cap.
//
// chat.postEphemeral works only where the bot is a member. Before page 1
// goes out, the bot checks that it can read the conversation (an empty
// conversations.history read, which Slack answers not_in_channel or
// channel_not_found for a conversation the bot is not in, such as a DM
// between two other people); where it cannot, the pages go to the
// person's DM with the bot, and page 1 says so (Reply.MoreInDM). A page
// that cannot be posted ephemerally after all goes to the DM too, with
// those after it. Every call goes through withRetry, which waits out
// Slack's Retry-After.

// outsideErrors are Slack's answers for a conversation the bot is not in.
var outsideErrors = map[string]bool{"not_in_channel": true, "channel_not_found": true}

// outside reports whether err says the bot is not in the conversation.
func outside(err error) bool {
	var se slack.SlackErrorResponse
	return errors.As(err, &se) && outsideErrors[se.Err]
}

// sendPages shows a paged reply: page 1 through responseURL (or
// ephemerally when there is none), then each later page, in order.
func (b *Bot) sendPages(ctx context.Context, in invocation, responseURL string, r handlers.Reply) {
	more, inDM := r.More, r.MoreInDM
	r.More, r.MoreInDM = nil, ""
	here := in.channelID != "" && b.canPostIn(ctx, in.channelID)
	if !here && inDM != "" {
		r.Note = inDM
	}
	var err error
	switch {
	case responseURL != "":
		err = b.respond(ctx, responseURL, r)
	case here:
		err = b.postEphemeral(ctx, in.channelID, in.userID, "", r)
	default:
		err = b.post(ctx, in.userID, "", r)
	}
	if err != nil {
		b.log.Error("showing the first page of a reply failed; sending it by DM", "err", err)
		if err := b.post(ctx, in.userID, "", r); err != nil {
			b.log.Error("sending the first page of a reply by DM failed", "err", err)
		}
	}
	for i, p := range more {
		p.Replace, p.Public = false, false
		if here {
			err := b.postEphemeral(ctx, in.channelID, in.userID, "", p)
			if err == nil {
				continue
			}
			b.log.Warn("posting a page where it was asked for failed; sending the rest by DM", "err", err, "page", i+2)
			here = false
		}
		if err := b.post(ctx, in.userID, "", p); err != nil {
			b.log.Error("sending a page by DM failed", "err", err, "page", i+2)
		}
	}
}

// canPostIn reports whether the bot is in the conversation, so that
// chat.postEphemeral can reach it. It reads history from a day ahead, so
// no message is read; any answer but "not in it" counts as yes, and a
// failed post then falls back to the DM.
func (b *Bot) canPostIn(ctx context.Context, channel string) bool {
	params := &slack.GetConversationHistoryParameters{
		ChannelID: channel,
		Limit:     1,
		Oldest:    strconv.FormatInt(time.Now().Add(24*time.Hour).Unix(), 10),
	}
	err := b.withRetry(ctx, "conversations.history", func() error {
		_, err := b.api.GetConversationHistoryContext(ctx, params)
		return err
	})
	if err != nil && !outside(err) {
		b.log.Warn("could not tell whether the bot is in a conversation; trying it", "err", err, "channel", channel)
	}
	return !outside(err)
}

// postEphemeral shows a reply to one person in a conversation (in a
// thread when thread is set) through chat.postEphemeral, waiting out
// Slack's Retry-After.
func (b *Bot) postEphemeral(ctx context.Context, channel, userID, thread string, r handlers.Reply) error {
	blocks, text := Blocks(r)
	opts := []slack.MsgOption{slack.MsgOptionText(text, false), slack.MsgOptionBlocks(blocks...)}
	if thread != "" {
		opts = append(opts, slack.MsgOptionTS(thread))
	}
	return b.withRetry(ctx, "chat.postEphemeral", func() error {
		_, err := b.api.PostEphemeralContext(ctx, channel, userID, opts...)
		return err
	})
}
