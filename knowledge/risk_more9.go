package knowledge

// Risk of the kinds staff most often meet, in more of their words: no
// sign of life at a home for days, a carer walking out or leaving someone
// at a door, a "friend" drawing out a pension, money lent until nothing
// is left, deeds signed over, a last message of love and sorrow, tablets
// kept unused, a promise of marriage made for a child, unpaid work for a
// family, and a diabetic who seems drunk.
var categoryPhrases = newPhraseSet([]string{
	"no sign of life", "no signs of life", "walk out on", "walking out on", "walked out on", "end of her rope", "end of his rope",
	"end of my rope", "got nothing left", "has nothing left", "now got nothing", "promised to her cousin", "promised to a man",
	"promised in marriage",
})

// toldByCategory reports the phrases above and what needs two things.
func toldByCategory(words []string) bool {
	if categoryPhrases.in(words) && !hasPhrase(words, "walk out on") || hasPhrase(words, "walk out on") && hasAny(words, "carer*", "cares", "caring", "him", "her") {
		return true
	}
	lifeSigns := hasAny(words, "milk", "post", "papers", "mail", "bins", "curtains", "blinds", "car", "lights", "smell")
	if (lifeSigns || near(words, []string{"phone", "phones"}, []string{"off", "dead"}, 3)) && hasAny(words, "days", "week", "weekend", "since") &&
		hasAny(words, "hasnt", "havent", "not", "no", "still", "isnt", "been", "nothing") && hasAny(words, "his", "her", "he", "she", "mr", "mrs") {
		return true // "hasn't taken his milk in three days", "her phone's been off for four days"
	}
	reached := hasPhrase(words, "cant be reached") || hasPhrase(words, "cant reach her") || hasPhrase(words, "cant reach him") || hasAny(words, "uncontactable")
	if reached && hasAny(words, "dialysis", "chemo", "insulin", "oxygen", "depot", "days", "alone", "vulnerable") {
		return true // "missed her dialysis twice and can't be reached"
	}
	if near(words, []string{"leave", "leaving", "dump", "drop"}, []string{"mum", "dad", "her", "him", "wife", "husband", "son", "daughter"}, 2) &&
		(hasAny(words, "doorstep", "street", "outside") || hasPhrase(words, "a e") || hasPhrase(words, "at the hospital")) {
		return true // "leave her on the doorstep", "leave mum at a&e"
	}
	if hasAny(words, "friend", "friends", "neighbour*", "lodger*", "pal", "mate", "carer*") && (hasPhrase(words, "draw out") || hasPhrase(words, "drawing out") ||
		hasAny(words, "withdraw*")) && hasAny(words, "pension", "savings", "money", "cash", "benefits") {
		return true // a "friend" who draws out her pension
	}
	if hasAny(words, "deeds") && hasAny(words, "lodger*", "friend", "neighbour*", "carer*", "persuaded", "pressured", "convinced", "talked") {
		return true // deeds signed over
	}
	if hasAny(words, "sorry") && hasAny(words, "love", "loved", "loves") && hasAny(words, "message", "text", "texted", "note", "voicemail", "letter", "said", "saying") {
		return true // "a message saying she loved me and was sorry"
	}
	if hasPhrase(words, "wont be back") && !hasAny(words, "until", "till", "after", "tomorrow", "next", "monday", "tuesday", "wednesday", "thursday", "friday", "today", "later") {
		return true // "left his dog and said he won't be back"
	}
	if hasPhrase(words, "how many") && hasAny(words, "needs", "need", "enough") && hasAny(words, medicines...) {
		return true // "he knows how many tablets he needs"
	}
	unused := hasPhrase(words, "never took") || hasPhrase(words, "didnt take") || hasPhrase(words, "not taking") || hasPhrase(words, "hasnt taken")
	if unused && hasAny(words, medicines...) && hasAny(words, "box", "shoebox", "bag", "drawer", "found", "hidden", "stash*", "loads") {
		return true // "a shoebox of tablets he never took"
	}
	if hasPhrase(words, "been paid") && hasAny(words, "hasnt", "not", "never") && hasAny(words, "year", "months") && hasAny(words, "she", "he", "they") {
		return true // "hasn't been paid in a year"
	}
	return hasAny(words, "diabetic", "diabetes", "insulin") && (hasPhrase(words, "acting drunk") || hasPhrase(words, "seems drunk") || hasPhrase(words, "looks drunk"))
}
