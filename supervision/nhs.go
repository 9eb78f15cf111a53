package supervision

import "errors"

// ErrNHSNumber means the text held what looks like an NHS number: ten digits
// with a valid modulus 11 check digit. peerbot refuses such text and does not
// store it, because an NHS number identifies a patient.
var ErrNHSNumber = errors.New("text holds an NHS number")

// ValidNHSNumber reports whether digits is exactly ten ASCII digits whose
// last is the modulus 11 check digit of the first nine: weights 10 down to 2,
// check = 11 - sum%11, where 11 means 0 and 10 means the number is invalid.
func ValidNHSNumber(digits string) bool {
	if len(digits) != 10 {
		return false
	}
	sum := 0
	for i := range 10 {
		c := digits[i]
		if c < '0' || c > '9' {
			return false
		}
		if i < 9 {
			sum += int(c-'0') * (10 - i)
		}
	}
	check := 11 - sum%11
	switch check {
	case 11:
		check = 0
	case 10:
		return false
	}
	return int(digits[9]-'0') == check
}

// ContainsNHSNumber reports whether text holds ten digits with a valid check
// digit, written plain ("9434765919"), spaced in any grouping ("943 476
// 5919") or with dashes ("943-476-5919"). Digits written together are never
// split: a run of eleven digits, or a group that would have to be cut in two
// to make ten, is not a match. Letters and other punctuation end a group, so
// "NHS:9434765919" matches. It errs on the side of warning: a phone or
// reference number that happens to pass the check is caught too.
func ContainsNHSNumber(text string) bool {
	// A chain is a list of digit groups joined by short runs of spaces or
	// dashes. Any consecutive groups of a chain that hold ten digits between
	// them are a candidate.
	var groups []string // the current chain
	check := func() bool {
		for i := range groups {
			n := 0
			for j := i; j < len(groups) && n < 10; j++ {
				n += len(groups[j])
				if n == 10 {
					var b [10]byte
					k := 0
					for _, g := range groups[i : j+1] {
						k += copy(b[k:], g)
					}
					if ValidNHSNumber(string(b[:])) {
						return true
					}
				}
			}
		}
		return false
	}
	i := 0
	for i < len(text) {
		if !isDigit(text[i]) {
			i++
			continue
		}
		start := i
		for i < len(text) && isDigit(text[i]) {
			i++
		}
		groups = append(groups, text[start:i])
		// A joiner of at most three spaces or dashes keeps the chain going
		// when another digit follows it.
		j, n := i, 0
		for j < len(text) && n <= 3 {
			w := joinerWidth(text[j:])
			if w == 0 {
				break
			}
			j += w
			n++
		}
		if n > 0 && n <= 3 && j < len(text) && isDigit(text[j]) {
			i = j
			continue
		}
		if check() {
			return true
		}
		groups = groups[:0]
	}
	return false
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// joinerWidth returns the byte length of the separator that starts s, or 0:
// a space, tab, no-break space, hyphen, or an en, figure or non-breaking
// dash.
func joinerWidth(s string) int {
	switch {
	case s[0] == ' ' || s[0] == '\t' || s[0] == '-':
		return 1
	case len(s) >= 2 && s[:2] == "\u00a0":
		return 2
	case len(s) >= 3 && (s[:3] == "\u2010" || s[:3] == "\u2011" || s[:3] == "\u2012" || s[:3] == "\u2013" || s[:3] == "\u202f"):
		return 3
	}
	return 0
}
