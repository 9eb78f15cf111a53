package knowledge

import (
	"slices"
	"strings"

	"github.com/peerbot/peerbot/supervision"
)

// Questions that name one role and ask of it: what it is, what it does,
// or one of the topics each role has an article on.

// roleTopic answers a question that names one role and one of the topics
// each role has an article on ("do coaches need PCI accredited training",
// "link worker band") with that article, when the question names no
// locality (a local article may answer that better).
func (b *Base) roleTopic(words []string, named roleSet, res Results) (*Entry, bool) {
	// A role's pay is the same in every place: "band for a coach in
	// London" is the coaches' pay.
	claimed := claimAmount(words) && !hasAny(words, askerTopics[0].words...) && !hasAny(words, askerTopics[2].words...)
	pay := (claimed || hasAny(words, askerTopics[1].words...)) && !hasAny(words, askerTopics[0].words...) && !hasAny(words, askerTopics[2].words...)
	if len(named) != 1 || offTopic(words) || hasAny(words, localityWords...) && !pay && b.placeHasTopic(words, res) || b.documentSays(words) {
		return nil, false
	}
	var role supervision.Role
	for r := range named {
		role = r
	}
	comparing := hasAny(words, "vs", "versus", "differ*", "diff", "compare*") || hasPhrase(words, "same as")
	if aboutTheRole(words) || comparing && !hasAny(words, topicWords...) {
		// "link worker role explained", "health coach vs personal
		// trainer": what the role is.
		e, ok := b.byID["role-"+string(role)]
		return e, ok
	}
	if asksWhatRoleDoes(words) && !hasAny(words, topicWords...) {
		// "what do health coaches do all day": what the role is, if its
		// article speaks of what else the question names.
		return b.roleIfSpoken(words, role)
	}
	if hasAny(words, "supervisor", "supervisors") && hasAny(words, askerTopics[2].words...) && !hasAny(words, firstPerson...) {
		// Training for supervisors is not how the role is supervised,
		// nor the role's own training.
		return nil, true
	}
	topical := learningNeedless(supervisorOf(words))
	for i, t := range askerTopics[:3] { // supervision, pay and training
		if !hasAny(topical, t.words...) && !(i == 1 && claimed) {
			continue
		}
		if i == 0 && hasAny(words, supervisionAsides...) {
			return nil, false // a question about supervision all the same, not the role's pay or training
		}
		if i == 1 && (fundsAsked(words) || moneyTrouble(words) || moneyForTraining(words)) {
			continue // "can WDF money pay for my course" asks what funds it, not the role's pay
		}
		e, ok := b.byID[t.article(string(role))]
		if ok && i != 1 && b.moneyUnspoken(words, e) {
			return nil, true // "a training budget for coaches": the training article says nothing of one
		}
		return e, ok
	}
	if asksWhetherRole(words) && !hasAny(words, topicWords...) {
		// "can link workers do home visits": what the role does.
		return b.roleIfSpoken(words, role)
	}
	return nil, false
}

// supervisorOf returns words without "supervisee" when they ask of the
// supervisee's pay or training: "my coach supervisee asked if she needs a
// level 4 qualification" is about the coaches' training, and the
// supervisee is only whom it is asked for.
func supervisorOf(words []string) []string {
	if !hasAny(words, "supervisee", "supervisees") || !hasAny(words, askerTopics[1].words...) && !hasAny(words, askerTopics[2].words...) {
		return words
	}
	return slices.DeleteFunc(slices.Clone(words), func(w string) bool { return w == "supervisee" || w == "supervisees" })
}

// placeHasTopic reports whether a question naming a place may be answered
// by that place's own article on its topic: it names no one place (near
// me, local), or one of search's first three hits is the named place's and
// on supervision or training as the question is. London's workforce
// figures are no answer to how much supervision a London link worker
// has; the link workers' supervision is.
func (b *Base) placeHasTopic(words []string, res Results) bool {
	place := b.namedLocality(words)
	if place == "" || hasAny(words, "local", "locally", "near", "nearby", "area", "region", "regional") {
		return true
	}
	for _, h := range res.Hits[:min(3, len(res.Hits))] {
		if !strings.EqualFold(h.Entry.Locality, place) {
			continue
		}
		text := strings.ToLower(h.Entry.ID + " " + h.Entry.Title)
		if hasAny(words, "supervis*") && strings.Contains(text, "supervis") || hasAny(words, askerTopics[2].words...) && strings.Contains(text, "train") ||
			!hasAny(words, "supervis*") && !hasAny(words, askerTopics[2].words...) {
			return true
		}
	}
	return false
}

