package handlers

import (
	"context"
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/peerbot/peerbot/supervision"
)

func (h *Supervision) log(ctx context.Context, req Request) (Reply, error) {
	return h.logWith(ctx, req, "")
}

// logAgain logs a session that was logged already that day, on purpose:
// the "Log it anyway" button runs it with a nonce of its own first, so that
// two presses of one button log one session, not two.
func (h *Supervision) logAgain(ctx context.Context, req Request) (Reply, error) {
	nonce, rest, _ := strings.Cut(req.Args, " ")
	if nonce == "" || strings.TrimSpace(rest) == "" {
		return Say(h.logHowTo(req)), nil
	}
	req.Args = strings.TrimSpace(rest)
	return h.logWith(ctx, req, nonce)
}

// logWith logs what req.Args describes. again is "" for a first log, else
// the nonce of a "Log it anyway" button.
func (h *Supervision) logWith(ctx context.Context, req Request, again string) (Reply, error) {
	args := req.Args
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
	if args == "" && ok {
		// Nothing typed: ask what to log, by the form where one opens and
		// in words where none can. Never a session nobody described.
		if req.Interactive {
			return Reply{Form: h.logForm(p, today), Text: h.logHowTo(req)}, nil
		}
		return Say(h.logHowTo(req)), nil
	}
	if ok {
		var named bool
		if args, named = supWithSupervisor(args, p.SupervisorID); named && p.SupervisorID == "" {
			return Say(fmt.Sprintf("You haven't named your supervisor yet, so I can't tell who that is. Mention them (with @name), or set them first: %s.",
				req.Invocation("supervision", "setup supervisor=@name"))), nil
		}
	}
	la, err := supervision.ParseLog(args, today)
	if err != nil {
		return supRefusal(supLogRefusal(err), h.logHowTo(req))
	}
	r, ierr, err := h.logSession(ctx, req, p, la, today, again)
	if err != nil {
		return Reply{}, err
	}
	if ierr != nil {
		return Say(typedQuotes(ierr.Message)), nil
	}
	r.Text = supCorrections(la.Corrections) + r.Text
	return r, nil
}

// supCorrections tells the person which of their words were read as other
// words ("I read yestrday as yesterday."), so a slip never changes a log
// unseen. The words are letters only: the parser corrects no other.
func supCorrections(cs []supervision.Correction) string {
	if len(cs) == 0 {
		return ""
	}
	parts := make([]string, len(cs))
	for i, c := range cs {
		parts[i] = fmt.Sprintf("“%s” as “%s”", AsTyped(c.Typed), c.Read)
	}
	return "I read " + supJoin(parts) + ".\n"
}

// supMySupervisor is how people name their supervisor in a log without
// a mention: "with my supervisor".
var supMySupervisor = regexp.MustCompile(`(?i)\bwith\s+(?:my\s+|the\s+)?(?:clinical\s+)?(?:supervisor|sup)\b`)

// supWithSupervisor puts the person's supervisor's mention in place of
// "with my supervisor" in args. named reports whether args said it; the
// mention is put in only when supervisorID is set.
func supWithSupervisor(args, supervisorID string) (string, bool) {
	if supervisorID == "" {
		return args, supMySupervisor.MatchString(args)
	}
	return NamesMySupervisor(args, "<@"+supervisorID+">")
}

// NamesMySupervisor reports whether a log's words name the person's
// supervisor without a mention ("with my supervisor"), and returns them
// with mention in its place, so the words can be read as a log before the
// supervisor is known.
func NamesMySupervisor(args, mention string) (string, bool) {
	if !supMySupervisor.MatchString(args) {
		return args, false
	}
	return supMySupervisor.ReplaceAllLiteralString(args, "with "+mention), true
}

