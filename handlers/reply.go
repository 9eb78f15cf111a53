package handlers

import (
	"regexp"
	"strconv"
	"strings"
)

// Reply is a transport-neutral answer. The bot renders it to Block Kit for
// Slack and to plain text for the console. Text fields use a small Markdown
// subset: **bold**, _italic_, [label](https://url) and "- " bullets. Any
// part of them that a person typed, or that came from a person's record,
// goes in AsTyped, so that it is shown as typed and never converted.
type Reply struct {
	Header   string    // a short title; plain text
	Text     string    // the opening paragraph
	Sections []Section // further parts, in order
	Buttons  []Button
	Sources  []Source // where the facts come from; shown in small print
	Note     string   // small print after the sources, such as "Reviewed 22 Nov 2026"
	Public   bool     // visible to everyone in the channel, not just the asker

	// Replace asks, when the reply answers a button on an earlier message,
	// that it take that message's place rather than follow it.
	Replace bool

	// Form, when set, asks the transport to open this form (a Slack modal)
	// for the person. Where no form can be opened (the console, or a
	// request with no trigger), the rest of the reply is shown instead, so
	// Text should say how to do the same thing by typing.
	Form *Form

	// Messages are sent as well as the reply: direct messages to people
	// and posts in channels, such as a confirmation request to a
	// supervisor. They are sent after the reply, each at most once.
	Messages []Message

	// More are the pages that follow a reply too long for one message.
	// They are shown after it, in order, to the asker only, where the
	// reply is shown (in Slack, ephemeral messages in the same
	// conversation). Where the bot cannot post there (a conversation it is
	// not in, such as a DM between two other people), they go to the
	// asker's direct message with the bot instead, and MoreInDM takes the
	// place of Note on the first page to say so.
	More     []Reply
	MoreInDM string

	// Files are sent to the asker, as files in a direct message (in
	// Slack) or printed after the reply (in the console).
	Files []File

	// RefreshHome lists people whose App Home should be drawn again
	// because something it shows has changed.
	RefreshHome []string

	// Reschedule lists people whose reminders should be planned again
	// from their record, because the reply changed it (a logged session,
	// leave, new settings).
	Reschedule []string
}

// Message is a reply sent somewhere other than back to the asker: to a
// person by direct message (To is a user id, "U123") or to a channel (To is
// a channel id, "C123").
type Message struct {
	To    string
	Reply Reply
	// ID, when set, names the message so it is sent at most once however
	// often it is produced while it waits ("confirm:<owner>:<session>");
	// empty, the transport names it by where it goes and what it says.
	ID string
	// Receipt, when set, has the message posted at once and the reply
	// replaced by what the person is to be told of how it went. Such a
	// message is never queued, so a queued message's JSON leaves it out.
	Receipt *Receipt `json:"-"`
}

// File is a file a reply sends, such as a person's data as JSON.
type File struct {
	Name    string // file name, "peerbot-my-data.json"
	Title   string // shown above it
	Content []byte
}

// Section is one part of a reply: an optional heading, text, and short
// label/value fields shown side by side where the transport can.
type Section struct {
	Heading string
	Text    string
	Fields  []Field

	// Typed is text a person typed, such as a question posted for them; it
	// is shown as typed, never formatted: no Markdown, link or mention in it
	// is converted, so it cannot ping anyone or hide a link in the bot's
	// voice. It follows Text.
	Typed string
}

// Field is a short labelled value, such as "Next due: 3 Dec 2026".
type Field struct {
	Label string
	Value string
}

// Button is something the person can press. A button with a Command runs
// that command with Args as if the person had typed it; a button with a URL
// opens the page. Action and Value name a handler of the bot's own.
type Button struct {
	Label   string
	Command string // command name, e.g. "roles"
	Args    string // arguments for Command, e.g. "coach"
	URL     string
	Action  string // action id for a custom handler
	Value   string
	Primary bool // drawn as the main choice
}

// Source is a document a reply's facts come from.
type Source struct {
	Title string
	URL   string
	AsOf  string // the date the facts are as of, "2 Jan 2006"; empty when unknown
}

// Say is the simplest reply: one paragraph for the asker only.
func Say(text string) Reply { return Reply{Text: text} }

// The marks round a span of a reply's text that is shown as typed (see
// AsTyped). They are Unicode private-use characters, which no reply of the
// bot's own holds; the renderers take them out.
const (
	TypedStart = "\uE000"
	TypedEnd   = "\uE001"
)

// AsTyped marks s, text a person typed or that came from a person's record
// (a PCN's name, a topic, a word the bot did not know), to be shown inside
// a reply's text exactly as typed: none of its Markdown, links or mentions
// is converted, and nothing in it can become a link, a mention or a
// channel-wide ping in the bot's voice. Marks already in s are dropped, so
// it cannot end its own span early.
func AsTyped(s string) string {
	if s == "" {
		return ""
	}
	return TypedStart + Unmarked(s) + TypedEnd
}

// Unmarked is s without AsTyped's marks, for places that show plain text
// only, such as a header, a button's label or a file name.
func Unmarked(s string) string {
	if !strings.Contains(s, TypedStart) && !strings.Contains(s, TypedEnd) {
		return s
	}
	return unmark.Replace(s)
}

var unmark = strings.NewReplacer(TypedStart, "", TypedEnd, "")

// quotedTyped is s as typed, between straight quotes.
func quotedTyped(s string) string { return `"` + AsTyped(s) + `"` }

// goQuoted is a string quoted as %q writes it.
var goQuoted = regexp.MustCompile(`"(?:[^"\\]|\\.)*"`)

// typedQuotes marks as typed each quoted part of msg, a message that
// quotes what a person typed with %q, as the supervision package's
// refusals do ("I don't know the role \"x\"."): the part is shown between
// straight quotes, as it was typed. A msg with typed parts marked already
// is left alone.
func typedQuotes(msg string) string {
	if strings.Contains(msg, TypedStart) || !strings.Contains(msg, `"`) {
		return msg
	}
	return goQuoted.ReplaceAllStringFunc(msg, func(q string) string {
		s, err := strconv.Unquote(q)
		if err != nil {
			s = q[1 : len(q)-1]
		}
		return quotedTyped(s)
	})
}
