package knowledge

// Risk told by two things together that are each ordinary alone: a high
// or lonely place and someone on its edge, a cord or a poison and what is
// done with it, a belief and a danger it drives, a hand raised to someone,
// a partner's watch, money and who is taking it, a child and an adult's
// drink or drugs, a frail person and a home that has failed them.
var (
	// highPlaces are where someone may go to end their life.
	highPlaces = []string{"ledge", "balcony", "cliff", "cliffs", "roof", "rooftop", "multistorey", "multi", "bridge", "tracks", "railway",
		"motorway", "carriageway", "pier", "quarry", "viaduct", "flyover", "dam", "reservoir", "crossing"}
	// onTheEdge is someone at such a place, not passing it.
	onTheEdge = []string{"stood", "standing", "stand", "sat", "sitting", "climbed", "climbing", "edge", "leaning", "hanging", "top", "jump*", "sorry", "goodbye*", "tonight", "staring"}
	// meansOfHarm are cords, poisons and things swallowed.
	meansOfHarm = []string{"hosepipe", "hose", "exhaust", "belt", "scarf", "cord", "cable", "flex", "bleach", "batteries", "battery", "magnets",
		"antifreeze", "weedkiller", "charcoal", "banister", "beam"}
	meansUsed = []string{"tied", "tying", "ties", "practising", "practicing", "swallow*", "drinking", "drank", "drunk", "ate", "eating", "hidden",
		"hiding", "hid", "attached", "car", "garage", "loft", "shed"}
	// beliefs are what a psychosis may tell someone.
	beliefs = []string{"chip", "microchip", "implant*", "spies", "spying", "jesus", "god", "devil", "satan", "evil", "possessed", "demons",
		"aliens", "mi5", "cia", "messiah", "prophet", "cursed", "witch*", "impostor", "imposter", "replaced"}
	believing = []string{"thinks", "think", "believes", "believe", "convinced", "sure", "insists", "says", "calling", "told", "tells"}
	// beliefHarms are what such a belief may drive.
	beliefHarms = []string{"attack", "kill", "hurt", "harm", "cut", "stab", "traffic", "road", "jump", "fire", "burn", "weapon", "bat",
		"knife", "die", "punish", "evil", "rid"}
	// handRaised are blows and holds, done to someone named next.
	handRaised = []string{"headbutt*", "pinch*", "slap*", "punch*", "kick", "kicks", "kicked", "kicking", "scald*", "spat", "spits",
		"spitting", "shov*", "grabbed", "grabbing", "grabs", "throttl*", "chok*", "strangl*", "smack*", "whip*", "thump*", "belted", "hit", "hits",
		"hitting", "slammed", "twisted"}
	// watchCues are a partner's watch over someone.
	watchCues = []string{"permission", "cameras", "allowance", "receipts", "passcode", "password", "passwords", "approve", "approves"}
	// takers are who may take a person's money.
	takers = []string{"friend", "friends", "neighbour*", "gang", "dealer*", "lads", "builder*", "trader*", "stranger*", "lodger*", "boyfriend",
		"girlfriend", "nephew*", "niece*", "grandson*", "granddaughter*", "son", "daughter", "carer*", "helping", "helper", "man", "men"}
	takenMoney = []string{"money", "pension", "savings", "cash", "card", "bank", "benefits", "loan", "loans", "account", "wages"}
	takenWords = []string{"spend", "spends", "spent", "spending", "taking", "took", "taken", "takes", "empty", "emptied", "drained", "loans",
		"owes", "handed", "handing", "withdraw*", "borrowing", "borrows", "borrowed"}
)

