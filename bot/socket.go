package bot

import (
	"context"
	"encoding/json"
	"errors"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// RunSocketMode serves the bot over a Socket Mode connection until ctx ends.
// Every envelope is acknowledged at once, so Slack never re-sends one we
// have: events and button presses before their work starts, slash commands
// with the reply when it is ready within the answer budget (else empty, and
// the reply follows through response_url, as it does when it is too big for
// an acknowledgement).
func (b *Bot) RunSocketMode(ctx context.Context, client *socketmode.Client) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	runErr := make(chan error, 1)
	go func() { runErr <- client.RunContext(ctx) }()
	for {
		select {
		case <-ctx.Done():
			<-runErr
			return nil
		case err := <-runErr:
			if ctx.Err() != nil {
				return nil
			}
			return err
		case evt, ok := <-client.Events:
			if !ok {
				return <-runErr
			}
			b.socketEvent(ctx, client, evt)
		}
	}
}

func (b *Bot) socketEvent(ctx context.Context, client *socketmode.Client, evt socketmode.Event) {
	ack := func(payload any) {
		if evt.Request == nil || evt.Request.EnvelopeID == "" {
			return // hello and disconnect carry nothing to acknowledge
		}
		if err := client.AckCtx(ctx, evt.Request.EnvelopeID, payload); err != nil {
			b.log.Error("acknowledging an envelope failed", "err", err)
		}
	}
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		b.log.Info("connecting to Slack in Socket Mode")
	case socketmode.EventTypeConnected:
		b.log.Info("connected to Slack in Socket Mode")
	case socketmode.EventTypeConnectionError, socketmode.EventTypeIncomingError:
		b.log.Warn("Socket Mode connection trouble", "err", errorOf(evt.Data))
	case socketmode.EventTypeErrorBadMessage:
		// slack-go does not acknowledge what it could not parse; do it here
		// from the raw message, or Slack delivers it again and again.
		bad, _ := evt.Data.(*socketmode.ErrorBadMessage)
		if bad == nil {
			return
		}
		var env struct {
			EnvelopeID string `json:"envelope_id"`
		}
		if json.Unmarshal(bad.Message, &env) == nil && env.EnvelopeID != "" {
			if err := client.AckCtx(ctx, env.EnvelopeID, nil); err != nil {
				b.log.Error("acknowledging an unreadable envelope failed", "err", err)
			}
		}
		b.log.Warn("could not read a Socket Mode message", "err", bad.Cause)
		b.metrics.requests.WithLabelValues("socket", "unreadable").Inc()
	case socketmode.EventTypeEventsAPI:
		ack(nil)
		ev, ok := evt.Data.(slackevents.EventsAPIEvent)
		if !ok {
			return
		}
		retry := ""
		if evt.Request != nil && evt.Request.RetryAttempt > 0 {
			retry = evt.Request.RetryReason
		}
		b.goTask("event", func(ctx context.Context) { b.event(ctx, ev, retry) })
	case socketmode.EventTypeInteractive:
		cb, ok := evt.Data.(slack.InteractionCallback)
		if ok && cb.Type == slack.InteractionTypeViewSubmission {
			// The acknowledgement carries the field errors, if any.
			started := b.goTask("form", func(taskCtx context.Context) {
				if resp := b.submission(taskCtx, cb); resp != nil {
					ack(resp)
					return
				}
				ack(nil)
			})
			if !started {
				ack(slack.NewErrorsViewSubmissionResponse(map[string]string{firstInput(cb.View): "I'm restarting just now, so nothing was saved. Please try again in a moment."}))
			}
			return
		}
		ack(nil)
		if !ok {
			return
		}
		b.goTask("interaction", func(ctx context.Context) { b.interaction(ctx, cb) })
	case socketmode.EventTypeSlashCommand:
		sc, ok := evt.Data.(slack.SlashCommand)
		if !ok || evt.Request == nil {
			ack(nil)
			return
		}
		// Answer in its own goroutine, so a slow command holds up no other
		// envelope; slashReply bounds the wait to the answer budget.
		started := b.goTask("slash command", func(taskCtx context.Context) {
			reply, ok := b.slashReply(slashInvocation(sc), sc.ResponseURL)
			if !ok {
				ack(nil) // the reply follows through response_url
				return
			}
			err := client.AckCtx(ctx, evt.Request.EnvelopeID, messagePayload(reply))
			if err == nil {
				return
			}
			// slack-go refuses an ack of 20 KB or more (Slack drops it), so
			// nothing was sent: acknowledge empty and send the answer
			// through response_url instead.
			b.log.Warn("answering a slash command in its acknowledgement failed; using response_url", "err", err)
			ack(nil)
			if err := b.respond(taskCtx, sc.ResponseURL, reply); err != nil {
				b.log.Error("posting a slash command's answer failed", "err", err)
			}
		})
		if !started {
			ack(nil)
		}
	default:
		ack(nil)
	}
}

func errorOf(data any) error {
	switch d := data.(type) {
	case *slack.IncomingEventError:
		return d.ErrorObj
	case *slack.ConnectionErrorEvent:
		return d.ErrorObj
	case error:
		return d
	}
	return errors.New("unknown")
}
