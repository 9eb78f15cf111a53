package knowledge

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

// ownPractice reports whether words ask how the asker should do a piece of
// their own work ("how do i close a case and discharge a patient", "what's
// a good way to start a conversation about loneliness"): a question of
// practice, which the articles do not teach, however many of a role's
// referral cues it happens to name.
func ownPractice(words []string) bool {
	for i := range words {
		for _, m := range methodAsks {
			if !hasPrefixPhrase(words[i:], m) {
				continue
			}
			if n := i + len(plainWords(m)); n < len(words) {
				return hasAny(words[n:n+1], practiceVerbs...)
			}
		}
	}
	return false
}

// hasPrefixPhrase reports whether words begin with phrase.
func hasPrefixPhrase(words []string, phrase string) bool {
	p := plainWords(phrase)
	if len(p) > len(words) {
		return false
	}
	for i, w := range p {
		if words[i] != w {
			return false
		}
	}
	return true
}

// practiceVerb returns the verb of a question ownPractice reports, or "".
func practiceVerb(words []string) string {
	for i := range words {
		for _, m := range methodAsks {
			if !hasPrefixPhrase(words[i:], m) {
				continue
			}
			if n := i + len(plainWords(m)); n < len(words) && hasAny(words[n:n+1], practiceVerbs...) {
				return words[n]
			}
			return ""
		}
	}
	return ""
}

// arrangeVerbs arrange or speak of what an article may well cover
// without using the verb: "how do we set up supervision for our new
// coach", "how do i talk to patients about health inequalities".
var arrangeVerbs = []string{"set", "setting", "talk", "talking", "explain", "explaining", "say", "saying"}

// practiceUnspoken reports whether words ask how the asker does a piece
// of their own work (see ownPractice) and e never uses the verb of it:
// "how do i prepare for supervision" is not answered by an article on
// supervision that says nothing of preparing.
func (b *Base) practiceUnspoken(words []string, e *Entry) bool {
	v := practiceVerb(words)
	if v == "" || hasAny([]string{v}, arrangeVerbs...) {
		return false
	}
	stems, _ := b.index.unmatched(v, e)
	return len(stems) > 0
}
