package knowledge

import (
	"slices"
	"strings"
)

// supervisorTrainingWords ask for training or a course.
var supervisorTrainingWords = []string{"training", "train", "course", "courses"}

// requiredWords ask what is required, not what is on offer: "do I need a
// qualification to supervise a coach" is who may supervise.
var requiredWords = []string{"need", "needs", "must", "required", "require", "requires", "mandatory", "qualification*", "qualified"}

// asksSupervisorTraining reports whether a question asks for training to
// supervise ("i'm a gp and want to supervise our link worker, is there
// training", "course for new supervisors"), not for the training of a
// role, nor what one must have to supervise, nor about the asker's own
// supervisor ("my supervisor isn't trained in coaching").
func asksSupervisorTraining(words []string) bool {
	if !hasAny(words, supervisorTrainingWords...) || hasAny(words, requiredWords...) || hasPhrase(words, "have to") || hasPhrase(words, "my supervisor") || hasPhrase(words, "our supervisor") {
		return false
	}
	return hasAny(words, "supervisor", "supervisors") || hasPhrase(words, "to supervise") || hasPhrase(words, "who supervise") || hasPhrase(words, "be supervising") ||
		hasPhrase(words, "start supervising") || hasPhrase(words, "for supervising")
}

// supervisorTraining answers a question asking for training to supervise
// with the article on supervisor training of the asker's place (the one
// the question names, else the asker's own): an article whose synonyms
// name supervisor training. Such training is local, so for an asker of
// no place, or of a place with no such article, it is nil and true: not
// sure. ok is false for another question.
func (b *Base) supervisorTraining(words []string, a Asker) (*Entry, bool) {
	if !asksSupervisorTraining(words) {
		return nil, false
	}
	place := b.namedLocality(words)
	if place == "" {
		place = strings.ToLower(strings.TrimSpace(a.Locality))
	}
	if place == "" || place == "national" {
		return nil, true
	}
	for _, e := range b.entries {
		if strings.EqualFold(e.Locality, place) && slices.ContainsFunc(e.Synonyms, func(s string) bool { return strings.EqualFold(s, "supervisor training") }) {
			return e, true
		}
	}
	return nil, true
}
