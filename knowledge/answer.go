package knowledge

import (
	"slices"
	"strings"

	"github.com/peerbot/peerbot/supervision"
)

// Asker is who asks a question, from their profile: their role ("splw",
// "hwbc", "cc") and locality ("gateshead", "london"), each "" when unset.
type Asker struct {
	Role     string
	Locality string
}

// Kind says what an Answer is.
type Kind int

const (
	// NotSure: nothing answers the question well enough to give.
	NotSure Kind = iota
	// Article: an article answers it; Passage is the part that does.
	Article
	// Definition: the question asks what an abbreviation means; Lead
	// defines it.
	Definition
	// WhoToRefer: the question describes someone's needs and asks who can
	// help; Lead says which role and why.
	WhoToRefer
	// Usage: the question asks how to use peerbot itself ("how do I log a
	// session"); Usage names the command that does it. No article answers
	// it, so it is not Confident.
	Usage
)

// Answer is what the bot answers a question with: the article and the part
// of it that answers, or an honest "not sure", and, for a question about
// risk to someone, the safety reply first whatever else is found.
type Answer struct {
	Kind Kind
	// Safety: the question is about risk to someone (suicide, self-harm,
	// abuse, safeguarding, an emergency). The fixed safety reply comes
	// first, always; Entry, if any, follows it.
	Safety bool
	Entry  *Entry // the answering article; nil when Kind is NotSure
	// Passage is the section of Entry that best answers the question,
	// whole: it leads the answer, and the rest of the article is there on
	// request.
	Passage Section
	// Lead opens a Definition ("ARRS stands for ...") or a WhoToRefer answer ("A
	// social prescribing link worker can help: ...").
	Lead string
	// Local are entries of the asker's locality that also answer, shown
	// beside the answer; they never take its place.
	Local []*Entry
	// ForRoles, for a question about the asker's own role ("what band am
	// I") from someone whose profile has no role, is the article that
	// answers it for each role, so they can pick theirs; Kind is NotSure.
	ForRoles []*Entry
	// Usage, for Kind Usage, is the command that does what was asked.
	Usage UsageHint
	// Outside, for Kind NotSure, says the question is about something the
	// content does not cover at all (a drug dose, booking leave, an IT
	// password), not a near miss: the nearest articles would be no help.
	Outside bool
	// Results is the search behind the answer: the nearest hits when not
	// sure, the did-you-mean, and the query's terms.
	Results Results
}

// Confident reports whether the answer may be given as the answer.
func (a Answer) Confident() bool { return a.Kind != NotSure && a.Entry != nil }

// SafetyReply is the fixed reply to a question about risk to someone. It is
// given first and in full, and no search result replaces it.
const SafetyReply = "I can't advise on clinical risk. If someone is in immediate danger or it is a medical emergency, call 999 now. " +
	"Follow your practice's safeguarding policy, and speak to your supervisor or the duty GP straight away."

// answerHits is how many hits an answer's search asks for: the best, two
// related, and room for local ones.
const answerHits = 6

// Answer answers a question for the asker: the safety reply first for a
// question about risk; then, in order, the command for a question about
// using peerbot itself, a definition of an abbreviation, a
// question about the asker's own role answered for it, a "who should I
// refer to" question answered with the role that helps, or the best article
// found by search, led by its best passage. It is safe for concurrent use.
func (b *Base) Answer(q string, a Asker) Answer {
	if b == nil || b.index == nil {
		return Answer{}
	}
	ans := b.answer(q, a)
	if fixed := ans.Results.Suggested; !ans.Safety && ans.ForRoles == nil && fixed != "" && (ans.Kind == NotSure || rolesRespelt(q, fixed)) {
		// Misspelt ("sp link worker superviosn frequency", "care
		// coordiantor role"): the rules read words as typed, so read it
		// again as search respelt it, and answer what was meant.
		if again := b.answer(fixed, a); again.Confident() && !again.Safety {
			again.Results.DidYouMean, again.Results.Suggested = ans.Results.DidYouMean, fixed
			return again
		}
	}
	if (ans.Kind == NotSure || weakSearch(ans)) && !ans.Safety && ans.ForRoles == nil {
		if one, ok := b.oneSentenceAnswers(q, a); ok {
			return one
		}
	}
	if ans.Kind == NotSure && !ans.Safety && ans.ForRoles == nil {
		words, _ := readQuestion(q)
		ans.Outside = offTopic(words)
	}
	return ans
}

