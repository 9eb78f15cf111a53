package knowledge

import (
	"slices"
	"strings"
)

// A short "what is X" question whose X is, word for word, a synonym of two
// or more words of one article ("what is group supervision") asks for
// that article: it names the article's subject, as a defined term does.

// namedPhrase is a synonym of two or more words, as plain words, and its
// article.
type namedPhrase struct {
	words []string
	entry *Entry
}

// namedPhrases are every article's synonyms of two or more words.
func namedPhrases(entries []*Entry) []namedPhrase {
	var out []namedPhrase
	for _, e := range entries {
		for _, s := range e.Synonyms {
			if ws := plainWords(s); len(ws) >= 2 {
				out = append(out, namedPhrase{ws, e})
			}
		}
	}
	return out
}

// namedAsked is the article a "what is X" question names by one of its
// synonyms, when exactly one article has X as a synonym.
func (b *Base) namedAsked(words []string) (*Entry, bool) {
	subject := whatIsSubject(words)
	if subject == nil {
		subject = whatDoesSubject(words)
	}
	if subject == nil && len(words) >= 3 && len(words) <= 5 && words[0] == "what" && !articles[words[1]] && !hasAny(words[1:2], whatVerbs...) {
		subject = words[1:] // "what's group supervision": the tokenizer drops the 's
	}
	if len(subject) < 2 {
		return nil, false
	}
	var found *Entry
	for _, p := range b.named {
		if !slices.Equal(p.words, subject) {
			continue
		}
		if found != nil && found != p.entry {
			return nil, false // two articles have it
		}
		found = p.entry
	}
	if found != nil && strings.HasPrefix(found.ID, "supervision-") && !hasAny(subject, "supervision", "supervisor*") {
		// "what is a clinical pharmacist": the article is about their
		// supervision, not what they are.
		return nil, false
	}
	return found, found != nil
}

// whatVerbs follow "what" in a question that is not "what's X": "what is",
// "what does", "what should".
var whatVerbs = []string{"is", "are", "was", "were", "does", "do", "did", "can", "could", "should", "would", "will", "kind", "kinds", "sort", "type", "types"}

// whatDoesEnds close a question asking what a thing is by what it is like:
// "what does group supervision look like", "what does X involve".
var whatDoesEnds = [][]string{{"look", "like"}, {"involve"}, {"entail"}, {"consist", "of"}}

// whatDoesSubject returns X of "what does X look like" and its kin (see
// whatDoesEnds), without "a", "an" or "the"; nil for another question.
func whatDoesSubject(words []string) []string {
	if !hasPrefix(words, []string{"what", "does"}) {
		return nil
	}
	for _, end := range whatDoesEnds {
		n := len(words) - len(end)
		if n <= 2 || !slices.Equal(words[n:], end) {
			continue
		}
		rest := words[2:n]
		if len(rest) > 0 && articles[rest[0]] {
			rest = rest[1:]
		}
		return rest
	}
	return nil
}
