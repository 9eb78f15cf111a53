package knowledge

import "slices"

// Risk told as what was seen, heard or said, read as concepts rather than
// as the words of any one set of questions: a last message or a plan, harm
// done to one's own body, a partner's violence or watch, money taken by a
// caller or a "friend", a home taken over, a child sent away or told to
// keep a secret, work or sex someone is made to do, a frail person in a
// cold home or found on the floor, the signs of sepsis, dehydration,
// meningitis or an asthma attack, a belief that drives danger, and a
// carer about to walk away.
var generalPhrases = newPhraseSet([]string{
	// A last message, a plan, a way.
	"sorry for everything", "thanks for trying", "thank you for trying", "last message", "final message", "tonight the night", "tonight is the night",
	"no future for", "no future anymore", "no future any more", "way out sorted", "found a way out", "got a way out", "has a way out",
	"last goodbye", "last goodbyes", "final goodbye", "final goodbyes", "sleep under the water", "sleep under water", "round his neck",
	"around his neck", "said her goodbyes", "said his goodbyes", "said their goodbyes", "said my goodbyes", "saying her goodbyes", "saying his goodbyes",
	"who gets his", "who gets her", "who will get his", "who will get her", "bleed out", "into the sea", "into the river", "into the canal",
	"in the river", "off the road", "on the tracks", "on the railway", "railway tracks", "train tracks", "can fly", "could fly",
	"the devil", "possessed by", "problem for anyone", "bother to anyone", "burden on", "sleep forever", "sleep for ever",
	"not exist", "stop existing", "never woken up", "not woken up",
	// A partner's violence and watch.
	"pinned her", "pinned him", "pinned me", "pins her", "pins him", "tracks her", "tracks him", "tracking her", "tracking him",
	"tracked her", "tracked him", "tracker on", "wherever she goes", "wherever he goes", "everywhere she goes", "everywhere he goes",
	"wont let anyone", "wont let anybody", "doesnt let anyone", "not letting anyone", "wont let people", "stops anyone",
	// Harm done to a body, or a body in danger.
	"pass out", "heart racing", "heart is racing", "was spiked", "been spiked", "drink spiked", "drinks spiked",
	"inhaler isnt helping", "inhaler not helping", "inhaler isnt working", "inhaler not working", "inhaler doesnt help",
	"inhalers arent helping", "having an asthma attack", "speak in sentences", "talk in sentences", "finish a sentence",
	"refusing food", "refused food", "refusing water", "refusing fluids", "refusing to drink", "refusing to eat or drink",
	"setting fire", "sets fire", "set light to", "setting light to",
	// Work and sex someone is made to do.
	"sold for sex", "selling sex", "never been paid", "without pay", "hand over the money", "hands over the money",
})

// pillsOrTabs are medicines and their shorthand; bodyWhole is the body,
// its face and hands too.
var (
	pillsOrTabs = append(slices.Clip(medicines), "tabs")
	bodyWhole   = append(slices.Clip(bodyParts), "face", "head", "hand", "body", "belly", "tummy", "skin")
	readyWho    = append(slices.Clip(pillsOrTabs), "she", "he", "im", "i") // "... and she's ready", "has tabs ready"
	drinks      = []string{"vodka", "wine", "alcohol", "booze", "whisky", "cider", "gin", "beer", "spirits"}
	drinking    = append(slices.Clip(drinks), "drink", "drunk", "drinking", "bottle")
)

// generalWords tell of risk whatever else is said.
var generalWords = []string{"hypotherm*", "smother*", "suffocat*", "pimp*", "malnourished", "emaciated"}

// saidOutright are the phrase lists of the risk files, each phrase of
// which tells of risk by itself, made one so a question is read once for
// all of them.
var saidOutright = mergedPhrases(riskPhraseSet, moreRiskPhrases, quietPhrases, hopelessMore, generalPhrases, cuePhrases, farewellPhrases,
	otherwisePhrases, passingPhrases, jargonPhrases, controlPhrases2)

// mergedPhrases is one phrase set that holds the phrases of all of sets.
func mergedPhrases(sets ...phraseSet) phraseSet {
	out := make(phraseSet)
	for _, s := range sets {
		for first, rests := range s {
			out[first] = append(out[first], rests...)
		}
	}
	return out
}

