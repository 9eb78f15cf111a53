package knowledge

import (
	"slices"
	"strings"

	"github.com/peerbot/peerbot/supervision"
)

// Question frames around an abbreviation: "what is X", "what does X stand
// for", "explain X", "X?". Each frame is the words before X and after it.
var definitionFrames = []struct{ before, after []string }{
	{nil, nil},
	{[]string{"what", "does"}, []string{"stand", "for"}},
	{[]string{"what", "does"}, []string{"mean"}},
	{[]string{"what", "do"}, []string{"stand", "for"}},
	{nil, []string{"stands", "for"}},
	{nil, []string{"stand", "for"}},
	{[]string{"what"}, []string{"stands", "for"}}, // "(tell me) what PCI stands for"
	{[]string{"what"}, []string{"means"}},
	{nil, []string{"stand", "for", "what"}}, // "LTC stand for what"
	{nil, []string{"stands", "for", "what"}},
	{nil, []string{"means", "what"}},
	{nil, []string{"mean", "what"}},
	{nil, []string{"meaning"}},
	{nil, []string{"abbrev"}},
	{nil, []string{"abbreviation"}},
	{nil, []string{"acronym"}},
	{nil, []string{"short", "for"}},
	{[]string{"what", "is"}, []string{"short", "for"}},
	{nil, []string{"explained"}},
	{[]string{"meaning", "of"}, nil},
	{[]string{"define"}, nil},
	{[]string{"explain"}, nil},
	{[]string{"what", "is"}, nil},
	{[]string{"whats"}, nil},
	{[]string{"what"}, nil}, // "what's ARRS": the tokenizer drops the 's
	{[]string{"wat", "is"}, nil},
	{[]string{"wot", "is"}, nil},
	{[]string{"wots"}, nil},
	{[]string{"wats"}, nil},
	{[]string{"what", "are"}, nil},
	{[]string{"what", "is", "meant", "by"}, nil},
	{[]string{"tell", "me", "about"}, nil},
	{[]string{"who", "is"}, []string{"for"}}, // "who is social prescribing for"
	{[]string{"tell", "me", "what"}, []string{"is"}},
	{[]string{"what"}, []string{"is"}},
	{[]string{"what", "counts", "as"}, nil},
	{[]string{"what", "is"}, []string{"funding", "for"}}, // what ARRS pays for
	{[]string{"what", "does"}, []string{"pay", "for"}},
	{[]string{"what", "does"}, []string{"fund"}},
	{[]string{"what", "does"}, []string{"cover"}},
	{[]string{"what", "is", "meant", "by"}, nil},
	// Asking where to learn of a term: "what can I read about
	// personalised care".
	{[]string{"what", "can", "i", "read", "about"}, nil},
	{[]string{"where", "can", "i", "read", "about"}, nil},
	{[]string{"what", "can", "i", "learn", "about"}, nil},
	{[]string{"where", "can", "i", "learn", "about"}, nil},
	{[]string{"something", "to", "read", "about"}, nil},
	{[]string{"reading", "on"}, nil},
	{[]string{"reading", "about"}, nil},
	{[]string{"learn", "about"}, nil},
	// What a thing holds or looks like: "what should be in a care plan".
	{[]string{"what", "should", "be", "in"}, nil},
	{[]string{"what", "goes", "in"}, nil},
	{[]string{"what", "does", "a", "good"}, []string{"look", "like"}},
	{[]string{"what", "does"}, []string{"look", "like"}},
}

// kindWords may follow a term to say what kind of thing it is: "the VCSE
// sector", "a VCSE org", "the ARRS scheme".
var kindWords = []string{"sector", "org", "orgs", "organisation", "organisations", "organization", "organizations", "scheme"}

// articles may stand before the abbreviation: "what is a PCN".
var articles = map[string]bool{"a": true, "an": true, "the": true}