// cuedRisk reports two of the things above together.
func cuedRisk(words []string) bool {
	if hasAny(words, highPlaces...) && hasAny(words, onTheEdge...) && (hasAny(words, persons...) || hasAny(words, "night", "tonight", "late", "alone")) && !hasAny(words, "club", "group", "walk", "walking", "cleaner*", "repair*", "fixed", "fix") {
		return true // "stood on the ledge of her balcony"
	}
	if near(words, meansOfHarm, meansUsed, 4) && !hasAny(words, "cleaning", "clean", "cleaner*") {
		return true // "a belt tied to the banister", "swallowing batteries"
	}
	if hasAny(words, beliefs...) && hasAny(words, believing...) && hasAny(words, beliefHarms...) && !hasAny(words, "church", "faith", "pray*", "mosque", "temple") {
		return true // "thinks the gp put a chip in his head and will get it out"
	}
	for i := 0; i+1 < len(words); i++ {
		if hasAny(words[i:i+1], handRaised...) && hasAny(words[i+1:i+2], "her", "him", "them", "me", "mum", "dad", "wife", "husband", "baby", "child") &&
			(i+2 == len(words) || !hasAny(words[i+2:i+3], "up", "off", "back", "through", "forward", "target*", "deadline*", "limit")) {
			return true // "pinches her", "slapping her husband"
		}
	}
	if hasAny(words, watchCues...) && hasAny(words, "partner", "husband", "boyfriend", "ex", "wife", "girlfriend") && hasAny(words, "her", "him") &&
		!hasAny(words, "joint", "together", "agree*") {
		return true // "her partner has put cameras in and watches her"
	}
	if hasAny(words, takenMoney...) && hasAny(words, takers...) && hasAny(words, takenWords...) &&
		(hasAny(words, vulnerableWords...) || hasAny(words, "older", "elderly", "nan", "gran", "ld", "vulnerable", "lady", "gentleman", "gent", "mrs", "mr") || agedOver(words, 70)) {
		return true // "a neighbour 'helping' and her bank account empty"
	}
	if hasAny(words, "receipts", "allowance", "permission") && near(words, []string{"he", "she", "they"}, []string{"gives", "checks", "makes", "decides"}, 1) {
		return true // "he gives her ten pounds a week and checks the receipts"
	}
	for i := 0; i+2 < len(words); i++ {
		if hasAny(words[i:i+1], "make", "makes", "made", "making", "forces", "forced", "forcing") && hasAny(words[i+1:i+2], "her", "him", "them", "me") &&
			hasAny(words[i+2:i+3], "send", "tell", "ask", "hand", "give", "stay", "sleep", "wear", "sit", "kneel", "beg", "sign", "stand", "hold", "carry",
				"sell", "steal", "buy", "deliver", "take") {
			return true // "makes her send him where she is", "makes her ask permission"
		}
	}
	if hasAny(words, "purif*", "cleanse*", "cleansed") && hasAny(words, "girl", "girls", "daughter*", "niece*", "granddaughter*") {
		return true // FGM
	}
	if hasAny(words, "won", "winner", "prize", "lottery", "inheritance") && hasAny(words, "send*", "sent", "pay*", "paid", "fee", "fees", "release", "claim", "cheque*") {
		return true // a prize scam
	}
	return harmInCare(words)
}