// generalRisk reports the concepts above.
func generalRisk(words []string) bool {
	if hasAny(words, generalWords...) {
		return true
	}
	return lastWords(words) || ownBodyHarmed(words) || partnerHarm(words) || moneyTaken(words) || childSentAway(words) ||
		madeToWork(words) || cutAbroad(words) || saidOtherwise(words) || toldInPassing(words) || toldInJargon(words) || frailAtHome(words) || acuteIllness(words) || drivenByBelief(words) || carerLeaving(words) ||
		cuedRisk(words) || farewellSaid(words) || toldPlainly(words) || toldByCategory(words) || toldOfControl(words)
}

// lastWords reports a plan with a date or a means, a wish to jump, a
// way of dying looked up, and a last goodbye.
func lastWords(words []string) bool {
	plan := hasPhrase(words, "has a plan") || hasPhrase(words, "got a plan") || hasPhrase(words, "made a plan") || hasPhrase(words, "made plans")
	if plan && hasAny(words, "date", "method", "means", "when", "how", "where", "tonight", "weekend", "already") {
		return true
	}
	for i, w := range words {
		if w != "jump" && w != "jumping" {
			continue
		}
		next := ""
		if i+1 < len(words) {
			next = words[i+1]
		}
		if hasAny(words[max(0, i-3):i], "want*", "going", "gonna", "telling", "tell", "tells", "told", "thinking", "threaten*", "urge*", "about") &&
			!hasAny([]string{next}, "on", "in", "into", "through", "ahead", "start", "the", "at", "back", "to", "up", "onto", "straight", "right", "over") {
			return true // "wants to jump", "telling him to jump"
		}
	}
	if near(words, []string{"hurt", "hurts", "painless", "quickest", "quick"}, []string{"drown", "drowning", "die", "hang", "bleed", "bled"}, 3) {
		return true // "if it hurts to drown"
	}
	if hasAny(words, "train", "trains") && near(words, []string{"dont", "doesnt", "not", "wont", "fast"}, []string{"stop", "stopping"}, 1) {
		return true // "which trains don't stop"
	}
	if near(words, []string{"one"}, []string{"last"}, 1) && hasAny(words, "hear", "see", "speak", "talk", "voice", "hug", "say", "visit") {
		return true // "to hear my voice one last time"
	}
	finish := hasPhrase(words, "finish what he started") || hasPhrase(words, "finish what she started") || hasPhrase(words, "finish what i started")
	if finish && hasAny(words, "last", "attempt", "before", "overdose") {
		return true // "finish what he started last time"
	}
	if near(words, []string{"nobody", "no", "wont", "not", "never", "noone"}, []string{"have", "need"}, 3) && burdened(words) {
		return true // "nobody will have to worry about him"
	}
	if near(words, []string{"letters", "notes", "cards", "videos", "messages"}, lovedOnes, 5) && hasAny(words, "written", "wrote", "writing", "left", "recorded") {
		return true // "written letters to each of her kids"
	}
	if near(words, pillsOrTabs, []string{"lined", "counted", "counting", "laid", "picture", "photo", "front", "stockpile*", "stash*"}, 5) ||
		len(words) >= 2 && words[len(words)-1] == "ready" && hasAny(words[len(words)-2:len(words)-1], readyWho...) &&
			hasAny(words, pillsOrTabs...) {
		return true // "her pills lined up on the table", "the tablets are in her bag and she's ready"
	}
	if near(words, pillsOrTabs, drinks, 2) && !hasAny(words, "interact*", "safe", "ok", "can", "should", "while", "water") {
		return true // "pills and vodka"
	}
	if hasAny(words, medicines...) && hasAny(words, drinking...) &&
		hasAny(words, "bottle", "lot", "load", "all", "box", "handful", "swallowed", "lined", "tonight") {
		return true // "drunk a bottle of vodka and taken his sleeping tablets"
	}
	return near(words, []string{"thoughts", "thought", "urges", "urge"}, []string{"smother*", "hurting", "harming", "killing", "stabbing", "drowning",
		"throwing", "shaking", "strangling", "suffocat*"}, 3)
}

// burdened reports "to worry about him", "to deal with me": the words of
// someone who will soon be no one's care.
func burdened(words []string) bool {
	for i := 0; i+3 < len(words); i++ {
		if words[i] == "to" && hasAny(words[i+1:i+2], "worry", "deal", "bother", "cope", "put") && hasAny(words[i+2:i+3], "about", "with", "up") &&
			hasAny(words[i+3:i+4], "me", "him", "her", "them") {
			return true
		}
	}
	return false
}

