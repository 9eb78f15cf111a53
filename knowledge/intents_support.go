package knowledge

import (
	"slices"
	"strings"

	"github.com/peerbot/peerbot/supervision"
)

// feelings are how people say they are worn down by the job: a question
// with one, about the asker, asks where they can get support.
var (
	feelingWords = []string{"burnt", "burned", "burnout", "stressed", "overwhelmed", "struggling", "exhausted", "drained", "frazzled", "overworked",
		"unsupported", "isolated", "lonely"}
	feelingPhrases = []string{"burnt out", "burn out", "fed up", "cant cope", "not coping", "need to vent", "need support", "need some support",
		"talk to someone", "someone to talk to", "who can i talk to", "who do i talk to", "no one to talk to", "nobody to talk to",
		"out of my depth", "imposter syndrome", "impostor syndrome"}
	// othersWords name a person other than the asker, whom a question
	// about feelings would be about instead.
	othersWords = []string{"patient*", "client*", "person", "man", "woman", "lady", "gentleman", "he", "she", "they", "his", "her", "their",
		"carer*", "resident*", "family", "families", "child", "children", "mum", "dad", "parent*", "pt", "pts", "service user*",
		"supervisee*", "colleague*", "teammate*"}
	othersPhrases = []string{"someone who", "someone whos", "someone with", "somebody who", "somebody with", "someone is", "someone feels"}
)

// selfCarePhrases ask how to look after oneself, which the content does not
// advise on, not where to find someone to talk to.
var selfCarePhrases = []string{"look after myself", "looking after myself", "take care of myself", "taking care of myself", "self care",
	"selfcare", "tips", "how do i cope", "how can i cope", "how to cope", "how do i stop", "how can i stop", "how do i avoid", "how to avoid",
	"how do i prevent", "how to prevent", "how do i manage my", "how can i manage my"}

// asksSelfCare reports whether a question asks how to look after oneself
// and not for someone to talk to or support from others.
func asksSelfCare(words []string) bool {
	asked := false
	for _, p := range selfCarePhrases {
		asked = asked || hasPhrase(words, p)
	}
	return asked && !hasAny(words, "talk", "someone", "somebody", "who", "support", "network", "peer", "peers", "vent")
}

// selfSupport answers someone who says they are worn down by the job, or
// need someone to talk to, with where they can get support: the peer
// support network of their area (this workspace, in Gateshead), else the
// supervision their role should have. A question about a patient's
// feelings is a referral, not this; one about risk never gets here.
func (b *Base) selfSupport(words []string, a Asker) (*Entry, bool) {
	if e, ok := b.localSupport(words, a); ok {
		return e, true
	}
	if e, ok := b.tollSupport(words, a); ok {
		return e, true
	}
	if r, ok := supportForRole(words); ok && !offTopic(words) && !hasAny(words, "peer", "network", "networks") && !hasAny(words, localityWords...) {
		// "is there support for link workers": the support the role has,
		// not the support it gives: its place's peer support, else its
		// supervision. Peer support or a place named is search's.
		id := "supervision-" + string(r)
		switch a.Locality {
		case "gateshead":
			id = "resource-gateshead-peer-support-network"
		case "london":
			id = "resource-london-peer-support"
		}
		e, ok := b.byID[id]
		return e, ok
	}
	if !aboutAsker(words) || hasAny(words, othersWords...) || offTopic(words) {
		return nil, false
	}
	for _, p := range othersPhrases {
		if hasPhrase(words, p) {
			return nil, false // "I have someone who is isolated"
		}
	}
	feeling := hasAny(words, feelingWords...)
	for _, p := range feelingPhrases {
		feeling = feeling || hasPhrase(words, p)
	}
	if !feeling || asksSelfCare(words) || hasAny(words, askedBesideFeeling...) {
		return nil, false
	}
	return b.supportOf(a.Role, a.Locality)
}

// askedBesideFeeling are subjects a message may ask about after saying how
// the asker feels ("I'm a bit overwhelmed, could you tell me what training
// I'm meant to complete"): the subject is what is asked, not support.
var askedBesideFeeling = []string{"training", "train", "course", "courses", "qualification*", "band", "bands", "pay", "paid", "salary",
	"induction", "elearning", "module", "modules", "reimburse*", "funding", "funded", "caseload", "caseloads"}

