package knowledge

import "strings"

// askedOfTheWork answers the questions of the roles' work that come before
// any other reading: who employs them, inducting a new starter, whether a
// role is an ARRS role, peer support in a place, whether supervision
// differs for a role, where a new starter begins, and whether something
// belongs in supervision.
// unsaid reports the last two: how new the asker is, or what happened, is
// not in the article's words, nor need it be.
func (b *Base) askedOfTheWork(words []string, roles roleSet, a Asker) (e *Entry, unsaid, ok bool) {
	if e, ok := b.employedBy(words, roles); ok {
		return e, false, true // not the VCSE's definition
	}
	if e, ok := b.induction(words); ok {
		return e, false, true
	}
	if e, ok := b.arrsRole(words, roles); ok {
		return e, false, true
	}
	if e, ok := b.peerSupportIn(words, roles, a); ok {
		return e, false, true
	}
	if e, ok := b.supervisionDiffersFor(words, roles); ok {
		return e, false, true
	}
	if e, ok := b.newStarter(words, roles, a); ok {
		return e, true, true
	}
	e, ok = b.bringsToSupervision(words, roles, a)
	return e, ok, ok
}

// employWords say who employs someone or where they are hosted: "can a
// VCSE employ our link worker", "hosted by a charity".
var employWords = []string{"employ", "employs", "employed", "employer", "employers", "employing", "hosted", "hosts", "hosting", "subcontract*", "sub-contract*"}

// employerWords name who might employ the roles, other than "who".
var employerWords = []string{"vcse", "voluntary", "charity", "charities", "third", "pcn", "pcns", "practice", "practices", "surgery",
	"organisation", "organisations", "organization", "organizations", "org", "host", "hosted", "subcontract*", "sub-contract*", "directly", "federation"}

// employedBy answers who may employ the ARRS roles ("can a VCSE employ our
// link worker", "are care coordinators employed by the PCN or the
// practice") with the ARRS article, which says who may employ them. Who
// answers to the CQC for them is the CQC article's question, a patient's
// job ("my client wants to be employed again") no such question, nor
// which practices employ one or why one would, and what they are paid or
// how they are supervised another article's.
func (b *Base) employedBy(words []string, roles roleSet) (*Entry, bool) {
	if !hasAny(words, employWords...) || !hasAny(words, employerWords...) {
		return nil, false
	}
	if len(roles) == 0 && !hasAny(words, "arrs", "staff") {
		return nil, false
	}
	if hasAny(words, "patient", "patients", "client", "clients", "someone", "person", "people", "pay", "paid", "salary", "band", "how", "many",
		"cqc", "accountable", "accountability", "inspect*", "regulat*", "supervis*", "why", "benefit*", "worth") {
		return nil, false
	}
	if hasAny(words, "near", "which", "what", "any") && hasAny(words, "practices", "pcns", "surgeries") {
		return nil, false // which practices employ one: a list the content does not keep
	}
	e, ok := b.byID["arrs"]
	return e, ok
}

// inductionWords ask how a new starter is inducted or onboarded.
var inductionWords = []string{"induction", "inductions", "induct", "inducted", "inducting", "onboard*", "on-board*"}

// induction answers how to induct a new starter in one of the roles ("what
// does a good induction look like for a care coordinator", "onboarding a
// new link worker") with NHS England's supervision guidance, which comes
// with an optional induction checklist for new starters. Training or a
// course for the induction is the role's training article's question, and
// what an induction pack should say on another subject that subject's.
func (b *Base) induction(words []string) (*Entry, bool) {
	if !hasAny(words, inductionWords...) || !hasAny(words, "new", "how", "what", "whats", "pack", "checklist", "template", "plan", "good") {
		return nil, false // "cc induction": the checklist or the training, it does not say
	}
	if hasAny(words, "training", "course", "courses", "module*", "elearning", "e-learning", "first", "aid", "mhfa", "evidence", "cpd",
		"pay", "band", "salary", "supervisor") {
		return nil, false
	}
	e, ok := b.byID["resource-supervision-guidance"]
	return e, ok
}

// arrsRole answers whether one of the roles is an ARRS role or funded by
// it ("is the link worker role funded by ARRS", "are coaches part of the
// ARRS") with the ARRS article, which names the roles it funds; how much
// it pays, or what it covers, is the funding article's question.
func (b *Base) arrsRole(words []string, roles roleSet) (*Entry, bool) {
	if len(roles) == 0 || !hasAny(words, "arrs") || !hasAny(words[:1], "is", "are", "does", "do") {
		return nil, false
	}
	if !hasAny(words, "role", "roles", "funded", "fund", "funds", "paid", "reimbursed", "part", "under", "covered", "included", "eligible", "claim*") {
		return nil, false
	}
	if hasAny(words, "band", "bands", "salary", "much", "rate", "rates", "cost", "costs", "on-costs", "oncosts", "how", "pay", "supervis*", "training", "course*", "money") {
		return nil, false
	}
	e, ok := b.byID["arrs"]
	return e, ok
}

// newPhrases say the asker is new in post: "im new", "just started",
// "first week as a care coordinator".
var newPhrases = []string{"im new", "i am new", "new in post", "new to the role", "new in the role", "just started", "started monday",
	"started this week", "started this month", "started last week", "recently started", "started as",
	"first week", "first weeks", "first few weeks", "first month", "first months", "in post"}

// startPhrases ask where a new starter begins: "where do i start", "what
// should i read", "what should my first months look like".
var startPhrases = []string{"where do i start", "where to start", "where do i begin", "where should i start", "what should i read",
	"what should i do", "what should i be doing", "look like"}

// newStarter answers a new starter asking where to begin in one of the
// roles (the one they name, else their own) with that role's training
// article, which says how to get started: "im new in post, where do i
// start", "first week as a care coordinator, what should i read". What the
// role does day to day is the role's article.
func (b *Base) newStarter(words []string, roles roleSet, a Asker) (*Entry, bool) {
	if !anyPhrase(words, newPhrases) || !anyPhrase(words, startPhrases) ||
		hasAny(words, "supposed", "supervision", "training", "pay", "band", "caseload", "tips") || hasPhrase(words, "day to day") {
		return nil, false
	}
	role := strings.ToLower(strings.TrimSpace(a.Role))
	if len(roles) > 1 {
		return nil, false
	}
	for r := range roles {
		role = string(r)
	}
	if role == "" {
		return nil, false
	}
	e, ok := b.byID[role+"-training"]
	return e, ok
}

// anyPhrase reports whether words hold any of phrases.
func anyPhrase(words []string, phrases []string) bool {
	for _, p := range phrases {
		if hasPhrase(words, p) {
			return true
		}
	}
	return false
}
