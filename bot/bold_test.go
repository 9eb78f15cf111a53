package bot

import (
	"math/rand/v2"
	"regexp"
	"testing"
)

// TestBoldIsTheRegexp holds bold to the regexp it stands in for, on
// chosen and random text of stars, letters and line breaks.
func TestBoldIsTheRegexp(t *testing.T) {
	re := regexp.MustCompile(`\*\*([^*\n]+)\*\*`)
	cases := []string{"", "**", "****", "**a**", "***a**", "**a***", "**a*b**", "x **Tue 1 Dec 2026** · clinical",
		"**a**b**c**", "**a\nb**", "** **", "*a*", "**é**", "a**b"}
	rng := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = "**ab\n"[rng.IntN(5)]
		}
		cases = append(cases, string(b))
	}
	for _, s := range cases {
		for _, mark := range []string{"*", ""} {
			if got, want := bold(s, mark), re.ReplaceAllString(s, mark+"${1}"+mark); got != want {
				t.Fatalf("bold(%q, %q) = %q, want %q", s, mark, got, want)
			}
		}
	}
}
