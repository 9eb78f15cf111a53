package handlers

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/peerbot/peerbot/supervision"
)

// Reminders is the reminder engine as /supervision sees it: a person's
// supervision reminder, one queued item each. Errors wrap ErrUnavailable
// when the queue cannot be reached.
type Reminders interface {
	// Remind plans the person's reminder again from their record, and
	// says when it falls; false when none should (reminders off, nothing
	// due).
	Remind(ctx context.Context, userID string) (time.Time, bool, error)
	// Snooze moves the person's next reminder to until; ErrNoReminder when
	// none is queued.
	Snooze(ctx context.Context, userID string, until time.Time) error
	// Skip drops the person's next reminder for the one after it;
	// ErrNoReminder when none is queued. When none comes after it, the
	// one skipped is removed and Skip returns nil.
	Skip(ctx context.Context, userID string) error
	// Next is the person's queued reminder: when it falls and whether it
	// was snoozed; ok false when none is queued.
	Next(ctx context.Context, userID string) (at time.Time, snoozed, ok bool, err error)
}

// supRemindOff is what /supervision remind says when reminders are off.
const supRemindOff = "Reminders are off."

// ErrNoReminder says a person has no reminder queued.
var ErrNoReminder = errors.New("no reminder is planned")

// Snooze limits, in days.
const (
	supSnoozeMin = 1
	supSnoozeMax = 28
)

// The hours a reminder may fall without the person saying "anyway".
const (
	supDayStart = 7
	supDayEnd   = 19
)

// remindCommands are the reminder subcommands of /supervision.
func (h *Supervision) remindCommands() []Command {
	return []Command{
		{Name: "remind", Aliases: []string{"reminders", "reminder"}, Usage: "on|off|days-before N|at HH:MM|on <weekday>", ReadOnlyAlone: true,
			Description: "Turn reminders on or off, and choose how many days ahead, what time and which weekday they come.",
			Examples:    []string{"", "on", "off", "days-before 5", "at 08:30", "on tuesday"},
			More:        "Reminders follow the date your next session is due: the days before you choose, on the day, then every week while it is overdue, on your chosen weekday. They have no gap of their own to set; snooze puts the next one off.",
			Run:         h.remind},
		{Name: "snooze", Usage: "<days>",
			Description: fmt.Sprintf("Put off your next reminder by %d to %d days.", supSnoozeMin, supSnoozeMax),
			Examples:    []string{"7", "3", "a week"}, Run: h.snooze},
		// The reminder's "Skip this one" button runs this.
		{Name: "reminder-skip", Hidden: true, NoArgs: true, Description: "Skip your next reminder.", Run: h.skip},
	}
}

// supRemindHowTo says how to use /supervision remind.
func supRemindHowTo(req Request) string {
	return "for example " + req.Invocation("supervision", "remind on") + ", " + req.Invocation("supervision", "remind days-before 5") +
		", " + req.Invocation("supervision", "remind at 08:30") + " or " + req.Invocation("supervision", "remind on tuesday") + "."
}

// remind changes a person's reminder settings, or shows them.
func (h *Supervision) remind(ctx context.Context, req Request) (Reply, error) {
	p, ok, err := h.profiles.Profile(ctx, req.UserID)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: reading profile: %w", err)
	}
	if !ok {
		return h.noProfile(req, supNoProfileReminders), nil
	}
	words := supRemindWords(req.Args)
	anyway := len(words) > 1 && words[len(words)-1] == "anyway"
	if anyway {
		words = words[:len(words)-1]
	}
	if len(words) == 0 {
		return h.remindShow(ctx, req, p, "")
	}
	if supRemindCadence(words) {
		return Say(supRemindHow(req, p)), nil
	}
	said, refusal := supRemindChange(&p, words, anyway)
	if refusal != "" {
		said, refusal = supRemindDayAndTime(&p, words, anyway, refusal)
	}
	if refusal != "" {
		return Say(refusal + "\nTo change a setting: " + supRemindHowTo(req)), nil
	}
	p.Updated = h.now()
	if err := h.profiles.SaveProfile(ctx, p); err != nil {
		return Reply{}, fmt.Errorf("supervision: saving profile: %w", err)
	}
	r, err := h.remindShow(ctx, req, p, said)
	r.RefreshHome, r.Reschedule = []string{req.UserID}, []string{req.UserID}
	return r, err
}

