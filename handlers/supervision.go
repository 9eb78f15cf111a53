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

// SupervisionOptions is what the /supervision handler needs.
type SupervisionOptions struct {
	Profiles  Profiles
	Sessions  Sessions
	Standards *supervision.Standards // DefaultStandards when nil
	Directory Directory              // where time zones come from; DefaultZone for everyone when nil
	Now       func() time.Time       // time.Now when nil
	// DefaultZone is the time zone of a person whose zone is not known;
	// Europe/London when nil.
	DefaultZone *time.Location
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
	dir       Directory
	now       func() time.Time
	zone      *time.Location
	subs      []supSub
}

// supSub is one subcommand of /supervision: its words, its help and its
// handler. Help, examples and "did you mean" come from this table.
type supSub struct {
	name     string
	aliases  []string
	usage    string   // arguments after the name
	about    string   // one sentence: what it does
	examples []string // full argument strings that work
	more     string   // extra help, shown by "/supervision <name> help"
	hidden   bool     // run by buttons; kept out of lists
	run      func(ctx context.Context, req Request, args string) (Reply, error)
}

// NewSupervision returns the /supervision handler.
func NewSupervision(o SupervisionOptions) *Supervision {
	h := &Supervision{
		profiles:  o.Profiles,
		sessions:  o.Sessions,
		standards: o.Standards,
		dir:       o.Directory,
		now:       o.Now,
		zone:      o.DefaultZone,
	}
	if h.standards == nil {
		h.standards = supervision.DefaultStandards()
	}
	if h.now == nil {
		h.now = time.Now
	}
	if h.zone == nil {
		if loc, err := time.LoadLocation("Europe/London"); err == nil {
			h.zone = loc
		} else {
			h.zone = time.UTC
		}
	}
	h.subs = []supSub{
		{name: "status", aliases: []string{"me", "mine", "due"}, about: "When your next session is due, and the standard for your role.",
			examples: []string{""}, run: h.status},
		{name: "log", aliases: []string{"add", "record", "logged"}, usage: "[date] [type] [with @person] [minutes]",
			about:    "Log a supervision session. With a person named, I ask them to confirm it.",
			examples: []string{"log yesterday clinical 60", "log today group 90", "log 12 Nov peer", "log"},
			more: "The date can be today, yesterday, a weekday such as monday, or a date such as 12 Nov or 2026-11-12. " +
				"Types: " + supTypeList() + ". Minutes are optional: 60, 90m or 1h30. " +
				"Only dates, types, minutes and people are kept: never notes about patients.",
			run: h.log},
		{name: "history", aliases: []string{"logs", "list", "past"}, usage: "[how many]",
			about: "Your last sessions, newest first (10 unless you say; at most 50).", examples: []string{"history", "history 20"}, run: h.history},
		{name: "setup", aliases: []string{"set", "settings", "profile", "set-up"}, usage: "[key=value ...]",
			about:    "Set your role, PCN, locality, supervisor and reminders.",
			examples: []string{"setup role=splw pcn=Central locality=gateshead", "setup reminders=on day=monday time=09:30", "setup"},
			more: "Keys: role= (splw, hwbc or cc), pcn= (your Primary Care Network), locality= (" + supLocalityList() + " or other), " +
				"supervisor=@person, reminders=on or off, day= (a weekday), time= (such as 09:30). Only the keys you give change.",
			run: h.setup},
		{name: "leave", aliases: []string{"pause", "away", "holiday"}, usage: "<first day> <last day>",
			about:    "Pause the clock while you're on leave: your next due date moves on and no reminders go out.",
			examples: []string{"leave 1 Dec 12 Dec", "leave 2026-12-01 2026-12-12"}, run: h.leave},
		{name: "undo", aliases: []string{"delete", "remove"}, about: "Take back the last session you logged, within a day of logging it.",
			examples: []string{"undo"}, run: h.undo},
		{name: "team", aliases: []string{"supervisees", "my-team"}, about: "For supervisors: how the people you supervise are doing (dates and types only).",
			examples: []string{"team"}, run: h.team},
		{name: "standards", aliases: []string{"standard", "guidance", "how-often"}, usage: "[role]",
			about:    "How much supervision each role should have, and who is suited to give it.",
			examples: []string{"standards", "standards coach", "standards SPLW"}, run: h.standardsReply},
		{name: "confirm", hidden: true, usage: "<person> <session>", about: "Confirm a session someone logged with you.", run: h.confirm},
		{name: "dispute", hidden: true, usage: "<person> <session>", about: "Say a session someone logged with you isn't right.", run: h.dispute},
	}
	return h
}

// Command is the /supervision entry of the command table.
func (h *Supervision) Command() Command {
	var words, examples []string
	for _, s := range h.subs {
		if s.hidden {
			continue
		}
		words = append(words, s.name)
		if len(s.examples) > 0 {
			examples = append(examples, s.examples[0]) // the rest are in "/supervision <name> help"
		}
	}
	return Command{
		Name:        "supervision",
		Aliases:     []string{"sup"},
		Usage:       "[" + strings.Join(words, " | ") + "] ...",
		Description: "Keep your supervision on track: see when it's due, log sessions with your supervisor, and check the standard for your role.",
		Examples:    examples,
		Run:         h.Run,
	}
}

// Forms are the forms /supervision opens, by ID.
func (h *Supervision) Forms() map[string]FormFunc {
	return map[string]FormFunc{
		supSetupForm: h.submitSetup,
		supLogForm:   h.submitLog,
		supLeaveForm: h.submitLeave,
	}
}

// The IDs of the forms /supervision opens.
const (
	supSetupForm = "supervision.setup"
	supLogForm   = "supervision.log"
	supLeaveForm = "supervision.leave"
)

// supNHSNumber is the answer to any text that holds an NHS number.
const supNHSNumber = "That looks like an NHS number. I don't keep patient details, so I haven't saved anything. Please leave it out."

// Run answers /supervision [subcommand] [arguments].
func (h *Supervision) Run(ctx context.Context, req Request) (Reply, error) {
	args := strings.TrimSpace(req.Args)
	word, rest := supCut(args)
	sub := h.sub(word)
	// Buttons run confirm and dispute with our own ids, which are not a
	// person's text; everything else is checked before it is read.
	if (sub == nil || !sub.hidden) && supervision.ContainsNHSNumber(args) {
		return Say(supNHSNumber), nil
	}
	switch strings.ToLower(word) {
	case "":
		return h.status(ctx, req, "")
	case "help", "?":
		return h.help(req), nil
	}
	if sub == nil {
		return h.unknown(req, word), nil
	}
	switch strings.ToLower(rest) {
	case "help", "?", "-h", "--help":
		return h.subHelp(req, sub), nil
	}
	return sub.run(ctx, req, rest)
}

func (h *Supervision) sub(word string) *supSub {
	word = strings.ToLower(word)
	for i, s := range h.subs {
		if s.name == word || slices.Contains(s.aliases, word) {
			return &h.subs[i]
		}
	}
	return nil
}

// help lists the subcommands a person would type.
func (h *Supervision) help(req Request) Reply {
	r := Reply{
		Header: req.Invocation("supervision", ""),
		Text:   "Keep your supervision on track. Add `help` after any of these for more.",
	}
	r.Sections = append(r.Sections, Section{Text: h.subList(req)})
	return r
}

