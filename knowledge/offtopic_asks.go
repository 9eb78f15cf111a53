package knowledge

// Questions that share the content's words (pay, a band, records, a role)
// but ask what it never says: the year's pay award, how to apply for a
// job, how long records are kept, what another profession does.

// otherProfessions are the practice's and the ARRS's other roles: the
// content says how some of them are supervised, or that they may supervise
// the three roles, never what they do.
var otherProfessions = []string{"pharmacist*", "physio*", "paramedic*", "dietitian*", "dietician*", "podiatrist*", "physician*", "nurse*", "gp", "gps",
	"doctor*", "therapist*", "technician*", "psychologist*", "counsellor*", "receptionist*", "radiographer*", "ahp", "ahps"}

// otherWorkers are what stands before "worker" in the name of a job other
// than the link worker's: a social worker, a support worker.
var otherWorkers = []string{"social", "support", "care", "youth", "key", "outreach", "case", "welfare", "family", "community"}

// otherWorker reports whether words[i] is "worker" or "workers" in the
// name of another job than the link worker's ("a social worker", "a
// social care worker"), not "a social prescribing link worker".
func otherWorker(words []string, i int) bool {
	return i > 0 && hasAny(words[i:i+1], "worker", "workers") && hasAny(words[i-1:i], otherWorkers...)
}

// jobAsked are the words after a profession that ask what it is: its
// role, its job, what it does.
var jobAsked = []string{"role", "roles", "job", "jobs", "do", "does", "doing", "duties", "responsibilities", "explained", "description"}

// otherProfessionsJob reports a question asking what a profession other
// than the three roles is or does ("what does a clinical pharmacist do",
// "paramedic arrs role explained"): the profession is followed within two
// words by what asks of its job, and no role of the content is named, nor
// supervision.
func otherProfessionsJob(words []string) bool {
	for i := range words {
		if (hasAny(words[i:i+1], otherProfessions...) || otherWorker(words, i)) && hasAny(words[i+1:min(len(words), i+4)], jobAsked...) {
			return !hasAny(words, "supervis*") && len(rolesNamed(words)) == 0
		}
	}
	return false
}

// jobApplication reports a question about applying for or finding a job
// ("how do i apply for a coach post on nhs jobs", "where are link worker
// jobs advertised"): the content says what the roles are, not how to get
// one.
func jobApplication(words []string) bool {
	if hasPhrase(words, "nhs jobs") || hasAny(words, "shortlist*", "shortlisted") {
		return true
	}
	if hasAny(words, "description", "descriptions", "jd", "jds", "spec", "specification", "recruit*", "advertising") {
		return false // a job description, or a PCN recruiting, is FutureNHS's
	}
	if !hasAny(words, "job", "jobs", "post", "posts", "position", "positions", "vacancy", "vacancies") {
		return false
	}
	if hasAny(words, "apply", "applying", "application", "applications", "applied", "advertised", "adverts") {
		return true
	}
	// Getting or finding one, said of the asker: a patient looking for
	// work is a referral.
	return hasAny(words, "get", "getting", "find", "finding", "looking", "hunting", "seeking", "search", "searching") && !hasAny(words, othersWords...) &&
		!hasAny(words, people...)
}

// recordsKept reports a question about how long records are kept, or
// about destroying or archiving them: records management, which the
// content does not cover, beside what to record.
func recordsKept(words []string) bool {
	if !hasAny(words, "record", "records", "notes", "data") {
		return false
	}
	return hasAny(words, "retain", "retained", "retention", "destroy*", "archiv*", "shred*", "dispose*", "disposal") ||
		hasPhrase(words, "how long") && hasAny(words, "keep", "kept", "store", "stored", "hold", "held")
}

// payAwardPhrases name the yearly pay settlement, which the content does not
// hold: it gives the bands, not the year's award.
var payAwardPhrases = withPlurals([]string{"pay award", "pay uplift", "pay deal", "pay offer", "pay settlement", "back pay", "backdated pay", "pay increase",
	"cost of living"})

// asksUnsaid reports a question of one of these kinds.
func asksUnsaid(words []string) bool {
	for _, p := range payAwardPhrases {
		if hasPhrase(words, p) {
			return true
		}
	}
	return otherProfessionsJob(words) || jobApplication(words) || recordsKept(words) || ownLeave(words) || remoteSupervision(words) ||
		visitSafety(words) || othersPayOrFunding(words) || ownExpenses(words) || outcomeMeasures(words) || escalating(words) || whoEmploysWhom(words)
}