// definition answers "what is X" and its everyday forms when X is an
// abbreviation an entry defines: the lead, and the entry.
func (b *Base) definition(words []string) (string, *Entry, bool) {
	if itAsked(words) {
		// "I keep hearing about personalised care. What does it mean?":
		// "it" is the one term named.
		if term := b.termNamed(words); term != "" && termEndsName(words, term) {
			words = []string{"what", "is", term}
		}
	}
	words = definitionCore(words)
	if i := slices.Index(words, "and"); i > 1 && i+1 < len(words) && hasAny(words[i+1:i+2], clauseOpeners...) && len(words)-i > 2 {
		// "whats ARRS and can we use it to pay for a coach": the term is
		// before the question that follows it.
		if d, e, ok := b.definition(words[:i]); ok {
			return d, e, ok
		}
	}
	for _, f := range definitionFrames {
		n := len(words) - len(f.before) - len(f.after)
		if n < 1 || n > 2*maxTermWords || !hasPrefix(words, f.before) || !hasPrefix(words[len(words)-len(f.after):], f.after) {
			continue
		}
		rest := words[len(f.before) : len(words)-len(f.after)]
		if i := slices.Index(rest, "in"); i > 0 && len(f.after) == 0 {
			if _, e, ok := b.defined(strings.Join(rest[:i], " ")); ok {
				for _, place := range []string{"gateshead", "london"} {
					if local, found := b.byID[place+"-"+e.ID]; found && hasAny(rest[i+1:], place) {
						// "personalised care in London": London's article.
						return local.Summary, local, true
					}
				}
			}
			rest = rest[:i] // "what is a care plan in personalised care"
		}
		if len(rest) > 1 && articles[rest[0]] {
			rest = rest[1:]
		}
		d, e, ok := b.defined(strings.Join(rest, " "))
		if n := len(rest); !ok && n > 1 && slices.Contains(kindWords, rest[n-1]) {
			d, e, ok = b.defined(strings.Join(rest[:n-1], " ")) // "the VCSE sector", "the ARRS scheme"
		}
		if i := slices.Index(rest, "and"); !ok && i > 0 && i+1 < len(rest) && len(f.after) == 0 && len(f.before) > 0 &&
			hasAny(rest[i+1:i+2], clauseOpeners...) {
			// "what is a PCN and who runs it": a question follows the
			// term, which is before "and" ("care and support plan" is one
			// term).
			d, e, ok = b.defined(strings.Join(rest[:i], " "))
		}
		if ok {
			return definitionText(d, e), e, true
		}
	}
	return b.meaningAsked(words)
}

// itAsked reports a question asking what "it" or "that" is or means,
// after naming what it is: "... personalised care. What does it mean?".
func itAsked(words []string) bool {
	for _, p := range []string{"what does it mean", "what does it actually mean", "what does that mean", "what is it", "whats it", "what is that",
		"what it is", "what it means", "explain it"} {
		if hasPhrase(words, p) {
			return true
		}
	}
	return false
}

// termEndsName reports whether term, in words, is the whole of a name:
// followed by nothing, or by a word that cannot go on with it ("personal
// care what does it mean", "the DES keeps coming up"), not by more of a
// longer name ("personalised care institute", "personalised care and
// support planning").
func termEndsName(words []string, term string) bool {
	t := plainWords(term)
	for i := 0; i+len(t) <= len(words); i++ {
		if !slices.Equal(words[i:i+len(t)], t) {
			continue
		}
		j := i + len(t)
		return j == len(words) || hasAny(words[j:j+1], "what", "whats", "is", "was", "mentioned", "keeps", "kept", "came", "comes", "coming", "lately",
			"recently", "everywhere", "a", "lot", "but", "so")
	}
	return false
}

// clauseOpeners open a second question after "and": "what's an MDT and
// should I attend".
var clauseOpeners = []string{"should", "do", "does", "did", "who", "what", "how", "why", "when", "where", "can", "could", "is", "are",
	"will", "would", "must", "i", "we", "am"}

// maxTermWords is the most words of a term an entry defines.
const maxTermWords = 4

// defined finds the entry that defines term, an abbreviation or a name in
// lower case, written as plainWords writes it.
func (b *Base) defined(term string) (Abbreviation, *Entry, bool) {
	singular := strings.TrimSuffix(term, "s") // "link workers"
	for _, d := range b.defs {
		if d.term == term || d.term == singular || d.means != "" && (d.means == term || d.means == singular) {
			return d.Abbreviation, d.entry, true
		}
	}
	return Abbreviation{}, nil, false
}

// definedTerm is a term an entry defines, with the term and what it
// stands for as plainWords writes them, made once when the content loads.
type definedTerm struct {
	Abbreviation
	term, means string
	entry       *Entry
}

