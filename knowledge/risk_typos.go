package knowledge

import (
	"maps"
	"math/bits"
	"slices"
	"strings"
)

// Risk words are often typed in a hurry: "client is sucidal", "saftey
// concern about a child", "safegaurding concern", "slef harm", "she od'd".
// Before the risk checks read a question, each word that is a near miss of
// a risk word is read as that word: within one edit for words of four to
// seven letters, two for longer ones (a letter added, dropped or changed,
// or two swapped). At one edit the first letter may be wrong; at two, the
// first two letters must be right. A word that is itself an ordinary word
// ("social", "amused", "farming", "safely"), or is two edits from a risk
// word and one from such an ordinary word ("strugling"), is read as typed;
// so are near misses of the shortest risk words ("self", "harm"), which
// have too many ordinary neighbours, except as the two halves of "self
// harm".

// riskSpellings are the risk words a near miss is read as. Each is a word,
// or matches a prefix, of the lists in risk.go.
var riskSpellings = []string{
	"suicide", "suicides", "suicidal",
	"overdose", "overdosed", "overdoses", "overdosing",
	"selfharm", "selfharming", "selfharmed", "harming", "harmed",
	"abuse", "abused", "abuser", "abusers", "abusing", "abusive",
	"violence", "violent", "neglect", "neglected", "neglecting", "neglectful",
	"safeguarding", "safeguard", "safeguards", "safeguarded", "safety",
	"exploitation", "exploited", "trafficking", "grooming", "groomed",
	"unconscious", "unresponsive", "collapsed", "collapse", "collapsing", "seizure", "seizures",
	"emergency", "dangerous", "danger", "aggressive", "aggression", "assault", "assaulted",
	"coercive", "strangled", "strangling", "ligature", "hopeless", "threatened", "threatening",
	"bleeding", "bruises", "bruising", "bruised", "anaphylaxis", "anaphylactic", "stockpiling",
	"molested", "battered", "weapon", "weapons", "knife", "knives",
}

// The halves of "self harm", read only as a pair.
var (
	selfSpellings = []string{"self"}
	harmSpellings = []string{"harm", "harms", "harming", "harmed"}
	guardSpelling = []string{"guarding", "guard", "guards", "guarded"}
)

// riskSpelling is a risk word ready for comparing: its letters as a mask.
type riskSpelling struct {
	word string
	mask uint32
}

// spellingList is a list of words by length, for comparing a word
// only with those near its own length.
type spellingList [][]riskSpelling

func spellingsOf(words []string) spellingList {
	var out spellingList
	for _, w := range words {
		for len(out) <= len(w) {
			out = append(out, nil)
		}
		out[len(w)] = append(out[len(w)], riskSpelling{w, letterMask(w)})
	}
	return out
}

var (
	riskSpelt  = spellingsOf(riskSpellings)
	selfSpelt  = spellingsOf(selfSpellings)
	harmSpelt  = spellingsOf(harmSpellings)
	guardSpelt = spellingsOf(guardSpelling)
)

// nearRiskSpelling returns the risk word of list that w is a near miss of,
// if w is one and is no ordinary word.
func nearRiskSpelling(w string, list spellingList) (string, bool) {
	if len(w) < 4 || len(w) > 20 || !isLetters(w) {
		return "", false
	}
	maxD := 1
	if len(w) >= 8 {
		maxD = 2
	}
	m := letterMask(w)
	best, bestD := "", maxD+1
	for l := len(w) - maxD; l <= len(w)+maxD && l < len(list); l++ {
		for _, s := range list[l] {
			if bits.OnesCount32(m^s.mask) > 2*maxD {
				continue
			}
			d := distance(w, s.word, min(maxD, bestD))
			if d == 0 {
				return "", false // spelt right
			}
			if d > maxD || d >= bestD || d == 2 && s.word[:2] != w[:2] {
				continue
			}
			best, bestD = s.word, d
		}
	}
	if best == "" || ordinaryNearRisk[w] || bestD == 2 && nearOrdinary(w, m) {
		return "", false
	}
	if strings.HasPrefix(best, "selfharm") && strings.HasPrefix(w, "self") && spelt(w[4:], harmSpelt) == "" {
		return "", false // "selfcare" is not "selfharm" misspelt
	}
	return best, true
}

// respellRisk returns words with the near misses of risk words read as
// those words, and the shorthand for them ("od", "kms", "dv") spelt out:
// words itself when there is none, a new slice otherwise.
func respellRisk(words []string) []string {
	var out []string
	for i := 0; i < len(words); i++ {
		said, n := respeltAt(words, i)
		if n == 0 {
			if out != nil {
				out = append(out, words[i])
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(words)+2), words[:i]...)
		}
		out = append(out, said...)
		i += n - 1
	}
	if out == nil {
		return words
	}
	return out
}