// remoteWords say a meeting is held at a distance.
var remoteWords = []string{"over the phone", "by phone", "on the phone", "phone call", "telephone", "video call", "video", "remotely", "remote",
	"virtual", "virtually", "online"}

// remoteSupervision reports a question about holding supervision by phone
// or video, which the content does not say, as over Teams or Zoom.
func remoteSupervision(words []string) bool {
	return hasAny(words, "supervis*") && matchesAny(words, remoteWords...) && !hasAny(words, "training", "course", "courses", "learning", "elearning")
}

// visitSafety reports a question about keeping safe on home visits: lone
// working, which the employer's policy answers.
func visitSafety(words []string) bool {
	return hasAny(words, "visit", "visits", "visiting") && hasAny(words, "safe", "safely", "safety", "unsafe", "alone", "risk", "risks")
}

// leavePhrases name time off work, which HR and the employer's policies
// answer.
var leavePhrases = []string{"take leave", "taking leave", "compassionate leave", "bereavement leave", "carers leave", "special leave",
	"unpaid leave", "time off", "days off", "day off"}

// ownLeave reports a question about the asker's own time off ("my dad
// died, can i take leave"); a patient's time off work, or theirs of whom
// the asker speaks, describes their life, in a referral.
func ownLeave(words []string) bool {
	for _, p := range leavePhrases {
		if hasPhrase(words, p) {
			return hasAny(words, firstPerson...) && !hasAny(words, "patient*", "client*", "pt", "pts", "resident*", "someone", "somebody")
		}
	}
	return false
}

// payWords ask what someone is paid, or on what band or grade; fundWords
// how something is funded.
var (
	payWords  = []string{"pay", "paid", "earn", "earns", "earning", "earnings", "salary", "salaries", "wage", "wages", "income", "band", "bands", "banded", "banding", "grade", "graded"}
	fundWords = []string{"fund", "funded", "funding", "funds", "financed", "finance"}
)

// othersPayOrFunding reports a question about what another profession
// earns ("how much do GPs earn") or how a practice is funded ("how are GP
// practices funded"): the content gives the three roles' bands and what
// ARRS pays back, not doctors' pay nor practices' income. A question
// naming one of the roles, ARRS or the DES is the content's.
func othersPayOrFunding(words []string) bool {
	asked := hasAny(words, payWords...) && hasAny(words, otherProfessions...) ||
		hasAny(words, fundWords...) && hasAny(words, "practice", "practices", "surgery", "surgeries")
	return asked && !hasAny(words, "arrs", "additional", "reimburse*", "des", "personalised", "coach*", "phb", "phbs") && len(rolesNamed(words)) == 0
}

// ownExpenses reports a question about claiming back what the asker paid
// out of their own pocket (mileage, a course): the employer's expenses
// policy, not what ARRS pays back.
func ownExpenses(words []string) bool {
	if hasAny(words, "arrs", "additional") {
		return false
	}
	if hasAny(words, "expense", "expenses", "mileage") {
		return true
	}
	paidSelf := hasPhrase(words, "paid for myself") || hasPhrase(words, "my own pocket") || hasPhrase(words, "out of pocket") ||
		hasPhrase(words, "i paid") || hasPhrase(words, "paid for it myself")
	return paidSelf && hasAny(words, "claim*", "reclaim*", "refund*", "back", "reimburse*")
}

// outcomeMeasures reports a question about which outcomes to measure or
// report, or how ("what outcomes should I measure", "how do we measure
// outcomes in social prescribing"): the content says what the evidence
// found and how to code a referral, not which outcome measures to use.
func outcomeMeasures(words []string) bool {
	return hasAny(words, "outcome", "outcomes") &&
		hasAny(words, "measure", "measures", "measuring", "measured", "report", "reporting", "track", "tracking", "collect", "collecting")
}

// escalating reports a question about when or how to escalate something
// ("when should I escalate to my supervisor"): the practice's policies
// and the supervisor say, not the content. Risk to someone is answered
// before this is asked.
func escalating(words []string) bool {
	return hasAny(words, "escalate", "escalating", "escalation", "escalated")
}

// whoEmploysWhom reports a question asking which PCNs or practices have
// or employ someone ("which PCNs in gateshead have link workers"): the
// content keeps no list of who works where.
func whoEmploysWhom(words []string) bool {
	for i := 0; i+1 < len(words); i++ {
		if hasAny(words[i:i+1], "which", "what") && hasAny(words[i+1:i+2], "pcns", "practices", "surgeries") {
			return hasAny(words[i+2:], "have", "has", "employ*", "got", "use", "uses")
		}
	}
	return false
}