func (h *Supervision) subList(req Request) string {
	var lines []string
	for _, s := range h.subs {
		if s.hidden {
			continue
		}
		lines = append(lines, fmt.Sprintf("- **%s** %s", strings.TrimSpace(req.Invocation("supervision", s.name)+" "+s.usage), s.about))
	}
	return strings.Join(lines, "\n")
}

func (h *Supervision) subHelp(req Request, s *supSub) Reply {
	r := Reply{Header: req.Invocation("supervision", s.name), Text: s.about}
	r.Sections = append(r.Sections, Section{Heading: "Usage", Text: strings.TrimSpace(req.Invocation("supervision", s.name) + " " + s.usage)})
	if s.more != "" {
		r.Sections = append(r.Sections, Section{Text: s.more})
	}
	if len(s.examples) > 0 {
		var ex []string
		for _, e := range s.examples {
			ex = append(ex, "- "+req.Invocation("supervision", e))
		}
		r.Sections = append(r.Sections, Section{Heading: "Examples", Text: strings.Join(ex, "\n")})
	}
	return r
}

// unknown answers a subcommand that was not understood, suggesting the
// nearest when the word looks like a slip.
func (h *Supervision) unknown(req Request, word string) Reply {
	text := fmt.Sprintf("Sorry, I don't know “%s” here.", clip(word, 40))
	if s := h.suggest(word); s != nil {
		text += fmt.Sprintf(" Did you mean **%s**?", req.Invocation("supervision", s.name))
	}
	return Reply{Text: text + " You can use:", Sections: []Section{{Text: h.subList(req)}}}
}

func (h *Supervision) suggest(word string) *supSub {
	word = strings.ToLower(word)
	var best *supSub
	bestD := 3
	for i, s := range h.subs {
		if s.hidden {
			continue
		}
		for _, cand := range append([]string{s.name}, s.aliases...) {
			limit := 2
			if len(cand) <= 4 {
				limit = 1
			}
			if d := supDistance(word, cand); d <= limit && d < bestD {
				best, bestD = &h.subs[i], d
			}
		}
	}
	return best
}

// ---- status ----

// record is what a person's status is worked out from.
type supRecord struct {
	profile  supervision.Profile
	standard supervision.Standard
	sessions []supervision.Session
	leaves   []supervision.Leave
	status   supervision.Status
	loc      *time.Location
}

// record loads a person's sessions and leave and works out their status.
func (h *Supervision) record(ctx context.Context, p supervision.Profile) (supRecord, error) {
	rec := supRecord{profile: p, loc: h.location(p), standard: h.standards.For(p.Role, p.Locality)}
	var err error
	if rec.sessions, err = h.sessions.Sessions(ctx, p.UserID, 0); err != nil {
		return rec, fmt.Errorf("supervision: reading sessions: %w", err)
	}
	if rec.leaves, err = h.sessions.Leaves(ctx, p.UserID); err != nil {
		return rec, fmt.Errorf("supervision: reading leave: %w", err)
	}
	rec.status = supervision.ComputeStatus(rec.standard, rec.sessions, rec.leaves, h.now().In(rec.loc))
	return rec, nil
}

func (h *Supervision) status(ctx context.Context, req Request, args string) (Reply, error) {
	if args != "" {
		return h.unknown(req, args), nil
	}
	p, ok, err := h.profiles.Profile(ctx, req.UserID)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: reading profile: %w", err)
	}
	if !ok {
		return h.noProfile(req, "Let's start by setting up your supervision profile: your role, PCN and supervisor."), nil
	}
	rec, err := h.record(ctx, p)
	if err != nil {
		return Reply{}, err
	}
	r := Reply{
		Header:   "Your supervision",
		Text:     supSummary(rec.status, "your"),
		Sections: []Section{supStatusSection(rec)},
		Buttons: []Button{
			{Label: "Log a session", Command: "supervision", Args: "log", Primary: true},
			{Label: "History", Command: "supervision", Args: "history"},
			{Label: "Standards", Command: "supervision", Args: "standards"},
		},
	}
	r.Note = supBasisNote(rec.standard)
	return r, nil
}

// noProfile guides a person with no profile to set one up.
func (h *Supervision) noProfile(req Request, why string) Reply {
	return Reply{
		Text: why + fmt.Sprintf(" Press Set up, or type it, for example:\n%s",
			req.Invocation("supervision", "setup role=splw pcn=Central locality=gateshead supervisor=@name")),
		Buttons: []Button{{Label: "Set up", Command: "supervision", Args: "setup", Primary: true}},
	}
}

// supStatusSection shows the standard followed, the last session and when
// the next is due.
func supStatusSection(rec supRecord) Section {
	st := rec.status
	var fields []Field
	kind := st.Standard
	std := "No recommended frequency found in the sources: ask your supervisor or training hub."
	if kind.Name != "" {
		std = kind.Name
		if every := supEvery(kind.Every); every != "" {
			std += ", " + every
		} else {
			std += ": no recommended frequency found in the sources — ask your supervisor / training hub"
		}
	}
	fields = append(fields, Field{Label: "Standard", Value: std})
	last := "None logged yet"
	if s := st.Last; s != nil {
		last = supSessionLine(*s, rec.profile.UserID)
	} else if s := st.LastAny; s != nil {
		last = supSessionLine(*s, rec.profile.UserID)
	}
	fields = append(fields, Field{Label: "Last session", Value: last})
	if st.LastAny != nil && st.Last != nil && st.LastAny.ID != st.Last.ID {
		fields = append(fields, Field{Label: "Latest of any kind", Value: supSessionLine(*st.LastAny, rec.profile.UserID)})
	}
	if !st.Due.IsZero() {
		fields = append(fields, Field{Label: "Next due", Value: fmt.Sprintf("%s (%s)", supDate(st.Due), supDaysLeft(st.DaysLeft))})
	}
	fields = append(fields, Field{Label: "Status", Value: supStateWords(st)})
	if st.Awaiting > 0 {
		fields = append(fields, Field{Label: "Awaiting confirmation", Value: supCount(st.Awaiting, "session", "sessions")})
	}
	return Section{Fields: fields}
}

// supStateWords names where a person stands, in a few words.
func supStateWords(st supervision.Status) string {
	var s string
	switch st.State {
	case supervision.OnTrack:
		s = "On track"
	case supervision.DueSoon:
		s = "Due soon"
	case supervision.Overdue:
		s = "Overdue"
	case supervision.None:
		s = "Nothing logged yet that counts"
	default:
		s = "Not known: no recommended frequency found"
	}
	if st.OnLeave != nil {
		s += fmt.Sprintf("; on leave until %s", supDate(st.OnLeave.To))
	}
	return s
}

