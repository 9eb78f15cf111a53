package knowledge

// More risk told by what was said or seen: a farewell in other words, a
// partner's threat or injury no one explains, pressure to hand money
// over, a baby hurt or a child left, a curtain drawn for days, and lips or
// hands gone blue.
var farewellPhrases = newPhraseSet([]string{
	"last time youll hear", "last time ill hear", "last time youll see", "last time ill see", "last time you will hear", "never hear from", "wont hear from me", "hear from me again",
	"nothing else to sort", "nothing left to sort", "got everything sorted", "never wake", "fall asleep forever", "better place without",
	"better without me", "better without him", "better without her", "no one will notice", "nobody will notice", "no one would notice",
	"nobody would notice", "nobody will miss", "no one will miss", "wont say what happened", "wouldnt say what happened",
	"wont say how it happened", "wont explain", "into giving", "into signing", "into handing", "into lending", "look frightened",
	"look scared", "look terrified", "struggling for breath", "fighting for breath", "gasping for", "reported missing", "no beds", "dog mess",
	"without food for", "without food or", "without water", "left without food", "finished with life", "done with life", "done with living",
	"finished with living", "through with life", "sick of being alive", "tired of being alive",
})

// farewellSaid reports what needs two things together; the phrases above are read
// with the other lists of saidOutright (risk_more3.go).
func farewellSaid(words []string) bool {
	if hasPhrase(words, "in case") && near(words, []string{"case"}, []string{"around", "here", "alive"}, 4) && hasAny(words, "not", "im", "isnt", "wont") {
		return true // "in case she's not around tomorrow"
	}
	if hasPhrase(words, "wont need") && hasAny(words, "tenancy", "flat", "house", "things", "stuff", "belongings", "clothes", "money", "coat", "anymore", "where") {
		return true // "he won't need the tenancy"
	}
	if hasPhrase(words, "be with") && hasAny(words, "died", "dead", "late", "heaven", "passed") {
		return true // "go and be with her husband who died"
	}
	if hasAny(words, "sorry") && (hasPhrase(words, "not your fault") || hasPhrase(words, "not my fault") || hasPhrase(words, "nobody fault") || hasPhrase(words, "no one to blame")) {
		return true // a note's "sorry, it's not your fault"
	}
	take := hasPhrase(words, "take her with him") || hasPhrase(words, "take him with her") || hasPhrase(words, "take them with him") || hasPhrase(words, "take them with her")
	if take && hasAny(words, "die", "dies", "dead", "died", "kill*", "going", "goes") {
		return true // "if he dies he'll take her with him"
	}
	if hasAny(words, "takes", "took", "taking", "taken", "swallowed") && near(words, []string{"mums", "dads", "nans", "mum", "dad", "parents", "wife", "husband",
		"partner", "friend", "friends", "someone", "else", "nan", "brother", "sister"}, medicines, 2) {
		return true // someone else's tablets taken: "takes her mum's pills when she feels like that"
	}
	return hiddenHarm(words)
}

// hiddenHarm reports an injury no one explains, an ex who has found
// someone, hiding from a partner, a threat of what comes of telling, a
// doorstep sale to someone frail, a baby hurt, a child left, and signs
// of a body failing.
func hiddenHarm(words []string) bool {
	if hasAny(words, "ex", "partner", "husband", "boyfriend", "wife", "girlfriend") && hasAny(words, "address", "flat", "house") &&
		hasAny(words, "found", "knows", "followed", "turned", "left", "outside") && hasAny(words, "new", "dead", "moved", "outside", "again") {
		return true // "her ex has found her new address"
	}
	if near(words, []string{"hiding", "hides", "hid"}, []string{"he", "him", "hes", "partner", "husband", "ex", "boyfriend", "because"}, 7) && !hasAny(words, medicines...) {
		return true // "hiding in the toilet because he's outside"
	}
	for i := 0; i+2 < len(words); i++ {
		if hasAny(words[i:i+1], "he", "she", "they") && hasAny(words[i+1:min(len(words), i+3)], "hurts", "hurt", "hurting", "hits", "beats", "batters") &&
			hasAny(words[i+2:min(len(words), i+4)], "her", "him", "me", "them") {
			return true // "he only hurts her when he's been drinking"
		}
	}
	if hasPhrase(words, "regret it if") && hasAny(words, "police", "tells", "tell", "leaves", "leave", "report*", "goes") {
		return true
	}
	if hasAny(words, "doorstep", "salesman", "salesmen", "cowboy", "cowboys") && (hasAny(words, vulnerableWords...) || hasAny(words, "signed", "paid", "contract", "thousands")) {
		return true // a doorstep sale to someone with dementia
	}
	if hasAny(words, "baby", "babies", "newborn", "infant") && hasAny(words, "swollen", "fracture*", "broken", "burn", "burns", "scald*", "marks", "bruise*") {
		return true // a baby hurt
	}
	if (atRiskPerson(words) || hasAny(words, "kids")) && hasAny(words, "left", "leaves", "leaving") && hasAny(words, "while", "whilst", "pub", "unattended") {
		return true // "toddler left in the car while mum went to the pub"
	}
	if near(words, []string{"curtains", "blinds"}, []string{"drawn", "closed", "shut"}, 3) && hasAny(words, "days", "week", "since", "all") {
		return true
	}
	if hasPhrase(words, "no one") && near(words, []string{"one"}, []string{"heard", "seen"}, 2) && hasAny(words, spanWords...) {
		return true // "no one has heard from him since thursday"
	}
	if near(words, []string{"blue", "grey", "gray", "purple"}, []string{"hands", "feet", "lips", "face", "fingers", "skin", "toes"}, 3) {
		return true
	}
	if hasAny(words, "chosen", "picked", "arranged", "found") && hasAny(words, "husband", "wife") && hasAny(words, "refuses", "refuse", "sent", "forced", "disown*") {
		return true // a forced marriage
	}
	return hasAny(words, "parlour*", "brothel*") && (hasAny(words, fears...) || hasAny(words, "locked", "upstairs", "above"))
}
