package handlers

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Feedback answers the "Helpful" and "Not helpful" buttons under an answer:
// feedback <entry id> helpful|not-helpful. A person has one vote per
// answer, so a double-click or a second press counts once.
func (h *Answers) Feedback(ctx context.Context, req Request) (Reply, error) {
	id, vote, _ := strings.Cut(strings.TrimSpace(req.Args), " ")
	var helpful bool
	switch strings.ToLower(strings.TrimSpace(vote)) {
	case "helpful":
		helpful = true
	case "not-helpful":
	default:
		return Say("Sorry, I couldn't tell whether that answer helped. Please use the Helpful or Not helpful button under it."), nil
	}
	if _, ok := h.content.Entry(id); !ok {
		return Say("Thank you. That answer has changed since, so I couldn't record your vote on it."), nil
	}
	// A second press of the same button is thanked too, and told it counts
	// once; the other button replaces the vote.
	changed, err := h.feedback.Vote(ctx, id, req.UserID, helpful)
	if errors.Is(err, ErrUnknown) {
		return Say("Thank you. My records didn't answer in time, so I can't tell whether your vote was counted. Pressing the button again is safe: each person's vote counts once."), nil
	}
	if err != nil {
		return Reply{}, fmt.Errorf("recording feedback on %s: %w", id, err)
	}
	if !changed {
		return Say(fmt.Sprintf("Thanks, you have already said this answer %s: each person's vote counts once.", voteWords(helpful))), nil
	}
	return Say(fmt.Sprintf("Thanks, I've noted that this answer %s. That helps us improve the answers; if you change your mind, the other button replaces your vote.", voteWords(helpful))), nil
}

func voteWords(helpful bool) string {
	if helpful {
		return "helped"
	}
	return "didn't help"
}

// Unanswered answers the admins' "unanswered [n]": the n words people asked
// about most when no answer matched well, with how often.
func (h *Answers) Unanswered(ctx context.Context, req Request) (Reply, error) {
	return unanswered(ctx, h.feedback, req, req.Invocation("unanswered", "50"))
}

// unansweredTerms lists the terms most often left unanswered. Feedback and
// FeedbackReport satisfy it.
type unansweredTerms interface {
	Unanswered(ctx context.Context, n int) ([]TermCount, error)
}

// unanswered lists the n words people asked about most when no answer
// matched well, for "unanswered" and "admin unanswered" alike; example is
// how to ask for 50.
func unanswered(ctx context.Context, src unansweredTerms, req Request, example string) (Reply, error) {
	n := 20
	if arg := strings.TrimSpace(req.Args); arg != "" {
		v, err := strconv.Atoi(arg)
		if err != nil || v < 1 {
			return Say(fmt.Sprintf("Give a number of words to list, such as %s.", example)), nil
		}
		n = min(v, 200)
	}
	terms, err := src.Unanswered(ctx, n)
	if err != nil {
		return Reply{}, fmt.Errorf("listing unanswered terms: %w", err)
	}
	r := Reply{Header: "Unanswered questions"}
	if len(terms) == 0 {
		r.Text = "None yet: no question has missed a good answer so far."
		return r, nil
	}
	r.Text = fmt.Sprintf("The %d words people asked about most when I had no good answer, with how often. Only the words are counted: no names or messages are kept.", len(terms))
	var lines []string
	for _, t := range terms {
		lines = append(lines, fmt.Sprintf("- %s: %d", AsTyped(t.Term), t.Count))
	}
	r.Sections = groupSections("", lines)
	r.Note = "Content that answers these would help the most people."
	return r, nil
}
