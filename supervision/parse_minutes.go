package supervision

import (
	"math"
	"strconv"
	"strings"
)

// MaxMinutes is the longest single session peerbot accepts: 8 hours.
const MaxMinutes = 8 * 60

// ParseMinutes reads how long a session lasted: 60, 60m, 60min, 60 mins, 60
// minutes, 1h, 1 hr, 1 hour, 1h30, 1h 30m, 1 hour and 30 minutes, 1.5h,
// 1:30, an hour, half an hour. A bare number is minutes. Errors are
// *InputError holding ErrTooLong (over MaxMinutes) or ErrUnreadable (not a
// length, or zero).
func ParseMinutes(s string) (int, error) {
	n, ok := minutes(s)
	switch {
	case !ok:
		return 0, inputErr("minutes", ErrUnreadable,
			"I couldn't read %q as a length of time. Try 60, 45m, 1h or 1h30.", typed(s))
	case n > MaxMinutes:
		return 0, inputErr("minutes", ErrTooLong,
			"That's longer than 8 hours, the most one session can be. Could you check how long it was?")
	case n <= 0:
		return 0, inputErr("minutes", ErrUnreadable,
			"A session needs to last at least a minute. How long was it?")
	}
	return n, nil
}

var phraseMinutes = map[string]int{
	"an hour": 60, "one hour": 60, "a hour": 60,
	"half an hour": 30, "half hour": 30, "a half hour": 30,
	"an hour and a half": 90, "hour and a half": 90, "one and a half hours": 90,
	"an hour and half": 90, "one hour and a half": 90,
	"two hours": 120,
}

// minutes reads s as a length; ok is false when it is not one. Over-long
// lengths come back larger than MaxMinutes, not as an overflow.
func minutes(s string) (int, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	if len(s) > 60 {
		return 0, false
	}
	if n, ok := phraseMinutes[strings.Join(strings.Fields(s), " ")]; ok {
		return n, true
	}
	toks, ok := lengthTokens(s)
	if !ok {
		return 0, false
	}
	return lengthOf(toks)
}

// lengthToken is a number ("1.5") or a word ("h", ":") of a length.
type lengthToken struct {
	num  string
	word string
}

// lengthTokens lexes a lower-case length into numbers and words: "1h30m" is
// 1 h 30 m. "and" is dropped. ok is false for any other character.
func lengthTokens(s string) (toks []lengthToken, ok bool) {
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == ' ':
			i++
		case isDigit(c) || c == '.':
			j := i
			for j < len(s) && (isDigit(s[j]) || s[j] == '.') {
				j++
			}
			toks = append(toks, lengthToken{num: s[i:j]})
			i = j
		case c == ':':
			toks = append(toks, lengthToken{word: ":"})
			i++
		case 'a' <= c && c <= 'z':
			j := i
			for j < len(s) && 'a' <= s[j] && s[j] <= 'z' {
				j++
			}
			if w := s[i:j]; w != "and" {
				toks = append(toks, lengthToken{word: w})
			}
			i = j
		default:
			return nil, false
		}
	}
	return toks, true
}

// lengthOf reads the tokens of a length: "60", "1:30", "60 mins", "1.5h",
// "1h30", "1h 30m".
func lengthOf(toks []lengthToken) (int, bool) {
	switch {
	case len(toks) == 1: // "60"
		f, ok := toks[0].number(false)
		return clampMinutes(f), ok
	case len(toks) == 3 && toks[1].word == ":": // "1:30"
		h, ok1 := toks[0].number(false)
		if !ok1 || len(toks[2].num) != 2 {
			return 0, false
		}
		m, ok2 := toks[2].number(false)
		if !ok2 || m >= 60 {
			return 0, false
		}
		return clampMinutes(h*60 + m), true
	case len(toks) == 2 && isMinutesWord(toks[1].word): // "60 mins"
		f, ok := toks[0].number(false)
		return clampMinutes(f), ok
	case len(toks) >= 2 && len(toks) <= 4 && isHoursWord(toks[1].word): // "1.5h", "1h30", "1h 30m"
		return hoursAndMinutes(toks)
	}
	return 0, false
}

// hoursAndMinutes reads "1.5h", "1h30" or "1h 30m": toks[1] is an hours word.
func hoursAndMinutes(toks []lengthToken) (int, bool) {
	h, ok := toks[0].number(true)
	if !ok {
		return 0, false
	}
	total := h * 60
	if len(toks) == 2 {
		return clampMinutes(total), true
	}
	if len(toks) == 4 && !isMinutesWord(toks[3].word) {
		return 0, false
	}
	if strings.Contains(toks[0].num, ".") {
		return 0, false // "1.5h 30m"
	}
	m, ok := toks[2].number(false)
	if !ok || m >= 60 {
		return 0, false
	}
	return clampMinutes(total + m), true
}

// number reads the token as a number; with decimals, "1.5" is one too.
func (t lengthToken) number(decimals bool) (float64, bool) {
	if t.num == "" || (!decimals && strings.Contains(t.num, ".")) {
		return 0, false
	}
	if strings.Count(t.num, ".") > 1 || t.num == "." {
		return 0, false
	}
	f, err := strconv.ParseFloat(t.num, 64)
	if err != nil || math.IsInf(f, 0) {
		return 0, false
	}
	return f, true
}

func isHoursWord(w string) bool {
	switch w {
	case "h", "hr", "hrs", "hour", "hours":
		return true
	}
	return false
}

func isMinutesWord(w string) bool {
	switch w {
	case "m", "min", "mins", "minute", "minutes":
		return true
	}
	return false
}

// clampMinutes rounds f to whole minutes, keeping far too long lengths
// finite: they only need to be more than MaxMinutes.
func clampMinutes(f float64) int {
	if f > 10*MaxMinutes {
		return 10 * MaxMinutes
	}
	return int(math.Round(f))
}
