package handlers

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/peerbot/peerbot/internal/text"
	"github.com/peerbot/peerbot/supervision"
)

func (h *Supervision) standardsReply(ctx context.Context, req Request) (Reply, error) {
	p, hasProfile, err := h.profiles.Profile(ctx, req.UserID)
	if err != nil {
		return Reply{}, fmt.Errorf("supervision: reading profile: %w", err)
	}
	mine := supervision.Role("") // the person's own role, shown first
	locality := ""
	if hasProfile {
		mine, locality = p.Role, p.Locality
	}
	roles, ok := supStandardsRoles(req.Args, mine)
	if !ok {
		return supUnknownRole(req, req.Args), nil
	}
	r := Reply{Header: "Supervision standards"}
	r.Text = "How much supervision each role should have, and who is suited to give it."
	if len(roles) == 1 {
		r.Header = "Supervision standards: " + roles[0].Abbreviation()
		r.Text = fmt.Sprintf("How much supervision a %s should have, and who is suited to give it.", roles[0].Name())
	}
	if locality != "" {
		r.Text += fmt.Sprintf(" Shown for %s.", supLocalityName(locality))
	}
	seen := map[string]bool{}
	var asOf []string
	for _, role := range roles {
		std, err := h.source.For(ctx, role, locality)
		if err != nil {
			return Reply{}, fmt.Errorf("supervision: reading standards: %w", err)
		}
		head := supRoleTitle(role)
		if role == mine && len(roles) > 1 {
			head += " (your role)"
		}
		body := std.Summary
		if b := supBasisNote(std); b != "" {
			body += "\n" + b
		}
		r.Sections = append(r.Sections, Section{Heading: head, Text: strings.TrimSpace(body)})
		for _, k := range std.Kinds {
			r.Sections = append(r.Sections, Section{Text: supKindText(k)})
		}
		supAddSources(&r, seen, std.Sources)
		if a := supAsOf(std.AsOf); a != "" && !slices.Contains(asOf, a) {
			asOf = append(asOf, a)
		}
	}
	if note, ok := h.shipped().Local(locality); ok && note.Note != "" {
		r.Sections = append(r.Sections, Section{Heading: "In " + supLocalityName(locality), Text: note.Note})
		supAddSources(&r, seen, note.Sources)
	}
	if len(asOf) > 0 {
		r.Note = "Standards as of " + strings.Join(asOf, ", ") + "."
	}
	if len(roles) == 1 {
		for _, other := range supervision.Roles {
			if other != roles[0] {
				r.Buttons = append(r.Buttons, Button{Label: supRoleTitle(other), Command: "supervision", Args: "standards " + string(other)})
			}
		}
	}
	return r, nil
}

// supStandardsRoles picks the roles whose standards to show: the one asked
// for, else every role with the person's own (mine, "" when none) first.
// It reports false when args names no role.
func supStandardsRoles(args string, mine supervision.Role) ([]supervision.Role, bool) {
	switch {
	case args != "":
		role, ok := supervision.ParseRole(args)
		return []supervision.Role{role}, ok
	case mine != "" && slices.Contains(supervision.Roles, mine):
		others := slices.DeleteFunc(slices.Clone(supervision.Roles), func(r supervision.Role) bool { return r == mine })
		return append([]supervision.Role{mine}, others...), true
	}
	return supervision.Roles, true
}

// supUnknownRole answers standards for a role it does not know, with the
// ones it does.
func supUnknownRole(req Request, args string) Reply {
	var names []string
	for _, r := range supervision.Roles {
		names = append(names, fmt.Sprintf("- %s: %s", supRoleTitle(r), req.Invocation("supervision", "standards "+string(r))))
	}
	return Say(fmt.Sprintf("I don't know a role called “%s”. I have standards for these:\n%s", AsTyped(text.Clip(args, 40)), strings.Join(names, "\n")))
}

// supAddSources adds the sources r does not cite yet, each once.
func supAddSources(r *Reply, seen map[string]bool, sources []supervision.Source) {
	for _, s := range sources {
		if !seen[s.URL] {
			seen[s.URL] = true
			r.Sources = append(r.Sources, Source{Title: s.Title, URL: s.URL, AsOf: supAsOf(s.AsOf)})
		}
	}
}

// supAsOf writes a source's date, kept as 2006-01-02, as people read it.
func supAsOf(s string) string {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return s
	}
	return t.Format("2 Jan 2006")
}

// supKindText describes one kind of supervision a standard asks for.
func supKindText(k supervision.Kind) string {
	every := supEvery(k.Every)
	if every == "" {
		every = "not found in the sources"
	}
	lines := []string{
		"**" + k.Name + "**",
		"- How often: " + every,
		"- How long: " + supLength(k.MinMinutes, k.MaxMinutes),
	}
	if k.Supervisors != "" {
		lines = append(lines, "- Who is suited to supervise: "+k.Supervisors)
	}
	if k.Note != "" {
		lines = append(lines, "- "+k.Note)
	}
	return strings.Join(lines, "\n")
}

func supLength(lo, hi int) string {
	switch {
	case lo > 0 && hi > 0 && hi != lo:
		return fmt.Sprintf("%s to %s", supDuration(lo), supDuration(hi))
	case lo > 0:
		return "at least " + supDuration(lo)
	case hi > 0:
		return "up to " + supDuration(hi)
	}
	return "not found in the sources"
}

func supDuration(m int) string {
	switch {
	case m%60 == 0 && m >= 60:
		return supCount(m/60, "hour", "hours")
	case m > 60:
		return fmt.Sprintf("%d hour %d minutes", m/60, m%60)
	}
	return supCount(m, "minute", "minutes")
}
