package knowledge

import (
	"strings"

	"github.com/peerbot/peerbot/supervision"
)

// Comparisons of two specific things: two roles' pay, training or
// supervision; two kinds of supervision; social prescribing and
// signposting (or "just a leaflet"). Each is answered by the article on
// what is compared, not by the article on the roles together, which says
// how the roles differ in what they do.

// compared answers a comparison of two roles' topic, of kinds of
// supervision, or of social prescribing and signposting.
// asked is the question as typed, whose "ok" at the end, dropped as
// politeness, asks whether something is all right.
func (b *Base) compared(words []string, roles roleSet, asked string) (*Entry, bool) {
	if e, ok := b.rolesTopicCompared(words, roles); ok {
		return e, ok
	}
	if e, ok := b.kindsCompared(words, roles, asked); ok {
		return e, ok
	}
	return b.signpostingCompared(words, roles)
}

// comparedWords ask how two things differ or which is better.
var comparedWords = []string{"vs", "versus", "v", "differ*", "diff", "difference", "differences", "compare*", "compared", "same", "better",
	"worse", "more", "less", "than", "or", "between", "instead", "rather", "just", "point"}

// roleTopics are the topics each role has its own article on, with the
// words that name them and the article's id for a role.
var roleTopics = []struct {
	words []string
	id    func(r string) string
}{
	{[]string{"pay", "paid", "salary", "salaries", "earn*", "band", "bands", "banding", "wage*"}, func(r string) string { return r + "-pay" }},
	{[]string{"training", "train", "trained", "course*", "qualif*"}, func(r string) string { return r + "-training" }},
	{[]string{"supervis*"}, func(r string) string { return "supervision-" + r }},
}

// rolesTopicCompared answers a comparison of two roles' pay, training or
// supervision ("splw vs hwbc pay", "cc supervision vs splw supervision")
// with the first role's article on it; nil when the question names no
// one topic.
func (b *Base) rolesTopicCompared(words []string, roles roleSet) (*Entry, bool) {
	if len(roles) < 2 || !hasAny(words, comparedWords...) {
		return nil, false
	}
	var id func(string) string
	for _, t := range roleTopics {
		if hasAny(words, t.words...) {
			if id != nil {
				return nil, false // two topics: no one article
			}
			id = t.id
		}
	}
	first := firstRoleNamed(words)
	if id == nil || first == "" {
		return nil, false
	}
	e, ok := b.byID[id(string(first))]
	return e, ok
}

// firstRoleNamed returns the role named first in words, "" for none.
func firstRoleNamed(words []string) supervision.Role {
	for i := range words {
		for n := min(4, len(words)-i); n >= 1; n-- {
			if named := rolesNamed(words[i : i+n]); len(named) == 1 {
				for r := range named {
					return r
				}
			}
		}
	}
	return ""
}

// supervisionKindWords name a kind of supervision.
var supervisionKindWords = []string{"clinical", "peer", "group", "educational", "professional", "clinic", "practice", "managerial", "management",
	"line", "individual", "coaching", "reflective", "1:1", "121", "one-to-one"}

// kindsCompared answers a question asking what kinds of supervision there
// are, for any role, or comparing kinds of supervision
// ("clinical or peer supervision, which is better"), or asking whether a
// kind is all right ("is group supervision ok"), of no role, with the
// article on the kinds of supervision.
func (b *Base) kindsCompared(words []string, roles roleSet, asked string) (*Entry, bool) {
	if !hasAny(words, "supervis*") {
		return nil, false
	}
	if near(words, []string{"types", "type", "kinds", "kind"}, []string{"supervision"}, 2) {
		// "the different types of supervision i should offer my coaches":
		// the kinds there are, whoever has them.
		e, ok := b.byID["supervision-kinds"]
		return e, ok
	}
	if len(roles) > 0 {
		return nil, false
	}
	kinds := map[string]bool{}
	kind := func(i int) bool { return i < len(words) && hasAny(words[i:i+1], supervisionKindWords...) }
	for i, w := range words {
		// "peer supervision", "clinical or peer supervision": a kind word
		// before supervision, or before another kind of it.
		if kind(i) && i+1 < len(words) && (strings.HasPrefix(words[i+1], "supervis") || hasAny(words[i+1:i+2], "or", "and", "vs", "versus") && kind(i+2)) {
			kinds[w] = true
		}
	}
	if len(kinds) == 0 {
		return nil, false
	}
	compared := len(kinds) >= 2 && hasAny(words, comparedWords...)
	allowed := !compared && hasAny(plainWords(asked), "ok", "okay", "acceptable", "fine", "valid", "enough", "allowed")
	if !compared && !allowed {
		return nil, false
	}
	e, ok := b.byID["supervision-kinds"]
	return e, ok
}