func definedTerms(entries []*Entry) []definedTerm {
	var out []definedTerm
	for _, e := range entries {
		for _, d := range e.Defines {
			out = append(out, definedTerm{
				Abbreviation: d,
				term:         strings.Join(plainWords(d.Term), " "),
				means:        strings.Join(trimArticle(plainWords(d.Means)), " "),
				entry:        e,
			})
		}
	}
	return out
}

// trimArticle drops a leading "a", "an" or "the".
func trimArticle(words []string) []string {
	if len(words) > 1 && articles[words[0]] {
		return words[1:]
	}
	return words
}

func hasPrefix(words, prefix []string) bool {
	if len(prefix) > len(words) {
		return false
	}
	for i, p := range prefix {
		if words[i] != p {
			return false
		}
	}
	return true
}

// firstPerson are the words of a question about the asker themself.
var firstPerson = []string{"i", "im", "my", "me", "myself", "ive"}

// Topics of a question about the asker's own role, each answered by the
// role's article of that kind: "<role>-pay", "supervision-<role>".
var askerTopics = []struct {
	words   []string
	phrases []string
	article func(role string) string
}{
	{[]string{"supervis*"}, nil, func(r string) string { return "supervision-" + r }},
	{[]string{"band", "banding", "salary", "paid", "earn*", "wage", "pay", "reimburse*", "money"}, nil, func(r string) string { return r + "-pay" }},
	{[]string{"training", "train", "trained", "course*", "qualif*", "learning", "accredit*", "registered", "registration", "degree", "degrees"}, nil, func(r string) string { return r + "-training" }},
	{[]string{"caseload"}, []string{"how many people should i", "how many patients should i"}, func(r string) string { return r + "-caseload" }},
	{[]string{"job", "role", "duties", "responsibilities", "expected"}, []string{"what do i do", "what am i"}, func(r string) string { return "role-" + r }},
}

// forAsker answers a question about the asker's own role ("what band am I",
// "who supervises me") for the role in their profile, when the question
// names no role itself and the article exists.
func (b *Base) forAsker(words []string, roles roleSet, a Asker) (*Entry, bool) {
	role, ok := supervision.ParseRole(a.Role)
	if !ok {
		return nil, false
	}
	article := askerTopic(words, roles)
	if article == nil && theTopic(words) {
		article = askerTopic(append([]string{"my"}, words...), roles) // "does the training..." as "my training"
	}
	if article == nil {
		return nil, false
	}
	e, ok := b.byID[article(string(role))]
	return e, ok
}

// forEachRole returns, for a question about the asker's own role from
// someone with no role in their profile, the article that answers it for
// each role, in the order of supervision.Roles; nil for another question.
func (b *Base) forEachRole(words []string, roles roleSet) []*Entry {
	article := askerTopic(words, roles)
	if article == nil {
		return nil
	}
	var out []*Entry
	for _, r := range supervision.Roles {
		if e, ok := b.byID[article(string(r))]; ok {
			out = append(out, e)
		}
	}
	if len(out) < 2 {
		return nil // one role's article is not a choice
	}
	return out
}

// askerTopic returns how to name the article of a question about the
// asker's own role ("what band am I"), or nil when the question is not one,
// names a role itself, or is off-topic.
func askerTopic(words []string, roles roleSet) func(role string) string {
	if !hasAny(words, firstPerson...) || len(roles) > 0 || offTopic(words) || hasAny(words, localityWords...) {
		return nil // a local question is for search, which ranks local articles
	}
	if hasAny(words, referralAsks...) || hasAny(words, "patient*", "client*", "pt", "pts", "carer*", "resident*") {
		return nil // "which role should I refer a lonely patient to" is about the patient
	}
	if fundsAsked(words) {
		return nil // "can ARRS money pay for my training" asks what a scheme funds
	}
	for i, t := range askerTopics {
		if i == 0 && (asksWhySupervision(words) || lineManagement(words) || asksWhatCounts(words) && hasAny(words, "peer", "group") || groupOrOneToOne(words)) {
			// Why it matters, how it differs from line management, and
			// whether peer or group supervision counts or does instead of
			// one to one, are the same for every role.
			return nil
		}
		if i == 1 && !ownPay(words) {
			continue // "how do I claim ARRS reimbursement" is the PCN's claim, not the asker's pay
		}
		match := hasAny(words, t.words...)
		if i == 2 && learningAbout(words) {
			continue // "interested in learning more about shared decision making" is no one's training
		}
		for _, p := range t.phrases {
			match = match || hasPhrase(words, p)
		}
		if match {
			return t.article
		}
	}
	return nil
}

