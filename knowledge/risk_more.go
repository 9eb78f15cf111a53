package knowledge

// Risk as staff describe what they saw or were told, without its name:
// read from questions about risk written in everyday words. Each phrase
// list is one kind of risk; the functions below take the ones that need
// two things together.
var moreRiskPhrases = newPhraseSet([]string{
	// Ending one's life, said indirectly.
	"thanks for everything", "step off the", "step off a", "how easy it would be", "after he gone", "after she gone", "after i gone",
	"after hes gone", "after shes gone", "after im gone", "for when he gone", "for when she gone", "join her husband", "join his wife", "join my husband", "join my wife", "join her wife",
	"join his husband", "be with him again soon", "be with her again soon", "with his wife again", "with her husband again",
	"with my wife again", "with my husband again", "with her wife again", "with his husband again", "not coming back", "not come back", "never coming back",
	"want to be alive", "wants to be alive", "wanting to be alive", "to be alive any more", "to be alive anymore",
	// Self-harm.
	"banging his head", "banging her head", "bangs his head", "bangs her head", "head against the wall", "till it bleeds", "until it bleeds",
	// Sexual exploitation and abuse of children.
	"made to sleep with", "forced to sleep with", "pressured to sleep with", "made to see men", "made to see clients", "kept in a house",
	"kept in the house",
	// Neglect and confinement.
	"locked in", "locked her in", "locked him in", "locks them in", "fridge empty", "empty fridge", "fridge is empty", "mouldy food",
	// Domestic abuse and coercive control.
	"hand over her", "hands over her", "hand over his", "hands over his", "answers every question for her", "answers for her",
	"speaks for her", "talks for her", "looks at him before", "wont let her speak", "doesnt let her speak", "by the throat",
	"grabbed her", "grabbed him", "grabbed me", "turning up at her", "turning up at his", "hundreds of messages",
	"wont leave her alone", "wont leave him alone", "pushed her down", "pushed him down", "pushed her over", "down the stairs",
	"if she tells anyone", "if he tells anyone", "if they tell anyone", "if i tell anyone", "lose the kids", "take the kids away",
	"take the children away",
	// Financial abuse and scams.
	"safe account", "card and pin", "her pin", "his pin", "pin number", "never got done", "coming back for more", "rogue trader",
	"rogue traders", "move her savings", "move his savings", "bills arent being paid", "bills not being paid", "never met",
	// Slavery and trafficking.
	"cant leave until", "owes her boss", "owes his boss", "bringing her over", "brought her over", "bringing him over", "brought him over",
	// FGM and forced marriage.
	"taken back home for", "had it done as a girl", "had it done as a child", "become a woman", "become women", "make them clean", "make her clean", "be made clean", "to marry her cousin", "marry her cousin",
	// Radicalisation and threats to others.
	"wiped out", "fight for the cause", "going over to join", "going to be an attack", "an attack soon", "make her pay", "make him pay",
	"make them pay", "burn the surgery", "burn the house", "burn it down", "burn down", "set fire", "set it on fire",
	// A carer at breaking point.
	"shook her", "shook him", "shook the baby", "end of her tether", "end of his tether",
	// Medical emergencies.
	"catch his breath", "catch her breath", "catch my breath", "lips look blue", "looks blue", "look blue", "high temp", "high temperature",
	"never felt this ill", "doesnt fade", "dont fade", "wont fade", "glass test", "non blanching", "being sick",
	// Missing.
	"not been back", "hasnt been back", "not come home", "hasnt come home", "didnt come home", "keeps disappearing", "disappearing for",
	"comes back with injuries", "came back with injuries",
	// Psychosis and mania.
	"putting poison", "poison in his", "poison in her", "poisoning him", "poisoning her", "sending him messages", "sending her messages",
	"mission from god", "hasnt slept for days", "not slept for days", "feels nothing for the baby", "been swapped",
	// More hints of ending one's life.
	"tired of fighting", "done with all of it", "done with it all", "done with everything",
	"disappeared for good", "disappear for good", "gone for good", "would notice if", "anyone would notice", "would anyone notice",
	"looks like an accident", "look like an accident",
	// Children at risk.
	"offences against children", "sex offender", "meet him on his own", "meet her on her own",
	// Neglect, self-neglect and a home unsafe.
	"open wounds", "open wound", "carers didnt come", "carer didnt come", "carers havent been", "stuck in her chair",
	"stuck in his chair", "stuck in bed", "milk piling", "curtains shut", "seen out in", "post piling", "smell gas", "smelt gas",
	"smells of gas", "gas leak", "only way out", "uses candles", "candles for light", "bbq indoors", "barbecue indoors",
	"indoors to keep warm", "carbon monoxide", "black mould",
	// Domestic abuse, financial abuse and slavery.
	"round her throat", "around her throat", "round her neck", "around her neck", "round his throat", "around his throat",
	"to the cashpoint", "cash machine", "sign over", "signed over", "did all the talking", "does all the talking", "paid nothing",
	"get paid nothing", "not paid anything", "live above it", "answers for them", "pays for everything", "travel debt",
	"sleeps on the kitchen floor", "sleeps on the floor", "she cant leave", "he cant leave", "made clean",
	// Radicalisation, threats and weapons.
	"deserve to die", "deserves to die", "do something big", "doing something big", "planning something big", "race war", "holy war",
	"deserve whats coming", "whats coming to them", "fertiliser in bulk", "prove his loyalty", "prove her loyalty", "sort the doctor out",
	"sort him out", "sort her out",
	// Missing.
	"wandered off", "nobody can find", "no one can find", "noone can find", "cant find him", "cant find her", "hasnt been home",
	"not been home", "havent seen him since", "havent seen her since",
	// Set 17's kinds, in their own words and others'.
	"wont be a bother", "be a bother much", "not be a bother", "to the bridge", "rather die", "rather be dead", "by his own hand",
	"by her own hand", "by their own hand", "life insurance", "goes missing", "going missing", "keeps going missing", "be killed",
	"abroad to fight", "to fight for", "going to stab", "gonna stab", "will stab", "going to kill", "gonna kill", "going to hurt",
	"gonna hurt", "pillow over", "and then myself", "locking her", "locking him", "locking them", "lock her in", "lock him in",
	"stiff neck", "neck is stiff", "cant bear the light", "hasnt come back", "didnt come back", "curtains are closed",
	"curtains still closed", "curtains are shut", "couldnt go on", "could not go on", "chosen by god", "message from god", "god told",
	"body was rotting", "body is rotting", "couldnt tell me where", "into the road", "lose control and", "cold turkey", "seeing insects",
	"seeing bugs", "seeing things that", "smell of gas", "rough with her", "rough with him", "rough with them", "scared to ring",
	"scared to say", "frightened to say", "afraid to say", "wet pads", "crying for water", "nobody came", "not to mention",
	"asked me not to tell", "keep her quiet", "keep him quiet", "keep them quiet", "makes her do things", "made her do things",
	"makes him do things", "made him do things", "from her purse", "from his wallet", "as punishment", "as a punishment", "split lip",
	"didnt mean it", "looked terrified", "looks terrified", "seemed terrified", "muted herself", "here i cant talk", "answered every question",
	"answers every question", "wouldnt leave the room", "wont leave the room", "paid them thousands", "let the carers in",
	"wont buy food", "losing weight fast", "pressure sores", "fridge was empty", "candles burning",
	// Set 18's kinds, in their own words and others'.
	"finally at peace", "at peace now", "made my decision", "made her decision", "made his decision", "dont contact me again",
	"please dont contact me", "things to herself", "things to himself", "things to themselves", "to feel better when", "candles lit",
	"sleeps in a chair", "paths are blocked", "sign cheques", "signs cheques", "looks frightened", "looked frightened", "seems frightened",
	"looks scared", "looked scared", "in exchange for a room", "in exchange for somewhere", "works for a room", "closed as a girl",
	"cant do it anymore", "cant do it any more", "walk out and leave", "lose it with", "going to lose it", "been up for", "up for days",
	"god has chosen", "chosen her", "chosen him", "going to die", "cant get her breath", "cant get his breath", "cant get my breath",
})