// respeltAt reads words from i: what they say, and how many words of the
// question that is, or 0 when they are no risk word misspelt.
func respeltAt(words []string, i int) ([]string, int) {
	w, next := words[i], ""
	if i+1 < len(words) {
		next = words[i+1]
	}
	if said, n := shorthandRisk(words, i); n > 0 {
		return said, n
	}
	if next != "" {
		if said, ok := splitRisk(words, i); ok {
			return said, 2
		}
	}
	if said, ok := nearRiskSpelling(w, riskSpelt); ok && !(w == "overdoes" && next == "it") {
		return []string{said}, 1 // "overdoes it" is no overdose
	}
	return nil, 0
}

// withSlangSpelt returns words with words typed in a hurry spelt in full
// ("2nite", "sed", "cuttin"), so the risk concepts read them: words itself
// when there is none, a new slice otherwise. Unlike a risk word's typo,
// such a word is read as the ordinary word it is ("trainin" is
// "training"), never as a risk word.
func withSlangSpelt(words []string) []string {
	return replaceWords(words, func(i int) ([]string, bool) {
		w := words[i]
		if said, ok := riskSlang[w]; ok {
			return said, true
		}
		if droppedG(w) {
			return []string{w + "g"}, true
		}
		return nil, false
	})
}

// riskSlang are words as typed in a hurry that the risk concepts read in
// full: "she sed she wnts to end it 2nite".
var riskSlang = map[string][]string{
	"2nite": {"tonight"}, "2nyt": {"tonight"}, "tonite": {"tonight"}, "nite": {"night"}, "2day": {"today"}, "tmrw": {"tomorrow"},
	"2moro": {"tomorrow"}, "ppl": {"people"}, "wiv": {"with"}, "sez": {"says"}, "sed": {"said"}, "agen": {"again"}, "agn": {"again"},
	"tkn": {"taken"}, "rly": {"really"}, "bn": {"been"}, "cnt": {"cant"}, "wen": {"when"}, "fone": {"phone"}, "munny": {"money"},
	"lyf": {"life"}, "pils": {"pills"}, "pilz": {"pills"}, "hubby": {"husband"}, "bf": {"boyfriend"}, "gf": {"girlfriend"},
	"ova": {"over"}, "wnts": {"wants"}, "wnt": {"want"}, "leav": {"leave"}, "sum1": {"someone"}, "some1": {"someone"},
	"no1": {"no", "one"}, "any1": {"anyone"}, "every1": {"everyone"}, "coz": {"because"}, "cos": {"because"}, "bcos": {"because"},
	"tabletts": {"tablets"}, "tablts": {"tablets"}, "pasport": {"passport"}, "garrage": {"garage"}, "brige": {"bridge"},
	"confusd": {"confused"}, "heerin": {"hearing"}, "hearin": {"hearing"},
}

// droppedG reports a word typed without its last "g" ("cuttin", "givin",
// "freezin"): one that is no English word and is one with the "g".
func droppedG(w string) bool {
	if len(w) < 5 || w[len(w)-2:] != "in" || englishWord(w) {
		return false
	}
	return englishWord(w + "g")
}

// splitRisk reads a risk word typed as two ("safe guarding", "slef harm",
// "over dosed") or a reflexive typed as two after a harm ("kill her
// self"), at words[i] and words[i+1].
func splitRisk(words []string, i int) ([]string, bool) {
	w, next := words[i], words[i+1]
	if w == "self" || spelt(w, selfSpelt) == "self" {
		if harm := spelt(next, harmSpelt); harm != "" && (w != "self" || harm != next) {
			return []string{"self", harm}, true
		}
	}
	if w == "safe" {
		if g := spelt(next, guardSpelt); g != "" {
			return []string{"safe" + g}, true
		}
	}
	if w == "over" && strings.HasPrefix(next, "dos") {
		if next == "dose" || next == "dosed" || next == "doses" || next == "dosing" {
			return []string{"over" + next}, true
		}
		if said, ok := nearRiskSpelling("over"+next, riskSpelt); ok {
			return []string{said}, true // "over dosd"
		}
	}
	if reflexive, ok := reflexiveHalves[w]; ok && (next == "self" || next == "selves" || next == "slef") && afterHarm(words, i) {
		if i+2 == len(words) || !selfCompounds[words[i+2]] {
			return []string{reflexive}, true
		}
	}
	return nil, false
}

// spelt returns the word of list that w is, or is a near miss of; "" when
// it is neither.
func spelt(w string, list spellingList) string {
	if len(w) < len(list) {
		for _, s := range list[len(w)] {
			if s.word == w {
				return w
			}
		}
	}
	said, _ := nearRiskSpelling(w, list)
	return said
}

// reflexiveHalves are the first halves of a reflexive typed as two words.
var reflexiveHalves = map[string]string{"my": "myself", "her": "herself", "him": "himself", "them": "themselves", "their": "themselves",
	"your": "yourself", "our": "ourselves"}