// supervisionAsides mark a supervision question about something besides how
// a role is supervised: why, who may, the kinds, the contract, the evidence.
var supervisionAsides = []string{"why", "can", "could", "allowed", "may", "evidence", "kind*", "type*", "different",
	"contract*", "contractual", "matter*", "leave", "leaving", "stay", "pilot", "survey", "clinic", "educational",
	"reduce*", "stress*", "benefit*", "impact", "effect*", "burnout", "retention", "retain*"}

// roleWordsAbout are the words of a question about what a role is, beside
// the role's name: "link worker role explained".
var roleWordsAbout = map[string]bool{"role": true, "roles": true, "job": true, "jobs": true, "explained": true, "overview": true,
	"description": true, "duties": true, "responsibilities": true, "about": true, "is": true, "a": true, "an": true, "the": true,
	"what": true, "whats": true, "s": true, "their": true, "of": true, "difference": true, "make": true, "makes": true,
	"offer": true, "offers": true, "provide": true, "provides": true, "bring": true, "brings": true, "do": true, "does": true,
	"actually": true, "exactly": true, "day": true, "to": true, "all": true, "explain": true, "mean": true, "means": true,
	"point": true, "purpose": true, "why": true, "would": true, "we": true, "employ": true, "hire": true, "value": true,
	"worth": true, "benefit": true, "benefits": true, "need": true, "for": true,
	// Said around it: "the care coordinator role, what is it exactly",
	// "whats the point of care coordinators in a pcn tbh", "who do link
	// workers help, trying to work out if its worth having one", "im a new
	// hwbc, what am i meant to be doing".
	"it": true, "its": true, "tbh": true, "honestly": true, "really": true, "in": true, "pcn": true, "practice": true, "our": true,
	"who": true, "help": true, "helps": true, "having": true, "one": true, "trying": true, "work": true, "out": true, "if": true,
	"im": true, "i": true, "am": true, "my": true, "as": true, "new": true, "involve": true, "involves": true, "entail": true, "entails": true, "meant": true, "supposed": true, "be": true, "doing": true, "they": true, "are": true,
	// What the days are like: "what's a typical day for a care
	// coordinator", "a day in the life of a link worker".
	"typical": true, "usual": true, "average": true, "daily": true, "week": true, "life": true, "like": true, "look": true, "feel": true, "feels": true, "being": true}

// aboutTheRole reports whether a question that names a role has no other
// words than ones asking what the role is.
func aboutTheRole(words []string) bool {
	if hasPhrase(words, "job description") || hasPhrase(words, "job descriptions") || hasAny(words, "jd", "jds") {
		return false // a recruitment document, which FutureNHS holds
	}
	var rest []string
	for i := 0; i < len(words); i++ {
		matched := false
		for n := 4; n >= 1 && !matched; n-- {
			if i+n <= len(words) {
				if _, ok := supervision.ParseRole(strings.Join(words[i:i+n], " ")); ok {
					i += n - 1
					matched = true
				}
			}
		}
		if !matched {
			rest = append(rest, words[i])
		}
	}
	if len(rest) == 0 || len(rest) == len(words) {
		return false
	}
	for _, w := range rest {
		if !roleWordsAbout[w] {
			return false
		}
	}
	return true
}

// topicWords are the words of the topics a role has articles on besides
// its own: a "what does X do" question with one is about that topic.
var topicWords = []string{"supervis*", "band", "banding", "salary", "paid", "pay", "earn*", "training", "train", "trained", "course*", "qualif*", "degree", "degrees",
	"caseload", "record*", "snomed", "code*", "refer*", "funding", "fund*", "reimburse*", "how", "many", "when", "who", "why", "framework", "frameworks"}

