package knowledge

import "strings"

// topicShare is how much a question's word counts in choosing a passage
// when the entry's title or synonyms have it: such words say which entry,
// not which part of it.
const topicShare = 0.25

// passage returns the section of e that best answers q: the one whose
// words cover the most of the question's weight, by any term that stands
// for a word, with the words of the entry's own topic counting less. The
// summary section counts only when no other section covers more; a tie
// goes to the earlier section. An entry with no sections gives its summary.
func (ix *Index) passage(e *Entry, q string, et entryTerms) Section {
	pq := ix.parse(q)
	topic := et.topic
	weight := make([]float64, len(pq.units))
	inTitle := 0
	for i, u := range pq.units {
		weight[i] = u.weight
		if ix.unitIn(u, topic) {
			weight[i] *= topicShare
		}
		if ix.unitIn(u, et.title) {
			inTitle++
		}
	}
	if inTitle == len(pq.units) && len(e.Sections) > 0 {
		// The question only names the entry. A section headed with what
		// was named and what it means answers it ("MDT: multidisciplinary
		// team" in the glossary, whose title names every term it defines);
		// else the opening, when it speaks of all of it. Otherwise ("what
		// band am I" of an article titled "pay band" that opens on
		// reimbursement) the section that has the words answers.
		for i, s := range e.Sections {
			if named := et.named[i]; named != nil && ix.allIn(pq.units, named) {
				return s
			}
		}
		if ix.allIn(pq.units, et.sections[0]) {
			return e.Sections[0]
		}
	}
	best, bestScore := -1, 0.0
	for i, s := range e.Sections {
		terms := et.sections[i]
		var score float64
		for k, u := range pq.units {
			if ix.unitIn(u, terms) {
				score += weight[k]
			}
		}
		if strings.EqualFold(s.Heading, "summary") {
			score -= 1e-9 // another section as good is more to the point
		}
		if score > bestScore {
			best, bestScore = i, score
		}
	}
	if best < 0 {
		if len(e.Sections) > 0 {
			return e.Sections[0]
		}
		return Section{Text: e.Summary}
	}
	return e.Sections[best]
}

// allIn reports whether terms has every unit.
func (ix *Index) allIn(units []unit, terms map[string]bool) bool {
	for _, u := range units {
		if !ix.unitIn(u, terms) {
			return false
		}
	}
	return len(units) > 0
}

// entryTerms are the terms of an entry's title, its topic (title and
// synonyms) and each of its sections, found once when the content is loaded.
type entryTerms struct {
	title, topic map[string]bool
	sections     []map[string]bool
	// named are, by section, the terms of what a "TERM: meaning" heading
	// names ("MDT" of "MDT: multidisciplinary team"); nil for another
	// heading.
	named []map[string]bool
}

func termsOf(e *Entry) entryTerms {
	et := entryTerms{
		title: sectionTerms(Section{Heading: e.Title}),
		topic: sectionTerms(Section{Heading: e.Title, Text: strings.Join(e.Synonyms, "\n")}),
	}
	for _, s := range e.Sections {
		et.sections = append(et.sections, sectionTerms(s))
		var named map[string]bool
		if term, _, ok := strings.Cut(s.Heading, ":"); ok {
			named = sectionTerms(Section{Heading: term})
		}
		et.named = append(et.named, named)
	}
	return et
}

// unitIn reports whether terms has the unit's stem or any of its terms.
func (ix *Index) unitIn(u unit, terms map[string]bool) bool {
	if terms[u.stem] {
		return true
	}
	for _, id := range u.terms {
		if terms[ix.termName(id)] {
			return true
		}
	}
	return false
}

// sectionTerms is the set of terms of a section's heading and text: stems,
// joined hyphenated words and synonym concepts.
func sectionTerms(s Section) map[string]bool {
	out := make(map[string]bool)
	text := s.Heading + "\n" + s.Text
	toks, comps := tokenize(text)
	var stems []string
	for _, t := range toks {
		if indexable(t.text) {
			st := stem(t.text)
			out[st] = true
			stems = append(stems, st)
		}
	}
	for _, c := range comps {
		out[stem(c.joined.text)] = true
	}
	starts := make([][]phrase, len(stems))
	for i, st := range stems {
		starts[i] = synonyms.byFirst[st]
	}
	synonyms.match(stems, starts, func(concept, _, _ int) { out[synonyms.concepts[concept]] = true })
	return out
}
