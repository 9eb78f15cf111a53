package knowledge

import "strings"

// passage returns the section of e that best answers q: the one whose
// words cover the most of the question's weight, by any term that stands
// for a word. The summary section counts only when no other section covers
// more; a tie goes to the earlier section. An entry with no sections gives
// its summary.
func (ix *Index) passage(e *Entry, q string) Section {
	pq := ix.parse(q)
	best, bestScore := -1, 0.0
	for i, s := range e.Sections {
		terms := sectionTerms(s)
		var score float64
		for _, u := range pq.units {
			if terms[u.stem] {
				score += u.weight
				continue
			}
			for _, id := range u.terms {
				if terms[ix.termName(id)] {
					score += u.weight
					break
				}
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
