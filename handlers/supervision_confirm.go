package handlers

import (
	"context"
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
// Only that person may answer; answering the same way twice changes
// nothing.
func (h *Supervision) answer(ctx context.Context, req Request, args string, want supervision.Confirmation) (Reply, error) {
	f := strings.Fields(args)
	if len(f) != 2 {
		return Say("I need the person and the session to answer. Please use the buttons on the message that asked you."), nil
	}
	owner, id := supUserID(f[0]), f[1]
	notYours := Say("That session isn't yours to confirm.")
	if owner == "" {
		return notYours, nil
	}
	s, ok, err := h.sessions.Session(ctx, owner, id)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: reading session: %w", err)
	}
	if !ok {
		return Reply{Text: "I can't find that session any more: it may have been undone. There's nothing for you to do.", Replace: true}, nil
	}
	other := s.WithID // the supervisee logged it: their supervisor answers
	if s.LoggedBy != s.UserID {
		other = s.UserID // the supervisor logged it: the supervisee answers
	}
	if other == "" || other != req.UserID || s.Confirmation == supervision.NoConfirmation {
		return notYours, nil
	}
	what := supWhat(s)
	if s.Confirmation == want {
		if want == supervision.Confirmed {
			return Reply{Text: fmt.Sprintf("Already confirmed: %s, logged by %s.", what, supMention(s.LoggedBy)), Replace: true}, nil
		}
		return Reply{Text: fmt.Sprintf("Already marked as not right: %s, logged by %s.", what, supMention(s.LoggedBy)), Replace: true}, nil
	}
	s.Confirmation, s.AnsweredBy, s.AnsweredAt = want, req.UserID, h.now()
	if err := h.sessions.UpdateSession(ctx, s); err != nil {
		return Reply{}, fmt.Errorf("supervision: saving answer: %w", err)
	}
	r := Reply{Replace: true, RefreshHome: []string{s.UserID, s.WithID}}
	if want == supervision.Confirmed {
		r.Text = fmt.Sprintf("Thank you. You've confirmed %s, logged by %s.", what, supMention(s.LoggedBy))
		r.Messages = []Message{{To: s.LoggedBy, Reply: Say(fmt.Sprintf("%s confirmed %s.", supMention(req.UserID), what))}}
	} else {
		r.Text = fmt.Sprintf("Thank you. I've marked %s as not right, and told %s so you can sort it out together.", what, supMention(s.LoggedBy))
		r.Messages = []Message{{To: s.LoggedBy, Reply: Say(fmt.Sprintf("%s says %s isn't right. Please check the details with them; within a day of logging it you can take it back with %s and log it again.",
			supMention(req.UserID), what, req.Invocation("supervision", "undo")))}}
	}
	return r, nil
}
