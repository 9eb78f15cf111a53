package supervision

import (
	"errors"
	"strings"
)

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

// ContainsNHSNumber reports whether text holds an NHS number: ten digits
// with a valid check digit, however they are grouped, or ten digits a
// person labels as one, whatever their check digit.
//
// The digits may stand together ("9434765919") or in groups joined by a
// single dash, dot or slash ("943-476-5919", "943.476.5919",
// "943/476/5919"), by a space ("943 476 5919", "9434 765 919"), or by any
// mix of them ("943.476 5919"). A dash may be an en dash or other hyphen; a
// space may be a no-break space, or two spaces, or a dash with a space
// either side ("943 - 476 - 5919"). Letters and punctuation around the
// number do not hide it ("NHS:9434765919").
//
// Ten digits within a few words after "NHS number", "NHS no", "NHS num" or
// "NHS#" (in any case) are refused even when the check digit is wrong
// ("nhs no: 943 476 5918"): the person has said what they are.
//
// Dates, times and lengths never add up to a number:
//   - a date or time written with a dash, dot or slash ("2026-12-20",
//     "20/11/2026", "20.11.2026", "10.30", "20/11") or as eight digits
//     ("20261220") is never part of one, so "2026-11-20 45" is not a match;
//   - groups joined by a dash, dot or slash are one word, and a number is
//     whole words: "943 476 5919-12-20" and "943 476 5919.5" are not a match;
//   - groups joined by spaces need one of four digits or more, not counting
//     a year (1900 to 2099) that starts them, so a run of lengths, days or
//     scores ("12 480 120 45", "2 Jan 2026 480 120") is not a match;
//   - a match is never part of a longer run of digits ("19434765919").
//
// So a number spaced only in groups of three digits or fewer ("94 34 76 59
// 19"), or spaced 4-3-3 with a first group like a year ("2019 765 919"), is
// not found unless it is labelled; written with dots or dashes it is.
//
// It allocates nothing, and reads a stretch of digits at most twice, so it
// is cheap enough for every message. It is safe for concurrent use.
func ContainsNHSNumber(text string) bool {
	for i := 0; i < len(text); i++ {
		c := text[i]
		if !scanStop[c] {
			continue
		}
		if !isDigit(c) { // an n: perhaps "NHS number"
			if i+2 < len(text) && text[i+1]|0x20 == 'h' && labelledNumber(text, i) {
				return true
			}
			continue
		}
		end, n := looseDigits(text, i)
		if n >= 10 {
			found, chainEnd := chainHolds(text, i)
			if found {
				return true
			}
			end = chainEnd
		}
		i = end - 1 // a stretch of fewer than ten digits holds no number
	}
	return false
}

// scanStop marks the bytes where ContainsNHSNumber looks closer: digits,
// and the n of "NHS".
var scanStop = func() (t [256]bool) {
	for c := '0'; c <= '9'; c++ {
		t[c] = true
	}
	t['n'], t['N'] = true, true
	return t
}()

// looseDigits counts the digits from text[i] to the first byte that can
// join no groups (an ASCII letter or punctuation other than a dash, dot or
// slash), and returns where that is. Any chain that starts in that stretch
// ends in it, so a stretch of fewer than ten digits holds no number.
func looseDigits(text string, i int) (end, n int) {
	for ; i < len(text); i++ {
		switch c := text[i]; {
		case isDigit(c):
			n++
		case c == ' ' || c == '-' || c == '.' || c == '/' || c == '\t' || c >= 0x80:
		default:
			return i, n
		}
	}
	return i, n
}

// word is a run of digit groups joined by a dash, dot or slash with no
// space: "943", "943.476.5919", "2026-12-20".
type word struct {
	start, end int  // text[start:end], from its first digit to its last
	digits     int  // how many digits it holds
	groups     int  // how many groups
	long       bool // a group has four digits or more
	year       bool // one group: a year from 1900 to 2099
	date       bool // it is written as a date or a time
}

