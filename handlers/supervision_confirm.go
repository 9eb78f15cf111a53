package handlers

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/peerbot/peerbot/supervision"
)

func (h *Supervision) confirm(ctx context.Context, req Request) (Reply, error) {
	return h.answer(ctx, req, req.Args, supervision.Confirmed)
}

func (h *Supervision) dispute(ctx context.Context, req Request) (Reply, error) {
	return h.answer(ctx, req, req.Args, supervision.Disputed)
}

// answer records the other person's answer to a session logged with them.
// Only that person may answer, once: the answer is one compare-and-set
// from Awaiting in the store, so two presses at once make one change and
// one message, and a press after another answer, or after the session was
// taken back, is told so.
func (h *Supervision) answer(ctx context.Context, req Request, args string, want supervision.Confirmation) (Reply, error) {
	f := strings.Fields(args)
	if len(f) == 0 {
		return h.awaitingList(ctx, req)
	}
	// A button carries a bare user id and a session id (and, for a
	// dispute, the reason may follow); anything else is typed words that
	// pick from the sessions waiting ("all", "30 Nov").
	if len(f) < 2 || supUserID(f[0]) != f[0] || (len(f) > 2 && want != supervision.Disputed) {
		return h.answerChosen(ctx, req, args, want)
	}
	owner, id := f[0], f[1]
	why, problem := "", ""
	if want == supervision.Disputed {
		_, rest, _ := strings.Cut(strings.TrimSpace(args), owner)
		_, rest, _ = strings.Cut(rest, id)
		if why, problem = supDisputeReason(rest); problem != "" {
			return Say(problem), nil
		}
	}
	s, ok, err := h.sessions.Session(ctx, owner, id)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: reading session: %w", err)
	}
	if !ok {
		return h.answerGone(ctx, owner, id)
	}
	other := s.Answerer()
	switch {
	case other == "" || s.Confirmation == supervision.NoConfirmation:
		return Say("That session isn't yours to confirm: it was logged without naming anyone, so nobody needs to confirm it."), nil
	case req.UserID == s.LoggedBy:
		return Say(fmt.Sprintf("That session isn't yours to confirm: you logged it, so I've asked %s to.", supMention(other))), nil
	case req.UserID != other:
		return Say(fmt.Sprintf("That session isn't yours to confirm: it was logged with %s, so only they can answer it.", supMention(other))), nil
	case s.Confirmation != supervision.Awaiting:
		return supAnswered(s, want, supWhat(s)), nil
	case want == supervision.Disputed && why == "" && req.Interactive:
		// Pressed in Slack: a form asks what isn't right first.
		return disputeForm(req, s), nil
	}
	got, changed, err := h.sessions.AnswerSession(ctx, owner, id, supervision.Awaiting, want, req.UserID, why, h.now())
	switch {
	case errors.Is(err, ErrNotFound):
		return h.answerGone(ctx, owner, id)
	case errors.Is(err, ErrUnknown):
		return Say("I may have saved your answer, but the connection dropped before I could check. Please press the button again: it won't count twice."), nil
	case err != nil:
		return Reply{}, fmt.Errorf("supervision: saving answer: %w", err)
	}
	what := supWhat(got)
	if !changed {
		return supAnswered(got, want, what), nil
	}
	r := Reply{Replace: true, RefreshHome: []string{got.UserID, got.WithID}}
	if want == supervision.Confirmed {
		r.Text = fmt.Sprintf("Thank you. You've confirmed %s, logged by %s.", what, supMention(got.LoggedBy))
		r.Messages = []Message{{To: got.LoggedBy, Reply: Say(fmt.Sprintf("%s confirmed %s.", supMention(req.UserID), what))}}
	} else {
		said := ""
		if got.DisputeReason != "" {
			said = ": " + quotedTyped(got.DisputeReason)
		}
		r.Text = fmt.Sprintf("Thank you. I've marked %s as not right%s, and told %s so you can sort it out together.", what, said, supMention(got.LoggedBy))
		r.Messages = []Message{{To: got.LoggedBy, Reply: Say(fmt.Sprintf("%s says %s isn't right%s. Please check the details with them; within a day of logging it you can take it back with %s and log it again.",
			supMention(req.UserID), what, said, req.Invocation("supervision", "undo")))}}
	}
	return r, nil
}

// supAnswered is the reply to a press on a session already answered: the
// same way (a second press), or the other way.
func supAnswered(s supervision.Session, want supervision.Confirmation, what string) Reply {
	by := supMention(s.LoggedBy)
	switch {
	case s.Confirmation == want && want == supervision.Confirmed:
		return Reply{Text: fmt.Sprintf("Already confirmed: %s, logged by %s. There's nothing more to do.", what, by), Replace: true}
	case s.Confirmation == want:
		return Reply{Text: fmt.Sprintf("Already marked as not right: %s, logged by %s. I haven't changed anything, and there's nothing more for you to do.", what, by), Replace: true}
	case s.Confirmation == supervision.Confirmed:
		return Reply{Text: fmt.Sprintf("You've already confirmed %s, so I haven't changed it. If it isn't right after all, please ask %s to take it back or a network admin to correct it.", what, by), Replace: true}
	case s.Confirmation == supervision.Disputed:
		return Reply{Text: fmt.Sprintf("You've already said %s isn't right, so I haven't changed it. %s can log it again with the right details, and I'll ask you to confirm that.", what, by), Replace: true}
	}
	return Say("That session doesn't need confirming any more. There's nothing for you to do.")
}

// answerGone says why a session to answer is not there: taken back by the
// person who logged it, or never there (an old or altered button).
func (h *Supervision) answerGone(ctx context.Context, owner, id string) (Reply, error) {
	by, undone, err := h.sessions.Undone(ctx, owner, id)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: reading session: %w", err)
	}
	if undone {
		who := "The person who logged it"
		if by != "" {
			who = supMention(by)
		}
		return Reply{Text: who + " took that session back, so there's nothing to confirm. There's nothing for you to do.", Replace: true}, nil
	}
	return Say("I can't find that session: this button may be from a very old message. There's nothing for you to do; if a session is missing, the person who logged it can log it again."), nil
}