// signpostWords name signposting or handing over information alone.
var signpostWords = []string{"signpost*", "leaflet*", "leaflets", "website*", "number"}

// signpostingCompared answers a question setting social prescribing
// against signposting or just giving information ("social prescribing or
// just a leaflet", "signposting same as sp?") with the article on how
// they differ.
func (b *Base) signpostingCompared(words []string, roles roleSet) (*Entry, bool) {
	if !hasAny(words, signpostWords...) || !hasAny(words, comparedWords...) {
		return nil, false
	}
	if !hasAny(words, "signpost*") && !hasAny(words, "just", "instead", "rather", "point") {
		return nil, false // "a leaflet about link workers" compares nothing
	}
	sp := hasPhrase(words, "social prescribing") || hasPhrase(words, "social prescriber") || hasPhrase(words, "social prescribers") ||
		hasAny(words, "sp") || roles[supervision.LinkWorker] && len(roles) == 1
	if !sp {
		return nil, false
	}
	e, ok := b.byID["social-prescribing-vs-signposting"]
	return e, ok
}

// comparisonWords ask how things differ or fit together.
var comparisonWords = []string{"vs", "versus", "differ*", "diff", "compare*", "between", "together", "share", "sharing", "which"}

// namedReferral returns, of the roles named, the one whose referral cues
// the question's need matches; nil for none.
func (b *Base) namedReferral(words []string, roles roleSet) *Entry {
	if e, _, _ := b.referral(words, Results{}); e != nil && roles[supervision.Role(strings.TrimPrefix(e.ID, "role-"))] {
		return e
	}
	if offTopic(words) {
		return nil
	}
	// Asked as a choice, with no person named ("type 2 diabetic, not
	// motivated - coach or link worker?"): the named role with the most
	// cues matched, if one has more than the others.
	var best *Entry
	bestN, tie := 0, false
	for r := range roles {
		e := b.byID["role-"+string(r)]
		switch n := cuesMatched(e, words); {
		case n > bestN:
			best, bestN, tie = e, n, false
		case n == bestN && n > 0:
			tie = true
		}
	}
	if tie {
		return nil
	}
	return best
}

// compareRoles answers a question that names two or more roles and asks how
// they differ or work together with the article on the roles together.
func (b *Base) compareRoles(words []string, roles roleSet) (*Entry, bool) {
	choosing := hasAny(words, "or") && hasAny(words, "send", "refer*", "choose", "pick", "better", "should")
	// "can i be a link worker and a coach at the same time": both roles
	// at once, of nothing else the roles have articles on.
	both := hasAny(words, "same", "both", "overlap*", "combine*", "combined", "dual", "joint") && !hasAny(words, topicWords...) &&
		!hasAny(words, "arrs", "money", "claim*", "funded") // "ARRS money for a coach and a coordinator at the same time" is ARRS's
	// "what does a care coordinator do that a health coach doesnt": what
	// one role does and the other does not.
	contrast := asksWhatRoleDoes(words) && hasAny(words, "doesnt", "dont", "cant", "wont", "not")
	if len(roles) >= 2 && !choosing && hasAny(words, "or") {
		// "type 2 diabetic, not motivated - health coach or social
		// prescriber?": a need described, and the roles named as the
		// choice; the one whose cues it matches, if one does.
		if e := b.namedReferral(words, roles); e != nil {
			return e, true
		}
	}
	if !hasAny(words, comparisonWords...) && !choosing && !both && !contrast {
		return nil, false
	}
	if len(roles) < 2 {
		return nil, false
	}
	if choosing {
		// "link worker or coach for someone who needs benefits advice":
		// of the roles named, the one whose cues the need matches.
		if e := b.namedReferral(words, roles); e != nil {
			return e, true
		}
	}
	e, ok := b.byID["roles-together"]
	return e, ok
}
