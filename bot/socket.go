package bot

import (
	"context"
	"encoding/json"
	"errors"
	"sync"
	"sync/atomic"
	"time"

	"github.com/slack-go/slack"
	"github.com/slack-go/slack/slackevents"
	"github.com/slack-go/slack/socketmode"
)

// ackTimeout bounds one acknowledgement: Slack waits 3 s for it.
const ackTimeout = 3 * time.Second

// ackFlush is how long an acknowledgement is given to leave before the bot
// hangs up: slack-go queues acknowledgements and writes them in its own
// goroutine, with no word of when one has gone.
const ackFlush = 250 * time.Millisecond

// RunSocketMode serves the bot over a Socket Mode connection until ctx ends.
// Every envelope is acknowledged, so Slack never re-sends one we have:
// events and button presses before their work starts, slash commands with
// the reply when it is ready within the answer budget (else empty, and the
// reply follows through response_url, as it does when it is too big for an
// acknowledgement), forms with their field errors.
//
// When ctx ends the bot stops reading envelopes, but the connection stays
// open until the acknowledgements of work in flight are sent (within the
// answer budget), so a form saved during a restart is saved, not shown as
// an error. Envelopes not yet read are left for Slack to deliver again.
func (b *Bot) RunSocketMode(ctx context.Context, client *socketmode.Client) error {
	connCtx, hangUp := context.WithCancel(context.WithoutCancel(ctx))
	defer hangUp()
	s := &socketSession{b: b, client: client, conn: connCtx}
	runErr := make(chan error, 1)
	go func() { runErr <- client.RunContext(connCtx) }()
	for {
		select {
		case <-ctx.Done():
			s.drain(b.budget + time.Second)
			hangUp()
			<-runErr
			return nil
		case err := <-runErr:
			s.drain(b.budget + time.Second)
			return err
		case evt, ok := <-client.Events:
			if !ok {
				s.drain(b.budget + time.Second)
				return <-runErr
			}
			s.handle(evt)
		}
	}
}

// socketSession is one run of RunSocketMode: the connection and the
// acknowledgements still owed on it.
type socketSession struct {
	b       *Bot
	client  *socketmode.Client
	conn    context.Context // ends when the bot hangs up, after drain
	owed    sync.WaitGroup  // acknowledgements that work in flight will send
	lastAck atomic.Int64    // when the last acknowledgement was queued, in Unix ns
}

// drain waits, at most max, for the acknowledgements still owed, and then
// for the last one queued to be written.
func (s *socketSession) drain(max time.Duration) {
	done := make(chan struct{})
	go func() { s.owed.Wait(); close(done) }()
	timer := time.NewTimer(max)
	defer timer.Stop()
	select {
	case <-done:
	case <-timer.C:
		s.b.log.Warn("stopped Socket Mode with acknowledgements unsent")
	}
	if wait := time.Until(time.Unix(0, s.lastAck.Load()).Add(ackFlush)); wait > 0 {
		time.Sleep(wait)
	}
}

// ack acknowledges one envelope, with payload as the response where Slack
// takes one. It is bounded by Slack's 3 s and by the connection, not by
// the context that stops the bot.
func (s *socketSession) ack(envelopeID string, payload any) error {
	if envelopeID == "" {
		return nil // hello and disconnect carry nothing to acknowledge
	}
	ctx, cancel := context.WithTimeout(s.conn, ackTimeout)
	defer cancel()
	err := s.client.AckCtx(ctx, envelopeID, payload)
	if err == nil {
		s.lastAck.Store(time.Now().UnixNano())
	}
	return err
}

// ackOrLog acknowledges an envelope and logs a failure.
func (s *socketSession) ackOrLog(evt socketmode.Event, payload any) {
	if evt.Request == nil {
		return
	}
	if err := s.ack(evt.Request.EnvelopeID, payload); err != nil {
		s.b.log.Error("acknowledging an envelope failed", "err", err)
	}
}

// owe runs f in the background; f sends an acknowledgement that the
// session waits for before it hangs up. It reports false, running nothing,
// when the bot is shutting down.
func (s *socketSession) owe(name string, f func(ctx context.Context)) bool {
	s.owed.Add(1)
	started := s.b.goTask(name, func(ctx context.Context) {
		defer s.owed.Done()
		f(ctx)
	})
	if !started {
		s.owed.Done()
	}
	return started
}

// handle takes one event from the Socket Mode client.
func (s *socketSession) handle(evt socketmode.Event) {
	switch evt.Type {
	case socketmode.EventTypeConnecting:
		s.b.log.Info("connecting to Slack in Socket Mode")
	case socketmode.EventTypeConnected:
		s.b.log.Info("connected to Slack in Socket Mode")
	case socketmode.EventTypeConnectionError, socketmode.EventTypeIncomingError:
		s.b.log.Warn("Socket Mode connection trouble", "err", errorOf(evt.Data))
	case socketmode.EventTypeErrorBadMessage:
		s.unreadable(evt)
	case socketmode.EventTypeEventsAPI:
		s.eventsAPI(evt)
	case socketmode.EventTypeInteractive:
		s.interactive(evt)
	case socketmode.EventTypeSlashCommand:
		s.slashCommand(evt)
	default:
		s.ackOrLog(evt, nil)
	}
}

