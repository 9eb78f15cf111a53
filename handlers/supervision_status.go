package handlers

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/peerbot/peerbot/supervision"
)

func (h *Supervision) status(ctx context.Context, req Request) (Reply, error) {
	rec, ok, err := h.ownRecord(ctx, req.UserID)
	if err != nil {
		return Reply{}, err
	}
	if !ok {
		return h.noProfile(req, "Let's start by setting up your supervision profile: your role, PCN and supervisor."), nil
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
	r.Note = supBasisNote(*rec.standard)
	if err := h.disputedOnly(ctx, &r, rec); err != nil {
		return Reply{}, err
	}
	return r, nil
}

// disputedOnly shows, in a status r with no session that counts, the
// latest session when it was marked as not right: without it the status
// would say nothing was logged, as if the person's log were lost.
func (h *Supervision) disputedOnly(ctx context.Context, r *Reply, rec supRecord) error {
	if rec.status.LastAny != nil || len(rec.status.Clocks) > 1 {
		return nil
	}
	latest, err := h.sessions.Sessions(ctx, rec.profile.UserID, 1)
	if err != nil {
		return fmt.Errorf("supervision: reading sessions: %w", err)
	}
	if len(latest) == 0 || latest[0].Confirmation != supervision.Disputed {
		return nil
	}
	r.Text = strings.Replace(r.Text, " logged yet", " that counts yet", 1)
	for i, f := range r.Sections[0].Fields {
		if f.Label == "Last session" {
			r.Sections[0].Fields[i].Value = supSessionLine(latest[0], rec.profile.UserID) + " (so it doesn't count)"
		}
	}
	return nil
}

// ownRecord reads a person's profile and works out their status, with its
// sessions in full to show them, in one round trip; false when they have
// no profile.
func (h *Supervision) ownRecord(ctx context.Context, userID string) (supRecord, bool, error) {
	p, sum, ok, err := h.sessions.ProfileSummary(ctx, userID)
	if err != nil {
		return supRecord{}, false, fmt.Errorf("supervision: reading status: %w", err)
	}
	if !ok {
		return supRecord{}, false, nil
	}
	recs, err := h.records(ctx, []supervision.Profile{p}, []supervision.Summary{sum})
	if err != nil {
		return supRecord{}, false, err
	}
	return recs[0], true, nil
}

// supStatusSection shows the standard followed, the last session and when
// the next is due: for a standard of several kinds, one line for each
// kind's own clock.
func supStatusSection(rec supRecord) Section {
	st := rec.status
	if len(st.Clocks) > 1 {
		return supClocksSection(rec)
	}
	// Room for every field the section can have, in one allocation.
	fields := make([]Field, 0, 7)
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
		fields = append(fields, Field{Label: "Next due", Value: supDate(st.Due) + " (" + supDaysLeft(st.DaysLeft) + ")"})
	} else if first := rec.firstDue(supervision.Clock{Kind: st.Standard, State: st.State}); first != "" {
		fields = append(fields, Field{Label: "First expected by", Value: first})
	}
	fields = append(fields, Field{Label: "Status", Value: supStateWords(st)})
	if st.Awaiting > 0 {
		fields = append(fields, Field{Label: "Awaiting confirmation", Value: supCount(st.Awaiting, "session", "sessions")})
	}
	return Section{Fields: fields}
}

// supClocksSection shows each kind of a standard with its own clock: how
// often, the last session that counts and when the next is due.
func supClocksSection(rec supRecord) Section {
	st := rec.status
	var fields []Field
	counted := false
	for _, c := range st.Clocks {
		line := supClockLine(c, rec.profile.UserID)
		if first := rec.firstDue(c); first != "" {
			line += " · first expected by " + first
		}
		fields = append(fields, Field{Label: supClockLabel(c.Kind), Value: line})
		counted = counted || st.LastAny != nil && c.Last != nil && c.Last.ID == st.LastAny.ID
	}
	if st.LastAny != nil && !counted {
		fields = append(fields, Field{Label: "Latest of any kind", Value: supSessionLine(*st.LastAny, rec.profile.UserID)})
	}
	fields = append(fields, Field{Label: "Status", Value: supStateWords(st)})
	if st.Awaiting > 0 {
		fields = append(fields, Field{Label: "Awaiting confirmation", Value: supCount(st.Awaiting, "session", "sessions")})
	}
	return Section{Fields: fields}
}