// lineManagement reports a question that names line management ("can my
// supervisor be my line manager").
func lineManagement(words []string) bool {
	return hasPhrase(words, "line manager") || hasPhrase(words, "line managers") || hasPhrase(words, "line management") ||
		hasPhrase(words, "line manages") || hasPhrase(words, "line managed") || hasPhrase(words, "line manage")
}

// learningAbout reports "learning" that is not the asker's training:
// learning more about a subject, or an e-learning module, with no other
// word of training.
func learningAbout(words []string) bool {
	about := hasPhrase(words, "learning more") || hasPhrase(words, "learning about") || hasPhrase(words, "learn more") || hasPhrase(words, "e learning")
	return about && !hasAny(words, "training", "train", "trained", "course*", "qualif*", "accredit*", "registered", "registration", "degree", "degrees")
}

// theTopic reports a yes or no question about "the" topic every role
// has ("does the training have to be done in six months", "is the
// supervision monthly"): the asker's own, as "my training" would be.
func theTopic(words []string) bool {
	return len(words) > 3 && hasAny(words[:1], "does", "do", "is", "must", "has", "should", "will", "can") && words[1] == "the" &&
		hasAny(words[2:3], "training", "course", "supervision") && !hasAny(words[3:4], "hub", "hubs", "team", "matrix", "lead", "leads")
}

// ownPay reports whether a question about pay is about the asker's own:
// "my band", "what am I paid", "do I get paid".
func ownPay(words []string) bool {
	if hasPhrase(words, "pay for") || hasPhrase(words, "paid for") || hasPhrase(words, "pays for") {
		return false // "can ARRS money pay for my training" asks what ARRS funds
	}
	return hasAny(words, "my", "me", "im", "myself") || hasPhrase(words, "am i") || hasPhrase(words, "i get") ||
		hasPhrase(words, "i earn") || hasPhrase(words, "i be") || hasPhrase(words, "will i") || hasPhrase(words, "should i")
}

// moreRoleWords name a role in a question although supervision does not
// take them as a role in a profile.
var moreRoleWords = map[string]supervision.Role{"coaching": supervision.Coach, "health coaching": supervision.Coach, "care coordination": supervision.Coordinator,
	"social prescribing worker": supervision.LinkWorker, "social prescribing workers": supervision.LinkWorker}

// localityWords name the localities, or ask for what is local.
var localityWords = []string{"gateshead", "london", "local", "locally", "near", "nearby", "area", "region", "regional"}

// offTopicWords mark subjects the content does not cover although they
// share words with it: pay and leave as HR handles them, IT, medicines and
// doses, travel, weather and the like. A question with one is not answered
// from the content; the bot says it is not sure.
var offTopicWords = []string{
	"payslip*", "payday", "payroll", "pension*", "overtime", "mileage", "expense*",
	"password*", "login", "smartcard", "printer*", "wifi", "laptop", "outlook", "emis", "systmone",
	"dose", "doses", "dosage", "mg", "drug", "drugs", "pills", "antibiotic*", "insulin", "paracetamol", "ibuprofen", "amoxicillin", "medication*", "tablets",
	"weather", "rain", "sunny", "snow", "football", "pizza", "restaurant", "recipe", "tea", "coffee", "lunch", "christmas", "party",
	"holiday*", "maternity", "paternity", "vaccine*", "vaccination*", "jab", "covid", "flu",
	"park", "parking", "bus", "tube", "strike", "taxi", "poem", "joke", "translate", "capital", "venue", "venues", "postcode", "directions",
	"petrol", "fuel", "diesel", "plus", "minus", "divided", "multiplied", "calculat*",
	// Job hunting: the content says what the roles are, not how to get a job.
	"cv", "cvs", "resume", "interview", "interviews", "dental", "dentist*",
	// Apps and software, besides peerbot itself.
	"app", "apps", "software", "whatsapp",
	// Terms of employment, which HR and the employer's policies answer.
	"probation", "allowance", "allowances", "promoted", "promotion", "payrise", "uniform", "dbs", "insurance", "indemnity",
}

