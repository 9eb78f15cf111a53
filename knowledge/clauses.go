package knowledge

import "strings"

// questionOpeners are the words a question's first clause opens with when
// it asks something itself.
var questionOpeners = []string{"who", "what", "whats", "how", "why", "where", "when", "which", "can", "could", "is", "are", "do", "does", "should"}

// tailAsks are the words of a clause that asks something of its own, or
// sets things side by side, rather than only narrowing the clause before.
var tailAsks = append([]string{"vs", "versus", "differ*", "compar*", "also", "plus"}, questionOpeners...)

// listedClause returns the article one of whose own questions is, word for
// word, the first clause of q, when what follows only narrows it: "who
// employs link workers, the PCN or the practice" asks the link worker
// article's own "who employs link workers?". A tail that asks of its own
// ("what is a link worker, how do they differ from a coach") does not.
func (b *Base) listedClause(q string) (*Entry, bool) {
	cut := strings.IndexAny(q, ",;:?")
	if dash := strings.Index(q, " - "); dash >= 0 && (cut < 0 || dash < cut) {
		cut = dash
	}
	if cut <= 0 {
		return nil, false
	}
	head, _ := readQuestion(q[:cut])
	tail := plainWords(q[cut:])
	if len(head) < 3 || len(tail) == 0 || !hasAny(head[:1], questionOpeners...) || hasAny(tail, tailAsks...) || offTopic(head) || offTopic(tail) {
		return nil, false
	}
	e, ok := b.listed[listedKey(head)]
	return e, ok
}
