package handlers

import (
	"context"
	"fmt"
	"strings"

	"github.com/peerbot/peerbot/supervision"
)

// teamOf loads the status of everyone who names me as their supervisor. A
// person whose profile no longer names me is left out.
func (h *Supervision) teamOf(ctx context.Context, me string) ([]supRecord, error) {
	ps, err := h.profiles.SuperviseeProfiles(ctx, me)
	if err != nil {
		return nil, fmt.Errorf("supervision: reading supervisees: %w", err)
	}
	return h.team(ctx, ps)
}

func (h *Supervision) teamReply(ctx context.Context, req Request) (Reply, error) {
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
		due := "due by " + supDate(st.Due)
		if len(st.Clocks) > 1 {
			due += " (" + supLowerFirst(st.Standard.Name) + ")"
		}
		parts = append(parts, due)
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
