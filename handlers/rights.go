package handlers

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	"github.com/peerbot/peerbot/internal/outcome"
)

// PersonalData is everything held about one person (outcome.PersonalData).
type PersonalData = outcome.PersonalData

// Erasure says what an erasure removed (outcome.Erasure).
type Erasure = outcome.Erasure

// FormerSupervisor stands, in other people's records, for a person who
// was erased; it is shown as "a former supervisor".
const FormerSupervisor = outcome.FormerSupervisor

// ErrErasing means a write was refused, changing nothing, because it would
// add to the record of a person whose erasure is running. It is
// outcome.ErrErasing; the bot tells the person so.
var ErrErasing = outcome.ErrErasing

// DataRights finds and erases what is held about a person.
type DataRights interface {
	// PersonalData returns everything held about userID.
	PersonalData(ctx context.Context, userID string) (PersonalData, error)
	// Erase removes it all, keeps other people's sessions without the
	// name, and audits only that an erasure happened, under a salted hash
	// of the id.
	Erase(ctx context.Context, userID string) (Erasure, error)
}

// Rights answers "/peer my-data" and "/peer forget-me": a person's UK GDPR
// rights of access and erasure. Safe for concurrent use.
type Rights struct{ data DataRights }

// NewRights returns the data-rights commands.
func NewRights(d DataRights) *Rights { return &Rights{data: d} }

// forgetConfirm is what the confirmation button runs after "forget-me".
const forgetConfirm = "confirm"

// Commands are the data-rights entries of the command table.
func (h *Rights) Commands() []Command {
	return []Command{
		{
			Name:        "my-data",
			ReadOnly:    true,
			Aliases:     []string{"mydata"},
			Description: "Sends you, as a file, everything peerbot holds about you.",
			NoArgs:      true,
			Run:         h.MyData,
		},
		{
			Name:        "forget-me",
			Aliases:     []string{"forgetme"},
			Description: "Erases everything peerbot holds about you, after you confirm.",
			More:        "Your profile, sessions, leave, reminders, votes and anything waiting to be shared are erased. Sessions your supervisees logged with you stay in their records, shown as with a former supervisor.",
			Run:         h.ForgetMe,
		},
	}
}

// MyData answers "my-data": the person's data as a JSON file.
func (h *Rights) MyData(ctx context.Context, req Request) (Reply, error) {
	d, err := h.data.PersonalData(ctx, req.UserID)
	if err != nil {
		return Reply{}, fmt.Errorf("gathering a person's data: %w", err)
	}
	for i := range d.Reminders {
		d.Reminders[i].Payload = readableMessage(d.Reminders[i].Payload)
	}
	b, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return Reply{}, fmt.Errorf("writing a person's data: %w", err)
	}
	return Reply{
		Header: "Your data",
		Text:   "Here is everything peerbot holds about you, as a JSON file: " + dataSummary(d) + ".",
		Files:  []File{{Name: "peerbot-my-data.json", Title: "Everything peerbot holds about you", Content: append(b, '\n')}},
		Note:   "To erase it all, use " + req.Invocation("forget-me", "") + ".",
	}, nil
}

// readableMessage is a reminder's message as the person would read it: the
// engine keeps a message to send as an encoded Reply, which in the file
// read as a dump of empty fields. Its words are kept, in order; a payload
// that is not a message stays as it is.
func readableMessage(payload string) string {
	if !strings.HasPrefix(payload, "{") {
		return payload
	}
	var r Reply
	if err := json.Unmarshal([]byte(payload), &r); err != nil {
		return payload
	}
	var parts []string
	add := func(s string) {
		if s = strings.TrimSpace(s); s != "" {
			parts = append(parts, s)
		}
	}
	add(r.Header)
	add(r.Text)
	for _, s := range r.Sections {
		add(s.Heading)
		add(s.Text)
		add(s.Typed)
	}
	add(r.Note)
	if len(parts) == 0 {
		return payload
	}
	return strings.Join(parts, "\n\n")
}