// supRemindWords are the words of a reminder setting, in lower case,
// without the polite words people end with ("off please", "9am thanks").
func supRemindWords(args string) []string {
	words := strings.Fields(strings.ToLower(strings.TrimRight(args, " .!")))
	for len(words) > 1 {
		last := strings.Trim(words[len(words)-1], ".,!")
		switch {
		case last == "please" || last == "pls" || last == "thanks" || last == "cheers" || last == "ta":
			words = words[:len(words)-1]
		case last == "you" && words[len(words)-2] == "thank":
			words = words[:len(words)-2]
		default:
			return words
		}
	}
	return words
}

// supRemindDayAndTime applies a weekday and a time typed together
// ("fridays at 10am", "on thursday at 8.30"), both or neither; refusal is
// what the words as one setting were refused with, kept when they are not
// two.
func supRemindDayAndTime(p *supervision.Profile, words []string, anyway bool, refusal string) (string, string) {
	k := slices.Index(words, "at")
	if k < 1 || k == len(words)-1 {
		return "", refusal
	}
	q := *p
	left := words[:k]
	named := supRemindNamed(left)
	if left[0] != "on" && left[0] != "day" && (named == nil || named[0] != "on") {
		return "", refusal // not a weekday, then a time
	}
	day, no := supRemindChange(&q, left, anyway)
	if no != "" {
		return "", no // a weekend day, say
	}
	clock, no := supRemindChange(&q, words[k:], anyway)
	if no != "" {
		return "", no
	}
	*p = q
	return clock + " " + day, ""
}

// supRemindChange applies one setting to p, saying what changed, or why
// it cannot.
func supRemindChange(p *supervision.Profile, words []string, anyway bool) (said, refusal string) {
	arg := strings.Join(words[1:], " ")
	switch {
	case len(words) == 1 && (words[0] == "on" || words[0] == "off"):
		p.Reminders = words[0] == "on"
		if !p.Reminders {
			return supRemindOff, ""
		}
		return "Reminders are on.", ""
	case words[0] == "days-before" || words[0] == "days" || words[0] == "lead":
		// "days-before 5", "days before 5", "days-before 5 days"
		if arg == "" || arg == "before" {
			return "", fmt.Sprintf("Say how many days before, from 0 to %d, such as days-before 5.", supervision.MaxLeadDays)
		}
		n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSuffix(strings.TrimPrefix(arg, "before "), " days"), " day"))
		if err != nil || n < 0 || n > supervision.MaxLeadDays {
			return "", fmt.Sprintf("The first reminder can come 0 to %d days before a session is due; I couldn't read %s as that.", supervision.MaxLeadDays, quotedTyped(arg))
		}
		p.LeadDays = n
		if n == 0 {
			p.LeadDays = supervision.NoLeadDays
			return "Your first reminder comes on the day a session is due.", ""
		}
		return fmt.Sprintf("Your first reminder comes %d day%s before a session is due.", n, plural(n)), ""
	case words[0] == "at" || words[0] == "time":
		a, err := supervision.ParseSetup("time=" + strings.ReplaceAll(arg, " ", ""))
		if err != nil || a.ReminderTime == "" {
			return "", fmt.Sprintf("I couldn't read %s as a time of day. Try 09:30, 14:00 or 9am.", quotedTyped(arg))
		}
		if (a.ReminderTime < fmt.Sprintf("%02d:00", supDayStart) || a.ReminderTime > fmt.Sprintf("%02d:00", supDayEnd)) && !anyway {
			return "", fmt.Sprintf("%s is outside the working day (%02d:00 to %02d:00), so I won't send reminders then unless you say so: add \"anyway\", like \"at %s anyway\".",
				a.ReminderTime, supDayStart, supDayEnd, a.ReminderTime)
		}
		p.ReminderTime = a.ReminderTime
		return "Reminders come at " + a.ReminderTime + ".", ""
	case words[0] == "on" || words[0] == "day":
		d, ok := supervision.ParseWeekday(arg)
		if !ok {
			return "", fmt.Sprintf("I couldn't read %s as a day. Days are monday to sunday, or mon, tue, wed, thu, fri, sat, sun.", quotedTyped(arg))
		}
		if (d == time.Saturday || d == time.Sunday) && !anyway {
			return "", fmt.Sprintf("%s is a weekend day, so I won't send reminders then unless you say so: add \"anyway\", like \"on %s anyway\".", d, strings.ToLower(d.String()))
		}
		p.ReminderDay = d
		return "Reminders while a session is overdue come on " + d.String() + "s.", ""
	}
	if named := supRemindNamed(words); named != nil {
		return supRemindChange(p, named, anyway)
	}
	return "", fmt.Sprintf("I don't know the reminder setting %s.", quotedTyped(strings.Join(words, " ")))
}

