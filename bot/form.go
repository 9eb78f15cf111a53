package bot

import (
	"errors"
	"net/url"
	"strings"
)

// slackForm is what the bot reads from a form body from Slack: a slash
// command's fields, or an interaction's payload.
type slackForm struct {
	command, text, userID, channelID, teamID, responseURL, triggerID, payload string
	hasCommand, hasPayload                                                    bool
	seen                                                                      struct{ text, userID, channelID, teamID, responseURL, triggerID bool }
}

var errSemicolon = errors.New("invalid semicolon separator in query")

// parseForm reads a form body as url.ParseQuery does, with the same errors
// for the same bodies, keeping the first value of each field the bot uses.
// It builds no map and copies nothing that needs no unescaping: every
// slash command passes here.
func parseForm(body string) (slackForm, error) {
	var f slackForm
	var first error
	for body != "" {
		var part string
		part, body, _ = strings.Cut(body, "&")
		if strings.Contains(part, ";") {
			first = cmpFirst(first, errSemicolon)
			continue
		}
		if part == "" {
			continue
		}
		key, value, _ := strings.Cut(part, "=")
		key, err := unescapeForm(key)
		if err != nil {
			first = cmpFirst(first, err)
			continue
		}
		value, err = unescapeForm(value)
		if err != nil {
			first = cmpFirst(first, err)
			continue
		}
		f.set(key, value)
	}
	return f, first
}

func cmpFirst(first, err error) error {
	if first != nil {
		return first
	}
	return err
}

func unescapeForm(s string) (string, error) {
	if strings.IndexByte(s, '%') < 0 && strings.IndexByte(s, '+') < 0 {
		return s, nil
	}
	return url.QueryUnescape(s)
}

// set keeps value for key unless key has come before: url.Values.Get gives
// the first.
func (f *slackForm) set(key, value string) {
	var dst *string
	var seen *bool
	switch key {
	case "command":
		dst, seen = &f.command, &f.hasCommand
	case "payload":
		dst, seen = &f.payload, &f.hasPayload
	case "text":
		dst, seen = &f.text, &f.seen.text
	case "user_id":
		dst, seen = &f.userID, &f.seen.userID
	case "channel_id":
		dst, seen = &f.channelID, &f.seen.channelID
	case "team_id":
		dst, seen = &f.teamID, &f.seen.teamID
	case "response_url":
		dst, seen = &f.responseURL, &f.seen.responseURL
	case "trigger_id":
		dst, seen = &f.triggerID, &f.seen.triggerID
	default:
		return
	}
	if !*seen {
		*dst, *seen = value, true
	}
}
