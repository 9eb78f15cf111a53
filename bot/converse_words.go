package bot

import (
	"errors"
	"strings"
	"time"
	"unicode"

	"github.com/peerbot/peerbot/handlers"
	"github.com/peerbot/peerbot/supervision"
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
	plain := supUnpolite(text)
	word, rest := cut(plain)
	if back := supBackTold(word, rest); back != "" {
		word, rest = cut(back) // "I'm back tomorrow": "back tomorrow"
	}
	word = strings.ToLower(strings.TrimRight(word, ".,:;!"))
	i, ok := t.words["supervision"]
	if ok && t.hasSub(i, "yes-no") && yesNoWords[yesNoKey(plain)] {
		return "supervision yes-no" // "yes", "that's not right": an answer to "Is that right?"
	}
	if sub := myRecordWords[yesNoKey(plain)]; ok && sub != "" && t.hasSub(i, sub) {
		return "supervision " + sub // "my history", "my team": what the command shows
	}
	if line := reminderAnswers[yesNoKey(plain)]; ok && line != "" && t.hasSub(i, strings.Fields(line)[1]) {
		return line // "logged it", "skip this one", "stop": an answer to a reminder
	}
	if ok && t.hasSub(i, "leave") {
		if line, ok := leaveLine(plain); ok {
			return line
		}
	}
	if ok && t.hasSub(i, "log") && !strings.Contains(text, "?") {
		if line, ok := loggedLine(plain); ok {
			return line
		}
	}
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

// supBackTold is "back ..." when text told from word on is someone saying
// they are back ("I'm back tomorrow", "I am back on 7 Dec"); "" otherwise.
func supBackTold(word, rest string) string {
	switch strings.ToLower(strings.ReplaceAll(word, "’", "'")) {
	case "i'm", "im":
	case "i":
		am, after := cut(rest)
		if !strings.EqualFold(am, "am") {
			return ""
		}
		rest = after
	default:
		return ""
	}
	if next, _ := cut(rest); !strings.EqualFold(next, "back") {
		return ""
	}
	return rest
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
		return startsDigit || low == "all"
	case "leave":
		if startsDigit {
			return true
		}
		switch next {
		case "cancel", "remove", "delete", "from", "next", "tomorrow", "today",
			"end", "ends", "back", "finish", "finishes", "return", "returning":
			return true
		}
		return supWeekdays[next]
	case "back":
		return startsDigit || supWeekdays[next] || next == "today" || next == "tomorrow" || next == "on" || next == "from"
	case "remind", "reminders":
		switch next {
		case "on", "off", "at", "days-before":
			return true
		}
	}
	return false
}