// ownBodyHarmed reports harm being done to one's own body ("burning his
// arms with a lighter", "cut her wrists").
func ownBodyHarmed(words []string) bool {
	for i := 0; i+2 < len(words); i++ {
		if !hasAny(words[i+1:i+2], "his", "her", "their", "my") {
			continue
		}
		ongoing := hasAny(words[i:i+1], "burning", "cutting", "scratching", "hitting", "punching", "pinching", "picking", "slashing", "stabbing", "carving")
		if ongoing && hasAny(words[i+2:i+3], bodyWhole...) {
			return true
		}
		if hasAny(words[i:i+1], "cut", "cuts", "slit", "slashed", "sliced") && hasAny(words[i+2:i+3], "wrist*", "arms", "thigh*", "throat") {
			return true
		}
	}
	return false
}

// partnerHarm reports a partner's violence or watch: someone held or
// grabbed, kept from speaking alone, or fleeing tonight.
func partnerHarm(words []string) bool {
	for i := 0; i+2 < len(words); i++ {
		if hasAny(words[i:i+1], "he", "she", "they", "hes", "partner", "husband", "wife", "boyfriend", "girlfriend", "son", "ex") &&
			hasAny(words[i+1:i+2], "grabbed", "grabs", "slapped", "slaps", "punched", "punches", "kicked", "kicks", "choked", "chokes", "strangled", "dragged", "drags", "bit", "spat", "smacked", "shoved", "throttled") &&
			hasAny(words[i+2:i+3], objectWords...) {
			return true // "he grabbed her"
		}
	}
	nots := hasAny(words, "wouldnt", "wont", "didnt", "doesnt", "refused", "refuses", "never", "not")
	if nots && near(words, []string{"let", "lets", "allow", "allows", "allowed", "leave"}, []string{"speak", "see", "talk"}, 3) &&
		near(words, []string{"speak", "see", "talk", "talking", "speaking"}, []string{"alone", "own", "privately", "private"}, 5) {
		return true // "wouldn't let me speak to her alone"
	}
	if hasAny(words, "flee", "fled", "fleeing") && hasAny(words, "nowhere", "tonight", "night", "today", "now", "kids", "children", "partner", "husband", "boyfriend", "him", "refuge") &&
		!hasAny(words, "war", "country", "persecution", "regime") {
		return true // "had to flee last night with the kids"
	}
	if hasAny(words, "secret", "secretly") && hasAny(words, "man", "men", "stranger*", "someone", "adult", "older") &&
		hasAny(words, "messages", "messaging", "messaged", "texts", "texting", "online", "dms", "chat*", "sending", "sent") {
		return true // "a man messaging her, asking her to keep it a secret"
	}
	if near(words, []string{"round", "around"}, []string{"neck", "throat"}, 3) && hasAny(words, "hands", "hand", "fingers", "arm", "arms", "belt", "cord", "scarf") {
		return true // "he put his hands around his wife's neck"
	}
	return notAllowed(words)
}

// notAllowed reports someone not allowed out, to leave, or to see or speak
// to others: "never allowed out".
func notAllowed(words []string) bool {
	for i := 1; i+1 < len(words); i++ {
		if words[i] != "allowed" || !hasAny(words[i-1:i], "not", "never", "isnt", "arent", "wasnt", "aint", "nt") {
			continue
		}
		next := words[i+1 : min(len(words), i+3)]
		if hasAny(next[:1], "out", "outside", "money", "friends", "keys", "visitors") ||
			next[0] == "to" && hasAny(next[1:], "leave", "go", "see", "speak", "talk", "contact", "phone", "call", "ring", "text", "work") {
			return true
		}
	}
	return false
}

