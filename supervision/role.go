// Package supervision is the domain of peerbot: the personalised care roles,
// their supervision standards, profiles, sessions and the rules that say when
// supervision is due. It uses the standard library only, so every rule can be
// tested without Slack or Redis.
package supervision

import (
	"sort"
	"strings"
)

// Role is one of the three personalised care roles funded through the
// Additional Roles Reimbursement Scheme. Its value is the short code used in
// content files and in stored profiles.
type Role string

// The personalised care roles.
const (
	LinkWorker  Role = "splw" // social prescribing link worker
	Coach       Role = "hwbc" // health and wellbeing coach
	Coordinator Role = "cc"   // care coordinator
)

// Roles lists every role in the order people usually name them.
var Roles = []Role{LinkWorker, Coach, Coordinator}

// Name is the role's full name in plain words.
func (r Role) Name() string {
	switch r {
	case LinkWorker:
		return "social prescribing link worker"
	case Coach:
		return "health and wellbeing coach"
	case Coordinator:
		return "care coordinator"
	}
	return string(r)
}

// Abbreviation is the role's usual initialism (SPLW, HWBC, CC).
func (r Role) Abbreviation() string { return strings.ToUpper(string(r)) }

// roleWords maps everything people call a role, normalised by normalise, to
// the role. Kept as data so search and parsing agree on the same words.
var roleWords = map[string]Role{
	"splw":                           LinkWorker,
	"splws":                          LinkWorker,
	"link worker":                    LinkWorker,
	"link workers":                   LinkWorker,
	"linkworker":                     LinkWorker,
	"social prescriber":              LinkWorker,
	"social prescribers":             LinkWorker,
	"social prescribing":             LinkWorker,
	"social prescribing link worker": LinkWorker,
	"community connector":            LinkWorker,
	"hwbc":                           Coach,
	"hwbcs":                          Coach,
	"coach":                          Coach,
	"coaches":                        Coach,
	"health coach":                   Coach,
	"health coaches":                 Coach,
	"wellbeing coach":                Coach,
	"health and wellbeing coach":     Coach,
	"health & wellbeing coach":       Coach,
	"health and well being coach":    Coach,
	"cc":                             Coordinator,
	"ccs":                            Coordinator,
	"care coordinator":               Coordinator,
	"care coordinators":              Coordinator,
	"care co ordinator":              Coordinator,
	"care co ordinators":             Coordinator,
	"coordinator":                    Coordinator,
	"co ordinator":                   Coordinator,
}

// ParseRole finds the role a person means by s: a code, an abbreviation or an
// everyday name, in any case, with or without hyphens ("care co-ordinator").
// It reports false when s names no role.
func ParseRole(s string) (Role, bool) {
	r, ok := roleWords[normalise(s)]
	return r, ok
}

// RoleWords returns every word or phrase ParseRole accepts for r, sorted, for
// help text and search synonyms.
func RoleWords(r Role) []string {
	var words []string
	for w, role := range roleWords {
		if role == r {
			words = append(words, w)
		}
	}
	sort.Strings(words)
	return words
}

// normalise lower-cases s, turns hyphens and underscores into spaces and
// folds runs of white space, so "Care Co-ordinator " reads "care co ordinator".
func normalise(s string) string {
	s = strings.ToLower(s)
	s = strings.Map(func(r rune) rune {
		switch r {
		case '-', '_', '/', '.':
			return ' '
		case '\u2019':
			return '\''
		}
		return r
	}, s)
	return strings.Join(strings.Fields(s), " ")
}
