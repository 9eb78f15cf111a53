package handlers

import (
	"context"
	"strings"

	"github.com/peerbot/peerbot/knowledge"
	"github.com/peerbot/peerbot/supervision"
)

// ActionRemoveAnswer is the action of the "Remove" button under an answer
// the bot gave unasked in a channel; its value is the asker's user id. The
// bot deletes the answer when the asker or an admin presses it.
const ActionRemoveAnswer = "peerbot.remove"

// questionStarts are first words that make a message read as a question
// without a question mark.
var questionStarts = map[string]bool{
	"how": true, "what": true, "who": true, "whom": true, "where": true, "when": true, "why": true, "which": true,
	"can": true, "could": true, "does": true, "do": true, "is": true, "are": true, "should": true, "would": true,
	"will": true, "anyone": true, "any": true, "has": true, "have": true, "am": true,
}

// readsAsQuestion reports whether a message reads as a question: it holds
// a question mark or starts with a question word.
func readsAsQuestion(s string) bool {
	if strings.Contains(s, "?") {
		return true
	}
	first, _, _ := strings.Cut(strings.ToLower(strings.TrimSpace(s)), " ")
	return questionStarts[strings.Trim(first, ",.!:;")]
}

// ChannelAnswer answers a message posted in a channel the bot answers in,
// not asked of the bot: only a message that reads as a question, and only
// when the answer is confident at knowledge.ChannelConfidence, stricter
// than /ask. Otherwise ok is false and the bot stays quiet, so peers
// answer. The answer never quotes the question. Nothing is counted or kept.
func (h *Answers) ChannelAnswer(ctx context.Context, req Request) (r Reply, ok bool) {
	q := strings.TrimSpace(req.Args)
	if q == "" || len(q) > 1000 || !readsAsQuestion(q) || supervision.ContainsNHSNumber(q) {
		return Reply{}, false
	}
	a := h.content.Answer(q, h.asker(ctx, req.UserID))
	if !a.ConfidentAt(knowledge.ChannelConfidence) {
		return Reply{}, false
	}
	r = h.answer(a)
	r.Buttons = append(r.Buttons, Button{Label: "Remove", Action: ActionRemoveAnswer, Value: req.UserID})
	r.Note = strings.TrimSpace(r.Note + " I answer questions here only when I'm confident; the person who asked or an admin can remove this.")
	return r, true
}