// localSupport answers "where can i get support locally as a coach" from
// someone of Gateshead or London with their place's peer support: support
// near the asker, for them or a role, not for a patient or carer.
func (b *Base) localSupport(words []string, a Asker) (*Entry, bool) {
	ids := map[string]string{"gateshead": "resource-gateshead-peer-support-network", "london": "resource-london-peer-support"}
	id, ok := ids[strings.ToLower(strings.TrimSpace(a.Locality))]
	if !ok || !nearMe(words) || !hasAny(words, "support") || hasAny(words, people...) || hasAny(words, othersWords...) || offTopic(words) {
		return nil, false
	}
	if !hasAny(words, firstPerson...) && len(rolesNamed(words)) == 0 {
		return nil, false
	}
	e, ok := b.byID[id]
	return e, ok
}

// supportOf returns where someone of role (or none) in locality gets
// support: the peer support network of their area (this workspace, in
// Gateshead), else the supervision their role should have.
func (b *Base) supportOf(role, locality string) (*Entry, bool) {
	ids := []string{"resource-gateshead-peer-support-network"}
	switch {
	case locality == "gateshead":
	case role != "":
		ids = []string{"supervision-" + role, "resource-gateshead-peer-support-network"}
	case locality == "london":
		ids = []string{"resource-london-peer-support", "resource-gateshead-peer-support-network"}
	}
	for _, id := range ids {
		if e, ok := b.byID[id]; ok {
			return e, true
		}
	}
	return nil, false
}

// supportForRole returns the role a question asks support for, named
// straight after "support for", "supports" or "support as a" ("who
// supports link workers", "support for new care coordinators"); ok is
// false for another question, such as what support a role gives.
func supportForRole(words []string) (supervision.Role, bool) {
	for i, w := range words {
		var rest []string
		switch {
		case w == "supports" || w == "supporting":
			rest = words[i+1:]
		case w == "support" && i+1 < len(words) && hasAny(words[i+1:i+2], "for", "available", "as"):
			rest = words[i+2:]
		default:
			continue
		}
		if len(rest) > 0 && (articles[rest[0]] || hasAny(rest[:1], "new", "our", "the", "to")) {
			rest = rest[1:]
		}
		if len(rest) > 0 && articles[rest[0]] {
			rest = rest[1:]
		}
		for n := min(4, len(rest)); n >= 1; n-- {
			if named := rolesNamed(rest[:n]); len(named) == 1 && startsRole(rest[:n]) {
				for r := range named {
					return r, true
				}
			}
		}
	}
	return "", false
}

// asksWhetherRole reports whether a question asks whether a role does
// something ("can link workers prescribe anything", "can splws do home
// visits"): it opens with can, do, will or the like and names one role
// straight after.
func asksWhetherRole(words []string) bool {
	if len(words) < 3 || !hasAny(words[:1], "can", "could", "do", "does", "will", "would", "may", "are", "is", "should") {
		return false
	}
	k := 1
	if articles[words[k]] || hasAny(words[k:k+1], "our", "my", "your", "all") {
		k++ // "can a link worker", "do our care coordinators"
	}
	for n := 4; n >= 1; n-- {
		// The role comes straight after: "can we employ a link worker"
		// asks about employing, not what link workers do.
		if k+n <= len(words) && len(rolesNamed(words[k:k+n])) == 1 && startsRole(words[k:k+n]) {
			return true
		}
	}
	return false
}

// startsRole reports whether words open with a role's name.
func startsRole(words []string) bool {
	for n := 1; n <= len(words); n++ {
		phrase := strings.Join(words[:n], " ")
		if _, ok := supervision.ParseRole(phrase); ok && !notARole[phrase] {
			return true
		}
		if _, ok := moreRoleWords[phrase]; ok {
			return true
		}
	}
	return false
}

// socialPrescribingWords name social prescribing or its link workers as
// what someone is referred to.
var socialPrescribingWords = []string{"social prescribing", "social prescriber", "link worker", "link workers", "splw", "splws", "social prescription"}

