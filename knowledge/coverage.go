package knowledge

import (
	"math"
	"slices"
	"strings"
)

// unmatched returns the stems of q's words that entry e does not match by
// any of their terms, anywhere in it (title, synonyms, summary, body or its
// questions), with each word's weight as confidence weighs it. A word
// corrected as a likely typo is left out: which word was meant is a guess.
func (ix *Index) unmatched(q string, e *Entry) (stems []string, weights []float64) {
	d := int32(slices.Index(ix.entries, e))
	if d < 0 {
		return nil, nil
	}
	for _, u := range ix.parse(q).units {
		if u.pen == 1 && !ix.has(u, d) {
			stems, weights = append(stems, u.stem), append(weights, u.weight)
		}
	}
	return stems, weights
}

// has reports whether entry d matches unit u by any of its terms.
func (ix *Index) has(u unit, d int32) bool {
	for _, id := range u.terms {
		if _, found := slices.BinarySearchFunc(ix.postings[id], d, func(p posting, d int32) int { return int(p.doc - d) }); found {
			return true
		}
	}
	return false
}

// telling is the least weight, as confidence weighs it, of a word that says
// what a question is about: rarer words than most of the content's.
var telling = 2.3

// whenWords, stemmed, say when, not what: "in my first few weeks".
var whenWords = map[string]bool{"week": true, "day": true, "month": true, "year": true, "first": true, "few": true, "time": true,
	"today": true, "tomorrow": true, "yesterday": true, "new": true, "soon": true, "now": true}

// speaksOf reports whether entry e matches every telling word of q: a
// question's rare words name its subject, and an article without them
// does not answer it.
func (b *Base) speaksOf(q string, e *Entry) bool {
	stems, ws := b.index.unmatched(q, e)
	for i, w := range ws {
		if w >= telling && !whenWords[stems[i]] {
			return false
		}
	}
	return true
}

// vagueTerms, stemmed, name a kind of help without its subject: "what
// resources are there for me", "any useful information".
var vagueTerms = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{"resource", "resources", "information", "guide", "guides", "material", "materials", "website", "websites",
		"stuff", "advice", "support", "tips", "options", "ideas", "available", "recommend", "recommended", "useful", "read", "reading", "start", "begin"} {
		m[stem(w)] = true
	}
	return m
}()

// vague reports whether a question's terms only name a kind of help
// ("what resources are there for me"): which one, for what, it does not
// say, and an article that happens to have the word is a guess.
func vague(terms []string) bool {
	for _, t := range terms {
		if !vagueTerms[t] && !whenWords[t] {
			return false // "im new, what should i do first" is no subject either
		}
	}
	return len(terms) > 0
}

// covered returns the share of the query's weight, as confidence weighs it,
// whose words entry d matches at all, by any of their terms.
func (ix *Index) covered(units []unit, d int32) float64 {
	var got, all float64
	for _, u := range units {
		w := math.Pow(u.weight, ix.t.confPower)
		all += w
		for _, id := range u.terms {
			ps := ix.postings[id]
			if _, found := slices.BinarySearchFunc(ps, d, func(p posting, d int32) int { return int(p.doc - d) }); found {
				got += w
				break
			}
		}
	}
	if all == 0 {
		return 0
	}
	return got / all
}

// Knows reports whether term, a normalised query term as in Results.Terms,
// is a word of the content's own vocabulary: letters only, and found in at
// least one entry. Only such words may be kept from a question, so a name
// or a number someone typed never is.
func (b *Base) Knows(term string) bool {
	if b == nil || b.index == nil || !isLetters(term) {
		return false
	}
	id, ok := b.index.terms[term]
	return ok && len(b.index.postings[id]) > 0
}

// placeUnspoken reports whether the question names a place that e neither
// belongs to nor speaks of anywhere: "link worker in london - any local
// directories?" asks about London, which the link workers' definition says
// nothing of.
func (b *Base) placeUnspoken(e *Entry, words []string) bool {
	place := b.namedLocality(words)
	if place == "" || strings.EqualFold(strings.TrimSpace(e.Locality), place) {
		return false
	}
	d := int32(slices.Index(b.index.entries, e))
	for _, u := range b.index.parse(place).units {
		if d < 0 || !b.index.has(u, d) {
			return true
		}
	}
	return false
}

// toldStems returns, by entry id, the stems of the words of what each
// entry defines and of whom it helps, which search does not index.
func toldStems(entries []*Entry) map[string]map[string]bool {
	out := make(map[string]map[string]bool, len(entries))
	for _, e := range entries {
		out[e.ID] = toldOf(e)
	}
	return out
}

// toldOf returns the stems of the words of what e defines and of whom it
// helps.
func toldOf(e *Entry) map[string]bool {
	told := map[string]bool{}
	var texts []string
	for _, d := range e.Defines {
		texts = append(texts, d.Term, d.Means, d.Text)
	}
	if e.Referral != nil {
		texts = append(texts, e.Referral.Why)
		texts = append(texts, e.Referral.Cues...)
	}
	for _, s := range texts {
		for _, w := range plainWords(s) {
			told[stem(w)] = true
		}
	}
	return told
}

// coverage returns the share of question q's weight, as confidence weighs
// it, whose words e has anywhere (title, synonyms, summary, body, its
// questions, what it defines and whom it helps), and the stems it lacks.
// q is the question as search reads it (see readQuestion), without
// greetings and who the asker says they are; numbers and words that say
// when ("in my first few weeks") are left out, since they say nothing of
// the subject.
func (b *Base) coverage(q string, e *Entry) (float64, []string) {
	d := int32(slices.Index(b.index.entries, e))
	if d < 0 {
		return 1, nil
	}
	told := b.told[e.ID]
	var got, all float64
	var missing []string
	for _, u := range b.index.parse(q).units {
		if whenWords[u.stem] || isNumber(u.stem) {
			continue
		}
		w := math.Pow(u.weight, b.index.t.confPower) * u.pen
		all += w
		if b.index.has(u, d) || told[u.stem] {
			got += w
			continue
		}
		missing = append(missing, u.stem)
	}
	if all == 0 {
		return 1, nil
	}
	return got / all, missing
}
