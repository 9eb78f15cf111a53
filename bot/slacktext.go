package bot

import "strings"

// slackEntities undoes the one escaping Slack does to what a person types,
// in a slash command's text and a message's: &, < and > come as &amp;,
// &lt; and &gt;, so that < and > are left for Slack's own markup
// (<@U123>, <#C123|name>, <https://…>). Read as typed, "Q&A" is "Q&A",
// not "Q&amp;A" shown back (or kept in a profile) with its entity. The
// markup itself is left as it is. What is shown back is escaped again
// when drawn, so nothing typed becomes markup.
var slackEntities = strings.NewReplacer("&amp;", "&", "&lt;", "<", "&gt;", ">")

// slackText is text as Slack sent it, read as the person typed it.
func slackText(s string) string {
	if !strings.Contains(s, "&") {
		return s
	}
	return slackEntities.Replace(s)
}