// supervisorOf reports whether a person with no profile of their own is
// logging for someone who names them as supervisor ("log yesterday with
// @sam"). It returns a stand-in profile for the logger in the logger's own
// time zone (from the directory), so the dates they type are read as they
// meant them. The person is found by the mention alone, so a log for a
// supervisee that is refused (a date in the future) is refused for what
// is wrong with it, not for the logger's missing profile. Anyone else is
// guided to set up, as anyone without a profile is.
func (h *Supervision) supervisorOf(ctx context.Context, me, args string) (supervision.Profile, bool, error) {
	withID := supervision.LogMention(args)
	if withID == "" || withID == me {
		return supervision.Profile{}, false, nil
	}
	other, ok, err := h.profiles.Profile(ctx, withID)
	if err != nil {
		return supervision.Profile{}, false, fmt.Errorf("supervision: reading profile: %w", err)
	}
	if !ok || other.SupervisorID != me {
		return supervision.Profile{}, false, nil
	}
	return supervision.Profile{UserID: me, TimeZone: h.zoneName(ctx, me)}, true, nil
}

// supWithID is what a refused "with" needs: a name typed after @ (as the
// console takes it, or /peer passes it unescaped) is no user id.
const supWithID = "I couldn't tell who that is: I need a Slack user id there, like with @U0123ABCD. In Slack, type @ and pick them from the list."

// supLogRefusal words a refused log for what was typed: a person named
// without a user id is asked for one. Other errors (two people named, or
// nobody after "with") come back as they are.
func supLogRefusal(err error) error {
	var ie *supervision.InputError
	if errors.Is(err, supervision.ErrNHSNumber) || !errors.As(err, &ie) || ie.Field != "with" ||
		!strings.HasPrefix(ie.Message, "I couldn't tell who") {
		return err
	}
	words := *ie
	words.Message = supWithID
	return &words
}

// supLogMore is the further help for log: what each part may be.
func supLogMore() string {
	return "The date can be today, yesterday, a weekday such as monday, or a date such as 12 Nov or 2026-11-12. " +
		"Types: " + supTypeList() + ". Minutes are optional: 60, 90m or 1h30. " +
		"Say who it was with by mentioning them (with @name), or with my supervisor for the one your profile names. " +
		"Only dates, types, minutes and people are kept: never notes about patients."
}

func (h *Supervision) logHowTo(req Request) string {
	return fmt.Sprintf("To log a session, type the date, the type, who it was with and the minutes, for example:\n%s\nTypes: %s.",
		req.Invocation("supervision", "log yesterday clinical with @name 60"), supTypeList())
}

// logSession saves a session logged by req.UserID. A person's mistake is
// returned as an InputError, with nothing saved. again is "" for a first
// log, else the nonce of a "Log it anyway" button.
//
// The session's id comes from the request (see supLogID), so sending the
// same log again, after a timeout or a lost reply, finds it there and
// answers "already logged" instead of making a duplicate; a write whose
// answer was lost is said to be maybe saved, never "nothing was changed".
func (h *Supervision) logSession(ctx context.Context, req Request, p supervision.Profile, la supervision.LogArgs, today time.Time, again string) (Reply, *supervision.InputError, error) {
	s, owner, ierr, err := h.newSession(ctx, req, p, la, today)
	if err != nil || ierr != nil {
		return Reply{}, ierr, err
	}
	s.ID = supLogID(req, s, h.now(), again)
	day, err := h.sessions.SessionsOn(ctx, s.UserID, s.Date)
	if err != nil {
		return Reply{}, nil, fmt.Errorf("supervision: reading sessions: %w", err)
	}
	for _, o := range day {
		if o.ID == s.ID {
			return supAlreadyLogged(req, o), nil, nil
		}
	}
	for _, o := range day {
		if again == "" && o.Type == s.Type && o.Confirmation != supervision.Disputed {
			return supLogAnother(req, o, la, s), nil, nil
		}
	}
	switch err := h.sessions.AddSession(ctx, s); {
	case errors.Is(err, ErrExists):
		return supAlreadyLogged(req, s), nil, nil
	case errors.Is(err, ErrUnknown):
		return supMaybeSaved(req), nil, nil
	case err != nil:
		return Reply{}, nil, fmt.Errorf("supervision: saving session: %w", err)
	}
	rec, err := h.record(ctx, owner)
	if err != nil {
		// Saved: say so, whatever the status read did, never "nothing was
		// changed".
		r := h.loggedReply(req, s, supRecord{})
		r.Text = strings.SplitN(r.Text, "\n", 2)[0] + fmt.Sprintf("\nI couldn't work out where you stand just now; %s will show it in a minute.",
			req.Invocation("supervision", "status"))
		return r, nil, nil
	}
	return h.loggedReply(req, s, rec), nil, nil
}

