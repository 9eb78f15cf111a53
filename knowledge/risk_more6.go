package knowledge

// Risk told in passing, in a hurry: a number of tablets taken, someone on
// a bridge, a flight booked to be married, a child's sex with an adult, a
// bed offered for carrying, someone held down, a bottle and a packet,
// pictures shared without consent, a carer who has not come, and fears of
// what someone will do.
var passingPhrases = newPhraseSet([]string{
	"holds her down", "held her down", "holding her down", "hold her down", "holds him down", "held him down", "holding him down",
	"taking them all", "take them all", "took them all", "swallowed them all", "out of her misery", "out of his misery",
	"out of their misery", "it happening tonight", "its happening tonight", "oncoming traffic", "into oncoming", "better if he went",
	"better if she went", "better if i went", "better if i wasnt", "better if he wasnt", "better if she wasnt", "too much trouble",
	"caught fire", "clothes off", "sugars are really high", "sugars really high", "sugar really high",
})

// highOn are high places said with "on the": "he's on the bridge".
var highOn = []string{"bridge", "roof", "ledge", "balcony", "cliff", "cliffs", "railway", "viaduct", "motorway", "parapet"}

// toldInPassing reports what needs two things together; the phrases above are read
// with the other lists of saidOutright (risk_more3.go).
func toldInPassing(words []string) bool {
	if askedOfAmounts(words) {
		return true
	}
	if hasAny(words, medicines...) && (hasPhrase(words, "too many") || hasPhrase(words, "too much")) && (hasPhrase(words, "how many") || hasPhrase(words, "how much")) {
		return true // "how many paracetamol is too many"
	}
	for i := 0; i+2 < len(words); i++ {
		if words[i] == "on" && hasAny(words[i+1:i+2], "the", "a", "top") && hasAny(words[i+2:i+3], highOn...) && hasAny(words, "he", "she", "hes", "shes", "pt", "client", "they") &&
			!hasAny(words, "works", "working", "job", "club", "walk", "walking", "repair*", "meeting") {
			return true // "client says he's on the bridge"
		}
		if leadingNumber(words[i]) >= 8 && isDigits(words[i]) && hasAny(words[i+1:min(len(words), i+3)], medicines...) && hasAny(words, "took", "taken", "swallowed", "had", "downed") ||
			leadingNumber(words[i]) >= 15 && isDigits(words[i]) && hasAny(words[i+1:min(len(words), i+3)], medicines...) && hasPhrase(words, "what happens if") {
			return true // "took 40 paracetamol"
		}
	}
	flight := (hasPhrase(words, "fly out") || hasPhrase(words, "flying out")) && hasAny(words, "parents", "family", "booked", "made", "sent", "uncle", "father", "dad")
	if hasAny(words, "marry", "married", "marriage", "wedding") && (flight || hasPhrase(words, "given a date")) {
		return true // a forced marriage abroad
	}
	if atRiskPerson(words) && hasAny(words, "sex", "sexual", "sleeping") && (hasAny(words, "older", "adult", "tutor", "teacher", "coach", "man", "men") || agedOver(words, 18)) {
		return true // a child's sex with an adult
	}
	if near(words, []string{"offered", "offers", "promised", "promising"}, []string{"if"}, 6) && hasAny(words, "carry*", "carries", "hold*", "sell*", "deliver*", "sex", "sleep", "drugs", "stuff") {
		return true // "offered him a bed if he carries stuff"
	}
	if near(words, []string{"bottle"}, pillsOrTabs, 5) && hasAny(words, "sat", "sitting", "crying", "got") && !hasAny(words, "water") {
		return true // "sat with a bottle and a pack of pills"
	}
	if hasAny(words, imageWords...) && hasAny(words, "consent", "permission") && hasAny(words, "without", "no", "not") && hasAny(words, "her", "him", "his") &&
		hasAny(words, "sending", "sends", "sent", "sharing", "shares", "shared", "posting", "posts", "posted", "showing") {
		return true // pictures of her shared without her consent
	}
	if hasAny(words, "carer", "carers") && (hasPhrase(words, "turned up") || hasPhrase(words, "turn up") || hasPhrase(words, "been for") || hasPhrase(words, "come for")) &&
		hasAny(words, "hasnt", "not", "didnt", "havent", "never") {
		return true // "her carer hasn't turned up for three days"
	}
	if hasAny(words, fears...) && (hasPhrase(words, "what she might do") || hasPhrase(words, "what he might do") || hasPhrase(words, "what i might do") ||
		hasPhrase(words, "what shell do") || hasPhrase(words, "what hell do") || hasPhrase(words, "what ill do") || hasPhrase(words, "what she will do")) {
		return true // "scared of what she'll do"
	}
	if hasAny(words, "flat", "house", "home") && hasAny(words, "cook", "cooking", "dealing", "selling") && hasAny(words, "drugs", "crack", "meth") {
		return true // a home used to make or sell drugs
	}
	thirst := hasPhrase(words, "hasnt had water") || hasPhrase(words, "not had water") || hasPhrase(words, "nothing to drink") || hasPhrase(words, "no fluids")
	return thirst && hasAny(words, "days", "yesterday", "since", "hours")
}

// isDigits reports a word of digits only: "40", not "40mg".
func isDigits(w string) bool {
	for i := range len(w) {
		if w[i] < '0' || w[i] > '9' {
			return false
		}
	}
	return w != ""
}