// moreRiskWords tell of risk whatever else is said.
var moreRiskWords = []string{"shotgun", "firearm*", "rifle", "extremis*", "radicalis*", "radicaliz*", "mottled", "flinch*", "blade", "blades", "machete*"}

// describedRisk reports the words above and what needs two things: a
// number of tablets looked up, insulin skipped on purpose, a swelling
// face, a head injury, a marriage refused, a child filmed or at a
// ceremony. The phrases above are read with the others in saidOutright
// (risk_more3.go).
func describedRisk(words []string) bool {
	if hasAny(words, moreRiskWords...) {
		return true
	}
	if (hasPhrase(words, "how many") && hasAny(words, "take", "kill", "overdose", "would") || hasPhrase(words, "too much") && hasAny(words, "kill", "die", "overdose", "would")) && hasAny(words, medicines...) {
		return true // "googling how many paracetamol it would take"
	}
	onPurpose := hasPhrase(words, "on purpose") || hasAny(words, "deliberately")
	if (hasAny(words, "insulin") && (onPurpose || hasPhrase(words, "lose weight")) || hasAny(words, "meds", "medication*", "tablets") && onPurpose) &&
		hasAny(words, "skip*", "stopped", "missing", "not") {
		return true
	}
	if near(words, []string{"lips", "tongue", "throat", "face", "mouth"}, []string{"swell*", "swollen", "tingl*", "tight", "closing", "itchy"}, 3) {
		return true // anaphylaxis
	}
	if near(words, []string{"banged", "bumped", "hit", "knocked", "banging"}, []string{"head"}, 3) &&
		hasAny(words, "drowsy", "sick", "vomiting", "confused", "fell", "fall", "unconscious", "sleepy") {
		return true // a head injury
	}
	if near(words, []string{"marry", "marriage", "wedding", "married"}, []string{"refuse*", "refusing", "disown*", "forced", "against", "pressure*", "understand", "doesnt", "dont"}, 7) &&
		!hasAny(words, "anxious", "anxiety", "nervous") {
		return true // forced marriage
	}
	if hasAny(words, cutWords...) && (hasPhrase(words, "have it done") || hasPhrase(words, "had it done")) {
		return true // FGM
	}
	if hasPhrase(words, "met online") && hasAny(words, "sent", "money", "transfer*", "pay", "paid", "wants", "send") {
		return true // a romance scam
	}
	if hasPhrase(words, "knows where") && hasAny(words, "regret", "pay", "sorry", "get") {
		return true // a threat to someone whose whereabouts he knows
	}
	if hasAny(words, "marriage", "marry", "wedding") && (hasAny(words, "passport*", "gay", "disown*") || hasPhrase(words, "not allowed") ||
		near(words, []string{"taken", "sent", "take", "send", "sending", "taking", "takes"}, []string{"abroad", "country", "overseas"}, 4)) {
		return true // forced marriage
	}
	if hasAny(words, "marriage", "marry", "married", "wedding") && hasAny(words, "forcing", "force", "forces", "forced", "pressuring", "making") {
		return true // forced marriage
	}
	if hasPhrase(words, "the cut") && hasAny(words, "girl", "girls", "daughter*", "niece*", "granddaughter*") {
		return true // FGM
	}
	if hasAny(words, "hoard*") && hasAny(words, "candle*", "blocked", "fire", "cant") {
		return true // a hoarded home, a fire risk
	}
	if near(words, []string{"talk"}, []string{"home", "here", "back"}, 3) && hasAny(words, "cant", "cannot") {
		return true // "can't talk, he's home"
	}
	if near(words, []string{"lock", "locks", "locked", "locking"}, []string{"room", "bedroom", "house", "flat"}, 7) && !hasAny(words, "out", "locker*", "keys", "lockdown") {
		return true // someone locked in
	}
	if hasAny(words, "ceremony", "ceremonies") && hasAny(words, "girl", "girls", "daughter*", "niece*") {
		return true // FGM
	}
	if near(words, []string{"given", "gave", "giving", "give"}, []string{"dog", "dogs", "cat", "cats", "pet", "pets", "watch", "ring", "jewellery"}, 6) &&
		(hasAny(words, "will", "bother", "quiet", "keep", "stopped", "sorry", "goodbye*") || hasPhrase(words, "lost weight")) {
		return true // giving things away, with affairs in order or a change in them
	}
	if near(words, []string{"slept", "sleep", "sleeping"}, []string{"days", "nights"}, 4) && hasAny(words, "hasnt", "not", "no", "havent") &&
		hasAny(words, "god", "chosen", "mission", "savings", "spent", "spending", "fast", "voices") {
		return true // mania
	}
	if neglectSeen(words) {
		return true
	}
	child := atRiskPerson(words) || hasPhrase(words, "young person") || hasAny(words, schoolAge...)
	return child && (childSigns.in(words) || hasAny(words, "filming", "filmed", "photographing", "photographed", "ceremony", "ceremonies", "injuries", "injured", "forums") ||
		distinctLures(words) >= 2 || hasPhrase(words, "black mould") || hasAny(words, "newborn", "baby", "babies", "toddler*") && hasAny(words, "mould", "mouldy", "damp"))
}

