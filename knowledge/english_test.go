package knowledge

import (
	"strings"
	"testing"
)

func TestEnglishWord(t *testing.T) {
	first, _, _ := strings.Cut(englishWords, "\n")
	last := englishWords[strings.LastIndexByte(strings.TrimSuffix(englishWords, "\n"), '\n')+1:]
	last = strings.TrimSuffix(last, "\n")
	for _, w := range []string{"alone", "wife", "died", "supervision", first, last} {
		if !englishWord(w) {
			t.Errorf("englishWord(%q) = false, want true", w)
		}
	}
	for _, w := range []string{"", "supervison", "coordinater", "wroker", "splw", "zzzzzz", "Alone"} {
		if englishWord(w) {
			t.Errorf("englishWord(%q) = true, want false", w)
		}
	}
}
