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