// supSummary is a person's status in one sentence; whose is "your" or
// "their".
func supSummary(st supervision.Status, whose string) string {
	kind := "session"
	if st.Standard.Name != "" {
		kind = supLowerFirst(st.Standard.Name)
	}
	var s string
	due := supDate(st.Due)
	switch st.State {
	case supervision.Overdue:
		s = fmt.Sprintf("Overdue: %s next %s was due by %s (%s).", whose, kind, due, supDaysLeft(st.DaysLeft))
	case supervision.DueSoon:
		s = fmt.Sprintf("Due soon: %s next %s is due by %s (%s).", whose, kind, due, supDaysLeft(st.DaysLeft))
	case supervision.OnTrack:
		s = fmt.Sprintf("On track: %s next %s is due by %s (%s).", whose, kind, due, supDaysLeft(st.DaysLeft))
	case supervision.None:
		s = fmt.Sprintf("No %s logged yet.", kind)
		if !st.Due.IsZero() {
			s = fmt.Sprintf("No %s logged yet: the first is due by %s (%s).", kind, due, supDaysLeft(st.DaysLeft))
		}
	default:
		s = "I can't say when the next session is due: no recommended frequency found in the sources — ask your supervisor / training hub."
	}
	if st.OnLeave != nil {
		s = fmt.Sprintf("On leave until %s, so the clock is paused. ", supDate(st.OnLeave.To)) + s
	}
	return s
}

// supSessionLine describes one session for the person whose record it is
// in: date, type, minutes, with whom and where it stands.
func supSessionLine(s supervision.Session, viewer string) string {
	parts := []string{"**" + supDate(s.Date) + "**", string(s.Type)}
	if s.Minutes > 0 {
		parts = append(parts, fmt.Sprintf("%d min", s.Minutes))
	}
	if s.WithID != "" && s.WithID != viewer {
		parts = append(parts, "with "+supMention(s.WithID))
	}
	if s.LoggedBy != "" && s.LoggedBy != s.UserID && s.LoggedBy != s.WithID {
		parts = append(parts, "logged by "+supMention(s.LoggedBy))
	}
	if c := supConfirmation(s); c != "" {
		parts = append(parts, c)
	}
	return strings.Join(parts, " · ")
}

func supConfirmation(s supervision.Session) string {
	switch s.Confirmation {
	case supervision.Confirmed:
		return "confirmed"
	case supervision.Awaiting:
		return "awaiting confirmation"
	case supervision.Disputed:
		return "disputed"
	}
	return ""
}

func supBasisNote(std supervision.Standard) string {
	if std.Basis != "" {
		return std.Basis
	}
	return supDefaultBasis
}

const supDefaultBasis = "Recommended minimum in NHS England guidance, not contractual; the Network Contract DES holds the contractual minimum."

// ---- log ----

func (h *Supervision) log(ctx context.Context, req Request, args string) (Reply, error) {
	p, ok, err := h.profiles.Profile(ctx, req.UserID)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: reading profile: %w", err)
	}
	if !ok {
		// A supervisor need not have a profile of their own to log a
		// session for someone who names them as supervisor.
		sup, isSup, err := h.supervisorOf(ctx, req.UserID, args)
		if err != nil {
			return Reply{}, err
		}
		if !isSup {
			return h.noProfile(req, "Before you log a session, please set up your supervision profile, so I know your role and the standard you follow."), nil
		}
		p = sup
	}
	loc := h.location(p)
	today := h.now().In(loc)
	if args == "" && req.Interactive && ok {
		return Reply{Form: h.logForm(p, today), Text: h.logHowTo(req)}, nil
	}
	la, err := supervision.ParseLog(args, today)
	if err != nil {
		return supRefusal(err, h.logHowTo(req))
	}
	r, ierr, err := h.logSession(ctx, req, p, la, today)
	if err != nil {
		return Reply{}, err
	}
	if ierr != nil {
		return Say(ierr.Message), nil
	}
	return r, nil
}

// supervisorOf reports whether a person with no profile of their own is
// logging for someone who names them as supervisor ("log yesterday with
// @sam"). It returns a stand-in profile for the logger, in the supervisee's
// time zone. Unreadable arguments report false: the person is then guided
// to set up, as anyone without a profile is.
func (h *Supervision) supervisorOf(ctx context.Context, me, args string) (supervision.Profile, bool, error) {
	la, err := supervision.ParseLog(args, h.now().In(h.zone))
	if err != nil || la.WithID == "" || la.WithID == me {
		return supervision.Profile{}, false, nil
	}
	other, ok, err := h.profiles.Profile(ctx, la.WithID)
	if err != nil {
		return supervision.Profile{}, false, fmt.Errorf("supervision: reading profile: %w", err)
	}
	if !ok || other.SupervisorID != me {
		return supervision.Profile{}, false, nil
	}
	return supervision.Profile{UserID: me, TimeZone: other.TimeZone}, true, nil
}

func (h *Supervision) logHowTo(req Request) string {
	return fmt.Sprintf("To log a session, type the date, the type, who it was with and the minutes, for example:\n%s\nTypes: %s.",
		req.Invocation("supervision", "log yesterday clinical with @name 60"), supTypeList())
}

// supRefusal turns a parse error into a kind reply. Anything but a
// person's mistake is returned as a fault.
func supRefusal(err error, howTo string) (Reply, error) {
	if errors.Is(err, supervision.ErrNHSNumber) {
		return Say(supNHSNumber), nil
	}
	var ie *supervision.InputError
	if errors.As(err, &ie) {
		return Say(ie.Message + "\n" + howTo), nil
	}
	return Reply{}, fmt.Errorf("supervision: %w", err)
}

// logSession saves a session logged by req.UserID. A person's mistake is
// returned as an InputError, with nothing saved.
func (h *Supervision) logSession(ctx context.Context, req Request, p supervision.Profile, la supervision.LogArgs, today time.Time) (Reply, *supervision.InputError, error) {
	me := req.UserID
	if la.WithID == me {
		return Reply{}, &supervision.InputError{Field: "with", Message: "You can't log a session with yourself. Name the other person, or leave them out."}, nil
	}
	loc := today.Location()
	s := supervision.Session{
		ID:       supervision.NewID(),
		UserID:   me,
		Date:     la.Date,
		Type:     la.Type,
		Minutes:  la.Minutes,
		LoggedBy: me,
		LoggedAt: h.now(),
	}
	if !la.DateGiven || s.Date.IsZero() {
		y, m, d := today.Date()
		s.Date = time.Date(y, m, d, 0, 0, 0, 0, loc)
	}
	owner, forSupervisee := p, false // whose record it goes in
	if la.WithID != "" {
		other, ok, err := h.profiles.Profile(ctx, la.WithID)
		if err != nil {
			return Reply{}, nil, fmt.Errorf("supervision: reading profile: %w", err)
		}
		s.Confirmation = supervision.Awaiting
		if ok && other.SupervisorID == me {
			// A supervisor logging for a supervisee: it goes in the
			// supervisee's record, dated in their zone.
			owner, forSupervisee = other, true
			s.UserID, s.WithID = la.WithID, me
			y, m, d := s.Date.Date()
			s.Date = time.Date(y, m, d, 0, 0, 0, 0, h.location(other))
		} else {
			s.WithID = la.WithID
		}
	}
	if !la.TypeGiven || s.Type == "" {
		s.Type = h.defaultType(owner)
	}
	if err := supervision.ValidateSession(s, today); err != nil {
		var ie *supervision.InputError
		if errors.As(err, &ie) {
			return Reply{}, ie, nil
		}
		return Reply{}, nil, fmt.Errorf("supervision: %w", err)
	}
	if err := h.sessions.AddSession(ctx, s); err != nil {
		return Reply{}, nil, fmt.Errorf("supervision: saving session: %w", err)
	}

	rec, err := h.record(ctx, owner)
	if err != nil {
		return Reply{}, nil, err
	}
	what := supWhat(s)
	r := Reply{Buttons: []Button{{Label: "Undo", Command: "supervision", Args: "undo"}}, RefreshHome: []string{me}}
	switch {
	case forSupervisee:
		r.Text = fmt.Sprintf("Logged for %s: %s, with you. I've asked them to confirm it.\n%s",
			supMention(s.UserID), what, supSummary(rec.status, "their"))
		r.Messages = []Message{{To: s.UserID, Reply: supAskConfirm(s,
			fmt.Sprintf("%s, your supervisor, logged a session with you: %s. Is that right? Once you confirm, it stands in your record.", supMention(me), what))}}
		r.RefreshHome = append(r.RefreshHome, s.UserID)
	case s.WithID != "":
		r.Text = fmt.Sprintf("Logged: %s, with %s. I've asked them to confirm it.\n%s",
			what, supMention(s.WithID), supSummary(rec.status, "your"))
		r.Messages = []Message{{To: s.WithID, Reply: supAskConfirm(s,
			fmt.Sprintf("%s logged a supervision session with you: %s. Is that right? Your answer lets it stand in their record.", supMention(me), what))}}
		r.RefreshHome = append(r.RefreshHome, s.WithID)
	default:
		r.Text = fmt.Sprintf("Logged: %s.\n%s", what, supSummary(rec.status, "your"))
	}
	if k := rec.status.Standard; k.Name != "" && !k.Counted(s.Type) {
		r.Text += fmt.Sprintf("\n%s %s session doesn't count toward %s.", supUpperFirst(supArticle(string(s.Type))), s.Type, supLowerFirst(k.Name))
	}
	return r, nil, nil
}

