package knowledge

import "math/bits"

// unfamiliar reports whether w is a word neither the content nor the
// synonym table knows, in any form, and long enough to correct: four
// letters, or three without a vowel.
func (ix *Index) unfamiliar(w string) bool {
	if len(w) < 3 || len(w) == 3 && hasVowel(w) || len(w) > maxWordLen || !isLetters(w) {
		// A three letter word is corrected only when it has no vowel,
		// as people drop them in a hurry ("lnk").
		return false
	}
	if ix.freq[w] > 0 || synonyms.words[w] {
		return false
	}
	s := stem(w)
	if _, ok := ix.terms[s]; ok {
		return false
	}
	return !synonyms.stems[s]
}

// mistyped reports whether w, a word the content does not know, is to be
// read as c, the known word nearest it. A word that is not English is a
// typo. An English word, typed as it is spelt, is what was meant ("sorry
// to bother" is not "worry"), unless c is one of the content's own
// everyday words, which a slip of the keys so often gives another real
// word for: "heath coach" is a health coach.
func (ix *Index) mistyped(w, c string) bool {
	return !englishWord(w) || c[0] == w[0] || ix.freq[c] >= commonAt
}

// commonAt is how many times the content must use a word for it to be
// one of its own everyday words (see mistyped).
var commonAt int32 = 20

// correct finds the known word w was most likely meant to be: within one
// edit (a letter added, dropped, changed, or two swapped), or two for words
// of seven letters or more when the first letter is right. Among equally
// near words it prefers one with the same first letter, then one with the
// same last letter ("superviosn" is "supervision", not "supervisor"), then
// the most frequent.
func (ix *Index) correct(w string) (string, int, bool) {
	maxD := 1
	if len(w) >= 7 {
		maxD = 2
	}
	m := letterMask(w)
	var (
		best      string
		bestD     = maxD + 1
		bestFirst bool
		bestLast  bool
		bestFreq  int32
	)
	for l := len(w) - maxD; l <= len(w)+maxD; l++ {
		if l < 0 || l >= len(ix.vocab) {
			continue
		}
		for _, v := range ix.vocab[l] {
			if bits.OnesCount32(m^v.mask) > 2*maxD {
				continue
			}
			d := distance(w, v.word, min(maxD, bestD))
			if d > maxD && maxD == 2 && v.word[0] == w[0] && bits.OnesCount32(m^v.mask) <= 2 && swappedAndSlipped(w, v.word) {
				d = 2 // "superviosn": two letters swapped and one dropped
			}
			if d > maxD {
				continue
			}
			if len(w) == 3 && !vowelAdded(w, v.word) {
				continue // "lnk" is "link", never "ink"
			}
			first := v.word[0] == w[0]
			if d == 2 && !first {
				continue // two edits and another first letter: too far a guess
			}
			last := v.word[len(v.word)-1] == w[len(w)-1]
			better := d < bestD ||
				d == bestD && first && !bestFirst ||
				d == bestD && first == bestFirst && last && !bestLast ||
				d == bestD && first == bestFirst && last == bestLast && v.freq > bestFreq
			if better {
				best, bestD, bestFirst, bestLast, bestFreq = v.word, d, first, last, v.freq
			}
		}
	}
	return best, bestD, best != ""
}

// swappedAndSlipped reports whether w is long with two neighbouring
// letters swapped and one other edit, which distance, that edits no letter
// twice, counts as three: "superviosn" for "supervision".
func swappedAndSlipped(w, long string) bool {
	if abs(len(w)-len(long)) > 1 {
		return false
	}
	b := []byte(w)
	for i := 0; i+1 < len(b); i++ {
		if b[i] == b[i+1] {
			continue
		}
		b[i], b[i+1] = b[i+1], b[i]
		d := distance(string(b), long, 1)
		b[i], b[i+1] = b[i+1], b[i]
		if d <= 1 {
			return true
		}
	}
	return false
}

// vowelAdded reports whether long is short with one vowel put in.
func vowelAdded(short, long string) bool {
	if len(long) != len(short)+1 {
		return false
	}
	for i := 0; i < len(long); i++ {
		if long[:i]+long[i+1:] == short {
			return isVowel(long[i])
		}
	}
	return false
}

func letterMask(w string) uint32 {
	var m uint32
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'a' && c <= 'z' {
			m |= 1 << (c - 'a')
		}
	}
	return m
}

// distance is the optimal string alignment distance between a and b (edits:
// insert, delete, substitute, swap neighbours), or bound+1 once it is sure
// to be more than bound. Both must be at most maxWordLen bytes.
func distance(a, b string, bound int) int {
	if abs(len(a)-len(b)) > bound {
		return bound + 1
	}
	var rows [3][maxWordLen + 1]int
	prev2, prev, cur := &rows[0], &rows[1], &rows[2]
	for j := 0; j <= len(b); j++ {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		low := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			low = min(low, v)
		}
		if low > bound {
			return bound + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], bound+1)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}
