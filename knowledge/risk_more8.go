package knowledge

// Risk said plainly but in words of its own: love and sorrow in a last
// text, a way forward not seen, cutting again and deeper, harm done on
// purpose, fear of being found out, a blow beside someone's head, change
// kept from shopping, bank details given to a caller, sex around the
// country, a threat that she is dead, and someone followed home.
var plainPhrases = newPhraseSet([]string{
	"if she wasnt here", "if he wasnt here", "she just wasnt here", "he just wasnt here", "i just wasnt here",
	"smashing things", "smashes things", "smashed things", "throwing things", "throws things", "keeping the change", "keeps the change",
	"isnt being looked after", "not being looked after", "arent being looked after", "youre dead", "you are dead", "your dead", "dead meat",
})

// toldPlainly reports the phrases above and what needs two things.
func toldPlainly(words []string) bool {
	if plainPhrases.in(words) && !hasPhrase(words, "keeps the change") || hasPhrase(words, "keeps the change") && hasAny(words, "hundreds", "week", "every", "always") {
		return true
	}
	if hasAny(words, "sorry") && hasPhrase(words, "love you") {
		return true // "i'm sorry, i love you all"
	}
	if (hasPhrase(words, "wants out") || hasPhrase(words, "want out")) && (hasPhrase(words, "cant see") || hasPhrase(words, "no point") || hasAny(words, "anymore")) {
		return true
	}
	if hasAny(words, "cutting", "cut", "cuts") && hasAny(words, "again", "deeper", "deep", "worse") && hasAny(words, "she", "he", "pt", "client", "girl", "boy", "herself", "himself") &&
		!hasAny(words, "hair", "budget*", "funding", "services", "hours", "down") {
		return true // "started cutting again and it's deeper this time"
	}
	onPurpose := hasPhrase(words, "on purpose") || hasAny(words, "deliberately")
	if onPurpose && hasAny(words, "burn*", "burnt", "cut*", "hit*", "hurt*", "scald*", "overdos*", "starv*", "scratch*", "bang*") {
		return true // "burnt his arm with an iron on purpose"
	}
	if hasAny(words, fears...) && near(words, []string{"find", "finds", "found"}, []string{"out"}, 1) {
		return true // "scared he'll find out she's been to see me"
	}
	if near(words, []string{"punched", "punches", "kicked", "kicks", "smashed", "smashes"}, []string{"hole", "door", "wall", "walls", "window"}, 4) && hasAny(words, "her", "him", "next", "me") {
		return true // "punched a hole in the door next to her head"
	}
	if hasPhrase(words, "bank details") && hasAny(words, "given", "gave", "asked", "asking", "told", "handed") && hasAny(words, "call", "calls", "caller*", "phone", "rang", "text", "email", "man", "someone") {
		return true // bank details given to a caller
	}
	if hasAny(words, "sex", "sexual") && hasAny(words, "moved", "moving", "taken", "sent") && hasAny(words, "around", "between", "country", "cities", "hotels", "flats") {
		return true // trafficked for sex
	}
	if hasAny(words, "ex", "partner", "husband", "boyfriend") && hasAny(words, "message", "text", "texted", "said", "saying") && hasPhrase(words, "she dead") {
		return true // "a message from her ex saying she's dead"
	}
	return near(words, []string{"follow*"}, []string{"home"}, 3) && hasAny(words, "keeps", "keep", "been", "man", "ex", "someone", "stranger")
}