// supWhat describes a session in a phrase: "a clinical session on Fri 20 Nov
// 2026, 60 minutes".
func supWhat(s supervision.Session) string {
	w := fmt.Sprintf("%s %s session on %s", supArticle(string(s.Type)), s.Type, supDate(s.Date))
	if s.Minutes > 0 {
		w += fmt.Sprintf(", %d minutes", s.Minutes)
	}
	return w
}

// supAskConfirm is the message that asks the other person in a session to
// confirm it.
func supAskConfirm(s supervision.Session, text string) Reply {
	ref := s.UserID + " " + s.ID
	return Reply{
		Text: text,
		Buttons: []Button{
			{Label: "Confirm", Command: "supervision", Args: "confirm " + ref, Primary: true},
			{Label: "That's not right", Command: "supervision", Args: "dispute " + ref},
		},
	}
}

// defaultType is the session type of the first kind of supervision a
// person's standard names, or clinical.
func (h *Supervision) defaultType(p supervision.Profile) supervision.SessionType {
	if std := h.standards.For(p.Role, p.Locality); len(std.Kinds) > 0 && std.Kinds[0].Type != "" {
		return std.Kinds[0].Type
	}
	return supervision.Clinical
}

func (h *Supervision) logForm(p supervision.Profile, today time.Time) *Form {
	var types []Option
	for _, t := range supervision.SessionTypes {
		types = append(types, Option{Value: string(t), Label: supTypeLabel(t)})
	}
	return &Form{
		ID:     supLogForm,
		Title:  "Log a session",
		Submit: "Log it",
		Intro:  "Only dates, types, minutes and people are kept: never notes about patients.",
		Fields: []Input{
			{ID: "date", Label: "Date", Kind: DateInput, Initial: today.Format(time.DateOnly)},
			{ID: "type", Label: "Type", Kind: SelectInput, Options: types, Initial: string(h.defaultType(p))},
			{ID: "with", Label: "With", Kind: UserInput, Optional: true, Initial: p.SupervisorID,
				Hint: "I'll ask them to confirm it. Leave empty for a session with nobody to confirm."},
			{ID: "minutes", Label: "Minutes", Kind: NumberInput, Optional: true, Placeholder: "60"},
		},
	}
}

func (h *Supervision) submitLog(ctx context.Context, sub Submission) (FormResult, error) {
	if f := supNHSField(sub.Values, "date", "type", "with", "minutes"); f != "" {
		return FormResult{Errors: map[string]string{f: supNHSNumber}}, nil
	}
	p, ok, err := h.profiles.Profile(ctx, sub.UserID)
	if err != nil {
		return FormResult{}, fmt.Errorf("supervision: reading profile: %w", err)
	}
	if !ok {
		return FormResult{Errors: map[string]string{"date": "Please set up your supervision profile first: " + sub.Invocation("supervision", "setup")}}, nil
	}
	today := h.now().In(h.location(p))
	errs := map[string]string{}
	la := supervision.LogArgs{WithID: supUserID(sub.Values["with"]), DateGiven: true, TypeGiven: true}
	if la.Date, err = supervision.ParseDate(sub.Values["date"], today); err != nil {
		supFieldError(errs, "date", err)
	}
	var known bool
	if la.Type, known = supervision.ParseSessionType(sub.Values["type"]); !known {
		errs["type"] = "Please choose a type of session."
	}
	if v := strings.TrimSpace(sub.Values["minutes"]); v != "" {
		if la.Minutes, err = supervision.ParseMinutes(v); err != nil {
			supFieldError(errs, "minutes", err)
		}
	}
	if len(errs) > 0 {
		return FormResult{Errors: errs}, nil
	}
	r, ierr, err := h.logSession(ctx, sub.Request, p, la, today)
	if err != nil {
		return FormResult{}, err
	}
	if ierr != nil {
		return FormResult{Errors: map[string]string{supFormField(ierr.Field, "date", "type", "with", "minutes"): ierr.Message}}, nil
	}
	return FormResult{Reply: r}, nil
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

// ---- confirm and dispute ----

func (h *Supervision) confirm(ctx context.Context, req Request, args string) (Reply, error) {
	return h.answer(ctx, req, args, supervision.Confirmed)
}

func (h *Supervision) dispute(ctx context.Context, req Request, args string) (Reply, error) {
	return h.answer(ctx, req, args, supervision.Disputed)
}

// answer records the other person's answer to a session logged with them.
// Only that person may answer; answering the same way twice changes
// nothing.
func (h *Supervision) answer(ctx context.Context, req Request, args string, want supervision.Confirmation) (Reply, error) {
	f := strings.Fields(args)
	if len(f) != 2 {
		return Say("I need the person and the session to answer. Please use the buttons on the message that asked you."), nil
	}
	owner, id := supUserID(f[0]), f[1]
	notYours := Say("That session isn't yours to confirm.")
	if owner == "" {
		return notYours, nil
	}
	s, ok, err := h.sessions.Session(ctx, owner, id)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: reading session: %w", err)
	}
	if !ok {
		return Reply{Text: "I can't find that session any more: it may have been undone. There's nothing for you to do.", Replace: true}, nil
	}
	other := s.WithID // the supervisee logged it: their supervisor answers
	if s.LoggedBy != s.UserID {
		other = s.UserID // the supervisor logged it: the supervisee answers
	}
	if other == "" || other != req.UserID || s.Confirmation == supervision.NoConfirmation {
		return notYours, nil
	}
	what := supWhat(s)
	if s.Confirmation == want {
		if want == supervision.Confirmed {
			return Reply{Text: fmt.Sprintf("Already confirmed: %s, logged by %s.", what, supMention(s.LoggedBy)), Replace: true}, nil
		}
		return Reply{Text: fmt.Sprintf("Already marked as not right: %s, logged by %s.", what, supMention(s.LoggedBy)), Replace: true}, nil
	}
	s.Confirmation, s.AnsweredBy, s.AnsweredAt = want, req.UserID, h.now()
	if err := h.sessions.UpdateSession(ctx, s); err != nil {
		return Reply{}, fmt.Errorf("supervision: saving answer: %w", err)
	}
	r := Reply{Replace: true, RefreshHome: []string{s.UserID, s.WithID}}
	if want == supervision.Confirmed {
		r.Text = fmt.Sprintf("Thank you. You've confirmed %s, logged by %s.", what, supMention(s.LoggedBy))
		r.Messages = []Message{{To: s.LoggedBy, Reply: Say(fmt.Sprintf("%s confirmed %s.", supMention(req.UserID), what))}}
	} else {
		r.Text = fmt.Sprintf("Thank you. I've marked %s as not right, and told %s so you can sort it out together.", what, supMention(s.LoggedBy))
		r.Messages = []Message{{To: s.LoggedBy, Reply: Say(fmt.Sprintf("%s says %s isn't right. Please check the details with them; within a day of logging it you can take it back with %s and log it again.",
			supMention(req.UserID), what, req.Invocation("supervision", "undo")))}}
	}
	return r, nil
}

