package handlers

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/peerbot/peerbot/supervision"
)

// standardsCommand is "admin standards" and its subcommands.
func (a *Admin) standardsCommand() Command {
	return Command{
		Name:        "standards",
		Description: "Shows and changes how often each role's supervision is due, for the network or one locality.",
		Run:         a.StandardsShow,
		Subcommands: []Command{
			{Name: "show", ReadOnly: true, Description: "Shows each role's standard and the overrides admins have set.", Run: a.StandardsShow},
			{
				Name: "set", Usage: "<role> every <N> weeks [min <M> minutes] [locality <name>]",
				Description: "Sets how often a role's supervision is due, in place of the published standard.",
				Examples:    []string{"splw every 4 weeks", "coach every 6 weeks min 60 minutes locality gateshead"},
				More:        fmt.Sprintf("Status, the App Home, the team view, reports and reminders use it at once. It changes the first kind of supervision a role has. From 1 to %d weeks; a locality's own setting comes before one for everywhere.", supervision.MaxOverrideWeeks),
				Run:         a.StandardsSet,
			},
			{
				Name: "reset", Usage: "<role> [locality <name>]",
				Description: "Goes back to the published standard for a role.",
				Examples:    []string{"splw", "coach locality gateshead"},
				Run:         a.StandardsReset,
			},
		},
	}
}

// StandardsShow answers "admin standards show".
func (a *Admin) StandardsShow(ctx context.Context, req Request) (Reply, error) {
	if a.overrides == nil {
		return Say("Standards cannot be changed on this bot."), nil
	}
	list, err := a.overrides.Overrides(ctx)
	if err != nil {
		return Reply{}, fmt.Errorf("admin standards: %w", err)
	}
	slices.SortFunc(list, func(x, y supervision.Override) int {
		return strings.Compare(string(x.Role)+"|"+x.Locality, string(y.Role)+"|"+y.Locality)
	})
	r := Reply{Header: "Supervision standards"}
	var lines []string
	for _, role := range supervision.Roles {
		std := a.overrides.Shipped().For(role, "")
		lines = append(lines, "- "+role.Abbreviation()+": "+standardWords(std)+" (published)")
	}
	r.Sections = append(r.Sections, Section{Heading: "Published", Text: strings.Join(lines, "\n")})
	if len(list) == 0 {
		r.Text = "No overrides: everyone follows the published standards."
	} else {
		r.Text = fmt.Sprintf("%s set by admins, used in place of the published standard.", supCount(len(list), "override", "overrides"))
		lines = lines[:0]
		for _, o := range list {
			where := "everywhere"
			if o.Locality != "" {
				where = "in " + supLocalityName(o.Locality)
			}
			line := fmt.Sprintf("- %s %s: every %s", o.Role.Abbreviation(), where, supCount(o.Weeks, "week", "weeks"))
			if o.MinMinutes > 0 {
				line += fmt.Sprintf(", at least %d minutes", o.MinMinutes)
			}
			if slackUserID.MatchString(o.By) {
				line += " · set by <@" + o.By + "> on " + o.At.UTC().Format("2 Jan 2006")
			}
			lines = append(lines, line)
		}
		r.Sections = append(r.Sections, Section{Heading: "Overrides", Text: strings.Join(lines, "\n")})
	}
	r.Note = "Change one with " + req.Invocation("admin", "standards set splw every 4 weeks") + "; go back with " + req.Invocation("admin", "standards reset splw") + "."
	return r, nil
}

// standardWords is a standard's kinds as a short phrase.
func standardWords(std supervision.Standard) string {
	var parts []string
	for _, k := range std.Kinds {
		p := supLowerFirst(k.Name) + " " + k.Every.String()
		if k.MinMinutes > 0 {
			p += fmt.Sprintf(", at least %d minutes", k.MinMinutes)
		}
		parts = append(parts, p)
	}
	if len(parts) == 0 {
		return "none known"
	}
	return strings.Join(parts, "; ")
}

