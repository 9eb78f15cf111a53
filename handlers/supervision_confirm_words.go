package handlers

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/peerbot/peerbot/supervision"
)

// answerChosen answers the sessions waiting for this person's answer that
// typed words pick: "all" (to confirm every one), or a date, a type or the
// other person, as a log names them ("confirm 30 Nov", "dispute yesterday
// with @sam"). Words that pick one session answer it; words that pick
// several, or none, or cannot be read, list the sessions to choose from,
// and nothing is answered.
func (h *Supervision) answerChosen(ctx context.Context, req Request, args string, want supervision.Confirmation) (Reply, error) {
	waiting, err := h.sessions.AwaitingAnswer(ctx, req.UserID)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: listing sessions awaiting an answer: %w", err)
	}
	if len(waiting) == 0 {
		return Say(supNothingWaiting), nil
	}
	why := ""
	if want == supervision.Disputed {
		var problem string
		args, why = supDisputeSplit(args)
		if why, problem = supDisputeReason(why); problem != "" {
			return Say(problem), nil
		}
	}
	verb := "confirm"
	if want == supervision.Disputed {
		verb = "say isn't right"
	}
	if supAllWord(args) {
		if want == supervision.Disputed || len(waiting) > awaitingShown {
			return awaitingReply(waiting, fmt.Sprintf("Please pick the sessions to %s one at a time:", verb)), nil
		}
		return h.answerEach(ctx, req, waiting, want)
	}
	today := h.now().In(h.location(supervision.Profile{TimeZone: h.zoneName(ctx, req.UserID)}))
	picked, ok := supChosen(waiting, args, req.UserID, today)
	switch {
	case !ok:
		return awaitingReply(waiting, fmt.Sprintf("I couldn't tell which session you mean by %s. These wait for your answer:", quotedTyped(args))), nil
	case len(picked) == 0:
		return awaitingReply(waiting, fmt.Sprintf("No session waiting for your answer matches %s. These do:", quotedTyped(args))), nil
	case len(picked) > 1:
		return awaitingReply(picked, fmt.Sprintf("%d sessions match %s. Which one do you mean?", len(picked), quotedTyped(args))), nil
	}
	req.Interactive = false // the reason, if any, was typed: no form
	r, err := h.answer(ctx, req, strings.TrimSpace(picked[0].UserID+" "+picked[0].ID+" "+why), want)
	r.Replace = false // typed, not a button: nothing to take the place of
	return r, err
}

// supAllWord reports whether args asks for every session waiting.
func supAllWord(args string) bool {
	switch strings.ToLower(strings.Join(strings.Fields(args), " ")) {
	case "all", "all of them", "them all", "everything", "every one", "all sessions":
		return true
	}
	return false
}

// supChosen is the sessions of waiting that args names by date, type or the
// other person; false when args names none of those or cannot be read.
func supChosen(waiting []supervision.Session, args, me string, today time.Time) ([]supervision.Session, bool) {
	words := strings.Fields(args)
	for i, w := range words {
		if strings.EqualFold(w, "from") || strings.EqualFold(w, "by") {
			words[i] = "with"
		}
	}
	la, err := supervision.ParseLog(strings.Join(words, " "), today)
	if err != nil || (!la.DateGiven && !la.TypeGiven && la.WithID == "") {
		return nil, false
	}
	var picked []supervision.Session
	for _, s := range waiting {
		other := s.UserID
		if other == me {
			other = s.LoggedBy
		}
		switch {
		case la.DateGiven && s.Date.Format(time.DateOnly) != la.Date.Format(time.DateOnly):
		case la.TypeGiven && s.Type != la.Type:
		case la.WithID != "" && other != la.WithID:
		default:
			picked = append(picked, s)
		}
	}
	return picked, true
}

// answerEach answers every session in ss the same way, in one reply.
func (h *Supervision) answerEach(ctx context.Context, req Request, ss []supervision.Session, want supervision.Confirmation) (Reply, error) {
	out := Reply{}
	lines := make([]string, 0, len(ss))
	for _, s := range ss {
		r, err := h.answer(ctx, req, s.UserID+" "+s.ID, want)
		if err != nil {
			return Reply{}, err
		}
		lines = append(lines, "• "+strings.TrimPrefix(r.Text, "Thank you. "))
		out.Messages = append(out.Messages, r.Messages...)
		out.RefreshHome = append(out.RefreshHome, r.RefreshHome...)
	}
	out.Text = "Thank you.\n" + strings.Join(lines, "\n")
	return out, nil
}
