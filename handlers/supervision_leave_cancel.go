package handlers

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/peerbot/peerbot/supervision"
)

// leaveCancelWords start "leave cancel 7 Dec": a stretch of leave saved by
// mistake, or leave that is not taken after all, is taken back.
var leaveCancelWords = []string{"cancel", "remove", "delete", "undo", "clear", "drop"}

// leaveCancelArgs reports whether args ask to take leave back, and the
// words after the asking ("7 Dec").
func leaveCancelArgs(args string) (rest string, ok bool) {
	first, rest, _ := strings.Cut(strings.TrimSpace(args), " ")
	first = strings.ToLower(strings.Trim(first, ".,:;!?"))
	for _, w := range leaveCancelWords {
		if first == w {
			rest = strings.TrimSpace(rest)
			for _, p := range []string{"my leave", "leave", "the", "my"} {
				if low := strings.ToLower(rest); low == p || strings.HasPrefix(low, p+" ") {
					rest = strings.TrimSpace(rest[len(p):])
				}
			}
			return strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(rest), "from ")), true
		}
	}
	return "", false
}

// aboutLeave reports whether args, after "undo", "remove" or "cancel",
// speak of leave ("leave 7 Dec", "my leave").
func aboutLeave(args string) bool {
	low := strings.ToLower(strings.TrimSpace(args))
	return low == "leave" || low == "my leave" || strings.HasPrefix(low, "leave ") || strings.HasPrefix(low, "my leave ")
}

// cancelLeaveWords answers "cancel leave 7 Dec" and "remove my leave", the
// words the other way round from "leave cancel 7 Dec", as that does.
func (h *Supervision) cancelLeaveWords(ctx context.Context, req Request) (Reply, error) {
	req.Args = "cancel " + req.Args
	return h.leave(ctx, req)
}

// cancelWhat answers "cancel" typed on its own or with words that are not
// about leave: it says what can be taken back, and how.
func (h *Supervision) cancelWhat(ctx context.Context, req Request) (Reply, error) {
	if aboutLeave(req.Args) {
		return h.cancelLeaveWords(ctx, req)
	}
	return Say(fmt.Sprintf("To take back the last session you logged, type %s. To take back leave, type %s.",
		req.Invocation("supervision", "undo"), req.Invocation("supervision", "leave cancel 7 Dec"))), nil
}

// leaveList says which leave is current or to come, and how to take one
// back; "" when there is none.
func (h *Supervision) leaveList(ctx context.Context, req Request, p supervision.Profile, today time.Time) (string, error) {
	ahead, err := h.leaveAhead(ctx, p, today)
	if err != nil || len(ahead) == 0 {
		return "", err
	}
	lines := []string{"Your leave:"}
	for _, l := range ahead {
		lines = append(lines, "• "+leaveSpan(l))
	}
	lines = append(lines, fmt.Sprintf("To take one back: %s.", req.Invocation("supervision", "leave cancel "+leaveDayTyped(ahead[0].From, today))))
	return strings.Join(lines, "\n"), nil
}

// leaveDayTyped is day as a person would type it to name it: "7 Dec", or
// "1 Dec 2027" when "1 Dec" alone would be read as another year's.
func leaveDayTyped(day, today time.Time) string {
	short := day.Format("2 Jan")
	if l, err := supervision.ParseLeave(short, today); err == nil && calendarDay(l.From).Equal(calendarDay(day)) {
		return short
	}
	return day.Format("2 Jan 2006")
}

// leaveAhead is a person's leave that has not ended by today.
func (h *Supervision) leaveAhead(ctx context.Context, p supervision.Profile, today time.Time) ([]supervision.Leave, error) {
	all, err := h.sessions.Leaves(ctx, p.UserID)
	if err != nil {
		return nil, fmt.Errorf("supervision: reading leave: %w", err)
	}
	return leaveNotEnded(all, today), nil
}

// leaveNotEnded is the leave, of all, that has not ended by today.
func leaveNotEnded(all []supervision.Leave, today time.Time) []supervision.Leave {
	var ahead []supervision.Leave
	for _, l := range all {
		if !calendarDay(l.To).Before(calendarDay(today)) {
			ahead = append(ahead, l)
		}
	}
	return ahead
}

