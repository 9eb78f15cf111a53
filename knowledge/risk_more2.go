package knowledge

import (
	"slices"
	"strings"
)

// More risk as staff describe it, read from a set of such questions: a
// threat to a named person, cries for help passed quietly, cruelty to a
// disabled partner, scams by a courier or a stranger met online, honour,
// a baby or a pregnancy in danger, and sleeping out in the cold.
var quietPhrases = newPhraseSet([]string{
	"for afterwards", "punches walls", "punching walls", "punched the wall", "knuckles bleed", "goes country", "going country",
	"gone country", "shakes the baby", "shaking the baby", "shake the baby", "couldnt wake", "could not wake", "nothing in the fridge",
	"out of reach", "wont help her to the toilet", "wont help him to the toilet", "saying help me", "note saying help", "passed me a note",
	"walked into a door", "sunglasses indoors", "third time this month", "for their courier", "a courier to", "courier to collect",
	"the bank rang", "bank called her", "never go out without", "never goes out without", "not allowed out without", "broken english",
	"deal with their sister", "deal with his sister", "deal with her", "bring shame", "brought shame", "shame on the family", "dishonour",
	"deserve to be punished", "deserves to be punished", "pills in her hand", "pills in his hand", "tablets in her hand",
	"tablets in his hand", "thought about taking them", "no wet nappy", "no wet nappies", "wont feed", "nobody knows where",
	"no one knows where", "noone knows where", "walked out of the", "bare wires", "ceiling has come down", "ceiling came down",
	"in and out all night", "on his own floor", "on her own floor", "people in and out", "take out loans", "take out a loan for",
	"makes him take out", "make him take out", "makes her take out", "make her take out", "barely responsive", "not very responsive",
	"refused all food", "refusing all food", "refusing food and drink", "refused food and drink", "blurred vision", "puffy face",
	// Set 20's kinds, in their own words and others'.
	"pulling her sleeves down", "pulls her sleeves down", "wont go near him", "wont go near her", "started wetting the bed",
	"cigarette burn", "cigarette burns", "shaped like a cigarette", "piles of post", "hasnt opened her door", "hasnt opened his door",
	"not opened her door", "not opened his door", "hasnt opened the door", "unless she does what", "unless he does what",
	"does what he says", "turning up outside", "picture of her car", "photo of her car", "photo of her house", "pictures of her house",
	"no one else would have her", "nobody else would have her", "no one else would have him", "tears up her", "scared of him",
	"scared of her", "frightened of him", "frightened of her", "afraid of him", "afraid of her", "sending cheques",
	"full of strangers", "workers arent paid", "they arent paid", "prepare for a war", "a war against", "cant stand up",
	"cannot stand up", "unable to stand", "out of her purse", "out of his wallet", "film him doing", "filming him", "filming her",
	"make him give", "makes him give", "make her give", "makes her give", "into the back room", "takes her into", "takes him into",
	"be punished if", "punished if she", "punished if he", "because he found out", "because she found out", "if he finds out",
	"if she finds out", "not moving much",
	// Set 21's kinds, in their own words and others'.
	"hard shoulder", "how high they are", "how high the bridge", "looking up bridges", "hasnt washed", "refuses any help", "refuses help",
	"rats everywhere", "they want more", "want more today", "asking for more money", "cant leave till", "cant leave until",
	"brought her here", "brought him here", "till its paid off", "until its paid off", "going to snap", "about to snap",
	"cant lift her arm", "cant lift his arm", "arm has gone weak", "talking gibberish", "sores that smell", "leave her in bed",
	"leave him in bed", "left in bed all day", "hard to wake", "asleep in the park", "no coat", "leaving the gas on", "left the gas on",
	"letting in strangers", "lets strangers in", "loan shark", "loan sharks", "break his legs", "break her legs", "doesnt stop at her station",
	"doesnt stop at his station", "which one doesnt stop", "breathing fast", "not feeling the baby", "felt the baby move",
	// Set 22's kinds, in their own words and others'.
	"thanked me for everything", "thanking me for everything", "the last time he", "the last time she", "answers every call",
	"sits in on all", "never has her own phone", "better off with someone else", "better off without me", "claiming to be from",
	"transferred his savings", "transferred her savings", "ready to do something", "letters to his kids", "letters to her kids",
	"letters to his children", "letters to her children", "sorted his will", "sorted her will", "sorted out his will",
	"sorted out her will", "saying goodbye and", "said goodbye and", "jumping off", "jumping from", "jumping in front",
	"able to get up from", "get up from the floor", "gas smell", "no smoke alarm", "no working smoke alarm", "the messiah",
	// Set 23's kinds.
	"wont be needing", "not be needing", "locks him out", "locks her out", "locked him out", "locked her out", "if they find out",
	// Set 24's kinds.
	"storing drugs", "cant say no", "get his ex", "get her ex", "when he finds her", "when he finds him", "when she finds him",
	"stop crying forever", "make the baby stop", "went silent", "gone silent", "railway bridge", "standing on the bridge",
	"standing on a bridge", "on the bridge at night", "marrying her off", "marrying him off", "hasnt been brought to",
	"not been brought to", "not brought to",
})

