package handlers

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/peerbot/peerbot/supervision"
)

// leaveBackArgs reports whether args say the person is back from leave,
// or their leave ends, early: "back", "back 14 Dec", "end 13 Dec". back is
// true for the day they are back at work, false for the last day of leave;
// rest is the day ("" for today).
func leaveBackArgs(args string) (rest string, back, ok bool) {
	first, rest, _ := strings.Cut(strings.TrimSpace(args), " ")
	rest = strings.TrimSpace(rest)
	for _, p := range []string{"on ", "from "} {
		if strings.HasPrefix(strings.ToLower(rest), p) {
			rest = strings.TrimSpace(rest[len(p):])
		}
	}
	switch strings.ToLower(strings.Trim(first, ".,:;!?")) {
	case "back", "return", "returned", "returning":
		return rest, true, true
	case "end", "ends", "ended", "finish", "finishes", "finished", "stop", "stops":
		return rest, false, true
	}
	return "", false, false
}

// backFromLeave answers "back [day]": as "leave back [day]".
func (h *Supervision) backFromLeave(ctx context.Context, req Request) (Reply, error) {
	req.Args = strings.TrimSpace("back " + req.Args)
	return h.leave(ctx, req)
}

// leaveBack shortens the stretch of leave that holds the day a person is
// back at work (today unless they say), so it ends the day before: the
// days they were away still pause the clock, the rest no longer do. Back
// on its first day, the stretch is taken back. With back false, rest is
// the last day of leave instead.
func (h *Supervision) leaveBack(ctx context.Context, req Request, p supervision.Profile, rest string, back bool, today time.Time) (Reply, error) {
	day := calendarDay(today)
	if rest != "" {
		l, err := supervision.ParseLeaveDay(rest, today)
		if err != nil {
			return supRefusal(err, "To end your leave early, say the day you are back, for example "+req.Invocation("supervision", "back 14 Dec")+".")
		}
		day = calendarDay(l.From)
	}
	if !back {
		day = day.AddDate(0, 0, 1) // the last day of leave: back the day after
	}
	all, err := h.sessions.Leaves(ctx, p.UserID)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: reading leave: %w", err)
	}
	var s supervision.Leave
	found := false
	for _, l := range all {
		if !day.Before(calendarDay(l.From)) && !day.After(calendarDay(l.To)) {
			s, found = l, true
			break
		}
	}
	if !found {
		return Say(fmt.Sprintf("You have no leave on %s to end, so nothing was changed. %s lists your leave.",
			supDate(day), req.Invocation("supervision", "leave"))), nil
	}
	if day.Equal(calendarDay(s.From)) {
		return h.cancelLeave(ctx, req, p, s.From.Format("2 Jan 2006"), today)
	}
	short := supervision.Leave{From: s.From}
	short.To = time.Date(day.Year(), day.Month(), day.Day()-1, 0, 0, 0, 0, s.From.Location())
	short.ID = supervision.DerivedID(p.UserID, short.From.Format(time.DateOnly), short.To.Format(time.DateOnly))
	switch err := h.saveLeaveReplacing(ctx, p.UserID, short, []supervision.Leave{s}); {
	case errors.Is(err, errLeaveNotSaved) && errors.Is(err, ErrUnknown):
		return Say("I may have changed your leave, but the connection dropped before I could check. Please look at " + req.Invocation("supervision", "leave") + "."), nil
	case err != nil:
		return Reply{}, fmt.Errorf("supervision: shortening leave: %w", err)
	}
	rec, err := h.record(ctx, p)
	if err != nil {
		return Reply{}, err
	}
	greeting := "Done."
	if !day.After(calendarDay(today)) {
		greeting = "Welcome back."
	}
	text := fmt.Sprintf("%s Your leave now ends on %s: %s.", greeting, supDate(short.To), leaveSpan(short))
	if p.Reminders {
		text += " Reminders can go out again from " + supDate(day) + "."
	}
	if !rec.status.Due.IsZero() {
		text += fmt.Sprintf(" Your next session is due by %s.", supDate(rec.status.Due))
	}
	return Reply{Text: text, RefreshHome: []string{p.UserID}}, nil
}
