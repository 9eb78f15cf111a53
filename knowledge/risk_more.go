package knowledge

// Risk as staff describe what they saw or were told, without its name:
// read from questions about risk written in everyday words. Each phrase
// list is one kind of risk; the functions below take the ones that need
// two things together.
var moreRiskPhrases = newPhraseSet([]string{
	// Ending one's life, said indirectly.
	"thanks for everything", "step off the", "step off a", "how easy it would be", "after he gone", "after she gone", "after i gone",
	"after hes gone", "after shes gone", "after im gone", "for when he gone", "for when she gone", "join her husband", "join his wife", "join my husband", "join my wife", "join her wife",
	"join his husband", "be with him again soon", "be with her again soon", "with his wife again", "with her husband again",
	"with my wife again", "with my husband again", "with her wife again", "with his husband again", "not coming back", "not come back", "never coming back",
	"want to be alive", "wants to be alive", "wanting to be alive", "to be alive any more", "to be alive anymore",
	// Self-harm.
	"banging his head", "banging her head", "bangs his head", "bangs her head", "head against the wall", "till it bleeds", "until it bleeds",
	// Sexual exploitation and abuse of children.
	"made to sleep with", "forced to sleep with", "pressured to sleep with", "made to see men", "made to see clients", "kept in a house",
	"kept in the house",
	// Neglect and confinement.
	"locked in", "locked her in", "locked him in", "locks them in", "fridge empty", "empty fridge", "fridge is empty", "mouldy food",
	// Domestic abuse and coercive control.
	"hand over her", "hands over her", "hand over his", "hands over his", "answers every question for her", "answers for her",
	"speaks for her", "talks for her", "looks at him before", "wont let her speak", "doesnt let her speak", "by the throat",
	"grabbed her", "grabbed him", "grabbed me", "turning up at her", "turning up at his", "hundreds of messages",
	"wont leave her alone", "wont leave him alone", "pushed her down", "pushed him down", "pushed her over", "down the stairs",
	"if she tells anyone", "if he tells anyone", "if they tell anyone", "if i tell anyone", "lose the kids", "take the kids away",
	"take the children away",
	// Financial abuse and scams.
	"safe account", "card and pin", "her pin", "his pin", "pin number", "never got done", "coming back for more", "rogue trader",
	"rogue traders", "move her savings", "move his savings", "bills arent being paid", "bills not being paid", "never met",
	// Slavery and trafficking.
	"cant leave until", "owes her boss", "owes his boss", "bringing her over", "brought her over", "bringing him over", "brought him over",
	// FGM and forced marriage.
	"taken back home for", "had it done as a girl", "had it done as a child", "become a woman", "to marry her cousin", "marry her cousin",
	// Radicalisation and threats to others.
	"wiped out", "fight for the cause", "going over to join", "going to be an attack", "an attack soon", "make her pay", "make him pay",
	"make them pay", "burn the surgery", "burn the house", "burn it down", "burn down", "set fire", "set it on fire",
	// A carer at breaking point.
	"shook her", "shook him", "shook the baby", "end of her tether", "end of his tether",
	// Medical emergencies.
	"catch his breath", "catch her breath", "catch my breath", "lips look blue", "looks blue", "look blue", "high temp", "high temperature",
	"never felt this ill", "doesnt fade", "dont fade", "wont fade", "glass test", "non blanching", "being sick",
	// Missing.
	"not been back", "hasnt been back", "not come home", "hasnt come home", "didnt come home", "keeps disappearing", "disappearing for",
	"comes back with injuries", "came back with injuries",
	// Psychosis and mania.
	"putting poison", "poison in his", "poison in her", "poisoning him", "poisoning her", "sending him messages", "sending her messages",
	"mission from god", "hasnt slept for days", "not slept for days", "feels nothing for the baby", "been swapped",
})

// moreRiskWords tell of risk whatever else is said.
var moreRiskWords = []string{"shotgun", "firearm*", "rifle", "extremis*", "radicalis*", "radicaliz*", "mottled", "flinch*"}