// Risk spoken of as a subject or as the past: learning to recognise it,
// training, a news story, how to record it, or a loss years ago and a
// danger now over. It gets no safety reply.
var (
	subjectFraming = []string{"training", "prevention", "learn", "learning", "recognise", "recognize", "signs", "awareness", "course*",
		"policy", "procedure*", "lead", "difference", "counts", "record", "recording", "notes", "news", "story", "services", "signpost*",
		"general", "resources", "ourselves", "module*", "webinar*", "definition", "mean", "means", "guide", "guidance", "reflect", "reflection", "reflective", "include", "includes", "template*", "form", "forms",
		"spot", "spotting", "identify", "identifying", "pathway*", "protocol*", "documented", "poster*", "leaflet*", "briefing*"}
	// persons are words that tell of someone in particular.
	persons  = []string{"patient*", "client*", "he", "she", "him", "her", "hes", "shes", "man", "woman", "lady", "boy", "girl", "mum", "dad", "son", "daughter", "husband", "wife", "partner", "child", "pt", "gentleman", "lad"}
	pastOver = []string{"years ago", "year ago", "last year", "in the past", "months ago", "used to", "as a teenager", "last month", "recovering from",
		"last spring", "last summer", "last autumn", "last winter", "earlier this year",
		"recovery from", "recovered from"}
	nowSafe = []string{"safe now", "now safe", "shes safe", "hes safe", "is safe", "rehoused", "moved on", "died by suicide", "lost her husband to",
		"lost his wife to", "bereaved by", "well now", "wants to get back", "get back to", "get more active", "be more active", "dealt with",
		"took his own life", "took her own life", "took their own life", "recovering from", "recovery from", "recovered from",
		"die by suicide", "had the review", "support staff", "handled it", "was handled", "now closed", "is closed", "was closed", "been closed",
		"closed by", "doing well", "been resolved", "was resolved", "lost a patient to", "debrief", "postvention", "been housed", "is settled"}
)