// supWeekdays are the days people name after leave or back ("back
// monday", "leave fri").
var supWeekdays = map[string]bool{
	"monday": true, "tuesday": true, "wednesday": true, "thursday": true, "friday": true,
	"mon": true, "tue": true, "wed": true, "thu": true, "fri": true,
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

// leaveLeadIn are the words people put before "leave" when they tell of
// their own: "I'm off on annual leave", "going on leave", "I'll be on
// holiday". None starts a question.
var leaveLeadIn = map[string]bool{
	"i": true, "i'm": true, "im": true, "am": true, "i'll": true, "will": true, "be": true, "i've": true,
	"going": true, "on": true, "off": true, "away": true, "taking": true, "having": true, "have": true,
	"booked": true, "starting": true, "my": true, "some": true, "a": true, "annual": true, "study": true,
}

// leaveTelling are the lead-in words that make it someone telling of
// their own leave ("I'm on", "going on", "taking"), not naming a kind of
// it ("annual leave policy").
var leaveTelling = map[string]bool{
	"i'm": true, "im": true, "am": true, "i'll": true, "be": true, "i've": true, "going": true, "on": true,
	"off": true, "away": true, "taking": true, "having": true, "booked": true, "starting": true,
}

// leaveNouns are what people call leave.
var leaveNouns = map[string]bool{"leave": true, "holiday": true, "holidays": true}

// leaveLine reads leave told in everyday words ("going on leave next
// week", "I'm off on annual leave from Monday for two weeks", "on leave
// 8-19 Dec", "I'm off next week") as the leave command: "supervision leave next week". With no
// dates after it, it is the leave command's help ("my leave" is the list
// of it); with words that are not dates, it is the leave command only
// when they are few and the person tells of their own leave ("I'm on
// leave soonish"), so its answer shows how to type the dates. A question, or "leave" first (the command
// word itself, read as before), is not leave told.
func leaveLine(text string) (string, bool) {
	if strings.Contains(text, "?") {
		return "", false
	}
	f := strings.Fields(strings.ReplaceAll(text, "’", "'"))
	telling := false
	for k, w := range f {
		w = strings.ToLower(strings.Trim(w, ".,;:!"))
		if leaveNouns[w] && (k > 0 || w != "leave") {
			rest := strings.Join(f[k+1:], " ")
			switch {
			case rest == "" && k > 0 && strings.EqualFold(f[k-1], "my"):
				return "supervision leave", true // "my leave": the list of it
			case rest == "":
				return "supervision leave help", true
			case leaveReads(rest) || (telling && len(f[k+1:]) <= 3):
				return "supervision leave " + rest, true
			}
			return "", false
		}
		if !leaveLeadIn[w] {
			return "", false
		}
		telling = telling || leaveTelling[w]
		if rest := strings.Join(f[k+1:], " "); (w == "off" || w == "away") && k > 0 && rest != "" && offReads(rest) {
			return "supervision leave " + rest, true // "I'm off next week", "I'll be away 8-19 Dec"
		}
	}
	return "", false
}

// offReads reports whether what follows "I'm off" or "away" is dates of
// leave as they are, with nothing else said: "next week", "from Monday for
// two weeks", not "to a conference next week" or "sick".
func offReads(s string) bool {
	_, err := supervision.ParseLeave(s, time.Now())
	return err == nil
}

// leaveReads reports whether s reads as dates of leave. Dates out of
// range (leave that ends before it starts) read too: the leave command
// says what is wrong with them.
func leaveReads(s string) bool {
	_, err := supervision.ParseLeave(s, time.Now())
	return err == nil || !errors.Is(err, supervision.ErrUnreadable)
}

// loggedLeadIn are the words people start with when they tell of a
// session they had: "had", "I had", "I've just had". Each is dropped
// before the rest is read as a log.
var loggedLeadIn = map[string]bool{"i": true, "i've": true, "ive": true, "we": true, "we've": true, "just": true, "have": true, "had": true}

// loggedNouns are the words that make it a session told, not another
// thing had ("I had a hard day yesterday").
var loggedNouns = map[string]bool{"supervision": true, "sup": true, "session": true}

// loggedLine reads a session told in everyday words ("had supervision with
// my supervisor yesterday for an hour", "I've just had group supervision
// today") as the log command. It is one only when it says "had", names
// supervision or a session, says when or how long, and every other word
// reads as a log's: anything more ("but my supervisor was late") is left
// to be answered as a question, as is text with a question mark (the
// caller's check, as the polite words' trim takes a last one off).
func loggedLine(text string) (string, bool) {
	f := strings.Fields(strings.ReplaceAll(text, "’", "'"))
	k, had := 0, false
	for ; k < len(f) && loggedLeadIn[strings.ToLower(f[k])]; k++ {
		had = had || strings.EqualFold(f[k], "had")
	}
	if !had || k == len(f) {
		return "", false
	}
	rest := strings.Join(f[k:], " ")
	read, named := handlers.NamesMySupervisor(rest, "<@U000>")
	told := named || supervision.LogMention(read) != ""
	for _, w := range f[k:] {
		told = told || loggedNouns[strings.ToLower(strings.Trim(w, ".,;:!"))]
	}
	if !told {
		return "", false
	}
	la, err := supervision.ParseLog(read, time.Now())
	if err != nil && errors.Is(err, supervision.ErrUnreadable) || err == nil && !la.DateGiven && la.Minutes == 0 {
		return "", false
	}
	return "supervision log " + rest, true
}

// yesNoWords are the answers people type to "Is that right?", as
// yesNoKey writes them.
var yesNoWords = map[string]bool{
	"yes": true, "yeah": true, "yep": true, "yup": true, "yes it is": true, "correct": true, "yes correct": true,
	"that's right": true, "yes that's right": true, "that is right": true, "yes that is right": true, "confirmed": true,
	"no": true, "nope": true, "not right": true, "that's not right": true, "that is not right": true, "that isn't right": true,
	"no that's not right": true, "that's wrong": true, "no that's wrong": true, "wrong": true, "incorrect": true, "no it isn't": true,
}

// yesNoKey is text in lower case, with straight apostrophes, without
// commas and the stops or marks at its end, its words one space apart.
func yesNoKey(text string) string {
	s := strings.ToLower(strings.ReplaceAll(text, "’", "'"))
	s = strings.ReplaceAll(s, ",", " ")
	return strings.Join(strings.Fields(strings.TrimRight(s, " .!")), " ")
}

// reminderAnswers are what people type back to a reminder, as yesNoKey
// writes them, and the command each means: its buttons' words ("logged
// it", "skip this one") and the words that ask reminders to stop.
var reminderAnswers = map[string]string{
	"logged it": "supervision log", "i logged it": "supervision log", "i've logged it": "supervision log",
	"ive logged it": "supervision log", "done": "supervision log", "done it": "supervision log",
	"skip": "supervision reminder-skip", "skip it": "supervision reminder-skip",
	"skip this one": "supervision reminder-skip", "skip this": "supervision reminder-skip",
	"stop": "supervision remind off", "stop reminders": "supervision remind off",
	"stop reminding me": "supervision remind off", "unsubscribe": "supervision remind off",
	"no more reminders": "supervision remind off", "turn off reminders": "supervision remind off",
	"turn reminders off": "supervision remind off", "turn off my reminders": "supervision remind off",
}

// myRecordWords are a person's own record named as theirs ("my
// history"), as yesNoKey writes them, and the subcommand that shows it.
var myRecordWords = map[string]string{
	"my status": "status", "my history": "history", "my sessions": "history", "my supervision history": "history",
	"my team": "team", "my supervisees": "team", "my reminders": "remind", "my reminder settings": "remind",
}
