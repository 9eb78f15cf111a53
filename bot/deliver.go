package bot

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"runtime/debug"
	"strings"
	"time"

	"github.com/slack-go/slack"

	"github.com/peerbot/peerbot/handlers"
)

// formOpenBudget is how long opening a form may take, retries and all,
// within the 3 seconds a trigger lives.
const formOpenBudget = 1500 * time.Millisecond

// canOpenForms reports whether a form can be opened for this invocation:
// Slack sent a trigger and there is a Slack client to open it with.
func (b *Bot) canOpenForms(in invocation) bool { return in.triggerID != "" && b.api != nil }

// empty reports whether a reply has nothing to show: the answer was a form,
// now open, or only effects.
func empty(r handlers.Reply) bool {
	return r.Header == "" && r.Text == "" && len(r.Sections) == 0 && len(r.Buttons) == 0 && r.Form == nil
}

// finish does what a reply asks beyond being shown: it opens its form when
// it can (the reply then has nothing left to show), posts the messages the
// person waits to hear about (receipts), and starts sending its other
// messages and redrawing App Homes in the background. It returns what is
// left to show the person.
func (b *Bot) finish(ctx context.Context, in invocation, r handlers.Reply) handlers.Reply {
	r = b.receipts(ctx, r)
	if r.Form != nil {
		form := *r.Form
		r.Form = nil
		if b.canOpenForms(in) {
			if err := b.openForm(ctx, in.triggerID, form); err != nil {
				b.log.Error("opening a form failed; showing its text instead", "form", form.ID, "err", err)
				if r.Text != "" {
					r.Text = "I couldn't open the form just now, so here is how to do it by typing instead.\n\n" + r.Text
				}
			} else {
				r = handlers.Reply{Messages: r.Messages, RefreshHome: r.RefreshHome, Reschedule: r.Reschedule}
			}
		}
	}
	b.effects(ctx, r)
	b.sendFiles(ctx, in.userID, r.Files)
	r.Messages, r.RefreshHome, r.Reschedule, r.Files = nil, nil, nil, nil
	return r
}

func (b *Bot) openForm(ctx context.Context, triggerID string, f handlers.Form) error {
	// A trigger lives 3 seconds from the press: a rate limit longer than
	// that is not waited out, and the typed way is shown instead.
	ctx, cancel := context.WithTimeout(ctx, formOpenBudget)
	defer cancel()
	return b.withRetry(ctx, "views.open", func() error {
		_, err := b.api.OpenViewContext(ctx, triggerID, FormView(f))
		return err
	})
}

// effects sends a reply's messages and redraws the App Homes it names, in
// the background. With an outbox, the messages are queued in it first,
// before the reply is shown, and only those it refused are posted here. In the console there is no Slack to send to; the console
// prints messages itself. What is logged names where a message went, never
// who caused it: the message may be an anonymous post.
func (b *Bot) effects(ctx context.Context, r handlers.Reply) {
	b.replan(ctx, r.Reschedule, false)
	if b.api == nil || (len(r.Messages) == 0 && len(r.RefreshHome) == 0) {
		return
	}
	msgs, homes := b.queue(ctx, r.Messages), r.RefreshHome
	if len(msgs) == 0 && len(homes) == 0 {
		return
	}
	b.goTaskFrom(ctx, "messages", func(ctx context.Context) {
		for _, m := range msgs {
			if m.To == "" {
				continue
			}
			m.Reply.Form, m.Reply.Messages, m.Reply.RefreshHome = nil, nil, nil
			m.Reply.Files = nil
			if err := b.post(ctx, m.To, "", m.Reply); err != nil {
				b.log.Error("sending a message failed", "err", err, "to", m.To)
			}
		}
		seen := make(map[string]bool)
		for _, id := range homes {
			if id == "" || seen[id] {
				continue
			}
			seen[id] = true
			b.publishHome(ctx, id)
		}
	})
}

// publishHome draws a person's App Home tab again.
func (b *Bot) publishHome(ctx context.Context, userID string) {
	if b.home == nil || b.api == nil {
		return
	}
	start := time.Now()
	log := b.log.With("kind", "home", "user_id", userID)
	reply, outcome := b.runHome(ctx, log, userID)
	blocks, _ := Blocks(reply)
	view := slack.HomeTabViewRequest{Type: slack.VTHomeTab, Blocks: slack.Blocks{BlockSet: blocks}}
	err := b.withRetry(ctx, "views.publish", func() error {
		_, err := b.api.PublishViewContext(ctx, slack.PublishViewContextRequest{UserID: userID, View: view})
		return err
	})
	if err != nil {
		log.Error("publishing the App Home failed", "err", err)
		outcome = "error"
	}
	b.observe("home", outcome, start)
}

// homeFailed is the App Home drawn when the record could not be read: what
// happened, in the words a reply would use, and that nothing is lost, in
// place of a blank tab or an old status read as today's.
func homeFailed(words string) handlers.Reply {
	return handlers.Reply{
		Header: "Your supervision",
		Text:   words,
		Note:   "Your record is kept as it was. Open this tab again in a minute to see it.",
	}
}