var offTopicPhrases = []string{"lone working", "lone worker", "lone workers", "bank details", "microsoft teams", "over teams", "on teams", "via teams", "teams call", "teams meeting", "zoom", "train times", "annual leave", "sick pay", "sick leave", "minimum wage", "living wage", "train times", "blood pressure range", "work from home",
	"what time is", "what time does", "train to", "bus to", "drive to", "directions to", "how far", "nhs number", "patient record", "patients record", "become a gp", "become a doctor", "become a nurse", "become a pharmacist", "jobs in", "jobs near", "job adverts",
	"add up", "when do we get paid", "when do i get paid", "when are we paid", "paid this month", "pay date", "pay rise", "notice period", "part time", "working hours", "dress code", "contract of employment", "employment contract", "my contract", "job contract", "study leave", "claim travel", "travel expenses", "travel costs", "travel claim", "cover letter", "personal statement", "job application", "application form", "apply for a job", "job interview"}

// offTopicForms are offTopicPhrases and their plurals: "patient records"
// as "patient record".
var offTopicForms = withPlurals(offTopicPhrases)

// withPlurals returns phrases, each followed by its form with an "s"
// added.
func withPlurals(phrases []string) []string {
	out := make([]string, 0, 2*len(phrases))
	for _, p := range phrases {
		out = append(out, p, p+"s")
	}
	return out
}

// bandPay reports whether a question asks what an Agenda for Change band
// pays ("how much does a band 4 earn", "top of band 5").
func bandPay(words []string) bool {
	for i := 0; i+1 < len(words); i++ {
		if words[i] == "band" && words[i+1] != "" && words[i+1][0] >= '1' && words[i+1][0] <= '9' {
			return hasAny(words, "top", "bottom", "earn*", "much", "point", "points", "scale*", "spine", "increment*", "salary", "salaries", "pays", "pay", "paid", "wage", "wages", "starting")
		}
	}
	return false
}

// whoIsAsked reports whether words ask who someone is: "who is", "whos",
// or "who's my", read as "who my".
func whoIsAsked(words []string) bool {
	if hasPhrase(words, "who is") || hasAny(words[:min(1, len(words))], "whos") {
		return true
	}
	for i := 0; i+1 < len(words); i++ {
		if words[i] == "who" && hasAny(words[i+1:i+2], "my", "our", "the", "your") {
			return true
		}
	}
	return false
}

// offTopic reports whether a question is about a subject the content does
// not cover (see offTopicWords).
func offTopic(words []string) bool {
	if hasAny(words, "emis", "systmone") && hasAny(words, "record*", "code", "codes", "coding", "snomed") && !hasAny(words, "login", "password*", "smartcard") &&
		(hasAny(words, "snomed", "refer*") || hasPhrase(words, "social prescribing") || len(rolesNamed(words)) > 0) {
		return false // how to record social prescribing in a clinical system is the recording article's
	}
	if hasAny(words, offTopicWords...) || clinicalReferral(words) || aboutThePractice(words) || asksUnsaid(words) || otherPlace(words) || hrAsked(words) || conductAsked(words) || workConflict(words) {
		return true
	}
	if bandPay(words) && len(rolesNamed(words)) == 0 {
		return true // what a band pays is Agenda for Change's pay scales, which the content does not hold
	}
	if hasPhrase(words, "for me") && hasAny(words, "write", "draft", "compose", "rewrite", "summarise", "summarize", "type", "fill") {
		return true // asks the bot to write something: it only answers from the content
	}
	if hasAny(words, "cost", "costs", "price*", "fee", "fees") && hasAny(words, "course*", "training", "programme*", "membership", "book*") {
		return true // prices of courses and memberships: the content holds none
	}
	if (hasPhrase(words, "become a") || hasPhrase(words, "become an") || hasPhrase(words, "becoming a")) && len(rolesNamed(words)) == 0 {
		return true // another job than the three roles
	}
	if hasAny(words, "prescribe") && len(rolesNamed(words)) == 0 {
		// Prescribing medicines, unless it is whether one of the roles
		// prescribes ("can link workers prescribe anything"), which the
		// role's article answers.
		return true
	}
	if whoIsAsked(words) && (hasAny(words, "lead", "leads", "commissioner*", "director*", "chair", "contact") || hasPhrase(words, "training hub")) {
		return true // a named person or body: the content names no one
	}
	if hasAny(words, "budget", "budgets") && hasAny(words, "icb", "icbs", "pcn", "pcns", "practice", "practices", "trust", "council", "nhs") &&
		!hasAny(words, "arrs", "additional", "reimburse*", "personal", "phb", "phbs") {
		return true // an organisation's budget, beyond ARRS and personal health budgets
	}
	for _, p := range offTopicForms {
		if hasPhrase(words, p) {
			return true
		}
	}
	return false
}