// stillMoreRisk reports the risk above, and what needs two things: a
// number of tablets looked up, insulin skipped on purpose, a swelling face,
// a head injury, a marriage refused, a child filmed or at a ceremony.
func stillMoreRisk(words []string) bool {
	if moreRiskPhrases.in(words) || hasAny(words, moreRiskWords...) {
		return true
	}
	if hasPhrase(words, "how many") && hasAny(words, medicines...) && hasAny(words, "take", "kill", "overdose", "would") {
		return true // "googling how many paracetamol it would take"
	}
	onPurpose := hasPhrase(words, "on purpose") || hasAny(words, "deliberately")
	if (hasAny(words, "insulin") && (onPurpose || hasPhrase(words, "lose weight")) || hasAny(words, "meds", "medication*", "tablets") && onPurpose) &&
		hasAny(words, "skip*", "stopped", "missing", "not") {
		return true
	}
	if near(words, []string{"lips", "tongue", "throat", "face", "mouth"}, []string{"swell*", "swollen"}, 3) {
		return true // anaphylaxis
	}
	if near(words, []string{"banged", "bumped", "hit", "knocked", "banging"}, []string{"head"}, 3) &&
		hasAny(words, "drowsy", "sick", "vomiting", "confused", "fell", "fall", "unconscious", "sleepy") {
		return true // a head injury
	}
	if near(words, []string{"marry", "marriage", "wedding", "married"}, []string{"refuse*", "refusing", "disown*", "forced", "against", "pressure*", "understand", "doesnt", "dont"}, 7) &&
		!hasAny(words, "anxious", "anxiety", "nervous") {
		return true // forced marriage
	}
	child := atRiskPerson(words) || hasPhrase(words, "young person")
	return child && hasAny(words, "filming", "filmed", "photographing", "photographed", "ceremony", "ceremonies", "injuries", "injured")
}

// Risk spoken of as a subject or as the past: learning to recognise it,
// training, a news story, how to record it, or a loss years ago and a
// danger now over. It gets no safety reply.
var (
	subjectFraming = []string{"training", "prevention", "learn", "learning", "recognise", "recognize", "signs", "awareness", "course*",
		"policy", "procedure*", "lead", "difference", "counts", "record", "recording", "notes", "news", "story", "services", "signpost*",
		"general", "resources", "ourselves", "module*", "webinar*", "definition", "mean", "means"}
	// persons are words that tell of someone in particular.
	persons  = []string{"patient*", "client*", "he", "she", "him", "her", "hes", "shes", "man", "woman", "lady", "boy", "girl", "mum", "dad", "son", "daughter", "husband", "wife", "partner", "child", "pt", "gentleman", "lad"}
	pastOver = []string{"years ago", "year ago", "last year", "in the past"}
	nowSafe  = []string{"safe now", "now safe", "shes safe", "hes safe", "is safe", "rehoused", "moved on", "died by suicide", "lost her husband to", "lost his wife to", "bereaved by"}
)

// subjectNotCovered reports, of a risk spoken of as a subject, whether it
// is one the content does not cover (training, policy, a lead) rather than
// one an article speaks of: how supervision kinds differ, how to record a
// concern, support for the team.
func subjectNotCovered(words []string) bool {
	return hasAny(words, aboutTheSubject...) && !hasAny(words, "difference", "ourselves", "record", "recording", "notes")
}

// riskAsSubject reports whether a question that names a risk speaks of it
// as a subject (no one in particular, and a word of learning, policy or
// recording) or as a danger over (years ago, and safe now or a loss).
func riskAsSubject(words []string) bool {
	if hasAny(words, subjectFraming...) && !hasAny(words, persons...) && !atRiskPerson(words) && !hasPhrase(words, "service user") {
		return true
	}
	past := false
	for _, p := range pastOver {
		past = past || hasPhrase(words, p)
	}
	if !past {
		return false
	}
	for _, p := range nowSafe {
		if hasPhrase(words, p) {
			return true
		}
	}
	return false
}
