package knowledge

// settle makes the last checks of ans, an answer chosen for a question
// (asked as typed, q and words as read, searched as search was given it
// with opts): an article that is a guess all the same is not sure, a
// place's own article on the same ask takes its place, how the work feels
// answers what nothing else did (felt: it already does), and the passage
// that answers leads, with the local articles beside it.
func (b *Base) settle(ans *Answer, felt bool, asked, q, searched string, words []string, opts SearchOptions, roles roleSet, a Asker) {
	res := ans.Results // search's, before samePlace searches again
	if ans.Kind == Article && !felt && b.guessed(q, words, res, ans.Entry) {
		ans.Kind, ans.Entry = NotSure, nil
	}
	if ans.Entry != nil {
		b.samePlace(ans, asked, searched, opts, roles, a)
	}
	if e, ok := b.workFeels(words, a); ok && ans.Entry == nil && ans.Kind == NotSure { // how the work feels, which nothing else answered
		ans.Kind, ans.Entry = Article, e
	}
	if ans.Entry != nil {
		ans.Passage = b.index.passage(ans.Entry, q, b.terms[ans.Entry.ID])
		ans.Local = localBeside(res, ans.Entry, a.Locality)
	}
}

// guessed reports whether e, an article some rule chose for the question
// (q as search reads it, words as the intents do), is a guess all the
// same: it has next to none of what was asked, when search was not sure
// of it, or the question asks how the asker should do something that e
// never speaks of doing (see practiceUnspoken).
func (b *Base) guessed(q string, words []string, res Results, e *Entry) bool {
	if !searchSure(res, e) {
		if covered, _ := b.coverage(q, e); covered < askCoveredAt {
			return true
		}
	}
	return b.practiceUnspoken(words, e)
}

// referred is the answer to a referral question with role e and why it
// helps: who to refer to, or, when the question asks of social
// prescribing, the service, the social prescribing article (see
// serviceNamed).
func (b *Base) referred(words []string, e *Entry, why string) (Kind, *Entry, string) {
	if sp := b.serviceNamed(words, e); sp != nil {
		return Article, sp, ""
	}
	return WhoToRefer, e, why
}