// rolesRespelt reports whether fixed, q respelt, names more roles than q
// as typed: the rules missed the role q is about.
func rolesRespelt(q, fixed string) bool {
	typed, _ := readQuestion(q)
	respelt, _ := readQuestion(fixed)
	return len(rolesNamed(respelt)) > len(rolesNamed(typed))
}

// answer answers q as a whole; see Answer.
func (b *Base) answer(q string, a Asker) Answer {
	asked, typed := q, plainWords(q)
	words, q := readQuestion(q)
	roles := rolesNamed(words)
	opts := SearchOptions{Locality: a.Locality, Limit: answerHits}
	if len(roles) == 0 {
		opts.Role = a.Role
	}
	searched := q
	if nearMe(words) && a.Locality != "" && a.Locality != "national" {
		searched += " " + a.Locality // "near me" is "in Gateshead"
	}
	res := b.Search(searched, opts)
	risk, riskSubject := assessRisk(words)
	ans := Answer{Safety: risk, Results: res}
	felt := false // the answer is for how the asker feels
	if answeredFirst(&ans, q, words, riskSubject) {
		return ans
	}
	if e, unsaid, ok := b.askedOfTheWork(words, roles, a); ok {
		ans.Kind, ans.Entry, felt = Article, e, unsaid
	} else if d, e, ok := b.respeltDefinition(words, res); ok && !b.placeUnspoken(e, words) {
		ans.Kind, ans.Entry, ans.Lead = Definition, e, d
	} else if e, ok := b.listed[listedKey(words)]; ok && !offTopic(words) {
		// Word for word one of an article's own questions, stop words and
		// all ("what does what matters to you mean"), which search, leaving
		// out stop words, may not read.
		ans.Kind, ans.Entry = Article, e
	} else if e, ok := b.namedAsked(words); ok && !offTopic(words) && !b.placeUnspoken(e, words) {
		// "What is group supervision": a synonym of its article, asked as
		// a term.
		ans.Kind, ans.Entry = Article, e
	} else if e, ok := b.employer(words); ok {
		ans.Kind, ans.Entry = Article, e
	} else if e, ok := b.listedClause(asked); ok && !offTopic(words) {
		// Its first clause is one, and the rest only narrows it.
		ans.Kind, ans.Entry = Article, e
	} else if e, ok := b.termsCompared(words); ok {
		ans.Kind, ans.Entry = Article, e
	} else if e, ok := b.compared(words, roles, asked); ok {
		ans.Kind, ans.Entry = Article, e
	} else if e, ok := b.schemeFunds(words, res); ok {
		ans.Kind, ans.Entry = found(e), e // nil: not sure
	} else if e, ok := b.supervisorTraining(words, a); ok {
		ans.Kind, ans.Entry = found(e), e // nil: not sure
	} else if e, ok := b.selfSupport(words, a); ok {
		// How the asker feels ("overwhelmed", "stressed") is not in
		// the article's words, nor need it be.
		ans.Kind, ans.Entry, felt = Article, e, true
	} else if e, ok := b.forAsker(words, roles, a); ok {
		ans.Kind, ans.Entry = Article, e
	} else if each := b.forEachRole(words, roles); each != nil && a.Role == "" && !listedElsewhere(res, each) && !b.topNamed(res, words, each) {
		// Any one role's answer would be a guess: let them choose.
		ans.ForRoles = each
		return ans
	} else if e, ok := b.askedAsListed(res, words, roles, a); ok {
		// Near word for word one of an article's own questions: that
		// article, before any guess from the question's shape.
		ans.Kind, ans.Entry = Article, e
	} else if e, ok := b.compareRoles(words, withAskersRole(roles, words, a)); ok {
		ans.Kind, ans.Entry = Article, e
	} else if e, ok := b.whoCanSupervise(words, roles); ok {
		ans.Kind, ans.Entry = Article, e
	} else if e, ok := b.whySupervision(words, roles); ok {
		ans.Kind, ans.Entry = Article, e
	} else if e, ok := b.becomeRole(words); ok {
		ans.Kind, ans.Entry = Article, e
	} else if e, ok := b.roleTopic(words, roles, res); ok {
		// nil: the role's article does not speak of what was asked;
		// search's answer then, if it is a good one, else none.
		if e == nil {
			e = b.searchedAfterAll(res, words, roles, typed, a)
		}
		if e != nil {
			ans.Kind, ans.Entry = Article, e
		}
	} else if e, ok := b.rolesPerPCN(words, roles); ok {
		ans.Kind, ans.Entry = found(e), e // nil: not sure
	} else if e, ok := b.workforceCount(words, roles); ok {
		ans.Kind, ans.Entry = found(e), e // nil: not sure
	} else if e, ok := b.localServices(words, a); ok {
		ans.Kind, ans.Entry = Article, e
	} else if e, ok := b.referToSocialPrescribing(words); ok {
		ans.Kind, ans.Entry = Article, e
	} else if e, why, asked := b.referral(words, res); e != nil && (asked || !searchAnswers(res, words, a.Locality) && !b.localQuestion(words)) {
		ans.Kind, ans.Entry, ans.Lead = b.referred(words, e, why)
	} else if e, ok := b.searched(res, words, roles, a); ok && !b.placeGuessed(e, res, typed, a) {
		ans.Kind, ans.Entry = Article, b.askersOwn(e, roles, a)
	}
	b.settle(&ans, felt, asked, q, searched, words, opts, roles, a)
	return ans
}

