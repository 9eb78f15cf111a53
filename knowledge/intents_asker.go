package knowledge

import "slices"

// askerSaid are the words with which someone says who they are before
// asking ("im a student nurse on placement", "as a receptionist"): what
// they are, not what they ask, so they are left out of the question when
// they follow "im", "i am" or "as a".
var askerSaid = map[string]bool{"student": true, "students": true, "placement": true, "reception": true, "receptionist": true,
	"ward": true, "background": true, "hospital": true, "experienced": true, "trainee": true, "volunteer": true, "retired": true,
	"former": true, "ex": true, "newly": true, "medical": true, "secretary": true, "apprentice": true, "work": true, "based": true,
	"working": true, "years": true, "year": true, "nhs": true,
	// Where they work, said of themselves: "as a link worker in
	// gateshead, how often..." asks what a link worker asks anywhere.
	"gateshead": true, "london": true}

// askerSaidJoins may stand between the words of a description: "on
// placement", "from a hospital ward background".
var askerSaidJoins = map[string]bool{"a": true, "an": true, "the": true, "on": true, "from": true, "in": true, "at": true, "of": true}

// askerSaidKept may stand in a description and are kept: "im a new cc
// from a hospital ward background" is still about a new care coordinator.
func askerSaidKept(w string) bool {
	return w == "new" || len(rolesNamed([]string{w})) > 0 || hasAny([]string{w}, "link", "worker", "workers", "care", "health", "wellbeing", "coach", "social")
}

// dropAskerIntro returns words without the description of the asker that
// follows "im", "i am" or "as a": "im on reception, how do i book someone
// in with the social prescriber" asks how to book someone in. The words
// of the description go, with "im" or "as a" before them; a role's name
// in it ("im a new cc from a hospital ward background") stays; a word of
// another kind ends it. Nothing goes unless a word known as one of a
// description (askerSaid) is there. A student's profession ("student
// nurse") goes with "student". words is not changed.
func dropAskerIntro(words []string) []string {
	var out []string
	for i := 0; i < len(words); i++ {
		start := 0
		switch {
		case words[i] == "im":
			start = i + 1
		case i+1 < len(words) && words[i] == "i" && (words[i+1] == "work" || words[i+1] == "volunteer"):
			start = i + 2 // "i work on reception"
		case i+1 < len(words) && (words[i] == "i" && words[i+1] == "am" || words[i] == "as" && articles[words[i+1]]):
			start = i + 2
		default:
			continue
		}
		drop, said, role := []int(nil), false, false
		for k := i; k < start; k++ {
			drop = append(drop, k)
		}
		j := start
	description:
		for ; j < len(words); j++ {
			w := words[j]
			switch {
			case askerSaid[w]:
				said = true
				drop = append(drop, j)
				if w == "student" && j+1 < len(words) && hasAny(words[j+1:j+2], professions...) {
					j++
					drop = append(drop, j) // "student nurse"
				}
			case askerSaidJoins[w]:
				drop = append(drop, j)
			case askerSaidKept(w):
				role = role || w != "new"
				if !role {
					drop = append(drop, j) // "as a new receptionist": new, unless a role's
				}
			default:
				break description
			}
		}
		if !said {
			continue
		}
		if out == nil {
			out = append([]string(nil), words...)
		}
		for _, k := range drop {
			out[k] = ""
		}
		i = j - 1
	}
	if out == nil {
		return words
	}
	kept := out[:0]
	for _, w := range out {
		if w != "" {
			kept = append(kept, w)
		}
	}
	return kept
}

// asksWhatRoleDoes reports a "what does X do" question: "what" and a "do"
// that is the question's verb, not only the opener "what do": "what does a
// link worker do", "what's a coach doing all day", but not "what do CQC
// look for with our care coordinators", whose verb is another.
func asksWhatRoleDoes(words []string) bool {
	if !hasAny(words, "what", "whats") {
		return false
	}
	for i, w := range words {
		if (w == "do" || w == "does" || w == "doing") && (i == 0 || !hasAny(words[i-1:i], "what", "whats")) {
			return true
		}
	}
	return false
}

