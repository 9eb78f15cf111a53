package knowledge

// Still more risk in everyday words: the last things a person says or
// leaves, a rope or an engine, a threat from someone who knows where she
// lives, an account said to be at risk, a child in debt to a dealer or
// shown what no child should see, care withheld, a fall left for hours,
// and a breath or a cough that tells of an emergency.
var otherwisePhrases = newPhraseSet([]string{
	"taken everything she had", "taken everything he had", "taken everything i had", "doesnt wake up", "dont wake up", "never wakes up",
	"for when she ready", "for when he ready", "for when im ready", "when the time comes", "be gone by tomorrow", "be gone by then",
	"gone by the time anyone",
	"waste of space", "would be relieved", "be relieved if", "head butting walls", "headbutting walls", "head butts walls",
	"headbutts walls", "headbutting the wall", "knows where she lives", "knows where he lives", "knows where i live",
	"found out where she lives", "found out where he lives", "account is compromised", "account has been compromised", "owes a dealer", "owes dealers", "owes the dealer", "doing runs", "do runs for", "debt to a dealer",
	"barely breathing", "hardly breathing", "stopped breathing", "breathing strangely", "coughing up blood", "coughed up blood",
	"vomiting blood", "being sick blood", "get them first", "get him first", "get her first", "before they get", "wont see another",
	"wont see christmas", "not see another", "wont make it to", "better life without", "wants it to end",
	"want it to end", "nothing to get up for", "found a note", "found notes", "found a letter", "through the walls",
})

// saidOtherwise reports what needs two things together; the phrases above are read
// with the other lists of saidOutright (risk_more3.go).
func saidOtherwise(words []string) bool {
	if hasAny(words, "rope", "ropes") && hasAny(words, "tie", "tied", "tying", "bought", "buying", "researching", "looking", "googling", "shed", "garage",
		"loft", "beam", "tree", "neck", "hang*", "has", "got", "keeps", "kept", "car", "bag", "hidden", "found", "use", "woods", "going", "gone") {
		return true // "researching ropes online", "a rope in his shed"
	}
	if near(words, []string{"move", "moving", "transfer"}, []string{"money", "savings"}, 2) && hasAny(words, "rang", "called", "phoned", "someone", "told", "safe", "urgently", "caller") {
		return true // "someone from the bank told him to move his money"
	}
	if hasPhrase(words, "this is goodbye") && hasAny(words, "said", "says", "texted", "text", "message", "messaged", "note", "wrote", "letter") {
		return true
	}
	if near(words, []string{"engine"}, []string{"on", "running", "going"}, 1) && hasAny(words, "sleep", "sitting", "sat", "garage", "hose*", "closed", "windows") {
		return true // "to sleep in the car with the engine on"
	}
	if near(words, []string{"written", "wrote", "writing", "recorded"}, lovedOnes, 3) && hasAny(words, "case", "goodbye*", "sorry", "after") {
		return true // "written to her kids in case"
	}
	note := hasPhrase(words, "written a note") || hasPhrase(words, "wrote a note") || hasPhrase(words, "left a note")
	if note && !hasAny(words, "thank*", "thanks", "card", "carers", "team", "gp", "school", "fridge", "reception", "colleague*", "sick", "fit") {
		return true
	}
	if near(words, []string{"bag", "bags", "box", "boxes", "stash", "pile", "drawer", "load", "lots", "hundreds"}, pillsOrTabs, 3) &&
		hasAny(words, "under", "hidden", "hiding", "ready", "saved", "saving", "stored", "secret") {
		return true // "a bag of pills under her bed"
	}
	if hasAny(words, "stitches", "stitched", "steristrips") && hasAny(words, "cut*", "harm*", "slash*") {
		return true // cuts that needed stitches
	}
	if (hasPhrase(words, "where she is") || hasPhrase(words, "where he is")) && hasAny(words, "every", "constantly", "always", "asking", "demands", "checks", "tracks") &&
		hasAny(words, "him", "her", "partner", "husband", "boyfriend", "ex", "wife", "girlfriend") {
		return true // "texts every ten minutes asking where she is"
	}
	if hasAny(words, "doorstep", "salesman", "salesmen", "cowboy*", "selling") && (hasAny(words, "thousands", "dementia") || hasPhrase(words, "doesnt need") || hasPhrase(words, "didnt need")) {
		return true // things sold at the door to someone who does not need them
	}
	return childShownOrOwed(words) || careWithheld(words)
}

// childShownOrOwed reports a child with much older men, shown sexual
// pictures, or told they will be cut on a visit.
func childShownOrOwed(words []string) bool {
	child := atRiskPerson(words) || hasAny(words, schoolAge...)
	if child && hasAny(words, "older") && hasAny(words, "men", "man", "lads", "guys", "blokes") {
		return true // "staying out all night with older men"
	}
	if child && hasAny(words, "naked", "porn*", "rude", "sexual") && hasAny(words, "shows", "showed", "showing", "sends", "sent", "videos", "pictures", "photos") {
		return true
	}
	cutTo := hasPhrase(words, "be cut") || hasPhrase(words, "get cut") || hasPhrase(words, "have the cut") || hasPhrase(words, "getting cut")
	return cutTo && !hasPhrase(words, "cut off") && (hasAny(words, abroadWords...) || hasAny(words, "visit", "visiting", "grandmother", "nan", "aunt*", "back"))
}

// careWithheld reports food or medicine withheld by who should give it, a
// fall left for hours, and voices of the dead or of others heard telling
// someone what to do.
func careWithheld(words []string) bool {
	if near(words, []string{"stopped", "stops", "refuses", "wont", "isnt", "not"}, []string{"giving", "give", "coming", "bringing"}, 2) &&
		hasAny(words, "tablets", "meds", "medication", "food", "meals", "insulin", "drinks", "water") && hasAny(words, "her", "him", "mum", "dad", "wife", "husband") &&
		!hasAny(words, "gp", "doctor*", "pharmacist*", "prescri*", "nurse*") {
		return true // "has stopped giving her her tablets"
	}
	if hasAny(words, "fell", "fallen", "fall") && (hasPhrase(words, "been there") || hasPhrase(words, "all night") || hasAny(words, "overnight", "hours")) {
		return true // "fell in the garden and has been there for hours"
	}
	return near(words, []string{"hearing", "hears", "heard"}, []string{"telling", "tells", "saying", "calling", "says"}, 4) &&
		hasAny(words, "join", "die", "kill", "hurt", "harm", "jump", "dead")
}