// ---- history ----

const (
	supHistoryDefault = 10
	supHistoryMax     = 50
)

func (h *Supervision) history(ctx context.Context, req Request, args string) (Reply, error) {
	n := supHistoryDefault
	var note string
	if args != "" {
		if supUserID(args) != "" && strings.ContainsAny(args, "@<") {
			return Say(fmt.Sprintf("I can only show you your own sessions. To see how the people you supervise are doing, try %s.", req.Invocation("supervision", "team"))), nil
		}
		v, err := strconv.Atoi(args)
		if err != nil || v < 1 {
			return Say(fmt.Sprintf("Please give a number of sessions from 1 to %d, for example %s.", supHistoryMax, req.Invocation("supervision", "history 20"))), nil
		}
		if v > supHistoryMax {
			v, note = supHistoryMax, fmt.Sprintf("I show at most %d sessions at a time.", supHistoryMax)
		}
		n = v
	}
	ss, err := h.sessions.Sessions(ctx, req.UserID, n)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: reading sessions: %w", err)
	}
	r := Reply{Header: "Your supervision history", Note: note}
	if len(ss) == 0 {
		r.Text = "You haven't logged any sessions yet."
		r.Buttons = []Button{{Label: "Log a session", Command: "supervision", Args: "log", Primary: true}}
		return r, nil
	}
	if len(ss) == 1 {
		r.Text = "Your last session. Only you can see your record."
	} else {
		r.Text = fmt.Sprintf("Your last %d sessions, newest first. Only you can see your record.", len(ss))
	}
	var lines []string
	for _, s := range ss {
		lines = append(lines, "- "+supSessionLine(s, req.UserID))
	}
	r.Sections = []Section{{Text: strings.Join(lines, "\n")}}
	r.Buttons = []Button{{Label: "Log a session", Command: "supervision", Args: "log", Primary: true}}
	if len(ss) == n && n < supHistoryMax {
		r.Buttons = append(r.Buttons, Button{Label: "Show more", Command: "supervision", Args: "history " + strconv.Itoa(min(n*2, supHistoryMax))})
	}
	return r, nil
}

// ---- undo ----

// supUndoWindow is how long after logging a session it can be taken back.
const supUndoWindow = 24 * time.Hour

func (h *Supervision) undo(ctx context.Context, req Request, args string) (Reply, error) {
	if args != "" {
		return Say(fmt.Sprintf("Undo takes back the last session you logged; it needs nothing after it. Type %s.", req.Invocation("supervision", "undo"))), nil
	}
	me := req.UserID
	// The last session I logged is in my record, or in the record of
	// someone I supervise.
	records := []string{me}
	sup, err := h.profiles.Supervisees(ctx, me)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: reading supervisees: %w", err)
	}
	records = append(records, sup...)
	var last *supervision.Session
	for _, id := range records {
		ss, err := h.sessions.Sessions(ctx, id, 0)
		if err != nil {
			return Reply{}, fmt.Errorf("supervision: reading sessions: %w", err)
		}
		for i, s := range ss {
			if s.LoggedBy == me && (last == nil || s.LoggedAt.After(last.LoggedAt)) {
				last = &ss[i]
			}
		}
	}
	if last == nil {
		return Say("There's nothing to undo: you haven't logged a session."), nil
	}
	what := supWhat(*last)
	if h.now().Sub(last.LoggedAt) > supUndoWindow {
		return Say(fmt.Sprintf("The last session you logged, %s, was logged more than a day ago, so I can't undo it. If it's wrong, please ask a network admin.", what)), nil
	}
	deleted, err := h.sessions.DeleteSession(ctx, last.UserID, last.ID)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: deleting session: %w", err)
	}
	if !deleted {
		return Say("That session has already gone: there's nothing to undo."), nil
	}
	r := Reply{Text: fmt.Sprintf("Done: I've taken back %s.", what), RefreshHome: []string{me}}
	if other := supOther(*last, me); other != "" {
		r.RefreshHome = append(r.RefreshHome, other)
		if last.Confirmation != supervision.NoConfirmation {
			r.Messages = []Message{{To: other, Reply: Say(fmt.Sprintf("%s took back the session they logged with you: %s. There's nothing for you to do.", supMention(me), what))}}
		}
	}
	return r, nil
}

// supOther is the person in a session who is not me, or "".
func supOther(s supervision.Session, me string) string {
	switch me {
	case s.UserID:
		return s.WithID
	case s.WithID:
		return s.UserID
	}
	return ""
}

// ---- leave ----

func (h *Supervision) leave(ctx context.Context, req Request, args string) (Reply, error) {
	p, ok, err := h.profiles.Profile(ctx, req.UserID)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: reading profile: %w", err)
	}
	if !ok {
		return h.noProfile(req, "Before you add leave, please set up your supervision profile."), nil
	}
	today := h.now().In(h.location(p))
	if args == "" {
		if req.Interactive {
			return Reply{Form: h.leaveForm(today), Text: h.leaveHowTo(req)}, nil
		}
		return Say(h.leaveHowTo(req)), nil
	}
	l, err := supervision.ParseLeave(args, today)
	if err != nil {
		return supRefusal(err, h.leaveHowTo(req))
	}
	return h.saveLeave(ctx, p, l)
}

func (h *Supervision) leaveHowTo(req Request) string {
	return fmt.Sprintf("To pause the clock while you're away, type the first and last day of your leave, for example:\n%s",
		req.Invocation("supervision", "leave 1 Dec 12 Dec"))
}