// moneyTrouble reports money troubles told of, a patient's need, with no
// other word of pay: "money worries, social prescriber?".
func moneyTrouble(words []string) bool {
	troubles := near(words, []string{"money", "financial", "finances", "finance"}, []string{"worries", "worry", "worried", "problems", "problem",
		"troubles", "issues", "difficulties", "struggles", "stress", "stressed"}, 1)
	return troubles && !hasAny(words, "band", "banding", "salary", "paid", "earn*", "wage", "pay", "reimburse*")
}

// moneyForTraining reports a question asking for money for training ("is
// there money for link worker training"): money is its only word of pay,
// and it names training. What funds a course is not the role's pay.
func moneyForTraining(words []string) bool {
	return hasAny(words, askerTopics[2].words...) && hasAny(words, "money") &&
		!hasAny(words, slices.DeleteFunc(slices.Clone(askerTopics[1].words), func(w string) bool { return w == "money" })...)
}

// namedHelper returns the role's article when a referral question names
// one role as the help it has in mind ("would a care coordinator help")
// and that role's cues match the need described: the content bears the
// asker out, though another role's cues may match more. Else nil.
func (b *Base) namedHelper(words []string) *Entry {
	named := rolesNamed(words)
	if len(named) != 1 {
		return nil
	}
	for r := range named {
		if e := b.byID["role-"+string(r)]; e != nil && e.Referral != nil && cuesMatched(e, words) > 0 {
			return e
		}
	}
	return nil
}

// learningNeedless returns words without "learning" where it names a need
// ("a learning disability", "learning difficulties"), not training: whether
// coaches work with people with learning disabilities is no question of
// the coaches' training.
func learningNeedless(words []string) []string {
	out := words
	for i := len(words) - 2; i >= 0; i-- {
		if words[i] == "learning" && hasAny(words[i+1:i+2], "disab*", "difficult*") {
			out = slices.Delete(slices.Clone(out), i, i+1)
		}
	}
	return out
}

// becomeRole answers how to become one of the roles ("can a care
// coordinator become a link worker") with the training article of the
// role after "become": the way in to the role, whatever role the asker
// has now. Becoming a role's supervisor is not becoming the role.
func (b *Base) becomeRole(words []string) (*Entry, bool) {
	for i, w := range words {
		if w != "become" && w != "becoming" && w != "becomes" {
			continue
		}
		rest := words[i+1:]
		if len(rest) > 0 && articles[rest[0]] {
			rest = rest[1:]
		}
		for n := min(4, len(rest)); n >= 1; n-- {
			r, ok := roleOf(strings.Join(rest[:n], " "))
			if !ok {
				continue // the role must follow "become a": "become a supervisor for coaches" is no coach
			}
			if n < len(rest) && hasAny(rest[n:n+1], "supervisor*", "lead*", "manager*") {
				return nil, false // "become a link worker supervisor"
			}
			e, ok := b.byID[string(r)+"-training"]
			return e, ok
		}
	}
	return nil, false
}

// roleOf returns the role a phrase names, as rolesNamed reads one.
func roleOf(phrase string) (supervision.Role, bool) {
	if r, ok := supervision.ParseRole(phrase); ok && !notARole[phrase] {
		return r, true
	}
	r, ok := moreRoleWords[phrase]
	return r, ok
}

// namedRolesOwn reports whether h is the article of the one role the
// question names, and a good hit: "how do coaches support people with long
// term conditions" asks what coaches do, and an article close beside it on
// something they do is no rival. The callers ask it only of a question
// about someone the role would work with.
func namedRolesOwn(h Hit, roles roleSet) bool {
	if len(roles) != 1 || h.Confidence < secondAt {
		return false
	}
	for r := range roles {
		return h.Entry.ID == "role-"+string(r)
	}
	return false
}

// aboutSomeone reports whether words speak of someone a role works with.
func aboutSomeone(words []string) bool {
	return hasAny(words, people...) || hasAny(words, "people", "anyone")
}
