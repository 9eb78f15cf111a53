package bot

import (
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
)

// DefaultResponseURLPrefix is where Slack's response_url addresses point.
const DefaultResponseURLPrefix = "https://hooks.slack.com/"

// errUntrustedURL means a response_url pointed somewhere other than Slack
// (Options.ResponseURLPrefix), so it was not followed.
var errUntrustedURL = errors.New("response_url is not Slack's; not followed")

// trustedResponseURL returns raw when it may be posted to, else "" after a
// warning. The warning names the host only: a URL's path and query can
// hold a secret.
func (b *Bot) trustedResponseURL(raw string) string {
	if raw == "" || strings.HasPrefix(raw, b.hooks) {
		return raw
	}
	b.log.Warn("refused a response_url outside SLACK_RESPONSE_URL_PREFIX", "host", urlHost(raw))
	return ""
}

// urlHost is the scheme and host of a URL, for logs.
func urlHost(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.Host == "" {
		return "(not a web address)"
	}
	return u.Scheme + "://" + u.Host
}

// Slack's id shapes: a letter saying what it names, then 1 to 31 capital
// letters and digits. An id from a request is used in Redis keys and sent
// back to Slack, so one of any other shape is refused before either.
// Checked by hand, not by regexp: every request passes here.
func idShape(id, firsts string) bool {
	if len(id) < 2 || len(id) > 32 || strings.IndexByte(firsts, id[0]) < 0 {
		return false
	}
	for i := 1; i < len(id); i++ {
		if c := id[i]; (c < 'A' || c > 'Z') && (c < '0' || c > '9') {
			return false
		}
	}
	return true
}

const (
	userIDFirsts    = "UW"
	channelIDFirsts = "CGD"
	teamIDFirsts    = "TE" // a workspace, or an Enterprise Grid org
)

// errMalformedID means a request named a user, channel or team in a shape
// Slack never uses.
var errMalformedID = errors.New("malformed Slack id")

// ids are the people and places a request names; an empty one is absent.
type ids struct {
	user, channel, team string
	userRequired        bool
}

// check reports errMalformedID when an id present is not of Slack's shape,
// or the user is missing where one is required. The error names the field,
// never the value.
func (i ids) check() error {
	switch {
	case i.user == "" && i.userRequired:
		return fmt.Errorf("%w: no user", errMalformedID)
	case i.user != "" && !idShape(i.user, userIDFirsts):
		return fmt.Errorf("%w: user", errMalformedID)
	case i.channel != "" && !idShape(i.channel, channelIDFirsts):
		return fmt.Errorf("%w: channel", errMalformedID)
	case i.team != "" && !idShape(i.team, teamIDFirsts):
		return fmt.Errorf("%w: team", errMalformedID)
	}
	return nil
}

func slashIDs(sc slack.SlashCommand) ids {
	return ids{user: sc.UserID, channel: sc.ChannelID, team: sc.TeamID, userRequired: true}
}

// interactionIDs: every button press and form has a person; the App Home
// and modals have no channel.
func interactionIDs(cb slack.InteractionCallback) ids {
	return ids{user: cb.User.ID, channel: cb.Channel.ID, team: cb.Team.ID, userRequired: true}
}

// eventIDs: an event may have no person (a bot's message) but what it
// names must be Slack's.
func eventIDs(ev slackevents.EventsAPIEvent) ids {
	i := ids{team: ev.TeamID}
	switch e := ev.InnerEvent.Data.(type) {
	case *slackevents.AppMentionEvent:
		i.user, i.channel = e.User, e.Channel
	case *slackevents.MessageEvent:
		i.user, i.channel = e.User, e.Channel
	case *slackevents.AppHomeOpenedEvent:
		i.user, i.channel = e.User, e.Channel
	}
	return i
}
