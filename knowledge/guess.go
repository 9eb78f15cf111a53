package knowledge

import "strings"

// parallelAt is how near another role's article of the same kind must
// rank to h for h to be a guess between them (see parallelRival).
var parallelAt = 0.05

// parallelRival reports whether h is one role's own article ("supervision-
// cc") and another role's article of the same kind ranks near it: for a
// question that names no role, from someone of none, either is a guess.
func parallelRival(h Hit, res Results) bool {
	e := h.Entry
	if len(e.Roles) != 1 || !strings.Contains(e.ID, e.Roles[0]) {
		return false
	}
	for _, o := range res.Hits {
		if o.Entry == e || len(o.Entry.Roles) != 1 || o.Entry.Roles[0] == e.Roles[0] {
			continue
		}
		if o.Entry.ID == strings.Replace(e.ID, e.Roles[0], o.Entry.Roles[0], 1) && h.Score-o.Score < parallelAt {
			return true
		}
	}
	return false
}