// StandardsSet answers "admin standards set <role> every <N> weeks [min
// <M> minutes] [locality <name>]".
func (a *Admin) StandardsSet(ctx context.Context, req Request) (Reply, error) {
	if a.overrides == nil {
		return Say("Standards cannot be changed on this bot."), nil
	}
	example := "For example: " + req.Invocation("admin", "standards set coach every 6 weeks min 60 minutes locality gateshead")
	o, bad := parseOverride(req.Args)
	if bad != "" {
		return Say(bad + "\n" + example), nil
	}
	o.By, o.At = req.UserID, a.now()
	if err := o.Check(); err != nil {
		return Say(supUpperFirst(err.Error()) + ".\n" + example), nil
	}
	if err := a.overrides.Set(ctx, o); err != nil {
		if errors.Is(err, ErrUnknown) {
			return Say("I may not have saved that: the store did not answer. Please check with " + req.Invocation("admin", "standards show") + "."), nil
		}
		return Reply{}, fmt.Errorf("admin standards set: %w", err)
	}
	where := "everywhere without a setting of its own"
	if o.Locality != "" {
		where = "in " + supLocalityName(o.Locality)
	}
	msg := fmt.Sprintf("Done: %s supervision is now due every %s %s", o.Role.Abbreviation(), supCount(o.Weeks, "week", "weeks"), where)
	if o.MinMinutes > 0 {
		msg += fmt.Sprintf(", at least %d minutes long", o.MinMinutes)
	}
	return Say(msg + ". Status, the App Home, reports and reminders use it from now."), nil
}

// StandardsReset answers "admin standards reset <role> [[locality] <name>]".
func (a *Admin) StandardsReset(ctx context.Context, req Request) (Reply, error) {
	if a.overrides == nil {
		return Say("Standards cannot be changed on this bot."), nil
	}
	example := "For example: " + req.Invocation("admin", "standards reset coach locality gateshead")
	roleWords, locWords, named := strings.Cut(" "+strings.TrimSpace(req.Args)+" ", " locality ")
	if named && strings.TrimSpace(locWords) == "" {
		// "reset splw locality": a locality meant, its name left out.
		// Never read as everywhere, whose override would go instead.
		return Say(fmt.Sprintf("Say which locality, %s, after locality; for the override everywhere, leave locality out.\n%s",
			strings.Join(supervision.Localities, " or "), example)), nil
	}
	roleWords, locWords = bareLocality(roleWords, locWords)
	role, ok := supervision.ParseRole(strings.TrimSpace(roleWords))
	switch {
	case !ok && strings.TrimSpace(roleWords) == "":
		return Say("Say which role to go back to the published standard for: SPLW, HWBC or CC.\n" + example), nil
	case !ok:
		return Say(fmt.Sprintf("Say which role to go back to the published standard for: SPLW, HWBC or CC, not “%s”.\n%s", reportTyped(roleWords), example)), nil
	}
	locality := ""
	if w := strings.TrimSpace(locWords); w != "" {
		l, ok := supervision.ParseLocality(w)
		if !ok || l == "" {
			return Say(fmt.Sprintf("I don't know a locality called “%s”. Localities are %s.", reportTyped(w), strings.Join(supervision.Localities, " and "))), nil
		}
		locality = l
	}
	had, err := a.overrides.Reset(ctx, role, locality)
	if err != nil {
		if errors.Is(err, ErrUnknown) {
			return Say("I may not have done that: the store did not answer. Please check with " + req.Invocation("admin", "standards show") + "."), nil
		}
		return Reply{}, fmt.Errorf("admin standards reset: %w", err)
	}
	where := "everywhere"
	if locality != "" {
		where = "in " + supLocalityName(locality)
	}
	if !had {
		return Say(fmt.Sprintf("There was no override for %s %s: it already follows the published standard.", role.Abbreviation(), where)), nil
	}
	return Say(fmt.Sprintf("Done: %s %s follows the published standard again.", role.Abbreviation(), where)), nil
}

