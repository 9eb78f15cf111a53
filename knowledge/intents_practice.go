package knowledge

import (
	"slices"
	"strings"
)

// methodAsks open a question about how the asker does something
// themselves: "how do i", "what's the best way to".
var methodAsks = []string{"how do i", "how can i", "how should i", "how would i", "how do we", "how can we", "how should we",
	"best way to", "good way to", "ways to", "tips for", "tips on"}

// practiceVerbs are what the asker does in their own work, not through
// someone else: running a group, closing a case, keeping boundaries,
// coping. Referring, finding and supporting are left out: "how do i
// refer someone for bereavement support" asks who helps.
var practiceVerbs = []string{"set", "setting", "run", "running", "close", "closing", "end", "ending", "discharge", "discharging",
	"start", "starting", "cope", "coping", "deal", "dealing", "handle", "handling", "look", "looking", "keep", "keeping",
	"prepare", "preparing", "write", "writing", "manage", "managing", "say", "saying", "talk", "talking", "explain", "explaining"}

// methodWords are methodAsks split into words, once.
var methodWords = func() [][]string {
	out := make([][]string, len(methodAsks))
	for i, m := range methodAsks {
		out[i] = strings.Fields(m)
	}
	return out
}()

// ownPractice reports whether words ask how the asker should do a piece of
// their own work ("how do i close a case and discharge a patient", "what's
// a good way to start a conversation about loneliness"): a question of
// practice, which the articles do not teach, however many of a role's
// referral cues it happens to name.
func ownPractice(words []string) bool { return practiceVerb(words) != "" }

// practiceVerb returns the verb of a question of the asker's own practice
// (see ownPractice): the word after the first of methodAsks, when it is
// one of practiceVerbs; else "".
func practiceVerb(words []string) string {
	for i := range words {
		for _, m := range methodWords {
			if !slices.Equal(words[i:min(len(words), i+len(m))], m) {
				continue
			}
			if n := i + len(m); n < len(words) && hasAny(words[n:n+1], practiceVerbs...) {
				return words[n]
			}
			return ""
		}
	}
	return ""
}

// unspokenVerbs are the verbs of practice an article must speak of to
// answer how to do them: ending work with someone, coping, handling a
// situation, preparing for something. Others of practiceVerbs are left
// out: "how do i start supervision" and "how do i prepare a care and
// support plan" ask about what the article covers, verb or none.
var unspokenVerbs = []string{"end", "ending", "close", "closing", "discharge", "discharging", "cope", "coping", "deal", "dealing",
	"handle", "handling"}

// practiceUnspoken reports whether words ask how the asker does a piece
// of their own work (see ownPractice) with one of unspokenVerbs, or how to
// prepare for something, and e never uses the verb: "how do i prepare for
// supervision" is not answered by an article on supervision that says
// nothing of preparing.
func (b *Base) practiceUnspoken(words []string, e *Entry) bool {
	v := practiceVerb(words)
	if v == "" {
		return false
	}
	if !hasAny([]string{v}, unspokenVerbs...) && !((v == "prepare" || v == "preparing") && hasPhrase(words, v+" for")) {
		return false
	}
	stems, _ := b.index.unmatched(v, e)
	return len(stems) > 0
}