// moneyTaken reports money taken from someone by a caller, a "friend" or a
// stranger, a home signed over, and a home taken over by others.
func moneyTaken(words []string) bool {
	if near(words, []string{"signed", "signing", "sign", "signs"}, []string{"over"}, 3) && !hasAny(words, "inheritance", "tax", "solicitor", "advises", "advice") &&
		hasAny(words, "house", "flat", "home", "property", "money", "savings", "car", "deeds", "pension") {
		return true // "signed his house over"
	}
	caller := hasAny(words, "calls", "call", "rang", "rings", "ringing", "phoning", "phones", "phone", "caller*", "texts", "knock*", "doorstep")
	paying := hasAny(words, "paid", "paying", "pays", "handing", "handed", "hands", "transferred", "transferring", "sending", "giving")
	stranger := hasAny(words, "man", "men", "someone", "somebody", "people", "stranger*", "bloke", "company", "they")
	if caller && paying && stranger && hasAny(words, "keeps", "again", "times", "owes", "owe", "thousands", "savings", "parcels", "prize", "dementia", "confused") {
		return true // "calls from a man saying she owes money; she's paid him three times"
	}
	if near(words, []string{"new"}, []string{"friend", "friends", "mate", "mates", "girlfriend", "boyfriend", "lodger"}, 2) &&
		hasAny(words, "money", "cash", "bank", "card", "pension", "benefits", "savings", "withdraw*", "spending", "spent", "flat") {
		return true // an older person's new "friend" at the bank with them
	}
	people := hasAny(words, "people", "men", "lads", "they", "them", "group", "gang", "mates", "friends", "dealer*")
	if hasPhrase(words, "taken over") && people && hasAny(words, "flat", "house", "home", "bedsit", "room", "place") {
		return true // "people have taken over his bedsit"
	}
	taken := hasPhrase(words, "moved in") || hasPhrase(words, "taken over") || near(words, []string{"staying", "using", "moved", "living", "taken", "took", "taking", "sleeping", "sell", "selling", "dealing"}, []string{"flat", "house", "home", "place"}, 4)
	return taken && hasAny(words, "people", "men", "lads", "they", "them", "group", "gang", "mates", "friends", "dealer*") &&
		(hasAny(words, fears...) || hasAny(words, "drugs", "dealing", "dealer*", "selling") || hasPhrase(words, "get rid") || hasPhrase(words, "wont leave"))
}

// childSentAway reports a child sent to other towns with money coming
// back, running away, found at an adult's home, touched where it is
// private, or hurt in a way no one can explain.
func childSentAway(words []string) bool {
	child := atRiskPerson(words) || hasAny(words, schoolAge...) || hasPhrase(words, "young person")
	if !child {
		return false
	}
	if near(words, []string{"sent", "sending", "taken", "travelling", "going", "goes"}, []string{"towns", "town", "cities", "city", "areas", "away"}, 4) &&
		hasAny(words, "money", "cash", "phones", "phone", "missing", "packages", "drugs", "trainers") {
		return true // county lines
	}
	unexplained := hasPhrase(words, "couldnt explain") || hasPhrase(words, "cant explain") || hasPhrase(words, "no explanation") || hasPhrase(words, "wont explain")
	if unexplained && hasAny(words, "mark", "marks", "burn", "burns", "bruise*", "injury", "injuries", "swollen", "swelling", "cut", "cuts", "broken", "scald*") {
		return true // "a burn on his hand and mum couldn't explain it"
	}
	return childAwayPhrases.in(words) || hasAny(words, "knickers", "underwear", "privates", "genitals", "willy")
}

var childAwayPhrases = newPhraseSet([]string{"running away", "ran away", "runs away", "run away", "run off", "adult house", "adults house",
	"man house", "mans house", "men house", "mens house", "man flat", "mans flat", "men flat", "mens flat", "adult flat", "adults flat", "private parts", "in the shower"})

// madeToWork reports someone living where they work and kept there, made to
// see men, or brought from abroad to work for nothing.
func madeToWork(words []string) bool {
	if near(words, []string{"see", "sleep", "visit", "entertain", "service"}, []string{"men", "clients", "customers"}, 2) &&
		hasAny(words, "has", "have", "made", "makes", "forced", "money", "paid", "house", "flat", "hotel*") {
		return true // "has to see men at a house"
	}
	lives := near(words, []string{"lives", "live", "living", "sleeps", "sleep", "sleeping"}, []string{"there", "site", "premises"}, 2)
	if lives && hasAny(words, "car", "farm", "factory", "restaurant", "takeaway", "shop", "boss", "salon", "nail", "wash", "employer") {
		return true
	}
	return hasAny(words, "papers", "passport*", "documents") && hasAny(words, "keep", "keeps", "kept", "holds", "holding", "took", "taken", "has") &&
		hasAny(words, "boss", "work", "working", "works", "paid", "wages", "debt", "job", "employer")
}

// cutAbroad reports a girl back from abroad in pain when she passes
// water, a sign of FGM.
func cutAbroad(words []string) bool {
	return (hasAny(words, abroadWords...) || hasPhrase(words, "back home")) && hasAny(words, "pee", "wee", "weeing", "peeing", "urinat*", "toilet") &&
		hasAny(words, "pain", "painful", "hurts", "sore", "scared", "bleeding")
}