// referralAsks are the words of a question asking who can help someone.
var referralAsks = []string{"refer*"}

var referralPhrases = []string{
	"who can help", "who should", "who could", "who would", "which role", "who do i", "who can", "who supports",
	"who helps", "who is best", "what role", "someone who", "who to", "whod", "whos best",
}

// circumstance reports a word that, off-topic asked alone ("what dose of
// the tablets"), describes someone's life in a referral question: "anxious
// about going out since covid", "confused by her medication".
func circumstance(w string) bool {
	return hasAny([]string{w}, "covid", "medication*", "tablets", "pills", "flu", "holiday*", "fuel")
}

// people are the words for the person a referral question is about.
var people = []string{"patient*", "person", "client*", "man", "woman", "lady", "gentleman", "someone", "somebody", "he", "she", "they", "carer*", "resident*",
	"family", "families", "child", "children", "mum", "dad", "parent*", "pt", "pts", "elderly", "pensioner*", "veteran*", "teenager*",
	"husband", "wife", "son", "daughter", "grandparent*", "neighbour*", "guy", "bloke", "chap", "fella", "lad", "gent"}

// referral answers a question describing someone's needs and asking who can
// help them with the role whose article's referral cues match the most, and
// why that role helps. A tie, or no cue, is no answer.
//
// A question that does not ask who can help but only describes a person
// ("a patient confused by hospital letters") is a referral question only
// when search has no confident answer of another kind (see Answer); asked
// tells which it was.
func (b *Base) referral(words []string, res Results) (e *Entry, why string, asked bool) {
	// "refer" asks who to refer to only with a who or a person: "how do I
	// make a referral to mental health services" asks how, not who.
	asked = hasAny(words, referralAsks...) && hasAny(words, append([]string{"who", "whom", "which"}, people...)...)
	for _, p := range referralPhrases {
		asked = asked || hasPhrase(words, p)
	}
	asked = asked || whichRoleAsked(words)
	if !asked && asksWhatIs(words) {
		return nil, "", false // "what is a carers passport" asks what a thing is, not who helps a carer
	}
	if !asked && !hasAny(words, people...) || offTopic(slices.DeleteFunc(slices.Clone(words), circumstance)) {
		return nil, "", false
	}
	if !asked && ownPractice(words) {
		// "how do i set up a walking group for patients": how the asker
		// does their own work, which no role's article says, not who
		// can help the patients.
		return nil, "", false
	}
	var best []*Entry
	bestN := 0
	for _, e := range b.entries {
		if e.Referral == nil {
			continue
		}
		n := cuesMatched(e, withConditions(words))
		switch {
		case n > bestN:
			best, bestN = []*Entry{e}, n
		case n == bestN && n > 0:
			best = append(best, e)
		}
	}
	if len(best) > 1 {
		best = tieBreak(best, res)
	}
	if e := b.namedHelper(words); e != nil && (len(best) != 1 || best[0] != e) {
		return e, e.Referral.Why, asked
	}
	if len(best) != 1 {
		return nil, "", false
	}
	return best[0], best[0].Referral.Why, asked
}

// cuesMatched counts the referral cues of e (a role's article) that the
// words have.
func cuesMatched(e *Entry, words []string) int {
	if e == nil || e.Referral == nil {
		return 0
	}
	n, conditions := 0, 0
	for _, c := range e.Referral.Cues {
		if strings.Contains(c, " ") && hasPhrase(words, c) || hasAny(words, c) {
			if conditionCue(c) {
				conditions++
				continue
			}
			n++
		}
	}
	return n + min(conditions, 1) // a list of conditions is one need, however long
}

// whichRoleAsked reports "which arrs role", "what pcn role would": which
// role, with a word or two between.
func whichRoleAsked(words []string) bool {
	for i, w := range words {
		if w != "which" && w != "what" {
			continue
		}
		for j := i + 2; j < min(len(words), i+4); j++ {
			if (words[j] == "role" || words[j] == "roles") && (j+1 == len(words) || words[j+1] != "of" || len(rolesNamed(words[j+2:])) > 0) {
				// "what's the role of the MDT" asks what the MDT's role
				// is; "the role of a health coach in weight loss" is
				// still whom weight loss is referred to.
				return true
			}
		}
		if j := i + 1; j < len(words) && words[j] == "of" {
			// "which of the personalised care roles", "which of the
			// three ARRS roles": the roles' names between.
			for j++; j < len(words) && slices.Contains(rolesBetween, words[j]); j++ {
			}
			if j < len(words) && (words[j] == "role" || words[j] == "roles") {
				return true
			}
		}
	}
	return false
}