// supRemindCadence reports whether words ask for reminders at a gap of
// their own ("every 2 weeks", "fortnightly", "every other week"), which
// personal reminders do not have: they follow the due date.
func supRemindCadence(words []string) bool {
	all := strings.Join(words, " ")
	for _, w := range []string{"fortnight", "biweekly", "bi-weekly", "every other week", "every second week", "every month", "monthly", "weekly"} {
		if strings.Contains(all, w) {
			return true
		}
	}
	return words[0] == "every" && (len(words) == 2 && words[1] == "week" || len(words) >= 3 && strings.HasPrefix(words[2], "week"))
}

// supRemindHow says how a person's reminders come, to one who asked for a
// gap they cannot have, and what they can change instead.
func supRemindHow(req Request, p supervision.Profile) string {
	first := ""
	if n := p.Lead(); n > 0 {
		first = fmt.Sprintf("%d day%s before it, ", n, plural(n))
	}
	day := p.ReminderDay
	if day < time.Sunday || day > time.Saturday {
		day = time.Monday
	}
	return fmt.Sprintf("Your reminders follow the date your next session is due, not a gap of their own: %son the day, then every week while it is overdue, on %ss. They can't come every 2 weeks, but you can put the next one off with %s, or choose the weekday with %s. Nothing was changed.",
		first, day, req.Invocation("supervision", "snooze 14"), req.Invocation("supervision", "remind on friday"))
}

// supRemindNamed reads a setting typed without its word: a time ("9am",
// "14:30"), a weekday ("fridays", "every friday") or days ahead ("5 days before"), as the
// setting it is; nil for anything else.
func supRemindNamed(words []string) []string {
	if len(words) > 1 && (words[0] == "every" || words[0] == "each") {
		words = words[1:] // "every friday"
	}
	if weeks := supRemindWeeks(words); weeks > 0 {
		return []string{"days-before", strconv.Itoa(7 * weeks)}
	}
	all := strings.Join(words, " ")
	for _, day := range []string{all, strings.TrimSuffix(all, "s")} {
		if _, ok := supervision.ParseWeekday(day); ok {
			return []string{"on", day}
		}
	}
	if strings.ContainsAny(all, ":.") || strings.HasSuffix(all, "am") || strings.HasSuffix(all, "pm") {
		if a, err := supervision.ParseSetup("time=" + strings.ReplaceAll(all, " ", "")); err == nil && a.ReminderTime != "" {
			return append([]string{"at"}, words...)
		}
	}
	if len(words) >= 2 && (words[1] == "days" || words[1] == "day") && (len(words) == 2 || len(words) == 3 && words[2] == "before") {
		if _, err := strconv.Atoi(words[0]); err == nil {
			return []string{"days-before", words[0]}
		}
	}
	return nil
}

// supRemindWeeks reads days ahead said in weeks, "a week before" or "2
// weeks before", as the number of weeks; 0 for anything else.
func supRemindWeeks(words []string) int {
	if len(words) < 2 || len(words) > 3 || len(words) == 3 && words[2] != "before" {
		return 0
	}
	if words[1] != "week" && words[1] != "weeks" {
		return 0
	}
	switch words[0] {
	case "a", "one", "1":
		return 1
	case "two", "2":
		return 2
	}
	return 0
}

func plural(n int) string {
	if n == 1 {
		return ""
	}
	return "s"
}