func (h *Supervision) saveLeave(ctx context.Context, p supervision.Profile, l supervision.Leave) (Reply, error) {
	if l.ID == "" {
		l.ID = supervision.NewID()
	}
	if err := h.sessions.AddLeave(ctx, p.UserID, l); err != nil {
		return Reply{}, fmt.Errorf("supervision: saving leave: %w", err)
	}
	rec, err := h.record(ctx, p)
	if err != nil {
		return Reply{}, err
	}
	text := fmt.Sprintf("Saved your leave: %s to %s. No reminders go out while you're away.", supDate(l.From), supDate(l.To))
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

// ---- setup ----

// supPCNMax is the longest PCN name kept.
const supPCNMax = 80

func (h *Supervision) setup(ctx context.Context, req Request, args string) (Reply, error) {
	p, ok, err := h.profiles.Profile(ctx, req.UserID)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: reading profile: %w", err)
	}
	if args == "" {
		r := Reply{Text: h.setupHowTo(req)}
		if ok {
			r.Sections = []Section{{Heading: "Your profile now", Fields: supProfileFields(p, h.location(p))}}
		}
		if req.Interactive {
			r.Form = h.setupForm(p, ok)
		}
		return r, nil
	}
	a, err := supervision.ParseSetup(args)
	if err != nil {
		return supRefusal(err, h.setupHowTo(req))
	}
	if !ok && !a.Set["role"] {
		return Say("To set up your profile, tell me your role at least (splw, hwbc or cc).\n" + h.setupHowTo(req)), nil
	}
	if !ok {
		p = h.newProfile(req.UserID)
	}
	oldSupervisor := p.SupervisorID
	if a.Set["role"] {
		p.Role = a.Role
	}
	if a.Set["pcn"] {
		p.PCN = a.PCN
	}
	if a.Set["locality"] {
		p.Locality = a.Locality
	}
	if a.Set["supervisor"] {
		p.SupervisorID = a.SupervisorID
	}
	if a.Reminders != nil {
		p.Reminders = *a.Reminders
	}
	if a.ReminderDay != nil {
		p.ReminderDay = *a.ReminderDay
	}
	if a.Set["time"] {
		p.ReminderTime = a.ReminderTime
	}
	if p.SupervisorID == req.UserID {
		return Say("You can't be your own supervisor. Please name the person who supervises you, for example supervisor=@name."), nil
	}
	if len([]rune(p.PCN)) > supPCNMax {
		return Say(fmt.Sprintf("That PCN name is longer than %d characters. Please shorten it.", supPCNMax)), nil
	}
	p, err = h.saveProfile(ctx, p)
	if err != nil {
		return Reply{}, err
	}
	r := Reply{
		Text:        "Saved your supervision profile.",
		Sections:    []Section{{Fields: supProfileFields(p, h.location(p))}},
		Buttons:     []Button{{Label: "My status", Command: "supervision", Args: "status", Primary: true}},
		RefreshHome: supRefresh(req.UserID, oldSupervisor, p.SupervisorID),
	}
	return r, nil
}

func (h *Supervision) setupHowTo(req Request) string {
	return fmt.Sprintf("Set your profile by typing the settings you want to change, for example:\n%s\n"+
		"Keys: role= (splw, hwbc or cc), pcn=, locality= (%s or other), supervisor=@name, reminders=on or off, day= (a weekday), time= (such as 09:30). Only the keys you give change.",
		req.Invocation("supervision", "setup role=splw pcn=Central locality=gateshead supervisor=@name"), supLocalityList())
}

// newProfile is a new person's profile before their settings: reminders
// on, Mondays at the default time.
func (h *Supervision) newProfile(userID string) supervision.Profile {
	return supervision.Profile{UserID: userID, Reminders: true, ReminderDay: time.Monday, ReminderTime: supervision.DefaultReminderTime, Created: h.now()}
}

// saveProfile stamps a profile with the person's time zone and the time,
// and saves it.
func (h *Supervision) saveProfile(ctx context.Context, p supervision.Profile) (supervision.Profile, error) {
	p.TimeZone = h.zoneName(ctx, p.UserID)
	p.Updated = h.now()
	if p.Created.IsZero() {
		p.Created = p.Updated
	}
	if err := h.profiles.SaveProfile(ctx, p); err != nil {
		return p, fmt.Errorf("supervision: saving profile: %w", err)
	}
	return p, nil
}

// supRefresh lists, once each, the people whose App Home shows a profile:
// the person, and their supervisors before and after.
func supRefresh(ids ...string) []string {
	var out []string
	for _, id := range ids {
		if id != "" && !slices.Contains(out, id) {
			out = append(out, id)
		}
	}
	return out
}

func (h *Supervision) setupForm(p supervision.Profile, exists bool) *Form {
	if !exists {
		p = h.newProfile(p.UserID)
	}
	var roles, localities, days []Option
	for _, r := range supervision.Roles {
		roles = append(roles, Option{Value: string(r), Label: supRoleTitle(r)})
	}
	for _, l := range supervision.Localities {
		localities = append(localities, Option{Value: l, Label: supLocalityName(l)})
	}
	localities = append(localities, Option{Value: "other", Label: "Other"})
	for _, d := range supWeekdays {
		days = append(days, Option{Value: strings.ToLower(d.String()), Label: d.String()})
	}
	locality := p.Locality
	if exists && locality == "" {
		locality = "other"
	}
	reminders := "off"
	if p.Reminders {
		reminders = "on"
	}
	return &Form{
		ID:    supSetupForm,
		Title: "Your supervision",
		Intro: "This sets the standard I track for you and when I remind you. Only you, and your supervisor, see your status.",
		Fields: []Input{
			{ID: "role", Label: "Your role", Kind: SelectInput, Options: roles, Initial: string(p.Role)},
			{ID: "pcn", Label: "Your Primary Care Network (PCN)", Kind: TextInput, Initial: p.PCN, Placeholder: "Central Gateshead PCN"},
			{ID: "locality", Label: "Locality", Kind: SelectInput, Options: localities, Initial: locality},
			{ID: "supervisor", Label: "Your supervisor", Kind: UserInput, Optional: true, Initial: p.SupervisorID,
				Hint: "They'll be asked to confirm sessions you log with them."},
			{ID: "reminders", Label: "Reminders by direct message", Kind: SelectInput, Initial: reminders,
				Options: []Option{{Value: "on", Label: "On"}, {Value: "off", Label: "Off"}}},
			{ID: "day", Label: "Reminder day", Kind: SelectInput, Options: days, Initial: strings.ToLower(p.ReminderDay.String())},
			{ID: "time", Label: "Reminder time", Kind: TimeInput, Initial: p.ReminderTime},
		},
	}
}

var supWeekdays = []time.Weekday{time.Monday, time.Tuesday, time.Wednesday, time.Thursday, time.Friday, time.Saturday, time.Sunday}