// harmInCare reports a child with a drunk or absent adult, or sent to
// another town; a frail person unfed, unwashed, sat in one place for
// days or lost out in the cold; a wound gone bad.
func harmInCare(words []string) bool {
	child := atRiskPerson(words) || hasAny(words, schoolAge...)
	if child && hasAny(words, "drunk", "wasted", "stoned", "intoxicated", "unconscious") {
		return true // "too drunk to stand with the kids"
	}
	if child && hasAny(words, "found", "taken", "picked", "going", "goes") && hasAny(words, "city", "town", "another", "drugs") && hasAny(words, "drugs", "twice", "again", "police", "missing") {
		return true // found in another city with drugs
	}
	if child && hasAny(words, "left") && hasAny(words, "night", "overnight", "weekend", "days") && hasAny(words, "look", "alone", "own", "themselves", "unsupervised", "baby") {
		return true
	}
	if child && hasAny(words, adults...) && (hasPhrase(words, "doesnt like it when") || hasPhrase(words, "dont like it when") || hasPhrase(words, "scared when")) {
		return true
	}
	stuck := hasPhrase(words, "same chair") || hasPhrase(words, "same clothes") || hasPhrase(words, "wet through") || hasPhrase(words, "hasnt moved") ||
		hasPhrase(words, "not moved") || hasPhrase(words, "sat in wet") || hasPhrase(words, "sat in soiled") || hasPhrase(words, "sat in her own") || hasPhrase(words, "sat in his own")
	if stuck && hasAny(words, "days", "hours", "night", "week", "all") {
		return true // "in the same chair for two days, wet through"
	}
	frail := hasAny(words, vulnerableWords...) || hasAny(words, "elderly", "older", "old", "nan", "gran", "grandad") || agedOver(words, 75)
	lost := hasAny(words, "lost", "wandering", "wandered", "found") && hasAny(words, "snow", "night", "cold", "freezing", "road", "traffic", "carriageway", "motorway", "rain", "pyjamas",
		"nightdress", "nightie", "nightgown", "slippers", "outside")
	if frail && (lost || hasAny(words, "walking") && hasAny(words, "carriageway", "motorway", "traffic")) {
		return true // "got lost in the snow"
	}
	if near(words, []string{"wound", "ulcer", "foot", "toe", "toes", "stump"}, []string{"black", "smells", "smelly", "pus", "green", "oozing", "rotting", "maggots"}, 5) {
		return true
	}
	if near(words, []string{"fire", "heater", "candle*", "cooker"}, []string{"newspapers", "rubbish", "clutter", "boxes", "piles"}, 5) {
		return true // a fire risk among hoarded things
	}
	if hasAny(words, "tell", "tells", "telling") && hasAny(words, lovedOnes...) && hasAny(words, "sorry") && hasAny(words, "love", "loves") {
		return true // "tell his daughter he's sorry and he loves her"
	}
	return hasAny(words, "marry", "married", "marriage", "wedding") && (hasPhrase(words, "doesnt want to") || hasPhrase(words, "dont want to") || hasPhrase(words, "no choice")) &&
		hasAny(words, "being", "made", "family", "parents", "cousin", "arranged", "planning", "planned", "chosen", "picked")
}

// cuePhrases are more of what is said of such risk in a few words.
var cuePhrases = newPhraseSet([]string{
	"wont be alive", "not be alive", "never come back", "in the ground", "calling him home", "calling her home", "do something to himself",
	"do something to herself", "do something to myself", "not be safe", "wont be safe", "nothing left for", "got nothing left",
	"finishing it", "finish it all", "finish myself", "sleep for good", "asleep for good", "happier if i", "happier if she just", "happier if he just",
	"happier without me", "happier without her", "happier without him", "easier without me", "easier without her", "easier without him",
	"easier for everyone", "easier for everybody", "just vanished", "vanish forever", "her time to go", "my time to go", "his time to go",
	"get it out", "watches her", "watching her", "watches him", "watching him", "stepping out in front", "step out in front", "stepped out in front",
	"pouring with blood", "pouring blood", "blood everywhere", "lot of blood", "lots of blood", "wont stop bleeding", "handprint",
	"finger marks", "fingermarks", "gets rough", "rough when", "teach her a lesson", "teach him a lesson", "pillow on", "fend for herself",
	"fend for himself", "isnt being fed", "not being fed", "alone for hours", "on his own for hours", "on her own for hours",
	"piling up behind", "papers piling", "full of rubbish", "squalor", "no running water", "worst headache", "headache of her life",
	"headache of his life", "look at light", "look at the light", "isnt moving", "stopped moving", "not moving at all", "cant move her",
	"cant move his", "bitterly cold", "into traffic", "in front of traffic", "driving past her",
	"drives past her", "driving past his", "different shops", "different chemists", "wont come down", "lives above it", "sleeps above it", "lives in the back", "sleeps in the back", "paid in food",
	"answered for her", "answered for him", "held her passport", "holds her passport", "held his passport", "holds his passport",
})
