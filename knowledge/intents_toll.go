package knowledge

import "slices"

// The work's toll on the worker: a hard case, a patient's death, work
// that is emotionally draining, going over a visit afterwards. Asked
// about by the worker, or for the team, it is a question of the support
// supervision gives: the asker's role's supervision. A patient's feelings are a
// referral, not this; risk to anyone now never gets here.
var (
	tollWords   = []string{"emotionally", "emotional", "draining", "drained", "vicarious", "traumatised", "traumatized", "upsetting", "affected"}
	tollPhrases = []string{"hard case", "difficult case", "tough case", "going over it", "think about it", "cant stop thinking",
		"keep thinking about", "still thinking about", "weighing on me", "getting to me"}
	// tollAskers are the worker and their team.
	tollAskers = []string{"i", "im", "me", "my", "myself", "we", "us", "our", "ourselves", "staff", "team", "colleagues"}
	// deathPhrases tell of a patient's or client's death.
	deathPhrases = []string{"patient died", "client died", "patients death", "clients death", "death of a patient", "death of a client",
		"lost a patient", "lost a client", "patient passed away", "client passed away", "clients died", "patients died", "died by suicide"}
	// tollAsks are what such a question asks for.
	tollAsks = []string{"support", "supported", "cope", "coping", "talk", "supervision", "normal", "help", "wellbeing", "bring", "debrief", "look"}
)

// workToll reports a question about the toll of the work on the asker or
// their team, asking for support.
func workToll(words []string) bool {
	felt := hasAny(words, tollWords...)
	for _, p := range tollPhrases {
		felt = felt || hasPhrase(words, p)
	}
	death := false
	for _, p := range deathPhrases {
		death = death || hasPhrase(words, p) // a patient's or client's death
	}
	if !felt && !death || hasAny(words, "supervisee*", "guidance") || hasAny(words, askedBesideFeeling...) || asksSelfCare(words) {
		return false // another's toll, the guidance, a subject beside it, or self-care
	}
	if hasAny(words, referralAsks...) || hasPhrase(words, "who can help") || hasPhrase(words, "which role") {
		return false // someone else's loss, and who can help them
	}
	// Said of oneself, how the work feels asks for support without saying
	// so ("I find the emotional side of the work really draining"); a death
	// is the worker's toll only when they ask for support with it.
	return felt && hasAny(words, firstPerson...) || hasAny(words, tollAskers...) && hasAny(words, tollAsks...)
}

// tollSupport is the article for a question about the work's toll: the
// asker's role's supervision. With no role known it is search's to answer.
func (b *Base) tollSupport(words []string, a Asker) (*Entry, bool) {
	// "The job" is the work here, not a job to apply for.
	if !workToll(words) || offTopic(slices.DeleteFunc(slices.Clone(words), func(w string) bool { return w == "job" || w == "jobs" })) {
		return nil, false
	}
	if a.Role == "" {
		return nil, false // whose supervision is unknown: search's answer
	}
	e, ok := b.byID["supervision-"+a.Role]
	return e, ok
}
