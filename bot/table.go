package bot

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/internal/text"
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
		if c.Name == "" || (c.Run == nil && len(c.Subcommands) == 0) {
			return nil, fmt.Errorf("command %d has no name or handler", i)
		}
		if err := checkSubcommands(c); err != nil {
			return nil, err
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

// checkSubcommands finds what would leave a subcommand unreachable or
// unable to run: no name, no handler, a word taken twice or kept for help.
func checkSubcommands(c handlers.Command) error {
	taken := make(map[string]string)
	for _, s := range c.Subcommands {
		if s.Name == "" || (s.Run == nil && len(s.Subcommands) == 0) {
			return fmt.Errorf("command %q has a subcommand with no name or handler", c.Name)
		}
		for _, w := range append([]string{s.Name}, s.Aliases...) {
			if isHelp(w) {
				return fmt.Errorf("command %q: %q is kept for help", c.Name+" "+s.Name, w)
			}
			if other, dup := taken[w]; dup {
				return fmt.Errorf("subcommands %q and %q of %q both answer to %q", other, s.Name, c.Name, w)
			}
			taken[w] = s.Name
		}
		if err := checkSubcommands(s); err != nil {
			return fmt.Errorf("%s: %w", c.Name, err)
		}
	}
	return nil
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
	path    []*handlers.Command // the commands named, outermost first: supervision, then log
	cmd     *handlers.Command   // the command to run, the last of path; nil for help, unknown and refusals
	args    string              // what followed cmd
	help    bool                // show help: of topic, or of everything
	topic   *handlers.Command   // the command help is about, the last of path, if any
	unknown string              // what was not understood: a command when path is empty, else a subcommand of path's last
	refusal string              // a Guard's answer, said instead of anything else
}

// named reports whether the text named a command (known or not under it)
// or asked for help, rather than being free text.
func (r route) named() bool { return len(r.path) > 0 || r.help }

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
			topic, more := cut(rest)
			if i, ok := t.words[strings.ToLower(topic)]; ok {
				return helpRoute([]*handlers.Command{&t.commands[i]}, more)
			}
			return route{help: true, unknown: rest}
		}
		i, ok := t.words[strings.ToLower(word)]
		if !ok {
			return route{unknown: word}
		}
		return descend(nil, &t.commands[i], rest)
	}
	i, ok := t.slash[slash]
	if !ok {
		return route{unknown: slash}
	}
	return descend(nil, &t.commands[i], text)
}

// politeWords may follow a command that takes nothing, as people type
// ("/supervision status please"), without being read as a subcommand.
var politeWords = map[string]bool{"please": true, "pls": true, "plz": true, "thanks": true, "thank": true, "you": true, "thx": true, "ta": true, "cheers": true}

// onlyPolite reports whether every word of args is a polite word.
func onlyPolite(args string) bool {
	words := strings.FieldsFunc(strings.ToLower(args), func(r rune) bool { return r == ' ' || r == ',' || r == '.' || r == '!' || r == '\t' })
	for _, w := range words {
		if !politeWords[w] {
			return false
		}
	}
	return len(words) > 0
}

// descend routes the text after command c, reached by path: to c itself,
// to one of its subcommands, or to help.
func descend(path []*handlers.Command, c *handlers.Command, args string) route {
	path = append(path, c)
	var word, rest string
	var sub *handlers.Command
	if len(c.Subcommands) > 0 {
		word, rest = cut(args)
		sub = subcommand(c, word)
	}
	if c.Guard != nil && (sub == nil || !sub.Hidden) {
		if msg := c.Guard(args); msg != "" {
			return route{path: path, refusal: msg}
		}
	}
	switch {
	case isHelp(args):
		return route{help: true, path: path, topic: c}
	case len(c.Subcommands) == 0 && c.NoArgs && args != "" && !onlyPolite(args):
		return route{path: path[:len(path)-1], unknown: args}
	case len(c.Subcommands) == 0 && c.NoArgs:
		return route{path: path, cmd: c} // nothing, or only "please"
	case len(c.Subcommands) == 0:
		return route{path: path, cmd: c, args: args}
	case sub != nil:
		return descend(path, sub, rest)
	case word == "" && c.Run != nil:
		return route{path: path, cmd: c}
	case word == "" || isHelp(word):
		return helpRoute(path, rest)
	}
	return route{path: path, unknown: word}
}