// newSession builds the session req describes, and the profile of the
// person whose record it goes in. Dates are read in the zone of the person
// who typed them (today's) and kept as the calendar date they meant; a
// supervisor logging for a supervisee puts it in the supervisee's record,
// dated in their zone, and never on the supervisee's tomorrow: a session
// that happened today where the supervisor is may be the supervisee's
// today still.
func (h *Supervision) newSession(ctx context.Context, req Request, p supervision.Profile, la supervision.LogArgs, today time.Time) (supervision.Session, supervision.Profile, *supervision.InputError, error) {
	me := req.UserID
	if la.WithID == me {
		return supervision.Session{}, p, &supervision.InputError{Field: "with", Message: "You can't log a session with yourself. Name the other person, or leave them out."}, nil
	}
	loc := today.Location()
	s := supervision.Session{UserID: me, Date: la.Date, Type: la.Type, Minutes: la.Minutes, LoggedBy: me, LoggedAt: h.now()}
	if !la.DateGiven || s.Date.IsZero() {
		y, m, d := today.Date()
		s.Date = time.Date(y, m, d, 0, 0, 0, 0, loc)
	}
	owner := p // whose record it goes in
	if la.WithID != "" {
		other, ok, err := h.profiles.Profile(ctx, la.WithID)
		if err != nil {
			return s, p, nil, fmt.Errorf("supervision: reading profile: %w", err)
		}
		s.Confirmation = supervision.Awaiting
		s.WithID = la.WithID
		if ok && other.SupervisorID == me {
			owner = other
			s.UserID, s.WithID = la.WithID, me
		}
	}
	if !la.TypeGiven || s.Type == "" {
		s.Type = h.defaultType(owner)
	}
	if err := supervision.ValidateSession(s, today); err != nil {
		var ie *supervision.InputError
		if errors.As(err, &ie) {
			return s, p, ie, nil
		}
		return s, p, nil, fmt.Errorf("supervision: %w", err)
	}
	if ie := h.pastRetention(s.Date, today); ie != nil {
		return s, p, ie, nil
	}
	if owner.UserID != me {
		ownerToday := h.now().In(h.location(owner))
		y, m, d := s.Date.Date()
		s.Date = time.Date(y, m, d, 0, 0, 0, 0, ownerToday.Location())
		if y, m, d := ownerToday.Date(); s.Date.After(ownerToday) {
			s.Date = time.Date(y, m, d, 0, 0, 0, 0, ownerToday.Location())
		}
	}
	return s, owner, nil, nil
}

// pastRetention refuses a session dated as far back as the retention
// job's cut-off, or further: that night's job would remove it, so a log
// of it would be confirmed and then lost.
func (h *Supervision) pastRetention(date, today time.Time) *supervision.InputError {
	if h.retention <= 0 {
		return nil
	}
	y, m, d := today.AddDate(0, -h.retention, 0).Date()
	if date.After(time.Date(y, m, d, 0, 0, 0, 0, date.Location())) {
		return nil
	}
	return &supervision.InputError{Field: "date", Err: supervision.ErrTooEarly, Message: fmt.Sprintf(
		"%s is %d months ago or more. Records keep sessions for %d months, so it would be removed tonight and I haven't logged it. Could you check the year?",
		date.Format("Mon 2 Jan 2006"), h.retention, h.retention)}
}

