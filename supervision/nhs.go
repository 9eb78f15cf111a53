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

// ContainsNHSNumber reports whether text holds an NHS number in one of the
// shapes people write one, with a valid check digit: ten digits together
// ("9434765919"), or groups of three, three and four digits joined by a
// space or a dash ("943 476 5919", "943-476-5919"). A joiner may also be a
// no-break space, an en dash or other hyphen, two spaces, or a dash with a
// space either side ("943 - 476 - 5919"). Letters and punctuation around the
// number do not hide it ("NHS:9434765919").
//
// Nothing else counts, so dates and lengths never add up to a number: digits
// from separate groups of other sizes are not joined ("2026-12-20
// 2026-12-27", "2026-11-20 45"), a shape that is part of a longer run of
// digits is not a match ("19434765919"), and neither is one joined to more
// digits by a date's separator ("943 476 2026-12-20").
//
// It allocates nothing and reads text once, so it is cheap enough for every
// message. It is safe for concurrent use.
func ContainsNHSNumber(text string) bool {
	for i := 0; i < len(text); {
		if !isDigit(text[i]) {
			i++
			continue
		}
		start := i
		i = digitsEnd(text, i)
		switch i - start {
		case 10:
			if ValidNHSNumber(text[start:i]) {
				return true
			}
		case 3:
			if grouped334(text, start) {
				return true
			}
		}
	}
	return false
}

// grouped334 reports whether the three digits at text[start:] begin a valid
// NHS number written 3-3-4, standing on its own.
func grouped334(text string, start int) bool {
	if dateSeparatorBefore(text, start) {
		return false
	}
	var d [10]byte
	copy(d[:3], text[start:start+3])
	j := joinerEnd(text, start+3)
	e := digitsEnd(text, j)
	if j == start+3 || e-j != 3 {
		return false
	}
	copy(d[3:6], text[j:e])
	k := joinerEnd(text, e)
	end := digitsEnd(text, k)
	if k == e || end-k != 4 || dateSeparatorAfter(text, end) {
		return false
	}
	copy(d[6:], text[k:end])
	return ValidNHSNumber(string(d[:]))
}

// digitsEnd returns the index just past the run of ASCII digits at text[i:].
func digitsEnd(text string, i int) int {
	for i < len(text) && isDigit(text[i]) {
		i++
	}
	return i
}

// joinerEnd returns the index just past the joiner between two groups of an
// NHS number that starts at text[i:]: at most two spaces, at most one dash,
// then at most two spaces. It returns i when there is none.
func joinerEnd(text string, i int) int {
	j := spacesEnd(text, i)
	if w := dashWidth(text, j); w > 0 {
		j = spacesEnd(text, j+w)
	}
	return j
}

func spacesEnd(text string, i int) int {
	for n := 0; n < 2; n++ {
		w := spaceWidth(text, i)
		if w == 0 {
			break
		}
		i += w
	}
	return i
}

// dateSeparatorBefore reports whether the digits at text[i:] follow a date's
// separator that itself follows a digit, as the day in "2026-12-943" would.
func dateSeparatorBefore(text string, i int) bool {
	switch {
	case i >= 2 && (text[i-1] == '/' || text[i-1] == '.' || text[i-1] == '-'):
		return isDigit(text[i-2])
	case i >= 4 && dashWidth(text, i-3) == 3:
		return isDigit(text[i-4])
	}
	return false
}

// dateSeparatorAfter reports whether a date's separator and another digit
// follow the digits that end at text[i], as in "5919-12-20".
func dateSeparatorAfter(text string, i int) bool {
	if i < len(text) && (text[i] == '/' || text[i] == '.') {
		return i+1 < len(text) && isDigit(text[i+1])
	}
	w := dashWidth(text, i)
	return w > 0 && i+w < len(text) && isDigit(text[i+w])
}

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// spaceWidth returns the byte length of the space at text[i:], or 0: a
// space, a tab, a no-break space or a narrow no-break space.
func spaceWidth(text string, i int) int {
	switch {
	case i >= len(text):
		return 0
	case text[i] == ' ' || text[i] == '\t':
		return 1
	case text[i] == 0xc2 && i+1 < len(text) && text[i+1] == 0xa0: // U+00A0
		return 2
	case text[i] == 0xe2 && i+2 < len(text) && text[i+1] == 0x80 && text[i+2] == 0xaf: // U+202F
		return 3
	}
	return 0
}

// dashWidth returns the byte length of the dash at text[i:], or 0: a
// hyphen-minus, or U+2010 to U+2013 (hyphen, non-breaking hyphen, figure
// dash, en dash).
func dashWidth(text string, i int) int {
	switch {
	case i < 0 || i >= len(text):
		return 0
	case text[i] == '-':
		return 1
	case text[i] == 0xe2 && i+2 < len(text) && text[i+1] == 0x80 && 0x90 <= text[i+2] && text[i+2] <= 0x93:
		return 3
	}
	return 0
}