// remindShow tells a person their reminder settings and when the next
// reminder comes, after said: what a change just did, "" when nothing
// changed.
func (h *Supervision) remindShow(ctx context.Context, req Request, p supervision.Profile, said string) (Reply, error) {
	rec, err := h.record(ctx, p)
	if err != nil {
		return Reply{}, err
	}
	on := "off"
	if p.Reminders {
		on = "on"
	}
	day := p.ReminderDay.String()
	clock := p.ReminderTime
	if clock == "" {
		clock = supervision.DefaultReminderTime
	}
	// A change plans the reminder again from the rule once this reply is
	// drawn (Reschedule), so what is queued now is the plan from before it.
	var next string
	switch {
	case !p.Reminders && said == supRemindOff: // just turned off: said once
	case !p.Reminders && said != "":
		next = "Reminders are off, so none is planned."
	case !p.Reminders:
		next = supRemindOff
	case said != "":
		next = "Next reminder: " + h.nextReminder(rec)
	default:
		next = "Next reminder: " + h.queuedReminder(ctx, rec)
	}
	text := strings.TrimSpace(said + " " + next)
	return Reply{
		Text: text,
		Sections: []Section{{Fields: []Field{
			{Label: "Reminders", Value: on},
			{Label: "First reminder", Value: supLeadText(p.Lead())},
			{Label: "Time", Value: clock + " (" + rec.loc.String() + ")"},
			{Label: "While overdue", Value: "Every " + day},
		}}},
		Note: "To change them: " + supRemindHowTo(req),
	}, nil
}

func supLeadText(n int) string {
	if n == 0 {
		return "On the due day"
	}
	return fmt.Sprintf("%d day%s before the due day", n, plural(n))
}

// queuedReminder says when the next reminder goes out: the rule's (the
// one the engine follows), unless the queued one was snoozed, or skipped
// on to a later time. A queued one earlier than the rule's is stale (the
// record changed and it is being planned again): the engine would not
// send it.
func (h *Supervision) queuedReminder(ctx context.Context, rec supRecord) string {
	now := h.now()
	if h.reminders != nil && rec.profile.Reminders {
		ruleAt, ruleOK := supervision.NextReminder(*rec.profile, rec.status, rec.leaves, now)
		at, snoozed, ok, err := h.reminders.Next(ctx, rec.profile.UserID)
		if err == nil && ok && at.After(now) && (snoozed || (ruleOK && at.After(ruleAt))) {
			at = at.In(rec.loc)
			why := "you skipped the one before"
			if snoozed {
				why = "you snoozed it"
			}
			return fmt.Sprintf("%s at %s (%s), by direct message: %s.", supDate(at), at.Format("15:04"), rec.loc, why)
		}
	}
	return h.nextReminder(rec)
}

// supNoProfileReminders answers a person with no profile who asks about
// their reminders: there are none until they set one up.
const supNoProfileReminders = "Reminders follow your supervision profile, and you haven't set one up yet."

// snooze puts off a person's next reminder by some days, to their
// reminder time that day.
func (h *Supervision) snooze(ctx context.Context, req Request) (Reply, error) {
	howTo := "For example: " + req.Invocation("supervision", "snooze 7") + " puts it off a week."
	days, ok := snoozeDays(req.Args)
	if !ok || days < supSnoozeMin || days > supSnoozeMax {
		return Say(fmt.Sprintf("You can snooze your reminder for %d to %d days. %s", supSnoozeMin, supSnoozeMax, howTo)), nil
	}
	p, ok, err := h.profiles.Profile(ctx, req.UserID)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: reading profile: %w", err)
	}
	if !ok {
		return h.noProfile(req, supNoProfileReminders), nil
	}
	if !p.Reminders {
		return Say("Your reminders are off, so there is nothing to snooze. To turn them on: " + req.Invocation("supervision", "remind on")), nil
	}
	if h.reminders == nil {
		return Reply{}, fmt.Errorf("supervision: snooze: %w", ErrUnavailable)
	}
	loc := h.location(p)
	clock := p.ReminderTime
	if clock == "" {
		clock = supervision.DefaultReminderTime
	}
	t, _ := time.ParseInLocation("15:04", clock, loc)
	day := h.now().In(loc).AddDate(0, 0, days)
	until := time.Date(day.Year(), day.Month(), day.Day(), t.Hour(), t.Minute(), 0, 0, loc)
	// A snooze puts a reminder off, never forward: one already later stays.
	if at, _, ok, err := h.reminders.Next(ctx, req.UserID); err != nil {
		return Reply{}, fmt.Errorf("supervision: snooze: %w", err)
	} else if ok && !at.Before(until) {
		at = at.In(loc)
		return Say(fmt.Sprintf("Your next reminder already comes later than that, on %s at %s (%s), so I've left it there.", supDate(at), at.Format("15:04"), loc)), nil
	}
	err = h.reminders.Snooze(ctx, req.UserID, until)
	if errors.Is(err, ErrNoReminder) {
		if _, planned, rerr := h.reminders.Remind(ctx, req.UserID); rerr != nil {
			return Reply{}, fmt.Errorf("supervision: snooze: %w", rerr)
		} else if !planned {
			return Say("You have no reminder planned just now, so there is nothing to snooze."), nil
		}
		err = h.reminders.Snooze(ctx, req.UserID, until)
	}
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: snooze: %w", err)
	}
	return Reply{Text: fmt.Sprintf("Snoozed. I'll remind you on %s at %s (%s).", supDate(until), until.Format("15:04"), loc),
		Replace: true, RefreshHome: []string{req.UserID}}, nil
}

