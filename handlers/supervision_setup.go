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

// supPCNMax is the longest PCN name kept.
const supPCNMax = 80

func (h *Supervision) setup(ctx context.Context, req Request) (Reply, error) {
	args := req.Args
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
		return supRefusal(supSetupRefusal(err, args), h.setupHowTo(req))
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
		Text:        "Saved your supervision profile." + supOddHours(p, a.Set["time"], a.ReminderDay != nil, req),
		Sections:    []Section{{Fields: supProfileFields(p, h.location(p))}},
		Buttons:     []Button{{Label: "My status", Command: "supervision", Args: "status", Primary: true}},
		RefreshHome: supRefresh(req.UserID, oldSupervisor, p.SupervisorID),
	}
	return r, nil
}

// supSetupMore is the further help for setup: the keys and their values.
// "none" is the word the parser and its refusals use for no locality.
func supSetupMore() string {
	return "Keys: role= (splw, hwbc or cc), pcn= (your Primary Care Network), locality= (" + supLocalityList() + " or none), " +
		"supervisor=@person, reminders=on or off, day= (a weekday), time= (such as 09:30). Only the keys you give change."
}

func (h *Supervision) setupHowTo(req Request) string {
	return fmt.Sprintf("Set your profile by typing the settings you want to change, for example:\n%s\n"+
		"Keys: role= (splw, hwbc or cc), pcn=, locality= (%s or none), supervisor=@name, reminders=on or off, day= (a weekday), time= (such as 09:30). Only the keys you give change.",
		req.Invocation("supervision", "setup role=splw pcn=Central locality=gateshead supervisor=@name"), supLocalityList())
}

// supSupervisorID is what a refused supervisor= needs: a name typed after
// @ (as the console takes it, or /peer passes it unescaped) is no user id.
const supSupervisorID = "I need your supervisor's Slack user id there, like supervisor=@U0123ABCD: a name such as @sam isn't one. " +
	"In Slack, type @ and pick them from the list. Or say supervisor=none."

// supSetupRefusal words a refused setup for what was typed: a supervisor
// given by name is asked for as a user id, and a value with spaces typed
// without quotes is shown with them. Other errors come back as they are.
func supSetupRefusal(err error, args string) error {
	var ie *supervision.InputError
	if errors.Is(err, supervision.ErrNHSNumber) || !errors.As(err, &ie) {
		return err
	}
	words := *ie
	words.Message = typedQuotes(words.Message)
	if ie.Field == "supervisor" {
		words.Message = supSupervisorID
	}
	if hint := supQuoteHint(args); hint != "" {
		words.Message += "\n" + hint
	}
	return &words
}

// supQuoteHint spots the first value with spaces typed without quotes, as
// in role=link worker, where "worker" is left over, and says how to write
// it: role="link worker". It is "" when there is none.
func supQuoteHint(args string) string {
	f := strings.Fields(args)
	for i, w := range f {
		key, value, ok := strings.Cut(w, "=")
		if !ok || key == "" || value == "" || strings.ContainsAny(value, "\"'“‘<") {
			continue
		}
		j := i + 1
		for j < len(f) && !strings.Contains(f[j], "=") {
			j++
		}
		more := f[i+1 : j]
		for len(more) > 0 && supPolite[strings.ToLower(strings.Trim(more[len(more)-1], ".,!"))] {
			more = more[:len(more)-1] // "role=splw please": no value of two words
		}
		if len(more) == 0 {
			continue
		}
		joined := strings.Join(append([]string{value}, more...), " ")
		if !supSpacedValue(strings.ToLower(key), joined) {
			continue // "reminders=on x": quotes would not make it a setting
		}
		return fmt.Sprintf("Put quotes round a value with spaces, like %s.", AsTyped(key+"=\""+joined+"\""))
	}
	return ""
}

// supPolite are the words people end a command with that are no part of
// a value.
var supPolite = map[string]bool{"please": true, "pls": true, "thanks": true, "thank": true, "you": true, "cheers": true, "ta": true}

// supSpacedValue reports whether value, with its spaces, is one key can
// take: any PCN name, a role or locality that reads as one.
func supSpacedValue(key, value string) bool {
	switch key {
	case "pcn":
		return true
	case "role":
		_, ok := supervision.ParseRole(value)
		return ok
	case "locality":
		_, ok := supervision.ParseLocality(value)
		return ok
	}
	return false
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
	day, ok := supervision.ParseWeekday(v("day"))
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
		Text:        "Saved your supervision profile." + supOddHours(p, true, true, Request{UserID: sub.UserID}),
		RefreshHome: supRefresh(sub.UserID, oldSupervisor, p.SupervisorID),
	}}, nil
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
		{Label: "PCN", Value: or(AsTyped(p.PCN))},
		{Label: "Locality", Value: or(supLocalityName(p.Locality))},
		{Label: "Supervisor", Value: supervisor},
		{Label: "Reminders", Value: reminders},
	}
}

// supOddHours warns, after a setup that chose them, of a reminder time
// outside the working day or a weekend reminder day: setup saves what was
// asked (remind refuses them without "anyway"), and says how to change it,
// so a slip such as time=21:00 for 12:00 is seen at once. It is "" when
// reminders are off or nothing odd was chosen.
func supOddHours(p supervision.Profile, timeSet, daySet bool, req Request) string {
	if !p.Reminders {
		return ""
	}
	var notes []string
	if timeSet && p.ReminderTime != "" && (p.ReminderTime < fmt.Sprintf("%02d:00", supDayStart) || p.ReminderTime > fmt.Sprintf("%02d:00", supDayEnd)) {
		notes = append(notes, fmt.Sprintf("\nYour reminders will come at %s, outside the working day (%02d:00 to %02d:00). To change that: %s.",
			p.ReminderTime, supDayStart, supDayEnd, req.Invocation("supervision", "remind at 09:30")))
	}
	if daySet && (p.ReminderDay == time.Saturday || p.ReminderDay == time.Sunday) {
		notes = append(notes, fmt.Sprintf("\nReminders while a session is overdue will come on %ss, a weekend day. To change that: %s.",
			p.ReminderDay, req.Invocation("supervision", "remind on monday")))
	}
	return strings.Join(notes, "")
}