// rolesBetween are the words that may stand between "which of" and
// "roles": "which of the three personalised care roles".
var rolesBetween = []string{"the", "these", "our", "three", "personalised", "care", "arrs", "additional", "new", "pcn", "non", "clinical",
	"nonclinical"}

// tieBreak picks, of roles whose cues a question matches equally, the one
// whose article search ranks first among its hits, when it ranks clearly
// ahead of the others tied; otherwise it is still a tie. The question's
// other words, which the cues do not read, decide.
func tieBreak(tied []*Entry, res Results) []*Entry {
	var ranked []Hit
	for _, h := range res.Hits {
		if slices.Contains(tied, h.Entry) {
			ranked = append(ranked, h)
		}
	}
	if len(ranked) == 0 || len(ranked) > 1 && ranked[0].Score-ranked[1].Score < marginAt {
		return tied
	}
	return []*Entry{ranked[0].Entry}
}

// withoutRequests returns words without the requests made of the bot
// ("could you tell me", "can you explain"), whose "can" asks nothing of
// whether someone may do something.
func withoutRequests(words []string) []string {
	out := make([]string, 0, len(words))
	for i := 0; i < len(words); i++ {
		if i+1 < len(words) && hasAny(words[i:i+1], "can", "could", "would") && words[i+1] == "you" {
			i++
			continue
		}
		out = append(out, words[i])
	}
	return out
}

// professions that may supervise the roles, besides the roles themselves.
var professions = []string{"gp", "gps", "doctor*", "pharmacist*", "nurse*", "paramedic*", "physio*", "clinician*", "ahp", "practitioner*", "manager*",
	"physician*", "associate*", "podiatrist*", "dietitian*", "therapist*", "technician*"}

// whoCanSupervise answers "can a care coordinator supervise a link
// worker" and its like, a question of whether one person may supervise
// another, with the article on who can supervise whom.
func (b *Base) whoCanSupervise(words []string, roles roleSet) (*Entry, bool) {
	// "i want to become a supervisor for link workers, what do i need":
	// what one must be to supervise, which is who may.
	becoming := (hasPhrase(words, "become a supervisor") || hasPhrase(words, "be a supervisor") || hasPhrase(words, "become a clinical supervisor")) &&
		hasAny(words, requiredWords...)
	if becoming && len(roles) == 1 {
		e, ok := b.byID["supervision-who-can-supervise"]
		return e, ok
	}
	supervising := hasAny(words, "supervise", "supervising", "supervised", "supervisor*") ||
		near(words, []string{"provide", "provides", "providing", "give", "gives", "giving", "deliver", "delivers", "delivering", "do", "does", "offer"}, []string{"supervision"}, 2)
	if !supervising || !hasAny(withoutRequests(words), "can", "could", "allowed", "may", "able") {
		return nil, false
	}
	n := len(roles)
	// "can a senior link worker supervise me": whether someone of the
	// named role may supervise the asker.
	supervisesMe := hasPhrase(words, "supervise me") || hasPhrase(words, "be my supervisor")
	if n < 2 && !(n == 1 && (hasAny(words, professions...) || supervisesMe || hasAny(words, "who") && hasAny(words, "allowed", "able", "may"))) {
		return nil, false
	}
	e, ok := b.byID["supervision-who-can-supervise"]
	return e, ok
}

// roleSet is the roles a question names.
type roleSet map[supervision.Role]bool

// rolesNamed returns the roles the words name.
func rolesNamed(words []string) roleSet {
	named := make(roleSet)
	for n := 1; n <= 4; n++ {
		for i := 0; i+n <= len(words); i++ {
			phrase := strings.Join(words[i:i+n], " ")
			if r, ok := supervision.ParseRole(phrase); ok && !notARole[phrase] {
				named[r] = true
			} else if r, ok := moreRoleWords[phrase]; ok {
				named[r] = true
			}
		}
	}
	return named
}
