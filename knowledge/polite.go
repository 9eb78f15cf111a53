package knowledge

import "slices"

// A message often wraps its question in courtesies: a greeting ("morning
// all"), a wish ("I hope you're well"), an apology for asking ("sorry to
// bother you", "apologies if this has been asked before, but"), and
// thanks to close ("many thanks in advance", "any help would be really
// appreciated"). None of their words is what is asked, and left in they
// outweigh the ask's: "sorry" and "bother" found the article on why
// supervision matters for "sorry to bother, who supervises a link
// worker". They go wherever they stand; a single polite word ("hi",
// "please") only at either end, where it cannot be part of the ask.

// politeness are words that open or close a message without asking
// anything: "hi, can you tell me...", "quick q".
var (
	politeWords = map[string]bool{"hi": true, "hello": true, "hey": true, "hiya": true, "please": true, "pls": true, "plz": true,
		"so": true, "ok": true, "okay": true, "quick": true, "q": true, "question": true, "sorry": true, "um": true, "thanks": true,
		"thank": true, "cheers": true, "just": true, "wondering": true, "morning": true, "afternoon": true, "evening": true,
		"apologies": true, "dear": true, "thx": true, "ty": true, "tia": true,
		// Laughter and sign-offs typed after the question.
		"lol": true, "haha": true, "hahaha": true, "lmao": true, "x": true, "xx": true, "xxx": true, "ta": true}
	politePairs = [][2]string{{"hi", "there"}, {"hello", "there"}, {"hey", "there"}, {"good", "morning"}, {"good", "afternoon"}, {"good", "evening"}, {"can", "you"}, {"could", "you"}, {"would", "you"}, {"do", "you"}, {"i", "wondered"}, {"thank", "you"}}
	// audience is whom a greeting is to: "morning all", "hi everyone".
	audience = []string{"all", "everyone", "everybody", "team", "folks", "guys", "peerbot", "bot", "yall"}
)

// politeNamed are the names that start with a polite word: "quick
// reference guide" asks for the quick reference summary.
var politeNamed = map[string]bool{"quick reference": true, "quick ref": true, "quick guide": true}

// courtesies are the phrases of courtesy (see the top of this file),
// dropped wherever they are.
var courtesies = newPhraseSet(wishes(), []string{
	"sorry to bother you", "sorry to bother", "sorry to bug you", "sorry to trouble you", "sorry to be a pain", "sorry for the bother",
	"sorry if this has been asked before", "apologies if this has been asked before", "apologies if this has already been asked",
	"sorry if this has already been asked", "apologies in advance", "sorry in advance", "apologies for the long message",
	"sorry for the long message", "hope you dont mind me asking", "hope you dont mind",
	"quick one", "quick question", "quick q", "a quick one", "a quick question", "random one", "random question", "random q",
	"new here", "im new here", "first time here", "first time asking", "first time using this",
	"many thanks in advance", "thanks in advance", "thank you in advance", "thanks so much", "thank you so much", "thanks very much",
	"thank you very much", "many thanks", "thanks a lot", "thanks again", "kind regards", "best wishes", "best regards", "warm regards",
	"much appreciated", "greatly appreciated", "really appreciated",
}, appreciated())

// wishes are the good wishes that open a message: "I hope you're well",
// "hope you are all keeping well".
func wishes() []string {
	var out []string
	for _, you := range []string{"youre", "you are", "youre all", "you are all", "everyone is", "all is", "this finds you"} {
		for _, well := range []string{"well", "doing well", "keeping well", "ok", "okay", "good", "having a good day", "having a good week"} {
			out = append(out, "hope "+you+" "+well, "i hope "+you+" "+well)
		}
	}
	for _, time := range []string{"your week", "your day", "the week", "your morning", "your afternoon"} {
		for _, well := range []string{"is going well", "is going ok", "is going okay", "is good", "has been good"} {
			out = append(out, "hope "+time+" "+well, "i hope "+time+" "+well)
		}
	}
	for _, time := range []string{"weekend", "week", "break", "christmas", "holiday"} {
		out = append(out, "hope you had a good "+time, "hope you had a nice "+time, "hope youve had a good "+time)
	}
	return out
}

// appreciated are the thanks that close a message: "any help would be
// really appreciated", "any advice gratefully received".
func appreciated() []string {
	var out []string
	for _, what := range []string{"help", "advice", "guidance", "info", "information", "pointers", "thoughts"} {
		for _, how := range []string{"would be", "would be really", "would be much", "would be greatly", "would be very much", "would be gratefully", "is", ""} {
			for _, thanks := range []string{"appreciated", "received", "welcome"} {
				p := "any " + what + " " + how + " " + thanks
				if how == "" {
					p = "any " + what + " " + thanks
				}
				out = append(out, p)
			}
		}
	}
	return out
}

// trimPolite drops the courtesies of a message, and the words that open
// or close it without asking anything.
func trimPolite(words []string) []string {
	words = dropCourtesies(words)
	for len(words) > 0 {
		switch {
		case len(words) > 2 && slices.Contains(politePairs, [2]string{words[0], words[1]}) && slices.Contains(audience, words[2]):
			words = words[3:] // "good morning all"
		case len(words) > 1 && slices.Contains(politePairs, [2]string{words[0], words[1]}):
			words = words[2:]
		case len(words) > 1 && (politeWords[words[0]] || words[0] == "good") && slices.Contains(audience, words[1]):
			words = words[2:] // "morning all", "dear peerbot"
		case politeWords[words[0]] && !(len(words) > 1 && politeNamed[words[0]+" "+words[1]]):
			words = words[1:]
		case politeWords[words[len(words)-1]]:
			words = words[:len(words)-1]
		case len(words) > 1 && slices.Contains(politePairs, [2]string{words[len(words)-2], words[len(words)-1]}):
			words = words[:len(words)-2]
		default:
			return words
		}
	}
	return words
}

// dropCourtesies returns words without the courtesies in them, and the
// "but" after one ("apologies if this has been asked before, but how
// often..."), into a new slice when any is.
func dropCourtesies(words []string) []string {
	return dropRuns(words, func(i int) int {
		n := courtesies.match(words, i)
		if n > 0 && i+n < len(words) && words[i+n] == "but" {
			n++
		}
		return n
	})
}

// dropRuns returns words without the runs of them that drop marks: drop(i)
// is how many words to leave out from words[i], 0 for none. It is words
// itself when none is left out, else a new slice.
func dropRuns(words []string, drop func(i int) int) []string {
	var out []string
	for i := 0; i < len(words); {
		if n := drop(i); n > 0 {
			if out == nil {
				out = append(make([]string, 0, len(words)), words[:i]...)
			}
			i += n
			continue
		}
		if out != nil {
			out = append(out, words[i])
		}
		i++
	}
	if out == nil {
		return words
	}
	return out
}

// replaceWords returns words with each word i that with(i) gives words
// for put in their place; words itself, not a copy, when none is.
func replaceWords(words []string, with func(i int) ([]string, bool)) []string {
	var out []string
	for i, w := range words {
		said, ok := with(i)
		if !ok {
			if out != nil {
				out = append(out, w)
			}
			continue
		}
		if out == nil {
			out = append(make([]string, 0, len(words)+2), words[:i]...)
		}
		out = append(out, said...)
	}
	if out == nil {
		return words
	}
	return out
}