// dataSummary counts what a person's data holds, in words.
func dataSummary(d PersonalData) string {
	profile := "no profile"
	if d.Profile != nil {
		profile = "your profile"
	}
	parts := []string{
		profile,
		auditPlural(len(d.Sessions), "session", "sessions"),
		auditPlural(len(d.Named), "session in others' records naming you", "sessions in others' records naming you"),
		auditPlural(len(d.Leave), "stretch of leave", "stretches of leave"),
		auditPlural(len(d.Reminders), "reminder", "reminders"),
		auditPlural(len(d.Votes), "vote", "votes"),
		auditPlural(len(d.Shares), "question waiting to be shared", "questions waiting to be shared"),
		auditPlural(len(d.Audit), "audit entry", "audit entries"),
	}
	return strings.Join(parts, ", ")
}

// ForgetMe answers "forget-me": without "confirm", a question with a
// button; with it, the erasure.
func (h *Rights) ForgetMe(ctx context.Context, req Request) (Reply, error) {
	switch strings.ToLower(strings.TrimSpace(req.Args)) {
	case "":
		return Reply{
			Header: "Erase your data?",
			Text: "This erases everything peerbot holds about you: your profile, sessions, leave, reminders, votes and questions waiting to be shared. " +
				"Sessions your supervisees logged with you stay in their records, as with a former supervisor. It cannot be undone.",
			Buttons: []Button{{Label: "Erase my data", Command: "forget-me", Args: forgetConfirm}},
			Note:    "To see what is held first, use " + req.Invocation("my-data", "") + ".",
		}, nil
	case forgetConfirm:
	default:
		return Say("To erase your data, use " + req.Invocation("forget-me", "") + " and press the button."), nil
	}
	e, err := h.data.Erase(ctx, req.UserID)
	if err != nil && !errors.Is(err, ErrErasing) && (errors.Is(err, ErrUnavailable) || errors.Is(err, ErrUnknown) || errors.Is(err, context.DeadlineExceeded)) {
		// Stopped part way: some may be erased, never "nothing was changed".
		return Reply{
			Header:  "Erasure not finished",
			Text:    "My records stopped answering while I was erasing your data, so part of it may be erased already and part not yet. Please press the button again in a few minutes: it erases whatever is left, and tells you when it is done.",
			Buttons: []Button{{Label: "Erase my data", Command: "forget-me", Args: forgetConfirm}},
			Replace: true,
		}, nil
	}
	if err != nil {
		return Reply{}, fmt.Errorf("erasing a person's data (a part may be erased; running it again finishes): %w", err)
	}
	return Reply{Header: "Your data is erased", Text: erasedText(e), Replace: true}, nil
}

// erasedText says what an erasure removed.
func erasedText(e Erasure) string {
	var parts []string
	if e.Profile {
		parts = append(parts, "your profile")
	}
	add := func(n int, one, many string) {
		if n > 0 {
			parts = append(parts, auditPlural(n, one, many))
		}
	}
	add(e.Sessions, "session", "sessions")
	add(e.Leave, "stretch of leave", "stretches of leave")
	add(e.Reminders, "reminder", "reminders")
	add(e.Votes, "vote", "votes")
	add(e.Shares, "question waiting to be shared", "questions waiting to be shared")
	add(e.Audit, "audit entry naming you", "audit entries naming you")
	if e.TimeZone {
		parts = append(parts, "your cached time zone")
	}
	if len(parts) == 0 && e.Named == 0 && e.Supervisees == 0 {
		return "peerbot held nothing about you, so nothing needed erasing. The audit log notes that an erasure was asked for, without your name."
	}
	s := "Erased: " + strings.Join(parts, ", ") + "."
	if len(parts) == 0 {
		s = "Your own record was empty; your name is now gone from other people's."
	}
	if e.Named > 0 {
		s += " " + auditPlural(e.Named, "session in other people's records now shows", "sessions in other people's records now show") + " a former supervisor instead of you."
	}
	if e.Supervisees > 0 {
		s += " " + auditPlural(e.Supervisees, "person who had you as supervisor now has", "people who had you as supervisor now have") + " none set."
	}
	return s + " The audit log notes that an erasure happened, without your name."
}
