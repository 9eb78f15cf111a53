// Package text holds the small string helpers every peerbot package shares:
// an edit distance for "did you mean" and clipping that never splits a
// character. It depends on the standard library only.
package text

import "unicode/utf8"

// Slip reports how far word is from cand and whether that is near enough
// to be a typing slip for it: two edits, or one for a word of four letters
// or fewer, where two would make most short words near each other.
func Slip(word, cand string) (int, bool) {
	d := Distance(word, cand)
	limit := 2
	if len(cand) <= 4 {
		limit = 1
	}
	return d, d <= limit
}

// Distance is the optimal string alignment distance between a and b:
// inserting, deleting or changing a character, or swapping two neighbours
// ("lgo" for "log"), each cost one. It counts characters, not bytes.
func Distance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}

// Clip shortens s to at most n characters, ending a shortened string with
// "…" (which counts as one of the n). n below 1 gives "".
func Clip(s string, n int) string {
	if n < 1 {
		return ""
	}
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}

// ClipBytes shortens s to at most n bytes, cutting between characters, for
// limits counted in bytes. It adds no ellipsis.
func ClipBytes(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
