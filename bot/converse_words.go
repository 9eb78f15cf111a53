package bot

import (
	"strings"
	"unicode"
)

// The supervision words a person types in a direct message (or a mention,
// or the console) without "supervision" first: "log yesterday 1h",
// "confirm", "undo". They are read as the supervision command they name,
// not as a question, when they cannot be a question: the words that never
// start one run with whatever follows; the words that may ("status of
// link workers", "history of social prescribing", "remind me what a coach
// does") run only alone or with what that command takes.
var (
	// supWordsAlways run with whatever follows them.
	supWordsAlways = map[string]bool{"log": true, "confirm": true, "dispute": true, "undo": true, "snooze": true, "setup": true}
	// supWordsAlone run alone, or followed as supWordFits says.
	supWordsAlone = map[string]bool{"status": true, "history": true, "team": true, "leave": true, "remind": true, "reminders": true, "standards": true, "back": true}
)

// supervisionLine is text as the supervision command it names, such as
// "supervision log yesterday 1h" for "log yesterday 1h"; "" when the text
// is not one (and so is a question). The table must have a supervision
// command with that subcommand.
func (t *Table) supervisionLine(text string) string {
	word, rest := cut(supUnpolite(text))
	word = strings.ToLower(strings.TrimRight(word, ".,:;!"))
	i, ok := t.words["supervision"]
	if !ok || !t.hasSub(i, word) {
		return ""
	}
	switch {
	case supWordsAlways[word] && !supLogIn(word, rest):
	case supWordsAlone[word] && (rest == "" || supWordFits(word, rest)):
	default:
		return ""
	}
	return strings.TrimSpace("supervision " + word + " " + rest)
}

func (t *Table) hasSub(i int, word string) bool {
	for _, s := range t.commands[i].Subcommands {
		if s.Name == word {
			return true
		}
		for _, a := range s.Aliases {
			if a == word {
				return true
			}
		}
	}
	return false
}

// supLogIn reports "log in", "log into", "log on": a question about
// signing in, not a session to log.
func supLogIn(word, rest string) bool {
	next, _ := cut(strings.ToLower(rest))
	return word == "log" && (next == "in" || next == "into" || next == "on" || next == "onto" || next == "out")
}

// supWordFits reports whether rest is what the command word takes, not the
// rest of a question: a number of sessions after history, dates after
// leave, a setting after remind.
func supWordFits(word, rest string) bool {
	low := strings.ToLower(rest)
	next, _ := cut(low)
	startsDigit := len(low) > 0 && unicode.IsDigit(rune(low[0]))
	switch word {
	case "history":
		return startsDigit
	case "leave":
		if startsDigit {
			return true
		}
		switch next {
		case "cancel", "remove", "delete", "from", "next", "tomorrow", "today",
			"monday", "tuesday", "wednesday", "thursday", "friday", "mon", "tue", "wed", "thu", "fri":
			return true
		}
	case "back":
		return startsDigit || next == "today" || next == "on" || next == "from"
	case "remind", "reminders":
		switch next {
		case "on", "off", "at", "days-before":
			return true
		}
	}
	return false
}

// supLeadIn are words people put before a command in a message ("please
// log yesterday 1h", "can you undo").
var supLeadIn = []string{"please ", "pls ", "can you ", "could you ", "can u ", "would you "}

// supUnpolite is text without the polite words round a command: "please"
// or "can you" before it, "please", "thanks" and a full stop after it.
func supUnpolite(text string) string {
	s := strings.TrimSpace(text)
	for _, p := range supLeadIn {
		if len(s) > len(p) && strings.EqualFold(s[:len(p)], p) {
			s = strings.TrimSpace(s[len(p):])
		}
	}
	for {
		trimmed := strings.TrimRight(s, " .!?,")
		f := strings.Fields(trimmed)
		if len(f) < 2 {
			return trimmed
		}
		last := strings.ToLower(f[len(f)-1])
		if !politeWords[last] || (last == "you" && !strings.EqualFold(f[len(f)-2], "thank")) {
			return trimmed
		}
		s = strings.TrimSpace(trimmed[:strings.LastIndex(trimmed, f[len(f)-1])])
		if last == "you" {
			s = strings.TrimSpace(s[:strings.LastIndex(s, f[len(f)-2])])
		}
	}
}