// NHSRefusal is the refusal the command typed gives for text holding an
// NHS number, or "" for the general one: the deepest of the commands named
// that has its own. It reads only the command words, never runs a Guard,
// and logs nothing.
func (t *Table) NHSRefusal(slash, text string) string {
	slash = strings.ToLower(strings.TrimSpace(slash))
	var c *handlers.Command
	word, rest := cut(strings.TrimSpace(text))
	if slash == t.umbrella {
		i, ok := t.words[strings.ToLower(word)]
		if !ok {
			return ""
		}
		c = &t.commands[i]
	} else if i, ok := t.slash[slash]; ok {
		c, rest = &t.commands[i], text
	} else {
		return ""
	}
	refusal := ""
	for c != nil {
		if c.NHSRefusal != "" {
			refusal = c.NHSRefusal
		}
		word, rest = cut(rest)
		c = subcommand(c, word)
	}
	return refusal
}

// helpRoute is help on the deepest subcommand the words name, as in
// "help supervision log".
func helpRoute(path []*handlers.Command, words string) route {
	for {
		word, rest := cut(words)
		sub := subcommand(path[len(path)-1], word)
		if sub == nil {
			return route{help: true, path: path, topic: path[len(path)-1]}
		}
		path, words = append(path, sub), rest
	}
}

// subcommand finds the subcommand of c that word names, or nil.
func subcommand(c *handlers.Command, word string) *handlers.Command {
	if word == "" {
		return nil
	}
	word = strings.ToLower(strings.TrimRight(word, ",.!?")) // "status, please"
	for i := range c.Subcommands {
		s := &c.Subcommands[i]
		if s.Name == word {
			return s
		}
		for _, a := range s.Aliases {
			if a == word {
				return s
			}
		}
	}
	return nil
}

func isHelp(s string) bool {
	switch strings.ToLower(s) {
	case "help", "?", "-h", "--help":
		return true
	}
	return false
}

// Resolution is what a typed command comes to: a handler to run with its
// arguments, or a reply the table gives itself (help, not understood,
// refused).
type Resolution struct {
	Name    string               // the command run, subcommands included, for logs: "supervision log"
	Run     handlers.HandlerFunc // nil when Reply is the answer
	Args    string               // what to run it with
	Reply   handlers.Reply       // the table's own answer, when Run is nil
	Outcome string               // when Run is nil, for metrics: help, unknown_command, denied or refused
	// Fixed says the reply depends only on what was typed and whether the
	// person is an admin: help, or a command marked Fixed.
	Fixed bool
	// AdminOnly says the command named (run, or refused as "denied") is
	// kept for admins, so the attempt is audited; Name says which.
	AdminOnly bool
	// ReadOnly says the command run, with these arguments, only reads
	// (handlers.Command's ReadOnly and ReadOnlyAlone).
	ReadOnly bool
}

// Resolve routes what a person typed and answers all that the table can
// itself: help, a command or subcommand it does not know, a Guard's
// refusal, and a person who is not an admin asking for, or for help with,
// anything kept for admins. This is the one admin check.
func (t *Table) Resolve(slash, text string, isAdmin bool) Resolution {
	rt := t.Route(slash, text)
	switch {
	case rt.refusal != "":
		return Resolution{Reply: handlers.Say(rt.refusal), Outcome: "refused"}
	case !isAdmin && adminOnly(rt.path):
		return Resolution{Name: pathWords(rt.path), Reply: t.denied(), Outcome: "denied", AdminOnly: true}
	case rt.help && rt.topic != nil:
		return Resolution{Reply: t.CommandHelp(isAdmin, rt.path...), Outcome: "help", Fixed: true}
	case rt.help && rt.unknown == "":
		return Resolution{Reply: t.Help(isAdmin), Outcome: "help", Fixed: true}
	case len(rt.path) == 0:
		return Resolution{Reply: t.Unknown(rt.unknown, isAdmin), Outcome: "unknown_command"}
	case rt.cmd == nil:
		return Resolution{Reply: t.UnknownSubcommand(rt.unknown, isAdmin, rt.path...), Outcome: "unknown_command"}
	}
	return Resolution{Name: pathWords(rt.path), Run: rt.cmd.Run, Args: rt.args, Fixed: rt.cmd.Fixed, AdminOnly: adminOnly(rt.path),
		ReadOnly: rt.cmd.ReadOnly || rt.cmd.ReadOnlyAlone && rt.args == ""}
}

