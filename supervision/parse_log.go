package supervision

import (
	"strconv"
	"strings"
	"time"
)

// LogArgs is what "/supervision log" was given. TypeGiven and DateGiven say
// whether the person typed them or the defaults apply.
type LogArgs struct {
	Date      time.Time // midnight in the person's zone
	Type      SessionType
	WithID    string // Slack user id; "" when nobody was named
	Minutes   int    // 0 when not given
	TypeGiven bool
	DateGiven bool

	// Corrections lists the misspelt words read as others, in the order
	// typed, so a reply can say "I read yestrday as yesterday". It is
	// empty when every word was known.
	Corrections []Correction

	unitless string // a length typed with no unit that may be hours ("2")
}

// logFiller are words people put round a log that carry nothing.
var logFiller = map[string]bool{
	"session": true, "sessions": true, "supervision": true, "sup": true, "meeting": true,
	"for": true, "on": true, "a": true, "an": true, "of": true, "the": true,
	"at": true, "and": true, "my": true, "i": true, "had": true, "have": true,
	"was": true, "did": true, "it": true, "log": true, "-": true, "–": true,
	"&": true, "+": true, "lasting": true, "long": true, "took": true,
	"please": true, "pls": true, "thanks": true, "thx": true, "cheers": true,
}

// maxSpan is the most words one date, length or type can take: "1 hour and
// 30 minutes", "the day before yesterday".
const maxSpan = 5

// maxLogWords bounds the words of one log, far above what a session needs
// ("on the 20th of November 2026 a line management one to one with @sam
// for an hour and a half" is 20). Each word is tried as the start of a date,
// length and type of up to maxSpan words, so the bound keeps a pasted
// paragraph to a fraction of a millisecond.
const maxLogWords = 40

// ParseLog reads the arguments of "/supervision log [date] [type] [with
// @user] [minutes]", in any order: "yesterday clinical with <@U123|sam> 1h",
// "20/11/2026 group 90 mins", "peer 45m last tuesday". Defaults: today,
// clinical, nobody, 0 minutes. Filler words ("session", "for", "on"...) are
// skipped. A misspelt word it knows ("yestrday", "clincal") is read as that
// word and listed in Corrections, but only when the text cannot be read as
// typed, and never a word that means something as it is. Any other word it
// cannot place is an *InputError naming it as typed. Text holding an NHS
// number is refused first, with ErrNHSNumber, before anything else is read.
// Dates follow ParseDate and lengths ParseMinutes.
func ParseLog(args string, today time.Time) (LogArgs, error) {
	if ContainsNHSNumber(args) {
		return LogArgs{}, nhsErr("log")
	}
	var toks []string
	if len(args) <= maxInput {
		toks = tokens(args)
	}
	if len(args) > maxInput || len(toks) > maxLogWords {
		return LogArgs{}, inputErr("log", ErrUnreadable,
			"That's more than I can read for one session. Try something like: yesterday clinical with @sam 60 mins")
	}
	out, unknown, err := readLog(toks, today)
	if unknown == "" {
		return out, err
	}
	notUnderstood := inputErr("log", ErrUnreadable,
		"I didn't understand %q. Try something like: yesterday clinical with @sam 60 mins. Session types are %s.", typed(unknown), typeList())
	fixed, corrections := correctLogWords(toks)
	if len(corrections) == 0 {
		return LogArgs{}, notUnderstood
	}
	out, unknown, err = readLog(fixed, today)
	if unknown != "" || err != nil {
		return LogArgs{}, notUnderstood
	}
	out.Corrections = corrections
	return out, nil
}

// LogMention is the one person a log names ("with @sam", "@sam"), read
// on its own, so that a log refused for another reason (a date in the
// future) still says whose it is; "" when it names nobody, or more than
// one person.
func LogMention(args string) string {
	if len(args) > maxInput {
		return ""
	}
	found := ""
	for _, tok := range tokens(args) {
		id, ok := mentionID(tok)
		switch {
		case !ok:
		case found != "" && found != id:
			return ""
		default:
			found = id
		}
	}
	return found
}

// readLog places every token of a log. unknown is the first word it could
// not place, if any; err is any other mistake.
func readLog(toks []string, today time.Time) (out LogArgs, unknown string, err error) {
	out = LogArgs{Date: midnight(today), Type: Clinical}
	minutesGiven := false
	for i := 0; i < len(toks); {
		tok := toks[i]
		if isWithWord(tok) {
			if i+1 == len(toks) {
				return LogArgs{}, "", inputErr("with", ErrUnreadable,
					"Who was the session with? Mention them after \"with\", like with @sam.")
			}
			if _, ok := mentionID(toks[i+1]); !ok {
				return LogArgs{}, "", inputErr("with", ErrUnreadable,
					"I couldn't tell who %q is. Mention them with @ and pick their name from the list, like with @sam.", typed(toks[i+1]))
			}
			i++
			continue
		}
		if strings.HasPrefix(tok, "<") || strings.HasPrefix(tok, "@") {
			if err := logWith(&out, tok); err != nil {
				return LogArgs{}, "", err
			}
			i++
			continue
		}
		// The longest run of words that reads as a date, length or type.
		end := i
		for end < len(toks) && end-i < maxSpan && !isMentionish(toks[end]) {
			end++
		}
		n, err := logSpan(&out, &minutesGiven, toks[i:end], today)
		if err != nil {
			return LogArgs{}, "", err
		}
		if n == 0 {
			if logFiller[strings.ToLower(tok)] {
				i++
				continue
			}
			return LogArgs{}, tok, nil
		}
		i += n
	}
	if out.unitless != "" {
		u, hours, mins := out.unitless, "hours", "minutes"
		if u == "1" {
			hours, mins = "hour", "minute"
		}
		return LogArgs{}, "", inputErr("minutes", ErrUnreadable,
			"Was that %s %s or %s %s? Please say which, like %sh or %s mins.", u, hours, u, mins, u, u)
	}
	return out, "", nil
}