// chainHolds reads the chain of words that starts at text[i], a digit: words
// joined by spaces (or a spaced dash). It reports whether consecutive whole
// words of it, none a date, make a valid NHS number, and where the chain
// ends.
func chainHolds(text string, i int) (found bool, end int) {
	var win window
	for {
		w, ten := readWord(text, i)
		if ten {
			return true, w.end
		}
		switch {
		case w.date || w.digits > 10:
			win.reset()
		case w.digits == 10:
			win.reset()
			if w.groups > 1 && validSpan(text, w.start, w.end) {
				return true, w.end
			}
		default:
			if win.push(w) && validSpan(text, win.start(), w.end) {
				return true, w.end
			}
		}
		j := wordJoinerEnd(text, w.end)
		if j == w.end || j >= len(text) || !isDigit(text[j]) {
			return false, w.end
		}
		i = j
	}
}

// window is the run of words, oldest first, that ends with the latest one
// and holds at most ten digits: a ring, as each word holds a digit or more.
type window struct {
	starts  [11]int32
	digits  [11]int8
	kind    [11]uint8 // countsLong, yearOnly
	head, n int
	sum     int
}

const (
	countsLong = 1 << iota // a group of four digits or more
	yearOnly               // a year from 1900 to 2099, alone
)

// push adds w and drops the oldest words past ten digits. It reports whether
// the window then holds ten digits grouped as people write a number: one
// word, or words of which one holds a group of four digits or more, not
// counting a year that starts them.
func (v *window) push(w word) bool {
	k := v.head + v.n
	if k >= len(v.starts) {
		k -= len(v.starts)
	}
	var kind uint8
	if w.long {
		kind = countsLong
	}
	if w.year {
		kind |= yearOnly
	}
	v.starts[k], v.digits[k], v.kind[k] = int32(w.start), int8(w.digits), kind
	v.n++
	v.sum += w.digits
	for v.sum > 10 {
		v.sum -= int(v.digits[v.head])
		if v.head++; v.head == len(v.starts) {
			v.head = 0
		}
		v.n--
	}
	if v.sum != 10 {
		return false
	}
	if v.n == 1 {
		return w.groups > 1
	}
	for j, k := 0, v.head; j < v.n; j++ {
		if v.kind[k]&countsLong != 0 && (j > 0 || v.kind[k]&yearOnly == 0) {
			return true
		}
		if k++; k == len(v.kind) {
			k = 0
		}
	}
	return false
}

func (v *window) reset() { v.n, v.sum = 0, 0 }

func (v *window) start() int { return int(v.starts[v.head]) }

// readWord reads the word that starts at text[i], a digit. ten reports that
// one of its groups is a run of exactly ten digits with a valid check digit.
func readWord(text string, i int) (w word, ten bool) {
	w.start = i
	first, last := 0, 0
	midLong := false
	for {
		e := digitsEnd(text, i)
		g := e - i
		if g == 10 && ValidNHSNumber(text[i:e]) {
			return w, true
		}
		if w.groups == 0 {
			first = g
		} else if w.groups >= 2 && last > 2 {
			midLong = true // the group before this one is a middle one, and not short
		}
		last = g
		w.groups++
		w.digits += g
		w.long = w.long || g >= 4
		w.end = e
		s := sepWidth(text, e)
		if s == 0 || e+s >= len(text) || !isDigit(text[e+s]) {
			break
		}
		i = e + s
	}
	if w.groups == 1 {
		w.year = w.digits == 4 && (text[w.start] == '1' && text[w.start+1] == '9' || text[w.start] == '2' && text[w.start+1] == '0')
		w.date = w.digits == 8 && compactDate(text[w.start:w.end])
		return w, false
	}
	// A date or time: two or three groups of one or two digits, but for a
	// year of four at one end ("2026-12-20", "20/11/2026", "10.30", "12/2026").
	if w.groups <= 3 && !midLong && w.digits < 10 {
		endOK := func(g int) bool { return g <= 2 || g == 4 }
		w.date = endOK(first) && endOK(last) && !(first == 4 && last == 4)
	}
	return w, false
}

