package handlers

import (
	"context"
	"fmt"
	"strings"

	"github.com/peerbot/peerbot/internal/text"
	"github.com/peerbot/peerbot/knowledge"
	"github.com/peerbot/peerbot/supervision"
)

// Articles finds content entries by id. *knowledge.Base satisfies it.
type Articles interface {
	Entry(id string) (*knowledge.Entry, bool)
}

// Roles answers /roles: an overview of the three personalised care roles, or
// one role in depth. It is safe for concurrent use.
type Roles struct {
	articles Articles
}

// NewRoles returns the /roles handler over the given content. It fails when
// the content lacks an article the command needs, so a gap is found at start,
// not by the first person to ask.
func NewRoles(articles Articles) (*Roles, error) {
	for _, id := range append(roleIDs(), togetherID) {
		if _, ok := articles.Entry(id); !ok {
			return nil, fmt.Errorf("roles: content has no article %q", id)
		}
	}
	return &Roles{articles: articles}, nil
}

const togetherID = "roles-together"

func roleID(r supervision.Role) string { return "role-" + string(r) }

func roleIDs() []string {
	ids := make([]string, len(supervision.Roles))
	for i, r := range supervision.Roles {
		ids[i] = roleID(r)
	}
	return ids
}

// Command is the /roles entry of the command table.
func (h *Roles) Command() Command {
	return Command{
		Name:        "roles",
		Aliases:     []string{"role"},
		Usage:       "[role]",
		Description: "What social prescribing link workers, health and wellbeing coaches and care coordinators do, and how they work together.",
		Examples:    []string{"", "link worker", "coach", "CC", "together"},
		Fixed:       true, // the shipped content, the same for everyone
		ReadOnly:    true,
		Run:         h.Run,
	}
}

// Run answers /roles [role].
func (h *Roles) Run(_ context.Context, req Request) (Reply, error) {
	arg := strings.TrimSpace(req.Args)
	switch strings.ToLower(arg) {
	case "":
		return h.overview(req), nil
	case "together", "all", "team", "working together", "how they work together":
		return h.together(req), nil
	}
	role, ok := supervision.ParseRole(arg)
	if !ok {
		return h.unknown(req, arg), nil
	}
	return h.role(req, role), nil
}

func (h *Roles) entry(id string) *knowledge.Entry {
	e, _ := h.articles.Entry(id) // NewRoles checked every id
	return e
}

func (h *Roles) overview(req Request) Reply {
	r := Reply{
		Header: "The personalised care roles",
		Text: "Three non-medical roles in Primary Care Networks help people with what matters to them. " +
			"Pick one to read more, or see how they work together.",
	}
	for _, role := range supervision.Roles {
		e := h.entry(roleID(role))
		r.Sections = append(r.Sections, Section{Text: fmt.Sprintf("**%s**\n%s", e.Title, e.Summary)})
		r.Buttons = append(r.Buttons, Button{Label: shortTitle(e.Title), Command: "roles", Args: string(role)})
	}
	r.Buttons = append(r.Buttons, Button{Label: "How they work together", Command: "roles", Args: "together", Primary: true})
	r.Sources = sources(h.entry(togetherID))
	r.Note = fmt.Sprintf("Ask about one role: %s", req.Invocation("roles", "coach"))
	return r
}

func (h *Roles) role(req Request, role supervision.Role) Reply {
	e := h.entry(roleID(role))
	r := Reply{Header: e.Title, Text: e.Summary}
	for _, s := range e.Sections {
		if strings.EqualFold(s.Heading, "summary") {
			continue // the summary line above says it in short
		}
		r.Sections = append(r.Sections, Section{Heading: s.Heading, Text: s.Text})
	}
	for _, other := range supervision.Roles {
		if other != role {
			r.Buttons = append(r.Buttons, Button{Label: shortTitle(h.entry(roleID(other)).Title), Command: "roles", Args: string(other)})
		}
	}
	r.Buttons = append(r.Buttons, Button{Label: "How they work together", Command: "roles", Args: "together"})
	r.Sources = sources(e)
	r.Note = reviewed(e)
	return r
}

func (h *Roles) together(req Request) Reply {
	e := h.entry(togetherID)
	r := Reply{Header: e.Title, Text: e.Summary}
	for _, s := range e.Sections {
		r.Sections = append(r.Sections, Section{Heading: s.Heading, Text: s.Text})
	}
	for _, role := range supervision.Roles {
		r.Buttons = append(r.Buttons, Button{Label: shortTitle(h.entry(roleID(role)).Title), Command: "roles", Args: string(role)})
	}
	r.Sources = sources(e)
	r.Note = reviewed(e)
	return r
}

func (h *Roles) unknown(req Request, arg string) Reply {
	var names []string
	for _, role := range supervision.Roles {
		names = append(names, fmt.Sprintf("- %s (%s): %s", role.Name(), role.Abbreviation(), req.Invocation("roles", string(role))))
	}
	msg := fmt.Sprintf("I don't know a role called “%s”.", AsTyped(text.Clip(arg, 40)))
	r := Reply{}
	if role, ok := nearestRole(arg); ok {
		msg += fmt.Sprintf(" Did you mean %s?", req.Invocation("roles", string(role)))
		r.Buttons = []Button{{Label: shortTitle(h.entry(roleID(role)).Title), Command: "roles", Args: string(role), Primary: true}}
	}
	r.Text = fmt.Sprintf("%s I can tell you about these:\n%s\nOr see how they work together: %s",
		msg, strings.Join(names, "\n"), req.Invocation("roles", "together"))
	return r
}

// nearestRole is the role one of whose names arg is a typing slip of
// ("coahc" for coach), if one is nearest.
func nearestRole(arg string) (supervision.Role, bool) {
	arg = strings.ToLower(strings.TrimSpace(arg))
	var best supervision.Role
	bestD, found := 3, false
	for _, role := range supervision.Roles {
		for _, w := range supervision.RoleWords(role) {
			if d, ok := text.Slip(arg, w); ok && d < bestD {
				best, bestD, found = role, d, true
			}
		}
	}
	return best, found
}

// shortTitle drops a trailing "(ABBR)" so a title fits on a button.
func shortTitle(title string) string {
	if i := strings.LastIndex(title, " ("); i > 0 {
		return title[:i]
	}
	return title
}

func sources(e *knowledge.Entry) []Source {
	out := make([]Source, len(e.Sources))
	for i, s := range e.Sources {
		out[i] = Source{Title: s.Title, URL: s.URL, AsOf: s.AsOf.String()}
	}
	return out
}

func reviewed(e *knowledge.Entry) string {
	return fmt.Sprintf("Reviewed %s · %s", e.Reviewed, e.Owner)
}
