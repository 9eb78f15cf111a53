package handlers

import (
	"regexp"
	"strings"
)

// slackMarkup is one piece of Slack's markup in text a person typed, as
// Slack sends it: <@U123|sam>, <#C123|peer-support>, <https://…|label>,
// <!channel>.
var slackMarkup = regexp.MustCompile(`<([^<>\n]+)>`)

// scheduleLink is a link Slack made of what an admin typed, that a post
// may carry: http or https, and nothing that would end the link early.
var scheduleLink = regexp.MustCompile(`^https?://[^\s|()\[\]*]+$`)

// schedulePostText is what a scheduled post says, as reply Markdown, made
// from the text an admin typed as Slack sends it: their words as typed
// (so nothing in them becomes bold, a mention or a ping), and the links
// Slack made of the web addresses they typed as links again, each shown as
// its own address, so a meeting's joining link can be clicked. A person or
// channel named is shown by name (@sam, #peer-support), and @channel or
// @here as words: the post pings nobody.
func schedulePostText(text string) string {
	var b strings.Builder
	last := 0
	for _, m := range slackMarkup.FindAllStringSubmatchIndex(text, -1) {
		b.WriteString(AsTyped(text[last:m[0]]))
		b.WriteString(scheduleMarkupShown(text[m[2]:m[3]], text[m[0]:m[1]]))
		last = m[1]
	}
	b.WriteString(AsTyped(text[last:]))
	return b.String()
}

// scheduleMarkupShown is one piece of markup (inner is what is between
// < and >) as a post shows it.
func scheduleMarkupShown(inner, whole string) string {
	target, label, _ := strings.Cut(inner, "|")
	switch {
	case scheduleLink.MatchString(target):
		shown := strings.TrimPrefix(strings.TrimPrefix(target, "https://"), "http://")
		return "[" + shown + "](" + target + ")"
	case strings.HasPrefix(target, "mailto:"):
		return AsTyped(strings.TrimPrefix(target, "mailto:"))
	case strings.HasPrefix(target, "@") || strings.HasPrefix(target, "#"):
		if label != "" {
			return AsTyped(target[:1] + strings.TrimPrefix(label, target[:1]))
		}
		return AsTyped(target)
	case strings.HasPrefix(target, "!subteam^") || strings.HasPrefix(target, "!date^"):
		if label != "" {
			return AsTyped(label)
		}
	case strings.HasPrefix(target, "!"):
		return AsTyped("@" + strings.TrimPrefix(target, "!"))
	}
	return AsTyped(whole)
}