// frailAtHome reports a frail person in a cold home, someone found on the
// floor, and someone not seen or out for days.
func frailAtHome(words []string) bool {
	cold := hasAny(words, "freezing", "freezin", "frozen", "bitterly") || near(words, []string{"heat", "warm"}, []string{"afford", "oven", "cooker", "hob", "candles", "bbq", "barbecue"}, 4) || hasPhrase(words, "no heating") || hasPhrase(words, "without heating") || hasPhrase(words, "very cold") || hasPhrase(words, "in the cold") ||
		near(words, []string{"cold"}, []string{"house", "home", "flat", "room", "bedroom"}, 2) || near(words, []string{"electric", "electricity", "gas", "meter"}, []string{"run", "ran", "off"}, 2) ||
		near(words, []string{"heating", "boiler", "heater"}, []string{"off", "broken", "broke", "no", "not", "cant", "isnt", "hasnt", "packed", "afford"}, 3)
	frail := hasAny(words, vulnerableWords...) || atRiskPerson(words) || hasAny(words, "old", "older", "nan", "gran", "grandad", "grandma", "copd", "shivering", "alone") || agedOver(words, 75)
	if cold && frail && (hasAny(words, persons...) || hasAny(words, "nan", "gran", "grandad", "grandma")) {
		return true
	}
	if near(words, []string{"found", "lying", "laying", "lay", "stuck", "fallen", "fell", "been", "collapsed"}, []string{"floor", "flor", "ground"}, 4) ||
		hasPhrase(words, "found him lying") || hasPhrase(words, "found her lying") || onARoomFloor(words) {
		return true // "found her on the bathroom floor"
	}
	out := hasPhrase(words, "been out") || hasPhrase(words, "left the house") || hasPhrase(words, "left her flat") || hasPhrase(words, "left his flat")
	return out && hasAny(words, "hasnt", "not", "havent", "nobody", "noone") && hasAny(words, "days", "week", "weeks") && hasAny(words, welfareWhy...)
}

// onARoomFloor reports "on her bedroom floor", "on the kitchen floor": a
// person on a room's floor, not a flat on the tenth floor.
func onARoomFloor(words []string) bool {
	for i := 0; i+3 < len(words); i++ {
		if words[i] == "on" && hasAny(words[i+1:i+2], "her", "his", "the", "their") && words[i+3] == "floor" &&
			hasAny(words[i+2:i+3], "bedroom", "kitchen", "bathroom", "lounge", "hall", "hallway", "toilet", "landing", "living", "sitting") {
			return true
		}
	}
	return false
}

// agedOver reports a number of at least age, a person's years.
func agedOver(words []string, age int) bool {
	for _, w := range words {
		if n := leadingNumber(w); n >= age && n < 115 {
			return true
		}
	}
	return false
}

// acuteIllness reports two signs of dehydration or acute illness, the rash
// of meningitis, and a limb hot, red and swollen.
func acuteIllness(words []string) bool {
	signs := acuteMore.count(words) + distinctAcuteSigns(words)
	if acutePhrases.in(words) {
		signs++
	}
	if hasAny(words, "dizzy", "lightheaded", "sleepy", "weak", "faint*", "mumbling", "slurring", "suddenly") {
		signs++
	}
	if hasAny(words, "took", "taken", "swallowed") && hasAny(words, medicines...) {
		signs++ // "took some pills and now his heart is pounding"
	}
	if signs >= 2 || signs == 1 && agedOver(words, 85) {
		return true // two signs, or one in someone very old
	}
	if hasAny(words, "rash") && hasAny(words, "glass", "purple", "fade", "fades", "fading", "fever", "temperature", "temp", "floppy", "stiff", "blotchy", "blanch*") {
		return true
	}
	return hasAny(words, "swollen", "swelling") && hasAny(words, "hot") && hasAny(words, "red", "spreading", "pus", "injecting", "fever")
}

// acuteMore are more acute signs said in more than one word.
var acuteMore = newPhraseSet([]string{"keep water down", "keep anything down", "keep fluids down", "keep food down", "passing urine", "passed urine",
	"hardly weed", "not weed", "dark urine", "hasnt drunk", "not drunk anything", "not drinking", "stopped drinking", "cant feel her", "cant feel his", "cant feel their", "cant feel my", "taken something",
	"took something", "not making much sense", "not making any sense", "very cold", "cold to touch", "heart feels funny", "high fever",
	"high temp", "high temperature", "vomiting all day", "being sick", "cant hold", "eaten nothing", "eating nothing", "light headed",
	"heart pounding", "heart is pounding", "racing heart", "wont drink", "diarrhoea", "not eaten", "not eating", "hasnt fed", "not fed", "breathing funny", "breathing weird",
	"breathing oddly", "burning up", "been sick", "sick loads", "found cold", "cold and confused", "had a drink all day", "dry and cracked",
	"lips are dry", "dry lips", "dry mouth", "words out", "words are jumbled", "words wrong", "blood in", "arm is numb", "arm numb", "numb arm", "face is numb", "heart stopping", "heart is stopping", "fell off", "fell down", "had a fall", "isnt moving", "not moving", "unable to move", "cant move",
	"wet and cold", "heart rate"})

