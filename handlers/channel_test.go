package handlers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/peerbot/peerbot/handlers"
)

// TestChannelAnswerOnlyWhenSure: unasked, the bot answers a question it is
// sure of, without quoting it and with a Remove button for the asker, and
// stays quiet on anything else: a statement, small talk, an unsure
// question, text with an NHS number, nothing at all.
func TestChannelAnswerOnlyWhenSure(t *testing.T) {
	s, _ := ansStore(t)
	h := newAnswers(t, ansContent(t), s, ansChannel)
	ctx := context.Background()
	const q = "how often should a link worker have supervision?"
	r, ok := h.ChannelAnswer(ctx, handlers.Request{UserID: "U0ASK", ChannelID: ansChannel, Args: q})
	if !ok {
		t.Fatalf("a question the bot is sure of got no answer")
	}
	all := r.Header + r.Text
	for _, sec := range r.Sections {
		all += sec.Text + sec.Typed
	}
	if strings.Contains(all, q) {
		t.Errorf("the answer quotes the question: %q", all)
	}
	var remove *handlers.Button
	for i, b := range r.Buttons {
		if b.Action == handlers.ActionRemoveAnswer {
			remove = &r.Buttons[i]
		}
	}
	if remove == nil || remove.Value != "U0ASK" || remove.Label != "Remove" {
		t.Errorf("buttons %+v, want Remove carrying the asker", r.Buttons)
	}
	for _, quiet := range []string{
		"",
		"Supervision for link workers is monthly",       // a statement, though the bot knows it
		"is anyone around for a coffee later?",          // not for the bot
		"how often should my patient 943 476 5919 go?",  // an NHS number
		"what is the maximum dose of paracetamol?",      // off-topic
		"anyone know where the car park is at the hub?", // unsure
	} {
		if r, ok := h.ChannelAnswer(ctx, handlers.Request{UserID: "U0ASK", ChannelID: ansChannel, Args: quiet}); ok {
			t.Errorf("%q answered unasked: %q", quiet, r.Text)
		}
	}
}
