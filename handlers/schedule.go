package handlers

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/peerbot/peerbot/internal/text"
	"github.com/peerbot/peerbot/supervision"
)

// Schedules are the admins' channel schedules, kept and sent by the
// reminder engine. Errors wrap ErrUnavailable when it cannot be reached.
type Schedules interface {
	// AddSchedule creates or replaces the schedule id: r posted to channel
	// on a cron spec. It returns when it first falls; a spec that cannot
	// be read is a *BadSpecError.
	AddSchedule(ctx context.Context, id, channel, spec string, r Reply) (time.Time, error)
	// Schedules returns every channel schedule, soonest first.
	Schedules(ctx context.Context) ([]ChannelSchedule, error)
	// PauseSchedule, ResumeSchedule and RemoveSchedule act on one
	// schedule; ErrNoSchedule when there is none with that id.
	PauseSchedule(ctx context.Context, id string) error
	ResumeSchedule(ctx context.Context, id string) error
	RemoveSchedule(ctx context.Context, id string) error
	// Upcoming returns the next n times spec falls after now, in its zone;
	// a *BadSpecError when it cannot be read.
	Upcoming(spec string, now time.Time, n int) ([]time.Time, error)
}

// ChannelSchedule is one admin's schedule as listed.
type ChannelSchedule struct {
	ID      string
	Channel string // channel id, "C123"
	Spec    string // the cron spec, as typed
	Text    string // what is posted, as reply Markdown with the typed words marked (see schedulePostText)
	Next    time.Time
	Paused  bool
}

// ErrNoSchedule says there is no channel schedule with that id.
var ErrNoSchedule = errors.New("no such schedule")

// BadSpecError says why a cron spec cannot be read, in words fit to show
// the admin who typed it.
type BadSpecError struct{ Reason string }

func (e *BadSpecError) Error() string { return "that schedule cannot be read: " + e.Reason }

// scheduleTextMax is the most characters a scheduled post may have.
const scheduleTextMax = 2000

// scheduleExample is a whole "schedule add" that works; scheduleCronExample
// is one with a cron spec.
const (
	scheduleExample     = `add every Monday at 10:00 #peer-support The peer support network meets at 10:00 today.`
	scheduleCronExample = `add "CRON_TZ=Europe/London 0 10 * * MON" #peer-support The peer support network meets at 10:00 today.`
)

// ChannelSchedules answers /peer schedule: admins' posts to channels on a
// cron schedule. It is safe for concurrent use.
type ChannelSchedules struct {
	s   Schedules
	now func() time.Time
}

// NewChannelSchedules returns the /peer schedule handler; now is time.Now
// when nil.
func NewChannelSchedules(s Schedules, now func() time.Time) *ChannelSchedules {
	if now == nil {
		now = time.Now
	}
	return &ChannelSchedules{s: s, now: now}
}

// Command is the schedule entry of the command table, for admins only.
func (h *ChannelSchedules) Command() Command {
	return Command{
		Name:        "schedule",
		Aliases:     []string{"schedules"},
		Description: "For admins: post a message in a channel on a schedule, such as the network meeting.",
		AdminOnly:   true,
		Guard:       supGuard,
		Run:         h.list,
		Subcommands: []Command{
			{Name: "add", Aliases: []string{"new", "create"}, Usage: `<when> #channel <text>`,
				Description: "Post text in a channel on a schedule: every Monday at 10:00, every weekday at 9am, every other Monday at 10:00, on the 1st of every month at 09:30, or a cron schedule in quotes.",
				Examples:    []string{strings.TrimPrefix(scheduleExample, "add "), strings.TrimPrefix(scheduleCronExample, "add ")}, More: scheduleMore, Run: h.add},
			{Name: "list", NoArgs: true, ReadOnly: true, Description: "Every schedule, with its next three times.", Examples: []string{""}, Run: h.list},
			{Name: "remove", Aliases: []string{"delete"}, Usage: "<id>", Description: "Stop and remove a schedule.", Examples: []string{"a1b2c3"}, Run: h.remove},
			{Name: "pause", Usage: "<id>", Description: "Stop a schedule posting until you resume it.", Examples: []string{"a1b2c3"}, Run: h.pause},
			{Name: "resume", Usage: "<id>", Description: "Start a paused schedule again from its next time.", Examples: []string{"a1b2c3"}, Run: h.resume},
		},
	}
}

const scheduleMore = "Say when in words (\"every Monday at 10:00\", \"every Tue and Thu at 2pm\", \"every weekday at 9am\", \"daily at 09:30\", \"on the 1st of every month at 09:30\", \"every other Monday at 10:00\", \"fortnightly on Mondays at 10am\"), read in the bot's own time zone; or give a cron schedule in quotes. " +
	"A cron schedule has five fields: minute, hour, day of the month, month and weekday. " +
	"\"0 10 * * MON\" is 10:00 every Monday; \"30 9 1 * *\" is 09:30 on the 1st of each month. " +
	"Start it with CRON_TZ=Europe/London to read it in that time zone (the bot's own zone otherwise)."