// respeltDefinition is the definition words ask for, or, when they ask
// for none, the one they ask for with the misspellings search corrected
// ("waht is socal prescribing"); words typed as English words are left as
// typed, so a word is not read as another.
func (b *Base) respeltDefinition(words []string, res Results) (string, *Entry, bool) {
	if d, e, ok := b.definition(words); ok || res.Suggested == "" {
		return d, e, ok
	}
	fixed, _ := readQuestion(res.Suggested)
	return b.definition(fixed)
}

// answeredFirst settles, in ans, a question answered before any article is
// looked for: risk to someone (the safety reply, and an article only when
// search finds one clearly), a risk subject the content does not cover, a
// question about using peerbot, another place or HR. It reports whether
// it settled it.
func answeredFirst(ans *Answer, q string, words []string, riskSubject bool) bool {
	if ans.Safety {
		// Risk to someone: no guess from the asker's role or a referral;
		// only an article search finds clearly, to read after the safety
		// reply.
		// A search that respelt words read another question ("client is
		// sucidal" as "client is social"): no article then.
		if res := ans.Results; res.Confident && res.DidYouMean == "" && len(res.Hits) > 0 && !offTopic(words) && clearWinner(res) {
			ans.Kind, ans.Entry = Article, res.Hits[0].Entry
		}
		return true
	}
	if riskSubject {
		// Safeguarding or safety training, policy or leads: a subject the
		// content does not cover, and no one said to be at risk.
		return true
	}
	if hint, ok := commandAsked(q, words); ok {
		// A question naming one of peerbot's commands: what it does.
		ans.Kind, ans.Usage = Usage, hint
		return true
	}
	if hint, ok := usage(words); ok {
		// About peerbot itself: no article answers it; the command does.
		ans.Kind, ans.Usage = Usage, hint
		return true
	}
	if otherPlace(words) || hrAsked(words) {
		// Another nation or place than the content's, or HR: no article
		// speaks of it, whatever words it shares.
		return true
	}
	return false
}

