package bot

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/peerbot/peerbot/handlers"
)

// Table routes what a person typed to a command and generates help from the
// same entries, so the two never disagree. It is read-only once built and
// safe for concurrent use.
type Table struct {
	umbrella string // "/peer"
	commands []handlers.Command
	words    map[string]int    // name or alias under the umbrella → index
	slash    map[string]int    // "/roles" → index
	names    map[string]string // command name → its own slash name, "" when it has none
}

var slashName = regexp.MustCompile(`^/[a-z0-9_-]{1,31}$`)

// NewTable builds the table. umbrella is the slash command that reaches every
// command ("/peer"); slashNames gives a command its own slash command
// (name → "/roles"); a command without one is reached through the umbrella
// only.
func NewTable(umbrella string, slashNames map[string]string, cmds ...handlers.Command) (*Table, error) {
	t := &Table{
		umbrella: umbrella,
		commands: cmds,
		words:    make(map[string]int),
		slash:    make(map[string]int),
		names:    make(map[string]string),
	}
	if !slashName.MatchString(umbrella) {
		return nil, fmt.Errorf("umbrella command %q is not a slash command name", umbrella)
	}
	for i, c := range cmds {
		if c.Name == "" || c.Run == nil {
			return nil, fmt.Errorf("command %d has no name or handler", i)
		}
		for _, w := range append([]string{c.Name}, c.Aliases...) {
			if w == "help" {
				return nil, fmt.Errorf("command %q: %q is kept for help", c.Name, w)
			}
			if j, dup := t.words[w]; dup {
				return nil, fmt.Errorf("commands %q and %q both answer to %q", cmds[j].Name, c.Name, w)
			}
			t.words[w] = i
		}
		name := slashNames[c.Name]
		if name == "" {
			continue
		}
		if !slashName.MatchString(name) {
			return nil, fmt.Errorf("command %q: %q is not a slash command name", c.Name, name)
		}
		if _, dup := t.slash[name]; dup || name == umbrella {
			return nil, fmt.Errorf("slash command %s is given twice", name)
		}
		t.slash[name] = i
		t.names[c.Name] = name
	}
	return t, nil
}

// Umbrella is the slash command that reaches every command.
func (t *Table) Umbrella() string { return t.umbrella }

// SlashCommands lists every slash command the table answers: the umbrella
// first, then each command's own.
func (t *Table) SlashCommands() []string {
	out := []string{t.umbrella}
	for _, c := range t.commands {
		if n := t.names[c.Name]; n != "" {
			out = append(out, n)
		}
	}
	return out
}

// Invocation spells a command with arguments as a person types it here:
// with its own slash command when it has one, else under the umbrella.
func (t *Table) Invocation(name, args string) string {
	s := t.names[name]
	if s == "" {
		s = t.umbrella + " " + name
	}
	if args != "" {
		s += " " + args
	}
	return s
}

// Line splits a line typed as free text (in the console, a mention or a DM)
// into a slash command and what follows it. The slash may be left out:
// "roles coach" and "peer roles coach" both mean the umbrella's "roles coach".
func (t *Table) Line(line string) (slash, text string) {
	word, rest := cut(line)
	switch {
	case strings.HasPrefix(word, "/"):
		return word, rest
	case strings.EqualFold(word, strings.TrimPrefix(t.umbrella, "/")):
		return t.umbrella, rest
	}
	return t.umbrella, strings.TrimSpace(line)
}

// route is what a typed command resolves to.
type route struct {
	cmd     *handlers.Command // the command to run; nil for help and unknown
	args    string
	help    bool              // show help: of topic, or of everything
	topic   *handlers.Command // the command help is about, if any
	unknown string            // what was not understood, for the reply
}

// Route resolves a slash command and the text after it. text is trimmed.
func (t *Table) Route(slash, text string) route {
	slash = strings.ToLower(strings.TrimSpace(slash))
	text = strings.TrimSpace(text)
	if slash == t.umbrella {
		word, rest := cut(text)
		switch strings.ToLower(word) {
		case "", "help", "?":
			if rest == "" {
				return route{help: true}
			}
			if i, ok := t.words[strings.ToLower(firstWord(rest))]; ok {
				return route{help: true, topic: &t.commands[i]}
			}
			return route{help: true, unknown: rest}
		}
		i, ok := t.words[strings.ToLower(word)]
		if !ok {
			return route{unknown: word}
		}
		return t.command(i, rest)
	}
	i, ok := t.slash[slash]
	if !ok {
		return route{unknown: slash}
	}
	return t.command(i, text)
}

