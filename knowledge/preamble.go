package knowledge

import "slices"

// A question often comes after words that ask nothing: an apology for
// asking ("sorry if this is obvious, but what is a care coordinator"), or
// who wanted to know ("my manager asked me what an HWBC is for"). Left in,
// their words outweigh the ask's: "obvious" and "manager" matched nothing
// or the wrong article. The ask is what follows them.

// hedges are the words of an apology for asking.
var hedges = []string{"obvious", "silly", "stupid", "dumb", "daft", "basic", "naive", "newbie"}

// openers open the ask itself.
var openers = []string{"what", "whats", "how", "who", "whos", "where", "when", "which", "why", "can", "could", "do", "does", "is", "are", "should"}

// reportedAsks are the words before a reported question: "asked me what",
// "wants to know how".
var reportedAsks = [][]string{{"asked", "me"}, {"asked", "us"}, {"asking", "me"}, {"asks", "me"}, {"wants", "to", "know"},
	{"want", "to", "know"}, {"wanted", "to", "know"}, {"asked"}}

// dropPreamble returns the ask of words, without an apology for asking
// before it or who asked; words itself when there is neither.
func dropPreamble(words []string) []string {
	if ask, ok := afterHedge(words); ok {
		return ask
	}
	for i := range words {
		for _, r := range reportedAsks {
			end := i + len(r)
			if end >= len(words)-1 || !slices.Equal(words[i:end], r) || !hasAny(words[end:end+1], openers...) {
				continue
			}
			if i > 0 && hasAny(words[:i], openers...) {
				return words // "what do i say when a patient asked me how": the ask is before
			}
			if len(rolesNamed(words[:i])) > 0 {
				return words // "my link worker supervisee wants to know what band": whose band
			}
			return words[end:]
		}
	}
	return words
}

// afterHedge returns what follows an apology for asking: the words after
// its "but", or after "question" ("silly question what is a pcn").
func afterHedge(words []string) ([]string, bool) {
	h := -1
	for i, w := range words {
		if hasAny([]string{w}, hedges...) {
			h = i
			break
		}
	}
	if h < 0 || h > 8 {
		return nil, false
	}
	for j := h + 1; j < len(words)-1; j++ {
		if words[j] == "but" || words[j] == "question" || words[j] == "questions" {
			rest := words[j+1:]
			if len(rest) >= 2 && hasAny(rest[:1], openers...) {
				return rest, true
			}
		}
	}
	return nil, false
}
