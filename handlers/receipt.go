package handlers

import "context"

// Receipt, on a message a person waits to hear about (their question
// posted to a channel for them), asks the transport to post the message at
// once rather than queue it, and to show the person, in place of the
// reply, what Told returns for how the post went. Told may undo what the
// handler did for a post that was not made. A transport that cannot post
// shows the reply as it is, so the reply should say the post may or may
// not have been made.
type Receipt struct {
	Told func(ctx context.Context, o PostOutcome) Reply
}

// PostOutcome is how a post with a Receipt went.
type PostOutcome int

const (
	// PostSent: Slack took the post.
	PostSent PostOutcome = iota
	// PostUnsure: no answer came (a timeout, a dropped connection, a
	// server error), so the post may or may not have been made.
	PostUnsure
	// PostNotInChannel: Slack refused the post because the bot is not a
	// member of the channel.
	PostNotInChannel
	// PostNoChannel: Slack refused the post because the channel does not
	// exist, or the bot cannot see it.
	PostNoChannel
	// PostArchived: Slack refused the post because the channel is
	// archived.
	PostArchived
	// PostRefused: Slack refused the post for another reason, or rate
	// limited it for longer than was waited.
	PostRefused
)