// parseOverride reads "<role> every <N> weeks [min <M> minutes] [locality
// <name>]". A non-empty string says what is wrong.
func parseOverride(args string) (supervision.Override, string) {
	var o supervision.Override
	words := overrideWords(strings.Fields(strings.ToLower(args)))
	if slices.Contains(words, "month") || slices.Contains(words, "months") || slices.Contains(words, "monthly") {
		return o, "The network's own standards are kept in weeks: for about once a month, say “every 4 weeks”."
	}
	every := slices.Index(words, "every")
	if every < 1 {
		return o, "Say the role and how often, such as “splw every 4 weeks”."
	}
	role, ok := supervision.ParseRole(strings.Join(words[:every], " "))
	if !ok {
		return o, fmt.Sprintf("I don't know a role called “%s”. Roles are SPLW, HWBC and CC.", reportTyped(strings.Join(words[:every], " ")))
	}
	o.Role = role
	rest := words[every+1:]
	if len(rest) < 2 || !slices.Contains([]string{"week", "weeks"}, rest[1]) {
		return o, "Say how often in weeks, such as “every 4 weeks”."
	}
	n, err := strconv.Atoi(rest[0])
	if err != nil {
		return o, fmt.Sprintf("“%s” is not a number of weeks.", reportTyped(rest[0]))
	}
	o.Weeks, rest = n, rest[2:]
	if len(rest) > 0 && (rest[0] == "min" || rest[0] == "minimum") {
		if len(rest) < 3 || !slices.Contains([]string{"minutes", "minute", "mins", "min"}, rest[2]) {
			return o, "Say the shortest session in minutes, such as “min 60 minutes”."
		}
		m, err := strconv.Atoi(rest[1])
		if err != nil || m < 1 {
			return o, fmt.Sprintf("“%s” is not a number of minutes.", reportTyped(rest[1]))
		}
		o.MinMinutes, rest = m, rest[3:]
	}
	if len(rest) == 1 && rest[0] != "locality" {
		if _, ok := supervision.ParseLocality(rest[0]); ok {
			rest = []string{"locality", rest[0]} // "… every 3 weeks gateshead"
		}
	}
	if len(rest) > 0 && rest[0] == "locality" {
		l, ok := supervision.ParseLocality(strings.Join(rest[1:], " "))
		if !ok || l == "" {
			return o, fmt.Sprintf("I don't know a locality called “%s”. Localities are %s.", reportTyped(strings.Join(rest[1:], " ")), strings.Join(supervision.Localities, " and "))
		}
		o.Locality, rest = l, nil
	}
	if len(rest) > 0 {
		return o, fmt.Sprintf("I didn't follow “%s”.", reportTyped(strings.Join(rest, " ")))
	}
	return o, ""
}

// overrideWords puts an override as admins say it into the words
// parseOverride reads: "every fortnight" and "fortnightly" are every 2
// weeks, "every week" and "weekly" every 1 week, "6 weeks" after the role
// is every 6 weeks, "min 1 hour" is min 60 minutes and "in gateshead" is
// locality gateshead.
func overrideWords(words []string) []string {
	var out []string
	for i := 0; i < len(words); i++ {
		w := words[i]
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		switch {
		case w == "fortnightly" || w == "weekly":
			n := map[string]string{"fortnightly": "2", "weekly": "1"}[w]
			out = append(out, "every", n, "weeks")
		case (w == "fortnight" || w == "week") && len(out) > 0 && out[len(out)-1] == "every":
			n := map[string]string{"fortnight": "2", "week": "1"}[w]
			out = append(out, n, "weeks")
		case (next == "week" || next == "weeks") && !slices.Contains(out, "every") && len(out) > 0 && out[len(out)-1] != "every":
			if _, err := strconv.Atoi(w); err == nil {
				out = append(out, "every", w)
			} else {
				out = append(out, w)
			}
		case (next == "hour" || next == "hours" || next == "hr" || next == "hrs") && len(out) > 0 && (out[len(out)-1] == "min" || out[len(out)-1] == "minimum"):
			if n, err := strconv.Atoi(w); err == nil {
				out = append(out, strconv.Itoa(60*n), "minutes")
				i++
			} else {
				out = append(out, w)
			}
		case w == "in" && next != "" && len(out) > 0 && slices.Contains(out, "every"):
			out = append(out, "locality") // "in gateshead", last: a locality
		default:
			out = append(out, w)
		}
	}
	return out
}

// bareLocality lets "reset splw gateshead" mean "reset splw locality
// gateshead": when roleWords is no role but its last word is a locality
// and no locality was given with the word, that word is the locality.
func bareLocality(roleWords, locWords string) (string, string) {
	f := strings.Fields(roleWords)
	if strings.TrimSpace(locWords) != "" || len(f) < 2 {
		return roleWords, locWords
	}
	if _, ok := supervision.ParseRole(strings.Join(f, " ")); ok {
		return roleWords, locWords
	}
	last := f[len(f)-1]
	if l, ok := supervision.ParseLocality(last); ok && l != "" {
		f = f[:len(f)-1]
		if len(f) > 1 && f[len(f)-1] == "in" { // "splw in gateshead", as set takes it
			f = f[:len(f)-1]
		}
		return strings.Join(f, " "), last
	}
	return roleWords, locWords
}