// add reads `"<cron>" #channel <text>`.
func (h *ChannelSchedules) add(ctx context.Context, req Request) (Reply, error) {
	howTo := "For example: " + req.Invocation("schedule", scheduleExample)
	spec, rest, problem := scheduleWhen(req.Args)
	if problem != "" {
		return Say(problem + "\n" + howTo), nil
	}
	chTok, text, _ := strings.Cut(strings.TrimSpace(rest), " ")
	channel := scheduleChannel(chTok)
	switch {
	case channel == "" && strings.HasPrefix(chTok, "#"):
		// A name typed as text, not picked from Slack's list (or typed
		// at the console), reaches the bot without the channel's id.
		return Say(fmt.Sprintf("I can't tell which channel %s is from its name alone. Type # and pick the channel from the list, so Slack sends me which one it is, or give its id, such as C0123ABCD (in the channel's details).\n%s",
			AsTyped(chTok), howTo)), nil
	case channel == "":
		return Say(scheduleNoChannel + "\n" + howTo), nil
	}
	text = strings.TrimSpace(text)
	switch {
	case text == "":
		return Say("Add the text to post after the channel.\n" + howTo), nil
	case utf8.RuneCountInString(text) > scheduleTextMax:
		return Say(fmt.Sprintf("That text is longer than %d characters. Please shorten it.", scheduleTextMax)), nil
	case supervision.ContainsNHSNumber(text):
		return Say(supNHSNumber), nil
	}
	spec, err := h.scheduleAnchor(spec)
	if err != nil {
		return scheduleRefusal(err, req)
	}
	times, err := h.s.Upcoming(spec, h.now(), 3)
	if err != nil {
		return scheduleRefusal(err, req)
	}
	id := scheduleID()
	shown := schedulePostText(text)
	post := Reply{Sections: []Section{{Text: shown}}}
	if _, err := h.s.AddSchedule(ctx, id, channel, spec, post); err != nil {
		return scheduleRefusal(err, req)
	}
	return Reply{
		Text: fmt.Sprintf("Scheduled **%s**: it posts in channel %s %s. Next: %s.\nThe bot must be in that channel: if it is not, invite it there.",
			id, channel, scheduleShown(spec), scheduleTimes(times)),
		Sections: []Section{{Heading: "It posts", Text: shown}},
		Note:     "Pause it with " + req.Invocation("schedule", "pause "+id) + ", or remove it with " + req.Invocation("schedule", "remove "+id) + ".",
	}, nil
}

// scheduleWhen reads when a schedule posts, at the start of args: words
// ("every Monday at 10:00"), quoted or not, or a cron spec in quotes. It
// returns the cron spec and the rest of args, or a kind problem.
func scheduleWhen(args string) (spec, rest, problem string) {
	quoted, after, ok := scheduleQuoted(args)
	if ok {
		if !scheduleStartsInWords(strings.Fields(quoted)[0]) {
			return quoted, after, "" // a cron spec
		}
		args = quoted + " " + strings.TrimSpace(after)
	}
	spec, rest, matched, bad := scheduleWords(args)
	trimmed := strings.TrimSpace(args)
	switch {
	case matched && bad != "" && !scheduleNamesChannel(trimmed):
		// The words after when it posts are the text, with no channel
		// before them: say that, not that the text's first word is no time.
		return "", "", scheduleNoChannel
	case matched && bad != "":
		return "", "", fmt.Sprintf("I couldn't read that schedule: %s.", AsTyped(bad))
	case matched:
		return spec, rest, ""
	case trimmed != "" && strings.ContainsRune("0123456789*", rune(trimmed[0])): // a cron spec without quotes
		return "", "", "Put the schedule in quotes, then the channel, then the text, or say when in words, like “every Monday at 10:00”."
	}
	if when := scheduleBeforeChannel(trimmed); when != "" {
		return "", "", fmt.Sprintf("I couldn't tell when it posts from “%s”. Start with every, each, daily or on, like “every Monday at 10:00”, then the channel, then the text.", AsTyped(when))
	}
	return "", "", "Say when it posts, then the channel, then the text."
}

// scheduleNoChannel asks for the channel a schedule posts in.
const scheduleNoChannel = "After the schedule, name the channel, like #peer-support (pick it from the # list)."

// scheduleNamesChannel reports whether args name a channel anywhere, as
// an id or a # name.
func scheduleNamesChannel(args string) bool {
	for _, w := range strings.Fields(args) {
		if scheduleChannel(w) != "" || strings.HasPrefix(w, "#") || strings.HasPrefix(w, "<#") {
			return true
		}
	}
	return false
}

// scheduleBeforeChannel is the words of args before the channel, "" when
// there is no channel in it or nothing before it.
func scheduleBeforeChannel(args string) string {
	f := strings.Fields(args)
	for i, w := range f {
		if scheduleChannel(w) != "" || strings.HasPrefix(w, "#") || strings.HasPrefix(w, "<#") {
			return text.Clip(strings.Join(f[:i], " "), 60)
		}
	}
	return ""
}