// supLogID derives a session's id from the request that logs it: whose
// record, the date, type, minutes, the other person, who logged it, and the
// Slack trigger when there is one, else the minute it was typed; and the
// nonce of a "Log it anyway" button. The same log sent again (a retry after
// a timeout) gets the same id, so it cannot be saved twice.
func supLogID(req Request, s supervision.Session, now time.Time, again string) string {
	when := req.TriggerID
	if when == "" {
		when = "at " + now.UTC().Truncate(time.Minute).Format(time.RFC3339)
	}
	return supervision.DerivedID(s.UserID, s.Date.Format(time.DateOnly), string(s.Type), strconv.Itoa(s.Minutes),
		s.WithID, s.LoggedBy, when, again)
}

// supAlreadyLogged answers a log that is already in the record.
func supAlreadyLogged(req Request, s supervision.Session) Reply {
	return Reply{
		Text:    fmt.Sprintf("Already logged: %s. I haven't saved it twice.", supWhat(s)),
		Buttons: []Button{{Label: "History", Command: "supervision", Args: "history"}},
	}
}

// supMaybeSaved answers a log whose write had no answer: it may be there.
func supMaybeSaved(req Request) Reply {
	return Reply{
		Text: fmt.Sprintf("I may have saved that, but the connection dropped before I could check. Please look at %s: if it isn't there, log it again (it won't be saved twice).",
			req.Invocation("supervision", "history")),
		Buttons: []Button{{Label: "History", Command: "supervision", Args: "history", Primary: true}},
	}
}

// supLogAnother asks before logging a second session of the same type on
// the same day, which is more often a slip than meant.
func supLogAnother(req Request, first supervision.Session, la supervision.LogArgs, s supervision.Session) Reply {
	args := []string{la.Date.Format(time.DateOnly), string(s.Type)}
	if !la.DateGiven || la.Date.IsZero() {
		args[0] = "today"
	}
	if la.WithID != "" {
		args = append(args, "with", supMention(la.WithID))
	}
	if s.Minutes > 0 {
		args = append(args, strconv.Itoa(s.Minutes))
	}
	anyway := Button{Label: "Log it anyway", Command: "supervision", Args: "again " + supervision.NewID() + " " + strings.Join(args, " "), Primary: true}
	session := fmt.Sprintf("%s %s session on %s", supArticle(string(s.Type)), s.Type, first.Date.Format("2 Jan"))
	if first.LoggedBy != req.UserID && first.Confirmation == supervision.Awaiting && first.Answerer() == req.UserID {
		// The other person logged it already, and it waits for this
		// person's answer: confirming it is what they most likely want.
		ref := first.UserID + " " + first.ID
		anyway.Primary = false
		return Reply{
			Text: fmt.Sprintf("%s already logged %s with you, and it waits for your answer. Confirm it rather than log it again?", supMention(first.LoggedBy), session),
			Buttons: []Button{
				{Label: "Confirm it", Command: "supervision", Args: "confirm " + ref, Primary: true},
				{Label: "That's not right", Command: "supervision", Args: "dispute " + ref},
				anyway,
			},
		}
	}
	who := "You"
	if first.LoggedBy != req.UserID {
		who = supMention(first.LoggedBy)
	}
	return Reply{
		Text:    fmt.Sprintf("%s already logged %s; log another?", who, session),
		Buttons: []Button{anyway, {Label: "History", Command: "supervision", Args: "history"}},
	}
}

