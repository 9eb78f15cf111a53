package handlers

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/peerbot/peerbot/supervision"
)

// SupervisionOptions is what the /supervision handler needs.
type SupervisionOptions struct {
	Profiles  Profiles
	Sessions  Sessions
	Standards *supervision.Standards // DefaultStandards when nil
	// Source gives each person's standard with the admins' overrides;
	// Standards as shipped when nil. Standards still gives the notes.
	Source    StandardsSource
	Directory Directory        // where time zones come from; DefaultZone for everyone when nil
	Now       func() time.Time // time.Now when nil
	// DefaultZone is the time zone of a person whose zone is not known;
	// Europe/London when nil.
	DefaultZone *time.Location
	// Reminders is the reminder engine, for snoozing and skipping; nil
	// where there is none (those commands then say so).
	Reminders Reminders
	// RetentionMonths is how long sessions are kept: the daily retention
	// job removes those dated earlier, so a log of one is refused. 0 for
	// no limit.
	RetentionMonths int
}

// Supervision answers /supervision and its subcommands, takes the setup, log
// and leave forms, and draws the App Home. A person sees only their own
// record; a supervisor sees the dates and types of their supervisees'
// sessions, nothing more. Nothing a person types is kept except dates, types,
// minutes, people and profile settings; text holding an NHS number is
// refused. It is safe for concurrent use.
type Supervision struct {
	profiles  Profiles
	sessions  Sessions
	standards *supervision.Standards
	source    StandardsSource
	dir       Directory
	now       func() time.Time
	zone      *time.Location
	reminders Reminders
	retention int // months sessions are kept; 0 for no limit
}

// NewSupervision returns the /supervision handler.
func NewSupervision(o SupervisionOptions) *Supervision {
	h := &Supervision{
		profiles:  o.Profiles,
		sessions:  o.Sessions,
		standards: o.Standards,
		source:    o.Source,
		dir:       o.Directory,
		now:       o.Now,
		zone:      o.DefaultZone,
		reminders: o.Reminders,
		retention: o.RetentionMonths,
	}
	if h.standards == nil {
		h.standards = supervision.DefaultStandards()
	}
	if h.source == nil {
		h.source = ShippedStandards(h.standards)
	}
	if h.now == nil {
		h.now = time.Now
	}
	if h.zone == nil {
		if loc, err := supervision.LoadZone("Europe/London"); err == nil {
			h.zone = loc
		} else {
			h.zone = time.UTC
		}
	}
	return h
}

// shipped is the shipped standards in force: the source's own when it can
// say (a reload may have swapped them), else those the handler was given.
func (h *Supervision) shipped() *supervision.Standards {
	if src, ok := h.source.(interface{ Shipped() *supervision.Standards }); ok {
		if s := src.Shipped(); s != nil {
			return s
		}
	}
	return h.standards
}

