package knowledge

// A question that names an article by one of its own synonyms, word for
// word and wherever in it ("where can I find the health coaching hub"),
// asks for that article; when search ranks it first but only just, the
// name, not the margin, decides.

// synonymNamed returns the article whose synonym of three or more words
// is the longest found, word for word, in words, when that synonym is only
// that article's; else nil. Two words ("social prescribing") are as often
// the subject of another question as the article's name.
func (b *Base) synonymNamed(words []string) *Entry {
	var found *Entry
	longest := 0
	for _, p := range b.named {
		n := len(p.words)
		if n < 3 || n < longest || !hasPhrase(words, joinWords(p.words)) {
			continue
		}
		switch {
		case n > longest:
			found, longest = p.entry, n
		case found != p.entry:
			found = nil // two articles have it
		}
	}
	return found
}

// joinWords is words separated by single spaces.
func joinWords(words []string) string {
	n := 0
	for _, w := range words {
		n += len(w) + 1
	}
	out := make([]byte, 0, n)
	for i, w := range words {
		if i > 0 {
			out = append(out, ' ')
		}
		out = append(out, w...)
	}
	return string(out)
}

// topNamed reports whether search's first hit, none of each, is named in
// words by one of its synonyms of two or more words: "where can I find
// supervision guidance documents" asks for the guidance, whatever the
// asker's role, not for their role's supervision.
func (b *Base) topNamed(res Results, words []string, each []*Entry) bool {
	if len(res.Hits) == 0 || res.Hits[0].Confidence < tune.confidentAt {
		return false
	}
	top := res.Hits[0].Entry
	for _, e := range each {
		if e == top {
			return false
		}
	}
	for _, p := range b.named {
		if p.entry == top && hasPhrase(words, joinWords(p.words)) {
			return true
		}
	}
	return false
}