func adminOnly(path []*handlers.Command) bool {
	for _, c := range path {
		if c.AdminOnly {
			return true
		}
	}
	return false
}

// denied answers a person who tried a command kept for admins.
func (t *Table) denied() handlers.Reply {
	return handlers.Say("Sorry, only network admins can use that command. Type " + t.umbrella + " help to see what you can do.")
}

// pathWords is a command with its subcommands as a person types them
// under the umbrella: "supervision log".
func pathWords(path []*handlers.Command) string {
	words := make([]string, len(path))
	for i, c := range path {
		words[i] = c.Name
	}
	return strings.Join(words, " ")
}

// spell writes a command reached by path, with args, as a person types it
// here.
func (t *Table) spell(path []*handlers.Command, args string) string {
	words := pathWords(path[1:])
	if args != "" {
		words = strings.TrimSpace(words + " " + args)
	}
	return t.Invocation(path[0].Name, words)
}

// usage is a command's arguments as help shows them; for a command with
// subcommands and no usage of its own, the subcommands the person may use.
func (t *Table) usage(c *handlers.Command, isAdmin bool) string {
	if c.Usage != "" || len(c.Subcommands) == 0 {
		return c.Usage
	}
	var names []string
	for _, s := range visible(c.Subcommands, isAdmin) {
		names = append(names, s.Name)
	}
	return "[" + strings.Join(names, " | ") + "] ..."
}

// Help lists the commands the person may use, with usage and examples.
func (t *Table) Help(isAdmin bool) handlers.Reply {
	r := handlers.Reply{
		Header: "What I can help with",
		Text:   fmt.Sprintf("Type a command, or %s followed by one of these words. Add `help` to any command for more.", t.umbrella),
	}
	for _, c := range visible(t.commands, isAdmin) {
		r.Sections = append(r.Sections, handlers.Section{
			Text: fmt.Sprintf("%s\n%s", strings.TrimSpace(fmt.Sprintf("**%s** %s", t.Invocation(c.Name, ""), t.usage(c, isAdmin))), c.Description),
		})
	}
	r.Note = fmt.Sprintf("Every command also works as %s <command>, for example %s.", t.umbrella, t.umbrella+" "+t.firstVisible(isAdmin))
	return r
}

// CommandHelp explains a command, reached by path (a command, then its
// subcommands): its usage, further help and examples, or, for a command
// with subcommands, the ones the person may use.
func (t *Table) CommandHelp(isAdmin bool, path ...*handlers.Command) handlers.Reply {
	c := path[len(path)-1]
	r := handlers.Reply{Header: t.spell(path, ""), Text: c.Description}
	if len(c.Subcommands) > 0 {
		r.Text = strings.TrimSpace(r.Text + " Add `help` after any of these for more.")
		r.Sections = append(r.Sections, handlers.Section{Text: t.subcommandList(path, isAdmin)})
	} else {
		usage := strings.TrimSpace(t.spell(path, "") + " " + c.Usage)
		if t.names[path[0].Name] != "" {
			usage += "\n" + strings.TrimSpace(t.umbrella+" "+pathWords(path)+" "+c.Usage)
		}
		r.Sections = append(r.Sections, handlers.Section{Heading: "Usage", Text: usage})
		if c.More != "" {
			r.Sections = append(r.Sections, handlers.Section{Text: c.More})
		}
		if len(c.Examples) > 0 {
			var ex []string
			for _, e := range c.Examples {
				ex = append(ex, "- "+t.spell(path, e))
			}
			r.Sections = append(r.Sections, handlers.Section{Heading: "Examples", Text: strings.Join(ex, "\n")})
		}
	}
	if adminOnly(path) {
		r.Note = "Only network admins can use this command."
	}
	return r
}