// Command is the /supervision entry of the command table: a short table of
// its subcommands, one file each (supervision_<name>.go). The bot's router
// does their help, "did you mean" and the NHS-number guard.
func (h *Supervision) Command() Command {
	return Command{
		Name:        "supervision",
		Aliases:     []string{"sup"},
		Description: "Keep your supervision on track: see when it's due, log sessions with your supervisor, and check the standard for your role.",
		Guard:       supGuard,
		// Alone, it shows the person's status.
		ReadOnlyAlone: true,
		Run:           h.status,
		Subcommands: append([]Command{
			{Name: "status", Aliases: []string{"me", "mine", "due"}, NoArgs: true, ReadOnly: true,
				Description: "When your next session is due, and the standard for your role.", Examples: []string{""}, Run: h.status},
			{Name: "log", Aliases: []string{"add", "record", "logged"}, Usage: "[date] [type] [with @person] [minutes]",
				Description: "Log a supervision session. With a person named, I ask them to confirm it.",
				Examples:    []string{"yesterday clinical 60", "today group 90", "12 Nov peer", ""}, More: supLogMore(), Run: replan(h.log)},
			{Name: "history", Aliases: []string{"logs", "list", "past"}, Usage: "[how many]", ReadOnly: true,
				Description: "Your last sessions, newest first (10 unless you say; at most 50).", Examples: []string{"", "20"}, Run: h.history},
			{Name: "setup", Aliases: []string{"set", "settings", "profile", "set-up"}, Usage: "[key=value ...]",
				Description: "Set your role, PCN, locality, supervisor and reminders.",
				Examples:    []string{"role=splw pcn=Central locality=gateshead", "reminders=on day=monday time=09:30", ""}, More: supSetupMore(), Run: replan(h.setup)},
			{Name: "leave", Aliases: []string{"pause", "away", "holiday"}, Usage: "<first day> <last day> | cancel <a day of it>", ReadOnlyAlone: true,
				Description: "Pause the clock while you're on leave: your next due date moves on and no reminders go out. Alone, it lists your leave; cancel takes one back.",
				Examples:    []string{"1 Dec 12 Dec", "7-11 Dec", "until 18 Dec", "2026-12-01 2026-12-12", "cancel 1 Dec"},
				More:        "Leave typed without a year is this year's while it is to come, going on or ended in the last three months, else next year's. To mean the other, give the year, such as 8 Dec 2027 to 19 Dec 2027.",
				Run:         replan(h.leave)},
			{Name: "back", Aliases: []string{"returned"}, Usage: "[the day you're back]",
				Description: "Back from leave early: your leave ends the day before, so the days you were away still count as leave.",
				Examples:    []string{"", "14 Dec"}, Run: replan(h.backFromLeave)},
			{Name: "cancel", Hidden: true, Usage: "leave <a day of it>",
				Description: "Takes back leave, as leave cancel does.", Run: replan(h.cancelWhat)},
			{Name: "undo", Aliases: []string{"delete", "remove"},
				Description: "Take back the last session you logged, within a day of logging it.", Examples: []string{""}, Run: replan(h.undo)},
			{Name: "team", Aliases: []string{"supervisees", "my-team"}, ReadOnly: true,
				Description: "For supervisors: how the people you supervise are doing (dates and types only).", Examples: []string{""}, Run: h.teamReply},
			{Name: "standards", Aliases: []string{"standard", "guidance", "how-often"}, Usage: "[role]", ReadOnly: true,
				Description: "How much supervision each role should have, and who is suited to give it.",
				Examples:    []string{"", "coach", "SPLW"}, Run: h.standardsReply},
			// Buttons run these with our own ids, which are not a person's
			// text, so the guard lets them through.
			{Name: "confirm", Usage: "[all | a date | @person]", ReadOnlyAlone: true, Examples: []string{"", "all", "30 Nov", "yesterday with @name"},
				Description: "Lists the sessions someone logged with you, or for you, that wait for your answer, with buttons to confirm them. Typed, all confirms every one, and a date, type or person confirms the one it picks.", Run: replan(h.confirm)},
			{Name: "again", Hidden: true, Usage: "<nonce> <log arguments>", Description: "Log a session although one of that type was logged that day.", Run: replan(h.logAgain)},
			{Name: "dispute", Hidden: true, Usage: "<person> <session> [reason]", Description: "Say a session someone logged with you isn't right.", NHSRefusal: supDisputeNHS, Run: replan(h.dispute)},
			// A "yes" or "that's not right" typed in a direct message runs this.
			{Name: "yes-no", Hidden: true, ReadOnly: true, Description: "Shows what a typed yes or no may answer.", Run: h.yesNo},
		}, h.remindCommands()...),
	}
}

// Forms are the forms /supervision opens, by ID.
func (h *Supervision) Forms() map[string]FormFunc {
	return map[string]FormFunc{
		supSetupForm:   replanForm(h.submitSetup),
		supLogForm:     replanForm(h.submitLog),
		supLeaveForm:   replanForm(h.submitLeave),
		supDisputeForm: replanForm(h.submitDispute),
	}
}

// The IDs of the forms /supervision opens.
const (
	supSetupForm   = "supervision.setup"
	supLogForm     = "supervision.log"
	supLeaveForm   = "supervision.leave"
	supDisputeForm = "supervision.dispute"
)

// supNHSNumber is the answer to any text that holds an NHS number.
const supNHSNumber = "That looks like an NHS number. I don't keep patient details, so I haven't saved anything. Please leave it out."

// supGuard refuses text holding an NHS number before anything reads it,
// the router's own replies included: an unknown word is never echoed back.
func supGuard(args string) string {
	if supervision.ContainsNHSNumber(args) {
		return supNHSNumber
	}
	// "status @ann", or "@ann" alone: a supervisor asking after someone.
	word, rest, _ := strings.Cut(strings.TrimSpace(args), " ")
	switch strings.ToLower(word) {
	case "status", "me", "mine", "due":
	default:
		word, rest = "", args
	}
	if f := strings.Fields(rest); len(f) == 1 && strings.ContainsAny(f[0], "@<") && supUserID(f[0]) != "" {
		return "I can only show you your own status. To see how the people you supervise are doing, use the team view: supervision team."
	}
	return ""
}

// supRecord is what a person's status is worked out from.
type supRecord struct {
	profile  *supervision.Profile  // points into the profiles it was worked out from
	standard *supervision.Standard // shared by everyone who follows it
	leaves   []supervision.Leave
	status   supervision.Status
	loc      *time.Location
	now      time.Time // when the status was worked out
}

