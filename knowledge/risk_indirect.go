package knowledge

import (
	"slices"
	"strconv"
	"strings"
)

// Risk told of indirectly: a child's abuse told as what an adult does
// ("her stepdad comes into her room at night", "told her it's their
// secret"), and a person putting their life in order before ending it
// ("written goodbye letters to his kids", "sorting out his affairs", "made
// a will all of a sudden").
var (
	// intoWords come before "into" or "in" when someone enters a room.
	intoWords = []string{"comes", "come", "came", "coming", "goes", "go", "went", "going", "gets", "get", "got", "getting", "creeps", "crept",
		"creeping", "sneaks", "sneaked", "snuck", "sneaking", "climbs", "climbed", "climbing", "walks", "walked", "lets", "let"}
	// privatePlaces are where a child sleeps or washes.
	privatePlaces = []string{"room", "bedroom", "bed", "bathroom", "shower", "bath"}
	nightWords    = []string{"night", "nights", "nighttime", "overnight", "bedtime", "midnight", "late", "asleep", "sleeping"}
	// adults are who may harm a child: the abusers, but not the home.
	adults = append([]string{"man", "men", "lodger*", "stepbrother*", "cousin*", "grandad*", "grandpa*", "granddad*", "coach", "tutor*", "friend",
		"adult", "adults", "stranger*", "older"},
		slices.DeleteFunc(slices.Clone(abusers), func(w string) bool { return w == "home" || w == "household" || w == "family" })...)
	secretWords   = []string{"secret", "secrets", "secretly"}
	secretPhrases = []string{"not to tell", "never to tell", "dont tell", "mustnt tell", "shouldnt tell", "cant tell anyone", "not allowed to tell",
		"special game", "our little", "keep it quiet"}

	goodbyeWords  = []string{"goodbye*", "farewell*", "byes"}
	farewellKinds = []string{"letter*", "note*", "message*", "text*", "card*", "video*", "voicemail*", "email*", "post*"}
	lovedOnes     = []string{"kids", "children", "child", "family", "everyone", "everybody", "wife", "husband", "partner", "son", "sons", "daughter*",
		"mum", "dad", "parents", "friends", "grandchildren", "grandkids", "loved", "sister", "sisters", "brother", "brothers", "nan", "gran", "mates",
		"boyfriend", "girlfriend"}
	affairsActs = []string{"order", "sorting", "sorted", "sort", "putting", "put", "settling", "settled", "tidying", "tidied", "getting", "arranging", "arranged"}
	willActs    = []string{"made", "making", "make", "written", "writing", "wrote", "write", "drawn", "drew", "changed", "changing", "updated", "updating",
		"sorted", "sorting", "done", "doing", "redone", "rewritten", "rewriting"}
	secretPhraseSet = newPhraseSet(secretPhrases)
	sudden          = []string{"sudden", "suddenly", "unexpectedly", "blue", "nowhere", "randomly", "urgently", "rush*", "hurry", "unlike", "weird", "strange"}
)

// disclosedIndirectly reports risk told of by what someone does rather
// than by name: a child's abuse, or a person saying goodbye.
func disclosedIndirectly(words []string) bool {
	return childAbuseTold(words) || sayingGoodbye(words) || groomedOnline(words)
}

// Grooming: a child asked, by someone met online, to meet, to keep a
// secret, or to send pictures.
var (
	onlineWords = []string{"online", "internet", "app", "apps", "snapchat", "instagram", "tiktok", "whatsapp", "discord", "facebook", "roblox",
		"fortnite", "minecraft", "xbox", "playstation", "snap",
		"gaming", "game", "games", "chat", "chatting", "messaging", "dms", "dm"}
	imageWords = []string{"pictures", "photos", "pics", "images", "videos", "nudes", "selfies"}
	askWords   = []string{"send", "sending", "sent", "asking", "asked", "asks", "wants", "want", "keeps", "begging"}
)

// groomedOnline reports a child told of with someone online (an adult, a
// man, someone) asking to meet, to keep it secret or for pictures: "a 13
// year old is chatting to a man on an app who wants to meet". A group of
// young people meeting online is no one's risk.
func groomedOnline(words []string) bool {
	if !atRiskPerson(words) || !hasAny(words, onlineWords...) {
		return false
	}
	if !hasAny(words, adults...) && !hasAny(words, "someone", "somebody", "stranger*") {
		return false
	}
	secret := hasAny(words, secretWords...) || secretPhraseSet.in(words)
	meet := near(words, []string{"meet"}, []string{"him", "her", "them", "me", "up"}, 1) || near(words, []string{"meet"}, askWords, 2) ||
		near(words, []string{"meet", "meeting"}, adults, 2)
	return secret || meet || near(words, askWords, imageWords, 3)
}

