package knowledge

// More of a partner's or a family's control and harm, and a few more
// signs of a life or a body at risk: kept short of food, a phone handed
// over, a temper that "kicks off", teeth knocked out, the baby held over
// her, a pension taken the day it is paid, debts in someone's name, a
// child's wedding, work for nothing, and someone who will "be gone".
var controlPhrases2 = newPhraseSet([]string{
	"tired of waking up", "sick of waking up", "no one left", "nobody left", "fist into", "fist through", "fists into",
	"short of food", "keeps him short", "keeps her short", "kick off if she", "kicks off if she", "kicks off when she", "kick off if he",
	"kicks off if he", "knocked her teeth", "knocked his teeth", "knocked her out", "knocked him out", "knocked her down", "knocked her over",
	"adult messages", "sexual messages", "rude messages", "dirty messages", "locked them out", "locks them out", "locked out in",
	"promise of a job", "works for nothing", "working for nothing", "work for nothing", "wages they never", "never see their wages",
	"pay for their beds", "slumped over", "found slumped", "taken home for", "goodnight forever", "night forever", "bye forever",
	"gone forever", "cant get out of the bath", "stuck in the bath", "fell in the bath",
})

// childByAge reports a child told of by age ("she's 15", "a 14 year
// old"), not by "girl" or "boy", which may be said of adults.
func childByAge(words []string) bool {
	for i, w := range words {
		if n := leadingNumber(w); n >= 1 && n <= 17 && atRiskPerson(words[max(0, i-2):min(len(words), i+3)]) &&
			!hasAny(words[max(0, i-2):min(len(words), i+3)], "girl", "girls", "boy", "boys", "young", "child", "children", "kid", "kids") {
			return true
		}
	}
	return false
}

// toldOfControl reports what needs two things together; the phrases above are read
// with the other lists of saidOutright (risk_more3.go).
func toldOfControl(words []string) bool {
	if len(words) >= 2 && words[len(words)-2] == "be" && words[len(words)-1] == "gone" {
		return true // "because she'll be gone"
	}
	for i := 0; i+3 < len(words); i++ {
		if hasAny(words[i:i+1], "hand", "hands", "handing", "give", "gives") && hasAny(words[i+1:i+2], "him", "her") &&
			hasAny(words[i+2:i+3], possessives...) && hasAny(words[i+3:i+4], controlObjects...) {
			return true // "she has to hand him her phone"
		}
	}
	if (hasPhrase(words, "take the baby") || hasPhrase(words, "take the kids") || hasPhrase(words, "take the children")) && hasAny(words, "if") {
		return true // "if she leaves he'll take the baby"
	}
	if hasAny(words, takers...) && hasAny(words, "pension", "benefits", "wages") && (hasPhrase(words, "leaves with") || hasPhrase(words, "turns up when") || hasPhrase(words, "comes round when")) {
		return true // "turns up when her pension is paid and leaves with it"
	}
	if hasAny(words, "girlfriend", "boyfriend", "partner") && hasAny(words, "abroad", "overseas", "online") && hasAny(words, "money", "flights", "visa", "fees") &&
		hasAny(words, "asking", "asks", "asked", "sending", "sent", "keeps") {
		return true // a romance scam
	}
	if (hasPhrase(words, "in her name") || hasPhrase(words, "in his name") || hasPhrase(words, "in my client name") || hasPhrase(words, "in their name")) &&
		hasAny(words, "credit", "loans", "loan", "cards", "debts", "contract*") {
		return true // credit taken out in someone's name
	}
	if hasAny(words, "marry", "married", "marriage", "wedding") && childByAge(words) {
		return true // a child's wedding
	}
	if near(words, []string{"selling", "sold", "sells", "pawned", "pawning"}, []string{"her", "his"}, 1) && hasAny(words, takers...) &&
		(hasPhrase(words, "no food") || hasPhrase(words, "no money") || hasPhrase(words, "nothing left") || hasAny(words, vulnerableWords...)) {
		return true // "her son has been selling her stuff and she has no food"
	}
	if near(words, []string{"cut"}, []string{"her"}, 1) && (hasAny(words, abroadWords...) || hasAny(words, "back", "wedding")) && !hasAny(words, "hair", "fringe", "nails", "cake") {
		return true // "her uncle will cut her when they go back"
	}
	if (hasPhrase(words, "sleeping with") || hasPhrase(words, "sleep with") || hasPhrase(words, "sex with")) &&
		(hasPhrase(words, "place to stay") || hasPhrase(words, "somewhere to stay") || hasPhrase(words, "for a bed") || hasPhrase(words, "for money") || hasPhrase(words, "for drugs")) {
		return true // sex for a place to stay
	}
	if hasAny(words, "ex", "partner", "husband", "boyfriend") && hasAny(words, "photo", "photos", "picture", "pictures", "pic", "video") &&
		hasAny(words, "door", "house", "flat", "car", "street", "work", "window") && hasAny(words, "her", "him") {
		return true // "her ex sent her a photo of her front door"
	}
	return hasAny(words, beliefs...) && hasAny(words, "baby", "child", "kids", "son", "daughter") && hasAny(words, "back", "sacrifice", "take", "kill", "harm", "hurt", "devil", "evil")
}
