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
	// Lex into numbers and words: "1h30m" is 1 h 30 m.
	type token struct {
		num  string
		word string
	}
	var toks []token
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
			toks = append(toks, token{num: s[i:j]})
			i = j
		case c == ':':
			toks = append(toks, token{word: ":"})
			i++
		case 'a' <= c && c <= 'z':
			j := i
			for j < len(s) && 'a' <= s[j] && s[j] <= 'z' {
				j++
			}
			if w := s[i:j]; w != "and" {
				toks = append(toks, token{word: w})
			}
			i = j
		default:
			return 0, false
		}
	}
	num := func(t token, decimals bool) (float64, bool) {
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
	isHours := func(w string) bool {
		switch w {
		case "h", "hr", "hrs", "hour", "hours":
			return true
		}
		return false
	}
	isMins := func(w string) bool {
		switch w {
		case "m", "min", "mins", "minute", "minutes":
			return true
		}
		return false
	}
	clamp := func(f float64) int {
		if f > 10*MaxMinutes {
			return 10 * MaxMinutes
		}
		return int(math.Round(f))
	}
	switch {
	case len(toks) == 1: // "60"
		f, ok := num(toks[0], false)
		return clamp(f), ok
	case len(toks) == 3 && toks[1].word == ":": // "1:30"
		h, ok1 := num(toks[0], false)
		if !ok1 || len(toks[2].num) != 2 {
			return 0, false
		}
		m, ok2 := num(toks[2], false)
		if !ok2 || m >= 60 {
			return 0, false
		}
		return clamp(h*60 + m), true
	case len(toks) == 2 && isMins(toks[1].word): // "60 mins"
		f, ok := num(toks[0], false)
		return clamp(f), ok
	case len(toks) >= 2 && len(toks) <= 4 && isHours(toks[1].word): // "1.5h", "1h30", "1h 30m"
		h, ok := num(toks[0], true)
		if !ok {
			return 0, false
		}
		total := h * 60
		if len(toks) == 2 {
			return clamp(total), true
		}
		if len(toks) == 4 && !isMins(toks[3].word) {
			return 0, false
		}
		if strings.Contains(toks[0].num, ".") {
			return 0, false // "1.5h 30m"
		}
		m, ok := num(toks[2], false)
		if !ok || m >= 60 {
			return 0, false
		}
		return clamp(total + m), true
	}
	return 0, false
}