// referToSocialPrescribing answers whether or how someone can be referred
// to social prescribing ("can I refer a 16 year old to social prescribing",
// "how do I refer to the link worker in our practice"), or what social
// prescribing can do for someone ("can social prescribing help people
// isolated after a stroke"), with the article on who it suits and how
// referrals work. A question of who to refer, of numbers or of codes is
// another question.
func (b *Base) referToSocialPrescribing(words []string) (*Entry, bool) {
	booked := hasAny(words, "book", "booking") && hasAny(words, "in", "with") // "book someone in with the link worker"
	if offTopic(slices.DeleteFunc(slices.Clone(words), circumstance)) {
		return nil, false // "can link workers refer to iapt", "an app for referrals": what the article does not say
	}
	if socialPrescribingHelps(words) || whoSuitsReferral(words) {
		e, ok := b.byID["social-prescribing"]
		return e, ok
	}
	if !booked && !hasAny(words, "refer", "referral", "referrals", "referring", "selfrefer") || asksWho(words) || hasAny(words, "many", "number*", "snomed", "code*", "coding", "record*") {
		return nil, false
	}
	if !(hasAny(words[:min(4, len(words))], "can", "could", "how", "may") || hasAny(words[:1], "is", "are", "do", "does") || hasPhrase(words, "how to")) {
		return nil, false
	}
	named := false
	for _, w := range socialPrescribingWords {
		named = named || hasPhrase(words, w)
	}
	if !named {
		return nil, false
	}
	e, ok := b.byID["social-prescribing"]
	return e, ok
}

// localQuestion reports whether a question asks for something in a place
// ("in Gateshead", "near me", "where can I send someone"): a question that
// only describes a person is then asking for a service there, not which
// role can help.
func (b *Base) localQuestion(words []string) bool {
	return b.namedLocality(words) != "" || nearMe(words) || hasAny(words, "where")
}

// namedLocality returns the locality of the content that the question
// names ("london"), or "".
func (b *Base) namedLocality(words []string) string {
	for _, name := range b.index.localities[1:] {
		if hasAny(words, name) {
			return name
		}
	}
	return ""
}

// elsewhere reports whether e belongs to a locality other than the one
// the question names: Gateshead's local links are no answer to a question
// about London.
func (b *Base) elsewhere(e *Entry, words []string) bool {
	named, loc := b.namedLocality(words), strings.ToLower(strings.TrimSpace(e.Locality))
	return named != "" && loc != "" && loc != "national" && loc != named
}

// otherPlaces reports whether e is one place's article and the question
// names another place, or names none and the asker is of another place:
// Gateshead's peer support network is never the answer for a London
// link worker, nor London's for Gateshead.
func (b *Base) otherPlaces(e *Entry, words []string, locality string) bool {
	loc := strings.ToLower(strings.TrimSpace(e.Locality))
	if loc == "" || loc == "national" {
		return false
	}
	if named := b.namedLocality(words); named != "" {
		return named != loc
	}
	asker := strings.ToLower(strings.TrimSpace(locality))
	return asker != "" && asker != "national" && asker != loc
}

// placeOf returns the place a question names, else the asker's; "" for
// none or national.
func (b *Base) placeOf(words []string, locality string) string {
	if named := b.namedLocality(words); named != "" {
		return named
	}
	if l := strings.ToLower(strings.TrimSpace(locality)); l != "national" {
		return l
	}
	return ""
}

// rolesPerPCN answers how many of a role a PCN should or can have ("how
// many link workers should a pcn have") with the ARRS article, which says
// what caps it; how many there are, nationally or in a place, is the
// workforce articles' question.
func (b *Base) rolesPerPCN(words []string, roles roleSet) (*Entry, bool) {
	counted := hasPhrase(words, "how many") || hasPhrase(words, "number of") || hasPhrase(words, "maximum number")
	inPCN := hasAny(words, "pcn", "pcns", "network", "practice", "practices", "surgery")
	if !counted && morePosts(words) && hasAny(words, "arrs") {
		counted, inPCN = true, true // "can we recruit more than one link worker under ARRS"
	}
	there := hasAny(words, "there") && !hasPhrase(words, "is there a") && !hasPhrase(words, "is there any") // "is there a cap on how many"
	if !counted || len(roles) == 0 || !inPCN ||
		hasAny(words, localityWords...) || there || hasAny(words, "recruited", "employed", "nationally", "england", "total") {
		return nil, false
	}
	if hasAny(words, "our", "my") && !hasAny(words, "can", "could", "should", "allowed", "may", "max*", "cap", "limit", "need", "needs", "more", "claim*") {
		return nil, true // how many one's own PCN has: no article knows
	}
	e, ok := b.byID["arrs"]
	return e, ok
}