// samePlace replaces an answer that is one place's article when the
// question, as asked, names another place, or names none and the asker is
// of another place: Gateshead's peer support network is never the answer
// for a London link worker, nor London's for Gateshead. Search's answer
// for the question with its place takes its place, else none.
func (b *Base) samePlace(ans *Answer, asked, searched string, opts SearchOptions, roles roleSet, a Asker) {
	if loc := strings.ToLower(ans.Entry.Locality); loc == "" || loc == "national" {
		return // an article for anywhere
	}
	all := trimPolite(plainWords(asked)) // "im a link worker in london, ..." names London
	if !b.otherPlaces(ans.Entry, all, a.Locality) {
		return
	}
	ans.Kind, ans.Entry, ans.Lead = NotSure, nil, ""
	words, _ := readQuestion(asked)
	if place := b.placeOf(all, a.Locality); place != "" {
		ans.Results = b.Search(searched+" "+place, opts)
	}
	if e, ok := b.searched(ans.Results, words, roles, a); ok && !b.otherPlaces(e, all, a.Locality) {
		ans.Kind, ans.Entry = Article, e
	}
}

// placeGuessed reports whether e, search's answer, is one place's article
// for someone of no place, and of another role, whose question, as asked,
// names no place and is not near one of e's own questions: what they asked
// may be anyone's, and the place's article is a guess.
func (b *Base) placeGuessed(e *Entry, res Results, typed []string, a Asker) bool {
	loc := strings.ToLower(strings.TrimSpace(e.Locality))
	if loc == "" || loc == "national" || strings.TrimSpace(a.Locality) != "" || slices.Contains(e.Roles, strings.ToLower(a.Role)) {
		return false
	}
	if b.namedLocality(typed) != "" {
		return false
	}
	for _, h := range res.Hits {
		if h.Entry == e {
			return h.Near < placeNearAt
		}
	}
	return true
}

// withAskersRole returns the roles a question names with the asker's own
// role beside them when it speaks of the asker ("what do i do
// differently from the link worker", from a coach): it compares the two.
func withAskersRole(named roleSet, words []string, a Asker) roleSet {
	r, ok := supervision.ParseRole(a.Role)
	if !ok || len(named) != 1 || named[r] || !hasAny(words, "i", "me", "my", "im") {
		return named
	}
	out := roleSet{r: true}
	for n := range named {
		out[n] = true
	}
	return out
}

// searchedAfterAll is search's answer to a question a rule read as about
// a role's own article and then found that article does not speak of
// ("what competencies does a health coach need"), when search is at least
// secondAt confident of it: a second opinion must be a good one. Else nil.
func (b *Base) searchedAfterAll(res Results, words []string, roles roleSet, typed []string, a Asker) *Entry {
	e, ok := b.searched(res, words, roles, a)
	if !ok || b.placeGuessed(e, res, typed, a) {
		return nil
	}
	for _, h := range res.Hits {
		if h.Entry == e && h.Confidence >= secondAt {
			return e
		}
	}
	return nil
}

// found is the kind of an answer that is article e, or none when e is nil.
func found(e *Entry) Kind {
	if e == nil {
		return NotSure
	}
	return Article
}

// readQuestion returns the words of q as the intents read them, and q as
// search reads it: without who the asker says they are ("im a student
// nurse on placement, what do link workers do" asks what link workers do).
func readQuestion(q string) ([]string, string) {
	all := plainWords(q)
	plain := dropPreamble(trimPolite(all))
	words := dropRequests(spellOut(ageSex(plain)))
	if said := dropAskerIntro(words); len(said) < len(words) {
		return said, strings.Join(said, " ")
	}
	if len(words) != len(all) || textSpeak(plain) {
		// "hw mny link wrkrs", "Good evening, could you tell me...": search
		// reads it spelt out, without the greeting and the request too.
		return words, strings.Join(words, " ")
	}
	return words, q
}

