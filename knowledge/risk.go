package knowledge

import (
	"slices"
	"strings"
)

// Risk to someone is recognised by concept, not by one fixed string: people
// rarely say "suicide" or "domestic abuse", they say "she doesn't see the
// point in going on" or "her partner checks her phone". Each concept below
// is a set of words and phrases, and some are a pair of word sets that must
// both be in the question (a harm word and "myself"; a harm word and a
// partner or "at home"). A false safety reply costs little and a missed one
// a lot, so when in doubt the question is taken as about risk.
//
// The one exception is a question about safeguarding or safety as a
// subject ("safeguarding training dates", "fire safety training", "who is
// the safeguarding lead") with nothing in it that tells of a person at
// risk: that is a question about training or policy, which the content does
// not cover, so it gets an honest "not sure", neither the safety reply nor
// a guess.

// Prefixes end in "*", as hasAny reads them.
var (
	// riskWords tell of risk to someone whatever else the question says.
	riskWords = []string{
		"suicid*", "overdos*", "selfharm*", "razor*", "terror*", "abusing", "abusive",
		"unconscious", "collaps*", "emergency", "danger*",
		"coercive*", "violent", "stroke",
		"assault*", "rape", "raped", "rapes", "raping", "rapist*", "groomed", "trafficked", "hits", "hitting", "beaten", "beats",
		"unsafe", "killing", "harmed", "harming", "faint*", "unresponsive", "seizure*", "fitting", "choking", "bleeding", "overdosed",
		"bruise*", "bruising", "anaphyla*", "hopeless", "strangled", "strangling", "molested", "battered",
		"stockpil*", "ligature*", "noose", "slurr*", "clammy", "nude", "nudes",
		// Threats, weapons, aggression, exploitation and scams.
		"threat*", "knife", "knives", "weapon*", "gun", "guns", "aggressive", "aggression", "cuckoo*", "scam*",
	}
	riskPhrases = []string{
		"self harm", "self harming", "harm themselves", "harm himself", "harm herself", "harming themselves",
		"hurt themselves", "hurting themselves", "kill themselves", "kill himself", "kill herself", "kill myself",
		"end their life", "end his life", "end her life", "take their own life", "not breathing", "chest pain", "chest pains",
		"risk of harm", "heart attack", "want to die", "wants to die", "wanting to die",
		"end it all", "ending it all", "end my life", "take my own life", "not safe",
		"dont want to be here", "doesnt want to be here", "not want to be here",
		"dont want to live", "doesnt want to live", "no reason to live", "nothing to live for", "left to live for", "nobody to live for",
		"no one to live for", "noone to live for", "nothing worth living for", "no reason to carry on", "no reason to keep going",
		"better off dead", "better off without", "cant go on", "cannot go on",
		"hang myself", "hang himself", "hang herself", "not waking", "isnt waking", "wont wake", "cant wake",
		"scared to go home", "hit her", "hit him", "hit me", "hit them",
		"hearing voices", "voices tell", "voices telling",
		"gone missing", "went missing", "is missing", "going to jump", "jump off",
		"too many pills", "too many tablets", "taken too many", "took too many", "end it", "ending it", "ending things", "end things",
		"cant breathe", "struggling to breathe", "difficulty breathing", "panic attack", "controlled by", "hasnt eaten",
		"not looking after", "passed out", "passing out", "blue lips", "allergic reaction", "cardiac arrest", "not responding",
		"black eye", "marks on", "burn marks",
		"county lines", "county line", "send pictures", "send photos", "send images", "having a fit", "had a fit", "having fits",
		"stopped eating", "not eating or drinking", "not eating and drinking", "isnt eating", "very unwell", "seriously unwell",
		"really unwell", "grey and sweating", "jump from", "jump in front", "in front of a train", "step in front",
	}

	// hopelessness: how people say that they, or someone, may be thinking
	// of ending their life, without saying so.
	hopelessPhrases = []string{
		"no point in going", "point in going on", "point in carrying on", "point in living", "point of living", "point in life",
		"point in anything", "point anymore", "point any more", "going on anymore", "go on anymore", "carry on anymore",
		"cant carry on", "cannot carry on", "cant take it anymore", "cant take it any more", "cant take any more", "cant do this anymore",
		"not worth living", "isnt worth living", "life isnt worth", "life is not worth", "life not worth", "no reason to go on",
		"something stupid", "something silly", "something daft", "no way out", "give up on life", "given up on life", "giving up on life",
		"gave up on life", "goodbye letter", "suicide note", "not be around", "wont be around",
		"not be here anymore", "wont be here anymore", "not be around anymore", "wish i was dead", "wish i were dead", "wishes he was dead",
		"wishes she was dead", "no hope", "lost all hope", "end of my tether", "disappear forever", "sleep and not wake", "go to sleep and not",
		"never wake up", "not wake up", "nobody would miss", "no one would miss", "wouldnt miss me", "wouldnt miss him", "wouldnt miss her",
		"if i was gone", "if he was gone", "if she was gone", "if i wasnt here", "better off gone", "everything to stop", "it all to stop",
		"make it all stop", "a burden", "burden to", "see the point of", "see the point in", "see the point anymore", "point of anything",
		"to disappear", "goodbye note", "letter saying goodbye", "ending her life", "ending his life", "ending their life", "ending my life",
		"take her own life", "take his own life", "taking her own life", "taking his own life", "taking their own life", "took her own life",
		"took his own life", "better off not", "not around anymore", "not around any more", "not here anymore", "not here any more",
		"wont be here", "not be here", "not going to be here", "not going to be around", "be gone soon",
		"take his life", "take her life", "take their life", "taking his life", "taking her life", "be dead",
		"live or die", "lives or dies", "if i died", "if he died", "if she died", "ways to die", "how to die", "want to be dead",
		"had enough of life", "sick of life", "tired of life", "tired of living", "sick of living", "enough of living",
	}

	// Thoughts that tell of risk said of oneself or another: "having dark
	// thoughts", "intrusive thoughts", "in a dark place".
	darkWords    = []string{"dark", "darker", "darkest", "intrusive", "horrible", "scary", "awful", "terrible", "unwanted", "frightening", "disturbing", "bad"}
	thoughtWords = []string{"thought", "thoughts", "urges"}
	// How a person says they are not coping themselves: "struggling
	// myself", next to a word of low mood.
	lowMood = []string{"dark", "low", "down", "cope", "coping", "anymore", "mentally", "breaking", "broken", "desperate", "crying"}

	// Marks on the body: "cuts on her arms", "burns on his legs".
	bodyMarks = []string{"cut", "cuts", "mark", "marks", "burns", "burn", "scars", "scar", "scratches", "scratch*", "wounds", "wound", "gashes", "gash", "plasters", "bandages", "bandaged"}
	bodyParts = []string{"arm", "arms", "forearm*", "wrist*", "leg", "legs", "thigh*", "skin", "neck", "stomach", "hands", "chest"}
	// Harm described as how someone copes: "says it's how she copes".
	copingPhrases = []string{"how she copes", "how he copes", "how they cope", "how i cope", "way of coping", "way to cope", "helps her cope", "helps him cope", "helps them cope", "helps me cope"}

	// A welfare concern: someone not seen, not answering, or found fallen.
	welfarePhrases = []string{"welfare check", "welfare concern", "safe and well check", "on the floor", "on the ground", "cant get up", "couldnt get up",
		"cannot get up", "unable to get up", "fallen and", "curtains closed", "curtains drawn", "post piling up", "milk on the doorstep",
		"nobody has seen", "no one has seen", "noone has seen", "dark place", "bad place", "dark times"}
	unseenWords = []string{"seen", "heard"}
	unseenNots  = []string{"not", "havent", "hasnt", "nobody", "noone", "never"}
	unseenWho   = []string{"her", "him", "them", "she", "he", "they", "anyone", "anybody", "pt", "client", "patient", "mr", "mrs", "ms", "man", "lady",
		"woman", "gent", "gentleman"}
	spanWords   = []string{"days", "week", "weeks", "ages", "yesterday", "since", "weekend", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
	answerWords = []string{"answer", "answering", "answered", "opening", "open", "responding", "picking", "picked"}
	answerOf    = []string{"door", "phone", "calls", "call", "texts", "messages"}
	welfareWhy  = []string{"vulnerable", "elderly", "alone", "always", "usually", "neighbour*", "worried", "frail", "unwell", "unusual", "normally", "never", "odd", "strange",
		"milk", "post", "curtains", "lights", "dog", "barking", "smell", "bins", "locked", "dementia", "knocking", "knocked"}

	// A harm word next to a reflexive word is harm to oneself: "thought
	// about hurting myself", "cutting herself".
	selfHarmActs = []string{"hurt", "hurts", "hurting", "harm", "harms", "cut", "cuts", "cutting", "burn", "burns", "burnt", "burned", "scratch*", "bites", "biting", "kill", "kills", "injur*", "punish*",
		"starv*", "hang", "hanging", "poison*", "strangl*", "suffocat*", "drown*", "stab", "stabbing", "shoot", "burning", "sacrific*"}
	reflexives = []string{"myself", "himself", "herself", "themselves", "themself", "yourself", "ourselves"}

	// harmActs are what a person may suffer at someone's hands.
	harmActs = []string{"hit", "hits", "hitting", "hurt", "hurts", "hurting", "beat", "beats", "beating", "beaten", "slap*", "punch*",
		"kick", "kicks", "kicked", "kicking", "smack*", "strangl*", "choke", "choked", "chokes", "touched", "touching", "touches",
		"abused", "assaulted", "attacked", "threatened", "starved", "bitten"}
	// passiveActs are the harm acts that, suffered, tell of risk however
	// said ("was hit"); hurtWords only when ongoing ("being hurt"), as
	// "was hurt in a fall" is not.
	hurtWords   = []string{"hurt", "hurts", "hurting"}
	passiveActs = slices.DeleteFunc(slices.Clone(harmActs), func(w string) bool { return slices.Contains(hurtWords, w) })
	// passiveWords before a harm act say someone suffers it: "being hit".
	passiveWords = []string{"being", "been", "getting", "got", "gets", "get", "was", "is", "were", "are"}
	// abusers are who may harm someone at home; "home" is the place.
	abusers = []string{"partner*", "husband*", "wife", "wives", "boyfriend*", "girlfriend*", "ex", "stepdad*", "stepfather*", "stepmum*",
		"stepmother*", "dad", "dads", "father*", "mum", "mums", "mother*", "parent*", "uncle*", "aunt*", "brother*", "sister*", "son", "sons",
		"daughter*", "carer*", "family", "relative*", "home", "household", "spouse*", "fiance*", "grandson*", "granddaughter*", "neighbour*",
		"laws", "inlaws"}
	// relationshipActs are harm or control that tells of abuse when an
	// abuser is named: "her partner shouts at her".
	relationshipActs = append([]string{"smash*", "pinned", "pinning", "dragged", "dragging", "pushed", "pushes", "shove*", "throws", "threw", "throwing", "steal*", "stole", "stolen", "shout*", "scream*", "controlling", "controls",
		"threaten*", "hurt", "violence", "abuse*", "bully*", "bullied"}, harmActs...)
	// fears are a person's fear of someone: "scared of her partner".
	fears = []string{"scared", "afraid", "frightened", "terrified", "fear*", "petrified"}

	// Control: someone's phone, money or movements kept from them.
	controlActs    = []string{"check*", "monitor*", "track*", "read", "reads", "reading", "takes", "taking", "took", "taken", "take", "has", "holds", "got", "uses", "using", "used", "keeps", "kept", "control*", "hides", "hid", "goes", "going", "steal*", "stole", "through"}
	controlObjects = []string{"mileage", "whereabouts", "phone*", "messages", "texts", "emails", "money", "bank", "card*", "benefits", "pension*", "passport*", "keys", "location", "wages",
		"documents", "papers", "id", "ids", "insulin", "meds", "medication", "tablets", "wheelchair", "glasses", "frame", "inhaler*"}
	possessives    = []string{"her", "his", "their"}
	controlPhrases = []string{"following her", "following him", "follows her", "follows him", "stalking", "stalked", "stalker", "not allowed out", "not allowed to go out", "not allowed to leave", "not allowed to see", "not allowed to go",
		"not let out", "wont let her", "wont let him", "wont let them", "doesnt let her", "doesnt let him", "doesnt let them",
		"stops her from", "stops him from", "stops them from", "stops her seeing", "stops him seeing", "isolating her", "isolating him",
		"cut her off", "cut him off", "locks her in", "locks him in", "controlling partner", "controlling behaviour"}

	// A child or a vulnerable adult, and how they may be at risk.
	atRiskPeople = []string{"child", "children", "kid", "kids", "baby", "babies", "toddler*", "infant*", "teenager*", "teen", "teens",
		"boy", "girl", "pupil*", "minor", "minors", "elderly", "vulnerable", "young"}
	atRiskPhrases = []string{"left alone", "home alone", "not fed", "not being fed", "hasnt fed", "havent been fed", "not been fed", "no food at home", "not safe", "scared of", "scared to", "alone at home", "alone in the house", "alone in the flat", "by themselves",
		"afraid of", "wont go home", "dont want to go home", "doesnt want to go home", "being taken advantage", "taken advantage of",
		"taking advantage", "unexplained", "no food in", "no food at", "no food for", "wandering"}
)

// Safeguarding and safety as subjects: risk, unless the question is about
// training, policy or a role and tells of no one at risk.
var (
	riskTopicWords   = []string{"safeguard*", "safety", "abuse*", "neglect*", "exploit*", "violence", "fgm", "grooming", "trafficking", "harm"}
	riskTopicPhrases = []string{"at risk", "child protection", "vulnerable adult", "vulnerable adults", "forced marriage", "modern slavery"}
	// aboutTheSubject are the words of a question about training, policy
	// or a post, not about a person.
	aboutTheSubject = []string{"training", "trainings", "course*", "module*", "elearning", "mandatory", "policy", "policies", "procedure*",
		"lead", "leads", "template*", "dates", "level", "levels", "refresher", "certificate*", "awareness", "webinar*", "officer",
		"team", "quiz", "assessment", "assessments", "checklist", "induction"}
	// safetyKinds are safety that is not a person's: "fire safety".
	safetyKinds = []string{"visit", "visits", "visiting", "personal", "staff", "workplace", "fire", "food", "road", "water", "data", "information", "electrical", "lone", "building", "health and", "online", "internet", "cyber", "medicines", "medication", "drug", "radiation", "equipment"}
	// disclosing words tell of someone at risk whatever the question's
	// subject: "a patient disclosed abuse, where is the policy".
	disclosing = []string{"disclos*", "told", "tells", "telling", "said", "says", "saying", "mentioned", "mentions", "worried", "worry*",
		"worries", "concern*", "suspect*", "think", "thinks", "believe", "noticed", "notice", "being", "been", "reported", "reports",
		"alleg*", "admitted", "confided", "happening", "happened", "now", "tonight", "today",
		// A person named is someone who may be at risk.
		"patient*", "client*", "person", "someone", "somebody", "adult*", "man", "woman", "lady", "resident*", "pt"}
)

// assessRisk reports whether a question is about risk to someone, so the
// safety reply comes first; and, when it is not, whether it is about
// safeguarding or safety as a subject (its training, policy or lead), which
// gets neither the safety reply nor a guessed article. A risk word typed
// with a typo counts as the word meant (risk_typos.go).
func assessRisk(words []string) (risk, subject bool) {
	words = respellRisk(words)       // "sucidal", "saftey", "slef harm", "od'd"
	words = withSlangSpelt(words)    // "2nite", "sed", "cuttin"
	words = withoutRiskDenied(words) // "low mood, not at risk"
	words = withoutPastEvents(words) // "lost confidence after a heart attack"
	words = withoutIdioms(words)     // "killing time", "hit me up", "bereaved by suicide"
	if saidOutright.in(words) || riskSign(words) || describedRisk(words) || quietRisk(words) || generalRisk(words) {
		if riskAsSubject(words) {
			return false, subjectNotCovered(words)
		}
		return true, false
	}
	if !riskTopic(words) {
		return false, false
	}
	if riskAsSubject(words) {
		return false, subjectNotCovered(words)
	}
	only := riskSubjectOnly(words)
	return !only, only
}

// aboutRisk reports whether a question is about risk to someone.
func aboutRisk(words []string) bool {
	risk, _ := assessRisk(words)
	return risk
}

// riskSign reports whether a question tells of risk to someone by one of
// the concepts above; their phrase lists are read with the others in
// saidOutright (risk_more3.go).
func riskSign(words []string) bool {
	if riskWordIn(words) {
		return true
	}
	if near(words, selfHarmActs, reflexives, 3) || hasPhrase(words, "self") && hasAny(words, "harm*", "injur*") {
		return true
	}
	if near(words, passiveWords, passiveActs, 2) && !touchBase(words) || near(words, passiveWords[:3], hurtWords, 1) {
		return true // "being hit", "was touched"; "being hurt", though "was hurt in a fall" is not
	}
	if near(words, []string{"chest"}, []string{"clutch*", "tight*", "hurt*", "pain*", "pressure", "crush*", "heavy"}, 3) ||
		near(words, []string{"chest"}, []string{"elephant", "squeez*", "vice"}, 6) ||
		near(words, []string{"face"}, []string{"drop*", "droop*"}, 3) || allPills(words) || saving(words) || carrying(words) || givingAway(words) {
		return true // a heart attack, a stroke, an overdose, criminal exploitation, putting affairs in order
	}
	if hasAny(words, relationshipActs...) && hasAny(words, abusers...) && !touchBase(words) {
		return true // "her partner shouts at her", "hit at home"
	}
	if nearAfter(words, fears, abusers, 4) || controlled(words) {
		return true
	}
	if darkThoughts(words) || marked(words) || welfareConcern(words) || disclosedIndirectly(words) || inCrisis(words) {
		return true
	}
	if commandVoices(words) || harmToOthers(words) || threatToKill(words) || sexualViolence(words) || moreRiskSigns(words) {
		return true
	}
	return atRiskPerson(words) && (atRiskPhraseSet.in(words) || leftAlone(words) || hasAny(words, harmActs...) && !touchBase(words))
}

// riskWordIn reports a word of riskWords, but not "unconscious" in
// "unconscious bias", which is no one's risk, nor a stroke had in the past
// ("driving after a stroke", "recovery since his stroke").
func riskWordIn(words []string) bool {
	for i, w := range words {
		if !hasAny(words[i:i+1], riskWords...) || w == "unconscious" && i+1 < len(words) && words[i+1] == "bias" {
			continue
		}
		if (w == "knife" || w == "knives") && i+1 < len(words) && hasAny(words[i+1:i+2], "making", "skills", "sharpening", "maker*", "work", "crime", "block", "set") {
			continue // a craft: "a knife-making class"
		}
		if w == "stroke" && hasAny(words[max(0, i-3):i], "after", "since", "post", "previous", "past", "history", "recovering", "recovery") ||
			w == "stroke" && hasAny(words[i+1:min(len(words), i+2)], "survivor*", "rehab*", "recovery", "club*", "group*", "association") {
			continue
		}
		if (w == "gun" || w == "guns") && i+1 < len(words) && hasAny(words[i+1:i+2], "club*", "licen*", "range", "shop") {
			continue // a hobby: "a gun club"
		}
		return true
	}
	return false
}

// leftAlone reports a child or dependant left on their own ("leaves the
// baby alone all day", "left the kids unattended"), for neglect.
func leftAlone(words []string) bool {
	return near(words, []string{"leave", "leaves", "leaving", "left"}, []string{"alone", "unattended", "unsupervised", "overnight"}, 3)
}

// commandVoices reports voices telling someone what to do ("voices are
// telling him to hurt someone"), a sign of acute risk whatever they say.
func commandVoices(words []string) bool {
	return near(words, []string{"voice", "voices"}, []string{"telling", "tell", "tells", "told", "saying", "say", "says", "ordering", "order", "orders", "commanding", "instructing"}, 2)
}

// harmToOthers reports a threat of harm to another person ("wants to hurt
// someone", "said he'd kill somebody").
func harmToOthers(words []string) bool {
	return near(words, []string{"hurt", "harm", "kill", "stab", "attack", "hit"}, []string{"someone", "somebody", "anyone", "anybody", "others", "people"}, 1)
}

// allPills reports "took all her pills", "swallowed a whole packet".
func allPills(words []string) bool {
	return near(words, []string{"all", "whole", "lot", "lots", "load", "loads", "bunch", "heap", "pile", "stack", "handful", "dozen*", "packet*", "box", "bottle"}, []string{"pill*", "tablet*", "meds", "medication*", "paracetamol"}, 4) &&
		hasAny(words, "took", "taken", "take", "swallow*", "downed", "necked")
}

// darkThoughts reports "having dark thoughts", "intrusive thoughts", and
// "struggling myself" said with a word of low mood.
func darkThoughts(words []string) bool {
	return near(words, darkWords, thoughtWords, 1) ||
		hasPhrase(words, "struggling myself") && hasAny(words, lowMood...) || hasPhrase(words, "struggling so much")
}

// marked reports cuts, burns or marks on someone's body, or harm spoken of
// as how they cope.
func marked(words []string) bool {
	return near(words, bodyMarks, bodyParts, 7) || copingPhraseSet.in(words) && hasAny(words, append(bodyMarks, selfHarmActs...)...)
}

// welfareConcern reports someone not seen for days, not answering the door
// to someone worried, or found on the floor.
func welfareConcern(words []string) bool {
	if welfarePhraseSet.in(words) {
		return true
	}
	if near(words, unseenNots, unseenWords, 2) && near(words, unseenWords, unseenWho, 3) && near(words, unseenWords, spanWords, 5) {
		return true // "neighbours haven't seen her for days"
	}
	nots := []string{"not", "isnt", "hasnt", "havent", "wont", "no", "nobody", "doesnt", "stopped"}
	if near(words, nots, answerWords, 1) && hasAny(words, welfareWhy...) {
		return true // "she isn't answering and she always does"
	}
	if !near(words, answerWords, answerOf, 3) || !hasAny(words, nots...) {
		return false
	}
	return near(words, answerWords, []string{"door"}, 3) || hasAny(words, welfareWhy...) // no answer at the door is a concern by itself
}

// saving reports tablets saved up: "saving up his pills".
func saving(words []string) bool {
	return near(words, []string{"saving", "saved", "hoarding", "hoarded", "collecting", "collected", "hiding", "stash*", "storing", "stored"}, medicines, 5)
}

// carrying reports someone made to carry or sell drugs.
func carrying(words []string) bool {
	return near(words, []string{"carry*", "carries", "carried", "sell*", "deliver*", "hold", "holding", "hide", "hiding", "stash*"}, []string{"drugs", "packages", "parcels", "weapon*"}, 2)
}

// givingAway reports someone giving away their things.
func givingAway(words []string) bool {
	return near(words, []string{"giving", "given", "gave", "give", "gives"}, []string{"away"}, 4) &&
		hasAny(words, "belongings", "possessions", "things", "stuff", "everything", "pets", "pet", "dog", "dogs", "cat", "cats", "savings")
}

// controlled reports whether a question tells of someone's phone, money or
// movements controlled by another: "checking her phone", "takes his money".
func controlled(words []string) bool {
	for i := 1; i+1 < len(words); i++ {
		if hasAny(words[i:i+1], possessives...) && hasAny(words[i+1:i+2], controlObjects...) && hasAny(words[max(0, i-3):i], controlActs...) &&
			!notTakingMedicine(words, i) {
			return true
		}
	}
	return false
}

// notTakingMedicine reports, of a possessive at i before a medicine ("not
// taking her meds", "stopped taking his tablets"), a person not taking
// their own medicine, which tells of no one controlling it, unless
// someone else is named or something is kept from them.
func notTakingMedicine(words []string, i int) bool {
	if !hasAny(words[i+1:i+2], "insulin", "meds", "medication", "tablets", "inhaler*") || !hasAny(words[i-1:i], "take", "takes", "taking", "took", "taken", "using", "uses", "use") {
		return false
	}
	if hasAny(words, abusers...) || hasAny(words, "hides", "hid", "hiding", "hidden", "steal*", "stole", "stolen", "control*", "lets", "let") {
		return false // someone else may be keeping it from them
	}
	return hasAny(words[max(0, i-3):i-1], "not", "stopped", "stop", "stops", "forget*", "forgot", "refus*", "isnt", "wont", "doesnt", "hasnt", "havent", "struggl*", "remember*", "without")
}

// touchBase reports the everyday "touch base", which is no harm.
func touchBase(words []string) bool {
	return hasPhrase(words, "touch base") || hasPhrase(words, "touched base") || hasPhrase(words, "touching base")
}

// riskTopic reports whether a question names safeguarding or safety;
// "safety netting", the advice on when to seek help again, is neither.
func riskTopic(words []string) bool {
	for i, w := range words {
		if hasAny(words[i:i+1], riskTopicWords...) && (w != "safety" || !safetyOfThings(words, i)) {
			return true
		}
	}
	return riskTopicPhraseSet.in(words) && !healthRisk(words)
}

// safetyOfThings reports "safety" at words[i] as the safety of a thing or
// a visit, no person's: "safety netting", "a home safety visit", "online
// banking safety".
func safetyOfThings(words []string, i int) bool {
	return i+1 < len(words) && hasAny(words[i+1:i+2], "net*", "visit*", "check*", "tips", "advice", "information", "leaflet*") ||
		i > 0 && hasAny(words[i-1:i], "banking", "online", "internet", "cyber", "road", "water", "data", "electrical", "equipment")
}

// healthRisks are what a person may be at risk of that is their health,
// not harm: "at risk of type 2 diabetes", "at risk of falls".
var healthRisks = []string{"diabet*", "prediabet*", "type", "fall", "falls", "falling", "heart", "cardio*", "cvd", "obes*", "weight", "admission*",
	"readmission*", "hospital", "frail*", "lonel*", "isolation", "losing", "cancer", "copd", "dementia", "high", "developing", "malnutrition", "deconditioning"}

// healthRisk reports "at risk of" a condition, which tells of no harm.
func healthRisk(words []string) bool {
	for i := 0; i+3 < len(words); i++ {
		if words[i] == "at" && words[i+1] == "risk" && words[i+2] == "of" && hasAny(words[i+3:min(len(words), i+5)], healthRisks...) {
			return true
		}
	}
	return false
}

// riskSubjectOnly reports whether the risk a question names is a subject,
// not a person: training, policy or a post; or a kind of safety that is no
// person's ("fire safety"), with no word telling of anyone at risk.
func riskSubjectOnly(words []string) bool {
	if hasAny(words, disclosing...) || hasAny(words, atRiskPeople...) || hasPhrase(words, "service user") {
		return false
	}
	if hasAny(words, aboutTheSubject...) {
		return true
	}
	for i, w := range words {
		if w == "safety" && (i > 0 && hasAny(words[i-1:i], safetyKinds...) || i > 1 && hasPhrase(words[i-2:i], "health and") ||
			hasAny(words[i+1:min(len(words), i+6)], "staff", "visit", "visits", "visiting", "lone", "worker", "workers")) {
			return !hasAny(words, riskTopicWords[:1]...) && !hasAny(words, riskTopicWords[2:]...)
		}
	}
	return false
}

// near reports whether a word of a and a word of b are at most window
// words apart, in either order.
func near(words []string, a, b []string, window int) bool {
	for i, w := range words {
		if !wordIn(w, a) {
			continue
		}
		for j := max(0, i-window); j < min(len(words), i+window+1); j++ {
			if j != i && wordIn(words[j], b) {
				return true
			}
		}
	}
	return false
}

// nearAfter reports whether a word of b follows a word of a by at most
// window words: "scared of her son", not "her son is scared".
func nearAfter(words []string, a, b []string, window int) bool {
	for i, w := range words {
		if !wordIn(w, a) {
			continue
		}
		for j := i + 1; j < min(len(words), i+window+1); j++ {
			if wordIn(words[j], b) {
				return true
			}
		}
	}
	return false
}

// phraseSet is a list of phrases made ready for matching: each phrase's
// words, by its first word, so a question is read once, not once a phrase.
type phraseSet map[string][][]string

func newPhraseSet(lists ...[]string) phraseSet {
	ps := make(phraseSet)
	for _, l := range lists {
		for _, p := range l {
			ws := strings.Fields(p)
			ps[ws[0]] = append(ps[ws[0]], ws[1:])
		}
	}
	return ps
}

// match returns how many words of the longest phrase starting at words[i]
// are there, 0 for none.
func (ps phraseSet) match(words []string, i int) int {
	n := 0
	for _, rest := range ps[words[i]] {
		if i+1+len(rest) <= len(words) && slices.Equal(words[i+1:i+1+len(rest)], rest) {
			n = max(n, 1+len(rest))
		}
	}
	return n
}

// in reports whether words holds any of the phrases, in a row.
func (ps phraseSet) in(words []string) bool {
	for i, w := range words {
		for _, rest := range ps[w] {
			if i+1+len(rest) <= len(words) && slices.Equal(words[i+1:i+1+len(rest)], rest) {
				return true
			}
		}
	}
	return false
}

// The phrase lists, made ready once.
var (
	riskPhraseSet      = newPhraseSet(riskPhrases, hopelessPhrases, controlPhrases)
	atRiskPhraseSet    = newPhraseSet(atRiskPhrases)
	riskTopicPhraseSet = newPhraseSet(riskTopicPhrases)
	copingPhraseSet    = newPhraseSet(copingPhrases)
	welfarePhraseSet   = newPhraseSet(welfarePhrases)
)