func (h *Supervision) submitSetup(ctx context.Context, sub Submission) (FormResult, error) {
	fields := []string{"role", "pcn", "locality", "supervisor", "reminders", "day", "time"}
	if f := supNHSField(sub.Values, fields...); f != "" {
		return FormResult{Errors: map[string]string{f: supNHSNumber}}, nil
	}
	v := func(k string) string { return strings.TrimSpace(sub.Values[k]) }
	errs := map[string]string{}
	role, ok := supervision.ParseRole(v("role"))
	if !ok {
		errs["role"] = "Please choose your role."
	}
	pcn := v("pcn")
	switch {
	case pcn == "":
		errs["pcn"] = "Please give the name of your Primary Care Network."
	case len([]rune(pcn)) > supPCNMax:
		errs["pcn"] = fmt.Sprintf("Please keep this to %d characters or fewer.", supPCNMax)
	}
	locality := ""
	if l := v("locality"); l != "" && !strings.EqualFold(l, "other") {
		if locality, ok = supervision.ParseLocality(l); !ok {
			errs["locality"] = "Please choose a locality, or Other."
		}
	}
	supervisor := supUserID(v("supervisor"))
	if supervisor == sub.UserID {
		errs["supervisor"] = "You can't be your own supervisor. Please choose the person who supervises you, or leave this empty."
	}
	var reminders bool
	switch strings.ToLower(v("reminders")) {
	case "on", "":
		reminders = true
	case "off":
	default:
		errs["reminders"] = "Please choose On or Off."
	}
	day, ok := supWeekday(v("day"))
	if !ok {
		errs["day"] = "Please choose a weekday."
	}
	at := v("time")
	if _, err := time.Parse("15:04", at); err != nil || len(at) != 5 {
		errs["time"] = "Please give a time like 09:30."
	}
	if len(errs) > 0 {
		return FormResult{Errors: errs}, nil
	}
	p, exists, err := h.profiles.Profile(ctx, sub.UserID)
	if err != nil {
		return FormResult{}, fmt.Errorf("supervision: reading profile: %w", err)
	}
	if !exists {
		p = h.newProfile(sub.UserID)
	}
	oldSupervisor := p.SupervisorID
	p.Role, p.PCN, p.Locality, p.SupervisorID = role, pcn, locality, supervisor
	p.Reminders, p.ReminderDay, p.ReminderTime = reminders, day, at
	if p, err = h.saveProfile(ctx, p); err != nil {
		return FormResult{}, err
	}
	return FormResult{Reply: Reply{
		Text:        "Saved your supervision profile.",
		RefreshHome: supRefresh(sub.UserID, oldSupervisor, p.SupervisorID),
	}}, nil
}

func supWeekday(s string) (time.Weekday, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	for _, d := range supWeekdays {
		name := strings.ToLower(d.String())
		if s == name || (len(s) >= 3 && strings.HasPrefix(name, s)) {
			return d, true
		}
	}
	return 0, false
}

// supProfileFields shows a profile.
func supProfileFields(p supervision.Profile, loc *time.Location) []Field {
	none := "Not set"
	or := func(s string) string {
		if s == "" {
			return none
		}
		return s
	}
	supervisor := none
	if p.SupervisorID != "" {
		supervisor = supMention(p.SupervisorID)
	}
	reminders := "Off"
	if p.Reminders {
		reminders = fmt.Sprintf("On, %ss at %s (%s)", p.ReminderDay, or(p.ReminderTime), loc)
	}
	return []Field{
		{Label: "Role", Value: or(supRoleTitle(p.Role))},
		{Label: "PCN", Value: or(p.PCN)},
		{Label: "Locality", Value: or(supLocalityName(p.Locality))},
		{Label: "Supervisor", Value: supervisor},
		{Label: "Reminders", Value: reminders},
	}
}

// ---- team ----

// teamOf loads the status of everyone who names me as their supervisor. A
// person whose profile no longer names me is left out.
func (h *Supervision) teamOf(ctx context.Context, me string) ([]supRecord, error) {
	ids, err := h.profiles.Supervisees(ctx, me)
	if err != nil {
		return nil, fmt.Errorf("supervision: reading supervisees: %w", err)
	}
	var out []supRecord
	for _, id := range ids {
		p, ok, err := h.profiles.Profile(ctx, id)
		if err != nil {
			return nil, fmt.Errorf("supervision: reading profile: %w", err)
		}
		if !ok || p.SupervisorID != me {
			continue
		}
		rec, err := h.record(ctx, p)
		if err != nil {
			return nil, err
		}
		out = append(out, rec)
	}
	return out, nil
}

func (h *Supervision) team(ctx context.Context, req Request, args string) (Reply, error) {
	recs, err := h.teamOf(ctx, req.UserID)
	if err != nil {
		return Reply{}, err
	}
	if len(recs) == 0 {
		return Say("Nobody has named you as their supervisor yet. When someone does, in their " +
			req.Invocation("supervision", "setup") + ", you'll see here when their sessions are due."), nil
	}
	var lines []string
	for _, rec := range recs {
		lines = append(lines, "- "+supMemberLine(rec))
	}
	return Reply{
		Header:   "The people you supervise",
		Text:     supTeamCounts(recs),
		Sections: []Section{{Text: strings.Join(lines, "\n")}},
		Note:     "You see dates and types only; each person keeps their own record.",
	}, nil
}

// supMemberLine is one supervisee's status: who, role, last session, due
// date and state. Dates and types only.
func supMemberLine(rec supRecord) string {
	st := rec.status
	parts := []string{supMention(rec.profile.UserID) + " (" + rec.profile.Role.Abbreviation() + ")"}
	if last := st.LastAny; last != nil {
		parts = append(parts, fmt.Sprintf("last: %s, %s", supDate(last.Date), last.Type))
	} else {
		parts = append(parts, "no sessions logged")
	}
	if !st.Due.IsZero() {
		parts = append(parts, "due by "+supDate(st.Due))
	}
	if st.LastAny != nil || st.State != supervision.None {
		parts = append(parts, strings.ToLower(supStateWords(st)))
	}
	return strings.Join(parts, " · ")
}

// supTeamCounts sums up a team in a sentence: how many are overdue, due
// soon and on track.
func supTeamCounts(recs []supRecord) string {
	n := map[supervision.State]int{}
	for _, r := range recs {
		n[r.status.State]++
	}
	var parts []string
	for _, s := range []struct {
		state supervision.State
		words string
	}{
		{supervision.Overdue, "overdue"},
		{supervision.DueSoon, "due soon"},
		{supervision.OnTrack, "on track"},
		{supervision.None, "with nothing logged that counts yet"},
		{supervision.Unknown, "with no known standard"},
	} {
		if n[s.state] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", n[s.state], s.words))
		}
	}
	return fmt.Sprintf("%s %s you as their supervisor: %s.",
		supCount(len(recs), "person", "people"), supPick(len(recs) == 1, "names", "name"), strings.Join(parts, ", "))
}

// ---- standards ----

