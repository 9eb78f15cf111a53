package handlers

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/peerbot/peerbot/supervision"
)

// teamOf loads the status of everyone who names me as their supervisor,
// reading only the newest session of each type, the awaiting count and
// leave of each, in a few round trips for them all; their sessions carry
// dates and types only. A person whose profile no longer names me is left
// out.
func (h *Supervision) teamOf(ctx context.Context, me string) ([]supRecord, error) {
	ps, sums, err := h.profiles.SuperviseeSummaries(ctx, me)
	if err != nil {
		return nil, fmt.Errorf("supervision: reading supervisees: %w", err)
	}
	return h.records(ctx, ps, sums)
}

// teamReply lists everyone who names the person as their supervisor,
// working out each one's status and writing their line in turn: no
// record of them all is kept.
func (h *Supervision) teamReply(ctx context.Context, req Request) (Reply, error) {
	ps, sums, err := h.profiles.SuperviseeSummaries(ctx, req.UserID)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: reading supervisees: %w", err)
	}
	if len(ps) == 0 {
		return Say("Nobody has named you as their supervisor yet. When someone does, in their " +
			req.Invocation("supervision", "setup") + ", you'll see here when their sessions are due."), nil
	}
	var lines strings.Builder // one buffer for every line
	lines.Grow(112 * len(ps))
	var tally supTally
	var statuses supervision.Statuses // each line is written before the next status
	err = h.eachRecord(ctx, ps, sums, &statuses, func(rec *supRecord) {
		if tally.total > 0 {
			lines.WriteByte('\n')
		}
		tally.add(rec.status.State)
		lines.WriteString("- ")
		writeMemberLine(&lines, *rec)
	})
	if err != nil {
		return Reply{}, err
	}
	return Reply{
		Header:   "The people you supervise",
		Text:     tally.String(),
		Sections: []Section{{Text: lines.String()}},
		Note:     "You see dates and types only; each person keeps their own record.",
	}, nil
}

// supMemberLine is one supervisee's status: who, role, last session, due
// date and state. Dates and types only.
func supMemberLine(rec supRecord) string {
	var b strings.Builder
	writeMemberLine(&b, rec)
	return b.String()
}

// writeMemberLine writes supMemberLine's words to b: a team's lines are
// written into one buffer.
func writeMemberLine(b *strings.Builder, rec supRecord) {
	const sep = " · "
	st := rec.status
	b.WriteString("<@")
	b.WriteString(rec.profile.UserID)
	b.WriteString("> (")
	b.WriteString(rec.profile.Role.Abbreviation())
	b.WriteByte(')')
	if last := st.LastAny; last != nil {
		b.WriteString(sep + "last: ")
		writeDate(b, last.Date)
		b.WriteString(", ")
		b.WriteString(string(last.Type))
	} else {
		b.WriteString(sep + "nothing logged that counts") // a disputed session may be there
	}
	if !st.Due.IsZero() {
		b.WriteString(sep + "due by ")
		writeDate(b, st.Due)
		if len(st.Clocks) > 1 {
			b.WriteString(" (")
			b.WriteString(supLowerFirst(st.Standard.Name))
			b.WriteByte(')')
		}
	}
	if st.LastAny != nil || st.State != supervision.None {
		b.WriteString(sep)
		writeLower(b, supStateWords(st))
	}
}

// writeDate writes supDate(t) to b.
func writeDate(b *strings.Builder, t time.Time) {
	if t.IsZero() {
		b.WriteString(supDate(t))
		return
	}
	var buf [32]byte
	b.Write(t.AppendFormat(buf[:0], supDateLayout))
}

// writeLower writes s to b with its first letter in lower case ("On
// track" as "on track"), leaving the rest as it is: a date in it keeps its
// capitals ("on leave until Fri 11 Dec 2026").
func writeLower(b *strings.Builder, s string) {
	if s != "" && 'A' <= s[0] && s[0] <= 'Z' {
		b.WriteByte(s[0] + 'a' - 'A')
		s = s[1:]
	}
	b.WriteString(s)
}

// supTeamCounts sums up a team in a sentence: how many are overdue, due
// soon and on track.
func supTeamCounts(recs []supRecord) string {
	var t supTally
	for _, r := range recs {
		t.add(r.status.State)
	}
	return t.String()
}

// supTallyStates are the states a team is counted by, in the order the
// counts are said.
var supTallyStates = [...]struct {
	state supervision.State
	words string
}{
	{supervision.Overdue, "overdue"},
	{supervision.DueSoon, "due soon"},
	{supervision.OnTrack, "on track"},
	{supervision.None, "with nothing logged that counts yet"},
	{supervision.Unknown, "with no known standard"},
}

// supTally counts a team's people by state, for supTeamCounts.
type supTally struct {
	n     [len(supTallyStates)]int
	total int
}

func (t *supTally) add(s supervision.State) {
	t.total++
	for i, x := range supTallyStates {
		if x.state == s {
			t.n[i]++
			return
		}
	}
}

// String is supTeamCounts' sentence.
func (t *supTally) String() string {
	parts := make([]string, 0, len(supTallyStates))
	for i, s := range supTallyStates {
		if t.n[i] > 0 {
			parts = append(parts, strconv.Itoa(t.n[i])+" "+s.words)
		}
	}
	return fmt.Sprintf("%s %s you as their supervisor: %s.",
		supCount(t.total, "person", "people"), supPick(t.total == 1, "names", "name"), strings.Join(parts, ", "))
}
