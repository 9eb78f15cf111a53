package knowledge

import (
	"regexp"
	"slices"
	"time"
)

// DefaultReviewMonths is how long an article goes between reviews unless
// REVIEW_MONTHS says otherwise.
const DefaultReviewMonths = 12

var slackUserID = regexp.MustCompile(`^[UW][A-Z0-9]{2,}$`)

// ReviewDue is the day an article falls due for review: its reviewed date
// plus months.
func (e *Entry) ReviewDue(months int) time.Time {
	return e.Reviewed.AddDate(0, months, 0)
}

// Stale returns the entries due for review on now's date, reviewed longest
// ago first.
func Stale(entries []*Entry, now time.Time, months int) []*Entry {
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC)
	var out []*Entry
	for _, e := range entries {
		if !e.ReviewDue(months).After(today) {
			out = append(out, e)
		}
	}
	slices.SortStableFunc(out, func(a, b *Entry) int {
		if c := a.Reviewed.Compare(b.Reviewed.Time); c != 0 {
			return c
		}
		return compareStrings(a.ID, b.ID)
	})
	return out
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
