package handlers

import (
	"context"
	"fmt"
	"regexp"
	"strings"
)

// AnswerChannels keeps the channels an admin turned unasked answers on in.
type AnswerChannels interface {
	SetAnswerChannel(ctx context.Context, channelID string, on bool) error
	AnswerChannels(ctx context.Context) ([]string, error)
}

// channelRef is a channel as a slash command carries it: "<#C123|name>",
// "<#C123>", or the id typed bare or after # ("#C123", as the console
// takes it).
var channelRef = regexp.MustCompile(`^(?:<#([CG][A-Z0-9]{2,})(?:\|[^>]*)?>|#?([CG][A-Z0-9]{2,}))$`)

// channelCommand is "admin channel answers on|off <channel>".
func (a *Admin) channelCommand() Command {
	return Command{
		Name:        "channel",
		Description: "Turns the bot's answers to questions in a channel on or off.",
		Subcommands: []Command{{
			Name:        "answers",
			Usage:       "on|off <#channel>",
			Description: "Lets the bot answer, in the thread, questions posted in a channel that it is confident of; off stops it.",
			Examples:    []string{"on #peer-support", "off #peer-support"},
			More:        "The peer support channel (PEER_CHANNEL_ID) is always on. The bot answers only top-level questions it is sure of, never in a thread people are talking in, and stays quiet otherwise. Every replica picks a change up within a minute.",
			Run:         a.ChannelAnswers,
		}},
	}
}

// ChannelAnswers answers "admin channel answers on|off <channel>".
func (a *Admin) ChannelAnswers(ctx context.Context, req Request) (Reply, error) {
	usage := "Say on or off and the channel, such as " + req.Invocation("admin", "channel answers on #peer-support") + "."
	if a.channels == nil {
		return Say("Channel answers cannot be changed here."), nil
	}
	fields := strings.Fields(req.Args)
	if len(fields) != 2 {
		return Say(usage), nil
	}
	var on bool
	switch strings.ToLower(fields[0]) {
	case "on":
		on = true
	case "off":
	default:
		return Say(usage), nil
	}
	m := channelRef.FindStringSubmatch(fields[1])
	if m == nil {
		return Say("I couldn't tell which channel that is. In Slack, type # and pick the channel from the list. " + usage), nil
	}
	id := m[1] + m[2]
	if err := a.channels.SetAnswerChannel(ctx, id, on); err != nil {
		return Reply{}, fmt.Errorf("changing channel answers: %w", err)
	}
	if on {
		return Say(fmt.Sprintf("Answers are on in channel %s: I'll answer there, in the thread, questions I'm confident of. Invite me to the channel if I'm not in it.", id)), nil
	}
	return Say(fmt.Sprintf("Answers are off in channel %s.", id)), nil
}