func (t *Table) command(i int, args string) route {
	c := &t.commands[i]
	switch strings.ToLower(args) {
	case "help", "?", "-h", "--help":
		return route{help: true, topic: c}
	}
	return route{cmd: c, args: args}
}

// Help lists the commands the person may use, with usage and examples.
func (t *Table) Help(isAdmin bool) handlers.Reply {
	r := handlers.Reply{
		Header: "What I can help with",
		Text:   fmt.Sprintf("Type a command, or %s followed by one of these words. Add `help` to any command for more.", t.umbrella),
	}
	for _, c := range t.visible(isAdmin) {
		r.Sections = append(r.Sections, handlers.Section{
			Text: fmt.Sprintf("**%s** %s\n%s", t.Invocation(c.Name, ""), c.Usage, c.Description),
		})
	}
	r.Note = fmt.Sprintf("Every command also works as %s <command>, for example %s.", t.umbrella, t.umbrella+" "+t.firstVisible(isAdmin))
	return r
}

// CommandHelp explains one command.
func (t *Table) CommandHelp(c *handlers.Command) handlers.Reply {
	r := handlers.Reply{
		Header: t.Invocation(c.Name, ""),
		Text:   c.Description,
	}
	usage := fmt.Sprintf("%s %s", t.Invocation(c.Name, ""), c.Usage)
	if t.names[c.Name] != "" {
		usage += fmt.Sprintf("\n%s %s %s", t.umbrella, c.Name, c.Usage)
	}
	r.Sections = append(r.Sections, handlers.Section{Heading: "Usage", Text: strings.TrimSpace(usage)})
	if len(c.Examples) > 0 {
		var ex []string
		for _, e := range c.Examples {
			ex = append(ex, "- "+t.Invocation(c.Name, e))
		}
		r.Sections = append(r.Sections, handlers.Section{Heading: "Examples", Text: strings.Join(ex, "\n")})
	}
	if c.AdminOnly {
		r.Note = "Only network admins can use this command."
	}
	return r
}

// Unknown answers a command that was not understood, suggesting the nearest
// one when the word looks like a slip.
func (t *Table) Unknown(word string, isAdmin bool) handlers.Reply {
	word = strings.ToLower(strings.TrimSpace(word))
	text := fmt.Sprintf("Sorry, I don't know the command “%s”.", clip(word, 40))
	if s := t.suggest(word, isAdmin); s != "" {
		text += fmt.Sprintf(" Did you mean **%s**?", s)
	}
	r := t.Help(isAdmin)
	r.Header = ""
	r.Text = text + " Here is what I can do:"
	return r
}

// suggest finds the visible command whose name, alias or slash command is
// nearest to word, if it is near enough to be a typing slip.
func (t *Table) suggest(word string, isAdmin bool) string {
	best, bestD := "", 3
	bare := strings.TrimPrefix(word, "/")
	for _, c := range t.visible(isAdmin) {
		cands := append([]string{c.Name}, c.Aliases...)
		if n := t.names[c.Name]; n != "" {
			cands = append(cands, strings.TrimPrefix(n, "/"))
		}
		for _, cand := range cands {
			d := editDistance(bare, cand)
			limit := 2
			if len(cand) <= 4 {
				limit = 1
			}
			if d <= limit && d < bestD {
				best, bestD = t.Invocation(c.Name, ""), d
			}
		}
	}
	if best == "" && strings.HasPrefix(word, "/") && editDistance(bare, strings.TrimPrefix(t.umbrella, "/")) <= 1 {
		best = t.umbrella
	}
	return best
}

func (t *Table) visible(isAdmin bool) []*handlers.Command {
	var out []*handlers.Command
	for i := range t.commands {
		if c := t.commands[i]; !c.Hidden && (!c.AdminOnly || isAdmin) {
			out = append(out, &t.commands[i])
		}
	}
	return out
}

func (t *Table) firstVisible(isAdmin bool) string {
	if v := t.visible(isAdmin); len(v) > 0 {
		return v[0].Name
	}
	return "help"
}

// editDistance is the optimal string alignment distance: insertions,
// deletions, substitutions and swaps of neighbours each cost one.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

func cut(s string) (word, rest string) {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' })
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i+1:])
}

func firstWord(s string) string { w, _ := cut(s); return w }

// clip shortens s to at most n runes.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}