// record works out a person's status from the summary of their record,
// with its sessions in full to show them.
func (h *Supervision) record(ctx context.Context, p supervision.Profile) (supRecord, error) {
	sum, err := h.sessions.Summary(ctx, p.UserID)
	if err != nil {
		return supRecord{}, fmt.Errorf("supervision: reading status: %w", err)
	}
	recs, err := h.records(ctx, []supervision.Profile{p}, []supervision.Summary{sum})
	if err != nil {
		return supRecord{}, err
	}
	return recs[0], nil
}

// records works out each person's status from their summary; the records
// point into ps.
func (h *Supervision) records(ctx context.Context, ps []supervision.Profile, sums []supervision.Summary) ([]supRecord, error) {
	out := make([]supRecord, 0, len(ps))
	err := h.eachRecord(ctx, ps, sums, nil, func(rec *supRecord) { out = append(out, *rec) })
	return out, err
}

// eachRecord works out each person's status from their summary, in
// order, and hands it to f, which may keep it (it points into ps) but
// not rec itself: one record is reused for them all. With buf, each
// status is worked out in buf's memory, and f may keep none of it.
// Standards come from the source, overrides included.
func (h *Supervision) eachRecord(ctx context.Context, ps []supervision.Profile, sums []supervision.Summary, buf *supervision.Statuses, f func(rec *supRecord)) error {
	now := h.now()
	var rec supRecord
	type where struct {
		role     supervision.Role
		locality string
	}
	stds := map[where]*supervision.Standard{} // a team shares a few standards
	for i := range ps {
		p := &ps[i]
		std, ok := stds[where{p.Role, p.Locality}]
		if !ok {
			s, err := h.source.For(ctx, p.Role, p.Locality)
			if err != nil {
				return fmt.Errorf("supervision: reading standards: %w", err)
			}
			std = &s
			stds[where{p.Role, p.Locality}] = std
		}
		loc := h.location(*p)
		rec = supRecord{profile: p, loc: loc, standard: std, leaves: sums[i].Leaves, now: now}
		if buf != nil {
			rec.status = buf.Of(sums[i], *std, now.In(loc))
		} else {
			rec.status = sums[i].Status(*std, now.In(loc))
		}
		f(&rec)
	}
	return nil
}

// noProfile guides a person with no profile to set one up.
func (h *Supervision) noProfile(req Request, why string) Reply {
	return Reply{
		Text: why + fmt.Sprintf(" Press Set up, or type it, for example:\n%s",
			req.Invocation("supervision", "setup role=splw pcn=Central locality=gateshead supervisor=@name")),
		Buttons: []Button{{Label: "Set up", Command: "supervision", Args: "setup", Primary: true}},
	}
}

// supRefusal turns a parse error into a kind reply. Anything but a
// person's mistake is returned as a fault.
func supRefusal(err error, howTo string) (Reply, error) {
	if errors.Is(err, supervision.ErrNHSNumber) {
		return Say(supNHSNumber), nil
	}
	var ie *supervision.InputError
	if errors.As(err, &ie) {
		return Say(typedQuotes(ie.Message) + "\n" + howTo), nil
	}
	return Reply{}, fmt.Errorf("supervision: %w", err)
}

// supFieldError puts a parse error's kind words under a form field.
func supFieldError(errs map[string]string, field string, err error) {
	var ie *supervision.InputError
	switch {
	case errors.Is(err, supervision.ErrNHSNumber):
		errs[field] = supNHSNumber
	case errors.As(err, &ie):
		errs[field] = ie.Message
	default:
		errs[field] = "I couldn't read that. Please check it and try again."
	}
}

// supFormField picks the form field an input error is about: its own
// Field when the form has one of that name, else the first.
func supFormField(field string, fields ...string) string {
	if slices.Contains(fields, field) {
		return field
	}
	return fields[0]
}

// supNHSField names the first of the fields whose value holds an NHS
// number, or "".
func supNHSField(values map[string]string, fields ...string) string {
	for _, f := range fields {
		if supervision.ContainsNHSNumber(values[f]) {
			return f
		}
	}
	for f, v := range values {
		if supervision.ContainsNHSNumber(v) {
			return supFormField(f, fields...)
		}
	}
	return ""
}

// location is a person's time zone: their profile's, else the default.
func (h *Supervision) location(p supervision.Profile) *time.Location {
	if p.TimeZone != "" {
		if loc, err := supervision.LoadZone(p.TimeZone); err == nil {
			return loc
		}
	}
	return h.zone
}

// zoneName asks the directory for a person's time zone, falling back to the
// default when it cannot say.
func (h *Supervision) zoneName(ctx context.Context, userID string) string {
	if h.dir != nil {
		if z, err := h.dir.TimeZone(ctx, userID); err == nil && z != "" {
			if _, err := supervision.LoadZone(z); err == nil {
				return z
			}
		}
	}
	return h.zone.String()
}
