package knowledge

import (
	"slices"
	"strings"
)

// More ways people tell of risk without its name: an overdose of a named
// medicine, a wish for it all to be over, a crash on purpose, an acute
// illness told by two of its signs, a child with a much older partner,
// drawn in by an older person's gifts or lifts, or neglected, FGM, forced
// labour and forced marriage, and control of a person's money or choices.
var (
	// medicines are what an overdose is taken of, by kind or by name.
	medicines = []string{"pill*", "tablet*", "meds", "medication*", "medicine*", "paracetamol", "antidepressant*", "painkiller*", "insulin",
		"ibuprofen", "aspirin", "codeine", "cocodamol", "codamol", "diazepam", "sertraline", "citalopram", "fluoxetine", "amitriptyline", "tramadol",
		"morphine", "oxycodone", "mirtazapine", "zopiclone", "sleepers"}
	// acuteSigns are signs of an acute illness; two of them together are an
	// emergency ("drowsy, confused and sweating"), one alone may not be
	// ("confused by hospital letters", "breathless when walking").
	acuteSigns = []string{"drowsy", "sweating", "sweaty", "clammy", "pale", "grey", "floppy", "breathless", "vomiting", "confused", "disorientated",
		"disoriented", "feverish", "fever", "shaking", "shaky", "shivering", "unrousable", "grunting", "patchy", "blotchy", "hallucinating", "yellow", "jaundiced", "slumped",
		"delirious"}
	// acutePhrases are acute signs said in more than one word.
	acutePhrases = newPhraseSet([]string{"not making sense", "making no sense", "talking nonsense", "talking gibberish", "cant stay awake", "hard to wake", "not feeding", "breathing fast",
		"breathing quickly", "breathing rapidly", "fast breathing"})
	// severely, said of breathing, is an emergency: "very short of breath".
	severely    = []string{"severely", "very", "really", "suddenly", "badly", "extremely", "gasping"}
	breathWords = []string{"breathless", "breath", "breathing", "wheez*"}
	// neglectSigns are how a neglected child is seen.
	neglectSigns = []string{"malnourished", "underweight", "hungry", "starving", "dirty", "unwashed", "unkempt", "smelly", "smells", "filthy", "lice", "nits"}
	// partnerWords are who a child may be exploited by, when much older.
	partnerWords = []string{"boyfriend*", "girlfriend*", "partner*", "seeing", "seein", "dating", "relationship", "bf", "gf", "bloke", "man", "guy", "fella"}

	hopelessMore = newPhraseSet([]string{"stay alive", "staying alive", "reason to be alive", "reason to stay", "not wanting to wake", "not want to wake",
		"dont want to wake", "doesnt want to wake", "didnt want to wake", "all to be over", "it to be over", "it all over with", "made her peace",
		"made his peace", "made my peace", "making her peace", "making his peace", "into a wall", "into a tree", "off a cliff", "off a bridge",
		"crash his car", "crash her car", "crash my car", "crash the car", "crashing his car", "crashing her car", "in front of a bus",
		"in front of a lorry", "lips going blue", "lips are blue", "lips turning blue", "turning blue", "going blue", "gone blue",
		"missing school", "not going to school", "not in school", "not allowed to have", "not allowed her own", "not allowed his own",
		"not allowed any", "decides everything", "controls everything", "controls all", "controls the money", "controls her money",
		"controls his money", "no heating", "no food in the house",
		// Forced labour and modern slavery.
		"made to work", "forced to work", "forced labour", "forced labor", "lives at his workplace", "lives at her workplace",
		"lives at their workplace", "lives at work", "lives where he works", "lives where she works", "sleeps at work", "sleeps at his work",
		"sleeps at her work", "sleeps at the workplace", "debt bondage", "work off a debt", "working off a debt", "work off his debt",
		"work off her debt", "for no pay and", "taken abroad to", "sent abroad to", "married off", "forced to marry", "made to marry"})
	// cutWords and abroadWords tell of FGM without its name: "cut as a
	// child, and worried her daughter will be taken abroad for it".
	cutWords    = []string{"cut", "cutting", "circumcis*"}
	abroadWords = []string{"abroad", "overseas", "holiday", "holidays", "ceremony", "summer", "sudan", "somalia", "somaliland", "egypt", "ethiopia",
		"eritrea", "nigeria", "kenya", "gambia", "mali", "guinea", "djibouti", "yemen", "iraq", "indonesia"}
	// lureWords are what an older person draws a child in with: gifts,
	// lifts, money, drink.
	lureWords = []string{"gifts", "gift", "presents", "present", "buys", "bought", "lifts", "lift", "drives", "driving", "picks", "picking",
		"alcohol", "drink", "vapes", "cigarettes", "money", "phone", "phones", "clothes", "trainers", "cash", "vodka", "weed", "drugs", "cannabis", "parties", "party", "tickets", "cars", "taxi", "taxis"}
	// schoolAge tells of a child without saying "child": "a young lad
	// picked up from school".
	schoolAge = []string{"lad", "lads", "school", "schoolboy", "schoolgirl", "schoolkid*"}
)

