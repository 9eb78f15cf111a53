package handlers

import (
	"context"
	"fmt"
	"strings"

	"github.com/peerbot/peerbot/supervision"
)

// awaitingShown is how many sessions waiting for an answer one reply lists,
// each with its two buttons.
const awaitingShown = 10

// awaitingList answers "confirm" or "dispute" typed alone: the sessions
// waiting for this person's answer, each with the buttons the message that
// asked them had, so an answer never depends on finding that message.
func (h *Supervision) awaitingList(ctx context.Context, req Request) (Reply, error) {
	waiting, err := h.sessions.AwaitingAnswer(ctx, req.UserID)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: listing sessions awaiting an answer: %w", err)
	}
	if len(waiting) == 0 {
		return Say(supNothingWaiting), nil
	}
	return awaitingReply(waiting, supCount(len(waiting), "session is", "sessions are")+" waiting for your answer:"), nil
}

// yesNo answers a "yes" or "that's not right" typed in a direct message,
// most often to "Is that right?" about a session logged with the person:
// it shows the sessions waiting for their answer, with the buttons that
// give it. A bare yes confirms nothing: it may answer something else.
func (h *Supervision) yesNo(ctx context.Context, req Request) (Reply, error) {
	waiting, err := h.sessions.AwaitingAnswer(ctx, req.UserID)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: listing sessions awaiting an answer: %w", err)
	}
	if len(waiting) == 0 {
		return Say("I can't tell what that answers: no session logged with you is waiting for your answer. Where I asked you something in a message, please use the buttons under it."), nil
	}
	return awaitingReply(waiting, "If that answers my message about a session logged with you, press Confirm or Not right for it:"), nil
}

const supNothingWaiting = "Nothing is waiting for your answer: when someone logs a session with you, I'll send you a message to confirm it."

// awaitingReply lists sessions waiting for an answer after intro, each
// with its two buttons.
func awaitingReply(waiting []supervision.Session, intro string) Reply {
	lines := []string{intro}
	var buttons []Button
	for i, s := range waiting {
		if i == awaitingShown {
			lines = append(lines, fmt.Sprintf("…and %d more: answer these first.", len(waiting)-awaitingShown))
			break
		}
		if s.LoggedBy != s.UserID {
			lines = append(lines, fmt.Sprintf("• %s logged for you: %s.", supMention(s.LoggedBy), supWhat(s)))
		} else {
			lines = append(lines, fmt.Sprintf("• %s logged with you: %s.", supMention(s.UserID), supWhat(s)))
		}
		what := s.Date.Format("2 Jan") + " " + string(s.Type)
		ref := s.UserID + " " + s.ID
		buttons = append(buttons,
			Button{Label: "Confirm " + what, Command: "supervision", Args: "confirm " + ref, Primary: true},
			Button{Label: "Not right: " + what, Command: "supervision", Args: "dispute " + ref})
	}
	return Reply{Text: strings.Join(lines, "\n"), Buttons: buttons}
}