// compactDate reports whether eight digits are a date written without
// separators: YYYYMMDD or DDMMYYYY, from 1900 to 2099.
func compactDate(d string) bool {
	num := func(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }
	century := func(s string) bool { return s == "19" || s == "20" }
	dayMonth := func(day, month int) bool { return 1 <= day && day <= 31 && 1 <= month && month <= 12 }
	return century(d[:2]) && dayMonth(num(d[6:]), num(d[4:6])) ||
		century(d[4:6]) && dayMonth(num(d[:2]), num(d[2:4]))
}

// validSpan reports whether the digits of text[start:end] are ten and a
// valid NHS number.
func validSpan(text string, start, end int) bool {
	var d [10]byte
	n := 0
	for i := start; i < end; i++ {
		if isDigit(text[i]) {
			if n == len(d) {
				return false
			}
			d[n] = text[i]
			n++
		}
	}
	return n == len(d) && ValidNHSNumber(string(d[:]))
}

// sepWidth returns the byte length of a separator inside a word at text[i:]:
// a dash, a dot or a slash; or 0.
func sepWidth(text string, i int) int {
	if i < len(text) && (text[i] == '.' || text[i] == '/') {
		return 1
	}
	return dashWidth(text, i)
}

// wordJoinerEnd returns the index just past the joiner between two words
// of a number at text[i:]: one or two spaces, or a dash with a space on
// either side or both ("943 - 476", "943- 476"). It returns i when there is
// none.
func wordJoinerEnd(text string, i int) int {
	j := spacesEnd(text, i)
	if w := dashWidth(text, j); w > 0 {
		k := spacesEnd(text, j+w)
		if j == i && k == j+w {
			return i // a bare dash joins groups within a word, not words
		}
		return k
	}
	return j
}

// maxLabelGap is how far past "NHS number" its digits may start: room for
// a few words ("NHS number for the patient is").
const maxLabelGap = 40

// labelledNumber reports whether text[i:] starts "NHS number", "NHS no",
// "NHS num" or "NHS#" (in any case, joined by a space, dot, colon, dash or
// underscore, or nothing), not after a letter, and ten digits in any
// grouping follow within maxLabelGap bytes.
func labelledNumber(text string, i int) bool {
	if i+4 > len(text) || text[i+1]|0x20 != 'h' || text[i+2]|0x20 != 's' || i > 0 && isLetter(text[i-1]) {
		return false
	}
	j := i + 3
	for k := 0; k < 2 && j < len(text) && strings.IndexByte(" .:_-", text[j]) >= 0; k++ {
		j++
	}
	if j < len(text) && text[j] == '#' {
		j++
	} else {
		l := j
		for l < len(text) && isLetter(text[l]) {
			l++
		}
		switch strings.ToLower(text[j:l]) {
		case "number", "numbers", "num", "no", "nos", "nr":
			j = l
		default:
			return false
		}
	}
	for gap := 0; j < len(text) && !isDigit(text[j]); j++ {
		if gap++; gap > maxLabelGap {
			return false
		}
	}
	return j < len(text) && tenDigitsAt(text, j)
}

// tenDigitsAt reports whether the first words of the chain at text[i], a
// digit, hold exactly ten digits between them.
func tenDigitsAt(text string, i int) bool {
	if i > 0 && isDigit(text[i-1]) {
		return false
	}
	sum := 0
	for {
		w, ten := readWord(text, i)
		if ten {
			return true
		}
		sum += w.digits
		if sum >= 10 {
			return sum == 10
		}
		j := wordJoinerEnd(text, w.end)
		if j == w.end || j >= len(text) || !isDigit(text[j]) {
			return false
		}
		i = j
	}
}

// digitsEnd returns the index just past the run of ASCII digits at text[i:].
func digitsEnd(text string, i int) int {
	for i < len(text) && isDigit(text[i]) {
		i++
	}
	return i
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

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

func isLetter(c byte) bool { return 'a' <= c|0x20 && c|0x20 <= 'z' }

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
