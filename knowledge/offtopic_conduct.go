package knowledge

// Professional boundaries: whether a worker may be friends with a patient
// online, give them a personal number, accept a gift or give them a lift.
// These ask about the asker's own conduct, not a patient's needs, and the
// content holds no guidance on them: they are the employer's policy and
// the supervisor's to talk through. Without this, "friends" or "a lift"
// read as a patient's loneliness or transport, and the role that helps
// with those was given.
var (
	conductAsks = []string{"can i", "could i", "may i", "am i allowed", "are we allowed", "is it ok", "is it okay", "is it alright",
		"is it appropriate", "is it acceptable", "should i", "can we", "should we", "allowed to", "ok to", "okay to", "appropriate to",
		"what do i do", "what should i do", "how do i respond", "what do i say"}
	// conductActs are what crosses a boundary; words with other everyday
	// meanings ("follow up", "at home", "socially isolated", "a number to
	// call") are left out, or taken only as a phrase.
	conductActs    = []string{"friend", "friends", "facebook", "instagram", "snapchat", "tiktok", "whatsapp", "linkedin", "gift", "gifts", "hug", "hugs", "hugging", "dating", "lend", "borrow", "selfie", "selfies"}
	conductPhrases = []string{"a lift", "personal mobile", "personal number", "personal phone", "my number", "my mobile", "home address", "for a drink", "for a coffee", "go out with"}
	conductWith    = []string{"patient*", "client*", "service", "user*", "pt", "pts", "people", "person", "someone", "them", "him", "her", "caseload"}
)

// conductAsked reports a question about what the asker may do with the
// people they support: "can i be friends with a patient on facebook", "is
// it ok to give my personal mobile to patients", "should i accept a gift
// from a client", "a patient asked for my personal number, what do i do".
// Asking who to refer them to is no such question.
func conductAsked(words []string) bool {
	if hasAny(words, referralAsks...) || !hasAny(words, conductWith...) {
		return false
	}
	crossing := hasAny(words, conductActs...)
	for _, p := range conductPhrases {
		crossing = crossing || hasPhrase(words, p)
	}
	if !crossing {
		return false
	}
	for _, p := range conductAsks {
		if hasPhrase(words, p) {
			return true
		}
	}
	return false
}

// conflictWords, and conflictPhrases, name falling out with someone at
// work: a disagreement, rudeness, a complaint.
var (
	conflictWords   = []string{"disagree*", "rude", "rudeness", "complain*", "complaint*", "argument*", "argue*", "argued", "arguing", "conflict", "conflicts"}
	conflictPhrases = []string{"fallen out", "fall out", "falling out", "fell out", "dont get on", "do not get on", "not get on", "not getting on", "dont get along", "not get along"}
)

// workConflict reports a question about falling out with the asker's
// supervisor, manager or a colleague ("i disagree with my supervisor,
// what now"): the employer's policies and the line manager's, not the
// supervision standards, though it names a supervisor. A disagreement
// over the supervision the asker is owed is the standards' all the same.
func workConflict(words []string) bool {
	if !hasAny(words, "supervisor", "supervisors", "manager", "managers", "colleague", "colleagues", "boss") || !hasAny(words, firstPerson...) {
		return false
	}
	if hasAny(words, "supervision", "entitled", "entitlement", "minimum", "standard*", "requirement*", "required") {
		return false // "my manager disagrees that i need supervision": what the standards say is the content's
	}
	if hasAny(words, conflictWords...) {
		return true
	}
	for _, p := range conflictPhrases {
		if hasPhrase(words, p) {
			return true
		}
	}
	return false
}