// skip drops a person's next reminder.
func (h *Supervision) skip(ctx context.Context, req Request) (Reply, error) {
	if h.reminders == nil {
		return Reply{}, fmt.Errorf("supervision: skip: %w", ErrUnavailable)
	}
	err := h.reminders.Skip(ctx, req.UserID)
	if errors.Is(err, ErrNoReminder) {
		return Reply{Text: "You have no reminder planned just now, so there is nothing to skip.", Replace: true}, nil
	}
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: skip: %w", err)
	}
	text := "Skipped. No other reminder is planned just now."
	if at, _, ok, err := h.reminders.Next(ctx, req.UserID); err == nil && ok {
		text = "Skipped."
		p, _, _ := h.profiles.Profile(ctx, req.UserID)
		loc := h.location(p)
		text += fmt.Sprintf(" Your next reminder comes on %s at %s (%s).", supDate(at.In(loc)), at.In(loc).Format("15:04"), loc)
	}
	return Reply{Text: text, Replace: true, RefreshHome: []string{req.UserID}}, nil
}

// replan marks a reply that changed a person's record so the bot plans
// their reminders again: everyone whose App Home it redraws.
func replan(f HandlerFunc) HandlerFunc {
	return func(ctx context.Context, req Request) (Reply, error) {
		r, err := f(ctx, req)
		if err == nil {
			r.Reschedule = append(r.Reschedule, r.RefreshHome...)
		}
		return r, err
	}
}

// replanForm is replan for a form.
func replanForm(f FormFunc) FormFunc {
	return func(ctx context.Context, sub Submission) (FormResult, error) {
		res, err := f(ctx, sub)
		if err == nil {
			res.Reply.Reschedule = append(res.Reply.Reschedule, res.Reply.RefreshHome...)
		}
		return res, err
	}
}

// snoozeDays reads how long to snooze as people say it: "7", "7 days",
// "7d", "a week", "2 weeks", "a fortnight", "a day", "tomorrow".
func snoozeDays(args string) (int, bool) {
	words := strings.Fields(strings.ToLower(args))
	if len(words) > 0 && words[0] == "for" {
		words = words[1:]
	}
	switch strings.Join(words, " ") {
	case "a day", "one day", "day", "tomorrow", "until tomorrow":
		return 1, true
	case "a week", "one week", "week", "a wk":
		return 7, true
	case "a fortnight", "fortnight", "two weeks":
		return 14, true
	}
	if len(words) == 1 {
		if n, unit, found := strings.Cut(words[0], "d"); found && (unit == "" || unit == "ays" || unit == "ay") {
			words = []string{n, "days"}
		} else if n, unit, found := strings.Cut(words[0], "w"); found && (unit == "" || unit == "k" || unit == "ks" || unit == "eeks" || unit == "eek") {
			words = []string{n, "weeks"}
		}
	}
	if len(words) == 0 || len(words) > 2 {
		return 0, false
	}
	n, err := strconv.Atoi(words[0])
	if err != nil {
		return 0, false
	}
	if len(words) == 1 {
		return n, true
	}
	switch words[1] {
	case "day", "days":
		return n, true
	case "week", "weeks", "wk", "wks":
		return 7 * n, true
	}
	return 0, false
}