// drivenByBelief reports a belief that drives danger: poison suspected,
// voices or a screen or god telling someone to harm, a mania with no sleep.
func drivenByBelief(words []string) bool {
	for i, w := range words {
		if len(w) >= 6 && w[:6] == "poison" && (i == 0 || words[i-1] != "food") {
			return true
		}
	}
	tellers := hasAny(words, "tv", "telly", "radio", "god", "devil", "head", "heads", "spirits", "demons", "angels", "aliens", "voice", "voices")
	if tellers && near(words, []string{"telling", "tells", "told", "ordering", "wants", "want"}, []string{"kill", "hurt", "jump", "die", "harm", "stab", "cut", "sacrific*"}, 5) {
		return true // "the tv is telling him to kill himself"
	}
	sleepless := hasPhrase(words, "up all night") || hasPhrase(words, "not slept") || hasPhrase(words, "hasnt slept") || hasPhrase(words, "no sleep")
	if sleepless && hasAny(words, "spent", "spending", "plans", "god", "invincible", "fly", "lithium", "paranoid", "fire", "knife") {
		return true
	}
	return hasAny(words, "lithium", "clozapine", "olanzapine", "depot", "risperidone") && hasAny(words, "stopped", "refusing", "refuses")
}

// carerLeaving reports a carer about to leave the person they care for,
// tonight or at a hospital door.
func carerLeaving(words []string) bool {
	if !hasAny(words, "carer*", "caring", "cares", "care") {
		return false
	}
	return near(words, []string{"leave", "leaving", "walk", "walking", "walks", "abandon*", "dump*", "drop"}, []string{"him", "her", "them", "mum", "dad", "husband", "wife", "son", "daughter", "out", "tonight"}, 3) &&
		(hasAny(words, "tonight", "alone", "own", "today", "now", "hospital", "street", "outside", "doorstep") || hasPhrase(words, "a e"))
}

// idioms are everyday words that hold a risk word and tell of no risk:
// "killing time", "hit me up", "the ground floor", and a loss to suicide
// spoken of as a loss.
var idioms = newPhraseSet([]string{"eye from netball", "eye from football", "eye from rugby", "eye from boxing", "eye from hockey", "eye from sport",
	"waking up early", "waking up at", "fit of giggles", "fit of laughter", "cant go on the", "cant go on a", "walked out of the meeting", "walked out of the session", "walked out of the class", "walked out of the group",
	"bridge club", "bridge group", "tether with the", "rope with the", "hitting the gym", "hits the gym", "hit the gym", "hit the ground running", "hit the road", "hit the sack",
	"beats her at", "beat her at", "beats him at", "beat him at", "beats me at", "screaming at the football", "screaming at the tv",
	"shouting at the tv", "shouting at the telly", "shouting at the football", "shouts at the tv", "shouts at the telly",
	"threatened to cancel", "threatening to cancel", "threatened to skip", "threatening to skip", "yellow fever", "bruises easily", "bruise easily", "bruising easily", "of the dark", "of spiders", "of dogs", "of needles",
	"of the dentist", "of heights", "of flying", "cant leave the house without", "any more calls", "any more referrals", "any more patients",
	"any more clients", "anymore calls", "anymore referrals", "self harm free", "selfharm free", "threatening to complain", "threatened to complain", "threatening to sue",
	"threatening legal action", "killing time", "killing it", "is killing me", "are killing me", "it killing me", "feet are killing", "hit me up", "bereaved by suicide", "bereavement by suicide",
	"died by suicide", "death by suicide", "loss to suicide", "lost to suicide", "panic attack last", "panic attacks in the past",
	"panic attack years", "panic attacks years", "asthma attack last", "asthma attack years", "ground floor", "first floor"})

// withoutIdioms is words without the idioms: words itself when they hold
// none.
func withoutIdioms(words []string) []string {
	return dropRuns(words, func(i int) int { return idioms.match(words, i) })
}
