package handlers

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/peerbot/peerbot/supervision"
)

func (h *Supervision) leave(ctx context.Context, req Request) (Reply, error) {
	args := req.Args
	p, ok, err := h.profiles.Profile(ctx, req.UserID)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: reading profile: %w", err)
	}
	if !ok {
		_, _, ending := leaveBackArgs(args)
		if _, cancelling := leaveCancelArgs(args); ending || cancelling {
			return h.noProfile(req, "You have no leave to end or take back: leave goes with a supervision profile, and you haven't set one up yet."), nil
		}
		return h.noProfile(req, "Before you add leave, please set up your supervision profile."), nil
	}
	today := h.now().In(h.location(p))
	if rest, ok := leaveCancelArgs(args); ok {
		return h.cancelLeave(ctx, req, p, rest, today)
	}
	if rest, back, ok := leaveBackArgs(args); ok {
		return h.leaveBack(ctx, req, p, rest, back, today)
	}
	if args == "" {
		text := h.leaveHowTo(req)
		list, err := h.leaveList(ctx, req, p, today)
		if err != nil {
			return Reply{}, err
		}
		if list != "" {
			text = list + "\n\n" + text
		}
		if req.Interactive {
			return Reply{Form: h.leaveForm(today), Text: text}, nil
		}
		return Say(text), nil
	}
	l, err := supervision.ParseLeave(args, today)
	if err != nil {
		return supRefusal(err, h.leaveHowTo(req))
	}
	r, err := h.saveLeave(ctx, p, l)
	if err == nil && len(r.RefreshHome) > 0 { // saved
		r.Text += leaveTakenHint(req, args, l, today)
	}
	return r, err
}

// leaveTakenHint says how to add next year's leave instead to a person
// whose leave, typed without a year, was read as the same days lately past
// ("8-19 Dec" on 5 January): "" otherwise.
func leaveTakenHint(req Request, args string, l supervision.Leave, today time.Time) string {
	next, ok := supervision.NextLeave(args, today, l)
	if !ok {
		return ""
	}
	return fmt.Sprintf(" If you meant next year's, take this back with %s and give its year: %s.",
		req.Invocation("supervision", "leave cancel "+l.From.Format("2 Jan 2006")),
		req.Invocation("supervision", "leave "+next.From.Format("2 Jan 2006")+" to "+next.To.Format("2 Jan 2006")))
}

func (h *Supervision) leaveHowTo(req Request) string {
	return fmt.Sprintf("To pause the clock while you're away, type the first and last day of your leave, for example:\n%s",
		req.Invocation("supervision", "leave 1 Dec 12 Dec"))
}

func (h *Supervision) saveLeave(ctx context.Context, p supervision.Profile, l supervision.Leave) (Reply, error) {
	have, err := h.sessions.Leaves(ctx, p.UserID)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: reading leave: %w", err)
	}
	joined, overlapped := leaveJoined(l, have)
	for _, o := range overlapped {
		same := calendarDay(o.From).Equal(calendarDay(l.From)) && calendarDay(o.To).Equal(calendarDay(l.To))
		if same {
			// The same stretch sent again (a retry): saved, as before.
			overlapped, joined = nil, l
			break
		}
		if calendarDay(o.From).Equal(calendarDay(joined.From)) && calendarDay(o.To).Equal(calendarDay(joined.To)) {
			// Wholly within leave saved already.
			return Reply{Text: fmt.Sprintf("You're already on leave then: %s. I haven't added it again.", leaveSpan(o))}, nil
		}
	}
	l = joined
	// The same stretch sent again (a retry) is the same leave.
	l.ID = supervision.DerivedID(p.UserID, l.From.Format(time.DateOnly), l.To.Format(time.DateOnly))
	// The stretches the new one took in go, now it holds their days.
	switch err := h.saveLeaveReplacing(ctx, p.UserID, l, overlapped); {
	case errors.Is(err, errLeaveNotSaved) && errors.Is(err, ErrUnknown):
		return Say("I may have saved your leave, but the connection dropped before I could check. Please look at your App Home or send it again: it won't be saved twice."), nil
	case err != nil:
		return Reply{}, fmt.Errorf("supervision: joining leave: %w", err)
	}
	rec, err := h.record(ctx, p)
	if err != nil {
		return Reply{}, err
	}
	joinedWith := ""
	if len(overlapped) > 0 {
		joinedWith = ", joined with the leave you had already on some of those days"
	}
	text := fmt.Sprintf("Saved your leave: %s%s. No reminders go out while you're away.", leaveSpan(l), joinedWith)
	if !rec.status.Due.IsZero() {
		text += fmt.Sprintf(" Your next session is now due by %s.", supDate(rec.status.Due))
	}
	return Reply{Text: text, RefreshHome: []string{p.UserID}}, nil
}