// unreadable acknowledges what slack-go could not parse, which it does not
// do itself, from the raw message; else Slack delivers it again and again.
func (s *socketSession) unreadable(evt socketmode.Event) {
	bad, _ := evt.Data.(*socketmode.ErrorBadMessage)
	if bad == nil {
		return
	}
	var env struct {
		EnvelopeID string `json:"envelope_id"`
	}
	if json.Unmarshal(bad.Message, &env) == nil && env.EnvelopeID != "" {
		if err := s.ack(env.EnvelopeID, nil); err != nil {
			s.b.log.Error("acknowledging an unreadable envelope failed", "err", err)
		}
	}
	s.b.log.Warn("could not read a Socket Mode message", "err", bad.Cause)
	s.b.metrics.requests.WithLabelValues("socket", "unreadable").Inc()
}

// malformed acknowledges an envelope that names an id of a shape Slack
// never sends, and does nothing else with it.
func (s *socketSession) malformed(evt socketmode.Event, err error) {
	s.ackOrLog(evt, nil)
	s.b.log.Warn("ignored a Socket Mode envelope", "reason", err)
	s.b.metrics.requests.WithLabelValues("socket", "malformed").Inc()
}

func (s *socketSession) eventsAPI(evt socketmode.Event) {
	ev, ok := evt.Data.(slackevents.EventsAPIEvent)
	if !ok {
		s.ackOrLog(evt, nil)
		return
	}
	if err := eventIDs(ev).check(); err != nil {
		s.malformed(evt, err)
		return
	}
	s.ackOrLog(evt, nil)
	retry := ""
	if evt.Request != nil && evt.Request.RetryAttempt > 0 {
		retry = evt.Request.RetryReason
	}
	s.b.goTask("event", func(ctx context.Context) { s.b.event(ctx, ev, retry) })
}

func (s *socketSession) interactive(evt socketmode.Event) {
	cb, ok := evt.Data.(slack.InteractionCallback)
	if !ok || evt.Request == nil {
		s.ackOrLog(evt, nil)
		return
	}
	if err := interactionIDs(cb).check(); err != nil {
		s.malformed(evt, err)
		return
	}
	cb.ResponseURL = s.b.trustedResponseURL(cb.ResponseURL)
	if resp, refused := s.b.nhsInteraction(cb, time.Now()); refused {
		if resp == nil {
			s.ackOrLog(evt, nil)
			return
		}
		s.ackOrLog(evt, resp)
		return
	}
	if cb.Type != slack.InteractionTypeViewSubmission {
		s.ackOrLog(evt, nil)
		s.b.goTask("interaction", func(ctx context.Context) { s.b.interaction(ctx, cb) })
		return
	}
	// The acknowledgement carries the field errors, if any.
	started := s.owe("form", func(ctx context.Context) {
		var resp any
		if r := s.b.submission(ctx, cb); r != nil {
			resp = r
		}
		s.ackOrLog(evt, resp)
	})
	if !started {
		s.ackOrLog(evt, slack.NewErrorsViewSubmissionResponse(map[string]string{
			firstInput(cb.View): "I'm restarting just now, so nothing was saved. Please try again in a moment.",
		}))
	}
}

func (s *socketSession) slashCommand(evt socketmode.Event) {
	sc, ok := evt.Data.(slack.SlashCommand)
	if !ok || evt.Request == nil {
		s.ackOrLog(evt, nil)
		return
	}
	if err := slashIDs(sc).check(); err != nil {
		s.malformed(evt, err)
		return
	}
	sc.ResponseURL = s.b.trustedResponseURL(sc.ResponseURL)
	// Answer in its own goroutine, so a slow command holds up no other
	// envelope; slashReply bounds the wait to the answer budget.
	started := s.owe("slash command", func(ctx context.Context) {
		in := slashInvocation(sc)
		if payload, ok := s.b.cached(in); ok {
			s.ackOrLog(evt, json.RawMessage(payload))
			return
		}
		reply, ok := s.b.slashReply(ctx, in, sc.ResponseURL)
		if !ok || empty(reply) {
			s.ackOrLog(evt, nil) // the reply follows through response_url
			return
		}
		err := s.ack(evt.Request.EnvelopeID, json.RawMessage(encodeMessage(reply)))
		if err == nil {
			return
		}
		// slack-go refuses an ack of 20 KB or more (Slack drops it), so
		// nothing was sent: acknowledge empty and send the answer through
		// response_url instead.
		s.b.log.Warn("answering a slash command in its acknowledgement failed; using response_url", "err", err)
		s.ackOrLog(evt, nil)
		if sc.ResponseURL == "" {
			return
		}
		if err := s.b.respond(ctx, sc.ResponseURL, reply); err != nil {
			s.b.log.Error("posting a slash command's answer failed", "err", err)
		}
	})
	if !started {
		s.ackOrLog(evt, nil)
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
