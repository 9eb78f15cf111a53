package knowledge

import "slices"

// How the work feels to those who do it: burnout among health coaches,
// hearing sad stories all day, vicarious trauma, imposter syndrome, a
// role that is stressful. Asked of a role or of oneself, it is a question
// of the support supervision gives: the role's supervision, else why
// supervision matters. A patient's feelings are a referral, not this;
// risk to anyone now never gets here.
var (
	workFeelWords = []string{"burnout", "burnt", "stressful", "stressed", "trauma", "traumatic", "traumatised", "traumatized",
		"vicarious", "sad", "upsetting", "distressing", "draining", "drained"}
	workFeelPhrases = []string{"burn out", "burned out", "imposter syndrome", "impostor syndrome", "compassion fatigue", "emotional toll",
		"tick box", "box ticking", "tickbox"}
	// workFeelAdvice are what a question about the work's feelings may
	// ask for that no article gives: advice on self-care, a session for
	// staff, HR's part, a manager's for their own worker.
	workFeelAdvice = []string{"tips", "advice", "strategies", "strategy", "techniques", "ways", "reduce", "prevent*", "avoid*", "manag*",
		"mindfulness", "app", "apps", "session", "sessions", "workshop", "event", "week", "awareness", "risk", "assessment", "policy",
		"sick", "sickness", "absence", "occupational", "hr", "employee*", "staff", "informed", "cover", "covers", "peer", "group", "groups",
		"network", "supervisee*", "guidance", "mean", "means", "meaning", "define", "definition", "ptsd", "brain", "injury", "disorder",
		"seasonal", "lamp", "overcome", "overcoming", "beat", "handle", "handling", "tackle", "combat", "stop", "fix", "deal", "confidence",
		"resources", "book", "books", "podcast*", "reading", "read", "signs", "symptoms", "spot", "recognise", "recognize"}
	// workFeelHelped are what a question asks a role to help someone
	// else with ("can a health coach help with stress"): the patient's
	// feelings, not the worker's.
	workFeelHelped = []string{"help with", "helps with", "support with", "supports with", "work with", "deal with their", "manage their",
		"for stress", "for people", "someone with", "people with", "deal with", "dealing with"}
)

// workFeels answers a question about how the work feels, that no other
// rule nor search answered. Of the asker ("I", "imposter syndrome"), it
// is their role's supervision: the role named, else the asker's; of the
// work in general ("is being a care coordinator stressful"), or of a role
// not known, why supervision matters.
func (b *Base) workFeels(words []string, a Asker) (*Entry, bool) {
	if !asksWorkFeels(words) {
		return nil, false
	}
	id := "supervision-why"
	role, named := a.Role, rolesNamed(words)
	for r := range named {
		role = string(r)
	}
	own := hasAny(words, firstPerson...) || hasPhrase(words, "imposter syndrome") || hasPhrase(words, "impostor syndrome")
	if own && role != "" && len(named) < 2 {
		id = "supervision-" + role
	}
	e, ok := b.byID[id]
	return e, ok
}

// asksWorkFeels reports a question about how the work feels to those who
// do it, asked of oneself, of "you" who do the work, or of a role or the
// work itself, and not of a patient, nor alongside another subject.
func asksWorkFeels(words []string) bool {
	// "How do you cope", "how do other coaches cope": how those who do
	// the work bear it.
	felt := hasAny(words, workFeelWords...) || hasAny(words, "cope", "coping") && (hasPhrase(words, "how do you") || hasPhrase(words, "how do other"))
	// Imposter syndrome, compassion fatigue, the emotional toll: felt by
	// someone new to the work, "you" or the asker; of a role alone, they
	// are a subject to read up on.
	phrased := false
	for _, p := range workFeelPhrases {
		phrased = phrased || hasPhrase(words, p)
	}
	felt = felt || phrased && (hasAny(words, firstPerson...) || hasAny(words, "you", "supervision", "help"))
	if !felt || offTopic(slices.DeleteFunc(slices.Clone(words), func(w string) bool { return w == "job" || w == "jobs" })) {
		return false
	}
	if asksSelfCare(words) || hasAny(words, askedBesideFeeling...) || hasAny(words, referralAsks...) || hasAny(words, workFeelAdvice...) {
		return false
	}
	for i := 0; i+1 < len(words); i++ {
		if hasAny(words[i:i+1], "my", "our") && startsRole(words[i+1:]) {
			return false // "my link worker is burnt out": a manager's question of their worker
		}
	}
	for _, p := range workFeelHelped {
		if hasPhrase(words, p) {
			return false
		}
	}
	self := hasAny(words, "myself", "me", "ourselves", "us")
	if hasAny(words, othersWords...) && !self {
		return false // a patient's stress is theirs, not the worker's
	}
	if hasAny(words, professions...) || hasPhrase(words, "what is") || hasPhrase(words, "what does") {
		return false // another profession's toll, or what a word means
	}
	return self || hasAny(words, firstPerson...) || hasAny(words, "you", "supervision") || len(rolesNamed(words)) > 0 ||
		hasPhrase(words, "social prescribing")
}
