package handlers

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/peerbot/peerbot/supervision"
)

func (h *Supervision) log(ctx context.Context, req Request) (Reply, error) {
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
	la, err := supervision.ParseLog(args, today)
	if err != nil {
		return supRefusal(supLogRefusal(err), h.logHowTo(req))
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

// supWithID is what a refused "with" needs: a name typed after @ (as the
// console takes it, or /peer passes it unescaped) is no user id.
const supWithID = "I couldn't tell who that is: I need a Slack user id there, like with @U0123ABCD. In Slack, type @ and pick them from the list."

// supLogRefusal words a refused log for what was typed: a person named
// without a user id is asked for one. Other errors come back as they are.
func supLogRefusal(err error) error {
	var ie *supervision.InputError
	if errors.Is(err, supervision.ErrNHSNumber) || !errors.As(err, &ie) || ie.Field != "with" {
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
		"Only dates, types, minutes and people are kept: never notes about patients."
}

func (h *Supervision) logHowTo(req Request) string {
	return fmt.Sprintf("To log a session, type the date, the type, who it was with and the minutes, for example:\n%s\nTypes: %s.",
		req.Invocation("supervision", "log yesterday clinical with @name 60"), supTypeList())
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
	r.Text += supCountsToward(rec.status, s.Type)
	return r, nil, nil
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

const (
	supHistoryDefault = 10
	supHistoryMax     = 50
)

func (h *Supervision) history(ctx context.Context, req Request) (Reply, error) {
	args := req.Args
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

// supUndoWindow is how long after logging a session it can be taken back.
const supUndoWindow = 24 * time.Hour

func (h *Supervision) undo(ctx context.Context, req Request) (Reply, error) {
	args := req.Args
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
