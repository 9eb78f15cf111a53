package knowledge

import (
	"slices"
	"strings"
)

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

// rivalAt is how much more confident than search's answer another hit
// must be to make it a guess (see nearerRival).
var rivalAt = 0.02

// nearerRival reports whether h, search's answer, is near none of its
// article's own questions while another hit that fits the question is more
// confident and near one of its own: the question reads as the other's,
// and search ranked h first only on the words they share. "What kind of
// things do link workers refer to" ranks the caseload article, which has
// the most of its words, ahead of social prescribing, which is asked of in
// so many words. A rival whose title lacks a telling word of the question
// that h's title has is none: "what is the caseload in social prescribing"
// is the caseload article's.
func (b *Base) nearerRival(h Hit, res Results, q string, fits func(*Entry) bool) bool {
	if h.Near > 0 {
		return false
	}
	for _, o := range res.Hits {
		if o.Entry != h.Entry && o.Near >= tune.nearFrom && o.Confidence > h.Confidence+rivalAt && fits(o.Entry) &&
			!b.index.titleNamesMore(q, h.Entry, o.Entry) {
			return true
		}
	}
	return false
}

// titleNamesMore reports whether e's title has a telling word of q (see
// telling) that other's title has not.
func (ix *Index) titleNamesMore(q string, e, other *Entry) bool {
	d, od := int32(slices.Index(ix.entries, e)), int32(slices.Index(ix.entries, other))
	if d < 0 || od < 0 {
		return false
	}
	for _, u := range ix.parse(q).units {
		if u.weight >= telling && ix.titleHas(d, u) && !ix.titleHas(od, u) {
			return true
		}
	}
	return false
}

// titleHas reports whether entry d's title has a word of unit u.
func (ix *Index) titleHas(d int32, u unit) bool {
	for _, w := range ix.titleWords[ix.titleAt[d]:ix.titleAt[d+1]] {
		for _, t := range ix.titleTerms[w.from:w.to] {
			if slices.Contains(u.terms, t) {
				return true
			}
		}
	}
	return false
}
