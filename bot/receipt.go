package bot

import (
	"context"
	"errors"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/handlers"
)

// receipts posts, at once, each message of r that carries a Receipt, and
// returns r with what the person is to be told of how it went in place of
// what r shows. The other messages are left for effects. In the console,
// which prints a reply's messages itself, a message with a receipt is
// taken as posted and left in place to be printed.
func (b *Bot) receipts(ctx context.Context, r handlers.Reply) handlers.Reply {
	var rest []handlers.Message
	for _, m := range r.Messages {
		if m.Receipt == nil || m.Receipt.Told == nil || m.To == "" {
			rest = append(rest, m)
			continue
		}
		told := m.Receipt.Told
		m.Receipt = nil
		o := handlers.PostSent
		if b.api == nil {
			rest = append(rest, m)
		} else {
			m.Reply.Form, m.Reply.Messages, m.Reply.RefreshHome, m.Reply.Files = nil, nil, nil, nil
			err := b.post(ctx, m.To, "", m.Reply)
			if err != nil {
				b.log.Error("posting a message the person waits on failed", "err", err, "to", m.To)
			}
			o = postOutcome(err)
		}
		shown := told(ctx, o)
		r.Header, r.Text, r.Sections, r.Buttons = shown.Header, shown.Text, shown.Sections, shown.Buttons
		r.Sources, r.Note = shown.Sources, shown.Note
	}
	r.Messages = rest
	return r
}

// postOutcome reads what chat.postMessage answered: taken, refused for a
// reason the person can be told, or not known.
func postOutcome(err error) handlers.PostOutcome {
	if err == nil {
		return handlers.PostSent
	}
	var se slack.SlackErrorResponse
	if errors.As(err, &se) {
		switch se.Err {
		case "not_in_channel":
			return handlers.PostNotInChannel
		case "channel_not_found":
			return handlers.PostNoChannel
		case "is_archived":
			return handlers.PostArchived
		}
		return handlers.PostRefused
	}
	var rl *slack.RateLimitedError
	if errors.As(err, &rl) {
		return handlers.PostRefused
	}
	var status slack.StatusCodeError
	if errors.As(err, &status) && status.Code >= 400 && status.Code < 500 {
		return handlers.PostRefused
	}
	return handlers.PostUnsure
}
