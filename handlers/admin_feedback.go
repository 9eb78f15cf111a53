package handlers

import (
	"context"
	"fmt"
	"slices"
	"strings"

	"github.com/peerbot/peerbot/knowledge"
)

// FeedbackReport reads what people said of the answers. *store.Redis
// satisfies it.
type FeedbackReport interface {
	// VoteCounts returns each entry's helpful and not helpful counts, in
	// ids' order.
	VoteCounts(ctx context.Context, ids []string) ([][2]int, error)
	// Unanswered returns the n most counted unanswered terms, most first.
	Unanswered(ctx context.Context, n int) ([]TermCount, error)
}

// Entries lists the content's articles. *Content and *knowledge.Base
// satisfy it.
type Entries interface {
	Entries() []*knowledge.Entry
}

// How many of each list "admin feedback" shows.
const (
	feedbackWorst      = 10
	feedbackUnanswered = 15
	feedbackStale      = 20
)

// Feedback answers "admin feedback": the answers with the most "not
// helpful" votes, the terms most often left unanswered, and the articles
// due for review.
func (a *Admin) Feedback(ctx context.Context, req Request) (Reply, error) {
	if a.feedback == nil || a.content == nil {
		return Say("Feedback is not set up on this bot."), nil
	}
	entries := a.content.Entries()
	ids := make([]string, len(entries))
	for i, e := range entries {
		ids[i] = e.ID
	}
	counts, err := a.feedback.VoteCounts(ctx, ids)
	if err != nil {
		return Reply{}, fmt.Errorf("admin feedback: %w", err)
	}
	terms, err := a.feedback.Unanswered(ctx, feedbackUnanswered)
	if err != nil {
		return Reply{}, fmt.Errorf("admin feedback: %w", err)
	}
	r := Reply{Header: "Feedback on answers"}
	order := make([]int, 0, len(ids))
	for i := range ids {
		if counts[i][1] > 0 {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(x, y int) int {
		if d := counts[y][1] - counts[x][1]; d != 0 {
			return d
		}
		return counts[x][0] - counts[y][0]
	})
	var lines []string
	for _, i := range order[:min(len(order), feedbackWorst)] {
		lines = append(lines, fmt.Sprintf("- **%s** (%s): %d not helpful, %d helpful", entries[i].Title, entries[i].ID, counts[i][1], counts[i][0]))
	}
	if len(lines) == 0 {
		lines = []string{"No answer has had a “not helpful” vote yet."}
	}
	r.Sections = append(r.Sections, reportGroupSections("Least helpful answers", lines)...)
	lines = lines[:0]
	for _, t := range terms {
		lines = append(lines, fmt.Sprintf("- %s: %d", AsTyped(t.Term), t.Count))
	}
	if len(lines) == 0 {
		lines = []string{"No question has gone unanswered lately."}
	}
	r.Sections = append(r.Sections, reportGroupSections("Most asked and not answered", lines)...)
	r.Sections = append(r.Sections, a.staleSection()...)
	r.Text = "What people said of the answers, and what to write or review next."
	r.Note = "Unanswered terms are words of the content's own vocabulary; who asked and what they typed are never kept."
	return r, nil
}

// Unanswered answers "admin unanswered [n]", as "unanswered [n]" does: an
// admin looks for it beside "admin feedback".
func (a *Admin) Unanswered(ctx context.Context, req Request) (Reply, error) {
	if a.feedback == nil {
		return Say("Feedback is not set up on this bot."), nil
	}
	return unanswered(ctx, a.feedback, req, req.Invocation("admin", "unanswered 50"))
}

// staleSection lists the articles due for review.
func (a *Admin) staleSection() []Section {
	due := knowledge.Stale(a.content.Entries(), a.now(), a.months)
	lines := StaleLines(due, a.months, feedbackStale)
	if len(lines) == 0 {
		lines = []string{fmt.Sprintf("Every article was reviewed in the last %s.", supCount(a.months, "month", "months"))}
	}
	return reportGroupSections("Due for review", lines)
}

// StaleLines are the articles due for review as list lines, at most n:
// for /peer admin feedback and the admin digest.
func StaleLines(due []*knowledge.Entry, months, n int) []string {
	var lines []string
	for i, e := range due {
		if i == n {
			lines = append(lines, fmt.Sprintf("- and %d more", len(due)-n))
			break
		}
		lines = append(lines, fmt.Sprintf("- **%s** (%s): reviewed %s, owner %s", e.Title, e.ID, e.Reviewed.Format("2 Jan 2006"), strings.TrimSpace(e.Owner)))
	}
	return lines
}
