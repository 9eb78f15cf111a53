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
	why := ""
	if want == supervision.Disputed {
		var problem string
		args, why = supDisputeSplit(args)
		if why, problem = supDisputeReason(why); problem != "" {
			return Say(problem), nil
		}
	}
	today := h.now().In(h.location(supervision.Profile{TimeZone: h.zoneName(ctx, req.UserID)}))
	if len(waiting) == 0 {
		if r, ok, err := h.answeredChosen(ctx, req, args, want, today); ok || err != nil {
			return r, err
		}
		return Say(supNothingWaiting), nil
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
	picked, ok := supChosen(waiting, args, req.UserID, today)
	switch {
	case !ok:
		return awaitingReply(waiting, fmt.Sprintf("I couldn't tell which session you mean by %s. These wait for your answer:", quotedTyped(args))), nil
	case len(picked) == 0:
		if r, ok, err := h.answeredChosen(ctx, req, args, want, today); ok || err != nil {
			return r, err
		}
		return awaitingReply(waiting, fmt.Sprintf("No session waiting for your answer matches %s. These do:", quotedTyped(args))), nil
	case len(picked) > 1:
		return awaitingReply(picked, fmt.Sprintf("%d sessions match %s. Which one do you mean?", len(picked), quotedTyped(args))), nil
	}
	req.Interactive = false // the reason, if any, was typed: no form
	r, err := h.answer(ctx, req, strings.TrimSpace(picked[0].UserID+" "+picked[0].ID+" "+why), want)
	r.Replace = false // typed, not a button: nothing to take the place of
	return r, err
}

// answeredChosen answers typed words that pick no session waiting for the
// person's answer but sessions they have answered already, as a second
// press of a button is answered: how each stands, and nothing changed.
// ok is false when the words pick none of those either.
func (h *Supervision) answeredChosen(ctx context.Context, req Request, args string, want supervision.Confirmation, today time.Time) (r Reply, ok bool, err error) {
	if supAllWord(args) {
		return Reply{}, false, nil
	}
	answered, err := h.sessions.Answered(ctx, req.UserID)
	if err != nil {
		return Reply{}, false, fmt.Errorf("supervision: listing sessions answered: %w", err)
	}
	picked, ok := supChosen(answered, args, req.UserID, today)
	switch {
	case !ok || len(picked) == 0:
		return Reply{}, false, nil
	case len(picked) == 1:
		r = supAnswered(picked[0], want, supWhat(picked[0]))
		r.Replace = false // typed, not a button: nothing to take the place of
		return r, true, nil
	}
	lines := []string{fmt.Sprintf("You've already answered the sessions %s matches, so I haven't changed anything:", quotedTyped(args))}
	for _, s := range picked {
		how := "confirmed"
		if s.Confirmation == supervision.Disputed {
			how = "marked as not right"
		}
		lines = append(lines, fmt.Sprintf("• %s, logged by %s: %s.", supWhat(s), supMention(s.LoggedBy), how))
	}
	return Say(strings.Join(lines, "\n")), true, nil
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