// childAbuseTold reports an adult coming into a child's room or bed, at
// night or by a named adult, or a child told to keep a secret.
func childAbuseTold(words []string) bool {
	child := atRiskPerson(words)
	for i := 1; i+2 < len(words); i++ {
		if !hasAny(words[i:i+1], "into", "in") || !hasAny(words[i+1:i+2], possessives...) || !hasAny(words[i+2:i+3], privatePlaces...) {
			continue
		}
		if hasAny(words[max(0, i-2):i], intoWords...) && (hasAny(words, adults...) || hasAny(words, nightWords...)) {
			return true // "her stepdad comes into her room"
		}
		if hasAny(words, adults...) && hasAny(words, nightWords...) && (child || hasAny(words, "touch*")) {
			return true // "her uncle is in her bed at night"
		}
	}
	if hasPhrase(words, "in bed with") && (child || hasAny(words, "touch*")) {
		return true
	}
	secret := hasAny(words, secretWords...) || secretPhraseSet.in(words)
	return secret && (child && hasAny(words, adults...) || hasAny(words, "touch*", "touched", "kiss*", "photos", "pictures", "undress*", "naked", "private", "privates"))
}

// atRiskNamed are the whole words of atRiskPeople, for looking up one by
// one, and atRiskPrefixes its prefixes ("toddler*"), without the "*".
var atRiskNamed, atRiskPrefixes = func() (map[string]bool, []string) {
	m, prefixes := make(map[string]bool, len(atRiskPeople)), []string(nil)
	for _, w := range atRiskPeople {
		if p, ok := strings.CutSuffix(w, "*"); ok {
			prefixes = append(prefixes, p)
		} else {
			m[w] = true
		}
	}
	return m, prefixes
}()

// atRiskPrefixed reports w starting with a prefix of atRiskPeople.
func atRiskPrefixed(w string) bool {
	for _, p := range atRiskPrefixes {
		if strings.HasPrefix(w, p) {
			return true
		}
	}
	return false
}

// atRiskPerson reports a child or vulnerable adult named, or a child told
// of by age: "14 year old", "aged 9", "a 12yo".
func atRiskPerson(words []string) bool {
	for _, w := range words {
		if atRiskNamed[w] || atRiskPrefixed(w) {
			return true
		}
	}
	for i, w := range words {
		if w == "" || w[0] < '0' || w[0] > '9' {
			continue
		}
		digits := strings.TrimRight(w, "abcdefghijklmnopqrstuvwxyz")
		n, err := strconv.Atoi(digits)
		if err != nil || n < 1 || n > 17 {
			continue
		}
		switch rest := w[len(digits):]; {
		case rest == "yo" || rest == "yrs" || rest == "yr" || rest == "yrsold" || rest == "yearold":
			return true
		case rest == "" && i+2 < len(words) && hasAny(words[i+1:i+2], "year", "years", "yrs", "yr") && words[i+2] == "old":
			return true
		case rest == "" && i+1 < len(words) && hasAny(words[i+1:i+2], "yo", "yrs", "yr"):
			return true // "14 yo"
		case rest == "" && i >= 2 && words[i-1] == "only" && hasAny(words[i-2:i-1], "she", "he", "is", "shes", "hes", "they"):
			return true // "she's only 16"
		case rest == "" && i > 0 && words[i-1] == "aged":
			return true
		case rest == "" && i >= 1 && (hasAny(words[i-1:i], kinAges...) || i >= 2 && words[i-1] == "is") &&
			(i+1 == len(words) || !ageUnits[words[i+1]]):
			return true // "her daughter is 14", "her son, 13"
		case rest == "" && i >= 1 && i+1 < len(words) && hasAny(words[i+1:i+2], "has", "is", "was", "says", "said", "keeps", "told", "hasnt", "isnt", "wont", "cant") &&
			!notAges[words[i-1]] && leadingNumber(words[i-1]) < 0:
			return true // "sam, 14, has a cut on his face"
		}
	}
	return false
}

// kinAges are who a bare number after is an age of: "her daughter, 13";
// after "is" a number is an age whoever it is said of ("jess is 15").
var kinAges = []string{"she", "he", "daughter*", "son", "sons", "niece*", "nephew*", "grandson*", "granddaughter*", "child", "kid", "girl", "boy", "brother", "sister"}

// notAges come before a number that is no one's age: "room 14 is free".
var notAges = setOf(`room ward bed page question number step group level week day year floor flat house bus line table session item option
	point chapter unit block clinic surgery zone gate platform door desk code version phase band stage grade box`)

// ageUnits follow a number that is no age: "her son is 14 stone".
var ageUnits = setOf(`weeks week stone days hours months miles kg pounds minutes times percent mg`)