// subjectNotCovered reports, of a risk spoken of as a subject, whether it
// is one the content does not cover (training, policy, a lead) rather than
// one an article speaks of: how supervision kinds differ, how to record a
// concern, support for the team.
func subjectNotCovered(words []string) bool {
	return hasAny(words, aboutTheSubject...) && !hasAny(words, "difference", "ourselves", "record", "recording", "notes")
}

// hypothetical reports a question about what to do in a kind of case, not
// a case: "the usual process when a patient discloses self-harm".
func hypothetical(words []string) bool {
	if !hasAny(words, "process", "procedure*", "policy", "protocol", "steps", "usually", "usual") {
		return false
	}
	return hasPhrase(words, "when a") || hasPhrase(words, "if a") || hasPhrase(words, "when someone") || hasPhrase(words, "if someone")
}

// learningToTalk reports training in how to talk about a risk: "how to
// talk to a patient about suicide - training".
func learningToTalk(words []string) bool {
	return hasAny(words, "training", "course*", "module*", "webinar*", "elearning") &&
		(hasPhrase(words, "how to") || hasPhrase(words, "how do i") || hasPhrase(words, "how do we")) &&
		(hasPhrase(words, "a patient") || hasPhrase(words, "a client") || hasAny(words, "someone", "people", "patients", "clients"))
}

// signsInGeneral reports a question about the signs of a risk in people
// in general, not in someone in particular: "the signs of financial abuse
// to look out for in older patients".
func signsInGeneral(words []string) bool {
	return hasAny(words, "signs", "indicators", "flags") &&
		hasAny(words, "patients", "people", "clients", "adults", "carers", "families", "residents") &&
		!hasAny(words, "he", "she", "him", "her", "hes", "shes", "his", "this", "man", "woman", "lady", "boy", "girl", "lad", "gentleman", "pt")
}

// despairSaid are the words of someone's own despair, not of a subject.
var despairSaid = newPhraseSet(hopelessPhrases)

// askedInDespair reports a question asked out of someone's own despair or
// intent, which opens like a definition only because "she asked" was
// dropped before it: "what is the point in living", "what a lethal dose
// is", "what happens if you take 50 tablets".
func askedInDespair(words []string) bool {
	return despairSaid.in(words) || hopelessMore.in(words) || farewellPhrases.in(words) || askedOfAmounts(words)
}