// ageSex returns words with "patient" after an opening age and sex
// ("52M recently redundant...", "82f"), the way clinicians describe a
// patient, so the question is read as about one.
func ageSex(words []string) []string {
	if len(words) == 0 || len(words[0]) < 2 || len(words[0]) > 4 {
		return words
	}
	w := words[0]
	if last := w[len(w)-1]; last != 'm' && last != 'f' || !isNumber(w[:len(w)-1]) {
		return words
	}
	return append([]string{w, "patient"}, words[1:]...)
}

// searched picks search's answer: the first hit not ruled out as another
// place's, another role's or off the question's subject, when it ranks
// clearly ahead of the next one not ruled out, and, if it is not the first
// hit, is at least secondAt confident.
func (b *Base) searched(res Results, words []string, roles roleSet, a Asker) (*Entry, bool) {
	locality, role := a.Locality, strings.ToLower(strings.TrimSpace(a.Role))
	if !res.Confident || len(res.Hits) == 0 || offTopic(words) || vague(res.Terms) {
		return nil, false
	}
	part := strings.Join(partAsked(words), " ")
	if part == "" {
		part = strings.Join(saidAbout(words), " ") // "what did the long term plan say about pharmacy"
	}
	subject, respelt := whatIsSubject(words), []string(nil)
	if subject != nil && res.DidYouMean != "" {
		respelt = whatIsSubject(plainWords(res.DidYouMean)) // "what is a care coordinater"
	}
	fits := func(e *Entry) bool {
		if part != "" && !b.speaksOfAll(part, e) {
			return false // "what's reflective practice in supervision": supervision alone is no answer
		}
		if subject != nil && !b.headSays(e, subject) && (respelt == nil || !b.headSays(e, respelt)) {
			return false // "what is a care home": a caseload article that mentions care homes does not say
		}
		return !b.elsewhere(e, words) && !offSubject(e, words, res.DidYouMean) && !otherRoles(e, roles) && !missesSupervision(e, words) &&
			!anothersOwn(e, words, roles, role)
	}
	for i, h := range res.Hits {
		if !fits(h.Entry) {
			continue
		}
		if h.Confidence < secondAt && b.placeUnasked(h.Entry, words, locality) && !slices.Contains(h.Entry.Roles, role) {
			continue // another place's article must be a good answer; the next may be
		}
		if i > 0 && h.Confidence < secondAt {
			return nil, false
		}
		if role == "" && len(roles) == 0 && parallelRival(h, res) {
			return nil, false // "how often should a volunteer have supervision": which role's is a guess
		}
		if b.nearerRival(h, res, strings.Join(words, " "), fits) {
			return nil, false // "what kind of things do link workers refer to": another article is as sure, and asked of so
		}
		for _, next := range res.Hits[i+1:] {
			if b.placeUnasked(next.Entry, words, locality) && !b.placeUnasked(h.Entry, words, locality) {
				continue // a place's article, unasked for, behind one for anywhere does not make it a guess
			}
			if fits(next.Entry) {
				if h.Score-next.Score < marginAt && namedRolesOwn(next, roles) && aboutSomeone(words) {
					return next.Entry, true
				}
				return h.Entry, h.Score-next.Score >= marginAt || b.placeAskedNear(h, next, words) || b.synonymNamed(words) == h.Entry ||
					namedRolesOwn(h, roles) && aboutSomeone(words)
			}
		}
		return h.Entry, true
	}
	return nil, false
}

// placeAskedNear reports whether h is the article of the place the
// question names, the question is near one of its own questions and the
// next hit is not that place's: "who do i contact about social
// prescribing in london" is London's, though a national article has as
// many of its words. Two of the place's articles tied is still a guess.
func (b *Base) placeAskedNear(h, next Hit, words []string) bool {
	loc := strings.ToLower(strings.TrimSpace(h.Entry.Locality))
	return loc != "" && loc != "national" && h.Near >= secondAt && b.namedLocality(words) == loc &&
		!strings.EqualFold(strings.TrimSpace(next.Entry.Locality), loc)
}