// sayingGoodbye reports goodbye letters or notes, farewells to loved
// ones, affairs put in order, and a will made all of a sudden.
func sayingGoodbye(words []string) bool {
	if near(words, goodbyeWords, farewellKinds, 3) || near(words, goodbyeWords, lovedOnes, 3) {
		return true // "written goodbye letters", "saying goodbye to his kids"
	}
	if near(words, []string{"affairs"}, affairsActs, 3) && !hasAny(words, "help", "service", "services", "solicitor", "advice", "writing") ||
		hasPhrase(words, "loose ends") && hasAny(words, "tying", "tie", "tied", "tidying") {
		return true // "putting his affairs in order"
	}
	for i := 1; i+1 < len(words); i++ {
		if words[i+1] == "will" && hasAny(words[i:i+1], "a", "his", "her", "their", "new") && hasAny(words[max(0, i-2):i], willActs...) {
			return hasAny(words, sudden...) || hasAny(words, goodbyeWords...) || hasAny(words, "affairs", "away", "keys", "letters", "sorry")
		}
	}
	return false
}

// Threats to kill or hurt, and sex someone is made to have.
var (
	// killActs and hurtActs leave out "shoot" ("shoot me an email") and
	// "beat" ("beat me to it").
	killActs    = []string{"kill", "kills", "murder", "murders", "strangle", "stab", "stabs"}
	hurtActs    = []string{"hurt", "hurts", "harm", "harms", "batter", "hit", "attack", "smash"}
	objectWords = []string{"her", "him", "me", "them", "us", "you", "myself", "herself", "himself"}
	// modals before a harm act make it a threat: "he will hurt her",
	// "said he'd hit her" ("hed" once the apostrophe goes).
	modals = []string{"will", "would", "wil", "gonna", "going", "to", "ll", "hell", "hed", "shell", "shed", "theyll", "theyd", "might", "could", "wants"}
	// sexForced before sex or anything sexual tell of it forced; sexMade
	// only before "sex" ("made to have sex"), as "making sexual health
	// services easier to reach" is not.
	sexForced = []string{"forced", "force", "forces", "forcing", "pressured", "pressures", "pressuring", "coerced", "coercing",
		"pressurised", "pressurising"}
	sexMade  = []string{"made", "make", "makes", "making", "pushed", "pushes", "pushing"}
	sexWords = []string{"sex", "sexual", "sexually", "intercourse"}
)

// threatToKill reports a threat to kill or hurt a person: "he will kill
// her", "says he'll hurt me". Killing a person is risk however said;
// hurting them only after a word that makes it a threat, as "it hurt me"
// is not one.
func threatToKill(words []string) bool {
	for i := 0; i+1 < len(words); i++ {
		if !hasAny(words[i+1:i+2], objectWords...) {
			continue
		}
		if hasAny(words[i:i+1], killActs...) {
			return true
		}
		if i > 0 && hasAny(words[i:i+1], hurtActs...) && hasAny(words[i-1:i], modals...) {
			return true
		}
	}
	return false
}

// sexualViolence reports sex someone was made or pressured to have, sexual
// acts without consent, and something done "against her will".
func sexualViolence(words []string) bool {
	if near(words, sexForced, sexWords, 4) || near(words, sexMade, []string{"sex", "intercourse"}, 4) || hasPhrase(words, "sexually abused") || hasPhrase(words, "sexually assaulted") {
		return true
	}
	if near(words, []string{"sex", "intercourse"}, []string{"consent", "consented", "unwanted", "without", "refused", "didnt", "doesnt", "dont", "against"}, 3) {
		return true // "sex she didn't want", "sex without consent"
	}
	return hasPhrase(words, "against her will") || hasPhrase(words, "against his will") || hasPhrase(words, "against their will")
}

// inCrisis reports whether a question tells of a mental health crisis
// ("in crisis", "a mental health crisis") or asks for the crisis team or
// line, which is how staff reach urgent mental health help. A patient
// "not in crisis", or a crisis of money or housing, is none.
func inCrisis(words []string) bool {
	for i, w := range words {
		if w != "crisis" {
			continue
		}
		before := words[max(0, i-2):i]
		if hasAny(before, "not", "no", "isnt", "never", "without") {
			continue
		}
		prev, next := "", ""
		if i > 0 {
			prev = words[i-1]
		}
		if i+1 < len(words) {
			next = words[i+1]
		}
		if prev == "in" || prev == "health" || prev == "suicidal" || prev == "emotional" ||
			hasAny([]string{next}, "team", "teams", "line", "lines", "service", "services", "number") {
			return true
		}
	}
	return false
}