// offSubject reports whether e is about supervision and the question says
// nothing of it: an article on supervising pharmacists or practice nurses
// is no answer to what a pharmacist or a practice nurse does.
// corrected is the question with its misspellings corrected, or "".
func offSubject(e *Entry, words []string, corrected string) bool {
	about := strings.Contains(e.ID, "supervis") || strings.Contains(strings.ToLower(e.Title), "supervis")
	said := func(ws []string) bool { return hasAny(ws, "supervis*") }
	return about && !said(words) && !said(plainWords(corrected)) && !namesSynonym(e, words)
}

// missesSupervision reports whether a question about supervision is
// answered by an article that does not speak of it in its title, summary
// or synonyms: a link worker's caseload is no answer to how long a
// supervision session should be.
func missesSupervision(e *Entry, words []string) bool {
	if !hasAny(words, "supervis*") {
		return false
	}
	in := func(s string) bool { return strings.Contains(strings.ToLower(s), "supervis") }
	if in(e.ID) || in(e.Title) || in(e.Summary) || slices.ContainsFunc(e.Synonyms, in) {
		return false
	}
	return true
}

// namesSynonym reports whether the question has one of e's synonyms of
// two words or more, as a phrase ("induction checklist"): then it asks for
// what e covers, whatever e's title is about. A synonym naming a role or
// a profession does not count: what a pharmacist is is not how one is
// supervised.
func namesSynonym(e *Entry, words []string) bool {
	for _, s := range e.Synonyms {
		p := plainWords(s)
		if len(p) > 1 && !hasAny(p, professions...) && len(rolesNamed(p)) == 0 && hasPhrase(words, strings.Join(p, " ")) {
			return true
		}
	}
	return false
}

// countedWords, after a role, ask how many of it there are, not how many
// a PCN may have: "how many link workers are there", "recruited",
// "nationally".
var countedWords = []string{"there", "recruited", "employed", "england", "nationally", "national", "total", "altogether", "exist", "uk", "country"}

// workforceCount answers how many of a role there are ("how many care
// coordinators have been recruited nationally") with the workforce
// figures: London's when the question names London, the national ones
// when it names no place. It is not how many a PCN may have (rolesPerPCN)
// nor how many people are referred: a role's name follows "how many".
func (b *Base) workforceCount(words []string, roles roleSet) (*Entry, bool) {
	if len(roles) == 0 || !hasAny(words, countedWords...) || hasAny(words, "should", "allowed", "max", "maximum", "cap", "limit") {
		return nil, false
	}
	if hasAny(words, "our", "my") && hasAny(words, "practice", "practices", "surgery", "pcn", "pcns") {
		return nil, true // how many one's own practice has: figures the content does not hold
	}
	counted := false
	for i := 0; i+2 < len(words); i++ {
		if hasPhrase(words[i:i+2], "how many") || hasPhrase(words[i:i+2], "number of") {
			rest := words[i+2:]
			if hasPrefix(rest, []string{"social", "prescribing"}) {
				rest = rest[2:] // "how many social prescribing link workers"
			}
			counted = counted || startsRole(rest)
		}
	}
	if !counted {
		return nil, false
	}
	id := "arrs-workforce"
	switch b.namedLocality(words) {
	case "":
		if hasAny(words, localityWords...) {
			return nil, false // near here: no figures but London's
		}
	case "london":
		id = "london-workforce"
	default:
		return nil, false
	}
	e, ok := b.byID[id]
	return e, ok
}