// subcommandList is a line for each subcommand of path's last command that
// the person may use: how to type it, and what it does.
func (t *Table) subcommandList(path []*handlers.Command, isAdmin bool) string {
	var lines []string
	for _, s := range visible(path[len(path)-1].Subcommands, isAdmin) {
		sub := append(path[:len(path):len(path)], s)
		lines = append(lines, fmt.Sprintf("- **%s**: %s", strings.TrimSpace(t.spell(sub, "")+" "+t.usage(s, isAdmin)), s.Description))
	}
	return strings.Join(lines, "\n")
}

// Unknown answers a command that was not understood, suggesting the nearest
// one when the word looks like a slip.
func (t *Table) Unknown(word string, isAdmin bool) handlers.Reply {
	word = strings.ToLower(strings.TrimSpace(word))
	msg := fmt.Sprintf("Sorry, I don't know the command “%s”.", handlers.AsTyped(text.Clip(word, 40)))
	if s := t.suggest(word, isAdmin); s != "" {
		msg += fmt.Sprintf(" Did you mean **%s**?", s)
	}
	r := t.Help(isAdmin)
	r.Header = ""
	r.Text = msg + " Here is what I can do:"
	return r
}

// UnknownSubcommand answers a word after a command, reached by path, that
// is none of its subcommands, suggesting the nearest when the word looks
// like a slip, and listing the ones the person may use.
func (t *Table) UnknownSubcommand(word string, isAdmin bool, path ...*handlers.Command) handlers.Reply {
	msg := fmt.Sprintf("Sorry, I don't know “%s” here.", handlers.AsTyped(text.Clip(word, 40)))
	best, bestD := "", 3
	for _, s := range visible(path[len(path)-1].Subcommands, isAdmin) {
		for _, cand := range append([]string{s.Name}, s.Aliases...) {
			if d, ok := text.Slip(strings.ToLower(word), cand); ok && d < bestD {
				best, bestD = t.spell(append(path[:len(path):len(path)], s), ""), d
			}
		}
	}
	if best != "" {
		msg += fmt.Sprintf(" Did you mean **%s**?", best)
	}
	return handlers.Reply{Text: msg + " You can use:", Sections: []handlers.Section{{Text: t.subcommandList(path, isAdmin)}}}
}

// suggest finds the visible command whose name, alias or slash command is
// nearest to word, if it is near enough to be a typing slip.
func (t *Table) suggest(word string, isAdmin bool) string {
	best, bestD := "", 3
	bare := strings.TrimPrefix(word, "/")
	for _, c := range visible(t.commands, isAdmin) {
		cands := append([]string{c.Name}, c.Aliases...)
		if n := t.names[c.Name]; n != "" {
			cands = append(cands, strings.TrimPrefix(n, "/"))
		}
		for _, cand := range cands {
			if d, ok := text.Slip(bare, cand); ok && d < bestD {
				best, bestD = t.Invocation(c.Name, ""), d
			}
		}
	}
	if best == "" && strings.HasPrefix(word, "/") && text.Distance(bare, strings.TrimPrefix(t.umbrella, "/")) <= 1 {
		best = t.umbrella
	}
	return best
}

// visible are the commands a person may be shown: not hidden, and not
// kept for admins unless they are one.
func visible(cmds []handlers.Command, isAdmin bool) []*handlers.Command {
	var out []*handlers.Command
	for i := range cmds {
		if c := &cmds[i]; !c.Hidden && (!c.AdminOnly || isAdmin) {
			out = append(out, c)
		}
	}
	return out
}

func (t *Table) firstVisible(isAdmin bool) string {
	if v := visible(t.commands, isAdmin); len(v) > 0 {
		return v[0].Name
	}
	return "help"
}

func cut(s string) (word, rest string) {
	s = strings.TrimSpace(s)
	i := strings.IndexFunc(s, func(r rune) bool { return r == ' ' || r == '\t' || r == '\n' })
	if i < 0 {
		return s, ""
	}
	return s[:i], strings.TrimSpace(s[i+1:])
}

// clip shortens s to at most n characters; the bot's files share it.
func clip(s string, n int) string { return text.Clip(s, n) }