// askedOfAmounts reports a question of a lethal amount, a painless or a
// quick death, or of what a count of tablets does.
func askedOfAmounts(words []string) bool {
	if near(words, []string{"lethal", "fatal", "deadly"}, []string{"dose", "doses", "amount", "overdose", "much", "many"}, 2) ||
		near(words, []string{"painless", "quickest"}, []string{"death", "die", "dying"}, 3) || hasPhrase(words, "painless way") || hasPhrase(words, "most painless") {
		return true
	}
	return hasPhrase(words, "what happens if") && hasAny(words, medicines...) && (hasAny(words, "all", "lot", "whole", "too") || agedOver(words, 15))
}

// kindsCompared reports a question on how kinds of a risk differ, of no
// one in particular: "the difference between safeguarding adults and
// children".
func kindsCompared(words []string) bool {
	return hasPhrase(words, "difference between") && !hasAny(words, "he", "she", "him", "her", "hes", "shes", "his", "pt", "my", "this")
}

// firstAidLearnt reports a question about first aid training, which
// teaches what to do in an emergency and tells of none.
func firstAidLearnt(words []string) bool {
	return hasPhrase(words, "first aid") && hasAny(words, "training", "course", "courses", "class", "classes", "certificate")
}

// riskAsSubject reports whether a question that names a risk speaks of it
// as a subject (no one in particular, and a word of learning, policy or
// recording) or as a danger over (years ago, and safe now or a loss).
func riskAsSubject(words []string) bool {
	if hypothetical(words) || learningToTalk(words) || signsInGeneral(words) || kindsCompared(words) || firstAidLearnt(words) {
		return true
	}
	if (hasAny(words, subjectFraming...) || asksWhatIs(words) || definitionAsked(words)) && !hasAny(words, persons...) && !atRiskPerson(words) && !hasPhrase(words, "service user") &&
		!askedInDespair(words) {
		return true
	}
	past := false
	for _, p := range pastOver {
		past = past || hasPhrase(words, p)
	}
	if !past {
		return false
	}
	for _, p := range nowSafe {
		if hasPhrase(words, p) {
			return true
		}
	}
	return false
}

// distinctLures counts the different things a child is said to be given
// or to have come by: "loads of cash and new trainers".
func distinctLures(words []string) int {
	seen := map[string]bool{}
	for _, w := range words {
		if hasAny([]string{w}, lureWords...) {
			seen[w] = true
		}
	}
	return len(seen)
}

// childSigns tell of a child at risk only when said of a child: "a 7yo
// keeps coming in with marks", "staying at different men's flats".
var childSigns = newPhraseSet([]string{"different men", "older men", "with marks", "falls a lot", "keeps falling over", "wont say why", "wont say who",
	"wont say where", "on his own with", "on her own with", "losing weight"})

// selfNeglect is what is seen of someone neglected, by others or by
// themselves: a child's look (neglectSigns), a home without food or
// heat, someone left alone in bed with sores.
var selfNeglect = newPhraseSet(neglectSigns, []string{"no drink", "soiled", "full of rubbish", "not washing", "not eating", "leave me be",
	"no electric", "no electricity", "food gone off", "what day it was", "on her own", "on his own", "no food", "no heating", "filthy",
	"mouldy", "cant find his insulin", "cant find her insulin", "open wounds", "stopped taking", "not been", "hasnt been", "havent been",
	"bedbound", "bed bound", "alone", "not eaten", "hasnt eaten", "pressure sores", "sores", "left alone", "no money for food", "freezing",
	"surrounded by rubbish", "no water", "no running water"})

// vulnerableWords tell of someone who depends on others' care.
var vulnerableWords = []string{"dementia", "disabilit*", "disabled", "frail", "housebound", "bedbound", "parkinson*", "alzheimer*", "learning"}

// neglectSeen reports three signs of neglect, or two of someone who
// depends on others' care or is old: "88, not washing, not eating, on her
// own".
func neglectSeen(words []string) bool {
	n := selfNeglect.count(words)
	if n >= 3 {
		return true
	}
	if n < 2 {
		return false
	}
	if atRiskPerson(words) || hasAny(words, vulnerableWords...) {
		return true
	}
	for _, w := range words {
		if age := leadingNumber(w); age >= 75 && age < 115 {
			return true
		}
	}
	return false
}

// definitionAsked reports a short question that opens by asking what a
// thing is, whatever follows: "what is a welfare check and who does it".
func definitionAsked(words []string) bool {
	return len(words) <= 10 && (hasPrefix(words, []string{"what", "is"}) || hasPrefix(words, []string{"what", "are"}) || whatsArticle(words))
}