// morePosts reports a question about taking on more than one of a role:
// "can we recruit more than one link worker", "employ a second coach".
func morePosts(words []string) bool {
	more := hasPhrase(words, "more than one") || hasPhrase(words, "more than 1") || hasAny(words, "multiple", "several", "another", "second", "2nd", "two", "2", "extra")
	return more && hasAny(words, "recruit*", "employ*", "hire", "hiring", "have", "get", "claim*", "fund*", "take", "appoint*")
}

// placeUnasked reports whether e is a place's own article and neither the
// question nor the asker's profile is of that place: Gateshead's training
// matrix, for someone not in Gateshead who did not ask about it, must be a
// good answer to be given at all (unless it is for the asker's own role,
// which searched weighs).
func (b *Base) placeUnasked(e *Entry, words []string, locality string) bool {
	loc := strings.ToLower(strings.TrimSpace(e.Locality))
	if loc == "" || loc == "national" {
		return false
	}
	return !strings.EqualFold(loc, strings.TrimSpace(locality)) && b.namedLocality(words) != loc
}

// aboutAsker reports a question about the asker: in the first person, or
// opening with how they feel, the "I" left out ("feeling a bit burnt out
// in this role, any support?").
func aboutAsker(words []string) bool {
	return hasAny(words, firstPerson...) || len(words) > 0 && hasAny(words[:1], "feeling", "feel", "struggling", "finding", "really", "bit")
}

// asksWho reports whether words ask who or which ("who should I refer"),
// not describe someone who ("someone who's lonely", "a man who has stopped
// going out", "people who lost a partner"), which only says which person
// is meant.
func asksWho(words []string) bool {
	for i, w := range words {
		if (w == "who" || w == "whos" || w == "whom" || w == "which") && (i == 0 || !hasAny(words[i-1:i], people...) && !hasAny(words[i-1:i], "people", "those", "anyone")) {
			return true
		}
	}
	return false
}

// serviceNamed returns the social prescribing article for a referral
// question answered with the link workers' role that names social
// prescribing, the service, and not its worker: "what can social
// prescribing offer someone who is lonely" asks of the service, which that
// article sets out. Else nil.
func (b *Base) serviceNamed(words []string, role *Entry) *Entry {
	if role == nil || role.ID != "role-splw" || !hasPhrase(words, "social prescribing") ||
		hasAny(words, "prescriber", "prescribers", "worker", "workers", "splw", "splws") {
		return nil
	}
	return b.byID["social-prescribing"]
}

// socialPrescribingHelps reports a question of what social prescribing, by
// that name, can do for someone: "can social prescribing help people who
// are isolated", "what can social prescribing offer someone who is
// lonely", "how can social prescribing help with loneliness". Naming the
// link worker asks of the role instead.
func socialPrescribingHelps(words []string) bool {
	i := slices.Index(words, "social")
	if i < 1 || i+1 >= len(words) || words[i+1] != "prescribing" || !hasAny(words[i-1:i], "can", "could", "does", "would", "will") {
		return false
	}
	rest := words[i+2:]
	return len(rest) > 0 && hasAny(rest[:1], "help", "offer", "support", "do", "work") && !hasAny(rest, "fund", "funds", "funding", "pay")
}

// whoSuitsReferral reports a question of which people may be referred to
// social prescribing or a link worker: "what sort of patients can I refer
// to a link worker", "which patients should I refer to the social
// prescriber". Whom to refer one person to is another question.
func whoSuitsReferral(words []string) bool {
	if !hasAny(words, "refer", "referred", "referring") {
		return false
	}
	who := []string{"patients", "people", "clients"}
	asked := false
	for i := 0; i+1 < len(words); i++ {
		switch {
		case hasAny(words[i:i+1], "which", "what") && hasAny(words[i+1:i+2], who...):
			asked = true // "which patients"
		case hasAny(words[i:i+1], "kind", "kinds", "sort", "sorts", "type", "types") && words[i+1] == "of" && i+2 < len(words) && hasAny(words[i+2:i+3], who...):
			asked = true // "what sort of patients"
		}
	}
	if !asked {
		return false
	}
	for _, w := range socialPrescribingWords {
		if hasPhrase(words, w) {
			return true
		}
	}
	return false
}
