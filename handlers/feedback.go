package handlers

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/peerbot/peerbot/supervision"
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
	// Whether the vote changed or not, the person is thanked: a second
	// press is the same vote, not a mistake.
	if _, err := h.feedback.Vote(ctx, id, req.UserID, helpful); err != nil {
		return Reply{}, fmt.Errorf("recording feedback on %s: %w", id, err)
	}
	return Say("Thanks, that helps us improve the answers."), nil
}

// shareOnce is how long a question posted to the peer support channel is
// remembered, so a double-click posts it once.
const shareOnce = time.Hour

// Share answers the "Ask the peer network" buttons: share named|anon
// <question> posts the question to the peer support channel, with the
// person's name or with nothing that identifies them.
func (h *Answers) Share(ctx context.Context, req Request) (Reply, error) {
	if h.peerChannel == "" {
		return Say("There's no peer support channel set up for me to post to, sorry. Please ask in your peer support network directly, or ask a network admin to set the channel up."), nil
	}
	// The buttons carry the asker: under an answer in a public thread,
	// anyone can press them, and only the asker may post the question.
	mode, rest, _ := strings.Cut(strings.TrimSpace(req.Args), " ")
	asker, q, _ := strings.Cut(strings.TrimSpace(rest), " ")
	q = strings.TrimSpace(q)
	mode = strings.ToLower(mode)
	if (mode != "named" && mode != "anon") || q == "" {
		return Say("Sorry, I couldn't tell what to post. Ask your question again and use one of the buttons under my answer."), nil
	}
	if asker != req.UserID {
		return Say(fmt.Sprintf("Only the person who asked can post that question. To ask the network something yourself, start with %s.", req.Invocation("ask", "your question"))), nil
	}
	if supervision.ContainsNHSNumber(q) {
		return Say("I haven't posted that: it seems to hold an NHS number. Please take out anything that could identify a patient and ask again."), nil
	}
	first, err := h.claimShare(ctx, req.UserID, q)
	if err == nil && !first {
		return Say("Your question is already in the peer support channel. Replies will come in its thread there."), nil
	}
	// A claim the store could not make posts anyway: better a rare second
	// post than a question that never reaches anyone.
	post := Reply{Public: true}
	toAsker := "Posted to the peer support channel without your name. Replies will come in its thread there."
	if mode == "named" {
		post.Text = fmt.Sprintf("<@%s> asks the network:\n“%s”", req.UserID, q)
		toAsker = "Posted to the peer support channel with your name. Replies will come in its thread there."
	} else {
		post.Text = fmt.Sprintf("Someone in the network asks (anonymously):\n“%s”", q)
	}
	post.Text += "\n\nIf you can help, please reply in the thread."
	r := Say(toAsker)
	r.Messages = []Message{{To: h.peerChannel, Reply: post}}
	return r, nil
}

// claimShare reports whether this is the person's first post of this
// question within the hour. Neither is kept in readable form: the claim
// is on a hash of the two.
func (h *Answers) claimShare(ctx context.Context, userID, question string) (bool, error) {
	if h.once == nil {
		return true, nil
	}
	sum := sha256.Sum256([]byte(userID + "\x00" + question))
	return h.once.Claim(ctx, "share", shareOnce, hex.EncodeToString(sum[:16]))
}

// Unanswered answers the admins' "unanswered [n]": the n words people asked
// about most when no answer matched well, with how often.
func (h *Answers) Unanswered(ctx context.Context, req Request) (Reply, error) {
	n := 20
	if arg := strings.TrimSpace(req.Args); arg != "" {
		v, err := strconv.Atoi(arg)
		if err != nil || v < 1 {
			return Say(fmt.Sprintf("Give a number of words to list, such as %s.", req.Invocation("unanswered", "50"))), nil
		}
		n = min(v, 200)
	}
	terms, err := h.feedback.Unanswered(ctx, n)
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
		lines = append(lines, fmt.Sprintf("- %s: %d", t.Term, t.Count))
	}
	r.Sections = groupSections("", lines)
	r.Note = "Content that answers these would help the most people."
	return r, nil
}