// scheduleRefusal turns a bad spec into the reason and an example; other
// errors are faults.
func scheduleRefusal(err error, req Request) (Reply, error) {
	var bad *BadSpecError
	if errors.As(err, &bad) {
		return Say(fmt.Sprintf("I couldn't read that schedule: %s.\n%s\nFor example: %s",
			AsTyped(strings.TrimSuffix(bad.Reason, ".")), scheduleMore, req.Invocation("schedule", scheduleExample))), nil
	}
	return Reply{}, fmt.Errorf("schedule: %w", err)
}

// scheduleQuoted reads a leading quoted spec, in straight or curly quotes.
func scheduleQuoted(s string) (spec, rest string, ok bool) {
	s = strings.TrimSpace(s)
	for _, q := range [][2]string{{`"`, `"`}, {"“", "”"}, {"”", "”"}, {"'", "'"}} {
		if after, found := strings.CutPrefix(s, q[0]); found {
			if i := strings.Index(after, q[1]); i >= 0 {
				return strings.TrimSpace(after[:i]), after[i+len(q[1]):], strings.TrimSpace(after[:i]) != ""
			}
		}
	}
	return "", s, false
}

// scheduleChannel reads a channel as Slack escapes it, <#C123|name> or
// <#C123>, or a raw id C0123ABCD (#C0123ABCD too), as typed in the
// console; "" otherwise.
func scheduleChannel(tok string) string {
	tok = strings.TrimPrefix(tok, "#")
	if inner, ok := strings.CutPrefix(tok, "<#"); ok {
		inner, ok = strings.CutSuffix(inner, ">")
		if !ok {
			return ""
		}
		tok, _, _ = strings.Cut(inner, "|")
	}
	if len(tok) < 5 || len(tok) > 20 || (tok[0] != 'C' && tok[0] != 'G') {
		return ""
	}
	for _, r := range tok[1:] {
		if !(r >= '0' && r <= '9' || r >= 'A' && r <= 'Z') {
			return ""
		}
	}
	return tok
}

func scheduleID() string {
	var b [3]byte
	_, _ = rand.Read(b[:])
	return hex.EncodeToString(b[:])
}

// scheduleCode shows a spec as code, so nothing in it is formatted.
func scheduleCode(spec string) string { return "`" + AsTyped(strings.ReplaceAll(spec, "`", "'")) + "`" }

func scheduleTimes(times []time.Time) string {
	if len(times) == 0 {
		return "never"
	}
	parts := make([]string, len(times))
	for i, t := range times {
		parts[i] = t.Format("Mon 2 Jan 2006 15:04")
	}
	return strings.Join(parts, "; ") + " (" + times[0].Location().String() + ")"
}

func (h *ChannelSchedules) list(ctx context.Context, req Request) (Reply, error) {
	all, err := h.s.Schedules(ctx)
	if err != nil {
		return Reply{}, fmt.Errorf("schedule: %w", err)
	}
	if len(all) == 0 {
		return Say("There are no channel schedules. Add one: " + req.Invocation("schedule", scheduleExample)), nil
	}
	r := Reply{Header: "Channel schedules", Note: "Remove one with " + req.Invocation("schedule", "remove <id>") + "."}
	for _, s := range all {
		when := "Paused."
		if !s.Paused {
			times, err := h.s.Upcoming(s.Spec, h.now(), 3)
			if err != nil {
				when = "Its schedule can no longer be read."
			} else {
				when = "Next: " + scheduleTimes(times) + "."
			}
		}
		r.Sections = append(r.Sections, Section{
			Heading: s.ID,
			Text:    fmt.Sprintf("Posts in channel %s %s. %s\n%s", s.Channel, scheduleShown(s.Spec), when, s.Text),
		})
	}
	return r, nil
}

// one runs act on the schedule named in args.
func (h *ChannelSchedules) one(ctx context.Context, req Request, verb, done string, act func(context.Context, string) error) (Reply, error) {
	id := strings.ToLower(strings.TrimSpace(req.Args))
	if id == "" || strings.ContainsAny(id, " \t{}") || len(id) > 40 {
		return Say(fmt.Sprintf("Say which schedule to %s, by its id: %s. %s lists them.", verb, req.Invocation("schedule", verb+" a1b2c3"), req.Invocation("schedule", "list"))), nil
	}
	if err := act(ctx, id); errors.Is(err, ErrNoSchedule) {
		return Say(fmt.Sprintf("There is no schedule %s. %s lists them.", quotedTyped(id), req.Invocation("schedule", "list"))), nil
	} else if err != nil {
		return Reply{}, fmt.Errorf("schedule %s: %w", verb, err)
	}
	return Say(fmt.Sprintf("Schedule %s %s.", id, done)), nil
}

func (h *ChannelSchedules) remove(ctx context.Context, req Request) (Reply, error) {
	return h.one(ctx, req, "remove", "removed: it posts no more", h.s.RemoveSchedule)
}

func (h *ChannelSchedules) pause(ctx context.Context, req Request) (Reply, error) {
	return h.one(ctx, req, "pause", "paused: it posts nothing until you resume it", h.s.PauseSchedule)
}

func (h *ChannelSchedules) resume(ctx context.Context, req Request) (Reply, error) {
	return h.one(ctx, req, "resume", "resumed: it posts from its next time", h.s.ResumeSchedule)
}
