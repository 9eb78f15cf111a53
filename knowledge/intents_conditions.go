package knowledge

import "strings"

// conditionGroups are long-term conditions, each group the words for one:
// "diabetes, COPD and heart failure" names three, "diabetic with type 2
// diabetes" one.
var conditionGroups = [][]string{
	{"diabetes", "diabetic", "t2dm", "t1dm", "prediabetic", "prediabetes"},
	{"copd", "emphysema", "bronchitis"},
	{"asthma", "asthmatic"},
	{"heart", "cardiac", "angina"},
	{"blood pressure", "hypertension", "bp"},
	{"kidney", "ckd", "renal"},
	{"arthritis", "osteoarthritis"},
	{"dementia", "alzheimers"},
	{"parkinsons", "parkinson"},
	{"stroke"},
	{"epilepsy"},
	{"chronic pain", "fibromyalgia"},
}

// conditionsNamed counts the long-term conditions words name.
func conditionsNamed(words []string) int {
	n := 0
	for _, g := range conditionGroups {
		for _, w := range g {
			if strings.Contains(w, " ") && hasPhrase(words, w) || hasAny(words, w) {
				n++
				break
			}
		}
	}
	return n
}

// conditionCue reports whether a referral cue names a condition.
func conditionCue(c string) bool {
	for _, g := range conditionGroups {
		for _, w := range g {
			if c == w {
				return true
			}
		}
	}
	return false
}

// severalConditions is what a list of two or more conditions says of
// someone, in the words of the role articles' referral cues.
var severalConditions = []string{"several", "long", "term", "conditions"}

// withConditions returns words, with "several long term conditions" after
// them when they name two or more conditions: a man "with diabetes, COPD
// and heart failure" lives with several, whom a care coordinator helps,
// not three needs a coach's cues name.
func withConditions(words []string) []string {
	if conditionsNamed(words) < 2 {
		return words
	}
	return append(words[:len(words):len(words)], severalConditions...)
}