func (b *Bot) runHome(ctx context.Context, log *slog.Logger, userID string) (reply handlers.Reply, outcome string) {
	defer func() {
		if p := recover(); p != nil {
			log.Error("drawing the App Home panicked", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			reply, outcome = homeFailed(apology(newID()).Text), "panic"
		}
	}()
	r, err := b.home(ctx, userID)
	if err != nil {
		if errors.Is(err, handlers.ErrUnavailable) || errors.Is(err, handlers.ErrUnknown) || errors.Is(err, context.DeadlineExceeded) {
			log.Warn("drawing the App Home failed", "err", err)
			return homeFailed("I can't reach my records just now, so I can't show your supervision."), "error"
		}
		return homeFailed(b.errorReply(log, newID(), err).Text), "error"
	}
	return r, "ok"
}

// deliver shows a reply to a person who pressed a button: through the
// button message's response_url, or, where there is none (the App Home)
// or Slack refused it (it lasts 30 minutes and five uses), by direct
// message.
func (b *Bot) deliver(ctx context.Context, in invocation, responseURL string, r handlers.Reply) error {
	r = b.finish(ctx, in, r)
	if empty(r) {
		return nil
	}
	if len(r.More) > 0 && b.api != nil {
		r.Replace = false
		b.sendPages(ctx, in, responseURL, r)
		return nil
	}
	if responseURL != "" {
		err := b.respond(ctx, responseURL, r)
		var refused slack.StatusCodeError
		if !errors.As(err, &refused) || refused.Code < 400 || refused.Code >= 500 || b.api == nil {
			return err
		}
		// Refused, so not shown: the DM cannot show it twice.
		b.log.Warn("response_url refused; answering by direct message", "status", refused.Code)
	}
	r.Replace = false
	return b.post(ctx, in.userID, "", r)
}

// submission takes a submitted form. It returns the response Slack expects
// at once: field errors that keep the form open, or nil to close it. The
// reply's text, messages and App Home redraws follow in the background.
func (b *Bot) submission(ctx context.Context, cb slack.InteractionCallback) *slack.ViewSubmissionResponse {
	start := time.Now()
	reqID := newID()
	formID := cb.View.CallbackID
	log := b.log.With("request_id", reqID, "kind", "form", "form", formID, "user_id", cb.User.ID)
	f, ok := b.forms[formID]
	if !ok {
		log.Warn("a form nobody takes was submitted")
		b.observe("form", "unknown", start)
		return nil
	}
	sub := handlers.Submission{
		Request: handlers.Request{
			UserID:    cb.User.ID,
			TeamID:    cb.Team.ID,
			IsAdmin:   b.admins[cb.User.ID],
			Invoke:    b.table.Invocation,
			TriggerID: cb.TriggerID,
		},
		Form:   formID,
		Values: formValues(cb.View.State),
		State:  cb.View.PrivateMetadata,
	}
	ctx, cancel := context.WithTimeout(ctx, b.budget)
	defer cancel()
	res, outcome := b.runForm(ctx, log, reqID, f, sub)
	if outcome != "ok" {
		// Slack shows errors only under input blocks: put the apology
		// under the first field.
		if first := firstInput(cb.View); first != "" {
			res.Errors = map[string]string{first: res.Reply.Text}
		}
	}
	b.observe("form", outcome, start)
	log.Info("answered", "outcome", outcome, "duration_ms", float64(time.Since(start).Microseconds())/1000)
	if len(res.Errors) > 0 {
		return slack.NewErrorsViewSubmissionResponse(res.Errors)
	}
	r := res.Reply
	r.Form = nil
	b.effects(ctx, r)
	if r.Text != "" || len(r.Sections) > 0 {
		r.Messages, r.RefreshHome = nil, nil
		b.goTaskFrom(ctx, "form reply", func(ctx context.Context) {
			if err := b.post(ctx, cb.User.ID, "", r); err != nil {
				log.Error("sending a form's reply failed", "err", err)
			}
		})
	}
	return nil
}

// runForm calls a FormFunc, turning an error or a panic into an outcome and
// the words to show.
func (b *Bot) runForm(ctx context.Context, log *slog.Logger, reqID string, f handlers.FormFunc, sub handlers.Submission) (res handlers.FormResult, outcome string) {
	defer func() {
		if p := recover(); p != nil {
			log.Error("form handler panicked", "panic", fmt.Sprint(p), "stack", string(debug.Stack()))
			res, outcome = handlers.FormResult{Reply: apology(reqID)}, "panic"
		}
	}()
	res, err := f(ctx, sub)
	if err != nil {
		r := b.errorReply(log, reqID, err)
		if !errors.Is(err, handlers.ErrUnavailable) && !errors.Is(err, context.DeadlineExceeded) {
			return handlers.FormResult{Reply: r}, "error"
		}
		return handlers.FormResult{Reply: handlers.Say(strings.Replace(r.Text, "nothing was changed", "nothing was saved", 1))}, "error"
	}
	return res, "ok"
}

func firstInput(v slack.View) string {
	for _, bl := range v.Blocks.BlockSet {
		if in, ok := bl.(*slack.InputBlock); ok && in.BlockID != "" {
			return in.BlockID
		}
	}
	return ""
}