// supClockLabel names one kind's clock with how often: "Supervision, every
// month", "Peer supervision, no set frequency".
func supClockLabel(k supervision.Kind) string {
	if every := supEvery(k.Every); every != "" {
		return k.Name + ", " + every
	}
	return k.Name + ", no set frequency"
}

// supClockLine is where one kind's clock stands: "last Tue 10 Nov 2026 ·
// clinical · next due Thu 10 Dec 2026 (in 20 days)".
func supClockLine(c supervision.Clock, viewer string) string {
	parts := []string{"nothing logged yet that counts"}
	if c.Last != nil {
		parts[0] = "last " + supSessionLine(*c.Last, viewer)
	}
	if !c.Due.IsZero() {
		parts = append(parts, "next due "+supDate(c.Due)+" ("+supDaysLeft(c.DaysLeft)+")")
	}
	return strings.Join(parts, " · ")
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
		if len(st.Clocks) > 1 {
			s += " toward " + supLowerFirst(st.Standard.Name)
		}
	default:
		s = "Not known: no recommended frequency found"
	}
	if st.OnLeave != nil {
		s += "; on leave until " + supDate(st.OnLeave.To)
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
		s = "Overdue: " + whose + " next " + kind + " was due by " + due + " (" + supDaysLeft(st.DaysLeft) + ")."
	case supervision.DueSoon:
		s = "Due soon: " + whose + " next " + kind + " is due by " + due + " (" + supDaysLeft(st.DaysLeft) + ")."
	case supervision.OnTrack:
		s = "On track: " + whose + " next " + kind + " is due by " + due + " (" + supDaysLeft(st.DaysLeft) + ")."
	case supervision.None:
		s = "No " + kind + " logged yet."
		if !st.Due.IsZero() {
			s = "No " + kind + " logged yet: the first is due by " + due + " (" + supDaysLeft(st.DaysLeft) + ")."
		}
	default:
		s = "I can't say when the next session is due: no recommended frequency found in the sources — ask your supervisor / training hub."
	}
	for _, c := range st.Clocks {
		if c.Kind.Type != st.Standard.Type && !c.Due.IsZero() {
			is := " is due by "
			if c.DaysLeft < 0 {
				is = " was due by "
			}
			s += " " + supUpperFirst(whose) + " next " + supLowerFirst(c.Kind.Name) + is + supDate(c.Due) + " (" + supDaysLeft(c.DaysLeft) + ")."
		}
	}
	if st.OnLeave != nil {
		s = "On leave until " + supDate(st.OnLeave.To) + ", so the clock is paused. " + s
	}
	return s
}

// supSessionLine describes one session for the person whose record it is
// in: date, type, minutes, with whom and where it stands.
func supSessionLine(s supervision.Session, viewer string) string {
	var room [6]string
	parts := append(room[:0], "**"+supDate(s.Date)+"**", string(s.Type))
	if s.Minutes > 0 {
		parts = append(parts, strconv.Itoa(s.Minutes)+" min")
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
		if s.DisputeReason != "" {
			return "disputed: " + quotedTyped(s.DisputeReason)
		}
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

// firstDue is when a first session is expected on a clock with nothing
// logged yet, as the reminders have it (supervision.FirstDue): "Fri 1 Jan
// 2027 (in 31 days)"; "" for any other clock, or a profile with no date.
func (rec supRecord) firstDue(c supervision.Clock) string {
	if c.State != supervision.None || rec.now.IsZero() {
		return ""
	}
	c = supervision.FirstDue(*rec.profile, c, rec.leaves, rec.now)
	if c.Due.IsZero() {
		return ""
	}
	return supDate(c.Due) + " (" + supDaysLeft(c.DaysLeft) + ")"
}