// selfCompounds follow "self" in everyday compounds: "cut my self care
// time" is not "cut myself".
var selfCompounds = setOf(`care referral referrals refer refers referred referring esteem employed employment management manage managing
	help worth confidence development assessment assessments directed funded funding isolate isolating isolation advocacy awareness
	compassion reflection monitoring motivated motivation belief image report reported reporting`)

// afterHarm reports a harm act within the three words before words[i].
func afterHarm(words []string, i int) bool {
	return hasAny(words[max(0, i-3):i], selfHarmActs...)
}

// shorthandRisk reads the shorthand for risk at words[i]: "od", "o.d.",
// "od'd" (read as "odd") and "ODed" for an overdose, "kms" and "kys", "dv"
// and "dva". It returns what they say and how many words they are.
func shorthandRisk(words []string, i int) ([]string, int) {
	w := words[i]
	prev, next := "", ""
	if i > 0 {
		prev = words[i-1]
	}
	if i+1 < len(words) {
		next = words[i+1]
	}
	switch {
	case w == "od" || w == "ods" || w == "oded" || w == "oding":
		if w == "od" && dosing(prev, next) {
			return nil, 0 // "20mg od" is once a day
		}
		return []string{"overdose"}, 1
	case w == "o" && next == "d":
		return []string{"overdose"}, 2
	case w == "odd":
		if odSubjects[prev] && (next == "" || odAfter[next]) {
			return []string{"overdosed"}, 1 // "she od'd last night"
		}
	case w == "kms":
		if !amount(prev) {
			return []string{"kill", "myself"}, 1
		}
	case w == "kys":
		return []string{"kill", "yourself"}, 1
	case w == "dv" || w == "dva":
		return []string{"domestic", "violence"}, 1
	}
	return nil, 0
}

// amount reports a word that tells of a number: "5", "a few".
func amount(w string) bool {
	return w != "" && w[0] >= '0' && w[0] <= '9' || amountWords[w]
}

// dosing reports "od" as a dose's frequency: after an amount or a dose
// word, or before "daily".
func dosing(prev, next string) bool {
	return amount(prev) || doseWords[prev] || next == "daily" || next == "dose"
}

var (
	amountWords = setOf(`few many several some hundred hundreds thousand thousands of`)
	doseWords   = setOf(`mg mcg g ml tablet tablets tab tabs capsule capsules dose once daily prescribed bd tds qds prn nocte mane puff puffs`)
	odSubjects  = setOf(`she he they i we pt patient client who nearly almost just has had have son daughter mum dad partner husband wife`)
	odAfter     = setOf(`on last yesterday today tonight this again earlier twice before at over`)
)

// nearOrdinary reports whether w, two edits from a risk word, is one edit
// from an ordinary word that is near a risk word: "strugling" is
// "struggling" misspelt, not "strangling".
func nearOrdinary(w string, m uint32) bool {
	for l := len(w) - 1; l <= len(w)+1 && l < len(ordinaryByLen); l++ {
		for _, s := range ordinaryByLen[l] {
			if bits.OnesCount32(m^s.mask) <= 2 && distance(w, s.word, 1) <= 1 {
				return true
			}
		}
	}
	return false
}

// ordinaryNearRisk are the ordinary words a near miss of a risk word may
// be ("homeless", "struggling", "safely", "farming", "charm"), which are
// read as typed: the words of two large English word lists that are so
// near, less those that are themselves about risk ("abuses", "coercion",
// "strangles", "overdoes").
var ordinaryNearRisk = setOf(`abase abased abashing abasing abducing abessive abjurers abjuring abrasive abutters abutting amuse amused amusing anger armed
	arming arms assailed badgered banger bantered barbered barm barms bartered barterer battened batteries bettered bleating bleeping
	blending blessing blinding blooding braiding brailing braining braised braises braising breeding brisking brisling broiling
	browsing brucines bruited bruiting brushing brussels bused busing buttered charm charmed charming charms coercible
	collages collared collaring collated collates collating cruised cruises cruising dagger dancer dander danged dangler danglers
	danker emergence emergent expedited explained explication exploded exploration explored exportation exported farm farmed farming
	farms ganger gard glooming groaning grokking grooved grooving grossing grouping grousing grouting growling guar guardant guardedly
	guarder guarders guardi guardian guardians guars gurnards haem halm halms hamm hammed hamming hams hanger hard harding hards hare
	hared harem harems hares haring hark harked harking harks harl harp harped harping harps harrying hart harts herm homeless
	hopelessly hornless horseless houseless knaves langer mabuse manger mattered nattered overbore overcome overcomes overcoming
	overdoing overdone overdress overjoyed overjoying overrode overtone overtones overused overuses overusing pattered pelf ranger
	roomed rooming safely sanger sell serf shelf straddled straddling straggle straggled straggler straggles straggling stranded
	stranding strangely stranger stringed stringing struggled struggling subsides sulfides tattered unconsciously violet virulence
	virulent warm warmed warming warms`)

var ordinaryByLen = spellingsOf(slices.Sorted(maps.Keys(ordinaryNearRisk)))