// asksWhatIs reports a short question asking what a thing is: "what is a
// carers passport", not "what is the best help for a lonely patient".
func asksWhatIs(words []string) bool {
	opens := hasPrefix(words, []string{"what", "is"}) || hasPrefix(words, []string{"what", "are"}) || hasPrefix(words, []string{"whats"}) || whatsArticle(words)
	return opens && len(words) <= 6 && !hasAny(words, "for", "with", "help*", "available", "best", "support*", "who", "someone")
}

// whatsArticle reports "what's a", "what's the": the words read "what a",
// "what the", as plainWords drops "'s".
func whatsArticle(words []string) bool {
	return len(words) > 2 && words[0] == "what" && articles[words[1]]
}

// whatIsSubject returns X of a short "what is X" question (see
// asksWhatIs), without "a", "an" or "the"; nil for another question.
func whatIsSubject(words []string) []string {
	if !asksWhatIs(words) {
		return nil
	}
	rest := words[1:]
	if words[0] == "what" && !whatsArticle(words) {
		rest = words[2:]
	}
	if len(rest) > 0 && articles[rest[0]] {
		rest = rest[1:]
	}
	if len(rest) > 1 && hasAny(rest[:1], judgedWords...) {
		rest = rest[1:] // "what is a reasonable caseload" asks of a caseload
	}
	return rest
}

// judgedWords before a thing ask how much of it is right, not what it is:
// "a reasonable caseload", "a typical week".
var judgedWords = []string{"reasonable", "typical", "normal", "average", "good", "realistic", "usual", "standard", "recommended", "ideal",
	"safe", "sensible", "manageable", "expected", "acceptable", "healthy"}

// headNames reports whether e's title, summary or synonyms have every
// meaningful word of subject, as stems: an article that only mentions a
// care home in passing does not say what a care home is.
func (b *Base) headNames(e *Entry, subject []string) bool {
	head := b.heads[e.ID]
	for _, w := range subject {
		if indexable(w) && !head[stem(w)] {
			return false
		}
	}
	return true
}

// headStems returns, by entry id, the stems of the words of each entry's
// title, summary and synonyms.
func headStems(entries []*Entry) map[string]map[string]bool {
	out := make(map[string]map[string]bool, len(entries))
	for _, e := range entries {
		head := map[string]bool{}
		// An article's place is part of its name: "the Gateshead new
		// roles overview".
		for _, s := range append([]string{e.Title, e.Summary, e.Locality}, e.Synonyms...) {
			for _, w := range plainWords(s) {
				head[stem(w)] = true
			}
		}
		out[e.ID] = head
	}
	return out
}

// requests are how people ask the bot politely before, or around, what
// they ask ("could you tell me", "point me to", "i'm interested in"):
// none of their words is what is asked.
var requests = newPhraseSet([]string{"can you tell me", "could you tell me", "would you tell me", "can you explain", "could you explain",
	"could you clarify", "can you clarify", "can you point me to", "could you point me to", "point me to", "point me towards",
	"point me in the right direction", "point me in the direction of", "im keen on", "im interested in", "i wanted to check", "i was wondering",
	"id like to know", "id love to know", "id like some advice on", "id like advice on", "id like to understand", "i keep hearing about",
	"im trying to understand", "i would like to know", "please could you", "can you help me", "could you help me",
	"if you could tell me", "if you can tell me", "if you could explain", "if anyone could tell me", "if anyone can tell me",
	"if someone could tell me", "if someone could explain", "i was just wondering", "just wondering", "i just wondered", "i wondered",
	"tell me", "i just wanted to check", "i just wanted to ask", "i wanted to ask", "i am trying to understand", "trying to understand",
	"im a bit unsure", "i am a bit unsure", "im a little unsure", "im unsure", "i am unsure",
	// Asked of anyone reading: "could someone explain", "does anyone know".
	"could someone explain", "can someone explain", "could anyone explain", "can anyone explain", "could someone tell me",
	"can someone tell me", "can anyone tell me", "could anyone tell me", "does anyone know", "anyone know", "does anybody know",
	"could someone please clarify for me", "could someone please clarify", "could someone clarify for me", "could someone clarify",
	"can someone clarify", "could you please clarify", "please clarify", "could someone please explain", "could you please explain",
	"could you please tell me", "can you please tell me", "could someone please tell me",
	// How simply to say it: "explain ARRS like im 5".
	"like im 5", "like im five", "like i am 5", "like i am five", "like a 5 year old", "like a five year old", "in simple terms", "in plain english",
	"in plain terms", "in laymans terms", "in layman terms", "in simple words", "in a nutshell", "for dummies", "eli5", "simply",
	// Vague fillers: "what kind of things do link workers refer to" asks
	// what they refer to, not of a kind.
	"kind of things", "kinds of things", "sort of things", "sorts of things", "kind of stuff", "sort of stuff", "type of things", "types of things"})

