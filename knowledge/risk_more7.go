package knowledge

// Risk told in a service's shorthand or a worker's note: a stash and a
// date, an attorney and no money for food, a high window, a person sold,
// a boss who takes all the wages, a drink spiked, someone left in soiled
// sheets, permission to spend one's own money, gift cards paid to a
// caller, a fever on chemotherapy, a sugar gone low, and wheezing that
// stops speech.
var jargonPhrases = newPhraseSet([]string{
	"painless way", "most painless", "marry her off", "marry him off", "was sold by", "was sold to", "been sold to", "been sold by",
	"something in her drink", "something in his drink", "something in my drink", "do it properly", "finish the job", "under a train",
	"under the train", "under a bus", "under a lorry", "throwing herself", "throwing himself", "throw herself", "throw himself",
	"threw herself", "threw himself", "takes to die", "long to die", "die from", "get away from him", "get away from her",
	"sex offenders", "hasnt been to school", "not been to school", "isnt responding", "wasnt responding", "stopped responding",
	"gift cards", "itunes vouchers", "in vouchers", "special cut",
})

// toldInJargon reports what needs two things together; the phrases above are read
// with the other lists of saidOutright (risk_more3.go).
func toldInJargon(words []string) bool {
	if hasAny(words, abroadWords...) && hasPhrase(words, "the cut") {
		return true
	}
	if hasAny(words, "boss", "employer", "gangmaster") && (hasPhrase(words, "all his money") || hasPhrase(words, "all her money") || hasPhrase(words, "all his wages") || hasPhrase(words, "all her wages")) {
		return true // "has to give his boss all his money"
	}
	if hasAny(words, "stash", "stockpile", "hoard") && hasAny(words, "date", "plan", "ready", "tonight") {
		return true // "got a stash and a date"
	}
	if hasAny(words, "attorney", "appointee", "deputy", "appointeeship") && hasAny(words, "money", "food", "pension") && hasAny(words, "hasnt", "no", "not", "taken", "spending", "spent") {
		return true // an attorney and no money for food
	}
	if near(words, []string{"window", "windows"}, []string{"standing", "stood", "leaning", "sitting", "sat", "climbing", "open"}, 4) && hasAny(words, "floor", "high", "top") &&
		hasAny(words, "he", "she", "his", "her", "pt", "client") {
		return true // "standing at the window of his ninth floor flat"
	}
	if hasAny(words, "leaves", "left", "leaving") && hasAny(words, "him", "her", "them") && hasAny(words, "soiled", "wet", "dirty", "filthy") {
		return true // "leaves him in soiled sheets"
	}
	if hasPhrase(words, "own money") && hasAny(words, "permission", "allowed", "ask", "asks", "let") {
		return true // "has to ask permission to use her own money"
	}
	if hasAny(words, "door", "doorstep") && hasAny(words, "dementia", "confused", "vulnerable", "thousands") && hasAny(words, "money", "cash", "paid", "paying", "giving") {
		return true // money handed over at the door
	}
	if hasAny(words, "hmrc", "taxman", "police", "bank") && hasAny(words, "text", "texted", "call", "called", "rang", "phoned", "email*") && hasAny(words, "paid", "pay", "transferred", "sent", "vouchers", "cards") &&
		hasAny(words, "thousands", "3000", "cards", "vouchers", "savings", "all") {
		return true // a caller posing as the tax office
	}
	if (hasAny(words, vulnerableWords...) || hasAny(words, "vulnerable", "ld")) && near(words, []string{"making", "make", "makes", "made", "forcing", "forced"}, []string{"buy", "give", "pay", "hand", "steal"}, 6) {
		return true // "teenagers making my vulnerable client buy them alcohol"
	}
	if hasAny(words, "chemo", "chemotherapy", "neutropenic") && hasAny(words, "temp", "temperature", "fever", "shivering", "shivers", "hot", "rough", "unwell") {
		return true // a fever on chemotherapy
	}
	if hasAny(words, "sugar", "sugars", "bm", "bms", "glucose") && (hasAny(words, "diabetic", "diabetes", "insulin", "type") || hasPhrase(words, "blood sugar") || hasPhrase(words, "sugar reading") ||
		hasPhrase(words, "sugar level") || hasPhrase(words, "sugar levels")) &&
		(hasAny(words, "sleepy", "drowsy", "confused", "shaky", "sweating", "sweaty", "unconscious", "collapsed", "vomiting", "slurring") || acutePhrases.in(words)) {
		return true // a hypo or a hyper
	}
	return hasAny(words, "wheez*") && hasAny(words, "cant", "cannot", "badly", "struggling", "blue", "unable")
}