func (h *Supervision) standardsReply(ctx context.Context, req Request, args string) (Reply, error) {
	p, hasProfile, err := h.profiles.Profile(ctx, req.UserID)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: reading profile: %w", err)
	}
	var roles []supervision.Role
	switch {
	case args != "":
		role, ok := supervision.ParseRole(args)
		if !ok {
			var names []string
			for _, r := range supervision.Roles {
				names = append(names, fmt.Sprintf("- %s: %s", supRoleTitle(r), req.Invocation("supervision", "standards "+string(r))))
			}
			return Say(fmt.Sprintf("I don't know a role called “%s”. I have standards for these:\n%s", clip(args, 40), strings.Join(names, "\n"))), nil
		}
		roles = []supervision.Role{role}
	case hasProfile && slices.Contains(supervision.Roles, p.Role):
		roles = append([]supervision.Role{p.Role}, slices.DeleteFunc(slices.Clone(supervision.Roles), func(r supervision.Role) bool { return r == p.Role })...)
	default:
		roles = supervision.Roles
	}
	locality := ""
	if hasProfile {
		locality = p.Locality
	}
	r := Reply{Header: "Supervision standards"}
	r.Text = "How much supervision each role should have, and who is suited to give it."
	if len(roles) == 1 {
		r.Header = "Supervision standards: " + roles[0].Abbreviation()
		r.Text = fmt.Sprintf("How much supervision a %s should have, and who is suited to give it.", roles[0].Name())
	}
	if locality != "" {
		r.Text += fmt.Sprintf(" Shown for %s.", supLocalityName(locality))
	}
	seen := map[string]bool{}
	var asOf []string
	for _, role := range roles {
		std := h.standards.For(role, locality)
		head := supRoleTitle(role)
		if hasProfile && role == p.Role && len(roles) > 1 {
			head += " (your role)"
		}
		text := std.Summary
		if b := supBasisNote(std); b != "" {
			text += "\n" + b
		}
		r.Sections = append(r.Sections, Section{Heading: head, Text: strings.TrimSpace(text)})
		for _, k := range std.Kinds {
			r.Sections = append(r.Sections, Section{Text: supKindText(k)})
		}
		for _, s := range std.Sources {
			if seen[s.URL] {
				continue
			}
			seen[s.URL] = true
			r.Sources = append(r.Sources, Source{Title: s.Title, URL: s.URL, AsOf: supAsOf(s.AsOf)})
		}
		if a := supAsOf(std.AsOf); a != "" && !slices.Contains(asOf, a) {
			asOf = append(asOf, a)
		}
	}
	if note, ok := h.standards.Local(locality); ok && note.Note != "" {
		r.Sections = append(r.Sections, Section{Heading: "In " + supLocalityName(locality), Text: note.Note})
		for _, s := range note.Sources {
			if !seen[s.URL] {
				seen[s.URL] = true
				r.Sources = append(r.Sources, Source{Title: s.Title, URL: s.URL, AsOf: supAsOf(s.AsOf)})
			}
		}
	}
	if len(asOf) > 0 {
		r.Note = "Standards as of " + strings.Join(asOf, ", ") + "."
	}
	if len(roles) == 1 {
		for _, other := range supervision.Roles {
			if other != roles[0] {
				r.Buttons = append(r.Buttons, Button{Label: supRoleTitle(other), Command: "supervision", Args: "standards " + string(other)})
			}
		}
	}
	return r, nil
}

// supAsOf writes a source's date, kept as 2006-01-02, as people read it.
func supAsOf(s string) string {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return t.Format("2 Jan 2006")
}

// supKindText describes one kind of supervision a standard asks for.
func supKindText(k supervision.Kind) string {
	every := supEvery(k.Every)
	if every == "" {
		every = "not found in the sources"
	}
	lines := []string{
		"**" + k.Name + "**",
		"- How often: " + every,
		"- How long: " + supLength(k.MinMinutes, k.MaxMinutes),
	}
	if k.Supervisors != "" {
		lines = append(lines, "- Who is suited to supervise: "+k.Supervisors)
	}
	if k.Note != "" {
		lines = append(lines, "- "+k.Note)
	}
	return strings.Join(lines, "\n")
}

func supLength(lo, hi int) string {
	switch {
	case lo > 0 && hi > 0 && hi != lo:
		return fmt.Sprintf("%s to %s", supDuration(lo), supDuration(hi))
	case lo > 0:
		return "at least " + supDuration(lo)
	case hi > 0:
		return "up to " + supDuration(hi)
	}
	return "not found in the sources"
}

func supDuration(m int) string {
	switch {
	case m%60 == 0 && m >= 60:
		return supCount(m/60, "hour", "hours")
	case m > 60:
		return fmt.Sprintf("%d hour %d minutes", m/60, m%60)
	}
	return supCount(m, "minute", "minutes")
}

// ---- words and helpers ----

// supEvery says how often, in words: "every month", "every 2 weeks"; ""
// when the interval is not known.
func supEvery(iv supervision.Interval) string {
	if iv.IsZero() {
		return ""
	}
	return iv.String()
}

// supDaysLeft says how far off a due date is.
func supDaysLeft(n int) string {
	switch {
	case n == 0:
		return "today"
	case n == 1:
		return "tomorrow"
	case n == -1:
		return "1 day overdue"
	case n < 0:
		return fmt.Sprintf("%d days overdue", -n)
	}
	return fmt.Sprintf("in %d days", n)
}

// supDate writes a day as people read it: "Fri 20 Nov 2026".
// A calendar date is kept as midnight in its owner's zone, so it is
// written in its own location, never converted.
func supDate(t time.Time) string {
	if t.IsZero() {
		return "not known"
	}
	return t.Format("Mon 2 Jan 2006")
}

func supMention(userID string) string { return "<@" + userID + ">" }

// supUserID reads a user id from how Slack or a person writes one, or ""
// when s is not one.
func supUserID(s string) string {
	if id, ok := supervision.UserID(s); ok {
		return id
	}
	return ""
}

func supRoleTitle(r supervision.Role) string {
	if r == "" {
		return ""
	}
	return supUpperFirst(r.Name()) + " (" + r.Abbreviation() + ")"
}

func supLocalityName(l string) string {
	if l == "" {
		return ""
	}
	return supUpperFirst(l)
}

func supLocalityList() string { return strings.Join(supervision.Localities, ", ") }

func supTypeList() string {
	var names []string
	for _, t := range supervision.SessionTypes {
		names = append(names, string(t))
	}
	return strings.Join(names, ", ")
}

func supTypeLabel(t supervision.SessionType) string {
	switch t {
	case supervision.Clinical:
		return "Clinical or professional"
	case supervision.Group:
		return "Group"
	case supervision.Peer:
		return "Peer or action learning"
	case supervision.CoachingSup:
		return "Health coaching"
	case supervision.LineManagement:
		return "Line management"
	}
	return supUpperFirst(string(t))
}

func supUpperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// supLowerFirst lowers a name's first letter for use mid-sentence, unless
// it starts an abbreviation ("NHS").
func supLowerFirst(s string) string {
	if len(s) < 2 || (s[1] >= 'A' && s[1] <= 'Z') {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func supArticle(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

func supCount(n int, one, many string) string {
	return fmt.Sprintf("%d %s", n, supPick(n == 1, one, many))
}

func supPick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}

// supCut splits off the first word of s.
func supCut(s string) (word, rest string) {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' })
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i:])
}

// supDistance is the edit distance between a and b, for "did you mean",
// counting two letters swapped ("lgo") as one slip.
func supDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	d := make([][]int, len(ra)+1)
	for i := range d {
		d[i] = make([]int, len(rb)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(ra); i++ {
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(ra)][len(rb)]
}

// location is a person's time zone: their profile's, else the default.
func (h *Supervision) location(p supervision.Profile) *time.Location {
	if p.TimeZone != "" {
		if loc, err := time.LoadLocation(p.TimeZone); err == nil {
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
			if _, err := time.LoadLocation(z); err == nil {
				return z
			}
		}
	}
	return h.zone.String()
}