// moreRiskSigns reports the concepts above; hopelessMore is read with the
// other phrase lists in saidOutright (risk_more3.go).
func moreRiskSigns(words []string) bool {
	if near(words, []string{"all", "whole", "lot", "lots", "load", "loads", "bunch", "handful", "packet*", "box", "bottle", "too", "extra"}, medicines, 4) &&
		hasAny(words, "took", "taken", "take", "taking", "swallow*", "downed", "necked", "had", "bought", "buying", "buys") {
		return true // "taken all her antidepressants"
	}
	signs := distinctAcuteSigns(words)
	if acutePhrases.in(words) {
		signs++
	}
	if near(words, severely, breathWords, 3) || signs >= 2 {
		return true
	}
	if near(words, cutWords, []string{"girl", "girls", "daughter*", "child", "kids", "children", "niece*", "granddaughter*"}, 8) && hasAny(words, abroadWords...) {
		return true // FGM
	}
	if !atRiskPerson(words) && !hasAny(words, schoolAge...) && !hasPhrase(words, "young person") {
		return false
	}
	// A child (not a young adult) drawn in by a man or an older person.
	child := atRiskPerson(slices.DeleteFunc(slices.Clone(words), func(w string) bool { return hasAny([]string{w}, "young", "elderly", "vulnerable") })) ||
		hasAny(words, schoolAge...) || hasPhrase(words, "young person")
	lured := child && hasAny(words, lureWords...) && (hasAny(words, "older", "20s", "30s", "40s", "twenties", "thirties", "adult") || agedOver(words, 18) || near(words, []string{"man", "men", "guy", "guys", "bloke", "stranger*"}, lureWords, 8))
	return near(words, []string{"always", "often", "looks", "look", "looking", "seems", "very", "really", "constantly", "and"}, neglectSigns, 3) ||
		olderPartner(words) || lured
}

// distinctAcuteSigns counts the different acute signs a question names.
func distinctAcuteSigns(words []string) int {
	seen := map[string]bool{}
	for _, w := range words {
		if hasAny([]string{w}, acuteSigns...) {
			seen[w] = true
		}
	}
	return len(seen)
}

// olderPartner reports a child with a partner who is older or an adult by
// age: "a 15 year old has a boyfriend of 25", "her older boyfriend".
func olderPartner(words []string) bool {
	if !hasAny(words, partnerWords...) {
		return false
	}
	if hasAny(words, "older", "adult", "grown", "uni", "university", "twenties", "20s", "thirties", "30s", "married") {
		return true
	}
	for _, w := range words {
		if n := leadingNumber(w); n >= 18 && n < 100 {
			return true
		}
	}
	return false
}

// leadingNumber is the number a word starts with, or -1.
func leadingNumber(w string) int {
	n, digits := 0, 0
	for ; digits < len(w) && w[digits] >= '0' && w[digits] <= '9'; digits++ {
		n = n*10 + int(w[digits]-'0')
		if n > 1000 {
			return -1
		}
	}
	if digits == 0 {
		return -1
	}
	return n
}

// count is how many different phrases of ps words holds.
func (ps phraseSet) count(words []string) int {
	seen := map[string]bool{}
	for i := range words {
		if n := ps.match(words, i); n > 0 {
			seen[strings.Join(words[i:i+n], " ")] = true
		}
	}
	return len(seen)
}