// harmTargets are the people a threat may name.
var harmTargets = []string{"neighbour*", "ex", "wife", "husband", "partner*", "mum", "dad", "brother*", "sister*", "boss", "gp", "doctor*", "nurse*",
	"receptionist*", "son", "daughter*", "child*", "kids", "him", "her", "them", "teacher*", "landlord*", "staff"}

// quietRisk reports what needs two things together; the phrases above are
// read with the others in saidOutright (risk_more3.go).
func quietRisk(words []string) bool {
	intent := hasAny(words, "wants", "want", "going", "gonna", "will", "threatened", "threatening", "planning", "plans", "said", "says", "shouting",
		"shouted", "screaming", "come", "coming")
	if intent && near(words, []string{"stab", "kill", "hurt", "attack", "batter", "punch", "shoot", "strangle"}, harmTargets, 2) {
		return true // "wants to stab his neighbour"
	}
	if hasAny(words, "insulin", "meds", "medication*", "prescription*") && (hasPhrase(words, "hasnt collected") || hasPhrase(words, "not collected") ||
		hasPhrase(words, "not picked up") || hasPhrase(words, "hasnt picked up")) {
		return true // insulin or medicine not collected by someone alone
	}
	if hasPhrase(words, "cant talk") && hasAny(words, "whisper*", "hung", "quietly", "speaker") {
		return true // a cry for help that can't be said
	}
	if near(words, []string{"met"}, []string{"facebook", "online", "internet", "app", "instagram", "dating", "tinder", "whatsapp"}, 5) &&
		hasAny(words, "sent", "send", "money", "transfer*", "paid", "pay", "thousands", "savings", "given", "gave", "giving", "lent", "loaned") {
		return true // a romance scam
	}
	if hasAny(words, vulnerableWords...) && hasAny(words, "savings", "money", "bank", "pension") && hasAny(words, "dropped", "gone", "missing", "disappeared", "drained", "taken") {
		return true // someone's money going while another has their trust
	}
	if hasAny(words, cutWords...) && (hasPhrase(words, "as a child") || hasPhrase(words, "as a girl")) && hasAny(words, "daughter*", "girl", "girls", "niece*", "granddaughter*", "baby") {
		return true // FGM, done before and planned again
	}
	if hasAny(words, "approve", "approves", "honour", "shame", "punish*") && hasAny(words, "brother*", "family", "father", "uncle*", "cousin*", "dad") {
		return true // honour-based abuse
	}
	if hasAny(words, "photos", "pictures", "pics", "videos", "photo", "picture") && hasAny(words, "gives", "pays", "paid", "money", "cash") &&
		hasAny(words, "man", "men", "guy", "guys", "bloke", "stranger*") {
		return true // paid for pictures
	}
	if hasAny(words, "pregnant", "pregnancy") && hasAny(words, "headache", "blurred", "bleeding", "puffy", "swollen", "swelling", "moved", "moving", "move", "kicks", "kicking") {
		return true // a pregnancy in danger
	}
	if hasAny(words, "pregnant") && atRiskPerson(words) && hasAny(words, "father", "boyfriend*", "older", "stepdad*", "uncle*", "stepfather*") {
		return true // a child made pregnant
	}
	if (hasPhrase(words, "whats the point") || hasPhrase(words, "what the point")) && hasAny(words, "stopped", "insulin", "meds", "medication", "tablets", "pills", "living", "anything", "anymore", "life") {
		return true // "stopped his insulin, says what's the point"
	}
	if hasPhrase(words, "blood sugar") && hasAny(words, "confused", "drowsy", "shaky", "sweating", "unconscious", "collapsed", "lo") {
		return true // a hypo or a hyper
	}
	if hasAny(words, "pregnant") && atRiskPerson(words) && hasAny(words, "dad", "who") {
		return true // a child pregnant who will not say by whom
	}
	if hasAny(words, vulnerableWords...) && hasAny(words, "motorway", "driving", "wandering", "wandered", "lost") {
		return true // someone with dementia lost or driving
	}
	if atRiskPerson(words) && hasAny(words, "husband", "wife", "marry", "married", "marriage") && hasAny(words, "taken", "taking", "abroad", "holidays", "pakistan", "bangladesh", "india", "somalia", "country") {
		return true // a child taken to be married
	}
	if hasPhrase(words, "breaking point") && (hasPhrase(words, "know what") || hasAny(words, "snap", "lose", "hurt", "shook", "shake")) {
		return true // a carer at breaking point who fears what they will do
	}
	if hasPhrase(words, "young carer") && (hasAny(words, "scared", "exhausted", "alone", "frightened", "missing", "cant", "school") || hasPhrase(words, "no food")) {
		return true // a young carer overwhelmed
	}
	if hasAny(words, "psychic*", "medium", "fortune*", "clairvoyant*") && hasAny(words, "money", "pension", "savings", "paying", "giving", "paid", "cash", "pays", "pay", "unless") {
		return true // money taken by a psychic's threat
	}
	if hasAny(words, "antipsychotic*") && hasAny(words, "stopped", "not", "refusing", "refuses") {
		return true // off antipsychotics
	}
	return near(words, []string{"sleeping", "sleeps", "slept"}, []string{"rough", "porch", "doorway", "tent", "street", "streets", "outside", "park", "car", "bench"}, 4) &&
		hasAny(words, "freezing", "cold", "minus", "snow", "snowing", "tonight", "frost", "ice", "degrees", "blanket", "raining", "wet", "winter")
}