// anothersOwn reports whether e is one of another role's own articles
// ("splw-caseload"; not the role's article itself), for a question about the asker's own
// work that names no role: the link workers' caseload is no answer to a
// coach asking how many patients they should see.
func anothersOwn(e *Entry, words []string, named roleSet, role string) bool {
	return role != "" && len(named) == 0 && len(e.Roles) == 1 && e.Roles[0] != role && e.Referral == nil && strings.Contains(e.ID, e.Roles[0]) &&
		hasAny(words, firstPerson...)
}

// askersOwn returns, for another role's article found for a question
// that names no role, the asker's own role's article of the same kind: a
// care coordinator asking whether three months without supervision is
// all right is answered with the coordinators' supervision, not the
// coaches'.
func (b *Base) askersOwn(e *Entry, named roleSet, a Asker) *Entry {
	r := strings.ToLower(strings.TrimSpace(a.Role))
	if len(named) > 0 || len(e.Roles) != 1 || e.Roles[0] == r || !slices.Contains(supervision.Roles, supervision.Role(r)) {
		return e
	}
	other := e.Roles[0]
	for _, id := range []string{strings.Replace(e.ID, "-"+other, "-"+r, 1), strings.Replace(e.ID, other+"-", r+"-", 1)} {
		if own, ok := b.byID[id]; ok && id != e.ID && slices.Contains(own.Roles, r) {
			return own
		}
	}
	return e
}

// listedAt is how near a question must be to one of an article's own
// questions for that article to answer it before the intents do.
var listedAt = 0.9

// askedAsListed returns search's answer when its first hit is that near
// one of the hit's own questions and search would give it anyway.
func (b *Base) askedAsListed(res Results, words []string, roles roleSet, a Asker) (*Entry, bool) {
	if len(res.Hits) == 0 || res.Hits[0].Near < listedAt {
		return nil, false
	}
	if top := res.Hits[0].Entry; len(roles) == 1 && len(top.Roles) != 1 && hasAny(words, askerTopics[1].words...) && (hasPhrase(words, "how much") || hasAny(words, "band", "bands")) {
		// "how much do link workers get paid on AfC", "what AfC band is a
		// link worker on": the named role's pay, not the pay scale's
		// article for every role.
		return nil, false
	}
	e, ok := b.searched(res, words, roles, a)
	return e, ok && e == res.Hits[0].Entry
}

// listedElsewhere reports whether search's first hit is none of each, the
// role articles a question about the asker's own role would offer, and is
// near word for word one of its own questions, or is a good answer well
// ahead of the next: "where are the PCI e-learning modules" is the PCI's,
// and "what should i cover in a supervision session" the supervision
// guidance's, whatever the asker's role.
func listedElsewhere(res Results, each []*Entry) bool {
	if len(res.Hits) == 0 || slices.Contains(each, res.Hits[0].Entry) {
		return false
	}
	top := res.Hits[0]
	return top.Near >= listedAt || top.Confidence >= secondAt && (len(res.Hits) < 2 || top.Score-res.Hits[1].Score >= aheadAt)
}

// aheadAt is how far ahead of the next hit search's first must rank to
// answer a question that would otherwise ask for the asker's role.
var aheadAt = 0.15

// askCoveredAt is the least share of a question's weight (see coverage)
// an article must have for it to be the answer: "does peer supervision
// count towards my hours" is not answered by an article that has only
// "supervision" of it.
var askCoveredAt = 0.15

// searchSure reports whether search found e confidently, so that it has
// much of the question already: no need to look again.
func searchSure(res Results, e *Entry) bool {
	for _, h := range res.Hits {
		if h.Entry == e {
			return h.Confidence >= tune.confidentAt
		}
	}
	return false
}

// placeNearAt is how near a question that names no place, from an asker
// of no place, must be to one of a place's article's own questions for
// that article to answer it: "what are the standards for supervision of
// personalised care roles" asks of the national standards, though
// Gateshead's article has the most of its words.
var placeNearAt = 0.8

// secondAt is how confident search must be of a hit after the first for
// it to answer: a second guess must be a good one.
var secondAt = 0.7

