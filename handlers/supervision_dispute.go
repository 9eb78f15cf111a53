package handlers

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/peerbot/peerbot/supervision"
)

// supDisputeNHS is the answer to a dispute whose reason holds an NHS
// number: nothing is answered, kept or told.
const supDisputeNHS = "That reason looks like it holds an NHS number, so I haven't saved it and nothing was changed. Please leave out any patient details: a few words such as “wrong date” or “it was 30 minutes” are all I need."

// supDisputeReason reads the reason given with a dispute, as typed, on
// one line: "" for none. problem, when set, says kindly why it cannot be
// kept: an NHS number, or more than a few words.
func supDisputeReason(s string) (why, problem string) {
	why = strings.Join(strings.Fields(s), " ")
	why = strings.TrimSpace(strings.TrimLeft(why, ":-–— "))
	switch {
	case supervision.ContainsNHSNumber(why):
		return "", supDisputeNHS
	case utf8.RuneCountInString(why) > supervision.MaxDisputeReason:
		return "", fmt.Sprintf("Please keep the reason to %d characters: a few words, such as “wrong date” or “it was 30 minutes”. Nothing was changed.", supervision.MaxDisputeReason)
	}
	return why, ""
}

// supDisputeSplit parts typed words that pick a session from the reason
// after them: "20 Nov: wrong date", "yesterday because it was 30 minutes",
// "20 Nov - it was group", "20 Nov, wrong date". Without one of those,
// the reason starts at the first of the words a reason starts with
// ("yesterday it was 30 minutes", "20 Nov wrong date"), or it is all words.
func supDisputeSplit(args string) (words, why string) {
	low := strings.ToLower(args)
	at, end := -1, 0
	for _, sep := range []string{":", " because ", " - ", " – ", " — ", ", "} {
		if i := strings.Index(low, sep); i >= 0 && (at < 0 || i < at) {
			at, end = i, i+len(sep) // the first: a reason may hold the others
		}
	}
	if at < 0 {
		for _, lead := range supReasonLeads {
			if i := strings.Index(low, lead); i > 0 && (at < 0 || i < at) {
				at, end = i, i+1 // the reason keeps its first word
			}
		}
	}
	if at < 0 {
		return args, ""
	}
	return strings.TrimSpace(args[:at]), args[end:]
}

// supReasonLeads are words a reason starts with that never pick a session.
var supReasonLeads = []string{" it ", " it's ", " it’s ", " wrong ", " not ", " was ", " wasn't ", " wasn’t ", " should ", " never ", " didn't ", " didn’t "}

// disputeForm asks what isn't right about a session, before it is marked
// so. Where no form opens, its text says how to do it by typing.
func disputeForm(req Request, s supervision.Session) Reply {
	ref := s.UserID + " " + s.ID
	return Reply{
		Text: fmt.Sprintf("To mark %s as not right, type %s, with what isn't right in a few words in place of “wrong date”.",
			supWhat(s), req.Invocation("supervision", "dispute "+ref+" wrong date")),
		Form: &Form{
			ID:     supDisputeForm,
			Title:  "Not right",
			Submit: "Mark not right",
			Intro:  fmt.Sprintf("%s will see that %s isn't right, and what you write here.", supMention(s.LoggedBy), supWhat(s)),
			Fields: []Input{{ID: "reason", Label: "What isn't right?", Kind: TextInput, Optional: true,
				Placeholder: "wrong date", Hint: fmt.Sprintf("A few words, at most %d characters, such as “it was 30 minutes”. Never anything about a patient.", supervision.MaxDisputeReason)}},
			State: ref,
		},
	}
}

// submitDispute takes the dispute form: the session in its State, marked
// not right with the reason given, if any.
func (h *Supervision) submitDispute(ctx context.Context, sub Submission) (FormResult, error) {
	f := strings.Fields(sub.State)
	if len(f) != 2 || supUserID(f[0]) != f[0] {
		return FormResult{Reply: Say("Sorry, I couldn't tell which session you meant. Please press the button on it again.")}, nil
	}
	if _, problem := supDisputeReason(sub.Values["reason"]); problem != "" {
		return FormResult{Errors: map[string]string{"reason": problem}}, nil
	}
	req := sub.Request
	req.Interactive = false // answered here: no second form
	r, err := h.answer(ctx, req, f[0]+" "+f[1]+" "+sub.Values["reason"], supervision.Disputed)
	r.Replace = false
	return FormResult{Reply: r}, err
}