// riskDenied are the words in which a person says there is no risk: "low
// mood, not at risk". They are read as no sign of risk; any other sign in
// the question still counts.
var riskDenied = fieldsOf("not at risk", "isnt at risk", "arent at risk", "no risk", "no current risk", "no immediate risk",
	"not a risk", "no safeguarding concern", "no safeguarding concerns", "no safeguarding issues")

func fieldsOf(phrases ...string) [][]string {
	out := make([][]string, len(phrases))
	for i, p := range phrases {
		out[i] = strings.Fields(p)
	}
	return out
}

// withoutRiskDenied is words without the words of riskDenied: words
// itself when they hold none.
func withoutRiskDenied(words []string) []string {
	return dropRuns(words, func(i int) int { return deniedAt(words[i:]) })
}

// deniedAt is the number of words of the riskDenied phrase that words
// starts with, 0 for none.
func deniedAt(words []string) int {
	for _, p := range riskDenied {
		if len(p) <= len(words) && slices.Equal(words[:len(p)], p) {
			return len(p)
		}
	}
	return 0
}

// pastEvents are medical events that are an emergency as they happen and
// a history once they are over: "lost his confidence after a heart
// attack", "since her stroke", "cardiac rehab after a heart attack", "a
// panic attack last month".
var pastEvents = [][]string{{"heart", "attack"}, {"heart", "attacks"}, {"cardiac", "arrest"}, {"stroke"}, {"strokes"}, {"seizure"}, {"seizures"},
	{"panic", "attack"}, {"panic", "attacks"}, {"asthma", "attack"}, {"hypo"}}

// longAgo reports words that put an event weeks or more ago: "years ago",
// "last year", "last month"; "last night" is too near to be over.
func longAgo(words []string) bool {
	for i, w := range words {
		if w == "ago" || w == "last" && i+1 < len(words) && hasAny(words[i+1:i+2], "year", "month", "week", "time", "summer", "spring", "autumn", "winter", "christmas") {
			return true
		}
	}
	return false
}

// withoutPastEvents drops a medical event that words speak of as over: one
// after "after", "since", "post", "following" and the like within three
// words before it, before "survivor", "rehab", "recovery", "club" or
// "group", or put weeks or more ago ("a seizure last year", "a panic attack
// months ago"). What else the words say is still read for risk.
func withoutPastEvents(words []string) []string {
	return dropRuns(words, func(i int) int {
		for _, e := range pastEvents {
			if i+len(e) > len(words) || !slices.Equal(words[i:i+len(e)], e) {
				continue
			}
			before, after := words[max(0, i-3):i], words[i+len(e):min(len(words), i+len(e)+1)]
			if hasAny(before, "after", "since", "post", "following", "previous", "past", "history", "recovering", "recovery", "recovered") ||
				hasAny(after, "survivor*", "rehab*", "recovery", "club*", "group*", "association") ||
				longAgo(words[i+len(e):min(len(words), i+len(e)+4)]) {
				return len(e)
			}
		}
		return 0
	})
}