// otherRoles reports whether e is only for roles other than the one role
// the question names: the link workers' caseload is no answer to how many
// sessions coaches have.
func otherRoles(e *Entry, named roleSet) bool {
	if len(named) != 1 || len(e.Roles) == 0 {
		return false
	}
	for r := range named {
		if slices.Contains(e.Roles, string(r)) {
			return false
		}
	}
	return true
}

// marginAt is how far ahead of the second hit the first must rank for
// search alone to answer: two articles ranked about equal is a guess.
var marginAt = 0.02

// clearWinner reports whether search's first hit ranks clearly ahead of
// its second.
func clearWinner(res Results) bool {
	return len(res.Hits) < 2 || res.Hits[0].Score-res.Hits[1].Score >= marginAt
}

// searchAnswers reports whether search found a confident answer that is
// not a role's own article, nor another place's than the asker's: then a
// question that only describes a person is about that answer, not a
// referral. Gateshead's local links are no answer to "patient needs help
// with housing" from someone who is not in Gateshead.
func searchAnswers(res Results, words []string, locality string) bool {
	if !res.Confident || len(res.Hits) == 0 || res.Hits[0].Entry.Referral != nil || offTopic(words) || res.Hits[0].Confidence < describedAt {
		return false
	}
	loc := strings.ToLower(strings.TrimSpace(res.Hits[0].Entry.Locality))
	return loc == "" || loc == "national" || strings.EqualFold(loc, strings.TrimSpace(locality))
}

// describedAt is how confident search must be to answer a question that
// describes a person whom one of the roles could help: below it, one shared
// word ("a patient with a learning disability" and an article's "learning
// about it") is weaker evidence than the person's needs.
var describedAt = 0.6

// nearMe reports whether a question asks for what is near the asker.
func nearMe(words []string) bool {
	return hasPhrase(words, "near me") || hasPhrase(words, "my area") || hasPhrase(words, "round here") ||
		hasAny(words, "nearby", "local", "locally")
}

// plainWords is q lower-cased, split into words, with "'s" and other
// apostrophes dropped as the tokenizer drops them.
func plainWords(q string) []string {
	toks, _ := tokenize(q)
	out := make([]string, len(toks))
	for i, t := range toks {
		out[i] = t.text
	}
	return out
}

// localBeside picks, from the confident hits, up to two of the asker's own
// locality's entries other than the answer.
func localBeside(res Results, answer *Entry, locality string) []*Entry {
	locality = strings.ToLower(strings.TrimSpace(locality))
	if locality == "" || locality == "national" || !res.Confident {
		return nil
	}
	var out []*Entry
	for _, h := range res.Hits {
		if h.Entry != answer && strings.EqualFold(h.Entry.Locality, locality) && h.Confidence >= tune.confidentAt && len(out) < 2 {
			out = append(out, h.Entry)
		}
	}
	return out
}

// hasAny reports whether words holds any of the given words, or a word
// starting with a given prefix ending in "*".
func hasAny(words []string, any ...string) bool {
	for _, w := range words {
		if wordIn(w, any) {
			return true
		}
	}
	return false
}

// wordIn reports whether w is one of any, or starts with one of its
// prefixes ending in "*".
func wordIn(w string, any []string) bool {
	if w == "" {
		return false
	}
	c := w[0]
	for _, a := range any {
		if a == "" || a[0] != c {
			continue // most words differ in their first letter: the cheap test first
		}
		if a[len(a)-1] == '*' && strings.HasPrefix(w, a[:len(a)-1]) || w == a {
			return true
		}
	}
	return false
}

// hasPhrase reports whether words holds the words of phrase, separated by
// single spaces, in a row.
func hasPhrase(words []string, phrase string) bool {
	first, after, _ := strings.Cut(phrase, " ")
	for i := range words {
		if words[i] != first {
			continue
		}
		rest, j := after, i+1
		for rest != "" && j < len(words) {
			w, r, _ := strings.Cut(rest, " ")
			if words[j] != w {
				break
			}
			rest, j = r, j+1
		}
		if rest == "" {
			return true
		}
	}
	return false
}
