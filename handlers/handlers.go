// Package handlers holds what peerbot does for each command, event and
// button: a plain Request in, a transport-neutral Reply out. Handlers are
// synchronous functions that know nothing of Slack, HTTP or Redis; the bot
// package decides how a request arrives, how long it may take and how the
// reply is drawn. Each handler declares the small interfaces it needs.
package handlers

import (
	"context"
	"errors"
)

// Request is one thing a person asked of the bot, whatever the transport.
type Request struct {
	UserID    string // Slack user id of the person asking ("U123")
	TeamID    string
	ChannelID string
	Args      string // what followed the command, trimmed: "coach" in "/roles coach"
	IsAdmin   bool   // the person is listed in ADMIN_USER_IDS

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
// the unknown-command reply and "did you mean" are generated from these.
type Command struct {
	Name        string   // the word under the umbrella command and the default slash name: "roles"
	Aliases     []string // other words that reach it under the umbrella: "role"
	Usage       string   // the arguments, as help shows them: "[role]"
	Description string   // one sentence: what it does for the person
	Examples    []string // argument strings that work: "coach", "SPLW"
	AdminOnly   bool     // only ADMIN_USER_IDS may run it or see it in help
	// Hidden keeps a command out of help and suggestions: one that buttons
	// run ("feedback"), which a person would not type.
	Hidden bool
	Run    HandlerFunc
}

// ErrUnavailable means a dependency (such as the store) is down for now. The
// person is asked to try again shortly; nothing was changed.
var ErrUnavailable = errors.New("temporarily unavailable")
