package supervision

import (
	"slices"
	"sort"
	"strings"
	"time"

	"github.com/peerbot/peerbot/internal/text"
)

// Correction is a misspelt word that a parser read as a word it knows.
type Correction struct {
	Typed string // as the person typed it: "yestrday"
	Read  string // the word it was read as: "yesterday"
}

// String is the correction as "yestrday → yesterday".
func (c Correction) String() string { return c.Typed + " → " + c.Read }

// typoTarget is a word a misspelling may be read as. Words with the same
// sense ("minute", "minutes") may tie without making a misspelling
// ambiguous; the first listed wins.
type typoTarget struct {
	word, sense string
}

// logTargets are the words of a log a misspelling may be read as: date
// words, weekdays, months, lengths and the words of session types.
var logTargets = buildLogTargets()

// logKnown are the words of a log that mean something as they are, so are
// never read as another word. Weekdays are known through ParseWeekday.
var logKnown = buildLogKnown()

func buildLogTargets() []typoTarget {
	var out []typoTarget
	add := func(sense string, words ...string) {
		for _, w := range words {
			out = append(out, typoTarget{w, sense})
		}
	}
	add("today", "today")
	add("yesterday", "yesterday")
	add("tomorrow", "tomorrow")
	add("morning", "morning")
	add("afternoon", "afternoon")
	add("last", "last")
	add("next", "next")
	add("ago", "ago")
	add("days", "days", "day")
	add("weeks", "weeks", "week")
	add("fortnight", "fortnight")
	add("months", "months", "month")
	add("hours", "hours", "hour")
	add("minutes", "minutes", "minute", "mins")
	add("session", "session", "sessions")
	for _, name := range weekdayNames {
		add(name, name)
	}
	add("tuesday", "tues")
	add("wednesday", "weds")
	add("thursday", "thurs")
	for m := time.January; m <= time.December; m++ {
		name := strings.ToLower(m.String())
		add(name, name)
	}
	var typeWords []string
	for phrase := range sessionTypeWords {
		for _, w := range strings.Fields(phrase) {
			// "managment" is known as a misspelling, not a word to read others as.
			if len(w) >= 4 && isLetters(w) && w != "managment" && !slices.Contains(typeWords, w) {
				typeWords = append(typeWords, w)
			}
		}
	}
	sort.Strings(typeWords)
	for _, w := range typeWords {
		add(w, w)
	}
	return out
}

func buildLogKnown() map[string]bool {
	known := map[string]bool{"with": true, "by": true}
	for _, t := range logTargets {
		known[t.word] = true
	}
	for _, words := range [][]string{
		{"this", "evening", "earlier", "before", "after", "in", "fortnights"},
		{"h", "hr", "hrs", "m", "min"},
	} {
		for _, w := range words {
			known[w] = true
		}
	}
	for phrase := range sessionTypeWords {
		for _, w := range strings.Fields(phrase) {
			known[w] = true
		}
	}
	for phrase := range phraseMinutes {
		for _, w := range strings.Fields(phrase) {
			known[w] = true
		}
	}
	for w := range logFiller {
		known[w] = true
	}
	for w := range monthWords {
		known[w] = true
	}
	for w := range countWords {
		known[w] = true
	}
	return known
}

// correctLogWords reads each misspelt word of a log as the word it is
// nearest, where that is clear: fixed is toks with those words replaced (nil
// when there are none). A word that means something as it is, a word with
// anything but letters in it, and the name after "with" are left alone.
func correctLogWords(toks []string) (fixed []string, corrections []Correction) {
	for i, tok := range toks {
		if i > 0 && isWithWord(toks[i-1]) {
			continue // a person's name: "with sam" is not "with same"
		}
		low := strings.ToLower(tok)
		if !isLetters(low) || logKnown[low] {
			continue
		}
		if _, ok := ParseWeekday(low); ok {
			continue
		}
		read, ok := nearestWord(low, logTargets)
		if !ok {
			continue
		}
		if fixed == nil {
			fixed = slices.Clone(toks)
		}
		fixed[i] = read
		corrections = append(corrections, Correction{Typed: tok, Read: read})
	}
	return fixed, corrections
}

// nearestWord finds the target w is a misspelling of: within one edit for a
// word of three or four letters, two for a longer one, and nearer than any
// target of another sense. Words shorter than three letters are too short
// to tell.
func nearestWord(w string, targets []typoTarget) (string, bool) {
	limit := 2
	switch n := len(w); {
	case n < 3:
		return "", false
	case n <= 4:
		limit = 1
	}
	letters := letterCounts(w)
	best, bestDist, tied := typoTarget{}, limit+1, false
	for _, t := range targets {
		if len(t.word)-len(w) > limit || len(w)-len(t.word) > limit || bagDistance(letters, t.word) > limit {
			continue
		}
		d := text.Distance(w, t.word)
		switch {
		case d < bestDist:
			best, bestDist, tied = t, d, false
		case d == bestDist && t.sense != best.sense:
			tied = true
		}
	}
	if bestDist > limit || tied {
		return "", false
	}
	return best.word, true
}

// letterCounts counts the letters a to z of the lower-case word w.
func letterCounts(w string) (n [26]int8) {
	for i := 0; i < len(w); i++ {
		n[w[i]-'a']++
	}
	return n
}

// bagDistance is how many letters one of two words has that the other has
// not, counting repeats: a cheap lower bound of their edit distance, so most
// targets are passed over without computing it.
func bagDistance(letters [26]int8, word string) int {
	for i := 0; i < len(word); i++ {
		letters[word[i]-'a']--
	}
	more, fewer := 0, 0
	for _, n := range letters {
		if n > 0 {
			more += int(n)
		} else {
			fewer -= int(n)
		}
	}
	return max(more, fewer)
}

func isWithWord(tok string) bool {
	switch strings.ToLower(tok) {
	case "with", "w/", "by":
		return true
	}
	return false
}

// isLetters reports whether s is one or more ASCII letters, a to z.
func isLetters(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return s != ""
}
