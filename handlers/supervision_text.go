package handlers

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/peerbot/peerbot/supervision"
)

// supEvery says how often, in words: "every month", "every 2 weeks"; ""
// when the interval is not known.
func supEvery(iv supervision.Interval) string {
	if iv.IsZero() {
		return ""
	}
	return iv.String()
}

// supDaysLeft says how far off a due date is.
func supDaysLeft(n int) string {
	switch {
	case n == 0:
		return "today"
	case n == 1:
		return "tomorrow"
	case n == -1:
		return "1 day overdue"
	case n < 0:
		return strconv.Itoa(-n) + " days overdue"
	}
	return "in " + strconv.Itoa(n) + " days"
}

// supDate writes a day as people read it: "Fri 20 Nov 2026".
// A calendar date is kept as midnight in its owner's zone, so it is
// written in its own location, never converted.
func supDate(t time.Time) string {
	if t.IsZero() {
		return "not known"
	}
	return t.Format(supDateLayout)
}

// supDateLayout is how a date reads: "Fri 20 Nov 2026".
const supDateLayout = "Mon 2 Jan 2006"

func supMention(userID string) string {
	if userID == FormerSupervisor {
		return "a former supervisor"
	}
	return "<@" + userID + ">"
}

// supUserID reads a user id from how Slack or a person writes one, or ""
// when s is not one.
func supUserID(s string) string {
	if id, ok := supervision.UserID(s); ok {
		return id
	}
	return ""
}

func supRoleTitle(r supervision.Role) string {
	if r == "" {
		return ""
	}
	return supUpperFirst(r.Name()) + " (" + r.Abbreviation() + ")"
}

func supLocalityName(l string) string {
	if l == "" {
		return ""
	}
	return supUpperFirst(l)
}

func supLocalityList() string { return strings.Join(supervision.Localities, ", ") }

func supTypeList() string {
	var names []string
	for _, t := range supervision.SessionTypes {
		names = append(names, string(t))
	}
	return strings.Join(names, ", ")
}

func supTypeLabel(t supervision.SessionType) string {
	switch t {
	case supervision.Clinical:
		return "Clinical or professional"
	case supervision.Group:
		return "Group"
	case supervision.Peer:
		return "Peer or action learning"
	case supervision.CoachingSup:
		return "Health coaching"
	case supervision.LineManagement:
		return "Line management"
	}
	return supUpperFirst(string(t))
}

func supUpperFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}

// supLowerFirst lowers a name's first letter for use mid-sentence, unless
// it starts an abbreviation ("NHS").
func supLowerFirst(s string) string {
	if len(s) < 2 || (s[1] >= 'A' && s[1] <= 'Z') {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

func supArticle(word string) string {
	if word != "" && strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

func supCount(n int, one, many string) string {
	return fmt.Sprintf("%d %s", n, supPick(n == 1, one, many))
}

func supPick(cond bool, a, b string) string {
	if cond {
		return a
	}
	return b
}

// supJoin lists words as a sentence does: "a", "a and b", "a, b and c".
func supJoin(words []string) string {
	switch len(words) {
	case 0:
		return ""
	case 1:
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
