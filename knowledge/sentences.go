package knowledge

import "strings"

// A message of several sentences ("can someone explain what ARRS is? I
// keep hearing it in meetings") may hold its question in one of them,
// the rest context that, read with it, drowns the question.

// maxSentences is the most sentences of a message read one by one.
const maxSentences = 4

// sentences splits q at the marks that end a sentence (. ? !) followed by
// a space or the end; a question of one sentence gives one.
func sentences(q string) []string {
	var out []string
	start := 0
	for i := 0; i < len(q); i++ {
		if c := q[i]; (c == '?' || c == '!' || c == '.') && (i+1 == len(q) || q[i+1] == ' ' || q[i+1] == '\n') {
			if s := strings.TrimSpace(q[start : i+1]); len(strings.Fields(s)) > 1 {
				out = append(out, s)
			}
			start = i + 1
		}
	}
	if s := strings.TrimSpace(q[start:]); len(strings.Fields(s)) > 1 {
		out = append(out, s)
	}
	return out
}

// weakSearch reports whether ans is search's first hit, given though it
// is not a good one (secondAt): a sentence of the message that answers
// well is a better answer.
func weakSearch(ans Answer) bool {
	h := ans.Results.Hits
	return ans.Kind == Article && len(h) > 0 && h[0].Entry == ans.Entry && h[0].Confidence < secondAt
}

// strongHit reports whether search's first hit is the answer and a good
// one (secondAt), or a sure one well ahead of the next (aheadAt).
func strongHit(ans Answer) bool {
	h := ans.Results.Hits
	if len(h) == 0 || h[0].Entry != ans.Entry {
		return false
	}
	// "Is there any guidance on what a reasonable caseload is?" has the
	// caseload article and nothing near it.
	return h[0].Confidence >= secondAt || h[0].Confidence >= tune.confidentAt && (len(h) < 2 || h[0].Score-h[1].Score >= aheadAt)
}

// oneSentenceAnswers answers a message of several sentences that as a
// whole is not sure, or only a weak search answer, with the answer of one of them, when the sentences
// that answer confidently all give the same article and none is about
// risk or asks how to use peerbot. A sentence answered by search alone
// must be answered well (strongHit): alone, a sentence says less.
func (b *Base) oneSentenceAnswers(q string, a Asker) (Answer, bool) {
	ss := sentences(q)
	if len(ss) < 2 || len(ss) > maxSentences {
		return Answer{}, false
	}
	var found Answer
	for _, s := range ss {
		if followUp(s) {
			continue // "Is there guidance?": guidance on what the other sentences say, not any guidance
		}
		ans := b.answer(s, a)
		if ans.Safety || ans.Kind == Usage {
			return Answer{}, false
		}
		if !ans.Confident() || ans.Kind == Article && !strongHit(ans) {
			continue // "what happens to our posts": too little said alone to answer
		}
		if found.Entry != nil && found.Entry != ans.Entry {
			return Answer{}, false // two answers: which was asked is a guess
		}
		found = ans
	}
	return found, found.Entry != nil
}

// followUpWords are the only words of a sentence that asks for something
// on what the message's other sentences say: "Is there a summary?", "Is
// there any guidance I should read?".
var followUpWords = map[string]bool{"is": true, "are": true, "there": true, "any": true, "a": true, "an": true, "some": true, "the": true,
	"guidance": true, "summary": true, "overview": true, "resources": true, "resource": true, "information": true, "info": true,
	"anything": true, "something": true, "documents": true, "document": true, "reading": true, "material": true, "materials": true,
	"advice": true, "links": true, "link": true, "i": true, "should": true, "can": true, "could": true, "read": true, "on": true,
	"it": true, "this": true, "that": true, "them": true, "about": true, "where": true, "what": true, "find": true, "out": true,
	"more": true, "you": true, "clarify": true, "explain": true, "please": true, "thanks": true, "me": true, "point": true, "to": true}

// followUp reports whether sentence s has no word but followUpWords.
func followUp(s string) bool {
	for _, w := range plainWords(s) {
		if !followUpWords[w] {
			return false
		}
	}
	return true
}