// touchPhrases are "contact" said in everyday words: "who should i get in
// touch with" asks whom to contact, and "touch" alone is the content's
// "light touch".
var touchPhrases = newPhraseSet([]string{"get in touch with", "get in touch", "be in touch with", "in touch with"})

// recallWords open what someone asks to be reminded of: "remind me what
// the DES is" asks what the DES is, not for a reminder.
var recallWords = []string{"what", "whats", "who", "whos", "which", "wat", "wot", "the", "again"}

// recallAsked returns how many words from i ask to be reminded of
// something ("remind me", "remind me again"), when what follows is a
// question, or 0.
func recallAsked(words []string, i int) int {
	if i+2 >= len(words) || words[i] != "remind" || words[i+1] != "me" || !slices.Contains(recallWords, words[i+2]) {
		return 0
	}
	if words[i+2] == "again" {
		return 3
	}
	return 2
}

// dropRequests returns words without the requests in them, into a new
// slice when any is.
func dropRequests(words []string) []string {
	var out []string
	for i := 0; i < len(words); i++ {
		n := requests.match(words, i)
		if n == 0 {
			n = recallAsked(words, i)
		}
		if t := touchPhrases.match(words, i); n == 0 && t > 0 {
			if out == nil {
				out = append(make([]string, 0, len(words)), words[:i]...)
			}
			out = append(out, "contact")
			i += t - 1
			continue
		}
		if n == 0 {
			if out != nil {
				out = append(out, words[i])
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(words)), words[:i]...)
		}
		i += n - 1
	}
	if len(out) == 0 {
		return words
	}
	return out
}

// jobNouns end the name of a job: "social worker", "support worker",
// "care navigator".
var jobNouns = []string{"worker", "workers", "practitioner*", "assistant*", "officer*", "navigator*", "coordinator*", "coach", "coaches",
	"champion*", "advisor*", "adviser*"}

// headSays reports whether e's title, summary or synonyms have subject's
// meaningful words (see headNames) and, when subject names a job in two
// words or more that is none of the roles, have them together and in
// order in one of them: "what is a social worker" is not said by the link
// workers' article, whose head has "social" and "worker" only apart.
func (b *Base) headSays(e *Entry, subject []string) bool {
	if !b.headNames(e, subject) {
		return false
	}
	if len(subject) == 0 || !hasAny(subject[len(subject)-1:], jobNouns...) || len(rolesNamed(subject)) > 0 {
		return true // "a trainee health coach" is one of the roles
	}
	var want []string
	for _, w := range subject {
		if indexable(w) {
			want = append(want, stem(w))
		}
	}
	if len(want) < 2 {
		return true
	}
	for _, s := range append([]string{e.Title, e.Summary}, e.Synonyms...) {
		var have []string
		for _, w := range plainWords(s) {
			if indexable(w) {
				have = append(have, stem(w))
			}
		}
		for i := 0; i+len(want) <= len(have); i++ {
			if slices.Equal(have[i:i+len(want)], want) {
				return true
			}
		}
	}
	return false
}
