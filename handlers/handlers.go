// Package handlers holds what peerbot does for each command, event and
// button: a plain Request in, a transport-neutral Reply out. Handlers are
// synchronous functions that know nothing of Slack, HTTP or Redis; the bot
// package decides how a request arrives, how long it may take and how the
// reply is drawn. Each handler declares the small interfaces it needs.
package handlers

import (
	"context"

	"github.com/peerbot/peerbot/internal/outcome"
)

// Request is one thing a person asked of the bot, whatever the transport.
type Request struct {
	UserID    string // Slack user id of the person asking ("U123")
	TeamID    string
	ChannelID string
	Args      string // what followed the command, trimmed: "coach" in "/roles coach"
	IsAdmin   bool   // the person is listed in ADMIN_USER_IDS

	// TriggerID is Slack's trigger_id for a slash command, button or form
	// submission, "" when there is none (the console, mentions). Writes
	// derive their ids from it, so the same request sent twice is saved
	// once.
	TriggerID string

	// Interactive is true when a Reply's Form can be opened for the person
	// now (Slack gave a trigger). False in the console and in mentions:
	// there, a command that would open a form must work from typed
	// arguments or say how.
	Interactive bool

	// Invoke spells a command as the person would type it in this
	// workspace, honouring configured names: Invoke("roles", "coach") may be
	// "/roles coach" or "/peer roles coach". Nil in tests that do not need it.
	Invoke func(command, args string) string
}

// Invocation spells command with args as the person would type it. It falls
// back to "/command args" when the request carries no Invoke.
func (r Request) Invocation(command, args string) string {
	if r.Invoke != nil {
		return r.Invoke(command, args)
	}
	if args == "" {
		return "/" + command
	}
	return "/" + command + " " + args
}

// HandlerFunc answers a request. An error is for faults, not for a person's
// mistakes: a wrong argument gets a kind Reply and a nil error.
type HandlerFunc func(ctx context.Context, req Request) (Reply, error)

// Command is one entry of the command table: its data and its handler. Help,
// the unknown-command reply, "did you mean" and the admin check are
// generated from these by the bot's one router, for commands and their
// subcommands alike.
type Command struct {
	Name        string   // the word under the umbrella command and the default slash name: "roles"
	Aliases     []string // other words that reach it: "role"
	Usage       string   // the arguments, as help shows them: "[role]"; for a command with subcommands, generated when empty
	Description string   // one sentence: what it does for the person
	Examples    []string // argument strings, after the name, that work: "coach", "SPLW"
	More        string   // further help, shown by "<command> help": what the arguments may be
	// AdminOnly keeps a command, and everything under it, for
	// ADMIN_USER_IDS: the router refuses anyone else, politely, and leaves
	// it out of their help.
	AdminOnly bool
	// Hidden keeps a command out of help and suggestions: one that buttons
	// run ("feedback", "supervision confirm"), which a person would not
	// type. It still runs when typed.
	Hidden bool
	// NoArgs says the command takes nothing after its name: more words are
	// answered as not understood, with "did you mean", as an unknown
	// subcommand would be.
	NoArgs bool
	// Subcommands are the words that may follow the name, each a command
	// of its own ("log" in "/supervision log yesterday"). The router picks
	// one by name or alias and runs it with the text after its name.
	Subcommands []Command
	// Guard, when set, reads the text after the name before anything else
	// does, the router's own replies included; a non-empty answer is said
	// instead, and nothing runs. Hidden subcommands, whose arguments the
	// bot's own buttons fill in, skip it.
	Guard func(args string) string
	// NHSRefusal, when set, is what the bot says when the text after the
	// name holds an NHS number, in place of its general refusal: words
	// about the one thing the command keeps ("That reason looks like...").
	// A subcommand's own wins over its command's. Like the general
	// refusal, it must not echo the text.
	NHSRefusal string
	// ReadOnly says the command only reads what is kept (status, history,
	// a report), and ReadOnlyAlone says so of it typed with nothing after
	// it ("leave", which then lists the leave). With the store down the
	// person is then told their record can't be read just now: "nothing
	// was changed" belongs to a write whose failure is known.
	ReadOnly, ReadOnlyAlone bool
	// Fixed says the reply depends on the arguments alone: never on who
	// asks, when, or what is stored (as /roles). The bot may keep the
	// rendered reply and show it again to anyone who types the same.
	Fixed bool
	// Run answers the command. For a command with subcommands it is what
	// the command does when none is named ("/supervision" shows the
	// status); nil there shows the command's help.
	Run HandlerFunc
}

// ErrUnavailable means a dependency (such as the store) is down for now. The
// person is asked to try again shortly; nothing was changed. It is
// outcome.ErrUnavailable, which the store wraps without importing handlers.
var ErrUnavailable = outcome.ErrUnavailable

// ErrUnknown means a write was sent and its answer lost: it may have
// happened. Handlers that write say so in their reply ("I may have saved
// that"); an error wrapping it that reaches the bot must not be worded
// "nothing was changed". It is outcome.ErrUnknown.
var ErrUnknown = outcome.ErrUnknown

// ErrNotFound means the record to change is not there any more. It is
// outcome.ErrNotFound.
var ErrNotFound = outcome.ErrNotFound

// ErrExists means a record with that id is already there, holding
// something else: for a session, it was logged already.
var ErrExists = outcome.ErrExists