func (h *Supervision) leaveForm(today time.Time) *Form {
	d := today.Format(time.DateOnly)
	return &Form{
		ID:     supLeaveForm,
		Title:  "Pause for leave",
		Intro:  "While you're away your next due date moves on, and no reminders go out.",
		Fields: []Input{{ID: "from", Label: "First day of leave", Kind: DateInput, Initial: d}, {ID: "to", Label: "Last day of leave", Kind: DateInput, Initial: d}},
	}
}

func (h *Supervision) submitLeave(ctx context.Context, sub Submission) (FormResult, error) {
	if f := supNHSField(sub.Values, "from", "to"); f != "" {
		return FormResult{Errors: map[string]string{f: supNHSNumber}}, nil
	}
	p, ok, err := h.profiles.Profile(ctx, sub.UserID)
	if err != nil {
		return FormResult{}, fmt.Errorf("supervision: reading profile: %w", err)
	}
	if !ok {
		return FormResult{Errors: map[string]string{"from": "Please set up your supervision profile first: " + sub.Invocation("supervision", "setup")}}, nil
	}
	today := h.now().In(h.location(p))
	errs := map[string]string{}
	for _, f := range []string{"from", "to"} {
		if strings.TrimSpace(sub.Values[f]) == "" {
			errs[f] = "Please choose a day."
		}
	}
	if len(errs) > 0 {
		return FormResult{Errors: errs}, nil
	}
	l, err := supervision.ParseLeave(sub.Values["from"]+" "+sub.Values["to"], today)
	if err != nil {
		var ie *supervision.InputError
		if !errors.As(err, &ie) {
			return FormResult{}, fmt.Errorf("supervision: %w", err)
		}
		return FormResult{Errors: map[string]string{supFormField(ie.Field, "from", "to"): ie.Message}}, nil
	}
	r, err := h.saveLeave(ctx, p, l)
	if err != nil {
		return FormResult{}, err
	}
	return FormResult{Reply: r}, nil
}

// leaveJoined is l grown to take in each stretch of have that shares a day
// with it, and those stretches. A stretch that would make it longer than
// the longest leave is left apart.
func leaveJoined(l supervision.Leave, have []supervision.Leave) (supervision.Leave, []supervision.Leave) {
	var took []supervision.Leave
	taken := map[string]bool{}
	for grown := true; grown; {
		grown = false
		for _, o := range have {
			if taken[o.ID] || calendarDay(o.From).After(calendarDay(l.To)) || calendarDay(o.To).Before(calendarDay(l.From)) {
				continue
			}
			from, to := l.From, l.To
			if calendarDay(o.From).Before(calendarDay(from)) {
				from = o.From
			}
			if calendarDay(o.To).After(calendarDay(to)) {
				to = o.To
			}
			if calendarDay(to).Sub(calendarDay(from)) >= supervision.MaxLeaveDays*24*time.Hour {
				continue
			}
			l.From, l.To = from, to
			taken[o.ID], grown = true, true
			took = append(took, o)
		}
	}
	return l, took
}

// errLeaveNotSaved marks a failure to save the new stretch and take back
// the ones it replaces: one step, so either both happened or neither did,
// unless the outcome is unknown (ErrUnknown).
var errLeaveNotSaved = errors.New("saving leave")

// saveLeaveReplacing saves l (a retry of it is no error) and takes back the
// stretches it replaces, in one step. An error wraps errLeaveNotSaved.
func (h *Supervision) saveLeaveReplacing(ctx context.Context, userID string, l supervision.Leave, replaced []supervision.Leave) error {
	ids := make([]string, len(replaced))
	for i, o := range replaced {
		ids[i] = o.ID
	}
	if err := h.sessions.AddLeave(ctx, userID, l, ids...); err != nil && !errors.Is(err, ErrExists) {
		return fmt.Errorf("%w: %w", errLeaveNotSaved, err)
	}
	return nil
}
