package supervision

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// Override is a network admin's own frequency for a role's supervision,
// in one locality or ("" ) everywhere, in place of the shipped standard's
// first kind: the one status and reminders follow first.
type Override struct {
	Role       Role
	Locality   string // "" for every locality without its own override
	Weeks      int    // how often, in weeks: 1 to MaxOverrideWeeks
	MinMinutes int    // the shortest session that is enough; 0 leaves the standard's
	By         string // the admin's user id
	At         time.Time
}

// MaxOverrideWeeks and MaxOverrideMinutes bound what an admin can set.
const (
	MaxOverrideWeeks   = 52
	MaxOverrideMinutes = 480
)

// Check says what is wrong with an override, in words for the admin, or
// returns nil.
func (o Override) Check() error {
	if !slices.Contains(Roles, o.Role) {
		return fmt.Errorf("the role %q is not one I know", o.Role)
	}
	if o.Locality != "" {
		if l, ok := ParseLocality(o.Locality); !ok || l != o.Locality {
			return fmt.Errorf("the locality %q is not one I know", o.Locality)
		}
	}
	if o.Weeks < 1 || o.Weeks > MaxOverrideWeeks {
		return fmt.Errorf("the frequency must be from 1 to %d weeks", MaxOverrideWeeks)
	}
	if o.MinMinutes < 0 || o.MinMinutes > MaxOverrideMinutes {
		return fmt.Errorf("the length must be from 1 to %d minutes", MaxOverrideMinutes)
	}
	return nil
}

// Apply returns std with the override in place: its first kind due every
// o.Weeks weeks, and at least o.MinMinutes long when that is set. std is
// not modified.
func (o Override) Apply(std Standard) Standard {
	std = clone(std)
	if len(std.Kinds) == 0 {
		return std
	}
	k := &std.Kinds[0]
	published := k.Every
	k.Every = Interval{Days: 7 * o.Weeks}
	set := "how often"
	if o.MinMinutes > 0 {
		set += " and how long"
		k.MinMinutes = o.MinMinutes
		if k.MaxMinutes > 0 && k.MaxMinutes < o.MinMinutes {
			k.MaxMinutes = 0
		}
	}
	// The kind's note is about the published guidance: said as that, so
	// it credits nobody with the admins' numbers.
	// A note on a kind the sources give no frequency for speaks of its
	// having none, which no longer holds.
	note := "The network's admins set " + set
	switch {
	case published.IsZero():
		note += "; the published guidance gives no frequency."
	case k.Note != "":
		note += "; the published guidance they replace: " + lowerFirst(k.Note)
	default:
		note += "."
	}
	k.Note = note
	std.Basis = "Set by the network's admins" + overrideWhere(o.Locality) + ", in place of the published recommended minimum. " + std.Basis
	return std
}

// lowerFirst is s with its first letter in lower case, unless it starts
// a name in capitals ("NHS").
func lowerFirst(s string) string {
	if len(s) < 2 || s[0] < 'A' || s[0] > 'Z' || (s[1] >= 'A' && s[1] <= 'Z') {
		return s
	}
	return string(s[0]+'a'-'A') + s[1:]
}

func overrideWhere(locality string) string {
	if locality == "" {
		return ""
	}
	return " for " + strings.ToUpper(locality[:1]) + locality[1:] // "gateshead" reads "Gateshead"
}

// Overridden returns the standard for role in locality with the overrides
// applied: the locality's own override, else the one for everywhere, else
// the shipped standard as it is.
func Overridden(s *Standards, overrides map[[2]string]Override, role Role, locality string) Standard {
	std := s.For(role, locality)
	if o, ok := overrides[[2]string{string(role), locality}]; ok && locality != "" {
		return o.Apply(std)
	}
	if o, ok := overrides[[2]string{string(role), ""}]; ok {
		return o.Apply(std)
	}
	return std
}