func calendarDay(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

func leaveSpan(l supervision.Leave) string {
	if calendarDay(l.From).Equal(calendarDay(l.To)) {
		return supDate(l.From)
	}
	return supDate(l.From) + " to " + supDate(l.To)
}

// cancelLeave answers "leave cancel [day]": it takes back the stretch of
// leave holding that day, or the only one to come when no day is given.
func (h *Supervision) cancelLeave(ctx context.Context, req Request, p supervision.Profile, rest string, today time.Time) (Reply, error) {
	example := req.Invocation("supervision", "leave cancel 7 Dec")
	var l supervision.Leave
	if low := strings.ToLower(rest); low == "all" || low == "all of it" || low == "everything" {
		return h.cancelAllLeave(ctx, req, p, today)
	}
	if rest == "" {
		ahead, err := h.leaveAhead(ctx, p, today)
		if err != nil {
			return Reply{}, err
		}
		switch len(ahead) {
		case 0:
			return Say("You have no leave now or to come, so there is nothing to take back."), nil
		case 1:
			l = ahead[0]
		default:
			list, err := h.leaveList(ctx, req, p, today)
			if err != nil {
				return Reply{}, err
			}
			return Say("Which leave should I take back? Give a day of it, for example " + example + ".\n" + list), nil
		}
	} else {
		day, err := supervision.ParseLeaveDay(rest, today)
		if err != nil {
			return supRefusal(err, "To take leave back, give a day of it, for example "+example+".")
		}
		all, err := h.sessions.Leaves(ctx, p.UserID)
		if err != nil {
			return Reply{}, fmt.Errorf("supervision: reading leave: %w", err)
		}
		found := false
		for _, s := range all {
			if !calendarDay(day.From).Before(calendarDay(s.From)) && !calendarDay(day.From).After(calendarDay(s.To)) {
				l, found = s, true
				break
			}
		}
		if !found {
			return Say(fmt.Sprintf("You have no leave on %s, so nothing was changed.", supDate(day.From))), nil
		}
	}
	switch ok, err := h.sessions.RemoveLeave(ctx, p.UserID, l.ID); {
	case errors.Is(err, ErrUnknown):
		return Say(fmt.Sprintf("I may have taken back your leave (%s), but the connection dropped before I could check. Please send it again, or look at %s.",
			leaveSpan(l), req.Invocation("supervision", "leave"))), nil
	case err != nil:
		return Reply{}, fmt.Errorf("supervision: removing leave: %w", err)
	case !ok:
		return Say(fmt.Sprintf("Your leave %s was already taken back.", leaveSpan(l))), nil
	}
	rec, err := h.record(ctx, p)
	if err != nil {
		return Reply{}, err
	}
	text := fmt.Sprintf("Taken back: your leave %s.", leaveSpan(l))
	if p.Reminders {
		text += " Reminders can go out on those days again."
	}
	if !rec.status.Due.IsZero() {
		text += fmt.Sprintf(" Your next session is due by %s.", supDate(rec.status.Due))
	}
	return Reply{Text: text, RefreshHome: []string{p.UserID}}, nil
}

// cancelAllLeave answers "leave cancel all": every stretch of leave now or
// to come is taken back; leave that has ended stays, as it was taken.
func (h *Supervision) cancelAllLeave(ctx context.Context, req Request, p supervision.Profile, today time.Time) (Reply, error) {
	ahead, err := h.leaveAhead(ctx, p, today)
	if err != nil {
		return Reply{}, err
	}
	if len(ahead) == 0 {
		return Say("You have no leave now or to come, so there is nothing to take back."), nil
	}
	var spans []string
	for _, l := range ahead {
		if _, err := h.sessions.RemoveLeave(ctx, p.UserID, l.ID); err != nil {
			return Reply{}, fmt.Errorf("supervision: removing leave: %w", err)
		}
		spans = append(spans, leaveSpan(l))
	}
	text := "Taken back: your leave " + supJoin(spans) + "."
	if rec, err := h.record(ctx, p); err == nil && !rec.status.Due.IsZero() {
		text += fmt.Sprintf(" Your next session is due by %s.", supDate(rec.status.Due))
	}
	return Reply{Text: text, RefreshHome: []string{p.UserID}}, nil
}
