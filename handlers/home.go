package handlers

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/peerbot/peerbot/supervision"
)

// supHomeTeamMax is how many supervisees the App Home lists by name; the
// rest are counted, and /supervision team shows them all.
const supHomeTeamMax = 5

// Home draws a person's App Home tab: their profile, status, next reminder
// and buttons to log a session, set up and pause for leave; and, for a
// supervisor, a short summary of the people they supervise. It is a
// HomeFunc. A store error is returned wrapped.
func (h *Supervision) Home(ctx context.Context, userID string) (Reply, error) {
	rec, ok, err := h.ownRecord(ctx, userID)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision home: %w", err)
	}
	team, err := h.teamOf(ctx, userID)
	if err != nil {
		return Reply{}, err
	}
	waiting, err := h.sessions.AwaitingAnswer(ctx, userID)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision home: listing sessions awaiting an answer: %w", err)
	}
	if !ok {
		r := Reply{
			Header: "Your supervision",
			Text: "Welcome. I help you keep your supervision on track: I remind you when a session is due, " +
				"keep a record you can show at appraisal, and tell you the standard for your role. " +
				"Set up your profile to start: your role, PCN and supervisor.",
			Buttons: []Button{
				{Label: "Set up", Command: "supervision", Args: "setup", Primary: true},
				{Label: "Standards", Command: "supervision", Args: "standards"},
			},
			Note: "I keep dates, types and people only: never notes about patients.",
		}
		if len(team) > 0 {
			r.Sections = append(r.Sections, h.homeTeam(team))
		}
		homeWaiting(&r, waiting)
		return r, nil
	}
	p := *rec.profile
	r := Reply{
		Header: "Your supervision",
		Text:   supSummary(rec.status, "your"),
		Sections: []Section{
			{Heading: "Status", Fields: supStatusSection(rec).Fields},
			{Heading: "Next reminder", Text: h.queuedReminder(ctx, rec)},
			{Heading: "Your profile", Fields: supProfileFields(p, rec.loc)},
		},
		Buttons: []Button{
			{Label: "Log a session", Command: "supervision", Args: "log", Primary: true},
			{Label: "Set up", Command: "supervision", Args: "setup"},
			{Label: "Pause for leave", Command: "supervision", Args: "leave"},
			{Label: "History", Command: "supervision", Args: "history"},
		},
		Note: "Only you can see your record. " + supBasisNote(*rec.standard),
	}
	if leave := homeLeave(rec, h.now()); leave != "" {
		r.Sections = append(r.Sections[:2], append([]Section{{Heading: "Your leave", Text: leave}}, r.Sections[2:]...)...)
	}
	if len(team) > 0 {
		r.Sections = append(r.Sections, h.homeTeam(team))
		r.Buttons = append(r.Buttons, Button{Label: "My team", Command: "supervision", Args: "team"})
	}
	homeWaiting(&r, waiting)
	return r, nil
}

// homeWaiting adds to the App Home the sessions others logged with the
// person that wait for their answer, with a button that lists them to
// confirm: a supervisor sees there is something to do without finding
// the message that asked.
func homeWaiting(r *Reply, waiting []supervision.Session) {
	if len(waiting) == 0 {
		return
	}
	r.Sections = append([]Section{{Heading: "Waiting for your answer",
		Text: supCount(len(waiting), "session someone logged with you waits", "sessions others logged with you wait") + " for you to confirm or say it isn't right."}}, r.Sections...)
	r.Buttons = append(r.Buttons, Button{Label: "Sessions to confirm", Command: "supervision", Args: "confirm"})
}

// homeLeave lists the person's leave now and to come, and how to take a
// stretch back; "" when there is none.
func homeLeave(rec supRecord, now time.Time) string {
	ahead := leaveNotEnded(rec.leaves, now.In(rec.loc))
	if len(ahead) == 0 {
		return ""
	}
	var lines []string
	for _, l := range ahead {
		lines = append(lines, "- "+leaveSpan(l))
	}
	return strings.Join(lines, "\n") + "\nTo take one back, message me “supervision leave cancel " + ahead[0].From.Format("2 Jan") + "”."
}

// nextReminder says when the next reminder goes out, in the person's zone.
func (h *Supervision) nextReminder(rec supRecord) string {
	if !rec.profile.Reminders {
		return "Reminders are off."
	}
	next, ok := supervision.NextReminders(*rec.profile, rec.status, rec.leaves, h.now())
	if !ok {
		if rec.status.State == supervision.Unknown {
			// Nothing is ever due, so no reminder can be: say why.
			return "None: there is no recommended frequency for your role here yet, so there is no due date to remind you of. Your supervisor or training hub can say how often to have it."
		}
		return "No reminder is planned just now."
	}
	at := next.At.In(rec.loc)
	about := ""
	if len(rec.status.Clocks) > 1 {
		var names []string
		for _, c := range next.Clocks {
			names = append(names, supLowerFirst(c.Kind.Name))
		}
		about = " about " + strings.Join(names, " and ")
	}
	return fmt.Sprintf("%s at %s (%s)%s, by direct message.", supDate(at), at.Format("15:04"), rec.loc, about)
}

// homeTeam sums up the people a person supervises: counts, and the first
// few by name, most pressing first. Dates and types only.
func (h *Supervision) homeTeam(team []supRecord) Section {
	order := map[supervision.State]int{
		supervision.Overdue: 0, supervision.DueSoon: 1, supervision.None: 2,
		supervision.Unknown: 3, supervision.OnTrack: 4,
	}
	sorted := make([]supRecord, len(team))
	copy(sorted, team)
	for i := 1; i < len(sorted); i++ { // insertion sort keeps the store's order within a state
		for j := i; j > 0 && order[sorted[j].status.State] < order[sorted[j-1].status.State]; j-- {
			sorted[j], sorted[j-1] = sorted[j-1], sorted[j]
		}
	}
	var lines []string
	for i, rec := range sorted {
		if i == supHomeTeamMax {
			lines = append(lines, fmt.Sprintf("and %d more.", len(sorted)-supHomeTeamMax))
			break
		}
		lines = append(lines, "- "+supMemberLine(rec))
	}
	return Section{Heading: "People you supervise", Text: supTeamCounts(team) + "\n" + strings.Join(lines, "\n")}
}
