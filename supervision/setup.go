package supervision

import (
	"fmt"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// SetupArgs is a profile change typed in the console, where the setup form
// cannot open. Set holds the keys that were given ("role", "pcn",
// "locality", "supervisor", "reminders", "day", "time"); only those should
// change. An empty PCN or SupervisorID that is in Set clears it.
type SetupArgs struct {
	Role         Role
	PCN          string
	Locality     string
	SupervisorID string
	Reminders    *bool
	ReminderDay  *time.Weekday
	ReminderTime string // "09:30"
	Set          map[string]bool
}

// MaxPCNLength is the most characters a PCN name may have.
const MaxPCNLength = 100

// setupKeys maps every key ParseSetup accepts to its canonical name.
var setupKeys = map[string]string{
	"role": "role", "job": "role",
	"pcn": "pcn", "network": "pcn",
	"locality": "locality", "place": "locality", "area": "locality",
	"supervisor": "supervisor", "sup": "supervisor",
	"reminders": "reminders", "reminder": "reminders", "remind": "reminders",
	"day": "day", "reminder_day": "day", "reminder-day": "day", "weekday": "day",
	"time": "time", "reminder_time": "time", "reminder-time": "time", "at": "time",
}

const setupKeyList = "role, pcn, locality, supervisor, reminders, day and time"

const setupExample = `role=coach pcn="Gateshead Inner West" locality=gateshead supervisor=@U0123ABCD reminders=on day=tue time=09:30`

// ParseSetup reads profile settings typed as key=value pairs, the console's
// stand-in for the setup form: role=coach pcn="Gateshead Inner West"
// locality=gateshead supervisor=@U123 reminders=on day=tuesday time=9am.
// Values with spaces go in quotes. An unknown key, a bad value or a key given
// twice is an *InputError naming it and saying what is accepted; text
// holding an NHS number is refused first with ErrNHSNumber.
func ParseSetup(args string) (SetupArgs, error) {
	out := SetupArgs{Set: map[string]bool{}}
	if ContainsNHSNumber(args) {
		return SetupArgs{}, nhsErr("setup")
	}
	if len(args) > maxInput {
		return SetupArgs{}, inputErr("setup", ErrUnreadable, "That's more than I can read. Try: %s", setupExample)
	}
	s := args
	if _, isRole := ParseRole(strings.TrimSpace(s)); isRole && !strings.ContainsAny(s, "=:") {
		s = "role=\"" + strings.TrimSpace(s) + "\"" // "setup link worker": the role alone
	}
	for {
		s = strings.TrimLeftFunc(s, unicode.IsSpace)
		if s == "" {
			return out, nil
		}
		// key
		end := strings.IndexFunc(s, func(r rune) bool { return r == '=' || unicode.IsSpace(r) })
		if end < 0 {
			end = len(s)
		}
		word := s[:end]
		s = strings.TrimLeftFunc(s[end:], unicode.IsSpace)
		if k, found := strings.CutSuffix(word, ":"); found && !strings.HasPrefix(s, "=") {
			if _, known := setupKeys[strings.ToLower(k)]; known {
				word, s = k, "="+s // "role: coach" as "role=coach"
			}
		}
		if _, isRole := ParseRole(word); isRole && !strings.HasPrefix(s, "=") && !out.Set["role"] {
			if _, isKey := setupKeys[strings.ToLower(word)]; !isKey {
				word, s = "role", "="+word+" "+s // "setup coach": the role alone
			}
		}
		if !strings.HasPrefix(s, "=") {
			if _, known := setupKeys[strings.ToLower(word)]; known {
				return SetupArgs{}, inputErr(word, ErrUnreadable,
					"Please give %s a value with =, like %s=... Put quotes round values with spaces.", word, word)
			}
			return SetupArgs{}, inputErr(word, ErrUnreadable,
				"I didn't understand %q. Settings go as key=value, with quotes round values with spaces, like: %s", typed(word), setupExample)
		}
		key, ok := setupKeys[strings.ToLower(word)]
		if !ok {
			return SetupArgs{}, inputErr(word, ErrUnreadable,
				"I don't know the setting %q. The settings are %s.", typed(word), setupKeyList)
		}
		if out.Set[key] {
			return SetupArgs{}, inputErr(key, ErrUnreadable, "You gave %s twice. Which one did you mean?", key)
		}
		s = strings.TrimLeftFunc(s[1:], unicode.IsSpace)
		// value
		var value string
		var err error
		value, s, err = setupValue(key, s)
		if err != nil {
			return SetupArgs{}, err
		}
		if err := out.set(key, value); err != nil {
			return SetupArgs{}, err
		}
		out.Set[key] = true
	}
}

// setupValue reads one value from the start of s: "quoted", 'quoted',
// “curly”, a Slack mention <@U1|Sam Smith>, or a run up to white space.
func setupValue(key, s string) (value, rest string, err error) {
	r, size := utf8.DecodeRuneInString(s)
	var closing string
	switch r {
	case '"':
		closing = `"”`
	case '\'':
		closing = `'’`
	case '“':
		closing = `”"`
	case '‘':
		closing = `’'`
	case '<':
		if j := strings.IndexByte(s, '>'); j > 0 {
			return s[:j+1], s[j+1:], nil
		}
	}
	if closing != "" {
		body := s[size:]
		j := strings.IndexAny(body, closing)
		if j < 0 {
			return "", "", inputErr(key, ErrUnreadable, "The value for %s has an opening quote but no closing one.", key)
		}
		_, csize := utf8.DecodeRuneInString(body[j:])
		return body[:j], body[j+csize:], nil
	}
	end := strings.IndexFunc(s, unicode.IsSpace)
	if end < 0 {
		end = len(s)
	}
	return s[:end], s[end:], nil
}

// set checks value and stores it under key.
func (a *SetupArgs) set(key, value string) error {
	value = strings.TrimSpace(value)
	low := strings.ToLower(value)
	switch key {
	case "role":
		r, ok := ParseRole(value)
		if !ok {
			return inputErr(key, ErrUnreadable,
				"I don't know the role %q. Roles are splw (link worker), hwbc (health and wellbeing coach) and cc (care coordinator).", typed(value))
		}
		a.Role = r
	case "pcn":
		value = strings.Join(strings.FieldsFunc(value, func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) }), " ")
		if utf8.RuneCountInString(value) > MaxPCNLength {
			return inputErr(key, ErrTooLong, "That PCN name is longer than %d characters. Could you shorten it?", MaxPCNLength)
		}
		a.PCN = value
	case "locality":
		l, ok := ParseLocality(value)
		if !ok {
			return inputErr(key, ErrUnreadable,
				"I don't know the locality %q. Localities are %s, or %s for anywhere else.", typed(value), strings.Join(Localities, ", "), NoLocality)
		}
		a.Locality = l
	case "supervisor":
		switch low {
		case "", "none", "-", "nobody", "no one":
			a.SupervisorID = ""
			return nil
		}
		id, ok := mentionID(value)
		if !ok {
			return inputErr(key, ErrUnreadable,
				"I couldn't tell who %q is. Give your supervisor's Slack user id with @, like supervisor=@U0123ABCD (in Slack, pick them from the @ list), or say supervisor=none.", typed(value))
		}
		a.SupervisorID = id
	case "reminders":
		var on bool
		switch low {
		case "on", "yes", "y", "true", "1", "enabled", "enable":
			on = true
		case "off", "no", "n", "false", "0", "disabled", "disable", "none":
		default:
			return inputErr(key, ErrUnreadable, "Reminders can be on or off, not %q.", typed(value))
		}
		a.Reminders = &on
	case "day":
		d, ok := ParseWeekday(value)
		if !ok {
			return inputErr(key, ErrUnreadable,
				"I couldn't read %q as a day. Days are monday to sunday, or mon, tue, wed, thu, fri, sat, sun.", typed(value))
		}
		a.ReminderDay = &d
	case "time":
		h, m, ok := parseClock(value)
		if !ok {
			return inputErr(key, ErrUnreadable,
				"I couldn't read %q as a time of day. Try 09:30, 14:00 or 9am.", typed(value))
		}
		a.ReminderTime = fmt.Sprintf("%02d:%02d", h, m)
	}
	return nil
}
