package bot

// publicCommands are the commands whose replies hold nobody's record: what
// the roles are, resources, answers and articles, and the published
// standards. In a channel, a mention that runs any other command (a
// person's status or history, the team view, an admin report, the audit
// log) is answered so that only the person who asked sees it.
var publicCommands = map[string]bool{"roles": true, "resources": true, "ask": true, "article": true}

// personal reports whether text, as a mention in a channel brings it,
// runs a command whose reply is for the asker's eyes only. A question, or
// help, is not.
func (t *Table) personal(text string) bool {
	slash, rest := t.Line(text)
	rt := t.Route(slash, rest)
	if slash == t.umbrella && !rt.named() {
		if sup := t.supervisionLine(rest); sup != "" {
			rt = t.Route(t.umbrella, sup)
		}
	}
	if len(rt.path) == 0 {
		return false // a question, help, or a word not known
	}
	top, last := rt.path[0].Name, rt.path[len(rt.path)-1].Name
	if top == "supervision" && last == "standards" {
		return false
	}
	return !publicCommands[top]
}