// loggedReply says what was logged and where the person now stands, and
// asks the other person in the session to confirm it.
func (h *Supervision) loggedReply(req Request, s supervision.Session, rec supRecord) Reply {
	me := req.UserID
	what := supWhat(s)
	r := Reply{Buttons: []Button{{Label: "Undo", Command: "supervision", Args: "undo"}}, RefreshHome: []string{me}}
	switch {
	case s.UserID != me:
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
	r.Text += supCountsToward(rec.status, s.Type)
	return r
}

// supCountsToward says which of a person's clocks a session of type t
// counts toward: only when it counts toward none, or when the standard has
// more than one kind, so the person knows which clock moved.
func supCountsToward(st supervision.Status, t supervision.SessionType) string {
	var all, counted []string
	for _, c := range st.Clocks {
		if c.Kind.Name == "" {
			continue
		}
		all = append(all, supLowerFirst(c.Kind.Name))
		if c.Kind.Counted(t) {
			counted = append(counted, supLowerFirst(c.Kind.Name))
		}
	}
	switch {
	case len(all) == 0:
		return ""
	case len(counted) == 0:
		return fmt.Sprintf("\n%s %s session doesn't count toward %s.", supUpperFirst(supArticle(string(t))), t, strings.Join(all, " or "))
	case len(all) > 1:
		return fmt.Sprintf("\nIt counts toward %s.", strings.Join(counted, " and "))
	}
	return ""
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
	if std := h.shipped().For(p.Role, p.Locality); len(std.Kinds) > 0 && std.Kinds[0].Type != "" {
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
	r, ierr, err := h.logSession(ctx, sub.Request, p, la, today, "")
	if err != nil {
		return FormResult{}, err
	}
	if ierr != nil {
		return FormResult{Errors: map[string]string{supFormField(ierr.Field, "date", "type", "with", "minutes"): ierr.Message}}, nil
	}
	return FormResult{Reply: r}, nil
}

const (
	supHistoryDefault = 10
	supHistoryMax     = 50
)

func (h *Supervision) history(ctx context.Context, req Request) (Reply, error) {
	args := req.Args
	n := supHistoryDefault
	var note string
	allShown := false // "all" was asked for
	if args != "" {
		if supUserID(args) != "" && strings.ContainsAny(args, "@<") {
			return Say(fmt.Sprintf("I can only show you your own sessions. To see how the people you supervise are doing, try %s.", req.Invocation("supervision", "team"))), nil
		}
		v, err := strconv.Atoi(args)
		all := strings.EqualFold(strings.TrimSpace(args), "all")
		if all {
			v, err = supHistoryMax+1, nil // as many as are shown, and say so when there are more
		}
		if err != nil || v < 1 {
			return Say(fmt.Sprintf("Please give a number of sessions from 1 to %d, for example %s.", supHistoryMax, req.Invocation("supervision", "history 20"))), nil
		}
		if v > supHistoryMax {
			v, note = supHistoryMax, fmt.Sprintf("I show at most %d sessions at a time: these are your latest.", supHistoryMax)
		}
		n = v
		allShown = all
	}
	read := n
	if allShown {
		read = n + 1 // to say "at most" only when there are more
	}
	ss, err := h.sessions.Sessions(ctx, req.UserID, read)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: reading sessions: %w", err)
	}
	if len(ss) > n {
		ss = ss[:n]
	} else if allShown {
		note = "" // all of them are shown
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

// supUndoWords are what people put after undo that name what it takes
// back anyway: the last session they logged ("undo that", "undo last").
var supUndoWords = map[string]bool{"that": true, "it": true, "last": true, "last one": true, "the last one": true,
	"my last log": true, "my last session": true, "last log": true, "last session": true, "please": true}

// supUndoWindow is how long after logging a session it can be taken back.
const supUndoWindow = 24 * time.Hour

func (h *Supervision) undo(ctx context.Context, req Request) (Reply, error) {
	args := req.Args
	if aboutLeave(args) { // "remove leave 7 Dec": remove is undo's alias
		return h.cancelLeaveWords(ctx, req)
	}
	if args != "" && !supUndoWords[strings.ToLower(strings.Trim(args, " .!"))] {
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
	if errors.Is(err, ErrUnknown) {
		return Say(fmt.Sprintf("I may have taken back %s, but the connection dropped before I could check. Please look at %s, and undo again if it's still there.",
			what, req.Invocation("supervision", "history"))), nil
	}
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