// logWith reads the mention tok as the person the session was with.
func logWith(out *LogArgs, tok string) error {
	id, ok := mentionID(tok)
	if !ok {
		return inputErr("with", ErrUnreadable,
			"I couldn't tell who %q is. Mention them with @ and pick their name from the list, like with @sam.", typed(tok))
	}
	if out.WithID != "" && out.WithID != id {
		return inputErr("with", ErrUnreadable,
			"I can log a session with one person at a time. Please log it once for each person.")
	}
	out.WithID = id
	return nil
}

func isMentionish(tok string) bool {
	return strings.HasPrefix(tok, "<") || strings.HasPrefix(tok, "@") || isWithWord(tok)
}

// logSpan places the longest leading run of words in toks as a date, a
// length or a type, and returns how many words it took (0 for none).
func logSpan(out *LogArgs, minutesGiven *bool, toks []string, today time.Time) (int, error) {
	for n := len(toks); n >= 1; n-- {
		phrase := strings.Join(toks[:n], " ")
		if n > 1 && logFiller[strings.ToLower(toks[0])] && !startsPhrase(toks[0]) {
			continue // "on 20 Nov" is read from "20"; "a week ago" keeps its "a"
		}
		if _, ok, _ := parseDay(phrase, today, pastDate); ok {
			if n < len(toks) && yearOrMinutes(phrase, toks[n:], today) {
				y := toks[n]
				return 0, inputErr("date", ErrUnreadable,
					"Is %s the year or the minutes? Please write the year in full, like %s 20%s, or the minutes with a unit, like %s mins.",
					y, typed(phrase), y, y)
			}
			t, err := ParseDate(phrase, today)
			if err != nil {
				return 0, err
			}
			if out.DateGiven && !t.Equal(out.Date) {
				return 0, inputErr("date", ErrUnreadable,
					"I found two dates, %s and %s. Which day was the session?", out.Date.Format(dayFormat), t.Format(dayFormat))
			}
			out.Date, out.DateGiven = t, true
			return n, nil
		}
		if unitless, ok := bareHours(phrase); ok {
			out.unitless = unitless // asked about once every word is placed
			return n, nil
		}
		if _, ok := minutes(phrase); ok {
			m, err := ParseMinutes(phrase)
			if err != nil {
				return 0, err
			}
			if *minutesGiven && m != out.Minutes {
				return 0, inputErr("minutes", ErrUnreadable,
					"I found two lengths, %d and %d minutes. How long was the session?", out.Minutes, m)
			}
			out.Minutes, *minutesGiven = m, true
			return n, nil
		}
		if t, ok := ParseSessionType(phrase); ok {
			if out.TypeGiven && t != out.Type {
				return 0, inputErr("type", ErrUnreadable,
					"I found two session types, %s and %s. Which was it? If you had both, please log them one at a time.", out.Type, t)
			}
			out.Type, out.TypeGiven = t, true
			return n, nil
		}
	}
	return 0, nil
}

// yearOrMinutes reports whether the words after the date phrase start
// with a bare two-digit number that may be the date's year as well as
// minutes ("30 Nov 25", not "30 Nov 25 mins"): a year since Start and not
// after today's, that the phrase takes.
func yearOrMinutes(phrase string, after []string, today time.Time) bool {
	next := after[0]
	if len(next) != 2 || !isDigit(next[0]) || !isDigit(next[1]) {
		return false
	}
	if len(after) > 1 {
		if _, unit := minutes(next + " " + after[1]); unit {
			return false
		}
	}
	yy, _ := strconv.Atoi(next)
	if 2000+yy < Start.Year() || 2000+yy > today.Year() {
		return false
	}
	_, ok, _ := parseDay(phrase+" 20"+next, today, pastDate)
	return ok
}

// startsPhrase reports whether a filler word can begin a date or length:
// "a week ago", "an hour", "the day before yesterday".
func startsPhrase(w string) bool {
	switch strings.ToLower(w) {
	case "a", "an", "the", "on":
		return true
	}
	return false
}

// tokens splits s on white space, keeping a Slack mention <@U1|Sam Smith>

// bareHours reports a number typed with no unit that is more likely hours
// than minutes: a decimal ("1.5") or a whole number under 10 ("2"). No
// session lasts two minutes, so it is asked about, not logged as minutes.
func bareHours(phrase string) (string, bool) {
	if phrase == "" || strings.Count(phrase, ".") > 1 || strings.HasPrefix(phrase, ".") || strings.HasSuffix(phrase, ".") {
		return "", false
	}
	for i := 0; i < len(phrase); i++ {
		if !isDigit(phrase[i]) && phrase[i] != '.' {
			return "", false
		}
	}
	if strings.Contains(phrase, ".") {
		return phrase, true
	}
	n, err := strconv.Atoi(phrase)
	return phrase, err == nil && n >= 1 && n < 10
}
